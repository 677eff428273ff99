"""Read a legacy SKP workbook (openpyxl, read-only) through its defined names and table header.

Reading is tolerant: numbers typed as text ("1,5", "85%", "12 bulan", "Rp 5.000.000"), blank rows between filled
ones, "-" for an empty budget, formulas with cached values. What cannot be understood becomes a finding
(:mod:`skpxl.legacy.temuan`); only a file that is not a usable workbook of this layout raises
:class:`~skpxl.core.errors.BerkasTidakTerbaca`.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from importlib import import_module
from pathlib import Path
from typing import Any

from skpxl.core.enums import kunci
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid, NipTidakValid
from skpxl.core.isian import baca_tanggal
from skpxl.core.nip import parse_nip
from skpxl.core.numbers import angka_sel, baca_angka
from skpxl.core.packs import info_paket
from skpxl.core.pangkat import cari_golongan
from skpxl.legacy.layout import (
    LEMBAR_META,
    META_KUNCI,
    TATA_LETAK,
    Kolom,
    Sel,
    Tabel,
    TataLetak,
    alamat_a1,
    pisah_a1,
    tata_letak,
)
from skpxl.legacy.temuan import Temuan, temuan

__all__ = [
    "BarisTabel",
    "IsiBerkas",
    "WilayahTabel",
    "baca_berkas",
    "baca_meta",
    "cari_tabel",
    "nama_terdefinisi",
    "paket_dari_metadata",
]

# Limits enforced before openpyxl parses anything (a workbook of this layout is a few tens of kB).
BATAS_UKURAN_TERURAI = 64 * 1024 * 1024  # total uncompressed size of the zip
BATAS_BARIS = 5000  # rows read from a sheet
BATAS_KOLOM = 80
BARIS_PINDAI = 300  # rows scanned for a table header when its defined name is missing

_GALAT_EXCEL = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"})
_YA = frozenset({"ya", "y", "yes", "true", "benar", "1"})
_TIDAK = frozenset({"tidak", "t", "no", "n", "false", "salah", "0", "bukan"})

Ambil = Callable[[str, int, int], object]
"""Value of (sheet, row, column) — over a read-only grid or a live openpyxl workbook."""


# --------------------------------------------------------------------------------------------------
# Results of reading


@dataclass(frozen=True)
class BarisTabel:
    """One filled row of the kegiatan/IKI table."""

    baris: int  # Excel row number
    nomor: int  # 1.. among the filled rows
    lembar: str
    nilai: Mapping[str, Decimal | str | None]  # column key → value (numbers as Decimal, texts stripped)
    alamat: Mapping[str, str]  # column key → A1 address in this row
    gagal: frozenset[str]  # keys whose value could not be read (an error finding was made)

    @property
    def rentang(self) -> str:
        """ "A24:T24": the row's cells, for findings about the whole row."""
        kolom = sorted(pisah_a1(a)[1] for a in self.alamat.values())
        return f"{alamat_a1(self.baris, kolom[0])}:{alamat_a1(self.baris, kolom[-1])}"

    def angka(self, kunci_kolom: str) -> Decimal | None:
        isi = self.nilai.get(kunci_kolom)
        return isi if isinstance(isi, Decimal) else None

    def teks(self, kunci_kolom: str) -> str | None:
        isi = self.nilai.get(kunci_kolom)
        return isi if isinstance(isi, str) else None


@dataclass(frozen=True)
class WilayahTabel:
    """Where the table is in a given workbook: data rows and the column of each key found."""

    lembar: str
    baris_data_awal: int
    baris_data_akhir: int
    kolom: Mapping[str, int]  # column key → 1-based column


@dataclass(frozen=True)
class IsiBerkas:
    """Everything read from a legacy workbook, with the findings made while reading."""

    berkas: str
    tata_letak: TataLetak
    meta: Mapping[str, str]
    identitas: Mapping[str, str | None]  # texts; dates as ISO yyyy-mm-dd
    tanggal: Mapping[str, date | None]
    masukan: Mapping[str, Decimal | bool | None]  # named numeric and yes/no inputs
    alamat: Mapping[str, tuple[str, str]]  # input key → (sheet, cell)
    gagal: frozenset[str]  # named inputs that could not be read
    wilayah: WilayahTabel
    baris: tuple[BarisTabel, ...]
    temuan: tuple[Temuan, ...]


