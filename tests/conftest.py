"""Fixtures shared across the rooms of the test suite. Builders of workbooks and corpora live in ``tests/bantu``.

Markers: ``slow`` marks tests that take a second or more (subprocesses, corpora, whole-unit runs);
``pytest -m "not slow"`` is the quick loop, CI runs everything.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.bantu.korpus import CONTOH, buat_korpus


@pytest.fixture
def xw(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """xlwings with its remote engine (``xw.Book(json=...)``): the real Book API without Excel.

    The remote engine is xlwings PRO; the key ``noncommercial`` is accepted offline and is set for the test only.
    """
    from skpxl.excel.muatan import xlwings_remote

    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    modul = xlwings_remote()
    yield modul
    if hasattr(modul.Book, "_mock_caller"):
        del modul.Book._mock_caller


@pytest.fixture(scope="session")
def korpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus in ``rusak/`` next to the 16 example workbooks, plus an Excel lock file (to be skipped).

    Built once per session; tests must not change it (they copy what they modify).
    """
    root = tmp_path_factory.mktemp("korpus")
    buat_korpus(root / "rusak")
    for p in sorted(CONTOH.glob("*.xlsx")):
        shutil.copy(p, root / p.name)
    (root / "~$01_rina_marlina.xlsx").write_bytes(b"lock")
    return root
