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

import codecs
import contextlib
import csv
import errno
import hashlib
import itertools
import os
import stat
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Literal, NamedTuple, cast

from skpxl.batch.agregat import OPSI_KURVA, OPSI_PENILAI, OPSI_REKAP, Agregat
from skpxl.batch.langkah import HasilBerkas, proses_berkas
from skpxl.buku.berkas import PenulisanAman, galat_tak_terduga, pesan_tulis, sama_berkas
from skpxl.buku.pengaman import BATAS_WAKTU_BERKAS, pesan_oserror
from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import PredikatOrganisasi
from skpxl.core.errors import BerkasTidakTertulis, InputTidakValid, SkpxlError
from skpxl.core.packs.permenpanrb_6_2022 import INFO
from skpxl.core.periode import AKHIR, cari_periode
from skpxl.core.teks import tampil, tanpa_surogat

EKSTENSI = (".xlsx", ".xlsm")
EKSTENSI_DILAPORKAN = (".xls", ".xlsb", ".ods")  # found so that they are reported, never read

Mesin = Literal["proses", "dask"]
MESIN: tuple[str, ...] = ("proses", "dask")


SKIP_FOLDER = (".cadangan",)  # skpxl's backups (skpxl.buku.berkas): never read as staff workbooks


class Stat(NamedTuple):
    """What the batch needs of a file's stat. An ``os.stat_result`` kept per file cost ≈640 bytes: 12.7 MiB for
    20,000 files in the parent, and again in each worker forked from it (peak tree RSS 251 MiB against 224)."""

    perangkat: int
    inode: int
    ukuran: int
    waktu: float  # modification time

    @classmethod
    def dari(cls, st: os.stat_result) -> Stat:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime)


@dataclass
class Daftar:
    """What one walk of the batch folder found: each file's stat and relative name taken once (2,000 files were
    stat'ed four times and named twice before the workers could start, ≈40 ms with the other core idle)."""

    berkas: list[Path]
    lewat: list[tuple[str, str]]
    stat: dict[Path, Stat]
    relatif: dict[Path, str]


