"""Byte copies are found by size, then the file's tail, then a full hash: only true copies are reported."""

import os
from pathlib import Path

import pytest

from skpxl.batch.jalan import berkas_kembar, cari_berkas, daftar_berkas, rekap_folder
from skpxl.core.errors import InputTidakValid


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


def test_the_stats_of_the_folder_walk_give_the_same_copies(tmp_path: Path) -> None:
    ekor = os.urandom(5000)
    (tmp_path / "sub dir").mkdir()
    for nama, data in (("a.xlsx", b"1" + ekor), ("sub dir/b.XLSX", b"1" + ekor), ("c.xlsx", b"2" + ekor)):
        (tmp_path / nama).write_bytes(data)
    os.utime(tmp_path / "a.xlsx", (10, 10))
    d = daftar_berkas(tmp_path)
    assert (d.berkas, d.lewat) == cari_berkas(tmp_path)
    assert (
        berkas_kembar(d.berkas, d.stat) == berkas_kembar(d.berkas) == {tmp_path / "sub dir/b.XLSX": tmp_path / "a.xlsx"}
    )
    for p in d.berkas:  # one stat and one relative name per file, as each file's own would give
        assert d.relatif[p] == p.relative_to(tmp_path).as_posix()
        assert (d.stat[p].ukuran, d.stat[p].waktu) == (p.stat().st_size, p.stat().st_mtime)


def test_a_recap_onto_a_hard_link_of_an_input_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pegawai"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"bukan rekap")
    os.link(folder / "a.xlsx", tmp_path / "rekap.xlsx")  # the same file under another name, outside the folder
    with pytest.raises(InputTidakValid, match=r"adalah berkas masukan 'a\.xlsx'"):
        rekap_folder(folder, tmp_path / "rekap.xlsx", jobs=1)
    assert (folder / "a.xlsx").read_bytes() == b"bukan rekap"
