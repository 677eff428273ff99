"""The rendering check (``python -m skpxl.bangun.cetak``) and the text-size estimate it shares with the builder.

The tests that print with LibreOffice are marked ``cetak`` (and ``slow``). They run wherever ``soffice`` is
installed; CI installs it and sets ``SKPXL_WAJIB_CETAK=1``, so there a missing LibreOffice fails instead of
skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import zlib
from pathlib import Path

import openpyxl
import pytest

from skpxl.bangun import cetak
from skpxl.buku.ukuran import TINGGI_BAKU, baris_teks, lebar_teks_px, px_kolom, tinggi_baris

ROOT = Path(__file__).resolve().parents[2]
ADA_LIBREOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice")) and bool(shutil.which("pdftoppm"))
perlu_libreoffice = pytest.mark.skipif(
    not ADA_LIBREOFFICE and os.environ.get("SKPXL_WAJIB_CETAK") != "1",
    reason="LibreOffice (soffice) dan poppler-utils tidak terpasang",
)


def _pdf(isi: bytes) -> bytes:
    """A minimal one-page PDF whose page content is ``isi`` (compressed, as LibreOffice writes it)."""
    aliran = zlib.compress(isi)
    obj = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(aliran) + aliran + b"\nendstream",
    ]
    badan = b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n" for i, o in enumerate(obj))
    return badan + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_printed_size_is_tf_size_times_the_matrices() -> None:
    isi = b"q 0.5 0 0 0.5 0 0 cm BT /F1 12 Tf 2 0 0 2 10 10 Tm <0102>Tj ET Q BT /F1 9 Tf 1 0 0 1 5 5 Tm (a)Tj ET"
    assert cetak.ukuran_huruf_pdf(_pdf(isi)) == [pytest.approx(9.0)]
    assert cetak.ukuran_huruf_pdf(_pdf(b"q 0.5 0 0 0.5 0 0 cm BT /F1 12 Tf [(Hi)]TJ ET Q")) == [pytest.approx(6.0)]
    assert cetak.ukuran_huruf_pdf(_pdf(b"0 0 10 10 re f")) == [None]  # no text on the page


def test_text_estimate_grows_with_text_and_shrinks_with_width() -> None:
    assert px_kolom(15) == 110 and px_kolom(8.43) == 64  # Excel's pixel widths
    assert lebar_teks_px("WWW") > lebar_teks_px("iii") and lebar_teks_px("KATEGORI", tebal=True) > lebar_teks_px(
        "KATEGORI"
    )
    kalimat = "Realisasi melampaui target; pertahankan dan bagikan praktik baiknya kepada rekan satu tim."
    assert baris_teks(kalimat, px_kolom(15)) > baris_teks(kalimat, px_kolom(40)) >= 2
    assert baris_teks("satu\ndua\ntiga", 500) == 3
    assert baris_teks("https://contoh.example/" + "x" * 80, px_kolom(10)) >= 5  # a long link breaks anywhere
    assert tinggi_baris("pendek", 20) == TINGGI_BAKU
    assert tinggi_baris(kalimat, 15) > tinggi_baris(kalimat, 40) > TINGGI_BAKU


def test_sheet_check_finds_missing_heights_cut_text_and_missing_page_setup(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active  # default font: Calibri 11
    ws.column_dimensions["A"].width = 16.7109375  # 16 character units as Excel shows them
    ws.column_dimensions["B"].width = 10.7109375
    panjang = "Berorientasi Pelayanan: memahami dan memenuhi kebutuhan masyarakat dengan sikap ramah."
    ws["A1"] = panjang
    ws["A1"].alignment = openpyxl.styles.Alignment(wrap_text=True)
    ws.merge_cells("A1:B1")  # multi-line merged text, no row height: Excel shows one line
    ws["A3"] = panjang
    ws["A3"].alignment = openpyxl.styles.Alignment(wrap_text=True)
    ws.row_dimensions[3].height = 15  # a height, but too small
    ws["A5"] = "Teks satu baris yang terlalu panjang untuk selnya"
    ws["B5"] = "isi"  # blocks the overflow
    ws["B6"] = "KEBERLANJUTAN"
    ws["B6"].alignment = openpyxl.styles.Alignment(wrap_text=True)
    terpotong, tanpa_tinggi, kurang = cetak.periksa_lembar(ws, halaman=2)
    assert [s.split()[0] for s in tanpa_tinggi] == ["A1"]
    assert {s.split()[0] for s in terpotong} == {"A3", "A5", "B6"}
    assert "kata 'KEBERLANJUTAN'" in next(s for s in terpotong if s.startswith("B6"))
    assert set(kurang) == {"ukuran kertas", "orientasi", "skala/muat ke halaman", "judul cetak (baris judul berulang)"}

    ws.row_dimensions[1].height = tinggi_baris(panjang, [16, 10], 11)
    ws.row_dimensions[3].height = tinggi_baris(panjang, 16, 11)
    ws["B5"] = None
    ws["B6"] = "KEBER LANJUT AN"
    ws.row_dimensions[6].height = tinggi_baris("KEBER LANJUT AN", 10, 11)
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    assert cetak.periksa_lembar(ws, halaman=2) == ([], [], [])


@pytest.mark.slow
def test_docs_pictures_come_from_the_current_build() -> None:
    sumber = (ROOT / "docs" / "cetak" / "SUMBER.txt").read_text(encoding="utf-8")
    tercatat = re.search(r"sidik-sumber: ([0-9a-f]{64})", sumber)
    assert tercatat is not None
    assert tercatat.group(1) == cetak.sidik_sumber(), (
        "gambar di docs/cetak/ dibuat dari sumber lama: jalankan `python -m skpxl.bangun.cetak --docs`"
    )
    for nama in cetak.GAMBAR_DOCS:
        assert (ROOT / "docs" / "cetak" / f"{nama}.png").read_bytes().startswith(b"\x89PNG")
        assert f"docs/cetak/{nama}.png" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.cetak
@perlu_libreoffice
def test_everything_printed_passes(tmp_path: Path) -> None:
    hasil = cetak.periksa_cetak(tmp_path, dpi=30)
    masalah = {f"{h.buku} › {h.lembar}": h.masalah for h in hasil if h.masalah}
    assert not masalah
    buku = {h.buku for h in hasil}
    assert {"SKP_2026.xlsx", "SKP_2026_semesteran.xlsx", "SKP_2026_bulanan.xlsx", "rekap_contoh.xlsx"} <= buku
    assert {f"contoh_{j}.xlsx" for j in ("administrator", "pengawas", "pelaksana", "fungsional")} <= buku
    hv = [h for h in hasil if h.buku == "hasil_validasi_templat_kosong.xlsx" and h.lembar == "Hasil Validasi"]
    assert hv and hv[0].halaman >= 1
    [ringkasan] = [h for h in hasil if h.lembar == "Ringkasan"]
    assert ringkasan.halaman == 1
    assert all(h.huruf_terkecil is not None and h.huruf_terkecil >= cetak.HURUF_MINIMAL for h in hasil)
    assert all(h.gambar and (tmp_path / h.gambar[0]).is_file() for h in hasil)
    assert (tmp_path / "laporan.json").is_file()


@pytest.mark.slow
@pytest.mark.cetak
@perlu_libreoffice
def test_a_bad_workbook_fails_the_check(tmp_path: Path) -> None:
    import xlsxwriter

    berkas = tmp_path / "buruk.xlsx"
    wb = xlsxwriter.Workbook(berkas)
    ws = wb.add_worksheet("Lebar")
    for c in range(40):
        ws.write(0, c, f"Kolom {c} dengan judul panjang")
    ws.fit_to_pages(1, 0)  # 40 columns on one portrait page: tiny print
    wrap = wb.add_format({"text_wrap": True})
    ws.merge_range(2, 0, 2, 1, "Teks panjang di sel gabungan yang perlu beberapa baris untuk terbaca utuh.", wrap)
    wb.close()
    [h] = cetak.periksa_cetak(tmp_path / "keluar", dpi=20, berkas=[berkas])
    assert h.huruf_terkecil is not None and h.huruf_terkecil < cetak.HURUF_MINIMAL
    assert h.tanpa_tinggi and "ukuran kertas" in h.pengaturan and h.terpotong and h.masalah
