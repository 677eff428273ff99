"""The legacy SKP layouts (PP 46/2011 and PermenPANRB 8/2021), defined once.

One :class:`TataLetak` per rule pack says everything the builder, the reader and the writer need: sheet names,
workbook-scoped defined names for single cells (identity, periode, perilaku, results), the kegiatan/IKI table
region with its column headers, and the cell positions the builder uses. Code that reads or writes a workbook
finds cells through the defined names and the table header only, never through the coordinates here, so a user
who inserts rows inside the table does not break it.

This module is pure data (no Excel library is imported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from skpxl.core.errors import InputTidakValid
from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.core.packs import pp_46_2011 as p46
from skpxl.core.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK

__all__ = [
    "LEMBAR_META",
    "LEMBAR_PENILAIAN",
    "LEMBAR_PENJELASAN",
    "LEMBAR_PETUNJUK",
    "LEMBAR_SKP",
    "META_KUNCI",
    "NAMA_PENJELASAN",
    "PILIHAN_YA_TIDAK",
    "TATA_LETAK",
    "Jenis",
    "Kolom",
    "Sel",
    "Tabel",
    "TataLetak",
    "Teks",
    "Tipe",
    "alamat_a1",
    "indeks_ke_kolom",
    "kolom_ke_indeks",
    "pisah_a1",
    "tata_letak",
]

Jenis = Literal["input", "hasil"]
"""``input``: typed by the user (unlocked, yellow); ``hasil``: written by skpxl (locked, blue)."""

Tipe = Literal["teks", "angka", "tanggal", "ya_tidak", "pilihan", "nip", "skor", "label", "persen", "nomor"]
"""How a cell is formatted and read: ``skor`` is a 2-place result, ``persen`` a weight shown as 70%."""

GayaTeks = Literal["judul", "subjudul", "keterangan", "blok", "kepala", "label", "label_tebal", "catatan"]

LEMBAR_SKP = "SKP"
LEMBAR_PENILAIAN = "Penilaian"
LEMBAR_PENJELASAN = "Penjelasan"
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_META = "_SKPXL"  # the same hidden metadata sheet and names as the main SKP template

PILIHAN_YA_TIDAK = ("Ya", "Tidak")
SATUAN_WAKTU = ("bulan", "minggu", "hari")
ARAH = ("Normal", "Khusus")
PANGKAT_PNS = tuple(g.label for g in GOLONGAN_PNS)
PANGKAT_PPPK = tuple(g.label for g in GOLONGAN_PPPK)

NAMA_PENJELASAN = "PENJELASAN"
"""Defined name of the first cell of the explanation/findings list on the Penjelasan sheet (3 columns wide)."""

# Keys of the metadata sheet → their defined names (also written in column A of the sheet).
META_KUNCI: dict[str, str] = {
    "template_id": "TEMPLATE_ID",
    "template_versi": "TEMPLATE_VERSI",
    "paket_id": "PAKET_ATURAN_ID",
    "paket_versi": "PAKET_ATURAN_VERSI",
    "paket_dihitung": "HITUNG_PAKET_ATURAN",
    "skpxl_versi": "HITUNG_SKPXL_VERSI",
}


# --------------------------------------------------------------------------------------------------
# A1 helpers (pure; the builder and the adapters use their libraries' own)


def kolom_ke_indeks(huruf: str) -> int:
    """Column letters to a 1-based index: "A" → 1, "T" → 20, "AA" → 27."""
    n = 0
    for c in huruf.upper():
        n = n * 26 + ord(c) - 64
    return n


def indeks_ke_kolom(indeks: int) -> str:
    """1-based column index to letters."""
    huruf = ""
    while indeks:
        indeks, sisa = divmod(indeks - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def pisah_a1(alamat: str) -> tuple[int, int]:
    """ "C7" → (row 7, column 3), both 1-based."""
    m = _A1.match(alamat)
    if not m:
        raise ValueError(f"not an A1 address: {alamat!r}")
    return int(m.group(2)), kolom_ke_indeks(m.group(1))


def alamat_a1(baris: int, kolom: int) -> str:
    return f"{indeks_ke_kolom(kolom)}{baris}"


# --------------------------------------------------------------------------------------------------
# Layout elements


@dataclass(frozen=True)
class Sel:
    """A single named cell (its value range may be merged ``alamat:sampai``) with an optional label cell."""

    kunci: str  # stable key used by the reader/writer and in JSON
    nama: str  # workbook-scoped defined name
    lembar: str
    alamat: str
    label: str  # the field's name in messages (and on the sheet unless ``teks_label`` says otherwise)
    jenis: Jenis
    tipe: Tipe = "teks"
    sampai: str | None = None
    alamat_label: str | None = None
    label_sampai: str | None = None
    teks_label: str | None = None  # text shown in the label cell when it differs from ``label``
    pilihan: tuple[str, ...] = ()
    daftar: str | None = None  # a list on the meta sheet (defined name) offered as a dropdown
    wajib: bool = False
    petunjuk: str | None = None  # input message shown by Excel's data validation

    @property
    def rujukan(self) -> str:
        """The defined name's formula, e.g. ``='SKP'!$C$9``."""
        return _rujukan(self.lembar, self.alamat)


