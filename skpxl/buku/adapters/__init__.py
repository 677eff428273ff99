"""Workbook adapters behind one small protocol (see :mod:`skpxl.buku.adapters.base`).

Importing this package stays light: the file adapters (openpyxl, calamine) are
imported only from their own modules.
"""

from skpxl.buku.adapters.base import Block, CellValue, Ref, Workbook, WorkbookReader

__all__ = ["Block", "CellValue", "Ref", "Workbook", "WorkbookReader"]
