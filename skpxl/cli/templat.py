"""``skpxl templat [FOLDER]``: copy the SKP forms out of the installed package, like ``xlwings quickstart``.

The forms are the files the one build (``python -m skpxl.bangun``) writes under ``workbook_templates/``;
a wheel carries that folder as the package data ``skpxl/formulir/`` (see ``setup.py``), a source
checkout is read in place. Nothing is ever overwritten: when a target exists, nothing is copied
and the command exits with 2. Exit codes: 0 copied, 2 not possible.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

KELUAR_BERHASIL, KELUAR_TIDAK_BISA = 0, 2

# (flag, folder or pattern in the forms folder, what it is) — the flags add to the three .xlsx forms.
TAMBAHAN = (
    ("bermakro", "*.xlsm", "formulir dengan tombol Validasi dan Hitung (.xlsm)"),
    ("lite", "*_lite.xlsx", "formulir edisi xlwings Lite"),
    ("contoh", "contoh", "unit contoh: 16 berkas SKP terisi dan manifest.json"),
    ("lama", "legacy", "formulir format lama (pp-46-2011, permenpanrb-8-2021) beserta contohnya"),
    ("latihan", "latihan", "bahan latihan beserta kunci jawabannya"),
)


def folder_formulir() -> Path | None:
    """The built forms: the package data ``skpxl/formulir`` (wheel), else the checkout's ``workbook_templates``."""
    paket = Path(__file__).resolve().parents[1]
    calon = (paket / "formulir", paket.parent / "workbook_templates")
    return next((c for c in calon if any(c.glob("SKP_*.xlsx"))), None)


def nama_formulir() -> list[str]:
    """File names of the three macro-free forms (one per periodisation), from the layout module."""
    from skpxl.buku.layout import nama_berkas_templat
    from skpxl.core.enums import Periodisasi

    urutan = (Periodisasi.TRIWULANAN, Periodisasi.SEMESTERAN, Periodisasi.BULANAN)
    return [nama_berkas_templat(pz) for pz in urutan]


def daftar(sub: Any) -> None:
    """Register ``templat`` on ``skpxl``'s subparsers."""
    from skpxl.cli.argumen import kalimat

    bantuan = "salin formulir SKP kosong (dan bila diminta: contoh, format lama, latihan) dari paket skpxl"
    p = sub.add_parser("templat", help=bantuan, description=kalimat(bantuan))
    p.add_argument(
        "folder", metavar="FOLDER", type=Path, nargs="?", default=Path("."), help="folder tujuan (bawaan: folder ini)"
    )
    for nama, _, isi in TAMBAHAN:
        p.add_argument(f"--{nama}", action="store_true", help=f"juga salin {isi}")
    p.set_defaults(fungsi=jalankan)


def rencana(sumber: Path, args: argparse.Namespace) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(source → target pairs, what was asked for but is not in this package)."""
    tujuan: Path = args.folder
    pasangan = [(sumber / n, tujuan / n) for n in nama_formulir()]
    hilang = [n for n in nama_formulir() if not (sumber / n).is_file()]
    for nama, pola, isi in TAMBAHAN:
        if not getattr(args, nama):
            continue
        if "*" in pola:
            berkas = sorted(sumber.glob(pola))
        else:
            berkas = sorted(p for p in (sumber / pola).rglob("*") if p.is_file())
        if not berkas:
            hilang.append(f"--{nama} ({isi})")
        pasangan += [(p, tujuan / p.relative_to(sumber)) for p in berkas]
    return pasangan, hilang


def jalankan(args: argparse.Namespace) -> int:
    sumber = folder_formulir()
    if sumber is None:
        return _gagal("Formulir SKP tidak ditemukan dalam paket skpxl yang terpasang; pasang ulang skpxl.")
    tujuan: Path = args.folder
    if tujuan.exists() and not tujuan.is_dir():
        return _gagal(f"'{tujuan}' adalah berkas, bukan folder; sebutkan folder tujuan.")
    pasangan, hilang = rencana(sumber, args)
    if hilang:
        return _gagal(f"Paket skpxl ini tidak berisi: {', '.join(hilang)}.")
    ada = [t for _, t in pasangan if t.exists()]
    if ada:
        return _gagal(
            f"'{ada[0]}' sudah ada{f' (dan {len(ada) - 1} berkas lain)' if len(ada) > 1 else ''}; tidak ada yang "
            "disalin agar berkas Anda tidak tertimpa. Pilih folder lain, mis. 'skpxl templat formulir_baru'."
        )
    try:
        for s, t in pasangan:
            t.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(s, t)  # a new file: the umask's normal mode, today's date
            print(f"Disalin: {t}")
    except OSError as e:
        from skpxl.cli.konsol import pesan_os

        return _gagal(pesan_os(e, Path(e.filename) if e.filename else tujuan, "ditulis"))
    print(f"{len(pasangan)} berkas disalin ke {tujuan.resolve()}.")
    return KELUAR_BERHASIL


def _gagal(pesan: str) -> int:
    print(f"skpxl: {pesan}", file=sys.stderr)
    return KELUAR_TIDAK_BISA
