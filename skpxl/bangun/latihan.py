"""Case studies for trainers: a small fictional unit whose workbooks carry planted SKP practice failures.

Bidang Pengelolaan Arsip of a fictional Dinas Perpustakaan dan Kearsipan (Kota Tirta Makmur, which does
not exist): a head, two section heads and six staff, nine workbooks. Every name and NIP is invented
(NIPs are only structurally valid). Each workbook is clean except for the failures planted in it, one or
two per person, covering the five failures the SKP training names: unmeasurable indicators, unrealistic
targets, SKP as a formality, evaluators who do not know the rules, and little evaluation and feedback.

The answer key (``kunci_jawaban.json`` for machines and tests, ``kunci_jawaban.md`` for trainers) is
generated from the same :data:`PESERTA` design as the workbooks: every planted failure names the finding
code it must raise, where (resolved to a cell by reading the built workbook back) and why. The expected
Penilai and Pemantauan tables of the recap are in the key too.

``python -m skpxl.bangun`` writes ``workbook_templates/latihan/``; the output is byte-reproducible.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import cast

from skpxl.buku.layout import TEMPLATE_ID, TEMPLATE_VERSI
from skpxl.core.enums import PANDUAN_PERILAKU, NilaiInti, Periodisasi
from skpxl.core.models import IKI, RHK, EvaluasiIKI, EvaluasiPeriode, Identitas, Lampiran, PerilakuKerja, SkpForm
from skpxl.core.periode import AKHIR, cari_periode
from skpxl.core.temuan import KATALOG, pisah_alamat

__all__ = ["PESERTA", "Peserta", "Tanam", "form_unit", "kunci_jawaban", "tulis_latihan"]

TAHUN = 2026
INSTANSI = "Pemerintah Kota Tirta Makmur"
DINAS = "Dinas Perpustakaan dan Kearsipan"
UNIT = "Bidang Pengelolaan Arsip"
UNIT_LENGKAP = f"{UNIT}, {DINAS} Kota Tirta Makmur"
PREDIKAT_ORGANISASI = "Baik"
DOMAIN_BUKTI = "https://arsip.tirtamakmur.example/bukti"
KODE_PERIODE = ("TW1", "TW2", "TW3", "TW4", AKHIR)
ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
_HURUF = {"A": ATAS, "S": SESUAI, "B": BAWAH}
# The predikat matrix of PermenPANRB 6/2022 (spec §4) by letters (hasil kerja, perilaku): the key's oracle.
MATRIKS = {("A", "B"): "Kurang/Misconduct", ("A", "S"): "Baik", ("A", "A"): "Sangat Baik",
           ("S", "B"): "Kurang/Misconduct", ("S", "S"): "Baik", ("S", "A"): "Baik",
           ("B", "B"): "Sangat Kurang", ("B", "S"): "Butuh Perbaikan", ("B", "A"): "Butuh Perbaikan"}  # fmt: skip

# The five failures of SKP practice the training names (and the recap's monitoring answer to them).
TIDAK_TERUKUR = "Indikator kinerja tidak terukur"
TIDAK_REALISTIS = "Target tidak realistis"
FORMALITAS = "SKP sekadar formalitas administratif"
PENILAI = "Pejabat penilai belum memahami aturan"
UMPAN_BALIK = "Minim evaluasi dan umpan balik"


@dataclass(frozen=True)
class Pejabat:
    """Someone outside the unit, in identity blocks only."""

    nama: str
    nip: str
    pangkat: str
    jabatan: str
    unit_kerja: str


KEPALA_DINAS = Pejabat("Dra. Lusiana Manurung, M.Si.", "197001241995032001", "Pembina Utama Muda (IV/c)",
                       f"Kepala {DINAS}", f"{DINAS} Kota Tirta Makmur")  # fmt: skip
SEKRETARIS_DAERAH = Pejabat("Drs. Antonius Wijaya, M.M.", "196805171993031002", "Pembina Utama Madya (IV/d)",
                            "Sekretaris Daerah", "Sekretariat Daerah Kota Tirta Makmur")  # fmt: skip
RHK_KEPALA_DINAS = (
    "Meningkatnya kualitas pengelolaan arsip dinamis dan statis perangkat daerah",
    "Meningkatnya pemanfaatan arsip oleh masyarakat",
)

# Lokasi of a planted finding, resolved against the workbook read back:
#   ("iki", r, i, medan) · ("rhk", r, medan) · ("ev", r, i, periode, medan) · ("periode", periode, kunci)
#   · ("form", kunci) · None (a finding of the recap, about the file as a whole)
Lokasi = tuple[object, ...] | None


@dataclass(frozen=True)
class Tanam:
    """One planted failure: the finding it must raise, where, and why (for the trainer)."""

    kode: str
    lokasi: Lokasi
    kegagalan: str
    mengapa: str
    sumber: str = "validasi"  # validasi (Validasi button) · hitung (Hitung notes) · rekap (across files)


@dataclass(frozen=True)
class IkiLatihan:
    aspek: str
    teks: str
    target: Decimal | str
    satuan: str
    realisasi: tuple[Decimal, ...]  # TW1..TW4, AKHIR


@dataclass(frozen=True)
class RhkLatihan:
    teks: str
    atasan: str
    iki: tuple[IkiLatihan, ...]


@dataclass(frozen=True)
class Peserta:
    """One person of the training unit: identity, plan, evaluations, and what was planted."""

    kode: str
    nama: str
    nip: str
    pangkat: str
    jabatan: str
    jenis_jabatan: str
    penilai: str | None  # kode of the pejabat penilai in the unit; None → the Kepala Dinas
    rhk: tuple[RhkLatihan, ...]
    rating_hasil_kerja: str  # AKHIR, typed by the evaluator (letter)
    rating_perilaku: str  # AKHIR, typed by the evaluator (letter)
    tanam: tuple[Tanam, ...] = ()
    ubah: tuple[Callable[[SkpForm], None], ...] = ()  # the edits that plant the failures
    catatan: str = "Pertahankan kinerja dan lengkapi bukti dukung setiap akhir bulan."


def _d(x: str | int) -> Decimal:
    return Decimal(x)


def _real(target: int, *capaian: int) -> tuple[Decimal, ...]:
    """Realisasi of an arah-normal IKI from its capaian per period (percent): exact decimals."""
    return tuple(_d(target * c) / 100 for c in capaian)


# The baseline year: RHK 1 above target (both IKI > 100%), RHK 2 below (one IKI under 100%), so the
# proposed rating is Sesuai Ekspektasi in every period; capaian vary from IKI to IKI and period to period.
POLA = ((105, 110, 105, 110, 110), (110, 105, 110, 105, 105), (95, 90, 95, 90, 95), (100, 105, 100, 105, 100))


def _iki(n: int, aspek: str, teks: str, target: int, satuan: str, capaian: Sequence[int] | None = None) -> IkiLatihan:
    return IkiLatihan(aspek, teks, _d(target), satuan, _real(target, *(capaian or POLA[n])))


def _rhk(teks: str, atasan: str, *iki: IkiLatihan) -> RhkLatihan:
    return RhkLatihan(teks, atasan, iki)


def _sama(iki: IkiLatihan, capaian: int) -> IkiLatihan:
    return IkiLatihan(iki.aspek, iki.teks, iki.target, iki.satuan, _real(int(iki.target), *([capaian] * 5)))


# --- planted edits ------------------------------------------------------------------------------------


def _kosongkan_umpan_balik_iki(r: int, i: int, kode: str, medan: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        setattr(f.rhk[r].iki[i].evaluasi[kode], medan, None)

    return ubah


def _kosongkan_perilaku(kode: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        f.evaluasi[kode].umpan_balik_perilaku = {}

    return ubah


def _hapus_periode(*kode: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        for k in kode:
            f.evaluasi.pop(k, None)
            for r in f.rhk:
                for i in r.iki:
                    i.evaluasi.pop(k, None)

    return ubah


def _belum_dinilai(kode: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        f.evaluasi[kode].rating_perilaku = None

    return ubah


def _perilaku_seragam(kode: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        ep = f.evaluasi[kode]
        ep.rating_perilaku = None
        ep.umpan_balik_perilaku = {}
        ep.rating_perilaku_per_nilai = {n.value: SESUAI for n in NilaiInti}

    return ubah


def _perilaku_bawah(nilai: NilaiInti, umpan_balik: str) -> Callable[[SkpForm], None]:
    def ubah(f: SkpForm) -> None:
        ep = f.evaluasi[AKHIR]
        ep.rating_perilaku_per_nilai = {n.value: BAWAH if n is nilai else SESUAI for n in NilaiInti}
        ep.umpan_balik_perilaku = ep.umpan_balik_perilaku | {nilai.value: umpan_balik}

    return ubah


# --- the unit ---------------------------------------------------------------------------------------------

KABID, KASI_A, KASI_B = "kabid", "kasi_a", "kasi_b"
_R_KABID = (RHK_KEPALA_DINAS[0], "Terlaksananya layanan arsip yang mudah diakses masyarakat")
_R_KASI_A = ("Terakuisisinya arsip statis dari perangkat daerah sesuai jadwal retensi",
             "Tersusunnya daftar arsip statis yang siap dilayankan")  # fmt: skip
_R_KASI_B = ("Terlayaninya permintaan peminjaman arsip secara cepat", "Terselenggaranya pameran dan publikasi arsip")

# a3 and b3 hold the same plan word for word although their jobs differ (SKP_IDENTIK)
_RHK_SALINAN = (
    ("Terdigitalisasinya arsip statis prioritas",
     _iki(0, "Kuantitas", "Jumlah arsip statis prioritas yang dialihmediakan", 20, "berkas"),
     _iki(1, "Kualitas", "Persentase hasil alih media yang lolos uji keterbacaan", 80, "%")),
    ("Terunggahnya arsip digital pada portal layanan arsip",
     _iki(2, "Kuantitas", "Jumlah arsip digital yang diunggah ke portal", 20, "berkas"),
     _iki(3, "Kualitas", "Persentase arsip digital dengan metadata lengkap", 80, "%")),
)  # fmt: skip

PESERTA: tuple[Peserta, ...] = (
    Peserta(KABID, "Hendra Gunawan Saputro, S.Sos., M.A.P.", "197805122003121002", "Pembina (IV/a)",
            "Kepala Bidang Pengelolaan Arsip", "Administrator", None, (
        _rhk(_R_KABID[0], RHK_KEPALA_DINAS[0],
             _iki(0, "Kuantitas", "Jumlah perangkat daerah yang diawasi pengelolaan arsipnya", 20, "perangkat daerah"),
             _iki(1, "Kualitas", "Persentase perangkat daerah dengan hasil pengawasan kearsipan minimal Baik", 80,
                  "%")),
        _rhk(_R_KABID[1], RHK_KEPALA_DINAS[1],
             _iki(2, "Kuantitas", "Jumlah layanan arsip yang tersedia secara daring", 20, "layanan"),
             _iki(3, "Kualitas", "Persentase permintaan layanan arsip yang diselesaikan", 80, "%")),
    ), "S", "A", tanam=(
        Tanam("RHK_SALINAN_ATASAN", ("rhk", 0, "teks"), FORMALITAS,
              "RHK pertama disalin kata demi kata dari RHK Kepala Dinas yang diintervensi; kepala bidang belum "
              "merumuskan hasil kerjanya sendiri."),
    )),
    Peserta(KASI_A, "Wulan Sari Pertiwi, S.I.P.", "198503092010012004", "Penata Tingkat I (III/d)",
            "Kepala Seksi Akuisisi dan Pengolahan Arsip", "Pengawas", KABID, (
        _rhk(_R_KASI_A[0], _R_KABID[0],
             _iki(0, "Kuantitas", "Jumlah arsip statis yang diakuisisi dari perangkat daerah", 20, "berkas",
                  (130, 140, 150, 135, 140)),
             _iki(1, "Kualitas", "Persentase arsip akuisisi yang dilengkapi berita acara", 80, "%")),
        _rhk(_R_KASI_A[1], _R_KABID[0],
             _iki(2, "Kuantitas", "Jumlah daftar arsip statis yang disusun", 20, "daftar"),
             IkiLatihan("Kualitas", "Persentase daftar arsip yang lolos verifikasi", "20-80", "%",
                        _real(80, 100, 105, 100, 105, 100))),
    ), "S", "S", tanam=(
        Tanam("TARGET_TERLALU_RENDAH", ("iki", 0, 0, "target"), TIDAK_REALISTIS,
              "Capaian 130%, 140%, 150%, 135% dan 140%: setiap periode jauh di atas target (≥ 130%), jadi target 20 "
              "berkas terlalu mudah dicapai."),
        Tanam("TARGET_RENTANG_LEBAR", ("iki", 1, 1, "target"), TIDAK_REALISTIS,
              "Rentang 20–80% selebar 60 poin, tiga kali batas bawahnya: hampir semua hasil masuk rentang, sehingga "
              "target tidak membedakan kinerja."),
    )),
    Peserta(KASI_B, "Bonifasius Tukan, S.Kom.", "198211172009031003", "Penata Tingkat I (III/d)",
            "Kepala Seksi Layanan dan Pemanfaatan Arsip", "Pengawas", KABID, (
        _rhk(_R_KASI_B[0], _R_KABID[1],
             _iki(0, "Kuantitas", "Jumlah permintaan peminjaman arsip yang dilayani", 20, "permintaan"),
             _iki(1, "Kualitas", "Persentase pengguna layanan yang menyatakan puas", 80, "%")),
        _rhk(_R_KASI_B[1], _R_KABID[1],
             _iki(2, "Kuantitas", "Jumlah pameran arsip yang diselenggarakan", 20, "pameran", (40, 45, 40, 45, 45)),
             IkiLatihan("Waktu", "Rata-rata waktu penyiapan bahan pameran arsip", _d(0), "hari", (_d(0),) * 5)),
    ), "S", "S", tanam=(
        Tanam("TARGET_TIDAK_REALISTIS", ("iki", 1, 0, "target"), TIDAK_REALISTIS,
              "Capaian 40%, 45%, 40%, 45% dan 45% (termasuk akhir tahun): 20 pameran setahun tidak pernah mendekati "
              "realisasi, targetnya tidak realistis."),
        Tanam("TARGET_WAKTU_NOL", ("iki", 1, 1, "target"), TIDAK_REALISTIS,
              "Target waktu 0 hari: tidak ada bahan pameran yang siap dalam 0 hari."),
    )),
    Peserta("a1", "Rahmat Hidayatullah", "199104232015031001", "Pengatur (II/c)", "Pengolah Arsip", "Pelaksana",
            KASI_A, (
        _rhk("Terolahnya arsip statis hasil akuisisi", _R_KASI_A[0],
             _iki(0, "Kuantitas", "Jumlah berkas arsip statis yang diolah", 20, "berkas"),
             _iki(1, "Kualitas", "Persentase berkas olahan yang sesuai standar deskripsi", 80, "%")),
        _rhk("Tersusunnya daftar arsip statis per khazanah", _R_KASI_A[1],
             _iki(2, "Kuantitas", "Jumlah daftar arsip statis yang diselesaikan", 20, "daftar"),
             _iki(3, "Kualitas", "Persentase entri daftar arsip yang lolos verifikasi", 80, "%")),
    ), "S", "S", tanam=(
        Tanam("UMPAN_BALIK_KOSONG", ("ev", 0, 1, "TW2", "umpan_balik"), UMPAN_BALIK,
              "Triwulan II: realisasi 2 dari 4 IKI sudah diisi tanpa umpan balik berkelanjutan dari pejabat penilai."),
        Tanam("BUKTI_DUKUNG_KOSONG", ("ev", 1, 0, "TW2", "bukti_dukung"), UMPAN_BALIK,
              "Triwulan II: realisasi IKI daftar arsip diisi tanpa bukti dukung; angka itu tidak dapat diperiksa."),
        Tanam("PREDIKAT_BELUM", ("periode", "TW4", "predikat"), UMPAN_BALIK,
              "Triwulan IV: realisasi sudah diisi, tetapi pejabat penilai belum memberi rating perilaku, sehingga "
              "predikat triwulan itu belum ada (lihat juga lembar Pemantauan).", "hitung"),
    ), ubah=(_kosongkan_umpan_balik_iki(0, 1, "TW2", "umpan_balik"),
             _kosongkan_umpan_balik_iki(1, 0, "TW2", "umpan_balik"),
             _kosongkan_umpan_balik_iki(1, 0, "TW2", "bukti_dukung"), _belum_dinilai("TW4"))),
    Peserta("a2", "Maria Goreti Seran, A.Md.", "199307302017082002", "Pengatur Tingkat I (II/d)",
            "Pengadministrasi Arsip", "Pelaksana", KASI_A, (
        _rhk("Terdeskripsinya arsip foto dan peta", _R_KASI_A[0],
             _iki(0, "Kuantitas", "Jumlah arsip foto dan peta yang dideskripsi", 20, "berkas"),
             _iki(1, "Kualitas", "Persentase deskripsi arsip foto yang lengkap", 80, "%")),
        _rhk("Termutakhirkannya data arsip pada aplikasi kearsipan", _R_KASI_A[1],
             _iki(2, "Kuantitas", "Jumlah entri data arsip yang dimutakhirkan", 20, "entri"),
             _iki(3, "Kualitas", "Persentase entri data arsip tanpa kesalahan", 80, "%")),
    ), "S", "S", catatan="Ikuti pelatihan kerja tim dan libatkan diri dalam kegiatan bersama seksi.", tanam=(
        Tanam("UMPAN_BALIK_PERILAKU_KOSONG", ("periode", "TW3", "umpan_balik_perilaku:Berorientasi Pelayanan"),
              UMPAN_BALIK,
              "Triwulan III sudah berisi realisasi dan rating, tetapi tidak satu pun dari 7 nilai inti perilaku kerja "
              "diberi umpan balik."),
    ), ubah=(_kosongkan_perilaku("TW3"), _hapus_periode("TW4"),
             _perilaku_bawah(NilaiInti.KOLABORATIF, "Jarang terlibat dalam kegiatan bersama seksi; diminta aktif "
                             "membantu rekan saat pengolahan arsip bersama."))),
    Peserta("a3", "Yusuf Maulana Akbar", "199511112019021003", "Pengatur (II/c)", "Penata Dokumen Arsip",
            "Pelaksana", KASI_A, tuple(_rhk(teks, _R_KASI_A[j], *iki) for j, (teks, *iki) in enumerate(_RHK_SALINAN)),
            "S", "S", tanam=(
        Tanam("AKHIR_TANPA_PERIODIK", ("periode", AKHIR, "rating_hasil_kerja"), UMPAN_BALIK,
              "Hanya evaluasi akhir tahun yang diisi; tidak ada evaluasi triwulanan sepanjang tahun."),
        Tanam("SKP_IDENTIK", None, FORMALITAS,
              "RHK, IKI dan target sama persis dengan SKP Siska Amelia Putri (Petugas Digitalisasi Arsip), padahal "
              "jabatannya berbeda.", "rekap"),
    ), ubah=(_hapus_periode("TW1", "TW2", "TW3", "TW4"),)),
    Peserta("b1", "Ketut Ayu Lestari, S.Hum.", "199001052014022001", "Penata Muda (III/a)",
            "Penelaah Layanan Arsip", "Pelaksana", KASI_B, (
        _rhk("Terlayaninya peminjaman arsip di ruang baca", _R_KASI_B[0],
             _sama(_iki(0, "Kuantitas", "Jumlah peminjaman arsip yang dilayani di ruang baca", 20, "peminjaman"), 100),
             _sama(_iki(1, "Kualitas", "Persentase peminjaman yang dilayani tepat waktu", 80, "%"), 100)),
        _rhk("Tersusunnya laporan statistik layanan arsip", _R_KASI_B[0],
             _sama(_iki(2, "Kuantitas", "Jumlah laporan statistik layanan yang disusun", 20, "laporan"), 100),
             _sama(_iki(3, "Kualitas", "Persentase data laporan yang terverifikasi", 80, "%"), 100)),
    ), "A", "A", tanam=(
        Tanam("TARGET_SAMA_REALISASI", ("form", "tabel_hasil_kerja"), FORMALITAS,
              "Realisasi keempat IKI persis sama dengan targetnya pada setiap periode: angka disalin dari target, "
              "bukan dari bukti dukung."),
        Tanam("RATING_BERBEDA_USULAN", ("periode", AKHIR, "rating_hasil_kerja"), PENILAI,
              "Usulan skpxl Sesuai Ekspektasi (semua IKI tepat 100%), tetapi pejabat penilai memberi Di Atas "
              "Ekspektasi.", "hitung"),
    )),
    Peserta("b2", "Fajar Nugroho", "199206142016031004", "Pengatur Tingkat I (II/d)",
            "Petugas Layanan Peminjaman Arsip", "Pelaksana", KASI_B, (
        _rhk("Terlaksananya layanan penelusuran arsip daring", _R_KASI_B[0],
             _iki(0, "Kuantitas", "Jumlah permintaan penelusuran arsip daring yang diselesaikan", 20, "permintaan"),
             _iki(1, "Kualitas", "Persentase hasil penelusuran yang sesuai permintaan", 80, "%")),
        _rhk("Terlaksananya pameran arsip keliling", _R_KASI_B[1],
             _iki(2, "Kuantitas", "Jumlah sekolah yang dikunjungi pameran arsip keliling", 20, "sekolah"),
             _iki(3, "Kualitas", "Terlaksananya pameran arsip secara optimal", 80, "pameran")),
    ), "A", "S", tanam=(
        Tanam("IKI_KATA_KABUR", ("iki", 1, 1, "teks"), TIDAK_TERUKUR,
              "\"Terlaksananya pameran arsip secara optimal\" tidak menyebut apa yang dihitung; \"optimal\" tidak "
              "dapat diukur."),
        Tanam("PERILAKU_SERAGAM", ("periode", "TW2", "rating_perilaku_per_nilai:Berorientasi Pelayanan"),
              FORMALITAS,
              "Triwulan II: ketujuh nilai inti diberi rating Sesuai Ekspektasi tanpa satu pun umpan balik."),
        Tanam("RATING_BERBEDA_USULAN", ("periode", AKHIR, "rating_hasil_kerja"), PENILAI,
              "Usulan skpxl Sesuai Ekspektasi (satu RHK di atas, satu di bawah target), tetapi pejabat penilai "
              "memberi Di Atas Ekspektasi.", "hitung"),
    ), ubah=(_perilaku_seragam("TW2"),)),
    Peserta("b3", "Siska Amelia Putri", "199609212020122002", "Pengatur (II/c)", "Petugas Digitalisasi Arsip",
            "Pelaksana", KASI_B, tuple(
        _rhk(teks, _R_KASI_B[j], *(_sama(i, 80) for i in iki)) for j, (teks, *iki) in enumerate(_RHK_SALINAN)),
            "B", "S", catatan="Susun rencana perbaikan bersama atasan; ikuti bimbingan teknis alih media arsip.",
            tanam=(
        Tanam("CAPAIAN_SERAGAM", ("form", "tabel_hasil_kerja"), FORMALITAS,
              "Keempat IKI tercatat tepat 80% pada setiap periode: capaian yang seragam menandakan realisasi tidak "
              "diukur satu per satu."),
        Tanam("SKP_IDENTIK", None, FORMALITAS,
              "RHK, IKI dan target sama persis dengan SKP Yusuf Maulana Akbar (Penata Dokumen Arsip), padahal "
              "jabatannya berbeda.", "rekap"),
    )),
)  # fmt: skip

# Findings of the recap about an evaluator: (evaluator kode, code, why)
TANAM_PENILAI: tuple[tuple[str, Tanam], ...] = (
    (KASI_A, Tanam("PENILAI_RATING_SERAGAM", None, PENILAI,
                   "Kepala Seksi Akuisisi memberi ketiga pegawainya rating hasil kerja Sesuai Ekspektasi tanpa "
                   "membedakan kinerja masing-masing.", "rekap")),
    (KASI_B, Tanam("PENILAI_MENAIKKAN", None, PENILAI,
                   "Kepala Seksi Layanan menaikkan rating 2 dari 3 pegawai di atas usulan skpxl (67%, lebih dari "
                   "50%), padahal realisasinya tidak mendukung.", "rekap")),
)  # fmt: skip

_PER_KODE = {p.kode: p for p in PESERTA}

EKSPEKTASI_KHUSUS = {
    NilaiInti.BERORIENTASI_PELAYANAN: "Melayani permintaan arsip paling lambat satu hari kerja",
    NilaiInti.AKUNTABEL: "Mengunggah bukti dukung kinerja setiap akhir bulan",
    NilaiInti.KOMPETEN: "Mengikuti satu pelatihan kearsipan per semester",
    NilaiInti.HARMONIS: "Menghargai pendapat rekan dalam rapat seksi",
    NilaiInti.LOYAL: "Menjaga kerahasiaan arsip yang bersifat terbatas",
    NilaiInti.ADAPTIF: "Menggunakan aplikasi kearsipan terbaru",
    NilaiInti.KOLABORATIF: "Membantu rekan dalam kegiatan pengolahan arsip bersama",
}
LAMPIRAN = Lampiran(
    dukungan_sumber_daya=["Anggaran pengelolaan arsip pada DPA Dinas Tahun 2026", "Aplikasi kearsipan daring"],
    skema_pertanggungjawaban=["Laporan capaian kinerja triwulanan kepada atasan langsung"],
    konsekuensi=["Capaian di bawah target ditindaklanjuti dengan rencana perbaikan"],
)


def _identitas(x: Peserta | Pejabat) -> Identitas:
    unit = x.unit_kerja if isinstance(x, Pejabat) else UNIT_LENGKAP
    return Identitas(nama=x.nama, nip=x.nip, pangkat=x.pangkat, jabatan=x.jabatan, unit_kerja=unit)


def _penilai(p: Peserta) -> tuple[Peserta | Pejabat, Peserta | Pejabat]:
    if p.penilai is None:
        return KEPALA_DINAS, SEKRETARIS_DAERAH
    penilai = _PER_KODE[p.penilai]
    return penilai, (_PER_KODE[penilai.penilai] if penilai.penilai else KEPALA_DINAS)


def _label(kode: str) -> str:
    return cari_periode(kode).label


def form_peserta(p: Peserta) -> SkpForm:
    """The workbook content of one person: a clean year, then the planted edits."""
    rhk: list[RHK] = []
    for j, r in enumerate(p.rhk):
        daftar: list[IKI] = []
        for m, ik in enumerate(r.iki):
            evaluasi = {
                kode: EvaluasiIKI(
                    realisasi=ik.realisasi[n],
                    bukti_dukung=f"{DOMAIN_BUKTI}/{p.nip}/{kode.lower()}/rhk{j + 1}-iki{m + 1}",
                    umpan_balik=f"{_label(kode)}: realisasi dibahas bersama; lanjutkan sesuai rencana kerja.",
                )
                for n, kode in enumerate(KODE_PERIODE)
            }
            daftar.append(IKI(aspek=ik.aspek, teks=ik.teks, target=ik.target, satuan=ik.satuan, evaluasi=evaluasi))
        rhk.append(RHK(jenis="Utama", rhk_atasan=r.atasan, teks=r.teks, iki=daftar))
    evaluasi_periode: dict[str, EvaluasiPeriode] = {}
    for kode in KODE_PERIODE:
        ep = EvaluasiPeriode(
            rating_perilaku=SESUAI,
            umpan_balik_perilaku={
                NilaiInti.BERORIENTASI_PELAYANAN.value: "Permintaan arsip dilayani ramah dan tepat waktu.",
                NilaiInti.AKUNTABEL.value: "Bukti dukung diunggah teratur.",
            },
            predikat_organisasi=PREDIKAT_ORGANISASI if kode == AKHIR else None,
        )
        if kode == AKHIR:
            ep.rating_hasil_kerja = _HURUF[p.rating_hasil_kerja]
            ep.rating_perilaku = _HURUF[p.rating_perilaku]
            ep.catatan = p.catatan
        evaluasi_periode[kode] = ep
    penilai, atasan = _penilai(p)
    form = SkpForm(
        instansi=INSTANSI,
        unit_kerja=UNIT,
        periode_awal=date(TAHUN, 1, 1),
        periode_akhir=date(TAHUN, 12, 31),
        periodisasi=Periodisasi.TRIWULANAN.value,
        jenis_jabatan=p.jenis_jabatan,
        pendekatan="Kuantitatif",
        pegawai=_identitas(p),
        penilai=_identitas(penilai),
        atasan_penilai=_identitas(atasan),
        rhk=rhk,
        perilaku=[
            PerilakuKerja(nilai_inti=n.value, panduan=list(PANDUAN_PERILAKU[n]), ekspektasi_khusus=EKSPEKTASI_KHUSUS[n])
            for n in NilaiInti
        ],
        lampiran=LAMPIRAN.model_copy(deep=True),
        evaluasi=evaluasi_periode,
        tempat_tanggal="Tirta Makmur, 15 Januari 2027",
        template_id=TEMPLATE_ID,
        template_versi=TEMPLATE_VERSI,
    )
    for ubah in p.ubah:
        ubah(form)
    return form


def nama_berkas(i: int, p: Peserta) -> str:
    kata = re.sub(r"[^a-z ]", "", p.nama.split(",")[0].lower()).split()
    return f"{i:02d}_{'_'.join(kata[:2])}.xlsx"


def form_unit() -> list[tuple[str, SkpForm]]:
    """(file name, form) of every person of the training unit, head first."""
    return [(nama_berkas(i, p), form_peserta(p)) for i, p in enumerate(PESERTA, start=1)]


# --- the answer key ---------------------------------------------------------------------------------------


def _alamat(form: SkpForm, lokasi: Lokasi) -> tuple[str | None, str | None]:
    """(sheet, cell) of a planted finding in the workbook as read back; (None, None) for recap findings."""
    if lokasi is None:
        return None, None
    jenis, *rest = lokasi
    sel: dict[str, str]
    if jenis == "iki":
        r, i, kunci = rest
        sel = form.rhk[int(str(r))].iki[int(str(i))].sel
    elif jenis == "rhk":
        r, kunci = rest
        sel = form.rhk[int(str(r))].sel
    elif jenis == "ev":
        r, i, kode, medan = rest
        iki = form.rhk[int(str(r))].iki[int(str(i))]
        sel, kunci = {k.removesuffix(f":{kode}"): v for k, v in iki.sel.items() if k.endswith(f":{kode}")}, medan
    elif jenis == "periode":
        kode, kunci = rest
        sel = form.evaluasi[str(kode)].sel
    else:
        (kunci,) = rest
        sel = form.sel
    return pisah_alamat(sel[str(kunci)])


@dataclass
class Kunci:
    """The answer key: every finding the unit must raise, and the recap tables it must produce."""

    temuan: list[dict[str, object]] = field(default_factory=list)
    penilai: list[dict[str, object]] = field(default_factory=list)
    pemantauan: list[dict[str, object]] = field(default_factory=list)
    kebutuhan_pengembangan: list[dict[str, object]] = field(default_factory=list)
    predikat_akhir: dict[str, str] = field(default_factory=dict)  # file → the designed AKHIR predikat


def _bit(form: SkpForm, kode: str) -> tuple[bool, bool, bool]:
    """(realisasi filled, evaluated, feedback given) of a period, straight from the design's form."""
    iki = [i.evaluasi[kode] for r in form.rhk for i in r.iki if kode in i.evaluasi]
    ep = form.evaluasi.get(kode)
    return (
        bool(iki),
        ep is not None and (ep.rating_perilaku is not None or bool(ep.rating_perilaku_per_nilai)),
        any(e.umpan_balik for e in iki) or (ep is not None and any(ep.umpan_balik_perilaku.values())),
    )


