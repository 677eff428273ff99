"""`skpxl rekap`: the example unit plus generated and broken workbooks; sources untouched; Dask = pool."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import skpxl
from skpxl.bangun.contoh import form_unit
from skpxl.bangun.sintetis import buat_berkas
from skpxl.buku.templat import build_bytes

CONTOH = Path(__file__).resolve().parents[2] / "workbook_templates" / "contoh"
MANIFEST = json.loads((CONTOH / "manifest.json").read_text(encoding="utf-8"))


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=600)


def hashes(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated workbooks, the example unit again in a subfolder (duplicates), and broken files."""
    root = tmp_path_factory.mktemp("batch")
    list(buat_berkas(root / "generated", 200))
    shutil.copytree(CONTOH, root / "contoh", ignore=shutil.ignore_patterns("*.json"))
    rusak = root / "rusak"
    rusak.mkdir()
    (rusak / "teks.xlsx").write_text("ini bukan excel", encoding="utf-8")
    data = (CONTOH / "02_dedi_kurniawan.xlsx").read_bytes()
    (rusak / "terpotong.xlsx").write_bytes(data[: len(data) // 2])
    (rusak / "~$02_dedi_kurniawan.xlsx").write_bytes(b"lock file")  # Excel lock file: skipped
    (rusak / "catatan.txt").write_text("bukan berkas SKP", encoding="utf-8")
    return root


@pytest.mark.slow
def test_example_unit_recap(tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    before = hashes(CONTOH)
    r = run("rekap", CONTOH, "-o", out)
    assert r.returncode == 0, r.stdout + r.stderr
    assert hashes(CONTOH) == before
    assert "Kurva distribusi Bidang Pelayanan Data (organisasi Baik): SESUAI" in r.stdout
    assert f"Rekap ditulis ke {out}" in r.stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Ringkasan", "Pegawai", "Temuan", "Berkas Bermasalah", "Kaskade", "Penilai", "Pemantauan",
        "Kebutuhan Pengembangan",
    ]  # fmt: skip
    ws = wb["Pegawai"]
    assert ws.max_row == 17 and ws.auto_filter.ref == "A1:S17"
    nips = [ws.cell(row=r, column=1) for r in range(2, 18)]
    assert all(c.data_type == "s" and len(c.value) == 18 for c in nips)
    predikat = sorted(ws.cell(row=r, column=13).value for r in range(2, 18))
    expected = sorted(p["predikat_akhir"] for p in MANIFEST["pegawai"])
    assert predikat == expected
    ringkasan = [c for row in wb["Ringkasan"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any(c.startswith("Kurva distribusi: SESUAI") for c in ringkasan)
    assert not list(tmp_path.glob(".skpxl-rekap-*"))


@pytest.mark.slow
def test_chart_present(tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "rekap.xlsx"
    run("rekap", CONTOH, "-o", out)
    names = zipfile.ZipFile(out).namelist()
    assert any(n.startswith("xl/charts/chart") for n in names)


@pytest.mark.slow
def test_mixed_batch(batch: Path, tmp_path: Path) -> None:
    before = hashes(batch)
    out = tmp_path / "rekap.xlsx"
    r = run("rekap", batch, "-o", out, "--jobs", "2")
    assert hashes(batch) == before  # sources are never written
    assert r.returncode == 0, r.stdout + r.stderr  # duplicates are counted once and reported, not errors
    # 16 generated files are byte copies of the example unit: reported, not read, each person counted once
    assert "202 berkas dibaca: 200 pegawai, 2 berkas bermasalah" in r.stdout
    assert "16 berkas tidak dihitung karena orangnya sudah dihitung dari berkas lain:" in r.stdout
    # 13 units: the terminal counts the conforming ones instead of listing each
    assert "Kurva distribusi: 13 dari 13 unit kerja SESUAI (rinciannya di lembar Ringkasan)." in r.stdout
    wb = openpyxl.load_workbook(out, read_only=True)
    bermasalah = {row[0]: row[1] for row in wb["Berkas Bermasalah"].iter_rows(min_row=2, values_only=True)}
    assert set(bermasalah) == {"rusak/teks.xlsx", "rusak/terpotong.xlsx"}
    assert all("tidak dapat dibaca" in alasan for alasan in bermasalah.values())
    temuan = list(wb["Temuan"].iter_rows(min_row=2, values_only=True))
    dup = sorted((t for t in temuan if t[2] == "BERKAS_KEMBAR"), key=lambda t: str(t[0]))
    assert len(dup) == 16 and {t[1] for t in dup} == {"Peringatan"}
    assert dup[0][0] == "generated/unit0000/01_rina_marlina.xlsx" and "contoh/01_rina_marlina.xlsx" in dup[0][6]
    assert len(list(wb["Pegawai"].iter_rows(min_row=2))) == 200


@pytest.mark.slow
def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    _, form = form_unit()[4]
    form.pegawai.nama = '=HYPERLINK("http://contoh.invalid","klik")'
    form.pegawai.jabatan = "+62 Statistisi"
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.xlsx").write_bytes(build_bytes(form=form))
    out = tmp_path / "rekap.xlsx"
    run("rekap", src, "-o", out)
    ws = openpyxl.load_workbook(out)["Pegawai"]
    assert ws["B2"].value == '=HYPERLINK("http://contoh.invalid","klik")' and ws["B2"].data_type == "s"
    assert ws["C2"].value == "+62 Statistisi" and ws["C2"].data_type == "s"


@pytest.mark.slow
def test_roster_missing_and_unexpected(tmp_path: Path) -> None:
    roster = tmp_path / "pegawai.csv"
    people = MANIFEST["pegawai"]
    lines = ["NIP;NAMA"] + [f"{p['nip']};{p['nama']}" for p in people[1:]] + ["199901012024011001;Pegawai Baru"]
    roster.write_text("\n".join(lines), encoding="utf-8")
    res = skpxl.rekap(CONTOH, roster=roster)
    assert res.hasil.roster is not None
    hilang, asing = res.hasil.roster
    assert hilang == [("199901012024011001", "Pegawai Baru")]
    assert [a[0] for a in asing] == [people[0]["nip"]]
    out = tmp_path / "rekap.xlsx"
    run("rekap", CONTOH, "-o", out, "--roster", roster)
    rows = list(openpyxl.load_workbook(out)["Roster"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2 and rows[0][0] == "199901012024011001"


@pytest.mark.slow
def test_predikat_organisasi_override_explains_violations(tmp_path: Path) -> None:
    r = run("rekap", CONTOH, "-o", tmp_path / "r.xlsx", "--predikat-organisasi", "Kurang")
    assert r.returncode == 1
    assert (
        "Organisasi Kurang: 1 dari 16 pegawai (6,25%) berpredikat Kurang/Misconduct, minimal 60% (10 orang)."
        in r.stdout
    )


@pytest.mark.slow
def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert run("rekap", tmp_path / "tidak-ada", "-o", tmp_path / "r.xlsx").returncode == 2
    r = run("rekap", CONTOH, "-o", tmp_path / "r.xlsx", "--periode", "TW9")
    assert r.returncode == 2 and "Periode 'TW9' tidak dikenal" in r.stderr
    r = run("rekap", CONTOH, "-o", tmp_path / "tidak" / "ada" / "r.xlsx")
    assert r.returncode == 2 and "tidak ada" in r.stderr
    r = run("rekap", CONTOH, "-o", tmp_path / "r.xlsx", "--predikat-organisasi", "Hebat")
    assert r.returncode == 2 and "tidak dikenal" in r.stderr


def test_api_dataframes_and_period() -> None:
    res = skpxl.rekap(CONTOH, periode="TW2")
    assert isinstance(res.pegawai, pd.DataFrame) and len(res.pegawai) == 16
    assert set(res.pegawai["periode"]) == {"TW2"}
    expected = {p["nip"]: p["periode"]["TW2"]["predikat"] for p in MANIFEST["pegawai"]}
    assert dict(zip(res.pegawai["nip"], res.pegawai["predikat"], strict=True)) == expected
    assert list(res.ringkasan["kurva_sesuai"]) == [True]


@pytest.mark.slow
def test_dask_gives_the_same_recap_as_the_process_pool(batch: Path) -> None:
    pool = skpxl.rekap(batch / "generated", jobs=2)
    dask = skpxl.rekap(batch / "generated", jobs=2, engine="dask")
    pd.testing.assert_frame_equal(pool.pegawai, dask.pegawai)
    pd.testing.assert_frame_equal(pool.temuan, dask.temuan)
    pd.testing.assert_frame_equal(pool.ringkasan, dask.ringkasan)


@pytest.mark.slow
def test_recap_prints_on_a4_with_titles_numbers_and_limit_bars(tmp_path: Path) -> None:
    import zipfile

    from skpxl.batch.jalan import rekap_folder

    out = tmp_path / "rekap.xlsx"
    rekap_folder(CONTOH, out)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:  # every sheet: A4 landscape fitted to the width, header row repeated (not Ringkasan)
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.title == "Ringkasan" or ws.print_title_rows == "$1:$1", ws.title
    assert wb["Pegawai"].print_title_cols == "$A:$B" and wb["Pegawai"].page_setup.fitToWidth == 2
    ringkasan = wb["Ringkasan"]
    assert [ringkasan.cell(r, 2).value for r in (4, 5, 6)] == [16, 16, 0]  # counts as numbers, not text
    assert all(ringkasan.cell(r, 2).data_type == "n" for r in (4, 5, 6))
    chart = zipfile.ZipFile(out).read("xl/charts/chart1.xml").decode()
    assert "Batas maksimal" in chart and "Batas minimal" not in chart  # Baik has no single-predikat minimum
    assert 'val="dash"' in chart  # a limit reads as a bar over its column, not as a dot
