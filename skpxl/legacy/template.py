"""Build the legacy SKP templates (and their filled examples) with XlsxWriter, byte-reproducibly.

Everything comes from :mod:`skpxl.legacy.layout`; the workbook's created date is fixed and XlsxWriter stamps zip
members with a fixed date, so building twice gives identical bytes. Input cells are yellow and unlocked, result
cells blue and locked; sheets are protected without a password; closed lists have dropdowns; A4 print setup.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from importlib import import_module
from pathlib import Path
from typing import Any

from skpxl.legacy.contoh import CONTOH, Contoh
from skpxl.legacy.layout import (
    LEMBAR_META,
    LEMBAR_PETUNJUK,
    LEMBAR_SKP,
    META_KUNCI,
    TATA_LETAK,
    TataLetak,
    Teks,
    indeks_ke_kolom,
    pisah_a1,
)

__all__ = ["FOLDER_TEMPLATE", "TANGGAL_DIBUAT", "bangun", "bangun_semua", "berkas_target"]

TANGGAL_DIBUAT = datetime(2025, 1, 1)
"""Fixed workbook creation date: no build-time timestamp ever enters a template."""

FOLDER_TEMPLATE = Path(__file__).resolve().parents[2] / "workbook_templates" / "legacy"
"""Where ``python -m skpxl.legacy`` writes (in a source checkout)."""

WARNA_INPUT = "#FFF2CC"
WARNA_HASIL = "#DDEBF7"  # the main SKP template's colours: yellow input, blue computed
WARNA_KEPALA = "#D9E1F2"
_PROTEKSI = {
    "insert_rows": True,
    "format_rows": True,
    "format_columns": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
}


class _Gaya:
    """The workbook's formats, created once per workbook."""

    def __init__(self, wb: Any) -> None:
        dasar = {"font_name": "Arial", "font_size": 9, "valign": "vcenter"}
        garis = {**dasar, "border": 1, "text_wrap": True}

        def f(*bagian: Mapping[str, Any], **opsi: Any) -> Any:
            gabung: dict[str, Any] = {}
            for b in bagian:
                gabung |= b
            return wb.add_format(gabung | opsi)

        self.teks: dict[str, Any] = {
            "judul": f(dasar, bold=True, font_size=12),
            "subjudul": f(dasar, italic=True, font_color="#595959", font_size=8),
            "keterangan": f(dasar, italic=True, font_size=8),
            "blok": f(garis, bold=True, bg_color=WARNA_KEPALA),
            "kepala": f(garis, bold=True, align="center", bg_color=WARNA_KEPALA),
            "label": f(garis),
            "label_tebal": f(garis, bold=True),
            "catatan": f(dasar, text_wrap=True, valign="top"),
        }
        masukan = {**garis, "bg_color": WARNA_INPUT, "locked": False}
        hasil = {**garis, "bg_color": WARNA_HASIL}
        self.input: dict[str, Any] = {
            "teks": f(masukan),
            "angka": f(masukan, align="right"),
            "tanggal": f(masukan, num_format="dd/mm/yyyy", align="left"),
            "nip": f(masukan, num_format="@"),
            "pilihan": f(masukan),
            "ya_tidak": f(masukan, align="center"),
        }
        self.hasil: dict[str, Any] = {
            "skor": f(hasil, num_format="0.00"),
            "persen": f(hasil, num_format="0%", align="center"),
            "label": f(hasil, bold=True, align="center"),
            "teks": f(hasil),
            "nomor": f(hasil, align="center"),
        }
        self._wb = wb
        self._masukan = masukan
        self._format_angka: dict[str, Any] = {}
        self.meta_kunci = f(dasar, bold=True)
        self.meta_isi = f(dasar)

    def input_angka(self, num_format: str) -> Any:
        """An input number cell with its own number format (created once per format)."""
        if num_format not in self._format_angka:
            opsi = {**self._masukan, "align": "right", "num_format": num_format}
            self._format_angka[num_format] = self._wb.add_format(opsi)
        return self._format_angka[num_format]

    def untuk(self, jenis: str, tipe: str) -> Any:
        if jenis == "input":
            return self.input.get(tipe, self.input["teks"])
        return self.hasil.get(tipe, self.hasil["teks"])


def _rc(alamat: str) -> tuple[int, int]:
    """A1 → XlsxWriter's 0-based (row, col)."""
    r, c = pisah_a1(alamat)
    return r - 1, c - 1


def _tulis_isi(ws: Any, alamat: str, isi: object, fmt: Any) -> None:
    r, c = _rc(alamat)
    if isi is None:
        ws.write_blank(r, c, None, fmt)
    elif isinstance(isi, date):
        ws.write_datetime(r, c, datetime(isi.year, isi.month, isi.day), fmt)
    elif isinstance(isi, int | Decimal) and not isinstance(isi, bool):
        ws.write_number(r, c, isi, fmt)
    else:
        ws.write_string(r, c, str(isi), fmt)


