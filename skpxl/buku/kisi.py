"""Cell values of a worksheet in the canonical form, from the pre-read check's one regex pass (issue 16).

Excel, LibreOffice, openpyxl and XlsxWriter write every cell as ``<c r="B7" s="3" t="s"><v>12</v></c>``
(attributes in that order, an optional ``<f>``, a ``<v>`` or a plain inline ``<is><t>``). The check
already scans each worksheet once with :data:`SEL`, a C-implemented regular expression; when every
``<c`` of the part matched it, the matches *are* the sheet's cells, and :class:`Kisi` gives the
values python-calamine would have given, without a second parse, converting only the cells read.

Anything this module is not certain to read exactly as calamine does raises :class:`TidakPasti`,
and the reader asks calamine for that sheet instead: a numeric cell with a date format
other than a whole day after 1 March 1900, durations, the 1904 date system, ``_xHHHH_`` escapes,
carriage returns, unknown entities, a bad shared-string index, a number calamine might parse
differently (``NaN``, ``1_000``), a cell type other than n/s/str/b/e/inlineStr. Tests compare both
readers cell by cell on every workbook the project builds and on generated values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, Generic, TypeVar, cast

__all__ = [
    "ATR_BIASA",
    "BERPREFIKS",
    "SEL",
    "Bahan",
    "Kisi",
    "Potongan",
    "Sel",
    "TidakPasti",
    "ada_ekor",
    "daftar_si",
    "date_1904",
    "format_tanggal",
    "sel_kanonik",
]

# (column, row, style, type, value, inline <t> element with its opening tag) of one cell; empty groups: b"".
Sel = tuple[bytes, bytes, bytes, bytes, bytes, bytes]

SEL = re.compile(
    rb'<c r="([A-Z])([0-9]{1,4})"(?: s="([0-9]{1,6})")?(?: t="([a-zA-Z]{1,9})")? ?'
    rb"(?:/>|>(?:<f(?: [^<>/]*+)?(?:/>|>[^<]*+</f>))?"
    rb'(?:<v>([^<]*+)</v>|<v ?/>)?(?:<is>(<t(?: xml:space="preserve")?>[^<]*+)</t></is>)?</c>)'
)
"""One canonical cell. Bounded: column A–Z, row ≤ 9999 (the check's fast path relies on it)."""

ATR_BIASA = rb'(?:\s+[a-qs-zA-Z_][\w:.-]*+="[^"<>&]*+")*+\s*+/?>'
"""Plain attributes after a canonical ``<row r="…"``."""
# With every "<c " consumed by SEL, this finds what is left: another <c tag, a row not in the canonical
# form, a comment/CDATA/DTD. One pass (each "<" tried once).
_SISA = re.compile(rb'<(?:!|c[\t\n\r>/]|row(?! r="[0-9]{1,4}"' + ATR_BIASA + rb")[\s>/])")
BERPREFIKS = re.compile(rb":(?:c|row|mergeCell|hyperlink)[\s>/]")
"""A namespace-prefixed cell, row or area tag (valid XML that no pattern here reads)."""

Baris = dict[int, dict[int, Sel]]
"""Cells with a value, by 0-based row and column."""
# One piece of a worksheet part (split at "<row "): canonical?, cells certain (no cell twice)?, the cells
# as (row, cells) pairs (a sheet's pieces become one dict in a single C call), and whether it holds what belongs
# after the rows (see ada_ekor): the check then searches the part's tail only.
Potongan = tuple[bool, bool, tuple[tuple[int, dict[int, Sel]], ...], bool]
_PASTI, _ISI = itemgetter(1), itemgetter(2)
T = TypeVar("T")


class _Ingatan(Generic[T]):
    """A per-process memory keyed by bytes, bounded in entries and in key bytes (a crafted folder of huge
    repeated rows must not make a worker hold gigabytes).

    Two generations of at most ``maks`` entries and ``maks_bita`` key bytes each: when the newer is full it
    becomes the older and the older is dropped; an entry found in the older moves to the newer. What every
    file uses (a template's rows) stays; what came twice and never again (rows of people's data that happen
    to repeat) drops out. Emptying the whole memory when full made a worker relearn every template row: on
    the varied benchmark corpus that cost 0.7 ms per file.
    """

    def __init__(self, maks: int, maks_bita: int) -> None:
        self.isi: dict[bytes, T] = {}  # the newer generation
        self.lama: dict[bytes, T] = {}
        self.bita = 0
        self.maks, self.maks_bita = maks, maks_bita

    def __len__(self) -> int:
        return len(self.isi) + len(self.lama)

    def get(self, kunci: bytes) -> T | None:
        nilai = self.isi.get(kunci)
        return self.dari_lama(kunci) if nilai is None else nilai

    def dari_lama(self, kunci: bytes) -> T | None:
        """The entry from the older generation (moved to the newer), or None."""
        nilai = self.lama.pop(kunci, None)
        if nilai is not None:
            self.simpan(kunci, nilai)
        return nilai

    def simpan(self, kunci: bytes, nilai: T) -> None:
        if len(kunci) > self.maks_bita:
            return
        if len(self.isi) >= self.maks or self.bita + len(kunci) > self.maks_bita:
            self.lama, self.isi, self.bita = self.isi, {}, 0
        self.isi[kunci] = nilai
        self.bita += len(kunci)

    def kunci(self) -> list[bytes]:
        return [*self.isi, *self.lama]

    def clear(self) -> None:
        self.isi, self.lama, self.bita = {}, {}, 0


# Pieces (the rows of a template are ≈2,000 pieces, ≈1.5 MB) and decoded shared strings (TidakPasti ones not kept).
_POTONGAN: _Ingatan[Potongan] = _Ingatan(4_096, 4 * 2**20)  # per generation: 8,192 pieces, 8 MiB of keys in all
_STRING: _Ingatan[str] = _Ingatan(8_192, 2**20)
_DILIHAT: set[int] = set()  # hashes of pieces seen once: a piece is remembered when it comes again
_MAKS_DILIHAT = 200_000

_ANGKA = re.compile(rb"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_ENTITAS = re.compile(rb"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));")
_ENTITAS_NAMA = {b"amp": "&", b"lt": "<", b"gt": ">", b"quot": '"', b"apos": "'"}
_SI_ITEM = re.compile(rb"<si>([^<]*+(?:<(?!/?si>)[^<]*+)*+)</si>")  # body: up to the next <si> or </si>
_SI_POLOS = re.compile(rb'(<t(?: xml:space="preserve")?>[^<]*+)</t>|<t ?/>')
_RUN = rb'<r>(?:<rPr>(?:[^<]|<(?!/rPr>))*+</rPr>)?(?:(<t(?: xml:space="preserve")?>[^<]*+)</t>|<t ?/>)</r>'
_SI_RUN = re.compile(_RUN)
_SI_KAYA = re.compile(rb"(?:" + _RUN + rb")++")  # rich text: runs only (no phonetic runs, no extensions)
_XF = re.compile(rb"<xf\b([^<>]*+)")
_NUMFMT = re.compile(rb"<numFmt\b([^<>]*+)")
_ATR = re.compile(rb'([A-Za-z]++)="([^"<>]*+)"')
_PRESERVE = b'<t xml:space="preserve">'
_DATE_1904 = re.compile(rb'\bdate1904="([^"<>]*+)"')
_DASAR_TANGGAL = date(1899, 12, 30)
_TANGGAL_BAWAAN = frozenset(range(14, 23)) | {45, 46, 47}  # calamine's built-in date/time formats


