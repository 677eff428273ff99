"""The XlsxWriter template builder: the layout of :mod:`skpxl.buku.layout` rendered as a familiar SKP form.

Deterministic: fixed document properties and creation date, sorted writes, so the
same inputs give the same bytes. A filled :class:`SkpForm` is written through an
in-memory workbook with :func:`skpxl.buku.form_io.tulis_form` first, so the example
units and the template share one writer. The ``.xlsm`` build passes a
``vbaProject.bin`` and buttons through the same function.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped, unused-ignore]
from xlsxwriter.format import Format  # type: ignore[import-untyped, unused-ignore]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from skpxl.buku.adapters.base import CellValue
from skpxl.buku.adapters.memory import MemoryWorkbook, dari_rancangan
from skpxl.buku.form_io import teks, tulis_form
from skpxl.buku.layout import (
    BARIS_LAMPIRAN,
    BARIS_TAMBAHAN,
    BARIS_UTAMA,
    DAFTAR_KETAT,
    KOLOM_EVALUASI,
    KOLOM_HASIL_KERJA,
    KOLOM_PERILAKU,
    KOLOM_UMPAN_BALIK_PERILAKU,
    LEMBAR_DOKUMEN,
    LEMBAR_DOKUMEN_F4,
    LEMBAR_META,
    LEMBAR_SKP,
    PAKET_ATURAN_ID,
    PAKET_ATURAN_VERSI,
    TEMPLATE_ID,
    TEMPLATE_VERSI,
    WARNA_CERMIN,
    WARNA_HITUNG,
    WARNA_ISIAN,
    WARNA_JUDUL_KOLOM,
    WARNA_PENANDA,
    Kolom,
    Nama,
    Peran,
    Rancangan,
    Tombol,
    jenis_penanda,
    lembar_evaluasi,
    nama,
    posisi_kolom,
    rancang,
    sel,
    urai_rentang,
    urai_sel,
)
from skpxl.buku.ukuran import TINGGI_BAKU, tinggi_baris
from skpxl.core.enums import JenisRHK, Periodisasi
from skpxl.core.models import SkpForm

__all__ = ["build_bytes", "build_template", "rancangan_untuk"]

DIBUAT = datetime(2026, 1, 1, 0, 0, 0)  # fixed creation date: byte-reproducible files
KERTAS_A4 = 9
KERTAS_FOLIO_F4 = 14  # "Folio 8½ × 13 in" = 215.9 × 330.2 mm ≈ F4 (215 × 330 mm)
FONT = "Arial"
LEBAR_BAKU = 8.43  # Excel's default column width

_GAYA: dict[str, dict[str, Any]] = {
    "judul": {"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"},
    "judul_kiri": {"bold": True, "font_size": 12},
    "subjudul": {"bold": True, "font_size": 11, "bottom": 1, "valign": "vcenter"},
    "subjudul_tengah": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True},
    "kepala": {
        "bold": True,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
        "border": 1,
        "bg_color": WARNA_JUDUL_KOLOM,
    },
    "label": {"border": 1, "valign": "top", "text_wrap": True},
    "nomor": {"border": 1, "align": "center", "valign": "top"},
    "panduan": {"border": 1, "valign": "top", "text_wrap": True},
    # A section row ("A. UTAMA") reads as one band: no inner borders for its text to run across.
    "penanda": {"bold": True, "top": 1, "bottom": 1, "bg_color": WARNA_PENANDA},
    "penanda_awal": {"bold": True, "top": 1, "bottom": 1, "left": 1, "bg_color": WARNA_PENANDA},
    "penanda_akhir": {"top": 1, "bottom": 1, "right": 1, "bg_color": WARNA_PENANDA},
    "catatan": {"italic": True, "font_color": "#595959"},
    "petunjuk": {
        "italic": True,
        "text_wrap": True,
        "valign": "top",
        "border": 1,
        "bg_color": "#F7F7F7",
    },
    "tengah": {"align": "center", "valign": "bottom", "text_wrap": True},
    "ttd": {"align": "center", "valign": "top"},
    "ttd_nama": {"align": "center", "bold": True, "underline": 1},
    "kecil": {"italic": True, "font_color": "#7F7F7F"},
    "meta": {},
    "cermin": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_CERMIN},
    "cermin_dokumen": {"border": 1, "valign": "top", "text_wrap": True},
    "isian": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_ISIAN, "locked": False},
    "isian_panjang": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_ISIAN, "locked": False},
    "isian_teks": {"border": 1, "valign": "top", "bg_color": WARNA_ISIAN, "locked": False, "num_format": "@"},
    "isian_tanggal": {
        "border": 1,
        "valign": "top",
        "align": "left",
        "bg_color": WARNA_ISIAN,
        "locked": False,
        "num_format": "[$-421]d mmmm yyyy",
    },
    "isian_ttd": {"align": "center", "valign": "bottom", "bg_color": WARNA_ISIAN, "locked": False},
    "isian_target": {"border": 1, "valign": "top", "align": "right", "bg_color": WARNA_ISIAN, "locked": False},
    "hitung": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_HITUNG, "bold": True},
    "hitung_judul": {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "bg_color": WARNA_HITUNG},
    "hitung_dokumen": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_HITUNG},
    "hitung_panjang": {"border": 1, "valign": "top", "text_wrap": True, "bg_color": WARNA_HITUNG},
    "hitung_angka": {"border": 1, "valign": "top", "bg_color": WARNA_HITUNG, "num_format": "0.00"},
}

_LINTAS = {"align": "center_across", "text_wrap": False}
for _g in ("judul", "subjudul_tengah", "kepala", "tengah", "ttd", "ttd_nama"):
    _GAYA[_g + "_lintas"] = {**_GAYA[_g], **_LINTAS}
_GAYA["label_polos"] = {"valign": "top"}
_GAYA["cermin_polos"] = {"valign": "top", "bg_color": WARNA_CERMIN}
_GAYA_GABUNG = frozenset({"petunjuk", "panduan", "kepala"})  # wrapped texts: merged
_GAYA_LINTAS = frozenset({"judul", "subjudul_tengah", "kepala", "tengah", "ttd", "ttd_nama"})  # centred across
_GAYA_ALIR = {"label": "label_polos", "cermin": "cermin_polos", "cermin_dokumen": "cermin_polos", "catatan": "catatan",
              "kecil": "kecil", "judul_kiri": "judul_kiri"}  # fmt: skip
_PERLINDUNGAN = {
    "format_cells": True,
    "format_columns": True,
    "format_rows": True,
    "insert_rows": True,
    "delete_rows": True,
    "insert_hyperlinks": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
}


def _gaya_peran(peran: Peran, fmt: str | None) -> str:
    if peran is Peran.ISIAN:
        return {
            "teks": "isian_teks",
            "tanggal": "isian_tanggal",
            "panjang": "isian_panjang",
            "target": "isian_target",
            "ttd": "isian_ttd",
        }.get(fmt or "", "isian")
    if peran is Peran.HITUNG:
        return {"panjang": "hitung_panjang", "angka": "hitung_angka"}.get(fmt or "", "hitung")
    if peran is Peran.CERMIN:
        return "cermin"
    if peran is Peran.META:
        return "meta"
    return "panduan" if fmt == "panjang" else "label"


class _Lembar:
    """Everything to write on one sheet, collected first and emitted in a fixed order."""

    def __init__(self) -> None:
        self.gaya: dict[tuple[int, int], str] = {}
        self.gabung: dict[tuple[int, int], tuple[int, int]] = {}
        self.rumus: dict[tuple[int, int], tuple[str, str]] = {}
        self.validasi: list[tuple[int, int, int, int, dict[str, Any]]] = []
        self.tinggi: dict[int, float] = {}

    def atur(self, ref: str, gaya: str, *, gabung: bool = True) -> None:
        r0, c0, r1, c1 = urai_rentang(ref)
        if gabung and (r1 > r0 or c1 > c0):
            self.gabung[(r0, c0)] = (r1, c1)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                self.gaya[(r, c)] = gaya

    def hias(self, ref: str, gaya: str) -> None:
        """Style a fixed text or formula over a range: merged only where wrapped text needs it.

        Merged cells are costly for openpyxl (≈3 ms each on load), so one-line texts span their range by
        "center across selection" or by overflowing into empty neighbours instead.
        """
        r0, c0, r1, c1 = urai_rentang(ref)
        if (r0, c0) == (r1, c1) or gaya in _GAYA_GABUNG:
            self.atur(ref, gaya)
        elif gaya in _GAYA_LINTAS:
            self.atur(ref, gaya + "_lintas", gabung=False)
        elif gaya in _GAYA_ALIR:
            self.atur(sel(r0, c0), _GAYA_ALIR[gaya], gabung=False)
        else:
            self.atur(ref, gaya, gabung=False)


def rancangan_untuk(
    form: SkpForm | None,
    periodisasi: Periodisasi | str | None = None,
    *,
    baris_utama: int | None = None,
    baris_tambahan: int | None = None,
    baris_lampiran: int | None = None,
) -> Rancangan:
    """The layout a build uses: the defaults, grown to fit ``form`` when one is given."""
    if periodisasi is None:
        pz = Periodisasi.cari(form.periodisasi) if form is not None else None
        periodisasi = pz or Periodisasi.TRIWULANAN
    u, t, lamp = baris_utama or BARIS_UTAMA, baris_tambahan or BARIS_TAMBAHAN, baris_lampiran or BARIS_LAMPIRAN
    if form is not None:
        u = max(u, sum(max(1, len(r.iki)) for r in form.rhk if JenisRHK.cari(r.jenis) is not JenisRHK.TAMBAHAN))
        t = max(t, sum(max(1, len(r.iki)) for r in form.rhk if JenisRHK.cari(r.jenis) is JenisRHK.TAMBAHAN))
        lamp = max(lamp, *(len(x) for x in form.lampiran.model_dump().values()))
    return rancang(periodisasi, baris_utama=u, baris_tambahan=t, baris_lampiran=lamp)


def build_bytes(
    *,
    periodisasi: Periodisasi | str | None = None,
    form: SkpForm | None = None,
    vba_project: bytes | None = None,
    buttons: Sequence[Tombol] | bool = False,
    vba_names: Mapping[str, str] | None = None,
    baris_utama: int | None = None,
    baris_tambahan: int | None = None,
    baris_lampiran: int | None = None,
    protect: bool = True,
) -> bytes:
    """The template (optionally filled with ``form``) as .xlsx bytes, or .xlsm bytes with ``vba_project``.

    ``buttons``: ``True`` for the layout's Validasi/Hitung buttons (:attr:`Rancangan.tombol`), or an
    explicit sequence. ``vba_names`` maps "" (the workbook) and sheet names to VBA code names; the
    defaults are ThisWorkbook / Sheet1, Sheet2, ... in sheet order. ``protect=False`` leaves the sheets
    unprotected (Excel refuses writes to locked cells of a protected sheet from VBA/COM/Office.js, so a
    macro build may prefer to unprotect around its writes or to ship unprotected).
    """
    r = rancangan_untuk(
        form, periodisasi, baris_utama=baris_utama, baris_tambahan=baris_tambahan, baris_lampiran=baris_lampiran
    )
    mem = dari_rancangan(r)
    if form is not None:
        tulis_form(mem, form)
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(
        out,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            # The default font sets the unit of column widths: Arial 10 (as every cell) prints with the same
            # metrics everywhere (Liberation Sans in LibreOffice), where Calibri would be replaced by a wider font.
            "default_format_properties": {"font_name": FONT, "font_size": 10},
        },
    )
    wb.set_properties(
        {
            "title": "Sasaran Kinerja Pegawai (SKP) dan Evaluasi Kinerja",
            "subject": "PermenPANRB 6/2022",
            "author": "skpxl",
            "company": "",
            "keywords": "SKP, evaluasi kinerja, PermenPANRB 6/2022",
            "comments": f"{TEMPLATE_ID} {TEMPLATE_VERSI}; {PAKET_ATURAN_ID} {PAKET_ATURAN_VERSI}",
            "created": DIBUAT,
        }
    )
    wb.set_custom_property("skpxl_template_id", TEMPLATE_ID)
    wb.set_custom_property("skpxl_template_versi", TEMPLATE_VERSI)
    wb.set_custom_property("skpxl_periodisasi", r.periodisasi.value)
    fmt = {k: wb.add_format({"font_name": FONT, "font_size": 10, **v}) for k, v in _GAYA.items()}

    rencana = _rencana(r, mem)
    lembar_ws: dict[str, Worksheet] = {}
    for lembar in r.lembar:
        ws = wb.add_worksheet(lembar)
        lembar_ws[lembar] = ws
        _emit(ws, rencana[lembar], mem, lembar, fmt, r.lebar_kolom.get(lembar, ()))
    for n in r.nama.values():
        wb.define_name(n.nama, "=" + n.rujukan)
    _cetak(r, lembar_ws, protect)

    pilihan = r.tombol if buttons is True else (() if buttons is False else tuple(buttons))
    for t in pilihan:
        row, col = urai_sel(t.sel)
        lembar_ws[t.lembar].insert_button(
            row, col, {"macro": t.makro, "caption": t.teks, "width": t.lebar, "height": t.tinggi}
        )
    if vba_project is not None:
        wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
        names = dict(vba_names or {})
        wb.set_vba_name(names.get("", "ThisWorkbook"))
        for i, lembar in enumerate(r.lembar, start=1):
            lembar_ws[lembar].set_vba_name(names.get(lembar, f"Sheet{i}"))
    wb.close()
    return out.getvalue()


def build_template(
    path: str | os.PathLike[str],
    *,
    periodisasi: Periodisasi | str | None = None,
    form: SkpForm | None = None,
    vba_project: bytes | None = None,
    buttons: Sequence[Tombol] | bool = False,
    vba_names: Mapping[str, str] | None = None,
    baris_utama: int | None = None,
    baris_tambahan: int | None = None,
    baris_lampiran: int | None = None,
    protect: bool = True,
) -> Path:
    """Write the template to ``path`` (see :func:`build_bytes`); returns the path."""
    data = build_bytes(
        periodisasi=periodisasi,
        form=form,
        vba_project=vba_project,
        buttons=buttons,
        vba_names=vba_names,
        baris_utama=baris_utama,
        baris_tambahan=baris_tambahan,
        baris_lampiran=baris_lampiran,
        protect=protect,
    )
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(p)
    return p


# --------------------------------------------------------------------------- planning


def _rencana(r: Rancangan, mem: MemoryWorkbook) -> dict[str, _Lembar]:
    rencana = {lembar: _Lembar() for lembar in r.lembar}
    for t in r.tulisan:
        rencana[t.lembar].hias(t.ref, t.gaya)
    for n in r.nama.values():
        if n.lembar == LEMBAR_META or n.nama.startswith(("TABEL_", "LAMPIRAN_")) or ":" in n.ref:
            continue
        lb = rencana[n.lembar]
        gaya = _gaya_peran(n.peran, n.format)
        if n.lembar in (LEMBAR_DOKUMEN, LEMBAR_DOKUMEN_F4):  # the signed page: official look, no bold boxes
            gaya = "hitung_judul" if n.nama == "DOKUMEN_PERIODE" else {"hitung": "hitung_dokumen"}.get(gaya, gaya)
        lb.atur(n.gabung or n.ref, gaya)
        if n.label and n.label_ref:
            lb.hias(n.label_ref, "label")
        if n.daftar:
            _dropdown(lb, n.ref, n.daftar)
        if n.format == "teks":
            _pesan(lb, n.ref, "NIP", "18 digit tanpa spasi, misalnya 199001012015031001. Sel ini berformat teks.")
        if n.format == "ttd":
            _pesan(
                lb,
                n.ref,
                "TEMPAT, TANGGAL",
                "Tempat dan tanggal penandatanganan, misalnya: Nusa Lestari, 15 Januari 2027.",
            )
        if n.format == "panjang" and n.peran is not Peran.LABEL:
            # Room for what is typed or computed later: Excel does not grow a merged cell's row by itself.
            baris = 4 if n.nama.startswith("CATATAN") or n.nama == "DOKUMEN_CATATAN" else 2
            lb.tinggi[urai_sel(n.ref)[0]] = _tinggi_minimal(baris)
    for cm in r.cermin:
        lb = rencana[cm.lembar]
        lb.hias(cm.ref, cm.gaya)
        r0, c0, _, _ = urai_rentang(cm.ref)
        lb.rumus[(r0, c0)] = _rumus_cermin(cm.sumber, cm.awalan, r, mem)

    # SKP: the HASIL KERJA table, PERILAKU and LAMPIRAN.
    hk = r.nama["TABEL_HASIL_KERJA"]
    penanda = _baris_penanda(hk, mem)
    _tabel(rencana[LEMBAR_SKP], hk, KOLOM_HASIL_KERJA, penanda)
    hk_r0, _, hk_r1, _ = urai_rentang(hk.ref)
    c_target = posisi_kolom(KOLOM_HASIL_KERJA)["target"]
    _pesan(
        rencana[LEMBAR_SKP],
        f"{sel(hk_r0 + 1, c_target)}:{sel(hk_r1, c_target)}",
        "TARGET",
        "Angka saja (satuannya di kolom SATUAN), rentang seperti 80-90, atau uraian untuk pendekatan kualitatif.",
    )
    _tabel(rencana[LEMBAR_SKP], r.nama["TABEL_PERILAKU"], KOLOM_PERILAKU, set())
    p_r0, _, p_r1, _ = urai_rentang(r.nama["TABEL_PERILAKU"].ref)
    for rr in range(p_r0 + 1, p_r1 + 1):  # EKSPEKTASI KHUSUS PIMPINAN is typed into merged cells
        rencana[LEMBAR_SKP].tinggi[rr] = _tinggi_minimal(3)
    for n_lamp in ("LAMPIRAN_DUKUNGAN_SUMBER_DAYA", "LAMPIRAN_SKEMA_PERTANGGUNGJAWABAN", "LAMPIRAN_KONSEKUENSI"):
        r0, c0, r1, _ = urai_rentang(r.nama[n_lamp].ref)
        for rr in range(r0 + 1, r1 + 1):
            rencana[LEMBAR_SKP].atur(f"{sel(rr, c0)}:{sel(rr, c0 + 8)}", "isian_panjang")
            rencana[LEMBAR_SKP].atur(sel(rr, 0), "nomor")

    # Evaluation sheets.
    pos_hk = posisi_kolom(KOLOM_HASIL_KERJA)
    pos_p = posisi_kolom(KOLOM_PERILAKU)
    tabel_p = r.nama["TABEL_PERILAKU"]
    for p in r.periode:
        lembar = lembar_evaluasi(p)
        lb = rencana[lembar]
        te = r.nama[nama("TABEL_EVALUASI", p.kode)]
        e_r0, _, e_r1, _ = urai_rentang(te.ref)
        _tabel(lb, te, KOLOM_EVALUASI, penanda)
        for i in range(1, e_r1 - e_r0 + 1):
            baris_hk = hk_r0 + i
            for c, k in enumerate(KOLOM_EVALUASI):
                if k.peran is not Peran.CERMIN or ((i - 1) in penanda and k.kunci != "no"):
                    continue
                lb.rumus[(e_r0 + i, c)] = _rumus_tabel(te.nama, k, baris_hk, pos_hk, mem)
        tu = r.nama[nama("TABEL_UMPAN_BALIK_PERILAKU", p.kode)]
        _tabel(lb, tu, KOLOM_UMPAN_BALIK_PERILAKU, set())
        u_r0, _, u_r1, _ = urai_rentang(tu.ref)
        for rr in range(u_r0 + 1, u_r1 + 1):  # umpan balik is typed into merged cells: three lines of room
            lb.tinggi[rr] = _tinggi_minimal(3)
        p_r0 = urai_rentang(tabel_p.ref)[0]
        c_ek = posisi_kolom(KOLOM_UMPAN_BALIK_PERILAKU)["ekspektasi_khusus"]
        for i in range(1, u_r1 - u_r0 + 1):
            indeks = f"ROW()-ROW(INDEX({tu.nama},1,1))+1"
            rumus = f'=INDEX(TABEL_PERILAKU,{indeks},{pos_p["ekspektasi_khusus"] + 1})&""'
            lb.rumus[(u_r0 + i, c_ek)] = (
                rumus,
                teks(mem.value(LEMBAR_SKP, sel(p_r0 + i, pos_p["ekspektasi_khusus"]))) or "",
            )
    return rencana


def _baris_penanda(hk: Nama, mem: MemoryWorkbook) -> set[int]:
    """Body indexes (0-based) of the section marker rows, as the form was written."""
    r0, c0, r1, _ = urai_rentang(hk.ref)
    c_no = c0 + posisi_kolom(KOLOM_HASIL_KERJA)["no"]
    return {i for i in range(r1 - r0) if jenis_penanda(mem.value(hk.lembar, sel(r0 + 1 + i, c_no))) is not None}


def _tabel(lb: _Lembar, n: Nama, kolom: tuple[Kolom, ...], penanda: set[int]) -> None:
    """Formats, merges and dropdowns of a table's body."""
    r0, c0, r1, c1 = urai_rentang(n.ref)
    pos = posisi_kolom(kolom, c0)
    for i in range(r1 - r0):
        rr = r0 + 1 + i
        if i in penanda:
            lb.atur(f"{sel(rr, c0)}:{sel(rr, c1)}", "penanda", gabung=False)
            lb.gaya[(rr, c0)], lb.gaya[(rr, c1)] = "penanda_awal", "penanda_akhir"
            continue
        for k in kolom:
            c = pos[k.kunci]
            gaya = "nomor" if k.kunci == "no" and k.peran is not Peran.ISIAN else _gaya_peran(k.peran, k.format)
            if k.kunci == "no" and k.peran is Peran.ISIAN:
                gaya = "isian"
            ref = sel(rr, c) if k.rentang == 1 else f"{sel(rr, c)}:{sel(rr, c + k.rentang - 1)}"
            lb.atur(ref, gaya)
            if k.daftar:
                _dropdown(lb, sel(rr, c), k.daftar)