@dataclass(frozen=True)
class Kolom:
    """One column of the kegiatan/IKI table, found by its header text (or ``kode`` in parentheses, or an alias)."""

    kunci: str
    judul: str  # header as written in the template (may contain line breaks)
    label: str  # the column's name in messages
    jenis: Jenis
    tipe: Tipe
    lebar: float
    kode: str | None = None  # "TO": a header containing "(TO)" matches
    alias: tuple[str, ...] = ()
    wajib: bool = False  # the column must exist in the workbook
    pilihan: tuple[str, ...] = ()
    petunjuk: str | None = None
    format_angka: str | None = None  # Excel number format of an input column (e.g. thousands for rupiah)


@dataclass(frozen=True)
class Grup:
    """A header over several columns in the row above the column headers (e.g. TARGET)."""

    teks: str
    kolom_awal: str  # kunci of the first column
    kolom_akhir: str


@dataclass(frozen=True)
class Tabel:
    """The kegiatan/IKI table: header row(s) then ``jumlah_baris`` data rows; ``nama`` covers all of them."""

    nama: str
    lembar: str
    baris_awal: int  # first header row (1-based)
    kolom: tuple[Kolom, ...]
    jumlah_baris: int
    grup: tuple[Grup, ...] = ()
    label_baris: str = "kegiatan"  # how messages name a row ("kegiatan", "IKI")

    @property
    def baris_judul(self) -> int:
        """Number of header rows (2 with a group row)."""
        return 2 if self.grup else 1

    @property
    def baris_data_awal(self) -> int:
        return self.baris_awal + self.baris_judul

    @property
    def baris_akhir(self) -> int:
        return self.baris_data_awal + self.jumlah_baris - 1

    @property
    def rujukan(self) -> str:
        awal = alamat_a1(self.baris_awal, 1)
        akhir = alamat_a1(self.baris_akhir, len(self.kolom))
        return _rujukan(self.lembar, f"{awal}:{akhir}")

    def kolom_dari_kunci(self, kunci: str) -> Kolom:
        return next(k for k in self.kolom if k.kunci == kunci)

    def indeks(self, kunci: str) -> int:
        """1-based column index of ``kunci`` in the template."""
        return next(i for i, k in enumerate(self.kolom, start=1) if k.kunci == kunci)


@dataclass(frozen=True)
class Teks:
    """Fixed text the builder writes (titles, block headers, labels of table-like blocks)."""

    lembar: str
    alamat: str
    teks: str
    gaya: GayaTeks = "label"
    sampai: str | None = None


@dataclass(frozen=True)
class Lembar:
    """A sheet: name, column widths (letters → width), orientation and what prints."""

    nama: str
    lebar: tuple[tuple[str, float], ...]
    mendatar: bool = False  # landscape
    area_cetak: str | None = None


@dataclass(frozen=True)
class TataLetak:
    """The legacy workbook of one rule pack."""

    paket_id: str
    paket_versi: str
    paket_judul: str
    template_id: str
    template_versi: str
    nama_berkas: str
    nama_contoh: str
    judul: str
    lembar: tuple[Lembar, ...]
    sel: tuple[Sel, ...]
    tabel: Tabel
    teks: tuple[Teks, ...]
    petunjuk: tuple[str, ...]
    masa: tuple[int, int]  # years the pack applies to (a period outside is a warning)
    daftar: dict[str, tuple[str, ...]] = field(default_factory=dict)  # list name → items (on the meta sheet)

    def sel_dari_kunci(self, kunci: str) -> tuple[Sel, ...]:
        """All cells of a key (a result may be shown in two places)."""
        return tuple(s for s in self.sel if s.kunci == kunci)

    def satu_sel(self, kunci: str) -> Sel:
        return self.sel_dari_kunci(kunci)[0]

    @property
    def sel_input(self) -> tuple[Sel, ...]:
        return tuple(s for s in self.sel if s.jenis == "input")

    @property
    def sel_hasil(self) -> tuple[Sel, ...]:
        return tuple(s for s in self.sel if s.jenis == "hasil")

    @property
    def stempel_template(self) -> str:
        return f"{self.template_id} v{self.template_versi}"

    @property
    def stempel_paket(self) -> str:
        return f"{self.paket_id} v{self.paket_versi}"


def _rujukan(lembar: str, rentang: str) -> str:
    """ "SKP", "C9:D9" → "='SKP'!$C$9:$D$9"."""
    bagian = []
    for alamat in rentang.split(":"):
        baris, kolom = pisah_a1(alamat)
        bagian.append(f"${indeks_ke_kolom(kolom)}${baris}")
    return f"='{lembar}'!" + ":".join(bagian)


# --------------------------------------------------------------------------------------------------
# Shared blocks