def _tempat(ws: Any, alamat: str, sampai: str | None, isi: object, fmt: Any) -> None:
    """Write ``isi`` at ``alamat``, merged to ``sampai`` when given (typed write on the top-left cell)."""
    if sampai and sampai != alamat:
        r1, c1 = _rc(alamat)
        r2, c2 = _rc(sampai)
        ws.merge_range(r1, c1, r2, c2, "", fmt)
    _tulis_isi(ws, alamat, isi, fmt)


def _validasi(ws: Any, r1: int, c1: int, r2: int, c2: int, opsi: Mapping[str, Any]) -> None:
    ws.data_validation(r1, c1, r2, c2, dict(opsi))


def _validasi_sel(
    tipe: str, pilihan: tuple[str, ...], daftar: str | None, label: str, petunjuk: str | None
) -> dict[str, Any] | None:
    """XlsxWriter data validation for an input cell, or None."""
    pesan = {"input_title": label[:32], "input_message": petunjuk[:255]} if petunjuk else {}
    if daftar:
        return {
            "validate": "list",
            "source": f"={daftar}",
            "error_type": "warning",
            "error_title": "Bukan dari daftar",
            "error_message": f"{label}: pilih dari daftar.",
            **pesan,
        }
    if pilihan:
        return {
            "validate": "list",
            "source": list(pilihan),
            "error_title": "Pilihan tidak dikenal",
            "error_message": f"{label}: pilih salah satu dari daftar ({', '.join(pilihan)}).",
            **pesan,
        }
    if tipe == "angka":
        return {
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "error_type": "warning",
            "error_title": "Bukan angka",
            "error_message": f"{label}: isi angka 0 atau lebih.",
            **pesan,
        }
    if pesan:
        return {"validate": "any", **pesan}
    return None


