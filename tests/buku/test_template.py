"""The XlsxWriter template builder: reproducible bytes, the committed artifacts, the contract in the file."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from skpxl.bangun.contoh import form_unit, manifest
from skpxl.bangun.semua import VARIAN, build_all
from skpxl.buku import layout as L
from skpxl.buku.adapters.calamine_reader import CalamineReader, baca_nama_terdefinisi
from skpxl.buku.adapters.memory import buku_kosong
from skpxl.buku.form_io import baca_form
from skpxl.buku.templat import build_bytes, build_template
from skpxl.core.enums import Periodisasi
from skpxl.core.models import IKI, RHK, SkpForm
from tests.bantu.templat_uji import CONTOH, ROOT, TEMPLATES, tanpa_sel

XLWINGS_XLSM = Path(__import__("xlwings").__file__).parent / "quickstart_standalone.xlsm"


@pytest.fixture(scope="module")
def baru(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of every artifact into an empty root."""
    root = tmp_path_factory.mktemp("build")
    build_all(root)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("pz", VARIAN)
def test_build_is_byte_reproducible(pz: Periodisasi) -> None:
    assert build_bytes(periodisasi=pz) == build_bytes(periodisasi=pz)


@pytest.mark.slow
def test_filled_and_macro_builds_are_reproducible() -> None:
    form = form_unit()[3][1]
    assert build_bytes(form=form) == build_bytes(form=form)
    vba = zipfile.ZipFile(XLWINGS_XLSM).read("xl/vbaProject.bin")
    a = build_bytes(vba_project=vba, buttons=True)
    assert a == build_bytes(vba_project=vba, buttons=True)
    z = zipfile.ZipFile(io.BytesIO(a))
    assert z.read("xl/vbaProject.bin") == vba
    assert "macroEnabled" in z.read("[Content_Types].xml").decode()
    vml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".vml"))
    assert vml.count("<x:FmlaMacro>[0]!Validasi</x:FmlaMacro>") == len(L.rancang().periode) + 1
    assert vml.count("<x:FmlaMacro>[0]!Hitung</x:FmlaMacro>") == len(L.rancang().periode) + 1
    wb = z.read("xl/workbook.xml").decode()
    assert 'codeName="ThisWorkbook"' in wb


@pytest.mark.slow
def test_committed_artifacts_equal_a_fresh_build(baru: Path) -> None:
    dibangun = sorted(p.relative_to(baru) for p in baru.rglob("*") if p.is_file())
    assert Path("workbook_templates/SKP_2026.xlsx") in dibangun
    assert len([p for p in dibangun if p.parent.name == "contoh" and p.suffix == ".xlsx"]) == 16
    basi = [str(p) for p in dibangun if (ROOT / p).read_bytes() != (baru / p).read_bytes()]
    assert not basi, f"stale artifacts (run `python -m skpxl.bangun`): {basi}"
    ada = sorted(p.relative_to(ROOT) for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in (".xlsx", ".json"))
    liar = set(ada) - set(dibangun)
    liar_contoh = {p for p in liar if p.parent.name == "contoh"}
    assert not liar_contoh, f"files in contoh/ that the generator does not make: {liar_contoh}"


def _nama_di_doc() -> dict[str, tuple[str, str]]:
    hasil: dict[str, tuple[str, str]] = {}
    for baris in (ROOT / "docs" / "layout.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([A-Z0-9_]+)` \| ([^|]+) \| `([A-Z0-9:]+)` \|", baris)
        if m:
            hasil[m.group(1)] = (m.group(2).strip(), m.group(3))
    return hasil


def test_every_documented_name_exists_where_layout_says() -> None:
    doc = _nama_di_doc()
    assert {"NIP_PEGAWAI", "RATING_HASIL_KERJA_TW1", "TABEL_EVALUASI", "PREDIKAT", "CAPAIAN_IKI_TW1"} <= set(doc)
    r = L.rancang(Periodisasi.TRIWULANAN)
    di_berkas = baca_nama_terdefinisi(TEMPLATES / "SKP_2026.xlsx")
    wb = openpyxl.load_workbook(TEMPLATES / "SKP_2026.xlsx")
    for n, (lembar, ref) in doc.items():
        assert (r.nama[n].lembar, r.nama[n].ref) == (lembar, ref), n
        assert (di_berkas[n].sheet, di_berkas[n].ref) == (lembar, ref), n
        assert wb.defined_names[n].attr_text == L.rujukan_excel(lembar, ref), n
        assert wb.defined_names[n].localSheetId is None


