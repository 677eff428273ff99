"""An SKP workbook ↔ :class:`~skpxl.core.models.SkpForm`, through the adapter protocol.

:func:`baca_form` reads what people really type without ever failing on content:
text is stripped, numbers typed as text stay text (validation parses "85%",
"1,5", "1.250,5", "12 bulan"), a NIP stored as a number arrives as the text Excel
shows ("1.99001E+17"), dates typed as text stay text, empty rows are skipped and an
RHK may span several IKI rows (merged or repeated RHK cells). Every value's cell
is recorded in the model's ``sel`` maps as "Sheet!A1".

:func:`tulis_form` writes a form into a template (round trips, example units and
the template builder, which writes a filled form through an in-memory workbook).

Pure: imports only the protocol, the layout and the core.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter
from typing import cast

from skpxl.buku.adapters.base import Block, CellValue, NilaiMentah, PembacaMentah, Ref, Workbook, WorkbookReader
from skpxl.buku.layout import (
    IDENTITAS,
    KOLOM_EVALUASI,
    KOLOM_HASIL_KERJA,
    KOLOM_PERILAKU,
    KOLOM_UMPAN_BALIK_PERILAKU,
    PENANDA_TAMBAHAN,
    PENANDA_UTAMA,
    PIHAK,
    Kolom,
    alamat,
    jenis_penanda,
    nama,
    rentang,
    sel,
    urai_rentang,
    urai_sel,
)
from skpxl.core.enums import JenisRHK, NilaiInti, kunci
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid
from skpxl.core.models import (
    IKI,
    RHK,
    EvaluasiIKI,
    EvaluasiPeriode,
    Identitas,
    Isian,
    IsianTanggal,
    Lampiran,
    PerilakuKerja,
    SkpForm,
)
from skpxl.core.numbers import angka_sel
from skpxl.core.periode import semua_periode

__all__ = ["baca_form", "isian", "ke_sel", "periode_dalam_buku", "ringkas", "tanggal", "teks", "tulis_form"]

_KODE_SEMUA = tuple(p.kode for p in semua_periode())

# SkpForm field ← defined name (single cells on the SKP / DOKUMEN / meta sheets).
_UMUM: tuple[tuple[str, str], ...] = (
    ("instansi", "INSTANSI"),
    ("unit_kerja", "UNIT_KERJA"),
    ("periode_awal", "PERIODE_AWAL"),
    ("periode_akhir", "PERIODE_AKHIR"),
    ("periodisasi", "PERIODISASI"),
    ("jenis_jabatan", "JENIS_JABATAN"),
    ("jenjang", "JENJANG"),
    ("pendekatan", "PENDEKATAN"),
    ("tempat_tanggal", "TEMPAT_TANGGAL"),
    ("template_id", "TEMPLATE_ID"),
    ("template_versi", "TEMPLATE_VERSI"),
)
_TANGGAL = frozenset({"periode_awal", "periode_akhir"})
_TIDAK_DITULIS = frozenset({"template_id", "template_versi"})  # they describe the workbook, not the person

# EvaluasiPeriode field ← base defined name; computed cells are only addressed (sel), never read.
_PERIODE_ISIAN: tuple[tuple[str, str], ...] = (
    ("rating_hasil_kerja", "RATING_HASIL_KERJA"),
    ("rating_perilaku", "RATING_PERILAKU"),
    ("predikat_organisasi", "PREDIKAT_ORGANISASI"),
    ("predikat_tertulis", "PREDIKAT_TERTULIS"),
    ("catatan", "CATATAN"),
)
_PERIODE_HITUNG: tuple[tuple[str, str], ...] = (
    ("rating_hasil_kerja_usulan", "RATING_HASIL_KERJA_USULAN"),
    ("penjelasan_rating_hasil_kerja", "PENJELASAN_RATING_HASIL_KERJA"),
    ("rating_perilaku_usulan", "RATING_PERILAKU_USULAN"),
    ("penjelasan_rating_perilaku", "PENJELASAN_RATING_PERILAKU"),
    ("predikat", "PREDIKAT"),
    ("penjelasan_predikat", "PENJELASAN_PREDIKAT"),
    ("angka_kredit", "ANGKA_KREDIT"),
    ("penjelasan_angka_kredit", "PENJELASAN_ANGKA_KREDIT"),
)

_RHK_KUNCI = ("jenis", "rhk_atasan", "perspektif", "teks")
_IKI_KUNCI = ("aspek", "iki", "target", "satuan", "arah")
_EVAL_ISIAN = ("realisasi", "bukti_dukung", "umpan_balik", "kategori")
_EVAL_HITUNG = ("capaian", "kategori_iki", "kategori_rhk", "penjelasan")
_BULLET = re.compile(r"^\s*(?:[-–•·*▪◦]|\d{1,2}[.)])\s+")

# --------------------------------------------------------------------------- cell value normalisation


# Excel keeps 15 significant digits: a bigger integer (an NIP typed as a number) is already rounded
# in the file, and readers disagree on whether it arrives as int or float. Treat it as Excel shows it.
_BATAS_PRESISI = 10**15


def _teks_angka(x: float) -> str:
    """A float as Excel's General format shows it: 85, 1.5, 1.99001E+17."""
    if not math.isfinite(x):
        return repr(x)  # "inf"/"nan": no real cell holds one, but a crafted file can; validation reports it as text
    if x.is_integer() and abs(x) < 1e11:
        return str(int(x))
    if abs(x) >= 1e11 or (x != 0 and abs(x) < 1e-9):
        mantisa, eksponen = f"{x:.5E}".split("E")
        mantisa = mantisa.rstrip("0").rstrip(".")
        return f"{mantisa}E{'+' if int(eksponen) >= 0 else '-'}{abs(int(eksponen)):02d}"
    return f"{angka_sel(x):f}"  # 15 significant digits, as Excel shows 3.4000000000000004: "3.4"


def teks(v: CellValue | time | timedelta) -> str | None:
    """A cell as text: stripped, empty → None, numbers in their shown form, dates as ISO text."""
    if v.__class__ is str:  # the common case first
        return v.strip() or None
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        return s or None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v) if abs(v) < _BATAS_PRESISI else _teks_angka(float(v))
    if isinstance(v, float):
        return None if math.isnan(v) else _teks_angka(v)
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time() else v.isoformat(sep=" ")
    if isinstance(v, date | time):
        return v.isoformat()
    return str(v)


