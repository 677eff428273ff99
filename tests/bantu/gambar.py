"""Test helper: put a picture and a text box on one sheet of a workbook, at zip level (written independently of
skpxl.buku.gambar, as Excel would store them: one drawing part with two anchors, a PNG in xl/media)."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TEKS_KOTAK = "Catatan pegawai"


def png_kecil() -> bytes:
    """A valid 4×4 red PNG."""

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    kepala = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", kepala) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _jangkar(k0: int, r0: int, k1: int, r1: int, isi: str) -> str:
    def titik(tag: str, k: int, r: int) -> str:
        return (
            f"<xdr:{tag}><xdr:col>{k}</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:{tag}>"
        )

    return f"<xdr:twoCellAnchor>{titik('from', k0, r0)}{titik('to', k1, r1)}{isi}<xdr:clientData/></xdr:twoCellAnchor>"


_PERSEGI = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
FOTO = (
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Foto Pegawai"/><xdr:cNvPicPr/></xdr:nvPicPr>'
    '<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
    f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="600000" cy="800000"/></a:xfrm>{_PERSEGI}</xdr:spPr></xdr:pic>'
)
KOTAK = (
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Kotak Teks"/><xdr:cNvSpPr txBox="1"/>'
    f'</xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="600000"/></a:xfrm>{_PERSEGI}'
    f"</xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{TEKS_KOTAK}</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
)
DRAWING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{NS_R}">'
    f"{_jangkar(1, 1, 2, 5, FOTO)}{_jangkar(3, 1, 6, 4, KOTAK)}</xdr:wsDr>"
)
DRAWING_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{NS_PKG}">'
    f'<Relationship Id="rId1" Type="{NS_R}/image" Target="../media/ujifoto.png"/></Relationships>'
)
REL_SHEET = f'<Relationship Id="rIdUjiGambar" Type="{NS_R}/drawing" Target="../drawings/ujigambar.xml"/>'
TIPE = (
    '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/ujigambar.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
)


def tambah_gambar(sumber: Path, tujuan: Path, sheet_part: str = "xl/worksheets/sheet1.xml") -> None:
    """Copy ``sumber`` to ``tujuan`` with a picture and a text box on ``sheet_part`` (which has no drawing yet)."""
    folder, nama = sheet_part.rsplit("/", 1)
    rels = f"{folder}/_rels/{nama}.rels"
    with zipfile.ZipFile(sumber) as z, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as keluar:
        nama_bagian = z.namelist()
        for n in nama_bagian:
            data = z.read(n)
            if n == sheet_part:  # <drawing> goes before these (ECMA-376 CT_Worksheet order)
                m = re.search(rb"<legacyDrawing|<tableParts|<extLst|</worksheet>", data)
                assert m is not None
                data = data[: m.start()] + b'<drawing r:id="rIdUjiGambar"/>' + data[m.start() :]
            elif n == rels:
                data = data.replace(b"</Relationships>", REL_SHEET.encode() + b"</Relationships>")
            elif n == "[Content_Types].xml":
                data = data.replace(b"</Types>", TIPE.encode() + b"</Types>")
            keluar.writestr(z.getinfo(n), data)
        if rels not in nama_bagian:
            keluar.writestr(rels, f'<?xml version="1.0"?><Relationships xmlns="{NS_PKG}">{REL_SHEET}</Relationships>')
        keluar.writestr("xl/drawings/ujigambar.xml", DRAWING)
        keluar.writestr("xl/drawings/_rels/ujigambar.xml.rels", DRAWING_RELS)
        keluar.writestr("xl/media/ujifoto.png", png_kecil())
