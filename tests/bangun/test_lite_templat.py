"""The xlwings Lite edition of the templates: the parts Lite reads, compared with a workbook Lite saved.

The fixture in ``data/xlwings_lite/`` holds the Office-written parts of a public workbook saved by xlwings Lite
(origin in its README). Each Lite template's web extension, task pane, relationships, content types and sheet
buttons are compared with it element by element; ``main.py`` and ``requirements.txt`` are decoded back and
checked; every shape's hyperlink must name the cell under it and match its script's ``button=`` string.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree as ET

import openpyxl
import pytest

from skpxl.bangun.lite import BARIS_WAJIB_LITE, bangun_lite, kode_main, nama_berkas_lite
from skpxl.bangun.semua import VARIAN
from skpxl.buku import layout as L
from skpxl.core.enums import Periodisasi
from skpxl.core.versi import __version__
from skpxl.excel.lite import lembar_dibaca
from tests.bantu.templat_uji import TEMPLATES

FIXTURE = Path(__file__).parent / "data" / "xlwings_lite"
NS = {
    "we": "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
    "wetp": "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
WEBEXT = "xl/webextensions/webextension1.xml"
TASKPANES = "xl/webextensions/taskpanes.xml"
TASKPANES_RELS = "xl/webextensions/_rels/taskpanes.xml.rels"
LAYAR_LAPTOP = 1366  # pixels across a common office laptop screen at 100 %
KEPALA_DAN_GULIR = 50  # row headers and the vertical scroll bar


def _q(tag: str) -> str:
    awalan, nama = tag.split(":")
    return f"{{{NS[awalan]}}}{nama}"


def _fixture(part: str) -> ET.Element:
    return ET.fromstring((FIXTURE / part).read_bytes())


@pytest.fixture(scope="module", params=VARIAN, ids=lambda pz: pz.value.lower())
def lite(request: pytest.FixtureRequest) -> tuple[Periodisasi, dict[str, bytes]]:
    pz: Periodisasi = request.param
    with zipfile.ZipFile(TEMPLATES / nama_berkas_lite(pz)) as z:
        return pz, {n: z.read(n) for n in z.namelist()}


def _properti(e: ET.Element) -> dict[str, str]:
    return {p.get("name", ""): p.get("value", "") for p in e.iter(_q("we:property"))}


def _struktur(e: ET.Element) -> list[Any]:
    """Tag, attribute names and children, recursively (values left to the tests that care)."""
    return [e.tag, sorted(e.attrib), [_struktur(c) for c in e]]


# --------------------------------------------------------------------------- committed = built, reproducible


@pytest.mark.slow
@pytest.mark.parametrize("pz", VARIAN, ids=lambda pz: pz.value.lower())
def test_berkas_lite_sama_dengan_hasil_bangun(pz: Periodisasi) -> None:
    baru = bangun_lite(pz)
    assert baru == bangun_lite(pz)
    assert (TEMPLATES / nama_berkas_lite(pz)).read_bytes() == baru, "jalankan python -m skpxl.bangun"


@pytest.mark.slow
def test_isi_sama_dengan_templat_biasa(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    """The Lite edition is the variant's template: same sheets, names and cell contents."""
    pz, isi = lite
    a = openpyxl.load_workbook(io.BytesIO(_zip(isi)))
    b = openpyxl.load_workbook(TEMPLATES / L.nama_berkas_templat(pz))
    assert a.sheetnames == b.sheetnames
    assert sorted(a.defined_names) == sorted(b.defined_names)
    for ws in a.worksheets:
        assert [[c.value for c in r] for r in ws.iter_rows()] == [[c.value for c in r] for r in b[ws.title].iter_rows()]


