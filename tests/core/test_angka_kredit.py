"""Angka kredit (spec §6): every jenjang × predikat, half-up rounding, BKN's examples."""

from decimal import Decimal

import pytest

import skpxl
from skpxl import Jenjang, Predikat
from skpxl.core.packs.permenpanrb_6_2022.angka_kredit import angka_kredit_gabungan

KOEF = {
    "Pemula": "3.75",
    "Terampil": "5",
    "Mahir": "12.5",
    "Penyelia": "25",
    "Ahli Pertama": "12.5",
    "Ahli Muda": "25",
    "Ahli Madya": "37.5",
    "Ahli Utama": "50",
}
PERSEN = {
    "Sangat Baik": "1.5",
    "Baik": "1",
    "Butuh Perbaikan": "0.75",
    "Kurang/Misconduct": "0.5",
    "Sangat Kurang": "0.25",
}
# Hand-computed annual values, half-up to 2 places.
TABLE = {
    ("Pemula", "Sangat Baik"): "5.63",  # 5.625
    ("Pemula", "Baik"): "3.75",
    ("Pemula", "Butuh Perbaikan"): "2.81",  # 2.8125
    ("Pemula", "Kurang/Misconduct"): "1.88",  # 1.875
    ("Pemula", "Sangat Kurang"): "0.94",  # 0.9375
    ("Terampil", "Butuh Perbaikan"): "3.75",
    ("Terampil", "Sangat Kurang"): "1.25",
    ("Mahir", "Butuh Perbaikan"): "9.38",  # 9.375
    ("Mahir", "Sangat Kurang"): "3.13",  # 3.125
    ("Ahli Pertama", "Sangat Baik"): "18.75",
    ("Ahli Madya", "Sangat Baik"): "56.25",
    ("Ahli Madya", "Butuh Perbaikan"): "28.13",  # 28.125
    ("Ahli Utama", "Sangat Kurang"): "12.50",
}


@pytest.mark.parametrize("jenjang", list(KOEF))
@pytest.mark.parametrize("predikat", list(PERSEN))
def test_every_jenjang_and_predikat(jenjang: str, predikat: str) -> None:
    exact = Decimal(KOEF[jenjang]) * Decimal(PERSEN[predikat])
    result = skpxl.angka_kredit(predikat, jenjang)
    assert result == exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert result.as_tuple().exponent == -2
    if (jenjang, predikat) in TABLE:
        assert result == Decimal(TABLE[(jenjang, predikat)])


def test_bkn_examples() -> None:
    assert skpxl.angka_kredit("Sangat Baik", "Ahli Pertama", 12) == Decimal("18.75")
    assert skpxl.angka_kredit("Baik", "Ahli Pertama", 2) == Decimal("2.08")


def test_half_up_not_bankers() -> None:
    assert skpxl.angka_kredit(Predikat.SANGAT_BAIK, Jenjang.PEMULA) == Decimal("5.63")  # round() would give 5.62
    assert skpxl.angka_kredit("Kurang", "Pemula") == Decimal("1.88")  # "Kurang" = Kurang/Misconduct


def test_split_year_is_sum_of_rounded_parts() -> None:
    parts = [(Predikat.BAIK, Jenjang.AHLI_PERTAMA, 2), (Predikat.BAIK, Jenjang.AHLI_PERTAMA, 10)]
    # 2.0833 → 2.08 and 10.4166 → 10.42; their sum is 12.50 and equals the whole year here
    assert angka_kredit_gabungan(parts) == Decimal("12.50")
    parts = [(Predikat.BAIK, Jenjang.AHLI_PERTAMA, 1)] * 12
    assert angka_kredit_gabungan(parts) == Decimal("1.04") * 12  # 12.48, not 12.50


@pytest.mark.parametrize("bulan", [0, 13, -1, 1.5, True, "12"])
def test_bad_months(bulan: object) -> None:
    with pytest.raises(skpxl.InputTidakValid, match="bulan"):
        skpxl.angka_kredit("Baik", "Ahli Muda", bulan)  # type: ignore[arg-type]


def test_unknown_jenjang() -> None:
    with pytest.raises(ValueError, match="Jenjang 'Ahli Super' tidak dikenal"):
        skpxl.angka_kredit("Baik", "Ahli Super")


def test_total_months_over_a_year_rejected() -> None:
    with pytest.raises(skpxl.InputTidakValid, match="12"):
        angka_kredit_gabungan([(Predikat.BAIK, Jenjang.MAHIR, 7)] * 2)
