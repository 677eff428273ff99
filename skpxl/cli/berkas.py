"""``skpxl validasi FILE`` and ``skpxl hitung FILE``: the buttons for PCs without Excel or with macros blocked.

Before anything is parsed the file passes the bounded pre-read checks of :mod:`skpxl.buku.pengaman`
(an unusable or hostile file gets one Indonesian sentence and exit code 2). The file is written
only through :func:`skpxl.buku.berkas.tulis_aman` (temp file, backup, atomic replace), or to ``-o OUT``.
Macros in the workbook are kept as they are and never run. Exit codes: 0 clean, 1 findings with
errors, 2 unusable input or output (``-o`` of another kind than the input, a missing output folder,
a period the form does not have; every OS error names the path it concerns, in Indonesian).
``--json`` prints the envelope of :mod:`skpxl.layanan.kontrak`, for errors too.
"""

from __future__ import annotations

import argparse
import contextlib
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
from skpxl.cli.argumen import kalimat
from skpxl.cli.konsol import cetak_json
from skpxl.core.errors import BerkasTidakTertulis, InputTidakValid, SkpxlError
from skpxl.core.numbers import format_angka
from skpxl.core.packs import PAKET_BAKU
from skpxl.core.periode import cari_periode
from skpxl.core.teks import tampil, tanpa_surogat
from skpxl.core.versi import __version__
from skpxl.layanan.laporan import ringkasan_temuan, teks_hasil, teks_temuan

if TYPE_CHECKING:
    from skpxl.buku.pengaman import HasilPeriksa
    from skpxl.layanan import kontrak
    from skpxl.layanan.service import Laporan
    from skpxl.legacy import HasilLegacy

KELUAR_BERSIH, KELUAR_TEMUAN, KELUAR_INPUT = 0, 1, 2


def jenis_periode(teks: str) -> str:
    """``--periode`` checked while the arguments are parsed (an unknown period is exit 2 with a suggestion)."""
    try:
        return cari_periode(teks).kode
    except InputTidakValid as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def daftar(sub: Any) -> None:
    """Register the subcommands on ``skpxl``'s subparsers."""
    for perintah, bantuan in (
        ("validasi", "periksa formulir SKP dan tulis lembar Hasil Validasi"),
        ("hitung", "hitung capaian, rating, predikat dan angka kredit, lalu tulis ke buku kerja"),
    ):
        p = sub.add_parser(perintah, help=bantuan, description=kalimat(bantuan))
        p.add_argument("berkas", metavar="FILE", type=Path, help="buku kerja SKP (.xlsx/.xlsm)")
        p.add_argument("-o", "--output", metavar="OUT", type=Path,
                       help="tulis hasil ke berkas ini, berakhiran sama dengan FILE (berkas asli tidak diubah); "
                       "tanpa -o berkas asli diperbarui setelah dibuat cadangannya")  # fmt: skip
        p.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin (skema docs/skema/)")
        p.add_argument("--tanpa-tulis", action="store_true", help="hanya laporkan; jangan menulis berkas apa pun")
        p.add_argument("--cadangan", type=int, metavar="N", default=SIMPAN_CADANGAN,
                       help=f"jumlah cadangan terakhir per berkas yang disimpan di folder {CADANGAN} di sebelahnya "
                       f"(bawaan: {SIMPAN_CADANGAN})")  # fmt: skip
        if perintah == "hitung":
            p.add_argument(
                "--periode", metavar="P", type=jenis_periode, help="periode, mis. TW1, S2, B03, AKHIR (bawaan: semua)"
            )
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

        if periode:
            raise InputTidakValid(
                f"Formulir format lama ({paket}) dinilai untuk satu periode saja, tanpa --periode; hapus --periode."
            )
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


def periksa_o(args: argparse.Namespace) -> None:
    """``-o`` must be the input's kind in an existing folder, and never together with ``--tanpa-tulis``."""
    path: Path = args.berkas
    if args.output is None:
        return
    tujuan: Path = args.output
    if args.tanpa_tulis:
        raise InputTidakValid("-o dan --tanpa-tulis tidak dapat dipakai bersama: pilih salah satu.")
    akhiran = path.suffix.lower()
    if tujuan.suffix.lower() != akhiran:
        makro = " beserta makronya" if akhiran == ".xlsm" else ""
        raise InputTidakValid(
            f"Berkas keluaran '{tampil(tujuan.name)}' harus berakhiran {akhiran} seperti '{tampil(path.name)}': "
            f"hasilnya buku kerja yang sama{makro}, dan Excel menolak berkas yang akhirannya tidak sesuai isinya."
        )
    if not tujuan.parent.is_dir():
        raise InputTidakValid(
            f"Folder tujuan '{tampil(tujuan.parent)}' tidak ada; buat dulu foldernya atau pilih folder lain."
        )


