"""The scripts of the xlwings Lite edition: Validasi and Hitung with nothing installed but the Lite add-in.

xlwings Lite (an Office add-in from the add-in store) runs Python inside the add-in through Pyodide, in
Excel for Windows, macOS and the web. The Lite edition of the form (``SKP_2026_lite.xlsx`` and its
variants, built by :mod:`skpxl.bangun.lite`) stores a short ``main.py`` that imports these functions and
decorates them with ``@script``; ``requirements.txt`` names skpxl, which Lite installs from a wheel.

Each script gets the workbook as xlwings' remote ``Book`` (the object ``xw.Book(json=payload)`` builds),
runs the same service as the desktop buttons (:mod:`skpxl.excel.tombol`) and ends with the same one
Indonesian sentence. Lite shows what a script prints in its task pane, so the sentence is printed (and
returned); no ``App.alert`` is sent, because an action the client cannot apply would fail after Python
has finished, outside any error handling. Nothing raises: an unusable workbook is one sentence, an
unexpected error is one sentence with the technical detail on the Hasil Validasi sheet.

Nothing here imports calamine, openpyxl, XlsxWriter, rich, numpy, pandas, ``multiprocessing`` or
``threading`` (Pyodide has no threads or processes); ``tests/excel/test_lite.py`` proves it in a fresh
interpreter.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

from skpxl.core.periode import AKHIR, Periode

if TYPE_CHECKING:
    from skpxl.buku.adapters.base import Workbook
    from skpxl.layanan.service import Laporan

__all__ = [
    "SEMUA_PERIODE",
    "PeriodeLite",
    "hitung",
    "hitung_periode",
    "lembar_dibaca",
    "pilihan_periode",
    "validasi",
]

SEMUA_PERIODE: Final = "Semua periode"

PeriodeLite = Literal[
    "Semua periode",
    "Triwulan I",
    "Triwulan II",
    "Triwulan III",
    "Triwulan IV",
    "Semester I",
    "Semester II",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
    "Akhir",
]
"""What App Mode's dropdown may offer (``main.py`` narrows it to the periods of its own variant)."""


def validasi(book: Any) -> str:
    """Validasi: check the form, list the findings on "Hasil Validasi", highlight their cells."""

    def kerja(wb: Workbook) -> Laporan:
        from skpxl.layanan.service import validasi_buku

        return validasi_buku(wb)

    return _jalankan_lite("Validasi", book, kerja)


def hitung(book: Any) -> str:
    """Hitung: validate, compute every period and AKHIR, write the results into the blue cells."""
    return hitung_periode(book, SEMUA_PERIODE)


def hitung_periode(book: Any, periode: PeriodeLite = SEMUA_PERIODE) -> str:
    """Hitung for one period (and AKHIR), or every period with :data:`SEMUA_PERIODE`."""
    kode = None if periode == SEMUA_PERIODE else str(periode)

    def kerja(wb: Workbook) -> Laporan:
        from skpxl.layanan.service import hitung_buku

        return hitung_buku(wb, periode=kode)  # an unknown period is one sentence (InputTidakValid)

    return _jalankan_lite("Hitung", book, kerja)


def lembar_dibaca(lembar_evaluasi: tuple[str, ...]) -> list[str]:
    """The sheets whose contents a script needs sent (``@script(include=...)``): the rest only gets written."""
    from skpxl.buku import layout as L

    return [L.LEMBAR_SKP, *lembar_evaluasi, L.LEMBAR_META, L.LEMBAR_HASIL_VALIDASI]


def _jalankan_lite(nama: str, book: Any, kerja: Callable[[Workbook], Laporan]) -> str:
    from skpxl.excel.tombol import _jalankan  # the desktop buttons' run: one sentence, never raises

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pesan, _ = _jalankan(nama, book, kerja)
    print(pesan)
    return pesan


def pilihan_periode(periode: Sequence[Periode]) -> list[str]:
    """App Mode's dropdown entries for ``periode``: "Triwulan I", …, "Akhir" (each read back by cari_periode)."""
    return ["Akhir" if p.kode == AKHIR else p.label for p in periode]
