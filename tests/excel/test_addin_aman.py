"""The add-in's trust boundary, judged in the built artifacts by oletools (issue 12).

A staff workbook must never choose what runs. These tests read the VBA that ships (``addin/skpxl.xlam`` and
``workbook_templates/SKP_2026.xlsm``, decompressed by oletools, not by skpxl) and prove that xlwings' settings
lookup no longer touches the active workbook or any workbook's folder, that code embedded in a workbook is never
run, that the ribbon refuses a workbook carrying xlwings settings or code before anything runs, that
``IzinkanKode`` gives back every protection permission the templates set, and that the Python probe the buttons
run before ``RunPython`` reports what is installed. Excel itself cannot run here: the rest is on the manual
Windows checklist in docs/excel.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from oletools.olevba import VBA_Parser

import skpxl
from skpxl.excel.artefak import ADDIN_PROJECT_NAME, BERKAS_ADDIN, BERKAS_TEMPLAT, sumber_periksa
from skpxl.excel.modul_xlwings import DIHAPUS, modul_xlwings_aman, prosedur, prosedur_pengganti
from skpxl.excel.tombol import LEMBAR_PENGATURAN_XLWINGS
from skpxl.excel.vba import ADDIN, TEMPLATE, xlwings_vba_module

AKAR = Path(__file__).resolve().parents[2]
XLAM = AKAR / BERKAS_ADDIN
XLSM = AKAR / BERKAS_TEMPLAT
ARTEFAK = pytest.mark.parametrize("path", [XLAM, XLSM], ids=["xlam", "xlsm"])


def _modul(path: Path) -> dict[str, str]:
    """VBA module name → source (LF line ends), as oletools decompresses it."""
    parser = VBA_Parser(str(path))
    try:
        return {s.split("/")[-1]: kode.replace("\r\n", "\n") for _, s, _, kode in parser.extract_macros()}
    finally:
        parser.close()


def _kode(teks: str) -> str:
    """VBA without comments (whole-line and trailing ``'`` comments outside string literals)."""
    baris = []
    for b in teks.split("\n"):
        keluar, dalam = [], False
        for ch in b:
            if ch == '"':
                dalam = not dalam
            elif ch == "'" and not dalam:
                break
            keluar.append(ch)
        baris.append("".join(keluar).rstrip())
    return "\n".join(baris)


# --------------------------------------------------------------------------- the settings lookup


def test_modul_xlwings_roda_aslinya_memang_berlubang() -> None:
    # The check below can fail: the wheel's add-in module reads the active workbook's sheet and folder.
    asli = _kode(prosedur(xlwings_vba_module(ADDIN), "GetConfig"))
    assert "GetConfigFromSheet(ActiveWorkbook)" in asli and "GetDirectoryConfigFilePath()" in asli
    templat = _kode(xlwings_vba_module(TEMPLATE))
    assert "GetDirectoryConfigFilePath()" in templat and "runpython_embedded_code" in templat


def test_sumber_getconfig_hanya_addin_dan_berkas_pengguna() -> None:
    ganti = prosedur_pengganti(AKAR)
    assert set(ganti) == {"GetConfig"}
    kode = _kode(ganti["GetConfig"])
    for terlarang in ("ActiveWorkbook", "ActiveDocument", "GetDirectory", "GetFullName", ".Path", "CurDir", "Dir("):
        assert terlarang not in kode, terlarang
    # every place a value can come from: the code holder's own sheet and the user's file, nothing else
    assert set(re.findall(r"GetConfigFrom(?:Sheet|File)\((\w+(?:\(\))?)", kode)) == {
        "ThisWorkbook",
        "GetConfigFilePath()",
    }
    assert re.findall(r"SheetExists\((\w+)", kode) == ["ThisWorkbook"]


@ARTEFAK
def test_getconfig_yang_dikirim_sama_dengan_sumber(path: Path) -> None:
    modul = _modul(path)["xlwings"]
    assert prosedur(modul, "GetConfig") == prosedur_pengganti(AKAR)["GetConfig"]


@ARTEFAK
def test_modul_terkirim_tidak_pernah_membaca_buku_aktif_atau_foldernya(path: Path) -> None:
    kode = _kode(_modul(path)["xlwings"])
    for nama in DIHAPUS:
        assert nama not in kode
    assert set(re.findall(r"GetConfigFromSheet\((\w+)\)", kode)) == {"ThisWorkbook"}  # calls, not the definition
    assert set(re.findall(r"(?<!Function )GetConfigFromFile\(([^,]+),", kode)) == {"GetConfigFilePath()"}
    # no embedded code, no workbook folder on sys.path, no workbook path on the cmd.exe line
    assert "runpython_embedded_code" not in kode and 'LICENSE_KEY")' not in kode
    assert "ADD_WORKBOOK_TO_PYTHONPATH" not in kode
    assert re.findall(r"AddExcelDir = (.+)", kode) == ['"false"', '"false"']
    assert re.findall(r'PYTHONPATH = AddExcelDir & "([^"]*)"', kode) == [";;;"] * 3
    assert 'FullName & ";"' not in kode
    # xlwings' BSD-3 notice is kept, and says the module was changed
    teks = _modul(path)["xlwings"]
    assert "'xlwings is distributed under a BSD 3-clause license." in teks and "Zoomer Analytics LLC" in teks
    assert "' Modified by skpxl" in teks


@ARTEFAK
def test_hanya_prosedur_yang_disebut_yang_berubah(path: Path) -> None:
    kind = ADDIN if path == XLAM else TEMPLATE
    asli = xlwings_vba_module(kind, project_name=ADDIN_PROJECT_NAME if kind == ADDIN else None).replace("\r\n", "\n")
    baru = _modul(path)["xlwings"]
    assert baru.replace("\n", "\r\n") == modul_xlwings_aman(
        kind, AKAR, project_name=ADDIN_PROJECT_NAME if kind == ADDIN else None
    )
    nama = set(re.findall(r"^(?:(?:Public|Private)\s+)?(?:Function|Sub)\s+(\w+)", asli, re.MULTILINE))
    tunggal = [
        n
        for n in nama
        if len(re.findall(rf"^(?:(?:Public|Private)\s+)?(?:Function|Sub)\s+{n}\b", asli, re.MULTILINE)) == 1
    ]
    diubah = {n for n in tunggal if n not in DIHAPUS and prosedur(asli, n) != prosedur(baru, n)}
    assert diubah == {"GetConfig", "RunPython", "XLPyCommand"}


# --------------------------------------------------------------------------- the ribbon and the buttons


def _sub(kode: str, nama: str) -> str:
    return prosedur(kode, nama)


def _badan(kode: str, nama: str) -> list[str]:
    """The statements of a Sub, without its header, its ``End Sub`` and blank lines."""
    return [b.strip() for b in _sub(kode, nama).split("\n")[1:] if b.strip() and b.strip() != "End Sub"]


def test_pita_menolak_buku_berpengaturan_atau_berkode_sebelum_apa_pun() -> None:
    modul = _modul(XLAM)
    periksa, pita = _kode(modul["SKPPeriksa"]), _kode(modul["SKPRibbon"])
    for sub, perintah in (("SkpValidasi", "x.validasi()"), ("SkpHitung", "x.hitung()")):
        isi = _badan(pita, sub)
        assert isi == [
            "If Not BukuAktifSiap() Then Exit Sub",
            "IzinkanKode ActiveWorkbook",
            f'RunPython "import skpxl.xl as x; {perintah}"',
        ]
    alasan = _sub(periksa, "AlasanBukuDitolak")
    # the same names as the Python side refuses, case-insensitively, hidden sheets included (wb.Sheets)
    assert "LCase$(sh.Name)" in alasan and "In wb.Sheets" in alasan
    assert set(re.findall(r'nama = "([^"]+)"', alasan)) == set(LEMBAR_PENGATURAN_XLWINGS)
    assert 'Right$(nama, 3) = ".py"' in alasan
    siap = _sub(periksa, "BukuAktifSiap")
    # Protected View first (ActiveWorkbook is Nothing there), then no workbook, then the refusal, then Python
    urutan = [
        siap.index(s)
        for s in ("TampilanTerproteksi()", "ActiveWorkbook Is Nothing", "AlasanBukuDitolak(", "PythonSiap(True)")
    ]
    assert urutan == sorted(urutan)
    # the sentence the issue asks for in Protected View, instead of "Buka dulu berkas SKP"
    pv = siap[siap.index("TampilanTerproteksi()") : siap.index("ActiveWorkbook Is Nothing")]
    assert '"klik Aktifkan Pengeditan / Enable Editing di bilah kuning dulu' in pv and "Buka dulu" not in pv


def test_tombol_templat_memeriksa_python_dulu() -> None:
    skp = _kode(_modul(XLSM)["SKP"])
    for sub, perintah in (("Validasi", "x.validasi()"), ("Hitung", "x.hitung()")):
        isi = _badan(skp, sub)
        assert isi == ["If Not PythonSiap(False) Then Exit Sub", f'RunPython "import skpxl.xl as x; {perintah}"']


@ARTEFAK
def test_versi_skpxl_tertanam_sama_dengan_paket(path: Path) -> None:
    teks = _modul(path)["SKPPeriksa"]
    assert re.findall(r'^Public Const VERSI_SKPXL As String = "([^"]+)"$', teks, re.MULTILINE) == [skpxl.__version__]
    assert teks.replace("\n", "\r\n") == sumber_periksa(AKAR)


# --------------------------------------------------------------------------- IzinkanKode keeps every permission

# sheetProtection attribute (OOXML, "0" = allowed) → Worksheet.Protect argument (Excel object model)
IZIN_OOXML = {
    "formatCells": "AllowFormattingCells",
    "formatColumns": "AllowFormattingColumns",
    "formatRows": "AllowFormattingRows",
    "insertColumns": "AllowInsertingColumns",
    "insertRows": "AllowInsertingRows",
    "insertHyperlinks": "AllowInsertingHyperlinks",
    "deleteColumns": "AllowDeletingColumns",
    "deleteRows": "AllowDeletingRows",
    "sort": "AllowSorting",
    "autoFilter": "AllowFiltering",
    "pivotTables": "AllowUsingPivotTables",
}


def _argumen_protect() -> dict[str, str]:
    izin = _sub(_kode(_modul(XLAM)["SKPRibbon"]), "IzinkanKode")
    panggilan = re.search(r"ws\.Protect (.*?)\n\s*End With", izin.replace(" _\n", " "), re.DOTALL)
    assert panggilan is not None
    return dict(re.findall(r"(\w+):=([^,\n]+)", panggilan.group(1)))


def test_izinkankode_meneruskan_setiap_izin_lembar() -> None:
    arg = {k: v.strip() for k, v in _argumen_protect().items()}
    # every Allow… permission of the Protection object goes back as the sheet had it
    for nama in IZIN_OOXML.values():
        assert arg.get(nama) == f".{nama}", nama
    assert arg["DrawingObjects"] == "ws.ProtectDrawingObjects" and arg["Scenarios"] == "ws.ProtectScenarios"
    assert arg["Contents"] == "True" and arg["UserInterfaceOnly"] == "True" and arg["Password"] == '""'


def test_izinkankode_meneruskan_izin_yang_dipasang_templat() -> None:
    arg = _argumen_protect()
    dipasang: set[str] = set()
    for berkas in sorted((AKAR / "workbook_templates").rglob("*.xlsx")):
        with zipfile.ZipFile(berkas) as z:
            for n in z.namelist():
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n):
                    m = re.search(rb"<sheetProtection ([^>]*)/?>", z.read(n))
                    if m:
                        dipasang |= {k for k, v in re.findall(r'(\w+)="([^"]*)"', m.group(1).decode()) if v == "0"}
    assert {"insertHyperlinks", "formatCells", "insertRows", "deleteRows"} <= dipasang  # what the forms allow
    # objects/scenarios "0" (editable) come back through ws.ProtectDrawingObjects / ws.ProtectScenarios
    lain = {"objects": "DrawingObjects", "scenarios": "Scenarios"}
    for atribut in dipasang - {"selectLockedCells", "selectUnlockedCells", "sheet", "spinCount"}:
        assert {**IZIN_OOXML, **lain}[atribut] in arg, atribut