def isian(v: CellValue | time | timedelta) -> Isian:
    """A target/realisasi cell: numbers become Decimal, everything else stays text."""
    if isinstance(v, bool):
        return teks(v)
    if isinstance(v, int) and abs(v) < _BATAS_PRESISI:
        return Decimal(v)
    if isinstance(v, int | float):
        v = float(v)
        if math.isnan(v) or math.isinf(v):
            return None
        return angka_sel(v)  # the one cell-number reader: 15 significant digits, as Excel shows it
    return teks(v)


_EPOCH = date(1899, 12, 30)


def tanggal(v: CellValue | time | timedelta) -> IsianTanggal:
    """A date cell: a real date, an Excel serial number in 2000–2099 as a date, else the text."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer() and 36526 <= v <= 73050:
        return _EPOCH + timedelta(days=int(v))
    return teks(v)


def ke_sel(v: object) -> CellValue:
    """A model value as a cell value (Decimal → int/float)."""
    if v is None or isinstance(v, str | bool | int | float | date):
        return v
    if isinstance(v, Decimal):
        if not v.is_finite():
            return str(v)
        if v == v.to_integral_value() and abs(v) < Decimal(10) ** 15:
            return int(v)
        return float(v)
    return str(v)


# --------------------------------------------------------------------------- reading helpers


@dataclass
class _Tabel:
    """A table region: where its header is and which sheet column holds which key."""

    lembar: str
    r_kepala: int
    c0: int
    c1: int
    r_akhir: int
    kolom: dict[str, int] = field(default_factory=dict)

    def alamat(self, r: int, k: str) -> str | None:
        c = self.kolom.get(k)
        return None if c is None else alamat(self.lembar, sel(r, c))


@lru_cache(maxsize=256)
def _posisi_kolom(spesifikasi: tuple[Kolom, ...], kepala: tuple[NilaiMentah, ...]) -> tuple[tuple[str, int], ...]:
    """(key, offset in the header) of every column found; cached, since a batch sees the same headers."""
    hasil: dict[str, int] = {}
    for k in spesifikasi:
        for j, judul in enumerate(kepala):
            if k.cocok(judul) and j not in hasil.values():
                hasil[k.kunci] = j
                break
    return tuple(hasil.items())


def _cari_tabel(buku: WorkbookReader, ref: Ref, spesifikasi: Sequence[Kolom]) -> _Tabel:
    r0, c0, r1, c1 = urai_rentang(ref.ref)
    kepala = buku.read_block(ref.sheet, rentang(r0, c0, r0, c1))[0]
    t = _Tabel(ref.sheet, r0, c0, c1, r1)
    t.kolom = {k: c0 + j for k, j in _posisi_kolom(tuple(spesifikasi), tuple(kepala))}
    return t


def _runtun(kolom: Mapping[str, int]) -> list[tuple[int, int]]:
    """Contiguous runs of sheet columns (so formula columns in between are neither read nor written)."""
    runs: list[tuple[int, int]] = []
    for c in sorted(set(kolom.values())):
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


# --------------------------------------------------------------------------- baca_form: where to look
#
# Everything baca_form derives from the defined names (which cells, which tables, every "Sheet!A1" address) is the
# same for every copy of one template, so it is worked out once per layout (_Rencana, keyed by the areas of the
# names it uses) and once per table header (_Susunan); a file then costs its cell values only.
#
# Values come from the reader's blocks, or raw from a reader that offers them (``PembacaMentah``: the batch's
# reader, whose values are the check's matches or calamine's rows): an empty cell may be "" there, a time/duration a
# time/timedelta, a row short. Every value reaches the model only through teks/isian/tanggal/_panduan or header
# matching, which read a raw value exactly as its normalised read_block value ("" → None, a time → its ISO text),
# so both sources give the same form; rows with every wanted cell empty are dropped before any per-cell work.

_KOSONG = frozenset(("", None))  # an empty cell, raw ("") or read (None)
_HK_KUNCI = tuple(k.kunci for k in KOLOM_HASIL_KERJA)
_HK_RHK = tuple(_HK_KUNCI.index(k) for k in _RHK_KUNCI)
_HK_IKI = tuple(_HK_KUNCI.index(k) for k in _IKI_KUNCI)
_HK_JENIS, _HK_RHK_ATASAN, _HK_PERSPEKTIF, _HK_TEKS = _HK_RHK
_HK_ASPEK, _HK_IKI_TEKS, _HK_TARGET, _HK_SATUAN, _HK_ARAH = _HK_IKI
_PERILAKU_KUNCI = ("nilai_inti", "panduan", "ekspektasi_khusus")
_UMPAN_BALIK_KUNCI = ("nilai_inti", "umpan_balik", "rating")
_LAMPIRAN: tuple[tuple[str, str], ...] = (
    ("dukungan_sumber_daya", "LAMPIRAN_DUKUNGAN_SUMBER_DAYA"),
    ("skema_pertanggungjawaban", "LAMPIRAN_SKEMA_PERTANGGUNGJAWABAN"),
    ("konsekuensi", "LAMPIRAN_KONSEKUENSI"),
)
_LABEL_NILAI_INTI = tuple(x.value for x in NilaiInti)
_TABEL_EVALUASI = tuple((k, nama("TABEL_EVALUASI", k)) for k in _KODE_SEMUA)
_IDENTITAS_NAMA = tuple(
    (pihak, tuple((k, f"{k.upper()}_{akhiran}") for k, _, _ in IDENTITAS)) for pihak, akhiran, _ in PIHAK
)
_SPESIFIKASI = (KOLOM_HASIL_KERJA, KOLOM_EVALUASI, KOLOM_PERILAKU, KOLOM_UMPAN_BALIK_PERILAKU)
_HK, _EV, _PK, _UB = range(4)  # which table a _Letak is (index into _SPESIFIKASI)

_Badan = dict[int, tuple[NilaiMentah, ...]]  # body row index → the wanted values, for rows not wholly empty


@dataclass(eq=False)
class _Letak:
    """Where one table is: its defined name's area, header row first."""

    jenis: int
    lembar: str
    r0: int
    c0: int
    r1: int
    c1: int
    kepala: str  # the header row's ref
    alamat: str  # the table's address ("SKP!A23:J56")


@dataclass(eq=False)
class _Ambil:
    """How to take some keys' values out of a table's body rows."""

    refs: tuple[str, ...]  # the body area of each contiguous run of the found columns: the blocks asked for
    kosong: tuple[list[str], ...]  # per run: its row when every cell is "" (a raw empty row)
    letak: tuple[tuple[int, int] | None, ...]  # per key: (run, offset in it); None: not found by the header
    semua: tuple[tuple[int, int], ...] | None  # letak when every key was found
    pilih: Callable[[Sequence[NilaiMentah]], tuple[NilaiMentah, ...]] | None  # one run's full row → the values