# --------------------------------------------------------------------------------------------------
# Opening the file


def _periksa_berkas(path: Path) -> None:
    """Refuse, with one Indonesian sentence, what is not a sane .xlsx/.xlsm before openpyxl sees it."""
    nama = path.name
    if not path.exists():
        raise BerkasTidakTerbaca(f"Berkas '{nama}' tidak ditemukan.")
    if path.is_dir():
        raise BerkasTidakTerbaca(f"'{nama}' adalah folder, bukan berkas Excel.")
    try:
        with path.open("rb") as f:
            awal = f.read(8)
    except OSError as e:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' tidak dapat dibuka ({e.strerror or e}).") from e
    if not awal:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' kosong (0 byte).")
    if awal.startswith(b"\xd0\xcf\x11\xe0"):
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' berformat Excel lama (.xls) atau dilindungi kata sandi. "
            "Buka di Excel lalu simpan sebagai .xlsx tanpa kata sandi."
        )
    if not awal.startswith(b"PK"):
        raise BerkasTidakTerbaca(f"Berkas '{nama}' bukan berkas Excel .xlsx (isinya bukan arsip zip).")
    try:
        with zipfile.ZipFile(path) as z:
            isi = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' rusak atau terpotong; tidak dapat dibaca sebagai .xlsx.") from e
    if sum(i.file_size for i in isi) > BATAS_UKURAN_TERURAI:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' terlalu besar setelah diurai (lebih dari {BATAS_UKURAN_TERURAI // 2**20} MB); "
            "formulir SKP tidak sebesar itu."
        )
    if not any(i.filename == "xl/workbook.xml" for i in isi):
        raise BerkasTidakTerbaca(f"Berkas '{nama}' adalah arsip zip tetapi bukan buku kerja Excel.")


@contextmanager
def buka_buku(path: Path, *, hanya_baca: bool, nilai_tersimpan: bool = False) -> Iterator[Any]:
    """An openpyxl workbook, closed afterwards; any failure to parse becomes BerkasTidakTerbaca."""
    openpyxl = import_module("openpyxl")
    _periksa_berkas(path)
    try:
        wb = openpyxl.load_workbook(
            path, read_only=hanya_baca, data_only=nilai_tersimpan, keep_vba=path.suffix.lower() == ".xlsm"
        )
    except Exception as e:  # openpyxl raises many types on broken files; the user needs one sentence
        raise BerkasTidakTerbaca(
            f"Berkas '{path.name}' tidak dapat dibaca sebagai buku kerja Excel ({type(e).__name__})."
        ) from e
    try:
        yield wb
    finally:
        wb.close()


def nama_terdefinisi(wb: Any) -> dict[str, tuple[str, str]]:
    """Workbook-scoped (then sheet-scoped) defined names, upper-cased → (sheet, range without $)."""
    hasil: dict[str, tuple[str, str]] = {}

    def tambah(nama: str, dn: Any) -> None:
        try:
            tujuan = list(dn.destinations)
        except Exception:  # a name that is a constant or a formula, not a range
            return
        if len(tujuan) == 1:
            lembar, rentang = tujuan[0]
            hasil.setdefault(nama.upper(), (str(lembar), str(rentang).replace("$", "")))

    for nama, dn in wb.defined_names.items():
        tambah(nama, dn)
    for ws in wb.worksheets:
        for nama, dn in getattr(ws, "defined_names", {}).items():
            tambah(nama, dn)
    return hasil


def _rentang(teks: str) -> tuple[int, int, int, int]:
    """ "A22:T43" → (row1, col1, row2, col2); a single cell gives the same corner twice."""
    awal, _, akhir = teks.partition(":")
    r1, c1 = pisah_a1(awal)
    r2, c2 = pisah_a1(akhir) if akhir else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


