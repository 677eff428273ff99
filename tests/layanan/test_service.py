"""Service on real example workbooks: intended predikat, rendering, idempotence, highlights cleared."""

import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from skpxl.buku import layout as L
from skpxl.buku.adapters.memory import buku_kosong
from skpxl.buku.adapters.openpyxl_adapter import buka
from skpxl.buku.form_io import tulis_form
from skpxl.core.enums import Tingkat
from skpxl.layanan.service import hitung_buku, periksa, validasi_buku
from tests.bantu.formulir import form_bersih

CONTOH = Path(__file__).resolve().parents[2] / "workbook_templates" / "contoh"
MANIFEST = json.loads((CONTOH / "manifest.json").read_text(encoding="utf-8"))
WAKTU = datetime(2026, 12, 31, 9, 30)


@pytest.mark.parametrize("orang", MANIFEST["pegawai"], ids=lambda o: o["berkas"])
def test_example_unit_reproduces_intended_predikat(orang: dict[str, object]) -> None:
    lap = periksa(buka(CONTOH / str(orang["berkas"]), read_only=True), hitung_juga=True)
    assert lap.hasil is not None
    assert lap.jumlah_kesalahan == 0, [t.pesan for t in lap.temuan if t.tingkat is Tingkat.ERROR]
    akhir = lap.hasil.periode["AKHIR"]
    assert akhir.predikat is not None and akhir.predikat.value == orang["predikat_akhir"]
    for kode, harap in dict(orang["periode"]).items():  # type: ignore[call-overload]
        hp = lap.hasil.periode[kode]
        assert hp.predikat is not None and hp.predikat.value == harap["predikat"], kode
        assert hp.usulan is not None and hp.usulan.rating.value == harap["rating_hasil_kerja_usulan"], kode
        if "kategori_rhk" in harap:
            assert [None if r.kategori is None else r.kategori.value for r in hp.rhk] == harap["kategori_rhk"], kode


def test_example_unit_covers_every_predikat() -> None:
    assert set(MANIFEST["jumlah_predikat_akhir"]) == {
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    }


def test_hitung_writes_computed_cells_and_dokumen() -> None:
    wb = buku_kosong()
    tulis_form(wb, form_bersih())
    lap = hitung_buku(wb, waktu=WAKTU)
    names = wb.names()

    def value(n: str) -> object:
        ref = names[n]
        return wb.read_block(ref.sheet, ref.ref.split(":")[0])[0][0]

    assert value("PREDIKAT") == "Sangat Baik"
    assert value("RATING_HASIL_KERJA_USULAN") == "Di Atas Ekspektasi"
    assert value("ANGKA_KREDIT") == 18.75
    assert "→ Sangat Baik" in str(value("PENJELASAN_PREDIKAT"))
    assert value("DOKUMEN_PREDIKAT") == "Sangat Baik"
    assert value("DOKUMEN_PREDIKAT_ORGANISASI") == "Baik"
    assert value("DOKUMEN_PERIODE") == "PERIODE PENILAIAN: 1 Januari 2026 s.d. 31 Desember 2026 (AKHIR)"
    assert value("HITUNG_PAKET_ATURAN") == "permenpanrb-6-2022 v1.0.0"
    assert value("HITUNG_WAKTU") == "31/12/2026 09:30:00"
    # per-IKI capaian in the AKHIR evaluation table, aligned with the HASIL KERJA rows
    cap = names["CAPAIAN_IKI"]
    col = wb.read_block(cap.sheet, cap.ref)
    values = [row[0] for row in col[1:] if row[0] is not None]
    assert values == [125.0, 110.0, 108.33, 102.22, 120.0]
    assert lap.kalimat().startswith("Hitung selesai: predikat akhir Sangat Baik")


def test_hasil_validasi_sheet_links_and_highlights_then_clears() -> None:
    wb = buku_kosong()
    form = form_bersih()
    form.pegawai.nip = "12345"
    tulis_form(wb, form)
    lap = validasi_buku(wb, waktu=WAKTU)
    (t,) = [x for x in lap.temuan if x.kode == "NIP_PANJANG"]
    nip = wb.names()["NIP_PEGAWAI"]
    assert (t.lembar, t.sel) == (nip.sheet, nip.ref)
    rows = wb.read_block(L.LEMBAR_HASIL_VALIDASI, "A6:G6")
    assert rows[0][2:5] == ["NIP_PANJANG", nip.sheet, nip.ref]
    r, c = L.urai_sel(nip.ref)
    assert wb.fills(nip.sheet)[(r, c)] == L.WARNA_TEMUAN[Tingkat.ERROR]
    # fixed → next run clears the mark and the list
    wb.write_block(nip.sheet, nip.ref, [["199203152019032001"]])
    lap2 = validasi_buku(wb, waktu=WAKTU)
    assert not [x for x in lap2.temuan if x.tingkat is not Tingkat.INFO]
    assert wb.fills(nip.sheet)[(r, c)] == L.WARNA_ISIAN
    assert wb.read_block(L.LEMBAR_HASIL_VALIDASI, "A6:G6") == [[None] * 7]


