"""Issue 15: realisasi and target computed by Excel formulas carry float noise (``=0.1*34`` is stored as
3.4000000000000004, ``=5.1-1.7`` as 3.3999999999999995). Excel shows both as 3,4, so the capaian is
exactly 100% and every IKI is Sesuai Ekspektasi, through every way in: the CLI (openpyxl), the batch
(calamine) and the Excel button (the real xlwings API through the remote engine).

The workbook is an example unit's file whose every target and realisasi became such a formula, with the
cached value Excel would store (openpyxl writes formulas without one, so the value is put into the XML).
Before the fix each normal IKI read 100.0000000000000235…% → Di Atas and each khusus one 99.99…% → Di Bawah.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from skpxl.buku.adapters.openpyxl_adapter import buka
from skpxl.buku.form_io import baca_form
from skpxl.core.models import SkpForm

pytestmark = pytest.mark.slow  # real workbooks through three ways in

AKAR = Path(__file__).resolve().parents[2]
CONTOH = AKAR / "workbook_templates" / "contoh" / "05_siti_rahmawati.xlsx"

RUMUS_TARGET, NILAI_TARGET = "5.1-1.7", 5.1 - 1.7  # 3.3999999999999995
RUMUS_REALISASI, NILAI_REALISASI = "0.1*34", 0.1 * 34  # 3.4000000000000004
assert (repr(NILAI_TARGET), repr(NILAI_REALISASI)) == ("3.3999999999999995", "3.4000000000000004")


def _pisah(alamat: str) -> tuple[str, str]:
    lembar, sel = alamat.rsplit("!", 1)
    return lembar.strip("'"), sel.replace("$", "")


def _sel_hitung(form: SkpForm) -> list[tuple[str, str, str]]:
    """(kode periode, capaian cell, kategori cell) of every IKI evaluation with a realisasi."""
    hasil = []
    for rhk in form.rhk:
        for iki in rhk.iki:
            for kode, ev in iki.evaluasi.items():
                if ev.realisasi is not None and "capaian" in ev.sel:
                    hasil.append((kode, ev.sel["capaian"], ev.sel["kategori_iki"]))
    return hasil


def buat_buku(tujuan: Path) -> tuple[SkpForm, list[tuple[str, str, str]]]:
    """The example with every target and realisasi as a formula with float noise in its cached value."""
    shutil.copy(CONTOH, tujuan)
    form = baca_form(buka(CONTOH))
    wb = openpyxl.load_workbook(tujuan)
    n_target = n_realisasi = 0
    for rhk in form.rhk:
        for iki in rhk.iki:
            lembar, sel = _pisah(iki.sel["target"])
            wb[lembar][sel] = f"={RUMUS_TARGET}"
            n_target += 1
            for ev in iki.evaluasi.values():
                if ev.realisasi is not None:
                    lembar, sel = _pisah(ev.sel["realisasi"])
                    wb[lembar][sel] = f"={RUMUS_REALISASI}"
                    n_realisasi += 1
    assert n_target >= 4 and n_realisasi >= 8
    wb.save(tujuan)
    # Put Excel's cached values in: <f>0.1*34</f><v></v> → <f>0.1*34</f><v>3.4000000000000004</v>
    sementara = tujuan.with_suffix(".tmp")
    with zipfile.ZipFile(tujuan) as zin, zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                teks = data.decode("utf-8")
                for rumus, nilai in ((RUMUS_TARGET, NILAI_TARGET), (RUMUS_REALISASI, NILAI_REALISASI)):
                    teks = re.sub(
                        rf"(<f>{re.escape(rumus)}</f>)(?:<v\s*/>|<v>\s*</v>)?", rf"\g<1><v>{nilai!r}</v>", teks
                    )
                data = teks.encode("utf-8")
            zout.writestr(info, data)
    sementara.replace(tujuan)
    # the file really holds the noisy cached values
    cek = openpyxl.load_workbook(tujuan, data_only=True)
    lembar, sel = _pisah(form.rhk[0].iki[0].sel["target"])
    assert cek[lembar][sel].value == NILAI_TARGET
    return form, _sel_hitung(form)


@pytest.fixture
def buku(tmp_path: Path) -> tuple[Path, SkpForm, list[tuple[str, str, str]]]:
    p = tmp_path / "SKP derau rumus.xlsx"
    form, sel = buat_buku(p)
    return p, form, sel


def _jalankan(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_cli_hitung(buku: tuple[Path, SkpForm, list[tuple[str, str, str]]], tmp_path: Path) -> None:
    path, _, sel = buku
    r = _jalankan("hitung", path, "--json", "--tanpa-tulis")
    data = json.loads(r.stdout)
    periode = data["periode"].values()  # the JSON contract: results keyed by period code
    iki = [i for p in periode for i in p["iki"] if i["capaian"] is not None]
    assert len(iki) >= 8
    assert {(i["capaian"], i["kategori"]) for i in iki} == {("100.00", "Sesuai Ekspektasi")}
    assert {p["usulan_rating_hasil_kerja"] for p in periode if p["iki"]} <= {"Sesuai Ekspektasi", None}
    # and the workbook Hitung writes shows exactly 100 and Sesuai in every IKI's cells
    keluaran = tmp_path / "hasil.xlsx"
    r = _jalankan("hitung", path, "-o", keluaran)
    assert r.returncode in (0, 1), r.stdout + r.stderr
    wb = openpyxl.load_workbook(keluaran, data_only=True)
    for _, capaian, kategori in sel:
        (lc, sc), (lk, sk) = _pisah(capaian), _pisah(kategori)
        assert (wb[lc][sc].value, wb[lk][sk].value) == (100, "Sesuai Ekspektasi"), capaian


def test_batch(buku: tuple[Path, SkpForm, list[tuple[str, str, str]]]) -> None:
    from skpxl.batch.langkah import proses_berkas

    path, _, _ = buku
    h = proses_berkas(str(path), path.name)  # calamine, as every batch worker reads
    assert h.pegawai is not None, h.masalah
    assert h.pegawai.rating_hasil_kerja_usulan == "Sesuai Ekspektasi"
    import skpxl

    rekap = skpxl.rekap(path.parent)
    assert list(rekap.pegawai["rating_hasil_kerja_usulan"]) == ["Sesuai Ekspektasi"]


def test_xlwings(buku: tuple[Path, SkpForm, list[tuple[str, str, str]]], monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    from skpxl.excel.muatan import muatan_dari_berkas, terapkan_aksi, xlwings_remote

    path, _, sel = buku
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine is xlwings PRO; test only
    xw: ModuleType = xlwings_remote()
    muatan = muatan_dari_berkas(path)
    book = xw.Book(json=copy.deepcopy(muatan))
    try:
        book.set_mock_caller()
        import skpxl.xl

        skpxl.xl.hitung()
        hasil = terapkan_aksi(muatan, book.json()["actions"])
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
    for _, capaian, kategori in sel:
        assert (hasil.sel(*_pisah(capaian)), hasil.sel(*_pisah(kategori))) == (100, "Sesuai Ekspektasi"), capaian
