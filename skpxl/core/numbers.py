"""Decimal helpers: exact parsing of numbers as people type them, half-up rounding.

Indonesian convention: ``,`` is the decimal separator and ``.`` groups thousands
("1.250,5" = 1250.5). A lone ``.`` followed by exactly three digits ("1.250") is
ambiguous between the two conventions; it is read Indonesian-style (1250) and
flagged: validation asks the user to confirm, and the pure API refuses it (:func:`ke_decimal`).

Cell floats are read as Excel shows them (:func:`angka_sel`): Excel keeps and displays 15 significant
digits, so ``=0.1*34`` stored as 3.4000000000000004 is the 3,4 the user sees and must compare equal to a
typed 3,4. Every reader (main form, legacy form, batch, pure API) goes through that one function.

Computations run in a fixed Decimal context (:data:`KONTEKS`, :func:`dalam_konteks`), never in the caller's
global one: a host that set ``getcontext().prec = 4`` must not change an angka kredit.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    getcontext,
    localcontext,
)
from typing import ParamSpec, TypeVar

from skpxl.core.errors import InputTidakValid

DUA_DESIMAL = Decimal("0.01")

# The context of the current pack (permenpanrb-6-2022): Python's default context, made explicit so a
# caller's global context (low precision, another rounding, traps on Inexact) cannot change a result.
KONTEKS = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow])

_P = ParamSpec("_P")
_R = TypeVar("_R")


def dalam_konteks_dari(konteks: Context) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Decorator: run the function in a copy of ``konteks``, whatever the caller set globally."""

    # The context this decorator entered, while it is the current one: a decorated function called from another
    # (hitung → hitung_capaian per IKI and period) then runs in it instead of copying ``konteks`` again. Same
    # precision, rounding, limits and traps; only the flags are shared, and nothing reads or traps on them.
    aktif: ContextVar[Context | None] = ContextVar(f"dalam_konteks_{id(konteks):x}", default=None)

    def hias(fungsi: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(fungsi)
        def pembungkus(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            if getcontext() is aktif.get():
                return fungsi(*args, **kwargs)
            with localcontext(konteks) as ctx:
                token = aktif.set(ctx)
                try:
                    return fungsi(*args, **kwargs)
                finally:
                    aktif.reset(token)

        return pembungkus

    return hias


dalam_konteks = dalam_konteks_dari(KONTEKS)
"""Run a function of the permenpanrb-6-2022 pack (or any core entry point) in :data:`KONTEKS`."""

PRESISI_EXCEL = 15  # significant digits Excel keeps and shows
_KONTEKS_15 = Context(prec=PRESISI_EXCEL + 2, Emin=-9999, Emax=9999)  # room for every double's exponent
_FLOAT_NORMAL = sys.float_info.min  # below it (subnormals) a float carries fewer digits than repr suggests


def angka_sel(x: float) -> Decimal:
    """A float cell value as Excel shows it: rounded half-up to 15 significant digits, trailing zeros dropped.

    ``3.4000000000000004`` (from ``=0.1*34``) → ``Decimal("3.4")``; ``0.30000000000000004`` → ``0.3``.
    Raises :class:`InputTidakValid` for inf/nan, which no real cell holds.
    """
    if x.is_integer() and -1e15 < x < 1e15:
        return Decimal(int(x))  # a whole number Excel shows exactly (the common cell)
    if not math.isfinite(x):
        raise InputTidakValid(f"Nilai sel {x!r} bukan angka yang terhingga.")
    teks = repr(x)
    mantisa, e, _ = teks.partition("e")
    if abs(x) >= _FLOAT_NORMAL and len(mantisa.lstrip("-").replace(".", "").lstrip("0")) <= PRESISI_EXCEL:
        # The shortest round-trip text of a normal float lies within half an ulp of x, far less than half a unit
        # in the 15th digit, so it already is the 15-digit rounding (no trailing zeros in repr here).
        terbaca = Decimal(teks)
        if e and terbaca == terbaca.to_integral_value() and terbaca.adjusted() < 28:
            return Decimal(int(terbaca))  # 1e+20 → 100000000000000000000
        return terbaca
    tepat = Decimal(x)  # exact binary value; rounding it once avoids double rounding through repr()
    hasil = tepat.quantize(
        Decimal((0, (1,), tepat.adjusted() - PRESISI_EXCEL + 1)),  # built exactly: scaleb obeys the caller's Emin
        rounding=ROUND_HALF_UP,
        context=_KONTEKS_15,
    )
    if hasil == hasil.to_integral_value() and hasil.adjusted() < 28:
        return Decimal(int(hasil))  # "85", not "8.5E+1"
    return hasil.normalize(_KONTEKS_15)


_ANGKA = re.compile(r"^[+-]?(\d[\d.,]*|[.,]\d+)")


@dataclass(frozen=True)
class AngkaTerbaca:
    """A number recovered from text such as "85%", "1,5" or "12 bulan"."""

    nilai: Decimal
    satuan: str | None  # what followed the number ("bulan", "%"), if anything
    ambigu: bool  # "1.250": read as 1250, but 1.25 was possible
    alternatif: Decimal | None = None  # the other reading of an ambiguous number (1.25 for "1.250")


def _normalise_separators(digits: str) -> tuple[str, bool] | None:
    """Turn a digit string with . and , into a plain Python decimal string."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_sep = "," if digits.rfind(",") > digits.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        if digits.count(decimal_sep) > 1:
            return None
        return digits.replace(group_sep, "").replace(decimal_sep, "."), False
    if commas:
        if commas == 1:
            return digits.replace(",", "."), False
        return _grouped(digits, ",")
    if dots > 1:
        return _grouped(digits, ".")
    if dots == 1:
        head, tail = digits.split(".")
        if len(tail) == 3 and head and head.lstrip("-+") not in ("", "0"):
            return head + tail, True
        return digits, False
    return digits, False


def _grouped(digits: str, sep: str) -> tuple[str, bool] | None:
    """Digits grouped in threes by ``sep`` ("1.250.000"); anything else is not a number."""
    parts = digits.split(sep)
    if not parts[0] or any(len(p) != 3 for p in parts[1:]):
        return None
    return "".join(parts), False


def baca_angka(teks: str) -> AngkaTerbaca | None:
    """Parse a number typed as text; ``None`` when the text does not start with one."""
    s = teks.replace("\u00a0", " ").strip()
    m = _ANGKA.match(s)
    if not m:
        return None
    normal = _normalise_separators(m.group(0).rstrip(".,"))
    if normal is None:
        return None
    digits, ambigu = normal
    try:
        nilai = Decimal(digits)
        alternatif = Decimal(m.group(0).rstrip(".,")) if ambigu else None
    except InvalidOperation:
        return None
    rest = s[m.end() :].strip()
    if rest.startswith(("%", "persen")):
        return AngkaTerbaca(nilai, "%", ambigu, alternatif)
    return AngkaTerbaca(nilai, rest or None, ambigu, alternatif)


def _tulis_tegas(d: Decimal) -> str:
    """A number written so it cannot be misread: no thousands separator, decimal comma ("99999", "99,999")."""
    return f"{d:f}".replace(".", ",")


def ke_decimal(nilai: object, nama: str = "angka") -> Decimal:
    """Convert str/int/float/Decimal to a finite Decimal, or raise InputTidakValid.

    Floats are read as Excel shows them (:func:`angka_sel`, 15 significant digits), so 0.1 is
    Decimal("0.1") and 3.4000000000000004 is Decimal("3.4"). Text must be a number, optionally followed
    by "%" (the percent sign is dropped); text whose dot may group thousands or mark decimals ("99.999")
    is refused with both readings, since a function cannot ask back.
    """
    if isinstance(nilai, bool):
        raise InputTidakValid(f"{nama} harus berupa angka, bukan {nilai!r}.")
    if isinstance(nilai, Decimal):
        hasil = nilai
    elif isinstance(nilai, int):
        hasil = Decimal(nilai)
    elif isinstance(nilai, float):
        if nilai != nilai or nilai in (float("inf"), float("-inf")):
            raise InputTidakValid(f"{nama} harus berupa angka yang terhingga, bukan {nilai!r}.")
        hasil = angka_sel(nilai)
    elif isinstance(nilai, str):
        terbaca = baca_angka(nilai)
        if terbaca is None or terbaca.satuan not in (None, "%"):
            raise InputTidakValid(f"{nama} '{nilai}' bukan angka. Tulis angka saja, misalnya 85 atau 1,5.")
        if terbaca.ambigu and terbaca.alternatif is not None:
            ribuan, desimal = _tulis_tegas(terbaca.nilai), _tulis_tegas(terbaca.alternatif)
            raise InputTidakValid(
                f"{nama} '{nilai.strip()}' bermakna ganda: dapat dibaca {ribuan} (titik sebagai pemisah ribuan) "
                f"atau {desimal} (titik sebagai tanda desimal). Tulis {ribuan} atau {desimal}."
            )
        hasil = terbaca.nilai
    else:
        raise InputTidakValid(f"{nama} harus berupa angka, bukan {type(nilai).__name__}.")
    if not hasil.is_finite():
        raise InputTidakValid(f"{nama} harus berupa angka yang terhingga, bukan {nilai!r}.")
    return hasil


def bulat(nilai: Decimal, tempat: int = 2) -> Decimal:
    """Round half-up (Excel ROUND semantics), e.g. 5.625 → 5.63.

    The precision grows with the number, so a 30-digit value typed by mistake rounds instead of raising.
    """
    presisi = nilai.adjusted() + tempat + 2
    kuantum = _KUANTUM[tempat] if 0 <= tempat < len(_KUANTUM) else Decimal((0, (1,), -tempat))
    if presisi <= 28:  # the common case: one shared context instead of a new one per call
        return nilai.quantize(kuantum, rounding=ROUND_HALF_UP, context=_KONTEKS_BULAT)
    return nilai.quantize(kuantum, rounding=ROUND_HALF_UP, context=Context(prec=presisi))


_KUANTUM = tuple(Decimal((0, (1,), -t)) for t in range(7))  # 1, 0.1, 0.01 … as bulat's quantize wants them
# bulat's context for precision 28: what ``Context(prec=28)`` gives with Python's default DefaultContext, built once.
# quantize gets its rounding passed in; only prec, Emin/Emax and the traps matter here.
_KONTEKS_BULAT = Context(
    prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, traps=[InvalidOperation, DivisionByZero, Overflow]
)


def format_angka(nilai: Decimal, tempat: int = 2) -> str:
    """Indonesian display: half-up to ``tempat`` places, decimal comma, trailing zeros dropped."""
    if 0 <= tempat < len(_KUANTUM) and nilai.is_finite() and nilai.adjusted() + tempat + 2 <= 28:
        # bulat's common case inlined (this runs ~100 times per workbook). The result has exponent -tempat
        # ≥ -6 and a digit at or left of it, so str() writes it without an exponent, exactly as "{:f}" does.
        teks = str(nilai.quantize(_KUANTUM[tempat], rounding=ROUND_HALF_UP, context=_KONTEKS_BULAT))
    else:
        teks = f"{bulat(nilai, tempat):f}"
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(".", ",")
