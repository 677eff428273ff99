"""The limits of the pre-read check, its refusal type, its Indonesian sentences and the soft time limit.

Every number here is stated in ``docs/jaminan.md`` (a test keeps them in step).
"""

from __future__ import annotations

import contextlib
import errno
import signal
import threading
from collections.abc import Iterator
from types import FrameType

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
    "KiB",
    "MiB",
    "Tolak",
    "WaktuHabis",
    "batas_waktu_lunak",
    "huruf",
    "indeks",
    "mb",
    "pesan_mati",
    "pesan_memori",
    "pesan_oserror",
    "pesan_waktu_habis",
    "ribuan",
]

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

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
"""Last row of any worksheet's used range (cells, merged areas, hyperlinks) and of any defined name; Excel allows
1,048,576. An SKP form has hundreds of rows (the template: 92). Not below 9,999: the fast measure admits cells up to
Z9999 unmeasured."""
BATAS_KOLOM = 200
"""Last column of any worksheet's used range and of any defined name (GR); Excel allows 16,384 (XFD)."""
BATAS_SEL = 300_000
"""Cells in the rectangle A1:last cell of one worksheet, in its merged/hyperlinked areas together, and in the area of
one defined name. A form uses about 1,000; reading 300,000 stays well inside the 30 s / 1.5 GB worker limits. Not
below 259,974 (A1:Z9999, what the fast measure admits unmeasured)."""
BATAS_WAKTU_BERKAS = 30.0
"""Seconds one file may take in the batch (read, validate, compute) before it is given up."""
BATAS_MEMORI_PEKERJA = 1536 * MiB
"""Address space a batch worker may add to what it had at start (Linux, ``RLIMIT_AS``)."""


class Tolak(Exception):
    """A refusal sentence without the file name yet (the entry point adds it)."""

    def __init__(self, kalimat: str) -> None:
        super().__init__(kalimat)
        self.kalimat = kalimat


def ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def mb(n: int) -> str:
    return ribuan(round(n / MiB)) if n >= MiB else f"{n / MiB:.1f}".replace(".", ",")


def huruf(k: int) -> str:
    """1 → "A", 27 → "AA" (column letters)."""
    s = ""
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


_INDEKS = {huruf(k).encode("ascii"): k for k in range(1, 703)}  # A..ZZ


def indeks(teks: bytes | str) -> int:
    """Column letters → 1-based index ("A" → 1); the caller bounds the length."""
    if isinstance(teks, bytes) and (k := _INDEKS.get(teks)) is not None:
        return k
    k = 0
    for ch in teks.upper() if isinstance(teks, str) else teks.upper().decode("ascii"):
        k = k * 26 + ord(ch) - 64
    return k


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
        f"({ribuan(BATAS_MEMORI_PEKERJA // MiB)} MB); berkas mungkin rusak atau sengaja dimanipulasi."
    )


def pesan_mati(nama: str, kode: int | None) -> str:
    return (
        f"Berkas '{nama}' tidak dapat diproses: proses pembacanya berhenti mendadak (kode keluar {kode}), biasanya "
        "karena kehabisan memori; berkas mungkin rusak atau sengaja dimanipulasi."
    )


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
