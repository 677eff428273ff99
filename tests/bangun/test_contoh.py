"""The synthetic example unit: believable, structurally valid, cascading, every predikat, reproducible."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from skpxl.bangun import contoh
from skpxl.buku.adapters.calamine_reader import CalamineReader
from skpxl.buku.adapters.openpyxl_adapter import buka
from skpxl.buku.form_io import baca_form
from skpxl.core.enums import JenisJabatan, JenisRHK, Jenjang, NilaiInti, Predikat, Rating
from skpxl.core.nip import parse_nip
from skpxl.core.pangkat import GOLONGAN_JENJANG, cari_golongan
from tests.bantu.templat_uji import CONTOH, beda, tanpa_sel

UNIT = contoh.form_unit()
MANIFEST = json.loads((CONTOH / "manifest.json").read_text(encoding="utf-8"))


def test_the_unit_has_the_people_the_issue_asks_for() -> None:
    jenis = Counter(f.jenis_jabatan for _, f in UNIT)
    assert jenis["Administrator"] == 1 and jenis["Pengawas"] == 2
    staf = [f for _, f in UNIT if f.jenis_jabatan in ("Fungsional", "Pelaksana")]
    assert len(staf) >= 12
    assert {"Fungsional", "Pelaksana"} <= {f.jenis_jabatan for f in staf}
    jenjang = {f.jenjang for f in staf if f.jenis_jabatan == "Fungsional"}
    assert len(jenjang) >= 3 and all(Jenjang.cari(j) for j in jenjang)
    for _, f in UNIT:
        assert JenisJabatan.cari(f.jenis_jabatan) is not None
        assert (f.jenjang is not None) == (f.jenis_jabatan == "Fungsional")


def test_nips_are_structurally_valid_and_plausible() -> None:
    dilihat: set[str] = set()
    for _, f in UNIT:
        for orang in (f.pegawai, f.penilai, f.atasan_penilai):
            assert orang.nip is not None and len(orang.nip) == 18 and orang.nip.isdigit()
            nip = parse_nip(orang.nip)
            lahir = date(int(orang.nip[:4]), int(orang.nip[4:6]), int(orang.nip[6:8]))
            tmt = date(int(orang.nip[8:12]), int(orang.nip[12:14]), 1)
            assert nip.jenis == "PNS" and nip.tanggal_lahir == lahir
            assert orang.nip[14] in "12"
            assert (tmt - lahir).days >= 18 * 365 and tmt < date(contoh.TAHUN, 1, 1)
        dilihat.add(f.pegawai.nip or "")
    assert len(dilihat) == len(UNIT)


def test_pangkat_fits_the_jenjang() -> None:
    for _, f in UNIT:
        gol = cari_golongan(f.pegawai.pangkat)
        assert gol is not None, f.pegawai.pangkat
        if f.jenjang:
            assert gol.kode in GOLONGAN_JENJANG[Jenjang.dari_teks(f.jenjang)], (f.pegawai.nama, gol.kode)


def test_rhk_cascade_from_the_head_down() -> None:
    rhk_per_nip = {f.pegawai.nip: {r.teks for r in f.rhk} for _, f in UNIT}
    for _, f in UNIT:
        atasan = rhk_per_nip.get(f.penilai.nip)
        for r in f.rhk:
            assert r.rhk_atasan, (f.pegawai.nama, r.teks)
            if atasan is not None:
                assert r.rhk_atasan in atasan, (f.pegawai.nama, r.teks)
            else:  # the head intervenes the Kepala Dinas's RHK
                assert r.rhk_atasan in contoh.RHK_KEPALA_DINAS
            assert r.iki and all(i.teks and i.target is not None and i.satuan for i in r.iki)
        assert any(JenisRHK.cari(r.jenis) is JenisRHK.UTAMA for r in f.rhk)


def test_every_predikat_occurs_and_the_kurva_holds() -> None:
    akhir = Counter(p["predikat_akhir"] for p in MANIFEST["pegawai"])
    assert set(akhir) == {p.value for p in Predikat}
    n = sum(akhir.values())
    assert akhir["Baik"] * 10 <= n * 7  # organisation "Baik": Baik at most 70%
    assert akhir["Butuh Perbaikan"] + akhir["Kurang/Misconduct"] >= 1
    assert MANIFEST["jumlah_predikat_akhir"] == dict(akhir)


def test_manifest_agrees_with_the_forms_and_the_matrix() -> None:
    assert contoh.manifest() == MANIFEST
    for (berkas, f), p in zip(UNIT, MANIFEST["pegawai"], strict=True):
        assert p["berkas"] == berkas and p["nip"] == f.pegawai.nip and p["nip_penilai"] == f.penilai.nip
        for kode, data in p["periode"].items():
            ep = f.evaluasi[kode]
            assert ep.rating_hasil_kerja == data["rating_hasil_kerja"]
            assert ep.rating_perilaku == data["rating_perilaku"]
            assert len(data["kategori_rhk"]) == len(f.rhk)
            if data["rating_perilaku"] is not None:
                assert contoh.MATRIKS[(data["rating_hasil_kerja"], data["rating_perilaku"])] == data["predikat"]
            for r in (data["rating_hasil_kerja"], data["rating_hasil_kerja_usulan"]):
                assert Rating.cari(r) is not None
        assert p["predikat_akhir"] == p["periode"]["AKHIR"]["predikat"]
        assert (p["periode"]["AKHIR"]["angka_kredit"] is not None) == (f.jenis_jabatan == "Fungsional")
    # the designed special cases are there
    beda_usulan = [p for p in MANIFEST["pegawai"] if p["periode"]["AKHIR"]["rating_hasil_kerja"]
                   != p["periode"]["AKHIR"]["rating_hasil_kerja_usulan"]]  # fmt: skip
    assert len(beda_usulan) == 1
    per_nilai = [f for _, f in UNIT if f.evaluasi["AKHIR"].rating_perilaku_per_nilai]
    assert len(per_nilai) == 1 and per_nilai[0].evaluasi["AKHIR"].rating_perilaku is None
    assert set(per_nilai[0].evaluasi["AKHIR"].rating_perilaku_per_nilai) == {n.value for n in NilaiInti}


def test_realisasi_follow_the_designed_categories() -> None:
    """A sanity check of the generator: Sesuai means realisasi == target, above/below move the right way."""
    for o, (_, f) in zip(contoh.ORANG, UNIT, strict=True):
        for j, (rc, r) in enumerate(zip(o.rhk, f.rhk, strict=True)):
            huruf = o.profil[j]
            for m, (ic, iki) in enumerate(zip(rc.iki, r.iki, strict=True)):
                real = iki.evaluasi["AKHIR"].realisasi
                target = iki.target
                kategori = "S" if (m > 0 and huruf == "B") else huruf
                if ic.jenis == "rentang":
                    assert kategori == "S" and isinstance(target, str)
                    continue
                assert not isinstance(target, str) and not isinstance(real, str) and real is not None
                lebih_baik = real < target if (ic.jenis == "waktu") else real > target
                assert {"S": real == target, "A": lebih_baik, "B": not lebih_baik and real != target}[kategori], (
                    o.kode, j, m, real, target)  # fmt: skip


@pytest.mark.parametrize(("berkas", "form"), UNIT, ids=[b for b, _ in UNIT])
def test_each_example_workbook_round_trips_with_both_readers(berkas: str, form: object) -> None:
    p = CONTOH / berkas
    with CalamineReader(p) as ca:
        a = baca_form(ca)
    b = baca_form(buka(p, read_only=True))
    assert beda(tanpa_sel(a), tanpa_sel(form)) == []
    assert a == b  # sel maps included


def test_examples_use_no_real_domains() -> None:
    for _, f in UNIT:
        for r in f.rhk:
            for i in r.iki:
                for e in i.evaluasi.values():
                    assert e.bukti_dukung and ".example/" in e.bukti_dukung


def test_single_example_regeneration(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    nama = UNIT[0][0]
    ditulis = contoh.tulis_contoh(folder, berkas=[nama])
    assert [p.name for p in ditulis] == [nama, "manifest.json"]
    assert (folder / nama).read_bytes() == (CONTOH / nama).read_bytes()


def test_build_command_parses_its_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m skpxl.bangun --help`` is help, never a folder named "--help" full of artifacts."""
    from skpxl.bangun.__main__ import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    with pytest.raises(SystemExit) as e:
        main(["tidak-ada"])  # ROOT must be an existing folder
    assert e.value.code == 2
    assert list(tmp_path.iterdir()) == []
