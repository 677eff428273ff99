"""A tiny built-in demonstration of the rules core on a synthetic unit."""

from __future__ import annotations

from collections import Counter

from skpxl.api import cek_kurva, predikat
from skpxl.core.enums import Predikat, PredikatOrganisasi

# (nama sintetis, rating hasil kerja, rating perilaku)
UNIT_DEMO = (
    ("Pegawai Contoh 01", "Di Atas Ekspektasi", "Di Atas Ekspektasi"),
    ("Pegawai Contoh 02", "Di Atas Ekspektasi", "Sesuai Ekspektasi"),
    ("Pegawai Contoh 03", "Sesuai Ekspektasi", "Sesuai Ekspektasi"),
    ("Pegawai Contoh 04", "Sesuai Ekspektasi", "Di Atas Ekspektasi"),
    ("Pegawai Contoh 05", "Sesuai Ekspektasi", "Sesuai Ekspektasi"),
    ("Pegawai Contoh 06", "Di Bawah Ekspektasi", "Sesuai Ekspektasi"),
    ("Pegawai Contoh 07", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"),
    ("Pegawai Contoh 08", "Di Bawah Ekspektasi", "Di Bawah Ekspektasi"),
)
ORGANISASI_DEMO = PredikatOrganisasi.BAIK


def jalankan_demo() -> int:
    hitung: Counter[Predikat] = Counter()
    for nama, hk, pk in UNIT_DEMO:
        p = predikat(hk, pk)
        hitung[p] += 1
        print(f"{nama}: hasil kerja {hk}, perilaku {pk} → {p.value}")
    pelanggaran = cek_kurva(ORGANISASI_DEMO, {p.value: n for p, n in hitung.items()})
    print(f"\nKurva distribusi (organisasi {ORGANISASI_DEMO.value}):")
    for v in pelanggaran:
        print(f"  ✗ {v.pesan}")
    if not pelanggaran:
        print("  ✓ sesuai kurva distribusi")
    return 1 if pelanggaran else 0
