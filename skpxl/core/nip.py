"""NIP (nomor induk pegawai) parsing for PNS and PPPK (spec §8).

PNS:  yyyymmdd (lahir) · yyyymm (TMT CPNS) · 1/2 (jenis kelamin) · nnn (nomor urut)
PPPK: yyyymmdd (lahir) · yyyy (TMT) · 2 · f (frekuensi) · 1/2 (jenis kelamin) · nnn
A PNS TMT month is 01–12, so digit 13 is 0 or 1; a '2' there marks a PPPK NIP.
The PPPK layout comes from a single source, so validation only warns on it.

Only ASCII digits make an NIP: full-width (１９…) or Arabic-Indic (١٩…) digits, which some keyboards
and copy-pasted documents produce, are an error with the fix, never a crash; :func:`kunci_nip` folds them
to ASCII so a duplicate written that way is still recognised. What is legal but implausible (serial 000,
PPPK frequency 0, a birth date after the reference date) is a reason in :attr:`NIP.peringatan`.
"""

from __future__ import annotations

import re
import unicodedata
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
    # (kode, alasan) of what is legal but implausible: NIP_NOMOR_URUT_NOL, NIP_PPPK_FREKUENSI_NOL,
    # NIP_LAHIR_SETELAH_ACUAN. Validasi reports each as a warning.
    peringatan: tuple[tuple[str, str], ...] = ()

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


_ASCII = frozenset("0123456789")


def _digit_ascii(teks: str) -> str | None:
    """``teks`` with every Unicode decimal digit (full-width, Arabic-Indic, …) as ASCII; None if not all digits."""
    if teks.isascii() and (teks.isdigit() or not teks):
        return teks  # the common NIP: ASCII digits are their own ASCII form
    hasil = []
    for c in teks:
        d = unicodedata.decimal(c, None)
        if d is None:
            return None
        hasil.append(str(d))
    return "".join(hasil)


def kunci_nip(nilai: object) -> str | None:
    """Comparison key of an NIP as written (duplicates, penilai = pegawai): no spaces or leading apostrophe,
    Unicode decimal digits folded to ASCII. None when empty. Not a validity check."""
    if not isinstance(nilai, str | int) or isinstance(nilai, bool):
        return None
    teks = re.sub(r"\s+", "", str(nilai)).lstrip("'")
    if not teks:
        return None
    return _digit_ascii(teks) or teks


def _tanggal(teks: str) -> date | None:
    try:
        return date(int(teks[0:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        return None


def _format_tanggal(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def parse_nip(nilai: object, *, acuan: date | None = None) -> NIP:
    """Parse a PNS or PPPK NIP; raises :class:`NipSalah` (a ValueError) with an Indonesian reason.

    ``acuan`` is the date a birth date must not be after (the end of the evaluation period; default
    today); a later one is a reason in :attr:`NIP.peringatan`, as are serial 000 and PPPK frequency 0.
    """
    teks = bersihkan_nip(nilai)
    if not set(teks) <= _ASCII:
        ascii_ = _digit_ascii(teks)
        if ascii_ is not None:
            raise NipSalah(
                "NIP_ANGKA_NON_ASCII",
                f"NIP '{teks}' ditulis dengan angka selain angka biasa 0–9 (misalnya angka lebar penuh atau "
                f"angka Arab). Ketik ulang NIP dengan angka biasa: {ascii_}.",
            )
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
    peringatan: list[tuple[str, str]] = []
    if teks[15:18] == "000":
        peringatan.append(
            ("NIP_NOMOR_URUT_NOL", f"Nomor urut pada NIP '{teks}' (digit 16–18) adalah 000, padahal dimulai dari 001.")
        )
    if pppk and teks[13] == "0":
        peringatan.append(
            (
                "NIP_PPPK_FREKUENSI_NOL",
                f"Digit ke-14 NIP PPPK '{teks}' (frekuensi pengadaan) adalah 0, padahal dimulai dari 1.",
            )
        )
    batas = acuan or date.today()
    if lahir > batas:
        kapan = "akhir periode penilaian" if acuan else "hari ini"
        peringatan.append(
            (
                "NIP_LAHIR_SETELAH_ACUAN",
                f"Tanggal lahir pada NIP '{teks}' ({_format_tanggal(lahir)}) jatuh setelah {kapan} "
                f"({_format_tanggal(batas)}).",
            )
        )
    jenis: Literal["PNS", "PPPK"] = "PPPK" if pppk else "PNS"
    return NIP(teks, jenis, lahir, tahun, bulan, kelamin, int(teks[15:18]), tuple(peringatan))