class _Grid:
    """Cell values of the needed part of each sheet, read in one streaming pass per sheet."""

    def __init__(self, wb: Any, batas: Mapping[str, tuple[int, int]]) -> None:
        self.nilai: dict[str, dict[tuple[int, int], object]] = {}
        for lembar, (maks_baris, maks_kolom) in batas.items():
            if lembar not in wb.sheetnames:
                continue
            sel: dict[tuple[int, int], object] = {}
            for r, baris in enumerate(wb[lembar].iter_rows(min_row=1, max_row=maks_baris, max_col=maks_kolom), start=1):
                for c, cell in enumerate(baris, start=1):
                    isi = cell.value
                    if isi is None:
                        continue
                    if isinstance(isi, int | float) and not isinstance(isi, bool) and "%" in cell.number_format:
                        isi = _Persen(isi)  # "85%" typed into Excel is stored as 0.85 with a percent format
                    sel[(r, c)] = isi
            self.nilai[lembar] = sel

    def ambil(self, lembar: str, baris: int, kolom: int) -> object:
        return self.nilai.get(lembar, {}).get((baris, kolom))


# --------------------------------------------------------------------------------------------------
# Metadata and pack


def baca_meta(nama: Mapping[str, tuple[str, str]], ambil: Ambil, sheetnames: list[str]) -> dict[str, str]:
    """The metadata sheet's keys, by defined name, else by the key column of the sheet."""
    meta: dict[str, str] = {}
    for k, nm in META_KUNCI.items():
        if nm in nama:
            lembar, rentang = nama[nm]
            r, c, _, _ = _rentang(rentang)
            isi = ambil(lembar, r, c)
            if isi is not None and str(isi).strip():
                meta[k] = str(isi).strip()
    if not meta and LEMBAR_META in sheetnames:
        dari_nama = {nm: k for k, nm in META_KUNCI.items()}
        for r in range(1, 40):
            label = ambil(LEMBAR_META, r, 1)
            kunci_meta = dari_nama.get(label.strip().upper()) if isinstance(label, str) else None
            isi = ambil(LEMBAR_META, r, 2)
            if kunci_meta is not None and isi is not None and str(isi).strip():
                meta[kunci_meta] = str(isi).strip()
    return meta


def _pilih_paket(
    paket_id: str | None, meta: Mapping[str, str], nama: Mapping[str, tuple[str, str]], berkas: str
) -> tuple[TataLetak, list[Temuan]]:
    temuan_: list[Temuan] = []
    di_meta = meta.get("paket_id")
    if paket_id is not None:
        info_paket(paket_id)  # unknown id → InputTidakValid listing the packs
        tl = tata_letak(paket_id)
        if di_meta is not None and di_meta != paket_id:
            saran = f"--paket {di_meta}" if di_meta in TATA_LETAK else "tanpa --paket (formulir SKP biasa)"
            raise InputTidakValid(
                f"Berkas '{berkas}' dibuat untuk paket aturan '{di_meta}', bukan '{paket_id}'. "
                f"Hitung {saran}, atau salin isinya ke template paket {paket_id}."
            )
        if di_meta is None:
            temuan_.append(temuan("META_TIDAK_ADA", paket=paket_id, alasan="sesuai pilihan --paket"))
        return tl, temuan_
    if di_meta is not None:
        if di_meta not in TATA_LETAK:
            raise BerkasTidakTerbaca(
                f"Berkas '{berkas}' memakai paket aturan '{di_meta}', yang tidak berformat SKP lama; "
                "gunakan perintah validasi/hitung formulir SKP biasa."
            )
        return TATA_LETAK[di_meta], temuan_
    for tl in TATA_LETAK.values():
        if tl.tabel.nama in nama:
            temuan_.append(temuan("META_TIDAK_ADA", paket=tl.paket_id, alasan="yang ditebak dari tata letak tabelnya"))
            return tl, temuan_
    raise BerkasTidakTerbaca(
        f"Berkas '{berkas}' bukan formulir SKP lama skpxl (tidak ada lembar metadata maupun tabel kegiatan/IKI). "
        "Pilih paketnya dengan --paket pp-46-2011 atau --paket permenpanrb-8-2021, atau pakai template skpxl."
    )


# --------------------------------------------------------------------------------------------------
# Locating the table


def _cocok(kolom: Kolom, judul: str) -> bool:
    k = kunci(judul)
    if not k:
        return False
    if k == kunci(kolom.judul) or any(k == kunci(a) for a in kolom.alias):
        return True
    return kolom.kode is not None and re.search(rf"\(\s*{kolom.kode}\s*\)", judul, re.IGNORECASE) is not None


