"""The xlwings Lite edition of every template: ``SKP_2026_lite.xlsx`` and its semesteran/bulanan variants.

Each is the variant's template (XlsxWriter, :func:`skpxl.buku.templat.build_bytes`) with, added at zip level
by :mod:`skpxl.excel.ekstensi`:

* the web extension of xlwings Lite holding ``main.py`` — a short module that imports the scripts of
  :mod:`skpxl.lite` and decorates them — and ``requirements.txt`` (the lines Lite marks ``# required``,
  then skpxl pinned to the version being built), with the task pane set to open with the document;
* the shapes **Validasi** and **Hitung** of :func:`skpxl.buku.layout.tombol_lite` on the SKP sheet and every
  EVALUASI sheet, each linked to the cell it covers and named in its script's ``button=`` string.

Sheets are left unprotected, as in the ``.xlsm``: Lite writes through Office.js, which refuses writes to
locked cells of a protected sheet, and Hitung writes the blue (locked) cells. Hitung rewrites them on every
run, so a value typed over one is corrected.
"""

from __future__ import annotations

import json
from pathlib import Path

from skpxl.buku.layout import Rancangan, lembar_evaluasi, nama_berkas_templat, rancang, tombol_lite
from skpxl.buku.templat import build_bytes
from skpxl.core.enums import Periodisasi
from skpxl.core.versi import __version__
from skpxl.excel.ekstensi import string_button, tambah_lite
from skpxl.excel.lite import SEMUA_PERIODE, lembar_dibaca, pilihan_periode

__all__ = ["BARIS_WAJIB_LITE", "bangun_lite", "kode_main", "nama_berkas_lite", "requirements_txt", "tulis_lite"]

# The lines Lite itself puts first and marks "# required", as the newest public workbook saved by Lite records
# them (tests/bangun/data/xlwings_lite/). Lite brings its own xlwings: skpxl must not pin another one there.
BARIS_WAJIB_LITE = (
    "xlwings==0.33.15  # required",
    "python-dotenv==1.0.1  # required",
    "pyodide-http  # required",
    "black  # required",
)


def nama_berkas_lite(periodisasi: Periodisasi | str) -> str:
    """SKP_2026_lite.xlsx, SKP_2026_semesteran_lite.xlsx, SKP_2026_bulanan_lite.xlsx."""
    return nama_berkas_templat(periodisasi).removesuffix(".xlsx") + "_lite.xlsx"


def requirements_txt(versi: str = __version__) -> str:
    """Lite's ``requirements.txt``: its required lines, then skpxl at exactly the version that built the form."""
    return "\n".join((*BARIS_WAJIB_LITE, f"skpxl=={versi}"))


def _daftar(nilai: list[str], indent: str) -> str:
    return "[\n" + "".join(f"{indent}    {json.dumps(v)},\n" for v in nilai) + f"{indent}]"


def kode_main(r: Rancangan, versi: str = __version__) -> str:
    """``main.py`` of the Lite edition of layout ``r``: imports the scripts of skpxl.lite and decorates them."""
    evaluasi = tuple(lembar_evaluasi(p) for p in r.periode)
    pilihan = [SEMUA_PERIODE, *pilihan_periode(r.periode)]
    bagian = [
        f'"""Formulir SKP ({r.periodisasi.value.lower()}), edisi xlwings Lite - dibuat oleh skpxl {versi}.\n'
        "\n"
        "Tombol Validasi dan Hitung di lembar SKP dan di setiap lembar EVALUASI menjalankan skrip di bawah;\n"
        "skrip yang sama ada di panel xlwings Lite. Semua perhitungan ada di paket skpxl (requirements.txt).\n"
        '"""\n'
        "\n"
        "from typing import Literal\n"
        "\n"
        "import xlwings as xw\n"
        "from xlwings import script\n"
        "\n"
        "from skpxl import lite\n"
        "\n"
        "# Only these sheets are sent to Python; the DOKUMEN EVALUASI sheets are only written.\n"
        f"DIBACA = {_daftar(lembar_dibaca(evaluasi), '')}\n",
        '@script(name="Validasi", include=DIBACA, show_taskpane=True)\n'
        "def validasi(book: xw.Book):\n"
        '    """Periksa formulir. Temuan ada di lembar Hasil Validasi, selnya diwarnai."""\n'
        "    lite.validasi(book)\n",
        '@script(name="Hitung", include=DIBACA, show_taskpane=True)\n'
        "def hitung(\n"
        "    book: xw.Book,\n"
        f"    periode: Literal{_daftar(pilihan, '    ')} = {json.dumps(SEMUA_PERIODE)},\n"
        "):\n"
        '    """Hitung capaian, rating dan predikat. Hasilnya di sel biru dan lembar DOKUMEN EVALUASI."""\n'
        "    lite.hitung_periode(book, periode)\n",
    ]
    for t in tombol_lite(r):
        fungsi = f"{t.makro}_{_pengenal(t.lembar)}"
        nama = json.dumps(f"{t.teks} ({t.lembar})")
        bagian.append(
            f"@script(button={json.dumps(string_button(t))}, name={nama}, include=DIBACA, show_taskpane=True)\n"
            f"def {fungsi}(book: xw.Book):\n"
            f"    lite.{t.makro}(book)\n"
        )
    return "\n\n".join(bagian)


def _pengenal(lembar: str) -> str:
    """ "EVALUASI TRIWULAN I" → "evaluasi_triwulan_i" (a Python name for the sheet's button scripts)."""
    return "_".join(lembar.lower().split())


def bangun_lite(periodisasi: Periodisasi | str, versi: str = __version__) -> bytes:
    """The Lite edition of one template variant as ``.xlsx`` bytes (byte-reproducible)."""
    r = rancang(periodisasi)
    data = build_bytes(periodisasi=r.periodisasi, protect=False)
    return tambah_lite(
        data,
        main_py=kode_main(r, versi),
        requirements=requirements_txt(versi),
        tombol=tombol_lite(r),
        lebar_kolom=r.lebar_kolom,
    )


def tulis_lite(folder: str | Path, varian: tuple[Periodisasi, ...]) -> list[Path]:
    """Write the Lite edition of each variant into ``folder``; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ditulis = []
    for pz in varian:
        p = folder / nama_berkas_lite(pz)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_bytes(bangun_lite(pz))
        tmp.replace(p)
        ditulis.append(p)
    return ditulis
