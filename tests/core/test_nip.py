"""NIP parsing (spec §8) for PNS and PPPK, with the reasons in Indonesian."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skpxl
from skpxl.core.nip import NipSalah


def test_pns() -> None:
    n = skpxl.parse_nip("198503122010011003")
    assert (n.jenis, n.tanggal_lahir, n.tmt_tahun, n.tmt_bulan, n.jenis_kelamin, n.nomor_urut) == (
        "PNS",
        date(1985, 3, 12),
        2010,
        1,
        "L",
        3,
    )
    assert n.usia_saat_tmt() == 24


def test_pppk() -> None:
    n = skpxl.parse_nip("199207152023212004")
    assert (n.jenis, n.tmt_tahun, n.tmt_bulan, n.jenis_kelamin, n.nomor_urut) == ("PPPK", 2023, None, "P", 4)


@pytest.mark.parametrize("text", ["19850312 201001 1 003", " 198503122010011003 ", "'198503122010011003"])
def test_spaces_and_apostrophe_stripped(text: str) -> None:
    assert skpxl.parse_nip(text).nip == "198503122010011003"


def test_int_accepted() -> None:
    assert skpxl.parse_nip(198503122010011003).nip == "198503122010011003"


@pytest.mark.parametrize(
    ("value", "code", "fragment"),
    [
        ("19850312201001100", "NIP_PANJANG", "17 digit"),
        ("1985031220100110034", "NIP_PANJANG", "19 digit"),
        ("19850312A010011003", "NIP_BUKAN_ANGKA", "selain angka"),
        ("198502302010011003", "NIP_TANGGAL_LAHIR", "tanggal lahir"),
        ("198503122010131003", "NIP_TMT", "TMT"),
        ("198503122010013003", "NIP_JENIS_KELAMIN", "ke-15"),
        ("198503121980011003", "NIP_TMT", "lebih awal"),
        ("1.98503122010011E+17", "NIP_ANGKA", "Format Cells"),
        (1.98503122010011e17, "NIP_ANGKA", "digit terakhirnya hilang"),
        ("", "NIP_KOSONG", "kosong"),
        (None, "NIP_KOSONG", "kosong"),
    ],
)
def test_invalid(value: object, code: str, fragment: str) -> None:
    with pytest.raises(skpxl.NipTidakValid, match=fragment) as info:
        skpxl.parse_nip(value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, NipSalah) and info.value.kode == code


@given(
    st.dates(date(1950, 1, 1), date(2005, 12, 31)),
    st.integers(1975, 2026),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(1, 999),
)
def test_generated_pns_round_trip(lahir: date, tahun: int, bulan: int, kelamin: str, urut: int) -> None:
    if tahun < lahir.year:
        return
    text = f"{lahir:%Y%m%d}{tahun:04d}{bulan:02d}{kelamin}{urut:03d}"
    n = skpxl.parse_nip(text)
    assert (n.tanggal_lahir, n.tmt_tahun, n.tmt_bulan, n.nomor_urut) == (lahir, tahun, bulan, urut)
    assert n.jenis_kelamin == ("L" if kelamin == "1" else "P")


@given(st.text(max_size=30))
def test_any_text_gives_nip_or_value_error(text: str) -> None:
    try:
        skpxl.parse_nip(text)
    except skpxl.NipTidakValid as e:
        assert str(e)
