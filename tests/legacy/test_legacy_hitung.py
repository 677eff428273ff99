"""Legacy workbooks end to end: the filled examples reproduce the spec's values, messy input gives findings
(never a traceback), and the written-back workbook carries the results and the pack stamp."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from skpxl.core.enums import Tingkat
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid, SkpxlError
from skpxl.legacy import HasilLegacy, hitung_berkas, paket_dari_metadata, tulis_hasil
from skpxl.legacy.layout import LEMBAR_META, LEMBAR_PENJELASAN, TATA_LETAK, indeks_ke_kolom
from skpxl.legacy.template import FOLDER_TEMPLATE
from skpxl.legacy.temuan import KATALOG

D = Decimal
PP46, P8 = "pp-46-2011", "permenpanrb-8-2021"
CONTOH_PP46 = FOLDER_TEMPLATE / TATA_LETAK[PP46].nama_contoh
CONTOH_P8 = FOLDER_TEMPLATE / TATA_LETAK[P8].nama_contoh


def salin(
    tmp_path: Path,
    paket: str,
    *,
    sel: Mapping[str, object] | None = None,
    baris: Mapping[tuple[int, str], object] | None = None,
    ubah: Callable[[Any], None] | None = None,
    nama: str = "ubah.xlsx",
    kosong: bool = False,
) -> Path:
    """A copy of a filled example (or the empty template) with cells changed as a user would type them.

    ``baris`` keys are (0-based data row of the template, column key).
    """
    tl = TATA_LETAK[paket]
    wb = openpyxl.load_workbook(FOLDER_TEMPLATE / (tl.nama_berkas if kosong else tl.nama_contoh))
    for kunci, isi in (sel or {}).items():
        s = tl.satu_sel(kunci)
        wb[s.lembar][s.alamat].value = isi
    for (i, kunci), isi in (baris or {}).items():
        wb[tl.tabel.lembar].cell(tl.tabel.baris_data_awal + i, tl.tabel.indeks(kunci)).value = isi
    if ubah is not None:
        ubah(wb)
    p = tmp_path / nama
    wb.save(p)
    return p


def kode(hasil: HasilLegacy) -> list[str]:
    return [t.kode for t in hasil.temuan]


def satu(hasil: HasilLegacy, k: str) -> Any:
    cocok = [t for t in hasil.temuan if t.kode == k]
    assert len(cocok) == 1, (k, [(t.kode, t.alamat, t.pesan) for t in hasil.temuan])
    return cocok[0]


def sel_pp46(kunci: str, i: int) -> str:
    tl = TATA_LETAK[PP46]
    return f"{indeks_ke_kolom(tl.tabel.indeks(kunci))}{tl.tabel.baris_data_awal + i}"


# ---------------------------------------------------------------------------------------------- worked examples


def test_pp46_example_reproduces_85_50_baik_and_83_22() -> None:
    h = hitung_berkas(CONTOH_PP46)
    assert h.paket.id == PP46 and h.stempel == "pp-46-2011 v1.0.0"
    assert (h.template_id, h.template_versi) == ("SKP-LAMA-PP46-2011", "1.0.0")
    assert h.temuan == ()
    k1, k2, k3 = h.baris
    # The spec's kegiatan: (100 + 90 + 76 + 76)/4 = 85,50.
    assert dict(k1.nilai) == {
        "nilai_kuantitas": D("100.00"),
        "nilai_kualitas": D("90.00"),
        "nilai_waktu": D("76.00"),
        "nilai_biaya": D("76.00"),
        "penghitungan": D("342.00"),
        "nilai": D("85.50"),
    }
    # RW = 9,12 of TW = 12 is exactly 24% efficiency → the ≤ 24 branch → 100.
    assert k2.nilai["nilai_waktu"] == D("100.00") and k2.nilai["nilai_biaya"] is None
    assert k2.nilai["nilai"] == D("96.00")
    assert k3.nilai["nilai"] == D("75.00")
    assert [b.nomor for b in h.baris] == [1, 2, 3] and [b.baris for b in h.baris] == [24, 25, 26]
    assert h.total["nilai_skp"] == D("85.50") and h.total["sebutan_skp"] == "Baik"
    assert h.total["jumlah_perilaku"] == D("399.00") and h.total["nilai_perilaku"] == D("79.80")
    assert h.total["sebutan_disiplin"] == "Baik" and h.total["sebutan_kepemimpinan"] is None
    assert h.total["bagian_skp"] == D("51.30") and h.total["bagian_perilaku"] == D("31.92")
    assert (h.nilai, h.sebutan) == (D("83.22"), "Baik")
    assert h.total["paket"] == "pp-46-2011 v1.0.0"
    teks = {p.bagian: p for p in h.penjelasan}
    assert teks["Nilai capaian SKP"].teks == "Nilai capaian SKP = (85,50 + 96,00 + 75,00)/3 = 85,50 (Baik)."
    assert teks["Nilai capaian SKP"].sel == "SKP!T44"
    assert teks["Kegiatan 1"].teks.endswith("Nilai kegiatan = (100,00 + 90,00 + 76,00 + 76,00)/4 = 85,50.")
    assert "efisiensi = 100 − 9,12/12 × 100 = 24,00% (≤ 24%)" in teks["Kegiatan 2"].teks
    assert teks["Nilai prestasi kerja"].teks == (
        "Nilai prestasi kerja = 85,50 × 60% + 79,80 × 40% = 51,30 + 31,92 = 83,22 (Baik)."
    )
    assert h.penjelasan[0].bagian == "Paket aturan" and "pp-46-2011 v1.0.0" in h.penjelasan[0].teks


def test_p8_example_reproduces_109_and_88() -> None:
    h = hitung_berkas(CONTOH_P8)
    assert h.paket.id == P8 and h.temuan == ()
    i1, i2, i3 = h.baris
    assert dict(i1.nilai) == {"capaian": D("100.00"), "capaian_dinilai": D("100.00"), "nilai": D("109.00")}
    assert dict(i2.nilai) == {"capaian": D("97.89"), "capaian_dinilai": D("98.00"), "nilai": D("88.00")}
    assert dict(i3.nilai) == {"capaian": D("90.00"), "capaian_dinilai": D("90.00"), "nilai": D("80.00")}
    assert h.total["nilai_skp"] == D("92.33")
    assert (h.total["bobot_skp"], h.total["bobot_perilaku"]) == (D("0.7"), D("0.3"))
    assert (h.total["bagian_skp"], h.total["bagian_perilaku"]) == (D("64.63"), D("26.40"))
    assert (h.nilai, h.sebutan, h.total["predikat"]) == (D("91.03"), "Baik", "Baik")
    assert "93/95 × 100 = 97,89%, dibulatkan 98%" in (i2.penjelasan or "")
    assert "(2 − 11/10) × 100 = 90,00%" in (i3.penjelasan or "")


def test_p8_360_weighting_and_innovation(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, P8, sel={"penilaian_360": "Ya"}))
    assert (h.total["bobot_skp"], h.total["bobot_perilaku"]) == (D("0.6"), D("0.4"))
    assert (h.nilai, h.sebutan) == (D("90.60"), "Baik")  # 55,40 + 35,20
    tinggi = {(0, "realisasi"): 95, (1, "realisasi"): 105, (2, "realisasi"): 8}
    h = hitung_berkas(salin(tmp_path, P8, sel={"nilai_perilaku": 110}, baris=tinggi))
    assert [b.nilai["nilai"] for b in h.baris] == [D("120.00")] * 3
    assert (h.nilai, h.sebutan) == (D("117.00"), "Baik")
    assert "Sangat Baik memerlukan inovasi" in h.penjelasan[-1].teks
    h = hitung_berkas(salin(tmp_path, P8, sel={"nilai_perilaku": 110, "inovasi": "ya"}, baris=tinggi))
    assert h.sebutan == "Sangat Baik"


def test_pp46_structural_post_uses_six_aspects(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, sel={"struktural": "Ya", "perilaku_kepemimpinan": 85}))
    assert h.total["jumlah_perilaku"] == D("484.00") and h.total["nilai_perilaku"] == D("80.67")
    assert h.total["sebutan_kepemimpinan"] == "Baik"
    assert h.nilai == D("83.57")  # 51,30 + 32,27


# ---------------------------------------------------------------------------------------------- pack selection


def test_pack_comes_from_the_metadata_and_a_mismatch_is_an_error() -> None:
    assert hitung_berkas(CONTOH_PP46, PP46).nilai == D("83.22")
    with pytest.raises(InputTidakValid, match="dibuat untuk paket aturan 'permenpanrb-8-2021', bukan 'pp-46-2011'"):
        hitung_berkas(CONTOH_P8, PP46)
    with pytest.raises(InputTidakValid, match="Hitung --paket permenpanrb-8-2021"):
        hitung_berkas(CONTOH_P8, PP46)
    with pytest.raises(InputTidakValid, match="tidak dikenal"):
        hitung_berkas(CONTOH_P8, "pp-46-2012")
    with pytest.raises(InputTidakValid, match="tidak memakai format SKP lama"):
        hitung_berkas(CONTOH_P8, "permenpanrb-6-2022")


def test_pack_id_for_dispatching(tmp_path: Path) -> None:
    assert paket_dari_metadata(CONTOH_PP46) == PP46
    assert paket_dari_metadata(FOLDER_TEMPLATE / TATA_LETAK[P8].nama_berkas) == P8
    lain = tmp_path / "lain.xlsx"
    openpyxl.Workbook().save(lain)
    assert paket_dari_metadata(lain) is None
    assert paket_dari_metadata(salin(tmp_path, PP46, ubah=_tanpa_meta)) is None
    (tmp_path / "x.xlsx").write_bytes(b"bukan")
    with pytest.raises(BerkasTidakTerbaca):
        paket_dari_metadata(tmp_path / "x.xlsx")


def test_a_main_template_workbook_is_not_a_legacy_one(tmp_path: Path) -> None:
    def jadi_2022(wb: Any) -> None:
        wb[LEMBAR_META]["B3"].value = "permenpanrb-6-2022"

    p = salin(tmp_path, PP46, ubah=jadi_2022)
    assert paket_dari_metadata(p) == "permenpanrb-6-2022"
    with pytest.raises(BerkasTidakTerbaca, match="tidak berformat SKP lama"):
        hitung_berkas(p)
    with pytest.raises(InputTidakValid, match="tanpa --paket"):
        hitung_berkas(p, PP46)


def test_configuration_of_the_wrong_pack_is_refused() -> None:
    from skpxl.core.packs.pp_46_2011 import KonfigurasiPP46

    with pytest.raises(InputTidakValid, match="tidak berlaku untuk paket permenpanrb-8-2021"):
        hitung_berkas(CONTOH_P8, konfigurasi=KonfigurasiPP46())
    assert hitung_berkas(CONTOH_PP46, konfigurasi=KonfigurasiPP46(pembulatan_bertahap=False)).nilai == D("83.22")


def _tanpa_meta(wb: Any) -> None:
    del wb[LEMBAR_META]
    for n in [n for n in wb.defined_names if n.startswith(("TEMPLATE_", "PAKET_ATURAN_", "HITUNG_", "DAFTAR_"))]:
        del wb.defined_names[n]


def test_without_metadata_the_pack_is_given_or_recognised(tmp_path: Path) -> None:
    p = salin(tmp_path, PP46, ubah=_tanpa_meta)
    h = hitung_berkas(p)
    assert h.paket.id == PP46 and h.nilai == D("83.22") and h.template_id is None
    assert "ditebak dari tata letak" in satu(h, "META_TIDAK_ADA").pesan
    h = hitung_berkas(p, PP46)
    assert "sesuai pilihan --paket" in satu(h, "META_TIDAK_ADA").pesan
    with pytest.raises(BerkasTidakTerbaca, match=r"Tabel IKI .* tidak ditemukan"):
        hitung_berkas(p, P8)


def test_table_found_by_its_header_when_its_name_is_gone(tmp_path: Path) -> None:
    def hapus(wb: Any) -> None:
        del wb.defined_names["TABEL_KEGIATAN"]

    p = salin(tmp_path, PP46, ubah=hapus)
    h = hitung_berkas(p)
    assert h.nilai == D("83.22") and [b.baris for b in h.baris] == [24, 25, 26]
    out = tmp_path / "hasil.xlsx"
    tulis_hasil(p, out, h)
    ws = openpyxl.load_workbook(out)["SKP"]
    assert ws["T24"].value == 85.5
    assert (ws.max_row, ws.max_column) == (45, 20)  # searching the header created no stray cells


def test_a_row_inserted_inside_the_table_is_read(tmp_path: Path) -> None:
    """Emulates Excel: inserting row 25 moves everything below and grows the names that span it."""

    def sisipkan(wb: Any) -> None:
        ws = wb["SKP"]
        ws.insert_rows(25)
        for dn in list(wb.defined_names.values()):
            lembar, rentang = next(iter(dn.destinations))
            if lembar != "SKP":
                continue
            bagian = rentang.replace("$", "").split(":")
            baru = []
            for i, a in enumerate(bagian):
                r = int("".join(c for c in a if c.isdigit()))
                kolom = a.rstrip("0123456789")
                baru.append(f"${kolom}${r + 1 if r >= 25 or (i == 1 and r >= 24) else r}")
            dn.attr_text = f"'SKP'!{':'.join(baru)}"
        isi = {"kegiatan": "Kegiatan sisipan", "to": 2, "tk": 100, "tw": 6, "ro": 2, "rk": 100, "rw": 6}
        for k, v in isi.items():
            ws.cell(25, TATA_LETAK[PP46].tabel.indeks(k)).value = v

    h = hitung_berkas(salin(tmp_path, PP46, ubah=sisipkan))
    assert [b.baris for b in h.baris] == [24, 25, 26, 27]
    assert h.baris[1].nama == "Kegiatan sisipan" and h.baris[1].nilai["nilai"] == D("92.00")
    assert h.total["nilai_skp"] == D("87.13")  # (85,50 + 92,00 + 96,00 + 75,00)/4


# ---------------------------------------------------------------------------------------------- unusable files


def test_files_that_are_not_workbooks_get_one_sentence(tmp_path: Path) -> None:
    kasus = {
        "kosong.xlsx": b"",
        "teks.xlsx": b"ini bukan excel",
        "lama.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "potong.xlsx": CONTOH_PP46.read_bytes()[:3000],
    }
    for nama, isi in kasus.items():
        p = tmp_path / nama
        p.write_bytes(isi)
        with pytest.raises(BerkasTidakTerbaca) as e:
            hitung_berkas(p)
        assert nama in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(BerkasTidakTerbaca, match="tidak ditemukan"):
        hitung_berkas(tmp_path / "tidak-ada.xlsx")
    with pytest.raises(BerkasTidakTerbaca, match="folder"):
        hitung_berkas(tmp_path)
    lain = tmp_path / "lain.xlsx"
    openpyxl.Workbook().save(lain)
    with pytest.raises(BerkasTidakTerbaca, match="bukan formulir SKP lama"):
        hitung_berkas(lain)


# ---------------------------------------------------------------------------------------------- messy input


def test_numbers_typed_as_text_are_read_with_info_findings(tmp_path: Path) -> None:
    messy = {
        (0, "to"): "1",
        (0, "rk"): "90%",
        (0, "rw"): "12 bulan",
        (0, "tb"): "Rp 5.000.000",
        (0, "rb"): "Rp5.000.000,00",
        (1, "rw"): "9,12",
        (1, "tk"): " 100 ",
        (2, "tb"): "-",
    }
    h = hitung_berkas(salin(tmp_path, PP46, baris=messy))
    assert (h.total["nilai_skp"], h.nilai, h.sebutan) == (D("85.50"), D("83.22"), "Baik")
    assert not h.ada_kesalahan
    assert {t.tingkat for t in h.temuan} == {Tingkat.INFO}
    bulan = satu(h, "SATUAN_DI_SEL")
    assert (bulan.lembar, bulan.sel, bulan.nilai) == ("SKP", sel_pp46("rw", 0), "12 bulan")
    assert 'dibaca sebagai 12 dengan satuan "bulan"' in bulan.pesan
    assert kode(h).count("ANGKA_TEKS") == 6


def test_blank_rows_between_filled_ones_are_skipped(tmp_path: Path) -> None:
    def geser(wb: Any) -> None:
        ws = wb["SKP"]
        for c in range(1, 21):
            ws.cell(33, c).value = ws.cell(26, c).value
            ws.cell(26, c).value = None
        ws.cell(28, 2).value = "   "  # spaces only: still blank

    h = hitung_berkas(salin(tmp_path, PP46, ubah=geser))
    assert [(b.nomor, b.baris) for b in h.baris] == [(1, 24), (2, 25), (3, 33)]
    assert h.nilai == D("83.22") and h.temuan == ()


def test_percent_formatted_numbers_are_percent(tmp_path: Path) -> None:
    def persen(wb: Any) -> None:
        ws = wb["SKP"]
        tl = TATA_LETAK[P8]
        for i, (t, r) in enumerate(((D("0.85"), D("0.85")), (D("0.95"), D("0.93")))):
            for kunci, v in (("target", t), ("realisasi", r)):
                cell = ws.cell(tl.tabel.baris_data_awal + i, tl.tabel.indeks(kunci))
                cell.value = float(v)
                cell.number_format = "0%"

    h = hitung_berkas(salin(tmp_path, P8, ubah=persen))
    assert [b.nilai["nilai"] for b in h.baris] == [D("109.00"), D("88.00"), D("80.00")]
    assert kode(h).count("ANGKA_PERSEN") == 4 and not h.ada_kesalahan


def test_unreadable_values_become_findings_with_cells(tmp_path: Path) -> None:
    rusak = {
        (0, "rk"): "sembilan puluh",
        (1, "to"): 0,
        (2, "ro"): -3,
        (3, "kegiatan"): "Kegiatan tanpa realisasi",
        (3, "to"): 4,
        (3, "tk"): 100,
        (3, "tw"): datetime(2019, 12, 1),
        (3, "ro"): 4,
        (3, "rk"): 100,
        (3, "rw"): 12,
        (3, "tb"): 1000,
    }
    h = hitung_berkas(salin(tmp_path, PP46, baris=rusak))
    tidak_terbaca = {t.sel: t.nilai for t in h.temuan if t.kode == "ANGKA_TIDAK_TERBACA"}
    assert tidak_terbaca == {sel_pp46("rk", 0): "sembilan puluh", sel_pp46("tw", 3): "2019-12-01 00:00:00"}
    t = satu(h, "ANGKA_NOL")
    assert t.sel == sel_pp46("to", 1) and "Target output (TO) pada baris 25 (kegiatan ke-2) bernilai 0" in t.pesan
    t = satu(h, "ANGKA_NEGATIF")
    assert (t.sel, t.nilai) == (sel_pp46("ro", 2), "-3")
    assert satu(h, "ANGKA_KOSONG").sel == sel_pp46("rb", 3)  # a budget target needs its realisasi
    assert h.ada_kesalahan and not h.lengkap
    assert h.total["nilai_skp"] is None and h.nilai is None and h.sebutan is None
    assert [b.dihitung for b in h.baris] == [False, False, False, False]
    assert h.total["nilai_perilaku"] == D("79.80")  # what does not depend on the table is still computed
    assert "HASIL_TIDAK_DIHITUNG" in kode(h)
    json.dumps(h.ke_dict())


def test_text_in_two_number_cells_both_reported(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, baris={(0, "rk"): "sembilan puluh", (1, "rw"): "sebulan"}))
    cells = sorted(t.sel or "" for t in h.temuan if t.kode == "ANGKA_TIDAK_TERBACA")
    assert cells == sorted([sel_pp46("rk", 0), sel_pp46("rw", 1)])
    assert h.baris[2].dihitung and h.baris[2].nilai["nilai"] == D("75.00")


def test_formulas_and_excel_errors(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, baris={(0, "rk"): "=45*2", (1, "rk"): "#DIV/0!"}))
    rumus = satu(h, "RUMUS_TANPA_NILAI")
    assert (rumus.sel, rumus.nilai) == (sel_pp46("rk", 0), "=45*2")
    assert satu(h, "NILAI_GALAT").sel == sel_pp46("rk", 1)
    assert h.nilai is None


def test_kegiatan_not_done_may_leave_rk_and_rw_blank(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, baris={(2, "ro"): 0, (2, "rk"): None, (2, "rw"): None}))
    assert h.baris[2].nilai == {
        "nilai_kuantitas": D("0.00"),
        "nilai_kualitas": D("0.00"),
        "nilai_waktu": D("0.00"),
        "nilai_biaya": None,
        "penghitungan": D("0.00"),
        "nilai": D("0.00"),
    }
    assert h.temuan == ()


def test_rows_without_a_name_and_pack_refusals(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, baris={(1, "kegiatan"): None, (2, "rb"): 500}))
    assert satu(h, "BARIS_TANPA_NAMA").sel == sel_pp46("kegiatan", 1)
    ditolak = satu(h, "BARIS_DITOLAK")
    assert ditolak.sel == "A26:T26" and "target biaya (TB) kosong" in ditolak.pesan


@pytest.mark.slow
def test_perilaku_findings(tmp_path: Path) -> None:
    h = hitung_berkas(salin(tmp_path, PP46, sel={"perilaku_kepemimpinan": 80}))
    assert satu(h, "PERILAKU_DITOLAK").sel == "C13" and h.nilai is None
    h = hitung_berkas(salin(tmp_path, PP46, sel={"struktural": "Ya"}))
    assert "Kepemimpinan" in satu(h, "PERILAKU_KOSONG").pesan
    h = hitung_berkas(salin(tmp_path, PP46, sel={"perilaku_integritas": 105}))
    assert satu(h, "PERILAKU_DI_LUAR_RENTANG").sel == "C9"
    h = hitung_berkas(salin(tmp_path, PP46, sel={"struktural": None, "perilaku_kepemimpinan": 85}))
    assert "dianggap Ya" in satu(h, "YA_TIDAK_KOSONG").pesan and h.nilai == D("83.57")
    h = hitung_berkas(salin(tmp_path, PP46, sel={"struktural": "mungkin"}))
    assert "Dianggap Tidak" in satu(h, "YA_TIDAK").pesan and h.nilai == D("83.22")
    h = hitung_berkas(salin(tmp_path, P8, sel={"nilai_perilaku": 121}))
    assert "0–120" in satu(h, "PERILAKU_DI_LUAR_RENTANG").pesan and h.nilai is None
    assert h.total["nilai_skp"] == D("92.33")


@pytest.mark.slow
def test_p8_messy_rows(tmp_path: Path) -> None:
    messy = {
        (0, "rhk"): None,
        (0, "arah"): None,
        (1, "target"): "95%",
        (1, "realisasi"): "93 %",
        (2, "arah"): "turun",
    }
    h = hitung_berkas(salin(tmp_path, P8, baris=messy))
    assert satu(h, "RHK_KOSONG").sel == "B23"
    assert satu(h, "ARAH_KOSONG").tingkat is Tingkat.INFO
    assert satu(h, "ARAH_TIDAK_DIKENAL").sel == "F25"
    assert h.baris[1].nilai["nilai"] == D("88.00") and not h.baris[2].dihitung
    assert h.total["nilai_skp"] is None
    h = hitung_berkas(salin(tmp_path, P8, baris={(2, "target"): 0, (2, "realisasi"): 0}))
    assert h.baris[2].nilai["nilai"] == D("109.00")  # khusus, target 0 and nothing happened → 100%
    h = hitung_berkas(salin(tmp_path, P8, baris={(0, "target"): 0}))
    assert satu(h, "ANGKA_NOL").sel == "D23"


def test_identity_findings(tmp_path: Path) -> None:
    h = hitung_berkas(
        salin(
            tmp_path,
            PP46,
            sel={
                "nip_pegawai": 1.98503142010012e17,
                "pangkat_pegawai": "IIIb",
                "pangkat_penilai": "Kapten",
                "periode_awal": "2 Januari 2019",
                "periode_akhir": "31/12/2019",
                "nama_penilai": None,
            },
        )
    )
    assert "digit terakhirnya hilang" in satu(h, "NIP_TIDAK_VALID").pesan
    assert satu(h, "PANGKAT_TIDAK_DIKENAL").nilai == "Kapten"
    assert satu(h, "IDENTITAS_KOSONG").sel == "N9"
    assert h.identitas["periode_awal"] == "2019-01-02" and h.identitas["periode_akhir"] == "2019-12-31"
    assert h.nilai == D("83.22")  # identity warnings do not block the computation
    h = hitung_berkas(salin(tmp_path, PP46, sel={"periode_awal": datetime(2021, 1, 1)}))
    assert "PERIODE_TERBALIK" in kode(h)
    assert "di luar masa berlaku paket pp-46-2011 (2014–2020)" in satu(h, "PERIODE_DI_LUAR_MASA").pesan


def test_empty_template_gives_findings_and_no_result() -> None:
    h = hitung_berkas(FOLDER_TEMPLATE / TATA_LETAK[PP46].nama_berkas)
    assert "TABEL_KOSONG" in kode(h) and kode(h).count("PERILAKU_KOSONG") == 5
    assert h.baris == () and h.nilai is None and h.total["paket"] == "pp-46-2011 v1.0.0"


# ---------------------------------------------------------------------------------------------- write back


def _nilai_bernama(wb: Any, nama: str) -> Any:
    lembar, rentang = next(iter(wb.defined_names[nama].destinations))
    return wb[lembar][rentang.replace("$", "").split(":")[0]].value


@pytest.mark.slow
def test_written_back_workbook_holds_results_and_stamp(tmp_path: Path) -> None:
    h = hitung_berkas(CONTOH_PP46)
    out = tmp_path / "hasil.xlsx"
    tulis_hasil(CONTOH_PP46, out, h)
    wb = openpyxl.load_workbook(out)
    ws = wb["SKP"]
    assert [ws[f"T{r}"].value for r in (24, 25, 26, 27)] == [85.5, 96, 75, None]
    assert [ws[f"A{r}"].value for r in (24, 25, 26, 27)] == [1, 2, 3, None]
    assert ws["S24"].value == 342 and ws["R25"].value is None and ws["Q25"].value == 100
    assert _nilai_bernama(wb, "NILAI_SKP") == 85.5 and _nilai_bernama(wb, "SEBUTAN_SKP") == "Baik"
    assert _nilai_bernama(wb, "NILAI_PRESTASI_KERJA") == 83.22
    assert _nilai_bernama(wb, "SEBUTAN_PRESTASI_KERJA") == "Baik"
    assert _nilai_bernama(wb, "PAKET_ATURAN") == "pp-46-2011 v1.0.0"
    assert _nilai_bernama(wb, "HITUNG_PAKET_ATURAN") == "pp-46-2011 v1.0.0"
    assert _nilai_bernama(wb, "PAKET_ATURAN_ID") == PP46
    pj = wb[LEMBAR_PENJELASAN]
    baris = [(pj.cell(r, 1).value, pj.cell(r, 2).value, pj.cell(r, 3).value) for r in range(4, 4 + 8)]
    assert baris[0][0] == "Paket aturan"
    assert baris[1][:2] == ("Kegiatan 1", "SKP!T24") and pj.cell(5, 2).hyperlink.location == "'SKP'!T24"
    assert baris[-1] == ("TEMUAN", None, "Tidak ada temuan.")
    # The template's protection, dropdowns and hidden metadata survive.
    assert ws.protection.sheet and wb["Penilaian"].data_validations.dataValidation
    assert wb[LEMBAR_META].sheet_state == "hidden"
    # Reading the written workbook gives the same results; writing again changes nothing.
    h2 = hitung_berkas(out)
    assert h2.ke_dict() | {"berkas": None} == h.ke_dict() | {"berkas": None}
    out2 = tmp_path / "hasil2.xlsx"
    tulis_hasil(out, out2, h2)
    assert _isi(out) == _isi(out2)


def _isi(p: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(p)
    return {ws.title: [tuple(c.value for c in r) for r in ws.iter_rows()] for ws in wb.worksheets}


def test_write_back_p8_and_findings_listed(tmp_path: Path) -> None:
    p = salin(tmp_path, P8, baris={(1, "realisasi"): "93 berkas"})
    h = hitung_berkas(p)
    out = tmp_path / "hasil.xlsx"
    tulis_hasil(p, out, h)
    wb = openpyxl.load_workbook(out)
    assert [wb["SKP"][f"J{r}"].value for r in (23, 24, 25)] == [109, 88, 80]
    assert wb["SKP"]["I24"].value == 98 and wb["SKP"]["H24"].value == 97.89
    assert _nilai_bernama(wb, "BOBOT_SKP") == 0.7 and _nilai_bernama(wb, "PREDIKAT") == "Baik"
    pj = wb[LEMBAR_PENJELASAN]
    teks = [pj.cell(r, 3).value for r in range(4, pj.max_row + 1)]
    assert "1 temuan" in teks and any('dengan satuan "berkas"' in (t or "") for t in teks)


@pytest.mark.slow
def test_write_back_clears_stale_results(tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    tulis_hasil(CONTOH_PP46, out, hitung_berkas(CONTOH_PP46))
    wb = openpyxl.load_workbook(out)
    wb["SKP"]["L24"].value = "sembilan puluh"
    for c in range(1, 15):
        wb["SKP"].cell(26, c).value = None
    wb.save(out)
    h = hitung_berkas(out)
    tulis_hasil(out, out, h)
    wb = openpyxl.load_workbook(out)
    assert [wb["SKP"][f"T{r}"].value for r in (24, 25, 26)] == [None, 96, None]
    assert [wb["SKP"][f"A{r}"].value for r in (24, 25, 26)] == [1, 2, None]
    assert _nilai_bernama(wb, "NILAI_SKP") is None and _nilai_bernama(wb, "NILAI_PRESTASI_KERJA") is None
    pj = wb[LEMBAR_PENJELASAN]
    semua = [pj.cell(r, 3).value for r in range(4, pj.max_row + 1)]
    assert not any("Nilai capaian SKP =" in (t or "") for t in semua)  # old explanations are gone


def test_write_back_refuses_another_pack(tmp_path: Path) -> None:
    with pytest.raises(InputTidakValid, match="tidak dapat ditulis"):
        tulis_hasil(CONTOH_P8, tmp_path / "x.xlsx", hitung_berkas(CONTOH_PP46))


@pytest.mark.slow
def test_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    """A kegiatan typed as text '=HYPERLINK(...)' is read as text and nothing written back is a formula."""

    def teks_sama_dengan(wb: Any) -> None:
        cell = wb["SKP"]["B24"]
        cell.value = '=HYPERLINK("http://contoh.invalid")'
        cell.data_type = "s"

    p = salin(tmp_path, PP46, ubah=teks_sama_dengan)
    h = hitung_berkas(p)
    assert h.baris[0].nama == '=HYPERLINK("http://contoh.invalid")' and h.nilai == D("83.22")
    out = tmp_path / "hasil.xlsx"
    tulis_hasil(p, out, h)
    wb = openpyxl.load_workbook(out)
    rumus = [
        (ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert rumus == []


def test_ke_dict_is_json_and_stamped() -> None:
    d = hitung_berkas(CONTOH_P8).ke_dict()
    teks = json.dumps(d, ensure_ascii=False)
    assert d["paket"] == {
        "id": P8,
        "versi": "1.0.0",
        "judul": "Penilaian Kinerja PNS (SKP 2021)",
        "stempel": "permenpanrb-8-2021 v1.0.0",
    }
    assert d["nilai"] == "91.03" and d["sebutan"] == "Baik" and d["lengkap"] is True
    assert d["baris"][1]["nilai"] == {"capaian": "97.89", "capaian_dinilai": "98.00", "nilai": "88.00"}
    assert d["total"]["bobot_skp"] == "0.7" and d["template"]["id"] == "SKP-LAMA-PERMENPANRB8-2021"
    assert d["identitas"]["nip_pegawai"] == "199001152015032001"
    assert "Sari Peraga" in teks


# ---------------------------------------------------------------------------------------------- property

NILAI_ACAK = st.one_of(
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(max_size=12),
    st.sampled_from(["1,5", "85%", "1.250", "12 bulan", "Rp 1.000", "-", "=1/0", "#REF!", "ya", "0", "1e400"]),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)
KOLOM_PP46 = [k.kunci for k in TATA_LETAK[PP46].tabel.kolom if k.jenis == "input"]
SEL_PP46 = [s.kunci for s in TATA_LETAK[PP46].sel_input]


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    baris=st.dictionaries(
        st.tuples(st.integers(min_value=0, max_value=5), st.sampled_from(KOLOM_PP46)), NILAI_ACAK, max_size=8
    ),
    sel=st.dictionaries(st.sampled_from(SEL_PP46), NILAI_ACAK, max_size=4),
)
def test_property_any_cell_content_gives_findings_never_a_traceback(
    tmp_path: Path, baris: dict[tuple[int, str], object], sel: dict[str, object]
) -> None:
    try:
        p = salin(tmp_path, PP46, baris=baris, sel=sel)
    except IllegalCharacterError:  # openpyxl refuses control characters: a workbook cannot hold them
        return
    try:
        h = hitung_berkas(p)
    except SkpxlError as e:  # only the pack/file level errors may be raised, each one Indonesian sentence
        assert "\n" not in str(e)
        return
    assert all(t.kode in KATALOG for t in h.temuan)
    assert (h.nilai is None) == (h.sebutan is None)
    if not h.ada_kesalahan:
        assert h.lengkap
    json.dumps(h.ke_dict())
    tulis_hasil(p, tmp_path / "keluar.xlsx", h)
