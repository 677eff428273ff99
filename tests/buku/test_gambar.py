"""skpxl.buku.gambar on workbooks written by XlsxWriter (as Excel stores drawings) and re-saved by openpyxl, which keeps
a chart but drops a text box and (without Pillow) a picture."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter

from skpxl.buku.gambar import hitung_gambar, pertahankan_gambar
from tests.bantu.gambar import png_kecil


def _buku(path: Path, *, gambar: Path) -> None:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Data & Grafik")  # an escaped name in workbook.xml
    ws.write_column(0, 0, [1, 2, 3])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": ["Data & Grafik", 0, 0, 2, 0]})
    ws.insert_chart("C2", chart)
    ws.insert_textbox("C20", "Catatan kotak teks")
    ws.insert_image("K2", str(gambar))
    wb.add_worksheet("Kosong")
    wb.close()


def test_what_openpyxl_drops_is_carried_across_next_to_what_it_kept(tmp_path: Path) -> None:
    png = tmp_path / "foto.png"
    png.write_bytes(png_kecil())
    asli, baru = tmp_path / "asli.xlsx", tmp_path / "baru.xlsx"
    _buku(asli, gambar=png)
    assert hitung_gambar(asli) == {"Data & Grafik": 3, "Kosong": 0}
    openpyxl.load_workbook(asli).save(baru)
    assert hitung_gambar(baru)["Data & Grafik"] < 3  # openpyxl kept the chart only
    assert pertahankan_gambar(asli, baru, "asli.xlsx") == 1
    assert hitung_gambar(baru) == {"Data & Grafik": 3, "Kosong": 0}
    with zipfile.ZipFile(baru) as z:
        assert z.testzip() is None
        isi = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/drawings/") and n.endswith(".xml"))
        assert b"Catatan kotak teks" in isi
        assert png_kecil() in [z.read(n) for n in z.namelist() if n.startswith("xl/media/")]
        charts = [n for n in z.namelist() if n.startswith("xl/charts/") and "/_rels/" not in n]
        assert charts  # the original chart part is carried with its drawing
    wb = openpyxl.load_workbook(baru)
    assert wb["Data & Grafik"]["A3"].value == 3


def test_nothing_lost_nothing_changed(tmp_path: Path) -> None:
    asli, baru = tmp_path / "asli.xlsx", tmp_path / "baru.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(asli)
    openpyxl.load_workbook(asli).save(baru)
    sebelum = baru.read_bytes()
    assert pertahankan_gambar(asli, baru, "asli.xlsx") == 0
    assert baru.read_bytes() == sebelum


def test_the_xlwings_lite_task_pane_and_its_code_survive_a_resave(tmp_path: Path) -> None:
    """openpyxl drops the web extension in which xlwings Lite keeps the form's code; it is carried across unchanged."""
    asli = Path(__file__).resolve().parents[2] / "workbook_templates" / "SKP_2026_lite.xlsx"
    baru = tmp_path / "baru.xlsx"
    openpyxl.load_workbook(asli).save(baru)
    with zipfile.ZipFile(baru) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/webextensions/")]  # what openpyxl did
    pertahankan_gambar(asli, baru, "SKP_2026_lite.xlsx")
    with zipfile.ZipFile(asli) as za, zipfile.ZipFile(baru) as zb:
        assert zb.testzip() is None
        panel = sorted(n for n in za.namelist() if n.startswith("xl/webextensions/"))
        assert panel and all(zb.read(n) == za.read(n) for n in panel)  # same names, same bytes (the code included)
        rels = zb.read("_rels/.rels").decode()
        assert 'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"' in rels
        assert 'Target="xl/webextensions/taskpanes.xml"' in rels
        tipe = zb.read("[Content_Types].xml").decode()
        assert 'PartName="/xl/webextensions/taskpanes.xml"' in tipe
        assert 'PartName="/xl/webextensions/webextension1.xml"' in tipe
    assert hitung_gambar(baru) == hitung_gambar(asli)  # the Validasi/Hitung shapes too
