"""Findings (temuan): stable code, severity, location, offending value, Indonesian message.

Messages come from templates in :data:`KATALOG`, one per code, each saying what is
wrong and what to do. Validation collects every finding; it never stops at the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from skpxl.core.enums import Tingkat

ERR, WARN, INFO = Tingkat.ERROR, Tingkat.WARNING, Tingkat.INFO

KATALOG: dict[str, tuple[Tingkat, str]] = {
    # identity blocks
    "NAMA_KOSONG": (ERR, "Nama {siapa} belum diisi. Isi nama lengkap sesuai data kepegawaian."),
    "NIP_KOSONG": (ERR, "NIP {siapa} belum diisi. Isi 18 digit NIP sebagai teks."),
    "NIP_ANGKA": (ERR, "NIP {siapa}: {alasan}"),
    "NIP_PANJANG": (ERR, "NIP {siapa}: {alasan} Periksa kembali digit yang kurang atau berlebih."),
    "NIP_BUKAN_ANGKA": (ERR, "NIP {siapa}: {alasan} Hapus huruf, titik atau tanda baca lain."),
    "NIP_ANGKA_NON_ASCII": (ERR, "NIP {siapa}: {alasan}"),
    "NIP_TANGGAL_LAHIR": (ERR, "NIP {siapa}: {alasan}"),
    "NIP_TMT": (ERR, "NIP {siapa}: {alasan}"),
    "NIP_JENIS_KELAMIN": (ERR, "NIP {siapa}: {alasan}"),
    "NIP_PPPK": (WARN, "NIP {siapa} tampak sebagai NIP PPPK tetapi {alasan} Periksa kembali dengan data BKN."),
    "NIP_NOMOR_URUT_NOL": (WARN, "NIP {siapa}: {alasan} Periksa kembali dengan data BKN."),
    "NIP_PPPK_FREKUENSI_NOL": (WARN, "NIP {siapa}: {alasan} Periksa kembali dengan data BKN."),
    "NIP_LAHIR_SETELAH_ACUAN": (WARN, "NIP {siapa}: {alasan} Periksa kembali NIP atau periode penilaian."),
    "NIP_USIA_TMT": (WARN, "NIP {siapa}: usia saat TMT hanya {usia} tahun (kurang dari 18). Periksa kembali NIP."),
    "NIP_TMT_SETELAH_PERIODE": (
        WARN, "NIP {siapa}: TMT ({tmt}) jatuh setelah akhir periode penilaian ({akhir}). Periksa NIP atau periode."
    ),
    "PENILAI_SAMA": (ERR, "Pejabat penilai sama dengan pegawai yang dinilai (NIP {nip}). Isi NIP atasan langsung."),
    "ATASAN_SAMA": (ERR, "Atasan pejabat penilai sama dengan pejabat penilai (NIP {nip}). Isi NIP atasan dari penilai."),
    "ATASAN_KOSONG": (WARN, "Identitas atasan pejabat penilai belum diisi."),
    "PANGKAT_KOSONG": (WARN, "Pangkat/golongan {siapa} belum diisi. Pilih dari daftar, misalnya \"Penata Muda (III/a)\"."),
    "PANGKAT_TIDAK_DIKENAL": (
        WARN, "Pangkat/golongan {siapa} \"{nilai}\" tidak dikenali. Pilih dari daftar (I/a–IV/e, atau PPPK I–XVII)."
    ),
    "JENJANG_GOLONGAN": (
        WARN, "Jenjang {jenjang} biasanya bergolongan {rentang}, sedangkan pangkat tertulis {golongan}. Periksa kembali."
    ),
    "JABATAN_KOSONG": (ERR, "Jabatan {siapa} belum diisi."),
    "JENIS_JABATAN_KOSONG": (ERR, "Jenis jabatan belum dipilih. Pilih JPT, Administrator, Pengawas, Pelaksana atau Fungsional."),
    "JENIS_JABATAN_TIDAK_DIKENAL": (ERR, "Jenis jabatan \"{nilai}\" tidak dikenal. Pilih dari daftar: {pilihan}."),
    "JENJANG_KOSONG": (ERR, "Jabatan fungsional wajib mengisi jenjang (misalnya Ahli Pertama) agar angka kredit dapat dihitung."),
    "JENJANG_TIDAK_DIKENAL": (ERR, "Jenjang \"{nilai}\" tidak dikenal. Pilih dari daftar: {pilihan}."),
    "JENJANG_BUKAN_JF": (WARN, "Jenjang \"{nilai}\" diisi, padahal jenis jabatan bukan Fungsional. Kosongkan jenjang."),
    "PENDEKATAN_KOSONG": (WARN, "Pendekatan belum dipilih; skpxl menganggapnya Kuantitatif."),
    "PENDEKATAN_TIDAK_DIKENAL": (ERR, "Pendekatan \"{nilai}\" tidak dikenal. Pilih Kuantitatif atau Kualitatif."),
    # period
    "PERIODE_KOSONG": (ERR, "Tanggal {bagian} periode penilaian belum diisi (contoh: {contoh})."),
    "PERIODE_TANGGAL": (ERR, "Tanggal {bagian} periode \"{nilai}\" tidak dapat dibaca. Tulis sebagai tanggal, misalnya 31/12/2026."),
    "PERIODE_TERBALIK": (ERR, "Awal periode ({awal}) jatuh setelah akhir periode ({akhir}). Tukar kedua tanggal."),
    "PERIODE_LINTAS_TAHUN": (ERR, "Periode penilaian {awal}–{akhir} melewati pergantian tahun; SKP berlaku satu tahun kalender."),
    "PERIODE_PARSIAL": (WARN, "Periode penilaian {awal}–{akhir} bukan satu tahun penuh (1 Januari–31 Desember); pastikan ini disengaja (mutasi, pengangkatan)."),
    "PERIODISASI_KOSONG": (WARN, "Periodisasi evaluasi belum dipilih; skpxl menganggapnya Triwulanan."),
    "PERIODISASI_TIDAK_COCOK": (WARN, "Periodisasi tertulis {periodisasi}, tetapi buku kerja memuat evaluasi {periode}. Pilih periodisasi yang sesuai dengan lembar evaluasi yang dipakai."),
    "PERIODISASI_TIDAK_DIKENAL": (ERR, "Periodisasi \"{nilai}\" tidak dikenal. Pilih Bulanan, Triwulanan atau Semesteran."),
    # hasil kerja
    "RHK_UTAMA_TIDAK_ADA": (ERR, "Belum ada RHK utama. Setiap SKP wajib memuat minimal satu rencana hasil kerja utama."),
    "RHK_KOSONG": (ERR, "Baris IKI ini belum punya teks rencana hasil kerja (RHK). Isi RHK pada baris pertama kelompoknya."),
    "RHK_TANPA_IKI": (ERR, "RHK \"{rhk}\" belum punya indikator kinerja individu (IKI). Tambahkan minimal satu IKI."),
    "RHK_JENIS_TIDAK_DIKENAL": (ERR, "Jenis RHK \"{nilai}\" tidak dikenal; letakkan RHK pada bagian A. UTAMA atau B. TAMBAHAN."),
    "INTERVENSI_KOSONG": (ERR, "RHK \"{rhk}\" belum menyebut rencana hasil kerja atasan yang diintervensi. Salin RHK atasan yang didukung."),
    "PERSPEKTIF_KOSONG": (ERR, "RHK \"{rhk}\" (JPT) belum menyebut perspektif. Isi perspektif, misalnya \"Penerima Layanan\"."),
    "IKI_KOSONG": (ERR, "Indikator kinerja individu (IKI) pada baris ini belum diisi."),
    "IKI_GANDA": (ERR, "Pasangan RHK dan IKI \"{iki}\" tertulis dua kali (juga di {sel_lain}). Hapus salah satunya."),
    "ASPEK_KOSONG": (ERR, "Aspek IKI \"{iki}\" belum dipilih. Pilih Kuantitas, Kualitas, Waktu atau Biaya."),
    "ASPEK_TIDAK_DIKENAL": (ERR, "Aspek \"{nilai}\" tidak dikenal. Pilih Kuantitas, Kualitas, Waktu atau Biaya."),
    "ARAH_TIDAK_DIKENAL": (ERR, "Arah \"{nilai}\" tidak dikenal. Pilih Normal (makin tinggi makin baik) atau Khusus (makin rendah makin baik)."),
    "TARGET_KOSONG": (ERR, "Target IKI \"{iki}\" belum diisi."),
    "TARGET_BUKAN_ANGKA": (ERR, "Target \"{nilai}\" bukan angka, padahal pendekatan SKP kuantitatif. Tulis angkanya saja (misalnya 12) dan satuannya di kolom satuan{saran}."),
    "TARGET_NOL": (ERR, "Target IKI \"{iki}\" bernilai 0 sehingga capaian tidak dapat dihitung. Isi target lebih dari 0, atau pilih arah Khusus bila 0 adalah sasaran (misalnya 0 keluhan)."),
    "TARGET_NEGATIF": (ERR, "Target \"{nilai}\" bernilai negatif. Target harus 0 atau lebih."),
    "TARGET_RENTANG_TERBALIK": (ERR, "Rentang target \"{nilai}\" terbalik. Tulis batas bawah lebih dulu, misalnya 80-90."),
    "TARGET_TEKS_ANGKA": (INFO, "Target \"{nilai}\" ditulis sebagai teks dan dibaca sebagai {angka}. Sebaiknya ketik angka di sel berformat angka."),
    "TARGET_SATUAN_DI_SEL": (INFO, "Target \"{nilai}\" dibaca sebagai {angka} dengan satuan \"{satuan}\". Sebaiknya angka di kolom target dan satuan di kolom satuan."),
    "TARGET_AMBIGU": (WARN, "Target \"{nilai}\" dibaca sebagai {angka} (titik = pemisah ribuan). Bila maksudnya desimal, tulis dengan koma: \"{alternatif}\"."),
    "SATUAN_KOSONG": (WARN, "Satuan target IKI \"{iki}\" belum diisi. Tulis satuannya, misalnya dokumen, laporan, %, hari."),
    # measurability lint (the seed's top complaint: IKI that are not measurable)
    "IKI_TIDAK_TERUKUR": (WARN, "IKI \"{iki}\" tidak memuat angka maupun satuan, sehingga tidak terukur. Saran: rumuskan sebagai \"Jumlah ... (dokumen)\" atau \"Persentase ... (%)\" dengan target berupa angka."),
    "IKI_KATA_KABUR": (WARN, "IKI \"{iki}\" memakai kata \"{kata}\" tanpa ukuran yang jelas. Saran: sebutkan apa yang dihitung, misalnya \"Persentase {contoh} yang selesai tepat waktu (%)\"."),
    "TARGET_SAMA_REALISASI": (WARN, "Pada setiap periode ({periode}), realisasi semua IKI persis sama dengan targetnya. Pastikan realisasi diisi dari bukti dukung, bukan disalin dari target."),
    # evaluation
    "REALISASI_KOSONG": (WARN, "Realisasi IKI \"{iki}\" pada {periode} belum diisi, padahal IKI lain pada periode ini sudah."),
    "REALISASI_BUKAN_ANGKA": (ERR, "Realisasi \"{nilai}\" pada {periode} bukan angka. Tulis angkanya saja, misalnya 12 atau 1,5."),
    "REALISASI_NEGATIF": (ERR, "Realisasi \"{nilai}\" pada {periode} bernilai negatif. Realisasi harus 0 atau lebih."),
    "REALISASI_TEKS_ANGKA": (INFO, "Realisasi \"{nilai}\" pada {periode} ditulis sebagai teks dan dibaca sebagai {angka}."),
    "REALISASI_SATUAN_DI_SEL": (INFO, "Realisasi \"{nilai}\" pada {periode} dibaca sebagai {angka} (satuan \"{satuan}\" diabaikan). Sebaiknya tulis angkanya saja."),
    "REALISASI_PERSEN_PECAHAN": (WARN, "Realisasi {nilai} pada {periode} tampak seperti persen yang disimpan Excel sebagai pecahan ({persen}%), sedangkan targetnya {target}%. Bila maksudnya {persen}%, ketik {persen} saja di sel berformat angka."),
    "REALISASI_AMBIGU": (WARN, "Realisasi \"{nilai}\" pada {periode} dibaca sebagai {angka} (titik = pemisah ribuan). Bila maksudnya desimal, tulis \"{alternatif}\"."),
    "KATEGORI_KOSONG": (WARN, "IKI kualitatif \"{iki}\" pada {periode} belum diberi kategori oleh pejabat penilai (Di Atas / Sesuai / Di Bawah Ekspektasi)."),
    "KATEGORI_TIDAK_DIKENAL": (ERR, "Kategori \"{nilai}\" pada {periode} tidak dikenal. Pilih Di Atas, Sesuai atau Di Bawah Ekspektasi."),
    "RATING_TIDAK_DIKENAL": (ERR, "{apa} \"{nilai}\" pada {periode} tidak dikenal. Pilih Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi."),
    "PREDIKAT_ORGANISASI_TIDAK_DIKENAL": (ERR, "Capaian kinerja organisasi \"{nilai}\" pada {periode} tidak dikenal. Pilih Istimewa, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang."),
    "LABEL_SINONIM": (INFO, "{apa} \"{nilai}\" pada {periode} dibaca sebagai \"{label}\", label resmi PermenPANRB 6/2022. Sebaiknya pilih label resmi dari daftar."),
    "PREDIKAT_TIDAK_DIKENAL": (ERR, "Predikat \"{nilai}\" pada {periode} tidak dikenal. Kosongkan sel ini; skpxl mengisinya dari matriks."),
    "PREDIKAT_BERTENTANGAN": (ERR, "Predikat tertulis \"{nilai}\" pada {periode} bertentangan dengan matriks: {hk} dan {pk} menghasilkan {seharusnya}. Kosongkan sel predikat atau jalankan Hitung agar terisi dari matriks."),
    # perilaku
    "PERILAKU_TIDAK_DIKENAL": (ERR, "Perilaku kerja \"{nilai}\" bukan salah satu nilai inti BerAKHLAK ({pilihan})."),
    "PERILAKU_GANDA": (ERR, "Nilai inti \"{nilai}\" tertulis lebih dari sekali. Setiap nilai inti BerAKHLAK tepat satu kali."),
    "PERILAKU_KURANG": (ERR, "Nilai inti BerAKHLAK \"{nilai}\" belum ada pada bagian PERILAKU KERJA. Tambahkan dengan panduan perilakunya."),
    # practice (issue 19): realism, feedback and evidence, formality; thresholds in Konfigurasi
    "TARGET_TERLALU_RENDAH": (WARN, "IKI \"{iki}\": capaian {capaian}; pada setiap periode yang dinilai capaiannya {plafon}% atau lebih. Target tampaknya terlalu mudah dicapai (terlalu rendah, atau terlalu longgar untuk IKI berarah khusus); tetapkan target yang lebih menantang pada perubahan SKP atau SKP berikutnya."),
    "TARGET_TIDAK_REALISTIS": (WARN, "IKI \"{iki}\": capaian {capaian}; pada setiap periode yang dinilai capaiannya di bawah {lantai}%. Target tampaknya tidak realistis, atau realisasi belum dicatat lengkap; bahas dengan pejabat penilai dan sesuaikan targetnya."),
    "TARGET_RENTANG_LEBAR": (WARN, "Rentang target \"{nilai}\" selebar {lebar}, lebih lebar dari batas bawahnya ({bawah}). Rentang selebar ini hampir tidak membedakan kinerja; persempit rentangnya atau tetapkan satu angka target."),
    "TARGET_WAKTU_NOL": (WARN, "Target waktu IKI \"{iki}\" adalah 0 {satuan}: tidak ada pekerjaan yang selesai dalam 0 {satuan}. Isi target waktu yang realistis, misalnya waktu penyelesaian rata-rata tahun lalu."),
    "UMPAN_BALIK_KOSONG": (WARN, "{periode}: {kurang} dari {isi} IKI yang realisasinya sudah diisi belum diberi umpan balik berkelanjutan ({daftar}). Pejabat penilai menuliskan umpan balik untuk setiap IKI pada setiap periode."),
    "BUKTI_DUKUNG_KOSONG": (WARN, "{periode}: {kurang} dari {isi} realisasi IKI belum disertai bukti dukung ({daftar}). Realisasi diisi berdasarkan bukti dukung: sebutkan atau tautkan dokumennya."),
    "UMPAN_BALIK_PERILAKU_KOSONG": (WARN, "{periode}: realisasi sudah diisi, tetapi tidak satu pun dari 7 nilai inti perilaku kerja diberi umpan balik. Tuliskan umpan balik perilaku, setidaknya untuk nilai inti yang menonjol atau perlu diperbaiki."),
    "AKHIR_TANPA_PERIODIK": (WARN, "Evaluasi akhir tahun sudah diisi, tetapi tidak satu pun evaluasi periodik ({periode}) diisi. Evaluasi kinerja dilakukan berkala sepanjang tahun; catat realisasi dan umpan balik setiap periode."),
    "CAPAIAN_SERAGAM": (WARN, "Pada setiap periode ({periode}) semua {jumlah} IKI memiliki capaian yang sama ({capaian}). Capaian seragam jarang terjadi bila realisasi diukur dari bukti dukung; periksa kembali realisasinya."),
    "PERILAKU_SERAGAM": (WARN, "{periode}: ketujuh nilai inti perilaku kerja diberi rating yang sama (\"{rating}\") tanpa satu pun umpan balik. Jelaskan rating setiap nilai inti dengan umpan balik yang konkret."),
    "RHK_SALINAN_ATASAN": (WARN, "{apa} \"{teks}\" sama persis dengan RHK atasan yang diintervensi. Rumuskan hasil kerja sendiri yang mendukung RHK atasan itu, bukan salinannya."),
    # recap, across files (skpxl.batch): evaluator practice and copied SKP
    "PENILAI_RATING_SERAGAM": (WARN, "Pejabat penilai {penilai} memberi rating hasil kerja \"{rating}\" kepada semua {jumlah} pegawai yang dinilainya. Periksa apakah rating sudah membedakan kinerja masing-masing pegawai."),
    "PENILAI_MENAIKKAN": (WARN, "Pejabat penilai {penilai} memberi rating hasil kerja di atas usulan skpxl untuk {naik} dari {jumlah} pegawai ({persen}%, lebih dari {batas}%). Pastikan setiap kenaikan rating didasarkan pada bukti kinerja."),
    "SKP_IDENTIK": (WARN, "RHK, IKI dan target SKP {nama} ({jabatan}) sama persis dengan SKP {nama_lain} ({jabatan_lain}, berkas {berkas_lain}), padahal jabatannya berbeda. Susun SKP sesuai tugas jabatan masing-masing."),
    # computation notes (Hitung)
    "RATING_BERBEDA_USULAN": (INFO, "{periode}: rating hasil kerja pejabat penilai \"{evaluator}\" berbeda dari usulan skpxl \"{usulan}\" ({alasan}). Rating pejabat penilai yang berlaku."),
    "RATING_DARI_PERIODE": (INFO, "{periode}: {apa} belum diisi; diisi sementara dari {sumber} (\"{nilai}\"). Pejabat penilai tetap harus menetapkannya."),
    "RATING_DARI_ORGANISASI": (INFO, "{periode}: rating hasil kerja diusulkan dari capaian kinerja organisasi \"{organisasi}\" → \"{nilai}\"."),
    "PREDIKAT_BELUM": (INFO, "{periode}: predikat belum dapat ditetapkan karena {kurang} belum ada."),
}  # fmt: skip


@dataclass(frozen=True)
class Temuan:
    """One finding. ``lembar``/``sel`` point at the cell (None for whole-form findings)."""

    kode: str
    tingkat: Tingkat
    pesan: str
    lembar: str | None = None
    sel: str | None = None
    nilai: str | None = None

    @property
    def alamat(self) -> str:
        """ "SKP!G23"; the sheet alone for a sheet-wide finding; "" when it is about the whole file."""
        if not self.sel:
            return self.lembar or ""
        return f"{self.lembar}!{self.sel}" if self.lembar else self.sel

    def ke_dict(self) -> dict[str, str | None]:
        return {"kode": self.kode, "tingkat": self.tingkat.value, "lembar": self.lembar, "sel": self.sel,
                "nilai": self.nilai, "pesan": self.pesan}  # fmt: skip


def pisah_alamat(alamat: str | None) -> tuple[str | None, str | None]:
    """ "SKP!G23" → ("SKP", "G23"); quotes around sheet names are dropped."""
    if not alamat:
        return None, None
    if "!" not in alamat:
        return None, alamat
    lembar, sel = alamat.rsplit("!", 1)
    return lembar.strip("'"), sel.replace("$", "")


def teks_nilai(nilai: object) -> str | None:
    """A cell value as it appears in a finding (at most 80 characters)."""
    if nilai is None:
        return None
    teks = nilai if isinstance(nilai, str) else str(nilai)
    return teks if len(teks) <= 80 else teks[:77] + "..."


def temuan(
    kode: str, sel: Mapping[str, str] | None = None, kunci: str | None = None, nilai: object = None, **param: object
) -> Temuan:
    """Build a finding from the catalog; ``sel[kunci]`` is the source cell address."""
    tingkat, templat = KATALOG[kode]
    lembar, alamat = pisah_alamat(sel.get(kunci) if sel is not None and kunci else None)
    teks = teks_nilai(nilai)
    pesan = templat.format(nilai=teks if teks is not None else "", **param)
    return Temuan(kode, tingkat, pesan, lembar, alamat, teks)