def kunci_jawaban(dibaca: dict[str, SkpForm]) -> Kunci:
    """The key from the design; ``dibaca`` maps file name → the form read back from the built workbook (cells)."""
    kunci = Kunci()
    berkas_per_kode = {p.kode: nama_berkas(i, p) for i, p in enumerate(PESERTA, start=1)}
    for p in PESERTA:
        berkas = berkas_per_kode[p.kode]
        for t in p.tanam:
            lembar, sel = _alamat(dibaca[berkas], t.lokasi)
            kunci.temuan.append(_entri(berkas, t, lembar, sel))
    for kode_penilai, t in TANAM_PENILAI:
        kunci.temuan.append(_entri(berkas_per_kode[kode_penilai], t, None, None))
    # Penilai: ratings given at AKHIR against the designed proposal (Sesuai for every baseline year)
    usulan = {"b1": "S", "b3": "B"}
    urut = {"B": 0, "S": 1, "A": 2}
    per_penilai: dict[str, list[Peserta]] = {}
    for p in PESERTA:
        per_penilai.setdefault(p.penilai or "kepala_dinas", []).append(p)
    for kode_penilai, staf in per_penilai.items():
        pj = KEPALA_DINAS if kode_penilai == "kepala_dinas" else _PER_KODE[kode_penilai]
        beda = [urut[s.rating_hasil_kerja] - urut[usulan.get(s.kode, "S")] for s in staf]
        forms = [form_peserta(s) for s in staf]
        periode = [k for f in forms for k in KODE_PERIODE if _bit(f, k)[0]]
        dengan_ub = [k for f in forms for k in KODE_PERIODE if _bit(f, k)[0] and _bit(f, k)[2]]
        kunci.penilai.append({
            "nip_penilai": pj.nip, "nama_penilai": pj.nama, "pegawai": len(staf),
            "rating_di_atas": sum(s.rating_hasil_kerja == "A" for s in staf),
            "rating_sesuai": sum(s.rating_hasil_kerja == "S" for s in staf),
            "rating_di_bawah": sum(s.rating_hasil_kerja == "B" for s in staf),
            "sama_usulan": sum(b == 0 for b in beda), "di_atas_usulan": sum(b > 0 for b in beda),
            "di_bawah_usulan": sum(b < 0 for b in beda),
            "periode_berrealisasi": len(periode), "periode_umpan_balik": len(dengan_ub),
            "temuan": [t.kode for k, t in TANAM_PENILAI if k == kode_penilai],
        })  # fmt: skip
    kunci.penilai.sort(key=lambda b: str(b["nama_penilai"]))
    forms = [form_peserta(p) for p in PESERTA]
    for kode in KODE_PERIODE:
        bit = [_bit(f, kode) for f in forms]
        kunci.pemantauan.append({
            "unit_kerja": UNIT, "periode": kode, "label": _label(kode), "pegawai": len(forms),
            "realisasi": sum(b[0] for b in bit), "dinilai": sum(b[1] for b in bit),
            "umpan_balik": sum(b[2] for b in bit),
            "predikat": sum(b[0] and b[1] for b in bit),  # designed: a rated period always has a predikat
        })  # fmt: skip
    for p, f in zip(PESERTA, forms, strict=True):
        kunci.predikat_akhir[berkas_per_kode[p.kode]] = MATRIKS[(p.rating_hasil_kerja, p.rating_perilaku)]
        ep = f.evaluasi[AKHIR]
        if p.rating_hasil_kerja == "B":
            kunci.kebutuhan_pengembangan.append({"berkas": berkas_per_kode[p.kode], "nama": p.nama,
                                                 "alasan": "Predikat Butuh Perbaikan", "nilai_inti": None})  # fmt: skip
        for n, r in ep.rating_perilaku_per_nilai.items():
            if r == BAWAH:
                alasan = f"{BAWAH} pada nilai inti"
                kunci.kebutuhan_pengembangan.append({"berkas": berkas_per_kode[p.kode], "nama": p.nama,
                                                     "alasan": alasan, "nilai_inti": n})  # fmt: skip
    return kunci


