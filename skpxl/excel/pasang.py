"""``skpxl addin install`` / ``skpxl addin remove``: the ribbon add-in in Excel's startup folder.

The xlwings manner (``xlwings addin install``): copy the ``.xlam`` into the user's Excel startup
folder ``XLSTART``, which Excel opens at start-up and trusts by default. xlwings asks a running
Excel for ``Application.StartupPath``; skpxl uses the documented default folders instead, so no
Excel (and no COM) is needed:

* Windows: ``%APPDATA%\\Microsoft\\Excel\\XLSTART``;
* macOS (Excel 2016 and later): ``~/Library/Group Containers/UBF8T346G9.Office/User
  Content.localized/Startup.localized/Excel`` (or the same path without ``.localized`` when
  that is the one that exists).

Installing also writes the add-in's user settings (the add-in's own settings sheet deliberately
holds nothing machine-specific, see :mod:`skpxl.excel.artefak`): ``INTERPRETER_WIN`` /
``INTERPRETER_MAC`` = the Python running this command (the one with skpxl installed) and, on
Windows, ``USE UDF SERVER`` (``--tanpa-server-udf`` turns it off), in
``%USERPROFILE%\\.skpxl\\skpxl.conf`` (Windows) or
``~/Library/Containers/com.microsoft.Excel/Data/skpxl.conf`` (macOS), where the add-in's xlwings
module looks for them. Other lines of an existing file are kept. On macOS, RunPython also needs
xlwings' AppleScript in ``~/Library/Application Scripts/com.microsoft.Excel`` (what ``xlwings
runpython install`` does); it is copied from the installed xlwings.

On Linux there is no Excel: the command says so in Indonesian, names the commands that work
without Excel, and exits with 2. Exit codes: 0 done, 2 not possible (Linux, file not found,
file locked by a running Excel).

This module imports neither xlwings nor openpyxl, so registering the commands keeps ``skpxl --help`` fast.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "NAMA_ADDIN",
    "berkas_konfigurasi_pengguna",
    "cari_berkas_addin",
    "daftar",
    "daftar_perintah_addin",
    "folder_xlstart",
    "lepas_addin",
    "pasang_addin",
]

NAMA_ADDIN = "skpxl.xlam"
KELUAR_BERHASIL, KELUAR_TIDAK_BISA = 0, 2

_MAC_STARTUP = (
    "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel",
    "Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel",
)
_MAC_DATA_EXCEL = "Library/Containers/com.microsoft.Excel/Data"
_MAC_APPLESCRIPT = "Library/Application Scripts/com.microsoft.Excel"

PESAN_LINUX = (
    "Excel tidak tersedia di Linux, jadi add-in SKP tidak dapat dipasang di sini. "
    "Tanpa Excel, jalankan 'skpxl validasi BERKAS.xlsx' dan 'skpxl hitung BERKAS.xlsx' "
    "(hasilnya ditulis ke buku kerja itu, setelah dibuat cadangannya), lalu buka berkasnya di LibreOffice Calc "
    "atau kirim ke PC Windows/macOS yang memiliki Excel. Add-in dipasang dengan perintah yang sama di Windows "
    "atau macOS."
)

Cetak = Callable[[str], None]


def _platform(platform: str | None) -> str:
    p = platform or sys.platform
    if p.startswith("win"):
        return "windows"
    if p == "darwin":
        return "macos"
    return "lain"


def folder_xlstart(
    platform: str | None = None, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Path | None:
    """The user's Excel startup folder, or None where Excel does not exist (Linux)."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    jenis = _platform(platform)
    if jenis == "windows":
        appdata = env.get("APPDATA") or str(home / "AppData" / "Roaming")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if jenis == "macos":
        calon = [home / p for p in _MAC_STARTUP]
        return next((c for c in calon if c.is_dir()), calon[0])
    return None


