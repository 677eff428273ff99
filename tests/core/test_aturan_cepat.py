"""The shortcuts of the rules' hot paths (issue 16) give exactly what the plain computation gives.

Each test states the plain computation (as the code was before the shortcut) and compares it with the fast
one over the inputs where they could part: every label spelling, signed zeros, huge and tiny numbers, long text.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, getcontext, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpxl.core import enums
from skpxl.core.enums import SINONIM, Label, kunci
from skpxl.core.isian import _TEKS_CACHE, _baca_teks, _baca_teks_cache, baca_bilangan
from skpxl.core.nip import _digit_ascii
from skpxl.core.numbers import KONTEKS, dalam_konteks, format_angka

# --- Label.cari / Label.sinonim: one dict per class instead of a scan --------------------------------------


def _cari_scan(cls: type[Label], teks: object) -> Label | None:
    """The scan Label.cari used to run: members, then aliases, then SINONIM."""
    if isinstance(teks, cls):
        return teks
    if not isinstance(teks, str):
        return None
    k = kunci(teks)
    if not k:
        return None
    for m in cls:
        if kunci(m.value) == k:
            return m
    alias = cls._alias().get(k)
    if alias is not None:
        return cls(alias)
    return _sinonim_scan(cls, teks)


def _sinonim_scan(cls: type[Label], teks: object) -> Label | None:
    if not isinstance(teks, str):
        return None
    k = kunci(teks)
    for s in SINONIM:
        if s.daftar is cls and kunci(s.tertulis) == k:
            return cls(s.label)
    return None


KELAS = [c for c in vars(enums).values() if isinstance(c, type) and issubclass(c, Label) and c is not Label]
TEKS: list[object] = [None, 3, Decimal(1), "", "  ", "-", "??", "Cukup", "cukup ", "CUKUP!", "Baik", "kurang",
                      "a", "B", "jf", "Di atas", "diatas", "atas", "Sesuai Ekspektasi", "x"]  # fmt: skip
for c in KELAS:
    for m in c:
        TEKS += [m, m.value, m.value.upper(), f" {m.value.lower()} ", m.value.replace(" ", "")]
    TEKS += list(c._alias())
TEKS += [s.tertulis for s in SINONIM]


@pytest.mark.parametrize("cls", KELAS, ids=lambda c: c.__name__)
def test_cari_and_sinonim_equal_the_scan(cls: type[Label]) -> None:
    assert len(KELAS) >= 10
    for teks in TEKS:
        assert cls.cari(teks) is _cari_scan(cls, teks), (cls, teks)
        assert cls.sinonim(teks) is _sinonim_scan(cls, teks), (cls, teks)


@given(st.text(alphabet="aAbBcCdDeEiIkKlLmMnNpPrRsStTuU /.-0123", max_size=25))
def test_cari_equals_the_scan_on_any_text(teks: str) -> None:
    for cls in KELAS:
        assert cls.cari(teks) is _cari_scan(cls, teks)


# --- format_angka: bulat's common case inlined -------------------------------------------------------------


def _format_polos(nilai: Decimal, tempat: int) -> str:
    """format_angka as it was: half-up in a fresh context of at least 28 digits, "{:f}", trailing zeros dropped."""
    presisi = max(28, nilai.adjusted() + tempat + 2)
    teks = f"{nilai.quantize(Decimal((0, (1,), -tempat)), rounding=ROUND_HALF_UP, context=Context(prec=presisi)):f}"
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(".", ",")


ANGKA = ["0", "-0", "0.000", "-0.0000001", "0.0000005", "0.00000049", "5.625", "-2.675", "2.674999", "125",
         "1E+3", "1E-7", "-1E-9", "12345678901234567890123.456", "9" * 40, "0." + "0" * 30 + "1",
         "100.00000000000000000000000001", "1." + "5" * 60, "-0E+5", "7E+30"]  # fmt: skip


@pytest.mark.parametrize("teks", ANGKA)
@pytest.mark.parametrize("tempat", [0, 1, 2, 6, 7, 9])
def test_format_angka_equals_the_plain_rounding(teks: str, tempat: int) -> None:
    d = Decimal(teks)
    assert format_angka(d, tempat) == _format_polos(d, tempat)


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(min_value=0, max_value=8))
def test_format_angka_equals_the_plain_rounding_any(d: Decimal, tempat: int) -> None:
    assert format_angka(d, tempat) == _format_polos(d, tempat)


def test_format_angka_ignores_the_callers_context() -> None:
    with localcontext() as c:
        c.prec = 3
        c.rounding = "ROUND_DOWN"
        assert format_angka(Decimal("12345.675")) == "12345,68"


# --- dalam_konteks: a decorated call inside another runs in the outer's context ----------------------------


@dalam_konteks
def _konteks_dalam() -> object:
    return getcontext()


@dalam_konteks
def _konteks_luar() -> tuple[object, object, object]:
    sendiri = getcontext()
    with localcontext() as c:  # a context changed inside: the inner call must not run in it
        c.prec = 4
        diubah = _konteks_dalam()
    return sendiri, _konteks_dalam(), diubah


def test_nested_call_shares_the_entered_context_only() -> None:
    with localcontext() as host:
        host.prec = 5
        sendiri, dalam, diubah = _konteks_luar()
        assert dalam is sendiri  # no second copy of KONTEKS
        assert diubah is not sendiri
        for c in (sendiri, diubah):
            assert isinstance(c, Context)
            assert (c.prec, c.rounding, c.Emin, c.Emax) == (KONTEKS.prec, KONTEKS.rounding, KONTEKS.Emin, KONTEKS.Emax)
        tunggal = _konteks_dalam()  # called alone: a fresh copy, never the host's context
        assert tunggal is not host and isinstance(tunggal, Context) and tunggal.prec == KONTEKS.prec
        assert getcontext() is host and host.prec == 5


# --- baca_bilangan: short texts cached -------------------------------------------------------------------


@given(st.text(alphabet="0123456789.,-% sdbulan", max_size=20), st.booleans())
def test_cached_reading_equals_the_reading(teks: str, rentang: bool) -> None:
    assert baca_bilangan(teks, rentang=rentang) == _baca_teks(teks, rentang)
    assert baca_bilangan(teks, rentang=rentang) == _baca_teks(teks, rentang)  # now from the cache


def test_long_text_is_read_but_not_cached() -> None:
    panjang = "1" * (_TEKS_CACHE + 1) + " bulan kerja yang sangat panjang"
    sebelum = _baca_teks_cache.cache_info().currsize
    assert baca_bilangan(panjang) == _baca_teks(panjang, False) is None  # a sentence, not a number
    assert baca_bilangan("1" * (_TEKS_CACHE + 1)) == _baca_teks("1" * (_TEKS_CACHE + 1), False) is not None
    assert _baca_teks_cache.cache_info().currsize == sebelum


def test_decimal_cells_keep_their_own_value() -> None:
    for d in (Decimal("5"), Decimal("5.0"), Decimal("0"), Decimal("-0")):
        b = baca_bilangan(d)
        assert b is not None and b.nilai is d


# --- NIP digits: ASCII text skips the per-character Unicode lookup ------------------------------------------


def _digit_polos(teks: str) -> str | None:
    hasil = []
    for c in teks:
        d = unicodedata.decimal(c, None)
        if d is None:
            return None
        hasil.append(str(d))
    return "".join(hasil)


@given(st.text(alphabet="0123456789 a'.\u00b2\uff11\u0661", max_size=20) | st.from_regex(r"\d{18}", fullmatch=True))
def test_nip_digits_equal_the_unicode_lookup(teks: str) -> None:
    assert _digit_ascii(teks) == _digit_polos(teks)
