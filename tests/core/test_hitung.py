"""Hitung: capaian per IKI, categories, proposal vs evaluator, AKHIR pre-fill, predikat, AK, explanations."""

from decimal import Decimal

from skpxl.core.config import Konfigurasi
from skpxl.core.enums import Predikat, Rating
from skpxl.core.hitung import hitung
from skpxl.core.numbers import bulat
from tests.bantu.formulir import form_bersih


def test_akhir_capaian_and_explanations() -> None:
    h = hitung(form_bersih()).periode["AKHIR"]
    capaian = [None if x.capaian is None else bulat(x.capaian) for x in h.iki]
    # 5/4; khusus (2 − 18/20); 130/120; 92 above range 80–90 → 92/90; 30/25
    assert capaian == [Decimal("125.00"), Decimal("110.00"), Decimal("108.33"), Decimal("102.22"), Decimal("120.00")]
    assert h.iki[1].penjelasan == "(2 − 18 / 20) × 100 (arah khusus) = 110% → Di Atas Ekspektasi"
    assert h.iki[0].penjelasan == "5 / 4 × 100 = 125% → Di Atas Ekspektasi"
    assert [r.kategori for r in h.rhk] == [Rating.DI_ATAS] * 3
    assert h.usulan is not None and h.usulan.rating is Rating.DI_ATAS
    assert h.usulan.penjelasan == (
        "3 dari 3 RHK di atas ekspektasi (100%), lebih dari 50%, tidak ada RHK utama di bawah ekspektasi"
        " → Di Atas Ekspektasi"
    )
    assert h.predikat is Predikat.SANGAT_BAIK
    assert h.angka_kredit == Decimal("18.75")
    assert h.penjelasan_angka_kredit == "12/12 × 150% (Sangat Baik) × 12,5 (koefisien Ahli Pertama) = 18,75"


def test_range_inside_is_100() -> None:
    f = form_bersih()
    f.rhk[1].iki[1].evaluasi["AKHIR"].realisasi = Decimal(85)
    h = hitung(f).periode["AKHIR"]
    assert h.iki[3].capaian == Decimal(100)
    assert "di dalam rentang target 80–90" in h.iki[3].penjelasan
    assert h.iki[3].kategori is Rating.SESUAI


def test_tw1_proposal_used_when_evaluator_silent() -> None:
    h = hitung(form_bersih(), periode="TW1")
    assert list(h.periode) == ["TW1", "AKHIR"]
    tw1 = h.periode["TW1"]
    # TW1 realisasi is a quarter of the annual target: every RHK is below expectation
    assert tw1.usulan is not None and tw1.usulan.rating is Rating.DI_BAWAH
    assert tw1.rating_hasil_kerja is Rating.DI_BAWAH
    assert tw1.penjelasan_hasil_kerja.startswith("usulan skpxl: ")
    assert tw1.predikat is Predikat.BUTUH_PERBAIKAN  # Di Bawah + Sesuai
    assert tw1.angka_kredit == Decimal("2.34")  # 3/12 × 0.75 × 12.5 = 2.34375


def test_evaluator_wins_and_difference_is_reported() -> None:
    f = form_bersih()
    f.evaluasi["AKHIR"].rating_hasil_kerja = "Sesuai Ekspektasi"
    h = hitung(f)
    akhir = h.periode["AKHIR"]
    assert akhir.rating_hasil_kerja is Rating.SESUAI
    assert akhir.predikat is Predikat.BAIK
    (note,) = [t for t in h.temuan if t.kode == "RATING_BERBEDA_USULAN"]
    assert note.alamat == "AKHIR!C40"
    assert '"Sesuai Ekspektasi"' in note.pesan and '"Di Atas Ekspektasi"' in note.pesan


def test_akhir_prefilled_from_last_period_never_silently() -> None:
    f = form_bersih()
    f.evaluasi["AKHIR"].rating_perilaku = None
    h = hitung(f)
    assert h.periode["AKHIR"].rating_perilaku is Rating.SESUAI  # from TW1
    notes = [t for t in h.temuan if t.kode == "RATING_DARI_PERIODE"]
    assert len(notes) == 1 and "Triwulan I" in notes[0].pesan
    off = hitung(f, konfigurasi=Konfigurasi(akhir_dari_periode_terakhir=False))
    assert off.periode["AKHIR"].rating_perilaku is None
    assert off.periode["AKHIR"].predikat is None
    assert any(t.kode == "PREDIKAT_BELUM" for t in off.temuan)


def test_utama_below_blocks_di_atas() -> None:
    f = form_bersih()
    f.evaluasi["AKHIR"].rating_hasil_kerja = None
    f.rhk[0].iki[0].evaluasi["AKHIR"].realisasi = Decimal(3)  # 75% → the first UTAMA RHK is below
    h = hitung(f).periode["AKHIR"]
    assert [r.kategori for r in h.rhk] == [Rating.DI_BAWAH, Rating.DI_ATAS, Rating.DI_ATAS]
    assert h.usulan is not None and h.usulan.rating is Rating.SESUAI
    assert "tetapi 1 RHK utama di bawah ekspektasi" in h.usulan.penjelasan


def test_majority_aggregation_option() -> None:
    f = form_bersih()
    f.rhk[0].iki[1].evaluasi["AKHIR"].realisasi = Decimal(25)  # khusus: 75% → below
    lowest = hitung(f).periode["AKHIR"].rhk[0]
    k = Konfigurasi(agregasi_rhk="mayoritas")
    majority = hitung(f, konfigurasi=k).periode["AKHIR"].rhk[0]
    assert lowest.kategori is Rating.DI_BAWAH
    assert majority.kategori is Rating.DI_BAWAH  # tie 1–1 goes to the lower
    f.rhk[0].iki.append(f.rhk[0].iki[0].model_copy(deep=True))
    assert hitung(f, konfigurasi=k).periode["AKHIR"].rhk[0].kategori is Rating.DI_ATAS


def test_unit_head_rating_from_organisation() -> None:
    f = form_bersih()
    f.jenis_jabatan, f.jenjang = "Administrator", None
    f.evaluasi["AKHIR"].rating_hasil_kerja = None
    h = hitung(f)
    akhir = h.periode["AKHIR"]
    assert akhir.usulan is not None and akhir.usulan.rating is Rating.SESUAI  # organisasi Baik → Sesuai
    assert akhir.angka_kredit is None  # not fungsional
    assert any(t.kode == "RATING_DARI_ORGANISASI" for t in h.temuan)


def test_unreadable_values_give_no_number_but_no_crash() -> None:
    f = form_bersih()
    f.rhk[0].iki[0].target = "banyak"
    f.rhk[0].iki[1].evaluasi["AKHIR"].realisasi = "tidak tahu"
    f.rhk[1].iki[0].target = Decimal(0)
    h = hitung(f).periode["AKHIR"]
    assert [x.capaian is None for x in h.iki[:3]] == [True, True, True]
    assert h.rhk[0].kategori is None and "belum ada IKI" in h.rhk[0].penjelasan
    assert h.usulan is not None and "(1 RHK belum dapat dinilai)" in h.usulan.penjelasan


def test_partial_year_angka_kredit_uses_months_of_period() -> None:
    f = form_bersih()
    f.periode_awal = "01/07/2026"
    assert hitung(f).periode["AKHIR"].angka_kredit == Decimal("9.38")  # 6/12 × 1.5 × 12.5 = 9.375
