"""``skpxl templat``: the forms out of the package — in the checkout, and from a wheel in a fresh venv."""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from skpxl.cli.templat import TAMBAHAN, folder_formulir, nama_formulir, rencana

ROOT = Path(__file__).resolve().parents[2]
TEMPLAT = ROOT / "workbook_templates"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.slow
def test_the_three_forms_by_default(tmp_path: Path) -> None:
    r = run("templat", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    disalin = sorted(p.name for p in tmp_path.iterdir())
    assert disalin == sorted(["SKP_2026.xlsx", "SKP_2026_semesteran.xlsx", "SKP_2026_bulanan.xlsx"])
    assert all(sha(tmp_path / n) == sha(TEMPLAT / n) for n in disalin)
    assert "3 berkas disalin ke" in r.stdout


@pytest.mark.slow
def test_flags_add_the_macro_form_the_example_unit_and_the_old_forms(tmp_path: Path) -> None:
    tujuan = tmp_path / "formulir saya"
    r = run("templat", tujuan, "--bermakro", "--lite", "--contoh", "--lama")
    assert r.returncode == 0, r.stderr
    assert sha(tujuan / "SKP_2026.xlsm") == sha(TEMPLAT / "SKP_2026.xlsm")
    lite = sorted(p.name for p in TEMPLAT.glob("SKP_2026*_lite.xlsx"))  # built by the one build (xlwings Lite)
    assert lite and sorted(p.name for p in tujuan.glob("*_lite.xlsx")) == lite
    contoh = sorted(p.name for p in (tujuan / "contoh").iterdir())
    assert contoh == sorted(p.name for p in (TEMPLAT / "contoh").iterdir())
    assert sorted(p.name for p in (tujuan / "legacy").iterdir()) == sorted(
        p.name for p in (TEMPLAT / "legacy").iterdir()
    )
    baru = tujuan / "SKP_2026.xlsx"
    assert baru.stat().st_mode & 0o777 == 0o666 & ~_umask()  # a new file gets the umask's normal mode


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


@pytest.mark.slow
def test_never_overwrites(tmp_path: Path) -> None:
    milik = tmp_path / "SKP_2026_bulanan.xlsx"
    milik.write_bytes(b"isian saya")
    r = run("templat", tmp_path)
    assert r.returncode == 2 and "sudah ada" in r.stderr and "Traceback" not in r.stderr
    assert milik.read_bytes() == b"isian saya"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SKP_2026_bulanan.xlsx"]  # nothing copied at all


@pytest.mark.slow
def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    berkas = tmp_path / "a.txt"
    berkas.write_text("x")
    r = run("templat", berkas)
    assert r.returncode == 2 and "bukan folder" in r.stderr


def test_every_flag_copies_what_the_build_made_under_its_name(tmp_path: Path) -> None:
    """Generic over the flags: a package with every kind of file copies each, one without says what is missing."""
    sumber = tmp_path / "paket"
    (sumber / "contoh").mkdir(parents=True)
    (sumber / "legacy").mkdir()
    (sumber / "latihan" / "kunci").mkdir(parents=True)
    tambahan = ["SKP_2026.xlsm", "SKP_2026_lite.xlsx", "contoh/a.xlsx", "legacy/b.xlsx", "latihan/c.xlsx"]
    semua_berkas = [*nama_formulir(), *tambahan, "latihan/kunci/jawaban.md"]
    for n in semua_berkas:
        (sumber / n).write_bytes(n.encode())
    semua = argparse.Namespace(folder=tmp_path / "ke", **{nama: True for nama, _, _ in TAMBAHAN})
    pasangan, hilang = rencana(sumber, semua)
    assert hilang == []
    assert sorted(t.relative_to(tmp_path / "ke").as_posix() for _, t in pasangan) == sorted(semua_berkas)
    assert all(s.read_bytes() == s.relative_to(sumber).as_posix().encode() for s, _ in pasangan)
    (sumber / "SKP_2026_lite.xlsx").unlink()
    for p in (sumber / "latihan").rglob("*"):
        if p.is_file():
            p.unlink()
    _, hilang = rencana(sumber, semua)
    assert [h.split()[0] for h in hilang] == ["--lite", "--latihan"]


def test_the_checkout_is_the_source_when_not_installed() -> None:
    assert folder_formulir() == TEMPLAT


@pytest.mark.slow
def test_templat_and_addin_from_a_wheel_in_a_fresh_venv(tmp_path: Path) -> None:
    """Build the wheel, install it (no deps) into a venv without system site-packages, outside the checkout."""
    # A copy of the checkout, so the build's own folders (build/, *.egg-info) never touch it.
    salinan = tmp_path / "sumber"
    shutil.copytree(
        ROOT, salinan,
        ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"),
    )  # fmt: skip
    roda = tmp_path / "roda"
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(roda), str(salinan)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    (whl,) = roda.glob("skpxl-*.whl")
    isi = zipfile.ZipFile(whl).namelist()
    for n in [*nama_formulir(), "SKP_2026.xlsm", "SKP_2026_lite.xlsx", "contoh/01_rina_marlina.xlsx",
              "legacy/SKP_PP46_2011.xlsx"]:  # fmt: skip
        assert f"skpxl/formulir/{n}" in isi
    assert "skpxl/addin/skpxl.xlam" in isi
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in isi)
    assert any(n.endswith(".dist-info/licenses/THIRD_PARTY_NOTICES.md") for n in isi)
    assert not [n for n in isi if n.startswith(("tests/", "workbook_templates/", "addin/"))]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    r = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index", "--quiet", str(whl)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    # The dependencies come from this interpreter's site-packages, appended after the venv's own so they can
    # never shadow the wheel's skpxl (an editable skpxl there is a .pth that an appended path does not run).
    Path(purelib, "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    kerja = tmp_path / "kerja"
    kerja.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    asal = subprocess.run(
        [str(py), "-c", "import skpxl; print(skpxl.__file__)"], capture_output=True, text=True, cwd=kerja, env=env
    )
    assert asal.stdout.strip().startswith(purelib), asal.stdout + asal.stderr
    r = subprocess.run(
        [str(env_dir / ("Scripts/skpxl.exe" if os.name == "nt" else "bin/skpxl")), "templat", "formulir", "--bermakro",
         "--contoh"],
        capture_output=True, text=True, cwd=kerja, env=env, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr
    assert sha(kerja / "formulir" / "SKP_2026.xlsx") == sha(TEMPLAT / "SKP_2026.xlsx")
    assert sha(kerja / "formulir" / "SKP_2026.xlsm") == sha(TEMPLAT / "SKP_2026.xlsm")
    assert len(list((kerja / "formulir" / "contoh").glob("*.xlsx"))) == 16
    addin = subprocess.run(
        [str(py), "-c", "from skpxl.excel.pasang import cari_berkas_addin; print(cari_berkas_addin())"],
        capture_output=True, text=True, cwd=kerja, env=env,
    )  # fmt: skip
    assert Path(addin.stdout.strip()) == Path(purelib) / "skpxl" / "addin" / "skpxl.xlam"
