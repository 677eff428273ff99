"""``python -m skpxl.bangun.cetak [FOLDER] [--docs]``: print everything a person prints and check the pages.

What is printed: the three templates, one computed example per jenis jabatan, a Hasil Validasi with findings
(the empty template, validated) and the example unit's recap. Each visible sheet is converted to PDF on its own
with LibreOffice headless (a copy of the workbook in which every other sheet is hidden), and reported:

* pages;
* the smallest **effective** font size: read from the PDF's page content, where LibreOffice writes every text
  run with the size it is printed at (the sheet's fit-to-page scale already applied; any text or graphics matrix
  is multiplied in as well), so the number is what lands on paper, in points;
* text cut at a cell edge, found from the workbook itself with the same estimate the builder uses for row
  heights (:mod:`skpxl.buku.ukuran`): a wrapped text taller than its row(s), a multi-line merged cell whose rows
  have no stored height (Excel never auto-fits those), a one-line text wider than its cell and free neighbours;
* missing page setup (paper, orientation, fit to page; print titles on a sheet that prints on several pages);
* page images (PNG, ``pdftoppm``) in ``FOLDER/png``.

Rules that fail the check: a font below :data:`HURUF_MINIMAL` pt, a multi-line merged cell without its
height, cut text, missing page setup, a recap Ringkasan on more than one page or without its chart.
``--docs`` also copies a few page images into ``docs/cetak/`` with the source fingerprint they were made from.
Exit code 0 when every page passes, 1 when one does not, 2 when LibreOffice or poppler is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

__all__ = ["HURUF_MINIMAL", "HasilLembar", "periksa_cetak", "sidik_sumber", "ukuran_huruf_pdf"]

HURUF_MINIMAL = 8.0
WAKTU_CONTOH = datetime(2027, 1, 15, 9, 0, 0)  # fixed: the same inputs give the same pages
GAMBAR_DOCS = {  # docs/cetak/<name>.png ← (workbook, sheet, page)
    "skp": ("contoh_fungsional.xlsx", "SKP", 1),
    "evaluasi": ("contoh_fungsional.xlsx", "EVALUASI AKHIR", 1),
    "dokumen-evaluasi": ("contoh_fungsional.xlsx", "DOKUMEN EVALUASI", 1),
    "rekap-ringkasan": ("rekap_contoh.xlsx", "Ringkasan", 1),
}
_SUMBER_KODE = (  # modules that shape the pictured pages
    "buku/templat.py",
    "buku/layout.py",
    "buku/ukuran.py",
    "buku/render.py",
    "buku/adapters/openpyxl_adapter.py",
    "batch/tulis.py",
    "bangun/contoh.py",
)  # not this module: its report and options change often, the printed pages do not


class AlatTidakAda(RuntimeError):
    """LibreOffice or poppler is not installed."""


@dataclass
class HasilLembar:
    """What one printed sheet looks like."""

    buku: str
    lembar: str
    halaman: int = 0
    huruf_terkecil: float | None = None
    terpotong: list[str] = field(default_factory=list)
    tanpa_tinggi: list[str] = field(default_factory=list)
    pengaturan: list[str] = field(default_factory=list)  # missing page-setup items
    lain: list[str] = field(default_factory=list)  # sheet-specific rules (Ringkasan)
    gambar: list[str] = field(default_factory=list)

    @property
    def masalah(self) -> list[str]:
        hasil: list[str] = []
        if self.huruf_terkecil is not None and self.huruf_terkecil < HURUF_MINIMAL:
            hasil.append(f"huruf tercetak {_angka(self.huruf_terkecil)} pt (minimal {_angka(HURUF_MINIMAL)} pt)")
        hasil += [f"sel gabungan bertinggi baris kosong: {s}" for s in self.tanpa_tinggi]
        hasil += [f"teks terpotong: {s}" for s in self.terpotong]
        hasil += [f"pengaturan halaman kurang: {s}" for s in self.pengaturan]
        return hasil + self.lain


def _angka(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


# --------------------------------------------------------------------------- effective font size from a PDF

_OBJ = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+"
)
_Matriks = tuple[float, float, float, float, float, float]
_SATU: _Matriks = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _aliran(isi: bytes) -> bytes:
    m = re.search(rb"\bstream\r?\n", isi)
    if not m:
        return b""
    data = isi[m.end() : isi.rfind(b"endstream")].rstrip(b"\r\n")
    return zlib.decompressobj().decompress(data) if b"FlateDecode" in isi[: m.start()] else data


def _halaman_pdf(pdf: bytes) -> list[bytes]:
    """The content of every page, in page order (plain PDFs as LibreOffice writes them: no object streams)."""
    obj = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(pdf)}
    akar = re.search(rb"/Root\s+(\d+)\s+0\s+R", pdf)
    if akar is None:
        raise ValueError("PDF tanpa katalog")
    pages = re.search(rb"/Pages\s+(\d+)\s+0\s+R", obj[int(akar.group(1))])
    hasil: list[bytes] = []

    def jalan(n: int) -> None:
        kamus = obj[n].split(b"stream")[0]
        if re.search(rb"/Type\s*/Pages\b", kamus):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", kamus, re.S)
            for k in re.findall(rb"(\d+)\s+0\s+R", kids.group(1) if kids else b""):
                jalan(int(k))
            return
        m = re.search(rb"/Contents\s*(\[.*?\]|\d+\s+0\s+R)", kamus, re.S)
        bagian = re.findall(rb"(\d+)\s+0\s+R", m.group(1)) if m else []
        hasil.append(b"\n".join(_aliran(obj[int(k)]) for k in bagian))

    if pages is not None:
        jalan(int(pages.group(1)))
    return hasil


def _kali(a: _Matriks, b: _Matriks) -> _Matriks:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _ukuran_halaman(isi: bytes) -> list[float]:
    """Printed size (pt) of every text run of one page: Tf size × the scale of text matrix × CTM."""
    ctm, tm, ukuran = _SATU, _SATU, 0.0
    tumpuk: list[_Matriks] = []
    hasil: list[float] = []
    op: list[bytes] = []
    for t in _TOKEN.findall(isi):
        if not (t[:1].isalpha() or t in (b"'", b'"')):
            op.append(t)
            continue
        if t == b"q":
            tumpuk.append(ctm)
        elif t == b"Q":
            ctm = tumpuk.pop() if tumpuk else ctm
        elif t == b"cm" and len(op) >= 6:
            ctm = _kali(_matriks(op[-6:]), ctm)
        elif t == b"BT":
            tm = _SATU
        elif t == b"Tm" and len(op) >= 6:
            tm = _matriks(op[-6:])
        elif t == b"Tf" and op:
            ukuran = float(op[-1])
        elif t in (b"Tj", b"TJ", b"'", b'"') and any(len(x) > 2 and x[:1] in b"<(" for x in op):
            m = _kali(tm, ctm)
            hasil.append(abs(ukuran) * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])))
        op = []
    return hasil


def _matriks(op: Sequence[bytes]) -> _Matriks:
    a, b, c, d, e, f = (float(x) for x in op)
    return (a, b, c, d, e, f)


def ukuran_huruf_pdf(pdf: bytes) -> list[float | None]:
    """The smallest printed font size (pt) of every page of a PDF (None for a page without text)."""
    return [min(u) if (u := _ukuran_halaman(isi)) else None for isi in _halaman_pdf(pdf)]


# --------------------------------------------------------------------------- what gets printed


def _simpan_hitung(data: bytes, tujuan: Path, *, hitung: bool) -> Path:
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.layanan.service import hitung_buku, validasi_buku

    tujuan.write_bytes(data)
    wb = buka(tujuan)
    if hitung:
        hitung_buku(wb, waktu=WAKTU_CONTOH)
    else:
        validasi_buku(wb, waktu=WAKTU_CONTOH)
    wb.save(tujuan)
    return tujuan


def contoh_per_jenis() -> dict[str, Any]:
    """The first example person of every jenis jabatan: {jenis (lower case): form}."""
    from skpxl.bangun.contoh import form_unit

    hasil: dict[str, Any] = {}
    for _nama, form in form_unit():
        hasil.setdefault(str(form.jenis_jabatan).lower(), form)
    return hasil


def siapkan(folder: Path) -> list[Path]:
    """Write every workbook the check prints into ``folder``; returns them."""
    from skpxl.bangun.contoh import tulis_contoh
    from skpxl.bangun.semua import VARIAN
    from skpxl.batch.jalan import rekap_folder
    from skpxl.buku.layout import nama_berkas_templat
    from skpxl.buku.templat import build_bytes

    folder.mkdir(parents=True, exist_ok=True)
    hasil: list[Path] = []
    for pz in VARIAN:
        p = folder / nama_berkas_templat(pz)
        p.write_bytes(build_bytes(periodisasi=pz))
        hasil.append(p)
    for jenis, form in contoh_per_jenis().items():
        hasil.append(_simpan_hitung(build_bytes(form=form), folder / f"contoh_{jenis}.xlsx", hitung=True))
    hasil.append(_simpan_hitung(build_bytes(), folder / "hasil_validasi_templat_kosong.xlsx", hitung=False))
    unit = folder / "unit_contoh"  # the recap names its folder: a stable one, not a random temporary name
    shutil.rmtree(unit, ignore_errors=True)
    tulis_contoh(unit)
    rekap = folder / "rekap_contoh.xlsx"
    rekap_folder(unit, rekap, waktu=WAKTU_CONTOH)
    hasil.append(rekap)
    return hasil


def sidik_sumber(root: Path | None = None) -> str:
    """Fingerprint of what the pictures in docs/cetak/ are made from: example workbooks and the shaping code."""
    from skpxl.buku.templat import build_bytes

    paket = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for _jenis, form in sorted(contoh_per_jenis().items()):
        h.update(build_bytes(form=form))
    for rel in _SUMBER_KODE:
        h.update(rel.encode() + b"\0" + (paket / rel).read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()


# --------------------------------------------------------------------------- one PDF per sheet

_SHEET = re.compile(rb"<sheet\b[^>]*/>")


def _lembar_terlihat(xlsx: Path) -> list[str]:
    with zipfile.ZipFile(xlsx) as z:
        wbxml = z.read("xl/workbook.xml")
    hasil = []
    for m in _SHEET.finditer(wbxml):
        tag = m.group(0)
        if b'state="hidden"' in tag or b'state="veryHidden"' in tag:
            continue
        nama = re.search(rb'name="([^"]*)"', tag)
        if nama:
            hasil.append(_xml_teks(nama.group(1).decode("utf-8")))
    return hasil


def _xml_teks(s: str) -> str:
    return (
        s.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


def _salinan_satu_lembar(xlsx: Path, lembar: str, tujuan: Path) -> None:
    """A copy of ``xlsx`` in which only ``lembar`` is visible (and active): LibreOffice prints only it."""
    with zipfile.ZipFile(xlsx) as z:
        bagian = [(i, z.read(i)) for i in z.infolist()]
    indeks = 0
    n = -1

    def sembunyikan(m: re.Match[bytes]) -> bytes:
        nonlocal n, indeks
        n += 1
        tag = re.sub(rb'\s+state="[^"]*"', b"", m.group(0))
        nama = re.search(rb'name="([^"]*)"', tag)
        if nama and _xml_teks(nama.group(1).decode("utf-8")) == lembar:
            indeks = n
            return tag
        return tag[:-2].rstrip() + b' state="hidden"/>'

    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for info, isi in bagian:
            if info.filename == "xl/workbook.xml":
                isi = _SHEET.sub(sembunyikan, isi)
                # LibreOffice prints a hidden sheet that has a print area: keep only the visible sheet's areas.
                isi = re.sub(
                    rb'<definedName name="_xlnm\.Print_[A-Za-z]+" localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                    lambda m: m.group(0) if int(m.group(1)) == indeks else b"",
                    isi,
                )
                isi = re.sub(rb'\s(activeTab|firstSheet)="\d+"', b"", isi)
                isi = isi.replace(b"<workbookView ", f'<workbookView activeTab="{indeks}" '.encode(), 1)
            z.writestr(info, isi)


def _nama_aman(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()


def _soffice() -> str:
    for nama in ("soffice", "libreoffice"):
        p = shutil.which(nama)
        if p:
            return p
    raise AlatTidakAda("LibreOffice (soffice) tidak terpasang: pasang paket Debian libreoffice-calc.")


def ke_pdf(berkas: Sequence[Path], folder: Path, profil: str | None = None) -> None:
    """Convert workbooks to PDF with one LibreOffice headless run (own user profile: parallel runs do not clash)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="skpxl-lo-") as tmp:
        profil_url = profil or Path(tmp).as_uri()
        perintah = [_soffice(), f"-env:UserInstallation={profil_url}", "--headless", "--norestore"]
        perintah += ["--convert-to", "pdf", "--outdir", str(folder), *map(str, berkas)]
        subprocess.run(perintah, check=True, capture_output=True, timeout=600)


