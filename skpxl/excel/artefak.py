"""Build the two Excel artifacts with VBA, byte-reproducibly, without Excel.

* ``workbook_templates/SKP_2026.xlsm`` — the triwulanan template of :mod:`skpxl.bangun` (sheets
  left unprotected: Excel refuses macro writes to locked cells of a protected sheet) with
  the VBA project of the xlwings quickstart workbook (``Module1`` removed, the xlwings module
  and ``addin/vba/SKP.bas`` written by :mod:`skpxl.excel.vba`), the layout's Validasi/Hitung form
  buttons (XlsxWriter ``insert_button``, macros ``Validasi``/``Hitung``) and a hidden
  ``xlwings.conf`` settings sheet, added at zip level after XlsxWriter has written the book.
* ``addin/skpxl.xlam`` — a ribbon add-in assembled at zip level (openpyxl cannot open .xlam,
  XlsxWriter cannot write one): tab "SKP" with Validasi, Hitung and Bantuan, whose ``onAction``
  callbacks are the Subs of ``addin/vba/SKPRibbon.bas``; VBA project of the xlwings ribbon
  add-in (``RibbonMyAddin`` removed, xlwings module with ``PROJECT_NAME = "skpxl"``); one visible-
  to-VBA settings sheet ``skpxl.conf``. Theme and styles are the xlwings add-in's own parts.

Zip output is deterministic: fixed entry order, fixed timestamps and attributes, one compression
level. ``python -m skpxl.excel`` rebuilds both; ``tests/excel/test_addin_artefak.py`` rebuilds and compares.

Settings (read by the xlwings VBA module's ``GetConfig``; column A key, column B value, column C
an Indonesian note that VBA ignores):

=============================  =============================================  ===============
key                            template (``xlwings.conf``)                    add-in
=============================  =============================================  ===============
INTERPRETER_WIN                ``%LOCALAPPDATA%\\skpxl\\venv\\Scripts\\python.exe``  user config
INTERPRETER_MAC                ``$HOME/.skpxl/venv/bin/python``               user config
PYTHONPATH                     ``%LOCALAPPDATA%\\skpxl\\kode`` (optional)      —
ADD_WORKBOOK_TO_PYTHONPATH     FALSE                                          FALSE
USE UDF SERVER                 TRUE                                           user config
=============================  =============================================  ===============

Both projects carry skpxl's hardened xlwings module (:mod:`skpxl.excel.modul_xlwings`): ``GetConfig``
reads only the settings sheet of the workbook holding the code (``ThisWorkbook``: the add-in itself, or
the template) and then the user's config file, never the active workbook or a ``.conf`` file in any
workbook's folder; ``*.py`` sheets (embedded code) are refused and ``ADD_WORKBOOK_TO_PYTHONPATH`` is
forced off whatever a settings source says, so ``.py`` files next to a staff workbook can never shadow
skpxl's modules. Both also carry ``addin/vba/SKPPeriksa.bas`` (with ``VERSI_SKPXL`` written from
:mod:`skpxl.core.versi`): Protected View, the refusal of workbooks with xlwings settings or code sheets,
and a once-per-session probe of the configured Python, skpxl and xlwings before ``RunPython``.

The add-in's own sheet beats the user's file, so the add-in keeps machine-specific values out of its
sheet: ``skpxl addin install`` writes them to ``%USERPROFILE%\\.skpxl\\skpxl.conf`` (see
:mod:`skpxl.excel.pasang`).
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from skpxl.core.errors import BerkasTidakTerbaca

__all__ = [
    "ADDIN_PROJECT_NAME",
    "BERKAS_ADDIN",
    "BERKAS_TEMPLAT",
    "PENGATURAN_ADDIN",
    "PENGATURAN_TEMPLAT",
    "RIBBON",
    "Pengaturan",
    "TombolRibbon",
    "bangun_semua",
    "bangun_xlam",
    "bangun_xlsm",
    "customui_xml",
    "proyek_vba_addin",
    "proyek_vba_templat",
    "sumber_periksa",
]

AKAR = Path(__file__).resolve().parents[2]

BERKAS_TEMPLAT = "workbook_templates/SKP_2026.xlsm"
BERKAS_ADDIN = "addin/skpxl.xlam"
BAS_TEMPLAT = "addin/vba/SKP.bas"
BAS_RIBBON = "addin/vba/SKPRibbon.bas"
BAS_PERIKSA = "addin/vba/SKPPeriksa.bas"  # checks shared by both projects (Protected View, refusals, Python probe)
_BARIS_VERSI = re.compile(r'^Public Const VERSI_SKPXL As String = "[^"\r\n]*"(?=\r?$)', re.MULTILINE)
ADDIN_PROJECT_NAME = "skpxl"  # names the add-in's settings sheet (skpxl.conf) and user config (~/.skpxl/skpxl.conf)
LEMBAR_CONF_TEMPLAT = "xlwings.conf"  # PROJECT_NAME of the template's xlwings module is "xlwings"

_WAKTU_ZIP = (1980, 1, 1, 0, 0, 0)
_WAKTU_DOKUMEN = "2026-01-01T00:00:00Z"
_TINGKAT_KOMPRESI = 6


@dataclass(frozen=True)
class Pengaturan:
    """One row of an xlwings settings sheet."""

    kunci: str
    nilai: str | bool
    keterangan: str


PENGATURAN_TEMPLAT: tuple[Pengaturan, ...] = (
    Pengaturan(
        "INTERPRETER_WIN",
        r"%LOCALAPPDATA%\skpxl\venv\Scripts\python.exe",
        "Python yang menjalankan skpxl di Windows (venv yang dibuat sesuai petunjuk pemasangan).",
    ),
    Pengaturan(
        "INTERPRETER_MAC",
        "$HOME/.skpxl/venv/bin/python",
        "Python yang menjalankan skpxl di macOS.",
    ),
    Pengaturan(
        "PYTHONPATH",
        r"%LOCALAPPDATA%\skpxl\kode",
        "Folder tambahan untuk kode Python (opsional; tidak diperlukan bila skpxl dipasang dengan pip).",
    ),
    Pengaturan(
        "ADD_WORKBOOK_TO_PYTHONPATH",
        False,
        "FALSE: berkas .py di folder buku kerja tidak ikut dimuat (lebih aman).",
    ),
    Pengaturan(
        "USE UDF SERVER",
        True,
        "TRUE: Python tetap berjalan di latar belakang sehingga klik kedua dan seterusnya cepat (Windows). "
        "Ubah ke FALSE bila tombol gagal dengan pesan 'COM server'.",
    ),
)

PENGATURAN_ADDIN: tuple[Pengaturan, ...] = (
    Pengaturan(
        "ADD_WORKBOOK_TO_PYTHONPATH",
        False,
        "FALSE: berkas .py di folder buku kerja tidak ikut dimuat. Interpreter dan server UDF diatur oleh "
        "'skpxl addin install' di %USERPROFILE%\\.skpxl\\skpxl.conf.",
    ),
)


@dataclass(frozen=True)
class TombolRibbon:
    """A ribbon button: ``onAction`` is ``<modul>.<sub>``, a Sub taking ``control As IRibbonControl``."""

    id: str
    label: str
    image_mso: str
    modul: str
    sub: str
    screentip: str
    supertip: str
    grup: str

    @property
    def on_action(self) -> str:
        return f"{self.modul}.{self.sub}"


RIBBON: tuple[TombolRibbon, ...] = (
    TombolRibbon(
        "skpxlValidasi",
        "Validasi",
        "DataValidation",
        "SKPRibbon",
        "SkpValidasi",
        "Validasi SKP",
        "Memeriksa isian formulir SKP yang sedang aktif; temuan ditandai di sel dan dirangkum di lembar "
        "Hasil Validasi.",
        "Formulir SKP",
    ),
    TombolRibbon(
        "skpxlHitung",
        "Hitung",
        "CalculateNow",
        "SKPRibbon",
        "SkpHitung",
        "Hitung SKP",
        "Menghitung capaian, rating dan predikat kinerja dari isian formulir SKP yang sedang aktif.",
        "Formulir SKP",
    ),
    TombolRibbon(
        "skpxlBantuan",
        "Bantuan",
        "Help",
        "SKPRibbon",
        "SkpBantuan",
        "Bantuan SKP",
        "Petunjuk singkat tab SKP.",
        "Bantuan",
    ),
)


# --------------------------------------------------------------------------- VBA projects


def sumber_periksa(akar: Path = AKAR) -> str:
    """``addin/vba/SKPPeriksa.bas`` with ``VERSI_SKPXL`` set to this skpxl's version (the add-in's version check)."""
    from skpxl.core.versi import __version__
    from skpxl.excel.vba import read_bas

    teks, n = _BARIS_VERSI.subn(f'Public Const VERSI_SKPXL As String = "{__version__}"', read_bas(akar / BAS_PERIKSA))
    if n != 1:
        raise BerkasTidakTerbaca(f"Baris VERSI_SKPXL tidak ditemukan tepat satu kali di {BAS_PERIKSA}.")
    return teks


def proyek_vba_templat(akar: Path = AKAR) -> bytes:
    """``vbaProject.bin`` of the macro template: hardened xlwings module (ThisWorkbook) + ``SKP.bas`` + checks."""
    from skpxl.excel.modul_xlwings import modul_xlwings_aman
    from skpxl.excel.vba import TEMPLATE, base_vba_project, build_vba_project, read_bas

    return build_vba_project(
        base_vba_project(TEMPLATE),
        {
            "xlwings": modul_xlwings_aman(TEMPLATE, akar),
            "SKP": read_bas(akar / BAS_TEMPLAT),
            "SKPPeriksa": sumber_periksa(akar),
        },
        remove=["Module1"],
    )


def proyek_vba_addin(akar: Path = AKAR) -> bytes:
    """``vbaProject.bin`` of the add-in: hardened xlwings module (PROJECT_NAME skpxl) + ribbon Subs + checks."""
    from skpxl.excel.modul_xlwings import modul_xlwings_aman
    from skpxl.excel.vba import ADDIN, base_vba_project, build_vba_project, read_bas

    return build_vba_project(
        base_vba_project(ADDIN),
        {
            "xlwings": modul_xlwings_aman(ADDIN, akar, project_name=ADDIN_PROJECT_NAME),
            "SKPRibbon": read_bas(akar / BAS_RIBBON),
            "SKPPeriksa": sumber_periksa(akar),
        },
        remove=["RibbonMyAddin"],
        project_name=ADDIN_PROJECT_NAME,
    )


# --------------------------------------------------------------------------- XML parts


def _xml(teks: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + teks).encode("utf-8")


def customui_xml(tombol: Sequence[TombolRibbon] = RIBBON) -> bytes:
    """The ribbon (customUI 2006 schema: Excel 2007 and later)."""
    grup: dict[str, list[TombolRibbon]] = {}
    for t in tombol:
        grup.setdefault(t.grup, []).append(t)
    baris = [
        '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">',
        "  <ribbon>",
        "    <tabs>",
        '      <tab id="skpxlTab" label="SKP">',
    ]
    for i, (nama, isi) in enumerate(grup.items(), start=1):
        baris.append(f'        <group id="skpxlGrup{i}" label={quoteattr(nama)}>')
        for t in isi:
            baris.append(
                f'          <button id="{t.id}" label={quoteattr(t.label)} size="large" imageMso="{t.image_mso}" '
                f'onAction="{t.on_action}" screentip={quoteattr(t.screentip)} supertip={quoteattr(t.supertip)}/>'
            )
        baris.append("        </group>")
    baris += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(baris).encode("utf-8")


def _sel_xml(ref: str, v: str | bool) -> str:
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'


def lembar_pengaturan_xml(pengaturan: Sequence[Pengaturan], *, code_name: str) -> bytes:
    """A worksheet with the settings (A key, B value, C note), inline strings, fixed widths."""
    baris = []
    for i, p in enumerate(pengaturan, start=1):
        sel = _sel_xml(f"A{i}", p.kunci) + _sel_xml(f"B{i}", p.nilai) + _sel_xml(f"C{i}", p.keterangan)
        baris.append(f'<row r="{i}">{sel}</row>')
    n = max(1, len(pengaturan))
    return _xml(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheetPr codeName="{code_name}"/><dimension ref="A1:C{n}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="48" customWidth="1"/>'
        '<col min="3" max="3" width="100" customWidth="1"/></cols>'
        f"<sheetData>{''.join(baris)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )


# --------------------------------------------------------------------------- deterministic zip


def _zip(bagian: Iterable[tuple[str, bytes]], contoh: zipfile.ZipInfo | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for nama, data in bagian:
            info = zipfile.ZipInfo(nama, contoh.date_time if contoh else _WAKTU_ZIP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = contoh.create_system if contoh else 0
            info.external_attr = contoh.external_attr if contoh else 0
            z.writestr(info, data, compresslevel=_TINGKAT_KOMPRESI)
    return out.getvalue()


# --------------------------------------------------------------------------- the add-in


def _bagian_xlwings_addin() -> dict[str, bytes]:
    """Theme and styles of the xlwings ribbon add-in in the pinned wheel (Excel-written, known good)."""
    spec = importlib.util.find_spec("xlwings")  # does not import xlwings
    if spec is None or not spec.submodule_search_locations:
        raise BerkasTidakTerbaca("Paket xlwings tidak terpasang; pasang xlwings==0.37.8 terlebih dahulu.")
    asal = Path(next(iter(spec.submodule_search_locations))) / "quickstart_addin_ribbon.xlam"
    with zipfile.ZipFile(asal) as z:
        return {n: z.read(n) for n in ("xl/theme/theme1.xml", "xl/styles.xml")}


def bangun_xlam(akar: Path = AKAR) -> bytes:
    """The ribbon add-in ``skpxl.xlam`` as bytes."""
    lembar = f"{ADDIN_PROJECT_NAME}.conf"
    dipinjam = _bagian_xlwings_addin()
    ct = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
        'Target="docProps/app.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/relationships/ui/extensibility" '
        'Target="customUI/customUI.xml"/>'
        "</Relationships>"
    )
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr codeName="ThisWorkbook"/>'
        '<bookViews><workbookView visibility="hidden" activeTab="0"/></bookViews>'
        f'<sheets><sheet name={quoteattr(lembar)} sheetId="1" r:id="rId1"/></sheets>'
        '<calcPr calcId="191029"/>'
        "</workbook>"
    )
    wb_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" '
        'Target="theme/theme1.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        'Target="vbaProject.bin"/>'
        "</Relationships>"
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>skpxl: tab SKP (Validasi, Hitung)</dc:title><dc:creator>skpxl</dc:creator>"
        "<cp:lastModifiedBy>skpxl</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_WAKTU_DOKUMEN}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_WAKTU_DOKUMEN}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>'
        "<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{escape(lembar)}</vt:lpstr></vt:vector>'
        "</TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
    )
    bagian = [
        ("[Content_Types].xml", _xml(ct)),
        ("_rels/.rels", _xml(rels)),
        ("docProps/app.xml", _xml(app)),
        ("docProps/core.xml", _xml(core)),
        ("customUI/customUI.xml", customui_xml()),
        ("xl/workbook.xml", _xml(workbook)),
        ("xl/_rels/workbook.xml.rels", _xml(wb_rels)),
        ("xl/worksheets/sheet1.xml", lembar_pengaturan_xml(PENGATURAN_ADDIN, code_name="Sheet2")),
        ("xl/theme/theme1.xml", dipinjam["xl/theme/theme1.xml"]),
        ("xl/styles.xml", dipinjam["xl/styles.xml"]),
        ("xl/vbaProject.bin", proyek_vba_addin(akar)),
    ]
    return _zip(bagian)


# --------------------------------------------------------------------------- the macro template


def _tambah_lembar(data: bytes, nama: str, isi: bytes, *, tersembunyi: bool) -> bytes:
    """Append a worksheet part to an XlsxWriter-written package (workbook, rels, content types, app.xml)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        isi_lama = {i.filename: z.read(i.filename) for i in infos}
    wb = isi_lama["xl/workbook.xml"].decode("utf-8")
    rels = isi_lama["xl/_rels/workbook.xml.rels"].decode("utf-8")
    ct = isi_lama["[Content_Types].xml"].decode("utf-8")
    app = isi_lama["docProps/app.xml"].decode("utf-8")

    nomor = [int(m) for m in re.findall(r"xl/worksheets/sheet(\d+)\.xml$", "\n".join(isi_lama), re.MULTILINE)]
    n_baru = max(nomor) + 1
    part = f"xl/worksheets/sheet{n_baru}.xml"
    sheet_id = max(int(m) for m in re.findall(r'<sheet [^>]*sheetId="(\d+)"', wb)) + 1
    n_rel = max(int(m) for m in re.findall(r'Id="rId(\d+)"', rels)) + 1
    rid = f"rId{n_rel}"
    if f"name={quoteattr(nama)}" in wb or "</sheets>" not in wb:
        raise BerkasTidakTerbaca(f"Lembar {nama} sudah ada atau workbook.xml tidak dikenali.")
    state = ' state="hidden"' if tersembunyi else ""
    wb = wb.replace("</sheets>", f'<sheet name={quoteattr(nama)} sheetId="{sheet_id}"{state} r:id="{rid}"/></sheets>')
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'worksheet" Target="worksheets/sheet{n_baru}.xml"/></Relationships>',
    )
    ct = ct.replace(
        "</Types>",
        f'<Override PartName="/{part}" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    )
    app = _app_tambah_lembar(app, nama, len(nomor))

    baru = {
        "xl/workbook.xml": wb.encode("utf-8"),
        "xl/_rels/workbook.xml.rels": rels.encode("utf-8"),
        "[Content_Types].xml": ct.encode("utf-8"),
        "docProps/app.xml": app.encode("utf-8"),
    }
    urutan: list[tuple[str, bytes]] = []
    terakhir_lembar = max(i for i, info in enumerate(infos) if info.filename.startswith("xl/worksheets/sheet"))
    for i, info in enumerate(infos):
        urutan.append((info.filename, baru.get(info.filename, isi_lama[info.filename])))
        if i == terakhir_lembar:
            urutan.append((part, isi))
    return _zip(urutan, contoh=infos[0])


def _app_tambah_lembar(app: str, nama: str, jumlah_lama: int) -> str:
    """docProps/app.xml: one more worksheet in HeadingPairs and TitlesOfParts (after the last sheet title)."""
    pola = re.compile(r"(<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>)(\d+)(</vt:i4>)")
    m = pola.search(app)
    if m is None or int(m.group(2)) != jumlah_lama:
        return app  # unknown shape: leave the (informative only) properties alone
    app = app[: m.start(2)] + str(jumlah_lama + 1) + app[m.end(2) :]
    judul = re.compile(r'<TitlesOfParts><vt:vector size="(\d+)" baseType="lpstr">')
    m2 = judul.search(app)
    if m2 is None:
        return app
    app = app[: m2.start(1)] + str(int(m2.group(1)) + 1) + app[m2.end(1) :]
    m3 = judul.search(app)
    assert m3 is not None
    posisi = m3.end()
    for _ in range(jumlah_lama):
        posisi = app.index("</vt:lpstr>", posisi) + len("</vt:lpstr>")
    return app[:posisi] + f"<vt:lpstr>{escape(nama)}</vt:lpstr>" + app[posisi:]


def bangun_xlsm(akar: Path = AKAR) -> bytes:
    """The macro template ``SKP_2026.xlsm`` (triwulanan) as bytes."""
    from skpxl.buku.templat import build_bytes
    from skpxl.core.enums import Periodisasi

    # Unprotected: Excel refuses VBA/COM writes to locked cells of a protected sheet, and Hitung writes
    # the blue (locked) cells. Hitung rewrites them on every run, so a value typed over one is corrected.
    data = build_bytes(
        periodisasi=Periodisasi.TRIWULANAN, vba_project=proyek_vba_templat(akar), buttons=True, protect=False
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        n_lembar = sum(1 for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    conf = lembar_pengaturan_xml(PENGATURAN_TEMPLAT, code_name=f"Sheet{n_lembar + 1}")
    return _tambah_lembar(data, LEMBAR_CONF_TEMPLAT, conf, tersembunyi=True)


# --------------------------------------------------------------------------- all


def bangun_semua(akar: str | Path = AKAR, *, sumber: Path = AKAR) -> list[Path]:
    """Rebuild ``addin/skpxl.xlam`` and ``workbook_templates/SKP_2026.xlsm`` under ``akar``; returns the paths.

    The VBA sources are read from ``sumber`` (the repository), so a build into an empty folder works too.
    """
    akar = Path(akar)
    ditulis = []
    for rel, data in ((BERKAS_ADDIN, bangun_xlam(sumber)), (BERKAS_TEMPLAT, bangun_xlsm(sumber))):
        p = akar / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(p)
        ditulis.append(p)
    return ditulis
