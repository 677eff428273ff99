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

openpyxl is imported only when a payload is built.
"""

from __future__ import annotations

import importlib.metadata
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from skpxl.layout import rujukan_excel, urai_rujukan_excel

__all__ = ["Klien", "muatan_dari_berkas"]

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