def ke_png(pdf: Path, awalan: Path, dpi: int) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise AlatTidakAda("pdftoppm tidak terpasang: pasang paket Debian poppler-utils.")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(awalan)], check=True, capture_output=True)
    return sorted(awalan.parent.glob(awalan.name + "-*.png"))


# --------------------------------------------------------------------------- the workbook side


def lebar_kata(kata: str, pt: float, tebal: bool) -> float:
    """A word's width without the planning margin: is it really wider than its cell?"""
    from skpxl.buku.ukuran import lebar_teks_px

    return lebar_teks_px(kata, pt, tebal) / 1.04


_TEKNIS = re.compile(r"[/_@\\.:]")  # links, codes and file names may break anywhere


def periksa_lembar(ws: Any, halaman: int) -> tuple[list[str], list[str], list[str]]:
    """(cut texts, merged cells without height, missing page setup) of one openpyxl worksheet."""
    from skpxl.buku.ukuran import TINGGI_BAKU, lebar_teks_px, perlu_tinggi, px_kolom

    lebar_baku = ws.sheet_format.defaultColWidth or ws.sheet_format.baseColWidth or 8.43

    def px(c: int) -> int:  # 1-based column
        from openpyxl.utils import get_column_letter

        d = ws.column_dimensions.get(get_column_letter(c))
        if d is not None and d.hidden:
            return 0
        w = d.width if d is not None and d.width else None
        if w is None:  # a column inside a <col min max> group
            for dim in ws.column_dimensions.values():
                if dim.min and dim.max and dim.min <= c <= dim.max and dim.width:
                    w = dim.width
                    break
        # Widths in the file include Excel's 5 px cell padding already (XlsxWriter writes 15 as 15.7109375).
        return int(w * 7 + 0.5) if w is not None else px_kolom(float(lebar_baku))

    def tinggi(r: int) -> tuple[float, bool]:
        d = ws.row_dimensions.get(r)
        if d is not None and d.ht is not None:
            return float(d.ht), True
        return float(ws.sheet_format.defaultRowHeight or TINGGI_BAKU), False

    area = None
    if ws.print_area:
        from openpyxl.utils.cell import range_boundaries

        bagian = str(ws.print_area).split("!")[-1].replace("$", "").split(",")[0]
        area = range_boundaries(bagian)
    gabung = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    tertutup = {(r, c) for m in ws.merged_cells.ranges for r, c in m.cells if (r, c) != (m.min_row, m.min_col)}
    terpotong: list[str] = []
    tanpa_tinggi: list[str] = []
    for baris in ws.iter_rows():
        for cell in baris:
            v = cell.value
            if not isinstance(v, str) or not v.strip() or (cell.row, cell.column) in tertutup:
                continue
            if area and not (area[0] <= cell.column <= area[2] and area[1] <= cell.row <= area[3]):
                continue
            m = gabung.get((cell.row, cell.column))
            c1, r1 = (m.max_col, m.max_row) if m else (cell.column, cell.row)
            lebar = sum(px(c) for c in range(cell.column, c1 + 1))
            pt = float(cell.font.sz or 10)
            tebal = bool(cell.font.b)
            if cell.alignment.wrap_text or "\n" in v:
                panjang = [k for k in v.split() if not _TEKNIS.search(k) and lebar_kata(k, pt, tebal) > lebar - 4]
                if panjang:  # a word broken in the middle: the column is too narrow for it
                    terpotong.append(f"{cell.coordinate} (kata '{panjang[0]}' lebih lebar dari kolom)")
                perlu = perlu_tinggi(v, lebar, pt, tebal)
                tinggi_ada = [tinggi(r) for r in range(cell.row, r1 + 1)]
                ada = sum(h for h, _ in tinggi_ada)
                if perlu <= ada + 0.5:
                    continue
                if m is not None and not any(tetap for _, tetap in tinggi_ada):
                    tanpa_tinggi.append(f"{cell.coordinate} ({perlu:.0f} pt perlu)")
                else:
                    terpotong.append(f"{cell.coordinate} ({perlu:.0f} pt perlu, {ada:.0f} pt ada)")
                continue
            w = lebar_teks_px(v.split("\n")[0], pt, tebal)
            if w <= lebar:
                continue
            # One-line text may run on into empty neighbours (left- or general-aligned text only).
            ruang = lebar
            if cell.alignment.horizontal in (None, "general", "left", "centerContinuous"):
                c = c1 + 1
                batas = area[2] if area else 16384  # without a print area text may run on to the last column
                while ruang < w and c <= batas and ws.cell(cell.row, c).value in (None, ""):
                    ruang += px(c)
                    c += 1
            if w > ruang:
                terpotong.append(f"{cell.coordinate} ({w:.0f} px teks, {ruang:.0f} px sel)")
    ps = ws.page_setup
    kurang: list[str] = []
    if not ps.paperSize:
        kurang.append("ukuran kertas")
    if not ps.orientation or ps.orientation == "default":
        kurang.append("orientasi")
    if not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage) and not ps.scale:
        kurang.append("skala/muat ke halaman")
    if halaman > 1 and not ws.print_title_rows:
        kurang.append("judul cetak (baris judul berulang)")
    return terpotong, tanpa_tinggi, kurang


