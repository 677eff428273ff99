"""NIP (nomor induk pegawai) parsing for PNS and PPPK (spec §8).

PNS:  yyyymmdd (lahir) · yyyymm (TMT CPNS) · 1/2 (jenis kelamin) · nnn (nomor urut)
PPPK: yyyymmdd (lahir) · yyyy (TMT) · 2 · f (frekuensi) · 1/2 (jenis kelamin) · nnn
A PNS TMT month is 01–12, so digit 13 is 0 or 1; a '2' there marks a PPPK NIP.
The PPPK layout comes from a single source, so validation only warns on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from skpxl.core.errors import NipTidakValid


class NipSalah(NipTidakValid):
    """NipTidakValid with a stable finding code (e.g. ``NIP_PANJANG``)."""

    def __init__(self, kode: str, pesan: str) -> None:
        super().__init__(pesan)
        self.kode = kode


@dataclass(frozen=True)
class NIP:
    nip: str
    jenis: Literal["PNS", "PPPK"]
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int | None  # PPPK NIPs carry only the year
    jenis_kelamin: Literal["L", "P"]
    nomor_urut: int

    @property
    def tmt(self) -> date:
        """First day of the TMT month (January for PPPK, whose NIP has the year only)."""
        return date(self.tmt_tahun, self.tmt_bulan or 1, 1)

    def usia_saat_tmt(self) -> int:
        """Whole years between birth and TMT."""
        lahir, tmt = self.tanggal_lahir, self.tmt
        return tmt.year - lahir.year - ((tmt.month, tmt.day) < (lahir.month, lahir.day))


_NOTASI_ILMIAH = re.compile(r"^\d([.,]\d+)?[eE]\+?\d+$")


def bersihkan_nip(nilai: object) -> str:
    """The NIP as text without spaces; explains a NIP stored as a number."""
    if isinstance(nilai, bool) or nilai is None:
        raise NipSalah("NIP_KOSONG", "NIP kosong.")
    if isinstance(nilai, float):
        raise NipSalah("NIP_ANGKA", _PESAN_ANGKA.format(nilai=f"{nilai:.15G}"))
    if isinstance(nilai, int):
        teks = str(nilai)
    elif isinstance(nilai, str):
        teks = re.sub(r"\s+", "", nilai).lstrip("'")
    else:
        raise NipSalah("NIP_BUKAN_ANGKA", f"NIP harus berupa teks 18 digit, bukan {type(nilai).__name__}.")
    if not teks:
        raise NipSalah("NIP_KOSONG", "NIP kosong.")
    if _NOTASI_ILMIAH.match(teks):
        raise NipSalah("NIP_ANGKA", _PESAN_ANGKA.format(nilai=teks))
    return teks


_PESAN_ANGKA = (
    "NIP tersimpan sebagai angka ({nilai}) sehingga digit terakhirnya hilang. Ubah format sel menjadi Teks "
    "(Format Cells → Text) lalu ketik ulang ke-18 digit NIP, atau awali dengan tanda petik (')."
)


def _tanggal(teks: str) -> date | None:
    try:
        return date(int(teks[0:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        return None


def parse_nip(nilai: object) -> NIP:
    """Parse a PNS or PPPK NIP; raises :class:`NipSalah` (a ValueError) with an Indonesian reason."""
    teks = bersihkan_nip(nilai)
    if not teks.isdigit():
        raise NipSalah("NIP_BUKAN_ANGKA", f"NIP '{teks}' mengandung karakter selain angka; NIP hanya berisi 18 digit.")
    if len(teks) != 18:
        raise NipSalah("NIP_PANJANG", f"NIP '{teks}' terdiri atas {len(teks)} digit; NIP harus tepat 18 digit.")
    lahir = _tanggal(teks[0:8])
    if lahir is None:
        raise NipSalah(
            "NIP_TANGGAL_LAHIR",
            f"Digit 1–8 NIP '{teks}' ({teks[0:8]}) bukan tanggal lahir yang sah (format yyyymmdd).",
        )
    pppk = teks[12] == "2"
    kelamin_digit = teks[14]
    if kelamin_digit not in "12":
        raise NipSalah(
            "NIP_JENIS_KELAMIN",
            f"Digit ke-15 NIP '{teks}' adalah {kelamin_digit}; harus 1 (laki-laki) atau 2 (perempuan).",
        )
    kelamin: Literal["L", "P"] = "L" if kelamin_digit == "1" else "P"
    tahun = int(teks[8:12])
    if pppk:
        bulan = None
    else:
        bulan = int(teks[12:14])
        if not 1 <= bulan <= 12:
            raise NipSalah(
                "NIP_TMT", f"Digit 9–14 NIP '{teks}' ({teks[8:14]}) bukan TMT CPNS yang sah (format yyyymm)."
            )
    if tahun < lahir.year:
        raise NipSalah("NIP_TMT", f"TMT pada NIP '{teks}' ({tahun}) lebih awal dari tahun lahir ({lahir.year}).")
    return NIP(teks, "PPPK" if pppk else "PNS", lahir, tahun, bulan, kelamin, int(teks[15:18]))
