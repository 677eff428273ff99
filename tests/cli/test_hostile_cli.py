"""Hostile and messy input (tests/bantu/korpus.py) through `skpxl validasi` and `skpxl hitung`, one file at a time:
every bad file reported with its Indonesian reason, a refusal writes nothing, text never becomes a formula."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

from tests.bantu.korpus import BAD, CONTOH, CONTOH_FILES, GOOD_GENERATED, Kasus, hashes, sel_rumus


def _validasi(path: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], float]:
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "skpxl", "validasi", str(path), "--json", *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return r, time.perf_counter() - t


@pytest.mark.slow
def test_validasi_every_file_one_by_one(korpus: Path, tmp_path: Path) -> None:
    """Each file alone, written back (no --tanpa-tulis): a refusal writes nothing, a good file gets a backup."""
    folder = tmp_path / "satu"
    shutil.copytree(korpus / "rusak", folder)
    shutil.copy(CONTOH / CONTOH_FILES[0], folder / CONTOH_FILES[0])
    before = hashes(folder)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    with ThreadPoolExecutor(4) as pool:
        hasil = dict(zip(files, pool.map(_validasi, files), strict=True))
    for p, (r, detik) in hasil.items():
        k: Kasus | None = BAD.get(p.name) or GOOD_GENERATED.get(p.name)
        harapan = k.harapan_cli if k else None
        assert "Traceback" not in r.stderr, (p.name, r.stderr)
        data = json.loads(r.stdout)
        if harapan is not None:
            assert r.returncode == 2, (p.name, r.stdout)
            assert harapan in data["galat"], (p.name, data["galat"])
            assert hashes(folder).get(str(p)) == before.get(str(p)), p.name  # untouched (or still absent)
            assert not list((folder / ".cadangan").glob(f"{p.stem}.*")), p.name
        else:
            assert r.returncode in (0, 1), (p.name, r.stdout, r.stderr)
            if p.name == "templat_lama.xlsx":  # the legacy layout: validasi reports only
                assert hashes(folder)[str(p)] == before[str(p)]
            else:  # written back after a backup of the original
                assert hashes(folder)[data["cadangan"]] == before[str(p)], p.name
        assert detik < 30, (p.name, detik)
    assert not list(folder.glob(".skpxl-*"))  # no temp file left behind


@pytest.mark.slow
def test_formula_text_stays_text_when_written_back(tmp_path: Path) -> None:
    """`skpxl hitung` on the formula workbook: =, +, -, @ text stays text, the user's own formula stays hers."""
    p = tmp_path / "rumus.xlsx"
    p.write_bytes(GOOD_GENERATED["rumus.xlsx"].buat())
    r = subprocess.run(
        [sys.executable, "-m", "skpxl", "hitung", str(p), "--json"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(r.stdout)
    sel = sel_rumus()
    kode = {f"{t['lembar']}!{t['sel']}": t["kode"] for t in data["temuan"]}
    assert kode[sel["target_galat"]] == "TARGET_BUKAN_ANGKA"  # the cached #DIV/0! is read as text, reported
    assert kode[sel["realisasi_ref"]] == "REALISASI_BUKAN_ANGKA"
    assert sel["realisasi_tanpa_cache"] in kode  # never calculated: empty, reported
    wb = openpyxl.load_workbook(p)
    for kunci in ("nama", "jabatan", "rhk"):
        lembar, ref = sel[kunci].split("!")
        c = wb[lembar][ref]
        assert c.data_type == "s" and c.value[:1] in "=@-", (kunci, c.value)
    lembar, ref = sel["target_rumus"].split("!")
    assert wb[lembar][ref].data_type == "f"  # kept as the user wrote it; skpxl evaluates nothing
    hv = wb["Hasil Validasi"]
    assert all(c.data_type != "f" for row in hv.iter_rows() for c in row)
