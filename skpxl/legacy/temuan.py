"""Findings of the legacy reader/calculator: stable code, severity, sheet, cell, value, Indonesian message.

The findings are :class:`skpxl.core.temuan.Temuan`, like the main validation's (spec §8); only the catalogue
of codes and message templates is the legacy reader's own.
"""

from __future__ import annotations

from skpxl.core.enums import Tingkat
from skpxl.core.temuan import Temuan, teks_nilai

__all__ = ["KATALOG", "Temuan", "teks_nilai", "temuan"]

ERR, WARN, INFO = Tingkat.ERROR, Tingkat.WARNING, Tingkat.INFO

# code → (severity, message template). Templates use str.format with the parameters given to :func:`temuan`.
KATALOG: dict[str, tuple[Tingkat, str]] = {
    "META_TIDAK_ADA": (
        WARN,
        "Lembar metadata template tidak ditemukan; berkas dihitung dengan paket {paket} {alasan}.",
    ),
    "META_VERSI_PAKET": (
        INFO,
        "Template dibuat untuk paket {paket} versi {versi_template}; dihitung dengan versi {versi_kini}.",
    ),
    "NAMA_SEL_TIDAK_ADA": (
        WARN,
        "Sel bernama {nama} ({label}) tidak ditemukan di berkas; nilainya dianggap kosong. "
        "Jangan menghapus atau mengganti nama sel template.",
    ),
    "RUMUS_TANPA_NILAI": (
        ERR,
        "{label} berisi rumus yang belum pernah dihitung Excel sehingga nilainya tidak tersimpan. "
        "Buka dan simpan berkas di Excel, atau ketik angkanya langsung.",
    ),
    "NILAI_GALAT": (ERR, "{label} berisi galat Excel {nilai}. Perbaiki rumusnya atau ketik angkanya langsung."),
    "ANGKA_TIDAK_TERBACA": (ERR, '{label} "{nilai}" bukan angka. Tulis angkanya saja, misalnya 12 atau 1,5.'),
    "ANGKA_TEKS": (INFO, '{label} "{nilai}" ditulis sebagai teks dan dibaca sebagai {angka}.'),
    "ANGKA_PERSEN": (INFO, "{label} berformat persen ({nilai}) dan dibaca sebagai {angka}."),
    "ANGKA_AMBIGU": (
        WARN,
        '{label} "{nilai}" dibaca sebagai {angka} (titik = pemisah ribuan). '
        'Bila maksudnya desimal, tulis dengan koma: "{alternatif}".',
    ),
    "ANGKA_NEGATIF": (ERR, "{label} bernilai negatif ({nilai}). Isi 0 atau lebih."),
    "ANGKA_KOSONG": (ERR, "{label} pada {baris} belum diisi."),
    "ANGKA_NOL": (ERR, "{label} pada {baris} bernilai 0, padahal menjadi pembagi. Isi lebih dari 0."),
    "SATUAN_DI_SEL": (
        INFO,
        '{label} "{nilai}" dibaca sebagai {angka} dengan satuan "{satuan}". '
        "Sebaiknya angka di sel ini dan satuannya di kolom satuan.",
    ),
    "SATUAN_BERBEDA": (
        WARN,
        '{label} "{nilai}" memakai satuan "{satuan}", padahal kolom satuan berisi "{satuan_kolom}". Samakan satuannya.',
    ),
    "BARIS_TANPA_NAMA": (WARN, "{baris} berisi angka tetapi {kolom} belum diisi."),
    "BARIS_DITOLAK": (ERR, "{baris}: {alasan}"),
    "TABEL_KOSONG": (
        ERR,
        "Belum ada {jenis} yang diisi pada tabel lembar {lembar_tabel}. Isi paling sedikit satu baris.",
    ),
    "RHK_KOSONG": (WARN, "{baris} belum punya rencana hasil kerja (RHK). Isi RHK pada baris pertama kelompoknya."),
    "ARAH_TIDAK_DIKENAL": (
        ERR,
        'Arah "{nilai}" tidak dikenal. Pilih Normal (makin tinggi makin baik) atau Khusus (makin rendah makin baik).',
    ),
    "ARAH_KOSONG": (INFO, "Arah {baris} belum dipilih; dianggap Normal (makin tinggi makin baik)."),
    "YA_TIDAK": (WARN, '{label} "{nilai}" tidak dikenali; pilih Ya atau Tidak. Dianggap {anggapan}.'),
    "YA_TIDAK_KOSONG": (INFO, "{label} belum dipilih; dianggap {anggapan}."),
    "PERILAKU_KOSONG": (ERR, "{label} belum diisi. Nilai perilaku kerja diisi pejabat penilai."),
    "PERILAKU_DI_LUAR_RENTANG": (ERR, "{label} {nilai} di luar rentang {rentang}."),
    "PERILAKU_DITOLAK": (ERR, "{alasan}"),
    "IDENTITAS_KOSONG": (WARN, "{label} belum diisi."),
    "NIP_TIDAK_VALID": (WARN, "{label}: {alasan}"),
    "PANGKAT_TIDAK_DIKENAL": (
        WARN,
        '{label} "{nilai}" tidak dikenali. Pilih dari daftar, misalnya "Penata Muda (III/a)".',
    ),
    "TANGGAL_TIDAK_TERBACA": (WARN, '{label} "{nilai}" tidak dapat dibaca sebagai tanggal. Tulis misalnya 31/12/2020.'),
    "PERIODE_TERBALIK": (WARN, "Awal periode ({awal}) jatuh setelah akhir periode ({akhir}). Tukar kedua tanggal."),
    "PERIODE_DI_LUAR_MASA": (
        WARN,
        "Periode penilaian tahun {tahun} berada di luar masa berlaku paket {paket} ({masa}). Periksa pilihan paket.",
    ),
    "HITUNG_DITOLAK": (ERR, "{apa} tidak dapat dihitung: {alasan}"),
    "HASIL_TIDAK_DIHITUNG": (INFO, "{apa} tidak dihitung karena masih ada kesalahan pada {sebab}."),
}


def temuan(
    kode: str, *, lembar: str | None = None, sel: str | None = None, nilai: object = None, **param: object
) -> Temuan:
    """A finding from the catalogue; ``nilai`` is also available to the template as ``{nilai}``."""
    tingkat, templat = KATALOG[kode]
    teks = teks_nilai(nilai)
    pesan = templat.format(nilai=teks if teks is not None else "", **param)
    return Temuan(kode=kode, tingkat=tingkat, pesan=pesan, lembar=lembar, sel=sel, nilai=teks)