class TidakPasti(Exception):
    """This module cannot be sure it reads a value as calamine does: let calamine read it."""


def _teks(b: bytes) -> str:
    if b"_x" in b or b"\r" in b:
        raise TidakPasti  # _xHHHH_ escapes and line-end handling: calamine's rules
    s = b.decode("utf-8")  # UnicodeDecodeError: calamine decides
    if "&" not in s:
        return s
    hasil = _ENTITAS.sub(_entitas, b).decode("utf-8")
    if b"&" in _ENTITAS.sub(b"", b):
        raise TidakPasti  # an entity we do not know (no DTD is ever read)
    return hasil


def _entitas(m: re.Match[bytes]) -> bytes:
    nama, des, heks = m.groups()
    if nama:
        return _ENTITAS_NAMA[nama].encode()
    n = int(des) if des else int(heks, 16)
    if not 0 < n <= 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        raise TidakPasti
    return chr(n).encode("utf-8")


def date_1904(workbook_xml: bytes) -> bool:
    """Whether the workbook may use the 1904 date system (then date cells go to calamine).

    LibreOffice writes ``date1904="false"``; anything but an absent, "false" or "0" value counts as 1904.
    """
    if b"date1904" not in workbook_xml:
        return False
    nilai = _DATE_1904.findall(workbook_xml)
    return len(nilai) != 1 or nilai[0] not in (b"false", b"0")