def _snapshot(path: Path) -> list[tuple[str, str, object, object]]:
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None
                if cell.value is not None or fill:
                    out.append((ws.title, cell.coordinate, cell.value, fill))
    return out


@pytest.mark.slow
def test_hitung_twice_gives_the_same_workbook(tmp_path: Path) -> None:
    src = tmp_path / "skp.xlsx"
    shutil.copy(CONTOH / "05_siti_rahmawati.xlsx", src)
    snaps = []
    for _ in range(2):
        wb = buka(src)
        hitung_buku(wb, waktu=WAKTU)
        wb.save(src)
        snaps.append(_snapshot(src))
    assert snaps[0] == snaps[1]
    assert len(snaps[0]) > 100


def test_unknown_period_is_input_error() -> None:
    wb = buku_kosong()
    tulis_form(wb, form_bersih())
    with pytest.raises(ValueError, match="Periode 'TW9' tidak dikenal"):
        hitung_buku(wb, periode="TW9")


def test_selected_period_goes_to_dokumen() -> None:
    wb = buku_kosong()
    tulis_form(wb, form_bersih())
    lap = hitung_buku(wb, periode="tw1", waktu=WAKTU)
    assert lap.hasil is not None and list(lap.hasil.periode) == ["TW1", "AKHIR"]
    ref = wb.names()["DOKUMEN_PERIODE"]
    periode = "PERIODE PENILAIAN: 1 Januari 2026 s.d. 31 Maret 2026 (Triwulan I)"
    assert wb.read_block(ref.sheet, ref.ref)[0][0] == periode
    ak = wb.names()["ANGKA_KREDIT_TW1"]
    assert Decimal(str(wb.read_block(ak.sheet, ak.ref)[0][0])) == Decimal("2.34")


def test_a_finding_about_a_whole_table_is_linked_not_painted() -> None:
    wb = buku_kosong()
    form = form_bersih()
    for r in form.rhk:
        r.jenis = "Tambahan"
    tulis_form(wb, form)
    lap = validasi_buku(wb, waktu=WAKTU)
    (t,) = [x for x in lap.temuan if x.kode == "RHK_UTAMA_TIDAK_ADA"]
    assert t.sel is not None and ":" in t.sel
    r0, c0, r1, c1 = L.urai_rentang(t.sel)
    fills = wb.fills(t.lembar or "")
    painted = [
        (r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if fills.get((r, c)) in L.WARNA_TEMUAN.values()
    ]
    assert painted == []


def test_hasil_validasi_is_laid_out_for_paper(tmp_path: Path) -> None:
    p = tmp_path / "kosong.xlsx"
    from skpxl.buku.templat import build_bytes

    p.write_bytes(build_bytes())
    wb = buka(p)
    lap = validasi_buku(wb, waktu=WAKTU)
    wb.save()
    ws = openpyxl.load_workbook(p)[L.LEMBAR_HASIL_VALIDASI]
    from skpxl.buku.render import BARIS_KEPALA_HV, LEBAR_HV

    assert [round(ws.column_dimensions[c].width) for c in "ABCDEFG"] == [round(w + 0.71) for w in LEBAR_HV]
    assert (
        ws.freeze_panes == f"A{BARIS_KEPALA_HV + 1}" and ws.print_title_rows == f"${BARIS_KEPALA_HV}:${BARIS_KEPALA_HV}"
    )
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    kepala = ws.cell(BARIS_KEPALA_HV, 7)
    assert kepala.value == "PESAN" and kepala.font.b and kepala.fill.fgColor.rgb == "FFD9D9D9"
    pesan = [ws.cell(BARIS_KEPALA_HV + 1 + i, 7) for i in range(len(lap.temuan))]
    assert all(c.alignment.wrap_text for c in pesan)
    from skpxl.buku.ukuran import TINGGI_BAKU, tinggi_baris

    panjang = [c for c in pesan if tinggi_baris(c.value, LEBAR_HV[6]) > TINGGI_BAKU]  # more than one line
    assert panjang and all(ws.row_dimensions[c.row].height >= tinggi_baris(c.value, LEBAR_HV[6]) for c in panjang)
