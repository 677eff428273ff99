"""Template identity: the workbook's defined names (bounded before any reader uses them), which template and
version it comes from, and which rule pack it is for. Regular expressions on small parts, linear in their size."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from skpxl.buku.kisi import daftar_si
from skpxl.buku.layout import TEMPLATE_ID, TEMPLATE_VERSI, urai_rentang, urai_rujukan_excel

from .batas import BATAS_BARIS, BATAS_KOLOM, BATAS_SEL, Tolak, huruf, ribuan
from .pindai import atribut, lepas_entitas

__all__ = ["NamaBuku", "baca_nama", "cek_templat_", "cek_versi", "nilai_sel", "rujukan_tunggal"]

_NAMA_XML = re.compile(r"<(?:\w++:)?definedName\b([^<>]*+)>([^<]*+)</(?:\w++:)?definedName>")
_SEL_TAG = re.compile(rb"<(?:[\w.-]++:)?c\s")
_TUTUP_SEL = re.compile(rb"/>|</(?:[\w.-]++:)?c>")
_SEL_XML = re.compile(r"<(?:[\w.-]++:)?c\b([^<>]*?)(?:/>|>(.*)</(?:[\w.-]++:)?c>)", re.DOTALL)
_V = re.compile(r"<(?:\w++:)?v(?:\s[^<>]*+)?>([^<]*+)</(?:\w++:)?v>")
_TEKS = re.compile(r"<(?:\w++:)?t(?:\s[^<>]*+)?>([^<]*+)</(?:\w++:)?t>")
_AWAL_RPH = re.compile(r"<(?:\w++:)?rPh\b")
_TUTUP_RPH = re.compile(r"</(?:\w++:)?rPh>")
_AWAL_SI = re.compile(rb"<(?:\w++:)?si[\s/>]")
_TUTUP_SI = re.compile(rb"</(?:\w++:)?si>")
_VERSI = re.compile(r"\d+(?:\.\d+)*")


class NamaBuku(NamedTuple):
    """The workbook's defined names, read once per distinct workbook part."""

    formula: Mapping[str, str]  # every workbook-scoped name → its formula
    area: Mapping[str, tuple[str, str]]  # names that point to one area → (sheet, "A1:C5")
    pelanggaran: str | None  # the refusal when an area lies beyond the limits


@lru_cache(maxsize=64)
def baca_nama(buku: str) -> NamaBuku:
    """The workbook-scoped defined names of a workbook part (read-only mappings).

    The first of duplicated names wins, for the check and the reader alike. Cached: a batch reads
    copies of one template, whose workbook parts are equal.
    """
    formula: dict[str, str] = {}
    area: dict[str, tuple[str, str]] = {}
    for atr, isi in _NAMA_XML.findall(buku):
        a = atribut(atr)
        nama = a.get("name", "")
        if not nama or "localSheetId" in a or nama in formula:
            continue
        teks = lepas_entitas(isi).strip()
        formula[nama] = teks
        if nama.startswith("_xlnm."):
            continue
        try:
            urai = urai_rujukan_excel(teks)
        except ValueError:
            urai = None
        if urai is not None:
            area[nama] = urai
    return NamaBuku(MappingProxyType(formula), MappingProxyType(area), _pelanggaran(area))


def _pelanggaran(area: Mapping[str, tuple[str, str]]) -> str | None:
    """Every area a reader may build from a defined name stays within the sheet and cell limits.

    A name over ``SKP!$A$1:$XFD$1048576`` would make a reader allocate 17 billion cells: refused before
    any reader sees it.
    """
    for nama, (lembar, ref) in area.items():
        r0, c0, r1, c1 = urai_rentang(ref)
        sel = (r1 - r0 + 1) * (c1 - c0 + 1)
        if r1 + 1 > BATAS_BARIS or c1 + 1 > BATAS_KOLOM or sel > BATAS_SEL:
            return (
                f"ditolak: nama '{nama}' menunjuk ke {lembar}!{ref} ({ribuan(sel)} sel), di luar batas "
                f"{ribuan(BATAS_BARIS)} baris, {ribuan(BATAS_KOLOM)} kolom (sampai kolom {huruf(BATAS_KOLOM)}) dan "
                f"{ribuan(BATAS_SEL)} sel yang dibaca skpxl; berkas rusak atau sengaja dimanipulasi."
            )
    return None


def rujukan_tunggal(teks: str | None) -> tuple[str, str] | None:
    """(sheet, cell) of a name that points to one cell."""
    if not teks:
        return None
    try:
        urai = urai_rujukan_excel(teks)
    except ValueError:
        return None
    if urai is None or ":" in urai[1]:
        return None
    return urai