def berkas_konfigurasi_pengguna(
    platform: str | None = None, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Path | None:
    """Where the add-in's xlwings module reads user settings (``GetConfigFilePath`` with PROJECT_NAME skpxl)."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    jenis = _platform(platform)
    if jenis == "windows":
        return Path(env.get("USERPROFILE") or str(home)) / ".skpxl" / "skpxl.conf"
    if jenis == "macos":
        return home / _MAC_DATA_EXCEL / "skpxl.conf"
    return None


def cari_berkas_addin(berkas: Path | None = None) -> Path | None:
    """The ``skpxl.xlam`` to install: ``berkas``, else the package data ``skpxl/addin/`` (wheel), else a checkout's."""
    if berkas is not None:
        return berkas if berkas.is_file() else None
    paket = Path(__file__).resolve().parents[1]
    calon = [
        paket / "addin" / NAMA_ADDIN,  # package data of a wheel (setup.py maps addin/ to skpxl.addin)
        paket.parent / "addin" / NAMA_ADDIN,  # source checkout / editable install
    ]
    return next((c for c in calon if c.is_file()), None)


def _encoding_konfigurasi() -> str:
    # VBA reads the file with "Line Input" in the ANSI code page on Windows; xlwings' own
    # ``config create`` writes it with Python's default (ANSI) encoding too.
    return "mbcs" if sys.platform.startswith("win") else "utf-8"


def _tulis_konfigurasi(path: Path, nilai: Mapping[str, str]) -> None:
    """Set ``"KEY","VALUE"`` lines (the format of xlwings' config files), keeping the other lines."""
    encoding = _encoding_konfigurasi()
    baris: list[str] = []
    if path.is_file():
        baris = path.read_text(encoding=encoding, errors="replace").splitlines()
    sisa = dict(nilai)
    hasil = []
    for b in baris:
        m = re.match(r'\s*"([^"]*)"\s*,', b)
        kunci = m.group(1).upper() if m else None
        if kunci is not None and kunci in sisa:
            hasil.append(f'"{kunci}","{sisa.pop(kunci)}"')
        else:
            hasil.append(b)
    hasil += [f'"{k}","{v}"' for k, v in sisa.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(hasil) + "\n", encoding=encoding, errors="replace")


def _applescript_xlwings() -> Path | None:
    spec = importlib.util.find_spec("xlwings")  # does not import xlwings
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return next(iter(sorted(folder.glob("xlwings-*.applescript"))), None)


def pasang_addin(
    *,
    berkas: Path | None = None,
    server_udf: bool = True,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
    python: str | None = None,
    cetak: Cetak = print,
) -> int:
    """Install the add-in for this user; returns the exit code (messages go to ``cetak``)."""
    jenis = _platform(platform)
    tujuan_folder = folder_xlstart(platform, env, home)
    conf = berkas_konfigurasi_pengguna(platform, env, home)
    if tujuan_folder is None or conf is None:
        cetak(PESAN_LINUX)
        return KELUAR_TIDAK_BISA
    sumber = cari_berkas_addin(berkas)
    if sumber is None:
        cetak(
            f"Berkas add-in {NAMA_ADDIN} tidak ditemukan"
            + (f" di {berkas}" if berkas else "")
            + "; sebutkan lokasinya dengan --berkas PATH, atau pasang ulang skpxl."
        )
        return KELUAR_TIDAK_BISA
    tujuan = tujuan_folder / NAMA_ADDIN
    try:
        tujuan_folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sumber, tujuan)
    except OSError as e:
        cetak(
            f"Add-in tidak dapat disalin ke {tujuan}: {e.strerror or e}. Tutup Excel (add-in lama mungkin "
            "sedang terbuka), lalu jalankan perintah ini lagi."
        )
        return KELUAR_TIDAK_BISA
    interpreter = python or sys.executable
    nilai = {"INTERPRETER_WIN" if jenis == "windows" else "INTERPRETER_MAC": interpreter}
    if jenis == "windows":
        nilai["USE UDF SERVER"] = "True" if server_udf else "False"
    try:
        _tulis_konfigurasi(conf, nilai)
    except OSError as e:
        cetak(f"Add-in terpasang, tetapi pengaturan {conf} tidak dapat ditulis: {e.strerror or e}.")
        return KELUAR_TIDAK_BISA
    cetak(f"Add-in SKP terpasang di {tujuan}.")
    cetak(f"Pengaturan Python untuk add-in ditulis di {conf} (interpreter: {interpreter}).")
    if jenis == "macos":
        skrip = _applescript_xlwings()
        folder_skrip = (Path.home() if home is None else home) / _MAC_APPLESCRIPT
        if skrip is None:
            cetak("Peringatan: AppleScript xlwings tidak ditemukan; jalankan 'xlwings runpython install'.")
        else:
            try:
                folder_skrip.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(skrip, folder_skrip / skrip.name)
            except OSError as e:
                cetak(f"Peringatan: {skrip.name} tidak dapat disalin ke {folder_skrip}: {e.strerror or e}.")
        cetak("Tutup Excel sepenuhnya (Cmd-Q) lalu buka lagi: tab SKP muncul di pita (ribbon).")
    else:
        cetak("Tutup lalu buka kembali Excel: tab SKP muncul di pita (ribbon).")
    return KELUAR_BERHASIL


