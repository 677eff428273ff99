"""``skpxl validasi FILE`` and ``skpxl hitung FILE``: the buttons for PCs without Excel or with macros blocked.

Before anything is parsed the file passes the bounded pre-read checks of :mod:`skpxl.buku.pengaman`
(an unusable or hostile file gets one Indonesian sentence and exit code 2). The file is written
only through :func:`skpxl.buku.berkas.tulis_aman` (temp file, backup, atomic replace), or to ``-o OUT``.
Macros in the workbook are kept as they are and never run. Exit codes: 0 clean, 1 findings with
errors, 2 unusable input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skpxl.buku.berkas import galat_tak_terduga, periksa_berkas, tulis_aman
from skpxl.core.errors import SkpxlError
from skpxl.core.numbers import format_angka
from skpxl.core.packs import PAKET_BAKU
from skpxl.layanan.laporan import ke_json, ringkasan_temuan, teks_hasil, teks_temuan

if TYPE_CHECKING:
    from skpxl.buku.pengaman import HasilPeriksa

KELUAR_BERSIH, KELUAR_TEMUAN, KELUAR_INPUT = 0, 1, 2


def daftar(sub: Any) -> None:
    """Register the subcommands on ``skpxl``'s subparsers."""
    for perintah, bantuan in (
        ("validasi", "periksa formulir SKP dan tulis lembar Hasil Validasi"),
        ("hitung", "hitung capaian, rating, predikat dan angka kredit, lalu tulis ke buku kerja"),
    ):
        p = sub.add_parser(perintah, help=bantuan, description=bantuan.capitalize() + ".")
        p.add_argument("berkas", metavar="FILE", type=Path, help="buku kerja SKP (.xlsx/.xlsm)")
        p.add_argument("-o", "--output", metavar="OUT", type=Path,
                       help="tulis hasil ke berkas ini (berkas asli tidak diubah); tanpa -o berkas asli diperbarui "
                       "setelah dibuat cadangannya")  # fmt: skip
        p.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
        p.add_argument("--tanpa-tulis", action="store_true", help="hanya laporkan; jangan menulis berkas apa pun")
        if perintah == "hitung":
            p.add_argument("--periode", metavar="P", help="periode, mis. TW1, S2, B03, AKHIR (bawaan: semua)")
            p.add_argument(
                "--paket",
                metavar="ID",
                help="paket aturan: permenpanrb-6-2022 (bawaan), permenpanrb-8-2021 "
                "atau pp-46-2011 (formulir lama); tanpa --paket diambil dari metadata buku kerja",
            )
        p.set_defaults(fungsi=jalankan, perintah_berkas=perintah)


def jalankan(args: argparse.Namespace) -> int:
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.buku.pengaman import cek_templat
    from skpxl.layanan.service import hitung_buku, validasi_buku

    path: Path = args.berkas
    waktu = datetime.now().replace(microsecond=0)
    try:
        info = periksa_berkas(path)  # bounded pre-read checks (skpxl.buku.pengaman) before any parse
        paket = _paket(args, info)
        if paket != PAKET_BAKU:
            return _jalankan_lama(args, path, paket, waktu)
        cek_templat(info)
        wb = buka(path)
        if args.perintah_berkas == "hitung":
            lap = hitung_buku(wb, periode=args.periode, waktu=waktu)
        else:
            lap = validasi_buku(wb, waktu=waktu)
        cadangan = None
        tujuan = None
        if not args.tanpa_tulis:
            tujuan = args.output or path
            cadangan = tulis_aman(
                tujuan, lambda tmp: wb.save(tmp), cadangan_dari=path if tujuan == path else None, waktu=waktu
            )
    except SkpxlError as e:
        return _gagal(args, str(e))
    except OSError as e:
        return _gagal(args, f"Berkas '{path}' tidak dapat dibaca atau ditulis: {e.strerror or e}.")
    except Exception as e:  # a bug must not end in a traceback on a staff PC; the file is untouched
        if os.environ.get("SKPXL_DEBUG"):
            raise
        return _gagal(args, galat_tak_terduga(path.name, e))
    if args.json:
        data = ke_json(str(path), lap.paket, lap.temuan, lap.hasil, waktu.isoformat())
        data["ditulis_ke"] = None if tujuan is None else str(tujuan)
        data["cadangan"] = None if cadangan is None else str(cadangan)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"{path.name}: {ringkasan_temuan(lap.temuan)}")
        for baris in teks_temuan(lap.temuan):
            print(baris)
        if lap.hasil is not None:
            for baris in teks_hasil(lap.hasil):
                print(baris)
        if tujuan is not None:
            print(f"Ditulis ke {tujuan}" + (f" (cadangan: {cadangan.name})" if cadangan else ""))
        print(lap.kalimat())
    return KELUAR_TEMUAN if lap.jumlah_kesalahan else KELUAR_BERSIH


def _paket(args: argparse.Namespace, info: HasilPeriksa) -> str:
    """The rule pack: ``--paket``, else the workbook's metadata (read by the pre-read check), else the current one."""
    from skpxl.core.packs import info_paket

    diminta = getattr(args, "paket", None)
    if diminta:
        return info_paket(diminta).id
    return info.paket_id or PAKET_BAKU


def _jalankan_lama(args: argparse.Namespace, path: Path, paket: str, waktu: datetime) -> int:
    """A workbook in the legacy layout, computed with an old pack (pp-46-2011, permenpanrb-8-2021)."""
    from skpxl.legacy import hitung_berkas, tulis_hasil

    hasil = hitung_berkas(path, paket)
    tujuan = cadangan = None
    if args.perintah_berkas == "hitung" and not args.tanpa_tulis:
        tujuan = args.output or path
        cadangan = tulis_aman(
            tujuan,
            lambda tmp: tulis_hasil(path, tmp, hasil),
            cadangan_dari=path if tujuan == path else None,
            waktu=waktu,
        )
    if args.json:
        data = hasil.ke_dict()
        data["ditulis_ke"] = None if tujuan is None else str(tujuan)
        data["cadangan"] = None if cadangan is None else str(cadangan)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"{path.name}: paket aturan {hasil.stempel}; {len(hasil.temuan)} temuan")
        for t in hasil.temuan:
            print(f"  [{t.kode}] {t.alamat + ': ' if t.alamat else ''}{t.pesan}")
        for p in hasil.penjelasan:
            print(f"  {p.bagian}: {p.teks}")
        nilai = "-" if hasil.nilai is None else format_angka(hasil.nilai)
        print(f"Nilai akhir: {nilai} ({hasil.sebutan or 'belum dapat ditetapkan'})")
        if tujuan is not None:
            print(f"Ditulis ke {tujuan}" + (f" (cadangan: {cadangan.name})" if cadangan else ""))
    return KELUAR_TEMUAN if hasil.ada_kesalahan else KELUAR_BERSIH


def _gagal(args: argparse.Namespace, pesan: str) -> int:
    if args.json:
        print(json.dumps({"berkas": str(args.berkas), "galat": pesan}, ensure_ascii=False))
    else:
        print(f"skpxl: {pesan}", file=sys.stderr)
    return KELUAR_INPUT