def _petakan_kolom(tabel: Tabel, judul: Mapping[int, str]) -> dict[str, int]:
    """Column key → column index, from the header texts found (first match wins, each column used once)."""
    peta: dict[str, int] = {}
    dipakai: set[int] = set()
    for kolom in tabel.kolom:
        for c, teks in sorted(judul.items()):
            if c not in dipakai and _cocok(kolom, teks):
                peta[kolom.kunci] = c
                dipakai.add(c)
                break
    return peta


def _judul_kolom(ambil: Ambil, lembar: str, baris_akhir_judul: int, baris_judul: int, kolom: range) -> dict[int, str]:
    """Header text of each column: the lowest non-empty header cell (group headers sit above)."""
    judul: dict[int, str] = {}
    for c in kolom:
        for r in range(baris_akhir_judul, baris_akhir_judul - baris_judul, -1):
            isi = ambil(lembar, r, c)
            if isinstance(isi, str) and isi.strip():
                judul[c] = isi
                break
    return judul


def cari_tabel(tl: TataLetak, nama: Mapping[str, tuple[str, str]], ambil: Ambil, berkas: str) -> WilayahTabel:
    """The table's data rows and columns, via its defined name, else by searching its header on the sheet."""
    tabel = tl.tabel
    wajib = [k.kunci for k in tabel.kolom if k.wajib]
    if tabel.nama in nama:
        lembar, rentang = nama[tabel.nama]
        r1, c1, r2, c2 = _rentang(rentang)
        if r2 - r1 > BATAS_BARIS:
            raise BerkasTidakTerbaca(
                f"Tabel {tabel.nama} di berkas '{berkas}' mencakup {r2 - r1 + 1} baris; "
                f"paling banyak {BATAS_BARIS} baris yang dibaca."
            )
        akhir_judul = r1 + tabel.baris_judul - 1
        judul = _judul_kolom(ambil, lembar, akhir_judul, tabel.baris_judul, range(c1, min(c2, BATAS_KOLOM) + 1))
        peta = _petakan_kolom(tabel, judul)
        awal_data, akhir_data = akhir_judul + 1, r2
    else:
        lembar, peta, awal_data, akhir_data = _pindai_tabel(tl, ambil, berkas)
    kurang = [tabel.kolom_dari_kunci(k).label for k in wajib if k not in peta]
    if kurang:
        raise BerkasTidakTerbaca(
            f"Tabel {tabel.label_baris} di lembar {lembar} berkas '{berkas}' tidak memuat kolom: {', '.join(kurang)}. "
            "Jangan mengubah judul kolom template."
        )
    return WilayahTabel(lembar, awal_data, akhir_data, peta)


def _pindai_tabel(tl: TataLetak, ambil: Ambil, berkas: str) -> tuple[str, dict[str, int], int, int]:
    """Find the header row on the table's sheet when the defined name is gone; data runs to the total row."""
    tabel = tl.tabel
    wajib = {k.kunci for k in tabel.kolom if k.wajib}
    total = {kunci(s.teks_label or s.label) for s in tl.sel if s.lembar == tabel.lembar and s.jenis == "hasil"}
    for r in range(1, BARIS_PINDAI):
        judul = _judul_kolom(ambil, tabel.lembar, r, tabel.baris_judul, range(1, BATAS_KOLOM + 1))
        peta = _petakan_kolom(tabel, judul)
        if wajib <= peta.keys():
            akhir = r + 1
            while akhir < r + BATAS_BARIS:
                teks = [ambil(tabel.lembar, akhir, c) for c in range(1, 4)]
                if any(isinstance(t, str) and kunci(t) in total for t in teks):
                    break
                akhir += 1
            return tabel.lembar, peta, r + 1, akhir - 1
    raise BerkasTidakTerbaca(
        f"Tabel {tabel.label_baris} (nama {tabel.nama}) tidak ditemukan di lembar {tabel.lembar} berkas '{berkas}'."
    )


# --------------------------------------------------------------------------------------------------
# Values


_TIDAK_TERBACA = object()


def _teks_angka(d: Decimal) -> str:
    """A number for messages, Indonesian style (decimal comma)."""
    teks = f"{d.normalize():f}" if d != 0 else "0"
    return teks.replace(".", ",")