class _Kuota:
    """How many more per-row address maps one layout's plan may keep (the rest are built when asked)."""

    def __init__(self, sisa: int) -> None:
        self.sisa = sisa

    def ambil(self) -> bool:
        if self.sisa <= 0:
            return False
        self.sisa -= 1
        return True


@dataclass(eq=False)
class _Susunan:
    """A table in one layout with one header: the sheet column of every column the header names."""

    letak: _Letak
    kolom: dict[str, int]
    kuota: _Kuota
    _ambil: dict[tuple[str, ...], _Ambil] = field(default_factory=dict)
    _sel: dict[tuple[int, int], dict[str, str]] = field(default_factory=dict)
    _umpan_balik: dict[tuple[tuple[str, int], ...], dict[str, str]] = field(default_factory=dict)

    def alamat(self, r: int, k: str) -> str | None:
        c = self.kolom.get(k)
        return None if c is None else alamat(self.letak.lembar, sel(r, c))

    def ambil(self, kunci_: tuple[str, ...]) -> _Ambil:
        a = self._ambil.get(kunci_)
        if a is None:
            a = self._ambil[kunci_] = self._buat_ambil(kunci_)
        return a

    def _buat_ambil(self, kunci_: tuple[str, ...]) -> _Ambil:
        t = self.letak
        kolom = tuple(self.kolom.get(k) for k in kunci_)
        runtun = tuple(_runtun({k: c for k, c in zip(kunci_, kolom, strict=True) if c is not None}))
        refs = tuple(rentang(t.r0 + 1, a, t.r1, b) for a, b in runtun)
        letak = tuple(
            None if c is None else next((j, c - a) for j, (a, b) in enumerate(runtun) if a <= c <= b) for c in kolom
        )
        kosong = tuple([""] * (b - a + 1) for a, b in runtun)
        pilih: Callable[[Sequence[NilaiMentah]], tuple[NilaiMentah, ...]] | None = None
        if len(runtun) == 1 and None not in letak:
            geser = tuple(p[1] for p in letak if p is not None)
            if geser == tuple(range(len(kosong[0]))):
                pilih = tuple  # the keys are exactly the run's columns, in order
            elif len(geser) > 1:
                pilih = itemgetter(*geser)
        semua = None if None in letak else cast(tuple[tuple[int, int], ...], letak)
        return _Ambil(refs, kosong, letak, semua, pilih)

    def sel_baris(self, peta: int, i: int) -> dict[str, str]:
        """{field: address} of body row ``i`` for the (field, column key) pairs _PETA[peta] (found columns only);
        cached (callers copy it: a model validates it into a new dict)."""
        s = self._sel.get((peta, i))
        if s is None:
            r = self.letak.r0 + 1 + i
            s = {f: a for f, k in _PETA[peta] if (a := self.alamat(r, k)) is not None}
            if self.kuota.ambil():
                self._sel[(peta, i)] = s
        return s

    def sel_umpan_balik(self, dasar: dict[str, str], label_baris: tuple[tuple[str, int], ...]) -> dict[str, str]:
        """An umpan balik table's period sel map: ``dasar`` and each (core value label, row)'s two cells; cached
        (the labels are the template's in practice)."""
        s = self._umpan_balik.get(label_baris)
        if s is None:
            s = dict(dasar)
            for label, i in label_baris:
                for medan, a in self.sel_baris(_PETA_UMPAN_BALIK, i).items():
                    s[f"{medan}:{label}"] = a
            if self.kuota.ambil():
                self._umpan_balik[label_baris] = s
        return s


# (field in a model's sel, column key) of a table row, by model: RHK, IKI, EvaluasiIKI, PerilakuKerja, and the
# umpan balik table's two maps (the field is completed with the core value's label).
_PETA: tuple[tuple[tuple[str, str], ...], ...] = (
    tuple((k, k) for k in _RHK_KUNCI),
    tuple(("teks" if k == "iki" else k, k) for k in _IKI_KUNCI),
    tuple((x, x) for x in _EVAL_ISIAN + _EVAL_HITUNG),
    tuple((k, k) for k in _PERILAKU_KUNCI),
    (("umpan_balik_perilaku", "umpan_balik"), ("rating_perilaku_per_nilai", "rating")),
)
_PETA_RHK, _PETA_IKI, _PETA_EV, _PETA_PERILAKU, _PETA_UMPAN_BALIK = range(len(_PETA))
# Bounds of the caches against a crafted batch (many layouts, headers, thousands of filled rows); a real batch, copies
# of a few templates with some dozens of filled rows, stays far inside them.
_BATAS_RENCANA = 8  # layouts
_BATAS_SUSUNAN = 16  # headers per layout
_BATAS_PETA_BARIS = 1024  # per-row address maps per layout (a monthly IKI's is about 110 addresses)


