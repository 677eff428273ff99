"""Write xlwings Lite's parts into an ``.xlsx`` at zip level: the web extension with the code, and sheet buttons.

xlwings Lite keeps a workbook's Python in an Office web-extension part, read here from public workbooks that
Lite saved (fixture and origin: ``tests/bangun/data/xlwings_lite/``):

* ``_rels/.rels`` → ``xl/webextensions/taskpanes.xml`` (type ``…/2011/relationships/webextensiontaskpanes``);
* ``taskpanes.xml``: one ``wetp:taskpane`` (dock, width, ``visibility``) → ``webextension1.xml``;
* ``webextension1.xml``: ``we:webextension`` with the store reference of xlwings Lite (``wa200008175``,
  OMEX) and ``we:property`` elements whose values are **JSON-encoded** strings: ``main.py``,
  ``pyodideVersion``, ``addinVersion``, ``requirements.txt``; then ``we:bindings``, ``we:snapshot`` and the
  ``we:extLst`` current Lite versions save (a custom-function flag and an empty id list), copied verbatim;
* content-type overrides for both parts.

Two additions of ours, both Office's documented way to open an add-in's task pane with a document:
``visibility="1"`` on the task pane and the property ``Office.AutoShowTaskpaneWithDocument`` = ``true``.

Sheet buttons are what Lite documents: a named shape whose hyperlink points at a cell under the shape. The
shapes are written as DrawingML (``xdr:oneCellAnchor`` at the cell, so no column arithmetic decides which cell
is covered) with ``a:hlinkClick`` to an internal ``#'Sheet'!B1`` location, as Excel itself saves them.

The output is deterministic: entries sorted by name, fixed timestamps and attributes, one compression level;
the web extension's id is a UUID derived from its content.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from skpxl.buku.layout import Tombol, tautan_internal, urai_sel

__all__ = [
    "ADDIN_VERSI",
    "ASET_LITE",
    "PYODIDE_VERSI",
    "json_office",
    "piksel_kolom",
    "string_button",
    "tambah_lite",
]

ASET_LITE = "wa200008175"  # xlwings Lite's asset id in the Office add-in store
PYODIDE_VERSI = "0.27.5"  # as the newest public workbooks saved by Lite record it (Lite runs its own)
ADDIN_VERSI = "1.0.0.0-18"

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension"
REL_DRAWING = NS_R + "/drawing"
REL_HYPERLINK = NS_R + "/hyperlink"
CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml"
CT_WEBEXT = "application/vnd.ms-office.webextension+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"

PART_TASKPANES = "xl/webextensions/taskpanes.xml"
PART_TASKPANES_RELS = "xl/webextensions/_rels/taskpanes.xml.rels"
PART_WEBEXT = "xl/webextensions/webextension1.xml"

EMU_PIKSEL = 9525
_WAKTU_ZIP = (1980, 1, 1, 0, 0, 0)
_TINGKAT_KOMPRESI = 6
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
# The extension list current Lite versions save (a custom-function flag and an empty id list), verbatim
_EXT_LITE = (
    '<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'uri="{D87F86FE-615C-45B5-9D79-34F1136793EB}"><we:containsCustomFunctions/></a:ext>'
    '<a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}"><we:customFunctionIdList/></a:ext></we:extLst>'
)
# CT_Worksheet children that must come after <drawing> (ECMA-376 order); <drawing> goes before the first present
_SETELAH_DRAWING = ("<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
                    "<webPublishItems", "<tableParts", "<extLst", "</worksheet>")  # fmt: skip


def string_button(t: Tombol) -> str:
    """The ``@script(button=...)`` string Lite matches for the shape of ``t``: ``[Validasi]SKP!B1``.

    The shape is named after its caption (``t.teks``); shape names are unique per sheet, and so is the cell.
    """
    return f"[{t.teks}]{t.lembar}!{t.sel}"


def json_office(teks: str) -> str:
    """A property value the way Office's serializer writes it: a JSON string with ``/`` as ``\\/``."""
    return json.dumps(teks, ensure_ascii=False).replace("/", "\\/")


def piksel_kolom(lebar: float) -> int:
    """Screen pixels of a column ``lebar`` characters wide (Calibri 11: 7-pixel digits, 5 pixels of padding)."""
    if lebar < 1:
        return int(lebar * 12 + 0.5)
    return int(lebar * 7 + 0.5) + 5


# --------------------------------------------------------------------------- the web extension


def taskpanes_xml() -> str:
    return (
        _XML + '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">'
        '<wetp:taskpane dockstate="right" visibility="1" width="438" row="1">'
        f'<wetp:webextensionref xmlns:r="{NS_R}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>'
    )