def cari_berkas(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Every .xlsx/.xlsm (and .xls/.xlsb/.ods, to report them) below ``folder`` (sorted), and what was passed over.

    The second list holds (relative name, reason) for everything named like a workbook that is
    not a readable regular file (a pipe, a device, a dangling or looping link) and every subfolder
    that cannot be read, so they reach Berkas Bermasalah instead of vanishing. Excel lock files
    ``~$*``, hidden files (skpxl's own temp files) and skpxl's ``.cadangan`` backup folders are
    not inputs. File names are data: names that are not valid UTF-8 are carried as surrogates
    (:func:`os.fsdecode`) and shown with replacement characters.
    """
    d = daftar_berkas(folder)
    return d.berkas, d.lewat


def daftar_berkas(folder: Path) -> Daftar:
    """:func:`cari_berkas`, with each file's stat (through links) and name relative to ``folder`` ("/"-separated)."""
    if not folder.is_dir():
        if folder.exists():
            raise InputTidakValid(f"'{tampil(folder)}' bukan folder; rekap membaca satu folder berisi berkas SKP.")
        raise InputTidakValid(f"Folder '{tampil(folder)}' tidak ditemukan.")
    berkas: list[Path] = []
    lewat: list[tuple[str, str]] = []
    stat_berkas: dict[Path, Stat] = {}
    relatif: dict[Path, str] = {}
    dilihat: set[tuple[int, int]] = set()

    def galat(e: OSError) -> None:
        nama = _relatif(Path(e.filename), folder) if e.filename else "."
        if nama == ".":
            raise InputTidakValid(f"Folder '{tampil(folder)}' tidak dapat dibaca: {_sebab(e)}.")
        lewat.append((nama + "/", f"Folder '{tampil(nama)}' tidak dapat dibaca ({_sebab(e)}); isinya tidak direkap."))

    for akar, subfolder, nama_berkas in os.walk(folder, onerror=galat, followlinks=True):
        try:
            st = os.stat(akar)
            if (st.st_dev, st.st_ino) in dilihat and st.st_ino:
                subfolder[:] = []  # a link back to a folder already read: read it once
                continue
            dilihat.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        subfolder[:] = sorted(d for d in subfolder if d not in SKIP_FOLDER)
        dasar: Path | None = None  # this folder, and its name relative to ``folder``: once per folder
        dasar_relatif = ""
        for n in nama_berkas:
            # a name ending in an extension has it as its suffix (hidden names, the exception, are skipped)
            if not n.lower().endswith(EKSTENSI + EKSTENSI_DILAPORKAN) or n.startswith(("~$", ".")):
                continue
            if dasar is None:
                dasar = Path(akar)
                dasar_relatif = _relatif(dasar, folder)
            p = dasar / n
            alasan, st_p = _periksa_berkas(p)
            if st_p is None:
                lewat.append((_relatif(p, folder), alasan or ""))
            else:
                berkas.append(p)
                stat_berkas[p] = Stat.dari(st_p)
                relatif[p] = n if dasar_relatif == "." else f"{dasar_relatif}/{n}"
        # a link named *.xlsx to a folder is listed by os.walk as a folder
        for d in subfolder:
            if Path(d).suffix.lower() in EKSTENSI + EKSTENSI_DILAPORKAN:
                lewat.append((_relatif(Path(akar, d), folder), f"'{tampil(d)}' adalah folder, bukan berkas Excel."))
    berkas.sort()
    lewat.sort()
    return Daftar(berkas, lewat, stat_berkas, relatif)


def _sebab(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "akses ditolak"
    if e.errno == errno.ELOOP:
        return "tautan (symlink) berputar"
    return e.strerror or type(e).__name__


def _periksa_berkas(p: Path) -> tuple[str | None, os.stat_result | None]:
    """(None, its stat) for a regular file (through links); else (one sentence why ``p`` is passed over, None)."""
    try:
        st = os.stat(p)
    except OSError as e:
        return _alasan_stat(p, e), None
    if stat.S_ISREG(st.st_mode):
        return None, st
    return _alasan_bukan_biasa(p, st), None


def _alasan_stat(p: Path, e: OSError) -> str:
    nama = tampil(p.name)
    if e.errno == errno.ELOOP:
        return f"'{nama}' adalah tautan (symlink) yang berputar ke dirinya sendiri, bukan berkas Excel."
    if os.path.islink(p):
        return f"'{nama}' adalah tautan (symlink) ke berkas yang tidak ada, bukan berkas Excel."
    return f"Berkas '{nama}' tidak dapat dibaca: {_sebab(e)}."


def _alasan_bukan_biasa(p: Path, st: os.stat_result) -> str:
    nama = tampil(p.name)
    if stat.S_ISDIR(st.st_mode):
        return f"'{nama}' adalah folder, bukan berkas Excel."
    if stat.S_ISFIFO(st.st_mode):
        return f"'{nama}' adalah pipa (FIFO), bukan berkas Excel; tidak dibaca."
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return f"'{nama}' adalah perangkat, bukan berkas Excel; tidak dibaca."
    return f"'{nama}' bukan berkas biasa, bukan buku kerja Excel; tidak dibaca."


def periksa_mesin(mesin: str, scheduler: str | None) -> None:
    """An unknown engine, or a scheduler address without the Dask engine, is an error (never silently ignored)."""
    if mesin not in MESIN:
        import difflib

        mirip = difflib.get_close_matches(str(mesin), MESIN, n=1)
        saran = f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""
        raise InputTidakValid(f"Mesin '{mesin}' tidak dikenal; pilih 'proses' atau 'dask'.{saran}")
    if scheduler and mesin != "dask":
        raise InputTidakValid(
            "Alamat penjadwal (--scheduler) hanya dipakai dengan mesin Dask: tambahkan --engine dask "
            '(di Python: engine="dask").'
        )


def berkas_kembar(berkas: Sequence[Path], stat_berkas: Mapping[Path, Stat] | None = None) -> dict[Path, Path]:
    """Files whose bytes equal another file's: {copy: the file read instead (the oldest, i.e. the original)}.

    Cheap enough for every batch: files are grouped by size, then by their last 4 KiB (the end of a zip's central
    directory, which holds the parts' CRC-32s), and only files that still match are hashed in full (SHA-256).
    A file that cannot be read here is left to the step, which reports it. ``stat_berkas``: the stats of the
    folder walk (:func:`daftar_berkas`), so that the files are not stat'ed again.
    """
    per_ukuran: dict[int, list[Path]] = defaultdict(list)
    for p in berkas:
        st = stat_berkas.get(p) if stat_berkas is not None else None
        if st is not None:
            per_ukuran[st.ukuran].append(p)
            continue
        with contextlib.suppress(OSError):
            per_ukuran[p.stat().st_size].append(p)
    calon = [g for g in per_ukuran.values() if len(g) > 1]
    hasil: dict[Path, Path] = {}
    for grup in _kelompok(calon, _ekor):
        for sama in _kelompok([grup], _sidik):
            asli = min(sama, key=lambda p: (p.stat().st_mtime, str(p)))
            hasil.update((p, asli) for p in sama if p != asli)
    return hasil


def _kelompok(grup: list[list[Path]], kunci: Callable[[Path], bytes]) -> Iterator[list[Path]]:
    """Split each group by ``kunci``; yield the parts that still hold two files or more."""
    for g in grup:
        per_kunci: dict[bytes, list[Path]] = defaultdict(list)
        for p in g:
            with contextlib.suppress(OSError):
                per_kunci[kunci(p)].append(p)
        yield from (s for s in per_kunci.values() if len(s) > 1)


def _ekor(p: Path) -> bytes:
    # plain descriptor calls: no buffered file object for one 4 KiB read (most files of a folder share a size)
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        ukuran = os.lseek(fd, 0, os.SEEK_END)
        os.lseek(fd, max(0, ukuran - 4096), os.SEEK_SET)
        return os.read(fd, 4096)
    finally:
        os.close(fd)


def _sidik(p: Path) -> bytes:
    with p.open("rb") as f:
        return hashlib.file_digest(f, "sha256").digest()


def _waktu_ubah(berkas: Sequence[Path], d: Daftar) -> dict[str, float]:
    return {d.relatif[p]: d.stat[p].waktu for p in berkas}


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
    thread). Dask: the scheduler's workers, sent each workbook's bytes (pre-read checks; Dask's own memory
    limits).
    """
    if mesin == "dask":
        from skpxl.batch.dask_mesin import jalankan_dask

        yield from jalankan_dask(items, periode, jobs=jobs, scheduler=scheduler, batas_waktu=batas_waktu)
    elif jobs <= 1:
        yield from map(partial(_proses, periode=periode, batas_waktu=batas_waktu), items)
    else:
        from skpxl.batch.pengawas import jalankan_diawasi

        yield from jalankan_diawasi(items, periode, jobs=jobs, batas_waktu=batas_waktu)


def _teks_csv(data: bytes) -> str:
    """Decode a CSV roster: UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL pattern Excel's
    "Unicode Text" leaves), else the Windows ANSI code page cp1252 (what Excel saves as "CSV")."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    awal = data[:200]
    if len(awal) >= 4 and awal.count(0) * 3 >= len(awal):
        return data.decode("utf-16-le" if awal[1] == 0 else "utf-16-be", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _baris_csv(teks: str) -> list[list[object]]:
    baris = teks.splitlines()
    kepala = next((b for b in baris if b.strip()), "")
    # The separator is the one the header uses (Excel in an Indonesian locale writes ';');
    # a roster of one column has none.
    pemisah = max(",;\t|", key=kepala.count)
    if not kepala.count(pemisah):
        pemisah = ","
    return [list(r) for r in csv.reader(baris, delimiter=pemisah)]


def baca_roster(path: Path) -> list[tuple[str, str | None]]:
    """(NIP, nama) rows of a CSV or XLSX roster; the NIP column is the one whose header says NIP.

    The roster is a file from outside like any workbook: an .xlsx passes the same pre-read checks
    and limits (:func:`skpxl.buku.pengaman.periksa_paket`), a CSV is bounded by the same file-size
    limit. Every problem is one Indonesian sentence (:class:`InputTidakValid`).
    """
    from skpxl.buku.pengaman import BATAS_UKURAN_BERKAS, periksa_paket

    nama = tampil(path.name)
    if not path.is_file():
        if path.exists():
            raise InputTidakValid(f"Daftar pegawai '{tampil(path)}' bukan berkas biasa.")
        raise InputTidakValid(f"Daftar pegawai '{tampil(path)}' tidak ditemukan.")
    akhiran = path.suffix.lower()
    rows: list[list[object]]
    try:
        if akhiran == ".csv":
            if path.stat().st_size > BATAS_UKURAN_BERKAS:
                raise InputTidakValid(
                    f"Daftar pegawai '{nama}' lebih besar dari {BATAS_UKURAN_BERKAS // (1024 * 1024)} MB; "
                    "daftar pegawai cukup memuat NIP dan nama."
                )
            rows = _baris_csv(_teks_csv(path.read_bytes()))
        elif akhiran in EKSTENSI:
            try:
                periksa_paket(path, templat=False)
            except SkpxlError as e:
                raise InputTidakValid(f"Daftar pegawai tidak dapat dipakai: {e}") from None
            from python_calamine import CalamineWorkbook

            try:
                wb = CalamineWorkbook.from_path(str(path))
                rows = [list(r) for r in wb.get_sheet_by_index(0).to_python()]
            except Exception:  # the native reader's own errors (English, varied): one sentence
                raise InputTidakValid(
                    f"Daftar pegawai '{nama}' tidak dapat dibaca sebagai buku kerja Excel (rusak atau bukan .xlsx); "
                    "simpan ulang dari Excel atau pakai .csv."
                ) from None
        else:
            raise InputTidakValid(f"Daftar pegawai harus berupa .csv atau .xlsx, bukan '{tampil(path.suffix)}'.")
    except OSError as e:
        raise InputTidakValid(f"Daftar pegawai: {pesan_oserror(nama, e)}") from None
    except csv.Error:
        raise InputTidakValid(f"Daftar pegawai '{nama}' bukan CSV yang dapat dibaca.") from None
    if not rows or not any(str(x).strip() for x in rows[0] if x is not None):
        raise InputTidakValid(f"Daftar pegawai '{nama}' kosong atau baris pertamanya kosong.")
    kepala = [str(x).strip().lstrip("\ufeff").upper() if x is not None else "" for x in rows[0]]
    if "NIP" not in kepala:
        raise InputTidakValid(
            f"Daftar pegawai '{nama}' tidak punya kolom berjudul NIP pada baris pertama "
            f"(judul kolom yang ada: {', '.join(tampil(k) for k in kepala if k)[:200]})."
        )
    i_nip = kepala.index("NIP")
    i_nama = next((i for i, k in enumerate(kepala) if k.startswith("NAMA")), None)
    hasil = []
    for r in rows[1:]:
        nip = "".join(str(r[i_nip]).split()).lstrip("'") if i_nip < len(r) and r[i_nip] not in (None, "") else ""
        if nip.endswith(".0"):
            nip = nip[:-2]
        if nip:
            nama_p = str(r[i_nama]) if i_nama is not None and i_nama < len(r) and r[i_nama] else None
            hasil.append((nip, nama_p))
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
    are stamped into the recap, its evaluator options (``penilai_min_pegawai``, ``penilai_porsi_naik``) judge
    each pejabat penilai; each file is validated and computed with the defaults, so any other non-default
    option is refused rather than silently ignored.
    """
    periksa_mesin(mesin, scheduler)
    lain = {k for k, v in konfigurasi.model_dump().items() if k not in OPSI_REKAP and v != getattr(KONFIGURASI_BAKU, k)}
    if lain:  # per-file validation and computation still use the defaults: say so instead of ignoring them
        raise InputTidakValid(
            f"Rekap hanya memakai opsi kurva ({', '.join(OPSI_KURVA)}) dan opsi pejabat penilai "
            f"({', '.join(OPSI_PENILAI)}) dari Konfigurasi; "
            f"opsi {', '.join(sorted(lain))} belum diteruskan ke perhitungan tiap berkas."
        )
    kode = cari_periode(periode).kode if periode else AKHIR
    org = PredikatOrganisasi.dari_teks(predikat_organisasi) if predikat_organisasi else None
    if jobs < 1:
        raise InputTidakValid(f"--jobs harus 1 atau lebih, bukan {jobs}.")
    if keluaran is not None and keluaran.suffix.lower() != ".xlsx":
        raise InputTidakValid(f"Berkas rekap harus berakhiran .xlsx, bukan '{tampil(keluaran.name)}'.")
    if keluaran is not None and roster is not None and sama_berkas(keluaran, roster):
        raise InputTidakValid(f"Berkas rekap '{tampil(keluaran)}' adalah daftar pegawai itu sendiri; pilih nama lain.")
    daftar_roster = _baca_roster_terpisah(roster) if roster else None
    d = daftar_berkas(folder)
    berkas, lewat = d.berkas, d.lewat
    waktu = waktu or datetime.now().replace(microsecond=0)
    penulisan: PenulisanAman | None = None
    if keluaran is not None:
        berkas = _tanpa_keluaran(berkas, keluaran, d.stat)
        penulisan = PenulisanAman(keluaran, sumber=None, waktu=waktu)
    if not berkas and not lewat:
        raise InputTidakValid(
            f"Folder '{tampil(folder)}' tidak berisi berkas .xlsx atau .xlsm; tidak ada yang direkap."
        )
    ag = Agregat(predikat_organisasi=org, konfigurasi=konfigurasi)
    # the others are only reported
    kembar = berkas_kembar([p for p in berkas if p.suffix.lower() in EKSTENSI], d.stat)
    for salinan, asli in kembar.items():
        ag.kembar(d.relatif[salinan], d.relatif[asli])
    berkas = [p for p in berkas if p not in kembar]
    items = [(str(p), d.relatif[p]) for p in berkas]
    ag.waktu_ubah = _waktu_ubah(berkas, d)
    penulis = None
    with penulisan or contextlib.nullcontext():
        try:
            # what the folder walk passed over is reported like any unusable file
            dilewati = (HasilBerkas(nama, None, masalah=alasan) for nama, alasan in lewat)
            hasil = jalankan_langkah(
                items,
                None if kode == AKHIR else kode,
                jobs=jobs,
                mesin=mesin,
                scheduler=scheduler,
                batas_waktu=batas_waktu,
            )
            # The workers start first (they fork on the first result asked for), then the writer and its
            # XlsxWriter import (≈25 ms), while they work: that time is no longer spent with the other core idle.
            pertama = next(hasil, None)
            if penulisan is not None:
                from skpxl.batch.tulis import PenulisRekap

                # XlsxWriter creates the file only when it closes: a run killed before that leaves nothing.
                penulis = PenulisRekap(penulisan.buka(buat=False))
            if pertama is not None:
                hasil = itertools.chain((pertama,), hasil)
            for i, h in enumerate(itertools.chain(dilewati, hasil), start=1):
                ag.tambah(h)
                if penulis is not None:
                    penulis.tambah(h)
                if pengamat is not None:
                    pengamat(h)
                if kemajuan is not None:
                    kemajuan(i, len(items) + len(lewat))
            ag.selesai()
            cek_roster = ag.periksa_roster(daftar_roster) if daftar_roster is not None else None
            if penulis is not None and penulisan is not None and keluaran is not None:
                try:
                    penulis.tutup(ag, INFO, waktu, tanpa_surogat(str(folder)), cek_roster)
                except (OSError, xlsxwriter_galat()) as e:
                    sebab = e if isinstance(e, OSError) else (e.args[0] if e.args else None)
                    if not isinstance(sebab, OSError):
                        raise
                    raise BerkasTidakTertulis(pesan_tulis(keluaran, sebab)) from None
                penulisan.selesai()
        finally:
            if penulis is not None:
                penulis.batal()
    return HasilRekap(ag, keluaran, [i[1] for i in items], cek_roster)


def xlsxwriter_galat() -> type[Exception]:
    """XlsxWriter wraps the OS error of a failed write (a full disk) in its own exception class."""
    from xlsxwriter.exceptions import FileCreateError

    return cast("type[Exception]", FileCreateError)


def _rekap_skpxl(path: Path) -> bool:
    """True when ``path`` is a recap skpxl wrote (its document properties say so), not a staff workbook."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z, z.open("docProps/core.xml") as f:
            teks = f.read(64 * 1024).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    return ">Rekap SKP unit kerja<" in teks and ">skpxl<" in teks


def _tanpa_keluaran(berkas: list[Path], keluaran: Path, stat_berkas: Mapping[Path, Stat] | None = None) -> list[Path]:
    """The inputs without a previous recap at ``keluaran``; refuse when ``keluaran`` is a staff workbook.

    "The same file" covers every spelling: another path, a symlink, a hard link (:func:`os.path.samefile`, from
    the stats of the folder walk when given).
    """
    try:
        st_k = os.stat(keluaran)
    except (OSError, ValueError):
        return berkas  # no recap there yet (what os.path.exists said before)

    def sama_dengan_keluaran(p: Path) -> bool:
        st = stat_berkas.get(p) if stat_berkas is not None else None
        # os.path.samestat's test
        return (st.perangkat, st.inode) == (st_k.st_dev, st_k.st_ino) if st is not None else sama_berkas(p, keluaran)

    sama = [p for p in berkas if sama_dengan_keluaran(p)]
    if sama and not _rekap_skpxl(keluaran):
        raise InputTidakValid(
            f"Berkas rekap '{tampil(keluaran)}' adalah berkas masukan '{tampil(sama[0].name)}' di folder yang direkap; "
            "rekap tidak ditulis agar berkas itu tidak tertimpa. Pilih nama atau folder lain untuk -o."
        )
    return [p for p in berkas if p not in sama]


def _baca_roster_terpisah(roster: Path) -> list[tuple[str, str | None]]:
    """:func:`baca_roster` in a worker under the batch's time and memory limits (the roster is a file from outside)."""
    from skpxl.batch.pekerja import GalatPekerja, jalankan_terpisah

    try:
        return jalankan_terpisah(baca_roster, roster, nama=tampil(roster.name))
    except GalatPekerja as e:
        raise InputTidakValid("Daftar pegawai: " + galat_tak_terduga(tampil(roster.name), str(e))) from None


def tty() -> bool:
    return sys.stderr.isatty()