def _entri(berkas: str, t: Tanam, lembar: str | None, sel: str | None) -> dict[str, object]:
    return {"berkas": berkas, "kode": t.kode, "tingkat": KATALOG[t.kode][0].value, "lembar": lembar, "sel": sel,
            "kegagalan": t.kegagalan, "mengapa": t.mengapa, "sumber": t.sumber}  # fmt: skip


def _markdown(kunci: Kunci) -> str:
    baris = [
        "# Kunci jawaban unit latihan skpxl",
        "",
        f"Unit fiktif: {UNIT}, {DINAS} Kota Tirta Makmur (semua nama dan NIP rekaan). Berkas ini dibuat oleh",
        "`python -m skpxl.bangun` dari sumber yang sama dengan buku kerjanya (`skpxl/bangun/latihan.py`).",
        "",
        "Cara pakai: bagikan buku kerja kepada peserta; minta mereka menemukan masalah setiap SKP, lalu jalankan",
        "**Validasi** (atau `skpxl validasi BERKAS`) pada tiap berkas dan `skpxl rekap FOLDER -o rekap.xlsx` pada",
        "folder ini, dan bandingkan hasilnya dengan tabel di bawah. Kolom *Sumber*: `validasi` muncul di lembar",
        "Hasil Validasi, `hitung` setelah Hitung, `rekap` di lembar Temuan rekap unit.",
        "",
        "| Berkas | Kode temuan | Sel | Kegagalan | Mengapa | Sumber |",
        "|---|---|---|---|---|---|",
    ]
    for t in kunci.temuan:
        sel = f"{t['lembar']}!{t['sel']}" if t["sel"] else "(seluruh berkas)"
        baris.append(f"| {t['berkas']} | {t['kode']} | {sel} | {t['kegagalan']} | {t['mengapa']} | {t['sumber']} |")
    baris += ["", "## Lembar Penilai pada rekap", "",
              "| Pejabat penilai | Pegawai | Di Atas / Sesuai / Di Bawah | Sama / di atas / di bawah usulan "
              "| Periode berrealisasi (dengan umpan balik) | Temuan |", "|---|---|---|---|---|---|"]  # fmt: skip
    for b in kunci.penilai:
        baris.append(f"| {b['nama_penilai']} | {b['pegawai']} | {b['rating_di_atas']} / {b['rating_sesuai']} / "
                     f"{b['rating_di_bawah']} | {b['sama_usulan']} / {b['di_atas_usulan']} / {b['di_bawah_usulan']} "
                     f"| {b['periode_berrealisasi']} ({b['periode_umpan_balik']}) | "
                     f"{', '.join(str(x) for x in cast(list[str], b['temuan'])) or '-'} |")  # fmt: skip
    baris += ["", "## Lembar Pemantauan pada rekap", "",
              "| Periode | Pegawai | Realisasi terisi | Dinilai | Umpan balik | Berpredikat |",
              "|---|---|---|---|---|---|"]  # fmt: skip
    for b in kunci.pemantauan:
        baris.append(f"| {b['label']} | {b['pegawai']} | {b['realisasi']} | {b['dinilai']} | {b['umpan_balik']} "
                     f"| {b['predikat']} |")  # fmt: skip
    jumlah = Counter(kunci.predikat_akhir.values())
    sebaran = ", ".join(f"{p} {n}" for p, n in sorted(jumlah.items()))
    baris += ["", "## Ringkasan: predikat akhir dan kurva distribusi", "",
              f"Predikat akhir: {sebaran} (dari {len(kunci.predikat_akhir)} pegawai). Dengan capaian kinerja "
              "organisasi Baik, predikat Baik paling banyak 70%: rating yang dinaikkan membuat kurva distribusi unit "
              "ini tidak sesuai."]  # fmt: skip
    baris += ["", "## Lembar Kebutuhan Pengembangan pada rekap", ""]
    for k in kunci.kebutuhan_pengembangan:
        baris.append(
            f"- {k['nama']} ({k['berkas']}): {k['alasan']}" + (f" {k['nilai_inti']}" if k["nilai_inti"] else "")
        )
    return "\n".join(baris) + "\n"


