"""The committed Excel artifacts: rebuilt byte for byte, and checked structurally without Excel.

``workbook_templates/SKP_2026.xlsm`` and ``addin/skpxl.xlam`` are judged by independent readers:
oletools (olevba: modules, Subs and their exact source), olefile (the compound file's directory),
openpyxl (the template's sheets and names) and the standard library (zip, XML).
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import inspect
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import olefile
import openpyxl
import pytest
from oletools.olevba import VBA_Parser

from skpxl.buku import layout as L
from skpxl.core.enums import Periodisasi
from skpxl.excel import artefak
from skpxl.excel.artefak import (
    ADDIN_PROJECT_NAME,
    BERKAS_ADDIN,
    BERKAS_TEMPLAT,
    LEMBAR_CONF_TEMPLAT,
    PENGATURAN_ADDIN,
    PENGATURAN_TEMPLAT,
    RIBBON,
    bangun_xlam,
    bangun_xlsm,
    sumber_periksa,
)
from skpxl.excel.vba import read_bas

AKAR = Path(__file__).resolve().parents[2]
XLSM = AKAR / BERKAS_TEMPLAT
XLAM = AKAR / BERKAS_ADDIN
XLWINGS_VERSI = importlib.metadata.version("xlwings")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
CUI = "{http://schemas.microsoft.com/office/2006/01/customui}"


def _modul(path: Path) -> dict[str, str]:
    """VBA module name → source, as oletools decompresses it."""
    parser = VBA_Parser(str(path))
    try:
        return {stream.split("/")[-1]: kode for _, stream, _, kode in parser.extract_macros()}
    finally:
        parser.close()


def _crlf(teks: str) -> str:
    return teks.replace("\r\n", "\n").replace("\n", "\r\n")


def _subs(kode: str) -> dict[str, str]:
    """Public Sub name → parameter list."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^(?:Public\s+)?Sub\s+(\w+)\s*\(([^)]*)\)", kode, re.MULTILINE | re.IGNORECASE)
    }


# --------------------------------------------------------------------------- reproducible


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "bangun"), [(BERKAS_ADDIN, bangun_xlam), (BERKAS_TEMPLAT, bangun_xlsm)])
def test_artefak_dibangun_ulang_sama_persis(rel: str, bangun: object) -> None:
    assert callable(bangun)
    baru = bangun()
    assert baru == bangun(), "two builds differ"
    assert baru == (AKAR / rel).read_bytes(), f"{rel} is stale: run `python -m skpxl.excel`"


def test_bangun_semua_menulis_ke_akar_lain(tmp_path: Path) -> None:
    for sub in ("addin/vba",):
        (tmp_path / sub).mkdir(parents=True)
    for bas in ("SKP.bas", "SKPRibbon.bas"):
        (tmp_path / "addin" / "vba" / bas).write_bytes((AKAR / "addin" / "vba" / bas).read_bytes())
    ditulis = artefak.bangun_semua(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in ditulis] == [BERKAS_ADDIN, BERKAS_TEMPLAT]
    assert all((tmp_path / r).read_bytes() == (AKAR / r).read_bytes() for r in (BERKAS_ADDIN, BERKAS_TEMPLAT))


def test_zip_deterministik() -> None:
    for path in (XLAM, XLSM):
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            assert len({i.date_time for i in infos}) == 1 and len({i.external_attr for i in infos}) == 1
            assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
            assert z.testzip() is None
            for n in z.namelist():
                if n.endswith((".xml", ".rels", ".vml")):
                    ET.fromstring(z.read(n))  # well-formed


# --------------------------------------------------------------------------- VBA, judged by oletools and olefile


def test_modul_vba_templat() -> None:
    modul = _modul(XLSM)
    assert set(modul) == {"ThisWorkbook", "Sheet1", "Sheet2", "xlwings", "Dictionary", "SKP", "SKPPeriksa"}
    from skpxl.excel.modul_xlwings import modul_xlwings_aman
    from skpxl.excel.vba import TEMPLATE

    assert modul["SKP"] == _crlf(read_bas(AKAR / "addin/vba/SKP.bas"))
    assert modul["SKPPeriksa"] == sumber_periksa(AKAR)
    assert modul["xlwings"] == modul_xlwings_aman(TEMPLATE, AKAR)  # hardened: tests/excel/test_addin_aman.py
    assert _subs(modul["SKP"]) == {"Validasi": "", "Hitung": ""}


