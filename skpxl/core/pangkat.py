"""Pangkat/golongan ruang of PNS (17 grades) and PPPK golongan I–XVII (spec §8)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skpxl.core.enums import Jenjang


@dataclass(frozen=True)
class Golongan:
    kode: str  # "III/a" for PNS, "IX" for PPPK
    nama: str  # pangkat name, empty for PPPK
    urutan: int  # 1..17

    @property
    def label(self) -> str:
        return f"{self.nama} ({self.kode})" if self.nama else f"Golongan {self.kode} (PPPK)"


_RUANG = "abcde"
_PNS_NAMA = (
    ("I", "Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I"),
    ("II", "Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I"),
    ("III", "Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I"),
    ("IV", "Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama"),
)
GOLONGAN_PNS: tuple[Golongan, ...] = tuple(
    Golongan(f"{gol}/{_RUANG[i]}", nama, 0) for gol, *nama_nama in _PNS_NAMA for i, nama in enumerate(nama_nama)
)
GOLONGAN_PNS = tuple(Golongan(g.kode, g.nama, i) for i, g in enumerate(GOLONGAN_PNS, start=1))
_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
GOLONGAN_PPPK: tuple[Golongan, ...] = tuple(Golongan(r, "", i) for i, r in enumerate(_ROMAWI, start=1))

_KODE_PNS = re.compile(r"\b(IV|III|II|I)\s*[/.\-]?\s*([a-e])\b", re.IGNORECASE)


def _kunci_nama(teks: str) -> str:
    teks = re.sub(r"\btk\.?\s*", "tingkat ", teks.lower())
    return re.sub(r"[^a-z]", "", teks)


def cari_golongan(teks: str | None) -> Golongan | None:
    """Recognise "III/a", "IIIa", "III.a", "Penata Muda Tk. I (III/b)", or PPPK "IX"."""
    if not teks or not teks.strip():
        return None
    s = teks.strip()
    m = _KODE_PNS.search(s)
    if m:
        kode = f"{m.group(1).upper()}/{m.group(2).lower()}"
        return next(g for g in GOLONGAN_PNS if g.kode == kode)
    polos = re.sub(r"(?i)^(golongan|gol\.?)\s*", "", s).strip().upper()
    polos = re.sub(r"\s*\(?PPPK\)?$", "", polos)
    for g in GOLONGAN_PPPK:
        if g.kode == polos:
            return g
    kunci = _kunci_nama(s)
    # Longest name first so "Pembina Utama Muda" is not taken for "Pembina".
    for g in sorted(GOLONGAN_PNS, key=lambda g: -len(g.nama)):
        if _kunci_nama(g.nama) == kunci:
            return g
    return None


def _rentang(awal: str, akhir: str) -> frozenset[str]:
    kode = [g.kode for g in GOLONGAN_PNS]
    return frozenset(kode[kode.index(awal) : kode.index(akhir) + 1])


# Golongan ruang normally held at each JF jenjang (PermenPANRB 1/2023); a mismatch is a warning only.
GOLONGAN_JENJANG: dict[Jenjang, frozenset[str]] = {
    Jenjang.PEMULA: _rentang("II/a", "II/a"),
    Jenjang.TERAMPIL: _rentang("II/b", "II/d"),
    Jenjang.MAHIR: _rentang("III/a", "III/b"),
    Jenjang.PENYELIA: _rentang("III/c", "III/d"),
    Jenjang.AHLI_PERTAMA: _rentang("III/a", "III/b"),
    Jenjang.AHLI_MUDA: _rentang("III/c", "III/d"),
    Jenjang.AHLI_MADYA: _rentang("IV/a", "IV/c"),
    Jenjang.AHLI_UTAMA: _rentang("IV/d", "IV/e"),
}
