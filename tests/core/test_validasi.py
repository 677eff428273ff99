"""Validasi rules (spec §8): each fires on its own breakage, with its cell, and not on the clean form."""

from collections.abc import Callable
from decimal import Decimal

import pytest

from skpxl.core.enums import Tingkat
from skpxl.core.models import SkpForm
from skpxl.core.temuan import KATALOG, Temuan
from skpxl.core.validasi import validasi
from tests.bantu.formulir import form_bersih


def codes(form: SkpForm) -> list[str]:
    return [t.kode for t in validasi(form)]


def test_clean_form_has_no_errors_or_warnings() -> None:
    found = [t for t in validasi(form_bersih()) if t.tingkat is not Tingkat.INFO]
    assert found == []


def _set(path: Callable[[SkpForm], object], field: str, value: object) -> Callable[[SkpForm], None]:
    def change(f: SkpForm) -> None:
        setattr(path(f), field, value)

    return change


def iki(r: int, i: int) -> Callable[[SkpForm], object]:
    return lambda f: f.rhk[r].iki[i]


def ev(r: int, i: int, p: str) -> Callable[[SkpForm], object]:
    return lambda f: f.rhk[r].iki[i].evaluasi[p]


CASES: list[tuple[str, Callable[[SkpForm], None], str | None, str | None]] = [
    ("NIP_PANJANG", _set(lambda f: f.pegawai, "nip", "19920315201903200"), "NIP_PANJANG", "SKP!C6"),
    ("NIP_ANGKA", _set(lambda f: f.pegawai, "nip", "1.99203152019032E+17"), "NIP_ANGKA", "SKP!C6"),
    ("NIP_TANGGAL", _set(lambda f: f.pegawai, "nip", "199202302019032001"), "NIP_TANGGAL_LAHIR", "SKP!C6"),
    ("NIP_USIA", _set(lambda f: f.pegawai, "nip", "200503152019032001"), "NIP_USIA_TMT", "SKP!C6"),
    ("NIP_TMT_LATE", _set(lambda f: f.pegawai, "nip", "199203152027032001"), "NIP_TMT_SETELAH_PERIODE", "SKP!C6"),
    ("NAMA", _set(lambda f: f.pegawai, "nama", "  "), "NAMA_KOSONG", "SKP!C5"),
    ("PENILAI_SAMA", _set(lambda f: f.penilai, "nip", "199203152019032001"), "PENILAI_SAMA", "SKP!F6"),
    ("ATASAN_SAMA", _set(lambda f: f.atasan_penilai, "nip", "198011202005011002"), "ATASAN_SAMA", "SKP!I6"),
    ("PANGKAT", _set(lambda f: f.pegawai, "pangkat", "Penata Super"), "PANGKAT_TIDAK_DIKENAL", "SKP!C7"),
    ("JENJANG_GOL", _set(lambda f: f.pegawai, "pangkat", "IV/a"), "JENJANG_GOLONGAN", "SKP!C7"),
    ("JENJANG_KOSONG", _set(lambda f: f, "jenjang", None), "JENJANG_KOSONG", "SKP!C10"),
    ("PERIODISASI", _set(lambda f: f, "periodisasi", "Semesteran"), "PERIODISASI_TIDAK_COCOK", "SKP!G5"),
    ("JENIS_JABATAN", _set(lambda f: f, "jenis_jabatan", "Staf"), "JENIS_JABATAN_TIDAK_DIKENAL", "SKP!C9"),
    ("PERIODE_TERBALIK", _set(lambda f: f, "periode_awal", "31/12/2026"), "PERIODE_PARSIAL", "SKP!C3"),
    ("PERIODE_TANGGAL", _set(lambda f: f, "periode_akhir", "akhir tahun"), "PERIODE_TANGGAL", "SKP!E3"),
    ("ASPEK", _set(iki(0, 0), "aspek", "Mutu"), "ASPEK_TIDAK_DIKENAL", "SKP!D20"),
    ("ARAH", _set(iki(0, 0), "arah", "Naik"), "ARAH_TIDAK_DIKENAL", "SKP!H20"),
    ("TARGET_TEKS", _set(iki(0, 0), "target", "sekitar 4"), "TARGET_BUKAN_ANGKA", "SKP!F20"),
    ("TARGET_KOSONG", _set(iki(0, 0), "target", None), "TARGET_KOSONG", "SKP!F20"),
    ("TARGET_NOL", _set(iki(0, 0), "target", Decimal(0)), "TARGET_NOL", "SKP!F20"),
    ("TARGET_AMBIGU", _set(iki(0, 0), "target", "1.250"), "TARGET_AMBIGU", "SKP!F20"),
    ("TARGET_RANGE", _set(iki(1, 1), "target", "90-80"), "TARGET_RENTANG_TERBALIK", "SKP!F23"),
    ("SATUAN", _set(iki(0, 0), "satuan", ""), "SATUAN_KOSONG", "SKP!G20"),
    ("REALISASI_TEKS", _set(ev(0, 0, "TW1"), "realisasi", "satu"), "REALISASI_BUKAN_ANGKA", "TW1!E20"),
    ("REALISASI_NEG", _set(ev(0, 0, "TW1"), "realisasi", Decimal(-1)), "REALISASI_NEGATIF", "TW1!E20"),
    ("REALISASI_KOSONG", _set(ev(0, 0, "TW1"), "realisasi", None), "REALISASI_KOSONG", "TW1!E20"),
    ("PERSEN_PECAHAN", _set(ev(1, 1, "TW1"), "realisasi", Decimal("0.85")), "REALISASI_PERSEN_PECAHAN", "TW1!E23"),
    ("RATING", _set(lambda f: f.evaluasi["AKHIR"], "rating_perilaku", "Hebat"), "RATING_TIDAK_DIKENAL", "AKHIR!C41"),
    (
        "PREDIKAT_TULIS",
        _set(lambda f: f.evaluasi["AKHIR"], "predikat_tertulis", "Baik"),
        "PREDIKAT_BERTENTANGAN",
        "AKHIR!C43",
    ),
    ("INTERVENSI", _set(lambda f: f.rhk[0], "rhk_atasan", None), "INTERVENSI_KOSONG", "SKP!B20"),
    ("IKI_GANDA", _set(iki(0, 1), "teks", "Jumlah publikasi data sektoral yang terbit"), "IKI_GANDA", "SKP!E21"),
    ("TIDAK_TERUKUR", _set(iki(0, 0), "teks", "Publikasi statistik yang bermutu"), None, None),
    ("KABUR", _set(iki(0, 0), "teks", "Optimalnya publikasi yang berkualitas"), "IKI_KATA_KABUR", "SKP!E20"),
]


