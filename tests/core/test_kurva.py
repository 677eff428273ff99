"""Kurva distribusi (spec §5): every rule at and around its threshold, messages, scale invariance."""

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skpxl
from skpxl import Predikat, PredikatOrganisasi

SB, B, BP, K, SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                    Predikat.SANGAT_KURANG)  # fmt: skip


def broken(org: str, counts: Mapping[Predikat, int] | Mapping[str, int]) -> list[str]:
    return [v.pesan for v in skpxl.cek_kurva(org, counts)]


def test_spec_example_message() -> None:
    msgs = broken("Baik", {B: 9, SB: 2, BP: 1})
    assert msgs == ["Organisasi Baik: 9 dari 12 pegawai (75%) berpredikat Baik, maksimal 70% (8 orang)."]


@pytest.mark.parametrize(("sb", "other", "ok"), [(7, 3, True), (8, 3, False), (70, 30, True), (71, 29, False)])
def test_istimewa_sangat_baik_at_most_70(sb: int, other: int, ok: bool) -> None:
    assert (broken("Istimewa", {SB: sb, B: other}) == []) is ok


def test_istimewa_rest_is_free() -> None:
    assert broken("Istimewa", {SK: 10}) == []


@pytest.mark.parametrize(("b", "bp", "sb", "ok"), [(7, 1, 2, True), (8, 1, 1, False), (6, 0, 4, False)])
def test_baik(b: int, bp: int, sb: int, ok: bool) -> None:
    assert (broken("Baik", {B: b, BP: bp, SB: sb}) == []) is ok


def test_baik_needs_at_least_one_bp_or_kurang() -> None:
    (msg,) = broken("Baik", {B: 7, SB: 3})
    assert "tidak ada pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct" in msg
    assert broken("Baik", {B: 7, SB: 2, K: 1}) == []


@pytest.mark.parametrize(("bp", "sb", "other", "n_broken"), [(6, 1, 3, 0), (5, 1, 4, 1), (6, 2, 2, 1), (5, 2, 3, 2)])
def test_butuh_perbaikan(bp: int, sb: int, other: int, n_broken: int) -> None:
    assert len(broken("Butuh Perbaikan", {BP: bp, SB: sb, B: other})) == n_broken


def test_butuh_perbaikan_minimum_message_counts_people() -> None:
    (msg,) = broken("Butuh Perbaikan", {BP: 5, B: 5})
    assert msg == (
        "Organisasi Butuh Perbaikan: 5 dari 10 pegawai (50%) berpredikat Butuh Perbaikan, minimal 60% (6 orang)."
    )


@pytest.mark.parametrize(
    ("k", "bp", "sb", "other", "n_broken"),
    [(6, 1, 1, 2, 0), (5, 1, 1, 3, 1), (6, 0, 1, 3, 1), (6, 1, 2, 1, 1), (12, 2, 0, 0, 0), (12, 1, 0, 1, 1)],
)
def test_kurang(k: int, bp: int, sb: int, other: int, n_broken: int) -> None:
    assert len(broken("Kurang", {K: k, BP: bp, SB: sb, B: other})) == n_broken


def test_sangat_kurang() -> None:
    assert broken("Sangat Kurang", {SK: 6, K: 1, BP: 0, B: 3}) == []
    assert broken("Sangat Kurang", {SK: 6, BP: 1, B: 3}) == []
    (msg,) = broken("Sangat Kurang", {SK: 6, B: 4})
    assert "Kurang/Misconduct + Butuh Perbaikan" in msg and "minimal 10% (1 orang)" in msg
    (msg,) = broken("Sangat Kurang", {SK: 8, K: 1, SB: 1})
    assert msg.endswith("berpredikat Sangat Baik, padahal tidak boleh ada.")


def test_exact_fractions_not_rounded_percentages() -> None:
    # 2/3 = 66.67% ≥ 60%; 5/9 = 55.6% < 60%; 7/10 exactly 70% is allowed (at most)
    assert broken("Butuh Perbaikan", {BP: 2, B: 1}) == []
    assert len(broken("Butuh Perbaikan", {BP: 5, B: 4})) == 1
    assert broken("Istimewa", {SB: 7, B: 3}) == []
    # 3/5 is exactly 60%: allowed (at least)
    assert broken("Kurang", {K: 3, BP: 1, B: 1}) == []


def test_empty_unit_has_nothing_to_check() -> None:
    assert broken("Baik", {}) == []


def test_labels_and_bad_input() -> None:
    assert broken("baik", {"baik": 9, "sangat baik": 2, "Kurang": 1})  # lenient labels
    with pytest.raises(skpxl.InputTidakValid, match="tidak dikenal"):
        skpxl.cek_kurva("Luar Biasa", {B: 1})
    with pytest.raises(skpxl.InputTidakValid, match="bilangan bulat"):
        skpxl.cek_kurva("Baik", {B: -1})
    with pytest.raises(skpxl.InputTidakValid, match="tidak dikenal"):
        skpxl.cek_kurva("Baik", {"Hebat": 1})


counts = st.dictionaries(st.sampled_from(list(Predikat)), st.integers(0, 40), min_size=1)


@pytest.mark.slow
@given(st.sampled_from(list(PredikatOrganisasi)), counts, st.integers(1, 7))
def test_verdict_invariant_under_scaling(org: PredikatOrganisasi, c: dict[Predikat, int], factor: int) -> None:
    before = [v.aturan for v in skpxl.cek_kurva(org, c)]
    after = [v.aturan for v in skpxl.cek_kurva(org, {p: n * factor for p, n in c.items()})]
    assert before == after


@given(st.sampled_from(list(PredikatOrganisasi)), counts)
def test_every_violation_message_names_counts(org: PredikatOrganisasi, c: dict[Predikat, int]) -> None:
    n = sum(c.values())
    for v in skpxl.cek_kurva(org, c):
        assert v.pesan.startswith(f"Organisasi {org.value}: ")
        assert f"dari {n} pegawai" in v.pesan
        assert v.total == n