def _identitas(
    kiri: tuple[str, str, str], kanan: tuple[str, str, str], kanan_label_sampai: str, periode_bulan: str
) -> tuple[tuple[Sel, ...], tuple[Teks, ...]]:
    """Identity and periode cells on the SKP sheet.

    ``kiri``/``kanan`` = (label column, first value column, last value column) of the left/right blocks.
    Rows: 5–6 instansi and periode; 8–13 pegawai (left) and pejabat penilai (right); 15–20 atasan (left).
    """
    lk, vk1, vk2 = kiri
    rk, vr1, vr2 = kanan

    def kiri_sel(kunci: str, nama: str, baris: int, label: str, tipe: Tipe = "teks", **opsi: Any) -> Sel:
        return Sel(
            kunci,
            nama,
            LEMBAR_SKP,
            f"{vk1}{baris}",
            label,
            "input",
            tipe,
            sampai=f"{vk2}{baris}",
            alamat_label=f"{lk}{baris}",
            **opsi,
        )

    def kanan_sel(kunci: str, nama: str, baris: int, label: str, tipe: Tipe = "teks", **opsi: Any) -> Sel:
        return Sel(
            kunci,
            nama,
            LEMBAR_SKP,
            f"{vr1}{baris}",
            label,
            "input",
            tipe,
            sampai=f"{vr2}{baris}",
            alamat_label=f"{rk}{baris}",
            label_sampai=f"{kanan_label_sampai}{baris}",
            **opsi,
        )

    def orang(siapa: str, akhiran: str, judul: str, baris: int, sisi: str) -> list[Sel]:
        buat = kiri_sel if sisi == "kiri" else kanan_sel
        wajib = siapa != "atasan_penilai"
        pangkat_petunjuk = "Pilih dari daftar atau ketik, misalnya Penata Muda (III/a)."
        return [
            buat(f"nama_{siapa}", f"NAMA_{akhiran}", baris, f"Nama {judul}", teks_label="Nama", wajib=wajib),
            buat(
                f"nip_{siapa}",
                f"NIP_{akhiran}",
                baris + 1,
                f"NIP {judul}",
                "nip",
                teks_label="NIP",
                wajib=wajib,
                petunjuk="18 digit NIP, diketik sebagai teks.",
            ),
            buat(
                f"pangkat_{siapa}",
                f"PANGKAT_{akhiran}",
                baris + 2,
                f"Pangkat/golongan {judul}",
                "pilihan",
                teks_label="Pangkat/golongan ruang",
                petunjuk=pangkat_petunjuk,
                daftar="DAFTAR_PANGKAT",
            ),
            buat(f"jabatan_{siapa}", f"JABATAN_{akhiran}", baris + 3, f"Jabatan {judul}", teks_label="Jabatan"),
            buat(
                f"unit_kerja_{siapa}",
                "UNIT_KERJA" if siapa == "pegawai" else f"UNIT_KERJA_{akhiran}",
                baris + 4,
                f"Unit kerja {judul}",
                teks_label="Unit kerja",
            ),
        ]

    sel = [
        kiri_sel("instansi", "INSTANSI", 5, "Instansi", teks_label="Instansi"),
        kanan_sel(
            "periode_awal",
            "PERIODE_AWAL",
            5,
            "Awal periode penilaian",
            "tanggal",
            teks_label="Periode penilaian: awal",
            wajib=True,
            petunjuk="Tanggal, misalnya 02/01/" + periode_bulan,
        ),
        kanan_sel(
            "periode_akhir",
            "PERIODE_AKHIR",
            6,
            "Akhir periode penilaian",
            "tanggal",
            teks_label="Periode penilaian: akhir",
            wajib=True,
            petunjuk="Tanggal, misalnya 31/12/" + periode_bulan,
        ),
        *orang("pegawai", "PEGAWAI", "pegawai yang dinilai", 9, "kiri"),
        *orang("penilai", "PENILAI", "pejabat penilai", 9, "kanan"),
        *orang("atasan_penilai", "ATASAN_PENILAI", "atasan pejabat penilai", 16, "kiri"),
    ]
    teks = (
        Teks(LEMBAR_SKP, f"{lk}8", "PEGAWAI YANG DINILAI", "blok", sampai=f"{vk2}8"),
        Teks(LEMBAR_SKP, f"{rk}8", "PEJABAT PENILAI", "blok", sampai=f"{vr2}8"),
        Teks(LEMBAR_SKP, f"{lk}15", "ATASAN PEJABAT PENILAI", "blok", sampai=f"{vk2}15"),
    )
    return tuple(sel), teks


def _kepala(lembar: str, kolom_akhir: str, judul: str, stempel: str) -> tuple[Teks, ...]:
    return (
        Teks(lembar, "A1", judul, "judul", sampai=f"{kolom_akhir}1"),
        Teks(lembar, "A2", stempel, "subjudul", sampai=f"{kolom_akhir}2"),
        Teks(
            lembar,
            "A3",
            "Sel kuning diisi pegawai/pejabat penilai. Sel biru diisi oleh skpxl (perintah hitung) dan terkunci.",
            "keterangan",
            sampai=f"{kolom_akhir}3",
        ),
    )


