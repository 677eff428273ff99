"""The recap workbook, written with XlsxWriter in constant-memory mode while results stream in.

Every text taken from a workbook is written as text (:func:`tulis_teks`, or the direct rows of
:func:`_tulis_baris`): a name such as ``=HYPERLINK(...)`` never becomes a formula, and one such as ``<r>…</r>``
never becomes XlsxWriter's rich-text XML.

Every sheet prints: A4 landscape fitted to the page width (Pegawai, 19 columns, to two pages wide with NIP and
NAMA repeated), the header row repeated, gridlines printed, 10 pt Arial so nothing prints below 8 pt, and rows as
tall as their wrapped text (:mod:`skpxl.buku.ukuran`: LibreOffice does not auto-fit rows of a written file).
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name

from skpxl.batch.agregat import Agregat
from skpxl.batch.langkah import BarisPegawai, HasilBerkas
from skpxl.buku.ukuran import TINGGI_BAKU, px_kolom, tinggi_baris, tinggi_baris_px
from skpxl.core.enums import Predikat, Rating
from skpxl.core.packs import InfoPaket
from skpxl.core.packs.permenpanrb_6_2022.kurva import ATURAN
from skpxl.core.teks import tanpa_surogat

KOLOM_PEGAWAI = (
    "NIP",
    "NAMA",
    "JABATAN",
    "JENIS JABATAN",
    "JENJANG",
    "PANGKAT/GOL",
    "UNIT KERJA",
    "NIP PENILAI",
    "PERIODE",
    "RATING HASIL KERJA",
    "USULAN RATING HASIL KERJA",
    "RATING PERILAKU",
    "PREDIKAT",
    "ANGKA KREDIT",
    "CAPAIAN ORGANISASI",
    "KESALAHAN",
    "PERINGATAN",
    "INFO",
    "BERKAS",
)
KOLOM_TEMUAN = ("BERKAS", "TINGKAT", "KODE", "LEMBAR", "SEL", "NILAI", "PESAN")
LEBAR_PEGAWAI = (20, 20, 18, 13, 10, 12, 14, 20, 9, 11, 11, 11, 11, 8, 13, 12, 13, 6, 16)
LEBAR_TEMUAN = (20, 10, 20, 14, 7, 16, 62)
LEBAR_BERMASALAH = (30, 110)
LEBAR_KASKADE = (16, 16, 26, 26, 16, 16, 34)
LEBAR_ROSTER = (20, 28, 40, 34)
BUNGKUS_PEGAWAI = frozenset(range(1, 19)) - {7}  # every text column but the two NIP columns
BUNGKUS_TEMUAN = frozenset({0, 2, 3, 5, 6})
FONT = "Arial"
LEBAR_RINGKASAN = (24, 11, 11, 11, 11, *(9,) * 8)  # the table (A:E), then room for the 500 px chart
LEBAR_TABEL_RINGKASAN = 5
BARIS_GRAFIK = 17  # rows the 300 px chart covers

# A text XlsxWriter writes in its own way: leading or trailing whitespace (xml:space), an escape sequence or a
# control character (_xHHHH_), or a "<r>...</r>" it takes for rich text (see tulis_teks). Such a row goes through
# XlsxWriter.
_TEKS_KHUSUS = re.compile(r"^\s|\s$|_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_TEKS_MAKS = 32767 // 2  # longer texts may need XlsxWriter's cut to 32,767 UTF-16 units
BATAS_TUTUP_MEMORI = 8 * 1024 * 1024  # bytes of sheet XML (2,000 staff ≈ 3.3 MB) held ≈3 times while zipping
_NAMA_KOLOM = tuple(xl_col_to_name(c) for c in range(26))  # no sheet here is wider
# The direct rows use XlsxWriter's internals (a held row, its row_info and table): only on the minor version the
# byte-for-byte tests ran against. Any other version writes through XlsxWriter's API: slower, never wrong.
_BARIS_LANGSUNG = xlsxwriter.__version__.startswith("3.3.")
_RUN_POLOS = Format({"font_name": FONT, "font_size": 10})  # a rich-text run in the recap's default font

# issue 19 sheets: short header words so the columns stay narrow enough to print at 8 pt or more
KOLOM_PENILAI = ("NIP PENILAI", "NAMA PENILAI", "PEGAWAI", "DI ATAS", "SESUAI", "DI BAWAH", "BELUM DIBERI",
                 "SAMA USULAN", "NAIK DARI USULAN", "TURUN DARI USULAN", "PERIODE DENGAN REALISASI",
                 "DENGAN UMPAN BALIK", "% UMPAN BALIK", "BERKAS DENGAN TEMUAN", "TEMUAN")  # fmt: skip
LEBAR_PENILAI = (20, 20, 9, 8, 8, 8, 8, 8, 8, 8, 11, 9, 8, 9, 18)
# the evaluator findings in words on the Penilai sheet (codes and full sentences are on the Temuan sheet)
LABEL_TEMUAN_PENILAI = {
    "PENILAI_RATING_SERAGAM": "rating sama untuk semua pegawai",
    "PENILAI_MENAIKKAN": "sebagian besar di atas usulan",
}
CATATAN_PENILAI = (
    "DI ATAS / SESUAI / DI BAWAH: rating hasil kerja periode rekap yang diisi pejabat penilai (Ekspektasi); usulan = "
    "usulan skpxl dari capaian IKI. Umpan balik dihitung per pegawai per periode yang realisasinya terisi. Temuan "
    "pejabat penilai (rating sama untuk semua, sebagian besar dinaikkan) ada di lembar Temuan."
)
KOLOM_PEMANTAUAN = ("UNIT KERJA", "PERIODE", "PEGAWAI", "REALISASI TERISI", "PERSEN", "DINILAI", "PERSEN",
                    "UMPAN BALIK", "PERSEN", "BERPREDIKAT", "PERSEN")  # fmt: skip
LEBAR_PEMANTAUAN = (28, 16, 9, 11, 9, 9, 9, 9, 9, 14, 9)
KOLOM_PENGEMBANGAN = ("NIP", "NAMA", "JABATAN", "UNIT KERJA", "PEJABAT PENILAI", "PREDIKAT", "ALASAN", "NILAI INTI",
                      "UMPAN BALIK", "CATATAN/REKOMENDASI", "BERKAS")  # fmt: skip
LEBAR_PENGEMBANGAN = (20, 20, 20, 18, 20, 14, 18, 14, 34, 34, 22)
KOSONG_PENGEMBANGAN = (
    "Tidak ada pegawai berpredikat Butuh Perbaikan atau lebih rendah, dan tidak ada nilai inti berating Di Bawah "
    "Ekspektasi."
)


class PenulisRekap:
    """Streams Pegawai and Temuan rows as files are processed; the other sheets at :meth:`tutup`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb: Any = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_format_properties": {"font_name": FONT, "font_size": 10},
            },
        )
        self.wb.set_properties({"title": "Rekap SKP unit kerja", "author": "skpxl", "created": datetime(2026, 1, 1)})
        self.f_kepala = self.wb.add_format(
            {
                "bold": True,
                "bg_color": "#D9D9D9",
                "border": 1,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.f_putih = self.wb.add_format({"font_color": "#FFFFFF"})
        self.f_teks = self.wb.add_format({"num_format": "@", "valign": "top"})
        self.f_atas = self.wb.add_format({"valign": "top"})
        self.f_judul = self.wb.add_format({"bold": True, "font_size": 14})
        self.f_tebal = self.wb.add_format({"bold": True})
        self.f_merah = self.wb.add_format({"font_color": "#C00000", "text_wrap": True, "valign": "top"})
        self.f_hijau = self.wb.add_format({"font_color": "#00703C"})
        self.f_persen = self.wb.add_format({"num_format": "0.00%", "border": 1})
        self.f_wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})
        self.f_kotak = self.wb.add_format({"border": 1})
        self.f_hijau_bungkus = self.wb.add_format({"font_color": "#00703C", "text_wrap": True, "valign": "top"})
        # Sheet order as HR reads it; Ringkasan is filled last.
        self.ringkasan = self.wb.add_worksheet("Ringkasan")
        self.pegawai = self.wb.add_worksheet("Pegawai")
        self.temuan = self.wb.add_worksheet("Temuan")
        self.bermasalah = self.wb.add_worksheet("Berkas Bermasalah")
        self.kaskade = self.wb.add_worksheet("Kaskade")
        self.roster: Any = None
        for ws, kolom, lebar in (
            (self.pegawai, KOLOM_PEGAWAI, LEBAR_PEGAWAI),
            (self.temuan, KOLOM_TEMUAN, LEBAR_TEMUAN),
        ):
            for c, w in enumerate(lebar):
                ws.set_column(c, c, w, self.f_teks if ws is self.pegawai and c in (0, 7) else None)
            self._kepala(ws, kolom, lebar)
        _cetak(self.pegawai, "Pegawai", halaman_lebar=2, kolom_ulang=2)
        _cetak(self.temuan, "Temuan")
        self.r_pegawai = 1
        self.r_temuan = 1

    def _kepala(self, ws: Any, kolom: Sequence[str], lebar: Sequence[float]) -> None:
        """The header row: bold on grey, as tall as its longest wrapped title, frozen on screen."""
        ws.set_row(0, max(tinggi_baris(k, w, 10, True) for k, w in zip(kolom, lebar, strict=True)))
        ws.write_row(0, 0, kolom, self.f_kepala)
        ws.freeze_panes(1, 0)

    def _tinggi(self, ws: Any, r: int, isi: Sequence[object], lebar: tuple[float, ...], bungkus: Iterable[int]) -> None:
        """Store the height a row's wrapped texts need (call before writing the row: constant-memory mode)."""
        px = _px_kolom(lebar)  # tinggi_baris(teks, lebar[c]) without converting the same widths on every row
        h = max((tinggi_baris_px(str(isi[c]), px[c]) for c in bungkus if c < len(isi) and isi[c]), default=0.0)
        if h > TINGGI_BAKU:
            ws.set_row(r, h)

    def _baris_teks(self, ws: Any, r: int, isi: Sequence[object], nip: int | None = None) -> None:
        """A row of texts (an empty one a blank cell) wrapped at the top; column ``nip`` in the text format."""
        f_teks, f_wrap = self.f_teks, self.f_wrap
        _tulis_baris(ws, r, [(_isi_teks(v), f_teks if c == nip else f_wrap) for c, v in enumerate(isi)])

    def tambah(self, h: HasilBerkas) -> None:
        for kode, tingkat, lembar, sel, nilai, pesan in h.temuan:
            self._baris_temuan(h.berkas, (tingkat, kode, lembar, sel, nilai, pesan))

    def _baris_pegawai(self, berkas: str, p: BarisPegawai) -> None:
        ws, r = self.pegawai, self.r_pegawai
        teks: tuple[str | None, ...] = (
            p.nip,
            p.nama,
            p.jabatan,
            p.jenis_jabatan,
            p.jenjang,
            p.pangkat,
            p.unit_kerja,
            p.nip_penilai,
            p.periode,
            p.rating_hasil_kerja,
            p.rating_hasil_kerja_usulan,
            p.rating_perilaku,
            p.predikat,
        )
        self._tinggi(ws, r, (*teks, None, p.predikat_organisasi, None, None, None, berkas), LEBAR_PEGAWAI,
                     BUNGKUS_PEGAWAI)  # fmt: skip
        f_teks, f_wrap, f_atas = self.f_teks, self.f_wrap, self.f_atas
        sel: list[tuple[str | float | None, Any]] = [
            (_isi_teks(v), f_teks if c in (0, 7) else f_wrap) for c, v in enumerate(teks)
        ]
        sel += (
            (None if p.angka_kredit is None else float(p.angka_kredit), f_atas),
            (_isi_teks(p.predikat_organisasi), f_wrap),
            (p.jumlah_kesalahan, f_atas),
            (p.jumlah_peringatan, f_atas),
            (p.jumlah_info, f_atas),
            (_isi_teks(berkas), f_wrap),
        )
        _tulis_baris(ws, r, sel)
        self.r_pegawai += 1

    def _baris_temuan(self, berkas: str, isi: tuple[object, ...]) -> None:
        self._tinggi(self.temuan, self.r_temuan, (berkas, *isi), LEBAR_TEMUAN, BUNGKUS_TEMUAN)
        self._baris_teks(self.temuan, self.r_temuan, (berkas, *isi))
        self.r_temuan += 1

    def tutup(
        self,
        ag: Agregat,
        paket: InfoPaket,
        waktu: datetime,
        folder: str,
        roster: tuple[list[tuple[str, str | None]], list[tuple[str, str | None, str]]] | None = None,
    ) -> None:
        # Pegawai rows only now: one row per person counted (a person's older file or copy is left out).
        for berkas, p in ag.orang:
            self._baris_pegawai(berkas, p)
        for berkas, (kode, tingkat, lembar, sel, nilai, pesan) in ag.temuan_batch:
            self._baris_temuan(berkas, (tingkat, kode, lembar, sel, nilai, pesan))
        self._tabel(self.pegawai, self.r_pegawai, KOLOM_PEGAWAI, "TabelPegawai")
        self._tabel(self.temuan, self.r_temuan, KOLOM_TEMUAN, "TabelTemuan")
        self._bermasalah(ag)
        self._kaskade(ag)
        if roster is not None:
            self._roster(*roster)
        self._praktik(ag)
        self._ringkasan(ag, paket, waktu, folder)
        # XlsxWriter writes each of the ≈60 parts to a temporary file and zips it: ≈0.6 ms a file here (more under a
        # virus scanner), a third of closing. A recap whose sheets fit in BATAS_TUTUP_MEMORI is zipped from memory
        # (the same parts); a larger one keeps the temporary files, so memory stays bounded for 20,000 staff.
        if sum(ws.row_data_fh.tell() for ws in self.wb.worksheets() if ws.row_data_fh) <= BATAS_TUTUP_MEMORI:
            self.wb.in_memory = True
        self.wb.close()

    def batal(self) -> None:
        """Drop an unfinished recap (an error or a signal): release XlsxWriter's temp files; nothing is written."""
        if self.wb.fileclosed:
            return
        self.wb.fileclosed = True
        for ws in self.wb.worksheets():
            with contextlib.suppress(Exception):
                ws._opt_close()

    def _tabel(self, ws: Any, n_baris: int, kolom: tuple[str, ...], nama: str) -> None:
        # XlsxWriter cannot add an Excel table in constant-memory mode; an autofilter gives the same filter buttons.
        ws.autofilter(0, 0, max(n_baris - 1, 1), len(kolom) - 1)

    def _bermasalah(self, ag: Agregat) -> None:
        ws = self.bermasalah
        for c, w in enumerate(LEBAR_BERMASALAH):
            ws.set_column(c, c, w)
        self._kepala(ws, ("BERKAS", "ALASAN"), LEBAR_BERMASALAH)
        _cetak(ws, "Berkas Bermasalah")
        for r, (berkas, alasan) in enumerate(ag.bermasalah, start=1):
            self._tinggi(ws, r, (berkas, alasan), LEBAR_BERMASALAH, (0, 1))
            self._baris_teks(ws, r, (berkas, alasan))

    def _kaskade(self, ag: Agregat) -> None:
        ws = self.kaskade
        kolom = ("BERKAS", "NAMA", "RHK", "RHK ATASAN YANG DIINTERVENSI", "ATASAN", "BERKAS ATASAN", "KETERANGAN")
        for c, w in enumerate(LEBAR_KASKADE):
            ws.set_column(c, c, w)
        self._kepala(ws, kolom, LEBAR_KASKADE)
        _cetak(ws, "Kaskade")
        for r, k in enumerate(ag.kaskade, start=1):
            isi = (k.berkas, k.nama, k.rhk, k.rhk_atasan, k.atasan, k.berkas_atasan, k.keterangan)
            self._tinggi(ws, r, isi, LEBAR_KASKADE, range(len(isi)))
            self._baris_teks(ws, r, isi)
        if not ag.kaskade:
            ws.write_string(1, 0, "Semua RHK yang diintervensi ditemukan pada SKP atasannya.", self.f_hijau)

    def _roster(self, hilang: list[tuple[str, str | None]], asing: list[tuple[str, str | None, str]]) -> None:
        ws = self.roster = self.wb.add_worksheet("Roster")
        for c, w in enumerate(LEBAR_ROSTER):
            ws.set_column(c, c, w, self.f_teks if c == 0 else None)
        self._kepala(ws, ("NIP", "NAMA", "STATUS", "BERKAS"), LEBAR_ROSTER)
        _cetak(ws, "Roster")
        baris: list[tuple[object, ...]] = [
            (nip, nama, "Ada di daftar pegawai, tetapi berkas SKP-nya tidak ada") for nip, nama in hilang
        ]
        baris += [
            (nip, nama, "Ada berkas SKP, tetapi tidak ada di daftar pegawai", berkas) for nip, nama, berkas in asing
        ]
        for r, isi in enumerate(baris, start=1):
            self._tinggi(ws, r, isi, LEBAR_ROSTER, (1, 2, 3))
            self._baris_teks(ws, r, isi, nip=0)

    # --- issue 19: evaluator practice, monitoring, development needs (new sheets, after the others) ---

    def _praktik(self, ag: Agregat) -> None:
        self.f_persen_atas = self.wb.add_format({"num_format": "0%", "valign": "top"})
        self._penilai(ag)
        self._pemantauan(ag)
        self._pengembangan(ag)

    def _lembar_praktik(
        self, nama: str, kolom: Sequence[str], lebar: Sequence[float], halaman_lebar: int = 1, kolom_ulang: int = 0
    ) -> Any:
        ws = self.wb.add_worksheet(nama)
        for c, w in enumerate(lebar):
            ws.set_column(c, c, w, self.f_teks if c == 0 else None)
        self._kepala(ws, kolom, lebar)
        _cetak(ws, nama, halaman_lebar=halaman_lebar, kolom_ulang=kolom_ulang)
        return ws

    def _catatan_bawah(self, ws: Any, r: int, teks: str, lebar: Sequence[float], fmt: Any = None) -> None:
        """A note under a table, wrapped over the table's width (its height stored: a merged cell never auto-fits)."""
        ws.set_row(r, max(TINGGI_BAKU, tinggi_baris(teks, sum(lebar))))
        ws.merge_range(r, 0, r, len(lebar) - 1, teks, fmt or self.f_wrap)

    def _penilai(self, ag: Agregat) -> None:
        ws = self._lembar_praktik("Penilai", KOLOM_PENILAI, LEBAR_PENILAI)
        baris = ag.praktik.baris_penilai()
        for r, b in enumerate(baris, start=1):
            temuan = "; ".join(LABEL_TEMUAN_PENILAI.get(k, k) for k in b.temuan)
            self._tinggi(ws, r, (b.nip, b.nama, *(None,) * 12, temuan), LEBAR_PENILAI, (1, 14))
            angka = (b.pegawai, *(b.rating[x] for x in Rating), b.belum_diberi, b.sama_usulan, b.di_atas_usulan,
                     b.di_bawah_usulan, b.periode_dinilai, b.periode_umpan_balik)  # fmt: skip
            porsi = b.porsi_umpan_balik
            _tulis_baris(ws, r, [
                (_isi_teks(b.nip), self.f_teks),
                (_isi_teks(b.nama), self.f_wrap),
                *((v, self.f_atas) for v in angka),
                (None, None) if porsi is None else (float(porsi), self.f_persen_atas),  # no share: no cell
                (b.berkas_bertemuan, self.f_atas),
                (_isi_teks(temuan), self.f_merah if b.temuan else self.f_wrap),
            ])  # fmt: skip
        if baris:
            ws.autofilter(0, 0, len(baris), len(KOLOM_PENILAI) - 1)
        self._catatan_bawah(ws, len(baris) + 2, CATATAN_PENILAI, LEBAR_PENILAI)

    def _pemantauan(self, ag: Agregat) -> None:
        ws = self._lembar_praktik("Pemantauan", KOLOM_PEMANTAUAN, LEBAR_PEMANTAUAN)
        baris = ag.praktik.baris_pemantauan()
        blok: dict[str, list[int]] = {}
        for r, b in enumerate(baris, start=1):
            self._tinggi(ws, r, (b.unit, b.label), LEBAR_PEMANTAUAN, (0, 1))
            sel: list[tuple[str | float | None, Any]] = [
                (_isi_teks(b.unit), self.f_wrap),
                (_isi_teks(b.label), self.f_wrap),
                (b.pegawai, self.f_atas),
            ]
            for v in (b.realisasi, b.dinilai, b.umpan_balik, b.predikat):
                sel += ((v, self.f_atas), (v / b.pegawai if b.pegawai else 0, self.f_persen_atas))
            _tulis_baris(ws, r, sel)
            blok.setdefault(b.unit, []).append(r)
        r_grafik = len(baris) + 2  # charts below the table: the sheet prints one page wide
        for n_unit, (unit, rs) in enumerate(blok.items()):
            if n_unit >= 20:  # charts for the first 20 units; the table has all
                break
            chart = self.wb.add_chart({"type": "column"})
            kategori = ["Pemantauan", rs[0], 1, rs[-1], 1]
            for c, nama in ((3, "Realisasi terisi"), (5, "Dinilai"), (7, "Umpan balik"), (9, "Berpredikat")):
                chart.add_series({"name": nama, "categories": kategori,
                                  "values": ["Pemantauan", rs[0], c + 1, rs[-1], c + 1]})  # fmt: skip
            chart.set_title({"name": f"Pemantauan SKP per periode: {unit}", "name_font": {"size": 11}})
            chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
            chart.set_legend({"position": "bottom"})
            chart.set_size({"width": 640, "height": 300})
            ws.insert_chart(r_grafik, 0, chart)
            r_grafik += BARIS_GRAFIK

    def _pengembangan(self, ag: Agregat) -> None:
        ws = self._lembar_praktik("Kebutuhan Pengembangan", KOLOM_PENGEMBANGAN, LEBAR_PENGEMBANGAN, halaman_lebar=2,
                                  kolom_ulang=2)  # fmt: skip
        baris = ag.praktik.pengembangan
        for r, b in enumerate(baris, start=1):
            isi = (b.nip, b.nama, b.jabatan, b.unit, b.nama_penilai, b.predikat, b.alasan, b.nilai_inti,
                   b.umpan_balik, b.catatan, b.berkas)  # fmt: skip
            self._tinggi(ws, r, isi, LEBAR_PENGEMBANGAN, range(1, len(isi)))
            self._baris_teks(ws, r, isi, nip=0)
        if baris:
            ws.autofilter(0, 0, len(baris), len(KOLOM_PENGEMBANGAN) - 1)
        else:
            self._catatan_bawah(ws, 1, KOSONG_PENGEMBANGAN, LEBAR_PENGEMBANGAN, self.f_hijau_bungkus)

    def _ringkasan(self, ag: Agregat, paket: InfoPaket, waktu: datetime, folder: str) -> None:
        """One page per unit at most: the counts, the verdict in words and the chart beside the table."""
        ws = self.ringkasan
        for c, w in enumerate(LEBAR_RINGKASAN):
            ws.set_column(c, c, w)
        ws.write_string(0, 0, "REKAP SKP UNIT KERJA", self.f_judul)
        info: tuple[tuple[str, str | int], ...] = (
            ("Folder", folder),
            ("Berkas dibaca", ag.jumlah_berkas),
            ("Pegawai", ag.jumlah_pegawai),
            ("Berkas bermasalah", len(ag.bermasalah)),
            ("Paket aturan", paket.stempel_dengan(ag.opsi)),
            ("Waktu rekap", f"{waktu:%d/%m/%Y %H:%M:%S}"),
        )
        f_kiri = self.wb.add_format({"align": "left"})
        for r, (k, v) in enumerate(info, start=2):
            ws.write_string(r, 0, k, self.f_tebal)
            if isinstance(v, int):
                ws.write_number(r, 1, v, f_kiri)  # counts are numbers (Excel flags numbers stored as text)
            else:
                tulis_teks(ws, r, 1, v)
        r = len(info) + 3
        n_kolom = len(LEBAR_RINGKASAN)
        for n_unit, u in enumerate(sorted(ag.unit.values(), key=lambda u: u.unit)):
            ws.write_string(r, 0, f"Unit kerja: {u.unit}", self.f_judul)
            org = u.organisasi.value if u.organisasi else "belum diketahui"
            ws.write_string(
                r + 1,
                0,
                f"Capaian kinerja organisasi: {org}" + (f" ({u.sumber_organisasi})" if u.sumber_organisasi else ""),
            )
            kepala = ("PREDIKAT", "JUMLAH", "PERSEN", "BATAS MAKS", "BATAS MIN")
            ws.set_row(r + 2, max(tinggi_baris(k, w, 10, True) for k, w in zip(kepala, LEBAR_RINGKASAN, strict=False)))
            _tulis_baris(ws, r + 2, [(k, self.f_kepala) for k in kepala])
            awal = r + 3
            ada_maks = ada_min = False
            for i, pred in enumerate(Predikat):
                maks, mini = _batas(u.organisasi, pred)  # no limit: a blank cell in the percent format
                _tulis_baris(ws, awal + i, [
                    (pred.value, self.f_kotak),
                    (u.jumlah[pred], self.f_kotak),
                    (u.jumlah[pred] / u.total if u.total else 0, self.f_persen),
                    (maks, self.f_persen),
                    (mini, self.f_persen),
                ])  # fmt: skip
                ada_maks, ada_min = ada_maks or maks is not None, ada_min or mini is not None
            rr = awal + len(Predikat)
            _tulis_baris(ws, rr, [("Jumlah", self.f_tebal), (u.total, self.f_tebal)])
            kalimat: list[tuple[str, Any]] = []
            if u.tanpa_predikat:
                kalimat.append((f"{u.tanpa_predikat} pegawai belum berpredikat (tidak dihitung).", self.f_wrap))
            if u.organisasi is None:
                kalimat.append(
                    (
                        "Kurva distribusi: tidak dapat diperiksa (capaian kinerja organisasi tidak "
                        "diketahui; isi di berkas atau pakai --predikat-organisasi).",
                        self.f_merah,
                    )
                )
            elif u.tidak_dinilai:
                kalimat.append((u.tidak_dinilai, self.f_wrap))
            elif u.pelanggaran:
                kalimat.append(("Kurva distribusi: TIDAK SESUAI", self.f_merah))
                kalimat += [(v.pesan, self.f_merah) for v in u.pelanggaran]
            else:
                kalimat.append(("Kurva distribusi: SESUAI (" + "; ".join(u.aturan) + ")", self.f_hijau_bungkus))
            rr += 2
            for teks, fmt in kalimat:  # one wrapped sentence per row under the table, as wide as the table
                ws.set_row(rr, tinggi_baris(teks, LEBAR_RINGKASAN[:LEBAR_TABEL_RINGKASAN]))
                ws.merge_range(rr, 0, rr, LEBAR_TABEL_RINGKASAN - 1, teks, fmt)
                rr += 1
            if n_unit < 20 and u.total:
                self._grafik(ws, u.unit, awal, r + 2, rr, ada_maks, ada_min)
            r = max(rr + 2, r + 2 + BARIS_GRAFIK) if n_unit < 20 and u.total else rr + 2
        _cetak(ws, "Ringkasan", judul=False, garis=False)
        ws.print_area(0, 0, max(r - 2, 1), n_kolom - 1)

    def _grafik(
        self, ws: Any, unit: str, awal: int, baris_grafik: int, baris_judul: int, ada_maks: bool, ada_min: bool
    ) -> None:
        """Actual shares as columns; each limit as a short horizontal bar over its predikat (not a dot)."""
        akhir = awal + len(Predikat) - 1
        chart = self.wb.add_chart({"type": "column"})
        kategori = ["Ringkasan", awal, 0, akhir, 0]
        chart.add_series(
            {
                "name": "Aktual",
                "categories": kategori,
                "values": ["Ringkasan", awal, 2, akhir, 2],
                "fill": {"color": "#5B9BD5"},
                "data_labels": {"value": True, "num_format": "0%"},
            }
        )
        garis = self.wb.add_chart({"type": "line"})
        for c, nama, warna, ada in (
            (3, "Batas maksimal", "#C00000", ada_maks),
            (4, "Batas minimal", "#00703C", ada_min),
        ):
            if not ada:  # no limit of this kind for this unit: no empty legend entry
                continue
            garis.add_series(
                {
                    "name": nama,
                    "categories": kategori,
                    "values": ["Ringkasan", awal, c, akhir, c],
                    "marker": {"type": "dash", "size": 24, "border": {"color": warna}, "fill": {"color": warna}},
                    "line": {"none": True},
                }
            )
        if ada_maks or ada_min:
            chart.combine(garis)
        # The title refers to a cell under the chart that holds the text (in white, so no edge of it shows next to
        # the chart): XlsxWriter reads a literal title that looks like "Sheet!A1" (a unit named "Bidang Humas!A1")
        # as a formula reference. ``baris_judul`` is a row not written yet (constant-memory mode drops writes to
        # rows already passed).
        judul = f"Distribusi predikat: {unit}"
        ws.write_string(baris_judul, LEBAR_TABEL_RINGKASAN, judul, self.f_putih)
        chart.set_title(
            {
                "name": ["Ringkasan", baris_judul, LEBAR_TABEL_RINGKASAN],
                "data": [judul],
                "name_font": {"size": 11, "bold": True},
            }
        )
        chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1, "num_font": {"size": 10}})
        chart.set_x_axis({"num_font": {"size": 10}})
        chart.set_legend({"position": "bottom", "font": {"size": 10}})
        chart.set_size({"width": 500, "height": 300})
        ws.insert_chart(baris_grafik, LEBAR_TABEL_RINGKASAN, chart, {"x_offset": 12})