@pytest.mark.parametrize("pz", VARIAN)
def test_every_layout_name_is_in_the_committed_template(pz: Periodisasi) -> None:
    di_berkas = baca_nama_terdefinisi(TEMPLATES / L.nama_berkas_templat(pz))
    r = L.rancang(pz)
    assert {n: (x.sheet, x.ref) for n, x in di_berkas.items()} == {n: (x.lembar, x.ref) for n, x in r.nama.items()}
    with CalamineReader(TEMPLATES / L.nama_berkas_templat(pz)) as buku:
        assert list(buku.sheet_names()) == list(r.lembar)
        form = baca_form(buku)
    assert tanpa_sel(form) == tanpa_sel(baca_form(buku_kosong(pz)))
    assert form.template_id == L.TEMPLATE_ID and form.template_versi == L.TEMPLATE_VERSI
    assert [p.nilai_inti for p in form.perilaku][:2] == ["Berorientasi Pelayanan", "Akuntabel"]
    assert len(form.perilaku) == 7 and all(len(p.panduan) == 3 for p in form.perilaku)
    assert form.rhk == [] and form.evaluasi == {}


def _rgb(sel: object) -> str | None:
    fill = sel.fill  # type: ignore[attr-defined]
    if fill is None or fill.fill_type != "solid":
        return None
    return "#" + str(fill.fgColor.rgb)[-6:].upper()


def test_cells_look_and_lock_as_their_role() -> None:
    wb = openpyxl.load_workbook(TEMPLATES / "SKP_2026.xlsx")
    r = L.rancang()
    for lembar in r.lembar:
        ws = wb[lembar]
        assert ws.protection.sheet, lembar
        assert not ws.protection.password, lembar
    assert wb[L.LEMBAR_META].sheet_state == "hidden"
    assert wb[L.LEMBAR_SKP].protection.insertRows is False  # False = allowed in the OOXML sense
    for n in r.nama.values():
        if ":" in n.ref or n.peran in (L.Peran.META,):
            continue
        sel = wb[n.lembar][n.ref]
        if n.peran is L.Peran.ISIAN:
            assert sel.protection.locked is False, n.nama
            assert _rgb(sel) == L.WARNA_ISIAN, n.nama
        elif n.peran is L.Peran.HITUNG and n.lembar != L.LEMBAR_META:
            assert sel.protection.locked is not False, n.nama
            assert _rgb(sel) == L.WARNA_HITUNG, n.nama
    for n in ("NIP_PEGAWAI", "NIP_PENILAI", "NIP_ATASAN_PENILAI"):
        assert wb[L.LEMBAR_SKP][r.nama[n].ref].number_format == "@"
    assert "yyyy" in wb[L.LEMBAR_SKP][r.nama["PERIODE_AWAL"].ref].number_format
    # table bodies: input columns unlocked yellow, computed columns locked blue, mirrors locked
    ev = wb["EVALUASI TRIWULAN I"]
    e0, _, _, _ = L.urai_rentang(r.nama["TABEL_EVALUASI_TW1"].ref)
    baris = e0 + 3  # a body row that is not a section marker
    for c, k in enumerate(L.KOLOM_EVALUASI):
        sel = ev.cell(baris + 1, c + 1)
        assert (sel.protection.locked is False) == (k.peran is L.Peran.ISIAN), k.kunci
        if k.peran is L.Peran.CERMIN:
            assert "INDEX(TABEL_HASIL_KERJA,ROW()-ROW(INDEX(TABEL_EVALUASI_TW1,1,1))+1," in str(sel.value)
        assert ev.cell(e0 + 1, c + 1).value == k.judul
    skp = wb[L.LEMBAR_SKP]
    h0, _, _, _ = L.urai_rentang(r.nama["TABEL_HASIL_KERJA"].ref)
    assert skp.cell(h0 + 2, 1).value == L.PENANDA_UTAMA
    assert skp.cell(h0 + 3 + L.BARIS_UTAMA, 1).value == L.PENANDA_TAMBAHAN
    for c in range(len(L.KOLOM_HASIL_KERJA)):
        assert skp.cell(h0 + 3, c + 1).protection.locked is False


