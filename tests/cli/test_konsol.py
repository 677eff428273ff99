"""Output that is not UTF-8 and readers that close early never crash the command line (real subprocesses)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bantu.korpus import CONTOH

# 10_made_wirawan has findings and every period: arrows, dashes and ticks in the text report.
BERKAS = CONTOH / "10_made_wirawan.xlsx"


def jalankan(
    *args: str | Path, encoding: str | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "skpxl", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120
    )


@pytest.fixture
def salinan(tmp_path: Path) -> Path:
    p = tmp_path / "skp saya.xlsx"
    shutil.copy(BERKAS, p)
    return p


@pytest.mark.slow
def test_cp1252_text_report_keeps_exit_code_and_uses_ascii_stand_ins(salinan: Path) -> None:
    utf8 = jalankan("hitung", salinan, "--tanpa-tulis", encoding="utf-8")
    cp = jalankan("hitung", salinan, "--tanpa-tulis", encoding="cp1252")
    assert utf8.returncode in (0, 1)
    assert cp.returncode == utf8.returncode, cp.stderr.decode("cp1252", "replace")
    assert b"Traceback" not in cp.stderr and cp.stderr == b""
    teks_utf8 = utf8.stdout.decode("utf-8")
    teks_cp = cp.stdout.decode("cp1252")
    assert "→" in teks_utf8 and "→" not in teks_cp and "->" in teks_cp
    # same lines, only the characters cp1252 lacks are replaced
    assert len(teks_cp.splitlines()) == len(teks_utf8.splitlines())


@pytest.mark.slow
def test_cp1252_json_redirected_to_a_file_is_complete(salinan: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "o.json"
    with keluar.open("wb") as f:
        r = jalankan("hitung", salinan, "--json", "--tanpa-tulis", encoding="cp1252", stdout=f)
    assert b"Traceback" not in r.stderr
    data = json.loads(keluar.read_bytes().decode("ascii"))  # \u escapes: nothing lost, pure ASCII
    utf8 = json.loads(jalankan("hitung", salinan, "--json", "--tanpa-tulis", encoding="utf-8").stdout)
    data.pop("waktu"), utf8.pop("waktu")
    assert data == utf8
    assert r.returncode == data["kode_keluar"]


@pytest.mark.slow
@pytest.mark.parametrize("perintah", ["validasi", "hitung"])
def test_reader_that_closes_at_once_keeps_exit_code(salinan: Path, perintah: str) -> None:
    """``skpxl validasi X | head -0``: the pipe is closed before skpxl writes a byte."""
    harapan = jalankan(perintah, salinan, "--tanpa-tulis").returncode
    p = subprocess.Popen(
        [sys.executable, "-m", "skpxl", perintah, str(salinan), "--tanpa-tulis"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == harapan
    assert b"Traceback" not in err and b"BrokenPipeError" not in err and b"Exception ignored" not in err


@pytest.mark.slow
def test_reader_that_reads_one_line_then_closes(salinan: Path) -> None:
    """``skpxl hitung X | head -1`` through a shell pipeline; the exit status of skpxl itself is checked."""
    if shutil.which("bash") is None or shutil.which("head") is None:
        pytest.fail("bash and head are needed for this test")
    skrip = f'"{sys.executable}" -m skpxl hitung "{salinan}" --tanpa-tulis | head -1; echo "rc=${{PIPESTATUS[0]}}" >&2'
    r = subprocess.run(["bash", "-c", skrip], capture_output=True, timeout=120)
    assert r.stdout.decode().count("\n") == 1
    assert r.stderr.decode().strip().splitlines()[-1] in ("rc=0", "rc=1")
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "utf-8"])
def test_stream_wrapper_replaces_only_what_the_encoding_lacks(encoding: str) -> None:
    import io

    from skpxl.cli.konsol import AliranAman

    mentah = io.BytesIO()
    asli = io.TextIOWrapper(mentah, encoding=encoding, write_through=True)
    AliranAman(asli).write("Baik → Sangat Baik ✗ — é … 100%\n")
    teks = mentah.getvalue().decode(encoding)
    if encoding == "utf-8":
        assert teks == "Baik → Sangat Baik ✗ — é … 100%\n"
    elif encoding == "cp1252":
        assert teks == "Baik -> Sangat Baik x — é … 100%\n"  # cp1252 has the dash, é and the ellipsis
    else:
        assert teks == "Baik -> Sangat Baik x - ? ... 100%\n"


def test_stream_wrapper_on_a_pipe_whose_reader_is_gone() -> None:
    import io

    from skpxl.cli.konsol import AliranAman

    baca, tulis = os.pipe()
    os.close(baca)
    asli = io.TextIOWrapper(io.FileIO(tulis, "w"), encoding="utf-8")
    aliran = AliranAman(asli)
    aliran.write("baris pertama\n" * 10_000)
    aliran.flush()  # EPIPE here: silenced, and the descriptor now points at the null device
    assert aliran.putus
    aliran.write("sesudahnya\n")
    asli.close()  # the interpreter's final flush cannot fail either
