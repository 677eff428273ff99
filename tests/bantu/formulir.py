"""A clean SKP form built in code (synthetic people), for rule tests that need no workbook."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from skpxl.core.enums import PANDUAN_PERILAKU
from skpxl.core.models import (
    IKI,
    RHK,
    EvaluasiIKI,
    EvaluasiPeriode,
    Identitas,
    PerilakuKerja,
    SkpForm,
)


def _iki(
    n: int, aspek: str, teks: str, target: Decimal | str, satuan: str, tw1: Decimal | str, akhir: Decimal | str
) -> IKI:
    row = 20 + n
    return IKI(
        aspek=aspek,
        teks=teks,
        target=target,
        satuan=satuan,
        evaluasi={
            p: EvaluasiIKI(
                realisasi=r,
                bukti_dukung=f"https://arsip.contoh.example/{p.lower()}/{n}",
                umpan_balik=f"Umpan balik {p} untuk IKI {n}.",
                sel={
                    "realisasi": f"{p}!E{row}",
                    "bukti_dukung": f"{p}!F{row}",
                    "umpan_balik": f"{p}!G{row}",
                    "kategori": f"{p}!H{row}",
                },
            )
            for p, r in (("TW1", tw1), ("AKHIR", akhir))
        },
        sel={
            "aspek": f"SKP!D{row}",
            "teks": f"SKP!E{row}",
            "target": f"SKP!F{row}",
            "satuan": f"SKP!G{row}",
            "arah": f"SKP!H{row}",
        },
    )


def form_bersih() -> SkpForm:
    d = Decimal
    rhk = [
        RHK(
            jenis="Utama",
            rhk_atasan="Terwujudnya layanan data statistik sektoral yang akurat",
            teks="Tersusunnya publikasi data statistik sektoral",
            iki=[
                _iki(0, "Kuantitas", "Jumlah publikasi data sektoral yang terbit", d(4), "publikasi", d(1), d(5)),
                _iki(1, "Waktu", "Rata-rata waktu penyusunan publikasi", d(20), "hari", d(20), d(18)),
            ],
            sel={"jenis": "SKP!A20", "rhk_atasan": "SKP!B20", "teks": "SKP!C20"},
        ),
        RHK(
            jenis="Utama",
            rhk_atasan="Terwujudnya layanan data statistik sektoral yang akurat",
            teks="Terlaksananya verifikasi data dari perangkat daerah",
            iki=[
                _iki(2, "Kuantitas", "Jumlah dataset yang diverifikasi", d(120), "dataset", d(30), d(130)),
                _iki(3, "Kualitas", "Persentase dataset lolos verifikasi", "80-90", "%", d(85), d(92)),
            ],
            sel={"jenis": "SKP!A22", "rhk_atasan": "SKP!B22", "teks": "SKP!C22"},
        ),
        RHK(
            jenis="Tambahan",
            rhk_atasan="Meningkatnya kapasitas SDM pengelola data",
            teks="Terselenggaranya bimbingan teknis pengelolaan data",
            iki=[_iki(4, "Kuantitas", "Jumlah peserta bimtek yang lulus", d(25), "orang", d(0), d(30))],
            sel={"jenis": "SKP!A24", "rhk_atasan": "SKP!B24", "teks": "SKP!C24"},
        ),
    ]
    perilaku = [
        PerilakuKerja(nilai_inti=n.value, panduan=list(p), sel={"nilai_inti": f"SKP!B{40 + i}"})
        for i, (n, p) in enumerate(PANDUAN_PERILAKU.items())
    ]
    return SkpForm(
        instansi="Dinas Komunikasi dan Informatika Kabupaten Contoh",
        unit_kerja="Bidang Statistik",
        periode_awal=date(2026, 1, 1),
        periode_akhir=date(2026, 12, 31),
        periodisasi="Triwulanan",
        jenis_jabatan="Fungsional",
        jenjang="Ahli Pertama",
        pendekatan="Kuantitatif",
        pegawai=Identitas(nama="Rina Contoh", nip="199203152019032001", pangkat="Penata Muda Tingkat I (III/b)",
                          jabatan="Statistisi Ahli Pertama", unit_kerja="Bidang Statistik",
                          sel={"nama": "SKP!C5", "nip": "SKP!C6", "pangkat": "SKP!C7", "jabatan": "SKP!C8"}),
        penilai=Identitas(nama="Budi Sampel", nip="198011202005011002", pangkat="Pembina (IV/a)",
                          jabatan="Kepala Bidang Statistik", unit_kerja="Bidang Statistik",
                          sel={"nama": "SKP!F5", "nip": "SKP!F6"}),
        atasan_penilai=Identitas(nama="Sari Teladan", nip="197505052000032003", pangkat="Pembina Utama Muda (IV/c)",
                                 jabatan="Kepala Dinas", unit_kerja="Dinas Kominfo", sel={"nip": "SKP!I6"}),
        rhk=rhk,
        perilaku=perilaku,
        evaluasi={
            "TW1": EvaluasiPeriode(rating_perilaku="Sesuai Ekspektasi",
                                   umpan_balik_perilaku={"Kolaboratif": "Aktif berbagi data dengan tim."},
                                   sel={"rating_hasil_kerja": "TW1!C40", "rating_perilaku": "TW1!C41",
                                        "umpan_balik_perilaku:Berorientasi Pelayanan": "TW1!C45"}),
            "AKHIR": EvaluasiPeriode(
                rating_hasil_kerja="Di Atas Ekspektasi",
                rating_perilaku="Di Atas Ekspektasi",
                predikat_organisasi="Baik",
                umpan_balik_perilaku={"Akuntabel": "Bukti dukung selalu diunggah tepat waktu."},
                sel={"rating_hasil_kerja": "AKHIR!C40", "rating_perilaku": "AKHIR!C41",
                     "predikat_tertulis": "AKHIR!C43", "umpan_balik_perilaku:Berorientasi Pelayanan": "AKHIR!C45"},
            ),
        },
        sel={
            "periode_awal": "SKP!C3",
            "periode_akhir": "SKP!E3",
            "jenis_jabatan": "SKP!C9",
            "jenjang": "SKP!C10",
            "periodisasi": "SKP!G5",
        },
    )  # fmt: skip
