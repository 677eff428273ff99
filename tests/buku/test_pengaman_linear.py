"""The pre-read check is linear in what it reads (issue 18): tags that never close, repeated, cost what reading them
once costs; every defined name is bounded before a reader builds a block (issue 18); openpyxl's way of writing a
worksheet takes the fast path (issue 16)."""

from __future__ import annotations

import contextlib
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from skpxl.buku import pengaman as P
from skpxl.buku.adapters.calamine_reader import CalamineReader
from skpxl.buku.pengaman.batas import ribuan
from skpxl.core.errors import BerkasTidakTerbaca
from tests.bantu.korpus import BAIK, KASUS, _bagian, _part_lembar, _zip

PARTS = _bagian(BAIK.read_bytes())
SKP = _part_lembar(PARTS, "SKP")
META = _part_lembar(PARTS, "_SKPXL")

# (label, part, insert after, repeated fragment): each was quadratic somewhere in the old check or reader.
TERBUKA = [
    ("package rels", "_rels/.rels", b"</Relationships>", b"<Relationship "),
    ("workbook rels", "xl/_rels/workbook.xml.rels", b"</Relationships>", b'<Relationship Target="'),
    ("sheet elements", "xl/workbook.xml", b"</sheets>", b"<sheet "),
    ("defined names", "xl/workbook.xml", b"</definedNames>", b'<definedName name="TEMPLATE_ID">'),
    ("cells in sheetData", SKP, b"</sheetData>", b"<c "),
    ("quoted cells in sheetData", SKP, b"</sheetData>", b'<c r="'),
    ("rows in sheetData", SKP, b"</sheetData>", b"<row "),
    ("hyperlinks", SKP, b"</sheetData>", b"<hyperlink "),
    ("a template cell's key", META, b"</sheetData>", b' r="B2"'),
    ("shared strings", "xl/sharedStrings.xml", b"</sst>", b"<si><t>"),
    ("phonetic runs", "xl/sharedStrings.xml", b"</sst>", b"<si><rPh>"),
]


def _dengan(part: str, setelah: bytes, ulang: bytes, n: int) -> bytes:
    parts = dict(PARTS)
    parts[part] = parts[part].replace(setelah, setelah + ulang * n, 1)
    return _zip(parts)


def _cpu(fungsi: Callable[[], object], kali: int = 3) -> float:
    """Best CPU seconds of ``kali`` runs (CPU, not wall: the machine is shared)."""
    terbaik = float("inf")
    for _ in range(kali):
        t = time.process_time()
        fungsi()
        terbaik = min(terbaik, time.process_time() - t)
    return terbaik


def _periksa(data: bytes) -> None:
    with contextlib.suppress(BerkasTidakTerbaca):  # refused or not, the point is how long it took
        P.periksa_data(data, "uji.xlsx", simpan=True)


@pytest.mark.parametrize(("label", "part", "setelah", "ulang"), TERBUKA, ids=[t[0] for t in TERBUKA])
def test_unclosed_tags_cost_linear_time(label: str, part: str, setelah: bytes, ulang: bytes) -> None:
    """Four times the input must cost well under sixteen times the time (quadratic), and little in absolute terms."""
    kecil, besar = _dengan(part, setelah, ulang, 5_000), _dengan(part, setelah, ulang, 20_000)
    dasar = _cpu(lambda: _periksa(BAIK.read_bytes()))
    t_kecil = _cpu(lambda: _periksa(kecil))
    t_besar = _cpu(lambda: _periksa(besar))
    # Growth of the input-dependent part (a difference under 1 ms is noise).
    lereng = (t_besar - dasar) / max(t_kecil - dasar, 1e-3)
    print(f"\n{label}: base {dasar * 1e3:.1f} ms, 5k {t_kecil * 1e3:.1f}, 20k {t_besar * 1e3:.1f}, slope {lereng:.1f}")
    assert lereng < 8, (label, dasar, t_kecil, t_besar)
    assert t_besar < 0.5, (label, t_besar)


