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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from skpxl.buku.adapters.base import Block, CellValue, Ref, Workbook, WorkbookReader
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

    @property
    def baris_badan(self) -> range:
        return range(self.r_kepala + 1, self.r_akhir + 1)

    def alamat(self, r: int, k: str) -> str | None:
        c = self.kolom.get(k)
        return None if c is None else alamat(self.lembar, sel(r, c))


@lru_cache(maxsize=256)
def _posisi_kolom(spesifikasi: tuple[Kolom, ...], kepala: tuple[CellValue, ...]) -> tuple[tuple[str, int], ...]:
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


def _baca_badan(buku: WorkbookReader, t: _Tabel, kunci_: Iterable[str]) -> list[dict[str, CellValue]]:
    """Body rows as {key: value}, reading one block per contiguous run of the wanted columns."""
    kolom = {k: t.kolom[k] for k in kunci_ if k in t.kolom}
    n = t.r_akhir - t.r_kepala
    hasil: list[dict[str, CellValue]] = [{} for _ in range(max(n, 0))]
    if n <= 0:
        return hasil
    for a, b in _runtun(kolom):
        blok = buku.read_block(t.lembar, rentang(t.r_kepala + 1, a, t.r_akhir, b))
        for k, c in kolom.items():
            if a <= c <= b:
                for i, baris in enumerate(blok):
                    hasil[i][k] = baris[c - a]
    return hasil


class _NilaiNama:
    """Single-cell defined names, each read as one cell.

    Never one bounding block per sheet: two far-apart names would make the reader build every cell
    between them. Names in ``dialamatkan`` are computed cells, only addressed, never read.
    """

    def __init__(
        self, buku: WorkbookReader, names: Mapping[str, Ref], dibaca: Iterable[str], dialamatkan: Iterable[str] = ()
    ) -> None:
        self.nilai: dict[str, CellValue] = {}
        self.alamat: dict[str, str] = {}
        for n in dibaca:
            ref = names.get(n)
            if ref is not None:
                a = _sel_awal(ref.ref)
                self.alamat[n] = alamat(ref.sheet, a)
                self.nilai[n] = buku.read_block(ref.sheet, a)[0][0]
        for n in dialamatkan:
            ref = names.get(n)
            if ref is not None:
                self.alamat[n] = alamat(ref.sheet, _sel_awal(ref.ref))

    def get(self, n: str) -> CellValue:
        return self.nilai.get(n)


@lru_cache(maxsize=1024)
def _sel_awal(ref: str) -> str:
    """The top-left cell of an area ("F46:G47" → "F46")."""
    r0, c0, _, _ = urai_rentang(ref)
    return sel(r0, c0)


def periode_dalam_buku(names: Mapping[str, Ref]) -> list[str]:
    """Period codes that have an evaluation table in the workbook, calendar order, AKHIR last."""
    return [k for k in _KODE_SEMUA if nama("TABEL_EVALUASI", k) in names]


def _panduan(v: CellValue) -> list[str]:
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
    kode_periode = periode_dalam_buku(names)
    tunggal = [n for _, n in _UMUM]
    tunggal += [f"{k.upper()}_{akhiran}" for _, akhiran, _ in PIHAK for k, _, _ in IDENTITAS]
    tunggal += [nama(d, k) for k in kode_periode for _, d in _PERIODE_ISIAN]
    nilai = _NilaiNama(buku, names, tunggal, [nama(d, k) for k in kode_periode for _, d in _PERIODE_HITUNG])

    form = SkpForm()
    sel_form: dict[str, str] = {}
    _baca_identitas(form, nilai, sel_form)
    form.rhk = _baca_hasil_kerja(buku, names, kode_periode, sel_form)
    form.perilaku = _baca_perilaku(buku, names, sel_form)
    form.lampiran = _baca_lampiran(buku, names, sel_form)
    form.evaluasi = _baca_evaluasi(buku, names, nilai, kode_periode)
    form.sel = sel_form
    return form


def _baca_identitas(form: SkpForm, nilai: _NilaiNama, sel_form: dict[str, str]) -> None:
    """Header cells (unit, period, approach …) and the three identity blocks."""
    for medan, n in _UMUM:
        v = nilai.get(n)
        setattr(form, medan, tanggal(v) if medan in _TANGGAL else teks(v))
        if n in nilai.alamat:
            sel_form[medan] = nilai.alamat[n]

    for pihak, akhiran, _ in PIHAK:
        data: dict[str, str | None] = {}
        s: dict[str, str] = {}
        for k, _, _ in IDENTITAS:
            n = f"{k.upper()}_{akhiran}"
            data[k] = teks(nilai.get(n))
            if n in nilai.alamat:
                s[k] = nilai.alamat[n]
        setattr(form, pihak, Identitas(**data, sel=s))


