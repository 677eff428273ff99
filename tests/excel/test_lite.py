"""The xlwings Lite scripts end to end, the way Lite runs them, without Excel.

Lite builds ``xw.Book(json=payload)`` from what the add-in sends and calls a script of ``main.py`` through
xlwings' own dispatcher (``custom_scripts_call``), with the sheets outside the script's ``include=`` sent
empty. These tests do the same with the ``main.py`` decoded from each Lite template (decorated by
``xlwings.server.script``, the registering decorator Lite's xlwings provides), apply the returned actions to
the full workbook, and compare every cell with what ``skpxl hitung`` / ``skpxl validasi`` write for the same
file (timestamps aside). The remote engine is xlwings PRO: the ``xw`` fixture sets
``XLWINGS_LICENSE_KEY=noncommercial`` for these tests only.
"""

from __future__ import annotations

import asyncio
import copy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
import zipfile
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

import openpyxl
import pytest

from skpxl.bangun.lite import nama_berkas_lite
from skpxl.bangun.semua import VARIAN
from skpxl.buku.adapters.openpyxl_adapter import buka
from skpxl.cli.utama import main as skpxl_main
from skpxl.core.periode import cari_periode
from skpxl.core.versi import __version__
from skpxl.excel.ekstensi import PART_WEBEXT
from skpxl.excel.lite import PeriodeLite
from skpxl.excel.muatan import HasilAksi, muatan_dari_berkas, terapkan_aksi
from tests.bantu.jarak_jauh import Spion, bandingkan

AKAR = Path(__file__).resolve().parents[2]
TEMPLAT = AKAR / "workbook_templates"
LITE = [TEMPLAT / nama_berkas_lite(pz) for pz in VARIAN]
CONTOH = sorted((TEMPLAT / "contoh").glob("*.xlsx"))
# Standard-library modules Pyodide removes (its "Python compatibility" page) or cannot import (pty, tty need termios)
# fmt: off
PYODIDE_TANPA = {"curses", "dbm", "ensurepip", "fcntl", "grp", "idlelib", "lib2to3", "msvcrt", "pwd", "resource",
                 "syslog", "termios", "tkinter", "turtle", "turtledemo", "venv", "winreg", "winsound", "pty", "tty"}
# fmt: on
DILARANG = ("python_calamine", "openpyxl", "xlsxwriter", "rich", "numpy", "pandas", "multiprocessing", "threading")


def kode_main(path: Path) -> str:
    """``main.py`` as stored in a Lite workbook's web extension (a JSON-encoded property value)."""
    import xml.etree.ElementTree as ET

    akar = ET.fromstring(zipfile.ZipFile(path).read(PART_WEBEXT))
    ns = "{http://schemas.microsoft.com/office/webextensions/webextension/2010/11}"
    nilai = {p.get("name"): p.get("value") for p in akar.iter(f"{ns}property")}
    return str(json.loads(nilai["main.py"] or ""))


