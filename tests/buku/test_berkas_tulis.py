"""The safe write path (skpxl.buku.berkas): backups in .cadangan/, modes, symlinks, a full disk, a vanished folder,
a source changed by another process. Real files and real processes; the disk fills up through RLIMIT_FSIZE in a
child process."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from skpxl.buku.berkas import (
    CADANGAN,
    PenulisanAman,
    daftar_cadangan,
    mode_baru,
    periksa_keluaran,
    tulis_aman,
)
from skpxl.core.errors import BerkasTidakTertulis, InputTidakValid

WAKTU = datetime(2026, 11, 30, 9, 30, 0)


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def tulis(isi: bytes):  # type: ignore[no-untyped-def]
    return lambda tmp: Path(tmp).write_bytes(isi)


def sisa_sementara(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".skpxl-*")]


def test_backup_goes_to_cadangan_and_only_the_last_n_are_kept(tmp_path: Path) -> None:
    asli = tmp_path / "SKP Rina.xlsx"
    asli.write_bytes(b"versi 0")
    for i in range(1, 8):
        cadangan = tulis_aman(asli, tulis(b"versi %d" % i), sumber=asli, waktu=WAKTU + timedelta(seconds=i), simpan=3)
        assert cadangan is not None and cadangan.parent == tmp_path / CADANGAN
        assert cadangan.read_bytes() == b"versi %d" % (i - 1)
    assert asli.read_bytes() == b"versi 7"
    sisa = daftar_cadangan(asli)
    assert [p.read_bytes() for p in sisa] == [b"versi 4", b"versi 5", b"versi 6"]  # oldest removed first
    assert not list(tmp_path.glob("*cadangan-*")) and not sisa_sementara(tmp_path)


def test_backups_in_the_same_second_get_their_own_names_and_other_files_are_left_alone(tmp_path: Path) -> None:
    a, ab = tmp_path / "a.xlsx", tmp_path / "a.b.xlsx"
    a.write_bytes(b"a0")
    ab.write_bytes(b"ab0")
    tulis_aman(ab, tulis(b"ab1"), sumber=ab, waktu=WAKTU)
    for i in range(1, 4):
        tulis_aman(a, tulis(b"a%d" % i), sumber=a, waktu=WAKTU, simpan=2)
    assert [p.read_bytes() for p in daftar_cadangan(a)] == [b"a1", b"a2"]
    assert [p.read_bytes() for p in daftar_cadangan(ab)] == [b"ab0"]  # "a.b" is not a backup of "a"


def test_the_simpan_count_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(InputTidakValid, match="1 atau lebih"):
        PenulisanAman(tmp_path / "x.xlsx", sumber=None, waktu=WAKTU, simpan=0)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_rewritten_file_keeps_its_mode_and_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    asli = tmp_path / "bersama.xlsx"
    asli.write_bytes(b"lama")
    os.chmod(asli, 0o664)
    tulis_aman(asli, tulis(b"baru"), sumber=asli, waktu=WAKTU)
    assert stat.S_IMODE(asli.stat().st_mode) == 0o664  # not mkstemp's 0600
    lama = os.umask(0o027)
    try:
        assert mode_baru() == 0o640
        baru = tmp_path / "hasil.xlsx"
        tulis_aman(baru, tulis(b"x"), sumber=asli, waktu=WAKTU)
        assert stat.S_IMODE(baru.stat().st_mode) == 0o640
    finally:
        os.umask(lama)


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    nyata = tmp_path / "data" / "skp.xlsx"
    nyata.parent.mkdir()
    nyata.write_bytes(b"lama")
    tautan = tmp_path / "pintasan.xlsx"
    tautan.symlink_to(nyata)
    cadangan = tulis_aman(tautan, tulis(b"baru"), sumber=tautan, waktu=WAKTU)
    assert tautan.is_symlink() and nyata.read_bytes() == b"baru"
    assert cadangan is not None and cadangan.parent == nyata.parent / CADANGAN and cadangan.read_bytes() == b"lama"


def test_a_hard_link_as_output_is_refused_but_the_input_itself_is_in_place(tmp_path: Path) -> None:
    asli = tmp_path / "skp.xlsx"
    asli.write_bytes(b"x")
    keras = tmp_path / "salinan.xlsx"
    os.link(asli, keras)
    with pytest.raises(InputTidakValid, match="tautan keras"):
        periksa_keluaran(asli, keras)
    periksa_keluaran(asli, tmp_path / "." / "skp.xlsx")  # the same path spelled differently: in place
    periksa_keluaran(asli, tmp_path / "lain.xlsx")


def test_a_source_changed_by_another_process_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    asli = tmp_path / "skp.xlsx"
    asli.write_bytes(b"dibaca")
    with PenulisanAman(asli, sumber=asli, waktu=WAKTU) as p:
        p.buka().write_bytes(b"hasil")
        # Excel (another process) saves the file while skpxl computes
        subprocess.run([sys.executable, "-c", f"open({str(asli)!r}, 'wb').write(b'disimpan Excel, lebih panjang')"],
                       check=True, timeout=30)  # fmt: skip
        with pytest.raises(BerkasTidakTertulis, match="diubah atau dipindahkan program lain"):
            p.selesai()
    assert asli.read_bytes() == b"disimpan Excel, lebih panjang"
    assert not (tmp_path / CADANGAN).exists() and not sisa_sementara(tmp_path)


def test_a_vanished_folder_is_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "hilang"
    folder.mkdir()
    with PenulisanAman(folder / "x.xlsx", sumber=None, waktu=WAKTU) as p:
        tmp = p.buka()
        tmp.write_bytes(b"x")
        tmp.unlink()
        folder.rmdir()
        with pytest.raises(BerkasTidakTertulis, match="hilang selama penulisan; berkas asli tidak diubah"):
            p.selesai()
    with pytest.raises(BerkasTidakTertulis, match=r"Folder tujuan .* tidak ada"):
        PenulisanAman(tmp_path / "tidak" / "ada.xlsx", sumber=None, waktu=WAKTU)


# A full disk, for real: the child may write at most BATAS bytes per file (SIGXFSZ ignored, so write() fails with
# EFBIG as on a full disk). The new content is bigger than the limit, or only the backup is.
DISK_PENUH = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import datetime
    from pathlib import Path
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    batas = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (batas, batas))
    from skpxl.buku.berkas import tulis_aman
    from skpxl.core.errors import BerkasTidakTertulis
    asli = Path(sys.argv[1])
    try:
        tulis_aman(asli, lambda t: t.write_bytes(b"b" * int(sys.argv[2])), sumber=asli, waktu=datetime(2026, 1, 1))
    except BerkasTidakTertulis as e:
        print(e)
        sys.exit(2)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE")
@pytest.mark.parametrize(("ukuran_asli", "ukuran_baru"), [(1_000, 50_000), (50_000, 1_000)], ids=["isi", "cadangan"])
def test_disk_full_leaves_the_source_no_partial_backup_and_no_temp_file(
    tmp_path: Path, ukuran_asli: int, ukuran_baru: int
) -> None:
    asli = tmp_path / "skp.xlsx"
    asli.write_bytes(b"a" * ukuran_asli)
    before = sha(asli)
    r = subprocess.run(
        [sys.executable, "-c", DISK_PENUH, str(asli), str(ukuran_baru), "20000"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "disk penuh" in r.stdout and "berkas asli tidak diubah" in r.stdout
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
    assert sha(asli) == before
    assert not list((tmp_path / CADANGAN).glob("*")) if (tmp_path / CADANGAN).exists() else True
    assert not sisa_sementara(tmp_path)