def _baca_hasil_kerja(
    buku: WorkbookReader, names: Mapping[str, Ref], kode_periode: list[str], sel_form: dict[str, str]
) -> list[RHK]:
    """The HASIL KERJA table row by row, with each period's evaluation columns of the same row."""
    tabel = _cari_tabel(buku, names["TABEL_HASIL_KERJA"], KOLOM_HASIL_KERJA)
    sel_form["tabel_hasil_kerja"] = alamat(tabel.lembar, names["TABEL_HASIL_KERJA"].ref)
    badan = _baca_badan(buku, tabel, [k.kunci for k in KOLOM_HASIL_KERJA])

    evaluasi_tabel: dict[str, _Tabel] = {}
    evaluasi_badan: dict[str, list[dict[str, CellValue]]] = {}
    for k in kode_periode:
        ref = names[nama("TABEL_EVALUASI", k)]
        et = _cari_tabel(buku, ref, KOLOM_EVALUASI)
        evaluasi_tabel[k] = et
        evaluasi_badan[k] = _baca_badan(buku, et, _EVAL_ISIAN)
        sel_form[f"tabel_evaluasi:{k}"] = alamat(et.lembar, ref.ref)

    # Whether any period's evaluation row i holds an entry, for every row at once.
    isian_evaluasi = [False] * len(badan)
    for k in kode_periode:
        for i, ev in enumerate(evaluasi_badan[k][: len(badan)]):
            if not isian_evaluasi[i] and any(v is not None and teks(v) is not None for v in ev.values()):
                isian_evaluasi[i] = True

    rhk_list: list[RHK] = []
    bagian: JenisRHK | None = None
    kini: RHK | None = None
    kini_kunci: tuple[str | None, ...] = ()
    for i, baris in enumerate(badan):
        r = tabel.r_kepala + 1 + i
        tx = {k: teks(v) for k, v in baris.items()}
        isi = [v for v in tx.values() if v is not None]
        if len(isi) == 1 and jenis_penanda(isi[0]) is not None:
            bagian = jenis_penanda(isi[0])
            kini = None
            continue
        tingkat_rhk = tuple(tx.get(k) for k in _RHK_KUNCI)
        tingkat_iki = tuple(tx.get(k) for k in _IKI_KUNCI)
        ada_eval = isian_evaluasi[i]
        if not any(v is not None for v in tingkat_rhk + tingkat_iki) and not ada_eval:
            continue  # an empty row (perhaps numbered): skipped
        if kini is None or any(v is not None and v != lama for v, lama in zip(tingkat_rhk, kini_kunci, strict=True)):
            jenis = tx.get("jenis") or (bagian.value if bagian is not None else None)
            s = {k: a for k in _RHK_KUNCI if (a := tabel.alamat(r, k)) is not None}
            for k in kode_periode:
                et = evaluasi_tabel[k]
                if (a := et.alamat(et.r_kepala + 1 + i, "kategori_rhk")) is not None:
                    s[f"kategori_rhk:{k}"] = a
            kini = RHK(
                jenis=jenis,
                rhk_atasan=tx.get("rhk_atasan"),
                perspektif=tx.get("perspektif"),
                teks=tx.get("teks"),
                sel=s,
            )
            kini_kunci = tingkat_rhk
            rhk_list.append(kini)
        if not any(v is not None for v in tingkat_iki) and not ada_eval:
            continue  # an RHK row without IKI
        iki = _iki(tabel, r, i, tx, baris, evaluasi_tabel, evaluasi_badan)
        kini.iki.append(iki)
    return rhk_list


def _iki(
    tabel: _Tabel,
    r: int,
    i: int,
    tx: Mapping[str, str | None],
    baris: Mapping[str, CellValue],
    evaluasi_tabel: Mapping[str, _Tabel],
    evaluasi_badan: Mapping[str, list[dict[str, CellValue]]],
) -> IKI:
    """One IKI from row ``i`` of HASIL KERJA (sheet row ``r``) and the same row of every period's evaluation table."""
    iki = IKI(
        aspek=tx.get("aspek"),
        teks=tx.get("iki"),
        target=isian(baris.get("target")),
        satuan=tx.get("satuan"),
        arah=tx.get("arah"),
        sel={("teks" if k == "iki" else k): a for k in _IKI_KUNCI if (a := tabel.alamat(r, k)) is not None},
    )
    for k, et in evaluasi_tabel.items():
        re_ = et.r_kepala + 1 + i
        if re_ > et.r_akhir:
            continue
        s_ev = {x: a for x in _EVAL_ISIAN + _EVAL_HITUNG if (a := et.alamat(re_, x)) is not None}
        for x, a in s_ev.items():
            iki.sel[f"{x}:{k}"] = a
        ev = evaluasi_badan[k][i]
        eval_iki = EvaluasiIKI(
            realisasi=isian(ev.get("realisasi")),
            bukti_dukung=teks(ev.get("bukti_dukung")),
            umpan_balik=teks(ev.get("umpan_balik")),
            kategori=teks(ev.get("kategori")),
            sel=s_ev,
        )
        if any(getattr(eval_iki, x) is not None for x in _EVAL_ISIAN):
            iki.evaluasi[k] = eval_iki
    return iki


