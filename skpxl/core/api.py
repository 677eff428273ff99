"""The small, stable public API (re-exported at the package top level).

Every function accepts enum members or any common spelling of a label, numbers as
str/int/float/Decimal, and raises a :class:`ValueError` subclass with an Indonesian
message on bad input.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Arah, Jenjang, Predikat, PredikatOrganisasi, Rating
from skpxl.core.errors import InputTidakValid
from skpxl.core.nip import NIP
from skpxl.core.nip import parse_nip as _parse_nip
from skpxl.core.numbers import dalam_konteks, ke_decimal
from skpxl.core.packs.permenpanrb_6_2022.angka_kredit import hitung_angka_kredit
from skpxl.core.packs.permenpanrb_6_2022.capaian import Target, hitung_capaian
from skpxl.core.packs.permenpanrb_6_2022.kurva import PelanggaranKurva, periksa_kurva
from skpxl.core.packs.permenpanrb_6_2022.predikat import predikat_dari_matriks


def predikat(rating_hasil_kerja: Rating | str, rating_perilaku: Rating | str) -> Predikat:
    """Predikat kinerja pegawai from the matrix of PermenPANRB 6/2022.

    >>> predikat("diatas", "Di  Atas Ekspektasi").value
    'Sangat Baik'
    """
    return predikat_dari_matriks(Rating.dari_teks(rating_hasil_kerja), Rating.dari_teks(rating_perilaku))


@dalam_konteks
def capaian(
    target: object,
    realisasi: object,
    *,
    arah: Arah | str = "normal",
    target_atas: object = None,
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU,
) -> Decimal:
    """Capaian IKI in percent (unrounded; round half-up to 2 places for display).

    >>> capaian(80, 100)
    Decimal('125')
    >>> capaian(12, 10, arah="khusus")
    Decimal('116.6666666666666666666666667')
    """
    t = Target(
        ke_decimal(target, "Target"),
        None if target_atas is None else ke_decimal(target_atas, "Batas atas target"),
    )
    return hitung_capaian(t, ke_decimal(realisasi, "Realisasi"), Arah.dari_teks(arah), konfigurasi)


@dalam_konteks
def angka_kredit(predikat: Predikat | str, jenjang: Jenjang | str, bulan: int = 12) -> Decimal:
    """Angka kredit of a jabatan fungsional for ``bulan`` months, half-up to 2 places.

    >>> angka_kredit("Sangat Baik", "Ahli Pertama")
    Decimal('18.75')
    """
    return hitung_angka_kredit(Predikat.dari_teks(predikat), Jenjang.dari_teks(jenjang), bulan)


@dalam_konteks
def cek_kurva(
    predikat_organisasi: PredikatOrganisasi | str,
    jumlah: Mapping[Predikat, int] | Mapping[str, int],
    *,
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU,
) -> list[PelanggaranKurva]:
    """Violations of the kurva distribusi for a unit (empty list = the unit conforms).

    With ``konfigurasi.kurva_minimal_pegawai`` a smaller unit is not judged and the list is empty too;
    :func:`skpxl.core.packs.permenpanrb_6_2022.kurva.alasan_tidak_dinilai` says so in words.
    """
    org = PredikatOrganisasi.dari_teks(predikat_organisasi)
    hitung: dict[Predikat, int] = {}
    for kunci, n in jumlah.items():
        p = Predikat.dari_teks(kunci)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputTidakValid(f"Jumlah pegawai untuk {p.value} harus bilangan bulat ≥ 0, bukan {n!r}.")
        hitung[p] = hitung.get(p, 0) + n
    return periksa_kurva(org, hitung, konfigurasi)


def parse_nip(nip: object, *, acuan: date | None = None) -> NIP:
    """Parse a PNS or PPPK NIP; raises NipTidakValid (a ValueError) saying what is wrong.

    Legal but implausible parts (serial 000, PPPK frequency 0, a birth date after ``acuan``, default
    today) are listed in ``NIP.peringatan`` as (kode, alasan).
    """
    return _parse_nip(nip, acuan=acuan)
