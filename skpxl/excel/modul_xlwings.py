"""skpxl's build of xlwings' VBA module: settings only from trusted places, never code from a workbook.

xlwings' VBA module (``xlwings.bas`` for the template, ``xlwings_custom_addin.bas`` for the add-in; BSD-3, the
notice stays at the top) looks for every setting first in a ``<PROJECT_NAME>.conf`` sheet of the active workbook
(add-in) or of the template, then in a ``<PROJECT_NAME>.conf`` file in that workbook's folder, then in the user's
config file. For the add-in the active workbook is any staff file, so a hidden sheet in it, or a file dropped into
its (shared) folder, could choose ``INTERPRETER_WIN``, ``PYTHONPATH``, ``CONDA PATH`` or a ``LICENSE_KEY`` that
makes xlwings run the code of ``*.py`` sheets: whoever clicks Validasi would run the attacker's program. For the
template the folder file still reaches every key its sheet leaves out (``CONDA PATH``/``CONDA ENV`` run
``<CONDA PATH>\\condabin\\conda.bat``).

:func:`modul_xlwings_aman` therefore builds the module for both artifacts from the wheel's source with:

* ``GetConfig`` replaced by the one in ``addin/vba/xlwings_aman.bas``: ``ThisWorkbook``'s settings sheet (the
  add-in itself, or the template, which *is* the code holder), then the user's config file, then the default;
* ``GetDirectoryConfigFilePath`` (the folder file) removed;
* in ``RunPython``: a workbook with ``*.py`` sheets is refused with one Indonesian sentence instead of running
  their code through ``xlwings.pro``; ``ADD_WORKBOOK_TO_PYTHONPATH`` is ignored (the workbook's folder never goes
  on ``sys.path``) and the workbook's full path is no longer put (unquoted) on the ``cmd.exe`` line; the same in
  ``XLPyCommand`` (the UDF server);
* a note under the licence saying that skpxl modified the module.

Every edit must match the wheel's text exactly as often as expected, or the build stops: a new xlwings version
is re-checked by hand, never patched blindly.
"""

from __future__ import annotations

import re
from pathlib import Path

from skpxl.core.errors import BerkasTidakTerbaca
from skpxl.excel.vba import BaseKind, read_bas, xlwings_vba_module

__all__ = ["BAS_AMAN", "DIHAPUS", "modul_xlwings_aman", "prosedur", "prosedur_pengganti"]

BAS_AMAN = "addin/vba/xlwings_aman.bas"
DIHAPUS = ("GetDirectoryConfigFilePath",)

_CATATAN = (
    '\'Attribute VB_Name = "Main"\n',
    "' Modified by skpxl (see addin/vba/xlwings_aman.bas): settings are read only from ThisWorkbook and the\n"
    "' user's config file, never from the active workbook or a workbook's folder; code embedded in a workbook\n"
    "' (*.py sheets) is refused; the workbook's folder never goes on sys.path.\n\n"
    '\'Attribute VB_Name = "Main"\n',
)

# (text in the wheel's module, replacement, expected number of matches), on LF text.
_TAMBALAN: tuple[tuple[str, str, int], ...] = (
    (
        "    If uses_embedded_code = True Then\n"
        '        AddExcelDir = "false"\n'
        "    Else\n"
        '        AddExcelDir = GetConfig("ADD_WORKBOOK_TO_PYTHONPATH", "true")\n'
        "    End If\n",
        "    ' skpxl: code embedded in a workbook (a sheet named *.py) is never run, and no workbook's folder goes on\n"
        "    ' sys.path, whatever a settings file says: either would let a file choose what Python executes.\n"
        "    If uses_embedded_code = True Then\n"
        '        MsgBox "Buku kerja ini memuat lembar kode Python (*.py), padahal skpxl tidak pernah menjalankan '
        'kode dari buku kerja; perintah dibatalkan.", vbCritical, "SKP"\n'
        "        Exit Function\n"
        "    End If\n"
        '    AddExcelDir = "false"\n',
        1,
    ),
    (
        "    ' PythonCommand with embedded code\n"
        "    If uses_embedded_code = True Then\n"
        '        licenseKey = GetConfig("LICENSE_KEY")\n'
        '        If licenseKey = "" Then\n'
        '            MsgBox "Embedded code requires a valid LICENSE_KEY."\n'
        "            Exit Function\n"
        "        Else\n"
        '            PythonCommand = "import xlwings.pro;xlwings.pro.runpython_embedded_code(\'" & SourcePythonCommand'
        ' & "\')"\n'
        "        End If\n"
        "    End If\n"
        "\n",
        "",
        1,
    ),
    (
        "    ' TODO: Doesn't automatically check if code is embedded\n"
        '    AddExcelDir = GetConfig("ADD_WORKBOOK_TO_PYTHONPATH", "true")\n',
        "    ' skpxl: no workbook's folder goes on the UDF server's sys.path\n    AddExcelDir = \"false\"\n",
        1,
    ),
    (*_CATATAN, 1),
)

