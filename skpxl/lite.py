"""The scripts the xlwings Lite edition's ``main.py`` imports (``from skpxl import lite``).

They live in :mod:`skpxl.excel.lite`; this name must not move, or every Lite form already handed out would stop
working.
"""

from skpxl.excel.lite import SEMUA_PERIODE, PeriodeLite, hitung, hitung_periode, validasi

__all__ = ["SEMUA_PERIODE", "PeriodeLite", "hitung", "hitung_periode", "validasi"]
