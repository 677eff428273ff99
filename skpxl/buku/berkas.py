"""Safe file handling for a user's workbook: checks before reading, backup and atomic replace on writing.

Before any read, :func:`periksa_berkas` runs the pre-read checks of :mod:`skpxl.buku.pengaman`
(zip sanity, zip bombs, XML entity declarations, sheet extents, encrypted, legacy, foreign or
future-version files), each refusal one Indonesian sentence.

A user's workbook is never written in place (:class:`PenulisanAman`): the new content goes to a
temporary file beside the real target (a symlink is written through, never replaced by a plain
file), the old file is copied into ``.cadangan/`` beside it (the last :data:`SIMPAN_CADANGAN`
copies per file are kept; ``skpxl rekap`` never reads that folder), then the temporary file
replaces the target in one ``os.replace`` (atomic on the same file system). The new file keeps
the old one's mode; a new output gets the umask's normal mode, not ``mkstemp``'s 0600. An
interrupted run (a signal, a full disk, a vanished folder) leaves the old or the new file, never
half of one, no partial backup and no temp file; the error is one Indonesian sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from skpxl.buku.pengaman import HasilPeriksa, periksa_paket
from skpxl.core.errors import BerkasTidakTerbaca, BerkasTidakTertulis, InputTidakValid
from skpxl.core.teks import tampil

EKSTENSI = (".xlsx", ".xlsm")
EKSTENSI_DIKENALI = (".xls", ".xlsb", ".ods")  # looked at, so the refusal names what the file really is


def periksa_berkas(path: Path, *, templat: bool = False) -> HasilPeriksa:
    """Raise BerkasTidakTerbaca with one Indonesian sentence when ``path`` cannot be an SKP workbook.

    Cheap and bounded (see :mod:`skpxl.buku.pengaman` for the limits); run it before opening the file.
    ``templat=True`` also requires the skpxl template (PermenPANRB 6/2022); without it the caller
    decides with :func:`skpxl.buku.pengaman.cek_templat` (legacy layouts are read by ``skpxl.legacy``).
    """
    periksa_jalur(path)
    return periksa_paket(path, templat=templat)


def periksa_jalur(path: Path) -> None:
    """The cheap part of :func:`periksa_berkas`: the path exists, is not a folder, is named like a workbook."""
    if not path.exists():
        raise BerkasTidakTerbaca(f"Berkas '{tampil(path)}' tidak ditemukan.")
    if path.is_dir():
        raise BerkasTidakTerbaca(f"'{tampil(path)}' adalah folder, bukan berkas Excel.")
    if path.suffix.lower() not in EKSTENSI + EKSTENSI_DIKENALI:
        raise BerkasTidakTerbaca(f"Berkas '{tampil(path.name)}' bukan buku kerja Excel (.xlsx atau .xlsm).")


def galat_tak_terduga(nama: str, e: BaseException | str) -> str:
    """One Indonesian sentence for an unexpected error (a bug) in ``nama``; ``e``: it, or its class name."""
    jenis = e if isinstance(e, str) else type(e).__name__
    return (
        f"Berkas '{nama}' tidak dapat diproses karena galat tak terduga di skpxl ({jenis}); berkas tidak "
        "diubah, laporkan berkas ini ke pengelola skpxl."
    )


CADANGAN = ".cadangan"
"""The backup folder beside a rewritten workbook; ``skpxl rekap`` never reads it."""
SIMPAN_CADANGAN = 5
"""Backups kept per workbook (the oldest beyond this are removed after a successful write)."""

_WAKTU_CADANGAN = re.compile(r"\.(\d{8}-\d{6})(?:-(\d+))?$")


def pesan_tulis(path: Path, e: OSError) -> str:
    """One Indonesian sentence for an OS error while writing ``path`` (the source stays as it was)."""
    kode = e.errno
    if kode in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        sebab = "disk penuh (atau kuota atau batas ukuran berkas tercapai)"
    elif isinstance(e, PermissionError) or kode in (errno.EACCES, errno.EPERM):
        sebab = "akses ditolak (izin folder, atau berkas sedang dibuka atau dikunci program lain seperti Excel)"
    elif kode == errno.EROFS:
        sebab = "disk atau folder hanya dapat dibaca"
    elif isinstance(e, FileNotFoundError) or kode == errno.ENOENT:
        sebab = "folder atau berkas hilang selama penulisan"
    else:
        sebab = e.strerror or type(e).__name__
    return f"Berkas '{tampil(path)}' tidak dapat ditulis: {sebab}; berkas asli tidak diubah."


def sama_berkas(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are one file (same path by another spelling, a symlink or a hard link)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def mode_baru() -> int:
    """The mode a new file gets under the process's umask (``mkstemp`` would give 0600)."""
    if os.name != "posix":
        return 0o666
    lama = os.umask(0o022)
    os.umask(lama)
    return 0o666 & ~lama


