"""Cold start of the Excel buttons' Python side, measured in fresh processes.

Every click on Validasi/Hitung starts a new Python (RunPython without the UDF server), so what
counts is a cold process: interpreter start, ``import skpxl.xl`` (xlwings without pandas/numpy),
reading the form, validating, computing and writing back through an xlwings book. Excel cannot
run here, so the book is a remote-engine book (``xw.Book(json=...)``) built from the JSON a client
would send for a filled SKP with 30 IKI rows; the work done by skpxl is the same.

Usage::

    python benchmarks/bench_tombol.py [--runs 7]

Prints, per scenario, the wall time and the CPU time (user + system) of whole processes (spawn to
exit) and the in-process phases. The processes run as a click does:

* **no licence key** while ``skpxl.xl`` is imported, so xlwings does not load its PRO part (as in
  Excel). The remote engine is xlwings PRO, so afterwards the child sets
  ``XLWINGS_LICENSE_KEY=noncommercial`` for itself and registers it; that step ("harness") does not
  exist in Excel and is taken out: *jalur tombol* = wall time − harness;
* **with bytecode caches**, as an installed skpxl has them (pip compiles the package on install):
  ``PYTHONDONTWRITEBYTECODE`` is dropped and ``PYTHONPYCACHEPREFIX`` points into a temporary
  folder, so the checkout stays untouched; warm-up runs write the caches. One comparison row runs
  without them (every skpxl module compiled from source on each click).

Target: *jalur tombol* of validasi + hitung in one cold process ≤ 0.30 s (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows: wall time only
    resource = None  # type: ignore[assignment]

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))

JUMLAH_IKI = 30
HARNESS = "harness (remote engine)"

ANAK = r"""
import json, os, sys, time
t0 = time.perf_counter()
import skpxl.xl as x
t1, c1 = time.perf_counter(), time.process_time()
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # this process only, after the import: see the docstring
from skpxl.excel.xlimport import impor_tanpa
xw = sys.modules["xlwings"]
xw.engines.add(xw.Engine(impl=impor_tanpa("xlwings.pro._xlremote").engine))
muatan = json.load(open(sys.argv[1], encoding="utf-8"))
fase = {"import skpxl.xl": t1 - t0, "HARNESS": time.perf_counter() - t1, "HARNESS CPU": time.process_time() - c1}
for nama in sys.argv[2].split(","):
    a = time.perf_counter()
    book = xw.Book(json=muatan)
    book.set_mock_caller()
    getattr(x, nama)()
    assert book.json()["actions"][-1]["func"] == "alert"
    fase[nama] = time.perf_counter() - a
