"""Issue 15: numbers exactly as people mean them.

- one reader of cell floats: the Decimal of Excel's 15-digit display (property test against an
  independent exact-rational oracle);
- ambiguous "99.999" refused by the pure API with both readings;
- every public function independent of the caller's global decimal context (hostile contexts).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    Context,
    Decimal,
    Inexact,
    Rounded,
    localcontext,
)
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skpxl
from skpxl.core.numbers import angka_sel, baca_angka, bulat, format_angka, ke_decimal
from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.core.packs import pp_46_2011 as p46

# --------------------------------------------------------------------------- the one reader of cell floats


def tampilan_excel(x: float) -> Decimal:  # also used by tests/buku/test_angka_sel_buku.py
    """Independent oracle: the exact rational value of ``x`` rounded half-up to 15 significant digits."""
    q = Fraction(x)
    if q == 0:
        return Decimal(0)
    tanda = 1 if q < 0 else 0
    q, e = abs(q), 0
    while q >= 10**15:
        q, e = q / 10, e + 1
    while q < 10**14:
        q, e = q * 10, e - 1
    n = math.floor(q + Fraction(1, 2))
    return Decimal((tanda, tuple(int(c) for c in str(n)), e))


@pytest.mark.slow
@settings(max_examples=500)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_cell_is_excels_15_digit_display(x: float) -> None:
    harapan = tampilan_excel(x)
    assert angka_sel(x) == harapan
    assert ke_decimal(x) == harapan  # pure API (the workbook readers: tests/buku/test_angka_sel_buku.py)


@given(st.integers(min_value=-(10**14), max_value=10**14), st.integers(min_value=1, max_value=9))
def test_noise_of_a_decimal_computation_disappears(n: int, k: int) -> None:
    # what a formula does to a typed decimal: 0.1*34, n/10**k computed in binary
    assert angka_sel(n / 10**k) == Decimal(n).scaleb(-k)


@pytest.mark.parametrize(
    ("x", "tampil"),
    [
        (0.1 * 34, "3.4"),
        (5.1 - 1.7, "3.4"),
        (0.1 + 0.2, "0.3"),
        (9.120000000000001, "9.12"),
        (85.0, "85"),
        (1 / 3, "0.333333333333333"),
        (2 / 3, "0.666666666666667"),
        (1234567890123455.0, "1234567890123460"),  # an exact tie rounds half-up, as Excel's ROUND
        (1e20, "100000000000000000000"),
        (-0.0, "0"),
    ],
)
def test_examples(x: float, tampil: str) -> None:
    assert str(angka_sel(x)) == tampil


def test_why_of_the_issue_formula_noise_is_100_percent() -> None:
    assert skpxl.capaian(5.1 - 1.7, 0.1 * 34) == 100
    assert skpxl.capaian(5.1 - 1.7, 0.1 * 34, arah="khusus") == 100


# --------------------------------------------------------------------------- ambiguous text


@pytest.mark.parametrize(
    ("panggil", "pesan"),
    [
        (
            lambda: skpxl.capaian(100, "99.999"),
            "Realisasi '99.999' bermakna ganda: dapat dibaca 99999 (titik sebagai pemisah ribuan) atau 99,999 "
            "(titik sebagai tanda desimal). Tulis 99999 atau 99,999.",
        ),
        (
            lambda: p46.sebutan("75.001"),
            "Nilai '75.001' bermakna ganda: dapat dibaca 75001 (titik sebagai pemisah ribuan) atau 75,001 "
            "(titik sebagai tanda desimal). Tulis 75001 atau 75,001.",
        ),
        (
            lambda: skpxl.capaian("1.250", 1000),
            "Target '1.250' bermakna ganda: dapat dibaca 1250 (titik sebagai pemisah ribuan) atau 1,250 "
            "(titik sebagai tanda desimal). Tulis 1250 atau 1,250.",
        ),
    ],
)
def test_pure_api_refuses_ambiguous_text_with_both_readings(panggil: Callable[[], object], pesan: str) -> None:
    with pytest.raises(skpxl.InputTidakValid) as info:
        panggil()
    assert str(info.value) == pesan


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=0, max_value=999))
def test_every_dot_and_three_digits_is_ambiguous_in_the_api(ribuan: int, tiga: int) -> None:
    teks_ = f"{ribuan}.{tiga:03d}"
    with pytest.raises(skpxl.InputTidakValid, match="bermakna ganda") as info:
        ke_decimal(teks_)
    assert f"{ribuan}{tiga:03d}" in str(info.value)
    assert f"{ribuan},{tiga:03d}" in str(info.value)
    terbaca = baca_angka(teks_)  # in workbooks it stays a reading plus a finding
    assert terbaca is not None and terbaca.ambigu
    assert terbaca.alternatif == Decimal(f"{ribuan}.{tiga:03d}")


@pytest.mark.parametrize("teks_", ["1.250,5", "1.250.000", "1,250", "0.125", "1.5", "12.50", "85%"])
def test_unambiguous_text_still_read(teks_: str) -> None:
    ke_decimal(teks_)


# --------------------------------------------------------------------------- hostile decimal contexts

HOSTILE = [
    Context(prec=4),
    Context(prec=1, rounding=ROUND_FLOOR),
    Context(prec=6, rounding=ROUND_DOWN, traps=[Inexact, Rounded]),
    Context(prec=28, rounding=ROUND_CEILING, traps=[Inexact]),
    Context(prec=3, rounding=ROUND_05UP, Emax=6, Emin=-6),
]


def _hasil(f: Callable[[], object]) -> str:
    try:
        return repr(f())
    except ValueError as e:  # every skpxl error is a ValueError with an Indonesian sentence
        return f"{type(e).__name__}: {e}"


def sama_di_semua_konteks(f: Callable[[], object]) -> None:
    with localcontext(Context()):  # Python's default context
        harapan = _hasil(f)
    for ctx in HOSTILE:
        with localcontext(ctx):
            assert _hasil(f) == harapan, ctx


ANGKA = st.one_of(
    st.integers(min_value=0, max_value=10**6),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    st.sampled_from(["85%", "1,5", "1.250,5", "99.999", "0", "12"]),
)
PREDIKAT = st.sampled_from([*skpxl.Predikat, "Cukup"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(ANGKA, ANGKA, st.sampled_from(["normal", "khusus"]), PREDIKAT, st.sampled_from(list(skpxl.Jenjang)),
       st.integers(min_value=0, max_value=13))  # fmt: skip
def test_public_api_ignores_the_global_context(
    t: Any, r: Any, arah: str, predikat: Any, jenjang: skpxl.Jenjang, bulan: int
) -> None:
    sama_di_semua_konteks(lambda: skpxl.capaian(t, r, arah=arah))
    sama_di_semua_konteks(lambda: skpxl.capaian(t, r, target_atas=Decimal(1000), arah=arah))
    sama_di_semua_konteks(lambda: skpxl.angka_kredit(predikat, jenjang, bulan))
    sama_di_semua_konteks(lambda: skpxl.predikat("Di Atas", "sesuai"))
    sama_di_semua_konteks(lambda: [v.pesan for v in skpxl.cek_kurva("Kurang", {predikat: bulan + 1, "Baik": 7})])
    sama_di_semua_konteks(lambda: skpxl.parse_nip("199203152019031002"))
    sama_di_semua_konteks(
        lambda: (ke_decimal(t), bulat(ke_decimal(r)), format_angka(ke_decimal(r), 1), angka_sel(float(r)))
    )


@settings(max_examples=100, deadline=None)
@given(ANGKA, ANGKA, ANGKA, st.booleans())
def test_old_packs_ignore_the_global_context(a: Any, b: Any, c: Any, flag: bool) -> None:
    sama_di_semua_konteks(lambda: p46.nilai_waktu(12, b))
    sama_di_semua_konteks(lambda: p46.sebutan(a))
    sama_di_semua_konteks(lambda: p46.hitung_skp([p46.Kegiatan.buat(to=1, ro=1, tk=100, rk=c, tw=12, rw=b)]))
    sama_di_semua_konteks(lambda: p46.prestasi_kerja(a, c))
    sama_di_semua_konteks(lambda: p8.hitung_iki(realisasi=a, target=b, target_maksimal=flag))
    sama_di_semua_konteks(lambda: p8.nilai_capaian(c))
    sama_di_semua_konteks(lambda: p8.nilai_kinerja(a, c, inovasi=flag))


def test_angka_kredit_of_the_issue_under_prec_4() -> None:
    with localcontext(Context(prec=4)):
        assert skpxl.angka_kredit("Sangat Baik", "Ahli Madya", 7) == Decimal("32.81")
        assert skpxl.capaian(3, 1) == Decimal("33.33333333333333333333333333")


def test_whole_form_validasi_and_hitung_ignore_the_global_context() -> None:
    from skpxl.core.hitung import hitung
    from skpxl.core.validasi import validasi
    from tests.bantu.formulir import form_bersih

    form = form_bersih()
    sama_di_semua_konteks(lambda: (validasi(form), hitung(form)))
