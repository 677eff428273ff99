"""The batch's supervised workers: a file that hangs (in Python or in native code), kills its worker or eats memory is
reported and the run goes on. Readers that misbehave are simulated by patching the pre-read check, which forked
workers inherit (Linux); the real fast reader's abort on a 17-billion-cell range is triggered with the check off."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import skpxl.buku.pengaman as pengaman
from skpxl.batch.langkah import proses_berkas
from skpxl.batch.pengawas import TENGGANG, jalankan_diawasi
from tests.bantu.korpus import CONTOH, KASUS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method, RLIMIT_AS")

CONTOH_FILES = sorted(CONTOH.glob("*.xlsx"))
ASLI = pengaman.periksa_paket


def _nakal(path: str | os.PathLike[str], *, templat: bool = True, simpan: bool = False) -> pengaman.HasilPeriksa:
    nama = Path(path).name
    if nama.startswith("lambat_python"):
        time.sleep(60)  # interrupted by the soft limit (SIGALRM)
    elif nama.startswith("lambat_native"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if stuck in Rust/C: no handler runs
        time.sleep(60)
    elif nama.startswith("mati"):
        os.abort()
    elif nama.startswith("rakus"):
        simpan = bytearray(8 * 1024**3)  # beyond the worker's RLIMIT_AS
        del simpan
    elif nama.startswith("tanpa_periksa"):
        return pengaman.HasilPeriksa(nama, None, None, True, 0, 0)
    return ASLI(path, templat=templat, simpan=simpan)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], list[tuple[str, str]]]:
    monkeypatch.setattr(pengaman, "periksa_paket", _nakal)

    def buat(nama: list[str]) -> list[tuple[str, str]]:
        items = []
        for i, n in enumerate(nama):
            p = tmp_path / n
            shutil.copy(CONTOH_FILES[i % len(CONTOH_FILES)], p)
            items.append((str(p), n))
        return items

    return buat


@pytest.mark.slow
def test_hang_crash_and_memory_are_reported_and_the_run_goes_on(
    folder: Callable[[list[str]], list[tuple[str, str]]],
) -> None:
    nama = ["a.xlsx", "lambat_python.xlsx", "b.xlsx", "lambat_native.xlsx", "c.xlsx", "mati.xlsx", "d.xlsx"]
    nama += ["rakus.xlsx", "e.xlsx", "f.xlsx", "g.xlsx", "h.xlsx"]
    items = folder(nama)
    t = time.perf_counter()
    hasil = list(jalankan_diawasi(items, None, jobs=2, batas_waktu=1.0, konteks="fork"))
    detik = time.perf_counter() - t
    assert [h.berkas for h in hasil] == nama  # one result per file, in order
    masalah = {h.berkas: h.masalah for h in hasil if h.masalah}
    assert set(masalah) == {"lambat_python.xlsx", "lambat_native.xlsx", "mati.xlsx", "rakus.xlsx"}
    assert "melebihi batas waktu 1 detik per berkas" in (masalah["lambat_python.xlsx"] or "")
    assert "melebihi batas waktu 1 detik per berkas" in (masalah["lambat_native.xlsx"] or "")
    assert "berhenti mendadak (kode keluar -6)" in (masalah["mati.xlsx"] or "")
    assert "membutuhkan memori melebihi batas per proses" in (masalah["rakus.xlsx"] or "")
    assert all(h.pegawai is not None for h in hasil if h.berkas not in masalah)
    assert detik < 1.0 + TENGGANG + 10  # the hard kill came on time


def test_the_fast_readers_abort_on_a_huge_range_is_contained(
    folder: Callable[[list[str]], list[tuple[str, str]]], tmp_path: Path
) -> None:
    """With the pre-read check switched off, python-calamine aborts the worker on XFD1048576; the run goes on."""
    items = folder(["a.xlsx", "b.xlsx"])
    p = tmp_path / "tanpa_periksa.xlsx"
    p.write_bytes(next(k for k in KASUS if k.nama == "sel_ujung.xlsx").buat())
    items.insert(1, (str(p), p.name))
    hasil = list(jalankan_diawasi(items, None, jobs=2, batas_waktu=10.0, konteks="fork"))
    assert [h.masalah is None for h in hasil] == [True, False, True]
    assert "berhenti mendadak" in (hasil[1].masalah or "")


def test_soft_limit_in_process(folder: Callable[[list[str]], list[tuple[str, str]]]) -> None:
    ((path, nama),) = folder(["lambat_python.xlsx"])
    lama = signal.getsignal(signal.SIGALRM)
    t = time.perf_counter()
    h = proses_berkas(path, nama, batas_waktu=0.3)
    assert time.perf_counter() - t < 5
    assert "melebihi batas waktu 0.3 detik" in (h.masalah or "")
    assert signal.getsignal(signal.SIGALRM) is lama and signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_soft_limit_leaves_someone_elses_timer_alone() -> None:
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        with pengaman.batas_waktu_lunak(0.01):
            time.sleep(0.05)  # no WaktuHabis: the limit steps aside for a running timer
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 90
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