# --------------------------------------------------------------------------- the Python probe


def _kode_periksa() -> str:
    teks = _modul(XLAM)["SKPPeriksa"]
    m = re.search(r"Private Const KODE_PERIKSA As String = (.*?)\n\n", teks, re.DOTALL)
    assert m is not None
    return "".join(s.replace('""', '"') for s in re.findall(r'"((?:[^"]|"")*)"', m.group(1)))


def tmp_cwd() -> str:
    return tempfile.gettempdir()  # not the repository: "-c" puts the working directory on sys.path


def _periksa(*awal: str, jalur: str = "") -> list[str]:
    kode = _kode_periksa()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # as Excel starts it: no PYTHONPATH
    perintah = [sys.executable, *awal, "-B", "-c", kode, jalur]
    hasil = subprocess.run(perintah, capture_output=True, text=True, timeout=60, cwd=tmp_cwd(), env=env)
    return (hasil.stdout + hasil.stderr).splitlines()


def test_kode_periksa_aman_untuk_baris_cmd() -> None:
    kode = _kode_periksa()
    assert '"' not in kode and "%" not in kode and "^" not in kode and "\\" not in kode


def test_periksa_python_dengan_skpxl_dan_xlwings() -> None:
    import importlib.metadata

    assert _periksa() == ["PYTHON", f"SKPXL {skpxl.__version__} {importlib.metadata.version('xlwings')}"]


