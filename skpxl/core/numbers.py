"""Decimal helpers: exact parsing of numbers as people type them, half-up rounding.

Indonesian convention: ``,`` is the decimal separator and ``.`` groups thousands
("1.250,5" = 1250.5). A lone ``.`` followed by exactly three digits ("1.250") is
ambiguous between the two conventions; it is read Indonesian-style (1250) and
flagged so validation can ask the user to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from skpxl.core.errors import InputTidakValid

DUA_DESIMAL = Decimal("0.01")

_ANGKA = re.compile(r"^[+-]?(\d[\d.,]*|[.,]\d+)")


@dataclass(frozen=True)
class AngkaTerbaca:
    """A number recovered from text such as "85%", "1,5" or "12 bulan"."""

    nilai: Decimal
    satuan: str | None  # what followed the number ("bulan", "%"), if anything
    ambigu: bool  # "1.250": read as 1250, but 1.25 was possible


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
    except InvalidOperation:
        return None
    rest = s[m.end() :].strip()
    if rest.startswith(("%", "persen")):
        return AngkaTerbaca(nilai, "%", ambigu)
    return AngkaTerbaca(nilai, rest or None, ambigu)


def ke_decimal(nilai: object, nama: str = "angka") -> Decimal:
    """Convert str/int/float/Decimal to a finite Decimal, or raise InputTidakValid.

    Floats go through ``repr`` so 0.1 becomes Decimal("0.1"), as the user typed it.
    Text must be a number, optionally followed by "%" (the percent sign is dropped).
    """
    if isinstance(nilai, bool):
        raise InputTidakValid(f"{nama} harus berupa angka, bukan {nilai!r}.")
    if isinstance(nilai, Decimal):
        hasil = nilai
    elif isinstance(nilai, int):
        hasil = Decimal(nilai)
    elif isinstance(nilai, float):
        hasil = Decimal(repr(nilai))
    elif isinstance(nilai, str):
        terbaca = baca_angka(nilai)
        if terbaca is None or terbaca.satuan not in (None, "%"):
            raise InputTidakValid(f"{nama} '{nilai}' bukan angka. Tulis angka saja, misalnya 85 atau 1,5.")
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
    presisi = max(28, nilai.adjusted() + tempat + 2)
    return nilai.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP, context=Context(prec=presisi))


def format_angka(nilai: Decimal, tempat: int = 2) -> str:
    """Indonesian display: half-up to ``tempat`` places, decimal comma, trailing zeros dropped."""
    teks = f"{bulat(nilai, tempat):f}"
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(".", ",")