def _penjelasan_teks() -> tuple[Teks, ...]:
    return (
        Teks(LEMBAR_PENJELASAN, "A1", "PENJELASAN PERHITUNGAN DAN TEMUAN", "judul", sampai="C1"),
        Teks(
            LEMBAR_PENJELASAN, "A2", "Diisi oleh skpxl setiap kali dihitung; jangan diketik.", "keterangan", sampai="C2"
        ),
        Teks(LEMBAR_PENJELASAN, "A3", "Bagian", "kepala"),
        Teks(LEMBAR_PENJELASAN, "B3", "Sel", "kepala"),
        Teks(LEMBAR_PENJELASAN, "C3", "Uraian", "kepala"),
    )


def _sel_penjelasan() -> Sel:
    return Sel("penjelasan", NAMA_PENJELASAN, LEMBAR_PENJELASAN, "A4", "Penjelasan", "hasil", "teks")


def _lembar_umum() -> tuple[Lembar, ...]:
    return (
        Lembar(LEMBAR_PENJELASAN, (("A", 26), ("B", 14), ("C", 110)), mendatar=True),
        Lembar(LEMBAR_PETUNJUK, (("A", 4), ("B", 110))),
        Lembar(LEMBAR_META, (("A", 22), ("B", 44), ("C", 4), ("D", 30), ("E", 4), ("F", 30))),
    )


# --------------------------------------------------------------------------------------------------
# pp-46-2011


