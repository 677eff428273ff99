"""Drawings (pictures, shapes, text boxes, charts) on the sheets of a workbook that skpxl rewrites.

openpyxl keeps only the drawings it can read: a text box or a shape is dropped, and so is a
picture when Pillow is not installed. Staff paste their photo or the office logo onto the SKP
sheet. So after openpyxl has written the new workbook, :func:`pertahankan_gambar` counts the
drawing anchors of every sheet in the original and in the new file; where the new file has
fewer, the original drawing part is carried across unchanged (with its pictures, charts and
their own parts, under new names), replacing what openpyxl made of it. If a sheet still has
fewer drawings afterwards the write is refused with one sentence: never a silent loss.

Only parts of files that passed the pre-read checks of :mod:`skpxl.buku.pengaman` are read,
each bounded in size; drawing XML is copied as bytes, never parsed with entities.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from skpxl.core.errors import BerkasTidakTertulis

__all__ = ["hitung_gambar", "pertahankan_gambar"]

_BATAS_BAGIAN = 32 * 1024 * 1024  # the pre-read check's limit for one part
_REL = re.compile(r"<(?:\w+:)?Relationship\b([^<>]*?)/?>")
_ATR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LEMBAR = re.compile(r"<(?:\w+:)?sheet\b([^<>]*?)/?>")
_JANGKAR = re.compile(rb"<(?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)[\s>/]")
_AKAR = re.compile(rb"<(\w+:)?worksheet[\s>]")
# CT_Worksheet children that come after <drawing> (ECMA-376 part 1, 18.3.1.99)
_SESUDAH_DRAWING = re.compile(
    rb"<(?:\w+:)?(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts"
    rb"|extLst)[\s>/]|</(?:\w+:)?worksheet>"
)
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TIPE_DRAWING = _NS_R + "/drawing"
# xlwings Lite keeps its code in an Office web extension (task pane) that openpyxl does not write back
_TIPE_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
_RELS_KOSONG = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
)
_ID_BARU = "rIdSkpxlGambar"
_TARGET = re.compile(r"""(\bTarget\s*=\s*)(?:"[^"]*"|'[^']*')""")


def _atribut(teks: str) -> dict[str, str]:
    """Attributes by local name (``r:id`` → ``id``)."""
    return {m.group(1).rsplit(":", 1)[-1]: m.group(2) or m.group(3) or "" for m in _ATR.finditer(teks)}


def _rels_dari(part: str) -> str:
    folder, nama = posixpath.split(part)
    return posixpath.join(folder, "_rels", nama + ".rels")


@dataclass
class _Paket:
    z: zipfile.ZipFile
    nama: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.nama = set(self.z.namelist())

    def baca(self, part: str) -> bytes:
        if part not in self.nama:
            return b""
        with self.z.open(part) as f:
            return f.read(_BATAS_BAGIAN)

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(Id, Type, absolute target) of ``part``'s internal relationships."""
        folder = posixpath.dirname(part)
        hasil = []
        for m in _REL.finditer(self.baca(_rels_dari(part)).decode("utf-8", "replace")):
            a = _atribut(m.group(1))
            if a.get("TargetMode") == "External" or "Target" not in a:
                continue
            t = a["Target"]
            t = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(folder, t))
            hasil.append((a.get("Id", ""), a.get("Type", ""), t))
        return hasil

    def lembar(self) -> dict[str, str]:
        """Sheet name → worksheet part."""
        rels = {i: t for i, _, t in self.rels("xl/workbook.xml")}
        hasil = {}
        for m in _LEMBAR.finditer(self.baca("xl/workbook.xml").decode("utf-8", "replace")):
            a = _atribut(m.group(1))
            if a.get("id") in rels:
                hasil[html.unescape(a.get("name", ""))] = rels[a["id"]]  # "R&amp;D" in one file, "R&#38;D" in another
        return hasil

    def gambar(self, lembar: str) -> list[str]:
        return [t for _, tipe, t in self.rels(lembar) if tipe == _TIPE_DRAWING]

    def jangkar(self, lembar: str) -> int:
        return sum(len(_JANGKAR.findall(self.baca(d))) for d in self.gambar(lembar))

    def tipe_isi(self) -> tuple[dict[str, str], dict[str, str]]:
        """([Content_Types].xml) Default by extension, Override by part name."""
        teks = self.baca("[Content_Types].xml").decode("utf-8", "replace")
        bawaan, khusus = {}, {}
        for m in re.finditer(r"<(?:\w+:)?(Default|Override)\b([^<>]*?)/?>", teks):
            a = _atribut(m.group(2))
            if m.group(1) == "Default":
                bawaan[a.get("Extension", "").lower()] = a.get("ContentType", "")
            else:
                khusus[a.get("PartName", "").lstrip("/")] = a.get("ContentType", "")
        return bawaan, khusus