def nama_cadangan(path: Path, waktu: datetime) -> Path:
    """``SKP_Rina.xlsx`` → ``.cadangan/SKP_Rina.20261128-093000.xlsx`` beside it (a new name on every run)."""
    folder = path.parent / CADANGAN
    dasar = f"{path.stem}.{waktu:%Y%m%d-%H%M%S}"
    kandidat = folder / f"{dasar}{path.suffix}"
    n = 1
    while os.path.lexists(kandidat):
        n += 1
        kandidat = folder / f"{dasar}-{n}{path.suffix}"
    return kandidat


def daftar_cadangan(path: Path) -> list[Path]:
    """The backups of ``path`` in its ``.cadangan`` folder, oldest first."""
    folder = path.parent / CADANGAN
    try:
        nama = os.listdir(folder)
    except OSError:
        return []
    awalan, akhiran = path.stem, path.suffix
    kunci: list[tuple[str, int, str]] = []
    for n in nama:
        if not (n.startswith(awalan) and n.endswith(akhiran)) or len(n) <= len(awalan) + len(akhiran):
            continue
        m = _WAKTU_CADANGAN.fullmatch(n[len(awalan) : len(n) - len(akhiran)])
        if m:
            kunci.append((m.group(1), int(m.group(2) or 1), n))
    return [folder / n for *_, n in sorted(kunci)]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _salin_cadangan(asli: Path, waktu: datetime) -> Path:
    """Copy ``asli`` into its backup folder through a temp file: a full disk leaves no partial backup."""
    folder = asli.parent / CADANGAN
    folder.mkdir(exist_ok=True)
    fd, nama_tmp = tempfile.mkstemp(prefix=".skpxl-", suffix=asli.suffix, dir=folder)
    tmp = Path(nama_tmp)
    try:
        with os.fdopen(fd, "wb") as keluar, open(asli, "rb") as masuk:
            shutil.copyfileobj(masuk, keluar, 1024 * 1024)
            keluar.flush()
            os.fsync(keluar.fileno())
        shutil.copystat(asli, tmp)
        tujuan = nama_cadangan(asli, waktu)
        os.replace(tmp, tujuan)
        return tujuan
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _buang_cadangan_lama(asli: Path, simpan: int) -> None:
    semua = daftar_cadangan(asli)
    for lama in semua[: max(0, len(semua) - simpan)]:
        with contextlib.suppress(OSError):  # an old backup that cannot be removed is harmless
            lama.unlink()


