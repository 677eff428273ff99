"""Issue 18 (round two) and issue 14 items 1-2 end to end, with real files and real processes: an output is never an
input, backups in .cadangan/ never read by rekap, modes, file names that are not UTF-8, signals and worker death,
hard limits on validasi/hitung, drawings kept by hitung, workbook text never a formula or a terminal command, what
rekap passes over is listed, the roster is read like any other file from outside."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from skpxl.batch.jalan import baca_roster, rekap_folder
from skpxl.buku.gambar import hitung_gambar
from skpxl.core.errors import InputTidakValid
from tests.bantu.gambar import TEKS_KOTAK, png_kecil, tambah_gambar
from tests.bantu.korpus import _dengan_sel, _teks_sel

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file system features and signals")

AKAR = Path(__file__).resolve().parents[2]
CONTOH = AKAR / "workbook_templates" / "contoh"
BERSIH = CONTOH / "05_siti_rahmawati.xlsx"
LAIN = sorted(CONTOH.glob("0[1-4]_*.xlsx"))
ENV = {**os.environ, "PYTHONPATH": str(AKAR)}


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skpxl", *map(str, args)], capture_output=True, text=True, timeout=120, env=ENV, cwd=cwd
    )


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def cadangan(folder: Path, stem: str) -> list[Path]:
    return sorted((folder / ".cadangan").glob(f"{stem}.*.xlsx"))


def sementara(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".skpxl-*")]


# --------------------------------------------------------------------------- an output is never an input


@pytest.mark.slow
def test_hitung_onto_the_input_by_another_spelling_is_in_place_with_a_backup(tmp_path: Path) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    (tmp_path / "sub").mkdir()
    r = run("hitung", p, "-o", tmp_path / "sub" / ".." / "skp.xlsx")
    assert r.returncode == 0, r.stderr
    [b] = cadangan(tmp_path, "skp")
    assert sha(b) == before and sha(p) != before


@pytest.mark.slow
def test_hitung_onto_a_symlink_to_the_input_writes_through_it(tmp_path: Path) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    (tmp_path / "lain").mkdir()
    tautan = tmp_path / "lain" / "pintasan.xlsx"
    tautan.symlink_to(p)
    r = run("hitung", p, "-o", tautan)
    assert r.returncode == 0, r.stderr
    assert tautan.is_symlink() and sha(p) != before
    assert [sha(b) for b in cadangan(tmp_path, "skp")] == [before]


@pytest.mark.slow
def test_hitung_onto_a_hard_link_of_the_input_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    os.link(p, tmp_path / "keras.xlsx")
    r = run("hitung", p, "-o", tmp_path / "keras.xlsx")
    assert r.returncode == 2 and "tautan keras" in r.stderr, r.stderr
    assert sha(p) == before and not (tmp_path / ".cadangan").exists() and not sementara(tmp_path)


@pytest.mark.slow
def test_two_hitung_runs_on_one_file_at_once_lose_nothing(tmp_path: Path) -> None:
    """A second process for concurrency: whichever finishes second finds the file changed under it and refuses."""
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    perintah = [sys.executable, "-m", "skpxl", "hitung", str(p)]
    proses = [subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
              for _ in range(2)]  # fmt: skip
    hasil = [(q.wait(timeout=120), q.communicate()[1]) for q in proses]
    for kode, err in hasil:
        assert kode == 0 or (kode == 2 and "diubah atau dipindahkan program lain" in err), err
    assert before in {sha(b) for b in cadangan(tmp_path, "skp")}  # the original is kept
    assert sha(p) != before and "Hasil Validasi" in openpyxl.load_workbook(p).sheetnames
    assert not sementara(tmp_path)


@pytest.fixture
def folder_pegawai(tmp_path: Path) -> Path:
    d = tmp_path / "unit"
    d.mkdir()
    for f in LAIN:
        shutil.copy(f, d / f.name)
    return d


@pytest.mark.slow
def test_rekap_onto_a_staff_workbook_or_a_link_to_one_is_refused(folder_pegawai: Path, tmp_path: Path) -> None:
    staf = folder_pegawai / LAIN[0].name
    before = sha(staf)
    tautan = tmp_path / "rekap.xlsx"
    tautan.symlink_to(staf)
    for keluaran in (staf, tautan):
        r = run("rekap", folder_pegawai, "-o", keluaran, "--jobs", "1")
        assert r.returncode == 2, r.stdout + r.stderr
        assert "adalah berkas masukan" in r.stderr and "tidak tertimpa" in r.stderr
        assert sha(staf) == before and tautan.is_symlink()
    assert not sementara(tmp_path)


@pytest.mark.slow
def test_rekap_again_onto_its_previous_recap_in_the_folder_skips_it_and_keeps_a_backup(folder_pegawai: Path) -> None:
    out = folder_pegawai / "rekap.xlsx"
    r1 = run("rekap", folder_pegawai, "-o", out, "--jobs", "1")
    r2 = run("rekap", folder_pegawai, "-o", out, "--jobs", "1")
    assert r1.returncode in (0, 1) and r2.returncode in (0, 1), r2.stderr
    assert r1.stdout.splitlines()[0] == r2.stdout.splitlines()[0]  # same count: the old recap is not an input
    assert len(cadangan(folder_pegawai, "rekap")) == 1


@pytest.mark.slow
def test_rekap_after_hitung_twice_counts_people_not_backups(folder_pegawai: Path) -> None:
    """Issue 14's done-when (backup part): hitung runs twice on some files, the backups are never read."""
    for f in sorted(folder_pegawai.glob("*.xlsx"))[:2]:
        for _ in range(2):
            assert run("hitung", f).returncode in (0, 1)  # twice in a second: "-2" names the second backup
    assert len(list((folder_pegawai / ".cadangan").iterdir())) == 4
    hasil = rekap_folder(folder_pegawai, None, jobs=1)
    assert hasil.agregat.jumlah_berkas == len(LAIN) == hasil.agregat.jumlah_pegawai
    assert not any(".cadangan" in b for b in hasil.berkas)


