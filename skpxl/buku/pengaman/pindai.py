"""The XML scan of the pre-read check: C-implemented regular expressions over whole inflated parts.

Guarantees, each kept by a test in ``tests/buku``:

* **No entity is ever expanded.** A part holding ``<!DOCTYPE`` or ``<!ENTITY`` is refused (no Excel
  file has one); only the five XML entities and numeric references are decoded, by hand.
* **Linear time.** Every pattern stops at the next ``<`` or consumes what it scanned (possessive
  quantifiers, ``[^<]`` bodies), and every loop resumes after its last match, so a tag that never
  closes, repeated 60,000 times, costs what reading it once costs.
* **Extents before allocation.** A worksheet's extent (rows, columns, cells, merged and hyperlinked
  areas) is measured on the bytes, the way a lenient reader would place the cells, before any reader
  builds a grid.

Fast path: one regular expression finds the first ``<c>``/``<row>`` that is not in the canonical form
Excel, LibreOffice, openpyxl (``<c … />``) and XlsxWriter write; a worksheet without one is within the
row/column limits by construction. Otherwise the part is measured tag by tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from skpxl.buku.kisi import ATR_BIASA, BERPREFIKS, Potongan, sel_kanonik

from .batas import BATAS_BARIS, BATAS_KOLOM, BATAS_SEL, Tolak, huruf, indeks, ribuan

__all__ = [
    "Ukuran",
    "atribut",
    "cek_xml",
    "gabung",
    "lembar_buku",
    "lepas_entitas",
    "rels",
    "rels_dari",
    "ukur_lembar",
]

_DTD = re.compile(rb"<!\s*+(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ENKODE = re.compile(rb"""<\?xml[^<>]*?\bencoding\s*=\s*["']([^"'<>]*)["']""")
_ENKODE_BOLEH = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1", "windows-1252"})

# Worksheets. The canonical form: unprefixed, r="..." first, column A-Z, row 1-9999, plain attributes.
_TAK_BIASA = re.compile(
    rb'<(?:c(?! r="[A-Z][0-9]{1,4}"(?: s="[0-9]{1,6}")?(?: t="[a-zA-Z]{1,9}")? ?/?>)[\s>/]'
    rb'|row(?! r="[0-9]{1,4}"' + ATR_BIASA + rb")[\s>/]"
    rb"|!)"  # a comment, CDATA or DTD: never in Excel's worksheets; the exact pass refuses a DTD
)
_AREA_BIASA = re.compile(rb'<mergeCell ref="([A-Z]{1,2})([0-9]{1,6}):([A-Z]{1,2})([0-9]{1,6})" ?/>')
# One tag up to its ">" outside quotes, or to the end of the part when it never closes. Possessive and
# deterministic: every attempt consumes what it scans, so finditer stays linear.
_ISI_TAG = rb"""((?:[^>"']++|"[^"]*+"?|'[^']*+'?)*+)"""
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*+:)?(row|c|mergeCell|hyperlink)(?=[\s>/])" + _ISI_TAG)
_HYPERLINK = re.compile(rb"<hyperlink(?=[\s>/])" + _ISI_TAG)
_ATR_R = re.compile(rb"""(?<![\w:.-])r\s*+=\s*+["']\s*+([A-Za-z]*+)([0-9]*+)""")
_ATR_REF = re.compile(rb"""(?<![\w:.-])ref\s*+=\s*+["']([^"']*+)["']""")
_SEL_A1 = re.compile(r"([A-Za-z]*)([0-9]*)")
_BARIS_EXCEL, _KOLOM_EXCEL = 1_048_576, 16_384
_EKOR = itemgetter(3)  # a piece holds what belongs after the rows (kisi.Potongan)

# Package structure (small parts; each pattern stops at the next "<").
_REL = re.compile(r"<(?:\w++:)?Relationship\b([^<>]*+)>")
_ATRIBUT = re.compile(r"""(?<![\w:.-])([\w:.-]++)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')""")
_LEMBAR = re.compile(r"<(?:\w++:)?sheet\b([^<>]*+)>")
_ATR_REL = re.compile(r"""(?<![\w:.-])(Id|Type|Target)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')""")
_ENTITAS = re.compile(r"&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);")
_ENTITAS_NAMA = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def cek_xml(part: str, isi: bytes) -> bool:
    """Whether a part is XML (by name or content); refuse XML that is not ASCII-compatible or holds a DTD."""
    kepala = isi[:512]
    if kepala.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
        len(kepala) >= 4 and b"\x00" in kepala[:4] and b"<" in kepala[:4]
    ):
        raise Tolak(
            f"ditolak: bagian '{part}' ditulis dalam enkode UTF-16/UTF-32, bukan UTF-8 seperti buku kerja Excel "
            "yang sah."
        )
    bersih = kepala.lstrip(b"\xef\xbb\xbf \t\r\n")
    xml = bersih[:1] == b"<" or part.lower().endswith((".xml", ".rels", ".vml"))
    if xml:
        m = _ENKODE.match(bersih)
        if m and m.group(1).decode("ascii", "replace").strip().lower() not in _ENKODE_BOLEH:
            raise Tolak(
                f"ditolak: bagian '{part}' memakai enkode '{m.group(1).decode('ascii', 'replace')}', bukan UTF-8 "
                "seperti buku kerja Excel yang sah."
            )
        if b"!" in isi and _DTD.search(isi):  # memchr first: "!" is rare in spreadsheet XML
            raise tolak_dtd(part)
    return xml


def tolak_dtd(part: str) -> Tolak:
    return Tolak(
        f"ditolak demi keamanan: bagian '{part}' memuat deklarasi DTD/entitas XML (<!DOCTYPE atau <!ENTITY), yang "
        "tidak pernah ada di buku kerja Excel yang sah; entitas tidak diuraikan."
    )


# --------------------------------------------------------------------------- worksheets


@dataclass
class Ukuran:
    """A worksheet's measured extent (1-based last row and column; cells of merged/linked areas)."""

    baris: int = 0
    kolom: int = 0
    maks_baris: int = 0
    maks_kolom: int = 0
    luas_area: int = 0

    def catat_area(self, ref: bytes) -> None:
        """A merged or hyperlinked area ("A1:C3", "A:A", "1:1", several separated by spaces)."""
        for potong in ref.split():
            rs: list[int] = []
            ks: list[int] = []
            for ujung in potong.decode("ascii", "replace").replace("$", "").split(":"):
                m = _SEL_A1.fullmatch(ujung)
                if m is None:
                    return  # not a reference: readers reject or ignore it
                rs.append(int(m.group(2)[:12]) if m.group(2) else _BARIS_EXCEL)  # "A:A" = the whole column
                ks.append(indeks(m.group(1)[:8]) if m.group(1) else _KOLOM_EXCEL)  # "1:1" = the whole row
            self.catat_persegi(min(rs), min(ks), max(rs), max(ks))

    def catat_persegi(self, r0: int, k0: int, r1: int, k1: int) -> None:
        self.maks_baris = max(self.maks_baris, r0, r1)
        self.maks_kolom = max(self.maks_kolom, k0, k1)
        self.luas_area += (abs(r1 - r0) + 1) * (abs(k1 - k0) + 1)

    @property
    def lewat(self) -> bool:
        return self.maks_baris > BATAS_BARIS or self.maks_kolom > BATAS_KOLOM or self.luas_area > BATAS_SEL


_AKHIR_LEMBAR = re.compile(rb"</((?:[\w.-]++:)?(?:worksheet|chartsheet|dialogsheet|macrosheet))>\s*+\Z")


def cek_akhir(part: str, sheet: str, isi: bytes, mulai: int = 0) -> None:
    """A sheet part ends with its root element's only closing tag: nothing after it, nothing cut off.

    Readers disagree on what follows the root (calamine reads past it, openpyxl fails); refusing it
    here gives one sentence for every way in.
    """
    m = _AKHIR_LEMBAR.search(isi, max(0, len(isi) - 512))
    # the closing tag found at the end is the only one: none before it (bytes.rfind scans XML several times
    # faster than count or a forward find, whose search gets stuck on XML's many "<")
    if m is None or isi.rfind(b"</" + m.group(1) + b">", mulai, m.start()) != -1:
        raise Tolak(
            f"tidak dapat dibaca: isi lembar '{sheet}' (bagian '{part}') tidak berakhir dengan benar (terpotong, "
            "atau ada isi setelah akhir lembar); berkas rusak atau sengaja dimanipulasi, minta berkas aslinya lagi."
        )


def ukur_lembar(part: str, sheet: str, isi: bytes) -> tuple[bool, list[Potongan] | None]:
    """Measure a worksheet part (already checked by :func:`cek_xml`); refuse it beyond the limits.

    Returns whether it was measured tag by tag (not in the canonical form of the fast path), and the
    sheet's cells (:func:`skpxl.buku.kisi.sel_kanonik`) when every cell of the part is a whole
    canonical cell (the reader then needs no second parse), else None.
    """
    sel = sel_kanonik(isi)
    # In a canonical part whose rows hold no merged area, hyperlink or end of root (each piece knows), those
    # are searched for in the last piece only: the part's tail, not its ≈40 KB of rows.
    mulai = 0
    if sel is not None and len(sel) > 1 and not any(map(_EKOR, sel[:-1])):
        mulai = isi.rfind(b"<row ")
    cek_akhir(part, sheet, isi, mulai)
    u = Ukuran()
    teliti = sel is None and bool(_TAK_BIASA.search(isi) or BERPREFIKS.search(isi))
    if not teliti:
        teliti = not _ukur_cepat(isi, u, mulai)
    if teliti:
        u = Ukuran()
        _ukur_teliti(isi, u)
        sel = None
    _cek_luas(sheet, u)
    return teliti, sel


def _ukur_cepat(isi: bytes, u: Ukuran, mulai: int = 0) -> bool:
    """Canonical form: every cell and row is within A1:Z9999 (259,974 cells ≤ BATAS_SEL); count the areas.

    False when the merged areas are not all in the canonical form (measure exactly instead). ``mulai``: where
    the tags searched for may start (nothing before it holds one).
    """
    # Searches from the end (bytes.rfind is several times faster on XML than a forward find): the block is
    # near the end of the part, after the sheet's rows.
    awal = isi.rfind(b"<mergeCells", mulai)
    if awal == -1:
        if isi.rfind(b"<mergeCell", mulai) != -1:
            return False  # merged areas outside a <mergeCells> block
    else:
        # One <mergeCells> block holding every <mergeCell> tag (none before it, none after it).
        akhir = isi.find(b"</mergeCells>", awal)
        if isi.rfind(b"<mergeCell", mulai, awal) != -1 or akhir == -1 or isi.find(b"<mergeCell", akhir) != -1:
            return False
        hasil = _area_biasa(isi[awal:akhir])
        if hasil is None:
            return False
        u.maks_baris = max(u.maks_baris, hasil[0])
        u.maks_kolom = max(u.maks_kolom, hasil[1])
        u.luas_area += hasil[2]
    if isi.rfind(b"<hyperlink", mulai) != -1:
        for m in _HYPERLINK.finditer(isi, mulai):
            _area_tag(m.group(1), u)
    return True


def _jumlah_area(blok: bytes) -> int:
    """<mergeCell …> tags, however the tag name is followed (a tab or newline included)."""
    return blok.count(b"<mergeCell") - blok.count(b"<mergeCells")


@lru_cache(maxsize=256)
def _area_biasa(blok: bytes) -> tuple[int, int, int] | None:
    """(last row, last column, cells) of canonical merged areas; cached: copies of a template repeat them."""
    area = _AREA_BIASA.findall(blok)
    if len(area) != _jumlah_area(blok):
        return None
    u = Ukuran()
    for k0, r0, k1, r1 in area:
        u.catat_persegi(int(r0), indeks(k0), int(r1), indeks(k1))
    return u.maks_baris, u.maks_kolom, u.luas_area


def _ukur_teliti(isi: bytes, u: Ukuran) -> None:
    """Tag by tag, the way a lenient reader would place the cells (the last of duplicated attributes wins)."""
    for m in _TAG.finditer(isi):
        tag, atr = m.group(1), m.group(2)
        if b"&" in atr:
            atr = lepas_entitas(atr.decode("utf-8", "replace")).encode("utf-8")
        if tag == b"c":
            ref = _ATR_R.findall(atr)
            k, b = ref[-1] if ref else (b"", b"")
            u.kolom = indeks(k[:8]) if k else u.kolom + 1
            if b:
                u.maks_baris = max(u.maks_baris, int(b[:12]))
            u.maks_kolom = max(u.maks_kolom, u.kolom)
        elif tag == b"row":
            ref = _ATR_R.findall(atr)
            b = ref[-1][1] if ref else b""
            u.baris = int(b[:12]) if b else u.baris + 1
            u.kolom = 0
            u.maks_baris = max(u.maks_baris, u.baris)
        else:
            _area_tag(atr, u)
        if u.lewat:
            return


def _area_tag(atr: bytes, u: Ukuran) -> None:
    if b"&" in atr:
        atr = lepas_entitas(atr.decode("utf-8", "replace")).encode("utf-8")
    for ref in _ATR_REF.findall(atr):
        u.catat_area(ref)


def _cek_luas(sheet: str, u: Ukuran) -> None:
    saran = "hapus baris/kolom kosong yang terformat di luar formulir, simpan, lalu coba lagi"
    if u.maks_baris > BATAS_BARIS:
        raise Tolak(
            f"ditolak: lembar '{sheet}' memakai baris {ribuan(u.maks_baris)} (berisi atau terformat), melewati "
            f"batas {ribuan(BATAS_BARIS)} baris per lembar; {saran}."
        )
    if u.maks_kolom > BATAS_KOLOM:
        raise Tolak(
            f"ditolak: lembar '{sheet}' memakai kolom {huruf(u.maks_kolom)} (berisi atau terformat), melewati "
            f"batas {ribuan(BATAS_KOLOM)} kolom per lembar (sampai kolom {huruf(BATAS_KOLOM)}); {saran}."
        )
    if u.maks_baris * u.maks_kolom > BATAS_SEL:
        raise Tolak(
            f"ditolak: rentang terpakai lembar '{sheet}' (A1:{huruf(u.maks_kolom)}{u.maks_baris}) berisi "
            f"{ribuan(u.maks_baris * u.maks_kolom)} sel, melewati batas {ribuan(BATAS_SEL)} sel; {saran}."
        )
    if u.luas_area > BATAS_SEL:
        raise Tolak(
            f"ditolak: sel gabungan dan tautan di lembar '{sheet}' mencakup {ribuan(u.luas_area)} sel, melewati "
            f"batas {ribuan(BATAS_SEL)} sel."
        )


# --------------------------------------------------------------------------- package structure


def atribut(teks: str) -> dict[str, str]:
    """Attributes of one tag (namespace prefixes dropped, entities decoded)."""
    return {k.split(":")[-1]: lepas_entitas(v or w) for k, v, w in _ATRIBUT.findall(teks)}


def lepas_entitas(s: str) -> str:
    """Decode the five XML entities and numeric references (nothing else: no DTD is ever read)."""
    if "&" not in s:
        return s

    def ganti(m: re.Match[str]) -> str:
        k = m.group(1)
        if k.startswith("#"):
            n = int(k[2:], 16) if k.startswith("#x") else int(k[1:])
            return chr(n) if n <= 0x10FFFF else ""
        return _ENTITAS_NAMA[k]

    return _ENTITAS.sub(ganti, s)


def gabung(dasar: str, target: str) -> str:
    """Resolve a relationship target against the folder of the part that owns it."""
    jalur = target.lstrip("/") if target.startswith("/") or not dasar else f"{dasar}/{target}"
    bagian: list[str] = []
    for x in jalur.split("/"):
        if x == "..":
            if bagian:
                bagian.pop()
        elif x not in ("", "."):
            bagian.append(x)
    return "/".join(bagian)


_KECIL = 64 * 1024
"""Parts up to this size are parsed once per process (the same template's parts repeat in every copy)."""


def rels(xml: str, dasar: str) -> tuple[tuple[str, str, str], ...]:
    """(Id, Type, resolved target) of every internal relationship."""
    return _rels_diingat(xml, dasar) if len(xml) <= _KECIL else _rels(xml, dasar)


def _rels(xml: str, dasar: str) -> tuple[tuple[str, str, str], ...]:
    hasil = []
    for atr in _REL.findall(xml):
        if "External" in atr and atribut(atr).get("TargetMode", "").lower() == "external":
            continue
        a = {k: lepas_entitas(v or w) for k, v, w in _ATR_REL.findall(atr)}
        if "Target" in a:
            hasil.append((a.get("Id", ""), a.get("Type", ""), gabung(dasar, a["Target"])))
    return tuple(hasil)


_rels_diingat = lru_cache(maxsize=64)(_rels)


def rels_dari(part: str) -> str:
    folder, _, nama = part.rpartition("/")
    return f"{folder}/_rels/{nama}.rels" if folder else f"_rels/{nama}.rels"


def lembar_buku(buku: str) -> tuple[tuple[str | None, str | None], ...]:
    """(r:id, name) of every <sheet> of the workbook part."""
    return _lembar_diingat(buku) if len(buku) <= _KECIL else _lembar_buku(buku)


def _lembar_buku(buku: str) -> tuple[tuple[str | None, str | None], ...]:
    return tuple((a.get("id"), a.get("name")) for a in map(atribut, _LEMBAR.findall(buku)))


_lembar_diingat = lru_cache(maxsize=64)(_lembar_buku)