class _Rencana:
    """What baca_form reads in one layout: single cells, tables, lists, and their addresses."""

    def __init__(self, kode: tuple[str, ...], names: Mapping[str, Ref]) -> None:
        self.kode = kode
        self.kuota = _Kuota(_BATAS_PETA_BARIS)
        # Single cells, grouped in runs of one sheet (read in this order, as one cell each by a block reader).
        self.tunggal: list[tuple[str, tuple[str, ...], tuple[tuple[int, int], ...], tuple[str, ...]]] = []
        self.alamat_nama: dict[str, str] = {}
        for n in _nama_tunggal(kode):
            ref = names.get(n)
            if ref is None:
                continue
            a = _sel_awal(ref.ref)
            self.alamat_nama[n] = alamat(ref.sheet, a)
            if not self.tunggal or self.tunggal[-1][0] != ref.sheet:
                self.tunggal.append((ref.sheet, (), (), ()))
            lembar, refs, rc, nama_ = self.tunggal[-1]
            self.tunggal[-1] = (lembar, (*refs, a), (*rc, urai_sel(a)), (*nama_, n))
        for n in _nama_dialamatkan(kode):
            ref = names.get(n)
            if ref is not None:
                self.alamat_nama[n] = alamat(ref.sheet, _sel_awal(ref.ref))

        self.sel_form = {medan: self.alamat_nama[n] for medan, n in _UMUM if n in self.alamat_nama}
        self.identitas = tuple(
            (pihak, daftar, {k: self.alamat_nama[n] for k, n in daftar if n in self.alamat_nama})
            for pihak, daftar in _IDENTITAS_NAMA
        )
        self.hasil_kerja = self._letak(_HK, names["TABEL_HASIL_KERJA"])
        self.sel_form["tabel_hasil_kerja"] = self.hasil_kerja.alamat
        self.evaluasi = tuple(self._letak(_EV, names[nama("TABEL_EVALUASI", k)]) for k in kode)
        for k, t in zip(kode, self.evaluasi, strict=True):
            self.sel_form[f"tabel_evaluasi:{k}"] = t.alamat
        ref_p = names.get("TABEL_PERILAKU")
        self.perilaku = None if ref_p is None else self._letak(_PK, ref_p)
        if self.perilaku is not None:
            self.sel_form["tabel_perilaku"] = self.perilaku.alamat
        # The lists that have a body: (field, sheet, body ref).
        self.lampiran: list[tuple[str, str, str]] = []
        for medan, n in _LAMPIRAN:
            ref_l = names.get(n)
            if ref_l is None:
                continue
            self.sel_form[f"lampiran.{medan}"] = alamat(ref_l.sheet, ref_l.ref)
            r0, c0, r1, _ = urai_rentang(ref_l.ref)
            if r1 > r0:
                self.lampiran.append((medan, ref_l.sheet, rentang(r0 + 1, c0, r1, c0)))
        # Per period: its code, the base of its sel map, its umpan balik table, its input cells' names.
        self.periode: list[tuple[str, dict[str, str], _Letak | None, tuple[tuple[str, str], ...]]] = []
        for k in kode:
            s_ep: dict[str, str] = {}
            for medan, d in _PERIODE_ISIAN + _PERIODE_HITUNG:
                if (alamat_ := self.alamat_nama.get(nama(d, k))) is not None:
                    s_ep[medan] = alamat_
            ref_u = names.get(nama("TABEL_UMPAN_BALIK_PERILAKU", k))
            isian_ = tuple((medan, nama(d, k)) for medan, d in _PERIODE_ISIAN)
            self.periode.append((k, s_ep, None if ref_u is None else self._letak(_UB, ref_u), isian_))
        self._susunan: dict[tuple[_Letak, tuple[NilaiMentah, ...]], _Susunan] = {}
        self._tata: dict[tuple[_Susunan, ...], _TataHasilKerja] = {}

    @staticmethod
    def _letak(jenis: int, ref: Ref) -> _Letak:
        r0, c0, r1, c1 = urai_rentang(ref.ref)
        return _Letak(jenis, ref.sheet, r0, c0, r1, c1, rentang(r0, c0, r0, c1), alamat(ref.sheet, ref.ref))

    # The caches are plain dicts, changed only by single (atomic) operations: a reader in another thread (a Dask
    # worker's) may at worst build an entry twice.

    def susunan(self, t: _Letak, kepala: tuple[NilaiMentah, ...]) -> _Susunan:
        """The table ``t`` as this header lays it out (a header read raw or normalised: one layout)."""
        s = self._susunan.get((t, kepala))
        if s is None:
            kolom = {k: t.c0 + j for k, j in _posisi_kolom(_SPESIFIKASI[t.jenis], kepala)}
            s = next((x for x in list(self._susunan.values()) if x.letak is t and x.kolom == kolom), None)
            if s is None:
                s = _Susunan(t, kolom, self.kuota)
            if len(self._susunan) >= _BATAS_SUSUNAN:
                self._susunan.clear()
                self._tata.clear()
            self._susunan[(t, kepala)] = s
        return s

    def tata(self, hk: _Susunan, ev: tuple[_Susunan, ...]) -> _TataHasilKerja:
        kunci_ = (hk, *ev)
        t = self._tata.get(kunci_)
        if t is None:
            t = self._tata[kunci_] = _TataHasilKerja(hk, ev, self.kode, self.kuota)
        return t


@lru_cache(maxsize=32)
def _nama_tunggal(kode: tuple[str, ...]) -> tuple[str, ...]:
    """Single-cell names read, in reading order."""
    n = [n for _, n in _UMUM]
    n += [n for _, daftar in _IDENTITAS_NAMA for _, n in daftar]
    n += [nama(d, k) for k in kode for _, d in _PERIODE_ISIAN]
    return tuple(n)


@lru_cache(maxsize=32)
def _nama_dialamatkan(kode: tuple[str, ...]) -> tuple[str, ...]:
    """Computed single cells: addressed, never read."""
    return tuple(nama(d, k) for k in kode for _, d in _PERIODE_HITUNG)


@lru_cache(maxsize=32)
def _nama_rencana(kode: tuple[str, ...]) -> tuple[str, ...]:
    """Every name a layout's plan depends on."""
    return (
        _nama_tunggal(kode)
        + _nama_dialamatkan(kode)
        + ("TABEL_HASIL_KERJA", "TABEL_PERILAKU")
        + tuple(nama(t, k) for k in kode for t in ("TABEL_EVALUASI", "TABEL_UMPAN_BALIK_PERILAKU"))
        + tuple(n for _, n in _LAMPIRAN)
    )


_RENCANA: dict[tuple[object, ...], _Rencana] = {}
_SHEET_REF = attrgetter("sheet", "ref")


class _Tiada:
    """A missing name in a plan's key: its sheet and ref equal no string."""

    sheet = ref = object()


_TIADA = _Tiada()


def _rencana(names: Mapping[str, Ref], kode: tuple[str, ...]) -> _Rencana:
    # Where each name points (built by C-level iteration: this runs for every file).
    k = (kode, tuple(map(_SHEET_REF, map(names.get, _nama_rencana(kode), repeat(_TIADA)))))
    r = _RENCANA.get(k)
    if r is None:
        r = _Rencana(kode, names)
        if len(_RENCANA) >= _BATAS_RENCANA:
            _RENCANA.clear()
        _RENCANA[k] = r
    return r