def nilai_sel(xml: bytes, ref: str | None, strings: bytes) -> str | None:
    """The shown text of one cell of a sheet part (regular expressions; no entity expansion; linear)."""
    if not xml or not ref:
        return None
    kunci = f' r="{ref}"'.encode("ascii", "replace")
    # The first occurrence inside a <c …> tag. Each backward look stops at the previous occurrence, so
    # the search reads the part once however often the key repeats.
    awal = -1
    batas = 0
    pos = xml.find(kunci)
    while pos != -1:
        lt = xml.rfind(b"<", batas, pos)
        if lt != -1 and _SEL_TAG.match(xml, lt) and xml.find(b">", lt, pos) == -1:
            awal = lt
            break
        batas = pos
        pos = xml.find(kunci, pos + 1)
    if awal == -1:
        return None
    tutup = _TUTUP_SEL.search(xml, awal)
    if tutup is None:
        return None
    m2 = _SEL_XML.match(xml[awal : tutup.end()].decode("utf-8", "replace"))
    if m2 is None:
        return None
    tipe = atribut(m2.group(1)).get("t", "n")
    isi = m2.group(2) or ""
    if tipe == "inlineStr":
        return _teks_si(isi)
    v = _V.search(isi)
    if v is None:
        return None
    nilai = lepas_entitas(v.group(1)).strip()
    if tipe != "s":
        return nilai or None
    if not nilai.isdigit() or not strings or len(nilai) > 9:
        return None
    return _teks_item(strings, int(nilai))


def _teks_item(strings: bytes, n: int) -> str | None:
    """The text of shared string ``n`` (0-based); every search resumes after the last."""
    items = daftar_si(strings)  # a plain table (every file from Excel): split once per file, shared with the reader
    if items is not None:
        return _teks_si(items[n].decode("utf-8", "replace")) if n < len(items) else None
    if b":si" not in strings and b"<si " not in strings and b"<si/" not in strings:
        bagian = strings.split(b"<si>", n + 1)  # plain <si>…</si> items, as Excel writes them: one C call
        if len(bagian) <= n + 1:
            return None
        akhir = bagian[n + 1].find(b"</si>")
        return None if akhir == -1 else _teks_si(bagian[n + 1][:akhir].decode("utf-8", "replace"))
    awal_si = next(itertools.islice(_AWAL_SI.finditer(strings), n, None), None)
    if awal_si is None:
        return None
    akhir_tag = strings.find(b">", awal_si.start())
    if akhir_tag == -1 or strings[akhir_tag - 1 : akhir_tag] == b"/":
        return None  # <si/>: an empty item
    tutup_si = _TUTUP_SI.search(strings, akhir_tag)
    if tutup_si is None:
        return None
    return _teks_si(strings[akhir_tag + 1 : tutup_si.start()].decode("utf-8", "replace"))


def _tanpa_rph(s: str) -> str:
    """Phonetic runs left out; each search resumes after the last, so unclosed runs cost one pass."""
    if "rPh" not in s:
        return s
    hasil: list[str] = []
    i = 0
    while (m := _AWAL_RPH.search(s, i)) is not None:
        t = _TUTUP_RPH.search(s, m.end())
        if t is None:
            break
        hasil.append(s[i : m.start()])
        i = t.end()
    hasil.append(s[i:])
    return "".join(hasil)


def _teks_si(isi: str) -> str | None:
    """The text of a rich or plain string item (phonetic runs left out)."""
    return lepas_entitas("".join(_TEKS.findall(_tanpa_rph(isi)))).strip() or None


def cek_templat_(template_id: str | None, ada_tabel: bool) -> None:
    """Refuse unless the workbook is an skpxl SKP form (PermenPANRB 6/2022)."""
    tid = template_id
    if tid is not None and tid != TEMPLATE_ID:
        if tid.upper().startswith("SKP-LAMA"):
            raise Tolak(
                f"memakai templat SKP lama ({tid}), bukan templat SKP PermenPANRB 6/2022 skpxl ('{TEMPLATE_ID}') "
                "yang dibaca di sini."
            )
        raise Tolak(
            f"memakai templat '{tid}', bukan templat SKP skpxl ('{TEMPLATE_ID}'); salin isiannya ke templat "
            "SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )
    if not ada_tabel:
        raise Tolak(
            "bukan formulir SKP dari templat skpxl (nama-nama sel templat, mis. TABEL_HASIL_KERJA, tidak "
            "ditemukan); salin isiannya ke templat SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )


def cek_versi(template_id: str | None, versi: str | None) -> None:
    """A workbook from a newer skpxl template (same template id, higher TEMPLATE_VERSI) is refused."""
    if template_id not in (None, TEMPLATE_ID) or versi is None:
        return
    if len(versi) > 32:  # no template version is this long; int() of thousands of digits would fail anyway
        raise Tolak(
            f"memuat nomor versi templat yang tidak wajar ({ribuan(len(versi))} karakter); berkasnya rusak atau "
            "dimanipulasi. Salin isiannya ke templat SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )
    if (
        _VERSI.fullmatch(versi)
        and _VERSI.fullmatch(TEMPLATE_VERSI)
        and _urai_versi(versi) > _urai_versi(TEMPLATE_VERSI)
    ):
        raise Tolak(
            f"dibuat dengan templat SKP versi {versi}, lebih baru daripada yang dikenal skpxl ini (versi "
            f"{TEMPLATE_VERSI}); perbarui skpxl (pip install -U skpxl) lalu coba lagi."
        )


def _urai_versi(v: str) -> tuple[int, ...]:
    angka = [int(x) for x in v.split(".")]
    while len(angka) > 1 and angka[-1] == 0:
        angka.pop()
    return tuple(angka)