@pytest.mark.slow
def test_modes_kept_and_a_new_recap_gets_the_umask_mode(folder_pegawai: Path, tmp_path: Path) -> None:
    staf = folder_pegawai / LAIN[0].name
    os.chmod(staf, 0o664)
    assert run("hitung", staf).returncode in (0, 1)
    assert stat.S_IMODE(staf.stat().st_mode) == 0o664
    out = tmp_path / "rekap.xlsx"
    r = subprocess.run(
        ["/bin/sh", "-c", 'umask 022 && exec "$0" -m skpxl rekap "$1" -o "$2" --jobs 1', sys.executable,
         str(folder_pegawai), str(out)],
        capture_output=True, text=True, timeout=120, env=ENV,
    )  # fmt: skip
    assert r.returncode in (0, 1), r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# --------------------------------------------------------------------------- file names are data


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "darwin", reason="APFS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_processed_and_shown_with_replacement_characters(tmp_path: Path) -> None:
    d = tmp_path / "unit"
    d.mkdir()
    nama = os.fsdecode(b"SKP_\xff\xfe_pegawai.xlsx")
    shutil.copy(BERSIH, d / nama)
    shutil.copy(LAIN[0], d / LAIN[0].name)
    out = tmp_path / "rekap.xlsx"
    r = run("rekap", d, "-o", out, "--jobs", "2")
    assert r.returncode in (0, 1), r.stderr
    assert r.stdout.startswith("2 berkas dibaca: 2 pegawai, 0 berkas bermasalah")
    wb = openpyxl.load_workbook(out, read_only=True)
    berkas = [row[-1] for row in wb["Pegawai"].iter_rows(min_row=2, values_only=True)]
    assert "SKP_\ufffd\ufffd_pegawai.xlsx" in berkas
    r = run("hitung", d / nama)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "SKP_\ufffd\ufffd_pegawai.xlsx" in r.stdout


# --------------------------------------------------------------------------- what rekap passes over