def _pp46() -> TataLetak:
    kolom = (
        Kolom("nomor", "No", "Nomor", "hasil", "nomor", 4),
        Kolom(
            "kegiatan",
            "Kegiatan tugas jabatan",
            "Kegiatan tugas jabatan",
            "input",
            "teks",
            34,
            alias=("Kegiatan", "Uraian kegiatan", "Kegiatan tugas pokok jabatan"),
            wajib=True,
        ),
        Kolom("ak_target", "AK\ntarget", "Angka kredit target", "input", "angka", 5, alias=("AK",)),
        Kolom(
            "to",
            "Kuant/\nOutput\n(TO)",
            "Target output (TO)",
            "input",
            "angka",
            6,
            kode="TO",
            wajib=True,
            petunjuk="Jumlah keluaran yang ditargetkan, misalnya 12.",
        ),
        Kolom(
            "satuan_output",
            "Satuan\noutput",
            "Satuan output",
            "input",
            "teks",
            9,
            alias=("Satuan",),
            petunjuk="Misalnya laporan, dokumen, kegiatan.",
        ),
        Kolom(
            "tk",
            "Kual/\nMutu\n(TK)",
            "Target kualitas (TK)",
            "input",
            "angka",
            6,
            kode="TK",
            wajib=True,
            petunjuk="Target mutu dalam persen, biasanya 100.",
        ),
        Kolom(
            "tw",
            "Waktu\n(TW)",
            "Target waktu (TW)",
            "input",
            "angka",
            6,
            kode="TW",
            wajib=True,
            petunjuk="Lama waktu yang ditargetkan, misalnya 12 (bulan).",
        ),
        Kolom("satuan_waktu", "Satuan\nwaktu", "Satuan waktu", "input", "pilihan", 7, pilihan=SATUAN_WAKTU),
        Kolom(
            "tb",
            "Biaya\n(TB)",
            "Target biaya (TB)",
            "input",
            "angka",
            11,
            kode="TB",
            petunjuk="Anggaran dalam rupiah; kosongkan bila tidak ada anggaran.",
            format_angka="#,##0",
        ),
        Kolom("ak_realisasi", "AK\nrealisasi", "Angka kredit realisasi", "input", "angka", 5),
        Kolom("ro", "Kuant/\nOutput\n(RO)", "Realisasi output (RO)", "input", "angka", 6, kode="RO", wajib=True),
        Kolom("rk", "Kual/\nMutu\n(RK)", "Realisasi kualitas (RK)", "input", "angka", 6, kode="RK", wajib=True),
        Kolom(
            "rw",
            "Waktu\n(RW)",
            "Realisasi waktu (RW)",
            "input",
            "angka",
            6,
            kode="RW",
            wajib=True,
            petunjuk="Dalam satuan waktu yang sama dengan TW.",
        ),
        Kolom("rb", "Biaya\n(RB)", "Realisasi biaya (RB)", "input", "angka", 11, kode="RB", format_angka="#,##0"),
        Kolom("nilai_kuantitas", "Nilai\nkuantitas", "Nilai kuantitas", "hasil", "skor", 7),
        Kolom("nilai_kualitas", "Nilai\nkualitas", "Nilai kualitas", "hasil", "skor", 7),
        Kolom("nilai_waktu", "Nilai\nwaktu", "Nilai waktu", "hasil", "skor", 7),
        Kolom("nilai_biaya", "Nilai\nbiaya", "Nilai biaya", "hasil", "skor", 7),
        Kolom("penghitungan", "Penghitungan", "Penghitungan", "hasil", "skor", 11),
        Kolom(
            "nilai",
            "Nilai\ncapaian\nSKP",
            "Nilai capaian SKP",
            "hasil",
            "skor",
            10,
            alias=("Nilai capaian",),
            wajib=True,
        ),
    )
    tabel = Tabel(
        "TABEL_KEGIATAN",
        LEMBAR_SKP,
        22,
        kolom,
        20,
        grup=(
            Grup("TARGET", "ak_target", "tb"),
            Grup("REALISASI", "ak_realisasi", "rb"),
            Grup("PENGHITUNGAN NILAI (diisi skpxl)", "nilai_kuantitas", "nilai"),
        ),
    )
    baris_total = tabel.baris_akhir + 1  # 44
    stempel = f"Paket aturan {p46.PACK_ID} v{p46.VERSI} · template SKP-LAMA-PP46-2011 v{_VERSI_TEMPLATE}"
    ident, ident_teks = _identitas(("B", "C", "I"), ("J", "N", "T"), "M", "2019")
    sel_skp = (
        *ident,
        Sel(
            "nilai_skp",
            "NILAI_SKP",
            LEMBAR_SKP,
            f"T{baris_total}",
            "Nilai capaian SKP",
            "hasil",
            "skor",
            alamat_label=f"A{baris_total}",
            label_sampai=f"S{baris_total}",
            teks_label="NILAI CAPAIAN SKP",
        ),
        Sel(
            "sebutan_skp",
            "SEBUTAN_SKP",
            LEMBAR_SKP,
            f"T{baris_total + 1}",
            "Sebutan nilai SKP",
            "hasil",
            "label",
            alamat_label=f"A{baris_total + 1}",
            label_sampai=f"S{baris_total + 1}",
            teks_label="SEBUTAN",
        ),
    )
    aspek = (
        ("orientasi_pelayanan", "ORIENTASI_PELAYANAN", "Orientasi Pelayanan"),
        ("integritas", "INTEGRITAS", "Integritas"),
        ("komitmen", "KOMITMEN", "Komitmen"),
        ("disiplin", "DISIPLIN", "Disiplin"),
        ("kerja_sama", "KERJA_SAMA", "Kerja Sama"),
        ("kepemimpinan", "KEPEMIMPINAN", "Kepemimpinan"),
    )
    sel_perilaku: list[Sel] = []
    teks_perilaku: list[Teks] = []
    for i, (kunci, nama, label) in enumerate(aspek):
        baris = 8 + i
        teks_label = label + (" (khusus pejabat struktural)" if kunci == "kepemimpinan" else "")
        sel_perilaku += [
            Sel(
                f"perilaku_{kunci}",
                f"PERILAKU_{nama}",
                LEMBAR_PENILAIAN,
                f"C{baris}",
                f"Nilai {label}",
                "input",
                "angka",
                alamat_label=f"B{baris}",
                teks_label=teks_label,
                petunjuk="Nilai 0–100 dari pejabat penilai.",
            ),
            Sel(
                f"sebutan_{kunci}",
                f"SEBUTAN_{nama}",
                LEMBAR_PENILAIAN,
                f"F{baris}",
                f"Sebutan {label}",
                "hasil",
                "label",
            ),
        ]
        teks_perilaku.append(Teks(LEMBAR_PENILAIAN, f"A{baris}", str(i + 1), "label"))
    pn = LEMBAR_PENILAIAN
    sel_penilaian = (
        Sel(
            "nilai_skp",
            "NILAI_UNSUR_SKP",
            pn,
            "C6",
            "Nilai SKP",
            "hasil",
            "skor",
            alamat_label="B6",
            teks_label="Sasaran Kerja Pegawai (SKP)",
        ),
        Sel("bagian_skp", "BAGIAN_SKP", pn, "E6", "Nilai SKP × 60%", "hasil", "skor"),
        Sel("sebutan_skp", "SEBUTAN_UNSUR_SKP", pn, "F6", "Sebutan nilai SKP", "hasil", "label"),
        *sel_perilaku,
        Sel(
            "jumlah_perilaku",
            "JUMLAH_PERILAKU",
            pn,
            "C14",
            "Jumlah nilai perilaku kerja",
            "hasil",
            "skor",
            alamat_label="B14",
            teks_label="Jumlah",
        ),
        Sel(
            "nilai_perilaku",
            "NILAI_PERILAKU",
            pn,
            "C15",
            "Nilai perilaku kerja",
            "hasil",
            "skor",
            alamat_label="B15",
            teks_label="Nilai rata-rata",
        ),
        Sel("bagian_perilaku", "BAGIAN_PERILAKU", pn, "E15", "Nilai perilaku × 40%", "hasil", "skor"),
        Sel("sebutan_perilaku", "SEBUTAN_PERILAKU", pn, "F15", "Sebutan nilai perilaku", "hasil", "label"),
        Sel(
            "struktural",
            "JABATAN_STRUKTURAL",
            pn,
            "C17",
            "Jabatan struktural",
            "input",
            "ya_tidak",
            alamat_label="B17",
            teks_label="Jabatan struktural (dinilai aspek Kepemimpinan)?",
            pilihan=PILIHAN_YA_TIDAK,
            petunjuk="Ya untuk pejabat struktural: aspek Kepemimpinan ikut dinilai.",
        ),
        Sel(
            "nilai",
            "NILAI_PRESTASI_KERJA",
            pn,
            "E19",
            "Nilai prestasi kerja",
            "hasil",
            "skor",
            alamat_label="B19",
            teks_label="NILAI PRESTASI KERJA",
        ),
        Sel("sebutan", "SEBUTAN_PRESTASI_KERJA", pn, "F19", "Sebutan prestasi kerja", "hasil", "label"),
        Sel(
            "paket",
            "PAKET_ATURAN",
            pn,
            "C20",
            "Paket aturan",
            "hasil",
            "teks",
            sampai="F20",
            alamat_label="B20",
            teks_label="Dihitung dengan paket aturan",
        ),
        _sel_penjelasan(),
    )
    teks = (
        *_kepala(LEMBAR_SKP, "T", "SASARAN KERJA PEGAWAI NEGERI SIPIL (PP 46/2011) — TARGET DAN REALISASI", stempel),
        *ident_teks,
        *_kepala(LEMBAR_PENILAIAN, "F", "PENILAIAN PRESTASI KERJA PEGAWAI NEGERI SIPIL (PP 46/2011)", stempel),
        Teks(pn, "A5", "No", "kepala"),
        Teks(pn, "B5", "Unsur yang dinilai", "kepala"),
        Teks(pn, "C5", "Nilai", "kepala"),
        Teks(pn, "D5", "Bobot", "kepala"),
        Teks(pn, "E5", "Jumlah", "kepala"),
        Teks(pn, "F5", "Sebutan", "kepala"),
        Teks(pn, "A6", "a.", "label"),
        Teks(pn, "D6", "60%", "label"),
        Teks(pn, "A7", "b.", "label"),
        Teks(pn, "B7", "Perilaku kerja", "label_tebal", sampai="F7"),
        Teks(pn, "D15", "40%", "label"),
        *teks_perilaku,
        *_penjelasan_teks(),
    )
    return TataLetak(
        paket_id=p46.PACK_ID,
        paket_versi=p46.VERSI,
        paket_judul=p46.JUDUL,
        template_id="SKP-LAMA-PP46-2011",
        template_versi=_VERSI_TEMPLATE,
        nama_berkas="SKP_PP46_2011.xlsx",
        nama_contoh="SKP_PP46_2011_contoh.xlsx",
        judul="SKP PP 46/2011 (2014–2020)",
        lembar=(
            Lembar(
                LEMBAR_SKP,
                tuple((indeks_ke_kolom(i), k.lebar) for i, k in enumerate(kolom, 1)),
                mendatar=True,
                area_cetak=f"A1:T{baris_total + 1}",
            ),
            Lembar(
                LEMBAR_PENILAIAN, (("A", 5), ("B", 46), ("C", 12), ("D", 9), ("E", 12), ("F", 16)), area_cetak="A1:F20"
            ),
            *_lembar_umum(),
        ),
        sel=(*sel_skp, *sel_penilaian),
        tabel=tabel,
        teks=teks,
        petunjuk=(
            "Formulir ini memakai aturan PP 46/2011 dan Perka BKN 1/2013 (SKP tahun 2014–2020).",
            "Isi identitas, periode penilaian, lalu satu baris per kegiatan tugas jabatan pada lembar SKP: "
            "target (TO, TK, TW, TB) dan realisasi (RO, RK, RW, RB). Baris kosong dilewati.",
            "Angka boleh diketik dengan koma desimal (1,5) atau tanda persen (90%). TW dan RW memakai satuan waktu "
            "yang sama. Kosongkan TB dan RB bila kegiatan tidak beranggaran.",
            "Pada lembar Penilaian isi nilai perilaku kerja (0–100) dan pilih apakah jabatan struktural; "
            "aspek Kepemimpinan hanya untuk pejabat struktural.",
            "Jalankan: skpxl hitung NAMA_BERKAS.xlsx --paket pp-46-2011. Sel biru, lembar Penjelasan dan "
            "stempel paket aturan akan diisi; temuan (angka yang tidak terbaca dan sebagainya) tercantum di "
            "lembar Penjelasan.",
            "Lembar dilindungi tanpa kata sandi (Review → Unprotect Sheet) agar sel hasil tidak terketik tanpa "
            "sengaja. Untuk menambah baris kegiatan, sisipkan baris di tengah tabel (bukan di bawahnya).",
            "Nilai kegiatan = rata-rata aspek (3 atau 4); efisiensi waktu/biaya ≤ 24% memakai rumus "
            "(1,76 × T − R)/T × 100, lebih dari 24% memakai 76 − ((1,76 × T − R)/T × 100 − 100). "
            "Nilai prestasi kerja = 60% nilai SKP + 40% nilai perilaku.",
        ),
        masa=(2014, 2020),
        daftar={"DAFTAR_PANGKAT": PANGKAT_PNS},
    )