def _dropdown(lb: _Lembar, ref: str, daftar: str) -> None:
    r0, c0, r1, c1 = urai_rentang(ref)
    ketat = daftar in DAFTAR_KETAT
    lb.validasi.append(
        (
            r0,
            c0,
            r1,
            c1,
            {
                "validate": "list",
                "source": f"={daftar}",
                "error_type": "stop" if ketat else "warning",
                "error_title": "Pilihan tidak dikenal",
                "error_message": "Pilih dari daftar yang tersedia."
                if ketat
                else "Isian ini tidak ada di daftar. Tetap pakai? (skpxl akan memeriksanya.)",
            },
        )
    )


def _pesan(lb: _Lembar, ref: str, judul: str, pesan: str) -> None:
    r0, c0, r1, c1 = urai_rentang(ref)
    lb.validasi.append((r0, c0, r1, c1, {"validate": "any", "input_title": judul, "input_message": pesan}))


def _nilai_teks(mem: MemoryWorkbook, nama_: str, r: Rancangan) -> str:
    n = r.nama.get(nama_)
    if n is None:
        return ""
    r0, c0, _, _ = urai_rentang(n.ref)
    v = mem.value(n.lembar, sel(r0, c0))
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        return v.isoformat()
    return teks(v) or ""


def _rumus_cermin(sumber: tuple[str, ...], awalan: str, r: Rancangan, mem: MemoryWorkbook) -> tuple[str, str]:
    nilai = [_nilai_teks(mem, s, r) for s in sumber]
    gabungan = " ".join(v for v in nilai if v)
    cache = (awalan + gabungan) if gabungan else ""
    kosong = ",".join(f'{s}=""' for s in sumber)
    syarat = kosong if len(sumber) == 1 else f"AND({kosong})"
    isi = '&" "&'.join(sumber)
    if len(sumber) > 1:
        isi = f"TRIM({isi})"
    awal = f'"{awalan}"&' if awalan else ""
    if not awalan and len(sumber) == 1:
        return f'={sumber[0]}&""', cache
    return f'=IF({syarat},"",{awal}{isi})', cache