def test_rekap_lists_pipes_devices_dangling_and_looping_links(folder_pegawai: Path) -> None:
    os.mkfifo(folder_pegawai / "pipa.xlsx")
    (folder_pegawai / "perangkat.xlsx").symlink_to("/dev/null")
    (folder_pegawai / "putus.xlsx").symlink_to(folder_pegawai / "tidak_ada.xlsx")
    (folder_pegawai / "putar.xlsx").symlink_to(folder_pegawai / "putar.xlsx")
    (folder_pegawai / "sub").mkdir()
    (folder_pegawai / "sub" / "balik").symlink_to(folder_pegawai)  # a loop back up: read once
    mulai = time.monotonic()
    hasil = rekap_folder(folder_pegawai, None, jobs=1)
    assert time.monotonic() - mulai < 30  # the FIFO is never opened (that would block)
    alasan = dict(hasil.agregat.bermasalah)
    assert "pipa (FIFO)" in alasan["pipa.xlsx"]
    assert "perangkat" in alasan["perangkat.xlsx"]
    assert "ke berkas yang tidak ada" in alasan["putus.xlsx"]
    assert "berputar" in alasan["putar.xlsx"]
    assert hasil.agregat.jumlah_pegawai == len(LAIN)


TANPA_IZIN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from skpxl.batch.jalan import rekap_folder
    h = rekap_folder(Path(sys.argv[1]), None, jobs=1)
    print(dict(h.agregat.bermasalah).get("rahasia/", ""))
    print(h.agregat.jumlah_pegawai)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, setpriv")
@pytest.mark.slow
def test_rekap_lists_a_subfolder_it_cannot_read(tmp_path: Path) -> None:
    d = tmp_path / "unit"
    (d / "rahasia").mkdir(parents=True)
    shutil.copy(BERSIH, d / "a.xlsx")
    shutil.copy(LAIN[0], d / "rahasia" / "b.xlsx")
    os.chmod(d / "rahasia", 0o000)
    # root reads every folder: check as root without the capabilities that bypass file permissions
    tanpa_kuasa = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                   "--inh-caps=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []  # fmt: skip
    try:
        r = subprocess.run([*tanpa_kuasa, sys.executable, "-c", TANPA_IZIN, str(d)], capture_output=True, text=True,
                           timeout=60, env=ENV)  # fmt: skip
    finally:
        os.chmod(d / "rahasia", 0o755)
    assert r.returncode == 0, r.stderr
    baris = r.stdout.splitlines()
    assert "tidak dapat dibaca (akses ditolak)" in baris[0] and baris[1] == "1"


# --------------------------------------------------------------------------- the roster


def _roster_isi(d: Path) -> list[tuple[str, str | None]]:
    return baca_roster(d)


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("satu_kolom.csv", b"NIP\n199001012015031001\n"),
        ("ansi.csv", "NIP;NAMA\n199001012015031001;Dédé Fiktif\n".encode("cp1252")),
        ("utf16.csv", codecs.BOM_UTF16_LE + "NIP\tNAMA\n199001012015031001\tDédé Fiktif\n".encode("utf-16-le")),
        ("utf16_tanpa_bom.csv", "NIP,NAMA\r\n199001012015031001,Dédé Fiktif\r\n".encode("utf-16-le")),
        ("bom.csv", codecs.BOM_UTF8 + "NIP,NAMA\n199001012015031001,Dédé Fiktif\n".encode()),
    ],
)
def test_roster_csv_encodings_and_one_column(tmp_path: Path, nama: str, isi: bytes) -> None:
    p = tmp_path / nama
    p.write_bytes(isi)
    baris = baca_roster(p)
    assert baris[0][0] == "199001012015031001"
    if "NAMA" in isi.decode("utf-16" if b"\x00" in isi else "cp1252", "replace").upper():
        assert baris[0][1] == "Dédé Fiktif"


