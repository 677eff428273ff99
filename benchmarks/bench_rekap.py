"""Benchmark of the HR batch (issues 6 and 16). Measures and prints; asserts nothing.

Generates N staff workbooks from the example unit (cached in --folder), then, in one run, each the
best of ``--ulang`` runs (default 3):

(a) floor: unzip every part of every file with :mod:`zipfile` (one process);
(b) naive: ``pandas.read_excel(sheet_name=None, engine="openpyxl")`` of every file (one process);
(c) ``skpxl rekap --jobs 1`` end to end, in a subprocess;
(d) ``skpxl rekap --jobs 2`` end to end, in a subprocess;

with, for (c) and (d), the CPU time of the whole process tree (parent and workers) per file and the
peak resident memory of the tree (sampled from /proc every 20 ms). Prints the machine (CPUs, load
average before and after) because on a shared machine wall times say as much about the neighbours
as about skpxl. The README's batch table is copied from this output.

The subprocesses run with bytecode caches (``PYTHONPYCACHEPREFIX`` in a temporary folder, the checkout
untouched), as an installed skpxl has them (pip compiles on install): a machine that sets
``PYTHONDONTWRITEBYTECODE`` would otherwise compile every skpxl module on every run (≈0.1 s). The
first of the ``--ulang`` runs writes the caches; the best run is kept.

Run: ``python benchmarks/bench_rekap.py [--n 2000] [--ulang 3] [--tanpa-naif] [--beragam]``

``--beragam`` measures the varied corpus (:func:`skpxl.bangun.sintetis.buat_berkas_beragam`: every copy built
with its own realisations, evidence links and feedback, so worksheet rows differ between files as between the
people of a real unit); without it, the fast copies whose worksheets repeat per person (issue 16's corpus).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
_PYC = Path(tempfile.gettempdir()) / "skpxl-bench-pyc"


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


def _cpu_anak() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def jalankan(cmd: list[str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds of the whole tree, peak tree RSS in bytes, exit code).

    The CPU time counts every descendant the command waited for (its workers included).
    """
    cpu0 = _cpu_anak()
    t0 = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(AKAR), os.environ.get("PYTHONPATH", "")])
    env["PYTHONPYCACHEPREFIX"] = str(_PYC)  # bytecode caches, as an installed skpxl has them (see the docstring)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    puncak = 0
    selesai = threading.Event()

    def sampel() -> None:
        nonlocal puncak
        while not selesai.is_set():
            puncak = max(puncak, rss_pohon(proc.pid))
            time.sleep(0.02)

    th = threading.Thread(target=sampel, daemon=True)
    th.start()
    _, err = proc.communicate()
    dinding = time.perf_counter() - t0
    selesai.set()
    th.join()
    if proc.returncode not in (0, 1):
        print(err.decode("utf-8", "replace"), file=sys.stderr)
    return dinding, _cpu_anak() - cpu0, puncak, proc.returncode


def terbaik(fungsi: object, ulang: int) -> tuple[float, float]:
    """(best wall, best CPU) of ``ulang`` in-process runs of ``fungsi``."""
    dinding, cpu = [], []
    for _ in range(ulang):
        t, c = time.perf_counter(), time.process_time()
        fungsi()  # type: ignore[operator]
        dinding.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(dinding), min(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--ulang", type=int, default=3, help="runs per measurement; the best is kept (N ≥ 3)")
    ap.add_argument("--folder", type=Path, default=None)
    ap.add_argument("--tanpa-naif", action="store_true", help="skip (b), the slow naive baseline")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="which of (c) --jobs 1 and (d) --jobs 2 to run")
    ap.add_argument("--beragam", action="store_true", help="the varied corpus (rows differ per file)")
    args = ap.parse_args()
    jenis = "beragam-" if args.beragam else ""
    folder = args.folder or Path(tempfile.gettempdir()) / f"skpxl-bench-{jenis}{args.n}"
    files = sorted(folder.rglob("*.xlsx")) if folder.exists() else []
    if len(files) != args.n:
        from skpxl.bangun.sintetis import buat_berkas, buat_berkas_beragam

        t0 = time.perf_counter()
        files = sorted((buat_berkas_beragam if args.beragam else buat_berkas)(folder, args.n))
        print(f"generated {len(files)} workbooks in {time.perf_counter() - t0:.1f} s → {folder}")
    n = len(files)
    ukuran = sum(p.stat().st_size for p in files)
    beban = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
        f"load average {beban[0]:.2f} / {beban[1]:.2f} / {beban[2]:.2f} (1/5/15 min) at start"
    )
    korpus = "varied (buat_berkas_beragam)" if args.beragam else "copies (buat_berkas: rows repeat per person)"
    print(f"N = {n} workbooks, {korpus}, {ukuran / n / 1024:.1f} KiB each; each figure the best of {args.ulang} runs")

    def lantai() -> None:
        for p in files:
            with zipfile.ZipFile(p) as z:
                for nama in z.namelist():
                    z.read(nama)

    baris: list[tuple[str, float, float, int | None]] = []
    t, c = terbaik(lantai, args.ulang)
    baris.append(("(a) floor: unzip every part", t, c, None))
    if not args.tanpa_naif:
        import pandas as pd

        def naif() -> None:
            for p in files:
                pd.read_excel(p, sheet_name=None, engine="openpyxl", header=None)

        t, c = terbaik(naif, args.ulang)
        baris.append(("(b) naive pandas.read_excel", t, c, None))
    with tempfile.TemporaryDirectory() as d:
        for label, jobs in (("(c) skpxl rekap --jobs 1", "1"), ("(d) skpxl rekap --jobs 2", "2")):
            if int(jobs) not in args.jobs:
                continue
            hasil = []
            for _ in range(args.ulang):
                cmd = [
                    sys.executable,
                    "-m",
                    "skpxl",
                    "rekap",
                    str(folder),
                    "-o",
                    str(Path(d) / "r.xlsx"),
                    "--jobs",
                    jobs,
                ]
                hasil.append(jalankan(cmd))
            kode = {h[3] for h in hasil}
            baris.append((f"{label} (exit {'/'.join(map(str, sorted(kode)))})", min(h[0] for h in hasil),
                          min(h[1] for h in hasil), max(h[2] for h in hasil)))  # fmt: skip
    print(f"{'':38s} {'wall s':>8s} {'files/s':>8s} {'CPU ms/file':>12s} {'peak tree RSS':>14s}")
    for label, t, c, rss in baris:
        mem = f"{rss / 2**20:10.1f} MiB" if rss is not None else ""
        print(f"{label:38s} {t:8.2f} {n / t:8.1f} {c / n * 1000:12.2f} {mem:>14s}")
    waktu = {label[:3]: t for label, t, _, _ in baris}
    if "(c)" in waktu:
        print(f"ratio (c)/(a) = {waktu['(c)'] / waktu['(a)']:.2f}   (--jobs 1 against the floor)")
    if "(d)" in waktu:
        print(f"ratio (d)/(a) = {waktu['(d)'] / waktu['(a)']:.2f}   (target ≤ 3.0)")
    if "(b)" in waktu and "(d)" in waktu:
        print(f"ratio (b)/(d) = {waktu['(b)'] / waktu['(d)']:.2f}   (target ≥ 25)")
    beban = os.getloadavg()
    print(f"load average {beban[0]:.2f} / {beban[1]:.2f} / {beban[2]:.2f} at the end")


if __name__ == "__main__":
    main()