def _rumus_tabel(
    nama_eval: str, k: Kolom, baris_hk: int, pos_hk: Mapping[str, int], mem: MemoryWorkbook
) -> tuple[str, str]:
    indeks = f"ROW()-ROW(INDEX({nama_eval},1,1))+1"
    assert k.sumber is not None

    def sel_hk(kunci_: str) -> tuple[str, str]:
        c = pos_hk[kunci_]
        return f"INDEX(TABEL_HASIL_KERJA,{indeks},{c + 1})", teks(mem.value(LEMBAR_SKP, sel(baris_hk, c))) or ""

    if k.sumber == "target":
        (f1, v1), (f2, v2) = sel_hk("target"), sel_hk("satuan")
        return f'=TRIM({f1}&" "&{f2})', " ".join(v for v in (v1, v2) if v)
    f, v = sel_hk(k.sumber)
    return f'={f}&""', v


# --------------------------------------------------------------------------- emitting


def _tulis_nilai(ws: Worksheet, r: int, c: int, v: CellValue, f: Format | None) -> None:
    if v is None:
        ws.write_blank(r, c, None, f)
    elif isinstance(v, bool):
        ws.write_boolean(r, c, v, f)
    elif isinstance(v, int | float):
        ws.write_number(r, c, v, f)
    elif isinstance(v, datetime | date):
        ws.write_datetime(r, c, v, f)
    else:
        ws.write_string(r, c, v, f)


