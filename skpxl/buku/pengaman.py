"""Limits and pre-read checks: refuse an unusable or hostile file before any expensive parse.

:func:`periksa_paket` looks at a file the way an attacker would build it and answers with one
Indonesian sentence (:class:`~skpxl.core.errors.BerkasTidakTerbaca`) when it cannot be an skpxl SKP
workbook, in this order, each step cheap and bounded:

1. the path: missing, a folder, empty (0 bytes), larger than :data:`BATAS_UKURAN_BERKAS`;
2. the signature: an OLE/CFB container is a password-protected workbook (``EncryptionInfo``
   stream) or a legacy ``.xls``; a PDF, a web page, plain text or anything that is not a zip is
   named as such;
3. the zip directory: readable (a truncated copy has none), at most :data:`BATAS_JUMLAH_BAGIAN`
   parts, no zip-level encryption, only the compressions Excel writes, declared sizes within
   :data:`BATAS_UKURAN_BAGIAN` / :data:`BATAS_UKURAN_TOTAL` and compression ratio within
   :data:`BATAS_RASIO`, the package parts of a workbook present (OpenDocument, ``.xlsb`` and Word
   files are named);
4. every part is inflated as a stream straight from the file, never trusting the declared sizes:
   inflation stops as soon as a part outgrows its declared size or a limit, and the CRC is checked;
   every XML part is refused when it holds a ``<!DOCTYPE`` or ``<!ENTITY`` (no Excel file has one,
   so no parser downstream ever sees an entity to expand) or is not in an ASCII-compatible
   encoding; every worksheet's real extent (rows, columns, cells, merged and hyperlinked areas) is
   measured while streaming and refused beyond :data:`BATAS_BARIS`, :data:`BATAS_KOLOM` and
   :data:`BATAS_SEL`;
5. the template: the skpxl defined names must be there (an ordinary workbook, or a legacy or
   foreign template, is named as such) and the metadata ``TEMPLATE_VERSI`` must not be newer
   than :data:`skpxl.buku.layout.TEMPLATE_VERSI`.

Nothing is written and nothing is executed: VBA projects are only counted as bytes.
The check costs about 1.5 ms on an example workbook (see ``docs/jaminan.md``).
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import signal
import stat
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from skpxl.buku.layout import TEMPLATE_ID, TEMPLATE_VERSI, urai_rujukan_excel
from skpxl.core.errors import BerkasTidakTerbaca

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
    "HasilPeriksa",
    "WaktuHabis",
    "batas_waktu_lunak",
    "cek_templat",
    "periksa_paket",
    "pesan_mati",
    "pesan_memori",
    "pesan_oserror",
    "pesan_waktu_habis",
]

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

# --------------------------------------------------------------------------- limits (docs/jaminan.md)

BATAS_UKURAN_BERKAS = 20 * MiB
"""A file on disk larger than this is refused (an SKP workbook is about 50 KB)."""
BATAS_JUMLAH_BAGIAN = 1_000
"""Parts (zip entries) in one workbook; the template has 17 to 33."""
BATAS_UKURAN_BAGIAN = 32 * MiB
"""Inflated size of one part (a worksheet of the template is about 50 KB)."""
BATAS_UKURAN_TOTAL = 128 * MiB
"""Inflated size of all parts together."""
BATAS_RASIO = 100
"""Compression ratio (inflated : compressed) of a part of at least :data:`RASIO_DIPERIKSA_MULAI`."""
RASIO_DIPERIKSA_MULAI = 1 * MiB
BATAS_BAGIAN_INDUK = 8 * MiB
"""workbook.xml and its relationships (kept in memory to read the names) must be smaller than this."""
BATAS_BARIS = 10_000
"""Last row of any worksheet's used range (cells, merged areas, hyperlinks); Excel allows 1,048,576. An SKP form
has hundreds of rows (the template: 92). Not below 9,999: the fast measure admits cells up to Z9999 unmeasured."""
BATAS_KOLOM = 200
"""Last column of any worksheet's used range (GR); Excel allows 16,384 (XFD)."""
BATAS_SEL = 300_000
"""Cells in the rectangle A1:last cell of one worksheet, and in its merged/hyperlinked areas together. A form uses
about 1,000; reading 300,000 stays well inside the 30 s / 1.5 GB worker limits. Not below 259,974 (A1:Z9999, what
the fast measure admits unmeasured)."""
BATAS_WAKTU_BERKAS = 30.0
"""Seconds one file may take in the batch (read, validate, compute) before it is given up."""
BATAS_MEMORI_PEKERJA = 1536 * MiB
"""Address space a batch worker may add to what it had at start (Linux, ``RLIMIT_AS``)."""

# --------------------------------------------------------------------------- patterns

