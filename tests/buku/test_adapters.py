"""The adapter protocol and its three implementations (memory, openpyxl, calamine)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from skpxl.buku import layout as L
from skpxl.buku.adapters import Ref, Workbook, WorkbookReader
from skpxl.buku.adapters.calamine_reader import CalamineReader, baca_nama_terdefinisi
from skpxl.buku.adapters.memory import MemoryWorkbook, buku_kosong
from skpxl.buku.adapters.openpyxl_adapter import buka, sisipkan_baris
from skpxl.core.errors import BerkasTidakTerbaca
from tests.bantu.templat_uji import TEMPLATES

XLWINGS_XLSM = Path(__import__("xlwings").__file__).parent / "quickstart_standalone.xlsm"


@pytest.fixture
def templat(tmp_path: Path) -> Path:
    p = tmp_path / "SKP.xlsx"
    shutil.copy(TEMPLATES / "SKP_2026.xlsx", p)
    return p


def test_implementations_satisfy_the_protocols(templat: Path) -> None:
    assert isinstance(MemoryWorkbook(), Workbook)
    assert isinstance(buka(templat), Workbook)
    assert isinstance(buka(templat, read_only=True), WorkbookReader)
    with CalamineReader(templat) as c:
        assert isinstance(c, WorkbookReader)
        assert not isinstance(c, Workbook)


@pytest.mark.slow
def test_readers_agree_on_names_sheets_and_blocks(templat: Path) -> None:
    mem = buku_kosong()
    rw, ro = buka(templat), buka(templat, read_only=True)
    with CalamineReader(templat) as ca:
        semua: list[WorkbookReader] = [mem, rw, ro, ca]
        names = [dict(b.names()) for b in semua]
        assert names[0] == names[1] == names[2] == names[3]
        assert names[0]["NIP_PEGAWAI"] == Ref("SKP", "C10")
        assert all(list(b.sheet_names()) == list(L.rancang().lembar) for b in semua)
        for lembar, ref in (("SKP", "A23:J26"), ("EVALUASI AKHIR", "A12:I13"), ("_SKPXL", "A1:E3")):
            blok = [b.read_block(lembar, ref) for b in semua]
            assert blok[1] == blok[3], (lembar, ref)  # file readers: formula cells read as cached values
            assert len(blok[0]) == len(blok[3]) and all(len(x) == len(y) for x, y in zip(blok[0], blok[3], strict=True))
        # outside the used area: padded with None, never an IndexError
        for b in semua:
            assert b.read_block("SKP", "X500:Y501") == [[None, None], [None, None]]


def test_calamine_reads_defined_names_from_workbook_xml(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:definedNames>"
        "<x:definedName name=\"A_B\">'Q&amp;A ''x'''!$B$2:$C$9</x:definedName>"
        '<x:definedName name="LOKAL" localSheetId="0">Lembar!$A$1</x:definedName>'
        '<x:definedName name="_xlnm.Print_Area" localSheetId="0">Lembar!$A$1:$B$2</x:definedName>'
        '<x:definedName name="DUA">Lembar!$A$1,Lembar!$B$1</x:definedName>'
        '<x:definedName name="RUSAK">#REF!</x:definedName>'
        '<x:definedName name="BIASA">Lembar!$D$4</x:definedName>'
        "</x:definedNames></x:workbook>"
    )
    p = tmp_path / "n.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("xl/workbook.xml", xml)
    assert baca_nama_terdefinisi(p) == {"A_B": Ref("Q&A 'x'", "B2:C9"), "BIASA": Ref("Lembar", "D4")}


def test_calamine_names_equal_openpyxl_names_on_every_template() -> None:
    for p in TEMPLATES.glob("SKP_*.xlsx"):
        assert baca_nama_terdefinisi(p) == dict(buka(p, read_only=True).names()), p.name


@pytest.mark.parametrize("isi", [b"bukan excel", b"PK\x03\x04rusak"])
def test_unreadable_files_raise_one_clear_error(tmp_path: Path, isi: bytes) -> None:
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(isi)
    for buat in (buka, lambda x: buka(x, read_only=True), CalamineReader):
        with pytest.raises(BerkasTidakTerbaca) as e:
            buat(p)
        assert "rusak.xlsx" in str(e.value)
    with pytest.raises(BerkasTidakTerbaca):
        CalamineReader(tmp_path / "tidak-ada.xlsx")
    with pytest.raises(BerkasTidakTerbaca):
        buka(tmp_path / "tidak-ada.xlsx")


def _tulis_semua(b: Workbook) -> None:
    b.write_block("SKP", "C3", [["=bukan rumus"], [" spasi "]])
    b.write_block("SKP", "G3", [[date(2026, 1, 1)], [datetime(2026, 12, 31, 0, 0)]])
    b.write_block("SKP", "C10", [["199001012015031001"]])
    b.write_block("EVALUASI AKHIR", "F13", [[85, "85%", 1.5, True]])
    b.set_fill("SKP", "C3:C4", "#FF9B9B")
    b.set_fill("SKP", "C4", None)
    b.ensure_sheet(L.LEMBAR_HASIL_VALIDASI)
    b.ensure_sheet(L.LEMBAR_HASIL_VALIDASI)
    b.write_block(L.LEMBAR_HASIL_VALIDASI, "A1", [list(L.KOLOM_HASIL_VALIDASI)])
    b.write_link(L.LEMBAR_HASIL_VALIDASI, "E2", "SKP!C3", "SKP", "C3")


@pytest.mark.slow
def test_openpyxl_writes_survive_a_save_and_read_the_same_everywhere(templat: Path, tmp_path: Path) -> None:
    mem = buku_kosong()
    _tulis_semua(mem)
    b = buka(templat)
    _tulis_semua(b)
    keluar = tmp_path / "keluar.xlsx"
    b.save(keluar)
    with CalamineReader(keluar) as ca:
        for buku in (mem, buka(keluar), ca):
            assert buku.read_block("SKP", "C3:C4") == [["=bukan rumus"], [" spasi "]]
            assert buku.read_block("SKP", "C10") == [["199001012015031001"]]
            assert [v for v in buku.read_block("EVALUASI AKHIR", "F13:I13")[0]] in (
                [85, "85%", 1.5, True],
                [85.0, "85%", 1.5, True],
            )
            tanggal = buku.read_block("SKP", "G3:G4")
            assert [x[0].date() if isinstance(x[0], datetime) else x[0] for x in tanggal] == [
                date(2026, 1, 1),
                date(2026, 12, 31),
            ]
            assert list(buku.sheet_names())[-1] == L.LEMBAR_HASIL_VALIDASI
            assert buku.read_block(L.LEMBAR_HASIL_VALIDASI, "A1:G1") == [list(L.KOLOM_HASIL_VALIDASI)]
            assert buku.read_block(L.LEMBAR_HASIL_VALIDASI, "E2") == [["SKP!C3"]]
    wb = openpyxl.load_workbook(keluar)
    assert wb["SKP"]["C3"].data_type == "s"
    assert wb["SKP"]["C3"].fill.fgColor.rgb == "FFFF9B9B"
    assert wb["SKP"]["C4"].fill.fill_type is None
    assert wb[L.LEMBAR_HASIL_VALIDASI]["E2"].hyperlink.location == "SKP!C3"
    assert wb["SKP"].protection.sheet  # protection untouched
    assert mem.fill("SKP", "C3") == "#FF9B9B" and mem.fill("SKP", "C4") is None
    assert mem.link(L.LEMBAR_HASIL_VALIDASI, "E2") == ("SKP", "C3")


def test_clear_sheet_removes_values_fills_and_links(templat: Path) -> None:
    for b in (buku_kosong(), buka(templat)):
        b.ensure_sheet(L.LEMBAR_HASIL_VALIDASI)
        b.write_link(L.LEMBAR_HASIL_VALIDASI, "A1", "x", "SKP", "A1")
        b.set_fill(L.LEMBAR_HASIL_VALIDASI, "A1", "#FFD966")
        b.clear_sheet(L.LEMBAR_HASIL_VALIDASI)
        assert b.read_block(L.LEMBAR_HASIL_VALIDASI, "A1:B2") == [[None, None], [None, None]]
        assert list(b.sheet_names()).count(L.LEMBAR_HASIL_VALIDASI) == 1
        assert list(b.sheet_names())[-1] == L.LEMBAR_HASIL_VALIDASI
    mem = buku_kosong()
    mem.ensure_sheet("X")
    mem.set_fill("X", "A1", "#000000")
    mem.clear_sheet("X")
    assert mem.fills("X") == {}


@pytest.mark.slow
def test_formula_cells_read_as_cached_values_in_read_write_mode(tmp_path: Path) -> None:
    from skpxl.bangun.contoh import form_unit
    from skpxl.buku.templat import build_template

    nama, form = form_unit()[0]
    p = build_template(tmp_path / nama, form=form)
    b = buka(p)
    assert b._twin is None
    assert b.read_block("EVALUASI AKHIR", "C5") == [[form.pegawai.nama]]  # a mirror formula → its cached value
    assert b._twin is not None
    assert buka(p).read_block("SKP", "C9") == [[form.pegawai.nama]] and buka(p)._twin is None


def test_read_only_adapter_refuses_writes(templat: Path) -> None:
    b = buka(templat, read_only=True)
    with pytest.raises(RuntimeError):
        b.write_block("SKP", "C3", [["x"]])
    with pytest.raises(RuntimeError):
        b.save()


@pytest.mark.slow
def test_xlsm_keeps_vba_and_buttons(tmp_path: Path) -> None:
    from skpxl.buku.templat import build_template

    vba = zipfile.ZipFile(XLWINGS_XLSM).read("xl/vbaProject.bin")
    p = build_template(tmp_path / "SKP.xlsm", vba_project=vba, buttons=True)
    b = buka(p)
    b.write_block("SKP", "C3", [["Instansi"]])
    b.save()
    z = zipfile.ZipFile(p)
    assert z.read("xl/vbaProject.bin") == vba
    vml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".vml"))
    assert "[0]!Validasi" in vml and "[0]!Hitung" in vml
    with CalamineReader(p) as ca:
        assert ca.read_block("SKP", "C3") == [["Instansi"]]


def test_sisipkan_baris_moves_names_like_excel(templat: Path) -> None:
    b = buka(templat)
    names = dict(b.names())
    h0, c0, h1, c1 = L.urai_rentang(names["TABEL_HASIL_KERJA"].ref)
    sisipkan_baris(b, "SKP", h0 + 5, 2)  # 1-based row h0+5 is strictly inside the table
    sesudah = dict(b.names())
    assert sesudah["TABEL_HASIL_KERJA"].ref == L.rentang(h0, c0, h1 + 2, c1)
    p0, _, p1, _ = L.urai_rentang(names["TABEL_PERILAKU"].ref)
    q0, _, q1, _ = L.urai_rentang(sesudah["TABEL_PERILAKU"].ref)
    assert (q0, q1) == (p0 + 2, p1 + 2)
    assert sesudah["NIP_PEGAWAI"] == names["NIP_PEGAWAI"]  # above: unchanged
    assert sesudah["TABEL_EVALUASI"] == names["TABEL_EVALUASI"]  # other sheet: unchanged
    # inserting at the first row of a region moves it instead of growing it (Excel's rule)
    sisipkan_baris(b, "SKP", "A1")
    assert dict(b.names())["TABEL_HASIL_KERJA"].ref == L.rentang(h0 + 1, c0, h1 + 3, c1)
    ws = b.wb["SKP"]
    assert {"C10:E10", "C11:E11"} <= {str(m) for m in ws.merged_cells.ranges}  # identity merges moved down
    assert ws.cell(h0 + 1 + 6, 3).protection.locked is False  # new row took the input format above