def _tinggi_minimal(baris: int, pt: float = 10) -> float:
    return tinggi_baris("\n".join("x" * baris), 100, pt)


def _paskan_tinggi(lb: _Lembar, nilai: Mapping[tuple[int, int], CellValue], lebar: Sequence[float]) -> None:
    """Store a height for every row whose wrapped text needs more than one line.

    Excel never auto-fits the rows of merged cells and LibreOffice does not auto-fit rows of a file written
    by a library, so without a stored height only the first line would show (:mod:`skpxl.buku.ukuran`).
    """
    perlu: dict[int, float] = {}
    gabungan: list[tuple[int, int, float]] = []
    for (r, c), gaya in lb.gaya.items():
        teks = lb.rumus[(r, c)][1] if (r, c) in lb.rumus else nilai.get((r, c))
        g = _GAYA[gaya]
        if not isinstance(teks, str) or not teks or not (g.get("text_wrap") or "\n" in teks):
            continue
        r1, c1 = lb.gabung.get((r, c), (r, c))
        kolom = [lebar[x] if x < len(lebar) else LEBAR_BAKU for x in range(c, c1 + 1)]
        h = tinggi_baris(teks, kolom, g.get("font_size", 10), bool(g.get("bold")))
        if r1 == r:
            perlu[r] = max(perlu.get(r, 0.0), h)
        else:
            gabungan.append((r, r1, h))
    for r, h in perlu.items():
        if h > TINGGI_BAKU:
            lb.tinggi[r] = max(lb.tinggi.get(r, 0.0), h)
    for r0, r1, h in gabungan:  # a block over several rows: the last row takes what is missing
        ada = sum(lb.tinggi.get(r, TINGGI_BAKU) for r in range(r0, r1 + 1))
        if h > ada:
            lb.tinggi[r1] = lb.tinggi.get(r1, TINGGI_BAKU) + h - ada


