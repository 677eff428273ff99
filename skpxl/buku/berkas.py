"""Safe file handling for a user's workbook: checks before reading, backup and atomic replace on writing.

Before any read, :func:`periksa_berkas` runs the pre-read checks of :mod:`skpxl.buku.pengaman`
(zip sanity, zip bombs, XML entity declarations, sheet extents, encrypted, legacy, foreign or
future-version files), each refusal one Indonesian sentence.

A user's workbook is never written in place: the new content goes to a temporary file
in the same folder, the original is copied to a backup, then the temporary file
replaces the original in one ``os.replace`` (atomic on the same file system). An
interrupted run therefore leaves either the old or the new workbook, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from skpxl.buku.pengaman import HasilPeriksa, periksa_paket
from skpxl.core.errors import BerkasTidakTerbaca

EKSTENSI = (".xlsx", ".xlsm")
EKSTENSI_DIKENALI = (".xls", ".xlsb", ".ods")  # looked at, so the refusal names what the file really is


def periksa_berkas(path: Path, *, templat: bool = False) -> HasilPeriksa:
    """Raise BerkasTidakTerbaca with one Indonesian sentence when ``path`` cannot be an SKP workbook.

    Cheap and bounded (see :mod:`skpxl.buku.pengaman` for the limits); run it before opening the file.
    ``templat=True`` also requires the skpxl template (PermenPANRB 6/2022); without it the caller
    decides with :func:`skpxl.buku.pengaman.cek_templat` (legacy layouts are read by ``skpxl.legacy``).
    """
    if not path.exists():
        raise BerkasTidakTerbaca(f"Berkas '{path}' tidak ditemukan.")
    if path.is_dir():
        raise BerkasTidakTerbaca(f"'{path}' adalah folder, bukan berkas Excel.")
    if path.suffix.lower() not in EKSTENSI + EKSTENSI_DIKENALI:
        raise BerkasTidakTerbaca(f"Berkas '{path.name}' bukan buku kerja Excel (.xlsx atau .xlsm).")
    return periksa_paket(path, templat=templat)


def galat_tak_terduga(nama: str, e: BaseException) -> str:
    """One Indonesian sentence for an unexpected error (a bug) while processing ``nama``."""
    return (
        f"Berkas '{nama}' tidak dapat diproses karena galat tak terduga di skpxl ({type(e).__name__}); berkas tidak "
        "diubah, laporkan berkas ini ke pengelola skpxl."
    )


def nama_cadangan(path: Path, waktu: datetime) -> Path:
    """``SKP_Rina.xlsx`` → ``SKP_Rina.cadangan-20261128-093000.xlsx`` (a new name on every run)."""
    dasar = path.with_name(f"{path.stem}.cadangan-{waktu:%Y%m%d-%H%M%S}{path.suffix}")
    n = 1
    kandidat = dasar
    while kandidat.exists():
        n += 1
        kandidat = dasar.with_name(f"{dasar.stem}-{n}{path.suffix}")
    return kandidat


def tulis_aman(
    tujuan: Path, tulis: Callable[[Path], None], *, cadangan_dari: Path | None, waktu: datetime
) -> Path | None:
    """Write ``tujuan`` through a temp file + atomic replace; back up ``cadangan_dari`` first.

    Returns the backup path (None when nothing was backed up).
    """
    fd, tmp_name = tempfile.mkstemp(prefix=".skpxl-", suffix=tujuan.suffix, dir=tujuan.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tulis(tmp)
        cadangan = None
        if cadangan_dari is not None and cadangan_dari.exists():
            cadangan = nama_cadangan(cadangan_dari, waktu)
            shutil.copy2(cadangan_dari, cadangan)
        os.replace(tmp, tujuan)
        return cadangan
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
