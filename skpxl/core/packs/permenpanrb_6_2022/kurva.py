"""Kurva distribusi: the spread of staff predikat allowed by the unit's own predikat (spec §5).

Shares are compared as exact fractions (count/n), never as rounded percentages, unless the instansi
chose whole people (``Konfigurasi.kurva_pembulatan="orang"``); a unit smaller than
``Konfigurasi.kurva_minimal_pegawai`` is not judged (:func:`alasan_tidak_dinilai`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Predikat, PredikatOrganisasi
from skpxl.core.numbers import bulat, dalam_konteks, format_angka

_SB, _B, _BP, _K, _SK = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG,
                         Predikat.SANGAT_KURANG)  # fmt: skip


@dataclass(frozen=True)
class AturanKurva:
    """Share of staff whose predikat is in ``predikat`` must be ``jenis`` ``batas``."""

    predikat: tuple[Predikat, ...]
    jenis: Literal["maks", "min", "minimal_satu"]
    batas: Fraction

    @property
    def nama_predikat(self) -> str:
        return " + ".join(p.value for p in self.predikat)


ATURAN: dict[PredikatOrganisasi, tuple[AturanKurva, ...]] = {
    PredikatOrganisasi.ISTIMEWA: (AturanKurva((_SB,), "maks", Fraction(70, 100)),),
    PredikatOrganisasi.BAIK: (
        AturanKurva((_B,), "maks", Fraction(70, 100)),
        AturanKurva((_BP, _K), "minimal_satu", Fraction(0)),
    ),
    PredikatOrganisasi.BUTUH_PERBAIKAN: (
        AturanKurva((_BP,), "min", Fraction(60, 100)),
        AturanKurva((_SB,), "maks", Fraction(10, 100)),
    ),
    PredikatOrganisasi.KURANG: (
        AturanKurva((_K,), "min", Fraction(60, 100)),
        AturanKurva((_BP,), "min", Fraction(10, 100)),
        AturanKurva((_SB,), "maks", Fraction(10, 100)),
    ),
    PredikatOrganisasi.SANGAT_KURANG: (
        AturanKurva((_SK,), "min", Fraction(60, 100)),
        AturanKurva((_K, _BP), "min", Fraction(10, 100)),
        AturanKurva((_SB,), "maks", Fraction(0)),
    ),
}


@dataclass(frozen=True)
class PelanggaranKurva:
    """One broken rule, with the counts and an Indonesian sentence."""

    organisasi: PredikatOrganisasi
    aturan: AturanKurva
    jumlah: int  # staff with a predikat in aturan.predikat
    total: int  # staff with any predikat
    batas_orang: int  # the most (maks) or fewest (min) people allowed
    pesan: str


def _persen(x: Fraction) -> str:
    return format_angka(Decimal(x.numerator) * 100 / Decimal(x.denominator)) + "%"


def _uraian(aturan: AturanKurva) -> str:
    if aturan.jenis == "minimal_satu":
        return f"minimal satu pegawai berpredikat {' atau '.join(p.value for p in aturan.predikat)}"
    if aturan.jenis == "maks" and aturan.batas == 0:
        return f"tidak boleh ada pegawai berpredikat {aturan.nama_predikat}"
    kata = "maksimal" if aturan.jenis == "maks" else "minimal"
    return f"{kata} {_persen(aturan.batas)} berpredikat {aturan.nama_predikat}"


@dalam_konteks
def uraian_aturan(organisasi: PredikatOrganisasi) -> list[str]:
    """The rules for a unit's predikat, in words (for recaps and training)."""
    return [_uraian(a) for a in ATURAN[organisasi]]


def alasan_tidak_dinilai(jumlah: Mapping[Predikat, int], konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> str | None:
    """Why the unit's kurva is not judged (fewer staff than ``kurva_minimal_pegawai``), else None."""
    n = sum(jumlah.values())
    if n == 0 or n >= konfigurasi.kurva_minimal_pegawai:
        return None
    return (
        f"Kurva distribusi tidak dapat dinilai: unit ini hanya memiliki {n} pegawai berpredikat, kurang dari "
        f"{konfigurasi.kurva_minimal_pegawai} pegawai (batas kebijakan instansi)."
    )


def _orang(batas: Fraction, n: int) -> int:
    """``batas`` × n rounded half-up to whole people."""
    return int(bulat(Decimal(batas.numerator) * n / Decimal(batas.denominator), 0))


@dalam_konteks
def periksa_kurva(
    organisasi: PredikatOrganisasi, jumlah: Mapping[Predikat, int], konfigurasi: Konfigurasi = KONFIGURASI_BAKU
) -> list[PelanggaranKurva]:
    """Every rule of the unit's kurva that the counts break (empty = conforms, or not judged: see
    :func:`alasan_tidak_dinilai`)."""
    n = sum(jumlah.values())
    if n == 0 or alasan_tidak_dinilai(jumlah, konfigurasi) is not None:
        return []
    orang = konfigurasi.kurva_pembulatan == "orang"
    hasil = []
    for aturan in ATURAN[organisasi]:
        k = sum(jumlah.get(p, 0) for p in aturan.predikat)
        porsi = Fraction(k, n)
        if orang and aturan.jenis != "minimal_satu":
            batas_orang = _orang(aturan.batas, n)
            if (k <= batas_orang) if aturan.jenis == "maks" else (k >= batas_orang):
                continue
            kata = "maksimal" if aturan.jenis == "maks" else "minimal"
            fakta = f"{k} dari {n} pegawai ({_persen(porsi)}) berpredikat {aturan.nama_predikat}"
            if aturan.jenis == "maks" and batas_orang == 0:
                syarat = f"padahal tidak boleh ada ({_persen(aturan.batas)} dari {n} dibulatkan menjadi 0 orang)"
            else:
                syarat = f"{kata} {_persen(aturan.batas)} dari {n} dibulatkan menjadi {batas_orang} orang"
            pesan = f"Organisasi {organisasi.value}: {fakta}, {syarat}."
            hasil.append(PelanggaranKurva(organisasi, aturan, k, n, batas_orang, pesan))
            continue
        if aturan.jenis == "minimal_satu":
            if k >= 1:
                continue
            batas_orang = 1
            fakta = f"tidak ada pegawai berpredikat {' atau '.join(p.value for p in aturan.predikat)} dari {n} pegawai"
            syarat = "padahal wajib ada minimal satu"
        elif aturan.jenis == "maks":
            if porsi <= aturan.batas:
                continue
            batas_orang = math.floor(aturan.batas * n)
            fakta = f"{k} dari {n} pegawai ({_persen(porsi)}) berpredikat {aturan.nama_predikat}"
            syarat = (
                "padahal tidak boleh ada"
                if aturan.batas == 0
                else f"maksimal {_persen(aturan.batas)} ({batas_orang} orang)"
            )
        else:
            if porsi >= aturan.batas:
                continue
            batas_orang = math.ceil(aturan.batas * n)
            fakta = f"{k} dari {n} pegawai ({_persen(porsi)}) berpredikat {aturan.nama_predikat}"
            syarat = f"minimal {_persen(aturan.batas)} ({batas_orang} orang)"
        pesan = f"Organisasi {organisasi.value}: {fakta}, {syarat}."
        hasil.append(PelanggaranKurva(organisasi, aturan, k, n, batas_orang, pesan))
    return hasil
