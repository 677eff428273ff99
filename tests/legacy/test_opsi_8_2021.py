"""Issue 15: the 8/2021 maximum-attainable-target option in a real legacy workbook, and its stamp in every output
(the Paket aturan cell, the metadata sheet, the JSON); a float-noise realisasi reads as Excel shows it."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.legacy.baca import baca_berkas
from skpxl.legacy.hitung import hitung_berkas, tulis_hasil
from skpxl.legacy.layout import LEMBAR_META

CONTOH = Path(__file__).resolve().parents[2] / "workbook_templates" / "legacy" / "SKP_PERMENPANRB8_2021_contoh.xlsx"
K120 = p8.KonfigurasiPermenpanrb82021(target_maksimal_120=True)
STEMPEL = (
    "permenpanrb-8-2021 v1.0.0 · opsi: target_maksimal_120=ya (PermenPANRB 8/2021, contoh perhitungan pada lampiran)"
)


def _buku(tmp_path: Path) -> Path:
    """The example with its first IKI a percentage whose target 100% is reached by a formula-noisy 100."""
    p = tmp_path / "SKP 2021 persen.xlsx"
    shutil.copy(CONTOH, p)
    b = baca_berkas(CONTOH).baris[0]
    wb = openpyxl.load_workbook(p)
    ws = wb[b.lembar]
    ws[b.alamat["iki"]] = "Persentase permohonan layanan daring yang diselesaikan"
    ws[b.alamat["satuan"]] = "%"
    ws[b.alamat["target"]] = 100
    ws[b.alamat["realisasi"]] = 0.1 * 3 * 1000 / 3  # 100.00000000000001: Excel shows 100
    wb.save(p)
    return p


def test_default_keeps_109_and_the_plain_stamp(tmp_path: Path) -> None:
    h = hitung_berkas(_buku(tmp_path))
    assert h.baris[0].nilai["nilai"] == Decimal("109.00")
    assert h.stempel == "permenpanrb-8-2021 v1.0.0"


def test_option_gives_120_and_is_stamped_in_every_output(tmp_path: Path) -> None:
    p = _buku(tmp_path)
    h = hitung_berkas(p, konfigurasi=K120)
    assert h.baris[0].nilai == {
        "capaian": Decimal("100.00"),
        "capaian_dinilai": Decimal("100.00"),
        "nilai": Decimal("120.00"),
    }
    assert h.baris[1].nilai["nilai"] == Decimal("88.00")  # not a percentage IKI: unchanged
    assert h.stempel == STEMPEL
    assert h.ke_dict()["paket"]["stempel"] == STEMPEL
    keluar = tmp_path / "hasil.xlsx"
    tulis_hasil(p, keluar, h)
    wb = openpyxl.load_workbook(keluar)
    assert wb["Penilaian"]["C14"].value == STEMPEL  # PAKET_ATURAN
    assert STEMPEL in {c.value for row in wb[LEMBAR_META].iter_rows() for c in row}  # paket_dihitung
