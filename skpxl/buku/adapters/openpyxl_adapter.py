"""The openpyxl file adapter: read-write for the CLI, read-only for quick reads.

* ``.xlsm`` files are opened with ``keep_vba=True`` so the VBA project (and the
  buttons' macros) survive a save.
* Sheet protection is left as it is: openpyxl writes locked cells without
  unprotecting (protection guides people in Excel, not programs).
* Formula cells read as their cached value, like every other reader: in
  read-write mode a second, ``data_only`` copy is loaded lazily, only when a block
  that is read actually contains a formula.
* :func:`sisipkan_baris` inserts rows the way Excel does (defined names, merged
  cells and data validations that span the insertion point grow; those below
  move; the new rows take the formats of the row above) — openpyxl's own
  ``insert_rows`` moves cell values only.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping, Sequence
from copy import copy
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.cell_range import CellRange  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.hyperlink import Hyperlink  # type: ignore[import-untyped, unused-ignore]

from skpxl.buku.adapters.base import Block, CellValue, Ref, TataLembar
from skpxl.buku.layout import rentang, rujukan_excel, tautan_internal, urai_rentang, urai_rujukan_excel, urai_sel
from skpxl.buku.pengaman import pesan_oserror
from skpxl.buku.rusak import SARAN, sebab_rusak
from skpxl.buku.ukuran import TINGGI_BAKU, tinggi_baris
from skpxl.core.errors import BerkasTidakTerbaca
from skpxl.core.teks import tampil

__all__ = ["OpenpyxlWorkbook", "buka", "sisipkan_baris"]


def _nilai(v: Any) -> CellValue:
    """An openpyxl cell value as a protocol value."""
    if v is None or isinstance(v, str | bool | int | float | datetime | date):
        return v if v != "" else None
    if isinstance(v, time):
        return v.isoformat()
    if isinstance(v, timedelta):
        return str(v)
    return str(v)


def _pesan_gagal(path: Path, e: BaseException) -> BerkasTidakTerbaca:
    """One Indonesian sentence for a workbook openpyxl cannot load (its own messages are English)."""
    nama = tampil(path.name)
    if isinstance(e, OSError):
        return BerkasTidakTerbaca(pesan_oserror(nama, e))
    sebab = (
        sebab_rusak(e) or "tidak dapat dibaca sebagai buku kerja Excel (.xlsx/.xlsm): isinya rusak atau tidak lengkap"
    )
    return BerkasTidakTerbaca(f"Berkas '{nama}' {sebab}; {SARAN}.")


class OpenpyxlWorkbook:
    """:class:`skpxl.buku.adapters.base.Workbook` over an openpyxl workbook."""

    def __init__(self, wb: Any, path: Path | None, *, read_only: bool = False) -> None:
        self.wb = wb
        self.path = path
        self.read_only = read_only
        self._twin: Any = None
        self._cache: dict[str, list[tuple[Any, ...]]] = {}

    # -- reader
    def names(self) -> Mapping[str, Ref]:
        hasil: dict[str, Ref] = {}
        for nama, dn in self.wb.defined_names.items():
            if dn.localSheetId is not None or nama.startswith("_xlnm."):
                continue
            urai = urai_rujukan_excel(dn.attr_text or "")
            if urai is not None:
                hasil[nama] = Ref(*urai)
        return hasil

    def sheet_names(self) -> Sequence[str]:
        return list(self.wb.sheetnames)

    def read_block(self, sheet: str, ref: str) -> Block:
        r0, c0, r1, c1 = urai_rentang(ref)
        if self.read_only:
            baris = self._baris_hanya_baca(sheet)
            return [
                [_nilai(b[c]) if c < len(b) else None for c in range(c0, c1 + 1)]
                for b in (baris[r] if r < len(baris) else () for r in range(r0, r1 + 1))
            ]
        ws = self.wb[sheet]
        sel = ws._cells
        hasil: Block = []
        for r in range(r0 + 1, r1 + 2):
            baris_nilai: list[CellValue] = []
            for c in range(c0 + 1, c1 + 2):
                cell = sel.get((r, c))
                if cell is None:
                    baris_nilai.append(None)
                elif cell.data_type == "f":
                    baris_nilai.append(_nilai(self._kembar()[sheet].cell(r, c).value))
                else:
                    baris_nilai.append(_nilai(cell.value))
            hasil.append(baris_nilai)
        return hasil

    # -- writer
    def write_block(self, sheet: str, top_left: str, values: Sequence[Sequence[CellValue]]) -> None:
        self._boleh_tulis()
        ws = self.wb[sheet]
        r0, c0 = urai_sel(top_left)
        for i, baris in enumerate(values):
            for j, v in enumerate(baris):
                r, c = r0 + i + 1, c0 + j + 1
                if v is None and (r, c) not in ws._cells:
                    continue
                cell = ws.cell(r, c)
                if isinstance(cell, MergedCell):
                    if v is None:
                        continue
                    raise ValueError(f"{sheet}!{cell.coordinate} bagian dari sel gabungan; tulis di sel kiri atasnya")
                if isinstance(v, str):
                    v = ILLEGAL_CHARACTERS_RE.sub("", v)
                    cell.value = v or None
                    if v.startswith("="):
                        cell.data_type = "s"  # text, never a formula
                else:
                    cell.value = v
        self._twin = None

    def set_fill(self, sheet: str, ref: str, colour: str | None) -> None:
        self._boleh_tulis()
        ws = self.wb[sheet]
        if colour is None:
            isi = PatternFill(fill_type=None)
        else:
            hex_ = "FF" + colour.lstrip("#").upper()
            isi = PatternFill(fill_type="solid", start_color=hex_, end_color=hex_)
        r0, c0, r1, c1 = urai_rentang(ref)
        for r in range(r0 + 1, r1 + 2):
            for c in range(c0 + 1, c1 + 2):
                ws.cell(r, c).fill = isi

    def ensure_sheet(self, name: str) -> None:
        self._boleh_tulis()
        if name not in self.wb.sheetnames:
            self.wb.create_sheet(name)

    def clear_sheet(self, name: str) -> None:
        self._boleh_tulis()
        ws = self.wb[name]
        indeks = self.wb.index(ws)
        self.wb.remove(ws)
        self.wb.create_sheet(name, indeks)
        self._twin = None

    def write_link(self, sheet: str, cell: str, text: str, target_sheet: str, target_cell: str) -> None:
        self._boleh_tulis()
        r, c = urai_sel(cell)
        sel = self.wb[sheet].cell(r + 1, c + 1)
        sel.value = ILLEGAL_CHARACTERS_RE.sub("", text)
        if isinstance(sel.value, str) and sel.value.startswith("="):
            sel.data_type = "s"
        sel.hyperlink = Hyperlink(ref=sel.coordinate, location=tautan_internal(target_sheet, target_cell), display=text)
        sel.style = "Hyperlink"

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        self._boleh_tulis()
        tujuan = Path(path) if path is not None else self.path
        if tujuan is None:
            raise ValueError("tidak ada tujuan penyimpanan")
        self.wb.save(tujuan)

    # -- layout (optional protocol :class:`skpxl.buku.adapters.base.Penata`)
    def tata_lembar(self, sheet: str, tata: TataLembar) -> None:
        self._boleh_tulis()
        ws = self.wb[sheet]
        for c, w in enumerate(tata.lebar_kolom, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w + _PADDING_LEBAR
        n_kolom = len(tata.lebar_kolom)
        garis = Side(style="thin")
        kotak = Border(left=garis, right=garis, top=garis, bottom=garis)
        for row in ws.iter_rows(min_row=tata.baris_judul, max_row=tata.baris_akhir, max_col=n_kolom):
            for cell in row:
                r = cell.row
                if r == tata.baris_judul:
                    cell.font = Font(name=_HURUF, size=14, bold=True)
                elif r == tata.baris_kepala:
                    cell.font = Font(name=_HURUF, size=10, bold=True)
                    cell.fill = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
                    cell.border = kotak
                    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                elif r > tata.baris_kepala:
                    tautan = cell.hyperlink is not None
                    cell.font = Font(name=_HURUF, size=10, color="FF0563C1" if tautan else None, underline=(
                        "single" if tautan else None))  # fmt: skip
                    cell.border = kotak
                    cell.alignment = Alignment(
                        horizontal="center" if cell.column == 1 else None,  # the row number
                        vertical="top",
                        wrap_text=cell.column - 1 in tata.kolom_bungkus,
                    )
                else:
                    cell.font = Font(name=_HURUF, size=10, bold=r == tata.baris_judul + 1)  # the summary line
                    cell.alignment = Alignment(horizontal="left", vertical="top")
        ws.freeze_panes = f"A{tata.baris_kepala + 1}"
        ws.print_title_rows = f"{tata.baris_kepala}:{tata.baris_kepala}"
        ws.print_area = f"A1:{get_column_letter(n_kolom)}{max(tata.baris_akhir, tata.baris_kepala)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left, ws.page_margins.right = 0.5, 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.left.text, ws.oddFooter.left.size, ws.oddFooter.left.font = tata.kaki, 10, _HURUF
        ws.oddFooter.right.text, ws.oddFooter.right.size, ws.oddFooter.right.font = (
            "Halaman &P dari &N", 10, _HURUF)  # fmt: skip
        self.paskan_tinggi(sheet, f"A{tata.baris_judul}:{get_column_letter(n_kolom)}{tata.baris_akhir}")

    def paskan_tinggi(self, sheet: str, ref: str) -> None:
        self._boleh_tulis()
        ws = self.wb[sheet]
        r0, c0, r1, c1 = urai_rentang(ref)
        gabung = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        perlu: dict[int, float] = {}
        for row in ws.iter_rows(min_row=r0 + 1, max_row=r1 + 1, min_col=c0 + 1, max_col=c1 + 1):
            for cell in row:
                v = cell.value
                if isinstance(cell, MergedCell) or not isinstance(v, str) or not v or v.startswith("="):
                    continue
                if not (cell.alignment.wrap_text or "\n" in v):
                    continue
                m = gabung.get((cell.row, cell.column))
                if m is not None and m.max_row > m.min_row:
                    continue  # a block over several rows keeps the heights it was built with
                c_akhir = m.max_col if m is not None else cell.column
                lebar = [_lebar_kolom(ws, c) for c in range(cell.column, c_akhir + 1)]
                h = tinggi_baris(v, lebar, float(cell.font.sz or 10), bool(cell.font.b))
                perlu[cell.row] = max(perlu.get(cell.row, 0.0), h)
        for r, h in perlu.items():
            ada = ws.row_dimensions[r].height
            if h > TINGGI_BAKU and (ada is None or h > ada):
                ws.row_dimensions[r].height = h

    # -- internals
    def _boleh_tulis(self) -> None:
        if self.read_only:
            raise RuntimeError("buku kerja ini dibuka hanya-baca")

    def _baris_hanya_baca(self, sheet: str) -> list[tuple[Any, ...]]:
        if sheet not in self._cache:
            ws = self.wb[sheet]
            ws.reset_dimensions()
            self._cache[sheet] = [tuple(b) for b in ws.iter_rows(values_only=True)]
        return self._cache[sheet]

    def _kembar(self) -> Any:
        """The data-only twin that holds formula results (loaded on first need)."""
        if self._twin is None:
            if self.path is None:
                raise RuntimeError("hasil rumus tidak tersedia untuk buku kerja tanpa berkas")
            self._twin = openpyxl.load_workbook(self.path, data_only=True, read_only=False)
        return self._twin


_HURUF = "Arial"
_PADDING_LEBAR = 0.7109375  # Excel stores a width of 15 as 15.7109375 (5 px of cell padding)


def _lebar_kolom(ws: Any, c: int) -> float:
    """Width of column ``c`` (1-based) in character units as Excel shows it (padding taken off)."""
    d = ws.column_dimensions.get(get_column_letter(c))
    if d is not None and d.width:
        return max(float(d.width) - _PADDING_LEBAR, 0.0)
    for dim in ws.column_dimensions.values():  # a column inside a <col min max> group
        if dim.min and dim.max and dim.min <= c <= dim.max and dim.width:
            return max(float(dim.width) - _PADDING_LEBAR, 0.0)
    return 8.43


def buka(path: str | os.PathLike[str], *, read_only: bool = False) -> OpenpyxlWorkbook:
    """Open a workbook file; ``.xlsm`` keeps its VBA. Raises :class:`BerkasTidakTerbaca` on an unusable file."""
    p = Path(path)
    if not p.is_file():
        raise BerkasTidakTerbaca(f"Berkas '{p}' tidak ditemukan.")
    keep_vba = p.suffix.lower() in (".xlsm", ".xltm") and not read_only
    try:
        wb = openpyxl.load_workbook(p, read_only=read_only, data_only=read_only, keep_vba=keep_vba, keep_links=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        TypeError,
        IndexError,
        SyntaxError,
    ) as e:  # fmt: skip  (SyntaxError: xml.etree's ParseError)
        raise _pesan_gagal(p, e) from e
    return OpenpyxlWorkbook(wb, p, read_only=read_only)


def _geser(r0: int, r1: int, idx: int, n: int) -> tuple[int, int]:
    """Excel's rule for a row span r0..r1 (1-based) when ``n`` rows are inserted at row ``idx``."""
    if idx <= r0:
        return r0 + n, r1 + n
    if idx <= r1:
        return r0, r1 + n
    return r0, r1