class _TataHasilKerja:
    """HASIL KERJA with its period tables in one layout: the cell addresses of every body row (cached)."""

    def __init__(self, hk: _Susunan, ev: tuple[_Susunan, ...], kode: tuple[str, ...], kuota: _Kuota) -> None:
        self.hk = hk
        self.ev = ev
        self.kode = kode
        self.kuota = kuota
        self.n_ev = tuple(s.letak.r1 - s.letak.r0 for s in ev)
        self._rhk: dict[int, dict[str, str]] = {}
        self._iki: dict[int, dict[str, str]] = {}

    def sel_rhk(self, i: int) -> dict[str, str]:
        s = self._rhk.get(i)
        if s is None:
            s = dict(self.hk.sel_baris(_PETA_RHK, i))
            for k, e in zip(self.kode, self.ev, strict=True):
                if (a := e.alamat(e.letak.r0 + 1 + i, "kategori_rhk")) is not None:
                    s[f"kategori_rhk:{k}"] = a
            if self.kuota.ambil():
                self._rhk[i] = s
        return s

    def sel_ev(self, j: int, i: int) -> dict[str, str]:
        return self.ev[j].sel_baris(_PETA_EV, i)

    def sel_iki(self, i: int) -> dict[str, str]:
        s = self._iki.get(i)
        if s is None:
            s = dict(self.hk.sel_baris(_PETA_IKI, i))
            for j, k in enumerate(self.kode):
                if i < self.n_ev[j]:
                    for x, a in self.sel_ev(j, i).items():
                        s[f"{x}:{k}"] = a
            if self.kuota.ambil():
                self._iki[i] = s
        return s


class _Sumber:
    """Cell values for baca_form: a reader's raw areas (``PembacaMentah``: the batch's reader), or its blocks.

    Either way the same areas are asked for, in the same order, so a reader refuses the same area first.
    """

    __slots__ = ("area", "buku", "mentah")

    def __init__(self, buku: WorkbookReader) -> None:
        self.buku = buku
        # a plain attribute test: isinstance() on a runtime protocol costs microseconds, for every file
        self.mentah = cast(PembacaMentah, buku) if hasattr(buku, "nilai_area") else None
        self.area: Callable[[str, str], Sequence[Sequence[NilaiMentah]]] = (
            buku.read_block if self.mentah is None else self.mentah.nilai_area
        )

    def tunggal(self, lembar: str, refs: tuple[str, ...], rc: tuple[tuple[int, int], ...]) -> Sequence[NilaiMentah]:
        if self.mentah is None:
            return [self.buku.read_block(lembar, a)[0][0] for a in refs]
        return self.mentah.nilai_sel(lembar, refs, rc)

    def kepala(self, t: _Letak) -> tuple[NilaiMentah, ...]:
        blok = self.area(t.lembar, t.kepala)
        return tuple(blok[0]) if blok else ()

    def badan(self, t: _Letak, a: _Ambil) -> _Badan:
        """The values of ``a``'s keys (None for a key not found) in the body rows that are not wholly empty."""
        if t.r1 <= t.r0 or not a.refs:
            return {}
        blok = [self.area(t.lembar, ref) for ref in a.refs]
        hasil: _Badan = {}
        if a.pilih is not None:  # one run: its rows
            baris, kosong, pilih = blok[0], a.kosong[0], a.pilih
            lebar = len(kosong)
            # a list compare first (C-level: a raw empty row), then any other mix of "" and None
            for i in compress(count(), map(kosong.__ne__, baris)):
                p = baris[i]
                if not _KOSONG.issuperset(p):
                    hasil[i] = pilih(p) if len(p) == lebar else tuple(_sel(p, q[1]) for q in a.letak if q is not None)
            return hasil
        isi: set[int] = set()
        for baris, kosong in zip(blok, a.kosong, strict=True):
            isi.update(compress(count(), map(kosong.__ne__, baris)))
        for i in sorted(isi):
            try:
                if a.semua is None:
                    raise IndexError  # a key not found by the header
                nilai = tuple([blok[j][i][o] for j, o in a.semua])  # the usual case: every run's row whole
            except IndexError:  # a short row, or a run's rows ending early
                nilai = tuple(None if p is None else _sel(_baris(blok[p[0]], i), p[1]) for p in a.letak)
            if not _KOSONG.issuperset(nilai):
                hasil[i] = nilai
        return hasil

    def kolom(self, lembar: str, ref: str) -> list[NilaiMentah]:
        """The values of a one-column area."""
        return [b[0] if b else None for b in self.area(lembar, ref)]


def _baris(blok: Sequence[Sequence[NilaiMentah]], i: int) -> Sequence[NilaiMentah]:
    return blok[i] if i < len(blok) else ()


def _sel(baris: Sequence[NilaiMentah], j: int) -> NilaiMentah:
    return baris[j] if j < len(baris) else None


@lru_cache(maxsize=1024)
def _sel_awal(ref: str) -> str:
    """The top-left cell of an area ("F46:G47" → "F46")."""
    r0, c0, _, _ = urai_rentang(ref)
    return sel(r0, c0)


def periode_dalam_buku(names: Mapping[str, Ref]) -> list[str]:
    """Period codes that have an evaluation table in the workbook, calendar order, AKHIR last."""
    return [k for k, n in _TABEL_EVALUASI if n in names]


def _panduan(v: NilaiMentah) -> list[str]:
    s = teks(v)
    if s is None:
        return []
    hasil = []
    for baris in s.splitlines():
        b = _BULLET.sub("", baris).strip()
        if b:
            hasil.append(b)
    return hasil


def _nama_names(names: Mapping[str, Ref]) -> None:
    if "TABEL_HASIL_KERJA" not in names:
        raise BerkasTidakTerbaca(
            "Berkas ini bukan formulir SKP skpxl (nama 'TABEL_HASIL_KERJA' tidak ditemukan); salin isiannya ke templat "
            "SKP dari folder workbook_templates lalu coba lagi."
        )


# --------------------------------------------------------------------------- baca_form


def baca_form(buku: WorkbookReader) -> SkpForm:
    """Read a filled SKP workbook into the model; never raises on content (only on a non-skpxl workbook).

    The steps follow the form top to bottom: identity and header cells, HASIL KERJA with each period's evaluation
    columns, PERILAKU KERJA, LAMPIRAN, then each period's evaluation cells and core-value feedback.
    """
    names = buku.names()
    _nama_names(names)
    kode = tuple(periode_dalam_buku(names))
    rencana = _rencana(names, kode)
    sumber = _Sumber(buku)
    nilai: dict[str, NilaiMentah] = {}
    for lembar, refs, rc, nama_ in rencana.tunggal:
        nilai.update(zip(nama_, sumber.tunggal(lembar, refs, rc), strict=True))

    umum: dict[str, object] = {
        medan: tanggal(nilai.get(n)) if medan in _TANGGAL else teks(nilai.get(n)) for medan, n in _UMUM
    }
    for pihak, daftar, s in rencana.identitas:
        umum[pihak] = Identitas(**{k: teks(nilai.get(n)) for k, n in daftar}, sel=s)
    return SkpForm(
        **umum,
        rhk=_baca_hasil_kerja(sumber, rencana),
        perilaku=_baca_perilaku(sumber, rencana),
        lampiran=_baca_lampiran(sumber, rencana),
        evaluasi=_baca_evaluasi(sumber, rencana, nilai),
        sel=rencana.sel_form,
    )


