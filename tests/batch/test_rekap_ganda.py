"""rekap counts people, not files: hitung run twice, an old version kept in a subfolder and a byte copy of a file
still give one row per person, and every file left out is reported in Temuan and on the terminal."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import skpxl
from tests.bantu.korpus import CONTOH

pytestmark = pytest.mark.slow

ORANG = ["01_rina_marlina.xlsx", "02_dedi_kurniawan.xlsx", "03_nur_aini.xlsx", "05_siti_rahmawati.xlsx"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def unit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ganda") / "unit"
    root.mkdir()
    for n in ORANG:
        shutil.copy(CONTOH / n, root / n)
    # An old version of Rina's workbook kept in a subfolder (other bytes than any other file, an older date).
    (root / "arsip").mkdir()
    r = run("hitung", root / ORANG[0], "--periode", "TW1", "-o", root / "arsip" / "rina versi lama.xlsx")
    assert r.returncode == 0, r.stdout + r.stderr
    lalu = (root / ORANG[0]).stat().st_mtime - 86_400
    os.utime(root / "arsip" / "rina versi lama.xlsx", (lalu, lalu))
    for n in ORANG[:2]:  # hitung twice on two files, as staff do
        for _ in range(2):
            r = run("hitung", root / n)
            assert r.returncode == 0, r.stdout + r.stderr
    # A byte-for-byte copy of Nur's workbook under another name.
    (root / "kiriman").mkdir()
    shutil.copy(root / ORANG[2], root / "kiriman" / "salinan nur.xlsx")
    return root


def test_counts_are_people_and_duplicates_are_reported(unit: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    r = run("rekap", unit, "-o", out, "--jobs", "1")
    assert ": 4 pegawai," in r.stdout.splitlines()[0], r.stdout + r.stderr
    # the kurva is judged over the 4 people (and 4 people cannot meet it: exit code 1)
    assert "Organisasi Baik: 3 dari 4 pegawai (75%) berpredikat Baik" in r.stdout and r.returncode == 1
    assert "berkas tidak dihitung karena orangnya sudah dihitung dari berkas lain" in r.stdout
    assert "  = arsip/rina versi lama.xlsx: NIP " in r.stdout
    assert "  = kiriman/salinan nur.xlsx: Isi berkas ini sama persis dengan 03_nur_aini.xlsx" in r.stdout

    wb = openpyxl.load_workbook(out, read_only=True)
    pegawai = list(wb["Pegawai"].iter_rows(min_row=2, values_only=True))
    assert sorted(row[18] for row in pegawai) == sorted(ORANG)  # one row per person, from the current file
    temuan = {(row[0], row[2]) for row in wb["Temuan"].iter_rows(min_row=2, values_only=True)}
    assert ("arsip/rina versi lama.xlsx", "NIP_GANDA") in temuan
    assert ("kiriman/salinan nur.xlsx", "BERKAS_KEMBAR") in temuan


def test_api_and_kurva_over_real_people(unit: Path) -> None:
    res = skpxl.rekap(unit)
    ag = res.hasil.agregat
    assert ag.jumlah_pegawai == 4 == len(res.pegawai)
    assert sorted(res.pegawai["berkas"]) == sorted(ORANG)
    assert int(res.ringkasan["jumlah"].sum()) + int(res.ringkasan["tanpa_predikat"].sum()) == 4
    assert res.pegawai["nip"].is_unique
    kode = res.temuan.loc[res.temuan["kode"].isin(["NIP_GANDA", "BERKAS_KEMBAR"])]
    assert set(kode["tingkat"]) == {"Peringatan"}
    assert {b for b, _ in ag.ganda} == set(kode["berkas"])
    assert not [b for b, _ in ag.orang if "cadangan" in b]  # a backup never counts as a person


def test_json_lists_the_files_left_out(unit: Path) -> None:
    r = run("rekap", unit, "--json", "--jobs", "1")
    data = json.loads(r.stdout)
    assert data["kode_keluar"] == r.returncode == 1  # the kurva over 4 people
    rekap = data["rekap"]
    assert rekap["jumlah_pegawai"] == 4 == len(rekap["pegawai"])
    ganda = {g["berkas"] for g in rekap["ganda"]}
    assert {"arsip/rina versi lama.xlsx", "kiriman/salinan nur.xlsx"} <= ganda
    assert not ganda & {p["berkas"] for p in rekap["pegawai"]}
