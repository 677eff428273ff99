"""The console script: --version, --help, exit codes, Indonesian errors."""

import subprocess
import sys
from pathlib import Path

import skpxl


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *args], capture_output=True, text=True, timeout=60)


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"skpxl {skpxl.__version__}"


def test_help_in_indonesian() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert "Validasi dan hitung SKP" in r.stdout


def test_unknown_command_exit_2_without_traceback() -> None:
    r = run("tidak-ada")
    assert r.returncode == 2
    assert "perintah 'tidak-ada' tidak dikenal" in r.stderr
    assert "Traceback" not in r.stderr


def test_the_command_line_ends_without_a_last_collection_and_callers_keep_theirs(tmp_path: Path) -> None:
    # `skpxl ...` (argv from the command line) freezes what it holds before exiting: the interpreter's final
    # collection then skips it (≈40 ms after a 2,000-file recap); main(argv) from Python leaves the collector alone.
    kode = (
        "import gc, sys; from skpxl.cli.utama import main; "
        "sys.argv = ['skpxl', 'rekap', sys.argv[1], '--json']; k = main(); print(k, gc.get_freeze_count() > 0)"
    )
    r = subprocess.run([sys.executable, "-c", kode, str(tmp_path / "tidak_ada")], capture_output=True,
                       text=True, timeout=60)  # fmt: skip
    assert r.stdout.strip().splitlines()[-1] == "2 True", r.stdout + r.stderr
    kode = (
        "import gc, sys; from skpxl.cli.utama import main; "
        "k = main(['rekap', sys.argv[1], '--json']); print(k, gc.get_freeze_count())"
    )
    r = subprocess.run([sys.executable, "-c", kode, str(tmp_path / "tidak_ada")], capture_output=True, text=True,
                       timeout=60)  # fmt: skip
    assert r.stdout.strip().splitlines()[-1] == "2 0", r.stdout + r.stderr
