"""Numbers as people type them, and Excel-style half-up rounding."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpxl.core.numbers import baca_angka, bulat, format_angka, ke_decimal


@pytest.mark.parametrize(
    ("text", "value", "satuan", "ambigu"),
    [
        ("85%", "85", "%", False),
        ("85 persen", "85", "%", False),
        ("1,5", "1.5", None, False),
        ("1.250,5", "1250.5", None, False),
        ("1,250.5", "1250.5", None, False),
        ("12 bulan", "12", "bulan", False),
        ("1.250", "1250", None, True),
        ("1.5", "1.5", None, False),
        ("0.125", "0.125", None, False),
        ("1.250.000", "1250000", None, False),
        (" 7\u00a0dokumen ", "7", "dokumen", False),
    ],
)
def test_baca_angka(text: str, value: str, satuan: str | None, ambigu: bool) -> None:
    got = baca_angka(text)
    assert got is not None
    assert (got.nilai, got.satuan, got.ambigu) == (Decimal(value), satuan, ambigu)


@pytest.mark.parametrize("text", ["", "abc", "sekitar 90", "1,2,3", "1.25.0", "%"])
def test_not_numbers(text: str) -> None:
    assert baca_angka(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5.625", "5.63"), ("2.675", "2.68"), ("0.125", "0.13"), ("-2.675", "-2.68"), ("2.674999", "2.67")],
)
def test_half_up(value: str, expected: str) -> None:
    assert bulat(Decimal(value)) == Decimal(expected)


def test_format_angka() -> None:
    assert format_angka(Decimal("66.6666")) == "66,67"
    assert format_angka(Decimal("75.00")) == "75"
    assert format_angka(Decimal("2.5")) == "2,5"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9))
def test_indonesian_text_round_trip(d: Decimal) -> None:
    text = f"{d:f}".replace(".", ",")
    assert ke_decimal(text) == d


@given(st.one_of(st.text(max_size=20), st.floats(), st.integers(), st.none(), st.booleans()))
def test_ke_decimal_value_or_value_error(x: object) -> None:
    try:
        d = ke_decimal(x)
    except ValueError as e:
        assert str(e)
    else:
        assert d.is_finite()
