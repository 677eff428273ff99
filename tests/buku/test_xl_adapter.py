"""The xlwings adapter on a small remote-engine book: names, reads, writes, fills, links, sheets.

Uses xlwings' remote engine (xlwings PRO): ``XLWINGS_LICENSE_KEY=noncommercial`` is set for these
tests only; skpxl never needs a key.
"""

from __future__ import annotations

import copy
from datetime import datetime
from types import ModuleType
from typing import Any

import pytest

from skpxl.buku.adapters.base import Ref, Workbook
from skpxl.buku.adapters.xlwings_adapter import XlwingsWorkbook, perlu_apostrof, rumus_tautan
from skpxl.excel.muatan import HasilAksi, terapkan_aksi


def _muatan(xw: ModuleType) -> dict[str, Any]:
    return {
        "client": "Microsoft Office Scripts",
        "version": xw.__version__,
        "book": {"name": "uji.xlsx", "active_sheet_index": 1, "selection": "A1"},
        "names": [
            {"name": "NAMA", "sheet_index": 0, "address": "B2", "scope_sheet_name": None,
             "scope_sheet_index": None, "book_scope": True},
            {"name": "TABEL", "sheet_index": 1, "address": "A1:C3", "scope_sheet_name": None,
             "scope_sheet_index": None, "book_scope": True},
            {"name": "Print_Area", "sheet_index": 0, "address": "A1:C3", "scope_sheet_name": "SKP",
             "scope_sheet_index": 0, "book_scope": False},
        ],
        "sheets": [
            {"name": "SKP", "values": [["Nama", ""], ["", "Rina"]], "pictures": [], "tables": []},
            {"name": "EVALUASI AKHIR", "values": [["a", 1, 2.5], ["2026-01-02T00:00:00.000Z", True, ""]],
             "pictures": [], "tables": []},
        ],
    }  # fmt: skip


@pytest.fixture
def buku(xw: ModuleType) -> tuple[XlwingsWorkbook, Any, dict[str, Any]]:
    muatan = _muatan(xw)
    book = xw.Book(json=copy.deepcopy(muatan))
    return XlwingsWorkbook(book), book, muatan