@lru_cache(maxsize=64)
def _gaya_tanggal(styles_xml: bytes) -> tuple[frozenset[int], int] | None:
    """(indexes of the cell formats (``s``) calamine reads as a date, time or duration; how many there are).

    None when the styles part cannot be read plainly. Cached: copies of one template share it.
    """
    awal = styles_xml.find(b"<cellXfs")
    akhir = styles_xml.find(b"</cellXfs>", awal)
    if awal == -1 or akhir == -1:
        return None
    kode: dict[int, str] = {}
    for m in _NUMFMT.finditer(styles_xml):
        atr = dict(_ATR.findall(m.group(1)))
        if b"numFmtId" not in atr or b"formatCode" not in atr:
            return None
        try:
            kode[int(atr[b"numFmtId"])] = _teks(atr[b"formatCode"])
        except (TidakPasti, UnicodeDecodeError, ValueError):
            return None
    tanggal: set[int] = set()
    i = -1
    for i, m in enumerate(_XF.finditer(styles_xml, awal, akhir)):
        atr = dict(_ATR.findall(m.group(1)))
        try:
            fmt = int(atr.get(b"numFmtId", b"0"))
        except ValueError:
            return None
        if fmt in kode:
            if format_tanggal(kode[fmt]):
                tanggal.add(i)
        elif fmt in _TANGGAL_BAWAAN:
            tanggal.add(i)
    return frozenset(tanggal), i + 1


def format_tanggal(kode: str) -> bool:
    """Whether calamine (formats.rs ``is_custom_date_format``) reads a custom number format as a date/time.

    The same walk: escaped and quoted characters skipped, only the first section, bracketed parts
    ignored except an elapsed-time ``[h]``/``[m]``/``[s]``, "AM/PM"-like runs, any d/m/h/y/s.
    """
    escaped = is_quote = hms = ap = False
    brackets = 0
    prev = " "
    for s in kode:
        if escaped:
            escaped = False
        elif s in "_\\":
            escaped = True
        elif is_quote:
            if s == '"':
                is_quote = False
        elif s == '"':
            is_quote = True
        elif s == ";":
            return False
        elif s == "[":
            brackets = min(brackets + 1, 255)
        elif s == "]" and brackets == 1 and hms:
            return True
        elif s == "]":
            brackets = max(brackets - 1, 0)
        elif s in "aA" and not ap and brackets == 0:
            ap = True
        elif (s in "pm/PM" and ap and brackets == 0) or (s in "dmhysDMHYS" and not ap and brackets == 0):
            return True
        elif not (hms and s.lower() == prev.lower()):
            hms = prev == "[" and s in "mhsMHS"
        prev = s
    return False


def _tanggal(serial: float) -> date:
    """A whole day serial (1900 system, after the fictitious 29 February 1900) as calamine gives it."""
    if serial != int(serial) or not 61 <= serial <= 2_958_465:
        raise TidakPasti  # times, datetimes, early 1900 and out-of-range serials: calamine's rules
    return _DASAR_TANGGAL + timedelta(days=int(serial))


class Bahan:
    """What every sheet of one workbook shares: shared strings (converted when first used), styles, date system."""

    def __init__(self, strings_xml: bytes | None, styles_xml: bytes, workbook_xml: bytes) -> None:
        self._si = None if strings_xml is None else daftar_si(strings_xml)
        self._strings: dict[bytes, str] = {}  # by the cell's raw index: the evaluation sheets repeat labels
        self._styles = styles_xml
        self._gaya: tuple[frozenset[int], int] | None = None
        self._gaya_dibaca = False
        self.tanggal_1904 = date_1904(workbook_xml)

    def string(self, v: bytes) -> str:
        """Shared string ``v`` (a cell's raw ``<v>``); IndexError for an index past the table's end."""
        s = self._strings.get(v)
        if s is None:
            if self._si is None or not v.isdigit() or len(v) > 9:
                raise TidakPasti
            s = self._strings[v] = _string(self._si[int(v)])
        return s

    def gaya_tanggal(self) -> tuple[frozenset[int], int]:
        if not self._gaya_dibaca:
            self._gaya, self._gaya_dibaca = _gaya_tanggal(self._styles), True
        if self._gaya is None:
            raise TidakPasti
        return self._gaya