def test_dropdowns_for_every_closed_list() -> None:
    wb = openpyxl.load_workbook(TEMPLATES / "SKP_2026.xlsx")
    sumber: dict[str, set[str]] = {}
    for lembar in wb.sheetnames:
        for dv in wb[lembar].data_validations.dataValidation:
            if dv.type == "list":
                sumber.setdefault(dv.formula1.lstrip("="), set()).add(lembar)
    harus = {"DAFTAR_ASPEK", "DAFTAR_RATING", "DAFTAR_PREDIKAT", "DAFTAR_PREDIKAT_ORGANISASI", "DAFTAR_JENIS_JABATAN",
             "DAFTAR_JENJANG", "DAFTAR_PANGKAT", "DAFTAR_JENIS_RHK", "DAFTAR_ARAH", "DAFTAR_PENDEKATAN",
             "DAFTAR_PERIODISASI"}  # fmt: skip
    assert harus <= set(sumber)
    assert "EVALUASI AKHIR" in sumber["DAFTAR_RATING"]
    meta = wb[L.LEMBAR_META]
    r = L.rancang()
    for n, isi in L.DAFTAR.items():
        r0, c0, r1, _ = L.urai_rentang(r.nama[n].ref)
        assert [meta.cell(i + 1, c0 + 1).value for i in range(r0, r1 + 1)] == list(isi), n
    assert meta[r.nama["TEMPLATE_ID"].ref].value == L.TEMPLATE_ID
    assert meta[r.nama["PAKET_ATURAN_ID"].ref].value == "permenpanrb-6-2022"


@pytest.mark.slow
def test_print_setup_a4_and_f4() -> None:
    wb = openpyxl.load_workbook(TEMPLATES / "SKP_2026.xlsx")
    a4, f4 = wb[L.LEMBAR_DOKUMEN], wb[L.LEMBAR_DOKUMEN_F4]
    assert int(a4.page_setup.paperSize) == 9 and int(f4.page_setup.paperSize) == 14
    for ws in (a4, f4):
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight in (1, None)
        assert ws.print_area
    assert wb[L.LEMBAR_SKP].page_setup.orientation == "landscape"
    # the F4 copy shows the A4 sheet's computed cells by formula
    r = L.rancang()
    assert f4[r.nama["DOKUMEN_PREDIKAT"].ref].value == '=DOKUMEN_PREDIKAT&""'


def test_filled_workbook_caches_mirror_values_for_readers() -> None:
    nama, form = form_unit()[3]
    r = L.rancang()
    with CalamineReader(CONTOH / nama) as buku:
        e0, _, _, _ = L.urai_rentang(r.nama["TABEL_EVALUASI"].ref)
        blok = buku.read_block("EVALUASI AKHIR", L.rentang(e0 + 2, 0, e0 + 2, 4))
        nama_eval = buku.read_block("EVALUASI AKHIR", "C5")
    iki = form.rhk[0].iki[0]
    assert blok[0] == ["1", form.rhk[0].teks, iki.aspek, iki.teks, f"{iki.target} {iki.satuan}"]
    assert nama_eval == [[form.pegawai.nama]]


@pytest.mark.slow
def test_template_grows_to_fit_a_large_form(tmp_path: Path) -> None:
    form = SkpForm(rhk=[RHK(jenis="Utama", teks=f"RHK {i}", iki=[IKI(teks=f"IKI {i}.{j}") for j in range(3)])
                        for i in range(15)])  # fmt: skip
    p = build_template(tmp_path / "besar.xlsx", form=form)
    with CalamineReader(p) as buku:
        h0, _, h1, _ = L.urai_rentang(buku.names()["TABEL_HASIL_KERJA"].ref)
        assert h1 - h0 == 2 + 45 + L.BARIS_TAMBAHAN
        e0, _, e1, _ = L.urai_rentang(buku.names()["TABEL_EVALUASI_TW4"].ref)
        assert e1 - e0 == h1 - h0
        assert tanpa_sel(baca_form(buku))["rhk"] == tanpa_sel(form)["rhk"]  # type: ignore[index]
    p2 = build_template(tmp_path / "lebih.xlsx", baris_utama=40, baris_tambahan=15)
    h0, _, h1, _ = L.urai_rentang(baca_nama_terdefinisi(p2)["TABEL_HASIL_KERJA"].ref)
    assert h1 - h0 == 57


def test_manifest_in_repo_matches_generator() -> None:
    import json

    assert json.loads((CONTOH / "manifest.json").read_text(encoding="utf-8")) == manifest()


@pytest.mark.slow
def test_protection_can_be_left_off_for_macro_builds() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(build_bytes(protect=False)))
    assert not any(wb[s].protection.sheet for s in wb.sheetnames)
    assert wb[L.LEMBAR_META].sheet_state == "hidden"