@functools.cache
def _px_kolom(lebar: tuple[float, ...]) -> tuple[int, ...]:
    """Pixel widths of a sheet's columns (the width tuples are the few constants above)."""
    return tuple(px_kolom(w) for w in lebar)


def _isi_teks(v: object) -> str | None:
    """A text cell's content for :func:`_tulis_baris`: None (a blank cell) for no text."""
    return None if v is None or v == "" else _xml_aman(v)


def _xml_aman(v: object) -> str:
    """``v`` as text XML can hold: a file name that is not valid UTF-8 is carried with surrogates."""
    s = str(v)
    return s if s.isascii() else tanpa_surogat(s)  # ASCII has no surrogates


def _tulis_baris(ws: Any, r: int, sel: Sequence[tuple[str | float | None, Any]]) -> None:
    """Row ``r`` (each row once, whole, in order) of a constant-memory sheet, cells from column A as (value,
    format): a text, a number, or None for a blank cell (written only with a format, as XlsxWriter does).

    XlsxWriter's calls per cell (≈5 µs) were most of the recap's serial tail (≈50,000 cells for 2,000 staff): the
    row's cells are made into XML here at once and held as XlsxWriter holds a row, so the file is the same byte
    for byte (see :class:`_BarisTertahan`; tests compare). Anything XlsxWriter writes in a way of its own (see
    :data:`_TEKS_KHUSUS`, a value without a format) goes through XlsxWriter.
    """
    sel_xml: list[tuple[int, Any, str]] = []
    if (
        ws.constant_memory
        and ws.previous_row < r < ws.xls_rowmax
        and r not in ws.comments
        and _BARIS_LANGSUNG
        and ws.__dict__.get("row_info") is not None
    ):
        for c, (v, fmt) in enumerate(sel):
            if fmt is None:
                if v is None:
                    continue
                break  # XlsxWriter would give it the column's format
            if v is None:
                sel_xml.append((c, fmt, "/>"))
            elif isinstance(v, str):
                if len(v) > _TEKS_MAKS or _seperti_rich_text(v):
                    break  # see tulis_teks
                # printable, no "_x", no space at either end: nothing _TEKS_KHUSUS finds (the other whitespace and
                # the control characters are not printable); cheaper than the search on each of ≈40,000 texts
                if not (v.isprintable() and "_x" not in v and v[:1] != " " and v[-1:] != " ") and _TEKS_KHUSUS.search(
                    v
                ):
                    break
                v = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                sel_xml.append((c, fmt, f' t="inlineStr"><is><t>{v}</t></is></c>'))
            elif type(v) in (int, float) and math.isfinite(v):
                sel_xml.append((c, fmt, f"><v>{v:.16G}</v></c>"))
            else:
                break
        else:
            if sel_xml:
                tahan: _BarisTertahan = ws.__dict__.get("_skpxl_tahan") or _BarisTertahan(ws)
                ws._write_single_row(r)  # the row held so far is written, as any write to a later row does
                ws._check_dimensions(r, sel_xml[0][0])  # the used range, as each cell's write would
                ws._check_dimensions(r, sel_xml[-1][0])
                tahan.r, tahan.sel = r, sel_xml
                return
    tulis_lewat_xlsxwriter(ws, r, sel)