def bangun(tl: TataLetak, contoh: Contoh | None = None) -> bytes:
    """The template of ``tl`` as .xlsx bytes; with ``contoh``, the filled example."""
    xlsxwriter = import_module("xlsxwriter")
    keluaran = io.BytesIO()
    wb = xlsxwriter.Workbook(keluaran, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties(
        {
            "title": f"{tl.judul}{' — contoh terisi' if contoh else ''}",
            "subject": f"{tl.template_id} v{tl.template_versi}; paket aturan {tl.paket_id} v{tl.paket_versi}",
            "author": "skpxl",
            "company": "skpxl",
            "comments": "Dibangun oleh skpxl (python -m skpxl.legacy). Contoh berisi orang fiktif.",
            "created": TANGGAL_DIBUAT,
        }
    )
    gaya = _Gaya(wb)
    lembar = {ld.nama: wb.add_worksheet(ld.nama) for ld in tl.lembar}
    for ld in tl.lembar:
        ws = lembar[ld.nama]
        for huruf, lebar in ld.lebar:
            ws.set_column(f"{huruf}:{huruf}", lebar)
        ws.set_paper(9)  # A4
        if ld.mendatar:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.center_horizontally()
        ws.set_footer(f"&L&8{tl.stempel_template} · paket {tl.stempel_paket}&R&8Halaman &P dari &N")
        if ld.area_cetak:
            ws.print_area(ld.area_cetak)
        ws.protect("", _PROTEKSI)
    _tabel(tl, lembar[tl.tabel.lembar], gaya, contoh)
    _sel(tl, lembar, gaya, contoh)
    for t in tl.teks:
        _teks(lembar[t.lembar], t, gaya)
    _petunjuk(tl, lembar[LEMBAR_PETUNJUK], gaya, contoh is not None)
    _meta(tl, wb, lembar[LEMBAR_META], gaya)
    for s in tl.sel:
        wb.define_name(s.nama, s.rujukan)
    wb.define_name(tl.tabel.nama, tl.tabel.rujukan)
    lembar[LEMBAR_SKP].activate()
    wb.close()
    return keluaran.getvalue()


def _teks(ws: Any, t: Teks, gaya: _Gaya) -> None:
    _tempat(ws, t.alamat, t.sampai, t.teks, gaya.teks[t.gaya])
    if t.gaya == "judul":
        ws.set_row(_rc(t.alamat)[0], 18)


def _sel(tl: TataLetak, lembar: Mapping[str, Any], gaya: _Gaya, contoh: Contoh | None) -> None:
    for s in tl.sel:
        if s.kunci == "penjelasan":
            continue
        ws = lembar[s.lembar]
        if s.alamat_label:
            _tempat(ws, s.alamat_label, s.label_sampai, s.teks_label or s.label, gaya.teks["label"])
        isi = contoh.sel.get(s.kunci) if contoh and s.jenis == "input" else None
        _tempat(ws, s.alamat, s.sampai, isi, gaya.untuk(s.jenis, s.tipe))
        if s.jenis == "input":
            v = _validasi_sel(s.tipe, s.pilihan, s.daftar, s.label, s.petunjuk)
            if v:
                r, c = _rc(s.alamat)
                _validasi(ws, r, c, r, c, v)


def _tabel(tl: TataLetak, ws: Any, gaya: _Gaya, contoh: Contoh | None) -> None:
    tabel = tl.tabel
    r_judul = tabel.baris_awal - 1  # 0-based first header row
    r_kolom = r_judul + tabel.baris_judul - 1  # the column-header row
    dalam_grup: set[str] = set()
    for g in tabel.grup:
        c1, c2 = tabel.indeks(g.kolom_awal) - 1, tabel.indeks(g.kolom_akhir) - 1
        ws.merge_range(r_judul, c1, r_judul, c2, g.teks, gaya.teks["kepala"])
        dalam_grup |= {k.kunci for k in tabel.kolom[c1 : c2 + 1]}
    for c, k in enumerate(tabel.kolom):
        if tabel.grup and k.kunci not in dalam_grup:
            ws.merge_range(r_judul, c, r_kolom, c, k.judul, gaya.teks["kepala"])
        else:
            ws.write_string(r_kolom, c, k.judul, gaya.teks["kepala"])
    ws.set_row(r_kolom, 40)
    ws.repeat_rows(r_judul, r_kolom)
    r_awal = tabel.baris_data_awal - 1
    r_akhir = tabel.baris_akhir - 1
    isian = contoh.baris if contoh else ()
    for i in range(tabel.jumlah_baris):
        r = r_awal + i
        ws.set_row(r, 24)
        baris = isian[i] if i < len(isian) else {}
        for c, k in enumerate(tabel.kolom):
            fmt = gaya.input_angka(k.format_angka) if k.format_angka else gaya.untuk(k.jenis, k.tipe)
            isi = baris.get(k.kunci) if k.jenis == "input" else None
            _tulis_isi(ws, f"{_huruf(c)}{r + 1}", isi, fmt)
    for c, k in enumerate(tabel.kolom):
        if k.jenis == "input":
            v = _validasi_sel(k.tipe, k.pilihan, None, k.label, k.petunjuk)
            if v:
                _validasi(ws, r_awal, c, r_akhir, c, v)


def _huruf(c: int) -> str:
    return indeks_ke_kolom(c + 1)


def _petunjuk(tl: TataLetak, ws: Any, gaya: _Gaya, terisi: bool) -> None:
    ws.write_string(0, 0, f"PETUNJUK — {tl.judul}", gaya.teks["judul"])
    ws.write_string(1, 0, f"{tl.stempel_template} · paket aturan {tl.stempel_paket}", gaya.teks["subjudul"])
    baris = 3
    if terisi:
        ws.write_string(
            baris, 1, "Berkas ini contoh terisi dengan orang fiktif, untuk latihan.", gaya.teks["label_tebal"]
        )
        baris += 2
    for i, teks in enumerate(tl.petunjuk, start=1):
        ws.write_string(baris, 0, f"{i}.", gaya.teks["catatan"])
        ws.write_string(baris, 1, teks, gaya.teks["catatan"])
        ws.set_row(baris, 36)
        baris += 1
    baris += 1
    ws.write_string(baris, 1, "Sel isian (diketik)", gaya.input["teks"])
    ws.write_string(baris + 1, 1, "Sel hasil (diisi skpxl, terkunci)", gaya.hasil["teks"])


def _meta(tl: TataLetak, wb: Any, ws: Any, gaya: _Gaya) -> None:
    isi = {
        "template_id": tl.template_id,
        "template_versi": tl.template_versi,
        "paket_id": tl.paket_id,
        "paket_versi": tl.paket_versi,
        "paket_dihitung": "",
        "skpxl_versi": "",
    }
    for i, (k, v) in enumerate(isi.items()):
        ws.write_string(i, 0, META_KUNCI[k], gaya.meta_kunci)
        ws.write_string(i, 1, v, gaya.meta_isi)
        wb.define_name(META_KUNCI[k], f"='{LEMBAR_META}'!$B${i + 1}")
    kolom = 3
    for nama, daftar in tl.daftar.items():
        ws.write_string(0, kolom, nama, gaya.meta_kunci)
        for i, item in enumerate(daftar, start=1):
            ws.write_string(i, kolom, item, gaya.meta_isi)
        huruf = _huruf(kolom)
        wb.define_name(nama, f"='{LEMBAR_META}'!${huruf}$2:${huruf}${len(daftar) + 1}")
        kolom += 2
    ws.hide()


def berkas_target(folder: Path = FOLDER_TEMPLATE) -> dict[Path, bytes]:
    """Every legacy file (templates and filled examples) with its freshly built bytes."""
    hasil: dict[Path, bytes] = {}
    for paket_id, tl in TATA_LETAK.items():
        hasil[folder / tl.nama_berkas] = bangun(tl)
        hasil[folder / tl.nama_contoh] = bangun(tl, CONTOH[paket_id])
    return hasil


def bangun_semua(folder: Path = FOLDER_TEMPLATE) -> list[Path]:
    """Build every legacy template and example into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    ditulis = []
    for path, isi in berkas_target(folder).items():
        path.write_bytes(isi)
        ditulis.append(path)
    return ditulis