def modul_main(xw: types.ModuleType, path: Path, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """Execute a Lite workbook's ``main.py`` with the ``@script`` that registers scripts (as in Lite)."""
    import xlwings.server

    monkeypatch.setattr(xw, "script", xlwings.server.script)
    modul = types.ModuleType("main")
    exec(compile(kode_main(path), f"{path.name}:main.py", "exec"), modul.__dict__)
    return modul


def meta(modul: types.ModuleType) -> dict[str, dict[str, Any]]:
    from xlwings.server import custom_scripts_meta

    return {m["function_name"]: m for m in custom_scripts_meta(modul)}


def saring(muatan: dict[str, Any], include: str | None) -> dict[str, Any]:
    """What the client sends for ``include``: every other sheet with empty values (xlwings' JS clients)."""
    baru = copy.deepcopy(muatan)
    if include:
        dibaca = {s.strip() for s in include.split(",")}
        for s in baru["sheets"]:
            if s["name"] not in dibaca:
                s["values"] = [[]]
    return baru


def jalankan(
    xw: types.ModuleType, modul: types.ModuleType, skrip: str, muatan: dict[str, Any], *args: str
) -> HasilAksi:
    """Run one script of ``modul`` as Lite does; the actions applied to the whole workbook."""
    from xlwings.server import custom_scripts_call

    book = xw.Book(json=saring(muatan, meta(modul)[skrip]["include"]))
    asyncio.run(custom_scripts_call(modul, skrip, typehint_to_value={xw.Book: book}, args=list(args)))
    return terapkan_aksi(muatan, book.json()["actions"])


def _lite_untuk(muatan: dict[str, Any]) -> Path:
    """The Lite template with the workbook's evaluation sheets (its periodisation): the main.py it would carry."""
    from skpxl.buku.layout import lembar_evaluasi, rancang

    lembar = [s["name"] for s in muatan["sheets"] if s["name"].startswith("EVALUASI")]
    [pz] = [pz for pz in VARIAN if [lembar_evaluasi(p) for p in rancang(pz).periode] == lembar]
    return TEMPLAT / nama_berkas_lite(pz)


def _lite_dan_cli(
    xw: types.ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    path: Path,
    skrip: str,
    perintah: str,
    *opsi: str,
    args: tuple[str, ...] = (),
) -> None:
    muatan = muatan_dari_berkas(path, klien="Office.js")
    modul = modul_main(xw, _lite_untuk(muatan), monkeypatch)
    capsys.readouterr()
    hasil = jalankan(xw, modul, skrip, muatan, *args)
    dicetak = capsys.readouterr().out.strip().splitlines()
    salinan = tmp_path / f"masuk_{path.name}"
    shutil.copyfile(path, salinan)
    keluar = tmp_path / f"keluar_{path.name}"
    assert skpxl_main([perintah, str(salinan), "-o", str(keluar), *opsi]) in (0, 1)
    dari_cli = capsys.readouterr().out.strip().splitlines()
    # the one sentence Lite shows in its task pane is the CLI's last line
    assert len(dicetak) == 1 and dicetak[0] == dari_cli[-1]
    assert hasil.pesan == []  # no alert action: Lite shows printed output
    ref = Spion(buka(keluar))
    assert bandingkan(hasil, ref, tanpa_rumus=True) > 500
    # every fill the script set is the fill the CLI's file has
    for lembar, warna in hasil.warna.items():
        ws = ref.wb[lembar]
        for (r, c), w in warna.items():
            isi = ws.cell(r + 1, c + 1).fill
            dari_berkas = None if isi.fill_type is None else "#" + str(isi.fgColor.rgb)[-6:].upper()
            assert dari_berkas == (None if w is None else w.upper()), f"{lembar} {r},{c}"


# --------------------------------------------------------------------------- same cells as the CLI


@pytest.mark.slow
@pytest.mark.parametrize("path", LITE + CONTOH, ids=lambda p: p.stem)
def test_hitung_lite_menulis_yang_ditulis_skpxl_hitung(
    xw: types.ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    path: Path,
) -> None:
    _lite_dan_cli(xw, monkeypatch, capsys, tmp_path, path, "hitung_skp", "hitung")


@pytest.mark.slow
@pytest.mark.parametrize("path", LITE + CONTOH, ids=lambda p: p.stem)
def test_validasi_lite_menulis_yang_ditulis_skpxl_validasi(
    xw: types.ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    path: Path,
) -> None:
    _lite_dan_cli(xw, monkeypatch, capsys, tmp_path, path, "validasi_evaluasi_akhir", "validasi")


@pytest.mark.slow
def test_hitung_app_mode_satu_periode(
    xw: types.ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _lite_dan_cli(xw, monkeypatch, capsys, tmp_path, CONTOH[1], "hitung", "hitung", "--periode", "TW2",
                  args=("Triwulan II",))  # fmt: skip


def test_pilihan_periode_app_mode(xw: types.ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    semua = set(get_args(PeriodeLite))
    for path in LITE:
        fungsi = modul_main(xw, path, monkeypatch).hitung
        petunjuk = get_type_hints(fungsi)["periode"]
        assert getattr(petunjuk, "__origin__", None) is Literal
        pilihan = get_args(petunjuk)
        assert pilihan[0] == "Semua periode" and set(pilihan) <= semua
        kode = [cari_periode(p).kode for p in pilihan[1:]]
        assert kode[-1] == "AKHIR" and len(set(kode)) == len(kode)
        jumlah = {"SKP_2026_lite": 5, "SKP_2026_semesteran_lite": 3, "SKP_2026_bulanan_lite": 13}[path.stem]
        assert len(kode) == jumlah


# --------------------------------------------------------------------------- never a traceback


def test_buku_bukan_skp_satu_kalimat(
    xw: types.ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    modul = modul_main(xw, LITE[0], monkeypatch)
    muatan = {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": "Anggaran.xlsx", "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": [{"name": "Sheet1", "values": [["Anggaran", 2026]], "pictures": [], "tables": []}],
    }
    capsys.readouterr()
    hasil = jalankan(xw, modul, "hitung_skp", muatan)
    [kalimat] = capsys.readouterr().out.strip().splitlines()
    assert hasil.lembar == ["Sheet1"] and not hasil.dikenal
    assert kalimat.endswith(".") and "Traceback" not in kalimat


def test_galat_tak_terduga_satu_kalimat(
    xw: types.ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import skpxl.layanan.service

    def rusak(*a: object, **k: object) -> None:
        raise RuntimeError("kolom\nhilang")

    monkeypatch.setattr(skpxl.layanan.service, "validasi_buku", rusak)
    modul = modul_main(xw, LITE[1], monkeypatch)
    capsys.readouterr()
    hasil = jalankan(xw, modul, "validasi_skp", muatan_dari_berkas(CONTOH[0], klien="Office.js"))
    [kalimat] = capsys.readouterr().out.strip().splitlines()
    assert "pengelola TI" in kalimat and "Traceback" not in kalimat
    hv = hasil.nilai["Hasil Validasi"]
    assert "RuntimeError: kolom hilang" in hv.values()


# --------------------------------------------------------------------------- what Pyodide can load


@pytest.mark.slow
def test_jalur_tombol_lite_tanpa_modul_terlarang(tmp_path: Path) -> None:
    """A fresh interpreter: load xlwings as Lite has it, then main.py, then click both buttons."""
    berkas = tmp_path / "muatan.json"
    berkas.write_text(json.dumps(muatan_dari_berkas(CONTOH[0], klien="Office.js")), encoding="utf-8")
    kode_utama = tmp_path / "main.py"
    kode_utama.write_text(kode_main(LITE[0]), encoding="utf-8")
    kode = f"""
import builtins, json, sys
DILARANG = {DILARANG!r}
pengimpor = {{}}
fase = ["xlwings"]
asli = builtins.__import__
def catat(nama, globals=None, locals=None, fromlist=(), level=0):
    puncak = nama.split(".")[0]
    if puncak in DILARANG and level == 0:
        pengimpor.setdefault(puncak, set()).add((fase[0], (globals or {{}}).get("__name__", "?")))
    return asli(nama, globals, locals, fromlist, level)
builtins.__import__ = catat
import asyncio, types
class Tanpa:  # xlwings without numpy/pandas, as the desktop buttons load it: what stays is skpxl's own doing
    def find_spec(self, nama, path=None, target=None):
        if nama.split(".")[0] in ("numpy", "pandas"):
            raise ModuleNotFoundError(nama)
sys.meta_path.insert(0, Tanpa())
import xlwings as xw, xlwings.server  # Lite's xlwings is loaded before main.py (remote engine: licence key set)
sys.meta_path.pop(0)
xw.script = xlwings.server.script
sebelum = set(sys.modules)
fase[0] = "skpxl"
modul = types.ModuleType("main")
exec(compile(open({str(kode_utama)!r}, encoding="utf-8").read(), "main.py", "exec"), modul.__dict__)
muatan = json.load(open({str(berkas)!r}, encoding="utf-8"))
for skrip in ("validasi_skp", "hitung_skp"):
    book = xw.Book(json=muatan)
    asyncio.run(xlwings.server.custom_scripts_call(modul, skrip, typehint_to_value={{xw.Book: book}}))
baru = sorted({{m.split(".")[0] for m in set(sys.modules) - sebelum}})
print(json.dumps({{"baru": baru, "semua": sorted({{m.split(".")[0] for m in sys.modules}}),
                  "pengimpor": {{k: sorted(v) for k, v in pengimpor.items()}}}}))
"""
    env = dict(os.environ, XLWINGS_LICENSE_KEY="noncommercial", PYTHONPATH=str(AKAR))
    keluar = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, env=env, cwd=AKAR, timeout=300, check=False
    )
    assert keluar.returncode == 0, keluar.stderr
    hasil = json.loads(keluar.stdout.strip().splitlines()[-1])
    # what skpxl adds after xlwings is loaded: nothing Pyodide lacks
    assert not set(hasil["baru"]) & set(DILARANG), hasil["baru"]
    assert "skpxl" in hasil["baru"] and "pydantic" in hasil["baru"]
    assert not set(hasil["baru"]) & PYODIDE_TANPA, hasil["baru"]
    # no skpxl module imports any of them, at any time; once xlwings is loaded, the only such import statements
    # left are "import threading" in pydantic and in the standard library it uses (importlib.metadata → zipfile):
    # Pyodide has that module, starting a thread is what it cannot do
    pengimpor = {nama: [(f, m) for f, m in daftar] for nama, daftar in hasil["pengimpor"].items()}
    for nama, daftar in pengimpor.items():
        assert not [m for _, m in daftar if m.split(".")[0] == "skpxl"], (nama, daftar)
    sesudah = {(nama, m.split(".")[0]) for nama, daftar in pengimpor.items() for f, m in daftar if f == "skpxl"}
    assert {n for n, _ in sesudah} <= {"threading"}, sesudah
    assert {m for _, m in sesudah} <= {"pydantic", *sys.stdlib_module_names}, sesudah
    # and the whole process, lean xlwings included, holds none of them but threading
    assert set(hasil["semua"]) & set(DILARANG) <= {"threading"}


# --------------------------------------------------------------------------- what the wheel asks Pyodide for

PYODIDE_BUILT = {"pydantic", "pydantic-core", "pandas", "numpy"}  # compiled packages Pyodide ships built


def _requires() -> list[str]:
    """The wheel's Requires-Dist: setuptools copies ``[project].dependencies`` into it verbatim."""
    import tomllib

    return list(tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])


def _lingkungan(platform: str) -> dict[str, str]:
    return {"sys_platform": platform, "platform_system": "Emscripten" if platform == "emscripten" else "Linux",
            "python_version": "3.12", "python_full_version": "3.12.7", "implementation_name": "cpython",
            "platform_machine": "wasm32" if platform == "emscripten" else "x86_64", "os_name": "posix",
            "extra": ""}  # fmt: skip


def _murni(nama: str) -> bool:
    """Whether the installed distribution ``nama`` is a pure-Python wheel (its WHEEL file says so)."""
    from importlib.metadata import distribution

    wheel = distribution(nama).read_text("WHEEL") or ""
    return "Root-Is-Purelib: true" in wheel


def test_metadata_wheel_untuk_pyodide() -> None:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    semua = [Requirement(r) for r in _requires()]
    wasm = {
        canonicalize_name(r.name): r for r in semua if r.marker is None or r.marker.evaluate(_lingkungan("emscripten"))
    }
    linux = {canonicalize_name(r.name): r for r in semua if r.marker is None or r.marker.evaluate(_lingkungan("linux"))}
    assert "xlwings" not in wasm and "python-calamine" not in wasm  # Lite brings xlwings; calamine has no wasm build
    assert str(linux["xlwings"].specifier).startswith("==")  # exact elsewhere (the VBA module names its DLL)
    assert "python-calamine" in linux
    # every requirement, and everything it needs in turn, is pure Python or built by Pyodide
    dilihat: set[str] = set()
    antre = list(wasm)
    while antre:
        nama = antre.pop()
        if nama in dilihat:
            continue
        dilihat.add(nama)
        assert nama in PYODIDE_BUILT or _murni(nama), f"{nama}: compiled and not built by Pyodide"
        if nama in PYODIDE_BUILT:
            continue  # Pyodide resolves their dependencies from its own build
        from importlib.metadata import distribution

        for r in distribution(nama).requires or []:
            req = Requirement(r)
            if req.marker is None or req.marker.evaluate(_lingkungan("emscripten")):
                antre.append(canonicalize_name(req.name))
    assert {"pydantic", "openpyxl", "xlsxwriter", "rich"} <= dilihat


def test_requirements_lite_menyebut_versi_ini() -> None:
    from skpxl.bangun.lite import requirements_txt

    assert requirements_txt().splitlines()[-1] == f"skpxl=={__version__}"


# --------------------------------------------------------------------------- the part writer on other packages


def test_periode_tak_dikenal_satu_kalimat(xw: types.ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    import skpxl.lite

    book = xw.Book(json=muatan_dari_berkas(CONTOH[0], klien="Office.js"))
    kalimat = skpxl.lite.hitung_periode(book, "Triwulan IX")  # type: ignore[arg-type]
    assert capsys.readouterr().out.strip() == kalimat
    assert kalimat.startswith("Periode 'Triwulan IX' tidak dikenal") and kalimat.endswith(".")
    assert not book.json()["actions"]  # nothing written


def test_penulis_bagian_menggabung_relasi_yang_sudah_ada() -> None:
    """On a package whose sheets already have relationships (form buttons' VML), the drawing joins them."""
    from skpxl.buku import layout as L
    from skpxl.buku.templat import build_bytes
    from skpxl.excel.ekstensi import tambah_lite

    r = L.rancang()
    asal = build_bytes(buttons=True, protect=False)
    hasil = tambah_lite(asal, main_py="", requirements="", tombol=L.tombol_lite(r), lebar_kolom=r.lebar_kolom)
    z = zipfile.ZipFile(io.BytesIO(hasil))
    assert z.namelist() == sorted(z.namelist())
    lembar = z.read("xl/worksheets/sheet1.xml").decode()
    assert lembar.index("<drawing ") < lembar.index("<legacyDrawing ")
    rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert rels.count("<Relationship ") == 2 and "/vmlDrawing" in rels and "/drawing" in rels
    assert len(set(re.findall(r'Id="(rId\d+)"', rels))) == 2
    wb = openpyxl.load_workbook(io.BytesIO(hasil))
    assert wb.sheetnames == list(r.lembar)
    with pytest.raises(ValueError, match="sudah membawa web extension"):
        tambah_lite(hasil, main_py="", requirements="", tombol=(), lebar_kolom={})