def lepas_addin(
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
    cetak: Cetak = print,
) -> int:
    """Remove the add-in from the startup folder (the user settings file stays); returns the exit code."""
    folder = folder_xlstart(platform, env, home)
    if folder is None:
        cetak(PESAN_LINUX)
        return KELUAR_TIDAK_BISA
    path = folder / NAMA_ADDIN
    if not path.exists():
        cetak(f"Add-in SKP tidak terpasang ({path} tidak ada); tidak ada yang dilepas.")
        return KELUAR_BERHASIL
    try:
        path.unlink()
    except OSError as e:
        cetak(
            f"Add-in tidak dapat dihapus dari {path}: {e.strerror or e}. Tutup Excel lalu jalankan perintah ini "
            "lagi, atau hapus berkasnya secara manual."
        )
        return KELUAR_TIDAK_BISA
    conf = berkas_konfigurasi_pengguna(platform, env, home)
    cetak(f"Add-in SKP dilepas dari {path}. Tab SKP hilang setelah Excel dibuka ulang.")
    if conf is not None and conf.exists():
        cetak(f"Berkas pengaturan {conf} dibiarkan; hapus manual bila tidak diperlukan lagi.")
    return KELUAR_BERHASIL


# --------------------------------------------------------------------------- command line


def _perintah_pasang(args: argparse.Namespace) -> int:
    return pasang_addin(berkas=args.berkas, server_udf=not args.tanpa_server_udf)


def _perintah_lepas(args: argparse.Namespace) -> int:
    return lepas_addin()


def daftar(sub: Any) -> None:
    """Register ``skpxl addin install|remove`` on ``skpxl``'s subparsers (``argparse._SubParsersAction``)."""
    addin = sub.add_parser(
        "addin",
        help="pasang atau lepas add-in Excel (tab SKP di pita)",
        description="Pasang atau lepas add-in Excel skpxl (tab SKP: Validasi, Hitung, Bantuan).",
    )
    aksi = addin.add_subparsers(dest="aksi_addin", metavar="AKSI", required=True)
    pasang = aksi.add_parser(
        "install",
        aliases=["pasang"],
        help="salin add-in ke folder XLSTART Excel dan atur Python-nya",
        description="Salin skpxl.xlam ke folder XLSTART Excel (Windows/macOS) dan tulis pengaturan Python-nya.",
    )
    pasang.add_argument("--berkas", metavar="PATH", type=Path, help="skpxl.xlam yang dipasang (bawaan: bawaan skpxl)")
    pasang.add_argument(
        "--tanpa-server-udf",
        action="store_true",
        help="jalankan Python baru pada setiap klik (lebih lambat; pakai bila server UDF xlwings diblokir)",
    )
    pasang.set_defaults(fungsi=_perintah_pasang)
    lepas = aksi.add_parser(
        "remove",
        aliases=["lepas"],
        help="hapus add-in dari folder XLSTART Excel",
        description="Hapus skpxl.xlam dari folder XLSTART Excel.",
    )
    lepas.set_defaults(fungsi=_perintah_lepas)


daftar_perintah_addin = daftar