def tulis_lewat_xlsxwriter(ws: Any, r: int, sel: Sequence[tuple[str | float | None, Any]]) -> None:
    """:func:`_tulis_baris` through XlsxWriter's API, cell by cell."""
    for c, (v, fmt) in enumerate(sel):
        if v is None:
            ws.write_blank(r, c, None, fmt)
        elif isinstance(v, str):
            tulis_teks(ws, r, c, v, fmt)
        else:
            ws.write_number(r, c, v, fmt)


def tulis_teks(ws: Any, r: int, c: int, s: str, fmt: Any = None) -> None:
    """``write_string``, except for a text XlsxWriter takes for its own rich-text XML ("<r>…</r>", written into
    the sheet unescaped: a staff member named so made the whole recap unreadable). Such a text is written as two
    plain runs in the cell's font: every reader gets the same text back."""
    if len(s) > 16_383:  # what XlsxWriter keeps of a text past 32,767 UTF-16 units is what is tested
        b = s.encode("utf-16-le", "surrogatepass")
        if len(b) > 2 * 32_767:
            s = b[: 2 * 32_767].decode("utf-16-le", "ignore")
    if _seperti_rich_text(s):
        run = fmt or _RUN_POLOS
        ws.write_rich_string(r, c, run, s[:1], run, s[1:], *((fmt,) if fmt is not None else ()))
    else:
        ws.write_string(r, c, s, fmt)