def _tabel(sumber: _Sumber, rencana: _Rencana, t: _Letak, kunci_: tuple[str, ...]) -> tuple[_Susunan, _Badan]:
    """A table's layout (found by its header) and the body rows' values of ``kunci_``."""
    s = rencana.susunan(t, sumber.kepala(t))
    return s, sumber.badan(t, s.ambil(kunci_))


def _baca_hasil_kerja(sumber: _Sumber, rencana: _Rencana) -> list[RHK]:
    """The HASIL KERJA table row by row, with each period's evaluation columns of the same row."""
    hk, badan = _tabel(sumber, rencana, rencana.hasil_kerja, _HK_KUNCI)
    ev: list[_Susunan] = []
    ev_badan: list[_Badan] = []
    for t in rencana.evaluasi:
        s, b = _tabel(sumber, rencana, t, _EVAL_ISIAN)
        ev.append(s)
        ev_badan.append(b)
    tata = rencana.tata(hk, tuple(ev))

    def ada_eval(i: int) -> bool:
        """Whether any period's evaluation row ``i`` holds an entry."""
        return any((b := e.get(i)) is not None and any(teks(v) is not None for v in b) for e in ev_badan)

    # Rows where HASIL KERJA or an evaluation has a cell that is not empty, in order; all other rows are skipped.
    n = hk.letak.r1 - hk.letak.r0
    dilihat = sorted(badan.keys() | {i for e in ev_badan for i in e if i < n}) if ev_badan else list(badan)
    kosong = (None,) * len(_HK_KUNCI)
    rhk_list: list[RHK] = []
    bagian: JenisRHK | None = None
    kini: RHK | None = None
    kini_kunci: tuple[str | None, ...] = ()
    for i in dilihat:
        baris = badan.get(i)
        if baris is None:
            if not ada_eval(i):
                continue
            baris = kosong
        tx = [teks(v) for v in baris]
        isi = [v for v in tx if v is not None]
        if len(isi) == 1 and (penanda := jenis_penanda(isi[0])) is not None:
            bagian = penanda
            kini = None
            continue
        tingkat_rhk = (tx[_HK_JENIS], tx[_HK_RHK_ATASAN], tx[_HK_PERSPEKTIF], tx[_HK_TEKS])
        # The evaluation matters only for a row without IKI cells (it makes the row an IKI).
        ada_iki = any(tx[j] is not None for j in _HK_IKI) or ada_eval(i)
        if not ada_iki and all(v is None for v in tingkat_rhk):
            continue  # an empty row (perhaps numbered): skipped
        if kini is None or any(v is not None and v != lama for v, lama in zip(tingkat_rhk, kini_kunci, strict=True)):
            kini = RHK(
                jenis=tx[_HK_JENIS] or (bagian.value if bagian is not None else None),
                rhk_atasan=tx[_HK_RHK_ATASAN],
                perspektif=tx[_HK_PERSPEKTIF],
                teks=tx[_HK_TEKS],
                sel=tata.sel_rhk(i),
            )
            kini_kunci = tingkat_rhk
            rhk_list.append(kini)
        if ada_iki:
            kini.iki.append(_iki(tata, i, tx, baris, ev_badan))
    return rhk_list


def _iki(
    tata: _TataHasilKerja,
    i: int,
    tx: Sequence[str | None],
    baris: tuple[NilaiMentah, ...],
    ev_badan: list[_Badan],
) -> IKI:
    """One IKI from body row ``i`` of HASIL KERJA and the same row of every period's evaluation table."""
    iki = IKI(
        aspek=tx[_HK_ASPEK],
        teks=tx[_HK_IKI_TEKS],
        target=isian(baris[_HK_TARGET]),
        satuan=tx[_HK_SATUAN],
        arah=tx[_HK_ARAH],
        sel=tata.sel_iki(i),
    )
    for j, k in enumerate(tata.kode):
        ev = ev_badan[j].get(i)
        if ev is None or i >= tata.n_ev[j]:
            continue  # nothing filled: no evaluation for this period
        realisasi, bukti, umpan, kategori = isian(ev[0]), teks(ev[1]), teks(ev[2]), teks(ev[3])
        if realisasi is None and bukti is None and umpan is None and kategori is None:
            continue
        iki.evaluasi[k] = EvaluasiIKI(
            realisasi=realisasi, bukti_dukung=bukti, umpan_balik=umpan, kategori=kategori, sel=tata.sel_ev(j, i)
        )
    return iki


def _baca_perilaku(sumber: _Sumber, rencana: _Rencana) -> list[PerilakuKerja]:
    """PERILAKU KERJA: the core values with their panduan and the leader's special expectation."""
    hasil: list[PerilakuKerja] = []
    if rencana.perilaku is None:
        return hasil
    tp, badan = _tabel(sumber, rencana, rencana.perilaku, _PERILAKU_KUNCI)
    for i, baris in badan.items():
        ni, pd, ek = teks(baris[0]), _panduan(baris[1]), teks(baris[2])
        if ni is None and not pd and ek is None:
            continue
        s = tp.sel_baris(_PETA_PERILAKU, i)
        hasil.append(PerilakuKerja(nilai_inti=ni, panduan=pd, ekspektasi_khusus=ek, sel=s))
    return hasil


def _baca_lampiran(sumber: _Sumber, rencana: _Rencana) -> Lampiran:
    """LAMPIRAN SKP: the three lists, bullets stripped."""
    lampiran: dict[str, list[str]] = {medan: [] for medan, _ in _LAMPIRAN}
    for medan, lembar, ref in rencana.lampiran:
        for v in sumber.kolom(lembar, ref):
            butir = teks(v)
            if butir is not None:
                lampiran[medan].append(_BULLET.sub("", butir).strip() or butir)
    return Lampiran(**lampiran)