# The workbook paths handed to xlwings.utils.prepare_sys_path (used only with ADD_WORKBOOK_TO_PYTHONPATH, now
# always false) sit unquoted on the cmd.exe line: leave them out. RunPython (Mac and Windows) and XLPyCommand.
_JALUR_BUKU = re.compile(r'AddExcelDir & ";" & [\w.]+ & ";" & [\w.]+ & ";" & ')
_JALUR_BUKU_KOSONG = 'AddExcelDir & ";;;" & '
_JALUR_BUKU_JUMLAH = 3

_KEPALA = r"^(?:(?:Public|Private)\s+)?(?:Function|Sub)\s+{nama}\b.*$"
_AKHIR = re.compile(r"^End\s+(?:Function|Sub)\s*$", re.MULTILINE)
_SEMUA_KEPALA = re.compile(r"^(?:(?:Public|Private)\s+)?(?:Function|Sub)\s+(\w+)\b", re.MULTILINE)


def _rentang(teks: str, nama: str) -> tuple[int, int]:
    """Start and end (after the ``End Function``/``End Sub`` line) of the one procedure ``nama`` in ``teks``."""
    kepala = list(re.finditer(_KEPALA.format(nama=re.escape(nama)), teks, re.MULTILINE))
    if len(kepala) != 1:
        raise BerkasTidakTerbaca(f"Prosedur VBA {nama} tidak ditemukan tepat satu kali pada modul xlwings.")
    akhir = _AKHIR.search(teks, kepala[0].end())
    if akhir is None:
        raise BerkasTidakTerbaca(f"Prosedur VBA {nama} tidak memiliki baris penutup.")
    return kepala[0].start(), akhir.end() + (1 if teks[akhir.end() : akhir.end() + 1] == "\n" else 0)


def prosedur(teks: str, nama: str) -> str:
    """The text of procedure ``nama`` (header to ``End …`` line, LF line ends) in VBA source ``teks``."""
    lf = teks.replace("\r\n", "\n")
    awal, akhir = _rentang(lf, nama)
    return lf[awal:akhir]


def prosedur_pengganti(akar: Path) -> dict[str, str]:
    """Procedure name → text of every procedure in ``addin/vba/xlwings_aman.bas`` (LF line ends)."""
    teks = read_bas(akar / BAS_AMAN).replace("\r\n", "\n")
    return {nama: prosedur(teks, nama) for nama in _SEMUA_KEPALA.findall(teks)}


def modul_xlwings_aman(kind: BaseKind, akar: Path, *, project_name: str | None = None) -> str:
    """The xlwings VBA module of the template (``"template"``) or add-in (``"addin"``), hardened; CRLF text."""
    teks = xlwings_vba_module(kind, project_name=project_name).replace("\r\n", "\n")
    for nama, isi in prosedur_pengganti(akar).items():
        awal, akhir = _rentang(teks, nama)
        teks = teks[:awal] + isi + teks[akhir:]
    for nama in DIHAPUS:
        awal, akhir = _rentang(teks, nama)
        teks = teks[:awal] + teks[akhir:].lstrip("\n")
    for lama, baru, jumlah in _TAMBALAN:
        if teks.count(lama) != jumlah:
            raise BerkasTidakTerbaca(
                "Modul VBA xlwings tidak lagi memuat teks yang diubah skpxl; periksa ulang perubahan di "
                "skpxl/excel/modul_xlwings.py untuk versi xlwings ini."
            )
        teks = teks.replace(lama, baru)
    teks, n = _JALUR_BUKU.subn(_JALUR_BUKU_KOSONG, teks)
    if n != _JALUR_BUKU_JUMLAH:
        raise BerkasTidakTerbaca("Baris PYTHONPATH modul VBA xlwings tidak dikenali; periksa ulang untuk versi ini.")
    return teks.replace("\n", "\r\n")