fase["pandas/numpy dimuat"] = int("pandas" in sys.modules or "numpy" in sys.modules)
print(json.dumps(fase))
""".replace("HARNESS", HARNESS)


def siapkan(folder: Path) -> Path:
    """A filled SKP with :data:`JUMLAH_IKI` IKI rows (from the example unit), as remote-engine JSON."""
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.buku.form_io import baca_form
    from skpxl.buku.templat import build_bytes
    from skpxl.excel.muatan import muatan_dari_berkas

    contoh = sorted((AKAR / "workbook_templates" / "contoh").glob("*.xlsx"))[0]
    form = baca_form(buka(contoh, read_only=True))
    semua = [(r, i) for r in form.rhk for i in r.iki]
    rhk_baru = []
    n = 0
    while n < JUMLAH_IKI:
        for rhk in form.rhk:
            if n >= JUMLAH_IKI:
                break
            ambil = rhk.iki[: JUMLAH_IKI - n]
            rhk_baru.append(rhk.model_copy(update={"iki": [i.model_copy() for i in ambil], "sel": {}}))
            n += len(ambil)
    form = form.model_copy(update={"rhk": rhk_baru})
    assert sum(len(r.iki) for r in form.rhk) == JUMLAH_IKI and semua
    xlsx = folder / "skp_30_iki.xlsx"
    xlsx.write_bytes(build_bytes(form=form))
    berkas = folder / "skp_30_iki.json"
    berkas.write_text(json.dumps(muatan_dari_berkas(xlsx)), encoding="utf-8")
    return berkas


def ukur(perintah: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float], list[dict[str, Any]]]:
    """Wall and CPU seconds of ``runs`` processes, and the phases each printed."""
    dinding: list[float] = []
    cpu: list[float] = []
    fase: list[dict[str, Any]] = []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN) if resource else None
        t = time.perf_counter()
        keluar = subprocess.run(perintah, env=env, cwd=AKAR, capture_output=True, text=True, check=False)
        dinding.append(time.perf_counter() - t)
        if r0 is not None:
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        if keluar.returncode != 0:
            raise SystemExit(keluar.stderr)
        baris = keluar.stdout.strip().splitlines()
        if baris and baris[-1].startswith("{"):
            fase.append(json.loads(baris[-1]))
    return dinding, cpu, fase


def _ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:6.0f} ms   min {min(xs) * 1000:6.0f}   max {max(xs) * 1000:6.0f}"


def _beban() -> str:
    try:
        return "load average " + " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1/5/15 min)"
    except OSError:
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    dasar = {k: v for k, v in os.environ.items() if k not in {"XLWINGS_LICENSE_KEY", "PYTHONDONTWRITEBYTECODE"}}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(dasar, PYTHONPATH=str(AKAR), PYTHONPYCACHEPREFIX=str(Path(tmp) / "pyc"))
        env_tanpa_pyc = dict(dasar, PYTHONPATH=str(AKAR), PYTHONDONTWRITEBYTECODE="1")
        env_tanpa_pyc.pop("PYTHONPYCACHEPREFIX", None)
        muatan = siapkan(Path(tmp))
        anak = [sys.executable, "-c", ANAK, str(muatan)]
        print(
            f"Python {sys.version.split()[0]}, {JUMLAH_IKI} IKI, {args.runs} proses per skenario, {os.cpu_count()} CPU"
        )
        print(f"awal: {_beban()}\n")
        skenario = [
            ("validasi + hitung (satu proses)", [*anak, "validasi,hitung"], env),
            ("validasi saja", [*anak, "validasi"], env),
            ("hitung saja", [*anak, "hitung"], env),
            ("pembanding: validasi + hitung tanpa .pyc", [*anak, "validasi,hitung"], env_tanpa_pyc),
            ("pembanding: python -c pass", [sys.executable, "-c", "pass"], env),
            ("pembanding: import skpxl.xl", [sys.executable, "-c", "import skpxl.xl"], env),
            ("pembanding: import xlwings (dengan pandas)", [sys.executable, "-c", "import xlwings"], env),
        ]
        for _ in range(2):  # warm the OS file cache and write the bytecode caches
            ukur([*anak, "validasi,hitung"], env, 1)
            ukur([sys.executable, "-c", "import xlwings"], env, 1)
        for nama, perintah, e in skenario:
            dinding, cpu, fase = ukur(perintah, e, args.runs)
            print(
                f"{nama:45s} {_ms(dinding)}" + (f"   CPU median {statistics.median(cpu) * 1000:4.0f} ms" if cpu else "")
            )
            if not fase:
                continue
            bersih = [d - f[HARNESS] for d, f in zip(dinding, fase, strict=True)]
            print(f"    {'jalur tombol (dinding - harness)':41s} {_ms(bersih)}", end="")
            if cpu:
                cpu_bersih = [c - f[HARNESS + " CPU"] for c, f in zip(cpu, fase, strict=True)]
                print(f"   CPU median {statistics.median(cpu_bersih) * 1000:4.0f} ms", end="")
            print()
            for kunci in fase[0]:
                nilai = [f[kunci] for f in fase]
                if kunci == "pandas/numpy dimuat":
                    print(f"    {kunci:41s} {'ya' if any(nilai) else 'tidak'}")
                else:
                    print(f"    {kunci:41s} median {statistics.median(nilai) * 1000:6.0f} ms")
        print(f"\nakhir: {_beban()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