def tulis_latihan(folder: str | Path) -> list[Path]:
    """Write the training unit's workbooks and its answer key (JSON and Markdown) into ``folder``."""
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.buku.form_io import baca_form
    from skpxl.buku.templat import build_template

    tujuan = Path(folder)
    tujuan.mkdir(parents=True, exist_ok=True)
    ditulis: list[Path] = []
    dibaca: dict[str, SkpForm] = {}
    for nama, form in form_unit():
        p = build_template(tujuan / nama, form=form)
        ditulis.append(p)
        dibaca[nama] = baca_form(buka(p, read_only=True))
    kunci = kunci_jawaban(dibaca)
    data = {
        "keterangan": "Kunci jawaban unit latihan skpxl (fiktif). Dibuat oleh skpxl.bangun.latihan.",
        "template_id": TEMPLATE_ID,
        "template_versi": TEMPLATE_VERSI,
        "unit_kerja": UNIT,
        "predikat_organisasi": PREDIKAT_ORGANISASI,
        "temuan": kunci.temuan,
        "penilai": kunci.penilai,
        "pemantauan": kunci.pemantauan,
        "kebutuhan_pengembangan": kunci.kebutuhan_pengembangan,
        "predikat_akhir": kunci.predikat_akhir,
    }
    j = tujuan / "kunci_jawaban.json"
    j.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    m = tujuan / "kunci_jawaban.md"
    m.write_text(_markdown(kunci), encoding="utf-8")
    return [*ditulis, j, m]
