"""Fuzzing: whatever people type, the value parsers and the model reader give a value or a finding, never an
unhandled exception; whatever a workbook holds, the recap writes it as text, never as a formula."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skpxl.core.enums import Rating
from skpxl.core.isian import Bacaan, baca_bilangan, baca_tanggal
from skpxl.core.nip import NIP, NipSalah, parse_nip
from skpxl.core.numbers import AngkaTerbaca, baca_angka, format_angka
from tests.bantu.strategi import TEKS_ORANG

CEPAT = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CEPAT
@given(TEKS_ORANG)
def test_baca_angka_value_or_none(teks: str) -> None:
    hasil = baca_angka(teks)
    assert hasil is None or (isinstance(hasil, AngkaTerbaca) and hasil.nilai.is_finite())


@CEPAT
@given(st.integers(0, 10**12), st.integers(0, 99))
def test_indonesian_numbers_read_back(bulat: int, sen: int) -> None:
    teks = f"{bulat:,}".replace(",", ".") + f",{sen:02d}"
    hasil = baca_angka(teks)
    assert hasil is not None and hasil.nilai == Decimal(bulat) + Decimal(sen) / 100


ISIAN = st.one_of(
    st.none(), TEKS_ORANG, st.decimals(allow_nan=True, allow_infinity=True), st.decimals(places=3, allow_nan=False)
)


@CEPAT
@given(ISIAN, st.booleans())
def test_baca_bilangan_value_or_none(isian: Any, rentang: bool) -> None:
    hasil = baca_bilangan(isian, rentang=rentang)
    assert hasil is None or (isinstance(hasil, Bacaan) and hasil.nilai.is_finite())


@CEPAT
@given(st.one_of(st.none(), TEKS_ORANG, st.dates(), st.datetimes(), st.from_regex(r"\d{1,3}[/.-]\d{1,3}[/.-]\d{1,6}")))
def test_baca_tanggal_value_or_none(isian: Any) -> None:
    hasil = baca_tanggal(isian)
    assert hasil is None or isinstance(hasil, date)


@CEPAT
@given(
    st.one_of(
        st.none(), TEKS_ORANG, st.integers(), st.floats(), st.booleans(), st.from_regex(r"\s*\d{18}\s*"),
        st.from_regex(r"\d{8} \d{6} [0-9] \d{3}"),
    )
)  # fmt: skip
def test_parse_nip_value_or_finding(nilai: Any) -> None:
    try:
        hasil = parse_nip(nilai)
    except NipSalah as e:  # the finding: a stable code and one Indonesian sentence
        assert e.kode.startswith("NIP_") and str(e)
    else:
        assert isinstance(hasil, NIP) and len(hasil.nip) == 18


@CEPAT
@given(st.one_of(st.none(), TEKS_ORANG, st.integers(), st.floats(), st.sampled_from(list(Rating))))
def test_rating_cari_member_or_none(teks: Any) -> None:
    hasil = Rating.cari(teks)
    assert hasil is None or isinstance(hasil, Rating)


@CEPAT
@given(st.sampled_from(list(Rating)), st.sampled_from([str.upper, str.lower, str.title]), st.integers(0, 3))
def test_rating_cari_loose_spelling(rating: Rating, kapital: Any, spasi: int) -> None:
    teks = (" " * spasi).join(kapital(rating.value).split(" "))
    assert Rating.cari(f" {teks} ") is rating


def test_format_angka_of_a_very_long_number() -> None:
    assert format_angka(Decimal("1e22"), 6) == "10000000000000000000000"
    assert format_angka(Decimal("9" * 30 + ".125")) == "9" * 30 + ",13"
