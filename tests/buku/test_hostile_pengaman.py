"""skpxl.buku.pengaman alone: every lexical disguise of an out-of-range cell is measured like a lenient reader would
place it, chunk boundaries hide nothing, zip tricks are refused, the limits in docs/jaminan.md are the code's, and the
check stays cheap next to reading."""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

from skpxl.batch.langkah import proses_berkas
from skpxl.buku import pengaman as P
from skpxl.buku.berkas import periksa_berkas
from skpxl.core.errors import BerkasTidakTerbaca
from tests.bantu.korpus import BAIK, CONTOH, _bagian, _part_lembar, _zip

ROOT = Path(__file__).resolve().parents[2]
LEMBAR = "DOKUMEN EVALUASI"


def _dengan_xml(tambahan: bytes, *, setelah: bytes = b"</sheetData>", ganti: bool = False) -> bytes:
    parts = _bagian(BAIK.read_bytes())
    part = _part_lembar(parts, LEMBAR)
    isi = parts[part]
    parts[part] = isi.replace(setelah, tambahan if ganti else setelah + tambahan, 1)
    return _zip(parts)


def _baris(sel: bytes) -> bytes:
    return b'<row r="40">' + sel + b"</row></sheetData>"


def _periksa(tmp_path: Path, data: bytes, nama: str = "uji.xlsx") -> P.HasilPeriksa:
    p = tmp_path / nama
    p.write_bytes(data)
    return P.periksa_paket(p)


TEKS = b"<is><t>x</t></is></c>"
NS = b' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

# (label, XML placed in DOKUMEN EVALUASI, fragment of the refusal) — each a different way of writing column XFD.
JAUH = [
    ("duplicate r, the last wins", _baris(b'<c r="A40" r="XFD40" t="inlineStr">' + TEKS), "kolom XFD"),
    ("single quotes", _baris(b"<c r='XFD40' t='inlineStr'>" + TEKS), "kolom XFD"),
    ("prefixed", _baris(b'<x:c' + NS + b' r="XFD40" t="inlineStr">' + TEKS), "kolom XFD"),
    ("character reference", _baris(b'<c r="&#88;FD40" t="inlineStr">' + TEKS), "kolom XFD"),
    ("> inside a value", _baris(b'<c xr:foo=">" r="XFD40" t="inlineStr">' + TEKS), "kolom XFD"),
    ("newline before r", _baris(b'<c t="inlineStr"\nr="XFD40">' + TEKS), "kolom XFD"),
    ("implicit columns", _baris((b'<c t="inlineStr">' + TEKS) * 300), "kolom GS"),  # the first column past the limit
    ("row r in a row of 5 digits", b'<row r="99999"><c r="A99999" t="inlineStr">' + TEKS + b"</row></sheetData>",
     "baris 99.999"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "xml", "fragmen"), JAUH, ids=[j[0] for j in JAUH])
def test_every_disguise_of_a_far_cell_is_refused(tmp_path: Path, label: str, xml: bytes, fragmen: str) -> None:
    data = _dengan_xml(xml, ganti=True)
    with pytest.raises(BerkasTidakTerbaca, match=re.escape(fragmen)):
        _periksa(tmp_path, data)


DEKAT = [(label, xml.replace(b"XFD40", b"Z40").replace(b"&#88;FD40", b"&#90;40"), None) for label, xml, _ in JAUH[:6]]


@pytest.mark.parametrize(("label", "xml", "_"), DEKAT, ids=[d[0] for d in DEKAT])
def test_the_same_forms_within_the_limits_pass_measured_exactly(
    tmp_path: Path, label: str, xml: bytes, _: object
) -> None:
    hasil = _periksa(tmp_path, _dengan_xml(xml, ganti=True))
    assert [lembar.nama for lembar in hasil.lembar if lembar.teliti] == [LEMBAR]


def test_implicit_rows_are_counted(tmp_path: Path) -> None:
    baris = b"<row>" + b'<c t="inlineStr">' + TEKS + b"</row>"
    with pytest.raises(BerkasTidakTerbaca, match=r"baris 10\.001"):
        _periksa(tmp_path, _dengan_xml(baris * P.BATAS_BARIS + b"</sheetData>", ganti=True))


def test_a_hyperlink_over_the_whole_sheet_is_refused(tmp_path: Path) -> None:
    data = _dengan_xml(b'<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>')
    with pytest.raises(BerkasTidakTerbaca, match=r"memakai baris 1\.048\.576"):
        _periksa(tmp_path, data)


