"""Issue 15 (and 18): NIP edge cases — non-ASCII digits, serial 000, PPPK frequency 0, a birth date after
the period — in parse_nip and in Validasi (the batch's duplicate check: tests/batch/test_nip_ganda.py)."""

from __future__ import annotations

from datetime import date

import pytest

import skpxl
from skpxl.core.nip import NipSalah, kunci_nip
from skpxl.core.validasi import validasi
from tests.bantu.formulir import form_bersih

ASCII = "199203152019031002"
LEBAR = "１９９２０３１５２０１９０３１００２"  # full-width
ARAB = "١٩٩٢٠٣١٥٢٠١٩٠٣١٠٠٢"  # Arabic-Indic
PERSIA = "۱۹۹۲۰۳۱۵۲۰۱۹۰۳۱۰۰۲"  # extended Arabic-Indic (Persian keyboards)


@pytest.mark.parametrize("nip", [LEBAR, ARAB, PERSIA, ASCII[:10] + "１" + ASCII[11:]])
def test_non_ascii_digits_are_an_indonesian_error_with_the_fix(nip: str) -> None:
    with pytest.raises(NipSalah) as info:
        skpxl.parse_nip(nip)
    assert info.value.kode == "NIP_ANGKA_NON_ASCII"
    assert str(info.value) == (
        f"NIP '{nip}' ditulis dengan angka selain angka biasa 0–9 (misalnya angka lebar penuh atau angka Arab). "
        f"Ketik ulang NIP dengan angka biasa: {ASCII}."
    )


def test_superscript_digit_is_not_a_digit_and_no_english_int_message() -> None:
    with pytest.raises(NipSalah) as info:
        skpxl.parse_nip("19920315201903100²")
    assert info.value.kode == "NIP_BUKAN_ANGKA"
    assert str(info.value) == ("NIP '19920315201903100²' mengandung karakter selain angka; NIP hanya berisi 18 digit.")


@pytest.mark.parametrize(
    ("nip", "kode", "alasan"),
    [
        (
            "199203152019031000",
            "NIP_NOMOR_URUT_NOL",
            "Nomor urut pada NIP '199203152019031000' (digit 16–18) adalah 000, padahal dimulai dari 001.",
        ),
        (
            "199207152023202004",
            "NIP_PPPK_FREKUENSI_NOL",
            "Digit ke-14 NIP PPPK '199207152023202004' (frekuensi pengadaan) adalah 0, padahal dimulai dari 1.",
        ),
        (
            "202703152027031002",
            "NIP_LAHIR_SETELAH_ACUAN",
            "Tanggal lahir pada NIP '202703152027031002' (15/03/2027) jatuh setelah akhir periode penilaian "
            "(31/12/2026).",
        ),
    ],
)
def test_implausible_parts_are_reasons_in_the_result(nip: str, kode: str, alasan: str) -> None:
    hasil = skpxl.parse_nip(nip, acuan=date(2026, 12, 31))
    assert hasil.peringatan == ((kode, alasan),)


def test_birth_in_the_future_without_a_period_is_measured_against_today() -> None:
    tahun = date.today().year + 1
    nip = f"{tahun}0101{tahun}031002"
    ((kode, alasan),) = skpxl.parse_nip(nip).peringatan
    assert kode == "NIP_LAHIR_SETELAH_ACUAN" and "jatuh setelah hari ini" in alasan


def test_plain_nip_has_no_reasons() -> None:
    assert skpxl.parse_nip(ASCII, acuan=date(2026, 12, 31)).peringatan == ()
    assert skpxl.parse_nip("199207152023212004").peringatan == ()  # PPPK, frequency 1


def _temuan_nip(nip: str) -> list[tuple[str, str, str]]:
    form = form_bersih()
    form = form.model_copy(update={"pegawai": form.pegawai.model_copy(update={"nip": nip})})
    return [(t.kode, t.tingkat.value, t.pesan) for t in validasi(form) if t.kode.startswith("NIP")]


@pytest.mark.parametrize(
    ("nip", "harapan"),
    [
        (
            LEBAR,
            [("NIP_ANGKA_NON_ASCII", "Kesalahan",
              f"NIP pegawai yang dinilai: NIP '{LEBAR}' ditulis dengan angka selain angka biasa 0–9 (misalnya angka "
              f"lebar penuh atau angka Arab). Ketik ulang NIP dengan angka biasa: {ASCII}.")],
        ),
        (
            "199203152019031000",
            [("NIP_NOMOR_URUT_NOL", "Peringatan",
              "NIP pegawai yang dinilai: Nomor urut pada NIP '199203152019031000' (digit 16–18) adalah 000, padahal "
              "dimulai dari 001. Periksa kembali dengan data BKN.")],
        ),
        (
            "199207152023202004",
            [("NIP_PPPK_FREKUENSI_NOL", "Peringatan",
              "NIP pegawai yang dinilai: Digit ke-14 NIP PPPK '199207152023202004' (frekuensi pengadaan) adalah 0, "
              "padahal dimulai dari 1. Periksa kembali dengan data BKN.")],
        ),
    ],
)  # fmt: skip
def test_validasi_findings(nip: str, harapan: list[tuple[str, str, str]]) -> None:
    assert _temuan_nip(nip) == harapan


def test_validasi_birth_after_the_period_is_a_warning() -> None:
    kode = {k: (t, p) for k, t, p in _temuan_nip("202703152027031002")}
    tingkat, pesan = kode["NIP_LAHIR_SETELAH_ACUAN"]
    assert tingkat == "Peringatan"
    assert pesan == (
        "NIP pegawai yang dinilai: Tanggal lahir pada NIP '202703152027031002' (15/03/2027) jatuh setelah akhir "
        "periode penilaian (31/12/2026). Periksa kembali NIP atau periode penilaian."
    )


def test_penilai_same_as_pegawai_across_digit_forms() -> None:
    form = form_bersih()
    form = form.model_copy(
        update={"penilai": form.penilai.model_copy(update={"nip": " ".join(form.pegawai.nip or "")})}
    )
    form = form.model_copy(
        update={"pegawai": form.pegawai.model_copy(update={"nip": (form.pegawai.nip or "").translate(
            str.maketrans("0123456789", "０１２３４５６７８９"))})}
    )  # fmt: skip
    assert "PENILAI_SAMA" in {t.kode for t in validasi(form)}


@pytest.mark.parametrize(
    "nip", [LEBAR, ARAB, PERSIA, f" {ASCII[:8]} {ASCII[8:14]} {ASCII[14]} {ASCII[15:]}", f"'{ASCII}"]
)
def test_one_key_for_every_way_of_writing_a_nip(nip: str) -> None:
    assert kunci_nip(nip) == ASCII