def taskpanes_rels_xml() -> str:
    return (
        _XML + f'<Relationships xmlns="{NS_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{REL_WEBEXT}" Target="webextension1.xml"/></Relationships>'
    )


def webextension_xml(main_py: str, requirements: str) -> str:
    properti = {
        "main.py": json_office(main_py),
        "pyodideVersion": json_office(PYODIDE_VERSI),
        "addinVersion": json_office(ADDIN_VERSI),
        "requirements.txt": json_office(requirements),
        "Office.AutoShowTaskpaneWithDocument": "true",
    }
    isi = hashlib.sha256(json.dumps(properti, sort_keys=True).encode("utf-8")).hexdigest()
    guid = str(uuid.uuid5(uuid.NAMESPACE_URL, "skpxl-lite:" + isi)).upper()
    props = "".join(f"<we:property name={quoteattr(k)} value={quoteattr(v)}/>" for k, v in properti.items())
    return (
        _XML + '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" '
        f'id="{{{guid}}}">'
        f'<we:reference id="{ASET_LITE}" version="1.0.0.0" store="en-US" storeType="OMEX"/>'
        f'<we:alternateReferences><we:reference id="{ASET_LITE.upper()}" version="1.0.0.0" '
        f'store="{ASET_LITE.upper()}" storeType="OMEX"/></we:alternateReferences>'
        f"<we:properties>{props}</we:properties><we:bindings/>"
        f'<we:snapshot xmlns:r="{NS_R}"/>{_EXT_LITE}</we:webextension>'
    )


# --------------------------------------------------------------------------- sheet buttons


def drawing_xml(tombol: Sequence[Tombol], lebar_kolom: Sequence[float], tinggi_baris_px: int = 20) -> str:
    """One sheet's shapes, each anchored at (and linked from ``rIdN`` to) its cell."""
    kiri = [0]
    for c in range(max((urai_sel(t.sel)[1] for t in tombol), default=0) + 1):
        kiri.append(kiri[-1] + piksel_kolom(lebar_kolom[c] if c < len(lebar_kolom) else 8.43))
    bentuk = []
    for i, t in enumerate(tombol, start=1):
        r, c = urai_sel(t.sel)
        cx, cy = t.lebar * EMU_PIKSEL, t.tinggi * EMU_PIKSEL
        x, y = kiri[c] * EMU_PIKSEL, r * tinggi_baris_px * EMU_PIKSEL
        bentuk.append(
            "<xdr:oneCellAnchor>"
            f"<xdr:from><xdr:col>{c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{r}</xdr:row>"
            f'<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="{cx}" cy="{cy}"/>'
            '<xdr:sp macro="" textlink=""><xdr:nvSpPr>'
            f"<xdr:cNvPr id={quoteattr(str(i + 1))} name={quoteattr(t.teks)} "
            f"descr={quoteattr('Tombol ' + t.teks + ' (xlwings Lite)')}>"
            f'<a:hlinkClick xmlns:r="{NS_R}" r:id="rId{i}" '
            f"tooltip={quoteattr('Jalankan ' + t.teks + ' (add-in xlwings Lite)')}/></xdr:cNvPr>"
            "<xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>"
            f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom>'
            '<a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill><a:ln><a:noFill/></a:ln></xdr:spPr>'
            '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" lIns="0" tIns="0" rIns="0" bIns="0" '
            'rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r>'
            '<a:rPr lang="id-ID" sz="1000" b="1"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            f'<a:latin typeface="Arial"/></a:rPr><a:t>{escape(t.teks)}</a:t></a:r></a:p></xdr:txBody>'
            '</xdr:sp><xdr:clientData fPrintsWithSheet="0"/></xdr:oneCellAnchor>'
        )
    return (
        _XML + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{"".join(bentuk)}</xdr:wsDr>'
    )


def drawing_rels_xml(tombol: Sequence[Tombol]) -> str:
    rel = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_HYPERLINK}" Target={quoteattr("#" + tautan_internal(t.lembar, t.sel))}/>'
        for i, t in enumerate(tombol, start=1)
    )
    return _XML + f'<Relationships xmlns="{NS_PKG_REL}">{rel}</Relationships>'


# --------------------------------------------------------------------------- the package


