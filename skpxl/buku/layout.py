"""The SKP template layout: the one place that says where everything is.

Everything code reads or writes in an SKP workbook is reached through a
**workbook-scoped defined name** (or, inside a table region, through the header
text of a column). The template builder, every adapter, ``form_io`` and the
messages' cell addresses all take their positions from here; nothing else in
skpxl hard-codes a coordinate. ``docs/layout.md`` is generated from this module
by :func:`dokumentasi` (a test keeps it up to date).

Naming scheme
-------------
* Names for the annual evaluation (AKHIR) carry no suffix: ``RATING_HASIL_KERJA``.
* Per-period names append ``_<kode>`` with the period code of
  :mod:`skpxl.core.periode`: ``RATING_HASIL_KERJA_TW1``, ``PREDIKAT_S2``,
  ``TABEL_EVALUASI_B03``. ``_AKHIR`` is never used as a suffix, so
  ``PERIODE_AKHIR`` is the end date of the assessment period, not a period.
* ``TABEL_*`` / ``LAMPIRAN_*`` / column names (``CAPAIAN_IKI`` ...) are regions whose
  **first row is the header row**; the body follows. Excel grows a name when rows
  are inserted strictly inside it, so a user inserting rows inside a table keeps
  the contract intact. Readers find columns by header text within the first row.
* Rows of an evaluation table are aligned with the rows of ``TABEL_HASIL_KERJA``
  by position: body row *k* of ``TABEL_EVALUASI_TW1`` evaluates body row *k* of
  the HASIL KERJA table.

This module is pure (no openpyxl / xlsxwriter / xlwings / pandas): it is imported
on the button path and by the pure ``form_io``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from skpxl.core.enums import (
    PANDUAN_PERILAKU,
    Arah,
    Aspek,
    JenisJabatan,
    JenisRHK,
    Jenjang,
    NilaiInti,
    Pendekatan,
    Periodisasi,
    Predikat,
    PredikatOrganisasi,
    Rating,
    Tingkat,
    kunci,
)
from skpxl.core.packs.permenpanrb_6_2022 import INFO as _PAKET
from skpxl.core.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK
from skpxl.core.periode import AKHIR, PERIODE_AKHIR, Periode, daftar_periode, semua_periode

# --------------------------------------------------------------------------- identity

TEMPLATE_ID = "skpxl-skp"
TEMPLATE_VERSI = "1.0"
PAKET_ATURAN_ID = _PAKET.id
PAKET_ATURAN_VERSI = _PAKET.versi
TAHUN_CONTOH = 2026  # the year in the committed templates' file names

# --------------------------------------------------------------------------- sheets

LEMBAR_SKP = "SKP"
LEMBAR_DOKUMEN = "DOKUMEN EVALUASI"
LEMBAR_DOKUMEN_F4 = "DOKUMEN EVALUASI F4"
LEMBAR_META = "_SKPXL"
LEMBAR_HASIL_VALIDASI = "Hasil Validasi"  # created and refreshed by Validasi, not part of the template

KOLOM_HASIL_VALIDASI = ("NO", "TINGKAT", "KODE", "LEMBAR", "SEL", "NILAI", "PESAN")


def lembar_evaluasi(periode: Periode) -> str:
    """Sheet name of a period's evaluation: "EVALUASI TRIWULAN I", "EVALUASI JANUARI", "EVALUASI AKHIR"."""
    if periode.kode == AKHIR:
        return "EVALUASI AKHIR"
    return f"EVALUASI {periode.label.upper()}"


# --------------------------------------------------------------------------- colours


class Peran(StrEnum):
    """What a cell is for; decides its colour and whether it is locked."""

    ISIAN = "isian"  # typed by the user (unlocked, yellow)
    HITUNG = "hitung"  # written by skpxl Hitung (locked, blue)
    CERMIN = "cermin"  # a formula showing a value kept elsewhere (locked, grey)
    LABEL = "label"  # fixed text of the form (locked)
    META = "meta"  # template metadata (hidden sheet)


WARNA_ISIAN = "#FFF2CC"
WARNA_HITUNG = "#DDEBF7"
WARNA_CERMIN = "#F2F2F2"
WARNA_JUDUL_KOLOM = "#D9D9D9"
WARNA_PENANDA = "#EDEDED"  # the "A. UTAMA" / "B. TAMBAHAN" rows

WARNA_DASAR: dict[Peran, str | None] = {
    Peran.ISIAN: WARNA_ISIAN,
    Peran.HITUNG: WARNA_HITUNG,
    Peran.CERMIN: WARNA_CERMIN,
    Peran.LABEL: None,
    Peran.META: None,
}
"""Base fill of a cell by role: what a cleared finding highlight goes back to (``None`` = no fill)."""

WARNA_TEMUAN: dict[Tingkat, str] = {
    Tingkat.ERROR: "#FF9B9B",
    Tingkat.WARNING: "#FFD966",
    Tingkat.INFO: "#C6E0B4",
}
"""Fill of a cell that a finding points at, by severity."""


def warna_dasar(peran: Peran) -> str | None:
    return WARNA_DASAR[peran]


# --------------------------------------------------------------------------- A1 helpers

_SEL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=16384)  # addresses repeat in every workbook of a batch
def huruf_kolom(c0: int) -> str:
    """0-based column index → letters ("A", "AA")."""
    if c0 < 0:
        raise ValueError(c0)
    s = ""
    n = c0 + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def indeks_kolom(huruf: str) -> int:
    """Letters → 0-based column index."""
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@lru_cache(maxsize=16384)
def sel(r0: int, c0: int) -> str:
    """0-based (row, col) → "A1"."""
    return f"{huruf_kolom(c0)}{r0 + 1}"


def rentang(r0: int, c0: int, r1: int, c1: int) -> str:
    """0-based corners → "A1:C5" (or "A1" when it is a single cell)."""
    a, b = sel(r0, c0), sel(r1, c1)
    return a if a == b else f"{a}:{b}"


@lru_cache(maxsize=16384)
def urai_sel(ref: str) -> tuple[int, int]:
    """ "A1" / "$A$1" → 0-based (row, col)."""
    m = _SEL.match(ref.strip().upper())
    if not m:
        raise ValueError(f"bukan alamat sel: {ref!r}")
    return int(m.group(2)) - 1, indeks_kolom(m.group(1))


@lru_cache(maxsize=16384)
def urai_rentang(ref: str) -> tuple[int, int, int, int]:
    """ "A1:C5" (or "A1") → 0-based (r0, c0, r1, c1), normalised so r0 ≤ r1 and c0 ≤ c1."""
    bagian = ref.split(":")
    if len(bagian) > 2:
        raise ValueError(f"bukan rentang: {ref!r}")
    r0, c0 = urai_sel(bagian[0])
    r1, c1 = urai_sel(bagian[-1])
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


