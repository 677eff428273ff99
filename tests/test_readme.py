"""The README's Python examples are executed, so the documentation cannot drift from the code."""

import doctest
import re
from pathlib import Path

import openpyxl
import pytest

from skpxl.buku.layout import nama_berkas_templat, rancang
from skpxl.core.enums import Periodisasi
from tests.bantu.templat_uji import NAMA_KONTRAK

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 7
    assert result.failed == 0


def test_quickstart_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Mulai cepat", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```bash\n")[1:]
    assert len(blocks) == 2
    assert blocks[1].split("```")[0].strip().endswith("python -m pytest")


@pytest.mark.slow
def test_contract_names_in_readme_exist_in_the_template() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Kontrak nama terdefinisi", 1)[1].split("\n## ", 1)[0]
    names = {n for n in re.findall(r"`([A-Z][A-Z0-9_]+)`", section) if not n.endswith("_")}
    assert set(NAMA_KONTRAK) <= names
    semua: set[str] = set()
    for pz in Periodisasi:
        plan = rancang(pz).nama
        semua |= set(plan)
        built = openpyxl.load_workbook(README.parent / "workbook_templates" / nama_berkas_templat(pz)).defined_names
        for n in names & set(plan):
            # the built workbook's name points where the layout says
            assert built[n].attr_text.replace("$", "") == plan[n].rujukan.replace("$", ""), (pz, n)
    assert names <= semua, names - semua


def _blok(judul: str, bahasa: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split(judul, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    blok = section.split(f"```{bahasa}\n", 1)[1].split("```", 1)[0]
    return [b.split("  #", 1)[0].strip() for b in blok.strip().splitlines()]


@pytest.mark.slow
def test_cli_examples_run_as_written_and_windows_lines_match(tmp_path: Path) -> None:
    """The 'Tanpa Excel' commands run in order, in a fresh folder (the forms come out of the package)."""
    import subprocess
    import sys

    posix = _blok("### Tanpa Excel", "bash")
    windows = _blok("### Tanpa Excel", "bat")
    assert [w.replace("\\", "/").replace(".venv/Scripts/", ".venv/bin/") for w in windows] == posix
    for baris in posix:
        assert baris.startswith(".venv/bin/skpxl ")
        args = baris.removeprefix(".venv/bin/skpxl ").split()
        r = subprocess.run([sys.executable, "-m", "skpxl", *args], capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode in (0, 1) and "Traceback" not in r.stderr, (baris, r.stdout, r.stderr)
    assert (tmp_path / "coba" / "hasil.xlsx").is_file()
