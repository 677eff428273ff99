"""Rendering results into a workbook through the adapter protocol (no Excel library here).

Everything is found through the workbook's own defined names (so rows a user inserted
are respected) and the layout's naming scheme. Rendering is idempotent: every cell it
owns is rewritten on each run (empty when there is nothing to show), and the previous
run's highlights, listed on the "Hasil Validasi" sheet, are cleared first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from skpxl.buku import layout as L
from skpxl.buku.adapters.base import CellValue, Penata, Ref, TataLembar, Workbook
from skpxl.core.enums import Periodisasi, Tingkat
from skpxl.core.hitung import HasilHitung, HasilPeriode
from skpxl.core.isian import baca_tanggal
from skpxl.core.models import SkpForm
from skpxl.core.numbers import bulat
from skpxl.core.packs import InfoPaket
from skpxl.core.periode import AKHIR, daftar_periode
from skpxl.core.temuan import Temuan, pisah_alamat

# Hasil Validasi sheet: title rows, then the header row, then one row per finding.
BARIS_JUDUL_HV = 1
SEL_JUMLAH_HV = "B3"  # how many findings the sheet lists (read back to clear their highlights)
BARIS_KEPALA_HV = 5
# Column widths of Hasil Validasi (NO wide enough for the "Jumlah temuan" label above it): about 157 character
# units, so A4 landscape fitted to the width prints 10 pt text at 8 pt or more.
LEBAR_HV = (13, 11, 26, 18, 8, 16, 57)
KOLOM_BUNGKUS_HV = (2, 3, 5, 6)  # KODE, LEMBAR, NILAI, PESAN wrap


def _baris_awal(ref: Ref) -> int:
    r0, _, _, _ = L.urai_rentang(ref.ref)
    return r0 + 1  # 1-based row of the region's first (header) row


def _nilai(x: object) -> CellValue:
    return None if x is None else str(x)


def _tulis_nama(wb: Workbook, names: Mapping[str, Ref], nilai: Mapping[str, CellValue]) -> None:
    """Write each value into the (top-left) cell of its defined name; names the workbook lacks are skipped.

    Cells that sit one under another in the same column go out as one block: the same cells, fewer writes
    (each write is a round trip to Excel on the desktop).
    """
    sel: dict[tuple[str, int, int], CellValue] = {}
    for nama, v in nilai.items():
        ref = names.get(nama)
        if ref is not None:
            r, c = L.urai_sel(ref.ref.split(":")[0])
            sel[(ref.sheet, c, r)] = v
    urut = sorted(sel)
    i = 0
    while i < len(urut):
        lembar, c, r = urut[i]
        j = i + 1
        while j < len(urut) and urut[j] == (lembar, c, r + j - i):
            j += 1
        wb.write_block(lembar, L.sel(r, c), [[sel[k]] for k in urut[i:j]])
        i = j


def hapus_sorotan_lama(wb: Workbook) -> None:
    """Give the cells highlighted by the previous run their base fill back."""
    if L.LEMBAR_HASIL_VALIDASI not in wb.sheet_names():
        return
    jumlah = wb.read_block(L.LEMBAR_HASIL_VALIDASI, SEL_JUMLAH_HV)[0][0]
    if not isinstance(jumlah, int | float) or jumlah <= 0:
        return
    awal = BARIS_KEPALA_HV + 1
    blok = wb.read_block(L.LEMBAR_HASIL_VALIDASI, f"D{awal}:E{awal + int(jumlah) - 1}")
    lembar_ada = set(wb.sheet_names())
    for lembar, sel in blok:
        if isinstance(lembar, str) and isinstance(sel, str) and lembar in lembar_ada and _satu_sel(sel):
            wb.set_fill(lembar, sel, L.WARNA_ISIAN)


def _satu_sel(sel: str) -> bool:
    """Only single cells are highlighted: a finding about a whole table (a range) gets a link, not a red table."""
    return bool(sel) and ":" not in sel


def tulis_hasil_validasi(wb: Workbook, temuan: Sequence[Temuan], paket: InfoPaket, waktu: datetime) -> None:
    """Refresh the "Hasil Validasi" sheet (one row per finding, a link to its cell) and highlight the cells."""
    hapus_sorotan_lama(wb)
    hv = L.LEMBAR_HASIL_VALIDASI
    wb.ensure_sheet(hv)
    wb.clear_sheet(hv)
    c = {t: sum(1 for x in temuan if x.tingkat is t) for t in Tingkat}
    ringkas = (
        f"{c[Tingkat.ERROR]} kesalahan, {c[Tingkat.WARNING]} peringatan, {c[Tingkat.INFO]} info"
        if temuan
        else "Tidak ada temuan: formulir lolos validasi."
    )
    wb.write_block(hv, f"A{BARIS_JUDUL_HV}", [["HASIL VALIDASI SKP"], [ringkas]])
    wb.write_block(hv, "A3", [["Jumlah temuan", len(temuan), f"Paket aturan: {paket.stempel}", None, "Waktu",
                               f"{waktu:%d/%m/%Y %H:%M:%S}"]])  # fmt: skip
    wb.write_block(hv, f"A{BARIS_KEPALA_HV}", [list(L.KOLOM_HASIL_VALIDASI)])
    if not temuan:
        _tata_hv(wb, BARIS_KEPALA_HV)
        return
    baris: list[list[CellValue]] = [
        [i, t.tingkat.value, t.kode, t.lembar, t.sel, t.nilai, t.pesan] for i, t in enumerate(temuan, start=1)
    ]
    awal = BARIS_KEPALA_HV + 1
    wb.write_block(hv, f"A{awal}", baris)
    lembar_ada = set(wb.sheet_names())
    urut = {Tingkat.INFO: 0, Tingkat.WARNING: 1, Tingkat.ERROR: 2}
    sorot: dict[tuple[str, str], Tingkat] = {}
    for i, t in enumerate(temuan):
        if t.lembar and t.sel and t.lembar in lembar_ada:
            wb.write_link(hv, f"E{awal + i}", t.sel, t.lembar, t.sel)
            if not _satu_sel(t.sel):
                continue
            lama = sorot.get((t.lembar, t.sel))
            if lama is None or urut[t.tingkat] > urut[lama]:
                sorot[(t.lembar, t.sel)] = t.tingkat
    for (lembar, sel), tingkat in sorot.items():
        wb.set_fill(lembar, sel, L.WARNA_TEMUAN[tingkat])
    _tata_hv(wb, awal + len(temuan) - 1)


def _tata_hv(wb: Workbook, akhir: int) -> None:
    """Widths, wrap, header style, frozen header and page setup, where the adapter can lay out a sheet."""
    if isinstance(wb, Penata):
        wb.tata_lembar(
            L.LEMBAR_HASIL_VALIDASI,
            TataLembar(LEBAR_HV, BARIS_JUDUL_HV, BARIS_KEPALA_HV, akhir, KOLOM_BUNGKUS_HV, "Hasil Validasi SKP"),
        )


def _baris_skp(sel: Mapping[str, str]) -> int | None:
    """Row of the HASIL KERJA table a model element came from."""
    for alamat in sel.values():
        lembar, ref = pisah_alamat(alamat)
        if lembar == L.LEMBAR_SKP and ref:
            return L.urai_sel(ref)[0] + 1
    return None


def _tulis_kolom_periode(wb: Workbook, names: Mapping[str, Ref], form: SkpForm, hp: HasilPeriode) -> None:
    """Per-IKI computed columns of one evaluation table, aligned by row offset with HASIL KERJA."""
    kode = hp.periode.kode
    tabel_hk, tabel_ev = names.get("TABEL_HASIL_KERJA"), names.get(L.nama("TABEL_EVALUASI", kode))
    if tabel_hk is None or tabel_ev is None:
        return
    kolom = {k.nama_kolom: names.get(L.nama(k.nama_kolom, kode)) for k in L.KOLOM_EVALUASI if k.nama_kolom}
    badan_hk, badan_ev = _baris_awal(tabel_hk) + 1, _baris_awal(tabel_ev) + 1
    r0, _, r1, _ = L.urai_rentang(tabel_ev.ref)
    n_badan = r1 - r0
    isi: dict[str, list[CellValue]] = {k: [None] * n_badan for k in kolom}
    rhk_per_indeks = {h.rhk: h for h in hp.rhk}
    for h in hp.iki:
        iki = form.rhk[h.rhk].iki[h.iki]
        baris = _baris_skp(iki.sel)
        if baris is None or not 0 <= baris - badan_hk < n_badan:
            continue
        k = baris - badan_hk
        isi["CAPAIAN_IKI"][k] = None if h.capaian is None else float(bulat(h.capaian))
        isi["KATEGORI_IKI"][k] = _nilai(h.kategori)
        isi["PENJELASAN_CAPAIAN"][k] = h.penjelasan
        if h.iki == 0:
            isi["KATEGORI_RHK"][k] = _nilai(rhk_per_indeks[h.rhk].kategori)
    # Side-by-side columns (CAPAIAN_IKI … PENJELASAN_CAPAIAN in the template) go out as one block: fewer writes.
    urut = sorted((L.urai_rentang(ref.ref)[1], k) for k, ref in kolom.items() if ref is not None)
    i = 0
    while i < len(urut):
        j = i + 1
        while j < len(urut) and urut[j][0] == urut[i][0] + j - i:
            j += 1
        blok = [[isi[k][b] for _, k in urut[i:j]] for b in range(n_badan)]
        wb.write_block(tabel_ev.sheet, f"{L.huruf_kolom(urut[i][0])}{badan_ev}", blok)
        i = j


def tulis_hasil_hitung(
    wb: Workbook, form: SkpForm, hasil: HasilHitung, waktu: datetime, periode_dokumen: str | None = None
) -> None:
    """Computed cells of every computed period, the DOKUMEN EVALUASI and the stamps."""
    names = wb.names()
    for kode, hp in hasil.periode.items():
        nilai: dict[str, CellValue] = {
            "RATING_HASIL_KERJA_USULAN": _nilai(hp.usulan.rating if hp.usulan else None),
            "PENJELASAN_RATING_HASIL_KERJA": hp.penjelasan_hasil_kerja or None,
            # "-" rather than an empty box: no rating per core value was given, so there is nothing to propose
            "RATING_PERILAKU_USULAN": _nilai(hp.usulan_perilaku.rating) if hp.usulan_perilaku else "-",
            "PENJELASAN_RATING_PERILAKU": hp.penjelasan_perilaku or None,
            "PREDIKAT": _nilai(hp.predikat),
            "PENJELASAN_PREDIKAT": hp.penjelasan_predikat or None,
            "ANGKA_KREDIT": None if hp.angka_kredit is None else float(hp.angka_kredit),
            "PENJELASAN_ANGKA_KREDIT": hp.penjelasan_angka_kredit or None,
        }
        _tulis_nama(wb, names, {L.nama(dasar, kode): v for dasar, v in nilai.items()})
        _tulis_kolom_periode(wb, names, form, hp)
    dok = periode_dokumen if periode_dokumen in hasil.periode else AKHIR
    hp = hasil.periode[dok]
    ev = form.evaluasi.get(dok)
    _tulis_nama(
        wb,
        names,
        {
            "DOKUMEN_PERIODE": _teks_periode(form, hp),
            "DOKUMEN_PREDIKAT_ORGANISASI": _nilai(hp.predikat_organisasi),
            "DOKUMEN_PREDIKAT": _nilai(hp.predikat),
            "DOKUMEN_CATATAN": ev.catatan if ev and ev.catatan else None,
            "HITUNG_PAKET_ATURAN": hasil.paket.stempel,
            "HITUNG_WAKTU": f"{waktu:%d/%m/%Y %H:%M:%S}",
            "HITUNG_PERIODE": dok,
        },
    )
    if isinstance(wb, Penata):  # texts written above may need taller rows (merged cells never grow by themselves)
        for lembar, akhir in _baris_terakhir(names).items():
            wb.paskan_tinggi(lembar, f"A1:{L.huruf_kolom(L.lebar_tabel(L.KOLOM_EVALUASI) - 1)}{akhir}")


def _baris_terakhir(names: Mapping[str, Ref]) -> dict[str, int]:
    """Last row (1-based) that a computed name reaches, per evaluation or dokumen sheet."""
    hasil: dict[str, int] = {}
    for ref in names.values():
        if ref.sheet == L.LEMBAR_META or not (ref.sheet.startswith("EVALUASI") or ref.sheet.startswith("DOKUMEN")):
            continue
        r1 = L.urai_rentang(ref.ref)[2] + 1
        hasil[ref.sheet] = max(hasil.get(ref.sheet, 0), r1)
    return hasil


def _tanggal_panjang(d: date) -> str:
    """1 Januari 2026: the date as the SKP sheet shows it (and as the official format writes it)."""
    return f"{d.day} {_BULAN[d.month - 1].label} {d.year}"


_BULAN = daftar_periode(Periodisasi.BULANAN)


def _teks_periode(form: SkpForm, hp: HasilPeriode) -> str:
    awal, akhir = baca_tanggal(form.periode_awal), baca_tanggal(form.periode_akhir)
    if hp.periode.kode == AKHIR:
        rentang = f"{_tanggal_panjang(awal)} s.d. {_tanggal_panjang(akhir)}" if awal and akhir else "-"
        return f"PERIODE PENILAIAN: {rentang} (AKHIR)"
    ada = awal or akhir
    if ada is None:
        return f"PERIODE PENILAIAN: {hp.periode.label}"
    return (
        f"PERIODE PENILAIAN: {_tanggal_panjang(hp.periode.tanggal_awal(ada.year))} s.d. "
        f"{_tanggal_panjang(hp.periode.tanggal_akhir(ada.year))} ({hp.periode.label})"
    )