# --------------------------------------------------------------------------------------------------
# permenpanrb-8-2021


def _p8() -> TataLetak:
    kolom = (
        Kolom("nomor", "No", "Nomor", "hasil", "nomor", 5),
        Kolom(
            "rhk",
            "Rencana hasil kerja (RHK)",
            "Rencana hasil kerja",
            "input",
            "teks",
            32,
            kode="RHK",
            alias=("Rencana hasil kerja",),
            petunjuk="Kosongkan bila sama dengan RHK baris di atasnya.",
        ),
        Kolom(
            "iki",
            "Indikator kinerja individu (IKI)",
            "Indikator kinerja individu",
            "input",
            "teks",
            40,
            kode="IKI",
            alias=("Indikator kinerja individu",),
            wajib=True,
        ),
        Kolom("target", "Target", "Target", "input", "angka", 10, wajib=True),
        Kolom("satuan", "Satuan", "Satuan", "input", "teks", 12, petunjuk="Misalnya dokumen, laporan, %, hari."),
        Kolom(
            "arah",
            "Arah",
            "Arah",
            "input",
            "pilihan",
            10,
            pilihan=ARAH,
            petunjuk="Normal: makin tinggi makin baik. Khusus: makin rendah makin baik (waktu, biaya, keluhan).",
        ),
        Kolom("realisasi", "Realisasi", "Realisasi", "input", "angka", 11, wajib=True),
        Kolom("capaian", "Capaian\n(%)", "Capaian (%)", "hasil", "skor", 10, alias=("Capaian",)),
        Kolom("capaian_dinilai", "Capaian\ndinilai\n(%)", "Capaian dinilai (%)", "hasil", "skor", 10),
        Kolom("nilai", "Nilai\ncapaian\nIKI", "Nilai capaian IKI", "hasil", "skor", 11, wajib=True),
    )
    tabel = Tabel("TABEL_IKI", LEMBAR_SKP, 22, kolom, 25, label_baris="IKI")
    baris_total = tabel.baris_akhir + 1  # 48
    stempel = f"Paket aturan {p8.PACK_ID} v{p8.VERSI} · template SKP-LAMA-PERMENPANRB8-2021 v{_VERSI_TEMPLATE}"
    ident, ident_teks = _identitas(("B", "C", "E"), ("F", "H", "J"), "G", "2021")
    pn = LEMBAR_PENILAIAN
    sel = (
        *ident,
        Sel(
            "nilai_skp",
            "NILAI_SKP",
            LEMBAR_SKP,
            f"J{baris_total}",
            "Nilai SKP",
            "hasil",
            "skor",
            alamat_label=f"A{baris_total}",
            label_sampai=f"I{baris_total}",
            teks_label="NILAI SKP",
        ),
        Sel(
            "nilai_skp",
            "NILAI_UNSUR_SKP",
            pn,
            "C6",
            "Nilai SKP",
            "hasil",
            "skor",
            alamat_label="B6",
            teks_label="Nilai SKP",
        ),
        Sel("bobot_skp", "BOBOT_SKP", pn, "D6", "Bobot nilai SKP", "hasil", "persen"),
        Sel("bagian_skp", "BAGIAN_SKP", pn, "E6", "Nilai SKP × bobot", "hasil", "skor"),
        Sel(
            "nilai_perilaku",
            "NILAI_PERILAKU",
            pn,
            "C7",
            "Nilai perilaku kerja",
            "input",
            "angka",
            alamat_label="B7",
            teks_label="Nilai perilaku kerja",
            wajib=True,
            petunjuk="Nilai perilaku kerja 0–120 dari pejabat penilai (atau hasil penilaian 360°).",
        ),
        Sel("bobot_perilaku", "BOBOT_PERILAKU", pn, "D7", "Bobot nilai perilaku", "hasil", "persen"),
        Sel("bagian_perilaku", "BAGIAN_PERILAKU", pn, "E7", "Nilai perilaku × bobot", "hasil", "skor"),
        Sel(
            "penilaian_360",
            "PENILAIAN_360",
            pn,
            "C9",
            "Penilaian perilaku 360°",
            "input",
            "ya_tidak",
            alamat_label="B9",
            teks_label="Perilaku dinilai secara 360°?",
            pilihan=PILIHAN_YA_TIDAK,
            petunjuk="Ya: bobot 60% SKP + 40% perilaku. Tidak: 70% + 30%.",
        ),
        Sel(
            "inovasi",
            "INOVASI",
            pn,
            "C10",
            "Inovasi",
            "input",
            "ya_tidak",
            alamat_label="B10",
            teks_label="Ada inovasi (syarat predikat Sangat Baik)?",
            pilihan=PILIHAN_YA_TIDAK,
        ),
        Sel(
            "nilai",
            "NILAI_KINERJA",
            pn,
            "E12",
            "Nilai kinerja pegawai",
            "hasil",
            "skor",
            alamat_label="B12",
            teks_label="NILAI KINERJA PEGAWAI",
        ),
        Sel(
            "predikat",
            "PREDIKAT",
            pn,
            "E13",
            "Predikat kinerja",
            "hasil",
            "label",
            sampai="F13",
            alamat_label="B13",
            teks_label="PREDIKAT KINERJA",
        ),
        Sel(
            "paket",
            "PAKET_ATURAN",
            pn,
            "C14",
            "Paket aturan",
            "hasil",
            "teks",
            sampai="F14",
            alamat_label="B14",
            teks_label="Dihitung dengan paket aturan",
        ),
        _sel_penjelasan(),
    )
    teks = (
        *_kepala(LEMBAR_SKP, "J", "SASARAN KERJA PEGAWAI (PermenPANRB 8/2021) — TARGET DAN REALISASI", stempel),
        *ident_teks,
        *_kepala(LEMBAR_PENILAIAN, "F", "NILAI KINERJA PEGAWAI (PP 30/2019, PermenPANRB 8/2021)", stempel),
        Teks(pn, "A5", "No", "kepala"),
        Teks(pn, "B5", "Unsur yang dinilai", "kepala"),
        Teks(pn, "C5", "Nilai", "kepala"),
        Teks(pn, "D5", "Bobot", "kepala"),
        Teks(pn, "E5", "Jumlah", "kepala"),
        Teks(pn, "A6", "1", "label"),
        Teks(pn, "A7", "2", "label"),
        *_penjelasan_teks(),
    )
    return TataLetak(
        paket_id=p8.PACK_ID,
        paket_versi=p8.VERSI,
        paket_judul=p8.JUDUL,
        template_id="SKP-LAMA-PERMENPANRB8-2021",
        template_versi=_VERSI_TEMPLATE,
        nama_berkas="SKP_PERMENPANRB8_2021.xlsx",
        nama_contoh="SKP_PERMENPANRB8_2021_contoh.xlsx",
        judul="SKP PermenPANRB 8/2021 (2021)",
        lembar=(
            Lembar(
                LEMBAR_SKP,
                tuple((indeks_ke_kolom(i), k.lebar) for i, k in enumerate(kolom, 1)),
                mendatar=True,
                area_cetak=f"A1:J{baris_total}",
            ),
            Lembar(
                LEMBAR_PENILAIAN, (("A", 5), ("B", 46), ("C", 12), ("D", 9), ("E", 12), ("F", 16)), area_cetak="A1:F14"
            ),
            *_lembar_umum(),
        ),
        sel=sel,
        tabel=tabel,
        teks=teks,
        petunjuk=(
            "Formulir ini memakai aturan PP 30/2019 dan PermenPANRB 8/2021 (SKP tahun 2021, nilai 0–120).",
            "Isi identitas, periode penilaian, lalu satu baris per IKI pada lembar SKP: RHK (boleh dikosongkan "
            "bila sama dengan baris di atasnya), IKI, target, satuan, arah dan realisasi. Baris kosong dilewati.",
            "Arah Normal: capaian = realisasi/target × 100. Arah Khusus (makin rendah makin baik, misalnya waktu "
            "atau jumlah keluhan): capaian = (2 − realisasi/target) × 100.",
            "Capaian dibulatkan ke persen bulat sebelum dicari nilainya: > 110% → 120; 101–110% → "
            "110 + 10/9 × (capaian − 101); 100% → 109; 80–99% → 70 + (capaian − 80); 60–79% → 50 + (capaian − 60); "
            "< 60% → capaian/59 × 49.",
            "Pada lembar Penilaian isi nilai perilaku kerja, pilih apakah perilaku dinilai 360° (bobot 60/40, "
            "selain itu 70/30) dan apakah ada inovasi (syarat predikat Sangat Baik).",
            "Jalankan: skpxl hitung NAMA_BERKAS.xlsx --paket permenpanrb-8-2021. Sel biru, lembar Penjelasan dan "
            "stempel paket aturan akan diisi.",
            "Lembar dilindungi tanpa kata sandi (Review → Unprotect Sheet) agar sel hasil tidak terketik tanpa "
            "sengaja. Untuk menambah baris IKI, sisipkan baris di tengah tabel (bukan di bawahnya).",
        ),
        masa=(2021, 2021),
        daftar={"DAFTAR_PANGKAT": PANGKAT_PNS + PANGKAT_PPPK},
    )


_VERSI_TEMPLATE = "1.0.0"

TATA_LETAK: dict[str, TataLetak] = {t.paket_id: t for t in (_pp46(), _p8())}
"""The legacy layouts by pack id."""


def tata_letak(paket_id: str) -> TataLetak:
    """The legacy layout of a pack; an Indonesian error for a pack without one."""
    if paket_id in TATA_LETAK:
        return TATA_LETAK[paket_id]
    pilihan = ", ".join(TATA_LETAK)
    raise InputTidakValid(
        f"Paket aturan '{paket_id}' tidak memakai format SKP lama. Pilihan untuk format lama: {pilihan}."
    )
