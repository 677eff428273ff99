"""The console script: --version, --help, exit codes, Indonesian errors."""

import subprocess
import sys

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
