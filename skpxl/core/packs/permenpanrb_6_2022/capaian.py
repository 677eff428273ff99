"""Capaian per IKI (spec §3): realisasi against target, as a percentage."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Arah
from skpxl.core.errors import InputTidakValid
from skpxl.core.numbers import dalam_konteks

SERATUS = Decimal(100)


@dataclass(frozen=True)
class Target:
    """A numeric target: one value, or a range [nilai, atas]."""

    nilai: Decimal
    atas: Decimal | None = None

    def __post_init__(self) -> None:
        if self.nilai < 0 or (self.atas is not None and self.atas < 0):
            raise InputTidakValid("Target tidak boleh negatif.")
        if self.atas is not None and self.atas < self.nilai:
            raise InputTidakValid(
                f"Rentang target terbalik: batas bawah {self.nilai} lebih besar dari batas atas {self.atas}."
            )


@dalam_konteks
def hitung_capaian(
    target: Target, realisasi: Decimal, arah: Arah, konfigurasi: Konfigurasi = KONFIGURASI_BAKU
) -> Decimal:
    """Capaian in percent, unrounded (round only for display).

    Normal: R/T×100. Khusus: (2 − R/T)×100, floored at 0. A range compares with the
    nearer bound and scores ``capaian_dalam_rentang`` inside it.
    """
    if realisasi < 0:
        raise InputTidakValid(f"Realisasi tidak boleh negatif ({realisasi}).")
    t = target.nilai
    if target.atas is not None:
        if target.nilai <= realisasi <= target.atas:
            return konfigurasi.capaian_dalam_rentang
        t = target.atas if realisasi > target.atas else target.nilai
    if t == 0:
        if arah is Arah.NORMAL:
            raise InputTidakValid("Target 0 tidak dapat dipakai untuk IKI berarah normal: capaian tidak terdefinisi.")
        nol, lebih = konfigurasi.capaian_khusus_target_nol
        return nol if realisasi == 0 else lebih
    if arah is Arah.NORMAL:
        return realisasi * SERATUS / t
    return max(Decimal(0), 2 * SERATUS - realisasi * SERATUS / t)
