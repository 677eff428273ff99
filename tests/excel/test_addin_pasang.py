"""``skpxl addin install|remove`` on simulated Windows/macOS home folders, and the Linux refusal."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from skpxl.excel import pasang
from skpxl.excel.pasang import (
    NAMA_ADDIN,
    PESAN_LINUX,
    berkas_konfigurasi_pengguna,
    cari_berkas_addin,
    folder_xlstart,
    lepas_addin,
    pasang_addin,
)

AKAR = Path(__file__).resolve().parents[2]
XLAM = AKAR / "addin" / NAMA_ADDIN


def _windows(tmp_path: Path) -> dict[str, str]:
    return {"APPDATA": str(tmp_path / "AppData" / "Roaming"), "USERPROFILE": str(tmp_path)}


def test_folder_windows_dan_macos(tmp_path: Path) -> None:
    env = _windows(tmp_path)
    assert folder_xlstart("win32", env, tmp_path) == tmp_path / "AppData/Roaming/Microsoft/Excel/XLSTART"
    assert berkas_konfigurasi_pengguna("win32", env, tmp_path) == tmp_path / ".skpxl" / "skpxl.conf"
    mac = folder_xlstart("darwin", {}, tmp_path)
    assert mac == tmp_path / "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
    lama = tmp_path / "Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel"
    lama.mkdir(parents=True)
    assert folder_xlstart("darwin", {}, tmp_path) == lama  # the folder that exists wins
    assert berkas_konfigurasi_pengguna("darwin", {}, tmp_path) == (
        tmp_path / "Library/Containers/com.microsoft.Excel/Data/skpxl.conf"
    )
    assert folder_xlstart("linux", {}, tmp_path) is None


def test_pasang_dan_lepas_windows(tmp_path: Path) -> None:
    env = _windows(tmp_path)
    pesan: list[str] = []
    conf = tmp_path / ".skpxl" / "skpxl.conf"
    conf.parent.mkdir()
    conf.write_text('"LICENSE_KEY","abc"\n"INTERPRETER_WIN","C:\\lama\\python.exe"\n', encoding="utf-8")
    kode = pasang_addin(
        platform="win32", env=env, home=tmp_path, python=r"C:\Users\asn\skpxl\venv\Scripts\python.exe",
        cetak=pesan.append,
    )  # fmt: skip
    assert kode == 0
    tujuan = tmp_path / "AppData/Roaming/Microsoft/Excel/XLSTART" / NAMA_ADDIN
    assert tujuan.read_bytes() == XLAM.read_bytes()
    assert conf.read_text(encoding="utf-8").splitlines() == [
        '"LICENSE_KEY","abc"',  # other settings are kept
        '"INTERPRETER_WIN","C:\\Users\\asn\\skpxl\\venv\\Scripts\\python.exe"',
        '"USE UDF SERVER","True"',
    ]
    assert any("terpasang" in p for p in pesan) and any("Excel" in p for p in pesan)

    assert pasang_addin(platform="win32", env=env, home=tmp_path, server_udf=False, cetak=pesan.append) == 0
    assert '"USE UDF SERVER","False"' in conf.read_text(encoding="utf-8")

    pesan.clear()
    assert lepas_addin(platform="win32", env=env, home=tmp_path, cetak=pesan.append) == 0
    assert not tujuan.exists() and conf.exists()
    assert lepas_addin(platform="win32", env=env, home=tmp_path, cetak=pesan.append) == 0
    assert "tidak terpasang" in pesan[-1]


def test_pasang_macos_menyalin_applescript(tmp_path: Path) -> None:
    pesan: list[str] = []
    assert pasang_addin(platform="darwin", env={}, home=tmp_path, python="/Users/asn/.skpxl/venv/bin/python",
                        cetak=pesan.append) == 0  # fmt: skip
    assert (folder_xlstart("darwin", {}, tmp_path) / NAMA_ADDIN).is_file()  # type: ignore[operator]
    skrip = list((tmp_path / "Library/Application Scripts/com.microsoft.Excel").glob("xlwings-*.applescript"))
    assert len(skrip) == 1
    conf = tmp_path / "Library/Containers/com.microsoft.Excel/Data/skpxl.conf"
    assert conf.read_text(encoding="utf-8") == '"INTERPRETER_MAC","/Users/asn/.skpxl/venv/bin/python"\n'
    assert "Cmd-Q" in pesan[-1]


def test_linux_menolak_dengan_jelas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert pasang_addin(platform="linux", env={}, home=tmp_path) == 2
    assert lepas_addin(platform="linux", env={}, home=tmp_path) == 2
    keluaran = capsys.readouterr().out
    assert keluaran.count(PESAN_LINUX) == 2
    assert "Excel tidak tersedia di Linux" in PESAN_LINUX and "skpxl validasi" in PESAN_LINUX
    assert not any(tmp_path.iterdir())


def test_berkas_addin_tidak_ada(tmp_path: Path) -> None:
    pesan: list[str] = []
    kode = pasang_addin(berkas=tmp_path / "tidak.xlam", platform="win32", env=_windows(tmp_path), home=tmp_path,
                        cetak=pesan.append)  # fmt: skip
    assert kode == 2 and "--berkas" in pesan[0]
    assert cari_berkas_addin() == XLAM  # from a source checkout


def test_berkas_terkunci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def terkunci(*a: object, **k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("skpxl.excel.pasang.shutil.copyfile", terkunci)
    pesan: list[str] = []
    assert pasang_addin(platform="win32", env=_windows(tmp_path), home=tmp_path, cetak=pesan.append) == 2
    assert "Tutup Excel" in pesan[0]


def test_perintah_terdaftar_di_argparse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = argparse.ArgumentParser(prog="skpxl")
    sub = p.add_subparsers(dest="perintah")
    pasang.daftar(sub)
    assert pasang.daftar_perintah_addin is pasang.daftar
    args = p.parse_args(["addin", "install", "--tanpa-server-udf", "--berkas", str(XLAM)])
    assert args.tanpa_server_udf and args.berkas == XLAM
    dipanggil: dict[str, object] = {}
    monkeypatch.setattr(pasang, "pasang_addin", lambda **k: dipanggil.update(k) or 0)
    assert args.fungsi(args) == 0 and dipanggil == {"berkas": XLAM, "server_udf": False}
    for alias, asli in (("pasang", "install"), ("lepas", "remove")):
        assert p.parse_args(["addin", alias]).fungsi is p.parse_args(["addin", asli]).fungsi
    with pytest.raises(SystemExit):
        p.parse_args(["addin"])  # an action is required


def _bertanda_tangan(tujuan: Path) -> Path:
    """The built add-in with the parts Excel adds when a VBA project is signed (signature bytes are a stand-in)."""
    import zipfile

    with zipfile.ZipFile(XLAM) as z:
        bagian = {n: z.read(n) for n in z.namelist()}
    bagian["[Content_Types].xml"] = bagian["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/vbaProjectSignature.bin" '
        b'ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>',
    )
    bagian["xl/_rels/vbaProject.bin.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" '
        b'Target="vbaProjectSignature.bin"/></Relationships>'
    )
    bagian["xl/vbaProjectSignature.bin"] = bytes(range(256)) * 8
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return tujuan


def test_addin_bertanda_tangan_instansi_dipasang_apa_adanya(tmp_path: Path) -> None:
    # docs/excel.md: the instansi signs skpxl.xlam and installs its copy with --berkas; the signature must survive
    bertanda = _bertanda_tangan(tmp_path / "skpxl-bertanda.xlam")
    pesan: list[str] = []
    kode = pasang_addin(
        berkas=bertanda, platform="win32", env=_windows(tmp_path), home=tmp_path, python="C:\\py\\python.exe",
        cetak=pesan.append,
    )  # fmt: skip
    assert kode == 0
    assert (tmp_path / "AppData/Roaming/Microsoft/Excel/XLSTART" / NAMA_ADDIN).read_bytes() == bertanda.read_bytes()
