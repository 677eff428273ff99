"""One read per file, same recap: the batch's one-read path (the reader parses the parts the check inflated and
passed) gives, file by file, what reading the file a second time gives, and --jobs 1 and --jobs 2 write the same
Pegawai, Temuan, Ringkasan and Berkas Bermasalah sheets, on a mixed corpus (the example unit, generated copies, the
form as openpyxl saves it, the hostile corpus)."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from skpxl.bangun.sintetis import buat_berkas, buat_berkas_beragam
from skpxl.batch.jalan import cari_berkas, rekap_folder
from skpxl.batch.langkah import proses_berkas
from skpxl.buku import pengaman
from tests.bantu.korpus import CONTOH

LEMBAR = ("Pegawai", "Temuan", "Ringkasan", "Berkas Bermasalah", "Kaskade")


@pytest.fixture(scope="module")
def campuran(korpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("campuran")
    shutil.copytree(korpus / "rusak", root / "rusak")
    for p in CONTOH.glob("*.xlsx"):
        shutil.copy(p, root / p.name)
    list(buat_berkas(root / "salinan", 40))
    list(buat_berkas_beragam(root / "beragam", 20))  # 16 originals, then 4 varied copies
    return root


def test_varied_copies_differ_in_their_worksheet_rows_and_read_cleanly(campuran: Path) -> None:
    """The varied benchmark corpus is what it claims: a copy's evaluation rows are not the original's bytes."""
    import zipfile

    def lembar(p: Path) -> set[bytes]:
        with zipfile.ZipFile(p) as z:
            return {b for n in z.namelist() if n.startswith("xl/worksheets/") for b in z.read(n).split(b"<row ")}

    for salinan in sorted((campuran / "beragam" / "unit0001").glob("*.xlsx")):
        asli = campuran / "beragam" / "unit0000" / salinan.name
        beda = lembar(salinan) - lembar(asli)
        assert len(beda) >= 10, salinan.name  # realisation and evidence rows of every period
        h = proses_berkas(str(salinan), salinan.name)
        assert h.pegawai is not None and h.pegawai.predikat, h.masalah


def test_one_read_gives_what_a_second_read_of_the_file_gives(campuran: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files, _ = cari_berkas(campuran)
    satu = [proses_berkas(str(p), p.relative_to(campuran).as_posix()) for p in files]
    asli = pengaman.periksa_paket

    def tanpa_bagian(path: str, *, templat: bool = True, simpan: bool = False) -> pengaman.HasilPeriksa:
        return dataclasses.replace(asli(path, templat=templat), bagian=None)  # the reader opens the file itself

    monkeypatch.setattr(pengaman, "periksa_paket", tanpa_bagian)
    dua = [proses_berkas(str(p), p.relative_to(campuran).as_posix()) for p in files]
    assert sum(h.pegawai is not None for h in satu) > 70
    assert sum(h.masalah is not None for h in satu) > 20
    for a, b in zip(satu, dua, strict=True):
        assert a == b, a.berkas


def _lembar(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    return {n: list(wb[n].iter_rows(values_only=True)) for n in LEMBAR}


@pytest.mark.slow
def test_jobs_1_and_2_write_the_same_recap(campuran: Path, tmp_path: Path) -> None:
    waktu = datetime(2026, 11, 30, 10, 0)
    rekap_folder(campuran, tmp_path / "satu.xlsx", jobs=1, waktu=waktu)
    rekap_folder(campuran, tmp_path / "dua.xlsx", jobs=2, waktu=waktu)
    satu, dua = _lembar(tmp_path / "satu.xlsx"), _lembar(tmp_path / "dua.xlsx")
    # one row per person: the mix's copies and variants of the example unit count once each
    assert len(satu["Pegawai"]) > 30 and len(satu["Berkas Bermasalah"]) > 20
    for n in LEMBAR:
        assert satu[n] == dua[n], n
