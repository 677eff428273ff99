"""Text from files and file names made safe to show: names are data, never terminal commands or encoder crashes.

A file name that is not valid UTF-8 reaches Python as a string with lone surrogates
(:func:`os.fsdecode`); it is carried as it is (so the file can still be opened) and only shown
with U+FFFD. Control characters (an escape sequence stored in a unit name as ``_x001B_``, a
newline in a name) never reach the terminal.
"""

from __future__ import annotations

import os
import re

__all__ = ["tampil", "tanpa_surogat"]

_SUROGAT = re.compile("[\ud800-\udfff]")
_KONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_KONTROL_BARIS = re.compile("[\x00-\x1f\x7f-\x9f]")


def tanpa_surogat(teks: str) -> str:
    """``teks`` with every undecodable byte (a lone surrogate) replaced by U+FFFD."""
    return _SUROGAT.sub("\ufffd", teks)


def tampil(teks: str | os.PathLike[str], *, baris: bool = False) -> str:
    """``teks`` as it may be printed: undecodable bytes as U+FFFD, control characters as '?'.

    ``baris=True`` keeps newlines and tabs (a multi-line message); otherwise they become '?' too
    (a file name or a cell value printed on one line).
    """
    s = tanpa_surogat(os.fspath(teks))
    return (_KONTROL if baris else _KONTROL_BARIS).sub("?", s)
