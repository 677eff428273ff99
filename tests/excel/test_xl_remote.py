"""The Excel buttons end to end through the real xlwings API, without Excel: the remote engine.

Each test builds the JSON a remote-engine client sends from a filled example workbook
(``workbook_templates/contoh``), opens it with ``xw.Book(json=...)``, makes it the caller
(``set_mock_caller()``), clicks the button (``skpxl.xl.validasi()`` / ``hitung()``) and applies the
returned actions (``book.json()``) as a client would. The result is compared cell by cell with
the same service run through the openpyxl file adapter, and checked against the example unit's
manifest.

The remote engine is xlwings PRO (PolyForm Noncommercial 1.0.0 or commercial). These tests set
``XLWINGS_LICENSE_KEY=noncommercial`` for themselves only (``monkeypatch.setenv``); skpxl itself
never needs a key. If xlwings was imported earlier in the session without a key, the fixture
registers the remote engine afterwards (the registration stays for the session, harmlessly).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from skpxl.buku import layout as L
from skpxl.buku.adapters.base import Ref
from skpxl.buku.adapters.openpyxl_adapter import buka
from skpxl.buku.render import BARIS_KEPALA_HV
from skpxl.core.enums import Tingkat
from skpxl.excel.muatan import HasilAksi, ke_muatan, muatan_dari_berkas, terapkan_aksi
from skpxl.layanan.service import Laporan
from tests.bantu.jarak_jauh import WAKTU, bandingkan, rujukan

AKAR = Path(__file__).resolve().parents[2]
CONTOH = AKAR / "workbook_templates" / "contoh"
MANIFEST = json.loads((CONTOH / "manifest.json").read_text(encoding="utf-8")) if CONTOH.exists() else {}
BERKAS = sorted(CONTOH.glob("*.xlsx"))

pytestmark = pytest.mark.skipif(not BERKAS, reason="example unit not built")


def klik(xw: ModuleType, muatan: dict[str, Any], tombol: str) -> tuple[Any, HasilAksi]:
    """Open ``muatan`` as the caller, run the button, apply the returned actions."""
    import skpxl.xl

    book = xw.Book(json=copy.deepcopy(muatan))
    book.set_mock_caller()
    getattr(skpxl.xl, tombol)()
    return book, terapkan_aksi(muatan, book.json()["actions"])


def payload(path: Path, **kw: Any) -> dict[str, Any]:
    return muatan_dari_berkas(path, **kw)


# --------------------------------------------------------------------------- both buttons, every example


@pytest.mark.slow
@pytest.mark.parametrize("path", BERKAS, ids=lambda p: p.stem)
def test_hitung_menulis_sel_yang_sama_dengan_adapter_berkas(xw: ModuleType, path: Path) -> None:
    muatan = payload(path)
    _, hasil = klik(xw, muatan, "hitung")
    ref, lap = rujukan(path, "hitung")
    assert bandingkan(hasil, ref) > 1000
    # fills: the same cells end with the same colour
    for lembar, warna in ref.warna.items():
        assert {k: v for k, v in hasil.warna[lembar].items()} == warna, lembar
    assert set(hasil.warna) >= set(ref.warna)
    # the computed predikat is the example unit's one
    pegawai = next(p for p in MANIFEST["pegawai"] if p["berkas"] == path.name)
    names = ref.names()
    pred = names["PREDIKAT"]
    assert hasil.sel(pred.sheet, pred.ref.split(":")[0]) == pegawai["predikat_akhir"]
    dok = names["DOKUMEN_PREDIKAT"]
    assert hasil.sel(dok.sheet, dok.ref.split(":")[0]) == pegawai["predikat_akhir"]
    for kode, p in pegawai["periode"].items():
        ref_p = names[L.nama("PREDIKAT", kode)]
        assert hasil.sel(ref_p.sheet, ref_p.ref.split(":")[0]) == p["predikat"], kode
    # one sentence, the service's own, in a message box
    assert hasil.pesan == [
        (lap.kalimat(), "SKP – Hitung", "info" if lap.jumlah_kesalahan == 0 else "critical"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", BERKAS[:4], ids=lambda p: p.stem)
def test_validasi_menulis_sel_yang_sama_dengan_adapter_berkas(xw: ModuleType, path: Path) -> None:
    muatan = payload(path)
    _, hasil = klik(xw, muatan, "validasi")
    ref, lap = rujukan(path, "validasi")
    bandingkan(hasil, ref)
    hv = L.LEMBAR_HASIL_VALIDASI
    assert hasil.lembar[-1] == hv and hv not in [s["name"] for s in muatan["sheets"]]
    assert hasil.aktif == muatan["book"]["active_sheet_index"]  # the user stays where they were
    assert hasil.pesan == [(lap.kalimat(), "SKP – Validasi", "info")]


# --------------------------------------------------------------------------- findings: highlights and links


def _rusak(muatan: dict[str, Any], names: dict[str, Ref], isian: dict[str, str]) -> dict[str, Any]:
    """Overwrite named input cells in a payload (what a user typing wrong values would send)."""
    baru = copy.deepcopy(muatan)
    lembar = {s["name"]: s for s in baru["sheets"]}
    for nama, nilai in isian.items():
        ref = names[nama]
        r, c = L.urai_sel(ref.ref.split(":")[0])
        lembar[ref.sheet]["values"][r][c] = nilai
    return baru


@pytest.fixture
def salah(xw: ModuleType, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    """An example with a bad NIP and a missing name, as payload and as file."""
    asli = BERKAS[0]
    wb = buka(asli)
    isian = {"NIP_PEGAWAI": "12345", "NAMA_PEGAWAI": ""}
    for nama, nilai in isian.items():
        ref = wb.names()[nama]
        wb.write_block(ref.sheet, ref.ref.split(":")[0], [[nilai or None]])
    berkas = tmp_path / asli.name
    wb.save(berkas)
    return _rusak(payload(asli), dict(buka(asli).names()), isian), berkas


@pytest.mark.slow
def test_validasi_menandai_sel_dan_menautkan_temuan(xw: ModuleType, salah: tuple[dict[str, Any], Path]) -> None:
    muatan, berkas = salah
    _, hasil = klik(xw, muatan, "validasi")
    ref, lap = rujukan(berkas, "validasi")
    assert lap.jumlah_kesalahan >= 2
    bandingkan(hasil, ref, tanpa_rumus=True)
    names = ref.names()
    for nama in ("NIP_PEGAWAI", "NAMA_PEGAWAI"):
        r = names[nama]
        assert hasil.warna[r.sheet][L.urai_sel(r.ref.split(":")[0])] == L.WARNA_TEMUAN[Tingkat.ERROR]
    for lembar, warna in ref.warna.items():
        assert hasil.warna[lembar] == warna
    # every finding with a cell has a HYPERLINK to it, on the SEL column of its row
    hv = L.LEMBAR_HASIL_VALIDASI
    kol_sel = L.KOLOM_HASIL_VALIDASI.index("SEL")
    for i, t in enumerate(lap.temuan):
        kunci = (BARIS_KEPALA_HV + i, kol_sel)
        if t.lembar and t.sel:
            assert hasil.tautan[hv][kunci] == "#" + L.tautan_internal(t.lembar, t.sel)
            assert hasil.nilai[hv][kunci] == t.sel
    assert hasil.pesan[0][2] == "critical" and "kesalahan" in hasil.pesan[0][0]


@pytest.mark.slow
def test_klik_kedua_membersihkan_sorotan_lama(xw: ModuleType, salah: tuple[dict[str, Any], Path]) -> None:
    muatan, _ = salah
    _, pertama = klik(xw, muatan, "validasi")
    # the user fixes the NIP and the name, then clicks again: the client sends the book as it now is
    asli = buka(BERKAS[0])
    names = dict(asli.names())
    benar = {
        n: asli.read_block(names[n].sheet, names[n].ref.split(":")[0])[0][0] for n in ("NIP_PEGAWAI", "NAMA_PEGAWAI")
    }
    kedua_muatan = ke_muatan(pertama, muatan)
    kedua_muatan = _rusak(kedua_muatan, names, {k: str(v) for k, v in benar.items()})
    _, kedua = klik(xw, kedua_muatan, "validasi")
    for nama in ("NIP_PEGAWAI", "NAMA_PEGAWAI"):
        r = names[nama]
        assert kedua.warna[r.sheet][L.urai_sel(r.ref.split(":")[0])] == L.WARNA_ISIAN  # base colour back
    assert L.LEMBAR_HASIL_VALIDASI in kedua.lembar and kedua.lembar.count(L.LEMBAR_HASIL_VALIDASI) == 1
    assert "addSheet" not in kedua.dikenal  # the sheet exists now: refreshed, not added


@pytest.mark.slow
def test_klien_office_js_memberi_aksi_yang_sama(xw: ModuleType) -> None:
    path = BERKAS[1]
    _, a = klik(xw, payload(path), "hitung")
    _, b = klik(xw, payload(path, klien="Office.js"), "hitung")

    def tanpa_waktu(h: HasilAksi) -> dict[str, dict[tuple[int, int], Any]]:
        return {
            lembar: {k: v for k, v in isi.items() if not (isinstance(v, str) and WAKTU.match(v))}
            for lembar, isi in h.nilai.items()
        }

    assert tanpa_waktu(a) == tanpa_waktu(b) and a.warna == b.warna and a.tautan == b.tautan
    assert b.pesan == a.pesan


# --------------------------------------------------------------------------- what must never reach a civil servant


def _semua_teks(hasil: HasilAksi) -> list[str]:
    return [v for isi in hasil.nilai.values() for v in isi.values() if isinstance(v, str)] + [
        p for p, _, _ in hasil.pesan
    ]


def test_buku_bukan_skp_satu_kalimat_tanpa_lembar_baru(xw: ModuleType) -> None:
    muatan = {
        "client": "Microsoft Office Scripts",
        "version": xw.__version__,
        "book": {"name": "Anggaran.xlsx", "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": [{"name": "Sheet1", "values": [["Anggaran", 2026]], "pictures": [], "tables": []}],
    }
    _, hasil = klik(xw, muatan, "validasi")
    assert hasil.lembar == ["Sheet1"] and hasil.dikenal == {"alert"}
    [(pesan, judul, mode)] = hasil.pesan
    assert mode == "critical" and judul == "SKP – Validasi"
    assert "\n" not in pesan and pesan.endswith(".") and "Traceback" not in pesan


def test_galat_tak_terduga_rincian_di_hasil_validasi(xw: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    import skpxl.layanan.service

    def rusak(*a: object, **k: object) -> Laporan:
        raise RuntimeError("kolom\nhilang")

    monkeypatch.setattr(skpxl.layanan.service, "hitung_buku", rusak)
    _, hasil = klik(xw, payload(BERKAS[2]), "hitung")
    [(pesan, _, mode)] = hasil.pesan
    assert mode == "critical" and "Hasil Validasi" in pesan and "pengelola TI" in pesan
    hv = hasil.nilai[L.LEMBAR_HASIL_VALIDASI]
    label = {v: r for (r, c), v in hv.items() if c == 0 and isinstance(v, str)}
    assert hv[(label["Galat"], 1)] == "RuntimeError: kolom hilang"
    assert hv[(label["Lokasi"], 1)].startswith("skpxl/excel/tombol.py:")
    assert hv[(label["Jumlah temuan"], 1)] == 0
    assert not any("Traceback" in t or 'File "' in t for t in _semua_teks(hasil))


def test_tanpa_pemanggil_pesan_indonesia(xw: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    import skpxl.xl

    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller
    with pytest.raises(RuntimeError, match="tidak menemukan buku kerja"):
        skpxl.xl.validasi()
    # under RunPython (a process started by VBA): the sentence on stderr, exit code 1 → xlwings shows it
    monkeypatch.setattr(sys, "argv", ["-c", "--wb=SKP.xlsm", "--from_xl=1"])
    with pytest.raises(SystemExit) as keluar:
        skpxl.xl.hitung()
    assert keluar.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Hitung tidak dapat dijalankan" in err


@pytest.mark.slow
def test_kotak_pesan_gagal_kalimat_tetap_sampai(xw: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    from xlwings.pro import _xlremote

    import skpxl.xl

    def tidak_bisa(*a: object, **k: object) -> None:
        raise NotImplementedError("alert")

    monkeypatch.setattr(_xlremote.App, "alert", tidak_bisa)
    book = xw.Book(json=payload(BERKAS[0]))
    book.set_mock_caller()
    with pytest.raises(RuntimeError, match=r"^Validasi selesai"):
        skpxl.xl.validasi()


def test_lembar_dilindungi_pesan_jelas(xw: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    from xlwings.pro import _xlremote

    asli = _xlremote.Range.raw_value

    def tolak(self: Any, value: Any) -> None:
        if self.sheet.name != L.LEMBAR_HASIL_VALIDASI:
            raise RuntimeError("protected")
        asli.fset(self, value)

    monkeypatch.setattr(_xlremote.Range, "raw_value", property(asli.fget, tolak))
    _, hasil = klik(xw, payload(BERKAS[0]), "hitung")
    [(pesan, _, mode)] = hasil.pesan
    assert mode == "critical" and pesan.startswith("Excel menolak menulis ke lembar 'EVALUASI") and "Unprotect" in pesan


def test_klik_jarang_memanggil_gc_dan_ambangnya_pulih(xw: ModuleType) -> None:
    """During a click the cyclic collector runs rarely (a cold Validasi + Hitung at its default threshold ran it ~60
    times) and its threshold is the caller's again afterwards."""
    import gc

    import skpxl.xl

    koleksi: list[int] = []

    def catat(fase: str, _info: dict[str, int]) -> None:
        if fase == "start":
            koleksi.append(gc.get_threshold()[0])

    book = xw.Book(json=payload(BERKAS[0]))
    book.set_mock_caller()
    sebelum = gc.get_threshold()
    gc.callbacks.append(catat)
    try:
        skpxl.xl.hitung()
    finally:
        gc.callbacks.remove(catat)
    assert gc.get_threshold() == sebelum
    assert book.json()["actions"][-1]["func"] == "alert"
    assert len([k for k in koleksi if k == sebelum[0]]) <= 1, koleksi  # at most one, when the threshold is restored
