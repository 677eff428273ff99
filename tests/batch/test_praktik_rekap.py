"""Recap practice tables (issue 19): evaluator findings and copied SKP at, below and above their thresholds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skpxl.batch.agregat import Agregat
from skpxl.batch.langkah import BarisPegawai, HasilBerkas
from skpxl.batch.pantau import DINILAI, PREDIKAT, REALISASI, UMPAN_BALIK, RingkasPraktik, teks_pantau
from skpxl.core.config import Konfigurasi

ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
PENILAI = "198001012005011001"


def _orang(i: int, given: str | None, usulan: str, *, jabatan: str = "Pengolah Data", sidik: str | None = None,
           pantau: tuple[tuple[str, int], ...] = (), predikat: str = "Baik",
           bawah: tuple[tuple[str, str | None], ...] = ()) -> HasilBerkas:  # fmt: skip
    p = BarisPegawai(
        nip=f"19900101201501100{i}", nama=f"Pegawai Uji {i}", jabatan=jabatan, jenis_jabatan="Pelaksana",
        jenjang=None, pangkat="Pengatur (II/c)", unit_kerja="Bidang Uji", nip_penilai=PENILAI,
        nama_penilai="Penilai Uji", periode="AKHIR", periode_awal=None, rating_hasil_kerja=given or usulan,
        rating_hasil_kerja_usulan=usulan, rating_perilaku=SESUAI, predikat=predikat, angka_kredit=None,
        predikat_organisasi=None, jumlah_kesalahan=0, jumlah_peringatan=i % 2, jumlah_info=0,
        praktik=RingkasPraktik(rating_dari_penilai=given is not None, pantau_teks=teks_pantau(pantau),
                               perilaku_bawah=bawah, catatan="Ikuti pelatihan." if bawah else None, sidik=sidik),
    )  # fmt: skip
    return HasilBerkas(f"{i:02d}.xlsx", p)


def _agregat(*hasil: HasilBerkas, konfigurasi: Konfigurasi | None = None) -> Agregat:
    ag = Agregat() if konfigurasi is None else Agregat(konfigurasi=konfigurasi)
    for h in hasil:
        ag.tambah(h)
    ag.selesai()
    return ag


def _kode(ag: Agregat) -> list[str]:
    return [t[0] for _, t in ag.temuan_batch]


@pytest.mark.parametrize(("jumlah", "muncul"), [(2, False), (3, True), (4, True)])
def test_same_rating_for_every_staff_member_needs_min_staff(jumlah: int, muncul: bool) -> None:
    ag = _agregat(*(_orang(i, SESUAI, SESUAI) for i in range(jumlah)))
    assert _kode(ag) == (["PENILAI_RATING_SERAGAM"] if muncul else [])
    if muncul:
        ((berkas, t),) = ag.temuan_batch
        assert berkas == "(pejabat penilai Penilai Uji)"  # the evaluator's own file is not in the folder
        assert f"semua {jumlah} pegawai" in t[5] and '"Sesuai Ekspektasi"' in t[5] and f"(NIP {PENILAI})" in t[5]


def test_same_rating_not_when_one_differs_or_one_was_not_given() -> None:
    assert _kode(_agregat(_orang(0, SESUAI, SESUAI), _orang(1, SESUAI, SESUAI), _orang(2, ATAS, ATAS))) == []
    assert _kode(_agregat(_orang(0, SESUAI, SESUAI), _orang(1, SESUAI, SESUAI), _orang(2, None, SESUAI))) == []


def test_min_staff_is_configurable() -> None:
    k = Konfigurasi(penilai_min_pegawai=4)
    assert _kode(_agregat(*(_orang(i, SESUAI, SESUAI) for i in range(3)), konfigurasi=k)) == []


@pytest.mark.parametrize(
    ("naik", "jumlah", "muncul"),
    [(2, 4, False), (3, 5, True), (3, 4, True), (1, 3, False), (2, 3, True)],
    ids=["tepat-50", "60", "75", "33", "67"],
)
def test_most_proposals_overridden_upward(naik: int, jumlah: int, muncul: bool) -> None:
    # overrides Sesuai → Di Atas; the others given Di Bawah = their proposal (so never "all the same rating")
    hasil = [_orang(i, ATAS, SESUAI) for i in range(naik)] + [_orang(i, BAWAH, BAWAH) for i in range(naik, jumlah)]
    ag = _agregat(*hasil)
    assert _kode(ag) == (["PENILAI_MENAIKKAN"] if muncul else [])
    b = ag.praktik.baris_penilai()[0]
    assert (b.di_atas_usulan, b.sama_usulan, b.di_bawah_usulan) == (naik, jumlah - naik, 0)
    if muncul:
        pesan = ag.temuan_batch[0][1][5]
        assert f"{naik} dari {jumlah} pegawai" in pesan and "lebih dari 50%" in pesan


def test_upward_share_is_configurable_and_needs_min_staff() -> None:
    hasil = [_orang(0, ATAS, SESUAI), _orang(1, ATAS, SESUAI), _orang(2, BAWAH, BAWAH)]
    assert _kode(_agregat(*hasil, konfigurasi=Konfigurasi(penilai_porsi_naik=Decimal("0.7")))) == []
    assert _kode(_agregat(hasil[0], hasil[1])) == []  # 2 of 2, but fewer than 3 staff


def test_downward_overrides_are_counted_not_flagged() -> None:
    ag = _agregat(_orang(0, BAWAH, SESUAI), _orang(1, BAWAH, ATAS), _orang(2, SESUAI, SESUAI))
    b = ag.praktik.baris_penilai()[0]
    assert (b.sama_usulan, b.di_atas_usulan, b.di_bawah_usulan) == (1, 0, 2)
    assert _kode(ag) == []


def test_penilai_row_counts_feedback_periods_and_files_with_findings() -> None:
    semua = REALISASI | DINILAI | UMPAN_BALIK | PREDIKAT
    ag = _agregat(
        _orang(1, SESUAI, SESUAI, pantau=(("TW1", semua), ("TW2", REALISASI), ("TW3", 0), ("AKHIR", semua))),
        _orang(2, ATAS, SESUAI, pantau=(("TW1", REALISASI | UMPAN_BALIK), ("TW2", 0), ("TW3", 0), ("AKHIR", semua))),
    )
    (b,) = ag.praktik.data_penilai()
    assert (b["periode_berrealisasi"], b["periode_umpan_balik"], b["porsi_umpan_balik"]) == (5, 4, 0.8)
    assert b["berkas_bertemuan"] == 1  # Pegawai Uji 1 has a warning, 2 has none
    pemantauan = {x["periode"]: x for x in ag.praktik.data_pemantauan()}
    assert [x["periode"] for x in ag.praktik.data_pemantauan()] == ["TW1", "TW2", "TW3", "AKHIR"]
    assert {k: pemantauan["TW1"][k] for k in ("pegawai", "realisasi", "dinilai", "umpan_balik", "predikat")} == {
        "pegawai": 2, "realisasi": 2, "dinilai": 1, "umpan_balik": 2, "predikat": 1}  # fmt: skip
    assert pemantauan["TW2"]["realisasi"] == 1 and pemantauan["TW3"]["realisasi"] == 0


def test_identical_plans_for_different_jobs() -> None:
    ag = _agregat(
        _orang(1, SESUAI, SESUAI, jabatan="Pengolah Data", sidik="abc"),
        _orang(2, ATAS, ATAS, jabatan="  pengolah  DATA ", sidik="abc"),  # same job: a shared standard SKP is fine
        _orang(3, BAWAH, BAWAH, jabatan="Arsiparis", sidik="abc"),
        _orang(4, SESUAI, SESUAI, jabatan="Arsiparis", sidik="xyz"),
    )
    identik = [(b, t[5]) for b, t in ag.temuan_batch if t[0] == "SKP_IDENTIK"]
    assert [b for b, _ in identik] == ["01.xlsx", "02.xlsx", "03.xlsx"]
    assert "Pegawai Uji 3 (Arsiparis, berkas 03.xlsx)" in identik[0][1]
    assert "Pegawai Uji 1 (Pengolah Data, berkas 01.xlsx)" in identik[2][1]


def test_development_needs_from_predikat_and_core_values() -> None:
    ag = _agregat(
        _orang(1, BAWAH, BAWAH, predikat="Butuh Perbaikan"),
        _orang(2, SESUAI, SESUAI, bawah=(("Kolaboratif", "Belum aktif dalam tim."), ("Adaptif", None))),
        _orang(3, SESUAI, SESUAI, predikat="Baik"),
    )
    rows = [(x["nama"], x["alasan"], x["nilai_inti"], x["umpan_balik"]) for x in ag.praktik.data_pengembangan()]
    assert rows == [
        ("Pegawai Uji 1", "Predikat Butuh Perbaikan", None, None),
        ("Pegawai Uji 2", "Di Bawah Ekspektasi pada nilai inti", "Kolaboratif", "Belum aktif dalam tim."),
        ("Pegawai Uji 2", "Di Bawah Ekspektasi pada nilai inti", "Adaptif", None),
    ]


# --- the worker side: what one file adds to its row ------------------------------------------------------


def test_ringkas_flags_per_period_and_development_fields() -> None:
    from skpxl.batch.pantau import ringkas
    from skpxl.core.hitung import hitung
    from tests.bantu.formulir import form_bersih

    f = form_bersih()
    f.evaluasi["AKHIR"].rating_perilaku_per_nilai = {"Kolaboratif": BAWAH, "Loyal": SESUAI}
    f.evaluasi["AKHIR"].umpan_balik_perilaku = {"Kolaboratif": "Jarang hadir rapat tim."}
    f.evaluasi["AKHIR"].catatan = "Ikuti pelatihan kerja sama tim."
    r = ringkas(f, hitung(f), "AKHIR")
    semua = REALISASI | DINILAI | UMPAN_BALIK | PREDIKAT
    # triwulanan: every quarter is listed, also those with nothing yet (the monitoring table counts them)
    assert r.pantau == (("TW1", semua), ("TW2", 0), ("TW3", 0), ("TW4", 0), ("AKHIR", semua))
    assert r.rating_dari_penilai is True
    assert r.perilaku_bawah == (("Kolaboratif", "Jarang hadir rapat tim."),)
    assert r.catatan == "Ikuti pelatihan kerja sama tim."
    # nobody to develop: the note stays out of the row
    f.evaluasi["AKHIR"].rating_perilaku_per_nilai = {}
    r2 = ringkas(f, hitung(f), "AKHIR")
    assert r2.perilaku_bawah == () and r2.catatan is None
    # a period with realisasi but no rating yet: realisasi and feedback, not evaluated, no predikat
    f.evaluasi["TW1"].rating_perilaku = None
    assert dict(ringkas(f, hitung(f), "AKHIR").pantau)["TW1"] == REALISASI | UMPAN_BALIK


def test_sidik_ignores_spaces_and_case_but_not_targets() -> None:
    from skpxl.batch.pantau import ringkas
    from tests.bantu.formulir import form_bersih

    a, b = form_bersih(), form_bersih()
    b.rhk[0].teks = "  " + (b.rhk[0].teks or "").upper()
    b.rhk[0].iki[0].teks = (b.rhk[0].iki[0].teks or "").replace(" ", "   ")
    assert ringkas(a, None, "AKHIR").sidik == ringkas(b, None, "AKHIR").sidik
    b.rhk[0].iki[0].target = Decimal(5)
    assert ringkas(a, None, "AKHIR").sidik != ringkas(b, None, "AKHIR").sidik
    kosong = form_bersih()
    kosong.rhk = []
    assert ringkas(kosong, None, "AKHIR").sidik is None  # empty plans are not copies of each other


def test_identical_plans_scale_with_the_group() -> None:
    """A standard SKP shared by thousands in one job: no finding, and no quadratic scan."""
    hasil = [_orang(i, SESUAI, SESUAI, sidik="standar") for i in range(3000)]
    hasil.append(_orang(5000, SESUAI, SESUAI, jabatan="Arsiparis", sidik="standar"))
    ag = _agregat(*hasil)
    kode = _kode(ag)
    assert kode.count("SKP_IDENTIK") == 3001


def test_rekap_folder_passes_the_evaluator_options() -> None:
    from skpxl.batch.jalan import rekap_folder
    from tests.bantu.templat_uji import TEMPLATES

    latihan = TEMPLATES / "latihan"
    baku = rekap_folder(latihan, None)
    assert {t[0] for _, t in baku.agregat.temuan_batch} >= {"PENILAI_RATING_SERAGAM", "PENILAI_MENAIKKAN"}
    longgar = rekap_folder(latihan, None, konfigurasi=Konfigurasi(penilai_min_pegawai=4))
    assert not {t[0] for _, t in longgar.agregat.temuan_batch} & {"PENILAI_RATING_SERAGAM", "PENILAI_MENAIKKAN"}