def _baca_evaluasi(sumber: _Sumber, rencana: _Rencana, nilai: Mapping[str, NilaiMentah]) -> dict[str, EvaluasiPeriode]:
    """Each period's evaluation cells and its core-value feedback table; periods with nothing filled are left out."""
    hasil: dict[str, EvaluasiPeriode] = {}
    n_label = len(_LABEL_NILAI_INTI)
    for k, s_dasar, t, isian_ in rencana.periode:
        isi = {medan: teks(nilai.get(n)) for medan, n in isian_}
        isi_ada = any(v is not None for v in isi.values())
        tabel = None if t is None else _tabel(sumber, rencana, t, _UMPAN_BALIK_KUNCI)
        # umpan balik and rating of each row that is not wholly empty
        ub_rt = {} if tabel is None else {i: (teks(b[1]), teks(b[2])) for i, b in tabel[1].items()}
        if not isi_ada:  # a row counts when it stands for a core value: one of the first rows, or one it names
            isi_ada = any(
                (ub is not None or rt is not None) and (i < n_label or teks(tabel[1][i][0]) is not None)
                for i, (ub, rt) in ub_rt.items()
                if tabel is not None
            )
        if not isi_ada:
            continue
        s_ep = s_dasar
        umpan_balik: dict[str, str] = {}
        rating: dict[str, str] = {}
        if tabel is not None and t is not None:
            tu, badan = tabel
            label_baris: list[tuple[str, int]] = []
            # An empty row still stands for its core value (the table lists them in order), a row below them only
            # when it names one.
            for i in sorted(badan.keys() | range(min(t.r1 - t.r0, n_label))):
                bawaan = _LABEL_NILAI_INTI[i] if i < n_label else None
                baris = badan.get(i)
                if baris is None:
                    label, ub, rt = bawaan, None, None
                else:
                    label = teks(baris[0]) or bawaan
                    ub, rt = ub_rt[i]
                if label is None:
                    continue
                if ub is not None:
                    umpan_balik[label] = ub
                if rt is not None:
                    rating[label] = rt
                label_baris.append((label, i))
            s_ep = tu.sel_umpan_balik(s_dasar, tuple(label_baris))
        ep = EvaluasiPeriode(**isi, sel=s_ep)
        # filled in place, as they always were (they stay out of the model's fields_set)
        ep.umpan_balik_perilaku.update(umpan_balik)
        ep.rating_perilaku_per_nilai.update(rating)
        hasil[k] = ep
    return hasil


# --------------------------------------------------------------------------- tulis_form


def _tulis1(buku: Workbook, names: Mapping[str, Ref], n: str, v: object) -> None:
    ref = names.get(n)
    if ref is None:
        if v is None:
            return
        raise InputTidakValid(f"Templat tidak punya sel bernama {n} untuk menulis {v!r}.")
    r0, c0, _, _ = urai_rentang(ref.ref)
    buku.write_block(ref.sheet, sel(r0, c0), [[ke_sel(v)]])


def _baris_rhk(rhk: RHK) -> list[dict[str, CellValue]]:
    """The table rows of one RHK: RHK-level cells on the first row only."""
    baris: list[dict[str, CellValue]] = []
    for j, iki in enumerate(rhk.iki or [None]):
        d: dict[str, CellValue] = {}
        if j == 0:
            d.update(jenis=rhk.jenis, rhk_atasan=rhk.rhk_atasan, perspektif=rhk.perspektif, teks=rhk.teks)
        if iki is not None:
            d.update(aspek=iki.aspek, iki=iki.teks, target=ke_sel(iki.target), satuan=iki.satuan, arah=iki.arah)
        baris.append(d)
    return baris


def _rencana_baris(
    form: SkpForm, n: int, penanda_lama: tuple[int | None, int | None]
) -> list[tuple[int, dict[str, CellValue], IKI | None]]:
    """Where every row goes in a body of ``n`` rows: (index, cells, IKI) incl. the two section markers."""
    utama = [r for r in form.rhk if JenisRHK.cari(r.jenis) is not JenisRHK.TAMBAHAN]
    tambahan = [r for r in form.rhk if JenisRHK.cari(r.jenis) is JenisRHK.TAMBAHAN]
    u = sum(max(1, len(r.iki)) for r in utama)
    t = sum(max(1, len(r.iki)) for r in tambahan)

    def cocok(a: int | None, b: int | None) -> bool:
        return a is not None and b is not None and a >= 0 and a + u < b and b + t < n

    a_lama, b_lama = penanda_lama
    for a, b in ((a_lama, b_lama), (a_lama, None if a_lama is None else a_lama + u + 1), (0, u + 1)):
        if cocok(a, b):
            break
    else:
        raise InputTidakValid(
            f"Tabel HASIL KERJA hanya punya {n} baris, sedangkan SKP ini perlu {u + t + 2} baris "
            f"({u} baris utama, {t} baris tambahan, 2 baris judul bagian). Sisipkan baris di dalam tabel "
            "atau buat templat dengan baris lebih banyak."
        )
    assert a is not None and b is not None
    rencana: list[tuple[int, dict[str, CellValue], IKI | None]] = [
        (a, {"no": PENANDA_UTAMA}, None),
        (b, {"no": PENANDA_TAMBAHAN}, None),
    ]
    for awal, daftar in ((a + 1, utama), (b + 1, tambahan)):
        i = awal
        for nomor, rhk in enumerate(daftar, start=1):
            for j, d in enumerate(_baris_rhk(rhk)):
                if j == 0:
                    d["no"] = nomor
                rencana.append((i, d, rhk.iki[j] if rhk.iki else None))
                i += 1
    return rencana


