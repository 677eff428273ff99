"""Legacy templates (pp-46-2011, permenpanrb-8-2021): reproducible build, names, protection, lists, print setup."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from skpxl.core.nip import parse_nip
from skpxl.core.packs import info_paket
from skpxl.legacy.__main__ import main as legacy_main
from skpxl.legacy.contoh import CONTOH
from skpxl.legacy.layout import (
    LEMBAR_META,
    LEMBAR_SKP,
    META_KUNCI,
    TATA_LETAK,
    TataLetak,
    pisah_a1,
)
from skpxl.legacy.template import FOLDER_TEMPLATE, TANGGAL_DIBUAT, bangun, berkas_target

SEMUA = list(TATA_LETAK.values())
ID = [t.paket_id for t in SEMUA]


def _buka(isi: bytes, tmp_path: Path, nama: str = "t.xlsx") -> Any:
    p = tmp_path / nama
    p.write_bytes(isi)
    return openpyxl.load_workbook(p)


# ---------------------------------------------------------------------------------------------- reproducible


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_build_twice_gives_identical_bytes(tl: TataLetak) -> None:
    assert bangun(tl) == bangun(tl)
    assert bangun(tl, CONTOH[tl.paket_id]) == bangun(tl, CONTOH[tl.paket_id])
    assert bangun(tl) != bangun(tl, CONTOH[tl.paket_id])


def test_committed_files_equal_a_fresh_build() -> None:
    target = berkas_target()
    assert {p.name for p in target} == {
        "SKP_PP46_2011.xlsx",
        "SKP_PP46_2011_contoh.xlsx",
        "SKP_PERMENPANRB8_2021.xlsx",
        "SKP_PERMENPANRB8_2021_contoh.xlsx",
    }
    for path, isi in target.items():
        assert path.parent == FOLDER_TEMPLATE
        assert path.exists(), f"{path.name} belum dibangun: jalankan python -m skpxl.legacy"
        assert path.read_bytes() == isi, f"{path.name} berbeda dari hasil bangun: jalankan python -m skpxl.legacy"


def test_module_entry_rebuilds_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert legacy_main([str(tmp_path), "--periksa"]) == 1  # nothing built there yet
    assert legacy_main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in berkas_target(tmp_path))
    assert legacy_main([str(tmp_path), "--periksa"]) == 0
    assert legacy_main(["--periksa"]) == 0  # the committed folder
    assert "4/4 berkas sama" in capsys.readouterr().out


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_no_build_time_in_the_file(tl: TataLetak) -> None:
    import io

    with zipfile.ZipFile(io.BytesIO(bangun(tl))) as z:
        core = z.read("docProps/core.xml").decode()
        tanggal = {i.date_time for i in z.infolist()}
    stempel = TANGGAL_DIBUAT.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f'<dcterms:created xsi:type="dcterms:W3CDTF">{stempel}</dcterms:created>' in core
    assert f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stempel}</dcterms:modified>' in core
    assert tanggal == {(1980, 1, 1, 0, 0, 0)}


# ---------------------------------------------------------------------------------------------- contract


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_defined_names_point_where_the_layout_says(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    nama = {n.upper(): list(dn.destinations) for n, dn in wb.defined_names.items()}
    for s in tl.sel:
        assert nama[s.nama.upper()] == [(s.lembar, "$" + "$".join(_pisah(s.alamat)))], s.nama
    (lembar, rentang), *_ = nama[tl.tabel.nama]
    assert lembar == tl.tabel.lembar and rentang == tl.tabel.rujukan.split("!")[1]
    for k, nm in META_KUNCI.items():
        assert nama[nm][0][0] == LEMBAR_META, k
    assert "DAFTAR_PANGKAT" in nama
    # Names are unique and identity names follow the main template's contract style.
    assert len({s.nama for s in tl.sel}) == len(tl.sel)
    for n in ("NAMA_PEGAWAI", "NIP_PEGAWAI", "NIP_PENILAI", "UNIT_KERJA", "PERIODE_AWAL", "PERIODE_AKHIR"):
        assert n in nama


def _pisah(alamat: str) -> tuple[str, str]:
    r, _ = pisah_a1(alamat)
    return alamat[: -len(str(r))], str(r)


@pytest.mark.slow
@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_table_headers_and_sheets(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    assert wb.sheetnames == [ld.nama for ld in tl.lembar]
    assert wb.active.title == LEMBAR_SKP
    ws = wb[tl.tabel.lembar]
    baris_kolom = tl.tabel.baris_data_awal - 1
    for i, k in enumerate(tl.tabel.kolom, start=1):
        atas = ws.cell(tl.tabel.baris_awal, i).value
        assert k.judul in (ws.cell(baris_kolom, i).value, atas)


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_metadata_sheet_is_hidden_and_stamped(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    ws = wb[LEMBAR_META]
    assert ws.sheet_state == "hidden"
    isi = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 10)}
    info = info_paket(tl.paket_id)
    assert isi["PAKET_ATURAN_ID"] == info.id
    assert isi["PAKET_ATURAN_VERSI"] == info.versi
    assert isi["TEMPLATE_ID"] == tl.template_id
    assert isi["TEMPLATE_VERSI"] == tl.template_versi
    assert isi["HITUNG_PAKET_ATURAN"] in (None, "")  # filled by Hitung only
    assert info.stempel in wb[LEMBAR_SKP]["A2"].value


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_inputs_unlocked_and_yellow_results_locked_and_blue(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    for s in tl.sel:
        if s.kunci == "penjelasan":
            continue
        cell = wb[s.lembar][s.alamat]
        warna = cell.fill.fgColor.rgb
        if s.jenis == "input":
            assert not cell.protection.locked and warna == "FFFFF2CC", s.nama
        else:
            assert cell.protection.locked and warna == "FFDDEBF7", s.nama
    ws = wb[tl.tabel.lembar]
    r = tl.tabel.baris_data_awal
    for i, k in enumerate(tl.tabel.kolom, start=1):
        assert ws.cell(r, i).protection.locked is (k.jenis == "hasil"), k.kunci
        assert ws.cell(tl.tabel.baris_akhir, i).protection.locked is (k.jenis == "hasil"), k.kunci


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_dropdowns_for_closed_lists(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    daftar: dict[tuple[str, str], str] = {}
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list":
                for rentang in str(dv.sqref).split():
                    daftar[(ws.title, rentang.split(":")[0])] = dv.formula1
    for s in tl.sel_input:
        if s.tipe == "ya_tidak":
            assert daftar[(s.lembar, s.alamat)] == '"Ya,Tidak"', s.nama
        if s.daftar:
            assert daftar[(s.lembar, s.alamat)] == s.daftar, s.nama
    for k in tl.tabel.kolom:
        if k.pilihan:
            kolom = _kolom(tl, k.kunci)
            assert daftar[(tl.tabel.lembar, f"{kolom}{tl.tabel.baris_data_awal}")] == '"' + ",".join(k.pilihan) + '"'


def _kolom(tl: TataLetak, kunci: str) -> str:
    from skpxl.legacy.layout import indeks_ke_kolom

    return indeks_ke_kolom(tl.tabel.indeks(kunci))


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_a4_print_setup(tl: TataLetak, tmp_path: Path) -> None:
    wb = _buka(bangun(tl), tmp_path)
    for ld in tl.lembar:
        ws = wb[ld.nama]
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.paperSize == 9, ld.nama
        assert ws.page_setup.orientation == ("landscape" if ld.mendatar else "portrait"), ld.nama
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ld.nama
        assert tl.stempel_paket in ws.oddFooter.left.text
    skp = wb[LEMBAR_SKP]
    assert skp.print_title_rows == f"${tl.tabel.baris_awal}:${tl.tabel.baris_data_awal - 1}"
    assert skp.print_area


@pytest.mark.parametrize("tl", SEMUA, ids=ID)
def test_examples_use_synthetic_people_with_valid_nips(tl: TataLetak) -> None:
    contoh = CONTOH[tl.paket_id]
    for k, v in contoh.sel.items():
        if k.startswith("nip_"):
            assert isinstance(v, str) and len(v) == 18
            assert parse_nip(v).jenis == "PNS"
    kunci_input = {s.kunci for s in tl.sel_input}
    assert set(contoh.sel) <= kunci_input
    for baris in contoh.baris:
        assert set(baris) <= {k.kunci for k in tl.tabel.kolom if k.jenis == "input"}
