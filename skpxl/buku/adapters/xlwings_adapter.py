"""The adapter over an ``xw.Book``: Excel desktop (RunPython), xlwings Server and the remote engine.

Only xlwings API that the remote engine (``xlwings/pro/_xlremote.py``) implements as well is
used, so the same code runs behind the desktop buttons and behind a server:

===========================  =====================================  ==========================
protocol                     xlwings call                           remote engine
===========================  =====================================  ==========================
``names``                    ``Book.names`` → ``Name.name`` /       ``Names.__call__``,
                             ``Name.refers_to``                     ``Name.refers_to``
``sheet_names``              ``Book.sheets`` → ``Sheet.name``       ``Sheets.__iter__``
``read_block``               ``Sheet.range(ref).options(ndim=2)``   ``Range.raw_value``
                             ``.value``                             (payload values)
``write_block``              ``Sheet.range(cell).value = rows``     ``setValues``
``set_fill``                 ``Range.color = "#RRGGBB"`` / ``None`` ``setRangeColor``
``ensure_sheet``             ``Book.sheets.add(name, after=…)``,    ``addSheet``,
                             ``Sheet.activate()``                   ``activateSheet``
``clear_sheet``              ``Sheet.clear()``                      ``sheetClear``
``write_link``               ``Range.formula = '=HYPERLINK(…)'``    ``setFormula``
``save``                     ``Book.save()``                        ``save``
===========================  =====================================  ==========================

No COM-only call (``.api``), no read of a colour or a formula (the remote engine cannot read
them synchronously). This module never imports xlwings itself: it works on the book object it
is given, so importing it is free.

Behaviour worth knowing:

* **One read per sheet.** A run reads each form sheet once: the block spanning the sheet's defined
  names (every cell the reader looks at lies inside it), kept for the run and sliced for every
  read inside it. On the desktop each read is a round trip to Excel, and the form reader asks
  for ~90 cells and blocks per click. A block larger than :data:`SEL_SALINAN_MAKS` cells (a name
  far away) is not read whole; reads outside the block, and every read of a sheet after this
  run wrote to it, go to the engine as before.
* **Reads see this run's writes.** The remote engine reads from the payload the client sent and
  queues writes as actions, so a cell written (or a sheet cleared) earlier in a run would still
  read as before. The adapter keeps what it wrote in an overlay and answers reads from it; on
  the desktop the overlay agrees with Excel, so both engines behave the same.
* **Text stays text.** Excel parses a string written as a value the way it parses typing:
  ``"=..."`` would become a formula, ``"85%"`` the number 0.85, ``"28/11/2026 09:30:00"`` a date,
  an 18-digit NIP a rounded number. Strings that Excel could turn into something else get the
  apostrophe prefix (Excel stores the text without it); integers of 16 digits or more are
  written as text for the same reason.
* **Links are formulas.** ``=HYPERLINK("#'Sheet'!A1","text")`` works on Windows, macOS and Excel
  on the web alike, and :meth:`clear_sheet` removes it with the rest of the content.
* **A refused write is one sentence.** Desktop Excel (and Office.js) refuse writes to locked
  cells of a protected sheet; such a failure becomes :class:`TulisanDitolak` (an
  :class:`~skpxl.core.errors.SkpxlError`) naming the sheet and telling how to unprotect it.
* **Adding a sheet does not move the user.** Excel activates a new sheet; the adapter
  re-activates the sheet that was active before, so the first run and later runs look the same.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from skpxl.buku.adapters.base import Block, CellValue, Ref
from skpxl.buku.layout import rentang, tautan_internal, urai_rentang, urai_rujukan_excel, urai_sel
from skpxl.core.errors import SkpxlError

__all__ = ["SEL_SALINAN_MAKS", "TulisanDitolak", "XlwingsWorkbook", "perlu_apostrof", "rumus_tautan"]

# Strings Excel would not keep as the same text when written as a cell value: formulas and
# signs ("=", "+", "-", "@"), a leading apostrophe (it would be eaten), anything starting with
# a digit (numbers, percentages, fractions, dates, times, "1e5"), currency/parenthesised
# numbers, error literals, booleans, and a month name followed by a digit or separator
# ("Jan 2026", "Maret-26"), which some locales read as a date.
_BULAN = (
    "jan|feb|mar|apr|may|mei|jun|jul|aug|agu|agt|sep|oct|okt|nov|dec|des"
    "|january|february|march|april|june|july|august|september|october|november|december"
    "|januari|februari|maret|juni|juli|agustus|oktober|desember"
)
_TEKS_BERISIKO = re.compile(
    r"""^\s*(?:
        [=+\-@']                                   # formula, sign, explicit prefix
      | [(]?\s*[$€£¥₹]?\s*[(]?\s*[.,]?\d           # a number, a date, a time, a fraction, currency
      | [$€£¥₹]\s*\d
      | Rp\.?\s*\d                                 # rupiah
      | \#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA
           |SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|UNKNOWN!|CONNECT!|PYTHON!)
      | (?:true|false|benar|salah)\s*$
      | (?:"""
    + _BULAN
    + r""")\.?[\s\-/,.]*\d
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BATAS_PRESISI = 10**15  # Excel keeps 15 significant digits
SEL_SALINAN_MAKS = 20_000
"""Largest block (cells) read whole for a sheet's defined names; a form sheet spans a few thousand."""
_PANJANG_TEKS_TAUTAN = 255  # HYPERLINK's friendly_name limit


def perlu_apostrof(teks: str) -> bool:
    """True when Excel would not store ``teks`` unchanged as text when it is written as a value."""
    return bool(_TEKS_BERISIKO.match(teks))


def _ke_excel(v: CellValue) -> Any:
    """A protocol value as the value to hand to xlwings."""
    if isinstance(v, str):
        if v == "":
            return None
        return "'" + v if perlu_apostrof(v) else v
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int) and abs(v) >= _BATAS_PRESISI:
        return "'" + str(v)
    return v


def _dari_excel(v: Any) -> CellValue:
    """A value xlwings read, as a protocol value (unknown types become their text)."""
    if v is None or isinstance(v, str | bool | int | float | datetime | date):
        if isinstance(v, str) and v == "":
            return None
        return v
    return str(v)


def rumus_tautan(teks: str, lembar: str, ref: str) -> str:
    """``=HYPERLINK("#'EVALUASI AKHIR'!C9","C9")``: a link to a cell (or a range) of this workbook."""
    r0, c0, r1, c1 = urai_rentang(ref.replace("$", ""))  # a plain A1 address or range, or ValueError
    tujuan = "#" + tautan_internal(lembar, rentang(r0, c0, r1, c1))
    tampil = teks[:_PANJANG_TEKS_TAUTAN].replace('"', '""')
    return f'=HYPERLINK("{tujuan.replace(chr(34), chr(34) * 2)}","{tampil}")'


class TulisanDitolak(SkpxlError):
    """Excel refused a write (typically: a locked cell on a protected sheet)."""


@contextmanager
def _ditolak(lembar: str, ref: str | None) -> Iterator[None]:
    """Turn a failed write into one Indonesian sentence (desktop Excel refuses writes to protected sheets)."""
    try:
        yield
    except SkpxlError:
        raise
    except Exception as e:
        tempat = f"lembar '{lembar}'" + (f" sel {ref}" if ref else "")
        raise TulisanDitolak(
            f"Excel menolak menulis ke {tempat}; kemungkinan lembar itu dilindungi. Buka proteksinya "
            "(Tinjau/Review > Buka Proteksi Lembar/Unprotect Sheet), lalu klik tombolnya lagi."
        ) from e


class XlwingsWorkbook:
    """:class:`skpxl.buku.adapters.base.Workbook` over an ``xw.Book`` (any engine: desktop, remote)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._names: dict[str, Ref] | None = None
        self._lembar: list[str] | None = None
        self._obj_lembar: dict[str, Any] = {}
        self._tertulis: dict[str, dict[tuple[int, int], CellValue]] = {}
        self._dikosongkan: set[str] = set()
        self._kotak: dict[str, tuple[int, int, int, int]] | None = None
        self._salinan: dict[str, list[list[Any]]] = {}

    @property
    def book(self) -> Any:
        """The wrapped ``xw.Book``."""
        return self._book

    # -- reader
    def names(self) -> Mapping[str, Ref]:
        if self._names is None:
            hasil: dict[str, Ref] = {}
            for n in self._book.names:
                nama = str(n.name)
                if "!" in nama:  # sheet-scoped ("SKP!Print_Area"): not part of the contract
                    continue
                rujukan = n.refers_to
                if not isinstance(rujukan, str):
                    continue
                area = urai_rujukan_excel(rujukan)
                if area is not None:
                    hasil[nama] = Ref(area[0], area[1])
            self._names = hasil
        return dict(self._names)

    def sheet_names(self) -> Sequence[str]:
        return list(self._daftar_lembar())

    def read_block(self, sheet: str, ref: str) -> Block:
        r0, c0, r1, c1 = urai_rentang(ref)
        mentah = self._mentah(sheet, ref, (r0, c0, r1, c1))
        blok: Block = [[_dari_excel(v) for v in baris] for baris in mentah]
        # Pad defensively: a block is always rows × cols.
        lebar = c1 - c0 + 1
        blok = [(baris + [None] * lebar)[:lebar] for baris in blok]
        blok = (blok + [[None] * lebar for _ in range(r1 - r0 + 1)])[: r1 - r0 + 1]
        tertulis = self._tertulis.get(sheet)
        kosong = sheet in self._dikosongkan
        if tertulis or kosong:
            tertulis = tertulis or {}
            for i in range(r1 - r0 + 1):
                for j in range(lebar):
                    kunci = (r0 + i, c0 + j)
                    if kunci in tertulis:
                        blok[i][j] = tertulis[kunci]
                    elif kosong:
                        blok[i][j] = None
        return blok

    # -- writer
    def write_block(self, sheet: str, top_left: str, values: Sequence[Sequence[CellValue]]) -> None:
        baris = [list(b) for b in values]
        if not baris or not any(baris):
            return
        lembar = self._sheet(sheet)
        r0, c0 = urai_sel(top_left)
        lebar = {len(b) for b in baris}
        self._salinan.pop(sheet, None)
        with _ditolak(sheet, top_left):
            if len(lebar) == 1:
                lembar.range(top_left).value = [[_ke_excel(v) for v in b] for b in baris]
            else:  # ragged: one row at a time, each from its own first cell
                for i, b in enumerate(baris):
                    if b:
                        lembar.range((r0 + i + 1, c0 + 1)).value = [[_ke_excel(v) for v in b]]
        tertulis = self._tertulis.setdefault(sheet, {})
        for i, b in enumerate(baris):
            for j, v in enumerate(b):
                tertulis[(r0 + i, c0 + j)] = None if v == "" else v

    def set_fill(self, sheet: str, ref: str, colour: str | None) -> None:
        if colour is not None and not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
            raise ValueError(f"warna harus berbentuk #RRGGBB: {colour!r}")
        urai_rentang(ref)  # validate before touching Excel
        lembar = self._sheet(sheet)
        with _ditolak(sheet, ref):
            lembar.range(ref).color = None if colour is None else colour.upper()

    def ensure_sheet(self, name: str) -> None:
        if any(n.casefold() == name.casefold() for n in self._daftar_lembar()):
            return
        sheets = self._book.sheets
        aktif = sheets.active
        baru = sheets.add(name, after=sheets[len(self._daftar_lembar()) - 1])
        self._obj_lembar[name] = baru
        assert self._lembar is not None
        self._lembar.append(name)
        self._dikosongkan.add(name)  # a new sheet is empty, whatever a stale payload says
        if aktif is not None:
            aktif.activate()

    def clear_sheet(self, name: str) -> None:
        lembar = self._sheet(name)
        self._salinan.pop(name, None)
        with _ditolak(name, None):
            lembar.clear()
        self._tertulis[name] = {}
        self._dikosongkan.add(name)

    def write_link(self, sheet: str, cell: str, text: str, target_sheet: str, target_cell: str) -> None:
        r, c = urai_sel(cell)
        rumus = rumus_tautan(text, target_sheet, target_cell)
        lembar = self._sheet(sheet)
        self._salinan.pop(sheet, None)
        with _ditolak(sheet, cell):
            lembar.range(cell).formula = rumus
        self._tertulis.setdefault(sheet, {})[(r, c)] = text[:_PANJANG_TEKS_TAUTAN] or None

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            self._book.save()
        else:
            self._book.save(os.fspath(path))

    # -- helpers
    def _mentah(self, sheet: str, ref: str, area: tuple[int, int, int, int]) -> list[list[Any]]:
        """The values xlwings reads for ``ref`` (0-based ``area``), from the sheet's block when it lies inside."""
        r0, c0, r1, c1 = area
        kotak = self._kotak_nama().get(sheet)
        if kotak is None or not (kotak[0] <= r0 and kotak[1] <= c0 and r1 <= kotak[2] and c1 <= kotak[3]):
            return list(self._sheet(sheet).range(ref).options(ndim=2).value)
        k0, l0, k1, l1 = kotak
        salinan = self._salinan.get(sheet)
        if salinan is None:
            lebar = l1 - l0 + 1
            dibaca = self._sheet(sheet).range(rentang(k0, l0, k1, l1)).options(ndim=2).value
            salinan = [(list(b) + [None] * lebar)[:lebar] for b in dibaca]
            salinan = (salinan + [[None] * lebar for _ in range(k1 - k0 + 1)])[: k1 - k0 + 1]
            self._salinan[sheet] = salinan
        return [b[c0 - l0 : c1 - l0 + 1] for b in salinan[r0 - k0 : r1 - k0 + 1]]

    def _kotak_nama(self) -> dict[str, tuple[int, int, int, int]]:
        """Per sheet, the 0-based block spanning its defined names, when it has at most SEL_SALINAN_MAKS cells."""
        if self._kotak is None:
            kotak: dict[str, tuple[int, int, int, int]] = {}
            for ref in self.names().values():
                r0, c0, r1, c1 = urai_rentang(ref.ref)
                k = kotak.get(ref.sheet)
                kotak[ref.sheet] = (
                    (r0, c0, r1, c1) if k is None else (min(k[0], r0), min(k[1], c0), max(k[2], r1), max(k[3], c1))
                )
            self._kotak = {s: k for s, k in kotak.items() if (k[2] - k[0] + 1) * (k[3] - k[1] + 1) <= SEL_SALINAN_MAKS}
        return self._kotak

    def _daftar_lembar(self) -> list[str]:
        if self._lembar is None:
            self._lembar = [str(s.name) for s in self._book.sheets]
        return self._lembar

    def _sheet(self, name: str) -> Any:
        lembar = self._obj_lembar.get(name)
        if lembar is None:
            if name not in self._daftar_lembar():
                raise KeyError(f"lembar {name!r} tidak ada")
            lembar = self._book.sheets[name]
            self._obj_lembar[name] = lembar
        return lembar
