"""Practice lint (issue 19): each finding at, just below and just above its threshold, with its cell and numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skpxl.core.config import Konfigurasi
from skpxl.core.enums import NilaiInti, Tingkat
from skpxl.core.models import EvaluasiPeriode, SkpForm
from skpxl.core.temuan import KATALOG, Temuan
from skpxl.core.validasi import validasi
from tests.bantu.formulir import form_bersih

D = Decimal


def _cari(form: SkpForm, kode: str, konfigurasi: Konfigurasi | None = None) -> list[Temuan]:
    hasil = validasi(form, konfigurasi) if konfigurasi else validasi(form)
    return [t for t in hasil if t.kode == kode]


def _lain(form: SkpForm, *kode: str) -> list[str]:
    """Warnings and errors other than the expected ones (a rule must not drag others along)."""
    return [t.kode for t in validasi(form) if t.tingkat is not Tingkat.INFO and t.kode not in kode]


def _realisasi(form: SkpForm, r: int, i: int, **per_periode: Decimal) -> None:
    for kode, nilai in per_periode.items():
        form.rhk[r].iki[i].evaluasi[kode].realisasi = nilai


def test_new_codes_are_warnings_in_the_catalog() -> None:
    for kode in ("TARGET_TERLALU_RENDAH", "TARGET_TIDAK_REALISTIS", "TARGET_RENTANG_LEBAR", "TARGET_WAKTU_NOL",
                 "UMPAN_BALIK_KOSONG", "BUKTI_DUKUNG_KOSONG", "UMPAN_BALIK_PERILAKU_KOSONG", "AKHIR_TANPA_PERIODIK",
                 "CAPAIAN_SERAGAM", "PERILAKU_SERAGAM", "RHK_SALINAN_ATASAN"):  # fmt: skip
        assert KATALOG[kode][0] is Tingkat.WARNING


# realism: ceiling (target 4; capaian = realisasi / 4 × 100) -----------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "muncul"),
    [(D("5.2"), True), (D("5.1996"), False), (D("5.2004"), True)],
    ids=["tepat-130", "129,99", "130,01"],
)
def test_capaian_above_the_ceiling_in_every_period(realisasi: Decimal, muncul: bool) -> None:
    f = form_bersih()
    _realisasi(f, 0, 0, TW1=realisasi, AKHIR=realisasi)
    hits = _cari(f, "TARGET_TERLALU_RENDAH")
    assert len(hits) == int(muncul)
    if muncul:
        assert hits[0].alamat == "SKP!F20"
        assert "130% atau lebih" in hits[0].pesan
        assert "Triwulan I 130" in hits[0].pesan and "Akhir (Tahunan) 130" in hits[0].pesan
        assert _lain(f, "TARGET_TERLALU_RENDAH") == []


def test_ceiling_needs_every_period_and_at_least_two() -> None:
    f = form_bersih()
    _realisasi(f, 0, 0, TW1=D(4), AKHIR=D(8))  # 100% then 200%: not every period
    assert _cari(f, "TARGET_TERLALU_RENDAH") == []
    f = form_bersih()
    _realisasi(f, 0, 0, AKHIR=D(8))
    del f.rhk[0].iki[0].evaluasi["TW1"]  # one period only (and TW1's empty row is REALISASI_KOSONG)
    assert _cari(f, "TARGET_TERLALU_RENDAH") == []
    assert len(_cari(f, "TARGET_TERLALU_RENDAH", Konfigurasi(realisme_min_periode=1))) == 1


@pytest.mark.parametrize(("realisasi", "muncul"), [(D(14), True), (D("14.002"), False), (D("13.998"), True)])
def test_ceiling_for_a_lower_is_better_iki(realisasi: Decimal, muncul: bool) -> None:
    """Waktu, target 20 hari: (2 − 14/20) × 100 = 130%; a lenient time target is 'too easy' too."""
    f = form_bersih()
    _realisasi(f, 0, 1, TW1=realisasi, AKHIR=realisasi)
    hits = _cari(f, "TARGET_TERLALU_RENDAH")
    assert [t.alamat for t in hits] == (["SKP!F21"] if muncul else [])


def test_ceiling_is_configurable() -> None:
    f = form_bersih()
    _realisasi(f, 0, 0, TW1=D("5.2"), AKHIR=D("5.2"))
    assert _cari(f, "TARGET_TERLALU_RENDAH", Konfigurasi(realisme_plafon=D(150))) == []


# realism: floor ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "muncul"),
    [(D(2), False), (D("1.9996"), True), (D("2.0004"), False)],
    ids=["tepat-50", "49,99", "50,01"],
)
def test_capaian_below_the_floor_in_every_period(realisasi: Decimal, muncul: bool) -> None:
    f = form_bersih()
    _realisasi(f, 0, 0, TW1=realisasi, AKHIR=realisasi)
    hits = _cari(f, "TARGET_TIDAK_REALISTIS")
    assert len(hits) == int(muncul)
    if muncul:
        assert hits[0].alamat == "SKP!F20"
        assert "di bawah 50%" in hits[0].pesan and "Triwulan I 49,99%" in hits[0].pesan
        assert _lain(f, "TARGET_TIDAK_REALISTIS") == []


def test_floor_waits_for_akhir_by_default() -> None:
    """Periodic realisasi is often cumulative: a low TW I and TW II alone are no verdict yet."""
    f = form_bersih()
    iki = f.rhk[0].iki[0]
    iki.evaluasi["TW2"] = iki.evaluasi["TW1"].model_copy(deep=True)
    _realisasi(f, 0, 0, TW1=D(1), TW2=D(1))
    del iki.evaluasi["AKHIR"]
    assert _cari(f, "TARGET_TIDAK_REALISTIS") == []
    assert len(_cari(f, "TARGET_TIDAK_REALISTIS", Konfigurasi(realisme_lantai_perlu_akhir=False))) == 1


def test_target_zero_and_ambiguous_targets_are_left_to_their_own_findings() -> None:
    f = form_bersih()
    f.rhk[0].iki[0].target = "1.250"  # read as 1250: capaian 0,08% is the misreading, not the target
    assert _cari(f, "TARGET_TIDAK_REALISTIS") == []


# realism: range width and zero time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "muncul"),
    [("40-80", False), ("40-79,99", False), ("40-80,01", True), ("80-90", False)],
)
def test_range_wider_than_its_lower_bound(target: str, muncul: bool) -> None:
    f = form_bersih()
    f.rhk[1].iki[1].target = target
    hits = _cari(f, "TARGET_RENTANG_LEBAR")
    assert len(hits) == int(muncul)
    if muncul:
        assert hits[0].alamat == "SKP!F23"
        assert "selebar 40,01" in hits[0].pesan and "batas bawahnya (40)" in hits[0].pesan
        assert _lain(f, "TARGET_RENTANG_LEBAR") == []


def test_range_ratio_is_configurable() -> None:
    f = form_bersih()
    f.rhk[1].iki[1].target = "40-80,01"
    assert _cari(f, "TARGET_RENTANG_LEBAR", Konfigurasi(rentang_rasio_maks=D(2))) == []


@pytest.mark.parametrize(
    ("target", "satuan", "muncul"),
    [(D(0), "hari", True), (D("0.5"), "hari", False), (D(1), "hari", False), (D(0), "hari kerja", True),
     (D(0), "kali terlambat", False)],
)  # fmt: skip
def test_waktu_target_of_zero_days(target: Decimal, satuan: str, muncul: bool) -> None:
    f = form_bersih()
    iki = f.rhk[0].iki[1]  # Waktu, arah khusus by default
    iki.target, iki.satuan = target, satuan
    hits = _cari(f, "TARGET_WAKTU_NOL")
    assert len(hits) == int(muncul)
    if muncul:
        assert hits[0].alamat == "SKP!F21" and f"0 {satuan}" in hits[0].pesan
        assert _lain(f, "TARGET_WAKTU_NOL") == []


def test_waktu_zero_with_arah_normal_is_only_target_nol() -> None:
    f = form_bersih()
    iki = f.rhk[0].iki[1]
    iki.target, iki.arah = D(0), "Normal"
    kode = [t.kode for t in validasi(f)]
    assert "TARGET_NOL" in kode and "TARGET_WAKTU_NOL" not in kode


# feedback and evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("medan", "kode", "kolom"), [("umpan_balik", "UMPAN_BALIK_KOSONG", "G"),
                                                       ("bukti_dukung", "BUKTI_DUKUNG_KOSONG", "F")])  # fmt: skip
def test_evaluated_iki_without_feedback_or_evidence(medan: str, kode: str, kolom: str) -> None:
    f = form_bersih()
    setattr(f.rhk[0].iki[1].evaluasi["TW1"], medan, "   ")  # blank counts as empty
    hits = _cari(f, kode)
    assert [(t.alamat, t.nilai) for t in hits] == [(f"TW1!{kolom}21", None)]
    assert "Triwulan I: 1 dari 5 IKI" in hits[0].pesan or "Triwulan I: 1 dari 5 realisasi" in hits[0].pesan
    assert _lain(f, kode) == []
    # every IKI of the period: still one finding, listing the cells
    for rhk in f.rhk:
        for iki in rhk.iki:
            setattr(iki.evaluasi["AKHIR"], medan, None)
    hits = _cari(f, kode)
    assert [t.alamat for t in hits] == [f"TW1!{kolom}21", f"AKHIR!{kolom}20"]
    assert "5 dari 5" in hits[1].pesan and f"{kolom}20, {kolom}21, {kolom}22, {kolom}23, {kolom}24" in hits[1].pesan
    # not required by the instansi → nothing
    assert _cari(f, kode, Konfigurasi(**{f"wajib_{medan}": False})) == []


def test_an_iki_without_realisasi_needs_no_feedback_yet() -> None:
    f = form_bersih()
    ev = f.rhk[0].iki[1].evaluasi["TW1"]
    ev.realisasi, ev.umpan_balik, ev.bukti_dukung = None, None, None
    kode = [t.kode for t in validasi(f)]
    assert "UMPAN_BALIK_KOSONG" not in kode and "BUKTI_DUKUNG_KOSONG" not in kode
    assert "REALISASI_KOSONG" in kode  # the other IKI of TW1 are filled: the missing realisasi is the finding


def test_evaluated_period_without_any_behaviour_feedback() -> None:
    f = form_bersih()
    f.evaluasi["TW1"].umpan_balik_perilaku = {"Loyal": " "}
    hits = _cari(f, "UMPAN_BALIK_PERILAKU_KOSONG")
    assert [t.alamat for t in hits] == ["TW1!C45"]
    assert hits[0].pesan.startswith("Triwulan I: realisasi sudah diisi")
    assert _lain(f, "UMPAN_BALIK_PERILAKU_KOSONG") == []
    f.evaluasi["TW1"].umpan_balik_perilaku = {"Loyal": "Menjaga kerahasiaan data."}  # one is enough
    assert _cari(f, "UMPAN_BALIK_PERILAKU_KOSONG") == []


def test_akhir_evaluated_without_any_periodic_evaluation() -> None:
    f = form_bersih()
    for rhk in f.rhk:
        for iki in rhk.iki:
            del iki.evaluasi["TW1"]
    del f.evaluasi["TW1"]
    hits = _cari(f, "AKHIR_TANPA_PERIODIK")
    assert [t.alamat for t in hits] == ["AKHIR!C40"]
    assert "(Triwulan I, Triwulan II, Triwulan III, Triwulan IV)" in hits[0].pesan
    assert _lain(f, "AKHIR_TANPA_PERIODIK") == []
    # a single periodic rating is a periodic evaluation
    f.evaluasi["TW2"] = EvaluasiPeriode(rating_perilaku="Sesuai Ekspektasi")
    assert _cari(f, "AKHIR_TANPA_PERIODIK") == []


# formality ----------------------------------------------------------------------------------------------


def _semua_110(f: SkpForm) -> None:
    """Every IKI at 110% in TW1 and AKHIR (realisasi ≠ target, so not TARGET_SAMA_REALISASI)."""
    for (r, i), nilai in {(0, 0): D("4.4"), (0, 1): D(18), (1, 0): D(132), (1, 1): D(99), (2, 0): D("27.5")}.items():
        _realisasi(f, r, i, TW1=nilai, AKHIR=nilai)


def test_every_iki_with_the_same_capaian_all_year() -> None:
    f = form_bersih()
    _semua_110(f)
    hits = _cari(f, "CAPAIAN_SERAGAM")
    assert [t.alamat for t in hits] == ["SKP!C20"] or [t.sel for t in hits] == [None]
    assert "semua 5 IKI memiliki capaian yang sama (110%)" in hits[0].pesan
    assert "(Triwulan I, Akhir (Tahunan))" in hits[0].pesan
    assert _lain(f, "CAPAIAN_SERAGAM") == []


@pytest.mark.parametrize(("min_iki", "muncul"), [(5, True), (4, True), (6, False)])
def test_same_capaian_needs_enough_iki(min_iki: int, muncul: bool) -> None:
    f = form_bersih()
    _semua_110(f)
    assert len(_cari(f, "CAPAIAN_SERAGAM", Konfigurasi(formalitas_min_iki=min_iki))) == int(muncul)


def test_same_capaian_broken_by_one_iki_or_one_period() -> None:
    f = form_bersih()
    _semua_110(f)
    _realisasi(f, 2, 0, AKHIR=D("27.6"))  # 110,4% in AKHIR
    assert _cari(f, "CAPAIAN_SERAGAM") == []
    f = form_bersih()
    _semua_110(f)
    assert _cari(f, "CAPAIAN_SERAGAM", Konfigurasi(formalitas_min_periode=3)) == []


def test_realisasi_equal_to_target_everywhere_is_reported_once() -> None:
    f = form_bersih()
    f.rhk[1].iki[1].target = D(85)
    for rhk in f.rhk:
        for iki in rhk.iki:
            for ev in iki.evaluasi.values():
                ev.realisasi = iki.target
    kode = [t.kode for t in validasi(f)]
    assert "TARGET_SAMA_REALISASI" in kode
    assert "CAPAIAN_SERAGAM" not in kode


def _perilaku(rating: dict[str, str], umpan_balik: dict[str, str]) -> EvaluasiPeriode:
    return EvaluasiPeriode(
        rating_perilaku_per_nilai=rating,
        umpan_balik_perilaku=umpan_balik,
        sel={f"rating_perilaku_per_nilai:{n.value}": f"TW1!D{45 + i}" for i, n in enumerate(NilaiInti)}
        | {f"umpan_balik_perilaku:{n.value}": f"TW1!C{45 + i}" for i, n in enumerate(NilaiInti)},
    )


def test_seven_identical_behaviour_ratings_without_feedback() -> None:
    f = form_bersih()
    semua = {n.value: "Sesuai Ekspektasi" for n in NilaiInti}
    f.evaluasi["TW1"] = _perilaku(semua, {})
    hits = _cari(f, "PERILAKU_SERAGAM")
    assert [t.alamat for t in hits] == ["TW1!D45"]
    assert '("Sesuai Ekspektasi")' in hits[0].pesan
    # one finding for one pattern: not also "no behaviour feedback"
    assert _lain(f, "PERILAKU_SERAGAM") == []
    # six of seven identical: no pattern, but the missing feedback is still reported
    f.evaluasi["TW1"] = _perilaku(semua | {"Loyal": "Di Atas Ekspektasi"}, {})
    assert _cari(f, "PERILAKU_SERAGAM") == []
    assert len(_cari(f, "UMPAN_BALIK_PERILAKU_KOSONG")) == 1
    # seven identical with one feedback: the evaluator explained
    f.evaluasi["TW1"] = _perilaku(semua, {"Loyal": "Menjaga kerahasiaan data pemohon."})
    assert _cari(f, "PERILAKU_SERAGAM") == []


def test_rhk_or_iki_copied_from_the_atasan_rhk() -> None:
    f = form_bersih()
    atasan = f.rhk[0].rhk_atasan
    assert atasan is not None
    f.rhk[0].teks = "  " + atasan.upper().replace(" ", "  ")  # spaces and case do not hide a copy
    f.rhk[1].iki[0].teks = atasan
    hits = _cari(f, "RHK_SALINAN_ATASAN")
    assert [t.alamat for t in hits] == ["SKP!C20", "SKP!E22"]
    assert hits[0].pesan.startswith("RHK ") and hits[1].pesan.startswith("IKI ")
    f.rhk[0].teks = atasan + " kabupaten"
    assert [t.alamat for t in _cari(f, "RHK_SALINAN_ATASAN")] == ["SKP!E22"]
