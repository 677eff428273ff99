"""The command line speaks Indonesian: headings, help texts, every parse error, did-you-mean, bare ``skpxl``."""

import subprocess
import sys

import pytest

from skpxl.cli.argumen import terjemahkan
from skpxl.cli.utama import buat_parser, main

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "invalid choice", "required:",
           "unrecognized", "expected one argument", "error:")  # fmt: skip


def perintah(p: object) -> list[str]:
    import argparse

    assert isinstance(p, argparse.ArgumentParser)
    aksi = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    return list(aksi.choices)


def test_every_help_text_is_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    parser = buat_parser()
    halaman = [parser.format_help()]
    for nama in perintah(parser):
        with pytest.raises(SystemExit) as e:
            main([nama, "--help"])
        assert e.value.code == 0
        halaman.append(capsys.readouterr().out)
    for teks in halaman:
        assert teks.startswith("Pemakaian: skpxl")
        assert "opsi:" in teks
        assert not [w for w in ENGLISH if w in teks], teks
    assert "tampilkan bantuan ini lalu keluar" in halaman[0]
    assert "perintah:" in halaman[0] and "templat" in halaman[0]


def test_descriptions_keep_their_capitals(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validasi", "--help"])
    assert "Periksa formulir SKP dan tulis lembar Hasil Validasi." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["hitng", "x.xlsx"], ["perintah 'hitng' tidak dikenal", "Mungkin maksud Anda 'hitung'?"]),
        (["hitung"], ["argumen wajib belum diisi: FILE"]),
        (["hitung", "x.xlsx", "--jsn"], ["argumen tidak dikenal: --jsn", "Mungkin maksud Anda '--json'?"]),
        (["hitung", "x.xlsx", "--periode"], ["argumen --periode: opsi ini butuh satu nilai"]),
        (["hitung", "x.xlsx", "--periode", "TW5"], ["Periode 'TW5' tidak dikenal", "Mungkin maksud Anda 'TW4'?"]),
        (["hitung", "x.xlsx", "--periode", "Maert"], ["Mungkin maksud Anda 'Maret'?"]),
        (["rekap", ".", "-o", "r.xlsx", "--jobs", "dua"], ["argumen --jobs: nilai 'dua' bukan bilangan bulat"]),
        (["rekap", ".", "-o", "r.xlsx", "--engine", "dsk"], ["pilihan 'dsk' tidak dikenal", "'dask'?"]),
    ],
)
def test_parse_errors_are_indonesian_with_a_suggestion(
    argv: list[str], fragments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Pemakaian: skpxl")
    for f in fragments:
        assert f in err
    assert not [w for w in ENGLISH if w in err], err


def test_unknown_rule_pack_gets_a_suggestion() -> None:
    from skpxl.core.errors import InputTidakValid
    from skpxl.core.packs import info_paket

    with pytest.raises(InputTidakValid, match="Mungkin maksud Anda 'pp-46-2011'\\?"):
        info_paket("pp-46-2012")


@pytest.mark.slow
def test_bare_skpxl_prints_help_and_exits_2() -> None:
    r = subprocess.run([sys.executable, "-m", "skpxl"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "Pemakaian: skpxl" in r.stderr and "perintah:" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("the following arguments are required: FILE, -o", "argumen wajib belum diisi: FILE, -o"),
        ("argument -o/--output: expected one argument", "argumen -o/--output: opsi ini butuh satu nilai"),
        ("ambiguous option: --p could match --periode, --paket", "opsi --p ambigu, bisa berarti: --periode, --paket"),
        ("argument --jobs: invalid int value: 'x'", "argumen --jobs: nilai 'x' bukan bilangan bulat"),
        ("argument --x: not allowed with argument --y", "argumen --x: tidak boleh dipakai bersama --y"),
        ("one of the arguments --a --b is required", "salah satu dari --a --b wajib diisi"),
        ("argument --json: ignored explicit argument 'ya'", "argumen --json: opsi ini tidak menerima nilai ('ya')"),
    ],
)
def test_translation_of_argparse_messages(english: str, indonesian: str) -> None:
    assert terjemahkan(english) == indonesian