class _Pembaca:
    """Turns raw cell values into typed values, collecting findings."""

    def __init__(self) -> None:
        self.temuan: list[Temuan] = []

    def tambah(self, kode: str, lembar: str | None, sel: str | None, nilai: object = None, **param: object) -> None:
        self.temuan.append(temuan(kode, lembar=lembar, sel=sel, nilai=nilai, **param))

    def galat(self, isi: object, label: str, lembar: str, sel: str) -> bool:
        """Formula without a cached value or an Excel error value → finding; True when the value is unusable."""
        if isinstance(isi, _Rumus):
            self.tambah("RUMUS_TANPA_NILAI", lembar, sel, isi.rumus, label=label)
            return True
        if isinstance(isi, str) and isi.strip().upper() in _GALAT_EXCEL:
            self.tambah("NILAI_GALAT", lembar, sel, isi.strip(), label=label)
            return True
        return False

    def teks(self, isi: object, label: str, lembar: str, sel: str) -> str | None:
        if self.galat(isi, label, lembar, sel):
            return None
        if isi is None:
            return None
        if isinstance(isi, bool):
            return "Ya" if isi else "Tidak"
        if isinstance(isi, float) and isi.is_integer():
            return str(int(isi))
        if isinstance(isi, datetime):
            return isi.date().isoformat() if isi.time() == time(0) else isi.isoformat(sep=" ")
        teks = " ".join(str(isi).replace("\u00a0", " ").split())
        return teks or None

    def angka(
        self,
        isi: object,
        label: str,
        lembar: str,
        sel: str,
        *,
        satuan_kolom: str | None = None,
    ) -> Decimal | object | None:
        """A number ≥ 0, None when blank, or ``_TIDAK_TERBACA`` (with an error finding)."""
        if self.galat(isi, label, lembar, sel):
            return _TIDAK_TERBACA
        if isi is None:
            return None
        d: Decimal
        if isinstance(isi, bool | datetime | date | time | timedelta):
            self.tambah("ANGKA_TIDAK_TERBACA", lembar, sel, isi, label=label)
            return _TIDAK_TERBACA
        if isinstance(isi, _Persen):
            d = angka_sel(isi.nilai * 100)
            self.tambah("ANGKA_PERSEN", lembar, sel, str(isi), label=label, angka=_teks_angka(d))
        elif isinstance(isi, int):
            d = Decimal(isi)
        elif isinstance(isi, float):
            if isi != isi or isi in (float("inf"), float("-inf")):
                self.tambah("ANGKA_TIDAK_TERBACA", lembar, sel, isi, label=label)
                return _TIDAK_TERBACA
            # Excel keeps 15 significant digits; 9.120000000000001 from a formula is the 9,12 the user sees.
            d = angka_sel(isi)
        elif isinstance(isi, Decimal):
            d = isi
        else:
            teks = " ".join(str(isi).replace("\u00a0", " ").split())
            if teks in ("", "-", "–", "—"):
                return None
            tanpa_rp = re.sub(r"(?i)^rp\.?\s*", "", teks)
            terbaca = baca_angka(tanpa_rp)
            if terbaca is None:
                self.tambah("ANGKA_TIDAK_TERBACA", lembar, sel, teks, label=label)
                return _TIDAK_TERBACA
            d = terbaca.nilai
            angka_teks = _teks_angka(d)
            if terbaca.ambigu:
                alternatif = tanpa_rp.replace(".", ",", 1)
                self.tambah("ANGKA_AMBIGU", lembar, sel, teks, label=label, angka=angka_teks, alternatif=alternatif)
            elif terbaca.satuan not in (None, "%"):
                self.tambah("SATUAN_DI_SEL", lembar, sel, teks, label=label, angka=angka_teks, satuan=terbaca.satuan)
                if satuan_kolom and kunci(satuan_kolom) != kunci(terbaca.satuan or ""):
                    self.tambah(
                        "SATUAN_BERBEDA",
                        lembar,
                        sel,
                        teks,
                        label=label,
                        satuan=terbaca.satuan,
                        satuan_kolom=satuan_kolom,
                    )
            else:
                self.tambah("ANGKA_TEKS", lembar, sel, teks, label=label, angka=angka_teks)
        if not d.is_finite():
            self.tambah("ANGKA_TIDAK_TERBACA", lembar, sel, isi, label=label)
            return _TIDAK_TERBACA
        if d < 0:
            self.tambah("ANGKA_NEGATIF", lembar, sel, _teks_angka(d), label=label)
            return _TIDAK_TERBACA
        return d

    def ya_tidak(self, isi: object, label: str, lembar: str, sel: str, anggapan: bool) -> bool | None:
        """True/False, None when blank (the caller decides the default and says so)."""
        if self.galat(isi, label, lembar, sel):
            return None
        if isi is None or (isinstance(isi, str) and not isi.strip()):
            return None
        if isinstance(isi, bool):
            return isi
        k = kunci(str(int(isi)) if isinstance(isi, float) and isi.is_integer() else str(isi))
        if k in _YA:
            return True
        if k in _TIDAK:
            return False
        self.tambah("YA_TIDAK", lembar, sel, isi, label=label, anggapan="Ya" if anggapan else "Tidak")
        return anggapan

    def tanggal(self, isi: object, label: str, lembar: str, sel: str) -> date | None:
        if self.galat(isi, label, lembar, sel) or isi is None:
            return None
        if isinstance(isi, datetime):
            return isi.date()
        if isinstance(isi, date):
            return isi
        if isinstance(isi, int | float) and not isinstance(isi, bool) and 1 <= isi < 2958466:
            return date(1899, 12, 30) + timedelta(days=int(isi))  # an Excel serial in a General cell
        hasil = baca_tanggal(str(isi))
        if hasil is None:
            self.tambah("TANGGAL_TIDAK_TERBACA", lembar, sel, isi, label=label)
        return hasil


