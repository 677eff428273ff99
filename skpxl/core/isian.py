"""Reading cell contents (Isian) into numbers, targets and dates, with findings for what is off.

The same functions serve validation (to report) and calculation (to use the value),
so both always agree on how "1,5" or "80-90" is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from skpxl.core.models import Isian
from skpxl.core.numbers import baca_angka


@dataclass(frozen=True)
class Bacaan:
    """A number read from a cell. ``catatan`` lists finding kinds: TEKS_ANGKA, AMBIGU, SATUAN."""

    nilai: Decimal
    atas: Decimal | None = None  # upper bound when a range "80-90" was given
    catatan: tuple[str, ...] = field(default=())
    satuan: str | None = None  # a unit word typed after the number ("12 bulan")

    @property
    def teks(self) -> str:
        return f"{self.nilai}" if self.atas is None else f"{self.nilai}–{self.atas}"


_RENTANG = re.compile(r"^\s*(\S+?)\s*(?:-|–|—|s\.?d\.?|s/d|sampai)\s*(\S+?)\s*(%|persen)?\s*$", re.IGNORECASE)


def kosong(isian: object) -> bool:
    return isian is None or (isinstance(isian, str) and not isian.strip())


def baca_bilangan(isian: Isian, *, rentang: bool = False) -> Bacaan | None:
    """A number (or, with ``rentang``, a range) from a cell; None when it is not one.

    Text may carry "%" or a unit word after the number ("12 bulan"); the unit is kept
    in ``satuan`` so validation can suggest moving it to the satuan column.
    """
    if isinstance(isian, Decimal):
        return Bacaan(isian) if isian.is_finite() else None
    if not isinstance(isian, str) or kosong(isian):
        return None
    if len(isian) <= _TEKS_CACHE:
        return _baca_teks_cache(isian, rentang)
    return _baca_teks(isian, rentang)


def _baca_teks(isian: str, rentang: bool) -> Bacaan | None:
    if rentang:
        m = _RENTANG.match(isian)
        if m and not isian.strip().startswith("-"):
            lo, hi = baca_angka(m.group(1)), baca_angka(m.group(2))
            if lo and hi and lo.satuan in (None, "%") and hi.satuan in (None, "%"):
                catatan = ("AMBIGU",) if lo.ambigu or hi.ambigu else ()
                return Bacaan(lo.nilai, hi.nilai, catatan)
    angka = baca_angka(isian)
    if angka is None:
        return None
    if angka.satuan not in (None, "%"):
        if len(angka.satuan or "") > 25:  # a sentence that starts with a number, not a number
            return None
        return Bacaan(angka.nilai, None, ("SATUAN",), angka.satuan)
    return Bacaan(angka.nilai, None, ("AMBIGU",) if angka.ambigu else ("TEKS_ANGKA",))


# A target is read by several rules and again for every period; equal text reads the same (the result is frozen
# and depends on nothing else: the decimal context plays no part in parsing), so short texts — every number typed
# as text — are cached. Long ones are not, so a hostile file cannot fill memory with 32,767-character keys.
# Decimal cells are not cached either: 5 and 5.0, or 0 and -0, are equal keys but keep their own value.
_TEKS_CACHE = 64
_baca_teks_cache = lru_cache(maxsize=4096)(_baca_teks)


def alternatif_desimal(isian: Isian) -> str:
    """How to write an ambiguous "1.250" if a decimal was meant ("1,250")."""
    return isian.replace(".", ",") if isinstance(isian, str) else ""


_NAMA_BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "nop": 11, "desember": 12, "des": 12,
}  # fmt: skip


def baca_tanggal(isian: object) -> date | None:
    """A date from a date cell or from text: "31/12/2026", "31-12-2026", "2026-12-31 00:00", "31 Des. 2026"."""
    if isinstance(isian, datetime):
        return isian.date()
    if isinstance(isian, date):
        return isian
    if not isinstance(isian, str):
        return None
    s = " ".join(isian.strip().lower().split())
    if m := re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", s):
        h, b, t = (int(x) for x in m.groups())
    elif m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", s):
        t, b, h = (int(x) for x in m.groups())
    elif (m := re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", s)) and m.group(2) in _NAMA_BULAN:
        h, b, t = int(m.group(1)), _NAMA_BULAN[m.group(2)], int(m.group(3))
    else:
        return None
    try:
        return date(t, b, h)
    except ValueError:
        return None


def format_tanggal(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"
