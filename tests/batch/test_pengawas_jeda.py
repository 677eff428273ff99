"""The supervisor shares files out evenly and wakes once per batch of results, not once per result (issue 16).

Workers are forked (Linux) with ``proses_berkas`` replaced by a 1 ms stand-in that names its process, so the test
sees which worker took which file without reading any workbook.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from typing import Any

import pytest

import skpxl.batch.pengawas as pengawas
from skpxl.batch.langkah import HasilBerkas

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")


def _cepat(path: str, relatif: str, periode: str | None = None, *, batas_waktu: float | None = None) -> HasilBerkas:
    time.sleep(0.001)
    return HasilBerkas(relatif, None, masalah=str(os.getpid()))


def _jalan(monkeypatch: pytest.MonkeyPatch, n: int) -> tuple[list[HasilBerkas], int]:
    monkeypatch.setattr(pengawas, "proses_berkas", _cepat)
    asli = pengawas.wait
    bangun = 0

    def hitung_bangun(objek: Any, timeout: float | None = None) -> Any:
        nonlocal bangun
        bangun += 1
        return asli(objek, timeout)

    monkeypatch.setattr(pengawas, "wait", hitung_bangun)
    items = [(f"/tidak/dibaca/{i}.xlsx", f"{i}.xlsx") for i in range(n)]
    return list(pengawas.jalankan_diawasi(items, None, jobs=2, konteks="fork")), bangun


def test_results_in_order_and_fewer_wake_ups_than_results(monkeypatch: pytest.MonkeyPatch) -> None:
    hasil, bangun = _jalan(monkeypatch, 400)
    assert [h.berkas for h in hasil] == [f"{i}.xlsx" for i in range(400)]
    assert len({h.masalah for h in hasil}) == 2  # both workers worked
    # one wake-up per result was the old rhythm; results now gather for JEDA seconds between wake-ups
    assert bangun < len(hasil) / 2, bangun


def test_a_small_batch_is_shared_out(monkeypatch: pytest.MonkeyPatch) -> None:
    hasil, _ = _jalan(monkeypatch, 6)
    per_pekerja = Counter(h.masalah for h in hasil)
    assert len(per_pekerja) == 2 and max(per_pekerja.values()) <= 4, per_pekerja  # not 6 to the first one ready


def _lambat(path: str, relatif: str, periode: str | None = None, *, batas_waktu: float | None = None) -> HasilBerkas:
    time.sleep(0.004)
    return HasilBerkas(relatif, None, masalah=str(os.getpid()))


def test_no_pause_between_results_once_every_file_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    # The recap's tail starts at the last result: the supervisor must not sleep JEDA with it waiting. With at most
    # 8 files left to yield, every file is already sent (each worker takes up to DALAM_ANTRIAN = 8 at a wake-up).
    monkeypatch.setattr(pengawas, "proses_berkas", _lambat)
    diterima = 0
    tidur_saat: list[int] = []

    def tidur(detik: float) -> None:
        tidur_saat.append(diterima)
        time.sleep(detik)

    monkeypatch.setattr(pengawas, "time", type("Waktu", (), {"monotonic": time.monotonic, "sleep": tidur}))
    n = 60
    items = [(f"/tidak/dibaca/{i}.xlsx", f"{i}.xlsx") for i in range(n)]
    for _ in pengawas.jalankan_diawasi(items, None, jobs=2, konteks="fork"):
        diterima += 1
    assert diterima == n
    assert tidur_saat, "the supervisor still gathers results while files remain to be sent"
    assert max(tidur_saat) < n - pengawas.DALAM_ANTRIAN, tidur_saat
