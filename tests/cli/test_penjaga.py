"""Input and output guards: wrong output kind, a period the form lacks, OS errors on the right path,
a file where a folder is needed, an empty folder, a flag without its partner, an unknown engine."""

import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import skpxl
from tests.bantu.korpus import CONTOH

pytestmark = pytest.mark.slow  # subprocesses

BERKAS = CONTOH / "05_siti_rahmawati.xlsx"
XLSM = CONTOH.parent / "SKP_2026.xlsm"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=120)


def satu_kalimat(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    return r.stderr


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERKAS, p)
    return p


@pytest.mark.parametrize(
    ("sumber", "keluaran"), [("skp.xlsx", "hasil.csv"), ("skp.xlsx", "hasil.xlsm"), ("m.xlsm", "m.xlsx")]
)
def test_output_must_have_the_inputs_kind(tmp_path: Path, sumber: str, keluaran: str) -> None:
    src = tmp_path / sumber
    shutil.copy(XLSM if sumber.endswith(".xlsm") else BERKAS, src)
    err = satu_kalimat(run("hitung", src, "-o", tmp_path / keluaran))
    assert f"'{keluaran}'" in err and Path(sumber).suffix in err
    assert not (tmp_path / keluaran).exists()


def test_a_period_the_form_does_not_have(salinan: Path) -> None:
    err = satu_kalimat(run("hitung", salinan, "--periode", "S1"))
    assert "S1" in err and "TW1, TW2, TW3, TW4, AKHIR" in err


def test_rekap_period_the_forms_do_not_have_blames_the_period(tmp_path: Path) -> None:
    src = tmp_path / "unit"
    src.mkdir()
    shutil.copy(BERKAS, src / "a.xlsx")
    r = run("rekap", src, "-o", tmp_path / "r.xlsx", "--periode", "S1")
    assert "periode S1" in r.stdout and "capaian kinerja organisasi tidak diketahui" not in r.stdout


def test_missing_output_folder_names_the_output(salinan: Path, tmp_path: Path) -> None:
    tujuan = tmp_path / "tidak ada" / "hasil.xlsx"
    err = satu_kalimat(run("hitung", salinan, "-o", tujuan))
    assert str(tujuan.parent) in err and "salinan" not in err and "No such file" not in err
    assert "'skp.xlsx'" not in err


def test_unwritable_output_names_the_output_in_indonesian(salinan: Path) -> None:
    # /sys refuses new files even to root: a real EACCES at write time, after the work is done
    err = satu_kalimat(run("hitung", salinan, "-o", "/sys/hasil.xlsx"))
    assert "'/sys/hasil.xlsx' tidak dapat ditulis: akses ditolak" in err and "Permission" not in err
    assert "skp.xlsx" not in err


def test_rekap_of_a_file_says_it_needs_a_folder(tmp_path: Path) -> None:
    err = satu_kalimat(run("rekap", BERKAS, "-o", tmp_path / "r.xlsx"))
    assert "bukan folder" in err and "tidak ditemukan" not in err


def test_rekap_of_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    err = satu_kalimat(run("rekap", kosong, "-o", tmp_path / "r.xlsx"))
    assert "tidak berisi berkas" in err and not (tmp_path / "r.xlsx").exists()


def test_scheduler_without_dask_is_an_error(tmp_path: Path) -> None:
    err = satu_kalimat(run("rekap", CONTOH, "-o", tmp_path / "r.xlsx", "--scheduler", "tcp://127.0.0.1:8786"))
    assert "--scheduler" in err and "--engine dask" in err


def test_api_unknown_engine_and_scheduler_without_dask() -> None:
    with pytest.raises(skpxl.InputTidakValid, match="Mesin 'thread' tidak dikenal"):
        skpxl.rekap(CONTOH, engine="thread")  # type: ignore[arg-type]
    with pytest.raises(skpxl.InputTidakValid, match="scheduler"):
        skpxl.rekap(CONTOH, scheduler="tcp://127.0.0.1:8786")


def test_api_has_explicit_keyword_parameters() -> None:
    from skpxl.batch.api import rekap as dalam

    luar = inspect.signature(skpxl.rekap)
    assert not [p for p in luar.parameters.values() if p.kind is inspect.Parameter.VAR_KEYWORD]
    assert list(luar.parameters) == list(inspect.signature(dalam).parameters)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in list(luar.parameters.values())[1:])