def tulis_form(buku: Workbook, form: SkpForm) -> None:
    """Write ``form`` into a workbook built from the skpxl template (inputs only; computed cells untouched).

    Raises :class:`InputTidakValid` when the template has too few rows or lacks an evaluation sheet
    for a period the form uses.
    """
    names = buku.names()
    _nama_names(names)
    kode_periode = periode_dalam_buku(names)
    dipakai = set(form.evaluasi) | {k for r in form.rhk for i in r.iki for k in i.evaluasi}
    kurang = sorted(dipakai - set(kode_periode), key=lambda k: _KODE_SEMUA.index(k) if k in _KODE_SEMUA else 99)
    if kurang:
        raise InputTidakValid(
            f"Templat ini tidak punya lembar evaluasi untuk periode {', '.join(kurang)}; "
            "pilih templat dengan periodisasi yang sesuai."
        )

    for medan, n in _UMUM:
        if medan not in _TIDAK_DITULIS:
            _tulis1(buku, names, n, getattr(form, medan))
    for pihak, akhiran, _ in PIHAK:
        identitas: Identitas = getattr(form, pihak)
        for k, _, _ in IDENTITAS:
            _tulis1(buku, names, f"{k.upper()}_{akhiran}", getattr(identitas, k))

    # HASIL KERJA + evaluation tables (aligned by body row)
    tabel = _cari_tabel(buku, names["TABEL_HASIL_KERJA"], KOLOM_HASIL_KERJA)
    n_badan = tabel.r_akhir - tabel.r_kepala
    kol_no = tabel.kolom.get("no")
    penanda: list[int | None] = [None, None]
    if kol_no is not None and n_badan > 0:
        kolom_no = buku.read_block(tabel.lembar, rentang(tabel.r_kepala + 1, kol_no, tabel.r_akhir, kol_no))
        for i, (v,) in enumerate(b[:1] for b in kolom_no):
            jp = jenis_penanda(v)
            if jp is JenisRHK.UTAMA and penanda[0] is None:
                penanda[0] = i
            elif jp is JenisRHK.TAMBAHAN and penanda[1] is None:
                penanda[1] = i
    rencana = _rencana_baris(form, n_badan, (penanda[0], penanda[1]))
    _tulis_badan(buku, tabel, n_badan, {i: d for i, d, _ in rencana})

    for k in kode_periode:
        et = _cari_tabel(buku, names[nama("TABEL_EVALUASI", k)], KOLOM_EVALUASI)
        isi_ev: dict[int, dict[str, CellValue]] = {}
        for i, _, iki in rencana:
            ev = iki.evaluasi.get(k) if iki is not None else None
            if ev is not None:
                isi_ev[i] = {
                    "realisasi": ke_sel(ev.realisasi),
                    "bukti_dukung": ev.bukti_dukung,
                    "umpan_balik": ev.umpan_balik,
                    "kategori": ev.kategori,
                }
        _tulis_badan(buku, et, et.r_akhir - et.r_kepala, isi_ev, _EVAL_ISIAN)

    # PERILAKU KERJA
    if "TABEL_PERILAKU" in names:
        tp = _cari_tabel(buku, names["TABEL_PERILAKU"], KOLOM_PERILAKU)
        kap = tp.r_akhir - tp.r_kepala
        if len(form.perilaku) > kap:
            raise InputTidakValid(f"Tabel PERILAKU KERJA hanya punya {kap} baris, SKP ini berisi {len(form.perilaku)}.")
        isi_p = {
            i: {
                "nilai_inti": p.nilai_inti,
                "panduan": "\n".join(p.panduan) or None,
                "ekspektasi_khusus": p.ekspektasi_khusus,
            }
            for i, p in enumerate(form.perilaku)
        }
        _tulis_badan(buku, tp, kap, isi_p, ("nilai_inti", "panduan", "ekspektasi_khusus"))

    # LAMPIRAN
    for medan, n_lamp in (
        ("dukungan_sumber_daya", "LAMPIRAN_DUKUNGAN_SUMBER_DAYA"),
        ("skema_pertanggungjawaban", "LAMPIRAN_SKEMA_PERTANGGUNGJAWABAN"),
        ("konsekuensi", "LAMPIRAN_KONSEKUENSI"),
    ):
        isi_l: list[str] = getattr(form.lampiran, medan)
        ref = names.get(n_lamp)
        if ref is None:
            if isi_l:
                raise InputTidakValid(f"Templat tidak punya {n_lamp}.")
            continue
        r0, c0, r1, _ = urai_rentang(ref.ref)
        if len(isi_l) > r1 - r0:
            raise InputTidakValid(
                f"Lampiran {medan.replace('_', ' ')} hanya punya {r1 - r0} baris, berisi {len(isi_l)}."
            )
        if r1 > r0:
            buku.write_block(
                ref.sheet, sel(r0 + 1, c0), [[isi_l[i] if i < len(isi_l) else None] for i in range(r1 - r0)]
            )

    # EVALUASI per period
    label_nilai = {kunci(x.value): x for x in NilaiInti}
    for k in kode_periode:
        ep = form.evaluasi.get(k) or EvaluasiPeriode()
        for medan, d in _PERIODE_ISIAN:
            _tulis1(buku, names, nama(d, k), getattr(ep, medan))
        n_tabel = nama("TABEL_UMPAN_BALIK_PERILAKU", k)
        if n_tabel not in names:
            if ep.umpan_balik_perilaku or ep.rating_perilaku_per_nilai:
                raise InputTidakValid(f"Templat tidak punya {n_tabel}.")
            continue
        tu = _cari_tabel(buku, names[n_tabel], KOLOM_UMPAN_BALIK_PERILAKU)
        urutan = list(NilaiInti)
        isi_u: dict[int, dict[str, CellValue]] = {
            i: {"nilai_inti": x.value} for i, x in enumerate(urutan) if i < tu.r_akhir - tu.r_kepala
        }
        for medan, kunci_tabel in (("umpan_balik_perilaku", "umpan_balik"), ("rating_perilaku_per_nilai", "rating")):
            peta: dict[str, str] = getattr(ep, medan)
            for label, isi in peta.items():
                nilai_inti = label_nilai.get(kunci(label)) or NilaiInti.cari(label)
                if nilai_inti is None or urutan.index(nilai_inti) not in isi_u:
                    raise InputTidakValid(f"Nilai inti perilaku '{label}' tidak dikenal (periode {k}).")
                isi_u[urutan.index(nilai_inti)][kunci_tabel] = isi
        _tulis_badan(buku, tu, tu.r_akhir - tu.r_kepala, isi_u, ("nilai_inti", "umpan_balik", "rating"))


def _tulis_badan(
    buku: Workbook,
    t: _Tabel,
    n: int,
    isi: Mapping[int, Mapping[str, CellValue]],
    kunci_: Sequence[str] | None = None,
) -> None:
    """Rewrite the body of a table: the given rows, every other row emptied (known columns only)."""
    kolom = {k: c for k, c in t.kolom.items() if kunci_ is None or k in kunci_}
    if n <= 0:
        return
    for a, b in _runtun(kolom):
        blok: Block = buku.read_block(t.lembar, rentang(t.r_kepala + 1, a, t.r_kepala + n, b))
        for i in range(n):
            d = isi.get(i, {})
            for k, c in kolom.items():
                if a <= c <= b:
                    blok[i][c - a] = ke_sel(d.get(k))
        buku.write_block(t.lembar, sel(t.r_kepala + 1, a), blok)


def ringkas(form: SkpForm) -> object:
    """The form as plain data without ``sel`` maps (for comparing round trips; Decimals compare by value)."""
    return _tanpa_sel(form.model_dump())


def _tanpa_sel(x: object) -> object:
    if isinstance(x, dict):
        return {k: _tanpa_sel(v) for k, v in x.items() if k != "sel"}
    if isinstance(x, list):
        return [_tanpa_sel(v) for v in x]
    return x
