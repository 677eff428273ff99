"""`skpxl validasi|hitung FILE` end to end on real files: exit codes, backup, -o, --json, broken copies."""

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from skpxl.buku import layout as L
from skpxl.buku.adapters.openpyxl_adapter import OpenpyxlWorkbook, buka

CONTOH = Path(__file__).resolve().parents[2] / "workbook_templates" / "contoh"
BERSIH = CONTOH / "05_siti_rahmawati.xlsx"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=120)


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    return p


@pytest.mark.slow
def test_hitung_writes_after_backup(salinan: Path) -> None:
    before = sha(salinan)
    r = run("hitung", salinan)
    assert r.returncode == 0, r.stdout + r.stderr
    backups = list((salinan.parent / ".cadangan").glob("skp.*.xlsx"))
    assert len(backups) == 1 and sha(backups[0]) == before
    assert sha(salinan) != before
    wb = openpyxl.load_workbook(salinan)
    assert L.LEMBAR_HASIL_VALIDASI in wb.sheetnames
    assert "Predikat:" in r.stdout and r.stdout.strip().splitlines()[-1].startswith("Hitung selesai")
    assert not list(salinan.parent.glob(".skpxl-*"))  # no temp file left behind


@pytest.mark.slow
def test_output_option_leaves_source_untouched(salinan: Path, tmp_path: Path) -> None:
    before = sha(salinan)
    out = tmp_path / "hasil.xlsx"
    r = run("hitung", salinan, "-o", out, "--periode", "TW2")
    assert r.returncode == 0, r.stderr
    assert sha(salinan) == before and out.exists()
    assert not (salinan.parent / ".cadangan").exists()


@pytest.mark.slow
def test_json_and_report_only(salinan: Path) -> None:
    before = sha(salinan)
    r = run("hitung", salinan, "--json", "--tanpa-tulis")
    data = json.loads(r.stdout)
    assert sha(salinan) == before
    assert data["skema"] == "skpxl/laporan@1"
    assert (data["paket"]["id"], data["paket"]["versi"]) == ("permenpanrb-6-2022", "1.0.0")
    assert data["ditulis_ke"] is None
    kode, akhir = list(data["periode"].items())[-1]
    assert kode == "AKHIR" and akhir["predikat"]


def _set_name(name: str, value: object) -> Callable[[OpenpyxlWorkbook], None]:
    def change(wb: OpenpyxlWorkbook) -> None:
        ref = wb.names()[name]
        wb.write_block(ref.sheet, ref.ref.split(":")[0], [[value]])  # type: ignore[list-item]

    return change


def _set_column(table: str, header_key: str, body_row: int, value: object) -> Callable[[OpenpyxlWorkbook], None]:
    """Write into the table's column whose header matches ``header_key`` (first body row = 0)."""

    def change(wb: OpenpyxlWorkbook) -> None:
        ref = wb.names()[table]
        r0, c0, _, c1 = L.urai_rentang(ref.ref)
        header = wb.read_block(ref.sheet, L.rentang(r0, c0, r0, c1))[0]
        spec = {k.kunci: k for k in (*L.KOLOM_HASIL_KERJA, *L.KOLOM_EVALUASI)}[header_key]
        c = next(c0 + i for i, h in enumerate(header) if spec.cocok(h))
        body = r0 + 1
        rows = wb.read_block(ref.sheet, L.rentang(body, c, body + 40, c))
        filled = [i for i, row in enumerate(rows) if row[0] is not None]
        wb.write_block(ref.sheet, L.sel(body + filled[body_row], c), [[value]])  # type: ignore[list-item]

    return change


