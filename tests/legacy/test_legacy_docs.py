"""docs/paket-lama.md: its examples run with the output shown, and it lists every defined name of the layouts."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest

from skpxl.legacy.layout import META_KUNCI, TATA_LETAK
from skpxl.legacy.template import FOLDER_TEMPLATE

DOC = Path(__file__).resolve().parents[2] / "docs" / "paket-lama.md"


def test_examples_in_the_doc_give_the_output_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FOLDER_TEMPLATE, tmp_path / "workbook_templates" / "legacy")
    monkeypatch.chdir(tmp_path)  # the doc's relative paths; hasil.xlsx is written here
    hasil = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS, encoding="utf-8")
    assert hasil.attempted >= 25
    assert hasil.failed == 0
    assert (tmp_path / "hasil.xlsx").exists()


def test_doc_lists_every_defined_name() -> None:
    teks = DOC.read_text(encoding="utf-8")
    for tl in TATA_LETAK.values():
        nama = [s.nama for s in tl.sel] + [tl.tabel.nama, *tl.daftar]
        for n in nama:
            assert f"`{n}`" in teks, n
    for n in META_KUNCI.values():
        assert f"`{n}`" in teks, n
