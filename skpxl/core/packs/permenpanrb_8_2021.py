"""Rule pack ``permenpanrb-8-2021``: numeric SKP of 2021 under PP 30/2019 and PermenPANRB 8/2021.

Pure functions over :class:`decimal.Decimal`; no float is used in any computation. Numbers may be given
as str/int/float/Decimal (read with :func:`skpxl.core.numbers.ke_decimal`); anything the rules cannot use
raises :class:`skpxl.core.errors.InputTidakValid` with an Indonesian message.

Rules (spec §7, [REG] PermenPANRB 8/2021):

- nilai capaian IKI from capaian c (%): c > 110 → 120; 101–110 → 110 + 10/9 × (c − 101); 100 → 109;
  80–99 → 70 + (c − 80); 60–79 → 50 + (c − 60); c < 60 → c/59 × 49.
  Example: 85/85 = 100% → 109; 93/95 ≈ 97,89% → 98% → 88.
- nilai kinerja = 70% nilai SKP + 30% nilai perilaku, or 60% + 40% where perilaku is assessed 360°
  (PP 30/2019 Pasal 41).
- predikat: Sangat Baik 110–120 **and** an innovation; Baik 90–120; Cukup 70–<90; Kurang 50–<70;
  Sangat Kurang < 50.

Choices where the rules are silent ([DEFAULT], configurable in :class:`KonfigurasiPermenpanrb82021`):

- **Capaian rounded to a whole percent** half-up before banding (``bulatkan_capaian=True``): the bands
  leave gaps (99–100, 100–101), and a whole percent is how the regulation's own example reads
  (93/95 = 97,89% is banded as 98%). So 99,5% → 100% → 109 and 100,4% → 100% → 109. With ``False`` the
  bands are read with inclusive lower bounds on the exact capaian (99,5% → 89,5; 100,4% → 109).
- **Nilai SKP = plain mean** of the nilai capaian IKI: the regulation does not weight IKI and the form has
  no weight column.
- **Stepwise rounding** (``pembulatan_bertahap=True``): as in the ``pp-46-2011`` pack, every number shown
  on the form (nilai per IKI, nilai SKP, the 70%/30% parts) is rounded half-up to 2 places before the
  next step uses it, so the printed numbers add up.
- **Predikat** is judged on nilai kinerja rounded to 2 places (89,995 → 90,00 → Baik), so it always agrees
  with the number shown; 110–120 without the innovation flag is Baik.
- **Target that is the maximum attainable** (``target_maksimal_120=False``): the regulation's worked examples
  give 120 when realisasi reaches a target that cannot be exceeded (100% of a percentage); off by default
  (earlier behaviour: 100% → 109). With ``True``, an IKI flagged ``target_maksimal`` whose realisasi
  reaches its target scores 120; :func:`target_maksimal_otomatis` flags a percentage IKI with target 100.
- **Arah**: capaian is ``R/T × 100`` (normal) or ``(2 − R/T) × 100`` floored at 0 (khusus, lower is
  better), the PermenPANRB 8/2021 formulas of spec §3; T = 0 is an error for normal IKI and, for khusus,
  gives 100 when R = 0 and 0 otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import ClassVar

from skpxl.core.enums import Arah, Label
from skpxl.core.errors import InputTidakValid
from skpxl.core.numbers import bulat
from skpxl.core.packs.pp_46_2011 import (
    KONTEKS,
    AmbangMenurun,
    Angka,
    KonfigurasiBertahap,
    Skor,
    angka,
    dalam_konteks,
    tampil,
    teks_angka,
    teks_skor,
)

__all__ = [
    "DASAR_HUKUM",
    "JUDUL",
    "KONFIGURASI_BAWAAN",
    "PACK_ID",
    "VERSI",
    "AmbangPredikat",
    "HasilIKI",
    "HasilNilaiKinerja",
    "HasilNilaiSKP",
    "KonfigurasiPermenpanrb82021",
    "PredikatKinerja",
    "Skor",
    "capaian_iki",
    "hitung_iki",
    "nilai_capaian",
    "nilai_kinerja",
    "nilai_skp",
    "predikat",
    "target_maksimal_otomatis",
]

PACK_ID = "permenpanrb-8-2021"
VERSI = "1.0.0"
JUDUL = "Penilaian Kinerja PNS (SKP 2021)"
DASAR_HUKUM = (
    "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil; "
    "Peraturan Menteri PANRB Nomor 8 Tahun 2021 tentang Sistem Manajemen Kinerja Pegawai Negeri Sipil."
)

NILAI_MAKS = Decimal(120)
SERATUS = Decimal(100)
DUA = Decimal(2)
BOBOT_BIASA = (Decimal("0.7"), Decimal("0.3"))  # [REG] PP 30/2019 Pasal 41: 70% SKP, 30% perilaku
BOBOT_360 = (Decimal("0.6"), Decimal("0.4"))  # [REG] 60% / 40% with 360° perilaku assessment


class PredikatKinerja(Label):
    """Predikat kinerja of PermenPANRB 8/2021 (official labels; not the 2022 matrix labels)."""

    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    CUKUP = "Cukup"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Predikat kinerja"


class AmbangPredikat(AmbangMenurun):
    """Lower bounds (inclusive) of the predikat bands; Sangat Baik also needs the innovation flag."""

    NAMA: ClassVar[str] = "Ambang predikat"
    sangat_baik: Decimal = Decimal(110)
    baik: Decimal = Decimal(90)
    cukup: Decimal = Decimal(70)
    kurang: Decimal = Decimal(50)


class KonfigurasiPermenpanrb82021(KonfigurasiBertahap):
    """Per-instansi choices of this pack ([DEFAULT] where the regulation is silent)."""

    ambang: AmbangPredikat = AmbangPredikat()
    bulatkan_capaian: bool = True
    # PermenPANRB 8/2021 worked examples: realisasi reaching a maximum-attainable target → 120 (off = earlier 109).
    target_maksimal_120: bool = False


KONFIGURASI_BAWAAN = KonfigurasiPermenpanrb82021()


def _skala_120(nilai: object, nama: str) -> Decimal:
    d = angka(nilai, nama)
    if d > NILAI_MAKS:
        raise InputTidakValid(f"{nama} paling tinggi 120, bukan {teks_angka(d)}.")
    return d


# --------------------------------------------------------------------------------------------------
# Capaian and nilai capaian IKI


@dalam_konteks
def capaian_iki(*, realisasi: Angka, target: Angka, arah: Arah | str = Arah.NORMAL) -> Decimal:
    """Capaian (%) of one IKI, unrounded: normal ``R/T × 100``; khusus ``(2 − R/T) × 100``, at least 0."""
    arah_iki = Arah.dari_teks(arah)
    r = angka(realisasi, "Realisasi")
    t = angka(target, "Target")
    if arah_iki is Arah.NORMAL:
        if t == 0:
            raise InputTidakValid("Target IKI harus lebih dari 0 karena menjadi pembagi capaian, bukan 0.")
        return r / t * SERATUS
    if t == 0:  # [DEFAULT] spec §3: nothing allowed, nothing happened → 100; anything happened → 0
        return SERATUS if r == 0 else Decimal(0)
    return max((DUA - r / t) * SERATUS, Decimal(0))


def _pita(c: Decimal) -> tuple[Decimal, str]:
    """(nilai, formula text) of the band containing capaian ``c``; lower bounds inclusive."""
    tc = teks_angka(c)
    if c > 110:
        return NILAI_MAKS, "capaian > 110%: nilai 120"
    if c >= 101:
        return Decimal(110) + Decimal(10) * (c - 101) / 9, f"101–110%: 110 + 10/9 × ({tc} − 101)"
    if c >= 100:
        return Decimal(109), "capaian 100%: nilai 109"
    if c >= 80:
        return Decimal(70) + (c - 80), f"80–99%: 70 + ({tc} − 80)"
    if c >= 60:
        return Decimal(50) + (c - 60), f"60–79%: 50 + ({tc} − 60)"
    return c / 59 * 49, f"< 60%: {tc}/59 × 49"


def _capaian_dinilai(c: Decimal, konfigurasi: KonfigurasiPermenpanrb82021) -> Decimal:
    if not konfigurasi.bulatkan_capaian:
        return c
    with localcontext(KONTEKS) as ctx:
        ctx.prec = max(ctx.prec, c.adjusted() + 3)
        return bulat(c, 0)


def target_maksimal_otomatis(target: Decimal, nama_iki: str | None, satuan: str | None = None) -> bool:
    """A target that cannot be exceeded: 100 for a percentage IKI ("Persentase …", satuan "%")."""
    teks = f"{nama_iki or ''} {satuan or ''}".lower()
    return target == SERATUS and ("%" in teks or "persen" in teks)


def _maksimal(c: Decimal, target_maksimal: bool, konfigurasi: KonfigurasiPermenpanrb82021) -> bool:
    return konfigurasi.target_maksimal_120 and target_maksimal and c >= SERATUS


@dalam_konteks
def nilai_capaian(
    capaian: Angka, *, target_maksimal: bool = False, konfigurasi: KonfigurasiPermenpanrb82021 = KONFIGURASI_BAWAAN
) -> Decimal:
    """Nilai capaian IKI (0–120, unrounded) from capaian in percent ("98", 97.89, "97,89%").

    ``target_maksimal``: the target is the maximum attainable (used with ``konfigurasi.target_maksimal_120``).
    """
    c = angka(capaian, "Capaian IKI")
    if _maksimal(c, target_maksimal, konfigurasi):
        return NILAI_MAKS
    return _pita(_capaian_dinilai(c, konfigurasi))[0]


@dataclass(frozen=True)
class HasilIKI:
    """Nilai of one IKI: its capaian, the capaian actually banded (whole percent by default) and nilai."""

    realisasi: Decimal
    target: Decimal
    arah: Arah
    capaian: Decimal  # unrounded percent
    capaian_dinilai: Decimal  # the percent used for the band
    nilai: Skor
    penjelasan: str


@dalam_konteks
def hitung_iki(
    *,
    realisasi: Angka,
    target: Angka,
    arah: Arah | str = Arah.NORMAL,
    nama: str | None = None,
    target_maksimal: bool = False,
    konfigurasi: KonfigurasiPermenpanrb82021 = KONFIGURASI_BAWAAN,
) -> HasilIKI:
    """Capaian and nilai capaian of one IKI with an Indonesian explanation.

    ``target_maksimal``: the target is the maximum attainable; with ``konfigurasi.target_maksimal_120`` a
    realisasi that reaches it scores 120.
    """
    arah_iki = Arah.dari_teks(arah)
    r = angka(realisasi, "Realisasi")
    t = angka(target, "Target")
    c = capaian_iki(realisasi=r, target=t, arah=arah_iki)
    dinilai = _capaian_dinilai(c, konfigurasi)
    nilai, rumus = _pita(dinilai)
    if _maksimal(c, target_maksimal, konfigurasi):
        nilai, rumus = NILAI_MAKS, "target merupakan nilai maksimal yang dapat dicapai dan telah tercapai: nilai 120"
    tr, tt = teks_angka(r), teks_angka(t)
    if arah_iki is Arah.NORMAL:
        teks_c = f"Capaian = {tr}/{tt} × 100 = {teks_skor(c)}%"
    elif t == 0:
        teks_c = f"Capaian (khusus, target 0, realisasi {tr}) = {teks_skor(c)}%"
    else:
        teks_c = f"Capaian (khusus) = (2 − {tr}/{tt}) × 100 = {teks_skor(c)}%"
    if konfigurasi.bulatkan_capaian:
        teks_c += f", dibulatkan {teks_angka(dinilai)}%"
    judul = f"IKI '{nama}': " if nama else ""
    penjelasan = f"{judul}{teks_c}. Nilai capaian ({rumus}) = {teks_skor(nilai)}."
    return HasilIKI(
        realisasi=r,
        target=t,
        arah=arah_iki,
        capaian=c,
        capaian_dinilai=dinilai,
        nilai=Skor(nilai),
        penjelasan=penjelasan,
    )


# --------------------------------------------------------------------------------------------------
# Nilai SKP, nilai kinerja, predikat


@dataclass(frozen=True)
class HasilNilaiSKP:
    """Nilai SKP: the mean of the nilai capaian IKI (as used: rounded under stepwise rounding)."""

    nilai_iki: tuple[Decimal, ...]
    nilai: Skor
    penjelasan: str


@dalam_konteks
def nilai_skp(
    nilai_iki: Sequence[HasilIKI | Angka], *, konfigurasi: KonfigurasiPermenpanrb82021 = KONFIGURASI_BAWAAN
) -> HasilNilaiSKP:
    """Nilai SKP = plain mean of the nilai capaian IKI ([DEFAULT]); each given as a number 0–120 or a HasilIKI."""
    if not nilai_iki:
        raise InputTidakValid("SKP belum berisi IKI; isi paling sedikit satu indikator kinerja individu.")
    dipakai: list[Decimal] = []
    for i, isi in enumerate(nilai_iki, start=1):
        n = isi.nilai.nilai if isinstance(isi, HasilIKI) else _skala_120(isi, f"Nilai capaian IKI ke-{i}")
        dipakai.append(konfigurasi.langkah(n))
    nilai = sum(dipakai, Decimal(0)) / len(dipakai)
    rincian = " + ".join(teks_skor(d) for d in dipakai)
    penjelasan = f"Nilai SKP = ({rincian})/{len(dipakai)} = {teks_skor(nilai)}."
    return HasilNilaiSKP(nilai_iki=tuple(dipakai), nilai=Skor(nilai), penjelasan=penjelasan)


@dalam_konteks
def predikat(nilai: Angka, *, inovasi: bool = False, ambang: AmbangPredikat | None = None) -> PredikatKinerja:
    """Predikat of a nilai kinerja (0–120), judged on the value rounded to 2 places.

    Sangat Baik needs nilai ≥ 110 **and** ``inovasi``; without it 110–120 is Baik.
    """
    a = ambang or KONFIGURASI_BAWAAN.ambang
    n = tampil(_skala_120(nilai, "Nilai kinerja"))
    if n >= a.sangat_baik and inovasi:
        return PredikatKinerja.SANGAT_BAIK
    if n >= a.baik:
        return PredikatKinerja.BAIK
    if n >= a.cukup:
        return PredikatKinerja.CUKUP
    if n >= a.kurang:
        return PredikatKinerja.KURANG
    return PredikatKinerja.SANGAT_KURANG


@dataclass(frozen=True)
class HasilNilaiKinerja:
    """Nilai kinerja pegawai = bobot × nilai SKP + bobot × nilai perilaku, with its predikat."""

    nilai_skp: Decimal  # as used (rounded to 2 places under stepwise rounding)
    nilai_perilaku: Decimal
    penilaian_360: bool
    bobot_skp: Decimal  # 0.7, or 0.6 with 360° assessment
    bobot_perilaku: Decimal  # 0.3, or 0.4
    bagian_skp: Skor
    bagian_perilaku: Skor
    nilai: Skor
    inovasi: bool
    predikat: PredikatKinerja
    penjelasan: str


@dalam_konteks
def nilai_kinerja(
    nilai_skp: Angka | HasilNilaiSKP,
    nilai_perilaku: Angka,
    *,
    penilaian_360: bool = False,
    inovasi: bool = False,
    konfigurasi: KonfigurasiPermenpanrb82021 = KONFIGURASI_BAWAAN,
) -> HasilNilaiKinerja:
    """Nilai kinerja (PP 30/2019 Pasal 41): 70% SKP + 30% perilaku, or 60% + 40% with 360° assessment."""
    skp = nilai_skp.nilai.nilai if isinstance(nilai_skp, HasilNilaiSKP) else _skala_120(nilai_skp, "Nilai SKP")
    perilaku = _skala_120(nilai_perilaku, "Nilai perilaku kerja")
    skp, perilaku = konfigurasi.langkah(skp), konfigurasi.langkah(perilaku)
    bobot_skp, bobot_perilaku = BOBOT_360 if penilaian_360 else BOBOT_BIASA
    bagian_skp = skp * bobot_skp
    bagian_perilaku = perilaku * bobot_perilaku
    nilai = konfigurasi.langkah(bagian_skp) + konfigurasi.langkah(bagian_perilaku)
    pdk = predikat(nilai, inovasi=inovasi, ambang=konfigurasi.ambang)
    persen_skp, persen_perilaku = teks_angka(bobot_skp * 100), teks_angka(bobot_perilaku * 100)
    cara = "penilaian perilaku 360°" if penilaian_360 else "penilaian perilaku oleh atasan"
    catatan = ""
    if tampil(nilai) >= konfigurasi.ambang.sangat_baik and pdk is not PredikatKinerja.SANGAT_BAIK:
        catatan = " Predikat Sangat Baik memerlukan inovasi; tanpa inovasi predikatnya Baik."
    penjelasan = (
        f"Nilai kinerja ({cara}) = {teks_skor(skp)} × {persen_skp}% + {teks_skor(perilaku)} × {persen_perilaku}% "
        f"= {teks_skor(bagian_skp)} + {teks_skor(bagian_perilaku)} = {teks_skor(nilai)} ({pdk.value}).{catatan}"
    )
    return HasilNilaiKinerja(
        nilai_skp=skp,
        nilai_perilaku=perilaku,
        penilaian_360=penilaian_360,
        bobot_skp=bobot_skp,
        bobot_perilaku=bobot_perilaku,
        bagian_skp=Skor(bagian_skp),
        bagian_perilaku=Skor(bagian_perilaku),
        nilai=Skor(nilai),
        inovasi=inovasi,
        predikat=pdk,
        penjelasan=penjelasan,
    )
