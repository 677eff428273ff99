"""Dask beyond one machine: a real ``dask scheduler`` and two ``dask worker`` processes (loopback only, each in
its own working directory) receive the workbooks' bytes and give the process pool's recap."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import skpxl
from skpxl.batch.langkah import proses_berkas, proses_data
from tests.bantu.korpus import CONTOH, KASUS

ROOT = Path(__file__).resolve().parents[1]
DASK = [sys.executable, "-m", "dask"]  # the dask CLI of this interpreter, wherever its scripts live


def _mulai(argv: list[str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"), start_new_session=True
    )


def _hentikan(proses: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to each process group, then SIGKILL to whatever is left (a worker's nanny has children)."""
    for p in proses:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    batas = time.monotonic() + 10
    for p in proses:
        with contextlib.suppress(subprocess.TimeoutExpired):
            p.wait(max(0.1, batas - time.monotonic()))
    for p in proses:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)
        p.wait(10)


@pytest.fixture
def kluster(tmp_path: Path) -> Iterator[str]:
    """The address of a scheduler with two single-threaded workers, all on 127.0.0.1."""
    berkas = tmp_path / "scheduler.json"
    proses: list[subprocess.Popen[bytes]] = []
    for d in ("penjadwal", "pekerja1", "pekerja2"):
        (tmp_path / d).mkdir()
    try:
        proses.append(
            _mulai(
                [
                    *DASK,
                    "scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--no-dashboard",
                    "--scheduler-file",
                    str(berkas),
                ],
                tmp_path / "penjadwal",
                tmp_path / "penjadwal.log",
            )
        )
        batas = time.monotonic() + 60
        while not berkas.exists() or not berkas.read_text().strip():
            assert proses[0].poll() is None, (tmp_path / "penjadwal.log").read_text()
            assert time.monotonic() < batas, "scheduler did not start"
            time.sleep(0.2)
        alamat = json.loads(berkas.read_text())["address"]
        assert alamat.startswith("tcp://127.0.0.1:")
        for d in ("pekerja1", "pekerja2"):
            proses.append(
                _mulai(
                    [
                        *DASK,
                        "worker",
                        alamat,
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--no-nanny",
                        "--local-directory",
                        str(tmp_path / d),
                    ],
                    tmp_path / d,
                    tmp_path / f"{d}.log",
                )
            )
        from distributed import Client

        with Client(alamat, timeout="30s") as c:
            c.wait_for_workers(2, timeout=90)
            assert all(a.startswith("tcp://127.0.0.1:") for a in c.scheduler_info()["workers"])
        yield alamat
    finally:
        _hentikan(proses)
    assert all(p.poll() is not None for p in proses)


@pytest.mark.slow
def test_a_real_cluster_gives_the_process_pools_recap(kluster: str, tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    for p in sorted(CONTOH.glob("*.xlsx")):
        shutil.copy(p, folder / p.name)
    for k in KASUS[:6]:  # a few refused files, so Berkas Bermasalah is compared too
        (folder / k.nama).write_bytes(k.buat())
    pool = skpxl.rekap(folder, jobs=2)
    dask = skpxl.rekap(folder, jobs=2, engine="dask", scheduler=kluster)
    assert len(pool.pegawai) == len(list(CONTOH.glob("*.xlsx")))
    pd.testing.assert_frame_equal(pool.pegawai, dask.pegawai)
    pd.testing.assert_frame_equal(pool.temuan, dask.temuan)
    pd.testing.assert_frame_equal(pool.ringkasan, dask.ringkasan)
    pd.testing.assert_frame_equal(pool.bermasalah, dask.bermasalah)


def test_the_step_needs_only_the_bytes(tmp_path: Path) -> None:
    """What a remote worker runs: no path at all, the same result as from the file."""
    p = sorted(CONTOH.glob("*.xlsx"))[0]
    dari_berkas = proses_berkas(str(p), "unit/" + p.name)
    dari_bytes = proses_data(p.read_bytes(), "unit/" + p.name)
    assert dari_bytes == dari_berkas and dari_bytes.pegawai is not None
