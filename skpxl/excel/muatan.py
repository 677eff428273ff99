"""The JSON a remote-engine client sends, built from a workbook file (for tests, benchmarks, server work).

xlwings' remote engine (``xw.Book(json=payload)``, xlwings PRO) runs Python against a snapshot of
the workbook that a client sends: the Office Scripts client (``xlwings/js/xlwings.ts``), the
Office.js add-in of xlwings Server, Google Apps Script, or the VBA ``RunRemotePython``. The shape,
as those clients build it::

    {
      "client": "Microsoft Office Scripts",          # or "Office.js", "Google Apps Script", "VBA"
      "version": "0.37.8",                           # must equal xlwings.__version__ (except Office.js)
      "book": {"name": "SKP.xlsx", "active_sheet_index": 0, "selection": "A1"},
      "names": [{"name": "TABEL_HASIL_KERJA", "sheet_index": 0, "address": "A12:M44",
                 "scope_sheet_name": null, "scope_sheet_index": null, "book_scope": true}, ...],
      "sheets": [{"name": "SKP", "values": [["..", ""], ...], "pictures": [], "tables": []}, ...]
    }

``values`` is the used range from A1, empty cells as ``""``, dates as ISO text with a ``Z``
(``"2026-01-02T00:00:00.000Z"``), formulas as their cached result. The Office.js client adds a
``refers_to`` per name (``"='EVALUASI AKHIR'!$F$64"``); older clients send only
``sheet_index``/``address`` and the engine derives ``refers_to`` from them. Sheet-scoped names
(such as print areas) come with ``book_scope: false``.

:func:`terapkan_aksi` applies the actions the engine returns (``book.json()``) to the payload the
way a client applies them, so tests can assert on the resulting cells; :func:`ke_muatan` turns
that result into the next payload (a second click). :func:`xlwings_remote` registers the remote
engine when xlwings was imported without a licence key.

openpyxl is imported only when a payload is built.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from skpxl.buku.layout import rujukan_excel, urai_rujukan_excel, urai_sel

__all__ = ["HasilAksi", "Klien", "ke_muatan", "muatan_dari_berkas", "terapkan_aksi", "xlwings_remote"]

Klien = Literal["Microsoft Office Scripts", "Office.js"]


def _iso(v: datetime | date | time) -> str:
    if isinstance(v, datetime):
        return v.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
    if isinstance(v, date):
        return datetime(v.year, v.month, v.day).isoformat(timespec="milliseconds") + "Z"
    return datetime.combine(date(1899, 12, 30), v).isoformat(timespec="milliseconds") + "Z"


def _nilai(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, datetime | date | time):
        return _iso(v)
    if isinstance(v, bool | int | float | str):
        return v
    return str(v)


def muatan_dari_berkas(
    path: str | os.PathLike[str],
    *,
    klien: Klien = "Microsoft Office Scripts",
    versi: str | None = None,
    lembar_aktif: str | None = None,
) -> dict[str, Any]:
    """The remote-engine payload of the ``.xlsx``/``.xlsm`` at ``path`` (see the module docstring).

    ``versi`` defaults to the installed xlwings version (the engine refuses another one unless the
    client is Office.js); ``lembar_aktif`` names the active sheet (default: the file's).
    """
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    p = Path(path)
    wb = openpyxl.load_workbook(p, data_only=True, keep_vba=False, keep_links=False)
    try:
        urutan = {ws.title: i for i, ws in enumerate(wb.worksheets)}
        names: list[dict[str, Any]] = []
        for nama, dn in sorted(wb.defined_names.items()):
            area = urai_rujukan_excel(dn.attr_text or "")
            if area is None or area[0] not in urutan:
                continue  # Office Scripts sends range names only
            names.append(_nama(nama, area[0], area[1], urutan, None, klien))
        sheets: list[dict[str, Any]] = []
        for ws in wb.worksheets:
            for nama, dn in sorted(ws.defined_names.items()):
                area = urai_rujukan_excel(dn.attr_text or "")
                if area is not None and area[0] in urutan:
                    names.append(_nama(nama, area[0], area[1], urutan, ws.title, klien))
            if ws.print_area:
                area = urai_rujukan_excel(str(ws.print_area).split(",")[0])
                if area is not None:
                    names.append(_nama("Print_Area", area[0], area[1], urutan, ws.title, klien))
            nilai = [[_nilai(v) for v in baris] for baris in ws.iter_rows(values_only=True)]
            lebar = max((len(b) for b in nilai), default=0)
            nilai = [b + [""] * (lebar - len(b)) for b in nilai] or [[]]
            lembar: dict[str, Any] = {"name": ws.title, "values": nilai, "pictures": [], "tables": []}
            if klien == "Office.js":
                lembar.update(visibility="Visible" if ws.sheet_state == "visible" else "Hidden", notes=[], shapes=[])
            sheets.append(lembar)
        aktif = urutan[lembar_aktif] if lembar_aktif is not None else wb.worksheets.index(wb.active)
    finally:
        wb.close()
    return {
        "client": klien,
        "version": versi or importlib.metadata.version("xlwings"),
        "book": {"name": p.name, "active_sheet_index": aktif, "selection": "A1"},
        "names": names,
        "sheets": sheets,
    }


def _nama(
    nama: str, lembar: str, ref: str, urutan: dict[str, int], lingkup: str | None, klien: Klien
) -> dict[str, Any]:
    d: dict[str, Any] = {
        "name": nama,
        "sheet_index": urutan[lembar],
        "address": ref,
        "scope_sheet_name": lingkup,
        "scope_sheet_index": None if lingkup is None else urutan[lingkup],
        "book_scope": lingkup is None,
    }
    if klien == "Office.js":
        d["refers_to"] = "=" + rujukan_excel(lembar, ref)
    return d


# --------------------------------------------------------------------------- applying the returned actions


@dataclass
class HasilAksi:
    """A workbook after the remote engine's actions were applied the way a client applies them.

    Cells are 0-based ``(row, col)``. ``nilai`` holds what Excel would show (an apostrophe prefix
    removed, ``""`` as empty), ``rumus`` the formulas written, ``tautan`` the targets of
    ``HYPERLINK`` formulas (``"#SKP!C9"``), ``warna`` every fill set (``None`` = removed),
    ``teks`` the cells written with the apostrophe prefix (text kept as text).
    """

    lembar: list[str]
    nilai: dict[str, dict[tuple[int, int], Any]]
    rumus: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    tautan: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    warna: dict[str, dict[tuple[int, int], str | None]] = field(default_factory=dict)
    teks: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    aktif: int = 0
    pesan: list[tuple[str, str, str]] = field(default_factory=list)
    dikenal: set[str] = field(default_factory=set)

    def sel(self, lembar: str, ref: str) -> Any:
        """Value of one cell ("C9") of ``lembar``."""
        return self.nilai[lembar].get(urai_sel(ref))


_HYPERLINK = re.compile(r'^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$')
_AKSI_DIKENAL = {"setValues", "setFormula", "setRangeColor", "sheetClear", "addSheet", "activateSheet", "alert"}


def terapkan_aksi(muatan: Mapping[str, Any], aksi: Sequence[Mapping[str, Any]]) -> HasilAksi:
    """Apply ``book.json()["actions"]`` to the payload, as the Office Scripts / VBA clients would.

    Only the actions skpxl's adapter produces are understood; any other raises ``ValueError``
    (so a test notices when the adapter starts using something new).
    """
    lembar = [str(s["name"]) for s in muatan["sheets"]]
    nilai: dict[str, dict[tuple[int, int], Any]] = {}
    for s in muatan["sheets"]:
        isi: dict[tuple[int, int], Any] = {}
        for r, baris in enumerate(s["values"]):
            for c, v in enumerate(baris):
                if v != "" and v is not None:
                    isi[(r, c)] = v
        nilai[str(s["name"])] = isi
    hasil = HasilAksi(lembar, nilai, aktif=int(muatan["book"]["active_sheet_index"]))
    for nama in lembar:
        hasil.rumus[nama], hasil.tautan[nama], hasil.warna[nama], hasil.teks[nama] = {}, {}, {}, set()
    for a in aksi:
        f = a["func"]
        if f not in _AKSI_DIKENAL:
            raise ValueError(f"aksi tidak dikenal: {f}")
        hasil.dikenal.add(f)
        if f == "addSheet":
            posisi, nama = int(a["args"][0]), str(a["args"][1])
            hasil.lembar.insert(posisi, nama)
            hasil.nilai[nama], hasil.rumus[nama], hasil.tautan[nama] = {}, {}, {}
            hasil.warna[nama], hasil.teks[nama] = {}, set()
            continue
        if f == "alert":
            hasil.pesan.append((str(a["args"][0]), str(a["args"][1]), str(a["args"][3])))
            continue
        nama = hasil.lembar[int(a["sheet_position"])]
        if f == "activateSheet":
            hasil.aktif = int(a["args"][0])
        elif f == "sheetClear":
            for d in (hasil.nilai, hasil.rumus, hasil.tautan, hasil.warna):
                d[nama] = {}
            hasil.teks[nama] = set()
        elif f == "setRangeColor":
            r0, c0 = int(a["start_row"]), int(a["start_column"])
            for r in range(r0, r0 + int(a["row_count"])):
                for c in range(c0, c0 + int(a["column_count"])):
                    hasil.warna[nama][(r, c)] = a["args"][0]
        else:  # setValues, setFormula
            r0, c0 = int(a["start_row"]), int(a["start_column"])
            for i, baris in enumerate(a["values"]):
                for j, v in enumerate(baris):
                    kunci = (r0 + i, c0 + j)
                    hasil.rumus[nama].pop(kunci, None)
                    hasil.tautan[nama].pop(kunci, None)
                    hasil.teks[nama].discard(kunci)
                    if f == "setFormula":
                        m = _HYPERLINK.match(str(v))
                        hasil.rumus[nama][kunci] = str(v)
                        if m is not None:
                            hasil.tautan[nama][kunci] = m.group(1).replace('""', '"')
                            v = m.group(2).replace('""', '"')
                    elif isinstance(v, str) and v.startswith("'"):
                        hasil.teks[nama].add(kunci)
                        v = v[1:]
                    if v == "" or v is None:
                        hasil.nilai[nama].pop(kunci, None)
                    else:
                        hasil.nilai[nama][kunci] = v
    return hasil


def ke_muatan(hasil: HasilAksi, muatan: Mapping[str, Any]) -> dict[str, Any]:
    """The payload a client would send next time: ``muatan`` with the sheets as :func:`terapkan_aksi` left them."""
    sheets = []
    for nama in hasil.lembar:
        isi = hasil.nilai[nama]
        n_baris = max((r for r, _ in isi), default=-1) + 1
        n_kolom = max((c for _, c in isi), default=-1) + 1
        values = [[isi.get((r, c), "") for c in range(n_kolom)] for r in range(n_baris)] or [[]]
        sheets.append({"name": nama, "values": values, "pictures": [], "tables": []})
    book = dict(muatan["book"], active_sheet_index=hasil.aktif)
    return dict(muatan, book=book, sheets=sheets)


def xlwings_remote() -> ModuleType:
    """xlwings with its remote engine registered, both imported without pandas/numpy when those are not loaded yet.

    The remote engine is xlwings PRO: the caller sets ``XLWINGS_LICENSE_KEY`` (``noncommercial`` is
    accepted offline) before the first call; skpxl itself never sets or needs a key.
    """
    from skpxl.excel.xlimport import impor_tanpa, impor_xlwings

    xw = impor_xlwings()
    if not any(e.name == "remote" for e in xw.engines):
        _xlremote = impor_tanpa("xlwings.pro._xlremote")  # validates the licence key on import
        xw.engines.add(xw.Engine(impl=_xlremote.engine))
    return xw
