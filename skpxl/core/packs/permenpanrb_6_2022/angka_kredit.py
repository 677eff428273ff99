"""Angka kredit of jabatan fungsional from the predikat (spec §6; PermenPANRB 1/2023, PerBKN 3/2023)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from skpxl.core.enums import Jenjang, Predikat
from skpxl.core.errors import InputTidakValid
from skpxl.core.numbers import bulat, dalam_konteks

PERSENTASE: dict[Predikat, Decimal] = {
    Predikat.SANGAT_BAIK: Decimal("1.50"),
    Predikat.BAIK: Decimal("1.00"),
    Predikat.BUTUH_PERBAIKAN: Decimal("0.75"),
    Predikat.KURANG: Decimal("0.50"),
    Predikat.SANGAT_KURANG: Decimal("0.25"),
}

KOEFISIEN: dict[Jenjang, Decimal] = {
    Jenjang.PEMULA: Decimal("3.75"),
    Jenjang.TERAMPIL: Decimal("5"),
    Jenjang.MAHIR: Decimal("12.5"),
    Jenjang.PENYELIA: Decimal("25"),
    Jenjang.AHLI_PERTAMA: Decimal("12.5"),
    Jenjang.AHLI_MUDA: Decimal("25"),
    Jenjang.AHLI_MADYA: Decimal("37.5"),
    Jenjang.AHLI_UTAMA: Decimal("50"),
}


@dalam_konteks
def hitung_angka_kredit(predikat: Predikat, jenjang: Jenjang, bulan: int) -> Decimal:
    """AK = bulan/12 × persentase × koefisien, rounded half-up to 2 places."""
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise InputTidakValid(f"Jumlah bulan harus bilangan bulat 1–12, bukan {bulan!r}.")
    return bulat(Decimal(bulan) * PERSENTASE[predikat] * KOEFISIEN[jenjang] / 12)


@dalam_konteks
def angka_kredit_gabungan(bagian: Iterable[tuple[Predikat, Jenjang, int]]) -> Decimal:
    """A year split over periods or jenjang: the sum of each part's rounded AK [DEFAULT]."""
    bagian = list(bagian)
    total_bulan = sum(b for _, _, b in bagian)
    if total_bulan > 12:
        raise InputTidakValid(f"Total bulan dalam satu tahun tidak boleh lebih dari 12 (tertulis {total_bulan}).")
    return sum((hitung_angka_kredit(p, j, b) for p, j, b in bagian), Decimal(0))