def _seperti_rich_text(s: str) -> bool:
    """XlsxWriter's own test for a string it writes as rich-text XML, unescaped."""
    return s.startswith("<r>") and s.endswith("</r>")


class _BarisTertahan:
    """The row :func:`_tulis_baris` gave a sheet, held until XlsxWriter writes its held row (the next write to a
    later row, or closing): then it is written, and its formats numbered, at the moment XlsxWriter would."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.r = -1
        self.sel: list[tuple[int, Any, str]] = []
        self._asli = ws._write_single_row
        ws._write_single_row = self.tulis  # every write of the held row goes through this attribute
        ws._skpxl_tahan = self

    def tulis(self, current_row_num: int = 0) -> None:
        ws, r = self.ws, self.r
        if r < 0 or ws.previous_row != r:
            self._asli(current_row_num)
            return
        self.r = -1
        ws._write_row(r, None, ws.row_info.get(r))  # <row> with the height given by set_row
        nomor, r1 = _NAMA_KOLOM, r + 1
        lain = ws.table.get(r)  # cells XlsxWriter was given for this row since (none in the recap): theirs win
        if lain:
            milik = {c: (fmt, isi) for c, fmt, isi in self.sel}
            for c in sorted(milik.keys() | lain.keys()):
                if c in lain:
                    ws._write_cell(r, c, lain[c])
                else:
                    ws.fh.write(f'<c r="{nomor[c]}{r1}" s="{milik[c][0]._get_xf_index()}"{milik[c][1]}')
        else:
            ws.fh.write("".join([f'<c r="{nomor[c]}{r1}" s="{fmt._get_xf_index()}"{isi}' for c, fmt, isi in self.sel]))
        ws.fh.write("</row>")
        ws.previous_row = current_row_num
        ws.table.clear()


def _cetak(
    ws: Any, nama: str, *, halaman_lebar: int = 1, kolom_ulang: int = 0, judul: bool = True, garis: bool = True
) -> None:
    """A4 landscape fitted to the page width, header row on every page, gridlines and page numbers printed."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(halaman_lebar, 0)
    ws.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    if garis:  # the data sheets have no cell borders: print the grid
        ws.hide_gridlines(0)
    if judul:
        ws.repeat_rows(0)
    if kolom_ulang:
        ws.repeat_columns(0, kolom_ulang - 1)
        ws.print_across()  # the right half of a row block follows its left half
    ws.set_footer(f'&L&"{FONT}"&10Rekap SKP · {nama}&R&"{FONT}"&10Halaman &P dari &N')


def _batas(org: object, pred: Predikat) -> tuple[float | None, float | None]:
    """The allowed maximum and minimum share of one predikat alone under the unit's kurva (for the chart)."""
    maks = mini = None
    for a in ATURAN.get(org, ()):  # type: ignore[call-overload]
        if a.predikat == (pred,):
            if a.jenis == "maks":
                maks = float(a.batas)
            elif a.jenis == "min":
                mini = float(a.batas)
    return maks, mini
