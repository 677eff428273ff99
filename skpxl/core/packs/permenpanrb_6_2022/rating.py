"""Proposed rating hasil kerja (spec §4, the configurable [DEFAULT] rule).

The evaluator's rating is the one that counts; this module only proposes one and
says why, so the evaluator can compare.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import JenisRHK, Rating
from skpxl.core.numbers import dalam_konteks, format_angka

# Order used for "the lowest" and for ties: Di Bawah < Sesuai < Di Atas.
URUTAN = {Rating.DI_BAWAH: 0, Rating.SESUAI: 1, Rating.DI_ATAS: 2}
KATA = {
    Rating.DI_ATAS: "di atas ekspektasi",
    Rating.SESUAI: "sesuai ekspektasi",
    Rating.DI_BAWAH: "di bawah ekspektasi",
}


def kategori_iki(capaian: Decimal, konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> Rating:
    """Category of one IKI from its (unrounded) capaian."""
    if capaian > konfigurasi.ambang_atas:
        return Rating.DI_ATAS
    if capaian < konfigurasi.ambang_bawah:
        return Rating.DI_BAWAH
    return Rating.SESUAI


def terendah(kategori: Sequence[Rating]) -> Rating:
    return min(kategori, key=URUTAN.__getitem__)


def mayoritas(kategori: Sequence[Rating]) -> Rating:
    """The most frequent category; a tie goes to the lower one."""
    hitung = Counter(kategori)
    return max(hitung, key=lambda r: (hitung[r], -URUTAN[r]))


def kategori_rhk(kategori_ikinya: Sequence[Rating], konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> Rating:
    """Category of an RHK from its IKI categories (lowest, or majority)."""
    if not kategori_ikinya:
        raise ValueError("RHK tanpa IKI tidak punya kategori.")
    if konfigurasi.agregasi_rhk == "mayoritas":
        return mayoritas(kategori_ikinya)
    return terendah(kategori_ikinya)


@dataclass(frozen=True)
class Usulan:
    """A proposed rating with the reasoning behind it, in Indonesian."""

    rating: Rating
    penjelasan: str


def _persen(bagian: int, total: int) -> str:
    return format_angka(Decimal(bagian) * 100 / Decimal(total)) + "%"


@dalam_konteks
def usulan_rating_hasil_kerja(
    rhk: Sequence[tuple[JenisRHK, Rating]], konfigurasi: Konfigurasi = KONFIGURASI_BAKU
) -> Usulan:
    """Overall proposal from (jenis, kategori) of every RHK (spec §4.3)."""
    if not rhk:
        raise ValueError("Tidak ada RHK yang dapat dinilai.")
    n = len(rhk)
    atas = sum(1 for _, k in rhk if k is Rating.DI_ATAS)
    bawah = sum(1 for _, k in rhk if k is Rating.DI_BAWAH)
    utama_bawah = sum(1 for j, k in rhk if j is JenisRHK.UTAMA and k is Rating.DI_BAWAH)
    lebih_atas = Decimal(atas) > konfigurasi.porsi_atas * n
    lebih_bawah = Decimal(bawah) > konfigurasi.porsi_bawah * n
    batas_atas = format_angka(konfigurasi.porsi_atas * 100) + "%"
    batas_bawah = format_angka(konfigurasi.porsi_bawah * 100) + "%"
    fakta = f"{atas} dari {n} RHK di atas ekspektasi ({_persen(atas, n)})"
    if lebih_atas and not (konfigurasi.utama_bawah_cegah_atas and utama_bawah):
        tambahan = ", tidak ada RHK utama di bawah ekspektasi" if konfigurasi.utama_bawah_cegah_atas else ""
        return Usulan(Rating.DI_ATAS, f"{fakta}, lebih dari {batas_atas}{tambahan} → {Rating.DI_ATAS.value}")
    if lebih_bawah:
        teks = f"{bawah} dari {n} RHK di bawah ekspektasi ({_persen(bawah, n)}), lebih dari {batas_bawah}"
        return Usulan(Rating.DI_BAWAH, f"{teks} → {Rating.DI_BAWAH.value}")
    if lebih_atas:
        alasan = f"{fakta}, tetapi {utama_bawah} RHK utama di bawah ekspektasi"
    else:
        alasan = f"{fakta}, tidak lebih dari {batas_atas}; {bawah} dari {n} di bawah ekspektasi"
    return Usulan(Rating.SESUAI, f"{alasan} → {Rating.SESUAI.value}")


@dalam_konteks
def rating_perilaku_agregat(per_nilai: Sequence[Rating], konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> Usulan:
    """Rating perilaku from per-core-value ratings, by the same majority rule as §4.3 (no UTAMA here)."""
    if not per_nilai:
        raise ValueError("Tidak ada rating perilaku per nilai inti.")
    n = len(per_nilai)
    atas = sum(1 for k in per_nilai if k is Rating.DI_ATAS)
    bawah = sum(1 for k in per_nilai if k is Rating.DI_BAWAH)
    if Decimal(atas) > konfigurasi.porsi_atas * n:
        return Usulan(Rating.DI_ATAS, f"{atas} dari {n} nilai inti di atas ekspektasi → {Rating.DI_ATAS.value}")
    if Decimal(bawah) > konfigurasi.porsi_bawah * n:
        return Usulan(Rating.DI_BAWAH, f"{bawah} dari {n} nilai inti di bawah ekspektasi → {Rating.DI_BAWAH.value}")
    teks = f"{atas} di atas dan {bawah} di bawah ekspektasi dari {n} nilai inti"
    return Usulan(Rating.SESUAI, f"{teks} → {Rating.SESUAI.value}")
