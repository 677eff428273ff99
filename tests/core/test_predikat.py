"""The predikat matrix of PermenPANRB 6/2022, cell by cell, and label parsing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skpxl
from skpxl import Predikat, Rating

A, S, B = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"

MATRIX = [
    (A, B, "Kurang/Misconduct"),
    (A, S, "Baik"),
    (A, A, "Sangat Baik"),
    (S, B, "Kurang/Misconduct"),
    (S, S, "Baik"),
    (S, A, "Baik"),
    (B, B, "Sangat Kurang"),
    (B, S, "Butuh Perbaikan"),
    (B, A, "Butuh Perbaikan"),
]


@pytest.mark.parametrize(("hasil_kerja", "perilaku", "label"), MATRIX)
def test_every_matrix_cell(hasil_kerja: str, perilaku: str, label: str) -> None:
    result = skpxl.predikat(hasil_kerja, perilaku)
    assert isinstance(result, Predikat)
    assert result.value == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diatas", Rating.DI_ATAS),
        ("Diatas Ekspektasi", Rating.DI_ATAS),
        ("DI ATAS EKSPEKTASI", Rating.DI_ATAS),
        ("Di  Bawah Ekspektasi", Rating.DI_BAWAH),
        (" dibawah ", Rating.DI_BAWAH),
        ("sesuai", Rating.SESUAI),
        (Rating.SESUAI, Rating.SESUAI),
    ],
)
def test_rating_spellings(text: str, expected: Rating) -> None:
    assert Rating.dari_teks(text) is expected


def test_official_labels_exact() -> None:
    assert [p.value for p in Predikat] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    assert [r.value for r in Rating] == [A, S, B]
    assert [o.value for o in skpxl.PredikatOrganisasi] == [
        "Istimewa",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]


@pytest.mark.parametrize("bad", ["Luar Biasa", "", "   ", None, 3, "atas sekali"])
def test_unknown_rating_is_indonesian_value_error(bad: object) -> None:
    with pytest.raises(ValueError, match="tidak dikenal") as info:
        skpxl.predikat(bad, S)  # type: ignore[arg-type]
    assert isinstance(info.value, skpxl.InputTidakValid)
    assert "Di Atas Ekspektasi" in str(info.value)  # the message lists the allowed labels


def _spelling(r: Rating) -> st.SearchStrategy[str]:
    return st.sampled_from([r.value, r.value.upper(), r.value.lower().replace(" ", ""), "  " + r.value + " "])


@given(st.sampled_from(list(Rating)).flatmap(_spelling), st.sampled_from(list(Rating)).flatmap(_spelling))
def test_predikat_total_and_spelling_invariant(hk: str, pk: str) -> None:
    assert skpxl.predikat(hk, pk) is skpxl.predikat(Rating.dari_teks(hk), Rating.dari_teks(pk))


def test_matrix_monotone_in_both_axes() -> None:
    order = [Predikat.SANGAT_KURANG, Predikat.KURANG, Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, Predikat.SANGAT_BAIK]
    # Better perilaku never lowers the predikat for a fixed hasil kerja (order of the AK percentages).
    for hk in Rating:
        ranks = [order.index(skpxl.predikat(hk, pk)) for pk in (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)]
        assert ranks == sorted(ranks)
