"""Hostile and messy input (tests/bantu/korpus.py) through `skpxl rekap`: every good file processed, every bad file
reported with its Indonesian reason, nothing hangs, memory bounded, no source changed, no formula in the recap."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest

from skpxl.batch.jalan import rekap_folder
from tests.bantu.korpus import BAD, CONTOH, CONTOH_FILES, GOOD_GENERATED, hashes, sel_rumus

# The rekap runs in a small wrapper process so its own peak memory (and its workers') can be measured. Its own peak is
# VmHWM, which starts afresh at exec: ru_maxrss of RUSAGE_SELF keeps the peak of the pytest process it was forked from
# (400 MB late in a full run), which measured pytest, not skpxl.
UKUR = textwrap.dedent(
    """
    import json, re, resource, sys, time
    from skpxl.cli.utama import main
    t = time.perf_counter()
    code = main(sys.argv[1:])
    detik = time.perf_counter() - t
    with open("/proc/self/status", encoding="ascii") as f:
        sendiri = int(re.search(r"VmHWM:\\s+(\\d+) kB", f.read()).group(1))
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"code": code, "detik": detik, "rss_kb": max(sendiri, anak)}), file=sys.stderr)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="peak RSS through the resource module (POSIX)")
def test_rekap_whole_corpus_mixed_with_good_files(korpus: Path, tmp_path: Path) -> None:
    before = hashes(korpus)
    out = tmp_path / "rekap.xlsx"
    r = subprocess.run(
        [sys.executable, "-c", UKUR, "rekap", str(korpus), "-o", str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    ukur = json.loads(r.stderr.strip().splitlines()[-1])
    print(f"\nrekap korpus: {ukur['detik']:.2f} s, peak RSS {ukur['rss_kb'] / 1024:.0f} MB")
    assert ukur["code"] in (0, 1), r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert hashes(korpus) == before  # sources are never written
    assert ukur["detik"] < 60
    assert ukur["rss_kb"] < 400 * 1024  # bounded: the bombs and huge ranges never reach a parser

    n_good = len(CONTOH_FILES) + len(GOOD_GENERATED)
    # variants of one example workbook share its NIP: each person is counted once, the others are listed
    ganda = {b.split(": ", 1)[0].strip().removeprefix("= ") for b in r.stdout.splitlines() if b.startswith("  = ")}
    n_orang = n_good - len(ganda)
    assert f"{n_good + len(BAD)} berkas dibaca: {n_orang} pegawai, {len(BAD)} berkas bermasalah" in r.stdout
    wb = openpyxl.load_workbook(out)
    bermasalah = {row[0]: row[1] for row in wb["Berkas Bermasalah"].iter_rows(min_row=2, values_only=True)}
    assert set(bermasalah) == {f"rusak/{n}" for n in BAD}
    for nama, k in BAD.items():
        alasan = bermasalah[f"rusak/{nama}"]
        assert k.alasan in alasan, (nama, alasan)
        assert alasan.startswith(("Berkas ", "'")) and alasan.endswith(".") and "Traceback" not in alasan

    pegawai = wb["Pegawai"]
    kolom = [c.value for c in pegawai[1]]
    baris = {row[kolom.index("BERKAS")]: row for row in pegawai.iter_rows(min_row=2, values_only=True)}
    assert set(baris) | ganda == set(CONTOH_FILES) | {f"rusak/{n}" for n in GOOD_GENERATED}
    assert not set(baris) & ganda
    rumus = GOOD_GENERATED["rumus.xlsx"]
    for kol, teks in rumus.teks.items():
        assert baris["rusak/rumus.xlsx"][kolom.index(kol)] == teks

    # Formula-looking text and error values are findings or text, never formulas, in every sheet of the recap.
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s"
    with zipfile.ZipFile(out) as z:
        for part in z.namelist():
            if part.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(part), part

    sel = sel_rumus()
    temuan = {(row[0], f"{row[3]}!{row[4]}") for row in wb["Temuan"].iter_rows(min_row=2, values_only=True) if row[3]}
    for kunci in rumus.sel_temuan:
        assert ("rusak/rumus.xlsx", sel[kunci]) in temuan, kunci


@pytest.mark.slow
def test_file_disappears_or_becomes_a_folder_during_the_batch(tmp_path: Path) -> None:
    for jobs in (1, 2):
        src = tmp_path / f"src{jobs}"
        src.mkdir()
        for name in CONTOH_FILES:
            shutil.copy(CONTOH / name, src / name)
        hilang, folder = src / CONTOH_FILES[-1], src / CONTOH_FILES[-2]
        seen: list[str] = []

        def pengamat(h: object, hilang: Path = hilang, folder: Path = folder, seen: list[str] = seen) -> None:
            if not seen:
                hilang.unlink()
                folder.unlink()
                folder.mkdir()
            seen.append(str(h))

        res = rekap_folder(src, tmp_path / f"r{jobs}.xlsx", jobs=jobs, pengamat=pengamat)
        bermasalah = dict(res.agregat.bermasalah)
        assert set(bermasalah) == {hilang.name, folder.name}, bermasalah
        assert "tidak ditemukan (mungkin sudah dipindahkan atau dihapus)" in bermasalah[hilang.name]
        assert "adalah folder, bukan berkas Excel" in bermasalah[folder.name]
        assert res.agregat.jumlah_pegawai == len(CONTOH_FILES) - 2


@pytest.mark.slow
def test_absurd_values_are_findings_not_failures(tmp_path: Path) -> None:
    """A 30-digit realisasi and an infinite cell once crashed the core (found by fuzzing): now both files are read,
    validated and computed like any other, in the batch and in the CLI — never a traceback."""
    from tests.bantu.korpus import BAIK, _dengan_sel

    sel = sel_rumus()
    src = tmp_path / "src"
    src.mkdir()
    (src / "angka_panjang.xlsx").write_bytes(
        _dengan_sel(BAIK.read_bytes(), {sel["realisasi_ref"]: 't="inlineStr"><is><t>' + "9" * 30 + "</t></is></c>"})
    )
    (src / "tak_hingga.xlsx").write_bytes(_dengan_sel(BAIK.read_bytes(), {sel["jabatan"]: "><v>1e999</v></c>"}))
    shutil.copy(CONTOH / CONTOH_FILES[0], src / CONTOH_FILES[0])
    before = hashes(src)
    res = rekap_folder(src, tmp_path / "r.xlsx", jobs=2)
    # all three read and computed; the two variants of one workbook are one person (same NIP), counted once
    assert res.agregat.bermasalah == [] and res.agregat.jumlah_berkas == 3 and res.agregat.jumlah_pegawai == 2
    assert [kode for _, (kode, *_) in res.agregat.temuan_batch] == ["NIP_GANDA"]
    for p in sorted(src.glob("*.xlsx")):
        r = subprocess.run(
            [sys.executable, "-m", "skpxl", "hitung", str(p)], capture_output=True, text=True, timeout=60
        )
        assert "Traceback" not in r.stderr, r.stderr
        assert r.returncode in (0, 1), r.stderr
    assert hashes(src) != before  # the CLI wrote its results (after a backup), the batch before it did not
