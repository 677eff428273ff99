"""Legacy SKP workbooks: a simple layout for the old rule packs ``pp-46-2011`` and ``permenpanrb-8-2021``.

- :mod:`skpxl.legacy.layout` — the layouts (sheets, defined names, table headers), defined once;
- :mod:`skpxl.legacy.template` — the XlsxWriter builder (``python -m skpxl.legacy`` rebuilds the files in
  ``workbook_templates/legacy/``);
- :mod:`skpxl.legacy.baca` / :mod:`skpxl.legacy.hitung` — read, compute and write back with openpyxl.

Typical use::

    from skpxl.legacy import hitung_berkas, tulis_hasil

    hasil = hitung_berkas("SKP_PP46_2011_contoh.xlsx")  # pack from the workbook's metadata
    print(hasil.nilai, hasil.sebutan)                   # 83.22 Baik
    tulis_hasil("SKP_PP46_2011_contoh.xlsx", "hasil.xlsx", hasil)
"""

from skpxl.legacy.baca import paket_dari_metadata
from skpxl.legacy.hitung import BarisHasil, HasilLegacy, Penjelasan, hitung_berkas, tulis_hasil
from skpxl.legacy.layout import TATA_LETAK, TataLetak, tata_letak
from skpxl.legacy.temuan import Temuan

__all__ = [
    "TATA_LETAK",
    "BarisHasil",
    "HasilLegacy",
    "Penjelasan",
    "TataLetak",
    "Temuan",
    "hitung_berkas",
    "paket_dari_metadata",
    "tata_letak",
    "tulis_hasil",
]
