"""Entry points of the Excel buttons: what VBA's ``RunPython`` calls.

The template's buttons and the add-in's ribbon run::

    RunPython "import skpxl.xl as x; x.validasi()"
    RunPython "import skpxl.xl as x; x.hitung()"

Both find the workbook with ``xw.Book.caller()`` (the template itself, or the active workbook
for the add-in), wrap it in :class:`~skpxl.buku.adapters.xlwings_adapter.XlwingsWorkbook` and run the
same service as the command line (:func:`skpxl.layanan.service.validasi_buku` /
:func:`skpxl.layanan.service.hitung_buku`). The same functions work under xlwings Server and with a
remote-engine book (``xw.Book(json=...)`` + ``set_mock_caller()``), which is how the tests drive
them without Excel.

What the civil servant sees is always **one Indonesian sentence** in a message box
(``App.alert``): the run's summary, or why it could not run. Nothing here lets a traceback
reach Excel:

* a workbook carrying xlwings settings or code sheets (``skpxl.conf``, ``xlwings.conf``, ``*.py``;
  see :func:`alasan_ditolak`) → refused before any cell is read;
* an :class:`~skpxl.core.errors.SkpxlError` (not an SKP workbook, unusable input) → its sentence;
* any other exception → a general sentence, and the technical detail (exception type and
  message, the innermost skpxl line, versions; no traceback) on the "Hasil Validasi" sheet,
  but only in a workbook that is an SKP workbook;
* if even the message box cannot be shown (no caller, an engine without ``alert``): under
  ``RunPython`` the sentence goes to stderr with exit code 1, which xlwings' VBA shows in its
  own message box; elsewhere a :class:`RuntimeError` carries the sentence.

Python warnings are silenced during a run: on macOS any stderr output would pop up as an error.
Importing this module imports xlwings without pandas/numpy (see :mod:`skpxl.excel.xlimport`).
"""

from __future__ import annotations

import contextlib
import platform
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from skpxl.excel.xlimport import gc_jarang, impor_xlwings

if TYPE_CHECKING:
    from skpxl.buku.adapters.base import Workbook
    from skpxl.layanan.service import Laporan

xw = impor_xlwings()

__all__ = ["LEMBAR_PENGATURAN_XLWINGS", "alasan_ditolak", "hitung", "validasi"]

JUDUL = "SKP"


# Sheets xlwings reads settings from (interpreter, PYTHONPATH, licence key): skpxl.conf is the add-in's
# PROJECT_NAME, xlwings.conf the template's and xlwings' own. Lower case; Excel compares sheet names so.
LEMBAR_PENGATURAN_XLWINGS = ("skpxl.conf", "xlwings.conf")


def validasi() -> None:
    """Button **Validasi**: check the form, list findings on "Hasil Validasi", highlight their cells."""

    def kerja(wb: Workbook) -> Laporan:
        from skpxl.layanan.service import validasi_buku

        return validasi_buku(wb)

    _tombol("Validasi", kerja)


def hitung(periode: str | None = None) -> None:
    """Button **Hitung**: validate, compute every period (or ``periode``) and AKHIR, write the results."""

    def kerja(wb: Workbook) -> Laporan:
        from skpxl.layanan.service import hitung_buku

        return hitung_buku(wb, periode=periode)

    _tombol("Hitung", kerja)


# --------------------------------------------------------------------------- the run


def _tombol(nama: str, kerja: Callable[[Workbook], Laporan]) -> None:
    judul = f"{JUDUL} – {nama}"
    try:
        book = xw.Book.caller()
    except Exception:
        _tanpa_kotak_pesan(
            f"{nama} tidak dapat dijalankan: skpxl tidak menemukan buku kerja yang memanggilnya; "
            "jalankan dari tombol di Excel."
        )
        return
    with warnings.catch_warnings(), gc_jarang():
        warnings.simplefilter("ignore")
        pesan, mode = _jalankan(nama, book, kerja)
        try:
            book.app.alert(pesan, title=judul, mode=mode)
        except Exception:
            _tanpa_kotak_pesan(pesan)


def _jalankan(nama: str, book: Any, kerja: Callable[[Workbook], Laporan]) -> tuple[str, str]:
    """Run the service; return (sentence, alert mode). Never raises."""
    from skpxl.core.errors import SkpxlError

    wb: Workbook | None = None
    try:
        alasan = alasan_ditolak(str(book.name), [str(s.name) for s in book.sheets])
        if alasan is not None:
            return f"{nama} dibatalkan: {alasan}", "critical"
        from skpxl.buku.adapters.xlwings_adapter import XlwingsWorkbook

        wb = XlwingsWorkbook(book)
        laporan = kerja(wb)
        return laporan.kalimat(), ("info" if laporan.jumlah_kesalahan == 0 else "critical")
    except SkpxlError as e:
        return _satu_kalimat(str(e)), "critical"
    except Exception as e:
        if wb is not None and _tulis_rincian(wb, nama, e):
            return (
                f"{nama} berhenti karena kesalahan tak terduga di skpxl; rincian teknisnya ada di lembar "
                "Hasil Validasi untuk diteruskan ke pengelola TI."
            ), "critical"
        return (
            f"{nama} berhenti karena kesalahan tak terduga di skpxl ({type(e).__name__}); "
            "teruskan pesan ini ke pengelola TI."
        ), "critical"


