"""Benchmark: Validasi + Hitung of one 30-IKI workbook (issue 4). Measures; asserts nothing.

(a) in process, through the openpyxl file adapter (read → validate → compute → render → save);
(b) cold start: a fresh Python process that imports the button module (``skpxl.xl``) and runs
    Validasi + Hitung through the in-memory adapter; also reports whether pandas/numpy got imported.

Run: ``.venv/bin/python benchmarks/bench_hitung.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from skpxl.bangun.contoh import form_unit
from skpxl.buku.templat import build_bytes
from skpxl.core.models import SkpForm

ULANG = 15


def form_30_iki() -> SkpForm:
    """An example person's form grown to 30 IKI rows (20 in UTAMA, 10 in TAMBAHAN)."""
    _, form = form_unit()[4]
    utama = [r for r in form.rhk if (r.jenis or "").lower() == "utama"]
    tambahan = [r for r in form.rhk if (r.jenis or "").lower() != "utama"] or utama[:1]
    rhk = []
    for sumber, jumlah, jenis in ((utama, 20, "Utama"), (tambahan, 10, "Tambahan")):
        n = 0
        i = 0
        while n < jumlah:
            r = sumber[i % len(sumber)].model_copy(deep=True)
            r.jenis = jenis
            r.teks = f"{r.teks} ({i + 1})"
            r.iki = r.iki[: jumlah - n]
            n += len(r.iki)
            rhk.append(r)
            i += 1
    form.rhk = rhk
    return form


KODE_DINGIN = """
import sys, time
t0 = time.perf_counter()
import skpxl.xl  # what the button imports
from skpxl.buku.adapters.memory import buku_kosong
from skpxl.buku.form_io import tulis_form
from skpxl.layanan.service import hitung_buku, validasi_buku
from benchmarks.bench_hitung import form_30_iki
wb = buku_kosong()
tulis_form(wb, form_30_iki())
t1 = time.perf_counter()
validasi_buku(wb)
hitung_buku(wb)
t2 = time.perf_counter()
print(t2 - t1, "pandas" in sys.modules, "numpy" in sys.modules)
"""


def main() -> None:
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.layanan.service import hitung_buku, validasi_buku

    form = form_30_iki()
    n_iki = sum(len(r.iki) for r in form.rhk)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "skp30.xlsx"
        path.write_bytes(build_bytes(form=form))
        waktu_baca, waktu_proses, waktu_simpan = [], [], []
        for _ in range(ULANG):
            t0 = time.perf_counter()
            wb = buka(path)
            t1 = time.perf_counter()
            validasi_buku(wb)
            lap = hitung_buku(wb)
            t2 = time.perf_counter()
            wb.save(Path(d) / "keluar.xlsx")
            t3 = time.perf_counter()
            waktu_baca.append(t1 - t0)
            waktu_proses.append(t2 - t1)
            waktu_simpan.append(t3 - t2)
    assert lap.hasil is not None
    print(f"Workbook: {n_iki} IKI, predikat akhir {lap.hasil.periode['AKHIR'].predikat}")
    print(f"(a) in process, openpyxl adapter, median of {ULANG}:")
    print(f"    open (openpyxl load)      {statistics.median(waktu_baca) * 1000:8.1f} ms")
    print(f"    validasi + hitung + render {statistics.median(waktu_proses) * 1000:7.1f} ms")
    print(f"    save                       {statistics.median(waktu_simpan) * 1000:7.1f} ms")
    dingin, kerja = [], []
    pandas = numpy = False
    for _ in range(7):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", KODE_DINGIN], capture_output=True, text=True, check=True,
                             cwd=Path(__file__).resolve().parents[1]).stdout.split()  # fmt: skip
        dingin.append(time.perf_counter() - t0)
        kerja.append(float(out[0]))
        pandas, numpy = out[1] == "True", out[2] == "True"
    print("(b) cold start, new process: import skpxl.xl + validasi + hitung (in-memory adapter), median of 7:")
    print(f"    wall time                  {statistics.median(dingin) * 1000:7.1f} ms")
    print(f"    of which validasi + hitung {statistics.median(kerja) * 1000:7.1f} ms")
    print(f"    pandas imported: {pandas}; numpy imported: {numpy}")


if __name__ == "__main__":
    main()
