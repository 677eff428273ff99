"""Benchmark of the HR batch (issue 6). Measures and prints; asserts nothing.

Generates N staff workbooks from the example unit (cached in --folder), then times in one run:
(a) floor: unzip every file and read its sheet XML bytes (one process);
(b) naive: ``pandas.read_excel(sheet_name=None, engine="openpyxl")`` of every file (one process);
(c) ``skpxl rekap --jobs 2`` end to end, in a subprocess, with peak resident memory of its
    whole process tree (sampled from /proc every 20 ms).

Run: ``.venv/bin/python benchmarks/bench_rekap.py [--n 2000] [--tanpa-naif]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path


def rss_pohon(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants (Linux /proc)."""
    anak: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        ppid = int(next(x for x in status.splitlines() if x.startswith("PPid:")).split()[1])
        anak.setdefault(ppid, []).append(int(d.name))
        baris = [x for x in status.splitlines() if x.startswith("VmRSS:")]
        rss[int(d.name)] = int(baris[0].split()[1]) * 1024 if baris else 0
    total, tumpukan = 0, [pid]
    while tumpukan:
        p = tumpukan.pop()
        total += rss.get(p, 0)
        tumpukan.extend(anak.get(p, []))
    return total


def jalankan_dengan_memori(cmd: list[str]) -> tuple[float, int, int]:
    """(wall seconds, peak tree RSS in bytes, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    puncak = 0
    selesai = threading.Event()

    def sampel() -> None:
        nonlocal puncak
        while not selesai.is_set():
            puncak = max(puncak, rss_pohon(proc.pid))
            time.sleep(0.02)

    th = threading.Thread(target=sampel, daemon=True)
    th.start()
    proc.wait()
    selesai.set()
    th.join()
    return time.perf_counter() - t0, puncak, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--folder", type=Path, default=None)
    ap.add_argument("--tanpa-naif", action="store_true", help="skip (b), the slow naive baseline")
    args = ap.parse_args()
    folder = args.folder or Path(tempfile.gettempdir()) / f"skpxl-bench-{args.n}"
    files = sorted(folder.rglob("*.xlsx")) if folder.exists() else []
    if len(files) != args.n:
        from skpxl.bangun.sintetis import buat_berkas

        t0 = time.perf_counter()
        files = sorted(buat_berkas(folder, args.n))
        print(f"generated {len(files)} workbooks in {time.perf_counter() - t0:.1f} s → {folder}")
    n = len(files)
    ukuran = sum(p.stat().st_size for p in files)
    print(f"N = {n} workbooks, {ukuran / n / 1024:.1f} KiB each, {os.cpu_count()} CPUs")

    t0 = time.perf_counter()
    for p in files:
        with zipfile.ZipFile(p) as z:
            for nama in z.namelist():
                if nama.startswith("xl/worksheets/"):
                    z.read(nama)
    lantai = time.perf_counter() - t0
    print(f"(a) floor (unzip + read sheet XML):  {lantai:8.2f} s  {n / lantai:8.1f} files/s")

    naif = None
    if not args.tanpa_naif:
        import pandas as pd

        t0 = time.perf_counter()
        for p in files:
            pd.read_excel(p, sheet_name=None, engine="openpyxl", header=None)
        naif = time.perf_counter() - t0
        print(f"(b) naive pandas.read_excel:         {naif:8.2f} s  {n / naif:8.1f} files/s")

    with tempfile.TemporaryDirectory() as d:
        cmd = [sys.executable, "-m", "skpxl", "rekap", str(folder), "-o", str(Path(d) / "rekap.xlsx"), "--jobs", "2"]
        rekap, puncak, kode = jalankan_dengan_memori(cmd)
    print(f"(c) skpxl rekap --jobs 2:            {rekap:8.2f} s  {n / rekap:8.1f} files/s  (exit {kode})")
    print(f"    peak memory (process tree RSS):  {puncak / 2**20:8.1f} MiB")
    print(f"ratio (c)/(a) = {rekap / lantai:.2f}  (target ≤ 2)")
    if naif is not None:
        print(f"ratio (b)/(c) = {naif / rekap:.2f}  (target ≥ 20)")


if __name__ == "__main__":
    main()