def _baca_perilaku(buku: WorkbookReader, names: Mapping[str, Ref], sel_form: dict[str, str]) -> list[PerilakuKerja]:
    """PERILAKU KERJA: the core values with their panduan and the leader's special expectation."""
    hasil: list[PerilakuKerja] = []
    if "TABEL_PERILAKU" not in names:
        return hasil
    tp = _cari_tabel(buku, names["TABEL_PERILAKU"], KOLOM_PERILAKU)
    sel_form["tabel_perilaku"] = alamat(tp.lembar, names["TABEL_PERILAKU"].ref)
    for i, baris in enumerate(_baca_badan(buku, tp, ("nilai_inti", "panduan", "ekspektasi_khusus"))):
        r = tp.r_kepala + 1 + i
        ni, pd, ek = (
            teks(baris.get("nilai_inti")),
            _panduan(baris.get("panduan")),
            teks(baris.get("ekspektasi_khusus")),
        )
        if ni is None and not pd and ek is None:
            continue
        s = {k: a for k in ("nilai_inti", "panduan", "ekspektasi_khusus") if (a := tp.alamat(r, k)) is not None}
        hasil.append(PerilakuKerja(nilai_inti=ni, panduan=pd, ekspektasi_khusus=ek, sel=s))

    return hasil


def _baca_lampiran(buku: WorkbookReader, names: Mapping[str, Ref], sel_form: dict[str, str]) -> Lampiran:
    """LAMPIRAN SKP: the three lists, bullets stripped."""
    lampiran: dict[str, list[str]] = {}
    for medan, n in (
        ("dukungan_sumber_daya", "LAMPIRAN_DUKUNGAN_SUMBER_DAYA"),
        ("skema_pertanggungjawaban", "LAMPIRAN_SKEMA_PERTANGGUNGJAWABAN"),
        ("konsekuensi", "LAMPIRAN_KONSEKUENSI"),
    ):
        lampiran[medan] = []
        ref_l = names.get(n)
        if ref_l is None:
            continue
        sel_form[f"lampiran.{medan}"] = alamat(ref_l.sheet, ref_l.ref)
        r0, c0, r1, _ = urai_rentang(ref_l.ref)
        if r1 > r0:
            for (v,) in (b[:1] for b in buku.read_block(ref_l.sheet, rentang(r0 + 1, c0, r1, c0))):
                butir = teks(v)
                if butir is not None:
                    lampiran[medan].append(_BULLET.sub("", butir).strip() or butir)
    return Lampiran(**lampiran)


def _baca_evaluasi(
    buku: WorkbookReader, names: Mapping[str, Ref], nilai: _NilaiNama, kode_periode: list[str]
) -> dict[str, EvaluasiPeriode]:
    """Each period's evaluation cells and its core-value feedback table; periods with nothing filled are left out."""
    hasil: dict[str, EvaluasiPeriode] = {}
    for k in kode_periode:
        ep = EvaluasiPeriode()
        s_ep: dict[str, str] = {}
        isi_ada = False
        for medan, d in _PERIODE_ISIAN:
            n = nama(d, k)
            v = teks(nilai.get(n))
            setattr(ep, medan, v)
            isi_ada = isi_ada or v is not None
            if n in nilai.alamat:
                s_ep[medan] = nilai.alamat[n]
        for medan, d in _PERIODE_HITUNG:
            n = nama(d, k)
            if n in nilai.alamat:
                s_ep[medan] = nilai.alamat[n]
        n_tabel = nama("TABEL_UMPAN_BALIK_PERILAKU", k)
        if n_tabel in names:
            tu = _cari_tabel(buku, names[n_tabel], KOLOM_UMPAN_BALIK_PERILAKU)
            nilai_inti = list(NilaiInti)
            for i, baris in enumerate(_baca_badan(buku, tu, ("nilai_inti", "umpan_balik", "rating"))):
                r = tu.r_kepala + 1 + i
                label = teks(baris.get("nilai_inti")) or (nilai_inti[i].value if i < len(nilai_inti) else None)
                if label is None:
                    continue
                ub, rt = teks(baris.get("umpan_balik")), teks(baris.get("rating"))
                if ub is not None:
                    ep.umpan_balik_perilaku[label] = ub
                if rt is not None:
                    ep.rating_perilaku_per_nilai[label] = rt
                isi_ada = isi_ada or ub is not None or rt is not None
                if (a := tu.alamat(r, "umpan_balik")) is not None:
                    s_ep[f"umpan_balik_perilaku:{label}"] = a
                if (a := tu.alamat(r, "rating")) is not None:
                    s_ep[f"rating_perilaku_per_nilai:{label}"] = a
        if isi_ada:
            ep.sel = s_ep
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
