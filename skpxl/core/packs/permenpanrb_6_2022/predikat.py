"""Predikat kinerja pegawai from the two ratings (spec §4 matrix, PermenPANRB 6/2022)."""

from __future__ import annotations

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Predikat, PredikatOrganisasi, Rating

_A, _S, _B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

# (rating hasil kerja, rating perilaku) → predikat
MATRIKS: dict[tuple[Rating, Rating], Predikat] = {
    (_A, _B): Predikat.KURANG, (_A, _S): Predikat.BAIK, (_A, _A): Predikat.SANGAT_BAIK,
    (_S, _B): Predikat.KURANG, (_S, _S): Predikat.BAIK, (_S, _A): Predikat.BAIK,
    (_B, _B): Predikat.SANGAT_KURANG, (_B, _S): Predikat.BUTUH_PERBAIKAN, (_B, _A): Predikat.BUTUH_PERBAIKAN,
}  # fmt: skip


def predikat_dari_matriks(hasil_kerja: Rating, perilaku: Rating) -> Predikat:
    return MATRIKS[(hasil_kerja, perilaku)]


def rating_dari_organisasi(organisasi: PredikatOrganisasi, konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> Rating:
    """A unit head's rating hasil kerja taken from the unit's capaian kinerja organisasi."""
    return konfigurasi.rating_dari_organisasi[organisasi]