def test_periksa_python_tanpa_paket(tmp_path: Path) -> None:
    # -S: no site-packages, as in a fresh venv where skpxl was never installed
    assert _periksa("-S") == ["PYTHON", "SKPXL - -"]


def test_periksa_memakai_pythonpath_pengaturan(tmp_path: Path) -> None:
    (tmp_path / "skpxl").mkdir()
    (tmp_path / "skpxl" / "__init__.py").write_text('__version__ = "9.8.7"\n')
    assert _periksa("-S", jalur=f";{tmp_path};") == ["PYTHON", "SKPXL 9.8.7 -"]


def test_periksa_skpxl_rusak_tanpa_baris_hasil(tmp_path: Path) -> None:
    (tmp_path / "skpxl").mkdir()
    (tmp_path / "skpxl" / "__init__.py").write_text("import modul_yang_tidak_ada\n")
    keluar = _periksa("-S", jalur=str(tmp_path))
    assert keluar[0] == "PYTHON" and not any(b.startswith("SKPXL ") for b in keluar)
    assert keluar[-1].startswith("ModuleNotFoundError")  # the last line the message quotes


def test_build_berhenti_bila_modul_xlwings_berubah(monkeypatch: pytest.MonkeyPatch) -> None:
    # a new xlwings whose text no longer matches an edit stops the build instead of shipping a half-hardened module
    from skpxl.core.errors import BerkasTidakTerbaca
    from skpxl.excel import modul_xlwings

    asli = xlwings_vba_module(ADDIN)
    for lama, baru in (
        ('AddExcelDir = GetConfig("ADD_WORKBOOK_TO_PYTHONPATH", "true")', 'AddExcelDir = GetConfig("X", "true")'),
        ("Function GetDirectoryConfigFilePath()", "Function DirConfigPath()"),
        ("Function GetConfig(", "Function AmbilConfig("),
        ('AddExcelDir & ";" & ActiveFullName', "AddExcelDir & ActiveFullName"),
    ):
        assert lama in asli
        berubah = asli.replace(lama, baru)
        monkeypatch.setattr(modul_xlwings, "xlwings_vba_module", lambda *a, _t=berubah, **k: _t)
        with pytest.raises(BerkasTidakTerbaca):
            modul_xlwings.modul_xlwings_aman(ADDIN, AKAR, project_name=ADDIN_PROJECT_NAME)
