"""Issue 15: label synonyms ("Cukup") documented in one table, and the options where the regulation is silent
(kurva in small units, 8/2021 maximum-attainable target): defaults keep the earlier behaviour, each names its
source, and each is written into the stamp of the outputs that used it."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import skpxl
from skpxl.core.config import KONFIGURASI_BAKU, SUMBER_OPSI, Konfigurasi, opsi_stempel
from skpxl.core.enums import SINONIM, Predikat, PredikatOrganisasi, Rating
from skpxl.core.packs import info_paket
from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.core.packs.permenpanrb_6_2022.kurva import alasan_tidak_dinilai, periksa_kurva
from skpxl.core.validasi import validasi
from tests.bantu.formulir import form_bersih

DOKUMEN = Path(__file__).resolve().parents[2] / "docs" / "angka.md"

# --------------------------------------------------------------------------- synonyms


def test_cukup_is_butuh_perbaikan_everywhere_a_predikat_is_read() -> None:
    assert Predikat.dari_teks("Cukup") is Predikat.BUTUH_PERBAIKAN
    assert Predikat.dari_teks(" CUKUP ") is Predikat.BUTUH_PERBAIKAN
    assert PredikatOrganisasi.dari_teks("cukup") is PredikatOrganisasi.BUTUH_PERBAIKAN
    assert skpxl.angka_kredit("Cukup", "Ahli Madya", 7) == skpxl.angka_kredit("Butuh Perbaikan", "Ahli Madya", 7)
    assert skpxl.cek_kurva("Cukup", {"Cukup": 6, "Baik": 4}) == skpxl.cek_kurva(
        "Butuh Perbaikan", {"Butuh Perbaikan": 6, "Baik": 4}
    )
    # a spelling of the label itself is not a synonym; nor is "Cukup" a rating
    assert Predikat.sinonim("Butuh  perbaikan") is None and Predikat.sinonim("Cukup") is Predikat.BUTUH_PERBAIKAN
    assert Rating.cari("Cukup") is None


def test_the_old_packs_keep_their_own_cukup() -> None:
    assert p8.PredikatKinerja.dari_teks("Cukup") is p8.PredikatKinerja.CUKUP


def _evaluasi_akhir(**isi: str) -> list[tuple[str, str, str]]:
    form = form_bersih()
    akhir = form.evaluasi["AKHIR"].model_copy(update=isi)
    form = form.model_copy(update={"evaluasi": {**form.evaluasi, "AKHIR": akhir}})
    return [(t.kode, t.tingkat.value, t.pesan) for t in validasi(form) if t.kode == "LABEL_SINONIM"]


def test_workbook_use_of_a_synonym_is_an_info_finding() -> None:
    assert _evaluasi_akhir() == []
    assert _evaluasi_akhir(predikat_organisasi="Cukup") == [
        (
            "LABEL_SINONIM",
            "Info",
            'Capaian kinerja organisasi "Cukup" pada Akhir (Tahunan) dibaca sebagai "Butuh Perbaikan", label resmi '
            "PermenPANRB 6/2022. Sebaiknya pilih label resmi dari daftar.",
        )
    ]
    [(kode, tingkat, pesan)] = _evaluasi_akhir(predikat_tertulis="cukup")
    assert (kode, tingkat) == ("LABEL_SINONIM", "Info")
    assert pesan.startswith('Predikat "cukup" pada Akhir (Tahunan) dibaca sebagai "Butuh Perbaikan"')


def _tabel_dokumen(judul: str) -> list[list[str]]:
    teks = DOKUMEN.read_text(encoding="utf-8")
    bagian = teks.split(f"## {judul}", 1)[1].split("\n## ", 1)[0]
    baris = [b for b in bagian.splitlines() if b.startswith("|")][2:]
    return [[s.strip().strip("`") for s in b.strip("|").split("|")] for b in baris]


def test_the_one_synonym_table_is_documented() -> None:
    harapan = [[s.daftar._nama_daftar(), s.tertulis, s.label, s.sumber] for s in SINONIM]
    assert _tabel_dokumen("Sinonim label") == harapan


def test_every_option_is_documented_with_its_default_and_source() -> None:
    tabel = {b[0]: b for b in _tabel_dokumen("Opsi")}
    assert set(tabel) == set(SUMBER_OPSI)
    for nama, sumber in SUMBER_OPSI.items():
        kelas = p8.KonfigurasiPermenpanrb82021 if nama in p8.KonfigurasiPermenpanrb82021.model_fields else Konfigurasi
        bawaan = kelas.model_fields[nama].default
        assert tabel[nama][1] == str(bawaan), nama
        assert tabel[nama][3] == sumber


# --------------------------------------------------------------------------- kurva options

ORG, P = PredikatOrganisasi, Predikat


def test_defaults_are_the_earlier_behaviour() -> None:
    assert (KONFIGURASI_BAKU.kurva_minimal_pegawai, KONFIGURASI_BAKU.kurva_pembulatan) == (0, "pecahan")
    assert not p8.KONFIGURASI_BAWAAN.target_maksimal_120
    assert opsi_stempel(KONFIGURASI_BAKU) == () and opsi_stempel(p8.KONFIGURASI_BAWAAN) == ()
    # a Kurang unit of two cannot conform under exact fractions (the example), and still does not by default
    assert [v.pesan for v in periksa_kurva(ORG.KURANG, {P.KURANG: 2})] == [
        "Organisasi Kurang: 0 dari 2 pegawai (0%) berpredikat Butuh Perbaikan, minimal 10% (1 orang)."
    ]


def test_minimum_unit_size_reports_tidak_dapat_dinilai() -> None:
    k = Konfigurasi(kurva_minimal_pegawai=5)
    kecil = {P.KURANG: 1, P.BAIK: 1}
    assert (
        periksa_kurva(ORG.KURANG, kecil, k) == [] == skpxl.cek_kurva("Kurang", {"Kurang": 1, "Baik": 1}, konfigurasi=k)
    )
    assert alasan_tidak_dinilai(kecil, k) == (
        "Kurva distribusi tidak dapat dinilai: unit ini hanya memiliki 2 pegawai berpredikat, kurang dari 5 pegawai "
        "(batas kebijakan instansi)."
    )
    besar = {P.KURANG: 1, P.BAIK: 4}  # 5 staff: judged as before
    assert alasan_tidak_dinilai(besar, k) is None
    assert periksa_kurva(ORG.KURANG, besar, k) == periksa_kurva(ORG.KURANG, besar)
    assert opsi_stempel(k) == ("kurva_minimal_pegawai=5 (kebijakan instansi)",)


def test_whole_people_rounding() -> None:
    k = Konfigurasi(kurva_pembulatan="orang")
    # Kurang unit of 2: 60% of 2 = 1,2 → 1 person; 10% of 2 = 0,2 → 0: one Kurang/Misconduct conforms
    assert periksa_kurva(ORG.KURANG, {P.KURANG: 1, P.BAIK: 1}, k) == []
    # Butuh Perbaikan unit of 5: 10% of 5 = 0,5 → 1 Sangat Baik allowed, 2 are not
    assert periksa_kurva(ORG.BUTUH_PERBAIKAN, {P.BUTUH_PERBAIKAN: 4, P.SANGAT_BAIK: 1}, k) == []
    assert [v.pesan for v in periksa_kurva(ORG.BUTUH_PERBAIKAN, {P.BUTUH_PERBAIKAN: 3, P.SANGAT_BAIK: 2}, k)] == [
        "Organisasi Butuh Perbaikan: 2 dari 5 pegawai (40%) berpredikat Sangat Baik, maksimal 10% dari 5 dibulatkan "
        "menjadi 1 orang."
    ]
    assert [v.pesan for v in periksa_kurva(ORG.SANGAT_KURANG, {P.SANGAT_KURANG: 3, P.SANGAT_BAIK: 1}, k)][-1] == (
        "Organisasi Sangat Kurang: 1 dari 4 pegawai (25%) berpredikat Sangat Baik, padahal tidak boleh ada "
        "(0% dari 4 dibulatkan menjadi 0 orang)."
    )
    assert opsi_stempel(k) == ("kurva_pembulatan=orang (kebijakan instansi)",)
    assert info_paket("permenpanrb-6-2022").stempel_dengan(opsi_stempel(k)) == (
        "permenpanrb-6-2022 v1.0.0 · opsi: kurva_pembulatan=orang (kebijakan instansi)"
    )


# --------------------------------------------------------------------------- 8/2021 maximum-attainable target

K120 = p8.KonfigurasiPermenpanrb82021(target_maksimal_120=True)


@pytest.mark.parametrize(
    ("realisasi", "target_maksimal", "konfigurasi", "nilai"),
    [
        (100, True, p8.KONFIGURASI_BAWAAN, Decimal(109)),  # default: as before
        (100, True, K120, Decimal(120)),
        (100, False, K120, Decimal(109)),  # not declared the maximum
        (99, True, K120, Decimal(89)),  # not reached
    ],
)
def test_target_maksimal(realisasi: int, target_maksimal: bool, konfigurasi: object, nilai: Decimal) -> None:
    assert isinstance(konfigurasi, p8.KonfigurasiPermenpanrb82021)
    h = p8.hitung_iki(realisasi=realisasi, target=100, target_maksimal=target_maksimal, konfigurasi=konfigurasi)
    assert h.nilai.nilai == nilai
    assert p8.nilai_capaian(h.capaian, target_maksimal=target_maksimal, konfigurasi=konfigurasi) == nilai
    if nilai == 120:
        assert h.penjelasan == (
            "Capaian = 100/100 × 100 = 100,00%, dibulatkan 100%. Nilai capaian (target merupakan nilai maksimal "
            "yang dapat dicapai dan telah tercapai: nilai 120) = 120,00."
        )


@pytest.mark.parametrize(
    ("target", "nama", "satuan", "maks"),
    [
        (Decimal(100), "Persentase surat yang diselesaikan", None, True),
        (Decimal(100), "Surat yang diselesaikan", "%", True),
        (Decimal(100), "Jumlah surat", "surat", False),
        (Decimal(90), "Persentase surat", "%", False),
    ],
)
def test_maximum_attainable_recognised(target: Decimal, nama: str, satuan: str | None, maks: bool) -> None:
    assert p8.target_maksimal_otomatis(target, nama, satuan) is maks


def test_opsi_stamp_text() -> None:
    assert opsi_stempel(K120) == ("target_maksimal_120=ya (PermenPANRB 8/2021, contoh perhitungan pada lampiran)",)
    assert re.fullmatch(r"permenpanrb-8-2021 v\S+ · opsi: target_maksimal_120=ya \(.+\)", info_paket(
        "permenpanrb-8-2021").stempel_dengan(opsi_stempel(K120)))  # fmt: skip
