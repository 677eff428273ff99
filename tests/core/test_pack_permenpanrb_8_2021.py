"""Rule pack permenpanrb-8-2021 (PP 30/2019 + PermenPANRB 8/2021), spec §7."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpxl.core.enums import Arah
from skpxl.core.errors import InputTidakValid
from skpxl.core.packs import permenpanrb_8_2021 as q
from skpxl.core.packs.permenpanrb_8_2021 import (
    AmbangPredikat,
    HasilIKI,
    KonfigurasiPermenpanrb82021,
    PredikatKinerja,
    capaian_iki,
    hitung_iki,
    nilai_capaian,
    nilai_kinerja,
    nilai_skp,
    predikat,
)
from skpxl.core.packs.pp_46_2011 import KONTEKS, tampil

D = Decimal
TANPA_BULAT_CAPAIAN = KonfigurasiPermenpanrb82021(bulatkan_capaian=False)
TANPA_BULAT_BERTAHAP = KonfigurasiPermenpanrb82021(pembulatan_bertahap=False)


def rata(*nilai: Decimal) -> Decimal:
    with localcontext(KONTEKS):
        return sum(nilai, D(0)) / len(nilai)


# ---------------------------------------------------------------------------------------------- metadata


def test_pack_metadata() -> None:
    assert q.PACK_ID == "permenpanrb-8-2021"
    assert q.VERSI == "1.0.0"
    assert q.JUDUL
    assert "30 Tahun 2019" in q.DASAR_HUKUM and "8 Tahun 2021" in q.DASAR_HUKUM


def test_pack_is_listed_by_the_registry() -> None:
    from skpxl.core.packs import daftar_paket

    info = daftar_paket()["permenpanrb-8-2021"]
    assert (info.versi, info.judul) == (q.VERSI, q.JUDUL)


# ---------------------------------------------------------------------------------------------- regulation examples


def test_example_85_of_85_is_109() -> None:
    hasil = hitung_iki(realisasi=85, target=85)
    assert hasil.capaian == 100
    assert hasil.capaian_dinilai == 100
    assert hasil.nilai.nilai == 109
    assert hasil.penjelasan == (
        "Capaian = 85/85 × 100 = 100,00%, dibulatkan 100%. Nilai capaian (capaian 100%: nilai 109) = 109,00."
    )


def test_example_93_of_95_is_88() -> None:
    hasil = hitung_iki(realisasi=93, target=95, nama="Persentase layanan tepat waktu")
    assert tampil(hasil.capaian) == D("97.89")
    assert hasil.capaian_dinilai == 98
    assert hasil.nilai.nilai == 88
    assert hasil.penjelasan == (
        "IKI 'Persentase layanan tepat waktu': Capaian = 93/95 × 100 = 97,89%, dibulatkan 98%. "
        "Nilai capaian (80–99%: 70 + (98 − 80)) = 88,00."
    )


# ---------------------------------------------------------------------------------------------- bands


@pytest.mark.parametrize(
    ("capaian", "nilai"),
    [
        (0, D(0)),
        (59, D(49)),  # 59/59 × 49
        (60, D(50)),
        (79, D(69)),
        (80, D(70)),
        (99, D(89)),
        (100, D(109)),
        (101, D(110)),
        (110, D(120)),
        (111, D(120)),
        (150, D(120)),
    ],
)
def test_band_boundaries(capaian: int, nilai: Decimal) -> None:
    assert nilai_capaian(capaian) == nilai
    assert nilai_capaian(capaian, konfigurasi=TANPA_BULAT_CAPAIAN) == nilai  # whole percents: same


@pytest.mark.parametrize(
    ("capaian", "tampil_nilai"),
    [
        (30, D("24.92")),  # 30/59 × 49 = 24.915…
        (50, D("41.53")),
        (70, D("60.00")),
        (90, D("80.00")),
        (102, D("111.11")),  # 110 + 10/9
        (105, D("114.44")),
        (109, D("118.89")),
    ],
)
def test_band_interiors(capaian: int, tampil_nilai: Decimal) -> None:
    assert tampil(nilai_capaian(capaian)) == tampil_nilai


@pytest.mark.parametrize(
    ("capaian", "dinilai", "nilai"),
    [
        ("99.5", 100, D(109)),  # the 99–100 gap: rounds up into 100
        ("99,49", 99, D(89)),
        ("100.4", 100, D(109)),  # the 100–101 gap: rounds down into 100
        ("100.5", 101, D(110)),
        ("59.5", 60, D(50)),
        ("79.5", 80, D(70)),
        ("110.4", 110, D(120)),
        ("97.89%", 98, D(88)),
        (D("0.4"), 0, D(0)),
    ],
)
def test_capaian_rounded_to_a_whole_percent_half_up(capaian: str | Decimal, dinilai: int, nilai: Decimal) -> None:
    assert nilai_capaian(capaian) == nilai


def test_rounding_of_gaps_via_realisasi() -> None:
    hasil = hitung_iki(realisasi=199, target=200)  # 99.5%
    assert hasil.capaian == D("99.5") and hasil.capaian_dinilai == 100 and hasil.nilai.nilai == 109
    hasil = hitung_iki(realisasi=251, target=250)  # 100.4%
    assert hasil.capaian == D("100.4") and hasil.capaian_dinilai == 100 and hasil.nilai.nilai == 109


def test_without_capaian_rounding_bands_have_inclusive_lower_bounds() -> None:
    k = TANPA_BULAT_CAPAIAN
    assert nilai_capaian("99.5", konfigurasi=k) == D("89.5")
    assert nilai_capaian("100.4", konfigurasi=k) == 109
    assert tampil(nilai_capaian("101.9", konfigurasi=k)) == D("111.00")
    assert nilai_capaian("110.01", konfigurasi=k) == 120
    hasil = hitung_iki(realisasi=199, target=200, konfigurasi=k)
    assert hasil.capaian_dinilai == D("99.5")
    assert "dibulatkan" not in hasil.penjelasan


# ---------------------------------------------------------------------------------------------- capaian


def test_capaian_normal_and_khusus() -> None:
    assert capaian_iki(realisasi=45, target=50) == 90
    assert capaian_iki(realisasi=60, target=50) == 120
    assert capaian_iki(realisasi=4, target=5, arah="khusus") == 120  # lower is better: (2 − 0.8) × 100
    assert capaian_iki(realisasi=15, target=5, arah=Arah.KHUSUS) == 0  # floored at 0
    assert capaian_iki(realisasi=0, target=0, arah="Khusus") == 100
    assert capaian_iki(realisasi=2, target=0, arah="khusus") == 0
    assert hitung_iki(realisasi=3, target=4, arah="khusus").arah is Arah.KHUSUS


def test_khusus_explanations() -> None:
    hasil = hitung_iki(realisasi=3, target=4, arah="khusus")
    assert hasil.capaian == 125 and hasil.nilai.nilai == 120
    assert hasil.penjelasan.startswith("Capaian (khusus) = (2 − 3/4) × 100 = 125,00%")
    nol = hitung_iki(realisasi=0, target=0, arah="khusus")
    assert nol.nilai.nilai == 109
    assert "target 0" in nol.penjelasan


@pytest.mark.parametrize(
    ("panggil", "pesan"),
    [
        (lambda: capaian_iki(realisasi=5, target=0), "Target IKI harus lebih dari 0"),
        (lambda: hitung_iki(realisasi=5, target=0), "Target IKI harus lebih dari 0"),
        (lambda: capaian_iki(realisasi=5, target=-1), "tidak boleh kurang dari 0"),
        (lambda: capaian_iki(realisasi=-5, target=10), "tidak boleh kurang dari 0"),
        (lambda: capaian_iki(realisasi=5, target=10, arah="menurun"), "Arah 'menurun' tidak dikenal"),
        (lambda: nilai_capaian(-1), "tidak boleh kurang dari 0"),
        (lambda: nilai_capaian("sembilan puluh"), "bukan angka"),
        (lambda: nilai_capaian(D("Infinity")), "terhingga"),
        (lambda: nilai_capaian(D("1E+40")), "terlalu besar"),
        (lambda: nilai_skp([]), "paling sedikit satu"),
        (lambda: nilai_skp([100, 121]), "IKI ke-2 paling tinggi 120"),
        (lambda: nilai_kinerja(100, 121), "perilaku kerja paling tinggi 120"),
        (lambda: nilai_kinerja(-1, 100), "tidak boleh kurang dari 0"),
        (lambda: predikat(120.5), "paling tinggi 120"),
        (lambda: predikat(-1), "tidak boleh kurang dari 0"),
    ],
)
def test_invalid_input(panggil: object, pesan: str) -> None:
    with pytest.raises(InputTidakValid, match=pesan):
        panggil()  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------- nilai SKP and kinerja


def test_nilai_skp_is_the_mean_of_iki() -> None:
    iki = [
        hitung_iki(realisasi=85, target=85),
        hitung_iki(realisasi=93, target=95),
        hitung_iki(realisasi=102, target=100),
    ]  # 109, 88, 111.11…
    hasil = nilai_skp(iki)
    assert hasil.nilai_iki == (D(109), D(88), D("111.11"))
    assert hasil.nilai.nilai == rata(D(109), D(88), D("111.11"))
    assert hasil.nilai.tampil == D("102.70")
    assert hasil.penjelasan == "Nilai SKP = (109,00 + 88,00 + 111,11)/3 = 102,70."
    assert nilai_skp(["109", 88.0, D("111.11")]).nilai == hasil.nilai
    penuh = nilai_skp(iki, konfigurasi=TANPA_BULAT_BERTAHAP)
    assert penuh.nilai.tampil == D("102.70")
    assert penuh.nilai.nilai != hasil.nilai.nilai


def test_weighting_70_30() -> None:
    hasil = nilai_kinerja(100, 80)
    assert (hasil.bobot_skp, hasil.bobot_perilaku) == (D("0.7"), D("0.3"))
    assert hasil.bagian_skp.nilai == 70 and hasil.bagian_perilaku.nilai == 24
    assert hasil.nilai.nilai == 94
    assert hasil.predikat is PredikatKinerja.BAIK
    assert hasil.penjelasan == (
        "Nilai kinerja (penilaian perilaku oleh atasan) = 100,00 × 70% + 80,00 × 30% = 70,00 + 24,00 = 94,00 (Baik)."
    )


def test_weighting_60_40_with_360_assessment() -> None:
    hasil = nilai_kinerja(100, 80, penilaian_360=True)
    assert (hasil.bobot_skp, hasil.bobot_perilaku) == (D("0.6"), D("0.4"))
    assert hasil.nilai.nilai == 92  # 60 + 32
    assert "penilaian perilaku 360°" in hasil.penjelasan
    assert "× 60%" in hasil.penjelasan and "× 40%" in hasil.penjelasan


def test_weighting_from_skp_result_and_stepwise_rounding() -> None:
    skp = nilai_skp(
        [
            hitung_iki(realisasi=85, target=85),
            hitung_iki(realisasi=93, target=95),
            hitung_iki(realisasi=102, target=100),
        ]
    )  # 102.70 shown
    hasil = nilai_kinerja(skp, "95,55")
    assert hasil.nilai_skp == D("102.70")
    # 102.70 × 70% = 71.89; 95.55 × 30% = 28.665 → 28.67 (half-up); 100.56
    assert hasil.bagian_perilaku.tampil == D("28.67")
    assert hasil.nilai.nilai == D("100.56")
    # Where stepwise rounding shows: 100,05 × 70% = 70,035 → 70,04; 95,55 × 30% = 28,665 → 28,67.
    assert nilai_kinerja("100,05", "95,55").nilai.nilai == D("98.71")
    assert nilai_kinerja("100,05", "95,55", konfigurasi=TANPA_BULAT_BERTAHAP).nilai.nilai == D("98.7")


def test_sangat_baik_needs_innovation() -> None:
    tanpa = nilai_kinerja(115, 110)
    assert tanpa.predikat is PredikatKinerja.BAIK
    assert "memerlukan inovasi" in tanpa.penjelasan
    dengan = nilai_kinerja(115, 110, inovasi=True)
    assert dengan.predikat is PredikatKinerja.SANGAT_BAIK
    assert dengan.inovasi is True
    assert "memerlukan inovasi" not in dengan.penjelasan


# ---------------------------------------------------------------------------------------------- predikat


@pytest.mark.parametrize(
    ("nilai", "tanpa_inovasi", "dengan_inovasi"),
    [
        ("120", PredikatKinerja.BAIK, PredikatKinerja.SANGAT_BAIK),
        ("110", PredikatKinerja.BAIK, PredikatKinerja.SANGAT_BAIK),
        ("109.99", PredikatKinerja.BAIK, PredikatKinerja.BAIK),
        (D("109.995"), PredikatKinerja.BAIK, PredikatKinerja.SANGAT_BAIK),  # shown as 110,00
        ("90", PredikatKinerja.BAIK, PredikatKinerja.BAIK),
        ("89.99", PredikatKinerja.CUKUP, PredikatKinerja.CUKUP),
        (D("89.995"), PredikatKinerja.BAIK, PredikatKinerja.BAIK),  # shown as 90,00
        (D("89.994"), PredikatKinerja.CUKUP, PredikatKinerja.CUKUP),
        ("70", PredikatKinerja.CUKUP, PredikatKinerja.CUKUP),
        ("69.99", PredikatKinerja.KURANG, PredikatKinerja.KURANG),
        ("50", PredikatKinerja.KURANG, PredikatKinerja.KURANG),
        ("49.99", PredikatKinerja.SANGAT_KURANG, PredikatKinerja.SANGAT_KURANG),
        ("0", PredikatKinerja.SANGAT_KURANG, PredikatKinerja.SANGAT_KURANG),
    ],
)
def test_predikat_boundaries(
    nilai: str | Decimal, tanpa_inovasi: PredikatKinerja, dengan_inovasi: PredikatKinerja
) -> None:
    assert predikat(nilai) is tanpa_inovasi
    assert predikat(nilai, inovasi=True) is dengan_inovasi


def test_predikat_labels_are_official() -> None:
    assert [p.value for p in PredikatKinerja] == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    assert PredikatKinerja.dari_teks("SANGAT  kurang") is PredikatKinerja.SANGAT_KURANG
    assert isinstance(PredikatKinerja.CUKUP, str) and str(PredikatKinerja.CUKUP) == "Cukup"
    with pytest.raises(InputTidakValid, match="tidak dikenal"):
        PredikatKinerja.dari_teks("Butuh Perbaikan")  # a 2022 label, not a 2021 one


def test_predikat_thresholds_are_configurable() -> None:
    ambang = AmbangPredikat(baik=D(85))
    assert predikat(86, ambang=ambang) is PredikatKinerja.BAIK
    k = KonfigurasiPermenpanrb82021(ambang=ambang)
    assert nilai_kinerja(86, 86, konfigurasi=k).predikat is PredikatKinerja.BAIK
    with pytest.raises(ValueError, match="menurun"):
        AmbangPredikat(cukup=D(95))


# ---------------------------------------------------------------------------------------------- properties


@given(
    st.decimals(min_value=0, max_value=1000, places=3),
    st.decimals(min_value=0, max_value=1000, places=3),
    st.booleans(),
)
def test_property_nilai_capaian_monotone_and_within_0_120(a: Decimal, b: Decimal, bulatkan: bool) -> None:
    k = KonfigurasiPermenpanrb82021(bulatkan_capaian=bulatkan)
    rendah, tinggi = sorted((a, b))
    n_rendah, n_tinggi = nilai_capaian(rendah, konfigurasi=k), nilai_capaian(tinggi, konfigurasi=k)
    assert 0 <= n_rendah <= n_tinggi <= 120


@given(st.integers(min_value=0, max_value=300))
def test_property_whole_percents_match_the_regulation_table(c: int) -> None:
    n = nilai_capaian(c)
    if c > 110:
        assert n == 120
    elif c >= 101:
        assert tampil(n) == tampil(110 + D(10) / 9 * (c - 101))
    elif c == 100:
        assert n == 109
    elif c >= 80:
        assert n == 70 + (c - 80)
    elif c >= 60:
        assert n == 50 + (c - 60)
    else:
        assert tampil(n) == tampil(D(c) / 59 * 49)


_target = st.decimals(min_value=D("0.01"), max_value=10_000, places=2)


@given(_target, st.decimals(min_value=0, max_value=20_000, places=2))
def test_property_hitung_iki_agrees_with_nilai_capaian(t: Decimal, r: Decimal) -> None:
    hasil: HasilIKI = hitung_iki(realisasi=r, target=t)
    assert hasil.nilai.nilai == nilai_capaian(hasil.capaian)
    assert 0 <= hasil.nilai.nilai <= 120
    assert hasil.penjelasan.endswith(f"= {hasil.nilai}.")


@given(
    st.decimals(min_value=0, max_value=120, places=2),
    st.decimals(min_value=0, max_value=120, places=2),
    st.booleans(),
    st.booleans(),
)
def test_property_nilai_kinerja_within_0_120_and_consistent(
    skp: Decimal, perilaku: Decimal, penilaian_360: bool, inovasi: bool
) -> None:
    hasil = nilai_kinerja(skp, perilaku, penilaian_360=penilaian_360, inovasi=inovasi)
    assert 0 <= hasil.nilai.nilai <= 120
    assert min(skp, perilaku) - D("0.01") <= hasil.nilai.nilai <= max(skp, perilaku) + D("0.01")
    assert hasil.predikat is predikat(hasil.nilai.nilai, inovasi=inovasi)


@given(st.decimals(min_value=0, max_value=120, places=3), st.decimals(min_value=0, max_value=120, places=3))
def test_property_predikat_monotone_and_innovation_only_lifts_the_top(a: Decimal, b: Decimal) -> None:
    urutan = list(reversed(PredikatKinerja))  # Sangat Kurang … Sangat Baik
    rendah, tinggi = sorted((a, b))
    for inovasi in (False, True):
        assert urutan.index(predikat(rendah, inovasi=inovasi)) <= urutan.index(predikat(tinggi, inovasi=inovasi))
    if predikat(a, inovasi=True) is not predikat(a):
        assert predikat(a) is PredikatKinerja.BAIK and predikat(a, inovasi=True) is PredikatKinerja.SANGAT_BAIK
