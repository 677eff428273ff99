"""Byte copies are found by size, then the file's tail, then a full hash: only true copies are reported."""

import os
from pathlib import Path

from skpxl.batch.jalan import berkas_kembar


def test_only_identical_bytes_are_copies_and_the_oldest_is_the_original(tmp_path: Path) -> None:
    ekor = os.urandom(8192)
    isi = {
        "asli.xlsx": b"A" * 100 + ekor,
        "salinan.xlsx": b"A" * 100 + ekor,  # same bytes
        "kepala_lain.xlsx": b"B" + b"A" * 99 + ekor,  # same size and same tail, other bytes
        "ukuran_lain.xlsx": b"A" * 101 + ekor,
    }
    for i, (nama, data) in enumerate(isi.items()):
        p = tmp_path / nama
        p.write_bytes(data)
        os.utime(p, (1_000_000 + i, 1_000_000 + i))  # asli is the oldest
    berkas = sorted(tmp_path.iterdir())
    assert berkas_kembar(berkas) == {tmp_path / "salinan.xlsx": tmp_path / "asli.xlsx"}
    os.utime(tmp_path / "salinan.xlsx", (10, 10))  # now the copy is the older one: it is the original
    assert berkas_kembar(berkas) == {tmp_path / "asli.xlsx": tmp_path / "salinan.xlsx"}


def test_a_vanished_file_is_left_to_the_step(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    a.write_bytes(b"x" * 10)
    assert berkas_kembar([a, b]) == {}