def _emit(
    ws: Worksheet,
    lb: _Lembar,
    mem: MemoryWorkbook,
    lembar: str,
    fmt: Mapping[str, Format],
    lebar: Sequence[float],
) -> None:
    nilai = {(r, c): v for r, c, v in mem.cells(lembar)}
    _paskan_tinggi(lb, nilai, lebar)
    for c, w in enumerate(lebar):
        ws.set_column(c, c, w)
    for r_, h in sorted(lb.tinggi.items()):
        ws.set_row(r_, h)
    tertutup: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in sorted(lb.gabung.items()):
        f = fmt[lb.gaya.get((r0, c0), "meta")]
        ws.merge_range(r0, c0, r1, c1, "", f)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                tertutup.add((r, c))
        if (r0, c0) in lb.rumus:
            rumus, cache = lb.rumus[(r0, c0)]
            ws.write_formula(r0, c0, rumus, f, cache)
        elif (r0, c0) in nilai:
            _tulis_nilai(ws, r0, c0, nilai[(r0, c0)], f)
    semua = (set(lb.gaya) | set(nilai) | set(lb.rumus)) - tertutup
    for r, c in sorted(semua):
        gaya = lb.gaya.get((r, c))
        f = fmt[gaya] if gaya else None
        if (r, c) in lb.rumus:
            rumus, cache = lb.rumus[(r, c)]
            ws.write_formula(r, c, rumus, f, cache)
        else:
            _tulis_nilai(ws, r, c, nilai.get((r, c)), f)
    for r0, c0, r1, c1, opsi in lb.validasi:
        ws.data_validation(r0, c0, r1, c1, opsi)


