"""The Python side of the add-in's trust boundary: ``skpxl.xl`` refuses a workbook carrying xlwings settings or code.

Driven through the real xlwings API with the remote engine, like ``test_xl_remote.py`` (the engine is xlwings
PRO: the ``xw`` fixture of ``tests/conftest.py`` sets ``XLWINGS_LICENSE_KEY=noncommercial`` for these tests
only). The add-in's VBA refuses the same workbooks before Python starts (``tests/excel/test_addin_aman.py``); this
is the second wall, and the only one for callers that are not the add-in (xlwings Server, a future client).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from skpxl.excel.artefak import BERKAS_TEMPLAT
from skpxl.excel.muatan import muatan_dari_berkas
from skpxl.excel.tombol import LEMBAR_PENGATURAN_XLWINGS, alasan_ditolak
from tests.excel.test_xl_remote import BERKAS, klik

AKAR = Path(__file__).resolve().parents[2]


def _bermusuhan(tmp_path: Path, lembar: dict[str, list[list[Any]]], *, nama: str = "SKP Pegawai.xlsx") -> Path:
    """A filled example form plus extra sheets, hidden as an attacker would hide them."""
    wb = openpyxl.load_workbook(BERKAS[0])
    for judul, isi in lembar.items():
        ws = wb.create_sheet(judul)
        for baris in isi:
            ws.append(baris)
        ws.sheet_state = "hidden"
    path = tmp_path / nama
    wb.save(path)
    return path


CONF = [
    ["INTERPRETER_WIN", r"\\192.0.2.7\share\python.exe"],
    ["PYTHONPATH", r"\\192.0.2.7\share"],
    ["LICENSE_KEY", "noncommercial"],
]
KODE = [["import os"], ["os.system('calc.exe')"]]


def _tidak_berubah(muatan: dict[str, Any], hasil: Any) -> None:
    assert hasil.lembar == [s["name"] for s in muatan["sheets"]]  # no sheet added
    assert hasil.dikenal == {"alert"}  # the only action: the message box
    for s in muatan["sheets"]:
        tertulis = {k: v for k, v in hasil.nilai[s["name"]].items() if v not in ("", None)}
        asli = {(r, c): v for r, baris in enumerate(s["values"]) for c, v in enumerate(baris) if v not in ("", None)}
        assert tertulis == asli, s["name"]


@pytest.mark.slow
@pytest.mark.parametrize("tombol", ["validasi", "hitung"])
def test_buku_berpengaturan_dan_berkode_ditolak_satu_kalimat(xw: ModuleType, tmp_path: Path, tombol: str) -> None:
    path = _bermusuhan(tmp_path, {"skpxl.conf": CONF, "kode.py": KODE})
    muatan = muatan_dari_berkas(path)
    _, hasil = klik(xw, muatan, tombol)
    [(pesan, judul, mode)] = hasil.pesan
    nama = tombol.capitalize()
    assert judul == f"SKP – {nama}" and mode == "critical"
    assert pesan.startswith(f"{nama} dibatalkan: buku kerja ini memuat")
    assert "'skpxl.conf'" in pesan and "'kode.py'" in pesan
    assert "\n" not in pesan and pesan.endswith(".") and pesan.count(". ") == 0
    _tidak_berubah(muatan, hasil)


@pytest.mark.slow
@pytest.mark.parametrize("judul", ["xlwings.conf", "SKPXL.CONF", "Xlwings.Conf"])
def test_lembar_pengaturan_saja_ditolak(xw: ModuleType, tmp_path: Path, judul: str) -> None:
    muatan = muatan_dari_berkas(_bermusuhan(tmp_path, {judul: CONF}))
    _, hasil = klik(xw, muatan, "validasi")
    [(pesan, _, mode)] = hasil.pesan
    assert mode == "critical" and f"'{judul}'" in pesan and "pengaturan xlwings" in pesan
    _tidak_berubah(muatan, hasil)


@pytest.mark.slow
def test_lembar_kode_saja_ditolak(xw: ModuleType, tmp_path: Path) -> None:
    muatan = muatan_dari_berkas(_bermusuhan(tmp_path, {"utama.PY": KODE}))
    _, hasil = klik(xw, muatan, "hitung")
    [(pesan, _, mode)] = hasil.pesan
    assert mode == "critical" and "'utama.PY'" in pesan and "kode Python" in pesan
    _tidak_berubah(muatan, hasil)


@pytest.mark.slow
def test_templat_bermakro_tetap_membaca_lembarnya_sendiri(xw: ModuleType) -> None:
    # SKP_2026.xlsm is the code holder: its own hidden xlwings.conf sheet is not a reason to refuse
    muatan = muatan_dari_berkas(AKAR / BERKAS_TEMPLAT)
    assert "xlwings.conf" in [s["name"] for s in muatan["sheets"]]
    _, hasil = klik(xw, muatan, "validasi")
    [(pesan, _, _)] = hasil.pesan
    assert pesan.startswith("Validasi selesai")


def test_aturan_penolakan() -> None:
    assert set(LEMBAR_PENGATURAN_XLWINGS) == {"skpxl.conf", "xlwings.conf"}
    assert alasan_ditolak("SKP.xlsx", ["SKP", "EVALUASI AKHIR", "Hasil Validasi"]) is None
    assert alasan_ditolak("SKP.xlsm", ["SKP", "xlwings.conf"]) is None  # the template's own settings sheet
    for buku, lembar in (
        ("SKP.xlsm", ["SKP", "skpxl.conf"]),  # no workbook has a reason to carry the add-in's sheet
        ("SKP.xlsm", ["SKP", "x.py"]),
        ("SKP.xlsx", ["SKP", "xlwings.conf"]),
        ("SKP", ["xlwings.conf"]),  # an unsaved book has no extension to vouch for it
    ):
        alasan = alasan_ditolak(buku, lembar)
        assert alasan is not None and alasan.startswith("buku kerja ini memuat"), (buku, lembar)