def jalankan(args: argparse.Namespace) -> int:
    from skpxl.batch.pekerja import GalatPekerja, jalankan_terpisah
    from skpxl.layanan import kontrak

    path: Path = args.berkas
    waktu = datetime.now().replace(microsecond=0)
    tujuan: Path | None = None
    cadangan: Path | None = None
    try:
        periksa_jalur(path)  # the input's own problems first, before the output's
        periksa_o(args)
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
        return _gagal(args, str(e), waktu)
    except OSError as e:  # outside the worker only the output's temp file and backup are touched
        if tujuan is not None:
            return _gagal(args, pesan_tulis(tujuan, e), waktu)
        return _gagal(args, pengaman.pesan_oserror(tampil(path), e), waktu)
    except GalatPekerja as e:  # a bug must not end in a traceback on a staff PC; the file is untouched
        return _gagal(args, galat_tak_terduga(tampil(path.name), str(e)), waktu)
    if hasil.lama is not None:
        return _cetak_lama(args, path, hasil.lama, tujuan, cadangan, waktu)
    lap = hasil.lap
    assert lap is not None
    kode = KELUAR_TEMUAN if lap.jumlah_kesalahan else KELUAR_BERSIH
    if args.json:
        laporan = kontrak.laporan_buku(
            "hitung" if args.perintah_berkas == "hitung" else "validasi",
            tanpa_surogat(str(path)), lap.paket, lap.temuan, lap.hasil, waktu, kode_keluar=kode,
            ditulis_ke=_teks(tujuan), cadangan=_teks(cadangan),
        )  # fmt: skip
        cetak_json(kontrak.ke_data(laporan))
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
    return kode


def _teks(p: Path | None) -> str | None:
    return None if p is None else tanpa_surogat(str(p))


def _paket(diminta: str | None, info: HasilPeriksa) -> str:
    """The rule pack: ``--paket``, else the workbook's metadata (read by the pre-read check), else the current one."""
    from skpxl.core.packs import info_paket

    if diminta:
        return info_paket(diminta).id
    return info.paket_id or PAKET_BAKU


def _cetak_lama(
    args: argparse.Namespace,
    path: Path,
    hasil: HasilLegacy,
    tujuan: Path | None,
    cadangan: Path | None,
    waktu: datetime,
) -> int:
    """Report a workbook in the legacy layout, computed with an old pack (pp-46-2011, permenpanrb-8-2021)."""
    from skpxl.layanan import kontrak

    kode = KELUAR_TEMUAN if hasil.ada_kesalahan else KELUAR_BERSIH
    if args.json:
        cetak_json(kontrak.ke_data(laporan_lama(args, hasil, waktu, kode, tujuan, cadangan)))
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
    return kode


def laporan_lama(
    args: argparse.Namespace,
    hasil: HasilLegacy,
    waktu: datetime,
    kode: int,
    tujuan: Path | None,
    cadangan: Path | None,
) -> kontrak.Laporan:
    """The envelope of an old-layout workbook: the same keys as the current pack, the old results under ``lama``."""
    from skpxl.layanan import kontrak

    data = hasil.ke_dict()
    return kontrak.Laporan(
        versi_skpxl=__version__,
        perintah="hitung" if args.perintah_berkas == "hitung" else "validasi",
        waktu=waktu.astimezone(),
        kode_keluar=kode,
        berkas=tanpa_surogat(str(args.berkas)),
        ditulis_ke=_teks(tujuan),
        cadangan=_teks(cadangan),
        paket=kontrak.JsonPaket(**data["paket"]),  # its stamp names the non-default options the pack used
        jumlah=kontrak.jumlah_temuan([t.tingkat.value for t in hasil.temuan]),
        temuan=[kontrak.json_temuan(t) for t in hasil.temuan],
        lama=kontrak.JsonHasilLama(
            template=data["template"],
            identitas=data["identitas"],
            baris=data["baris"],
            total=data["total"],
            nilai=data["nilai"],
            sebutan=data["sebutan"],
            lengkap=data["lengkap"],
            penjelasan=data["penjelasan"],
        ),
    )


def _gagal(args: argparse.Namespace, pesan: str, waktu: datetime) -> int:
    from skpxl.layanan import kontrak

    print(tampil(f"skpxl: {pesan}", baris=True), file=sys.stderr)
    if args.json:
        galat = kontrak.laporan_galat(
            args.perintah_berkas, tanpa_surogat(str(args.berkas)), tanpa_surogat(pesan), waktu
        )
        cetak_json(kontrak.ke_data(galat))
    return KELUAR_INPUT