def _cetak(r: Rancangan, ws: Mapping[str, Worksheet], protect: bool) -> None:
    for lembar, w in ws.items():
        w.print_black_and_white()  # fills guide the screen, not the paper
        if lembar in r.cetak:
            r0, c0, r1, c1 = urai_rentang(r.cetak[lembar])
            w.print_area(r0, c0, r1, c1)
        if lembar == LEMBAR_META:
            w.hide()
            if protect:
                w.protect("", {})
            continue
        if protect:
            w.protect("", _PERLINDUNGAN)
        if lembar in (LEMBAR_DOKUMEN, LEMBAR_DOKUMEN_F4):
            w.set_portrait()
            w.set_paper(KERTAS_A4 if lembar == LEMBAR_DOKUMEN else KERTAS_FOLIO_F4)
            w.fit_to_pages(1, 1)
            w.center_horizontally()
            w.set_margins(left=0.7, right=0.5, top=0.6, bottom=0.6)
            w.hide_gridlines(2)
            continue
        w.set_landscape()
        w.set_paper(KERTAS_A4)
        w.fit_to_pages(1, 0)
        w.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
        # The title (and an evaluation's period) on every page: a loose page still says what it is. Not the
        # table header: the SKP and EVALUASI sheets hold more than one table.
        w.repeat_rows(0, 0 if lembar == LEMBAR_SKP else 1)
        w.set_footer(f'&L&"{FONT}"&10&A · skpxl {TEMPLATE_ID} {TEMPLATE_VERSI}&R&"{FONT}"&10Halaman &P dari &N')
        if lembar == LEMBAR_SKP:
            r_lamp = urai_rentang(r.nama["LAMPIRAN_DUKUNGAN_SUMBER_DAYA"].ref)[0] - 1
            r_perilaku = urai_rentang(r.nama["TABEL_PERILAKU"].ref)[0] - 1
            w.set_h_pagebreaks([r_perilaku, r_lamp])
