"""Capaian per IKI (spec §3): normal, khusus, range, zero target, input types, properties."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skpxl
from skpxl.core.config import Konfigurasi
from skpxl.core.numbers import bulat


@pytest.mark.parametrize(
    ("target", "realisasi", "arah", "expected"),
    [
        (100, 100, "normal", Decimal(100)),
        (80, 100, "normal", Decimal(125)),
        (100, 90, "normal", Decimal(90)),
        (12, 12, "khusus", Decimal(100)),
        (12, 10, "khusus", Decimal("116.67")),
        (12, 15, "khusus", Decimal("75")),
        (10, 25, "khusus", Decimal(0)),  # floored at 0, never negative
        (10, 20, "Khusus", Decimal(0)),
        (3, 2, "normal", Decimal("66.67")),
    ],
)
def test_capaian_values(target: int, realisasi: int, arah: str, expected: Decimal) -> None:
    assert bulat(skpxl.capaian(target, realisasi, arah=arah)) == expected


def test_exact_not_binary() -> None:
    assert skpxl.capaian("0.3", "0.1") == Decimal(100) / 3
    assert skpxl.capaian(0.3, 0.3) == Decimal(100)  # floats taken as typed, not as binary fractions


@pytest.mark.parametrize(
    ("realisasi", "expected"),
    [(85, Decimal(100)), (80, Decimal(100)), (90, Decimal(100)), (99, Decimal(110)), (72, Decimal(90))],
)
def test_range_normal(realisasi: int, expected: Decimal) -> None:
    assert bulat(skpxl.capaian(80, realisasi, target_atas=90)) == expected


def test_range_khusus_uses_nearer_bound() -> None:
    # lower is better: above the range is worse, below it is better
    assert bulat(skpxl.capaian(10, 15, arah="khusus", target_atas=12)) == Decimal("75")
    assert bulat(skpxl.capaian(10, 8, arah="khusus", target_atas=12)) == Decimal(120)
    assert skpxl.capaian(10, 11, arah="khusus", target_atas=12) == Decimal(100)


def test_range_inside_value_is_configurable() -> None:
    k = Konfigurasi(capaian_dalam_rentang=Decimal(105))
    assert skpxl.capaian(80, 85, target_atas=90, konfigurasi=k) == Decimal(105)


def test_zero_target() -> None:
    with pytest.raises(skpxl.InputTidakValid, match="Target 0"):
        skpxl.capaian(0, 5)
    assert skpxl.capaian(0, 0, arah="khusus") == Decimal(100)
    assert skpxl.capaian(0, 2, arah="khusus") == Decimal(0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"target": "abc", "realisasi": 1}, "bukan angka"),
        ({"target": 10, "realisasi": -1}, "negatif"),
        ({"target": -10, "realisasi": 1}, "negatif"),
        ({"target": 90, "realisasi": 1, "target_atas": 80}, "terbalik"),
        ({"target": 10, "realisasi": 1, "arah": "naik"}, "tidak dikenal"),
        ({"target": float("nan"), "realisasi": 1}, "terhingga"),
        ({"target": True, "realisasi": 1}, "angka"),
        ({"target": [1], "realisasi": 1}, "angka"),
    ],
)
def test_bad_input_raises_indonesian_value_error(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(skpxl.InputTidakValid, match=match):
        skpxl.capaian(**kwargs)  # type: ignore[arg-type]


def test_text_numbers_indonesian_style() -> None:
    assert skpxl.capaian("1.250,5", "1.250,5") == Decimal(100)
    assert skpxl.capaian("1,5", "3") == Decimal(200)
    assert skpxl.capaian("85%", "85") == Decimal(100)


positive = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2)
nonneg = st.decimals(min_value=Decimal(0), max_value=Decimal(10**6), places=2)


@given(positive, nonneg, nonneg)
def test_normal_monotone_in_realisasi(t: Decimal, r1: Decimal, r2: Decimal) -> None:
    lo, hi = sorted((r1, r2))
    assert skpxl.capaian(t, lo) <= skpxl.capaian(t, hi)


@given(positive, nonneg, nonneg)
def test_khusus_antitone_and_non_negative(t: Decimal, r1: Decimal, r2: Decimal) -> None:
    lo, hi = sorted((r1, r2))
    a, b = skpxl.capaian(t, lo, arah="khusus"), skpxl.capaian(t, hi, arah="khusus")
    assert a >= b >= 0


@given(positive, positive, nonneg)
def test_range_monotone_and_100_inside(a: Decimal, b: Decimal, r: Decimal) -> None:
    lo, hi = sorted((a, b))
    c = skpxl.capaian(lo, r, target_atas=hi)
    if lo <= r <= hi:
        assert c == 100
    assert (c > 100) == (r > hi)
    assert (c < 100) == (r < lo)