def test_chunk_boundaries_hide_nothing(tmp_path: Path) -> None:
    """A far cell after 1.5 MB of text, and a DTD sitting across the 1 MiB boundary of a non-sheet part."""
    acak = os.urandom(3 * P.MiB // 4).hex().encode()  # 1.5 MB that does not compress
    panjang = b'<c r="A40" t="inlineStr"><is><t>' + acak + b"</t></is></c>"
    data = _dengan_xml(_baris(panjang + b'<c r="XFD40" t="inlineStr">' + TEKS), ganti=True)
    with pytest.raises(BerkasTidakTerbaca, match="kolom XFD"):
        _periksa(tmp_path, data)
    parts = _bagian(BAIK.read_bytes())
    parts["customXml/item1.xml"] = b"<a>" + os.urandom(P.MiB // 2).hex().encode()[:-7] + b"<!DOCTYPE a><b/></a>"
    with pytest.raises(BerkasTidakTerbaca, match="DTD/entitas"):
        _periksa(tmp_path, _zip(parts))


def test_zip_level_tricks(tmp_path: Path) -> None:
    data = bytearray(BAIK.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.infolist()[0]
    data[info.header_offset + 6] |= 1  # "encrypted" in the local header …
    cd = data.find(b"PK\x01\x02")  # … and in the central directory entry of the same (first) part
    data[cd + 8] |= 1
    with pytest.raises(BerkasTidakTerbaca, match="dienkripsi di dalam zip"):
        _periksa(tmp_path, bytes(data))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_BZIP2) as z:
        for nama, isi in _bagian(BAIK.read_bytes()).items():
            z.writestr(nama, isi)
    with pytest.raises(BerkasTidakTerbaca, match="metode kompresi zip yang tidak dipakai Excel"):
        _periksa(tmp_path, keluar.getvalue())


def test_a_part_twice_in_the_zip_is_refused(tmp_path: Path) -> None:
    from tests.bantu.korpus import _mentah, _zip_mentah

    parts = _bagian(BAIK.read_bytes())
    entri = [_mentah(n, d) for n, d in parts.items()]
    entri.append(_mentah("xl/sharedStrings.xml", b'<!DOCTYPE a [<!ENTITY b "c">]><sst/>'))
    with pytest.raises(BerkasTidakTerbaca, match="muncul dua kali di dalam zip"):
        _periksa(tmp_path, _zip_mentah(entri))


def test_an_xlsx_named_xls_is_told_to_be_renamed(tmp_path: Path) -> None:
    p = tmp_path / "skp.xls"
    p.write_bytes(BAIK.read_bytes())
    with pytest.raises(BerkasTidakTerbaca, match=r"ganti akhiran namanya menjadi \.xlsx"):
        periksa_berkas(p)
    assert "ganti akhiran" in (proses_berkas(str(p), p.name).masalah or "")


def test_limits_in_the_docs_are_the_codes() -> None:
    doc = (ROOT / "docs" / "jaminan.md").read_text(encoding="utf-8")

    def ribuan(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    for teks in (
        f"{P.BATAS_UKURAN_BERKAS // P.MiB} MB",
        f"{P.BATAS_UKURAN_BAGIAN // P.MiB} MB",
        f"{P.BATAS_UKURAN_TOTAL // P.MiB} MB",
        f"{P.BATAS_BAGIAN_INDUK // P.MiB} MB",
        f"{ribuan(P.BATAS_JUMLAH_BAGIAN)} bagian",
        f"{P.BATAS_RASIO}:1",
        f"{ribuan(P.BATAS_BARIS)} baris",
        f"{P.BATAS_KOLOM} kolom",
        f"{ribuan(P.BATAS_SEL)} sel",
        f"{P.BATAS_WAKTU_BERKAS:g} detik",
        f"{ribuan(P.BATAS_MEMORI_PEKERJA // P.MiB)} MB",
    ):
        assert teks in doc, teks


@pytest.mark.slow
def test_the_check_is_cheap_next_to_reading() -> None:
    """CPU time, best of three (wall time on a shared machine measures the neighbours)."""
    files = sorted(CONTOH.glob("*.xlsx"))
    for f in files:  # warm caches
        P.periksa_paket(f)
    cek = float("inf")
    for _ in range(3):
        t = time.process_time()
        for f in files:
            P.periksa_paket(f)
        cek = min(cek, (time.process_time() - t) / len(files))
    t = time.process_time()
    for f in files:
        assert proses_berkas(str(f), f.name).masalah is None
    semua = (time.process_time() - t) / len(files)
    print(f"\npre-read check {cek * 1000:.2f} ms CPU/file; whole per-file step with it {semua * 1000:.2f} ms CPU/file")
    assert cek < 0.025


def test_the_check_reads_which_rule_pack_a_workbook_is_for() -> None:
    from skpxl.buku.pengaman import periksa_paket
    from tests.bantu.templat_uji import CONTOH, TEMPLATES

    assert periksa_paket(next(CONTOH.glob("*.xlsx"))).paket_id == "permenpanrb-6-2022"
    assert periksa_paket(TEMPLATES / "legacy" / "SKP_PP46_2011_contoh.xlsx", templat=False).paket_id == "pp-46-2011"