def test_the_issue_file_is_checked_in_milliseconds() -> None:
    """Issue 18's 47 KB file, '<Relationship ' 60,000 times after the root: 6.6 minutes before, now like any file."""
    data = _dengan("_rels/.rels", b"</Relationships>", b"<Relationship ", 60_000)
    assert len(data) < 60_000
    assert _cpu(lambda: P.periksa_data(data, "uji.xlsx")) < 0.5


@pytest.mark.parametrize("kasus", ["nama_tabel_raksasa.xlsx", "nama_sel_ujung.xlsx"])
def test_a_name_beyond_the_limits_is_refused_before_any_read(kasus: str) -> None:
    k = next(k for k in KASUS if k.nama == kasus)
    assert k.alasan is not None
    batas = f"di luar batas {ribuan(P.BATAS_BARIS)} baris, {ribuan(P.BATAS_KOLOM)} kolom"
    with pytest.raises(BerkasTidakTerbaca, match=re.escape(batas)):
        P.periksa_data(k.buat(), kasus)


def test_the_reader_bounds_a_block_before_building_it(tmp_path: Path) -> None:
    """With the check bypassed, the reader still refuses to build 17 billion cells (and does so at once)."""
    p = tmp_path / "uji.xlsx"
    p.write_bytes(next(k for k in KASUS if k.nama == "nama_tabel_raksasa.xlsx").buat())
    with CalamineReader(p) as buku:
        t = time.process_time()
        with pytest.raises(BerkasTidakTerbaca, match="melewati batas baca skpxl"):
            buku.read_block("SKP", "A23:XFD1048576")
        assert time.process_time() - t < 0.1
        assert buku.read_block("SKP", "C9:C10") == [[v] for v in _nilai(buku, "C9", "C10")]


def _nilai(buku: CalamineReader, *sel: str) -> list[object]:
    return [buku.read_block("SKP", s)[0][0] for s in sel]


def test_openpyxls_form_takes_the_fast_path() -> None:
    """'<c r="B1" s="1" t="n" />' (a space before '/>') and '<mergeCell ref="…" />' are canonical too."""
    keluar = io.BytesIO()
    openpyxl.load_workbook(BAIK).save(keluar)
    data = keluar.getvalue()
    assert b' t="n" />' in _bagian(data)[SKP] and b'" />' in _bagian(data)[SKP].split(b"<mergeCells")[1]
    hasil = P.periksa_data(data, "disimpan.xlsx")
    assert hasil.lembar and not any(lembar.teliti for lembar in hasil.lembar)
    asli = _cpu(lambda: P.periksa_data(BAIK.read_bytes(), "asli.xlsx"), 5)
    disimpan = _cpu(lambda: P.periksa_data(data, "disimpan.xlsx"), 5)
    print(f"\ncheck: as built {asli * 1e3:.2f} ms, saved by openpyxl {disimpan * 1e3:.2f} ms")
    assert disimpan < 3 * asli + 0.002


def test_the_checked_parts_are_what_the_reader_parses() -> None:
    """One read: the reader gets the check's bytes and names, and reads what the file holds."""
    hasil = P.periksa_data(BAIK.read_bytes(), BAIK.name, simpan=True)
    assert hasil.bagian is not None and SKP in hasil.bagian and "xl/workbook.xml" in hasil.bagian
    with CalamineReader.dari_periksa(hasil) as a, CalamineReader(BAIK) as b:
        assert a.names() == b.names()
        assert a.sheet_names() == b.sheet_names()
        for lembar in b.sheet_names():
            assert a.read_block(lembar, "A1:M80") == b.read_block(lembar, "A1:M80"), lembar


# Merged areas and the end of a sheet, as the fast path now finds them (searching from the end of the part).
_ISI = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
_BLOK = b'<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'
_RAKSASA = b'<mergeCell ref="A1:XFD1048576"/>'


