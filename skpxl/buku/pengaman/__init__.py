"""Limits and pre-read checks: refuse an unusable or hostile file before any expensive parse.

:func:`periksa_paket` (a path) and :func:`periksa_data` (bytes) look at a file the way an attacker
would build it and answer with one Indonesian sentence (:class:`~skpxl.core.errors.BerkasTidakTerbaca`)
when it cannot be an skpxl SKP workbook, in this order, each step cheap and bounded:

1. the path: missing, a folder, empty (0 bytes), larger than :data:`BATAS_UKURAN_BERKAS`; the file
   is then read once, and everything after works on those bytes;
2. the signature (:mod:`.arsip`): an OLE/CFB container is a password-protected workbook or a legacy
   ``.xls``; a PDF, a web page, plain text or anything that is not a zip is named as such;
3. the zip directory (:mod:`.arsip`): readable, at most :data:`BATAS_JUMLAH_BAGIAN` parts, no
   zip-level encryption, only the compressions Excel writes, declared sizes within
   :data:`BATAS_UKURAN_BAGIAN` / :data:`BATAS_UKURAN_TOTAL` and ratio within :data:`BATAS_RASIO`;
4. every part inflated once with its output capped before allocation and its CRC checked; every XML
   part refused when it holds a ``<!DOCTYPE``/``<!ENTITY`` or is not ASCII-compatible; every
   worksheet's real extent measured and refused beyond :data:`BATAS_BARIS`, :data:`BATAS_KOLOM` and
   :data:`BATAS_SEL` (:mod:`.pindai`, linear in the size of the part);
5. the template (:mod:`.identitas`): every defined name within the same limits, the skpxl names
   present and ``TEMPLATE_VERSI`` not newer than :data:`skpxl.buku.layout.TEMPLATE_VERSI`.

With ``simpan=True`` the result carries the checked XML parts and the parsed defined names, so the
reader parses exactly the bytes that passed (:meth:`HasilPeriksa.zip_terperiksa`). Nothing is
written and nothing is executed: VBA projects are only counted as bytes.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from skpxl.buku.kisi import Potongan
from skpxl.core.errors import BerkasTidakTerbaca

from .arsip import Arsip, zip_tersimpan
from .batas import (
    BATAS_BAGIAN_INDUK,
    BATAS_BARIS,
    BATAS_JUMLAH_BAGIAN,
    BATAS_KOLOM,
    BATAS_MEMORI_PEKERJA,
    BATAS_RASIO,
    BATAS_SEL,
    BATAS_UKURAN_BAGIAN,
    BATAS_UKURAN_BERKAS,
    BATAS_UKURAN_TOTAL,
    BATAS_WAKTU_BERKAS,
    RASIO_DIPERIKSA_MULAI,
    GiB,
    KiB,
    MiB,
    Tolak,
    WaktuHabis,
    batas_waktu_lunak,
    mb,
    pesan_mati,
    pesan_memori,
    pesan_oserror,
    pesan_waktu_habis,
)
from .identitas import baca_nama, cek_templat_, cek_versi, nilai_sel, rujukan_tunggal
from .pindai import cek_xml, lembar_buku, rels, rels_dari, ukur_lembar

__all__ = [
    "BATAS_BAGIAN_INDUK",
    "BATAS_BARIS",
    "BATAS_JUMLAH_BAGIAN",
    "BATAS_KOLOM",
    "BATAS_MEMORI_PEKERJA",
    "BATAS_RASIO",
    "BATAS_SEL",
    "BATAS_UKURAN_BAGIAN",
    "BATAS_UKURAN_BERKAS",
    "BATAS_UKURAN_TOTAL",
    "BATAS_WAKTU_BERKAS",
    "RASIO_DIPERIKSA_MULAI",
    "GiB",
    "HasilPeriksa",
    "KiB",
    "Lembar",
    "MiB",
    "WaktuHabis",
    "baca_berkas",
    "batas_waktu_lunak",
    "cek_templat",
    "periksa_data",
    "periksa_paket",
    "pesan_mati",
    "pesan_memori",
    "pesan_oserror",
    "pesan_waktu_habis",
]

_TIPE_DOKUMEN = "/officeDocument"
_TIPE_LEMBAR = ("/worksheet", "/macrosheet", "/dialogsheet", "/chartsheet")
_TIPE_STRING = "/sharedStrings"
_TIPE_GAYA = "/styles"
_NAMA_TEMPLAT = ("TEMPLATE_ID", "TEMPLATE_VERSI", "PAKET_ATURAN_ID")


@dataclass(frozen=True)
class Lembar:
    """One worksheet that was measured and found within the limits."""

    nama: str
    bagian: str
    teliti: bool  # measured tag by tag (not in the canonical form of the fast path)
    # The cells, when all are whole canonical cells (kisi.sel_kanonik; kept only with simpan=True).
    sel: list[Potongan] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class HasilPeriksa:
    """What the check learned about a usable file."""

    nama: str  # the file name, for messages
    template_id: str | None
    template_versi: str | None
    ada_tabel: bool  # the defined name TABEL_HASIL_KERJA (what the skpxl reader needs)
    jumlah_bagian: int
    ukuran_terurai: int  # inflated bytes of all parts
    lembar: tuple[Lembar, ...] = ()
    ada_vba: bool = False  # a VBA project is present (kept as bytes, never run)
    paket_id: str | None = None  # PAKET_ATURAN_ID of the metadata sheet: which rule pack the workbook is for
    # With simpan=True: workbook-scoped names that point to one area (sheet, "A1:C5"), and the checked
    # XML parts (inflated), in file order.
    nama_area: Mapping[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    bagian: Mapping[str, bytes] | None = field(default=None, repr=False, compare=False)
    # The parts the reader needs besides the sheets: workbook, shared strings, styles ("" when absent).
    bagian_buku: str = ""
    bagian_string: str = ""
    bagian_gaya: str = ""

    def zip_terperiksa(self) -> bytes:
        """The checked XML parts as a stored zip, for the reader (raises when the check kept no parts)."""
        if self.bagian is None:
            raise ValueError("periksa_paket(simpan=True) keeps the parts")
        return zip_tersimpan(self.bagian)


def cek_templat(hasil: HasilPeriksa) -> None:
    """Raise :class:`BerkasTidakTerbaca` unless the checked file is an skpxl SKP form (PermenPANRB 6/2022)."""
    try:
        cek_templat_(hasil.template_id, hasil.ada_tabel)
    except Tolak as e:
        raise BerkasTidakTerbaca(f"Berkas '{hasil.nama}' {e.kalimat}") from None


def periksa_paket(path: str | os.PathLike[str], *, templat: bool = True, simpan: bool = False) -> HasilPeriksa:
    """Check ``path`` before reading it; raise :class:`BerkasTidakTerbaca` with one Indonesian sentence.

    ``templat=False`` checks only that the workbook is not from a newer skpxl template; the caller
    decides about the template with :func:`cek_templat` (the CLI also reads legacy layouts).
    ``simpan=True`` keeps the checked parts in the result for the reader.
    """
    return periksa_data(baca_berkas(path), Path(path).name, templat=templat, simpan=simpan)


def baca_berkas(path: str | os.PathLike[str]) -> bytes:
    """A workbook file's bytes, read once after the path checks (missing, folder, not a regular file,
    empty, larger than :data:`BATAS_UKURAN_BERKAS`); :class:`BerkasTidakTerbaca` otherwise."""
    p = Path(path)
    nama = p.name
    try:
        st = os.stat(p)
        _cek_berkas(nama, st)  # before open(): opening a FIFO would block
        with open(p, "rb") as f:
            # read() allocates what it is asked for up front: ask for the size seen (+1 byte to notice growth),
            # then, only for a file that grew since stat, for the rest up to the limit
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(BATAS_UKURAN_BERKAS + 1 - len(data))
    except OSError as e:
        raise BerkasTidakTerbaca(pesan_oserror(str(p) if isinstance(e, FileNotFoundError) else nama, e)) from e
    _cek_ukuran_berkas(nama, len(data))
    return data


def _cek_berkas(nama: str, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise BerkasTidakTerbaca(f"'{nama}' adalah folder, bukan berkas Excel.")
    if not stat.S_ISREG(st.st_mode):
        raise BerkasTidakTerbaca(f"'{nama}' bukan berkas biasa (mungkin perangkat atau pipa), bukan buku kerja Excel.")
    if st.st_size == 0:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' kosong (0 bita), bukan buku kerja Excel; salin ulang dari berkas aslinya."
        )
    _cek_ukuran_berkas(nama, st.st_size)


def _cek_ukuran_berkas(nama: str, ukuran: int) -> None:
    if ukuran > BATAS_UKURAN_BERKAS:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' berukuran {mb(ukuran)} MB, melebihi batas {mb(BATAS_UKURAN_BERKAS)} MB "
            "untuk satu formulir SKP."
        )


def periksa_data(data: bytes, nama: str, *, templat: bool = True, simpan: bool = False) -> HasilPeriksa:
    """:func:`periksa_paket` for a workbook already in memory (``nama``: its file name, for messages)."""
    if not data:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' kosong (0 bita), bukan buku kerja Excel; salin ulang dari berkas aslinya."
        )
    _cek_ukuran_berkas(nama, len(data))
    try:
        arsip = Arsip(data, Path(nama).suffix.lower())
        hasil = _isi(arsip, nama, templat, simpan)
        arsip.cek_akhiran()
        return hasil
    except Tolak as e:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' {e.kalimat}") from None


def _xml_kecil(arsip: Arsip, part: str) -> bytes:
    i = arsip.info[part]
    if i.file_size > BATAS_BAGIAN_INDUK:
        raise Tolak(
            f"ditolak: bagian '{part}' berukuran {mb(i.file_size)} MB, melebihi batas "
            f"{mb(BATAS_BAGIAN_INDUK)} MB untuk bagian itu."
        )
    isi = arsip.buka(part)
    cek_xml(part, isi)
    return isi


def _isi(arsip: Arsip, nama: str, templat: bool, simpan: bool) -> HasilPeriksa:
    info = arsip.info
    kept: dict[str, bytes] = {}
    # 1. package relationships → the workbook part
    rels_paket = _xml_kecil(arsip, "_rels/.rels") if "_rels/.rels" in info else b""
    kept["_rels/.rels"] = rels_paket
    bagian_buku = next(
        (t for _, tipe, t in rels(rels_paket.decode("utf-8", "replace"), "") if tipe.endswith(_TIPE_DOKUMEN)),
        "xl/workbook.xml",
    )
    if bagian_buku not in info or bagian_buku.startswith(("word/", "ppt/")) or bagian_buku.endswith(".bin"):
        raise _tanpa_buku_kerja(set(info))  # .bin: an .xlsb (binary workbook) renamed .xlsx
    # 2. the workbook part and its relationships → sheets, names, shared strings
    buku_b = _xml_kecil(arsip, bagian_buku)
    kept[bagian_buku] = buku_b
    buku = buku_b.decode("utf-8", "replace")
    folder = bagian_buku.rpartition("/")[0]
    rels_buku_part = rels_dari(bagian_buku)
    rels_buku: tuple[tuple[str, str, str], ...] = ()
    if rels_buku_part in info:
        kept[rels_buku_part] = _xml_kecil(arsip, rels_buku_part)
        rels_buku = rels(kept[rels_buku_part].decode("utf-8", "replace"), folder)
    target = {rid: (tipe, t) for rid, tipe, t in rels_buku}
    lembar: dict[str, str] = {}  # part → sheet name
    for rid, sheet in lembar_buku(buku):
        if rid in target and target[rid][0].endswith(_TIPE_LEMBAR):
            lembar.setdefault(target[rid][1], sheet if sheet is not None else target[rid][1])
    for part in info:  # sheets not reached through relationships are still measured
        if part.startswith(f"{folder}/worksheets/") and part.endswith(".xml"):
            lembar.setdefault(part, part.rsplit("/", 1)[-1])
    arsip.nama_lembar = lembar
    formula, area, pelanggaran = baca_nama(buku)
    if pelanggaran is not None:
        raise Tolak(pelanggaran)
    bagian_string = next((t for _, tipe, t in rels_buku if tipe.endswith(_TIPE_STRING)), None)
    bagian_gaya = next((t for _, tipe, t in rels_buku if tipe.endswith(_TIPE_GAYA)), "")
    rujukan = {n: rujukan_tunggal(formula.get(n)) for n in _NAMA_TEMPLAT}
    lembar_templat = {r[0] for r in rujukan.values() if r is not None}
    # 3. every other part once, in file order; XML parts kept when asked (and those the identity needs)
    diukur: list[Lembar] = []
    for part in sorted(info, key=lambda n: info[n].header_offset):
        if part in ("_rels/.rels", bagian_buku, rels_buku_part):
            continue
        isi = arsip.buka(part)
        xml = cek_xml(part, isi)
        if part in lembar:
            teliti, sel = ukur_lembar(part, lembar[part], isi)
            diukur.append(Lembar(lembar[part], part, teliti, sel if simpan else None))
        if (simpan and xml) or part == bagian_string or lembar.get(part) in lembar_templat:
            kept[part] = isi
    ada_vba = any(n.lower().endswith("vbaproject.bin") for n in info)
    # 4. the template
    bagian_lembar = {v: k for k, v in lembar.items()}
    strings = kept.get(bagian_string or "", b"")

    def nilai(n: str) -> str | None:
        r = rujukan[n]
        if r is None:
            return None
        return nilai_sel(kept.get(bagian_lembar.get(r[0], ""), b""), r[1], strings)

    tid, tversi, paket = nilai("TEMPLATE_ID"), nilai("TEMPLATE_VERSI"), nilai("PAKET_ATURAN_ID")
    cek_versi(tid, tversi)
    if templat:
        cek_templat_(tid, "TABEL_HASIL_KERJA" in formula)
    return HasilPeriksa(
        nama, tid, tversi, "TABEL_HASIL_KERJA" in formula, len(info), arsip.total, tuple(diukur), ada_vba, paket,
        area if simpan else {}, _urut(kept, info) if simpan else None, bagian_buku, bagian_string or "",
        bagian_gaya,
    )  # fmt: skip


def _urut(kept: dict[str, bytes], info: Mapping[str, object]) -> dict[str, bytes]:
    """[Content_Types].xml first (as Excel writes it), then the rest."""
    awal = {k: kept[k] for k in ("[Content_Types].xml",) if k in kept}
    awal.update((k, v) for k, v in kept.items() if k in info and k not in awal)
    return awal


def _tanpa_buku_kerja(nama: set[str]) -> Tolak:
    if any(n.endswith("workbook.bin") for n in nama):
        return Tolak("berformat Excel biner (.xlsb); buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As).")
    if "word/document.xml" in nama:
        return Tolak("tidak dapat dibaca: isinya dokumen Word (.docx), bukan buku kerja Excel (.xlsx/.xlsm).")
    if "ppt/presentation.xml" in nama:
        return Tolak("tidak dapat dibaca: isinya presentasi PowerPoint, bukan buku kerja Excel (.xlsx/.xlsm).")
    return Tolak(
        "tidak dapat dibaca: paket Office tanpa bagian buku kerja (xl/workbook.xml); berkasnya rusak atau bukan "
        "buku kerja Excel."
    )