def kutip_lembar(lembar: str) -> str:
    """Sheet name as Excel writes it in a reference: quoted when it is not a plain word."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", lembar) and not _SEL.match(lembar.upper()):
        return lembar
    return "'" + lembar.replace("'", "''") + "'"


def rujukan_excel(lembar: str, ref: str) -> str:
    """("EVALUASI AKHIR", "A1:C5") → "'EVALUASI AKHIR'!$A$1:$C$5" (a defined name's target)."""
    r0, c0, r1, c1 = urai_rentang(ref)
    a = f"${huruf_kolom(c0)}${r0 + 1}"
    b = f"${huruf_kolom(c1)}${r1 + 1}"
    return f"{kutip_lembar(lembar)}!{a}" + ("" if a == b else f":{b}")


_RUJUKAN = re.compile(r"^=?\s*(?:'((?:[^']|'')+)'|([^'!:]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*$")


@lru_cache(maxsize=16384)
def urai_rujukan_excel(teks: str) -> tuple[str, str] | None:
    """ "'EVALUASI AKHIR'!$A$1:$C$5" → ("EVALUASI AKHIR", "A1:C5"); None when it is not one simple area."""
    m = _RUJUKAN.match(teks)
    if not m:
        return None
    lembar = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
    r0, c0, r1, c1 = urai_rentang(m.group(3).replace("$", ""))
    return lembar, rentang(r0, c0, r1, c1)


def alamat(lembar: str, ref: str) -> str:
    """Address used in ``sel`` maps and findings: "SKP!G23", "EVALUASI AKHIR!F13" (never quoted)."""
    return f"{lembar}!{ref}"


def pisah_alamat(teks: str) -> tuple[str, str]:
    """ "EVALUASI AKHIR!F13" → ("EVALUASI AKHIR", "F13") (split at the last "!")."""
    lembar, _, ref = teks.rpartition("!")
    if len(lembar) >= 2 and lembar[0] == lembar[-1] == "'":
        lembar = lembar[1:-1].replace("''", "'")
    return lembar, ref


def tautan_internal(lembar: str, ref: str) -> str:
    """Hyperlink location inside the workbook: "'EVALUASI AKHIR'!F13"."""
    return f"{kutip_lembar(lembar)}!{ref}"


# --------------------------------------------------------------------------- names


def nama(dasar: str, kode: str = AKHIR) -> str:
    """Defined name of ``dasar`` for period ``kode``: AKHIR → ``dasar``, else ``dasar_<kode>``."""
    return dasar if kode == AKHIR else f"{dasar}_{kode}"


KODE_PERIODE: tuple[str, ...] = tuple(p.kode for p in semua_periode() if p.kode != AKHIR)


def uraikan_nama(n: str) -> tuple[str, str]:
    """``RATING_HASIL_KERJA_TW1`` → ("RATING_HASIL_KERJA", "TW1"); no period suffix → (n, "AKHIR")."""
    dasar, _, akhiran = n.rpartition("_")
    if dasar and akhiran in KODE_PERIODE:
        return dasar, akhiran
    return n, AKHIR


@dataclass(frozen=True)
class Nama:
    """One workbook-scoped defined name of the contract."""

    nama: str
    lembar: str
    ref: str  # "C9" or "A23:J55", no "$"
    peran: Peran
    keterangan: str
    kode: str | None = None  # period code for per-period names (AKHIR included); None for global ones
    gabung: str | None = None  # merged area of a single-cell value ("C9:E9"), cosmetic
    label: str | None = None  # the printed label next to the value
    label_ref: str | None = None  # where the label goes ("A9:B9")
    format: str | None = (
        None  # "teks" (NIP), "tanggal", "panjang" (wrapped), "angka" (2 decimals), "ttd" (signature line)
    )
    daftar: str | None = None  # DAFTAR_* list for a dropdown

    @property
    def rujukan(self) -> str:
        return rujukan_excel(self.lembar, self.ref)

    @property
    def dasar(self) -> str:
        return uraikan_nama(self.nama)[0] if self.kode is not None else self.nama


# --------------------------------------------------------------------------- table columns


@dataclass(frozen=True)
class Kolom:
    """A column of a table region, found by its header text."""

    kunci: str  # model field key
    judul: str  # header text the builder writes
    peran: Peran
    lebar: float = 12  # width of the sheet column(s) for the builder
    alias: tuple[str, ...] = ()  # other header texts readers accept
    rentang: int = 1  # number of sheet columns it spans (merged)
    daftar: str | None = None
    format: str | None = None
    sumber: str | None = None  # for CERMIN columns: the HASIL KERJA column key it shows
    nama_kolom: str | None = None  # base defined name of the column (computed outputs)

    def cocok(self, judul: object) -> bool:
        if not isinstance(judul, str):
            return False
        k = kunci(judul)
        return bool(k) and (k == kunci(self.judul) or any(k == kunci(a) for a in self.alias))


KOLOM_HASIL_KERJA: tuple[Kolom, ...] = (
    Kolom("no", "NO", Peran.ISIAN, 5, ("NOMOR", "NO.")),
    Kolom(
        "jenis",
        "JENIS",
        Peran.ISIAN,
        11,
        ("JENIS RHK", "UTAMA/TAMBAHAN", "JENIS (UTAMA/TAMBAHAN)"),
        daftar="DAFTAR_JENIS_RHK",
    ),
    Kolom(
        "rhk_atasan",
        "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
        Peran.ISIAN,
        23,
        (
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RHK ATASAN YANG DIINTERVENSI",
            "RHK ATASAN",
            "RENCANA HASIL KERJA PIMPINAN/ATASAN YANG DIINTERVENSI",
        ),
        format="panjang",
    ),
    Kolom(
        "perspektif", "PERSPEKTIF", Peran.ISIAN, 12, ("PERSPEKTIF (JPT)", "PERSPEKTIF (KHUSUS JPT)"), format="panjang"
    ),
    Kolom("teks", "RENCANA HASIL KERJA", Peran.ISIAN, 24, ("RHK", "RENCANA HASIL KERJA (RHK)"), format="panjang"),
    Kolom("aspek", "ASPEK", Peran.ISIAN, 13, daftar="DAFTAR_ASPEK"),
    Kolom(
        "iki",
        "INDIKATOR KINERJA INDIVIDU",
        Peran.ISIAN,
        25,
        ("IKI", "INDIKATOR KINERJA INDIVIDU (IKI)"),
        format="panjang",
    ),
    Kolom("target", "TARGET", Peran.ISIAN, 9, format="target"),
    Kolom("satuan", "SATUAN", Peran.ISIAN, 11, ("SATUAN TARGET",), format="panjang"),
    Kolom("arah", "ARAH", Peran.ISIAN, 9, ("ARAH (NORMAL/KHUSUS)", "ARAH CAPAIAN"), daftar="DAFTAR_ARAH"),
)

KOLOM_EVALUASI: tuple[Kolom, ...] = (
    Kolom("no", "NO", Peran.CERMIN, 4, sumber="no"),
    Kolom("rhk", "RENCANA HASIL KERJA", Peran.CERMIN, 16, ("RHK",), format="panjang", sumber="teks"),
    Kolom("aspek", "ASPEK", Peran.CERMIN, 9, sumber="aspek"),
    Kolom("iki", "INDIKATOR KINERJA INDIVIDU", Peran.CERMIN, 17, ("IKI",), format="panjang", sumber="iki"),
    Kolom("target", "TARGET", Peran.CERMIN, 9, format="panjang", sumber="target"),
    Kolom(
        "realisasi",
        "REALISASI",
        Peran.ISIAN,
        11,
        ("REALISASI BERDASARKAN BUKTI DUKUNG", "REALISASI (BERDASARKAN BUKTI DUKUNG)"),
        format="target",
    ),
    Kolom("bukti_dukung", "BUKTI DUKUNG", Peran.ISIAN, 13, format="panjang"),
    Kolom(
        "umpan_balik",
        "UMPAN BALIK BERKELANJUTAN",
        Peran.ISIAN,
        17,
        ("UMPAN BALIK", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"),
        format="panjang",
    ),
    Kolom("kategori", "PENILAIAN KUALITATIF", Peran.ISIAN, 12, ("KATEGORI KUALITATIF",), daftar="DAFTAR_RATING"),
    Kolom("capaian", "CAPAIAN (%)", Peran.HITUNG, 9, ("CAPAIAN",), format="angka", nama_kolom="CAPAIAN_IKI"),
    Kolom("kategori_iki", "KATEGORI IKI", Peran.HITUNG, 10, format="panjang", nama_kolom="KATEGORI_IKI"),
    Kolom("kategori_rhk", "KATEGORI RHK", Peran.HITUNG, 10, format="panjang", nama_kolom="KATEGORI_RHK"),
    Kolom("penjelasan", "PENJELASAN", Peran.HITUNG, 15, format="panjang", nama_kolom="PENJELASAN_CAPAIAN"),
)

KOLOM_PERILAKU: tuple[Kolom, ...] = (
    Kolom("no", "NO", Peran.LABEL, 6),
    Kolom(
        "nilai_inti",
        "PERILAKU KERJA",
        Peran.LABEL,
        0,
        ("NILAI INTI", "CORE VALUES", "NILAI INTI BERAKHLAK"),
        rentang=3,
        format="panjang",
    ),
    Kolom("panduan", "PANDUAN PERILAKU", Peran.LABEL, 0, ("PANDUAN",), rentang=3, format="panjang"),
    Kolom(
        "ekspektasi_khusus",
        "EKSPEKTASI KHUSUS PIMPINAN",
        Peran.ISIAN,
        0,
        ("EKSPEKTASI KHUSUS",),
        rentang=3,
        format="panjang",
    ),
)

KOLOM_UMPAN_BALIK_PERILAKU: tuple[Kolom, ...] = (
    Kolom("no", "NO", Peran.LABEL, 0),
    Kolom("nilai_inti", "PERILAKU KERJA", Peran.LABEL, 0, ("NILAI INTI",), format="panjang"),
    Kolom("ekspektasi_khusus", "EKSPEKTASI KHUSUS PIMPINAN", Peran.CERMIN, 0, rentang=3, format="panjang"),
    Kolom("umpan_balik", "UMPAN BALIK BERKELANJUTAN", Peran.ISIAN, 0, ("UMPAN BALIK",), rentang=3, format="panjang"),
    Kolom("rating", "RATING", Peran.ISIAN, 0, ("RATING PER NILAI", "RATING PERILAKU"), daftar="DAFTAR_RATING"),
)

PENANDA_UTAMA = "A. UTAMA"
PENANDA_TAMBAHAN = "B. TAMBAHAN"


def jenis_penanda(nilai: object) -> JenisRHK | None:
    """The section a marker cell opens ("A. UTAMA", "B. Tambahan", "UTAMA"), else None."""
    if not isinstance(nilai, str):
        return None
    k = kunci(nilai)
    if k in ("autama", "utama", "hasilkerjautama", "ahasilkerjautama", "rhkutama"):
        return JenisRHK.UTAMA
    if k in ("btambahan", "tambahan", "hasilkerjatambahan", "bhasilkerjatambahan", "rhktambahan"):
        return JenisRHK.TAMBAHAN
    return None


def posisi_kolom(kolom: tuple[Kolom, ...], c_awal: int = 0) -> dict[str, int]:
    """0-based sheet column of each column key (columns spanning several sheet columns counted)."""
    hasil: dict[str, int] = {}
    c = c_awal
    for k in kolom:
        hasil[k.kunci] = c
        c += k.rentang
    return hasil


def lebar_tabel(kolom: tuple[Kolom, ...]) -> int:
    return sum(k.rentang for k in kolom)


# --------------------------------------------------------------------------- closed lists


def _daftar() -> dict[str, tuple[str, ...]]:
    return {
        "DAFTAR_ASPEK": tuple(a.value for a in Aspek),
        "DAFTAR_RATING": tuple(r.value for r in Rating),
        "DAFTAR_PREDIKAT": tuple(p.value for p in Predikat),
        "DAFTAR_PREDIKAT_ORGANISASI": tuple(p.value for p in PredikatOrganisasi),
        "DAFTAR_JENIS_JABATAN": tuple(j.value for j in JenisJabatan),
        "DAFTAR_JENJANG": tuple(j.value for j in Jenjang),
        "DAFTAR_PANGKAT": tuple(g.label for g in GOLONGAN_PNS) + tuple(g.label for g in GOLONGAN_PPPK),
        "DAFTAR_JENIS_RHK": tuple(j.value for j in JenisRHK),
        "DAFTAR_ARAH": tuple(a.value for a in Arah),
        "DAFTAR_PENDEKATAN": tuple(p.value for p in Pendekatan),
        "DAFTAR_PERIODISASI": tuple(p.value for p in Periodisasi),
    }


DAFTAR: dict[str, tuple[str, ...]] = _daftar()
"""The closed lists offered as dropdowns (kept on the hidden metadata sheet)."""

DAFTAR_KETAT = frozenset(DAFTAR) - {"DAFTAR_PANGKAT"}
"""Lists whose dropdown rejects other text; pangkat only warns (many spellings are in use)."""

# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Tulisan:
    """A fixed text of the form. ``gaya``: judul, subjudul, kepala, label, nomor, catatan, penanda."""

    lembar: str
    ref: str  # top-left cell or merged range
    teks: str
    gaya: str


@dataclass(frozen=True)
class Cermin:
    """A cell that shows other cells' values by formula (texts joined by a space, after ``awalan``)."""

    lembar: str
    ref: str  # top-left cell or merged range
    sumber: tuple[str, ...]  # defined names
    awalan: str = ""
    gaya: str = "cermin"


@dataclass(frozen=True)
class Tombol:
    """Where a macro button goes (used by the .xlsm build)."""

    lembar: str
    sel: str
    teks: str
    makro: str
    lebar: int = 96
    tinggi: int = 30


@dataclass(frozen=True)
class Rancangan:
    """The complete layout of one template variant."""

    periodisasi: Periodisasi
    periode: tuple[Periode, ...]  # the periods with an evaluation sheet, AKHIR last
    baris_utama: int
    baris_tambahan: int
    baris_lampiran: int
    nama: dict[str, Nama]
    tulisan: tuple[Tulisan, ...]
    cermin: tuple[Cermin, ...]
    lebar_kolom: dict[str, tuple[float, ...]]  # sheet → column widths
    cetak: dict[str, str]  # sheet → print area
    tombol: tuple[Tombol, ...] = field(default=())

    @property
    def lembar(self) -> tuple[str, ...]:
        """Sheet order of the workbook."""
        evaluasi = tuple(lembar_evaluasi(p) for p in self.periode)
        return (LEMBAR_SKP, *evaluasi, LEMBAR_DOKUMEN, LEMBAR_DOKUMEN_F4, LEMBAR_META)

    @property
    def baris_tabel(self) -> int:
        """Body rows of the HASIL KERJA table (and of every evaluation table): markers included."""
        return 2 + self.baris_utama + self.baris_tambahan

    def nama_periode(self, kode: str) -> list[Nama]:
        return [n for n in self.nama.values() if n.kode == kode]

    def isi_statis(self) -> Iterator[tuple[str, int, int, str]]:
        """(sheet, row, col, text) of every fixed text code relies on or the form shows."""
        for t in self.tulisan:
            r0, c0, _, _ = urai_rentang(t.ref)
            yield t.lembar, r0, c0, t.teks
        for n in self.nama.values():
            if n.label and n.label_ref:
                r0, c0, _, _ = urai_rentang(n.label_ref)
                yield n.lembar, r0, c0, n.label


BARIS_UTAMA = 20
BARIS_TAMBAHAN = 10
BARIS_LAMPIRAN = 5
BARIS_PERILAKU = len(NilaiInti)

IDENTITAS = (
    ("nama", "NAMA", None),
    ("nip", "NIP", "teks"),
    ("pangkat", "PANGKAT/GOL. RUANG", None),
    ("jabatan", "JABATAN", "panjang"),
    ("unit_kerja", "UNIT KERJA", "panjang"),
)
_KETERANGAN_IDENTITAS = {
    "nama": "Name",
    "nip": "NIP (a text cell: 18 digits for PNS)",
    "pangkat": "Pangkat/golongan ruang",
    "jabatan": "Jabatan",
    "unit_kerja": "Unit kerja",
}
PIHAK = (
    ("pegawai", "PEGAWAI", "PEGAWAI YANG DINILAI"),
    ("penilai", "PENILAI", "PEJABAT PENILAI KINERJA"),
    ("atasan_penilai", "ATASAN_PENILAI", "ATASAN PEJABAT PENILAI KINERJA"),
)

PETUNJUK = (
    "PETUNJUK: isi sel berwarna kuning. Sel biru diisi oleh skpxl (tombol Hitung atau perintah "
    "'skpxl hitung'); sel abu-abu mengambil isi dari bagian lain. Untuk menambah baris IKI, sisipkan "
    "baris di tengah tabel HASIL KERJA (bukan di bawah baris terakhirnya) dan, pada posisi yang sama, di "
    "setiap lembar EVALUASI: pilih semua lembar itu sekaligus (Ctrl+klik tab) lalu sisipkan baris."
)


def _label_nilai(
    hasil: dict[str, Nama],
    n: str,
    lembar: str,
    r: int,
    c_label: tuple[int, int],
    c_nilai: tuple[int, int],
    label: str,
    peran: Peran,
    keterangan: str,
    *,
    kode: str | None = None,
    format: str | None = None,
    daftar: str | None = None,
) -> None:
    hasil[n] = Nama(
        n,
        lembar,
        sel(r, c_nilai[0]),
        peran,
        keterangan,
        kode=kode,
        gabung=rentang(r, c_nilai[0], r, c_nilai[1]) if c_nilai[1] > c_nilai[0] else None,
        label=label,
        label_ref=rentang(r, c_label[0], r, c_label[1]),
        format=format,
        daftar=daftar,
    )


def _skp(
    hasil: dict[str, Nama], tulisan: list[Tulisan], cermin: list[Cermin], u: int, t: int, lamp: int
) -> tuple[int, int]:
    """Lay out the SKP sheet; returns (header row of HASIL KERJA, last used row)."""
    L = LEMBAR_SKP
    lebar = lebar_tabel(KOLOM_HASIL_KERJA)  # 10 columns A..J
    kanan = lebar - 1
    tulisan.append(Tulisan(L, rentang(0, 0, 0, kanan), "SASARAN KINERJA PEGAWAI", "judul"))
    tulisan.append(
        Tulisan(
            L,
            rentang(1, 0, 1, kanan),
            "Sel kuning: isian · Sel biru: dihitung skpxl · Sel abu-abu: otomatis",
            "catatan",
        )
    )
    kiri_label, kiri_nilai = (0, 1), (2, 4)
    kanan_label, kanan_nilai = (5, 5), (6, 6)
    umum_kiri = (
        ("INSTANSI", "INSTANSI", "Instansi (pemerintah daerah / kementerian / lembaga).", None, None),
        ("UNIT_KERJA", "UNIT KERJA", "Unit kerja of the form header (the unit the SKP belongs to).", "panjang", None),
        ("JENIS_JABATAN", "JENIS JABATAN", "JPT / Administrator / Pengawas / Pelaksana / Fungsional.", None,
         "DAFTAR_JENIS_JABATAN"),
        ("JENJANG", "JENJANG (JF)", "Jenjang of a jabatan fungsional (Ahli Pertama, Terampil, ...).", None,
         "DAFTAR_JENJANG"),
    )  # fmt: skip
    umum_kanan = (
        ("PERIODE_AWAL", "PERIODE AWAL", "Start date of the assessment period (a date).", "tanggal", None),
        ("PERIODE_AKHIR", "PERIODE AKHIR", "End date of the assessment period (a date).", "tanggal", None),
        ("PERIODISASI", "PERIODISASI", "Bulanan / Triwulanan / Semesteran.", None, "DAFTAR_PERIODISASI"),
        ("PENDEKATAN", "PENDEKATAN", "Kuantitatif / Kualitatif.", None, "DAFTAR_PENDEKATAN"),
    )
    for i, (n, label, ket, fmt, daftar) in enumerate(umum_kiri):
        _label_nilai(hasil, n, L, 2 + i, kiri_label, kiri_nilai, label, Peran.ISIAN, ket, format=fmt, daftar=daftar)
    for i, (n, label, ket, fmt, daftar) in enumerate(umum_kanan):
        _label_nilai(hasil, n, L, 2 + i, kanan_label, kanan_nilai, label, Peran.ISIAN, ket, format=fmt, daftar=daftar)

    # Identity blocks: pegawai (left) and penilai (right) from row 8, atasan penilai below the pegawai.
    blok = {"pegawai": (7, 0), "penilai": (7, 5), "atasan_penilai": (14, 0)}
    for pihak, akhiran, judul in PIHAK:
        r_kepala, c = blok[pihak]
        if c == 0:
            tulisan.append(Tulisan(L, sel(r_kepala, 0), "NO", "kepala"))
            tulisan.append(Tulisan(L, rentang(r_kepala, 1, r_kepala, 4), judul, "kepala"))
            c_label, c_nilai = (1, 1), (2, 4)
        else:
            tulisan.append(Tulisan(L, rentang(r_kepala, 5, r_kepala, kanan), judul, "kepala"))
            c_label, c_nilai = (5, 5), (6, kanan)
        for i, (kunci_id, label, fmt) in enumerate(IDENTITAS):
            r = r_kepala + 1 + i
            if c == 0:
                tulisan.append(Tulisan(L, sel(r, 0), str(i + 1), "nomor"))
            n = f"{kunci_id.upper()}_{akhiran}"
            ket = f"{_KETERANGAN_IDENTITAS[kunci_id]} of the {judul.lower()}."
            daftar = "DAFTAR_PANGKAT" if kunci_id == "pangkat" else None
            _label_nilai(hasil, n, L, r, c_label, c_nilai, label, Peran.ISIAN, ket, format=fmt, daftar=daftar)
    tulisan.append(Tulisan(L, rentang(14, 5, 19, kanan), PETUNJUK, "petunjuk"))

    # HASIL KERJA
    r_judul = 21
    tulisan.append(Tulisan(L, rentang(r_judul, 0, r_judul, kanan), "HASIL KERJA", "subjudul"))
    h = r_judul + 1
    akhir = h + 2 + u + t
    hasil["TABEL_HASIL_KERJA"] = Nama(
        "TABEL_HASIL_KERJA",
        L,
        rentang(h, 0, akhir, kanan),
        Peran.ISIAN,
        "HASIL KERJA table: header row, then one row per IKI; section rows 'A. UTAMA' / 'B. TAMBAHAN' in NO. "
        "An RHK spans its IKI rows: RHK-level cells are filled on its first row only.",
    )
    for c, k in enumerate(KOLOM_HASIL_KERJA):
        tulisan.append(Tulisan(L, sel(h, c), k.judul, "kepala"))
    tulisan.append(Tulisan(L, sel(h + 1, 0), PENANDA_UTAMA, "penanda"))
    tulisan.append(Tulisan(L, sel(h + 2 + u, 0), PENANDA_TAMBAHAN, "penanda"))

    # PERILAKU KERJA
    r_judul = akhir + 2
    tulisan.append(Tulisan(L, rentang(r_judul, 0, r_judul, kanan), "PERILAKU KERJA", "subjudul"))
    h = r_judul + 1
    hasil["TABEL_PERILAKU"] = Nama(
        "TABEL_PERILAKU",
        L,
        rentang(h, 0, h + BARIS_PERILAKU, kanan),
        Peran.ISIAN,
        "PERILAKU KERJA: header row, then the 7 BerAKHLAK core values with panduan (one per line) and the "
        "leader's specific expectation.",
    )
    pos = posisi_kolom(KOLOM_PERILAKU)
    for k in KOLOM_PERILAKU:
        c = pos[k.kunci]
        tulisan.append(Tulisan(L, rentang(h, c, h, c + k.rentang - 1), k.judul, "kepala"))
    for i, nilai in enumerate(NilaiInti):
        r = h + 1 + i
        tulisan.append(Tulisan(L, sel(r, pos["no"]), str(i + 1), "nomor"))
        tulisan.append(Tulisan(L, rentang(r, pos["nilai_inti"], r, pos["nilai_inti"] + 2), nilai.value, "label"))
        tulisan.append(
            Tulisan(L, rentang(r, pos["panduan"], r, pos["panduan"] + 2), "\n".join(PANDUAN_PERILAKU[nilai]), "panduan")
        )
    r_ttd = h + BARIS_PERILAKU + 2
    tulisan.append(Tulisan(L, rentang(r_ttd, 1, r_ttd, 3), "Pegawai yang Dinilai", "tengah"))
    tulisan.append(Tulisan(L, rentang(r_ttd, 7, r_ttd, 9), "Pejabat Penilai Kinerja", "tengah"))
    cermin.append(Cermin(L, rentang(r_ttd + 4, 1, r_ttd + 4, 3), ("NAMA_PEGAWAI",), gaya="ttd_nama"))
    cermin.append(Cermin(L, rentang(r_ttd + 4, 7, r_ttd + 4, 9), ("NAMA_PENILAI",), gaya="ttd_nama"))
    cermin.append(Cermin(L, rentang(r_ttd + 5, 1, r_ttd + 5, 3), ("NIP_PEGAWAI",), "NIP. ", gaya="ttd"))
    cermin.append(Cermin(L, rentang(r_ttd + 5, 7, r_ttd + 5, 9), ("NIP_PENILAI",), "NIP. ", gaya="ttd"))

    # LAMPIRAN
    r = r_ttd + 7
    tulisan.append(Tulisan(L, rentang(r, 0, r, kanan), "LAMPIRAN SASARAN KINERJA PEGAWAI", "subjudul"))
    r += 1
    for i, (n, judul, ket) in enumerate(
        (
            ("LAMPIRAN_DUKUNGAN_SUMBER_DAYA", "DUKUNGAN SUMBER DAYA", "Lampiran 1: dukungan sumber daya."),
            ("LAMPIRAN_SKEMA_PERTANGGUNGJAWABAN", "SKEMA PERTANGGUNGJAWABAN", "Lampiran 2: skema pertanggungjawaban."),
            ("LAMPIRAN_KONSEKUENSI", "KONSEKUENSI", "Lampiran 3: konsekuensi."),
        )
    ):
        tulisan.append(Tulisan(L, sel(r, 0), f"{i + 1}.", "kepala"))
        tulisan.append(Tulisan(L, rentang(r, 1, r, kanan), judul, "kepala"))
        hasil[n] = Nama(n, L, rentang(r, 1, r + lamp, 1), Peran.ISIAN, ket + " Header row, then one item per row.")
        r += lamp + 1
    return r_judul, r - 1


def _evaluasi(hasil: dict[str, Nama], tulisan: list[Tulisan], cermin: list[Cermin], p: Periode, n_badan: int) -> int:
    """Lay out one evaluation sheet; returns its last used row."""
    L = lembar_evaluasi(p)
    kode = p.kode
    kanan = lebar_tabel(KOLOM_EVALUASI) - 1  # A..M
    tulisan.append(Tulisan(L, rentang(0, 0, 0, kanan), "EVALUASI KINERJA PEGAWAI", "judul"))
    if kode == AKHIR:
        teks_periode = "PERIODE: AKHIR (TAHUNAN, JANUARI – DESEMBER)"
    else:
        bulan = daftar_periode(Periodisasi.BULANAN)
        b0, b1 = bulan[p.bulan_awal - 1].label, bulan[p.bulan_akhir - 1].label
        rentang_bulan = b0 if b0 == b1 else f"{b0} – {b1}"
        teks_periode = f"PERIODE: {p.label.upper()} ({rentang_bulan.upper()})"
    tulisan.append(Tulisan(L, rentang(1, 0, 1, kanan), teks_periode, "subjudul_tengah"))
    tulisan.append(Tulisan(L, rentang(3, 0, 3, 4), "PEGAWAI YANG DINILAI", "kepala"))
    tulisan.append(Tulisan(L, rentang(3, 5, 3, kanan), "PEJABAT PENILAI KINERJA", "kepala"))
    for i, (kunci_id, label) in enumerate((("NAMA", "NAMA"), ("NIP", "NIP"), ("JABATAN", "JABATAN"))):
        r = 4 + i
        tulisan.append(Tulisan(L, rentang(r, 0, r, 1), label, "label"))
        cermin.append(Cermin(L, rentang(r, 2, r, 4), (f"{kunci_id}_PEGAWAI",)))
        tulisan.append(Tulisan(L, rentang(r, 5, r, 6), label, "label"))
        cermin.append(Cermin(L, rentang(r, 7, r, kanan), (f"{kunci_id}_PENILAI",)))
    lbl, val, jelas = (0, 4), (5, 5), (8, kanan)
    _label_nilai(hasil, nama("PREDIKAT_ORGANISASI", kode), L, 8, lbl, val, "CAPAIAN KINERJA ORGANISASI", Peran.ISIAN,
                 "Capaian kinerja organisasi (Istimewa / Baik / Butuh Perbaikan / Kurang / Sangat Kurang).", kode=kode,
                 daftar="DAFTAR_PREDIKAT_ORGANISASI")  # fmt: skip

    tulisan.append(Tulisan(L, rentang(10, 0, 10, kanan), "HASIL KERJA", "subjudul"))
    h = 11
    akhir = h + n_badan
    hasil[nama("TABEL_EVALUASI", kode)] = Nama(
        nama("TABEL_EVALUASI", kode),
        L,
        rentang(h, 0, akhir, kanan),
        Peran.ISIAN,
        "Evaluation table: header row, then body row k evaluates body row k of TABEL_HASIL_KERJA "
        "(realisasi, bukti dukung, umpan balik, penilaian kualitatif; computed capaian and kategori).",
        kode=kode,
    )
    for c, k in enumerate(KOLOM_EVALUASI):
        tulisan.append(Tulisan(L, sel(h, c), k.judul, "kepala"))
        if k.nama_kolom:
            n = nama(k.nama_kolom, kode)
            hasil[n] = Nama(
                n,
                L,
                rentang(h, c, akhir, c),
                Peran.HITUNG,
                f"Column '{k.judul}' of the evaluation table (header row first), written by Hitung.",
                kode=kode,
            )
    r = akhir + 2
    _label_nilai(hasil, nama("RATING_HASIL_KERJA", kode), L, r, lbl, val, "RATING HASIL KERJA (PEJABAT PENILAI)",
                 Peran.ISIAN, "Rating hasil kerja given by the pejabat penilai (wins over the proposal).", kode=kode,
                 daftar="DAFTAR_RATING")  # fmt: skip
    r += 1
    _label_nilai(hasil, nama("RATING_HASIL_KERJA_USULAN", kode), L, r, lbl, val, "USULAN RATING HASIL KERJA",
                 Peran.HITUNG, "Rating hasil kerja proposed by skpxl from the capaian.", kode=kode)  # fmt: skip
    _jelas(hasil, nama("PENJELASAN_RATING_HASIL_KERJA", kode), L, r, jelas, kode, "How the proposal was reached.")

    r += 2
    tulisan.append(Tulisan(L, rentang(r, 0, r, kanan), "PERILAKU KERJA", "subjudul"))
    h = r + 1
    n = nama("TABEL_UMPAN_BALIK_PERILAKU", kode)
    kanan_perilaku = lebar_tabel(KOLOM_UMPAN_BALIK_PERILAKU) - 1
    hasil[n] = Nama(
        n,
        L,
        rentang(h, 0, h + BARIS_PERILAKU, kanan_perilaku),
        Peran.ISIAN,
        "Perilaku kerja of the period: header row, then one row per core value (name as key) with umpan balik "
        "berkelanjutan and an optional rating per core value.",
        kode=kode,
    )
    pos = posisi_kolom(KOLOM_UMPAN_BALIK_PERILAKU)
    for k in KOLOM_UMPAN_BALIK_PERILAKU:
        c = pos[k.kunci]
        tulisan.append(Tulisan(L, rentang(h, c, h, c + k.rentang - 1), k.judul, "kepala"))
    for i, nilai in enumerate(NilaiInti):
        rr = h + 1 + i
        tulisan.append(Tulisan(L, sel(rr, pos["no"]), str(i + 1), "nomor"))
        tulisan.append(Tulisan(L, sel(rr, pos["nilai_inti"]), nilai.value, "label"))
    r = h + BARIS_PERILAKU + 2
    _label_nilai(hasil, nama("RATING_PERILAKU", kode), L, r, lbl, val, "RATING PERILAKU KERJA (PEJABAT PENILAI)",
                 Peran.ISIAN, "Rating perilaku kerja given by the pejabat penilai.", kode=kode,
                 daftar="DAFTAR_RATING")  # fmt: skip
    r += 1
    _label_nilai(hasil, nama("RATING_PERILAKU_USULAN", kode), L, r, lbl, val, "USULAN RATING PERILAKU (PER NILAI)",
                 Peran.HITUNG, "Rating perilaku aggregated by skpxl from the ratings per core value.",
                 kode=kode)  # fmt: skip
    _jelas(hasil, nama("PENJELASAN_RATING_PERILAKU", kode), L, r, jelas, kode, "How the rating perilaku was reached.")
    r += 2
    _label_nilai(hasil, nama("PREDIKAT", kode), L, r, lbl, val, "PREDIKAT KINERJA PEGAWAI", Peran.HITUNG,
                 "Predikat kinerja pegawai from the matrix (rating in force: the evaluator's, else the proposal).",
                 kode=kode)  # fmt: skip
    _jelas(hasil, nama("PENJELASAN_PREDIKAT", kode), L, r, jelas, kode, "How the predikat was reached.")
    r += 1
    _label_nilai(hasil, nama("PREDIKAT_TERTULIS", kode), L, r, lbl, val, "PREDIKAT DITULIS PENILAI (OPSIONAL)",
                 Peran.ISIAN, "A predikat typed by the evaluator (optional; checked against the matrix).", kode=kode,
                 daftar="DAFTAR_PREDIKAT")  # fmt: skip
    r += 1
    _label_nilai(hasil, nama("ANGKA_KREDIT", kode), L, r, lbl, val, "ANGKA KREDIT (KHUSUS JABATAN FUNGSIONAL)",
                 Peran.HITUNG, "Angka kredit of the period (jabatan fungsional with a jenjang).", kode=kode,
                 format="angka")  # fmt: skip
    _jelas(hasil, nama("PENJELASAN_ANGKA_KREDIT", kode), L, r, jelas, kode, "How the angka kredit was computed.")
    r += 1
    _label_nilai(hasil, nama("CATATAN", kode), L, r, lbl, (5, kanan), "CATATAN / REKOMENDASI", Peran.ISIAN,
                 "Catatan/rekomendasi of the pejabat penilai (printed on the dokumen evaluasi).", kode=kode,
                 format="panjang")  # fmt: skip
    r += 2
    cermin.append(
        Cermin(
            L, rentang(r, 0, r, kanan), ("HITUNG_PAKET_ATURAN", "HITUNG_WAKTU"), "Terakhir dihitung skpxl: ", "kecil"
        )
    )
    return r


def _jelas(hasil: dict[str, Nama], n: str, lembar: str, r: int, c: tuple[int, int], kode: str, ket: str) -> None:
    hasil[n] = Nama(
        n, lembar, sel(r, c[0]), Peran.HITUNG, ket, kode=kode, gabung=rentang(r, c[0], r, c[1]), format="panjang"
    )


def _dokumen(hasil: dict[str, Nama], tulisan: list[Tulisan], cermin: list[Cermin], lembar: str, utama: bool) -> int:
    """The one-page DOKUMEN EVALUASI KINERJA PEGAWAI; the F4 copy shows the A4 sheet's values by formula."""
    L = lembar
    tulisan.append(Tulisan(L, rentang(0, 0, 0, 2), "DOKUMEN EVALUASI KINERJA PEGAWAI", "judul"))
    if utama:
        hasil["DOKUMEN_PERIODE"] = Nama(
            "DOKUMEN_PERIODE", L, sel(1, 0), Peran.HITUNG, "Period line of the dokumen evaluasi, written by Hitung.",
            gabung=rentang(1, 0, 1, 2),
        )  # fmt: skip
    else:
        cermin.append(Cermin(L, rentang(1, 0, 1, 2), ("DOKUMEN_PERIODE",), gaya="subjudul_tengah"))
    cermin.append(Cermin(L, rentang(2, 0, 2, 2), ("INSTANSI",), gaya="subjudul_tengah"))
    r = 4
    for _pihak, akhiran, judul in PIHAK:
        tulisan.append(Tulisan(L, sel(r, 0), "NO", "kepala"))
        tulisan.append(Tulisan(L, rentang(r, 1, r, 2), judul, "kepala"))
        for i, (kunci_id, label, _fmt) in enumerate(IDENTITAS):
            rr = r + 1 + i
            tulisan.append(Tulisan(L, sel(rr, 0), str(i + 1), "nomor"))
            tulisan.append(Tulisan(L, sel(rr, 1), label, "label"))
            cermin.append(Cermin(L, sel(rr, 2), (f"{kunci_id.upper()}_{akhiran}",), gaya="cermin_dokumen"))
        r += len(IDENTITAS) + 1
    tulisan.append(Tulisan(L, sel(r, 0), "NO", "kepala"))
    tulisan.append(Tulisan(L, rentang(r, 1, r, 2), "EVALUASI KINERJA", "kepala"))
    baris = (
        ("DOKUMEN_PREDIKAT_ORGANISASI", "CAPAIAN KINERJA ORGANISASI", "Capaian kinerja organisasi of the period."),
        ("DOKUMEN_PREDIKAT", "PREDIKAT KINERJA PEGAWAI", "Predikat kinerja pegawai of the period."),
        ("DOKUMEN_CATATAN", "CATATAN/REKOMENDASI", "Catatan/rekomendasi of the period."),
    )
    for i, (n, label, ket) in enumerate(baris):
        rr = r + 1 + i
        tulisan.append(Tulisan(L, sel(rr, 0), str(i + 1), "nomor"))
        tulisan.append(Tulisan(L, sel(rr, 1), label, "label"))
        fmt = "panjang" if n == "DOKUMEN_CATATAN" else None
        if utama:
            hasil[n] = Nama(n, L, sel(rr, 2), Peran.HITUNG, ket + " Written by Hitung.", format=fmt)
        else:
            cermin.append(Cermin(L, sel(rr, 2), (n,), gaya="cermin_dokumen"))
    r += len(baris) + 2
    if utama:
        # Printed as the official format does: the place and date alone above the evaluator's signature,
        # no label and no box (the yellow fill shows on screen only; the sheet prints in black and white).
        hasil["TEMPAT_TANGGAL"] = Nama(
            "TEMPAT_TANGGAL", L, sel(r, 2), Peran.ISIAN, "Place and date above the signatures (text).",
            format="ttd",
        )  # fmt: skip
    else:
        cermin.append(Cermin(L, sel(r, 2), ("TEMPAT_TANGGAL",), gaya="ttd"))
    r += 1
    tulisan.append(Tulisan(L, sel(r, 1), "Pegawai yang Dinilai", "tengah"))
    tulisan.append(Tulisan(L, sel(r, 2), "Pejabat Penilai Kinerja", "tengah"))
    cermin.append(Cermin(L, sel(r + 4, 1), ("NAMA_PEGAWAI",), gaya="ttd_nama"))
    cermin.append(Cermin(L, sel(r + 4, 2), ("NAMA_PENILAI",), gaya="ttd_nama"))
    cermin.append(Cermin(L, sel(r + 5, 1), ("NIP_PEGAWAI",), "NIP. ", gaya="ttd"))
    cermin.append(Cermin(L, sel(r + 5, 2), ("NIP_PENILAI",), "NIP. ", gaya="ttd"))
    return r + 5


META = (
    ("TEMPLATE_ID", "Template id (skpxl-skp).", Peran.META),
    ("TEMPLATE_VERSI", "Template layout version.", Peran.META),
    ("TEMPLATE_PERIODISASI", "Periodisation the evaluation sheets were built for.", Peran.META),
    ("PAKET_ATURAN_ID", "Rule pack the template was built for.", Peran.META),
    ("PAKET_ATURAN_VERSI", "Version of that rule pack.", Peran.META),
    ("HITUNG_PAKET_ATURAN", "Rule pack id and version of the last Hitung run (stamp).", Peran.HITUNG),
    ("HITUNG_WAKTU", "Time of the last Hitung run (stamp, text).", Peran.HITUNG),
    ("HITUNG_PERIODE", "Period code of the last Hitung run.", Peran.HITUNG),
)


def _meta(hasil: dict[str, Nama], tulisan: list[Tulisan], periodisasi: Periodisasi) -> None:
    L = LEMBAR_META
    tulisan.append(Tulisan(L, "A1", "skpxl: metadata templat (jangan diubah)", "judul_kiri"))
    nilai = {
        "TEMPLATE_ID": TEMPLATE_ID,
        "TEMPLATE_VERSI": TEMPLATE_VERSI,
        "TEMPLATE_PERIODISASI": periodisasi.value,
        "PAKET_ATURAN_ID": PAKET_ATURAN_ID,
        "PAKET_ATURAN_VERSI": PAKET_ATURAN_VERSI,
    }
    for i, (n, ket, peran) in enumerate(META):
        r = 1 + i
        tulisan.append(Tulisan(L, sel(r, 0), n, "label"))
        hasil[n] = Nama(n, L, sel(r, 1), peran, ket)
        if n in nilai:
            tulisan.append(Tulisan(L, sel(r, 1), nilai[n], "meta"))
    for j, (n, isi) in enumerate(DAFTAR.items()):
        c = 3 + j
        tulisan.append(Tulisan(L, sel(0, c), n, "kepala"))
        for i, teks in enumerate(isi):
            tulisan.append(Tulisan(L, sel(1 + i, c), teks, "meta"))
        hasil[n] = Nama(n, L, rentang(1, c, len(isi), c), Peran.META, "Dropdown list (template internal).")


def rancang(
    periodisasi: Periodisasi | str = Periodisasi.TRIWULANAN,
    *,
    baris_utama: int = BARIS_UTAMA,
    baris_tambahan: int = BARIS_TAMBAHAN,
    baris_lampiran: int = BARIS_LAMPIRAN,
) -> Rancangan:
    """The layout of a template variant: every defined name, fixed text and formula cell.

    ``baris_utama`` / ``baris_tambahan`` set the empty IKI rows of each section (default 20 + 10);
    ``baris_lampiran`` the rows of each lampiran list.
    """
    pz = Periodisasi.dari_teks(periodisasi)
    if baris_utama < 1 or baris_tambahan < 1 or baris_lampiran < 1:
        raise ValueError("setiap bagian perlu sedikitnya satu baris")
    periode = (*daftar_periode(pz), PERIODE_AKHIR)
    hasil: dict[str, Nama] = {}
    tulisan: list[Tulisan] = []
    cermin: list[Cermin] = []
    _, akhir_skp = _skp(hasil, tulisan, cermin, baris_utama, baris_tambahan, baris_lampiran)
    n_badan = 2 + baris_utama + baris_tambahan
    cetak = {LEMBAR_SKP: rentang(0, 0, akhir_skp, lebar_tabel(KOLOM_HASIL_KERJA) - 1)}
    for p in periode:
        akhir = _evaluasi(hasil, tulisan, cermin, p, n_badan)
        cetak[lembar_evaluasi(p)] = rentang(0, 0, akhir, lebar_tabel(KOLOM_EVALUASI) - 1)
    akhir_dok = _dokumen(hasil, tulisan, cermin, LEMBAR_DOKUMEN, True)
    _dokumen(hasil, tulisan, cermin, LEMBAR_DOKUMEN_F4, False)
    cetak[LEMBAR_DOKUMEN] = cetak[LEMBAR_DOKUMEN_F4] = rentang(0, 0, akhir_dok, 2)
    _meta(hasil, tulisan, pz)
    # The variant's periodisation is known: prefill it (people may still change it; validation compares).
    tulisan.append(Tulisan(LEMBAR_SKP, hasil["PERIODISASI"].ref, pz.value, "isian"))
    lebar: dict[str, tuple[float, ...]] = {
        LEMBAR_SKP: tuple(k.lebar for k in KOLOM_HASIL_KERJA),
        LEMBAR_DOKUMEN: (5, 30, 52),  # fits A4 portrait at about 95 %
        LEMBAR_DOKUMEN_F4: (5, 30, 52),
        LEMBAR_META: (24, 28, 2, *(30.0 for _ in DAFTAR)),
    }
    for p in periode:
        lebar[lembar_evaluasi(p)] = tuple(k.lebar for k in KOLOM_EVALUASI)
    # Buttons just right of the printed columns, one above the other: inside the first screen of a laptop
    # (the sheets are about 1,050 px wide at 100 % zoom) and never on paper.
    tombol = tuple(
        Tombol(lembar, sel(r, c), teks, makro)
        for lembar, c in (
            (LEMBAR_SKP, lebar_tabel(KOLOM_HASIL_KERJA)),
            *((lembar_evaluasi(p), lebar_tabel(KOLOM_EVALUASI)) for p in periode),
        )
        for r, teks, makro in ((0, "Validasi", "Validasi"), (2, "Hitung", "Hitung"))
    )
    return Rancangan(
        periodisasi=pz,
        periode=periode,
        baris_utama=baris_utama,
        baris_tambahan=baris_tambahan,
        baris_lampiran=baris_lampiran,
        nama=hasil,
        tulisan=tuple(tulisan),
        cermin=tuple(cermin),
        lebar_kolom=lebar,
        cetak=cetak,
        tombol=tombol,
    )


def tombol_lite(r: Rancangan) -> tuple[Tombol, ...]:
    """The xlwings Lite edition's Validasi/Hitung shapes: B1 and C1 of SKP and of every EVALUASI sheet.

    Row 1 left of the centred title, so both show without scrolling on a laptop screen beside Lite's task
    pane. Lite runs a script when the cell under its shape gets selected, so those cells hold nothing (a test
    checks it). ``makro`` names the :mod:`skpxl.lite` script; the shape is named after ``teks``.
    """
    return tuple(
        Tombol(lembar, sel(0, c), teks, makro, lebar=96, tinggi=20)
        for lembar in (LEMBAR_SKP, *(lembar_evaluasi(p) for p in r.periode))
        for c, teks, makro in ((1, "Validasi", "validasi"), (2, "Hitung", "hitung"))
    )


def nama_berkas_templat(periodisasi: Periodisasi | str, tahun: int = TAHUN_CONTOH) -> str:
    """File name of a committed template: SKP_2026.xlsx (triwulanan), SKP_2026_bulanan.xlsx, ..."""
    pz = Periodisasi.dari_teks(periodisasi)
    return f"SKP_{tahun}.xlsx" if pz is Periodisasi.TRIWULANAN else f"SKP_{tahun}_{pz.value.lower()}.xlsx"


# --------------------------------------------------------------------------- documentation


def _baris_md(sel_: Iterable[str]) -> str:
    return "| " + " | ".join(sel_) + " |"


def dokumentasi() -> str:
    """``docs/layout.md``: the contract of defined names, generated from this module."""
    r = rancang(Periodisasi.TRIWULANAN)
    out: list[str] = []
    tambah = out.append
    tambah("# SKP workbook layout: the contract of defined names")
    tambah("")
    tambah("<!-- Generated by skpxl.buku.layout.dokumentasi(); do not edit by hand: "
           "run `python -m skpxl.bangun` to regenerate. -->")  # fmt: skip
    tambah("")
    tambah(f"Template id `{TEMPLATE_ID}`, layout version `{TEMPLATE_VERSI}`, built for rule pack "
           f"`{PAKET_ATURAN_ID}` v{PAKET_ATURAN_VERSI}.")  # fmt: skip
    tambah("")
    tambah("Every field that code reads or writes is a **workbook-scoped defined name**. Code finds cells through "
           "these names and, inside a table region, through the column header text; never through fixed "
           "coordinates. The addresses below are those of the default triwulanan template "
           f"(`{nama_berkas_templat(Periodisasi.TRIWULANAN)}`, {BARIS_UTAMA} UTAMA + {BARIS_TAMBAHAN} TAMBAHAN "
           "IKI rows); they move when rows are inserted, the names do not.")  # fmt: skip
    tambah("")
    tambah("## Naming scheme")
    tambah("")
    tambah("* Annual evaluation (AKHIR): no suffix, e.g. `RATING_HASIL_KERJA`, `PREDIKAT`.")
    tambah("* Per period: `<NAME>_<code>` with the period codes TW1–TW4 (triwulanan), S1–S2 (semesteran), "
           "B01–B12 (bulanan): `RATING_HASIL_KERJA_TW1`, `PREDIKAT_S2`, `TABEL_EVALUASI_B03`. `_AKHIR` is never "
           "a suffix (`PERIODE_AKHIR` is the end date of the assessment period).")  # fmt: skip
    tambah("* Regions (`TABEL_*`, `LAMPIRAN_*`, the computed columns `CAPAIAN_IKI`, `KATEGORI_IKI`, `KATEGORI_RHK`, "
           "`PENJELASAN_CAPAIAN`) include their header row as the first row; the body follows. Inserting rows "
           "strictly inside a region grows the name (Excel's rule), so insert inside the table, not below its "
           "last row.")  # fmt: skip
    tambah("* Body row *k* of `TABEL_EVALUASI[_<code>]` evaluates body row *k* of `TABEL_HASIL_KERJA`. To add IKI "
           "rows, insert them at the same position in the HASIL KERJA table and in every EVALUASI sheet (select "
           "the sheets together with Ctrl+click on their tabs, then insert), or build a template with more rows: "
           "`build_template(path, baris_utama=40, baris_tambahan=15)`.")  # fmt: skip
    tambah("* Roles: **isian** = typed by people (unlocked, fill "
           f"`{WARNA_ISIAN}`); **hitung** = written by skpxl Hitung (locked, fill `{WARNA_HITUNG}`); "
           f"**cermin** = formula showing another cell (locked, fill `{WARNA_CERMIN}`); **meta** = template "
           "metadata on the hidden sheet. Sheets are protected without a password.")  # fmt: skip
    tambah(f"* Finding highlight fills: error `{WARNA_TEMUAN[Tingkat.ERROR]}`, warning "
           f"`{WARNA_TEMUAN[Tingkat.WARNING]}`, info `{WARNA_TEMUAN[Tingkat.INFO]}`; clearing a highlight "
           "restores the role's fill.")  # fmt: skip
    tambah(f"* Validasi writes its findings to a sheet named `{LEMBAR_HASIL_VALIDASI}` with columns "
           + ", ".join(f"`{k}`" for k in KOLOM_HASIL_VALIDASI) + ".")  # fmt: skip
    tambah("")
    tambah("## Sheets")
    tambah("")
    tambah(_baris_md(("variant", "file", "sheets")))
    tambah(_baris_md(("---", "---", "---")))
    for pz in (Periodisasi.TRIWULANAN, Periodisasi.SEMESTERAN, Periodisasi.BULANAN):
        rr = rancang(pz)
        tambah(_baris_md((pz.value, f"`{nama_berkas_templat(pz)}`", ", ".join(f"`{s}`" for s in rr.lembar))))
    tambah("")
    tambah(f"`{LEMBAR_DOKUMEN}` is set up for A4 paper. Excel has no built-in F4 size: `{LEMBAR_DOKUMEN_F4}` is "
           "the same page (values by formula) set to paper code 14, *Folio 8½ × 13 in* (215.9 × 330.2 mm), which is "
           "F4 (215 × 330 mm) within a millimetre and is what printer drivers in Indonesia offer as F4.")  # fmt: skip
    tambah("")
    kelompok: list[tuple[str, list[Nama]]] = [
        ("Form header and identity (sheet SKP)", []),
        ("Tables on the SKP sheet", []),
        ("Annual evaluation (AKHIR)", []),
        ("Per-period evaluation (TW1 shown; TW2–TW4, S1–S2, B01–B12 alike)", []),
        ("Dokumen evaluasi", []),
        ("Metadata and stamps (hidden sheet)", []),
        ("Dropdown lists (template internal)", []),
    ]
    for n in r.nama.values():
        if n.nama.startswith("DAFTAR_"):
            kelompok[6][1].append(n)
        elif n.lembar == LEMBAR_META:
            kelompok[5][1].append(n)
        elif n.lembar == LEMBAR_DOKUMEN:
            kelompok[4][1].append(n)
        elif n.kode == AKHIR:
            kelompok[2][1].append(n)
        elif n.kode == "TW1":
            kelompok[3][1].append(n)
        elif n.kode is None and n.lembar == LEMBAR_SKP:
            kelompok[1 if n.nama.startswith(("TABEL_", "LAMPIRAN_")) else 0][1].append(n)
    for judul, daftar in kelompok:
        tambah(f"## {judul}")
        tambah("")
        tambah(_baris_md(("name", "sheet", "range", "role", "meaning")))
        tambah(_baris_md(("---", "---", "---", "---", "---")))
        for n in daftar:
            tambah(_baris_md((f"`{n.nama}`", n.lembar, f"`{n.ref}`", n.peran.value, n.keterangan)))
        tambah("")
    for judul, kolom in (
        ("Columns of `TABEL_HASIL_KERJA`", KOLOM_HASIL_KERJA),
        ("Columns of `TABEL_EVALUASI[_<code>]`", KOLOM_EVALUASI),
        ("Columns of `TABEL_PERILAKU`", KOLOM_PERILAKU),
        ("Columns of `TABEL_UMPAN_BALIK_PERILAKU[_<code>]`", KOLOM_UMPAN_BALIK_PERILAKU),
    ):
        tambah(f"## {judul}")
        tambah("")
        tambah("Readers match the header text ignoring case, spaces and punctuation; accepted alternatives are listed.")
        tambah("")
        tambah(_baris_md(("key", "header", "role", "also accepted", "dropdown", "column name")))
        tambah(_baris_md(("---", "---", "---", "---", "---", "---")))
        for k in kolom:
            tambah(
                _baris_md(
                    (
                        f"`{k.kunci}`",
                        k.judul,
                        k.peran.value,
                        "; ".join(k.alias),
                        f"`{k.daftar}`" if k.daftar else "",
                        f"`{k.nama_kolom}`" if k.nama_kolom else "",
                    )
                )
            )
        tambah("")
    tambah("## Reading rules (skpxl.buku.form_io)")
    tambah("")
    for teks in (
        "A row of `TABEL_HASIL_KERJA` whose only text is `A. UTAMA` / `B. TAMBAHAN` opens that section; the JENIS "
        "cell, when filled, wins over the section.",
        "A row starts a new RHK when one of its RHK-level cells (JENIS, RHK ATASAN, PERSPEKTIF, RENCANA HASIL KERJA) "
        "is filled and differs from the current RHK; otherwise it adds an IKI to the current RHK (merged or "
        "repeated RHK cells both work).",
        "Empty rows are skipped anywhere. Text is stripped; numbers typed as text stay text (validation parses "
        "them); a NIP stored as a number arrives as the text Excel would show (`1.99001E+17`) so validation can "
        "explain the lost digits.",
        "An evaluation entry (`IKI.evaluasi[code]`, `SkpForm.evaluasi[code]`) exists only when one of its input "
        "cells is filled. `sel` maps hold `Sheet!A1` addresses; `IKI.sel` also holds `<field>:<code>` keys for "
        "every evaluation sheet present (`realisasi:TW1`, `capaian:TW1`, `kategori_iki:TW1`, `kategori_rhk:TW1`, "
        "`penjelasan:TW1` ...), so findings and Hitung can address empty cells too.",
    ):
        tambah(f"* {teks}")
    tambah("")
    return "\n".join(out)
