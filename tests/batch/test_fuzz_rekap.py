"""Fuzzing: whatever people type, the value parsers and the model reader give a value or a finding, never an
unhandled exception; whatever a workbook holds, the recap writes it as text, never as a formula."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skpxl.batch.langkah import BarisPegawai, HasilBerkas


@pytest.mark.slow
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=30), min_size=3, max_size=3), st.sampled_from(["=", "+", "-", "@", ""]))
def test_recap_writes_text_as_text(tmp_path_factory: Any, teks: list[str], awal: str) -> None:
    from skpxl.batch.agregat import Agregat
    from skpxl.batch.tulis import PenulisRekap
    from skpxl.core.packs.permenpanrb_6_2022 import INFO

    path: Path = tmp_path_factory.mktemp("rekap") / "r.xlsx"
    nama, jabatan, pesan = (awal + t for t in teks)
    p = BarisPegawai(
        "199203152019032001", nama, jabatan, None, None, None, "Unit", None, None, "AKHIR", None, None, None, None,
        None, None, None, 0, 0, 0,
    )  # fmt: skip
    h = HasilBerkas("a.xlsx", p, (("KODE", "Info", "SKP", "A1", awal + "1/0", pesan),))
    ag = Agregat()
    ag.tambah(h)
    ag.tambah(HasilBerkas(awal + "b.xlsx", None, masalah=awal + "alasan"))
    ag.selesai()
    w = PenulisRekap(path)
    w.tambah(h)
    w.tutup(ag, INFO, datetime(2026, 1, 1), "folder")
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    pegawai = wb["Pegawai"]
    for kol, harapan in ((2, nama), (3, jabatan)):
        c = pegawai.cell(row=2, column=kol)
        if not harapan:
            assert c.value is None
            continue
        assert isinstance(c.value, str) and c.data_type == "s"
        if harapan.isprintable() and "_x" not in harapan:  # control characters come back escaped (_x0008_)
            assert c.value == harapan