@pytest.mark.parametrize(("name", "change", "code", "address"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_its_case(
    name: str, change: Callable[[SkpForm], None], code: str | None, address: str | None
) -> None:
    form = form_bersih()
    change(form)
    found = validasi(form)
    if code is None:  # satuan filled → measurable enough; nothing to report
        assert [t for t in found if t.tingkat is not Tingkat.INFO] == []
        return
    hits = [t for t in found if t.kode == code]
    assert len(hits) == 1, [t.kode for t in found]
    assert hits[0].alamat == address
    assert hits[0].tingkat is KATALOG[code][0]
    others = [t.kode for t in found if t.tingkat is not Tingkat.INFO and t.kode != code]
    assert others == [], f"{name} also raised {others}"


def test_not_measurable_without_number_or_satuan() -> None:
    f = form_bersih()
    f.rhk[0].iki[0].teks = "Publikasi statistik yang bermutu"
    f.rhk[0].iki[0].satuan = None
    found = {t.kode: t for t in validasi(f)}
    assert "IKI_TIDAK_TERUKUR" in found and "Persentase" in found["IKI_TIDAK_TERUKUR"].pesan


def test_no_utama() -> None:
    f = form_bersih()
    for r in f.rhk:
        r.jenis = "Tambahan"
    assert "RHK_UTAMA_TIDAK_ADA" in codes(f)


def test_missing_core_value_and_duplicate() -> None:
    f = form_bersih()
    f.perilaku[1].nilai_inti = "berorientasi  pelayanan"
    found = [t for t in validasi(f) if t.kode.startswith("PERILAKU")]
    assert [(t.kode, t.nilai) for t in found] == [("PERILAKU_GANDA", "berorientasi  pelayanan"),
                                                   ("PERILAKU_KURANG", "Akuntabel")]  # fmt: skip


def test_target_equal_realisasi_everywhere_is_a_formality_warning() -> None:
    f = form_bersih()
    for r in f.rhk:
        for i in r.iki:
            i.target = Decimal(80) if isinstance(i.target, str) else i.target
            i.evaluasi["AKHIR"].realisasi = i.target
    assert "TARGET_SAMA_REALISASI" not in codes(f)  # one period on target is a legitimate Sesuai Ekspektasi
    for r in f.rhk:
        for i in r.iki:
            i.evaluasi["TW1"].realisasi = i.target
    assert codes(f).count("TARGET_SAMA_REALISASI") == 1


def test_text_numbers_are_read_and_noted() -> None:
    f = form_bersih()
    f.rhk[0].iki[0].target = "4,0"
    f.rhk[0].iki[0].evaluasi["TW1"].realisasi = "12 publikasi"
    found = {t.kode: t for t in validasi(f)}
    assert found["TARGET_TEKS_ANGKA"].tingkat is Tingkat.INFO
    assert "dibaca sebagai 4" in found["TARGET_TEKS_ANGKA"].pesan
    assert found["REALISASI_SATUAN_DI_SEL"].tingkat is Tingkat.INFO


def test_everything_at_once() -> None:
    f = form_bersih()
    f.pegawai.nip = "123"
    f.rhk[0].iki[0].target = "banyak"
    f.evaluasi["AKHIR"].rating_hasil_kerja = "Luar biasa"
    assert {"NIP_PANJANG", "TARGET_BUKAN_ANGKA", "RATING_TIDAK_DIKENAL"} <= set(codes(f))


def test_every_message_template_formats() -> None:
    # every finding produced above has a full sentence, no unfilled {placeholders}
    f = form_bersih()
    f.pegawai.nip = "123"
    for t in validasi(f):
        assert isinstance(t, Temuan) and "{" not in t.pesan and t.pesan.endswith((".", ")"))
