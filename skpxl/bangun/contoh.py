"""A synthetic example unit: Bidang Pelayanan Data of a fictional dinas, as 16 filled SKP workbooks.

Nobody here is real: the names are invented, the kabupaten ("Nusa Lestari") does not exist and the
NIPs are only structurally valid (birth date, TMT CPNS, sex, serial). The unit is also training
material, so the RHK and IKI read like real ones and cascade: every staff RHK names, word for
word, an RHK of their supervisor, and the supervisors' RHK name the head's.

Realisasi is generated from a designed category per RHK and period (``A`` above target, ``S``
exactly on target, ``B`` below), so the capaian, the proposed rating and, with the evaluators'
ratings below, every predikat are known in advance. ``manifest.json`` records them for the rules
engine's tests: the AKHIR predikat of the 16 people covers all five predikat and the unit's
distribution conforms to the kurva for an organisation rated "Baik".

``python -m skpxl.bangun`` writes ``workbook_templates/contoh/*.xlsx`` and ``manifest.json``;
the output is byte-reproducible.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from skpxl.buku.layout import PAKET_ATURAN_ID, PAKET_ATURAN_VERSI, TEMPLATE_ID, TEMPLATE_VERSI
from skpxl.core.enums import PANDUAN_PERILAKU, NilaiInti, Periodisasi
from skpxl.core.models import (
    IKI,
    RHK,
    EvaluasiIKI,
    EvaluasiPeriode,
    Identitas,
    Lampiran,
    PerilakuKerja,
    SkpForm,
)
from skpxl.core.periode import AKHIR, daftar_periode

__all__ = ["ORANG", "Orang", "form_orang", "form_unit", "manifest", "tulis_contoh"]

TAHUN = 2026
INSTANSI = "Pemerintah Kabupaten Nusa Lestari"
DINAS = "Dinas Komunikasi, Informatika dan Statistik"
UNIT = "Bidang Pelayanan Data"
UNIT_LENGKAP = f"{UNIT}, {DINAS} Kabupaten Nusa Lestari"
PREDIKAT_ORGANISASI = "Baik"
TEMPAT_TANGGAL = "Nusa Lestari, 15 Januari 2027"
DOMAIN_BUKTI = "https://satudata.nusalestari.example/bukti"

ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
_HURUF = {"A": ATAS, "S": SESUAI, "B": BAWAH}

# The predikat matrix of PermenPANRB 6/2022 (spec §4), as an oracle for the manifest.
MATRIKS = {
    (ATAS, BAWAH): "Kurang/Misconduct", (ATAS, SESUAI): "Baik", (ATAS, ATAS): "Sangat Baik",
    (SESUAI, BAWAH): "Kurang/Misconduct", (SESUAI, SESUAI): "Baik", (SESUAI, ATAS): "Baik",
    (BAWAH, BAWAH): "Sangat Kurang", (BAWAH, SESUAI): "Butuh Perbaikan", (BAWAH, ATAS): "Butuh Perbaikan",
}  # fmt: skip


@dataclass(frozen=True)
class Pejabat:
    """Someone outside the unit who appears in identity blocks only."""

    nama: str
    nip: str
    pangkat: str
    jabatan: str
    unit_kerja: str


KEPALA_DINAS = Pejabat(
    "Ir. Bambang Wicaksono, M.Si.", "197203141998031003", "Pembina Utama Muda (IV/c)",
    "Kepala Dinas Komunikasi, Informatika dan Statistik", f"{DINAS} Kabupaten Nusa Lestari",
)  # fmt: skip
SEKRETARIS_DAERAH = Pejabat(
    "Drs. Agus Setiadi Nugroho, M.M.", "196908121994031005", "Pembina Utama Madya (IV/d)",
    "Sekretaris Daerah", "Sekretariat Daerah Kabupaten Nusa Lestari",
)  # fmt: skip

# RHK of the Kepala Dinas (outside the unit) that the head intervenes.
RHK_KEPALA_DINAS = (
    "Meningkatnya kualitas penyelenggaraan statistik sektoral dan Satu Data Kabupaten",
    "Meningkatnya kepuasan pengguna layanan informasi publik dan data",
)


@dataclass(frozen=True)
class IkiContoh:
    aspek: str
    teks: str
    target: Decimal | str
    satuan: str
    jenis: str  # persen / jumlah / indeks / waktu / rentang: how realisasi is generated
    arah: str | None = None


@dataclass(frozen=True)
class RhkContoh:
    teks: str
    atasan: tuple[str, int] | str  # (kode atasan, index of their RHK) or a literal text
    iki: tuple[IkiContoh, ...]
    jenis: str = "Utama"


@dataclass(frozen=True)
class Orang:
    """One person of the unit and the designed outcome of their year."""

    kode: str
    nama: str
    nip: str
    pangkat: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    atasan: str | None  # kode of the pejabat penilai inside the unit; None → the Kepala Dinas
    rhk: tuple[RhkContoh, ...]
    profil: str  # AKHIR category per RHK, e.g. "AAS" (A above, S on target, B below)
    rating_hasil_kerja: str  # the evaluator's AKHIR rating (letter)
    rating_perilaku: str | None  # the evaluator's AKHIR rating (letter); None → per core value
    predikat: str  # the intended AKHIR predikat
    angka_kredit: str | None = None  # intended AKHIR angka kredit (12 months), jabatan fungsional only
    perilaku_per_nilai: dict[str, str] = field(default_factory=dict)  # AKHIR letter per core value
    catatan_khusus: str | None = None


def _p(aspek: str, teks: str, target: str, satuan: str, jenis: str, arah: str | None = None) -> IkiContoh:
    return IkiContoh(aspek, teks, Decimal(target) if jenis != "rentang" else target, satuan, jenis, arah)


KABID, PENGAWAS_A, PENGAWAS_B = "kabid", "pengawas_a", "pengawas_b"

ORANG: tuple[Orang, ...] = (
    Orang(KABID, "Rina Marlina Siregar, S.Kom., M.T.", "198004172005032001", "Pembina (IV/a)",
          "Kepala Bidang Pelayanan Data", "Administrator", None, None, (
        RhkContoh("Tersedianya data sektoral prioritas yang mutakhir, berkualitas dan sesuai prinsip "
                  "Satu Data Indonesia", RHK_KEPALA_DINAS[0], (
            _p("Kuantitas", "Persentase dataset prioritas yang dimutakhirkan sesuai jadwal rilis", "90", "%", "persen"),
            _p("Kualitas", "Persentase dataset yang lolos pemeriksaan kualitas data (metadata lengkap, format terbuka)",
               "85", "%", "persen"))),
        RhkContoh("Terselenggaranya layanan permintaan data yang cepat dan terpercaya", RHK_KEPALA_DINAS[1], (
            _p("Kualitas", "Indeks kepuasan pengguna layanan data", "3.4", "indeks (skala 4)", "indeks"),
            _p("Waktu", "Rata-rata waktu penyelesaian permintaan data", "3", "hari kerja", "waktu"))),
        RhkContoh("Meningkatnya kapasitas pengelolaan statistik sektoral pada perangkat daerah", RHK_KEPALA_DINAS[0], (
            _p("Kuantitas", "Persentase perangkat daerah yang menyampaikan data sektoral tepat waktu", "80", "%",
               "persen"),)),
        RhkContoh("Terlaksananya peran sebagai narasumber forum Satu Data tingkat provinsi", RHK_KEPALA_DINAS[1], (
            _p("Kuantitas", "Jumlah forum data yang diikuti sebagai narasumber setiap triwulan", "1", "kegiatan",
               "jumlah"),), jenis="Tambahan"),
    ), "SASA", "S", "A", "Baik",
          catatan_khusus="Rating hasil kerja mengikuti capaian kinerja organisasi (Baik → Sesuai Ekspektasi)."),
    Orang(PENGAWAS_A, "Dedi Kurniawan, S.T., M.Kom.", "198409022009011004", "Penata Tingkat I (III/d)",
          "Kepala Subbidang Pengelolaan Data", "Pengawas", None, KABID, (
        RhkContoh("Termutakhirkannya dataset sektoral prioritas pada portal Satu Data Kabupaten", (KABID, 0), (
            _p("Kuantitas", "Persentase dataset prioritas yang dimutakhirkan tepat jadwal", "90", "%", "persen"),
            _p("Kualitas", "Persentase dataset prioritas dengan metadata lengkap", "85", "%", "persen"))),
        RhkContoh("Terjaminnya kualitas data sektoral melalui pemeriksaan standar data", (KABID, 0), (
            _p("Kualitas", "Persentase dataset yang lolos pemeriksaan standar data", "85", "%", "persen"),)),
        RhkContoh("Terlaksananya pembinaan pengelolaan data pada produsen data perangkat daerah", (KABID, 2), (
            _p("Kuantitas", "Jumlah perangkat daerah yang dibina setiap triwulan", "6", "perangkat daerah",
               "jumlah"),)),
        RhkContoh("Tersusunnya bahan paparan forum data tingkat provinsi", (KABID, 3), (
            _p("Kuantitas", "Jumlah bahan paparan yang diselesaikan setiap triwulan", "1", "dokumen", "jumlah"),),
                  jenis="Tambahan"),
    ), "AAAA", "A", "A", "Sangat Baik"),
    Orang(PENGAWAS_B, "Nur Aini Fitriyani, S.Si.", "198612112010122003", "Penata (III/c)",
          "Kepala Subbidang Diseminasi dan Layanan Data", "Pengawas", None, KABID, (
        RhkContoh("Terlayaninya permintaan data dari pengguna secara cepat dan tepat", (KABID, 1), (
            _p("Waktu", "Rata-rata waktu penyelesaian permintaan data", "3", "hari kerja", "waktu"),
            _p("Kuantitas", "Persentase permintaan data yang diselesaikan", "95", "%", "persen"))),
        RhkContoh("Meningkatnya kepuasan pengguna layanan data", (KABID, 1), (
            _p("Kualitas", "Indeks kepuasan pengguna layanan data", "3.4", "indeks (skala 4)", "indeks"),)),
        RhkContoh("Terpublikasinya data statistik sektoral dalam bentuk infografis dan publikasi", (KABID, 0), (
            _p("Kuantitas", "Jumlah publikasi data statistik sektoral setiap triwulan", "3", "publikasi", "jumlah"),)),
    ), "SSS", "S", "S", "Baik"),
    # Staff of Subbidang Pengelolaan Data
    Orang("arif", "Arif Setiawan Hakim, S.Kom.", "198806232011031002", "Penata (III/c)",
          "Pranata Komputer Ahli Muda", "Fungsional", "Ahli Muda", PENGAWAS_A, (
        RhkContoh("Terkelolanya infrastruktur portal Satu Data Kabupaten yang andal", (PENGAWAS_A, 0), (
            _p("Kualitas", "Persentase ketersediaan (uptime) portal Satu Data", "97", "%", "persen"),
            _p("Waktu", "Rata-rata waktu pemulihan gangguan portal", "4", "jam", "waktu"))),
        RhkContoh("Tersedianya aplikasi validasi otomatis standar data", (PENGAWAS_A, 1), (
            _p("Kuantitas", "Persentase dataset yang diperiksa dengan aplikasi validasi", "80", "%", "persen"),)),
        RhkContoh("Terintegrasinya sistem informasi perangkat daerah dengan portal Satu Data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Jumlah sistem informasi yang terintegrasi setiap triwulan", "2", "sistem", "jumlah"),)),
    ), "AAS", "A", "A", "Sangat Baik", "37.50"),
    Orang("siti", "Siti Rahmawati, S.Stat.", "199302082019032005", "Penata Muda Tingkat I (III/b)",
          "Statistisi Ahli Pertama", "Fungsional", "Ahli Pertama", PENGAWAS_A, (
        RhkContoh("Terlaksananya pemeriksaan kualitas data sektoral", (PENGAWAS_A, 1), (
            _p("Kuantitas", "Jumlah dataset yang diperiksa kualitasnya setiap triwulan", "15", "dataset", "jumlah"),
            _p("Kualitas", "Persentase hasil pemeriksaan yang ditindaklanjuti produsen data", "80", "%", "persen"))),
        RhkContoh("Tersusunnya metadata statistik sektoral sesuai standar", (PENGAWAS_A, 0), (
            _p("Kualitas", "Persentase dataset prioritas dengan metadata statistik lengkap", "85", "%", "persen"),)),
        RhkContoh("Terlaksananya pendampingan produsen data dalam penyusunan metadata", (PENGAWAS_A, 2), (
            _p("Kuantitas", "Jumlah perangkat daerah yang didampingi setiap triwulan", "3", "perangkat daerah",
               "jumlah"),)),
    ), "AAS", "A", "S", "Baik", "12.50"),
    Orang("bayu", "Bayu Aji Pratama, A.Md.Kom.", "199511302020011007", "Pengatur (II/c)",
          "Pranata Komputer Terampil", "Fungsional", "Terampil", PENGAWAS_A, (
        RhkContoh("Terunggahnya dataset sektoral ke portal Satu Data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Jumlah dataset yang diunggah setiap triwulan", "20", "dataset", "jumlah"),)),
        RhkContoh("Terpeliharanya server dan jaringan pendukung portal data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Persentase laporan gangguan yang ditangani", "95", "%", "persen"),
            _p("Waktu", "Rata-rata waktu penanganan gangguan jaringan", "2", "jam", "waktu"))),
    ), "SS", "S", "S", "Baik", "5.00"),
    Orang("yohanes", "Yohanes Lado Bili", "199003192014031003", "Pengatur Tingkat I (II/d)",
          "Pengolah Data dan Informasi", "Pelaksana", None, PENGAWAS_A, (
        RhkContoh("Terinputnya data sektoral dari perangkat daerah ke basis data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Jumlah tabel data yang diinput setiap triwulan", "60", "tabel", "jumlah"),
            _p("Kualitas", "Persentase data yang diinput tanpa kesalahan", "95", "%", "persen"))),
        RhkContoh("Tersusunnya rekapitulasi hasil pemeriksaan kualitas data", (PENGAWAS_A, 1), (
            _p("Kuantitas", "Jumlah laporan rekapitulasi yang diselesaikan setiap triwulan", "3", "laporan",
               "jumlah"),)),
        RhkContoh("Terdokumentasinya kegiatan pembinaan produsen data", (PENGAWAS_A, 2), (
            _p("Kuantitas", "Persentase kegiatan pembinaan yang didokumentasikan", "90", "%", "persen"),)),
    ), "BBS", "B", "S", "Butuh Perbaikan"),
    Orang("dewi", "Dewi Kartika Sari, A.Md.", "199407142019022004", "Pengatur (II/c)",
          "Statistisi Terampil", "Fungsional", "Terampil", PENGAWAS_A, (
        RhkContoh("Terlaksananya pengolahan data hasil survei dan data sektoral", (PENGAWAS_A, 1), (
            _p("Kuantitas", "Jumlah tabulasi data yang diselesaikan setiap triwulan", "12", "tabel", "jumlah"),)),
        RhkContoh("Tersedianya tabel statistik dasar untuk portal Satu Data", (PENGAWAS_A, 0), (
            _p("Kualitas", "Persentase tabel statistik yang lolos verifikasi", "90", "%", "persen"),)),
        RhkContoh("Tersusunnya laporan konsistensi data antarperiode", (PENGAWAS_A, 1), (
            _p("Waktu", "Rata-rata waktu penyusunan laporan konsistensi data", "5", "hari kerja", "waktu"),)),
    ), "SAS", "S", "S", "Baik", "5.00"),
    Orang("rudi", "Rudi Hermawan", "198710052010031006", "Penata Muda (III/a)",
          "Penata Kelola Sistem dan Teknologi Informasi", "Pelaksana", None, PENGAWAS_A, (
        RhkContoh("Terkelolanya akun dan hak akses pengguna portal Satu Data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Persentase permohonan akun yang diproses dalam 1 hari kerja", "90", "%", "persen"),)),
        RhkContoh("Tersedianya cadangan (backup) basis data secara berkala", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Persentase jadwal backup basis data yang terlaksana", "95", "%", "persen"),)),
    ), "SS", "S", "B", "Kurang/Misconduct",
          perilaku_per_nilai={"Akuntabel": "B", "Harmonis": "B"},
          catatan_khusus="Hasil kerja sesuai target, tetapi perilaku akuntabel dan harmonis belum sesuai harapan."),
    Orang("made", "Made Wirawan Putra, S.Kom.", "199108212015031002", "Penata Muda Tingkat I (III/b)",
          "Pranata Komputer Mahir", "Fungsional", "Mahir", PENGAWAS_A, (
        RhkContoh("Terpeliharanya aplikasi portal Satu Data", (PENGAWAS_A, 0), (
            _p("Kuantitas", "Jumlah perbaikan fitur aplikasi yang diselesaikan setiap triwulan", "4", "perbaikan",
               "jumlah"),
            _p("Waktu", "Rata-rata waktu penyelesaian tiket perbaikan aplikasi", "3", "hari kerja", "waktu"))),
        RhkContoh("Tersedianya dasbor pemantauan kualitas data", (PENGAWAS_A, 1), (
            _p("Kuantitas", "Persentase perangkat daerah yang tampil di dasbor kualitas data", "85", "%", "persen"),)),
        RhkContoh("Terlaksananya pelatihan teknis operator data perangkat daerah", (PENGAWAS_A, 2), (
            _p("Kuantitas", "Jumlah operator data yang dilatih setiap triwulan", "10", "orang", "jumlah"),)),
    ), "AAA", "S", "A", "Baik", "12.50",
          catatan_khusus="Pejabat penilai menilai Sesuai Ekspektasi walaupun usulan skpxl Di Atas Ekspektasi: "
                         "sebagian bukti dukung baru lengkap setelah batas waktu."),
    # Staff of Subbidang Diseminasi dan Layanan Data
    Orang("fitri", "Fitri Handayani Lubis, S.Si., M.Stat.", "198701262011022003", "Penata Tingkat I (III/d)",
          "Statistisi Ahli Muda", "Fungsional", "Ahli Muda", PENGAWAS_B, (
        RhkContoh("Tersusunnya publikasi statistik sektoral daerah", (PENGAWAS_B, 2), (
            _p("Kuantitas", "Jumlah publikasi statistik sektoral yang terbit setiap triwulan", "2", "publikasi",
               "jumlah"),
            _p("Waktu", "Persentase publikasi yang terbit sesuai jadwal rilis", "90", "%", "persen", arah="Normal"))),
        RhkContoh("Terlaksananya survei kepuasan pengguna layanan data", (PENGAWAS_B, 1), (
            _p("Kuantitas", "Persentase responden survei yang memenuhi target sampel", "90", "%", "persen"),)),
    ), "AA", "A", None, "Sangat Baik", "37.50",
          perilaku_per_nilai={n.value: "A" for n in NilaiInti} | {"Harmonis": "S", "Loyal": "S"},
          catatan_khusus="Rating perilaku diisi per nilai inti (5 dari 7 di atas ekspektasi)."),
    Orang("gregorius", "Gregorius Kevin Wijaya, S.I.Kom.", "199605092022011001", "Penata Muda (III/a)",
          "Pranata Hubungan Masyarakat Ahli Pertama", "Fungsional", "Ahli Pertama", PENGAWAS_B, (
        RhkContoh("Tersebarluaskannya infografis data sektoral melalui media sosial", (PENGAWAS_B, 2), (
            _p("Kuantitas", "Jumlah infografis yang dipublikasikan setiap triwulan", "6", "infografis", "jumlah"),
            _p("Kualitas", "Tingkat keterlibatan (engagement rate) konten infografis", "3-5", "%", "rentang"))),
        RhkContoh("Terlayaninya permintaan informasi data melalui kanal daring", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Persentase pertanyaan kanal daring yang dijawab dalam 1 hari kerja", "90", "%",
               "persen"),)),
    ), "SS", "S", "S", "Baik", "12.50"),
    Orang("wulan", "Sri Wulandari", "198504032008012002", "Pengatur Tingkat I (II/d)",
          "Pengadministrasi Perkantoran", "Pelaksana", None, PENGAWAS_B, (
        RhkContoh("Teradministrasikannya surat permohonan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Persentase surat permohonan data yang diregistrasi pada hari diterima", "95", "%",
               "persen"),)),
        RhkContoh("Tersusunnya laporan bulanan layanan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Jumlah laporan layanan data yang disusun setiap triwulan", "3", "laporan", "jumlah"),)),
        RhkContoh("Terfasilitasinya penyelenggaraan survei kepuasan pengguna", (PENGAWAS_B, 1), (
            _p("Kuantitas", "Jumlah kuesioner survei yang dihimpun setiap triwulan", "50", "kuesioner", "jumlah"),),
                  jenis="Tambahan"),
    ), "SSA", "S", "A", "Baik"),
    Orang("andi", "Andi Saputra", "199212172017031001", "Pengatur Muda Tingkat I (II/b)",
          "Operator Layanan Operasional", "Pelaksana", None, PENGAWAS_B, (
        RhkContoh("Terlayaninya pengunjung ruang layanan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Persentase pengunjung yang dilayani sesuai standar pelayanan", "95", "%", "persen"),)),
        RhkContoh("Tersedianya rekap kunjungan layanan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Jumlah rekap kunjungan yang disusun setiap triwulan", "3", "rekap", "jumlah"),)),
    ), "BB", "B", "B", "Sangat Kurang"),
    Orang("lestari", "Lestari Ningsih, A.Md.", "199009282014012003", "Pengatur Tingkat I (II/d)",
          "Arsiparis Terampil", "Fungsional", "Terampil", PENGAWAS_B, (
        RhkContoh("Terkelolanya arsip permohonan dan layanan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Jumlah berkas arsip layanan yang ditata setiap triwulan", "120", "berkas", "jumlah"),
            _p("Waktu", "Rata-rata waktu penemuan kembali arsip", "15", "menit", "waktu"))),
        RhkContoh("Terdigitalisasinya arsip publikasi statistik", (PENGAWAS_B, 2), (
            _p("Kuantitas", "Persentase arsip publikasi yang didigitalkan", "80", "%", "persen"),)),
        RhkContoh("Tersusunnya daftar arsip aktif layanan data", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Jumlah daftar arsip aktif yang dimutakhirkan setiap triwulan", "1", "daftar",
               "jumlah"),)),
    ), "BSB", "B", "A", "Butuh Perbaikan", "3.75"),
    Orang("iqbal", "Muhammad Iqbal Ramadhan, S.Kom.", "199701152020011002", "Penata Muda (III/a)",
          "Pranata Komputer Ahli Pertama", "Fungsional", "Ahli Pertama", PENGAWAS_B, (
        RhkContoh("Tersedianya layanan permintaan data daring yang terintegrasi", (PENGAWAS_B, 0), (
            _p("Kuantitas", "Persentase permintaan data daring yang tercatat otomatis", "90", "%", "persen"),)),
        RhkContoh("Tersedianya kanal survei kepuasan daring", (PENGAWAS_B, 1), (
            _p("Kuantitas", "Jumlah fitur survei daring yang dikembangkan setiap triwulan", "2", "fitur", "jumlah"),)),
        RhkContoh("Termutakhirkannya halaman publikasi pada portal data", (PENGAWAS_B, 2), (
            _p("Waktu", "Rata-rata waktu muat halaman publikasi", "3", "detik", "waktu"),)),
    ), "AAB", "S", "S", "Baik", "12.50",
          catatan_khusus="Dua dari tiga RHK di atas target, tetapi satu RHK utama di bawah target: usulan rating "
                         "hasil kerja Sesuai Ekspektasi."),
)  # fmt: skip

_PER_KODE = {o.kode: o for o in ORANG}

EKSPEKTASI_KHUSUS: dict[NilaiInti, str] = {
    NilaiInti.BERORIENTASI_PELAYANAN: "Menjawab setiap permintaan data paling lambat pada hari kerja berikutnya",
    NilaiInti.AKUNTABEL: "Mengunggah bukti dukung kinerja ke folder bersama setiap akhir bulan",
    NilaiInti.KOMPETEN: "Mengikuti paling sedikit satu pelatihan atau webinar pengelolaan data per semester",
    NilaiInti.HARMONIS: "Aktif dalam rapat koordinasi mingguan dan menghargai pendapat rekan kerja",
    NilaiInti.LOYAL: "Menjaga kerahasiaan data pribadi dalam setiap permintaan data",
    NilaiInti.ADAPTIF: "Mengusulkan minimal satu perbaikan proses layanan data setiap triwulan",
    NilaiInti.KOLABORATIF: "Berbagi pengetahuan teknis dengan produsen data perangkat daerah",
}

UMPAN_BALIK_IKI = {
    "A": "Realisasi melampaui target. Pertahankan dan bagikan praktik baiknya kepada rekan satu tim.",
    "S": "Realisasi sesuai target. Lanjutkan dan jaga ketepatan waktu unggah bukti dukung.",
    "B": "Realisasi di bawah target. Susun rencana percepatan dan laporkan kemajuannya setiap dua minggu.",
}

CATATAN = {
    "Sangat Baik": "Pertahankan kinerja; diusulkan mengikuti pelatihan lanjutan dan menjadi mentor rekan kerja.",
    "Baik": "Kinerja baik; tingkatkan kelengkapan bukti dukung dan ketepatan waktu pelaporan.",
    "Butuh Perbaikan": "Susun rencana perbaikan kinerja bersama atasan langsung dan ikuti pendampingan triwulanan.",
    "Kurang/Misconduct": "Perilaku kerja perlu diperbaiki; ikuti pembinaan sesuai ketentuan disiplin.",
    "Sangat Kurang": "Perlu pembinaan intensif atas hasil kerja dan perilaku kerja; evaluasi penugasan.",
}

LAMPIRAN = Lampiran(
    dukungan_sumber_daya=[
        "Anggaran kegiatan pengelolaan data sektoral pada DPA Dinas Tahun 2026",
        "Akses portal Satu Data Kabupaten dan server pusat data",
        "Laptop dan perangkat lunak pengolah data",
    ],
    skema_pertanggungjawaban=[
        "Laporan capaian kinerja triwulanan kepada atasan langsung",
        "Bukti dukung diunggah ke folder bersama unit setiap akhir bulan",
    ],
    konsekuensi=[
        "Capaian di atas target menjadi pertimbangan pengembangan karier dan penghargaan",
        "Capaian di bawah target ditindaklanjuti dengan rencana perbaikan dan pembinaan",
    ],
)

# Small variations per period (TW1..TW4, AKHIR) so the realisasi are not all identical.
_LANGKAH_PERSEN = (2, 3, 4, 3, 3)
_TURUN_PERSEN = (6, 8, 5, 7, 6)


def _realisasi(iki: IkiContoh, kategori: str, i: int) -> Decimal:
    """A realisasi whose capaian is above (A), exactly at (S) or below (B) the target."""
    if iki.jenis == "rentang":
        if kategori != "S":
            raise ValueError("a range target is only used on target")
        lo, hi = (Decimal(x) for x in str(iki.target).split("-"))
        return (lo + hi) / 2
    t = Decimal(iki.target)
    if kategori == "S":
        return t
    if iki.jenis == "persen":
        return min(t + _LANGKAH_PERSEN[i], Decimal(100)) if kategori == "A" else t - _TURUN_PERSEN[i]
    if iki.jenis == "jumlah":
        naik = max(Decimal(1), (t / 10).to_integral_value())
        turun = max(Decimal(1), (t / 5).to_integral_value())
        return t + naik if kategori == "A" else max(Decimal(0), t - turun)
    if iki.jenis == "indeks":
        return t + Decimal("0.2") if kategori == "A" else t - Decimal("0.3")
    if iki.jenis == "waktu":  # lower is better
        langkah = max(Decimal("0.5"), (t * Decimal("0.25")).quantize(Decimal("0.1")))
        return t - langkah if kategori == "A" else t + max(Decimal(1), (t * Decimal("0.3")).quantize(Decimal("1")))
    raise ValueError(iki.jenis)


def _profil_periode(o: Orang, kode: str) -> str:
    """Category per RHK in a period: TW I is on target where the year ends above it."""
    return o.profil.replace("A", "S") if kode == "TW1" else o.profil


def usulan_rating(o: Orang, profil: str) -> str:
    """The proposed rating hasil kerja for a designed profile (spec §4 defaults, as the manifest's oracle)."""
    n = len(profil)
    atas, bawah = profil.count("A"), profil.count("B")
    utama_bawah = any(c == "B" and r.jenis == "Utama" for c, r in zip(profil, o.rhk, strict=True))
    if atas * 2 > n and not utama_bawah:
        return ATAS
    if bawah * 2 > n:
        return BAWAH
    return SESUAI


def _rating_perilaku_nilai(o: Orang) -> dict[str, str]:
    dasar = o.rating_perilaku or "S"
    return {n.value: o.perilaku_per_nilai.get(n.value, dasar) for n in NilaiInti}


def _umpan_balik_perilaku(nilai: str, huruf: str) -> str:
    if huruf == "A":
        return f"Konsisten menunjukkan perilaku {nilai.lower()} dan menjadi contoh bagi rekan kerja."
    if huruf == "S":
        return f"Perilaku {nilai.lower()} sesuai dengan yang diharapkan."
    return f"Perilaku {nilai.lower()} belum sesuai harapan; dibahas dalam sesi umpan balik bulanan."


def _identitas(o: Orang | Pejabat) -> Identitas:
    unit = o.unit_kerja if isinstance(o, Pejabat) else UNIT_LENGKAP
    return Identitas(nama=o.nama, nip=o.nip, pangkat=o.pangkat, jabatan=o.jabatan, unit_kerja=unit)


def _penilai(o: Orang) -> tuple[Orang | Pejabat, Orang | Pejabat]:
    if o.atasan is None:
        return KEPALA_DINAS, SEKRETARIS_DAERAH
    penilai = _PER_KODE[o.atasan]
    return penilai, (_PER_KODE[penilai.atasan] if penilai.atasan else KEPALA_DINAS)


def _teks_atasan(r: RhkContoh) -> str:
    if isinstance(r.atasan, str):
        return r.atasan
    kode, i = r.atasan
    return _PER_KODE[kode].rhk[i].teks


def _rating_periode(o: Orang, kode: str) -> tuple[str, str | None, str]:
    """(evaluator's rating hasil kerja, evaluator's rating perilaku or None, usulan) of a period."""
    usulan = usulan_rating(o, _profil_periode(o, kode))
    if kode == AKHIR:
        hk = _HURUF[o.rating_hasil_kerja]
        pk = _HURUF[o.rating_perilaku] if o.rating_perilaku else None
        return hk, pk, usulan
    return usulan, _HURUF[o.rating_perilaku or "A"], usulan


def _predikat(o: Orang, kode: str) -> str:
    hk, pk, _ = _rating_periode(o, kode)
    if pk is None:  # aggregated from the ratings per core value (majority, spec §4)
        huruf = list(_rating_perilaku_nilai(o).values())
        pk = ATAS if huruf.count("A") * 2 > len(huruf) else BAWAH if huruf.count("B") * 2 > len(huruf) else SESUAI
    return MATRIKS[(hk, pk)]


def _catatan(o: Orang, kode: str) -> str:
    """The evaluator's own words only: how a rating came about is Hitung's explanation, in its own cells (the
    designer's note on each person is in manifest.json)."""
    return CATATAN[_predikat(o, kode)]


def form_orang(o: Orang) -> SkpForm:
    """The filled SKP form of one person of the example unit."""
    kode_periode = [p.kode for p in daftar_periode(Periodisasi.TRIWULANAN)] + [AKHIR]
    label = {p.kode: p.label for p in daftar_periode(Periodisasi.TRIWULANAN)} | {AKHIR: "Akhir tahun"}
    penilai, atasan_penilai = _penilai(o)
    rhk_list: list[RHK] = []
    for j, r in enumerate(o.rhk):
        iki_list: list[IKI] = []
        for m, ik in enumerate(r.iki):
            evaluasi: dict[str, EvaluasiIKI] = {}
            for i, kode in enumerate(kode_periode):
                kategori = _profil_periode(o, kode)[j]
                if m > 0 and kategori == "B":
                    kategori = "S"  # an RHK below target: its first IKI is below, the others on target
                evaluasi[kode] = EvaluasiIKI(
                    realisasi=_realisasi(ik, kategori, i),
                    bukti_dukung=f"{DOMAIN_BUKTI}/{o.nip}/{kode.lower()}/rhk{j + 1}-iki{m + 1}",
                    umpan_balik=f"{label[kode]}: {UMPAN_BALIK_IKI[kategori]}",
                )
            iki_list.append(
                IKI(aspek=ik.aspek, teks=ik.teks, target=ik.target, satuan=ik.satuan, arah=ik.arah, evaluasi=evaluasi)
            )
        rhk_list.append(RHK(jenis=r.jenis, rhk_atasan=_teks_atasan(r), teks=r.teks, iki=iki_list))
    perilaku = [
        PerilakuKerja(nilai_inti=n.value, panduan=list(PANDUAN_PERILAKU[n]), ekspektasi_khusus=EKSPEKTASI_KHUSUS[n])
        for n in NilaiInti
    ]
    evaluasi_periode: dict[str, EvaluasiPeriode] = {}
    for kode in kode_periode:
        hk, pk, _ = _rating_periode(o, kode)
        huruf_nilai = _rating_perilaku_nilai(o) if kode == AKHIR else {}
        ep = EvaluasiPeriode(
            rating_hasil_kerja=hk,
            rating_perilaku=pk,
            umpan_balik_perilaku={
                n.value: _umpan_balik_perilaku(n.value, huruf_nilai.get(n.value, o.rating_perilaku or "A"))
                for n in NilaiInti
            },
            predikat_organisasi=PREDIKAT_ORGANISASI,
            catatan=_catatan(o, kode),
        )
        if kode == AKHIR and o.rating_perilaku is None:
            ep.rating_perilaku_per_nilai = {k: _HURUF[v] for k, v in huruf_nilai.items()}
        evaluasi_periode[kode] = ep
    return SkpForm(
        instansi=INSTANSI,
        unit_kerja=UNIT,
        periode_awal=date(TAHUN, 1, 1),
        periode_akhir=date(TAHUN, 12, 31),
        periodisasi=Periodisasi.TRIWULANAN.value,
        jenis_jabatan=o.jenis_jabatan,
        jenjang=o.jenjang,
        pendekatan="Kuantitatif",
        pegawai=_identitas(o),
        penilai=_identitas(penilai),
        atasan_penilai=_identitas(atasan_penilai),
        rhk=rhk_list,
        perilaku=perilaku,
        lampiran=LAMPIRAN.model_copy(deep=True),
        evaluasi=evaluasi_periode,
        tempat_tanggal=TEMPAT_TANGGAL,
        template_id=TEMPLATE_ID,
        template_versi=TEMPLATE_VERSI,
    )


def nama_berkas(i: int, o: Orang) -> str:
    kata = re.sub(r"[^a-z ]", "", o.nama.split(",")[0].lower()).split()
    return f"{i:02d}_{'_'.join(kata[:2])}.xlsx"


def form_unit() -> list[tuple[str, SkpForm]]:
    """(file name, form) of every person of the example unit, head first."""
    return [(nama_berkas(i, o), form_orang(o)) for i, o in enumerate(ORANG, start=1)]


def manifest() -> dict[str, object]:
    """What the example unit is designed to produce (checked by the rules engine's tests)."""
    kode_periode = [p.kode for p in daftar_periode(Periodisasi.TRIWULANAN)] + [AKHIR]
    pegawai: list[dict[str, object]] = []
    for i, o in enumerate(ORANG, start=1):
        if _predikat(o, AKHIR) != o.predikat:
            raise AssertionError(f"{o.kode}: designed predikat {o.predikat} ≠ matrix {_predikat(o, AKHIR)}")
        penilai, atasan_penilai = _penilai(o)
        periode: dict[str, object] = {}
        for kode in kode_periode:
            hk, pk, usulan = _rating_periode(o, kode)
            data: dict[str, object] = {
                "rating_hasil_kerja": hk,
                "rating_hasil_kerja_usulan": usulan,
                "rating_perilaku": pk,
                "predikat": _predikat(o, kode),
                "kategori_rhk": [_HURUF[c] for c in _profil_periode(o, kode)],
            }
            if kode == AKHIR:
                data["angka_kredit"] = o.angka_kredit
            periode[kode] = data
        pegawai.append(
            {
                "berkas": nama_berkas(i, o),
                "nama": o.nama,
                "nip": o.nip,
                "jabatan": o.jabatan,
                "jenis_jabatan": o.jenis_jabatan,
                "jenjang": o.jenjang,
                "pangkat": o.pangkat,
                "nip_penilai": penilai.nip,
                "nip_atasan_penilai": atasan_penilai.nip,
                "predikat_akhir": o.predikat,
                "keterangan": o.catatan_khusus,
                "periode": periode,
            }
        )
    jumlah = Counter(o.predikat for o in ORANG)
    return {
        "keterangan": "Unit contoh sintetis skpxl: nama, NIP dan kabupaten fiktif. Dibuat oleh skpxl.bangun.contoh.",
        "template_id": TEMPLATE_ID,
        "template_versi": TEMPLATE_VERSI,
        "paket_aturan": {"id": PAKET_ATURAN_ID, "versi": PAKET_ATURAN_VERSI},
        "instansi": INSTANSI,
        "unit_kerja": UNIT,
        "tahun": TAHUN,
        "periodisasi": Periodisasi.TRIWULANAN.value,
        "predikat_organisasi": PREDIKAT_ORGANISASI,
        "jumlah_predikat_akhir": {p: jumlah[p] for p in sorted(jumlah, key=list(CATATAN).index)},
        "kurva_akhir_sesuai": True,
        "pegawai": pegawai,
    }


def tulis_contoh(folder: str | Path, *, berkas: Sequence[str] | None = None) -> list[Path]:
    """Write the example unit's workbooks and manifest.json into ``folder``; returns the files written."""
    from skpxl.buku.templat import build_template

    tujuan = Path(folder)
    tujuan.mkdir(parents=True, exist_ok=True)
    ditulis: list[Path] = []
    for nama, form in form_unit():
        if berkas is None or nama in berkas:
            ditulis.append(build_template(tujuan / nama, form=form))
    m = tujuan / "manifest.json"
    m.write_text(json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ditulis.append(m)
    return ditulis
