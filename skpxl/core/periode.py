"""Evaluation periods: codes used in defined names, JSON and the CLI, and their labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from skpxl.core.enums import Periodisasi
from skpxl.core.errors import InputTidakValid

AKHIR = "AKHIR"

_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")  # fmt: skip
_ROMAWI = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Periode:
    """One evaluation period: ``kode`` like "TW1", "S2", "B03" or "AKHIR"."""

    kode: str
    label: str
    bulan_awal: int
    bulan_akhir: int

    @property
    def bulan(self) -> int:
        return self.bulan_akhir - self.bulan_awal + 1

    def tanggal_awal(self, tahun: int) -> date:
        return date(tahun, self.bulan_awal, 1)

    def tanggal_akhir(self, tahun: int) -> date:
        nxt = date(tahun + 1, 1, 1) if self.bulan_akhir == 12 else date(tahun, self.bulan_akhir + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)


PERIODE_AKHIR = Periode(AKHIR, "Akhir (Tahunan)", 1, 12)


@lru_cache(maxsize=8)
def daftar_periode(periodisasi: Periodisasi) -> tuple[Periode, ...]:
    """The periods of a periodisation, in calendar order (AKHIR not included)."""
    if periodisasi is Periodisasi.TRIWULANAN:
        return tuple(Periode(f"TW{i + 1}", f"Triwulan {r}", 3 * i + 1, 3 * i + 3) for i, r in enumerate(_ROMAWI))
    if periodisasi is Periodisasi.SEMESTERAN:
        return (Periode("S1", "Semester I", 1, 6), Periode("S2", "Semester II", 7, 12))
    return tuple(Periode(f"B{i:02d}", b, i, i) for i, b in enumerate(_BULAN, start=1))


@lru_cache(maxsize=1)
def semua_periode() -> tuple[Periode, ...]:
    return (*tuple(p for pz in Periodisasi for p in daftar_periode(pz)), PERIODE_AKHIR)


@lru_cache(maxsize=256)
def cari_periode(teks: str) -> Periode:
    """Resolve what a user types ("tw1", "TW I", "triwulan 2", "s2", "maret", "akhir")."""
    k = re.sub(r"[^A-Z0-9]", "", teks.upper())
    alias = {"TAHUNAN": AKHIR, "ANNUAL": AKHIR}
    for rom, num in (("IV", "4"), ("III", "3"), ("II", "2"), ("I", "1")):
        for pre in ("TW", "TRIWULAN", "S", "SEMESTER"):
            alias[pre + rom] = ("TW" if pre.startswith("T") else "S") + num
    alias.update({f"TRIWULAN{i}": f"TW{i}" for i in range(1, 5)})
    alias.update({f"SEMESTER{i}": f"S{i}" for i in (1, 2)})
    alias.update({b.upper(): f"B{i:02d}" for i, b in enumerate(_BULAN, start=1)})
    alias.update({f"B{i}": f"B{i:02d}" for i in range(1, 10)})
    kode = alias.get(k, k)
    for p in semua_periode():
        if p.kode == kode:
            return p
    contoh = "TW1–TW4, S1–S2, B01–B12 (atau nama bulan), AKHIR"
    raise InputTidakValid(f"Periode '{teks}' tidak dikenal.{_saran(teks)} Gunakan salah satu dari: {contoh}.")


def _saran(teks: str) -> str:
    """`` Mungkin maksud Anda 'TW4'?`` for a near miss of a code or a month name."""
    import difflib  # only on an unknown period: the button path stays lean

    calon = [p.kode for p in semua_periode()] + list(_BULAN)
    mirip = difflib.get_close_matches(teks.strip().lower(), [c.lower() for c in calon], n=1, cutoff=0.6)
    return next((f" Mungkin maksud Anda '{c}'?" for c in calon if mirip and c.lower() == mirip[0]), "")


def periode_atau_none(kode: str) -> Periode | None:
    """The period of an exact code ("TW1"), or None for anything else."""
    return _per_kode().get(kode)


@lru_cache(maxsize=1)
def _per_kode() -> dict[str, Periode]:
    """Code → period (the codes are unique across periodisations, so the first match is the only one)."""
    hasil: dict[str, Periode] = {}
    for p in semua_periode():
        hasil.setdefault(p.kode, p)
    return hasil