@pytest.mark.parametrize(
    ("isi", "cepat"),
    [
        (_ISI + _BLOK + b"</worksheet>", True),
        (_ISI + b"</worksheet>", True),
        (_ISI.replace(b"</sheetData>", _RAKSASA + b"</sheetData>") + _BLOK + b"</worksheet>", False),  # one before
        (_ISI + _BLOK + _RAKSASA + b"</worksheet>", False),  # one after the block
        (_ISI + _RAKSASA + b"</worksheet>", False),  # no block at all
        (_ISI + _BLOK + _BLOK + b"</worksheet>", False),  # two blocks
    ],
)
def test_merged_areas_outside_the_one_block_are_measured_exactly(isi: bytes, cepat: bool) -> None:
    """Every merged area counts, wherever it is: the canonical fast path takes only one block."""
    from skpxl.buku.pengaman.pindai import Ukuran, _ukur_cepat, ukur_lembar

    assert _ukur_cepat(isi, Ukuran()) is cepat
    if _RAKSASA in isi:  # the area reaches row 1,048,576: refused whichever path measured it
        with pytest.raises(P.Tolak, match=r"memakai baris 1\.048\.576"):
            ukur_lembar("xl/worksheets/sheet1.xml", "SKP", isi)
    else:
        assert ukur_lembar("xl/worksheets/sheet1.xml", "SKP", isi)[0] is not cepat  # measured tag by tag?


@pytest.mark.parametrize(
    "ekor", [b"</worksheet></worksheet>", b"</worksheet><x/></worksheet>", b"</worksheet> <a>", b""]
)
def test_a_sheet_must_end_with_its_only_closing_tag(ekor: bytes) -> None:
    from skpxl.buku.pengaman.pindai import cek_akhir

    with pytest.raises(P.Tolak, match="tidak berakhir dengan benar"):
        cek_akhir("xl/worksheets/sheet1.xml", "SKP", _ISI + ekor)
    cek_akhir("xl/worksheets/sheet1.xml", "SKP", _ISI + b"</worksheet>\r\n")


_BARIS = b'<row r="%d"><c r="A%d"><v>1</v></c></row>'


@pytest.mark.parametrize(
    ("sisipan", "pesan"),
    [
        (b'<hyperlink ref="A1:XFD1048576" r:id="x"/>', r"memakai baris 1\.048\.576"),
        (_RAKSASA, r"memakai baris 1\.048\.576"),
        (b"</worksheet>", "tidak berakhir dengan benar"),
    ],
)
def test_tags_hidden_among_the_rows_of_a_canonical_sheet_are_still_found(sisipan: bytes, pesan: str) -> None:
    """The fast path searches only the tail of a part whose rows hold no such tag: a row that holds one (remembered
    from an earlier file or not) makes it search the whole part."""
    from skpxl.buku import kisi
    from skpxl.buku.pengaman.pindai import ukur_lembar

    baris = b"".join(_BARIS % (r, r) for r in range(1, 40))
    tengah = (_BARIS % (20, 20)).replace(b"</c>", b"</c>" + sisipan)
    isi = b"<worksheet><sheetData>" + baris.replace(_BARIS % (20, 20), tengah) + b"</sheetData>" + _BLOK
    isi += b"</worksheet>"
    kisi._POTONGAN.clear()
    kisi._DILIHAT.clear()
    for _ in range(3):  # the first sighting, the second (remembered then) and from memory
        with pytest.raises(P.Tolak, match=pesan):
            ukur_lembar("xl/worksheets/sheet1.xml", "SKP", isi)
    bersih = b"<worksheet><sheetData>" + baris + b"</sheetData>" + _BLOK + b"</worksheet>"
    assert ukur_lembar("xl/worksheets/sheet1.xml", "SKP", bersih) == (False, kisi.sel_kanonik(bersih))
