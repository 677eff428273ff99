"""The recap's rows written straight to XlsxWriter's row file (:func:`skpxl.batch.tulis._tulis_baris`) give the
same file, byte for byte, as XlsxWriter's own calls (texts through :func:`skpxl.batch.tulis.tulis_teks`); rows with
anything XlsxWriter writes its own way go through it. A text that looks like XlsxWriter's rich-text XML stays text."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skpxl.batch.tulis import _tulis_baris, tulis_lewat_xlsxwriter
from tests.bantu.korpus import CONTOH

Sel = Sequence[tuple[str | float | None, str | None]]  # (value, format name)

KHUSUS = (
    " spasi di depan",
    "spasi di belakang ",
    "baris baru di akhir\n",
    "\tTab",
    "kendali \x07 \x1f",
    "_x0041_ tampak seperti escape",
    "<r><t>seperti rich text</t></r>",
    "bukan karakter \ufffe \uffff",
    "x" * 16_384,  # past the half of the limit: XlsxWriter checks the UTF-16 length
    "y" * 40_000,  # cut to 32,767 characters by XlsxWriter
    "😀" * 20_000,  # 40,000 UTF-16 units
)
BIASA = (
    "Budi Santoso, S.Kom.",
    "A & B <c> \"kutip\" 'tunggal'",
    "baris\ndalam",
    "Pranata Komputer Ahli Muda",
    "ÄÖÜ ñ — 日本語 😀",
    '=HYPERLINK("x")',
    "+62 812",
)


def _tulis(
    path: Path, baris: Sequence[tuple[int, Sel, float | None]], cepat: bool, tambahan: Sequence[int] = ()
) -> Any:
    """A sheet with ``baris`` written by :func:`_tulis_baris` (``cepat``) or by XlsxWriter's calls; the rows in
    ``tambahan`` then get two more cells through XlsxWriter (one of them over a cell already given)."""
    wb = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    wb.set_properties({"created": datetime(2026, 1, 1)})
    fmt = {"wrap": wb.add_format({"text_wrap": True}), "teks": wb.add_format({"num_format": "@"}), None: None}
    ws = wb.add_worksheet("Data")
    ws.set_column(0, 0, 20, fmt["teks"])  # a column format: a cell written without a format takes it
    ws.write_row(0, 0, ("A", "B", "C"), wb.add_format({"bold": True}))
    for r, sel, tinggi in baris:
        if tinggi is not None:
            ws.set_row(r, tinggi)
        isi = [(v, fmt[f]) for v, f in sel]
        (_tulis_baris if cepat else tulis_lewat_xlsxwriter)(ws, r, isi)
        if r in tambahan:
            ws.write_string(r, 1, "ditimpa", fmt["wrap"])
            ws.write_number(r, 4, 9, fmt["teks"])
    ws.merge_range(len(baris) + 3, 0, len(baris) + 3, 2, "catatan", fmt["wrap"])  # XlsxWriter's own rows after
    ws.autofilter(0, 0, max(len(baris), 1), 2)
    wb.close()
    return ws


def _sama(tmp_path: Path, baris: Sequence[tuple[int, Sel, float | None]], tambahan: Sequence[int] = ()) -> None:
    a, b = tmp_path / "xlsxwriter.xlsx", tmp_path / "cepat.xlsx"
    _tulis(a, baris, cepat=False, tambahan=tambahan)
    _tulis(b, baris, cepat=True, tambahan=tambahan)
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.namelist() == zb.namelist()
        for nama in za.namelist():
            assert za.read(nama) == zb.read(nama), nama


def test_plain_rows_are_written_directly_and_match_xlsxwriter(tmp_path: Path) -> None:
    baris: list[tuple[int, Sel, float | None]] = [
        (1, [(t, "wrap"), (12.5, "wrap"), (None, "wrap")], 30.0) for t in BIASA[:1]
    ]
    baris += [(r, [(t, "wrap"), (r, "teks"), (1 / 3, "wrap")], None) for r, t in enumerate(BIASA[1:], start=2)]
    baris += [(20, [(None, None), (7, "wrap"), (2.0**60, "wrap")], 25.5)]  # a gap; no cell for a bare blank
    _sama(tmp_path, baris)
    # the rows really took the direct way: XlsxWriter holds nothing for the last one
    ws = _tulis(tmp_path / "lagi.xlsx", baris[:-1], cepat=True)
    assert not ws.table


def test_rows_xlsxwriter_writes_its_own_way_match_too(tmp_path: Path) -> None:
    baris: list[tuple[int, Sel, float | None]] = [
        (r, [("biasa", "wrap"), (t, "wrap"), (3, "teks")], 40.0 if r % 2 else None)
        for r, t in enumerate(KHUSUS, start=1)
    ]
    baris += [(len(KHUSUS) + 1, [("tanpa format: format kolom", None), ("x", "wrap")], None)]
    baris += [(len(KHUSUS) + 2, [("biasa lagi", "wrap"), (None, "wrap")], None)]  # direct after XlsxWriter's
    _sama(tmp_path, baris)


def test_cells_added_by_xlsxwriter_to_a_held_row_match(tmp_path: Path) -> None:
    baris: list[tuple[int, Sel, float | None]] = [
        (r, [("a", "wrap"), ("b", "wrap"), (None, "wrap")], 20.0) for r in range(1, 5)
    ]
    _sama(tmp_path, baris, tambahan=(2, 4))


def test_a_special_text_leaves_the_row_to_xlsxwriter(tmp_path: Path) -> None:
    wb = xlsxwriter.Workbook(str(tmp_path / "r.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet()
    f = wb.add_format({"text_wrap": True})
    _tulis_baris(ws, 1, [("biasa", f)])
    assert ws.previous_row == 1 and not ws.table  # written straight away: XlsxWriter holds nothing
    _tulis_baris(ws, 2, [("biasa", f), (" spasi", f)])
    assert ws.previous_row == 2 and ws.table[2]  # held by XlsxWriter, written its way
    wb.close()


_teks = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(KHUSUS[:8] + BIASA)
_sel = st.lists(
    st.tuples(
        st.none() | _teks | st.integers(-(10**18), 10**18) | st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(["wrap", "teks", None]),
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_sel, st.none() | st.floats(1, 400)), max_size=6))
def test_any_rows_match_xlsxwriter(tmp_path_factory: Any, data: list[tuple[Sel, float | None]]) -> None:
    tmp: Callable[[str], Path] = tmp_path_factory.mktemp
    _sama(tmp("cepat"), [(r, sel, tinggi) for r, (sel, tinggi) in enumerate(data, start=1)])


def _rekap_contoh(path: Path, monkeypatch: pytest.MonkeyPatch, batas: int) -> int:
    """The example folder's recap with the in-memory bound ``batas``; how many temporary files XlsxWriter made."""
    import tempfile

    import xlsxwriter.packager

    from skpxl.batch import tulis
    from skpxl.batch.jalan import rekap_folder

    dibuat = 0
    asli = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        nonlocal dibuat
        dibuat += 1
        return asli(*args, **kwargs)

    monkeypatch.setattr(tulis, "BATAS_TUTUP_MEMORI", batas)
    monkeypatch.setattr(xlsxwriter.packager.tempfile, "mkstemp", mkstemp)
    rekap_folder(CONTOH, path, jobs=1, waktu=datetime(2026, 1, 1, 10, 0, 0))
    monkeypatch.undo()
    return dibuat


