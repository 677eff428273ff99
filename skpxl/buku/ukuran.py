"""How much room a text needs in a cell: the one estimate the template builder, the renderer and the recap use.

Excel never auto-fits the height of merged cells, and LibreOffice does not auto-fit rows of a file written by a
library either, so every row that holds more than one line of text gets an explicit height computed here from the
text, the font size and the column widths. Widths are Arial's (Helvetica's) advance widths; LibreOffice prints with
Liberation Sans, which has the same metrics. A column of width ``w`` (Excel character units of the default font,
Arial 10, whose digits are 7 px wide) is ``int(w * 7 + 0.5) + 5`` pixels, as Excel and XlsxWriter compute it.

Pure: no Excel library is imported here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from itertools import repeat

__all__ = [
    "TINGGI_BAKU",
    "baris_teks",
    "lebar_teks_px",
    "perlu_tinggi",
    "px_kolom",
    "tinggi_baris",
    "tinggi_baris_px",
]

TINGGI_BAKU = 12.75
"""Excel's default row height (pt) for the default font Arial 10."""

_PADDING_PX = 6  # cell margins and border Excel and LibreOffice leave around wrapped text
_CADANGAN = 1.04  # renderers differ a little in kerning and rounding: plan 4% wider text

# Helvetica/Arial advance widths (1/1000 em) of printable ASCII, from the Adobe core font metrics.
_LEBAR = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
        ),
        strict=True,
    )
)  # fmt: skip
_LEBAR.update({"–": 556, "—": 1000, "×": 584, "·": 278, "…": 1000, "’": 222, "‘": 222, "“": 333, "”": 333})
# Helvetica-Bold/Arial Bold letters; other bold characters are taken 8% wider than regular.
_LEBAR_TEBAL = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        (
            722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667,
            611, 722, 667, 944, 667, 667, 611, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278,
            889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500,
        ),
        strict=True,
    )
)  # fmt: skip
_TEBAL = 1.08
# Every bold width as lebar_teks_px computed it per character (the letter's bold width, else 8% wider than
# regular), so a bold line is one C-level sum over the characters instead of a Python expression per character.
_LEBAR_TEBAL_PENUH = {ch: _LEBAR_TEBAL.get(ch) or w * _TEBAL for ch, w in _LEBAR.items()}
_LEBAR_TEBAL_PENUH.update((ch, w) for ch, w in _LEBAR_TEBAL.items() if ch not in _LEBAR_TEBAL_PENUH)
_LAIN, _LAIN_TEBAL = 556, 556 * _TEBAL  # any other character


def px_kolom(lebar: float) -> int:
    """Pixel width of a column of ``lebar`` character units (Excel's rule, default font digits 7 px wide)."""
    if lebar <= 0:
        return 0
    if lebar < 1:
        return int(lebar * 12 + 0.5)
    return int(lebar * 7 + 0.5) + 5


def lebar_teks_px(teks: str, pt: float = 10, tebal: bool = False) -> float:
    """Width in pixels (96 dpi) of one line of ``teks`` in Arial ``pt``."""
    # the same per-character values added in the same order as a generator over ``teks`` would: the same float
    if tebal:
        em = sum(map(_LEBAR_TEBAL_PENUH.get, teks, repeat(_LAIN_TEBAL))) / 1000
    else:
        em = sum(map(_LEBAR.get, teks, repeat(_LAIN))) / 1000
    return em * pt * 96 / 72 * _CADANGAN


def baris_teks(teks: str, lebar_px: float, pt: float = 10, tebal: bool = False) -> int:
    """Lines ``teks`` takes when wrapped in a cell ``lebar_px`` wide.

    Words move whole; a line may also break after "/" or "-" (links, "rhk1-iki2"), as Excel and LibreOffice do;
    a piece still wider than the cell breaks where it reaches the edge.
    """
    ruang = max(lebar_px - _PADDING_PX, 1.0)
    spasi = lebar_teks_px(" ", pt, tebal)
    n = 0
    for paragraf in str(teks).split("\n"):
        n += 1
        isi = 0.0
        for kata in paragraf.split():
            for j, potong in enumerate(_PECAH.split(kata) if "/" in kata or "-" in kata else (kata,)):
                if not potong:
                    continue
                w = lebar_teks_px(potong, pt, tebal)
                jarak = spasi if j == 0 else 0.0  # pieces of one word follow each other without a space
                if isi and isi + jarak + w <= ruang:
                    isi += jarak + w
                    continue
                if isi:
                    n += 1
                while w > ruang:  # wider than the cell: broken where it reaches the edge
                    n += 1
                    w -= ruang
                isi = w
    return max(n, 1)


_PECAH = re.compile(r"(?<=[/-])")


def _garis(pt: float) -> float:
    """Height (pt) of one line of Arial ``pt``: ascent + descent + line gap = 1.15 em."""
    return pt * 1.15


def tinggi_baris(teks: str, lebar: float | Sequence[float], pt: float = 10, tebal: bool = False) -> float:
    """Row height (pt) that shows all of ``teks`` in a cell over columns of widths ``lebar`` (character units)."""
    px = px_kolom(lebar) if isinstance(lebar, int | float) else sum(px_kolom(w) for w in lebar)
    return tinggi_baris_px(teks, px, pt, tebal)


def tinggi_baris_px(teks: str, px: int, pt: float = 10, tebal: bool = False) -> float:
    """:func:`tinggi_baris` for a cell ``px`` pixels wide (:func:`px_kolom`, summed over merged columns)."""
    if len(teks) <= _TEKS_CACHE:
        return _tinggi_px_cache(teks, px, pt, tebal)
    return _tinggi_px(teks, px, pt, tebal)


def _tinggi_px(teks: str, px: int, pt: float, tebal: bool) -> float:
    n = baris_teks(teks, px, pt, tebal)
    if n == 1:  # Excel's own height for one line (12.75 pt for Arial 10)
        return max(TINGGI_BAKU, math.ceil(pt * 1.275 * 4) / 4)
    return max(TINGGI_BAKU, math.ceil((n * _garis(pt) + 3) * 4) / 4)


# A recap computes a height for every wrapped cell (≈17 per staff member) and the texts repeat (jabatan, unit,
# predikat, the messages of the Temuan sheet): the height of a short text in a cell of a given pixel width is
# kept. The result depends on nothing else (pt 10 and 10.0 compute alike); long texts are not kept, so a file
# full of 32,767-character cells cannot fill memory.
_TEKS_CACHE = 512
_tinggi_px_cache = functools.lru_cache(maxsize=8192)(_tinggi_px)


def perlu_tinggi(teks: str, lebar_px: float, pt: float = 10, tebal: bool = False) -> float:
    """The least height (pt) a cell ``lebar_px`` wide must have so no line of ``teks`` is cut (no margin)."""
    return baris_teks(teks, lebar_px, pt, tebal) * _garis(pt)