def _tambah_rel(rels: str | None, jenis: str, target: str) -> tuple[str, str]:
    """``rels`` (or a new part) with one more relationship; returns (xml, its Id)."""
    if rels is None:
        rels = _XML + f'<Relationships xmlns="{NS_PKG_REL}"></Relationships>'
    ada = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
    rid = f"rId{max(ada, default=0) + 1}"
    baru = f'<Relationship Id="{rid}" Type="{jenis}" Target={quoteattr(target)}/>'
    if rels.endswith("/>") and "</Relationships>" not in rels:  # an empty self-closed list
        rels = rels[:-2] + ">" + "</Relationships>"
    return rels.replace("</Relationships>", baru + "</Relationships>"), rid


def _lembar_ke_part(isi: Mapping[str, bytes]) -> dict[str, str]:
    """Sheet name → its worksheet part ("xl/worksheets/sheet1.xml")."""
    wb = ElementTree.fromstring(isi["xl/workbook.xml"])
    rels = ElementTree.fromstring(isi["xl/_rels/workbook.xml.rels"])
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    hasil = {}
    for s in wb.iter(f"{{{NS_MAIN}}}sheet"):
        t = target[s.get(f"{{{NS_R}}}id")]
        hasil[s.get("name", "")] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    return hasil


def _zip(bagian: Iterable[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for nama, data in sorted(bagian):
            info = zipfile.ZipInfo(nama, _WAKTU_ZIP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, data, compresslevel=_TINGKAT_KOMPRESI)
    return out.getvalue()


def tambah_lite(
    xlsx: bytes,
    *,
    main_py: str,
    requirements: str,
    tombol: Sequence[Tombol],
    lebar_kolom: Mapping[str, Sequence[float]],
) -> bytes:
    """``xlsx`` (written by XlsxWriter) with Lite's web extension and a shape for each of ``tombol``."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    if any(n.startswith("xl/webextensions/") for n in isi):
        raise ValueError("buku kerja ini sudah membawa web extension")
    teks = {n: isi[n].decode("utf-8") for n in ("[Content_Types].xml", "_rels/.rels")}
    timpa: dict[str, str] = {}
    timpa["_rels/.rels"], _ = _tambah_rel(teks["_rels/.rels"], REL_TASKPANES, PART_TASKPANES)
    timpa[PART_TASKPANES] = taskpanes_xml()
    timpa[PART_TASKPANES_RELS] = taskpanes_rels_xml()
    timpa[PART_WEBEXT] = webextension_xml(main_py, requirements)
    override = [(PART_TASKPANES, CT_TASKPANES), (PART_WEBEXT, CT_WEBEXT)]

    part_lembar = _lembar_ke_part(isi)
    per_lembar: dict[str, list[Tombol]] = {}
    for t in tombol:
        per_lembar.setdefault(t.lembar, []).append(t)
    nomor = max((int(m) for n in isi for m in re.findall(r"^xl/drawings/drawing(\d+)\.xml$", n)), default=0)
    for lembar, daftar in per_lembar.items():
        if len({t.teks for t in daftar}) != len(daftar) or len({t.sel for t in daftar}) != len(daftar):
            raise ValueError(f"nama atau sel tombol ganda pada lembar {lembar}")
        nomor += 1
        part = part_lembar[lembar]
        folder, berkas = part.rsplit("/", 1)
        drawing = f"xl/drawings/drawing{nomor}.xml"
        timpa[drawing] = drawing_xml(daftar, lebar_kolom.get(lembar, ()))
        timpa[f"xl/drawings/_rels/drawing{nomor}.xml.rels"] = drawing_rels_xml(daftar)
        override.append((drawing, CT_DRAWING))
        rels_part = f"{folder}/_rels/{berkas}.rels"
        lama = isi[rels_part].decode("utf-8") if rels_part in isi else None
        timpa[rels_part], rid = _tambah_rel(lama, REL_DRAWING, f"../drawings/drawing{nomor}.xml")
        xml = isi[part].decode("utf-8")
        if "<drawing " in xml or f'xmlns:r="{NS_R}"' not in xml:
            raise ValueError(f"lembar {lembar} tidak dikenali untuk ditambah tombol")
        posisi = min(i for i in (xml.find(t) for t in _SETELAH_DRAWING) if i >= 0)
        timpa[part] = xml[:posisi] + f'<drawing r:id="{rid}"/>' + xml[posisi:]

    ct = teks["[Content_Types].xml"]
    tambahan = "".join(f'<Override PartName="/{p}" ContentType="{c}"/>' for p, c in override)
    timpa["[Content_Types].xml"] = ct.replace("</Types>", tambahan + "</Types>")
    isi.update({n: v.encode("utf-8") for n, v in timpa.items()})
    return _zip(isi.items())
