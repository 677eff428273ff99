"""The adapter protocol: the few workbook operations skpxl needs.

Three implementations exist or are planned, all behind these two protocols:

* :mod:`skpxl.buku.adapters.memory` — dict-backed, pure Python (unit tests, benchmarks);
* :mod:`skpxl.buku.adapters.openpyxl_adapter` — files, read-write (CLI) or read-only;
* :mod:`skpxl.buku.adapters.calamine_reader` — files, read-only and fast (HR batch);
* an xlwings adapter over ``xw.Book`` (desktop and the remote engine). Every call
  maps onto xlwings API that the remote engine supports too: ``Book.names``
  (``Name.name`` / ``Name.refers_to``), ``Sheet.range(ref).options(ndim=2).value``
  (read/write), ``Range.color`` (set / ``None``), ``Book.sheets.add`` and
  ``Sheet.clear()``, and a ``=HYPERLINK()`` formula or ``Range.add_hyperlink``.

Conventions shared by all implementations:

* References are plain A1 strings without ``$`` or sheet ("C9", "A12:M44");
  sheets are passed separately, unquoted.
* Values are :data:`CellValue`: ``str``, ``int``, ``float``, ``bool``,
  ``datetime.date``/``datetime.datetime`` or ``None`` (empty). Readers return
  empty cells as ``None`` and never return formulas: a formula cell reads as its
  cached value (``None`` when there is none).
* :meth:`Workbook.write_block` writes values, never formulas: a string starting
  with "=" is stored as text (an xlwings implementation prefixes an apostrophe).
  ``None`` empties a cell.
* Colours are "#RRGGBB" strings; ``None`` removes the fill.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol, TypeAlias, runtime_checkable

CellValue: TypeAlias = str | int | float | bool | datetime | date | None
Block: TypeAlias = list[list[CellValue]]
NilaiMentah: TypeAlias = CellValue | time | timedelta
"""A cell value as a native reader holds it: empty may be ``""``, a time or duration a ``time``/``timedelta``."""


@dataclass(frozen=True)
class Ref:
    """Where a defined name points: one rectangular area of one sheet."""

    sheet: str
    ref: str  # "C9" or "A12:M44", no "$"


@runtime_checkable
class WorkbookReader(Protocol):
    """Read access: enough for :func:`skpxl.buku.form_io.baca_form` and the batch."""

    def names(self) -> Mapping[str, Ref]:
        """Workbook-scoped defined names that point to one area (others are left out)."""
        ...

    def sheet_names(self) -> Sequence[str]:
        """Sheet names in workbook order."""
        ...

    def read_block(self, sheet: str, ref: str) -> Block:
        """Values of a rectangle, always ``rows × cols`` (``None`` for empty cells)."""
        ...


class PembacaMentah(Protocol):
    """Optional for a reader: values as it holds them, for :func:`skpxl.buku.form_io.baca_form`.

    A reader that keeps sheets as rows of native values (calamine) saves converting every cell of
    every block; ``baca_form`` uses these when present, else :meth:`WorkbookReader.read_block`, and
    reads the same form. Values are raw (:data:`NilaiMentah`); each area is refused exactly as
    :meth:`WorkbookReader.read_block` would refuse it.
    """

    def nilai_sel(self, sheet: str, refs: Sequence[str], sel: Sequence[tuple[int, int]]) -> Sequence[NilaiMentah]:
        """The values of single cells (0-based row, column), ``refs`` being their A1 refs."""
        ...

    def nilai_area(self, sheet: str, ref: str) -> Sequence[Sequence[NilaiMentah]]:
        """The rows of an area like :meth:`WorkbookReader.read_block`, except that a row may be
        shorter than the area and the rows may end before it does (what is missing is empty)."""
        ...


@runtime_checkable
class Workbook(WorkbookReader, Protocol):
    """Read-write access: what Validasi/Hitung need to render results."""

    def write_block(self, sheet: str, top_left: str, values: Sequence[Sequence[CellValue]]) -> None:
        """Write a rectangle of values starting at ``top_left``."""
        ...

    def set_fill(self, sheet: str, ref: str, colour: str | None) -> None:
        """Give every cell of ``ref`` a solid fill ("#RRGGBB"), or remove the fill (``None``)."""
        ...

    def ensure_sheet(self, name: str) -> None:
        """Create the sheet (at the end) when it does not exist."""
        ...

    def clear_sheet(self, name: str) -> None:
        """Remove every value, fill and link of the sheet (the sheet stays)."""
        ...

    def write_link(self, sheet: str, cell: str, text: str, target_sheet: str, target_cell: str) -> None:
        """Write ``text`` into ``cell`` as a link that jumps to ``target_sheet!target_cell``."""
        ...

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Persist (to ``path``, or where the workbook came from)."""
        ...


@dataclass(frozen=True)
class TataLembar:
    """How a sheet that skpxl writes from scratch (Hasil Validasi) looks on screen and on paper.

    Rows are 1-based. The header row is bold on grey with borders, frozen on screen and repeated
    on every printed page; the sheet prints landscape on A4, fitted to the page width.
    """

    lebar_kolom: tuple[float, ...]  # width of each column from A, in Excel character units
    baris_judul: int  # the title row (bold, larger)
    baris_kepala: int  # the table's header row
    baris_akhir: int  # the last used row (the print area ends there)
    kolom_bungkus: tuple[int, ...] = ()  # 0-based columns whose body text wraps
    kaki: str = ""  # page footer text (left); the page number goes right


@runtime_checkable
class Penata(Protocol):
    """Optional layout operations; adapters that cannot (or need not) lay out a sheet leave them out."""

    def tata_lembar(self, sheet: str, tata: TataLembar) -> None:
        """Give ``sheet`` column widths, header and body styles, frozen header and page setup."""
        ...

    def paskan_tinggi(self, sheet: str, ref: str) -> None:
        """Grow the rows of ``ref`` so their wrapped texts show whole (merged cells included).

        Rows only grow: a height the template gave for typing stays. Same text, same height.
        """
        ...