class PenulisanAman:
    """One safe write of ``tujuan``: a temp file beside the real target, then backup + one atomic replace.

    ``tujuan`` may be a symlink: the file it points to is written (the link stays a link). When
    the target exists it is first copied into ``.cadangan/`` (the last ``simpan`` copies are
    kept) and the new file keeps its mode; a new file gets the umask's normal mode. ``sumber``
    is the input the new content was computed from: if it is the target and changed on disk
    since this object was made (Excel saved it meanwhile, another run wrote it), nothing is
    replaced. Every OS failure is one Indonesian sentence (:class:`BerkasTidakTertulis`); the
    temp file is always removed and the target is either the old or the new file.
    """

    def __init__(self, tujuan: Path, *, sumber: Path | None, waktu: datetime, simpan: int = SIMPAN_CADANGAN) -> None:
        if simpan < 1:
            raise InputTidakValid(f"Jumlah cadangan yang disimpan harus 1 atau lebih, bukan {simpan}.")
        self.diminta = tujuan
        self.tujuan = Path(os.path.realpath(tujuan))
        self.waktu = waktu
        self.simpan = simpan
        self.tmp: Path | None = None
        if not self.tujuan.parent.is_dir():
            raise BerkasTidakTertulis(f"Folder tujuan '{tampil(self.tujuan.parent)}' tidak ada.")
        if os.path.isdir(self.tujuan):
            raise BerkasTidakTertulis(f"Tujuan '{tampil(tujuan)}' adalah folder, bukan berkas.")
        self.jejak = _jejak(self.tujuan) if sumber is not None and sama_berkas(sumber, self.tujuan) else None

    def __enter__(self) -> PenulisanAman:
        return self

    def __exit__(self, *_: object) -> None:
        self.batal()

    def buka(self, *, buat: bool = True) -> Path:
        """The temp file the new content is written to, beside the real target.

        ``buat=False`` only reserves a fresh name (for a writer that creates its file when it
        finishes, like XlsxWriter): a run killed before then leaves nothing behind.
        """
        if buat:
            try:
                fd, nama = tempfile.mkstemp(prefix=".skpxl-", suffix=self.tujuan.suffix, dir=self.tujuan.parent)
            except OSError as e:
                raise BerkasTidakTertulis(pesan_tulis(self.diminta, e)) from None
            os.close(fd)
        else:
            nama = str(self.tujuan.parent / f".skpxl-{os.getpid()}-{secrets.token_hex(6)}{self.tujuan.suffix}")
        self.tmp = Path(nama)
        return self.tmp

    def selesai(self) -> Path | None:
        """Back up the old target, move the temp file into place; return the backup (None for a new file)."""
        assert self.tmp is not None, "buka() first"
        cadangan = None
        try:
            if not self.tmp.exists():
                raise FileNotFoundError(errno.ENOENT, "temp", str(self.tmp))
            ada = os.path.exists(self.tujuan)
            if self.jejak is not None and (not ada or _jejak(self.tujuan) != self.jejak):
                raise BerkasTidakTertulis(
                    f"Berkas '{tampil(self.diminta)}' diubah atau dipindahkan program lain selama skpxl bekerja; "
                    "hasil tidak ditulis agar perubahan itu tidak hilang. Jalankan ulang perintahnya."
                )
            os.chmod(self.tmp, stat.S_IMODE(os.stat(self.tujuan).st_mode) if ada else mode_baru())
            _fsync(self.tmp)
            if ada:
                cadangan = _salin_cadangan(self.tujuan, self.waktu)
            os.replace(self.tmp, self.tujuan)
        except OSError as e:
            if cadangan is not None:
                with contextlib.suppress(OSError):
                    cadangan.unlink()
            raise BerkasTidakTertulis(pesan_tulis(self.diminta, e)) from None
        finally:
            self.batal()
        if cadangan is not None:
            _buang_cadangan_lama(self.tujuan, self.simpan)
        return cadangan

    def batal(self) -> None:
        """Remove the temp file (idempotent)."""
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                self.tmp.unlink()
            self.tmp = None


def _jejak(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ino


def tulis_aman(
    tujuan: Path,
    tulis: Callable[[Path], None],
    *,
    sumber: Path | None,
    waktu: datetime,
    simpan: int = SIMPAN_CADANGAN,
) -> Path | None:
    """Write ``tujuan`` with ``tulis(temp_path)`` through :class:`PenulisanAman`; return the backup path."""
    with PenulisanAman(tujuan, sumber=sumber, waktu=waktu, simpan=simpan) as p:
        tmp = p.buka()
        try:
            tulis(tmp)
        except OSError as e:
            raise BerkasTidakTertulis(pesan_tulis(tujuan, e)) from None
        return p.selesai()


def periksa_keluaran(masukan: Path, keluaran: Path) -> None:
    """Refuse an output that is the input under another name (a hard link): writing it would not update the input.

    The input itself, by any spelling or through a symlink, is allowed: that is an in-place
    update with a backup (:class:`PenulisanAman`).
    """
    if sama_berkas(masukan, keluaran) and os.path.realpath(masukan) != os.path.realpath(keluaran):
        raise InputTidakValid(
            f"Berkas keluaran '{tampil(keluaran)}' adalah berkas masukan '{tampil(masukan.name)}' dengan nama lain "
            "(tautan keras); pilih nama keluaran lain, atau jalankan tanpa -o untuk memperbarui berkas itu sendiri."
        )