@pytest.mark.parametrize(
    ("nama", "isi", "harapan"),
    [
        ("tanpa_nip.csv", b"NAMA;UNIT\nA;B\n", "tidak punya kolom berjudul NIP"),
        ("kosong.csv", b"", "kosong"),
        ("rusak.xlsx", BERSIH.read_bytes()[:3000], "Daftar pegawai tidak dapat dipakai"),
        ("teks.xlsx", b"NIP,NAMA\n1,2\n", "Daftar pegawai tidak dapat dipakai"),
    ],
)
def test_roster_problems_are_one_sentence(tmp_path: Path, nama: str, isi: bytes, harapan: str) -> None:
    p = tmp_path / nama
    p.write_bytes(isi)
    with pytest.raises(InputTidakValid, match=harapan):
        baca_roster(p)


def test_a_roster_xlsx_passes_the_pre_read_limits(tmp_path: Path) -> None:
    """A small file that declares a huge sheet (the 1.8 MB / 60 M cells case) is refused before it is read."""
    p = tmp_path / "besar.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["NIP", "NAMA"])
    wb.active["A1000000"] = "x"
    wb.active["CV1"] = "y"
    wb.save(p)
    mulai = time.monotonic()
    with pytest.raises(InputTidakValid, match="Daftar pegawai tidak dapat dipakai"):
        baca_roster(p)
    assert time.monotonic() - mulai < 10


@pytest.mark.slow
def test_roster_problems_on_the_command_line_have_no_traceback(folder_pegawai: Path, tmp_path: Path) -> None:
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    r = run("rekap", folder_pegawai, "-o", tmp_path / "r.xlsx", "--roster", p)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "Daftar pegawai" in r.stderr, r.stderr


# --------------------------------------------------------------------------- a full disk


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE")
@pytest.mark.parametrize("perintah", ["hitung", "rekap"])
def test_disk_full_is_one_sentence_and_leaves_nothing(folder_pegawai: Path, tmp_path: Path, perintah: str) -> None:
    staf = folder_pegawai / LAIN[0].name
    before = sha(staf)
    skrip = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (5000, 5000)); "
        "from skpxl.cli.utama import main; sys.exit(main(sys.argv[1:]))"
    )
    args = (
        ["hitung", str(staf)]
        if perintah == "hitung"
        else ["rekap", str(folder_pegawai), "-o", str(tmp_path / "r.xlsx")]
    )
    r = subprocess.run([sys.executable, "-c", skrip, *args], capture_output=True, text=True, timeout=120, env=ENV)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "disk penuh" in r.stderr and "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
    assert sha(staf) == before
    assert not sementara(tmp_path) and not (folder_pegawai / ".cadangan").exists()
    assert not (tmp_path / "r.xlsx").exists()


TANPA_KUASA = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="setpriv")
@pytest.mark.slow
def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    d = tmp_path / "baca_saja"
    d.mkdir()
    p = d / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    os.chmod(d, 0o555)
    # root writes everywhere: run as root without the capabilities that bypass file permissions
    awalan = [*TANPA_KUASA, "--"] if os.geteuid() == 0 else []
    try:
        r = subprocess.run([*awalan, sys.executable, "-m", "skpxl", "hitung", str(p)], capture_output=True, text=True,
                           timeout=120, env=ENV)  # fmt: skip
    finally:
        os.chmod(d, 0o755)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "tidak dapat ditulis: akses ditolak" in r.stderr and "berkas asli tidak diubah" in r.stderr
    assert "Traceback" not in r.stderr
    assert sha(p) == before and not sementara(tmp_path) and not (d / ".cadangan").exists()


# --------------------------------------------------------------------------- signals and worker death