def alasan_ditolak(nama_buku: str, nama_lembar: Iterable[str]) -> str | None:
    """Why a workbook must not be processed from Excel (lower-case start, one sentence), or None.

    A staff workbook never chooses what runs (issue 12): a sheet named ``skpxl.conf``/``xlwings.conf`` is
    where xlwings reads its interpreter, PYTHONPATH and licence key, and a sheet named ``*.py`` holds code
    xlwings would run ("embedded code"). The add-in's VBA refuses such a workbook before Python starts
    (``addin/vba/SKPPeriksa.bas``); this is the second wall, and the only one for other callers. The one
    exception is the macro template (``.xlsm``), which holds its own code and reads its own ``xlwings.conf``.
    Hidden sheets count; names compare case-insensitively, as Excel's do.
    """
    bermakro = nama_buku.lower().endswith(".xlsm")
    pengaturan: list[str] = []
    kode: list[str] = []
    for n in nama_lembar:
        kecil = n.lower()
        if kecil in LEMBAR_PENGATURAN_XLWINGS and not (bermakro and kecil == "xlwings.conf"):
            pengaturan.append(n)
        elif kecil.endswith(".py"):
            kode.append(n)
    if not pengaturan and not kode:
        return None
    bagian = []
    if pengaturan:
        bagian.append("lembar pengaturan xlwings " + ", ".join(f"'{n}'" for n in pengaturan))
    if kode:
        bagian.append("lembar kode Python " + ", ".join(f"'{n}'" for n in kode))
    return (
        f"buku kerja ini memuat {' dan '.join(bagian)}, yang dapat membuat Excel menjalankan program lain, "
        "padahal skpxl tidak pernah memakai pengaturan atau kode dari buku kerja; minta berkas .xlsx yang bersih "
        "dari pengirimnya atau periksa berkas ini dengan perintah skpxl validasi BERKAS."
    )


def _satu_kalimat(teks: str) -> str:
    teks = " ".join(teks.split())
    return teks or "Terjadi kesalahan tanpa keterangan."


def _tanpa_kotak_pesan(pesan: str) -> None:
    """Report without ``App.alert``: stderr + exit 1 under RunPython (xlwings shows it), else raise."""
    if any(a == "--from_xl=1" for a in sys.argv):
        sys.stderr.write(pesan + "\n")
        sys.stderr.flush()
        raise SystemExit(1)
    raise RuntimeError(pesan)


# --------------------------------------------------------------------------- details of an unexpected error


def _lokasi(tb: TracebackType | None) -> str:
    """The innermost frame inside skpxl as "skpxl/buku/render.py:123 (fungsi)" (not a traceback)."""
    paket = Path(__file__).resolve().parents[1]
    lokasi = ""
    for f in traceback.extract_tb(tb):
        try:
            rel = Path(f.filename).resolve().relative_to(paket)
        except ValueError:
            continue
        lokasi = f"skpxl/{rel.as_posix()}:{f.lineno} ({f.name})"
    return lokasi or "-"


def _tampak_skp(wb: Workbook) -> bool:
    from skpxl.buku import layout as L

    lembar = set(wb.sheet_names())
    return L.LEMBAR_SKP in lembar or L.LEMBAR_HASIL_VALIDASI in lembar


def _tulis_rincian(wb: Workbook, nama: str, e: BaseException) -> bool:
    """Write the technical detail of ``e`` on the Hasil Validasi sheet; False when not possible."""
    try:
        from skpxl.buku import layout as L
        from skpxl.buku.render import BARIS_KEPALA_HV, SEL_JUMLAH_HV, hapus_sorotan_lama
        from skpxl.core.versi import __version__

        if not _tampak_skp(wb):
            return False
        with contextlib.suppress(Exception):
            hapus_sorotan_lama(wb)  # the old list goes away: give its highlights back their fill first
        hv = L.LEMBAR_HASIL_VALIDASI
        wb.ensure_sheet(hv)
        wb.clear_sheet(hv)
        wb.write_block(hv, "A1", [["HASIL VALIDASI SKP"], [f"{nama} berhenti karena kesalahan tak terduga di skpxl."]])
        r, c = L.urai_sel(SEL_JUMLAH_HV)  # the count the next run reads back: 0, nothing to un-highlight
        wb.write_block(hv, L.sel(r, c - 1), [["Jumlah temuan", 0]])
        pesan = _satu_kalimat(str(e))[:500]
        rincian: list[list[str | None]] = [
            ["RINCIAN TEKNIS (untuk pengelola TI)", None],
            ["Perintah", nama],
            ["Waktu", f"{datetime.now():%d/%m/%Y %H:%M:%S}"],
            ["Galat", f"{type(e).__name__}: {pesan}" if pesan else type(e).__name__],
            ["Lokasi", _lokasi(e.__traceback__)],
            [
                "Versi",
                f"skpxl {__version__}, xlwings {getattr(xw, '__version__', '?')}, Python {platform.python_version()}",
            ],
        ]
        wb.write_block(hv, f"A{BARIS_KEPALA_HV}", rincian)
        return True
    except Exception:
        return False
