"""Cold start of the Excel buttons' Python side, measured in fresh processes.

Every click on Validasi/Hitung starts a new Python (RunPython without the UDF server), so what
counts is a cold process: interpreter start, ``import skpxl.xl`` (xlwings without pandas/numpy),
reading the form, validating, computing and writing back through an xlwings book. Excel cannot
run here, so the book is a remote-engine book (``xw.Book(json=...)``) built from the JSON a client
would send for a filled SKP with 30 IKI rows; the work done by skpxl is the same.

Usage::

    python benchmarks/bench_tombol.py [--runs 7]

Prints, per scenario, the wall time of whole processes (spawn to exit) and the in-process phases.
The remote engine is xlwings PRO: the child processes get ``XLWINGS_LICENSE_KEY=noncommercial``
(this script's children only). Target: validasi + hitung in one cold process ≤ 0.35 s.
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

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))

JUMLAH_IKI = 30

ANAK = r"""
import json, sys, time
t0 = time.perf_counter()
import skpxl.xl as x
t1 = time.perf_counter()
from skpxl.excel.muatan import xlwings_remote
xw = xlwings_remote()
muatan = json.load(open(sys.argv[1], encoding="utf-8"))
fase = {"import skpxl.xl": t1 - t0}
for nama in sys.argv[2].split(","):
    a = time.perf_counter()
    book = xw.Book(json=muatan)
    book.set_mock_caller()
    getattr(x, nama)()
    assert book.json()["actions"][-1]["func"] == "alert"
    fase[nama] = time.perf_counter() - a
fase["pandas/numpy dimuat"] = int("pandas" in sys.modules or "numpy" in sys.modules)
print(json.dumps(fase))
"""


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


def ukur(perintah: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[dict[str, Any]]]:
    dinding: list[float] = []
    fase: list[dict[str, Any]] = []
    for _ in range(runs):
        t = time.perf_counter()
        keluar = subprocess.run(perintah, env=env, cwd=AKAR, capture_output=True, text=True, check=False)
        dinding.append(time.perf_counter() - t)
        if keluar.returncode != 0:
            raise SystemExit(keluar.stderr)
        baris = keluar.stdout.strip().splitlines()
        if baris and baris[-1].startswith("{"):
            fase.append(json.loads(baris[-1]))
    return dinding, fase


def _ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:6.0f} ms   min {min(xs) * 1000:6.0f}   max {max(xs) * 1000:6.0f}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    env = dict(os.environ, XLWINGS_LICENSE_KEY="noncommercial", PYTHONPATH=str(AKAR))
    env_tanpa_kunci = {k: v for k, v in env.items() if k != "XLWINGS_LICENSE_KEY"}
    with tempfile.TemporaryDirectory() as tmp:
        muatan = siapkan(Path(tmp))
        print(f"Python {sys.version.split()[0]}, {JUMLAH_IKI} IKI, {args.runs} proses per skenario\n")
        skenario = [
            ("validasi + hitung (satu proses)", [sys.executable, "-c", ANAK, str(muatan), "validasi,hitung"], env),
            ("validasi saja", [sys.executable, "-c", ANAK, str(muatan), "validasi"], env),
            ("hitung saja", [sys.executable, "-c", ANAK, str(muatan), "hitung"], env),
            ("pembanding: python -c pass", [sys.executable, "-c", "pass"], env_tanpa_kunci),
            ("pembanding: import skpxl.xl (tanpa kunci)", [sys.executable, "-c", "import skpxl.xl"], env_tanpa_kunci),
            ("pembanding: import xlwings (dengan pandas)", [sys.executable, "-c", "import xlwings"], env_tanpa_kunci),
        ]
        ukur([sys.executable, "-c", ANAK, str(muatan), "validasi"], env, 1)  # warm the OS file cache
        for nama, perintah, e in skenario:
            dinding, fase = ukur(perintah, e, args.runs)
            print(f"{nama:45s} {_ms(dinding)}")
            if fase:
                for kunci in fase[0]:
                    nilai = [f[kunci] for f in fase]
                    if kunci == "pandas/numpy dimuat":
                        print(f"    {kunci:41s} {'ya' if any(nilai) else 'tidak'}")
                    else:
                        print(f"    {kunci:41s} median {statistics.median(nilai) * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