LAMBAT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    tahap, detik = sys.argv[1], float(sys.argv[2])
    if tahap == "simpan":  # hitung: saving the new workbook takes long
        import openpyxl.workbook.workbook as w
        asli = w.Workbook.save
        def save(self, f):
            asli(self, f)
            time.sleep(detik)
        w.Workbook.save = save
    elif tahap == "muat":  # hitung/validasi: loading takes long
        import skpxl.buku.adapters.openpyxl_adapter as a
        buka = a.buka
        def muat(p, **k):
            time.sleep(detik)
            return buka(p, **k)
        a.buka = muat
    elif tahap == "periksa":  # rekap: every file takes long in its worker
        import skpxl.buku.pengaman as pg
        asli_periksa = pg.periksa_paket
        def periksa(path, *, templat=True, simpan=False):
            Path(os.environ["SKPXL_UJI_PID"], str(os.getpid())).touch()
            time.sleep(detik)
            return asli_periksa(path, templat=templat, simpan=simpan)
        pg.periksa_paket = periksa
    elif tahap == "macet":  # stuck as in native code: the soft limit cannot interrupt it
        import signal
        import skpxl.buku.pengaman as pg
        def periksa(path, *, templat=True, simpan=False):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(detik)
        pg.periksa_paket = periksa
    elif tahap == "rakus":
        import skpxl.buku.pengaman as pg
        def periksa(path, *, templat=True, simpan=False):
            return bytearray(8 * 1024**3)
        pg.periksa_paket = periksa
    if tahap in ("muat", "macet"):
        import skpxl.buku.pengaman as pg
        pg.BATAS_WAKTU_BERKAS = float(sys.argv[3])
    from skpxl.cli.utama import main
    sys.exit(main(sys.argv[4:]))
    """
)


def lambat(tahap: str, detik: float, batas: float, *args: str | Path, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LAMBAT, tahap, str(detik), str(batas), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**ENV, **kw.pop("env", {})},  # type: ignore[dict-item]
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def tunggu(syarat, detik: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    akhir = time.monotonic() + detik
    while not syarat():
        assert time.monotonic() < akhir, "timed out"
        time.sleep(0.05)


def hidup(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_sigterm_while_hitung_saves_leaves_no_temp_file_and_the_source_intact(tmp_path: Path) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    proc = lambat("simpan", 60, 30, "hitung", p)
    tunggu(lambda: any(t.stat().st_size for t in sementara(tmp_path)))
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert err.strip().splitlines() == [err.strip()] and "dihentikan (sinyal SIGTERM)" in err
    assert sha(p) == before and not sementara(tmp_path) and not (tmp_path / ".cadangan").exists()


@pytest.mark.slow
def test_ctrl_c_while_hitung_loads_is_exit_130_not_an_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    proc = lambat("muat", 60, 120, "hitung", p, start_new_session=True)
    tunggu(lambda: bool(sementara(tmp_path)))
    time.sleep(1.0)  # the worker is in the (slow) load
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C reaches the whole console process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "dihentikan (Ctrl+C)" in err and "tidak dapat dibaca" not in err and "Traceback" not in err
    assert sha(p) == before and not sementara(tmp_path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, setpriv")
@pytest.mark.slow
@pytest.mark.parametrize("sinyal", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_rekap_workers_die_with_their_parent(folder_pegawai: Path, tmp_path: Path, sinyal: int) -> None:
    catat = tmp_path / "pid"
    catat.mkdir()
    proc = lambat("periksa", 120, 30, "rekap", folder_pegawai, "-o", tmp_path / "r.xlsx", "--jobs", "2",
                  env={"SKPXL_UJI_PID": str(catat)})  # fmt: skip
    tunggu(lambda: len(list(catat.iterdir())) >= 2)
    pekerja = [int(p.name) for p in catat.iterdir()]
    proc.send_signal(sinyal)
    _, err = proc.communicate(timeout=30)
    try:
        tunggu(lambda: not any(hidup(pid) for pid in pekerja), 5.0)
    finally:  # never leave a worker behind, even when the test fails
        for pid in pekerja:
            if hidup(pid):
                os.kill(pid, signal.SIGKILL)
    if sinyal == signal.SIGTERM:
        assert proc.returncode == 143 and "dihentikan (sinyal SIGTERM)" in err, err
    assert not sementara(tmp_path) and not (tmp_path / "r.xlsx").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("tahap", "harapan"),
    [("muat", "batas waktu 1 detik"), ("macet", "batas waktu 1 detik"), ("rakus", "memori melebihi batas")],
)
def test_validasi_has_hard_time_and_memory_limits(tmp_path: Path, tahap: str, harapan: str) -> None:
    p = tmp_path / "skp.xlsx"
    shutil.copy(BERSIH, p)
    before = sha(p)
    mulai = time.monotonic()
    proc = lambat(tahap, 60, 1.0, "validasi", p)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, out + err
    assert harapan in err and "Traceback" not in err
    assert time.monotonic() - mulai < 15
    assert sha(p) == before and not sementara(tmp_path)


# --------------------------------------------------------------------------- drawings survive hitung


@pytest.mark.slow
def test_hitung_keeps_a_picture_and_a_text_box_on_the_skp_sheet(tmp_path: Path) -> None:
    p = tmp_path / "skp foto.xlsx"
    tambah_gambar(BERSIH, p)
    assert hitung_gambar(p)["SKP"] == 2
    r = run("hitung", p)
    assert r.returncode == 0, r.stderr
    assert hitung_gambar(p)["SKP"] == 2
    with zipfile.ZipFile(p) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        assert [z.read(n) for n in media] == [png_kecil()]
        drawing = next(n for n in z.namelist() if n.startswith("xl/drawings/") and n.endswith(".xml"))
        assert TEKS_KOTAK.encode() in z.read(drawing)
        assert z.testzip() is None
    wb = openpyxl.load_workbook(p)  # still a workbook openpyxl (and Excel) can open, with the results
    assert "Hasil Validasi" in wb.sheetnames


@pytest.mark.slow
def test_a_drawing_that_cannot_be_carried_across_is_refused_never_dropped(tmp_path: Path) -> None:
    """Two drawing parts on one sheet (not something Excel writes): skpxl cannot place them, so it refuses."""
    satu = tmp_path / "satu.xlsx"
    tambah_gambar(BERSIH, satu)
    p = tmp_path / "dua.xlsx"
    with zipfile.ZipFile(satu) as z, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as out:
        for n in z.namelist():
            data = z.read(n)
            if n == "xl/worksheets/_rels/sheet1.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdDua" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/drawing" Target="../drawings/ujigambar.xml"/></Relationships>',
                )
            out.writestr(z.getinfo(n), data)
    before = sha(p)
    r = run("hitung", p)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "akan hilang" in r.stderr and "lembar 'SKP'" in r.stderr
    assert sha(p) == before and not sementara(tmp_path) and not (tmp_path / ".cadangan").exists()


# --------------------------------------------------------------------------- text never a formula or a command


def _unit(isi: str, tujuan: Path) -> None:
    wb = zipfile.ZipFile(BERSIH).read("xl/workbook.xml").decode()
    m = re.search(r'<definedName name="UNIT_KERJA">([^<]+)</definedName>', wb)
    assert m
    alamat = m.group(1).replace("$", "")
    tujuan.write_bytes(_dengan_sel(BERSIH.read_bytes(), {alamat: isi}))


@pytest.mark.slow
def test_a_unit_name_like_a_reference_stays_text_in_the_chart_title(tmp_path: Path) -> None:
    d = tmp_path / "unit"
    d.mkdir()
    _unit(_teks_sel("Bidang Humas!A1"), d / "a.xlsx")
    out = tmp_path / "rekap.xlsx"
    r = run("rekap", d, "-o", out, "--jobs", "1", "--predikat-organisasi", "Baik")
    assert r.returncode in (0, 1), r.stderr
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    rumus = re.findall(r"<c:f>([^<]*)</c:f>", chart)
    assert rumus and all(f.startswith("Ringkasan!") for f in rumus), rumus  # references into our own sheet only
    assert "Distribusi predikat: Bidang Humas!A1" in chart  # the title's cached text
    wb = openpyxl.load_workbook(out)
    judul = re.search(r"<c:title>.*?<c:f>Ringkasan!\$([A-Z]+)\$(\d+)</c:f>", chart, re.S)
    assert (
        judul and wb["Ringkasan"][f"{judul.group(1)}{judul.group(2)}"].value == "Distribusi predikat: Bidang Humas!A1"
    )


@pytest.mark.slow
def test_control_characters_from_a_workbook_never_reach_the_terminal(tmp_path: Path) -> None:
    d = tmp_path / "unit"
    d.mkdir()
    _unit('t="inlineStr"><is><t>_x001B_[2J_x001B_]0;judul_x0007_Bidang</t></is></c>', d / "a.xlsx")
    r = run("rekap", d, "-o", tmp_path / "r.xlsx", "--jobs", "1", "--predikat-organisasi", "Baik")
    assert r.returncode in (0, 1), r.stderr
    assert "?[2J?]0;judul?Bidang" in r.stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", r.stdout + r.stderr)
    r = run("hitung", d / "a.xlsx", "--json", "--tanpa-tulis")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", r.stdout + r.stderr)  # JSON escapes them
    json.loads(r.stdout)


# --------------------------------------------------------------------------- corrupt but harmless files


def _rusak(jenis: str) -> bytes:
    data = BERSIH.read_bytes()
    wb = zipfile.ZipFile(BERSIH).read("xl/workbook.xml").decode()

    def alamat(nama: str) -> str:
        m = re.search(rf'<definedName name="{nama}">([^<]+)</definedName>', wb)
        assert m
        return m.group(1).replace("$", "")

    if jenis == "nan":
        return _dengan_sel(data, {alamat("UNIT_KERJA"): "><v>NaN</v></c>"})
    if jenis == "gaya":
        return _dengan_sel(data, {alamat("UNIT_KERJA"): 's="99999" ' + _teks_sel("Unit")})
    if jenis == "kodepoin":
        return _dengan_sel(data, {alamat("UNIT_KERJA"): 't="inlineStr"><is><t>A&#x110000;B</t></is></c>'})
    if jenis == "versi":
        return _dengan_sel(data, {alamat("TEMPLATE_VERSI"): _teks_sel("1." + "9" * 5000)})
    if jenis == "utf8":
        keluar = io.BytesIO()
        with zipfile.ZipFile(BERSIH) as z, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as o:
            for n in z.namelist():
                isi = z.read(n)
                if n == "xl/worksheets/sheet1.xml":
                    rusak = b'<row r="200"><c r="A200" t="inlineStr"><is><t>\xff\xfe</t></is></c></row>'
                    isi = isi.replace(b"</sheetData>", rusak + b"</sheetData>")
                o.writestr(z.getinfo(n), isi)
        return keluar.getvalue()
    assert jenis == "xlsb"  # an .xlsb renamed .xlsx: its document part is xl/workbook.bin
    keluar = io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(keluar, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="bin" ContentType="application/'
                   'vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')  # fmt: skip
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}" Target="xl/workbook.bin"/>'
                   "</Relationships>")  # fmt: skip
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
        z.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    return keluar.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("jenis", "harapan"),
    [
        ("nan", "sel angka yang isinya bukan angka"),
        ("gaya", "format sel (gaya) yang tidak ada"),
        ("kodepoin", "rujukan karakter XML yang tidak sah"),
        ("utf8", "XML yang rusak"),
        ("versi", "nomor versi templat yang tidak wajar (5.002 karakter)"),
        ("xlsb", "berformat Excel biner (.xlsb)"),
    ],
)
def test_corrupt_files_get_a_specific_indonesian_sentence(tmp_path: Path, jenis: str, harapan: str) -> None:
    p = tmp_path / f"{jenis}.xlsx"
    p.write_bytes(_rusak(jenis))
    r = run("validasi", p, "--tanpa-tulis")
    assert r.returncode == 2, r.stdout + r.stderr
    assert harapan in r.stderr, r.stderr
    assert "galat tak terduga" not in r.stderr and "Traceback" not in r.stderr
    assert not re.search(r"\b(?:invalid|error|unable|line \d+)\b", r.stderr, re.I), r.stderr  # no reader English


@pytest.mark.parametrize("jenis", ["kodepoin", "utf8", "versi", "xlsb"])
def test_corrupt_files_in_the_batch_get_an_indonesian_reason(tmp_path: Path, jenis: str) -> None:
    from skpxl.batch.langkah import proses_berkas

    p = tmp_path / f"{jenis}.xlsx"
    p.write_bytes(_rusak(jenis))
    h = proses_berkas(str(p), p.name)
    assert h.masalah is not None and "galat tak terduga" not in h.masalah
    assert not re.search(r"\b(?:invalid|error|unable|codepoint|sequence)\b", h.masalah, re.I), h.masalah