def sisipkan_baris(buku: OpenpyxlWorkbook, sheet: str, sebelum: str | int, jumlah: int = 1) -> None:
    """Insert ``jumlah`` rows above row ``sebelum`` ("A24" or 1-based 24) as Excel would.

    Defined names, merged cells and data validations on that sheet that span the
    insertion point grow, those below it move down, and the new rows take the
    formats of the row above.
    """
    buku._boleh_tulis()
    wb = buku.wb
    ws = wb[sheet]
    idx = sebelum if isinstance(sebelum, int) else urai_sel(sebelum)[0] + 1
    gabung_lama = [CellRange(str(m)) for m in ws.merged_cells.ranges]
    for m in gabung_lama:
        ws.unmerge_cells(str(m))
    ws.insert_rows(idx, jumlah)
    for m in gabung_lama:
        r0, r1 = _geser(m.min_row, m.max_row, idx, jumlah)
        ws.merge_cells(start_row=r0, start_column=m.min_col, end_row=r1, end_column=m.max_col)
    if idx > 1:
        for c in range(1, ws.max_column + 1):
            atas = ws.cell(idx - 1, c)
            if isinstance(atas, MergedCell) or not atas.has_style:
                continue
            for r in range(idx, idx + jumlah):
                ws.cell(r, c)._style = copy(atas._style)
    for dv in ws.data_validations.dataValidation:
        baru = []
        for cr in dv.sqref.ranges:
            r0, r1 = _geser(cr.min_row, cr.max_row, idx, jumlah)
            baru.append(CellRange(min_col=cr.min_col, min_row=r0, max_col=cr.max_col, max_row=r1).coord)
        dv.sqref = " ".join(baru)
    for dn in wb.defined_names.values():
        urai = urai_rujukan_excel(dn.attr_text or "")
        if urai is None or urai[0] != sheet:
            continue
        r0, c0, r1, c1 = urai_rentang(urai[1])
        a, b = _geser(r0 + 1, r1 + 1, idx, jumlah)
        dn.attr_text = rujukan_excel(sheet, rentang(a - 1, c0, b - 1, c1))
    buku._twin = None
