"""Comparing what a button wrote through the xlwings remote engine with what the file adapter writes for the same
workbook: shared by the desktop-button tests and the xlwings Lite tests."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from skpxl.buku import layout as L
from skpxl.buku.adapters.base import CellValue
from skpxl.buku.adapters.openpyxl_adapter import OpenpyxlWorkbook, buka
from skpxl.excel.muatan import HasilAksi
from skpxl.layanan.service import Laporan, hitung_buku, validasi_buku

WAKTU = re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d$")


class Spion(OpenpyxlWorkbook):
    """The file adapter, remembering the final fill of every cell it coloured."""

    def __init__(self, asli: OpenpyxlWorkbook) -> None:
        super().__init__(asli.wb, asli.path)
        self.warna: dict[str, dict[tuple[int, int], str | None]] = {}

    def set_fill(self, sheet: str, ref: str, colour: str | None) -> None:
        super().set_fill(sheet, ref, colour)
        r0, c0, r1, c1 = L.urai_rentang(ref)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                self.warna.setdefault(sheet, {})[(r, c)] = None if colour is None else colour.upper()


def rujukan(path: Path, tombol: str) -> tuple[Spion, Laporan]:
    wb = Spion(buka(path))
    lap = hitung_buku(wb) if tombol == "hitung" else validasi_buku(wb)
    return wb, lap


def _norm(v: Any) -> Any:
    """One spelling per value for both routes: dates as ISO dates, whole floats as ints, "" as None."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T00:00:00(?:\.000)?Z?", v)
        return m.group(1) if m else v
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def bandingkan(hasil: HasilAksi, ref: Spion, *, tanpa_rumus: bool = False) -> int:
    """Assert every cell of every sheet agrees (timestamps aside); returns how many cells were compared.

    ``tanpa_rumus`` skips formula cells (the template's mirrors), whose cached value a file saved by
    openpyxl no longer has; skpxl never writes them.
    """
    assert hasil.lembar == list(ref.sheet_names())
    n = 0
    for lembar in hasil.lembar:
        ws = ref.wb[lembar]
        baris = max(ws.max_row, max((r + 1 for r, _ in hasil.nilai[lembar]), default=1))
        kolom = max(ws.max_column, max((c + 1 for _, c in hasil.nilai[lembar]), default=1))
        blok: list[list[CellValue]] = ref.read_block(lembar, L.rentang(0, 0, baris - 1, kolom - 1))
        for r in range(baris):
            for c in range(kolom):
                sel = ws._cells.get((r + 1, c + 1))
                if tanpa_rumus and sel is not None and sel.data_type == "f":
                    continue
                a, b = _norm(hasil.nilai[lembar].get((r, c))), _norm(blok[r][c])
                if isinstance(a, str) and isinstance(b, str) and WAKTU.match(a) and WAKTU.match(b):
                    continue
                assert a == b, f"{lembar}!{L.sel(r, c)}: remote {a!r} ≠ file {b!r}"
                n += 1
    return n