@lru_cache(maxsize=1)  # the check reads the template's identity from the same table just before the reader
def daftar_si(xml: bytes) -> tuple[bytes, ...] | None:
    """The raw items of a shared-string table, or None when one is not a plain ``<si>…</si>``.

    None too when an item might not be where the split puts it (calamine counts items by their local
    name): a prefixed ``<x:si>``, ``<si`` followed by anything but ``>`` (attributes, ``<si/>``, a line
    break), a comment or CDATA section that could hide a ``<si>``. Linear: an item's body stops at the
    next ``<si>`` or ``</si>``, so an item that never closes, repeated, is not searched to the end each time.
    """
    if xml.rfind(b":si") != -1 or xml.rfind(b"<!") != -1:  # rfind: several times faster than "in" on XML
        return None
    # One C pass; an item that does not close before the next one is left out, and each match starts at its
    # own "<si>": as many matches as "<si" in the table means every "<si" opens a plain item that closes.
    hasil = _SI_ITEM.findall(xml)
    return tuple(hasil) if len(hasil) == xml.count(b"<si") else None


def _string(isi: bytes) -> str:
    """One shared-string item: plain text or rich-text runs (anything else: calamine's rules).

    Remembered by its bytes (bounded): the labels of a template come in every copy of the form.
    """
    s = _STRING.get(isi)
    if s is None:
        s = _string_baru(isi)
        _STRING.simpan(isi, s)
    return s


def _string_baru(isi: bytes) -> str:
    if not isi:
        return ""
    polos = _SI_POLOS.fullmatch(isi)
    if polos is not None:
        return _t(polos.group(1) or b"")
    if _SI_KAYA.fullmatch(isi) is None:
        raise TidakPasti  # phonetic runs, extensions
    return "".join(_t(t) for t in _SI_RUN.findall(isi))


def _t(elemen: bytes) -> str:
    """The text of a ``<t>`` element (its opening tag included): calamine trims XML white space (after
    decoding entities) unless the element says ``xml:space="preserve"``."""
    if not elemen:
        return ""
    if elemen.startswith(_PRESERVE):
        return _teks(elemen[len(_PRESERVE) :])
    return _teks(elemen[3:]).strip(" \t\n\r")


class Kisi:
    """One canonical sheet's cells, each converted to calamine's value when it is read.

    Only cells with a value are kept, by position; the form reads a few hundred of a sheet's
    cells, so most (labels of the template) are never converted. :class:`TidakPasti` from
    :meth:`blok` means: read this sheet with calamine instead.
    """

    def __init__(self, potongan: Sequence[Potongan], bahan: Bahan) -> None:
        self._bahan = bahan
        if not all(map(_PASTI, potongan)):
            raise TidakPasti  # a cell given twice: which one calamine keeps is its business
        # the row dicts are shared with other files' pieces: never changed
        baris: Baris = dict(chain.from_iterable(map(_ISI, potongan)))
        if len(baris) != sum(map(len, map(_ISI, potongan))):
            raise TidakPasti  # a row given in two pieces
        self._baris = baris

    def blok(self, r0: int, c0: int, r1: int, c1: int) -> list[list[Any]]:
        """Rows r0..r1, columns c0..c1 (0-based, inclusive) as the reader's block: None for empty."""
        lebar = c1 - c0 + 1
        hasil: list[list[Any]] = []
        ambil, nilai, string = self._baris.get, self._nilai, self._bahan._strings.get
        for r in range(r0, r1 + 1):
            baris: list[Any] = [None] * lebar
            isi = ambil(r)
            if isi is not None:  # only the row's cells with a value: most columns of a row are empty
                for c, x in isi.items():
                    if c0 <= c <= c1:
                        # a shared string already converted (most cells read are labels): no call per cell
                        y = string(x[4]) if x[3] == b"s" else None
                        baris[c - c0] = nilai(x) if y is None else y or None
            hasil.append(baris)
        return hasil

    def nilai(self, r: int, c: int) -> Any:
        """One cell (0-based), as :meth:`blok` gives it."""
        isi = self._baris.get(r)
        x = None if isi is None else isi.get(c)
        return None if x is None else self._nilai(x)

    def _nilai(self, sel: Sel) -> Any:
        _, _, gaya, tipe, v, teks = sel
        try:
            if tipe == b"s":
                x: Any = self._bahan.string(v)
            elif not tipe or tipe == b"n":
                if not (v.isdigit() or _ANGKA.fullmatch(v)):
                    raise TidakPasti  # NaN, inf, 1_000 …: calamine's rules
                x = float(v)
                if gaya:  # the format of style 0 counts too (cells without s= are General)
                    tanggal, jumlah = self._bahan.gaya_tanggal()
                    g = int(gaya)
                    if g >= jumlah:
                        raise TidakPasti  # a style the workbook does not define
                    if g in tanggal:
                        if self._bahan.tanggal_1904:
                            raise TidakPasti
                        x = _tanggal(x)
            elif tipe == b"str":
                x = _teks(v)
            elif tipe == b"inlineStr":
                x = _t(teks)
            elif tipe == b"b":
                if v not in (b"0", b"1"):
                    raise TidakPasti
                x = v == b"1"
            elif tipe == b"e":
                return None  # calamine gives errors (#DIV/0!, #N/A …) as empty
            else:
                raise TidakPasti
        except (IndexError, UnicodeDecodeError, ValueError, OverflowError) as e:
            raise TidakPasti from e
        return None if x == "" else x


