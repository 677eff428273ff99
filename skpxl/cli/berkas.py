"""``skpxl validasi FILE`` and ``skpxl hitung FILE``: the buttons for PCs without Excel or with macros blocked.

Before anything is parsed the file passes the bounded pre-read checks of :mod:`skpxl.buku.pengaman`
(an unusable or hostile file gets one Indonesian sentence and exit code 2). The file is written
only through :func:`skpxl.buku.berkas.tulis_aman` (temp file, backup, atomic replace), or to ``-o OUT``.
Macros in the workbook are kept as they are and never run. Exit codes: 0 clean, 1 findings with
errors, 2 unusable input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skpxl.buku import pengaman
from skpxl.buku.berkas import (
    CADANGAN,
    SIMPAN_CADANGAN,
    PenulisanAman,
    galat_tak_terduga,
    periksa_berkas,
    periksa_jalur,
    periksa_keluaran,
    pesan_tulis,
)
from skpxl.core.errors import BerkasTidakTertulis, SkpxlError
from skpxl.core.numbers import format_angka
from skpxl.core.packs import PAKET_BAKU
from skpxl.core.teks import tampil, tanpa_surogat
from skpxl.layanan.laporan import ke_json, ringkasan_temuan, teks_hasil, teks_temuan

if TYPE_CHECKING:
    from skpxl.buku.pengaman import HasilPeriksa
    from skpxl.layanan.service import Laporan
    from skpxl.legacy import HasilLegacy

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
        p.add_argument("--cadangan", type=int, metavar="N", default=SIMPAN_CADANGAN,
                       help=f"jumlah cadangan terakhir per berkas yang disimpan di folder {CADANGAN} di sebelahnya "
                       f"(bawaan: {SIMPAN_CADANGAN})")  # fmt: skip
        if perintah == "hitung":
            p.add_argument("--periode", metavar="P", help="periode, mis. TW1, S2, B03, AKHIR (bawaan: semua)")
            p.add_argument(
                "--paket",
                metavar="ID",
                help="paket aturan: permenpanrb-6-2022 (bawaan), permenpanrb-8-2021 "
                "atau pp-46-2011 (formulir lama); tanpa --paket diambil dari metadata buku kerja",
            )
        p.set_defaults(fungsi=jalankan, perintah_berkas=perintah)


@dataclass
class _Hasil:
    """What the worker sends back (picklable): the report of the current or of a legacy pack."""

    lap: Laporan | None = None
    lama: HasilLegacy | None = None
    ditulis: bool = False


def _kerja(
    path: Path,
    perintah: str,
    periode: str | None,
    paket_diminta: str | None,
    tmp: Path | None,
    tujuan: str,
    waktu: datetime,
) -> _Hasil:
    """Check, read, validate/compute and (with ``tmp``) write the new workbook to ``tmp``; runs in a worker."""
    from skpxl.buku.adapters.openpyxl_adapter import buka
    from skpxl.buku.gambar import pertahankan_gambar
    from skpxl.buku.pengaman import cek_templat
    from skpxl.layanan.service import hitung_buku, validasi_buku

    info = periksa_berkas(path)  # bounded pre-read checks (skpxl.buku.pengaman) before any parse
    paket = _paket(paket_diminta, info)
    nama = tampil(path.name)
    if paket != PAKET_BAKU:
        from skpxl.legacy import hitung_berkas, tulis_hasil

        hasil = hitung_berkas(path, paket)
        if perintah != "hitung" or tmp is None:
            return _Hasil(lama=hasil)
        _simpan(lambda: tulis_hasil(path, tmp, hasil), tujuan)
        pertahankan_gambar(path, tmp, nama)
        return _Hasil(lama=hasil, ditulis=True)
    cek_templat(info)
    wb = buka(path)
    lap = hitung_buku(wb, periode=periode, waktu=waktu) if perintah == "hitung" else validasi_buku(wb, waktu=waktu)
    if tmp is None:
        return _Hasil(lap=lap)
    _simpan(lambda: wb.save(tmp), tujuan)
    pertahankan_gambar(path, tmp, nama)
    return _Hasil(lap=lap, ditulis=True)


def _simpan(simpan: Callable[[], None], tujuan: str) -> None:
    try:
        simpan()
    except OSError as e:
        raise BerkasTidakTertulis(pesan_tulis(Path(tujuan), e)) from None


def jalankan(args: argparse.Namespace) -> int:
    from skpxl.batch.pekerja import GalatPekerja, jalankan_terpisah

    path: Path = args.berkas
    waktu = datetime.now().replace(microsecond=0)
    tujuan: Path | None = None
    cadangan: Path | None = None
    try:
        periksa_jalur(path)  # the input's own problems first, before the output's
        penulisan: PenulisanAman | None = None
        tmp = None
        if not args.tanpa_tulis:
            tujuan = args.output or path
            if args.output is not None:
                periksa_keluaran(path, args.output)
            penulisan = PenulisanAman(tujuan, sumber=path, waktu=waktu, simpan=args.cadangan)
            tmp = penulisan.buka()
        with penulisan or contextlib.nullcontext():
            hasil = jalankan_terpisah(
                _kerja,
                path,
                args.perintah_berkas,
                getattr(args, "periode", None),
                getattr(args, "paket", None),
                tmp,
                str(tujuan),
                waktu,
                nama=tampil(path.name),
                batas_waktu=pengaman.BATAS_WAKTU_BERKAS,
                bersihkan=() if tmp is None else (tmp,),
            )
            if penulisan is not None and hasil.ditulis:
                cadangan = penulisan.selesai()
            else:
                tujuan = None
    except SkpxlError as e:
        return _gagal(args, str(e))
    except OSError as e:
        return _gagal(args, f"Berkas '{tampil(path)}' tidak dapat dibaca atau ditulis: {e.strerror or e}.")
    except GalatPekerja as e:  # a bug must not end in a traceback on a staff PC; the file is untouched
        return _gagal(args, galat_tak_terduga(tampil(path.name), str(e)))
    if hasil.lama is not None:
        return _cetak_lama(args, path, hasil.lama, tujuan, cadangan)
    lap = hasil.lap
    assert lap is not None
    if args.json:
        data = ke_json(tanpa_surogat(str(path)), lap.paket, lap.temuan, lap.hasil, waktu.isoformat())
        data["ditulis_ke"] = None if tujuan is None else tanpa_surogat(str(tujuan))
        data["cadangan"] = None if cadangan is None else tanpa_surogat(str(cadangan))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(tampil(f"{path.name}: {ringkasan_temuan(lap.temuan)}"))
        for baris in teks_temuan(lap.temuan):
            print(tampil(baris))
        if lap.hasil is not None:
            for baris in teks_hasil(lap.hasil):
                print(tampil(baris))
        if tujuan is not None:
            print(tampil(f"Ditulis ke {tujuan}" + (f" (cadangan: {CADANGAN}/{cadangan.name})" if cadangan else "")))
        print(tampil(lap.kalimat()))
    return KELUAR_TEMUAN if lap.jumlah_kesalahan else KELUAR_BERSIH


def _paket(diminta: str | None, info: HasilPeriksa) -> str:
    """The rule pack: ``--paket``, else the workbook's metadata (read by the pre-read check), else the current one."""
    from skpxl.core.packs import info_paket

    if diminta:
        return info_paket(diminta).id
    return info.paket_id or PAKET_BAKU


