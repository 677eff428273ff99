"""The recap workbook, written with XlsxWriter in constant-memory mode while results stream in.

Every text taken from a workbook is written with ``write_string``: a name such as
``=HYPERLINK(...)`` stays text and never becomes a formula.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from skpxl.batch.agregat import Agregat
from skpxl.batch.langkah import HasilBerkas
from skpxl.core.enums import Predikat
from skpxl.core.packs import InfoPaket
from skpxl.core.packs.permenpanrb_6_2022.kurva import ATURAN

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
LEBAR_PEGAWAI = (20, 30, 30, 14, 13, 22, 26, 20, 9, 20, 20, 20, 17, 12, 16, 10, 11, 7, 28)
LEBAR_TEMUAN = (28, 12, 26, 22, 8, 20, 90)


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
            },
        )
        self.wb.set_properties({"title": "Rekap SKP unit kerja", "author": "skpxl", "created": datetime(2026, 1, 1)})
        self.f_kepala = self.wb.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True})
        self.f_teks = self.wb.add_format({"num_format": "@"})
        self.f_judul = self.wb.add_format({"bold": True, "font_size": 14})
        self.f_tebal = self.wb.add_format({"bold": True})
        self.f_merah = self.wb.add_format({"font_color": "#C00000", "text_wrap": True})
        self.f_hijau = self.wb.add_format({"font_color": "#00703C"})
        self.f_persen = self.wb.add_format({"num_format": "0.00%"})
        self.f_wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})
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
            ws.write_row(0, 0, kolom, self.f_kepala)
            ws.freeze_panes(1, 0)
        self.r_pegawai = 1
        self.r_temuan = 1

    def _teks(self, ws: Any, r: int, c: int, v: object, fmt: Any = None) -> None:
        if v is None or v == "":
            ws.write_blank(r, c, None, fmt)
        else:
            ws.write_string(r, c, str(v), fmt)

    def tambah(self, h: HasilBerkas) -> None:
        for kode, tingkat, lembar, sel, nilai, pesan in h.temuan:
            self._baris_temuan(h.berkas, (tingkat, kode, lembar, sel, nilai, pesan))
        p = h.pegawai
        if p is None:
            return
        ws, r = self.pegawai, self.r_pegawai
        teks = (
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
        for c, v in enumerate(teks):
            self._teks(ws, r, c, v, self.f_teks if c in (0, 7) else None)
        if p.angka_kredit is None:
            ws.write_blank(r, 13, None)
        else:
            ws.write_number(r, 13, float(p.angka_kredit))
        self._teks(ws, r, 14, p.predikat_organisasi)
        ws.write_number(r, 15, p.jumlah_kesalahan)
        ws.write_number(r, 16, p.jumlah_peringatan)
        ws.write_number(r, 17, p.jumlah_info)
        self._teks(ws, r, 18, h.berkas)
        self.r_pegawai += 1

    def _baris_temuan(self, berkas: str, isi: tuple[object, ...]) -> None:
        self._teks(self.temuan, self.r_temuan, 0, berkas)
        for c, v in enumerate(isi, start=1):
            self._teks(self.temuan, self.r_temuan, c, v)
        self.r_temuan += 1

    def tutup(
        self,
        ag: Agregat,
        paket: InfoPaket,
        waktu: datetime,
        folder: str,
        roster: tuple[list[tuple[str, str | None]], list[tuple[str, str | None, str]]] | None = None,
    ) -> None:
        for berkas, (kode, tingkat, lembar, sel, nilai, pesan) in ag.temuan_batch:
            self._baris_temuan(berkas, (tingkat, kode, lembar, sel, nilai, pesan))
        self._tabel(self.pegawai, self.r_pegawai, KOLOM_PEGAWAI, "TabelPegawai")
        self._tabel(self.temuan, self.r_temuan, KOLOM_TEMUAN, "TabelTemuan")
        self._bermasalah(ag)
        self._kaskade(ag)
        if roster is not None:
            self._roster(*roster)
        self._ringkasan(ag, paket, waktu, folder)
        self.wb.close()

    def _tabel(self, ws: Any, n_baris: int, kolom: tuple[str, ...], nama: str) -> None:
        # XlsxWriter cannot add an Excel table in constant-memory mode; an autofilter gives the same filter buttons.
        ws.autofilter(0, 0, max(n_baris - 1, 1), len(kolom) - 1)

    def _bermasalah(self, ag: Agregat) -> None:
        ws = self.bermasalah
        ws.set_column(0, 0, 40)
        ws.set_column(1, 1, 110)
        ws.write_row(0, 0, ("BERKAS", "ALASAN"), self.f_kepala)
        for r, (berkas, alasan) in enumerate(ag.bermasalah, start=1):
            self._teks(ws, r, 0, berkas)
            self._teks(ws, r, 1, alasan)

    def _kaskade(self, ag: Agregat) -> None:
        ws = self.kaskade
        kolom = ("BERKAS", "NAMA", "RHK", "RHK ATASAN YANG DIINTERVENSI", "ATASAN", "BERKAS ATASAN", "KETERANGAN")
        for c, w in enumerate((26, 26, 40, 40, 26, 26, 60)):
            ws.set_column(c, c, w)
        ws.write_row(0, 0, kolom, self.f_kepala)
        for r, k in enumerate(ag.kaskade, start=1):
            for c, v in enumerate((k.berkas, k.nama, k.rhk, k.rhk_atasan, k.atasan, k.berkas_atasan, k.keterangan)):
                self._teks(ws, r, c, v)
        if not ag.kaskade:
            ws.write_string(1, 0, "Semua RHK yang diintervensi ditemukan pada SKP atasannya.", self.f_hijau)

    def _roster(self, hilang: list[tuple[str, str | None]], asing: list[tuple[str, str | None, str]]) -> None:
        ws = self.roster = self.wb.add_worksheet("Roster")
        ws.set_column(0, 0, 22, self.f_teks)
        ws.set_column(1, 3, 34)
        ws.write_row(0, 0, ("NIP", "NAMA", "STATUS", "BERKAS"), self.f_kepala)
        r = 1
        for nip, nama in hilang:
            for c, v in enumerate((nip, nama, "Ada di daftar pegawai, tetapi berkas SKP-nya tidak ada")):
                self._teks(ws, r, c, v)
            r += 1
        for nip, nama, berkas in asing:
            for c, v in enumerate((nip, nama, "Ada berkas SKP, tetapi tidak ada di daftar pegawai", berkas)):
                self._teks(ws, r, c, v)
            r += 1

    def _ringkasan(self, ag: Agregat, paket: InfoPaket, waktu: datetime, folder: str) -> None:
        ws = self.ringkasan
        ws.set_column(0, 0, 30)
        ws.set_column(1, 5, 16)
        ws.set_column(6, 6, 90)
        ws.write_string(0, 0, "REKAP SKP UNIT KERJA", self.f_judul)
        info = (
            ("Folder", folder),
            ("Berkas dibaca", str(ag.jumlah_berkas)),
            ("Pegawai", str(ag.jumlah_pegawai)),
            ("Berkas bermasalah", str(len(ag.bermasalah))),
            ("Paket aturan", paket.stempel_dengan(ag.opsi)),
            ("Waktu rekap", f"{waktu:%d/%m/%Y %H:%M:%S}"),
        )
        for r, (k, v) in enumerate(info, start=2):
            ws.write_string(r, 0, k, self.f_tebal)
            ws.write_string(r, 1, v)
        r = len(info) + 3
        for n_unit, u in enumerate(sorted(ag.unit.values(), key=lambda u: u.unit)):
            ws.write_string(r, 0, f"Unit kerja: {u.unit}", self.f_judul)
            org = u.organisasi.value if u.organisasi else "belum diketahui"
            ws.write_string(
                r + 1,
                0,
                f"Capaian kinerja organisasi: {org}" + (f" ({u.sumber_organisasi})" if u.sumber_organisasi else ""),
            )
            ws.write_row(r + 2, 0, ("PREDIKAT", "JUMLAH", "PERSEN", "BATAS MAKS", "BATAS MIN"), self.f_kepala)
            awal = r + 3
            for i, pred in enumerate(Predikat):
                rr = awal + i
                ws.write_string(rr, 0, pred.value)
                ws.write_number(rr, 1, u.jumlah[pred])
                ws.write_number(rr, 2, u.jumlah[pred] / u.total if u.total else 0, self.f_persen)
                maks, mini = _batas(u.organisasi, pred)
                if maks is not None:
                    ws.write_number(rr, 3, maks, self.f_persen)
                if mini is not None:
                    ws.write_number(rr, 4, mini, self.f_persen)
            rr = awal + len(Predikat)
            ws.write_string(rr, 0, "Jumlah", self.f_tebal)
            ws.write_number(rr, 1, u.total)
            if u.tanpa_predikat:
                ws.write_string(rr + 1, 0, f"{u.tanpa_predikat} pegawai belum berpredikat (tidak dihitung).")
            rr += 2
            if u.organisasi is None:
                ws.write_string(
                    rr,
                    0,
                    "Kurva distribusi: tidak dapat diperiksa (capaian kinerja organisasi tidak "
                    "diketahui; isi di berkas atau pakai --predikat-organisasi).",
                    self.f_merah,
                )
            elif u.tidak_dinilai:
                ws.write_string(rr, 0, u.tidak_dinilai)
            elif u.pelanggaran:
                ws.write_string(rr, 0, "Kurva distribusi: TIDAK SESUAI", self.f_merah)
                for pelanggaran in u.pelanggaran:
                    rr += 1
                    ws.write_string(rr, 0, pelanggaran.pesan, self.f_merah)
            else:
                ws.write_string(rr, 0, "Kurva distribusi: SESUAI (" + "; ".join(u.aturan) + ")", self.f_hijau)
            if n_unit < 20 and u.total:
                self._grafik(ws, u.unit, awal, r + 2)
            r = rr + 18 if n_unit < 20 and u.total else rr + 3

    def _grafik(self, ws: Any, unit: str, awal: int, baris_grafik: int) -> None:
        akhir = awal + len(Predikat) - 1
        chart = self.wb.add_chart({"type": "column"})
        kategori = ["Ringkasan", awal, 0, akhir, 0]
        chart.add_series({"name": "Aktual", "categories": kategori, "values": ["Ringkasan", awal, 2, akhir, 2]})
        garis = self.wb.add_chart({"type": "line"})
        for c, nama in ((3, "Batas maksimal"), (4, "Batas minimal")):
            garis.add_series(
                {
                    "name": nama,
                    "categories": kategori,
                    "values": ["Ringkasan", awal, c, akhir, c],
                    "marker": {"type": "diamond"},
                    "line": {"none": True},
                }
            )
        chart.combine(garis)
        chart.set_title({"name": f"Distribusi predikat: {unit}"})
        chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
        chart.set_size({"width": 620, "height": 300})
        ws.insert_chart(baris_grafik, 6, chart)


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