def test_a_small_recap_is_zipped_from_memory_with_the_same_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skpxl.batch import tulis

    lewat_berkas = _rekap_contoh(tmp_path / "berkas.xlsx", monkeypatch, 0)
    lewat_memori = _rekap_contoh(tmp_path / "memori.xlsx", monkeypatch, tulis.BATAS_TUTUP_MEMORI)
    with zipfile.ZipFile(tmp_path / "berkas.xlsx") as za, zipfile.ZipFile(tmp_path / "memori.xlsx") as zb:
        lembar = [n for n in za.namelist() if n.startswith("xl/worksheets/sheet")]
        # from memory only the sheets' row files (constant-memory mode) are temporary files; else every part too
        assert lewat_memori == len(lembar) and lewat_berkas == len(lembar) + len(za.namelist())
        assert za.namelist() == zb.namelist()
        for nama in za.namelist():
            assert za.read(nama) == zb.read(nama), nama


def test_a_text_like_rich_text_xml_stays_text_in_the_recap(tmp_path: Path) -> None:
    """XlsxWriter writes a string "<r>…</r>" into the sheet unescaped (its rich-text form): one staff member named
    so made the recap unreadable. Both ways of writing a row keep it text."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    from skpxl.batch.jalan import rekap_folder

    folder = tmp_path / "unit"
    folder.mkdir()
    nama = ["<r>Budi</r>", "<r><t>Sari</t></r>"]
    for i, sumber in enumerate(sorted(CONTOH.glob("*.xlsx"))[:2]):
        wb = openpyxl.load_workbook(sumber)  # openpyxl writes the texts escaped, as Excel does
        for nama_sel, isi in (("NAMA_PEGAWAI", nama[i]), ("JABATAN_PEGAWAI", "Analis " * 2_500 if i else None)):
            lembar, sel = next(iter(wb.defined_names[nama_sel].destinations))
            if isi is not None:  # the second row: a text long enough to go XlsxWriter's way, and the row with it
                wb[lembar][sel.replace("$", "")] = isi
        wb.save(folder / sumber.name)
    rekap_folder(folder, tmp_path / "rekap.xlsx", jobs=1, waktu=datetime(2026, 1, 1, 10, 0))
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Pegawai"]
    assert [ws.cell(r, 2).value for r in (2, 3)] == nama
    assert ws.cell(3, 3).value == ("Analis " * 2_500).strip()
    lembar_c = CalamineWorkbook.from_path(tmp_path / "rekap.xlsx").get_sheet_by_name("Pegawai").to_python()
    assert [b[1] for b in lembar_c[1:3]] == nama


@pytest.mark.parametrize(
    "teks", ["<r>a</r>", "<r><t>b</t></r>", "<r>" + "x" * 32_760 + "</r>yyy", "<r>" + "😀" * 16_380 + "</r>"]
)
def test_tulis_teks_keeps_rich_text_shaped_texts_text(tmp_path: Path, teks: str) -> None:
    """Also past Excel's 32,767 units, where XlsxWriter cuts the text: what is left may end in "</r>"."""
    import openpyxl

    from skpxl.batch.tulis import tulis_teks

    wb = xlsxwriter.Workbook(str(tmp_path / "t.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("S")
    tulis_teks(ws, 0, 0, teks, wb.add_format({"text_wrap": True}))
    tulis_teks(ws, 1, 0, teks)
    wb.close()
    nilai = [openpyxl.load_workbook(tmp_path / "t.xlsx")["S"].cell(r, 1).value for r in (1, 2)]
    harap = teks if len(teks.encode("utf-16-le")) <= 65_534 else teks[:32_767]
    assert nilai == [harap, harap]