def _periksa_ringkasan(teks_halaman: list[str]) -> list[str]:
    hasil = []
    if len(teks_halaman) > 1:
        hasil.append(f"Ringkasan tercetak {len(teks_halaman)} halaman (harus 1)")
    if not any("Distribusi predikat" in t for t in teks_halaman[:1]):
        hasil.append("grafik distribusi tidak ada di halaman Ringkasan")
    return hasil


def _teks_pdf(pdf: Path) -> list[str]:
    keluaran = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return keluaran.decode("utf-8", "replace").split("\f")[:-1] or [""]


# --------------------------------------------------------------------------- the check


def periksa_cetak(
    folder: Path, *, dpi: int = 60, profil: str | None = None, berkas: Sequence[Path] | None = None
) -> list[HasilLembar]:
    """Build (or take ``berkas``), print and check everything; page images go to ``folder/png``."""
    import openpyxl

    _soffice()
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        raise AlatTidakAda("poppler-utils (pdftoppm, pdftotext) tidak terpasang.")
    buku = list(berkas) if berkas is not None else siapkan(folder / "buku")
    satu = folder / "lembar"
    pdf_dir = folder / "pdf"
    png_dir = folder / "png"
    for d in (satu, pdf_dir, png_dir):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rencana: list[tuple[Path, str, Path]] = []
    for b in buku:
        for lembar in _lembar_terlihat(b):
            salinan = satu / f"{_nama_aman(b.stem)}__{_nama_aman(lembar)}.xlsx"
            _salinan_satu_lembar(b, lembar, salinan)
            rencana.append((b, lembar, salinan))
    ke_pdf([s for _, _, s in rencana], pdf_dir, profil)
    hasil: list[HasilLembar] = []
    buka_cache: dict[Path, Any] = {}
    for b, lembar, salinan in rencana:
        pdf = pdf_dir / (salinan.stem + ".pdf")
        h = HasilLembar(b.name, lembar)
        if not pdf.is_file():
            h.lain.append("LibreOffice tidak menghasilkan PDF")
            hasil.append(h)
            continue
        ukuran = ukuran_huruf_pdf(pdf.read_bytes())
        h.halaman = len(ukuran)
        ada = [u for u in ukuran if u is not None]
        h.huruf_terkecil = round(min(ada), 2) if ada else None
        if b not in buka_cache:
            buka_cache[b] = openpyxl.load_workbook(b, data_only=True)
        h.terpotong, h.tanpa_tinggi, h.pengaturan = periksa_lembar(buka_cache[b][lembar], h.halaman)
        if lembar == "Ringkasan":
            h.lain += _periksa_ringkasan(_teks_pdf(pdf))
        h.gambar = [str(p.relative_to(folder)) for p in ke_png(pdf, png_dir / salinan.stem, dpi)]
        hasil.append(h)
    (folder / "laporan.json").write_text(
        json.dumps([{**asdict(h), "masalah": h.masalah} for h in hasil], ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return hasil


def tulis_docs(folder: Path, root: Path, dpi: int = 80) -> list[Path]:
    """Copy the pictured pages into ``root/docs/cetak`` (re-rendered at ``dpi``) with their source fingerprint."""
    tujuan = root / "docs" / "cetak"
    tujuan.mkdir(parents=True, exist_ok=True)
    ditulis: list[Path] = []
    for nama, (buku, lembar, hal) in GAMBAR_DOCS.items():
        pdf = folder / "pdf" / f"{_nama_aman(Path(buku).stem)}__{_nama_aman(lembar)}.pdf"
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                ["pdftoppm", "-r", str(dpi), "-png", "-f", str(hal), "-l", str(hal), "-singlefile", str(pdf),
                 str(Path(tmp) / nama)],
                check=True,
                capture_output=True,
            )  # fmt: skip
            shutil.copyfile(Path(tmp) / f"{nama}.png", tujuan / f"{nama}.png")
        ditulis.append(tujuan / f"{nama}.png")
    sumber = tujuan / "SUMBER.txt"
    sumber.write_text(
        "Gambar halaman cetak, dibuat oleh `python -m skpxl.bangun.cetak --docs` (LibreOffice headless).\n"
        f"sidik-sumber: {sidik_sumber()}\n",
        encoding="utf-8",
    )
    return [*ditulis, sumber]


def _baris_laporan(h: HasilLembar) -> str:
    huruf = "-" if h.huruf_terkecil is None else f"{_angka(h.huruf_terkecil)} pt"
    status = "OK" if not h.masalah else "MASALAH: " + "; ".join(h.masalah)
    return f"{h.buku} › {h.lembar}: {h.halaman} halaman, huruf terkecil {huruf} — {status}"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m skpxl.bangun.cetak",
        description="Cetak templat, contoh terhitung, Hasil Validasi dan rekap contoh ke PDF (LibreOffice) "
        "lalu periksa setiap lembar: halaman, huruf terkecil, teks terpotong, pengaturan halaman.",
    )
    p.add_argument("folder", nargs="?", default="hasil-cetak", help="folder keluaran (PDF, PNG, laporan.json)")
    p.add_argument("--dpi", type=int, default=60, help="resolusi gambar halaman (bawaan 60)")
    p.add_argument("--docs", metavar="ROOT", nargs="?", const=".", help="salin gambar pilihan ke ROOT/docs/cetak")
    p.add_argument("--profil", help="URL profil LibreOffice (bawaan: folder sementara sendiri)")
    p.add_argument("--berkas", nargs="+", type=Path, help="periksa buku kerja ini saja (mis. formulir Anda sendiri)")
    a = p.parse_args(argv)
    folder = Path(a.folder)
    if a.berkas and a.docs is not None:
        p.error("--docs memakai bangunan contoh, tidak dapat digabung dengan --berkas")
    hilang = [str(b) for b in a.berkas or () if not b.is_file()]
    if hilang:
        print(f"Berkas tidak ditemukan: {', '.join(hilang)}.", file=sys.stderr)
        return 2
    try:
        hasil = periksa_cetak(folder, dpi=a.dpi, profil=a.profil, berkas=a.berkas)
    except AlatTidakAda as e:
        print(str(e), file=sys.stderr)
        return 2
    for h in hasil:
        print(_baris_laporan(h))
    if a.docs is not None:
        for path in tulis_docs(folder, Path(a.docs)):
            print(path)
    gagal = [h for h in hasil if h.masalah]
    print(f"{len(hasil)} lembar dicetak, {len(gagal)} bermasalah; gambar di {folder / 'png'}", file=sys.stderr)
    return 1 if gagal else 0


if __name__ == "__main__":
    raise SystemExit(main())