_CFB = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP = b"PK\x03\x04"
_ZIP_KOSONG = b"PK\x05\x06"
_POTONGAN = 1 * MiB  # inflated bytes handled at once
_BACA = 256 * KiB  # compressed bytes read at once

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ENKODE = re.compile(rb"""<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_ENKODE_BOLEH = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1", "windows-1252"})
# Worksheet extent. Fast path: one regular expression finds the first <c>/<row> that is not in the
# canonical form Excel, LibreOffice, openpyxl and XlsxWriter write (unprefixed, r="..." first and only,
# column A-Z, row 1-9999, plain attributes); a worksheet without one is within every limit. Otherwise
# the part is measured exactly, tag by tag, the way a lenient reader would place the cells (a lenient
# reader takes the last of duplicated attributes).
_ATR_BIASA = rb'(?:\s+[a-qs-zA-Z_][\w:.-]*="[^"<>&]*")*\s*/?>'
_TAK_BIASA = re.compile(
    rb'<(?:c(?! r="[A-Z]?[0-9]{1,4}"(?: s="[0-9]{1,6}")?(?: t="[a-zA-Z]{1,9}")?/?>)[\s>/]'
    rb'|row(?! r="[0-9]{1,4}"' + _ATR_BIASA + rb")[\s>/]"
    rb"|!)"  # a comment, CDATA or DTD: never in Excel's worksheets; the exact pass refuses a DTD
)
_BERPREFIKS = re.compile(rb":(?:c|row|mergeCell|hyperlink)[\s>/]")
_AREA_BIASA = re.compile(rb'<mergeCell ref="([A-Z]{1,2})([0-9]{1,6}):([A-Z]{1,2})([0-9]{1,6})"/>')
_TAG = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|hyperlink)(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATR_R = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']\s*([A-Za-z]*)([0-9]*)""")
_ATR_REF = re.compile(rb"""(?<![\w:.-])ref\s*=\s*["']([^"']*)["']""")
_SEL_A1 = re.compile(r"([A-Za-z]*)([0-9]*)")
_BARIS_EXCEL, _KOLOM_EXCEL = 1_048_576, 16_384
# Package structure (regular expressions on small parts: no DTD, no entity expansion).
_REL = re.compile(r"<(?:\w+:)?Relationship\b([^>]*?)/?>")
_ATRIBUT = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ATR_REL = re.compile(r"""(?<![\w:.-])(Id|Type|Target)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LEMBAR = re.compile(r"<(?:\w+:)?sheet\b([^>]*?)/?>")
_ENTITAS = re.compile(r"&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);")
_ENTITAS_NAMA = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TEKS = re.compile(r"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.DOTALL)
_SI = re.compile(rb"<(?:\w+:)?si\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?si>)", re.DOTALL)
_NAMA_XML = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>", re.DOTALL)
_AWAL_SI = re.compile(rb"<(?:\w+:)?si[\s/>]")
_AWAL_SEL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_TUTUP_SEL = re.compile(rb"/>|</(?:[\w.-]+:)?c>")
_SEL_XML = re.compile(r"<(?:[\w.-]+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c>)", re.DOTALL)
_RPH = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.DOTALL)
_V = re.compile(r"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.DOTALL)
_VERSI = re.compile(r"\d+(?:\.\d+)*")

_AKHIRAN_ASING = frozenset({".xls", ".xlsb", ".ods", ".csv", ".xml", ".htm", ".html", ".pdf", ".txt"})
_TIPE_DOKUMEN = "/officeDocument"
_TIPE_LEMBAR = ("/worksheet", "/macrosheet", "/dialogsheet", "/chartsheet")
_TIPE_STRING = "/sharedStrings"


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return _ribuan(round(n / MiB)) if n >= MiB else f"{n / MiB:.1f}".replace(".", ",")


def _huruf(k: int) -> str:
    s = ""
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


def _indeks(huruf: bytes | str) -> int:
    if isinstance(huruf, bytes) and (k := _INDEKS.get(huruf)) is not None:
        return k
    k = 0
    for ch in huruf.upper() if isinstance(huruf, str) else huruf.upper().decode("ascii"):
        k = k * 26 + ord(ch) - 64
    return k


_INDEKS = {_huruf(k).encode("ascii"): k for k in range(1, 703)}  # A..ZZ

# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class Lembar:
    """One worksheet that was measured and found within the limits."""

    nama: str
    bagian: str
    teliti: bool  # measured tag by tag (not in the canonical form of the fast path)


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


class _Tolak(Exception):
    """Internal: a refusal sentence without the file name yet."""

    def __init__(self, kalimat: str) -> None:
        super().__init__(kalimat)
        self.kalimat = kalimat


class _Teliti(Exception):
    """Internal: the fast worksheet measure met something unusual; measure the part exactly."""


def pesan_oserror(nama: str, e: OSError) -> str:
    """One Indonesian sentence for an OS error while opening/reading ``nama``."""
    kode = e.errno
    if isinstance(e, FileNotFoundError) or kode == errno.ENOENT:
        return f"Berkas '{nama}' tidak ditemukan (mungkin sudah dipindahkan atau dihapus)."
    if isinstance(e, IsADirectoryError) or kode == errno.EISDIR:
        return f"'{nama}' adalah folder, bukan berkas Excel."
    if isinstance(e, PermissionError) or kode in (errno.EACCES, errno.EPERM):
        return (
            f"Berkas '{nama}' tidak dapat dibaca: akses ditolak (izin berkas, atau berkas sedang dikunci program lain)."
        )
    if kode == errno.EIO:
        return f"Berkas '{nama}' tidak dapat dibaca: terjadi kesalahan baca pada disk atau flash disk."
    sebab = e.strerror or type(e).__name__
    return f"Berkas '{nama}' tidak dapat dibaca: {sebab}."


def pesan_waktu_habis(nama: str, detik: float) -> str:
    return (
        f"Berkas '{nama}' ditolak: pemrosesannya melebihi batas waktu {detik:g} detik per berkas (berkas mungkin "
        "rusak, sangat besar, atau sengaja dibuat untuk memperlambat)."
    )


def pesan_memori(nama: str) -> str:
    return (
        f"Berkas '{nama}' ditolak: membacanya membutuhkan memori melebihi batas per proses "
        f"({_ribuan(BATAS_MEMORI_PEKERJA // MiB)} MB); berkas mungkin rusak atau sengaja dimanipulasi."
    )


def pesan_mati(nama: str, kode: int | None) -> str:
    return (
        f"Berkas '{nama}' tidak dapat diproses: proses pembacanya berhenti mendadak (kode keluar {kode}), biasanya "
        "karena kehabisan memori; berkas mungkin rusak atau sengaja dimanipulasi."
    )


# --------------------------------------------------------------------------- time limit


class WaktuHabis(BaseException):  # a BaseException, so no "except Exception" in a reader swallows it
    """Raised by :func:`batas_waktu_lunak` when the time is up."""


@contextlib.contextmanager
def batas_waktu_lunak(detik: float | None) -> Iterator[None]:
    """Raise :class:`WaktuHabis` in the block after ``detik`` seconds (POSIX, main thread; else no limit).

    The soft limit interrupts Python code only: native code (a Rust or C reader) is interrupted when
    it returns. The batch's worker processes therefore also have a hard limit, enforced by their
    parent (:mod:`skpxl.batch.pengawas`), which works on Windows too. The limit is not set when a
    timer is already running (someone else's, e.g. a test runner's).
    """
    if (
        not detik
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return

    def picu(signum: int, frame: FrameType | None) -> None:
        raise WaktuHabis

    lama = signal.signal(signal.SIGALRM, picu)
    signal.setitimer(signal.ITIMER_REAL, detik)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, lama if lama is not None else signal.SIG_DFL)


# --------------------------------------------------------------------------- entry point


def periksa_paket(path: str | os.PathLike[str], *, templat: bool = True) -> HasilPeriksa:
    """Check ``path`` before reading it; raise :class:`BerkasTidakTerbaca` with one Indonesian sentence.

    ``templat=False`` checks only that the workbook is not from a newer skpxl template; the caller
    decides about the template with :func:`cek_templat` (the CLI also reads legacy layouts).
    """
    p = Path(path)
    nama = p.name
    try:
        st = os.stat(p)
    except OSError as e:
        raise BerkasTidakTerbaca(pesan_oserror(str(p) if isinstance(e, FileNotFoundError) else nama, e)) from e
    if stat.S_ISDIR(st.st_mode):
        raise BerkasTidakTerbaca(f"'{nama}' adalah folder, bukan berkas Excel.")
    if not stat.S_ISREG(st.st_mode):
        raise BerkasTidakTerbaca(f"'{nama}' bukan berkas biasa (mungkin perangkat atau pipa), bukan buku kerja Excel.")
    if st.st_size == 0:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' kosong (0 bita), bukan buku kerja Excel; salin ulang dari berkas aslinya."
        )
    if st.st_size > BATAS_UKURAN_BERKAS:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' berukuran {_mb(st.st_size)} MB, melebihi batas {_mb(BATAS_UKURAN_BERKAS)} MB "
            "untuk satu formulir SKP."
        )
    try:
        with open(p, "rb") as f:
            return _Paket(f, nama, p.suffix.lower(), templat).periksa()
    except _Tolak as e:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' {e.kalimat}") from None
    except OSError as e:
        raise BerkasTidakTerbaca(pesan_oserror(nama, e)) from e


# --------------------------------------------------------------------------- signatures


def _tolak_bukan_zip(kepala: bytes, f: BinaryIO, akhiran: str) -> _Tolak:
    contoh = kepala + f.read(4096)
    isi = contoh.lstrip(b"\xef\xbb\xbf \t\r\n")
    bukan = "bukan buku kerja Excel (.xlsx/.xlsm)"
    if contoh.startswith(b"%PDF"):
        return _Tolak(f"tidak dapat dibaca: isinya dokumen PDF, {bukan}.")
    if contoh.startswith((b"\x09\x08", b"\x09\x04", b"\x09\x02")):
        return _Tolak("berformat Excel lama (BIFF); buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As).")
    if contoh.startswith(b"{\\rtf"):
        return _Tolak(f"tidak dapat dibaca: isinya dokumen RTF, {bukan}.")
    if contoh.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8")):
        return _Tolak(f"tidak dapat dibaca: isinya gambar, {bukan}.")
    if isi[:1] == b"<":
        return _Tolak(
            f"tidak dapat dibaca: isinya halaman web atau XML, {bukan}; buka di Excel lalu simpan sebagai .xlsx."
        )
    if contoh.startswith((b"PK\x07\x08", b"PK")):
        return _Tolak(
            "tidak dapat dibaca: berkasnya rusak atau terpotong (mungkin belum selesai disalin atau diunduh); "
            "minta berkas aslinya lagi."
        )
    try:
        teks = contoh.decode("utf-8")
    except UnicodeDecodeError:
        teks = contoh[:-4].decode("utf-8", "replace") if len(contoh) > 4 else ""
        if "\ufffd" in teks:
            teks = ""
    if teks and sum(ch.isprintable() or ch in "\r\n\t" for ch in teks) >= 0.95 * len(teks):
        jenis = "teks berpemisah (CSV)" if akhiran == ".csv" or teks.count(";") + teks.count(",") > 3 else "teks biasa"
        return _Tolak(f"tidak dapat dibaca: isinya {jenis}, {bukan}.")
    return _Tolak(f"tidak dapat dibaca: isinya {bukan}.")


def _tolak_cfb(f: BinaryIO, akhiran: str) -> _Tolak:
    """An OLE compound file: encrypted OOXML, legacy .xls, or another legacy Office document."""
    f.seek(0)
    nama: set[str] = set()
    dicari = {
        "enkripsi": ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le")),
        "xls": ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le")),
        "word": ("WordDocument".encode("utf-16-le"),),
        "ppt": ("PowerPoint Document".encode("utf-16-le"),),
    }
    ekor = b""
    while potong := f.read(_POTONGAN):
        blok = ekor + potong
        for jenis, pola in dicari.items():
            if any(x in blok for x in pola):
                nama.add(jenis)
        ekor = blok[-64:]
    if "enkripsi" in nama:
        return _Tolak(
            "dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca; buka di Excel, hapus kata "
            "sandinya (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu "
            "coba lagi."
        )
    if "xls" in nama or akhiran in (".xls", ".xlt"):
        asal = "" if akhiran in (".xls", ".xlt") else f" yang diberi nama {akhiran}"
        return _Tolak(
            f"berformat Excel lama (.xls){asal}; buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As)."
        )
    if "word" in nama:
        return _Tolak("tidak dapat dibaca: isinya dokumen Word format lama (.doc), bukan buku kerja Excel (.xlsx).")
    if "ppt" in nama:
        return _Tolak("tidak dapat dibaca: isinya presentasi PowerPoint format lama, bukan buku kerja Excel (.xlsx).")
    return _Tolak("tidak dapat dibaca: isinya dokumen Office format lama (OLE), bukan buku kerja Excel (.xlsx).")


# --------------------------------------------------------------------------- the zip package


def _atribut(teks: str) -> dict[str, str]:
    return {k.split(":")[-1]: _lepas_entitas(v or w) for k, v, w in _ATRIBUT.findall(teks)}


def _lepas_entitas(s: str) -> str:
    def ganti(m: re.Match[str]) -> str:
        k = m.group(1)
        if k.startswith("#"):
            n = int(k[2:], 16) if k.startswith("#x") else int(k[1:])
            return chr(n) if n <= 0x10FFFF else ""
        return _ENTITAS_NAMA[k]

    return _ENTITAS.sub(ganti, s)


def _gabung(dasar: str, target: str) -> str:
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


def _rels(xml: str, dasar: str) -> list[tuple[str, str, str]]:
    """(Id, Type, resolved target) of every internal relationship."""
    hasil = []
    for atr in _REL.findall(xml):
        if "External" in atr and _atribut(atr).get("TargetMode", "").lower() == "external":
            continue
        a = {k: _lepas_entitas(v or w) if "&" in (v or w) else (v or w) for k, v, w in _ATR_REL.findall(atr)}
        if "Target" in a:
            hasil.append((a.get("Id", ""), a.get("Type", ""), _gabung(dasar, a["Target"])))
    return hasil


def _rels_dari(part: str) -> str:
    folder, _, nama = part.rpartition("/")
    return f"{folder}/_rels/{nama}.rels" if folder else f"_rels/{nama}.rels"


@dataclass
class _Ukuran:
    """Exact worksheet measure (state carried over chunks)."""

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
                ks.append(_indeks(m.group(1)[:8]) if m.group(1) else _KOLOM_EXCEL)  # "1:1" = the whole row
            self.catat_persegi(min(rs), min(ks), max(rs), max(ks))

    def catat_persegi(self, r0: int, k0: int, r1: int, k1: int) -> None:
        self.maks_baris = max(self.maks_baris, r0, r1)
        self.maks_kolom = max(self.maks_kolom, k0, k1)
        self.luas_area += (abs(r1 - r0) + 1) * (abs(k1 - k0) + 1)


@dataclass
class _Paket:
    f: BinaryIO
    nama: str
    akhiran: str
    templat: bool
    zf: zipfile.ZipFile | None = None
    info: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    total: int = 0
    lembar: list[Lembar] = field(default_factory=list)
    nama_lembar: dict[str, str] = field(default_factory=dict)  # part → sheet name

    # -- steps ------------------------------------------------------------------

    def periksa(self) -> HasilPeriksa:
        kepala = self.f.read(8)
        if kepala.startswith(_CFB):
            raise _tolak_cfb(self.f, self.akhiran)
        if not kepala.startswith((_ZIP, _ZIP_KOSONG)):
            raise _tolak_bukan_zip(kepala, self.f, self.akhiran)
        self.f.seek(0)
        try:
            self.zf = zipfile.ZipFile(self.f)
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error) as e:
            raise _Tolak(
                "tidak dapat dibaca: berkasnya rusak atau terpotong (mungkin belum selesai disalin atau diunduh); "
                "minta berkas aslinya lagi."
            ) from e
        self._direktori(infos)
        hasil = self._isi()
        if self.akhiran in _AKHIRAN_ASING:
            raise _Tolak(
                f"sebenarnya buku kerja Excel .xlsx yang diberi akhiran {self.akhiran}; ganti akhiran namanya menjadi "
                ".xlsx lalu coba lagi."
            )
        return hasil

    def _direktori(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > BATAS_JUMLAH_BAGIAN:
            raise _Tolak(
                f"ditolak: berisi {_ribuan(len(infos))} bagian, melebihi batas {_ribuan(BATAS_JUMLAH_BAGIAN)} "
                "bagian untuk satu buku kerja."
            )
        total = 0
        for i in infos:
            if i.filename.endswith("/"):
                continue
            if i.filename in self.info:  # readers disagree on which copy they take: scan one, parse the other
                raise _Tolak(
                    f"ditolak: bagian '{i.filename}' muncul dua kali di dalam zip, hal yang tidak pernah dibuat Excel."
                )
            self.info[i.filename] = i
            if i.flag_bits & 0x1:
                raise _Tolak(
                    f"ditolak: bagian '{i.filename}' dienkripsi di dalam zip, hal yang tidak pernah dibuat Excel "
                    "(kata sandi Excel membuat berkas terenkripsi, bukan zip terenkripsi)."
                )
            if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _Tolak(
                    f"ditolak: bagian '{i.filename}' memakai metode kompresi zip yang tidak dipakai Excel "
                    f"(metode {i.compress_type})."
                )
            total += i.file_size
            if total > BATAS_UKURAN_TOTAL:
                raise self._bom_total()
        nama = set(self.info)
        if "mimetype" in nama and "[Content_Types].xml" not in nama:
            raise _Tolak(
                "berformat OpenDocument (LibreOffice/WPS, .ods), bukan buku kerja Excel; buka lalu simpan sebagai "
                ".xlsx (Excel 2007-365)."
            )
        if "[Content_Types].xml" not in nama:
            raise _Tolak(
                "tidak dapat dibaca: isinya arsip zip biasa, bukan buku kerja Excel (.xlsx/.xlsm) "
                "(bagian [Content_Types].xml tidak ada)."
            )

    def _cek_ukuran(self, part: str, terurai: int, mampat: int, cara: str) -> None:
        sheet = self.nama_lembar.get(part)
        label = f"lembar '{sheet}' (bagian '{part}')" if sheet else f"bagian '{part}'"
        sebab = (
            "biasanya karena baris atau kolom kosong yang terformat sampai ujung lembar, atau zip bom"
            if sheet
            else "kemungkinan zip bom"
        )
        if terurai > BATAS_UKURAN_BAGIAN:
            raise _Tolak(
                f"ditolak: {label} mengembang menjadi lebih dari {_mb(BATAS_UKURAN_BAGIAN)} MB saat dibuka (ukuran "
                f"{cara} {_mb(terurai)} MB; batas {_mb(BATAS_UKURAN_BAGIAN)} MB per bagian); {sebab}."
            )
        if terurai >= RASIO_DIPERIKSA_MULAI and terurai > BATAS_RASIO * max(mampat, 1):
            raise _Tolak(
                f"ditolak: {label} dimampatkan {_ribuan(terurai // max(mampat, 1))}:1, melebihi batas "
                f"{BATAS_RASIO}:1 (ciri zip bom)."
            )

    def _bom_total(self) -> _Tolak:
        return _Tolak(
            f"ditolak: isinya mengembang menjadi lebih dari {_mb(BATAS_UKURAN_TOTAL)} MB saat dibuka (batas "
            f"{_mb(BATAS_UKURAN_TOTAL)} MB per berkas); kemungkinan zip bom."
        )

    def _isi(self) -> HasilPeriksa:
        # 1. package relationships → the workbook part
        rels_paket = self._xml_kecil("_rels/.rels") if "_rels/.rels" in self.info else ""
        bagian_buku = next(
            (t for _, tipe, t in _rels(rels_paket, "") if tipe.endswith(_TIPE_DOKUMEN)), "xl/workbook.xml"
        )
        if bagian_buku not in self.info or bagian_buku.startswith(("word/", "ppt/")) or bagian_buku.endswith(".bin"):
            raise self._tanpa_buku_kerja()  # .bin: an .xlsb (binary workbook) renamed .xlsx
        # 2. the workbook part and its relationships → sheets, names, shared strings
        buku = self._xml_kecil(bagian_buku)
        folder = bagian_buku.rpartition("/")[0]
        rels_buku_part = _rels_dari(bagian_buku)
        rels_buku = _rels(self._xml_kecil(rels_buku_part), folder) if rels_buku_part in self.info else []
        target = {rid: (tipe, t) for rid, tipe, t in rels_buku}
        lembar: dict[str, str] = {}  # part → sheet name
        for atr in _LEMBAR.findall(buku):
            a = _atribut(atr)
            rid = a.get("id")
            if rid in target and target[rid][0].endswith(_TIPE_LEMBAR):
                lembar.setdefault(target[rid][1], a.get("name", target[rid][1]))
        for part in self.info:  # sheets not reached through relationships are still measured
            if part.startswith(f"{folder}/worksheets/") and part.endswith(".xml"):
                lembar.setdefault(part, part.rsplit("/", 1)[-1])
        nama = {
            n: _nama_terdefinisi(buku, n)
            for n in ("TABEL_HASIL_KERJA", "TEMPLATE_ID", "TEMPLATE_VERSI", "PAKET_ATURAN_ID")
        }
        self.nama_lembar = lembar
        bagian_string = next((t for _, tipe, t in rels_buku if tipe.endswith(_TIPE_STRING)), None)
        meta_lembar, meta_sel = self._rujukan(nama.get("TEMPLATE_VERSI")) or (None, None)
        id_lembar, id_sel = self._rujukan(nama.get("TEMPLATE_ID")) or (None, None)
        paket_lembar, paket_sel = self._rujukan(nama.get("PAKET_ATURAN_ID")) or (None, None)
        simpan: dict[str, bytes] = {}
        for part, sheet in lembar.items():
            if sheet in (meta_lembar, id_lembar, paket_lembar):
                simpan[part] = b""
        if bagian_string:
            simpan[bagian_string] = b""
        # 3. every other part, streamed once in file order
        for part in sorted(self.info, key=lambda n: self.info[n].header_offset):
            if part in ("_rels/.rels", bagian_buku, rels_buku_part):
                continue
            if part in lembar:
                self.lembar.append(self._lembar(part, lembar[part], part in simpan, simpan))
            else:
                data = self._alir_bagian(part, simpan=part in simpan)
                if part in simpan and data is not None:
                    simpan[part] = data
        ada_vba = any(n.lower().endswith("vbaproject.bin") for n in self.info)
        # 4. the template
        bagian_lembar = {v: k for k, v in lembar.items()}
        strings = simpan.get(bagian_string or "", b"")
        tid = self._nilai_sel(simpan.get(bagian_lembar.get(id_lembar or "", ""), b""), id_sel, strings)
        tversi = self._nilai_sel(simpan.get(bagian_lembar.get(meta_lembar or "", ""), b""), meta_sel, strings)
        paket = self._nilai_sel(simpan.get(bagian_lembar.get(paket_lembar or "", ""), b""), paket_sel, strings)
        hasil = HasilPeriksa(
            self.nama, tid, tversi, nama["TABEL_HASIL_KERJA"] is not None, len(self.info), self.total,
            tuple(self.lembar), ada_vba, paket,
        )  # fmt: skip
        _cek_versi(hasil)
        if self.templat:
            _cek_templat(hasil)
        return hasil

    def _tanpa_buku_kerja(self) -> _Tolak:
        nama = set(self.info)
        if any(n.endswith("workbook.bin") for n in nama):
            return _Tolak(
                "berformat Excel biner (.xlsb); buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As)."
            )
        if "word/document.xml" in nama:
            return _Tolak("tidak dapat dibaca: isinya dokumen Word (.docx), bukan buku kerja Excel (.xlsx/.xlsm).")
        if "ppt/presentation.xml" in nama:
            return _Tolak("tidak dapat dibaca: isinya presentasi PowerPoint, bukan buku kerja Excel (.xlsx/.xlsm).")
        return _Tolak(
            "tidak dapat dibaca: paket Office tanpa bagian buku kerja (xl/workbook.xml); berkasnya rusak atau bukan "
            "buku kerja Excel."
        )

    # -- templates ----------------------------------------------------------------

    @staticmethod
    def _rujukan(teks: str | None) -> tuple[str, str] | None:
        if not teks:
            return None
        try:
            urai = urai_rujukan_excel(teks)
        except ValueError:
            return None
        if urai is None or ":" in urai[1]:
            return None
        return urai

    @staticmethod
    def _nilai_sel(xml: bytes, ref: str | None, strings: bytes) -> str | None:
        """The shown text of one cell of a small sheet part (regular expressions; no entity expansion)."""
        if not xml or not ref:
            return None
        kunci = f' r="{ref}"'.encode("ascii", "replace")
        pos = xml.find(kunci)
        while pos != -1:
            awal = xml.rfind(b"<", 0, pos)
            if _AWAL_SEL.match(xml, awal):
                break
            pos = xml.find(kunci, pos + 1)
        if pos == -1:
            return None
        tutup = _TUTUP_SEL.search(xml, pos)
        if tutup is None:
            return None
        m = _SEL_XML.match(xml[awal : tutup.end()].decode("utf-8", "replace"))
        if m is None:
            return None
        tipe = _atribut(m.group(1)).get("t", "n")
        isi = m.group(2) or ""
        if tipe == "inlineStr":
            return _teks_si(isi)
        v = _V.search(isi)
        if v is None:
            return None
        nilai = _lepas_entitas(v.group(1)).strip()
        if tipe != "s":
            return nilai or None
        if not nilai.isdigit() or not strings:
            return None
        n = int(nilai)
        if b":si" not in strings and b"<si " not in strings and b"<si/" not in strings:
            bagian = strings.split(b"<si>", n + 1)  # plain <si>...</si> items (what Excel writes)
            if len(bagian) <= n + 1:
                return None
            return _teks_si(bagian[n + 1].split(b"</si>", 1)[0].decode("utf-8", "replace"))
        awal_si = next(itertools.islice(_AWAL_SI.finditer(strings), n, None), None)
        si = _SI.match(strings, awal_si.start()) if awal_si else None
        return _teks_si((si.group(1) or b"").decode("utf-8", "replace")) if si else None

    # -- streaming ----------------------------------------------------------------

    def _xml_kecil(self, part: str) -> str:
        i = self.info[part]
        if i.file_size > BATAS_BAGIAN_INDUK:
            raise _Tolak(
                f"ditolak: bagian '{part}' berukuran {_mb(i.file_size)} MB, melebihi batas "
                f"{_mb(BATAS_BAGIAN_INDUK)} MB untuk bagian itu."
            )
        data = self._alir_bagian(part, simpan=True)
        return (data or b"").decode("utf-8", "replace")

    def _alir_bagian(self, part: str, *, simpan: bool) -> bytes | None:
        """Inflate one part; check XML parts for DTDs and encodings; keep the bytes when asked."""
        kumpul: list[bytes] = []
        xml: bool | None = None
        ekor = b""
        for potong in self._inflate(part):
            if xml is None:
                xml = _cek_awal_xml(part, potong)
            if xml:
                blok = ekor + potong
                if _DTD.search(blok):
                    raise _tolak_dtd(part)
                ekor = blok[-32:]
            if simpan:
                kumpul.append(potong)
        return b"".join(kumpul) if simpan else None

    def _lembar(self, part: str, sheet: str, simpan: bool, disimpan: dict[str, bytes]) -> Lembar:
        awal = self.total
        try:
            return self._ukur(part, sheet, teliti=False, simpan=simpan, disimpan=disimpan)
        except _Teliti:
            self.total = awal  # the exact pass inflates the part again
            return self._ukur(part, sheet, teliti=True, simpan=simpan, disimpan=disimpan)

    def _ukur(self, part: str, sheet: str, *, teliti: bool, simpan: bool, disimpan: dict[str, bytes]) -> Lembar:
        u = _Ukuran()
        kumpul: list[bytes] = []
        sisa = b""
        pertama = True
        for potong in self._inflate(part):
            if pertama:
                _cek_awal_xml(part, potong)
                pertama = False
            if simpan:
                kumpul.append(potong)
            blok = sisa + potong
            # Whole tags only: cut before the last "<" ("<" never occurs inside a tag), carry the rest.
            akhir = blok.rfind(b"<")
            if akhir <= 0:
                sisa = blok
                if len(sisa) > _POTONGAN and sisa.startswith(b"<") and b">" not in sisa:
                    raise _Tolak(f"ditolak: bagian '{part}' memuat elemen XML raksasa (lebih dari 1 MB).")
                continue
            _olah_lembar(part, sheet, blok[:akhir], u, teliti)
            sisa = blok[akhir:]
        if sisa:
            _olah_lembar(part, sheet, sisa, u, teliti)
        if simpan:
            disimpan[part] = b"".join(kumpul)
        return Lembar(sheet, part, teliti)

    def _inflate(self, part: str) -> Iterator[bytes]:
        """The inflated bytes of ``part`` in chunks, read straight from the file, capped and CRC-checked.

        The declared sizes are not trusted: inflation stops as soon as the output outgrows the
        declared size (or a limit), whatever the compressed stream would still produce.
        """
        i = self.info[part]
        self._cek_ukuran(part, i.file_size, i.compress_size, "tercatat")
        f = self.f
        f.seek(i.header_offset)
        lokal = f.read(30)
        if len(lokal) < 30 or not lokal.startswith(_ZIP):
            raise _tolak_rusak(part)
        n, m = struct.unpack("<HH", lokal[26:30])
        f.seek(i.header_offset + 30 + n + m)
        sisa = i.compress_size
        keluar = 0
        crc = 0
        d = zlib.decompressobj(-15) if i.compress_type == zipfile.ZIP_DEFLATED else None
        while sisa > 0 or (d is not None and d.unconsumed_tail):
            if d is not None and d.unconsumed_tail:
                hasil = d.decompress(d.unconsumed_tail, _POTONGAN)
            else:
                mampat = f.read(min(sisa, _BACA))
                if not mampat:
                    raise _tolak_rusak(part)
                sisa -= len(mampat)
                hasil = mampat if d is None else d.decompress(mampat, _POTONGAN)
            if hasil:
                keluar += len(hasil)
                self._hitung(part, i, keluar, len(hasil))
                crc = zlib.crc32(hasil, crc)
                yield hasil
            if d is not None and d.eof:
                break
        if d is not None:
            ekor = d.flush()
            if ekor:
                keluar += len(ekor)
                self._hitung(part, i, keluar, len(ekor))
                crc = zlib.crc32(ekor, crc)
                yield ekor
            if not d.eof:
                raise _tolak_rusak(part)
        if keluar != i.file_size or crc != i.CRC:
            raise _tolak_rusak(part)

    def _hitung(self, part: str, i: zipfile.ZipInfo, keluar: int, tambah: int) -> None:
        self.total += tambah
        if keluar > BATAS_UKURAN_BAGIAN:
            self._cek_ukuran(part, keluar, i.compress_size, "sebenarnya")
        if keluar > i.file_size:
            raise _Tolak(
                f"ditolak: ukuran bagian '{part}' yang tercatat di zip ({_ribuan(i.file_size)} bita) lebih kecil "
                "daripada isinya; berkas rusak atau sengaja dimanipulasi (ciri zip bom)."
            )
        if self.total > BATAS_UKURAN_TOTAL:
            raise self._bom_total()


def _olah_lembar(part: str, sheet: str, blok: bytes, u: _Ukuran, teliti: bool) -> None:
    """Measure whole tags of a worksheet: fast (canonical form only) or exact (tag by tag)."""
    if teliti and _DTD.search(blok):
        raise _tolak_dtd(part)
    if not teliti:
        if _TAK_BIASA.search(blok) or _BERPREFIKS.search(blok):
            raise _Teliti
        # Every cell and row is within A1:Z9999 (259,974 cells ≤ BATAS_SEL); merged areas are counted.
        if b"<mergeCell" in blok:
            area = _AREA_BIASA.findall(blok)
            if len(area) != blok.count(b"<mergeCell "):
                raise _Teliti
            if area:
                i = _INDEKS
                rs = [int(r) for _, r0, _, r1 in area for r in (r0, r1)]
                ks = [i[k] for k0, _, k1, _ in area for k in (k0, k1)]
                u.maks_baris = max(u.maks_baris, *rs)
                u.maks_kolom = max(u.maks_kolom, *ks)
                u.luas_area += sum(
                    (abs(rs[j + 1] - rs[j]) + 1) * (abs(ks[j + 1] - ks[j]) + 1) for j in range(0, len(rs), 2)
                )
        if b"<hyperlink " in blok:
            for m in _TAG.finditer(blok):
                if m.group(1) == b"hyperlink":
                    _area_tag(m.group(2), u)
    else:
        for m in _TAG.finditer(blok):
            tag, atr = m.group(1), m.group(2)
            if b"&" in atr:
                atr = _lepas_entitas(atr.decode("utf-8", "replace")).encode("utf-8")
            if tag == b"c":
                ref = _ATR_R.findall(atr)  # a lenient reader takes the last of duplicated attributes
                k, b = ref[-1] if ref else (b"", b"")
                u.kolom = _indeks(k[:8]) if k else u.kolom + 1
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
            if u.maks_baris > BATAS_BARIS or u.maks_kolom > BATAS_KOLOM or u.luas_area > BATAS_SEL:
                break
    _cek_luas(sheet, u)


def _area_tag(atr: bytes, u: _Ukuran) -> None:
    if b"&" in atr:
        atr = _lepas_entitas(atr.decode("utf-8", "replace")).encode("utf-8")
    for ref in _ATR_REF.findall(atr):
        u.catat_area(ref)


def _nama_terdefinisi(buku: str, nama: str) -> str | None:
    """The formula of a workbook-scoped defined name (None when absent)."""
    kunci = f'name="{nama}"'
    pos = buku.find(kunci)
    while pos != -1:
        awal = buku.rfind("<", 0, pos)
        m = _NAMA_XML.match(buku, awal)
        if m and kunci in m.group(1) and "localSheetId" not in m.group(1):
            return _lepas_entitas(m.group(2)).strip()
        pos = buku.find(kunci, pos + 1)
    return None


def _teks_si(isi: str) -> str | None:
    """The text of a rich or plain string item (phonetic runs left out)."""
    return _lepas_entitas("".join(x or "" for x in _TEKS.findall(_RPH.sub("", isi)))).strip() or None


def cek_templat(hasil: HasilPeriksa) -> None:
    """Raise :class:`BerkasTidakTerbaca` unless the checked file is an skpxl SKP form (PermenPANRB 6/2022)."""
    try:
        _cek_templat(hasil)
    except _Tolak as e:
        raise BerkasTidakTerbaca(f"Berkas '{hasil.nama}' {e.kalimat}") from None


def _cek_templat(hasil: HasilPeriksa) -> None:
    tid = hasil.template_id
    if tid is not None and tid != TEMPLATE_ID:
        if tid.upper().startswith("SKP-LAMA"):
            raise _Tolak(
                f"memakai templat SKP lama ({tid}), bukan templat SKP PermenPANRB 6/2022 skpxl ('{TEMPLATE_ID}') "
                "yang dibaca di sini."
            )
        raise _Tolak(
            f"memakai templat '{tid}', bukan templat SKP skpxl ('{TEMPLATE_ID}'); salin isiannya ke templat "
            "SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )
    if not hasil.ada_tabel:
        raise _Tolak(
            "bukan formulir SKP dari templat skpxl (nama-nama sel templat, mis. TABEL_HASIL_KERJA, tidak "
            "ditemukan); salin isiannya ke templat SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )


def _cek_versi(hasil: HasilPeriksa) -> None:
    """A workbook from a newer skpxl template (same template id, higher TEMPLATE_VERSI) is refused."""
    v = hasil.template_versi
    if hasil.template_id not in (None, TEMPLATE_ID) or v is None:
        return
    if len(v) > 32:  # no template version is this long; int() of thousands of digits would fail anyway
        raise _Tolak(
            f"memuat nomor versi templat yang tidak wajar ({_ribuan(len(v))} karakter); berkasnya rusak atau "
            "dimanipulasi. Salin isiannya ke templat SKP_2026.xlsx dari folder workbook_templates lalu coba lagi."
        )
    if _VERSI.fullmatch(v) and _VERSI.fullmatch(TEMPLATE_VERSI) and _urai_versi(v) > _urai_versi(TEMPLATE_VERSI):
        raise _Tolak(
            f"dibuat dengan templat SKP versi {v}, lebih baru daripada yang dikenal skpxl ini (versi "
            f"{TEMPLATE_VERSI}); perbarui skpxl (pip install -U skpxl) lalu coba lagi."
        )


def _urai_versi(v: str) -> tuple[int, ...]:
    angka = [int(x) for x in v.split(".")]
    while len(angka) > 1 and angka[-1] == 0:
        angka.pop()
    return tuple(angka)


def _cek_awal_xml(part: str, awal: bytes) -> bool:
    """Whether a part is XML (by name or content); refuse XML that is not ASCII-compatible."""
    kepala = awal[:512]
    if kepala.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
        len(kepala) >= 4 and b"\x00" in kepala[:4] and b"<" in kepala[:4]
    ):
        raise _Tolak(
            f"ditolak: bagian '{part}' ditulis dalam enkode UTF-16/UTF-32, bukan UTF-8 seperti buku kerja Excel "
            "yang sah."
        )
    bersih = kepala.lstrip(b"\xef\xbb\xbf \t\r\n")
    xml = bersih[:1] == b"<" or part.lower().endswith((".xml", ".rels", ".vml"))
    if xml:
        m = _ENKODE.match(bersih)
        if m and m.group(1).decode("ascii", "replace").strip().lower() not in _ENKODE_BOLEH:
            raise _Tolak(
                f"ditolak: bagian '{part}' memakai enkode '{m.group(1).decode('ascii', 'replace')}', bukan UTF-8 "
                "seperti buku kerja Excel yang sah."
            )
    return xml


def _tolak_dtd(part: str) -> _Tolak:
    return _Tolak(
        f"ditolak demi keamanan: bagian '{part}' memuat deklarasi DTD/entitas XML (<!DOCTYPE atau <!ENTITY), yang "
        "tidak pernah ada di buku kerja Excel yang sah; entitas tidak diuraikan."
    )


def _tolak_rusak(part: str) -> _Tolak:
    return _Tolak(
        f"tidak dapat dibaca: bagian '{part}' rusak atau terpotong (checksum atau ukurannya tidak cocok); minta "
        "berkas aslinya lagi."
    )


def _cek_luas(sheet: str, u: _Ukuran) -> None:
    saran = "hapus baris/kolom kosong yang terformat di luar formulir, simpan, lalu coba lagi"
    if u.maks_baris > BATAS_BARIS:
        raise _Tolak(
            f"ditolak: lembar '{sheet}' memakai baris {_ribuan(u.maks_baris)} (berisi atau terformat), melewati "
            f"batas {_ribuan(BATAS_BARIS)} baris per lembar; {saran}."
        )
    if u.maks_kolom > BATAS_KOLOM:
        raise _Tolak(
            f"ditolak: lembar '{sheet}' memakai kolom {_huruf(u.maks_kolom)} (berisi atau terformat), melewati "
            f"batas {_ribuan(BATAS_KOLOM)} kolom per lembar (sampai kolom {_huruf(BATAS_KOLOM)}); {saran}."
        )
    if u.maks_baris * u.maks_kolom > BATAS_SEL:
        raise _Tolak(
            f"ditolak: rentang terpakai lembar '{sheet}' (A1:{_huruf(u.maks_kolom)}{u.maks_baris}) berisi "
            f"{_ribuan(u.maks_baris * u.maks_kolom)} sel, melewati batas {_ribuan(BATAS_SEL)} sel; {saran}."
        )
    if u.luas_area > BATAS_SEL:
        raise _Tolak(
            f"ditolak: sel gabungan dan tautan di lembar '{sheet}' mencakup {_ribuan(u.luas_area)} sel, melewati "
            f"batas {_ribuan(BATAS_SEL)} sel."
        )
