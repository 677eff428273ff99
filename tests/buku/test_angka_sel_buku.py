"""Issue 15: the main form reader turns a float cell into the Decimal of Excel's 15-digit display, the same
value the pure API and the legacy reader give (one reader, :func:`skpxl.core.numbers.angka_sel`)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from skpxl.buku.form_io import isian, teks
from tests.core.test_angka_persis import tampilan_excel


@settings(max_examples=300)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_cell(x: float) -> None:
    harapan = tampilan_excel(x)
    assert isian(x) == harapan  # openpyxl, calamine and xlwings all hand the reader floats
    if abs(x) < 1e11 and not x.is_integer() and (x == 0 or abs(x) >= 1e-9):
        assert Decimal(teks(x) or "") == harapan  # the text shown in findings is the same number


def test_formula_noise_examples() -> None:
    assert (isian(0.1 * 34), isian(5.1 - 1.7), teks(0.1 * 34)) == (Decimal("3.4"), Decimal("3.4"), "3.4")
    assert isian(float("nan")) is None and isian(float("inf")) is None