def _zip(isi: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, d in isi.items():
            z.writestr(n, d)
    return out.getvalue()


# --------------------------------------------------------------------------- the web extension, as Lite saves it


def test_webextension_sama_dengan_buatan_lite(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    _, isi = lite
    kita, asli = ET.fromstring(isi[WEBEXT]), _fixture(WEBEXT)
    assert kita.tag == asli.tag and sorted(kita.attrib) == sorted(asli.attrib)
    assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", kita.get("id", ""))
    assert [c.tag for c in kita] == [c.tag for c in asli]  # reference, alternateReferences, properties, ...
    ref_k, ref_a = kita.find("we:reference", NS), asli.find("we:reference", NS)
    assert ref_k is not None and ref_a is not None
    assert {k: v for k, v in ref_k.attrib.items() if k != "store"} == {
        k: v for k, v in ref_a.attrib.items() if k != "store"
    }  # the store's locale is the saving user's (en-IN there)
    for tag in ("we:alternateReferences", "we:bindings", "we:snapshot", "we:extLst"):
        k, a = kita.find(tag, NS), asli.find(tag, NS)
        assert k is not None and a is not None
        assert ET.canonicalize(ET.tostring(k)) == ET.canonicalize(ET.tostring(a)), tag
    p_k, p_a = _properti(kita), _properti(asli)
    assert list(p_k)[: len(p_a)] == list(p_a)  # main.py, pyodideVersion, addinVersion, requirements.txt
    assert (
        list(p_k)[len(p_a) :] == ["Office.AutoShowTaskpaneWithDocument"]
        and p_k["Office.AutoShowTaskpaneWithDocument"] == "true"
    )
    for nama in ("pyodideVersion", "addinVersion"):
        assert p_k[nama] == p_a[nama]
    for nama in p_a:  # every Lite property is a JSON-encoded string
        assert isinstance(json.loads(p_k[nama]), str) and isinstance(json.loads(p_a[nama]), str)


def test_panel_tugas_terbuka_bersama_dokumen(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    _, isi = lite
    kita, asli = ET.fromstring(isi[TASKPANES]), _fixture(TASKPANES)
    assert _struktur(kita) == _struktur(asli)
    pane_k, pane_a = kita.find("wetp:taskpane", NS), asli.find("wetp:taskpane", NS)
    assert pane_k is not None and pane_a is not None
    assert pane_a.get("visibility") == "0" and pane_k.get("visibility") == "1"  # open with the document
    assert pane_k.get("dockstate") == pane_a.get("dockstate")
    assert ET.canonicalize(isi[TASKPANES_RELS].decode()) == ET.canonicalize((FIXTURE / TASKPANES_RELS).read_text())


def test_relasi_dan_jenis_isi_seperti_buatan_lite(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    _, isi = lite

    def rel(akar: ET.Element) -> set[tuple[str, str]]:
        return {(r.get("Type", ""), r.get("Target", "")) for r in akar.iter(_q("rel:Relationship"))}

    def ct(akar: ET.Element) -> dict[str, str]:
        return {o.get("PartName", ""): o.get("ContentType", "") for o in akar.iter(_q("ct:Override"))}

    lite_rel = {t for t in rel(_fixture("_rels/.rels")) if "webextension" in t[0]}
    assert lite_rel and lite_rel <= rel(ET.fromstring(isi["_rels/.rels"]))
    ct_asli, ct_kita = ct(_fixture("[Content_Types].xml")), ct(ET.fromstring(isi["[Content_Types].xml"]))
    for part in ("/" + TASKPANES, "/" + WEBEXT):
        assert ct_kita[part] == ct_asli[part]
    for part, jenis in ct_kita.items():
        if part.startswith("/xl/drawings/"):
            assert jenis == ct_asli["/xl/drawings/drawing1.xml"]
    assert all(n.lstrip("/") in isi for n in ct_kita)


# --------------------------------------------------------------------------- main.py and requirements.txt


def _main(isi: dict[str, bytes]) -> str:
    return str(json.loads(_properti(ET.fromstring(isi[WEBEXT]))["main.py"]))


def modul_main(kode: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    import xlwings
    import xlwings.server

    monkeypatch.setattr(xlwings, "script", xlwings.server.script)
    modul = ModuleType("main")
    exec(compile(kode, "main.py", "exec"), modul.__dict__)
    return modul


def test_main_py_terbaca_kembali(
    lite: tuple[Periodisasi, dict[str, bytes]], xw: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlwings.server import custom_scripts_meta

    pz, isi = lite
    kode = _main(isi)
    r = L.rancang(pz)
    assert kode == kode_main(r)
    assert kode.isascii() and len(kode.splitlines()) <= 36 + 2 * (len(r.periode) + 1) + 5 * len(L.tombol_lite(r))
    assert "from skpxl import lite" in kode
    skrip = {m["function_name"]: m for m in custom_scripts_meta(modul_main(kode, monkeypatch))}
    baca = ",".join(lembar_dibaca(tuple(L.lembar_evaluasi(p) for p in r.periode)))
    assert all(m["include"] == baca and m["show_taskpane"] for m in skrip.values())
    assert L.LEMBAR_DOKUMEN not in baca.split(",")
    tombol = {m["button"]: n for n, m in skrip.items() if m["button"]}
    assert len(tombol) == len(L.tombol_lite(r)) == 2 * (1 + len(r.periode))
    assert {n for n, m in skrip.items() if not m["button"]} == {"validasi", "hitung"}


def test_requirements_txt(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    _, isi = lite
    kita = str(json.loads(_properti(ET.fromstring(isi[WEBEXT]))["requirements.txt"])).splitlines()
    asli = str(json.loads(_properti(_fixture(WEBEXT))["requirements.txt"])).splitlines()
    wajib = [b for b in asli if b.endswith("# required")]
    assert kita[: len(wajib)] == wajib == list(BARIS_WAJIB_LITE)  # the lines Lite requires, first, as Lite has them
    assert kita[len(wajib) :] == [f"skpxl=={__version__}"]  # and skpxl at the version that built the form


# --------------------------------------------------------------------------- the sheet buttons


def _bagian_lembar(isi: dict[str, bytes]) -> dict[str, str]:
    wb = ET.fromstring(isi["xl/workbook.xml"])
    rels = {r.get("Id"): r.get("Target", "") for r in ET.fromstring(isi["xl/_rels/workbook.xml.rels"])}
    return {s.get("name", ""): "xl/" + rels[s.get(_q("r:id"))] for s in wb.iter(_q("s:sheet"))}


def _rels(isi: dict[str, bytes], part: str) -> dict[str, tuple[str, str]]:
    folder, nama = part.rsplit("/", 1)
    akar = ET.fromstring(isi[f"{folder}/_rels/{nama}.rels"])
    return {r.get("Id", ""): (r.get("Type", ""), r.get("Target", "")) for r in akar}


@pytest.mark.slow
def test_tombol_menaut_ke_sel_di_bawahnya(
    lite: tuple[Periodisasi, dict[str, bytes]], xw: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlwings.server import custom_scripts_meta

    pz, isi = lite
    skrip = custom_scripts_meta(modul_main(_main(isi), monkeypatch))
    button = {m["button"]: m["function_name"] for m in skrip if m["button"]}
    bagian = _bagian_lembar(isi)
    wb = openpyxl.load_workbook(io.BytesIO(_zip(isi)))
    pane = ET.fromstring(isi[TASKPANES]).find("wetp:taskpane", NS)
    assert pane is not None
    lebar_tampak = LAYAR_LAPTOP - int(pane.get("width", "0")) - KEPALA_DAN_GULIR
    dijumpai = set()
    r = L.rancang(pz)
    lembar_bertombol = [L.LEMBAR_SKP, *(L.lembar_evaluasi(p) for p in r.periode)]
    for lembar, part in bagian.items():
        rel = _rels(isi, part) if f"{part.rsplit('/', 1)[0]}/_rels/{part.rsplit('/', 1)[1]}.rels" in isi else {}
        gambar = [t for j, t in rel.values() if j.endswith("/drawing")]
        if lembar not in lembar_bertombol:
            assert not gambar, lembar
            continue
        [target] = gambar
        drawing = "xl/drawings/" + target.rsplit("/", 1)[1]
        akar = ET.fromstring(isi[drawing])
        tautan = _rels(isi, drawing)
        nama_bentuk = []
        for jangkar in akar:
            dari = jangkar.find("xdr:from", NS)
            assert dari is not None
            sel = L.sel(int(dari.findtext("xdr:row", "", NS)), int(dari.findtext("xdr:col", "", NS)))
            cnv = jangkar.find("xdr:sp/xdr:nvSpPr/xdr:cNvPr", NS)
            assert cnv is not None
            klik = cnv.find("a:hlinkClick", NS)
            assert klik is not None
            jenis, tujuan = tautan[klik.get(_q("r:id"), "")]
            assert jenis.endswith("/hyperlink") and tujuan == "#" + L.tautan_internal(lembar, sel)
            nama = cnv.get("name", "")
            nama_bentuk.append(nama)
            fungsi = button[f"[{nama}]{lembar}!{sel}"]  # the script Lite runs when this cell gets selected
            assert fungsi == f"{nama.lower()}_{'_'.join(lembar.lower().split())}"
            dijumpai.add(f"[{nama}]{lembar}!{sel}")
            assert wb[lembar][sel].value is None  # the cell under the shape holds nothing
            # on screen beside Lite's task pane without scrolling; not printed
            xfrm = jangkar.find("xdr:sp/xdr:spPr/a:xfrm", NS)
            assert xfrm is not None
            off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
            assert off is not None and ext is not None
            kanan = (int(off.get("x", "0")) + int(ext.get("cx", "0"))) / 9525
            bawah = (int(off.get("y", "0")) + int(ext.get("cy", "0"))) / 9525
            assert kanan <= lebar_tampak and bawah <= 40, (lembar, nama, kanan, bawah)
            data = jangkar.find("xdr:clientData", NS)
            assert data is not None and data.get("fPrintsWithSheet") == "0"
        assert nama_bentuk == ["Validasi", "Hitung"], lembar
        # sheet protection (if any) still lets those cells be selected
        lindung = ET.fromstring(isi[part]).find("s:sheetProtection", NS)
        assert lindung is None or lindung.get("selectLockedCells") not in ("1", "true")
    assert dijumpai == set(button)


def test_posisi_x_sesuai_lebar_kolom(lite: tuple[Periodisasi, dict[str, bytes]]) -> None:
    """The shapes' offsets agree with the column widths Excel reads from the file (B starts after A)."""
    _, isi = lite
    lembar = ET.fromstring(isi[_bagian_lembar(isi)[L.LEMBAR_SKP]])
    lebar_a = next(float(c.get("width", "0")) for c in lembar.iter(_q("s:col")) if c.get("min") == "1")
    akar = ET.fromstring(isi["xl/drawings/drawing1.xml"])
    off = akar.find("xdr:oneCellAnchor/xdr:sp/xdr:spPr/a:xfrm/a:off", NS)
    assert off is not None
    piksel = int((256 * lebar_a + 128 // 7) / 256 * 7)  # Excel's rule for a stored width, 7-pixel digits
    assert int(off.get("x", "0")) == piksel * 9525


def test_bentuk_tombol_seperti_buatan_excel() -> None:
    """The fixture's Lite buttons have the shape our writer produces: sp → nvSpPr → cNvPr(name) → hlinkClick."""
    asli = _fixture("xl/drawings/drawing1.xml")
    tautan = {r.get("Id"): r for r in _fixture("xl/drawings/_rels/drawing1.xml.rels")}
    tombol = [c for c in asli.iter(_q("xdr:cNvPr")) if c.find("a:hlinkClick", NS) is not None]
    assert [c.get("name") for c in tombol] == ["btn_tech", "btn_ai"]
    for c in tombol:
        klik = c.find("a:hlinkClick", NS)
        assert klik is not None
        r = tautan[klik.get(_q("r:id"))]
        assert r.get("Target", "").startswith("#MASTER!") and r.get("TargetMode") is None