def test_modul_vba_addin() -> None:
    modul = _modul(XLAM)
    assert set(modul) == {"ThisWorkbook", "Sheet2", "xlwings", "Dictionary", "SKPRibbon", "SKPPeriksa"}
    from skpxl.excel.modul_xlwings import modul_xlwings_aman
    from skpxl.excel.vba import ADDIN

    assert modul["SKPRibbon"] == _crlf(read_bas(AKAR / "addin/vba/SKPRibbon.bas"))
    assert modul["SKPPeriksa"] == sumber_periksa(AKAR)
    assert modul["xlwings"] == modul_xlwings_aman(ADDIN, AKAR, project_name=ADDIN_PROJECT_NAME)
    assert re.search(r'^Public Const PROJECT_NAME As String = "skpxl"\r$', modul["xlwings"], re.MULTILINE)


@pytest.mark.parametrize("path", [XLSM, XLAM], ids=["xlsm", "xlam"])
def test_versi_vba_xlwings_sama_dengan_paket(path: Path) -> None:
    kode = _modul(path)["xlwings"]
    assert re.findall(r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', kode, re.MULTILINE) == [XLWINGS_VERSI]
    import xlwings

    assert xlwings.__version__ == XLWINGS_VERSI


@pytest.mark.parametrize("path", [XLSM, XLAM], ids=["xlsm", "xlam"])
def test_struktur_compound_file(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        bin_ = z.read("xl/vbaProject.bin")
    assert olefile.isOleFile(io.BytesIO(bin_))
    ole = olefile.OleFileIO(io.BytesIO(bin_))
    try:
        aliran = {"/".join(e) for e in ole.listdir()}
        assert {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT", "VBA/xlwings", "VBA/ThisWorkbook"} <= aliran
        kepala = ole.openstream("VBA/_VBA_PROJECT").read()
        assert kepala[:2] == b"\xcc\x61" and kepala[2:4] == b"\xff\xff"  # Excel recompiles from source
        proyek = ole.openstream("PROJECT").read().decode("cp1252")
    finally:
        ole.close()
    modul = "SKP" if path == XLSM else "SKPRibbon"
    assert (
        f"Module={modul}" in proyek
        and "Module=SKPPeriksa" in proyek
        and ("Module=Module1" not in proyek)
        and ("RibbonMyAddin" not in proyek)
    )
    if path == XLAM:
        assert 'Name="skpxl"' in proyek


# --------------------------------------------------------------------------- what Excel calls exists


def _runpython(kode: str) -> list[str]:
    return re.findall(r'RunPython\s+"([^"]*)"', kode)


def test_setiap_runpython_memanggil_fungsi_nyata() -> None:
    perintah = _runpython(_modul(XLSM)["SKP"]) + _runpython(_modul(XLAM)["SKPRibbon"])
    assert len(perintah) == 4
    for teks in perintah:
        pohon = ast.parse(teks)
        alias: dict[str, str] = {}
        dipanggil = []
        for node in ast.walk(pohon):
            if isinstance(node, ast.Import):
                alias.update({a.asname or a.name: a.name for a in node.names})
            elif isinstance(node, ast.Call):
                assert isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name), teks
                assert not node.args and not node.keywords, teks
                dipanggil.append((alias[node.func.value.id], node.func.attr))
        assert len(dipanggil) == 1, teks
        modul, fungsi = dipanggil[0]
        f = getattr(importlib.import_module(modul), fungsi)
        wajib = [p for p in inspect.signature(f).parameters.values() if p.default is inspect.Parameter.empty]
        assert callable(f) and not wajib, teks
    assert {t.split("x.")[-1] for t in perintah} == {"validasi()", "hitung()"}


def test_tombol_templat_memanggil_sub_yang_ada() -> None:
    subs = _subs(_modul(XLSM)["SKP"])
    with zipfile.ZipFile(XLSM) as z:
        vml = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/drawings/vmlDrawing")]
    makro = [m for teks in vml for m in re.findall(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", teks)]
    tombol = L.rancang(Periodisasi.TRIWULANAN).tombol
    assert sorted(makro) == sorted(t.makro for t in tombol) and len(makro) == 12  # SKP + 5 evaluation sheets, x2
    for m in makro:
        assert subs.get(m) == "", m  # a button macro is a Sub without parameters
    teks = [c for teks in vml for c in re.findall(r"<font [^>]*>([^<]+)</font>", teks)]
    assert sorted(set(teks)) == ["Hitung", "Validasi"]


def test_ribbon_onaction_sub_callback_yang_ada() -> None:
    subs = _subs(_modul(XLAM)["SKPRibbon"])
    with zipfile.ZipFile(XLAM) as z:
        ui = ET.fromstring(z.read("customUI/customUI.xml"))
        rels = z.read("_rels/.rels").decode("utf-8")
    assert 'Type="http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"' in rels
    [tab] = ui.iter(f"{CUI}tab")
    assert tab.get("label") == "SKP"
    tombol = list(ui.iter(f"{CUI}button"))
    assert [b.get("label") for b in tombol] == ["Validasi", "Hitung", "Bantuan"]
    assert len({b.get("id") for b in tombol}) == 3
    for b in tombol:
        modul, sub = (b.get("onAction") or "").split(".")
        assert modul == "SKPRibbon"
        assert re.fullmatch(r"\w+\s+As\s+IRibbonControl", subs[sub]), sub
    assert [t.sub for t in RIBBON] == ["SkpValidasi", "SkpHitung", "SkpBantuan"]


# --------------------------------------------------------------------------- packages and settings


def _konfigurasi_xml(data: bytes) -> list[tuple[str, object]]:
    akar = ET.fromstring(data)
    hasil = []
    for baris in akar.iterfind(".//m:sheetData/m:row", NS):
        sel = {c.get("r", "")[0]: c for c in baris.iterfind("m:c", NS)}
        kunci = "".join(sel["A"].itertext())
        b = sel["B"]
        nilai: object = b.findtext("m:v", namespaces=NS) == "1" if b.get("t") == "b" else "".join(b.itertext())
        hasil.append((kunci, nilai))
    return hasil


def test_addin_paket_xlam() -> None:
    with zipfile.ZipFile(XLAM) as z:
        ct = z.read("[Content_Types].xml").decode()
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        lembar = z.read("xl/worksheets/sheet1.xml")
        nama = z.namelist()
    assert "application/vnd.ms-excel.addin.macroEnabled.main+xml" in ct
    assert nama[0] == "[Content_Types].xml" and "xl/vbaProject.bin" in nama and "customUI/customUI.xml" in nama
    assert wb.find("m:workbookPr", NS).get("codeName") == "ThisWorkbook"  # type: ignore[union-attr]
    [s] = wb.iterfind("m:sheets/m:sheet", NS)
    assert s.get("name") == f"{ADDIN_PROJECT_NAME}.conf"  # the add-in's own settings sheet
    assert ET.fromstring(lembar).find("m:sheetPr", NS).get("codeName") == "Sheet2"  # type: ignore[union-attr]
    assert _konfigurasi_xml(lembar) == [(p.kunci, p.nilai) for p in PENGATURAN_ADDIN]
    assert not any(k.startswith("INTERPRETER") for k, _ in _konfigurasi_xml(lembar))  # machine-specific: user config


def test_templat_xlsm_lembar_nama_dan_pengaturan() -> None:
    wb = openpyxl.load_workbook(XLSM, keep_vba=True)
    rancangan = L.rancang(Periodisasi.TRIWULANAN)
    assert wb.sheetnames == [*rancangan.lembar, LEMBAR_CONF_TEMPLAT]
    conf = wb[LEMBAR_CONF_TEMPLAT]
    assert conf.sheet_state == "hidden"
    baris = [(r[0], r[1]) for r in conf.iter_rows(values_only=True)]
    assert baris == [(p.kunci, p.nilai) for p in PENGATURAN_TEMPLAT]
    nilai = dict(baris)
    assert str(nilai["INTERPRETER_WIN"]).startswith("%LOCALAPPDATA%\\") and nilai["USE UDF SERVER"] is True
    assert str(nilai["INTERPRETER_MAC"]).startswith("$HOME/") and "%" in str(nilai["PYTHONPATH"])
    assert nilai["ADD_WORKBOOK_TO_PYTHONPATH"] is False
    assert set(rancangan.nama) <= set(wb.defined_names)
    with zipfile.ZipFile(XLSM) as z:
        app = z.read("docProps/app.xml").decode()
        lembar = [ET.fromstring(z.read(f"xl/worksheets/sheet{i}.xml")) for i in range(1, len(wb.sheetnames) + 1)]
    assert f"<vt:i4>{len(wb.sheetnames)}</vt:i4>" in app and f"<vt:lpstr>{LEMBAR_CONF_TEMPLAT}</vt:lpstr>" in app
    kode = [x.find("m:sheetPr", NS).get("codeName") for x in lembar]  # type: ignore[union-attr]
    assert kode == [f"Sheet{i}" for i in range(1, len(lembar) + 1)]


def test_templat_xlsm_dapat_divalidasi_tanpa_excel(tmp_path: Path) -> None:
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.layanan.service import validasi_buku

    salinan = tmp_path / "SKP_2026.xlsm"
    salinan.write_bytes(XLSM.read_bytes())
    wb = buka(salinan)
    lap = validasi_buku(wb)
    assert lap.jumlah_kesalahan > 0  # an empty form
    wb.save()
    assert zipfile.ZipFile(salinan).read("xl/vbaProject.bin") == zipfile.ZipFile(XLSM).read("xl/vbaProject.bin")


def test_templat_xlsm_tanpa_proteksi_lembar() -> None:
    # Excel refuses VBA/COM writes to locked cells of a protected sheet; Hitung writes the blue cells.
    with zipfile.ZipFile(XLSM) as z:
        lembar = [n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
        assert lembar and not any(b"<sheetProtection" in z.read(n) for n in lembar)
