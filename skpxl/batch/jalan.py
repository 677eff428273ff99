"""Running the batch: find the files, process them (in process, supervised workers or Dask), stream to the writer.

Sources are only ever read. The recap goes to a temporary file next to the target and is
moved into place only when complete. Every file passes the pre-read checks of
:mod:`skpxl.buku.pengaman`; with ``jobs`` ≥ 2 the files run in supervised worker processes
(:mod:`skpxl.batch.pengawas`: hard time limit per file, memory limit per worker on Linux, a
crashed worker replaced), in process (``jobs`` = 1) under the soft time limit only.
Spreadsheets skpxl cannot read (``.xls``, ``.xlsb``, ``.ods``) are listed too, so they are
reported in Berkas Bermasalah instead of silently left out.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Literal

from skpxl.batch.agregat import OPSI_KURVA, Agregat
from skpxl.batch.langkah import HasilBerkas, proses_berkas
from skpxl.buku.pengaman import BATAS_WAKTU_BERKAS
from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import PredikatOrganisasi
from skpxl.core.errors import InputTidakValid
from skpxl.core.packs.permenpanrb_6_2022 import INFO
from skpxl.core.periode import AKHIR, cari_periode

EKSTENSI = (".xlsx", ".xlsm")
EKSTENSI_DILAPORKAN = (".xls", ".xlsb", ".ods")  # found so that they are reported, never read

Mesin = Literal["proses", "dask"]


def cari_berkas(folder: Path) -> list[Path]:
    """Every .xlsx/.xlsm (and .xls/.xlsb/.ods, to report them) below ``folder`` (sorted).

    Excel lock files ``~$*`` and hidden temp files are skipped.
    """
    if not folder.is_dir():
        raise InputTidakValid(f"Folder '{folder}' tidak ditemukan.")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in EKSTENSI + EKSTENSI_DILAPORKAN and not p.name.startswith(("~$", ".")) and p.is_file()
    )


def _relatif(p: Path, folder: Path) -> str:
    return p.relative_to(folder).as_posix()


def _proses(item: tuple[str, str], periode: str | None, batas_waktu: float | None = None) -> HasilBerkas:
    return proses_berkas(item[0], item[1], periode, batas_waktu=batas_waktu)


def jalankan_langkah(
    items: Sequence[tuple[str, str]],
    periode: str | None,
    *,
    jobs: int,
    mesin: Mesin = "proses",
    scheduler: str | None = None,
    batas_waktu: float | None = BATAS_WAKTU_BERKAS,
) -> Iterator[HasilBerkas]:
    """Results in the order of ``items``, streamed.

    ``jobs`` ≥ 2: supervised worker processes (hard time limit ``batas_waktu`` per file, memory
    limit per worker on Linux). ``jobs`` = 1: in this process, soft time limit only (POSIX main
    thread). Dask: the scheduler's workers (pre-read checks only; Dask's own memory limits).
    """
    fungsi = partial(_proses, periode=periode, batas_waktu=batas_waktu)
    if mesin == "dask":
        from skpxl.batch.dask_mesin import jalankan_dask

        yield from jalankan_dask(items, fungsi, jobs=jobs, scheduler=scheduler)
    elif jobs <= 1:
        yield from map(fungsi, items)
    else:
        from skpxl.batch.pengawas import jalankan_diawasi

        yield from jalankan_diawasi(items, periode, jobs=jobs, batas_waktu=batas_waktu)


def baca_roster(path: Path) -> list[tuple[str, str | None]]:
    """(NIP, nama) rows of a CSV or XLSX roster; the NIP column is the one whose header says NIP."""
    if not path.is_file():
        raise InputTidakValid(f"Daftar pegawai '{path}' tidak ditemukan.")
    rows: list[list[object]]
    if path.suffix.lower() == ".csv":
        teks = path.read_text(encoding="utf-8-sig")
        dialek = csv.Sniffer().sniff(teks[:2048], delimiters=",;\t") if teks.strip() else csv.excel
        rows = [list(r) for r in csv.reader(teks.splitlines(), dialek)]
    elif path.suffix.lower() in EKSTENSI:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        rows = [list(r) for r in wb.get_sheet_by_index(0).to_python()]
    else:
        raise InputTidakValid(f"Daftar pegawai harus berupa .csv atau .xlsx, bukan '{path.suffix}'.")
    if not rows:
        raise InputTidakValid(f"Daftar pegawai '{path.name}' kosong.")
    kepala = [str(x).strip().upper() for x in rows[0]]
    if "NIP" not in kepala:
        raise InputTidakValid(f"Daftar pegawai '{path.name}' tidak punya kolom berjudul NIP pada baris pertama.")
    i_nip = kepala.index("NIP")
    i_nama = next((i for i, k in enumerate(kepala) if k.startswith("NAMA")), None)
    hasil = []
    for r in rows[1:]:
        nip = "".join(str(r[i_nip]).split()).lstrip("'") if i_nip < len(r) and r[i_nip] not in (None, "") else ""
        if nip.endswith(".0"):
            nip = nip[:-2]
        if nip:
            nama = str(r[i_nama]) if i_nama is not None and i_nama < len(r) and r[i_nama] else None
            hasil.append((nip, nama))
    return hasil


@dataclass
class HasilRekap:
    agregat: Agregat
    keluaran: Path | None
    berkas: list[str] = field(default_factory=list)
    # with a roster: (in the roster without a workbook, workbooks not in the roster)
    roster: tuple[list[tuple[str, str | None]], list[tuple[str, str | None, str]]] | None = None

    @property
    def kode_keluar(self) -> int:
        return 1 if self.agregat.jumlah_kesalahan or self.agregat.pelanggaran_kurva else 0


def rekap_folder(
    folder: Path,
    keluaran: Path | None,
    *,
    periode: str | None = None,
    roster: Path | None = None,
    predikat_organisasi: str | None = None,
    jobs: int = 1,
    mesin: Mesin = "proses",
    scheduler: str | None = None,
    kemajuan: Callable[[int, int], None] | None = None,
    pengamat: Callable[[HasilBerkas], None] | None = None,
    waktu: datetime | None = None,
    batas_waktu: float | None = BATAS_WAKTU_BERKAS,
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU,
) -> HasilRekap:
    """The whole batch: every file processed once, streamed into the aggregate and (optionally) the recap.

    ``batas_waktu``: seconds one file may take (see :func:`jalankan_langkah`); None = no limit.
    ``konfigurasi``: its kurva options (``kurva_minimal_pegawai``, ``kurva_pembulatan``) judge each unit and
    are stamped into the recap; each file is validated and computed with the defaults, so any other non-default
    option is refused rather than silently ignored.
    """
    lain = {k for k, v in konfigurasi.model_dump().items() if k not in OPSI_KURVA and v != getattr(KONFIGURASI_BAKU, k)}
    if lain:  # per-file validation and computation still use the defaults: say so instead of ignoring them
        raise InputTidakValid(
            f"Rekap hanya memakai opsi kurva dari Konfigurasi ({', '.join(OPSI_KURVA)}); "
            f"opsi {', '.join(sorted(lain))} belum diteruskan ke perhitungan tiap berkas."
        )
    kode = cari_periode(periode).kode if periode else AKHIR
    org = PredikatOrganisasi.dari_teks(predikat_organisasi) if predikat_organisasi else None
    if jobs < 1:
        raise InputTidakValid(f"--jobs harus 1 atau lebih, bukan {jobs}.")
    daftar_roster = baca_roster(roster) if roster else None
    berkas = cari_berkas(folder)
    if keluaran is not None:
        keluaran = keluaran.resolve()
        if keluaran.suffix.lower() != ".xlsx":
            raise InputTidakValid(f"Berkas rekap harus berakhiran .xlsx, bukan '{keluaran.name}'.")
        if not keluaran.parent.is_dir():
            raise InputTidakValid(f"Folder tujuan '{keluaran.parent}' tidak ada.")
        # Never overwrite a source, and do not read a previous recap as a staff workbook.
        berkas = [p for p in berkas if p.resolve() != keluaran]
    items = [(str(p), _relatif(p, folder)) for p in berkas]
    ag = Agregat(predikat_organisasi=org, konfigurasi=konfigurasi)
    waktu = waktu or datetime.now().replace(microsecond=0)
    penulis = None
    tmp: Path | None = None
    if keluaran is not None:
        from skpxl.batch.tulis import PenulisRekap

        fd, nama_tmp = tempfile.mkstemp(prefix=".skpxl-rekap-", suffix=".xlsx", dir=keluaran.parent)
        os.close(fd)
        tmp = Path(nama_tmp)
        penulis = PenulisRekap(tmp)
    try:
        hasil = jalankan_langkah(
            items,
            None if kode == AKHIR else kode,
            jobs=jobs,
            mesin=mesin,
            scheduler=scheduler,
            batas_waktu=batas_waktu,
        )
        for i, h in enumerate(hasil, start=1):
            ag.tambah(h)
            if penulis is not None:
                penulis.tambah(h)
            if pengamat is not None:
                pengamat(h)
            if kemajuan is not None:
                kemajuan(i, len(items))
        ag.selesai()
        cek_roster = ag.periksa_roster(daftar_roster) if daftar_roster is not None else None
        if penulis is not None and tmp is not None and keluaran is not None:
            penulis.tutup(ag, INFO, waktu, str(folder), cek_roster)
            os.replace(tmp, keluaran)
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return HasilRekap(ag, keluaran, [i[1] for i in items], cek_roster)


def tty() -> bool:
    return sys.stderr.isatty()