def _cetak_lama(
    args: argparse.Namespace, path: Path, hasil: HasilLegacy, tujuan: Path | None, cadangan: Path | None
) -> int:
    """Report a workbook in the legacy layout, computed with an old pack (pp-46-2011, permenpanrb-8-2021)."""
    if args.json:
        data = hasil.ke_dict()
        data["ditulis_ke"] = None if tujuan is None else tanpa_surogat(str(tujuan))
        data["cadangan"] = None if cadangan is None else tanpa_surogat(str(cadangan))
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(tampil(f"{path.name}: paket aturan {hasil.stempel}; {len(hasil.temuan)} temuan"))
        for t in hasil.temuan:
            print(tampil(f"  [{t.kode}] {t.alamat + ': ' if t.alamat else ''}{t.pesan}"))
        for p in hasil.penjelasan:
            print(tampil(f"  {p.bagian}: {p.teks}"))
        nilai = "-" if hasil.nilai is None else format_angka(hasil.nilai)
        print(tampil(f"Nilai akhir: {nilai} ({hasil.sebutan or 'belum dapat ditetapkan'})"))
        if tujuan is not None:
            print(tampil(f"Ditulis ke {tujuan}" + (f" (cadangan: {CADANGAN}/{cadangan.name})" if cadangan else "")))
    return KELUAR_TEMUAN if hasil.ada_kesalahan else KELUAR_BERSIH


def _gagal(args: argparse.Namespace, pesan: str) -> int:
    if args.json:
        print(
            json.dumps({"berkas": tanpa_surogat(str(args.berkas)), "galat": tanpa_surogat(pesan)}, ensure_ascii=False)
        )
    else:
        print(tampil(f"skpxl: {pesan}", baris=True), file=sys.stderr)
    return KELUAR_INPUT
