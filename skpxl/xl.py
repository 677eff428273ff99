"""Stable entry name for VBA: workbooks and the add-in call ``RunPython "import skpxl.xl as x; x.validasi()"``.

The button code lives in :mod:`skpxl.excel.tombol`; this name must not move, or every workbook already handed out
would stop working.
"""

from skpxl.excel.tombol import hitung, validasi

__all__ = ["hitung", "validasi"]