BROKEN: list[tuple[str, Callable[[OpenpyxlWorkbook], None], set[str]]] = [
    ("nip_as_number", _set_name("NIP_PEGAWAI", 1.99203152019032e17), {"NIP_ANGKA"}),
    ("nip_short", _set_name("NIP_PEGAWAI", "1992031520190"), {"NIP_PANJANG"}),
    ("target_text", _set_column("TABEL_HASIL_KERJA", "target", 0, "sekitar sepuluh"), {"TARGET_BUKAN_ANGKA"}),
    ("realisasi_text", _set_column("TABEL_EVALUASI", "realisasi", 0, "belum tahu"), {"REALISASI_BUKAN_ANGKA"}),
    ("rating_typo", _set_name("RATING_PERILAKU", "Luar Biasa"), {"RATING_TIDAK_DIKENAL"}),
    ("period_partial", _set_name("PERIODE_AWAL", "31/12/2026"), {"PERIODE_PARSIAL"}),
    ("aspek_typo", _set_column("TABEL_HASIL_KERJA", "aspek", 0, "Mutu"), {"ASPEK_TIDAK_DIKENAL"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "change", "codes"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copy_reports_exactly_its_breakage(
    salinan: Path, name: str, change: Callable[[OpenpyxlWorkbook], None], codes: set[str]
) -> None:
    clean = json.loads(run("validasi", salinan, "--json", "--tanpa-tulis").stdout)
    baseline = {(t["kode"], t["sel"]) for t in clean["temuan"]}
    wb = buka(salinan)
    change(wb)
    wb.save(salinan)
    r = run("validasi", salinan, "--json", "--tanpa-tulis")
    data = json.loads(r.stdout)
    new = [t for t in data["temuan"] if (t["kode"], t["sel"]) not in baseline and t["tingkat"] != "Info"]
    assert {t["kode"] for t in new} == codes, new
    assert all(t["lembar"] and t["sel"] for t in new)
    is_error = any(t["tingkat"] == "Kesalahan" for t in data["temuan"])
    assert r.returncode == (1 if is_error else 0)


@pytest.mark.slow
def test_finding_links_to_its_cell(salinan: Path) -> None:
    wb = buka(salinan)
    _set_name("NIP_PEGAWAI", "123")(wb)
    wb.save(salinan)
    assert run("validasi", salinan).returncode == 1
    ws = openpyxl.load_workbook(salinan)[L.LEMBAR_HASIL_VALIDASI]
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink is not None]
    nip = buka(salinan, read_only=True).names()["NIP_PEGAWAI"]
    assert any(nip.ref in (loc or "") and nip.sheet in (loc or "") for loc in links), links


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "suffix", "fragment"),
    [
        (b"bukan excel sama sekali", ".xlsx", "bukan buku kerja Excel"),
        (b"%PDF-1.4 ...", ".xlsx", "bukan buku kerja Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls", "Excel lama"),
        (b"PK\x03\x04 truncated", ".xlsx", "tidak dapat dibaca"),
        (b"", ".xlsx", "bukan buku kerja Excel"),
    ],
)
def test_unusable_file_gets_one_sentence_exit_2(tmp_path: Path, content: bytes, suffix: str, fragment: str) -> None:
    p = tmp_path / f"rusak{suffix}"
    p.write_bytes(content)
    r = run("validasi", p)
    assert r.returncode == 2
    assert fragment in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert sha(p) == hashlib.sha256(content).hexdigest()


@pytest.mark.slow
def test_missing_file() -> None:
    r = run("hitung", "/tidak/ada.xlsx")
    assert r.returncode == 2 and "tidak ditemukan" in r.stderr


LEGACY = Path(__file__).resolve().parents[2] / "workbook_templates" / "legacy"


@pytest.mark.slow
def test_hitung_legacy_pack_from_metadata(tmp_path: Path) -> None:
    p = tmp_path / "pp46.xlsx"
    shutil.copy(LEGACY / "SKP_PP46_2011_contoh.xlsx", p)
    r = run("hitung", p)
    assert r.returncode == 0, r.stderr
    assert "paket aturan pp-46-2011 v1.0.0" in r.stdout
    assert "Nilai akhir: 83,22 (Baik)" in r.stdout
    assert list((tmp_path / ".cadangan").glob("pp46.*.xlsx"))


@pytest.mark.slow
def test_hitung_paket_option_json(tmp_path: Path) -> None:
    p = tmp_path / "p8.xlsx"
    shutil.copy(LEGACY / "SKP_PERMENPANRB8_2021_contoh.xlsx", p)
    data = json.loads(run("hitung", p, "--paket", "permenpanrb-8-2021", "--json", "--tanpa-tulis").stdout)
    assert data["paket"]["stempel"] == "permenpanrb-8-2021 v1.0.0"
    assert data["lama"]["nilai"] == "91.03" and data["lama"]["sebutan"] == "Baik"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("paket", "fragment"),
    [("permenpanrb-8-2021", "dibuat untuk paket aturan 'pp-46-2011'"), ("xx", "Paket aturan 'xx' tidak dikenal")],
)
def test_hitung_wrong_paket_exit_2(tmp_path: Path, paket: str, fragment: str) -> None:
    p = tmp_path / "pp46.xlsx"
    shutil.copy(LEGACY / "SKP_PP46_2011_contoh.xlsx", p)
    r = run("hitung", p, "--paket", paket)
    assert r.returncode == 2 and fragment in r.stderr and "Traceback" not in r.stderr
