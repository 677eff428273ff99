"""Filled synthetic examples of the legacy layouts (invented people; NIPs structurally valid, not real).

pp-46-2011: three kegiatan whose nilai capaian SKP is the spec's 85,50 (Baik): the spec's own kegiatan
(TO = RO = 1, TK = 100, RK = 90, TW = RW = 12, TB = RB → 85,50), one finishing at exactly 24% time efficiency
(RW = 9,12, TW = 12 → waktu 100; (100 + 88 + 100)/3 = 96,00) and one without a budget
((75 + 74 + 76)/3 = 75,00). Perilaku 80, 80, 80, 79, 80 → 79,80; prestasi kerja 85,50 × 60% + 79,80 × 40%
= 83,22 (Baik).

permenpanrb-8-2021: 85/85 = 100% → 109 and 93/95 = 97,89% → 98% → 88 (the regulation's examples), plus a khusus
IKI 11 hari against 10 → 90% → 80. Nilai SKP (109 + 88 + 80)/3 = 92,33; perilaku 88; 70/30 → 64,63 + 26,40
= 91,03 (Baik).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.core.packs import pp_46_2011 as p46

__all__ = ["CONTOH", "Contoh"]

Isi = str | int | Decimal | date


@dataclass(frozen=True)
class Contoh:
    """Inputs of a filled example: named cells by key, table rows by column key."""

    sel: Mapping[str, Isi]
    baris: tuple[Mapping[str, Isi], ...]


_PP46 = Contoh(
    sel={
        "instansi": "Pemerintah Kabupaten Contoh — Dinas Kependudukan dan Pencatatan Sipil",
        "periode_awal": date(2019, 1, 2),
        "periode_akhir": date(2019, 12, 31),
        "nama_pegawai": "Rina Sintesia, S.E.",
        "nip_pegawai": "198503142010012003",
        "pangkat_pegawai": "Penata Muda Tingkat I (III/b)",
        "jabatan_pegawai": "Pengelola Data Kepegawaian",
        "unit_kerja_pegawai": "Subbagian Umum dan Kepegawaian",
        "nama_penilai": "Budi Contoh Santoso, S.Sos.",
        "nip_penilai": "197706202002121001",
        "pangkat_penilai": "Penata Tingkat I (III/d)",
        "jabatan_penilai": "Kepala Subbagian Umum dan Kepegawaian",
        "unit_kerja_penilai": "Sekretariat Dinas",
        "nama_atasan_penilai": "Dra. Wati Ilustrasi, M.Si.",
        "nip_atasan_penilai": "196812051994032002",
        "pangkat_atasan_penilai": "Pembina (IV/a)",
        "jabatan_atasan_penilai": "Sekretaris Dinas",
        "unit_kerja_atasan_penilai": "Sekretariat Dinas",
        "perilaku_orientasi_pelayanan": 80,
        "perilaku_integritas": 80,
        "perilaku_komitmen": 80,
        "perilaku_disiplin": 79,
        "perilaku_kerja_sama": 80,
        "struktural": "Tidak",
    },
    baris=(
        {
            "kegiatan": "Menyusun laporan kepegawaian tahunan",
            "to": 1,
            "satuan_output": "laporan",
            "tk": 100,
            "tw": 12,
            "satuan_waktu": "bulan",
            "tb": 5_000_000,
            "ro": 1,
            "rk": 90,
            "rw": 12,
            "rb": 5_000_000,
        },
        {
            "kegiatan": "Memproses usulan kenaikan pangkat pegawai",
            "to": 24,
            "satuan_output": "berkas",
            "tk": 100,
            "tw": 12,
            "satuan_waktu": "bulan",
            "ro": 24,
            "rk": 88,
            "rw": Decimal("9.12"),
        },
        {
            "kegiatan": "Memutakhirkan data pegawai pada aplikasi kepegawaian",
            "to": 12,
            "satuan_output": "dokumen",
            "tk": 100,
            "tw": 12,
            "satuan_waktu": "bulan",
            "ro": 9,
            "rk": 74,
            "rw": 12,
        },
    ),
)

_RHK_1 = "Terlaksananya layanan administrasi kependudukan secara daring"
_RHK_2 = "Tersedianya laporan pemantauan sistem informasi layanan"

_P8 = Contoh(
    sel={
        "instansi": "Pemerintah Kabupaten Contoh — Dinas Kependudukan dan Pencatatan Sipil",
        "periode_awal": date(2021, 1, 4),
        "periode_akhir": date(2021, 12, 31),
        "nama_pegawai": "Sari Peraga, S.Kom.",
        "nip_pegawai": "199001152015032001",
        "pangkat_pegawai": "Penata Muda Tingkat I (III/b)",
        "jabatan_pegawai": "Pranata Komputer Ahli Pertama",
        "unit_kerja_pegawai": "Bidang Pelayanan dan Inovasi",
        "nama_penilai": "Andi Fiktif, S.T., M.T.",
        "nip_penilai": "198207072006041003",
        "pangkat_penilai": "Penata Tingkat I (III/d)",
        "jabatan_penilai": "Kepala Bidang Pelayanan dan Inovasi",
        "unit_kerja_penilai": "Bidang Pelayanan dan Inovasi",
        "nama_atasan_penilai": "Dra. Wati Ilustrasi, M.Si.",
        "nip_atasan_penilai": "196812051994032002",
        "pangkat_atasan_penilai": "Pembina Tingkat I (IV/b)",
        "jabatan_atasan_penilai": "Kepala Dinas",
        "unit_kerja_atasan_penilai": "Dinas Kependudukan dan Pencatatan Sipil",
        "nilai_perilaku": 88,
        "penilaian_360": "Tidak",
        "inovasi": "Tidak",
    },
    baris=(
        {
            "rhk": _RHK_1,
            "iki": "Jumlah permohonan layanan daring yang diselesaikan",
            "target": 85,
            "satuan": "permohonan",
            "arah": "Normal",
            "realisasi": 85,
        },
        {
            "iki": "Jumlah berkas permohonan yang lengkap pada verifikasi pertama",
            "target": 95,
            "satuan": "berkas",
            "arah": "Normal",
            "realisasi": 93,
        },
        {
            "rhk": _RHK_2,
            "iki": "Waktu penyusunan laporan pemantauan bulanan",
            "target": 10,
            "satuan": "hari",
            "arah": "Khusus",
            "realisasi": 11,
        },
    ),
)

CONTOH: dict[str, Contoh] = {p46.PACK_ID: _PP46, p8.PACK_ID: _P8}
"""The filled example of each legacy layout, by pack id."""