def _hasil(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> HasilAksi:
    _, book, muatan = buku
    return terapkan_aksi(muatan, book.json()["actions"])


def test_memenuhi_protokol(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    assert isinstance(buku[0], Workbook)


def test_names_hanya_lingkup_buku(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    assert dict(wb.names()) == {"NAMA": Ref("SKP", "B2"), "TABEL": Ref("EVALUASI AKHIR", "A1:C3")}
    assert list(wb.sheet_names()) == ["SKP", "EVALUASI AKHIR"]


def test_read_block_persegi_dan_tipe(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    assert wb.read_block("EVALUASI AKHIR", "A1:D3") == [
        ["a", 1, 2.5, None],
        [datetime(2026, 1, 2), True, None, None],
        [None, None, None, None],
    ]
    assert wb.read_block("SKP", "B2") == [["Rina"]]
    assert wb.read_block("SKP", "Z99") == [[None]]
    with pytest.raises(KeyError):
        wb.read_block("TIDAK ADA", "A1")


def test_tulisan_terbaca_lagi_dan_teks_tetap_teks(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    nilai: list[list[Any]] = [["=SUM(A1)", "85%", "28/11/2026 09:30:00", "199001012015031001", "Baik", "", None, 7]]
    wb.write_block("SKP", "A5", nilai)
    wb.write_block("SKP", "A6", [[199001012015031001, 12.5, True]])
    # reads in the same run see the writes (the remote engine itself would still show the payload)
    assert wb.read_block("SKP", "A5:H5") == [["=SUM(A1)", "85%", "28/11/2026 09:30:00", "199001012015031001",
                                             "Baik", None, None, 7]]  # fmt: skip
    h = _hasil(buku)
    assert h.sel("SKP", "A5") == "=SUM(A1)" and h.sel("SKP", "E5") == "Baik" and h.sel("SKP", "H5") == 7
    assert {(4, 0), (4, 1), (4, 2), (4, 3), (5, 0)} == h.teks["SKP"]  # apostrophe-prefixed: stays text
    assert h.sel("SKP", "A6") == "199001012015031001" and h.sel("SKP", "B6") == 12.5
    assert h.rumus["SKP"] == {}  # nothing became a formula


def test_baris_tidak_rata(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    wb.write_block("SKP", "C1", [["x", "y"], ["z"]])
    h = _hasil(buku)
    assert (h.sel("SKP", "C1"), h.sel("SKP", "D1"), h.sel("SKP", "C2"), h.sel("SKP", "D2")) == ("x", "y", "z", None)


def test_warna(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    wb.set_fill("SKP", "A1:B2", "#ff9b9b")
    wb.set_fill("SKP", "B2", None)
    h = _hasil(buku)
    assert h.warna["SKP"] == {(0, 0): "#FF9B9B", (0, 1): "#FF9B9B", (1, 0): "#FF9B9B", (1, 1): None}
    with pytest.raises(ValueError):
        wb.set_fill("SKP", "A1", "red")


def test_lembar_baru_kosong_dan_pengguna_tidak_dipindah(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    wb.ensure_sheet("Hasil Validasi")
    wb.ensure_sheet("hasil validasi")  # Excel sheet names are case-insensitive: no second sheet
    assert list(wb.sheet_names()) == ["SKP", "EVALUASI AKHIR", "Hasil Validasi"]
    assert wb.read_block("Hasil Validasi", "A1:B1") == [[None, None]]
    wb.write_block("Hasil Validasi", "A1", [["judul"]])
    h = _hasil(buku)
    assert h.lembar == ["SKP", "EVALUASI AKHIR", "Hasil Validasi"] and h.aktif == 1
    assert h.sel("Hasil Validasi", "A1") == "judul"


def test_kosongkan_lembar(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    wb.clear_sheet("EVALUASI AKHIR")
    assert wb.read_block("EVALUASI AKHIR", "A1:B1") == [[None, None]]
    wb.write_block("EVALUASI AKHIR", "B1", [["baru"]])
    assert wb.read_block("EVALUASI AKHIR", "A1:B1") == [[None, "baru"]]
    assert _hasil(buku).nilai["EVALUASI AKHIR"] == {(0, 1): "baru"}


def test_tautan(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb = buku[0]
    wb.write_link("SKP", "D1", 'sel "B2"', "EVALUASI AKHIR", "$B$2")
    wb.write_link("SKP", "D2", "A23:J55", "SKP", "A23:J55")
    assert wb.read_block("SKP", "D1:D2") == [['sel "B2"'], ["A23:J55"]]
    h = _hasil(buku)
    assert h.tautan["SKP"] == {(0, 3): "#'EVALUASI AKHIR'!B2", (1, 3): "#SKP!A23:J55"}
    assert h.sel("SKP", "D1") == 'sel "B2"'
    assert rumus_tautan("x" * 300, "SKP", "C9") == f'=HYPERLINK("#SKP!C9","{"x" * 255}")'


def test_simpan(buku: tuple[XlwingsWorkbook, Any, dict[str, Any]]) -> None:
    wb, book, _ = buku
    wb.save()
    assert book.json()["actions"][-1]["func"] == "save"


@pytest.mark.parametrize(
    ("teks", "harus"),
    [
        ("=1+1", True), ("+62 812", True), ("-", True), ("@nama", True), ("'kutip", True),
        ("85%", True), ("1,5", True), ("12 bulan", True), ("28/11/2026", True), ("09:30", True),
        ("(12)", True), ("Rp 5.000", True), ("$5", True), ("#N/A", True), ("TRUE", True), ("salah", True),
        ("Jan 2026", True), ("Maret-26", True), ("Mei 2026", True),
        ("Baik", False), ("Sangat Baik", False), ("Januari", False), ("Marketing 2", False),
        ("# catatan", False), ("Kepala Bidang", False), ("", False), ("Sesuai Ekspektasi", False),
    ],
)  # fmt: skip
def test_perlu_apostrof(teks: str, harus: bool) -> None:
    assert perlu_apostrof(teks) is harus


def test_tulisan_ditolak_satu_kalimat(
    buku: tuple[XlwingsWorkbook, Any, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlwings.pro import _xlremote

    from skpxl.buku.adapters.xlwings_adapter import TulisanDitolak

    def tolak(self: object, value: object) -> None:
        raise RuntimeError("The cell or chart you're trying to change is on a protected sheet.")

    monkeypatch.setattr(_xlremote.Range, "raw_value", property(_xlremote.Range.raw_value.fget, tolak))
    monkeypatch.setattr(_xlremote.Range, "color", property(lambda self: None, tolak))
    wb = buku[0]
    with pytest.raises(TulisanDitolak, match=r"^Excel menolak menulis ke lembar 'SKP' sel B2; .*dilindungi"):
        wb.write_block("SKP", "B2", [["x"]])
    with pytest.raises(TulisanDitolak, match="Unprotect Sheet"):
        wb.set_fill("SKP", "A1", "#FFFFFF")
    assert wb.read_block("SKP", "B2") == [["Rina"]]  # nothing recorded for a refused write


class _Hitung:
    """The real book, counting ``Sheet.range`` calls (each one a round trip to Excel on the desktop)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self.range = 0

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._book, nama)

    @property
    def sheets(self) -> Any:
        penghitung = self

        class _Lembar:
            def __init__(self, sheet: Any) -> None:
                self._sheet = sheet

            def __getattr__(self, nama: str) -> Any:
                return getattr(self._sheet, nama)

            def range(self, *a: Any) -> Any:
                penghitung.range += 1
                return self._sheet.range(*a)

        class _Daftar:
            def __iter__(self) -> Any:
                return iter(penghitung._book.sheets)

            def __getitem__(self, k: Any) -> Any:
                return _Lembar(penghitung._book.sheets[k])

        return _Daftar()


def test_formulir_dibaca_sekali_per_lembar(xw: ModuleType) -> None:
    """baca_form asks for ~90 cells and blocks; the adapter reads each form sheet once and gives the same form."""
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.buku.form_io import baca_form
    from skpxl.excel.muatan import muatan_dari_berkas
    from tests.bantu.korpus import CONTOH

    berkas = sorted(CONTOH.glob("*.xlsx"))[0]
    book = _Hitung(xw.Book(json=muatan_dari_berkas(berkas)))
    wb = XlwingsWorkbook(book)
    form = baca_form(wb)
    lembar_bernama = {r.sheet for r in wb.names().values()}
    assert 0 < book.range <= len(lembar_bernama)
    assert form == baca_form(buka(berkas, read_only=True))


def test_nama_jauh_tidak_dibaca_sebagai_satu_blok(xw: ModuleType) -> None:
    from skpxl.buku.adapters.xlwings_adapter import SEL_SALINAN_MAKS

    muatan = _muatan(xw)
    muatan["names"].append(
        {"name": "JAUH", "sheet_index": 0, "address": f"A{SEL_SALINAN_MAKS + 1}", "scope_sheet_name": None,
         "scope_sheet_index": None, "book_scope": True}
    )  # fmt: skip
    book = _Hitung(xw.Book(json=muatan))
    wb = XlwingsWorkbook(book)
    assert wb.read_block("SKP", "B2") == [["Rina"]] and wb.read_block("SKP", "A1") == [["Nama"]]
    assert wb.read_block("EVALUASI AKHIR", "A1:B1") == [["a", 1]] and wb.read_block("EVALUASI AKHIR", "C1") == [[2.5]]
    assert book.range == 3  # SKP cell by cell (its names span more than the cap), EVALUASI AKHIR once
    wb.write_block("EVALUASI AKHIR", "C2", [["x"]])
    assert wb.read_block("EVALUASI AKHIR", "B2:C2") == [[True, "x"]]
    assert book.range == 5  # the write, then a fresh read: a sheet written to is read from the engine again
