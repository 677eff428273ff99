"""stdout and stderr that never crash the command line.

* A console or file that cannot encode a character (a Windows console redirected to a file is
  cp1252) gets an ASCII stand-in for arrows, ticks and dashes (``→`` → ``->``, ``✗`` → ``x``) and
  ``?`` for anything else, instead of a ``UnicodeEncodeError`` after the work is done.
* A reader that closes early (``skpxl validasi X | head -2``) silences the rest of the output;
  the command still ends with its documented exit code, without a ``BrokenPipeError`` traceback.
* JSON is written with ``\\u`` escapes when the stream is not UTF-8, so no character is lost.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

PENGGANTI = {
    "→": "->", "←": "<-", "⇒": "=>", "✗": "x", "✓": "v", "✔": "v", "—": "-", "–": "-", "…": "...", "≤": "<=",
    "≥": ">=", "•": "*", "“": '"', "”": '"', "‘": "'", "’": "'", "×": "x", "·": ".", "\u00a0": " ",
}  # fmt: skip
NAMA_PENANGAN = "skpxl-ascii"


def _pengganti(e: UnicodeError) -> tuple[str, int]:
    if not isinstance(e, UnicodeEncodeError):
        raise e
    return "".join(PENGGANTI.get(c, "?") for c in e.object[e.start : e.end]), e.end


codecs.register_error(NAMA_PENANGAN, _pengganti)


def _utf8(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


class AliranAman(io.TextIOBase):
    """Wraps a text stream: unencodable characters replaced, a broken pipe turned into silence."""

    def __init__(self, asli: TextIO) -> None:
        super().__init__()
        self.asli = asli
        self.putus = False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.asli, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        return self.asli.isatty()

    def fileno(self) -> int:
        return self.asli.fileno()

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        if self.putus:
            return len(s)
        teks = s
        if not _utf8(self.encoding):
            with contextlib.suppress(LookupError):
                teks = s.encode(self.encoding, NAMA_PENANGAN).decode(self.encoding)
        try:
            self.asli.write(teks)
        except OSError as e:
            self._galat(e)
        return len(s)

    def flush(self) -> None:
        if self.putus:
            return
        try:
            self.asli.flush()
        except OSError as e:
            self._galat(e)

    def _galat(self, e: OSError) -> None:
        # Windows reports a pipe closed by its reader as EINVAL rather than EPIPE.
        if isinstance(e, BrokenPipeError) or e.errno in (errno.EPIPE, errno.EINVAL):
            self._pipa_putus()
        else:
            raise e

    def _pipa_putus(self) -> None:
        # Point the descriptor at the null device so the interpreter's own final flush of what is
        # still buffered cannot raise "Exception ignored ... BrokenPipeError" either.
        self.putus = True
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            nul = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nul, self.asli.fileno())
            os.close(nul)


@contextlib.contextmanager
def konsol_aman() -> Iterator[None]:
    """Within the block ``sys.stdout``/``sys.stderr`` are :class:`AliranAman`; restored afterwards."""
    lama_out, lama_err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = AliranAman(lama_out), AliranAman(lama_err)
    try:
        yield
    finally:
        for s in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                s.flush()
        sys.stdout, sys.stderr = lama_out, lama_err


def cetak_json(data: Any) -> None:
    """``data`` as indented JSON on stdout; ``\\u`` escapes when stdout is not UTF-8 (nothing is lost)."""
    print(json.dumps(data, ensure_ascii=not _utf8(getattr(sys.stdout, "encoding", None)), indent=2))


_ALASAN_OS = {
    errno.ENOENT: "tidak ditemukan",
    errno.EACCES: "akses ditolak (periksa izin berkas/folder, atau tutup berkas itu di Excel)",
    errno.EPERM: "akses ditolak",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "folder itu hanya-baca",
    errno.EISDIR: "itu adalah folder",
    errno.ENOTDIR: "bagian dari path bukan folder",
    errno.EBUSY: "sedang dipakai program lain (mis. Excel)",
    errno.ENAMETOOLONG: "namanya terlalu panjang",
}


def pesan_os(e: OSError, path: object, kerja: str) -> str:
    """One Indonesian sentence for an OS error on ``path`` ("Berkas 'X' tidak dapat ditulis: disk penuh.")."""
    alasan = _ALASAN_OS.get(e.errno or -1, f"galat sistem nomor {e.errno}" if e.errno else type(e).__name__)
    return f"Berkas '{path}' tidak dapat {kerja}: {alasan}."