@dataclass(frozen=True)
class _Persen:
    """A number shown with a percent format: 0.85 displayed as 85%."""

    nilai: int | float

    def __str__(self) -> str:
        return f"{angka_sel(self.nilai * 100):f}%".replace(".", ",")


@dataclass(frozen=True)
class _Rumus:
    """A formula cell whose cached value is missing."""

    rumus: str


# --------------------------------------------------------------------------------------------------
# The reader


def baca_berkas(path: str | Path, paket_id: str | None = None) -> IsiBerkas:
    """Read a legacy workbook; the pack comes from ``paket_id`` or the metadata sheet (a mismatch is an error)."""
    p = Path(path)
    with warnings.catch_warnings():
        # openpyxl warns (on stderr) about e.g. out-of-range date serials; such a cell becomes an error value,
        # which is reported as a finding instead.
        warnings.simplefilter("ignore")
        return _baca(p, str(path), paket_id)


def paket_dari_metadata(path: str | Path) -> str | None:
    """The ``PAKET_ATURAN_ID`` of any skpxl workbook (legacy or main template), or None; for dispatching.

    Raises :class:`~skpxl.core.errors.BerkasTidakTerbaca` for a file that is not a readable workbook.
    """
    p = Path(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with buka_buku(p, hanya_baca=True) as wb:
            nama = nama_terdefinisi(wb)
            sheetnames = list(wb.sheetnames)
            grid = _Grid(wb, {LEMBAR_META: (40, 2)} if LEMBAR_META in sheetnames else {})
    return baca_meta(nama, grid.ambil, sheetnames).get("paket_id")


def _baca(p: Path, berkas: str, paket_id: str | None) -> IsiBerkas:
    with buka_buku(p, hanya_baca=True) as wb:
        nama = nama_terdefinisi(wb)
        batas = _batas_baca(nama, wb.sheetnames)
        grid = _Grid(wb, batas)
        sheetnames = list(wb.sheetnames)
    meta = baca_meta(nama, grid.ambil, sheetnames)
    tl, temuan_awal = _pilih_paket(paket_id, meta, nama, p.name)
    if tl.tabel.lembar not in sheetnames:
        raise BerkasTidakTerbaca(f"Berkas '{p.name}' tidak memiliki lembar {tl.tabel.lembar}.")
    # Formulas: the grid holds their text; their cached values come from a second, value-only pass.
    ambil = grid.ambil
    if any(isinstance(v, str) and v.startswith("=") for sel in grid.nilai.values() for v in sel.values()):
        with buka_buku(p, hanya_baca=True, nilai_tersimpan=True) as wb_nilai:
            tersimpan = _Grid(wb_nilai, batas)

        def ambil_nilai(lembar: str, baris: int, kolom: int) -> object:
            isi = grid.ambil(lembar, baris, kolom)
            if isinstance(isi, str) and isi.startswith("="):
                cache = tersimpan.ambil(lembar, baris, kolom)
                return _Rumus(isi) if cache is None else cache
            return isi

        ambil = ambil_nilai
    wilayah = cari_tabel(tl, nama, ambil, p.name)
    pembaca = _Pembaca()
    pembaca.temuan.extend(temuan_awal)
    _cek_versi(tl, meta, pembaca)
    identitas, tanggal, masukan, alamat, gagal = _baca_sel(tl, nama, ambil, pembaca)
    baris = _baca_tabel(tl, wilayah, ambil, pembaca)
    return IsiBerkas(
        berkas=berkas,
        tata_letak=tl,
        meta=meta,
        identitas=identitas,
        tanggal=tanggal,
        masukan=masukan,
        alamat=alamat,
        gagal=frozenset(gagal),
        wilayah=wilayah,
        baris=baris,
        temuan=tuple(pembaca.temuan),
    )


def _batas_baca(nama: Mapping[str, tuple[str, str]], sheetnames: list[str]) -> dict[str, tuple[int, int]]:
    """How far to read each sheet: past every defined name on it, at least the header-scan window, capped."""
    batas: dict[str, tuple[int, int]] = {s: (BARIS_PINDAI, 40) for s in sheetnames}
    for lembar, rentang in nama.values():
        if lembar in batas:
            _, _, r2, c2 = _rentang(rentang)
            r, c = batas[lembar]
            batas[lembar] = (min(max(r, r2 + 5), BATAS_BARIS + 50), min(max(c, c2), BATAS_KOLOM))
    return batas


def _cek_versi(tl: TataLetak, meta: Mapping[str, str], pembaca: _Pembaca) -> None:
    versi = meta.get("paket_versi")
    if versi is not None and meta.get("paket_id") == tl.paket_id and versi != tl.paket_versi:
        pembaca.tambah(
            "META_VERSI_PAKET", LEMBAR_META, None, paket=tl.paket_id, versi_template=versi, versi_kini=tl.paket_versi
        )


def _baca_sel(
    tl: TataLetak, nama: Mapping[str, tuple[str, str]], ambil: Ambil, pembaca: _Pembaca
) -> tuple[
    dict[str, str | None],
    dict[str, date | None],
    dict[str, Decimal | bool | None],
    dict[str, tuple[str, str]],
    set[str],
]:
    identitas: dict[str, str | None] = {}
    tanggal: dict[str, date | None] = {}
    masukan: dict[str, Decimal | bool | None] = {}
    alamat: dict[str, tuple[str, str]] = {}
    gagal: set[str] = set()
    for s in tl.sel_input:
        if s.nama.upper() not in nama:
            pembaca.tambah("NAMA_SEL_TIDAK_ADA", s.lembar, None, nama=s.nama, label=s.label)
            _kosong(s, identitas, tanggal, masukan)
            continue
        lembar, rentang = nama[s.nama.upper()]
        r, c, _, _ = _rentang(rentang)
        sel = alamat_a1(r, c)
        alamat[s.kunci] = (lembar, sel)
        isi = ambil(lembar, r, c)
        if s.tipe == "angka":
            d = pembaca.angka(isi, s.label, lembar, sel)
            if d is _TIDAK_TERBACA:
                gagal.add(s.kunci)
                masukan[s.kunci] = None
            else:
                masukan[s.kunci] = d if isinstance(d, Decimal) else None
        elif s.tipe == "ya_tidak":
            masukan[s.kunci] = pembaca.ya_tidak(isi, s.label, lembar, sel, anggapan=False)
        elif s.tipe == "tanggal":
            t = pembaca.tanggal(isi, s.label, lembar, sel)
            tanggal[s.kunci] = t
            identitas[s.kunci] = t.isoformat() if t else pembaca.teks(isi, s.label, lembar, sel)
            if s.wajib and isi is None:
                pembaca.tambah("IDENTITAS_KOSONG", lembar, sel, label=s.label)
        else:
            teks = pembaca.teks(isi, s.label, lembar, sel)
            identitas[s.kunci] = teks
            if teks is None:
                if s.wajib:
                    pembaca.tambah("IDENTITAS_KOSONG", lembar, sel, label=s.label)
            elif s.tipe == "nip":
                try:
                    parse_nip(isi)
                except NipTidakValid as e:
                    pembaca.tambah("NIP_TIDAK_VALID", lembar, sel, teks, label=s.label, alasan=str(e))
            elif s.daftar == "DAFTAR_PANGKAT" and cari_golongan(teks) is None:
                pembaca.tambah("PANGKAT_TIDAK_DIKENAL", lembar, sel, teks, label=s.label)
    _cek_periode(tl, tanggal, alamat, pembaca)
    return identitas, tanggal, masukan, alamat, gagal


def _kosong(
    s: Sel,
    identitas: dict[str, str | None],
    tanggal: dict[str, date | None],
    masukan: dict[str, Decimal | bool | None],
) -> None:
    if s.tipe in ("angka", "ya_tidak"):
        masukan[s.kunci] = None
    elif s.tipe == "tanggal":
        tanggal[s.kunci] = None
        identitas[s.kunci] = None
    else:
        identitas[s.kunci] = None


def _cek_periode(
    tl: TataLetak, tanggal: Mapping[str, date | None], alamat: Mapping[str, tuple[str, str]], pembaca: _Pembaca
) -> None:
    awal, akhir = tanggal.get("periode_awal"), tanggal.get("periode_akhir")
    lembar, sel = alamat.get("periode_awal", (None, None))
    if awal and akhir and awal > akhir:
        pembaca.tambah(
            "PERIODE_TERBALIK", lembar, sel, awal=awal.strftime("%d/%m/%Y"), akhir=akhir.strftime("%d/%m/%Y")
        )
    ada = awal or akhir
    tahun = ada.year if ada else None
    if tahun is not None and not tl.masa[0] <= tahun <= tl.masa[1]:
        masa = str(tl.masa[0]) if tl.masa[0] == tl.masa[1] else f"{tl.masa[0]}–{tl.masa[1]}"
        pembaca.tambah("PERIODE_DI_LUAR_MASA", lembar, sel, tahun=tahun, paket=tl.paket_id, masa=masa)


def _baca_tabel(tl: TataLetak, wilayah: WilayahTabel, ambil: Ambil, pembaca: _Pembaca) -> tuple[BarisTabel, ...]:
    tabel = tl.tabel
    lembar = wilayah.lembar
    masukan = [k for k in tabel.kolom if k.jenis == "input" and k.kunci in wilayah.kolom]
    hasil: list[BarisTabel] = []
    for r in range(wilayah.baris_data_awal, wilayah.baris_data_akhir + 1):
        mentah = {k.kunci: ambil(lembar, r, wilayah.kolom[k.kunci]) for k in masukan}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in mentah.values()):
            continue
        nomor = len(hasil) + 1
        alamat = {k: alamat_a1(r, c) for k, c in wilayah.kolom.items()}
        nama_baris = f"baris {r} ({tabel.label_baris} ke-{nomor})"
        nilai: dict[str, Decimal | str | None] = {}
        gagal: set[str] = set()
        # Texts first, so numbers can be compared with their satuan column.
        for k in masukan:
            if k.tipe != "angka":
                nilai[k.kunci] = pembaca.teks(mentah[k.kunci], f"{k.label} {nama_baris}", lembar, alamat[k.kunci])
        for k in masukan:
            if k.tipe == "angka":
                satuan = _satuan_untuk(k.kunci, nilai)
                label = f"{k.label} {nama_baris}"
                d = pembaca.angka(mentah[k.kunci], label, lembar, alamat[k.kunci], satuan_kolom=satuan)
                if d is _TIDAK_TERBACA:
                    gagal.add(k.kunci)
                    nilai[k.kunci] = None
                else:
                    nilai[k.kunci] = d if isinstance(d, Decimal) else None
        hasil.append(
            BarisTabel(baris=r, nomor=nomor, lembar=lembar, nilai=nilai, alamat=alamat, gagal=frozenset(gagal))
        )
    return tuple(hasil)


def _satuan_untuk(kunci_kolom: str, nilai: Mapping[str, Decimal | str | None]) -> str | None:
    """The satuan column that applies to a number column (TO/RO → satuan output, TW/RW → satuan waktu)."""
    pasangan = {"to": "satuan_output", "ro": "satuan_output", "tw": "satuan_waktu", "rw": "satuan_waktu"}
    pasangan |= {"target": "satuan", "realisasi": "satuan"}
    k = pasangan.get(kunci_kolom)
    isi = nilai.get(k) if k else None
    return isi if isinstance(isi, str) else None
