"""Closed lists of the SKP form. Each enum's value is the official label.

``dari_teks`` accepts what people type: any case, extra or missing spaces,
"Diatas" for "Di Atas Ekspektasi", "III.a" for "III/a" and so on. Other *words* people use for an
official label (synonyms, e.g. "Cukup" for "Butuh Perbaikan") are accepted too, but only those in
:data:`SINONIM` (the one table, documented in docs/angka.md); workbooks report each use as Info.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Self, cast

from skpxl.core.errors import InputTidakValid


@lru_cache(maxsize=8192)
def kunci(teks: str) -> str:
    """Comparison key of a label: lower case, letters and digits only (cached: headers repeat in every file)."""
    return re.sub(r"[^a-z0-9]", "", teks.lower())


_PETA: dict[type[Label], tuple[dict[str, Label], dict[str, Label]]] = {}  # Label._peta, per class


class Label(StrEnum):
    """An enum whose value is the label shown to users."""

    @classmethod
    def _alias(cls) -> dict[str, str]:
        """Extra accepted spellings: key → value."""
        return {}

    @classmethod
    def _nama_daftar(cls) -> str:
        return cls.__name__

    @classmethod
    def _peta(cls) -> tuple[dict[str, Self], dict[str, Self]]:
        """(every accepted key → member, synonym key → member), built once per class.

        The lookups run ~100 times per workbook in a batch; a dict replaces the scan of members, aliases and
        :data:`SINONIM`. Keys are added in the order :meth:`cari` used to try them (labels in member order,
        then aliases, then synonyms) and never overwritten, so the first match still wins.
        """
        peta = _PETA.get(cls)
        if peta is None:
            semua: dict[str, Label] = {}
            for anggota in cls:
                semua.setdefault(kunci(anggota.value), anggota)
            for k, nilai in cls._alias().items():
                semua.setdefault(k, cls(nilai))
            sinonim: dict[str, Label] = {}
            for s in SINONIM:
                if s.daftar is cls:
                    sinonim.setdefault(kunci(s.tertulis), cls(s.label))
            for k, sama in sinonim.items():
                semua.setdefault(k, sama)
            semua.pop("", None)  # text without letters or digits matches nothing
            peta = _PETA[cls] = (semua, sinonim)
        return cast("tuple[dict[str, Self], dict[str, Self]]", peta)

    @classmethod
    def sinonim(cls, teks: object) -> Self | None:
        """The member when ``teks`` is one of its synonyms in :data:`SINONIM` (not its label or a spelling)."""
        if not isinstance(teks, str):
            return None
        return cls._peta()[1].get(kunci(teks))

    @classmethod
    def cari(cls, teks: object) -> Self | None:
        """The member for ``teks`` (a member or any spelling of its label), else None."""
        if isinstance(teks, cls):
            return teks
        if not isinstance(teks, str):
            return None
        peta = _PETA.get(cls) or cls._peta()  # the dict read inline: this runs ~100 times per workbook
        return cast("Self | None", peta[0].get(kunci(teks)))

    @classmethod
    def dari_teks(cls, teks: object) -> Self:
        """Like :meth:`cari` but raises InputTidakValid with the allowed labels."""
        m = cls.cari(teks)
        if m is None:
            pilihan = ", ".join(f'"{x.value}"' for x in cls)
            raise InputTidakValid(f"{cls._nama_daftar()} {teks!r} tidak dikenal. Pilihan: {pilihan}.")
        return m

    def __str__(self) -> str:
        return str(self.value)


class Rating(Label):
    DI_ATAS = "Di Atas Ekspektasi"
    SESUAI = "Sesuai Ekspektasi"
    DI_BAWAH = "Di Bawah Ekspektasi"

    @classmethod
    def _alias(cls) -> dict[str, str]:
        return {"diatas": cls.DI_ATAS.value, "atas": cls.DI_ATAS.value, "sesuai": cls.SESUAI.value,
                "dibawah": cls.DI_BAWAH.value, "bawah": cls.DI_BAWAH.value}  # fmt: skip

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Rating"


class Predikat(Label):
    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang/Misconduct"
    SANGAT_KURANG = "Sangat Kurang"

    @classmethod
    def _alias(cls) -> dict[str, str]:
        return {"kurang": cls.KURANG.value, "misconduct": cls.KURANG.value}

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Predikat kinerja"


class PredikatOrganisasi(Label):
    ISTIMEWA = "Istimewa"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Capaian kinerja organisasi"


class Aspek(Label):
    KUANTITAS = "Kuantitas"
    KUALITAS = "Kualitas"
    WAKTU = "Waktu"
    BIAYA = "Biaya"


class Arah(Label):
    """Direction of an IKI: normal = higher is better, khusus = lower is better."""

    NORMAL = "Normal"
    KHUSUS = "Khusus"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Arah"


class JenisRHK(Label):
    UTAMA = "Utama"
    TAMBAHAN = "Tambahan"

    @classmethod
    def _alias(cls) -> dict[str, str]:
        return {"a": cls.UTAMA.value, "autama": cls.UTAMA.value, "b": cls.TAMBAHAN.value,
                "btambahan": cls.TAMBAHAN.value}  # fmt: skip


class JenisJabatan(Label):
    JPT = "JPT"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    PELAKSANA = "Pelaksana"
    FUNGSIONAL = "Fungsional"

    @classmethod
    def _alias(cls) -> dict[str, str]:
        return {"jabatanpimpinantinggi": cls.JPT.value, "jf": cls.FUNGSIONAL.value,
                "jabatanfungsional": cls.FUNGSIONAL.value}  # fmt: skip


class Jenjang(Label):
    """Jenjang jabatan fungsional (keterampilan, then keahlian)."""

    PEMULA = "Pemula"
    TERAMPIL = "Terampil"
    MAHIR = "Mahir"
    PENYELIA = "Penyelia"
    AHLI_PERTAMA = "Ahli Pertama"
    AHLI_MUDA = "Ahli Muda"
    AHLI_MADYA = "Ahli Madya"
    AHLI_UTAMA = "Ahli Utama"


class Pendekatan(Label):
    KUANTITATIF = "Kuantitatif"
    KUALITATIF = "Kualitatif"


class Periodisasi(Label):
    BULANAN = "Bulanan"
    TRIWULANAN = "Triwulanan"
    SEMESTERAN = "Semesteran"


class Tingkat(Label):
    """Severity of a finding."""

    ERROR = "Kesalahan"
    WARNING = "Peringatan"
    INFO = "Info"


class NilaiInti(Label):
    """The 7 BerAKHLAK core values (perilaku kerja)."""

    BERORIENTASI_PELAYANAN = "Berorientasi Pelayanan"
    AKUNTABEL = "Akuntabel"
    KOMPETEN = "Kompeten"
    HARMONIS = "Harmonis"
    LOYAL = "Loyal"
    ADAPTIF = "Adaptif"
    KOLABORATIF = "Kolaboratif"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Perilaku kerja (nilai inti BerAKHLAK)"


@dataclass(frozen=True)
class Sinonim:
    """Another word people write for an official label, and where it comes from."""

    daftar: type[Label]
    tertulis: str  # what people write
    label: str  # the official label it stands for
    sumber: str


# The one table of synonyms (docs/angka.md renders it; a test keeps the two equal). Spelling variants of a
# label ("Diatas", "III.a") are not synonyms and are accepted silently.
SINONIM: tuple[Sinonim, ...] = (
    Sinonim(Predikat, "Cukup", Predikat.BUTUH_PERBAIKAN.value,
            "materi pelatihan dan formulir instansi lama (sebutan sebelum PermenPANRB 6/2022)"),
    Sinonim(PredikatOrganisasi, "Cukup", PredikatOrganisasi.BUTUH_PERBAIKAN.value,
            "materi pelatihan dan formulir instansi lama (sebutan sebelum PermenPANRB 6/2022)"),
)  # fmt: skip


PANDUAN_PERILAKU: dict[NilaiInti, tuple[str, str, str]] = {
    NilaiInti.BERORIENTASI_PELAYANAN: (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ),
    NilaiInti.AKUNTABEL: (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ),
    NilaiInti.KOMPETEN: (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ),
    NilaiInti.HARMONIS: (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ),
    NilaiInti.LOYAL: (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
        "setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    ),
    NilaiInti.ADAPTIF: (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ),
    NilaiInti.KOLABORATIF: (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ),
}