def sel_kanonik(isi: bytes) -> list[Potongan] | None:
    """A worksheet part's cells when every cell is a whole canonical cell (see :data:`SEL`), else None.

    The part is cut at each ``<row `` and every piece is matched on its own; a piece seen before (the
    same bytes, usually a template row in another copy of the form) is not matched again. Bounded:
    at most 8,192 pieces of 8 MiB in all (two generations) and :data:`_MAKS_DILIHAT` hashes per process.
    """
    # rsplit gives split's pieces ("<row " cannot overlap itself) and CPython's reverse search is ≈2x faster on XML
    kepala, *potongan = isi.rsplit(b"<row ")
    x = _potongan(kepala, awal=True)  # not remembered: the same bytes after a "<row " would mean another thing
    if not x[0]:
        return None
    # ≈150 pieces per sheet, looked up in one C-level pass; Python work only for the pieces not remembered
    hasil: list[Potongan | None] = [x, *map(_POTONGAN.isi.get, potongan)]
    i = 0
    while (i := _indeks_kosong(hasil, i + 1)) != -1:
        p = potongan[i - 1]
        y = _POTONGAN.dari_lama(p)
        if y is None:
            y = _potongan(p, awal=False)
            if not y[0]:
                return None
            _ingat(p, y)
        hasil[i] = y
    return cast("list[Potongan]", hasil)


def _indeks_kosong(xs: list[Potongan | None], mulai: int) -> int:
    try:
        return xs.index(None, mulai)
    except ValueError:
        return -1


def _ingat(p: bytes, x: Potongan) -> None:
    """Remember a piece seen for the second time (template rows); a row of one person's data, seen once,
    costs only its hash."""
    h = hash(p)
    if h not in _DILIHAT:
        if len(_DILIHAT) >= _MAKS_DILIHAT:
            _DILIHAT.clear()
        _DILIHAT.add(h)
        return
    _POTONGAN.simpan(p, x)


def _potongan(p: bytes, *, awal: bool) -> Potongan:
    if not p.isascii():  # ASCII is UTF-8; the test allocates nothing
        try:
            p.decode("utf-8")  # calamine refuses a part that is not UTF-8, wherever the bad byte is
        except UnicodeDecodeError:
            return False, False, (), True
    semua = SEL.findall(p)
    utuh = (
        len(semua) == p.count(b"<c ")
        and _SISA.search(p if awal else b"<row " + p) is None
        and BERPREFIKS.search(p) is None
    )
    if not utuh:
        return False, False, (), True
    ekor = ada_ekor(p)
    nilai = [x for x in semua if x[4] or x[5]]  # empty cells and formulas without a cached value: calamine gives ""
    if not nilai:
        return True, True, (), ekor
    if len({x[1] for x in nilai}) == 1:  # one row, as a piece cut at "<row " usually is
        sel = {x[0][0] - 65: x for x in nilai}
        return True, len(sel) == len(nilai), ((int(nilai[0][1]) - 1, sel),), ekor
    baris: Baris = {}
    for x in nilai:
        baris.setdefault(int(x[1]) - 1, {})[x[0][0] - 65] = x
    return True, sum(len(b) for b in baris.values()) == len(nilai), tuple(baris.items()), ekor


def ada_ekor(p: bytes) -> bool:
    """Whether ``p`` holds a merged area, a hyperlink or the end of a sheet's root ("…sheet>"): what a sheet has
    only after its rows. None of these tags can span two pieces (each holds "<" only where it starts)."""
    return b"sheet>" in p or b"<mergeCell" in p or b"<hyperlink" in p