def _untuk_id(rid: str, target: str) -> Callable[[dict[str, str]], str | None]:
    return lambda a: target if a.get("Id") == rid else None


def hitung_gambar(path: Path) -> dict[str, int]:
    """Sheet name → number of drawing anchors (pictures, shapes, text boxes, charts) on it."""
    with zipfile.ZipFile(path) as z:
        p = _Paket(z)
        return {nama: p.jangkar(part) for nama, part in p.lembar().items()}


def _relatif(dari_part: str, ke: str) -> str:
    return posixpath.relpath(ke, posixpath.dirname(dari_part))


def _ganti_target(rels: str, target_baru: Callable[[dict[str, str]], str | None]) -> str:
    """``rels`` with the Target of each relationship for which ``target_baru(attributes)`` gives a new one replaced."""

    def ganti(m: re.Match[str]) -> str:
        baru = target_baru(_atribut(m.group(1)))
        if baru is None:
            return m.group(0)
        return _TARGET.sub(lambda q: q.group(1) + quoteattr(baru), m.group(0), count=1)

    return _REL.sub(ganti, rels)


def pertahankan_gambar(asli: Path, baru: Path, nama: str) -> int:
    """Carry every drawing that ``baru`` lost across from ``asli`` (``baru`` is rewritten); return how many sheets.

    The xlwings Lite task pane (the form's own Python code, a package-level web extension) is carried across too.

    Raise :class:`BerkasTidakTertulis` if a sheet would still lose a drawing.
    """
    with zipfile.ZipFile(asli) as za, zipfile.ZipFile(baru) as zb:
        pa, pb = _Paket(za), _Paket(zb)
        lembar_a, lembar_b = pa.lembar(), pb.lembar()
        kurang = [n for n, part in lembar_a.items() if n in lembar_b and pa.jangkar(part) > pb.jangkar(lembar_b[n])]
        ada_di_b = any(tipe == _TIPE_TASKPANES for _, tipe, _ in pb.rels(""))
        panel = [] if ada_di_b else [t for _, tipe, t in pa.rels("") if tipe == _TIPE_TASKPANES]
        if not kurang and not panel:
            return 0
        bawaan, khusus = pa.tipe_isi()
        ganti: dict[str, bytes] = {}  # part name → new content (changed or added)
        tipe_baru: dict[str, str] = {}
        salinan: dict[str, str] = {}  # part in asli → its new name in baru

        def nama_baru(part: str) -> str:
            if part.startswith("xl/webextensions/") and part not in pb.nama and part not in ganti:
                return part  # free in the new file: the task pane keeps its usual name
            folder, berkas = posixpath.split(part)
            n = 1
            while True:
                kandidat = posixpath.join(folder, f"skpxl{n}-{berkas}")
                if kandidat not in pb.nama and kandidat not in ganti:
                    return kandidat
                n += 1

        def salin(part: str) -> str:
            """Copy ``part`` and everything it refers to; return its name in ``baru``."""
            if part in salinan:
                return salinan[part]
            baru_part = salinan[part] = nama_baru(part)
            ganti[baru_part] = pa.baca(part)
            ext = posixpath.splitext(part)[1].lstrip(".").lower()
            tipe_baru[baru_part] = khusus.get(part) or bawaan.get(ext, "application/octet-stream")
            rels = pa.baca(_rels_dari(part))
            if rels:
                teks = rels.decode("utf-8", "replace")
                for _, _, target in pa.rels(part):
                    if target in pa.nama:
                        salin(target)
                folder = posixpath.dirname(part)

                def arahkan(a: dict[str, str]) -> str | None:
                    t = a.get("Target")
                    if t is None or a.get("TargetMode") == "External":
                        return None
                    mutlak = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(folder, t))
                    return _relatif(baru_part, salinan[mutlak]) if mutlak in salinan else None

                ganti[_rels_dari(baru_part)] = _ganti_target(teks, arahkan).encode("utf-8")
            return baru_part

        for n in kurang:
            part_b = lembar_b[n]
            drawing_a = pa.gambar(lembar_a[n])
            if len(drawing_a) != 1:
                continue  # a sheet has at most one drawing part; anything else is left to the final count
            target = salin(drawing_a[0])
            rels_b = _rels_dari(part_b)
            teks_rels = (ganti.get(rels_b) or pb.baca(rels_b) or _RELS_KOSONG.encode()).decode("utf-8", "replace")
            ada = [i for i, tipe, _ in pb.rels(part_b) if tipe == _TIPE_DRAWING]
            sheet = ganti.get(part_b) or pb.baca(part_b)
            if ada:  # openpyxl kept part of it: point its relationship at the original drawing instead
                teks_rels = _ganti_target(teks_rels, _untuk_id(ada[0], _relatif(part_b, target)))
            else:
                rid = _ID_BARU
                while f'"{rid}"' in teks_rels:
                    rid += "x"
                rel = f'<Relationship Id="{rid}" Type="{_TIPE_DRAWING}" Target={quoteattr(_relatif(part_b, target))}/>'
                teks_rels = teks_rels.replace("</Relationships>", rel + "</Relationships>", 1)
                akar = _AKAR.search(sheet)
                awalan = akar.group(1) if akar and akar.group(1) else b""
                elemen = b'<%sdrawing xmlns:r="%s" r:id="%s"/>' % (awalan, _NS_R.encode(), rid.encode())
                m = _SESUDAH_DRAWING.search(sheet)
                if m is None:
                    continue
                sheet = sheet[: m.start()] + elemen + sheet[m.start() :]
            ganti[rels_b] = teks_rels.encode("utf-8")
            ganti[part_b] = sheet
            tipe_baru.setdefault(rels_b, "application/vnd.openxmlformats-package.relationships+xml")

        if panel:  # the xlwings Lite task pane with its code: carried across with the package relationship
            teks_rels = (pb.baca("_rels/.rels") or _RELS_KOSONG.encode()).decode("utf-8", "replace")
            for i, t in enumerate(panel):
                rel = f'<Relationship Id="rIdSkpxlPanel{i}" Type="{_TIPE_TASKPANES}" Target={quoteattr(salin(t))}/>'
                teks_rels = teks_rels.replace("</Relationships>", rel + "</Relationships>", 1)
            ganti["_rels/.rels"] = teks_rels.encode("utf-8")

        ct = pb.baca("[Content_Types].xml").decode("utf-8")
        tambahan = "".join(
            f"<Override PartName={quoteattr('/' + p)} ContentType={quoteattr(t)}/>"
            for p, t in tipe_baru.items()
            if not p.endswith(".rels")
        )
        ganti["[Content_Types].xml"] = ct.replace("</Types>", tambahan + "</Types>", 1).encode("utf-8")

        tmp = baru.with_name(baru.name + ".gambar")
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as keluar:
                for info in zb.infolist():
                    isi = ganti.pop(info.filename) if info.filename in ganti else zb.read(info.filename)
                    keluar.writestr(info, isi)
                for part, isi in ganti.items():
                    keluar.writestr(zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0)), isi, zipfile.ZIP_DEFLATED)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    os.replace(tmp, baru)
    sisa = hitung_gambar(asli)
    sesudah = hitung_gambar(baru)
    hilang = {n: c - sesudah.get(n, 0) for n, c in sisa.items() if n in lembar_b and c > sesudah.get(n, 0)}
    if hilang:
        rincian = ", ".join(f"{c} di lembar '{n}'" for n, c in hilang.items())
        raise BerkasTidakTertulis(
            f"Berkas '{nama}' memuat gambar, bentuk atau kotak teks ({rincian}) yang akan hilang bila disimpan di luar "
            "Excel, jadi berkas tidak ditulis; jalankan Hitung dari tombol di Excel."
        )
    return len(kurang)
