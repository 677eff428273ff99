"""A workbook held in dicts: the adapter for unit tests, benchmarks and the template builder.

No third-party imports. :func:`buku_kosong` gives the in-memory twin of a fresh
template (same defined names, same fixed texts), so rules and rendering can be
tested without any file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence

from skpxl.buku.adapters.base import Block, CellValue, Ref
from skpxl.buku.layout import Rancangan, rancang, urai_rentang, urai_sel
from skpxl.core.enums import Periodisasi


class MemoryWorkbook:
    """Dict-backed implementation of :class:`skpxl.buku.adapters.base.Workbook`."""

    def __init__(self, names: Mapping[str, Ref] | None = None, sheets: Sequence[str] = ()) -> None:
        self._cells: dict[str, dict[tuple[int, int], CellValue]] = {s: {} for s in sheets}
        self._fills: dict[str, dict[tuple[int, int], str]] = {s: {} for s in sheets}
        self._links: dict[str, dict[tuple[int, int], tuple[str, str]]] = {s: {} for s in sheets}
        self._names: dict[str, Ref] = dict(names or {})
        self.saved_to: list[str | None] = []  # every save() call, for tests

    # -- reader
    def names(self) -> Mapping[str, Ref]:
        return dict(self._names)

    def sheet_names(self) -> Sequence[str]:
        return list(self._cells)

    def read_block(self, sheet: str, ref: str) -> Block:
        cells = self._sheet(sheet)
        r0, c0, r1, c1 = urai_rentang(ref)
        return [[cells.get((r, c)) for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]

    # -- writer
    def write_block(self, sheet: str, top_left: str, values: Sequence[Sequence[CellValue]]) -> None:
        cells = self._sheet(sheet)
        r0, c0 = urai_sel(top_left)
        for i, baris in enumerate(values):
            for j, v in enumerate(baris):
                if v is None or v == "":
                    cells.pop((r0 + i, c0 + j), None)
                else:
                    cells[(r0 + i, c0 + j)] = v

    def set_fill(self, sheet: str, ref: str, colour: str | None) -> None:
        fills = self._fills[self._nama_lembar(sheet)]
        r0, c0, r1, c1 = urai_rentang(ref)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if colour is None:
                    fills.pop((r, c), None)
                else:
                    fills[(r, c)] = colour.upper()

    def ensure_sheet(self, name: str) -> None:
        if name not in self._cells:
            self._cells[name] = {}
            self._fills[name] = {}
            self._links[name] = {}

    def clear_sheet(self, name: str) -> None:
        self._nama_lembar(name)
        self._cells[name] = {}
        self._fills[name] = {}
        self._links[name] = {}

    def write_link(self, sheet: str, cell: str, text: str, target_sheet: str, target_cell: str) -> None:
        r, c = urai_sel(cell)
        self._sheet(sheet)[(r, c)] = text
        self._links[sheet][(r, c)] = (target_sheet, target_cell)

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        self.saved_to.append(None if path is None else os.fspath(path))

    # -- extras for tests and the builder
    def add_name(self, name: str, sheet: str, ref: str) -> None:
        self.ensure_sheet(sheet)
        self._names[name] = Ref(sheet, ref)

    def value(self, sheet: str, cell: str) -> CellValue:
        return self._sheet(sheet).get(urai_sel(cell))

    def fill(self, sheet: str, cell: str) -> str | None:
        return self._fills[self._nama_lembar(sheet)].get(urai_sel(cell))

    def link(self, sheet: str, cell: str) -> tuple[str, str] | None:
        return self._links[self._nama_lembar(sheet)].get(urai_sel(cell))

    def cells(self, sheet: str) -> Iterator[tuple[int, int, CellValue]]:
        """Non-empty cells of a sheet, sorted by (row, col)."""
        cells = self._sheet(sheet)
        for r, c in sorted(cells):
            yield r, c, cells[(r, c)]

    def fills(self, sheet: str) -> dict[tuple[int, int], str]:
        return dict(self._fills[self._nama_lembar(sheet)])

    def _nama_lembar(self, sheet: str) -> str:
        if sheet not in self._cells:
            raise KeyError(f"lembar {sheet!r} tidak ada")
        return sheet

    def _sheet(self, sheet: str) -> dict[tuple[int, int], CellValue]:
        return self._cells[self._nama_lembar(sheet)]


def dari_rancangan(r: Rancangan) -> MemoryWorkbook:
    """An in-memory workbook with a template's sheets, defined names and fixed texts (no formulas)."""
    buku = MemoryWorkbook({n.nama: Ref(n.lembar, n.ref) for n in r.nama.values()}, r.lembar)
    for lembar, r0, c0, teks in r.isi_statis():
        buku._cells[lembar][(r0, c0)] = teks
    return buku


def buku_kosong(
    periodisasi: Periodisasi | str = Periodisasi.TRIWULANAN,
    *,
    baris_utama: int | None = None,
    baris_tambahan: int | None = None,
) -> MemoryWorkbook:
    """The in-memory twin of a fresh template of ``periodisasi``."""
    opsi: dict[str, int] = {}
    if baris_utama is not None:
        opsi["baris_utama"] = baris_utama
    if baris_tambahan is not None:
        opsi["baris_tambahan"] = baris_tambahan
    return dari_rancangan(rancang(periodisasi, **opsi))
