"""Rule pack ``pp-46-2011``: SKP and prestasi kerja under PP 46/2011 and Perka BKN 1/2013 (SKP 2014–2020).

Pure functions over :class:`decimal.Decimal`; no float is used in any computation. Numbers may be given
as str/int/float/Decimal (read with :func:`skpxl.core.numbers.ke_decimal`); anything the rules cannot use
raises :class:`skpxl.core.errors.InputTidakValid` with an Indonesian message.

Per kegiatan (spec §7, [REG] Perka BKN 1/2013):

- kuantitas ``RO/TO × 100``; kualitas ``RK/TK × 100``;
- waktu: ``efisiensi = 100 − RW/TW × 100``; efisiensi ≤ 24 → ``(1,76 × TW − RW)/TW × 100``;
  efisiensi > 24 → ``76 − ((1,76 × TW − RW)/TW × 100 − 100)``;
- biaya: the same with TB/RB, only when the kegiatan has a budget target;
- a kegiatan not done (RO = 0) scores 0 on waktu and biaya;
- nilai kegiatan = mean of the aspects used (3 or 4); nilai SKP = mean of the kegiatan.

Prestasi kerja = 60% nilai SKP + 40% nilai perilaku (mean of orientasi pelayanan, integritas, komitmen,
disiplin, kerja sama, plus kepemimpinan for structural posts). Sebutan: > 90 Sangat Baik, > 75 Baik,
> 60 Cukup, > 50 Kurang, otherwise Buruk.

Choices where the rules are silent ([DEFAULT], configurable in :class:`KonfigurasiPP46`):

- **Stepwise rounding** (``pembulatan_bertahap=True``): every number the form shows (each aspect score,
  nilai kegiatan, nilai SKP, perilaku mean, the 60%/40% parts) is rounded half-up to 2 places before the
  next step uses it. Perka BKN 1/2013's form has columns for each aspect's score, their sum ("Perhitungan")
  and the nilai capaian, all at 2 places, and its example (100 + 90 + 76 + 76)/4 = 85,50 reads off the
  shown values; e-SKP applications of the period round each aspect the same way. Rounding stepwise means
  anyone re-adding the printed numbers by hand gets the printed result. With ``False`` everything is
  computed at full precision and only the final display is rounded.
- **Sebutan boundaries**: the regulation's bands (≥ 91, 76–90, 61–75, 51–60, ≤ 50) leave gaps for
  fractions; skpxl uses "greater than" 90/75/60/50 (90,5 → Sangat Baik, 90,00 → Baik), applied to the
  value rounded to 2 places so the sebutan always agrees with the number shown.
- **Waktu/biaya below zero**: finishing later than 1,76 × TW (or spending more than 1,76 × TB) would give
  a negative score; it is floored at 0 (``nilai_minimal_nol=True``), the same as a kegiatan not done.
- **No budget**: TB empty or 0 means the kegiatan has no biaya aspect (forms write "-" or 0 there).

Not covered (outside the spec): the additions for tugas tambahan and kreativitas to the nilai SKP.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import ClassVar, Self

from pydantic import BaseModel, ConfigDict, model_validator

from skpxl.core.enums import Aspek, Label
from skpxl.core.errors import InputTidakValid
from skpxl.core.numbers import bulat, dalam_konteks_dari, ke_decimal

__all__ = [
    "DASAR_HUKUM",
    "JUDUL",
    "KONFIGURASI_BAWAAN",
    "PACK_ID",
    "VERSI",
    "AmbangSebutan",
    "Angka",
    "AspekPerilaku",
    "HasilKegiatan",
    "HasilPerilaku",
    "HasilPrestasiKerja",
    "HasilSKP",
    "Kegiatan",
    "KonfigurasiPP46",
    "Sebutan",
    "Skor",
    "efisiensi",
    "hitung_kegiatan",
    "hitung_skp",
    "nilai_biaya",
    "nilai_kualitas",
    "nilai_kuantitas",
    "nilai_perilaku",
    "nilai_waktu",
    "prestasi_kerja",
    "sebutan",
]

PACK_ID = "pp-46-2011"
VERSI = "1.0.0"
JUDUL = "Penilaian Prestasi Kerja PNS (SKP 2014–2020)"
DASAR_HUKUM = (
    "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil; "
    "Peraturan Kepala BKN Nomor 1 Tahun 2013 tentang Ketentuan Pelaksanaan PP Nomor 46 Tahun 2011."
)

Angka = Decimal | int | float | str
"""A number as callers give it; read with :func:`ke_decimal`."""

SERATUS = Decimal(100)
FAKTOR_WAKTU_BIAYA = Decimal("1.76")  # [REG] Perka BKN 1/2013
BATAS_EFISIENSI = Decimal(24)  # [REG] efisiensi ≤ 24% is the "normal" branch
NILAI_TEPAT_TARGET = Decimal(76)  # [REG] the ">24%" branch starts from 76
BOBOT_SKP = Decimal("0.6")  # [REG] PP 46/2011: 60% SKP
BOBOT_PERILAKU = Decimal("0.4")  # [REG] 40% perilaku kerja
NILAI_PERILAKU_MAKS = Decimal(100)
# Inputs are sane well inside these bounds (a rupiah budget of 10^15 is a thousand trillion); beyond
# them the Decimal context could overflow, which must never reach the caller as an ArithmeticError.
_BATAS_BESAR = Decimal(10) ** 15
_BATAS_KECIL = Decimal(10) ** -9

# Every computation runs in this context, whatever the caller set globally.
KONTEKS = Context(prec=34, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow])

dalam_konteks = dalam_konteks_dari(KONTEKS)
"""Run a function of this pack (and of permenpanrb-8-2021) in :data:`KONTEKS`."""


# --------------------------------------------------------------------------------------------------
# Small shared helpers, also imported by the permenpanrb-8-2021 pack. They are public so that pack need not
# reach into private names; they could move to a common module of the packs package later.


def tampil(nilai: Decimal) -> Decimal:
    """Half-up to 2 places, whatever the size of ``nilai`` (:func:`bulat` grows its precision with the number)."""
    return bulat(nilai)


def teks_skor(nilai: Decimal) -> str:
    """A score as the form prints it: 2 places, decimal comma ("85,50")."""
    return f"{tampil(nilai):f}".replace(".", ",")


def teks_angka(nilai: Decimal) -> str:
    """An input number as typed, Indonesian style: "9,12", "170.395.000", "12"."""
    teks = f"{nilai.normalize():f}" if nilai != 0 else "0"
    tanda = "-" if teks.startswith("-") else ""
    bulatan, _, pecahan = teks.lstrip("-").partition(".")
    kelompok: list[str] = []
    while len(bulatan) > 3:
        kelompok.insert(0, bulatan[-3:])
        bulatan = bulatan[:-3]
    kelompok.insert(0, bulatan)
    hasil = tanda + ".".join(kelompok)
    return f"{hasil},{pecahan}" if pecahan else hasil


def angka(nilai: object, nama: str, *, minimum: Decimal | None = Decimal(0), positif: bool = False) -> Decimal:
    """Read one input number: finite, within sane bounds, ≥ ``minimum``, and > 0 when it divides."""
    d = ke_decimal(nilai, nama)
    if abs(d) > _BATAS_BESAR:
        raise InputTidakValid(f"{nama} {teks_angka(d)} terlalu besar; periksa satuannya.")
    if d != 0 and abs(d) < _BATAS_KECIL:
        raise InputTidakValid(f"{nama} {d} terlalu kecil; periksa satuannya.")
    if positif and d <= 0:
        raise InputTidakValid(f"{nama} harus lebih dari 0 karena menjadi pembagi, bukan {teks_angka(d)}.")
    if minimum is not None and d < minimum:
        raise InputTidakValid(f"{nama} tidak boleh kurang dari {teks_angka(minimum)}, bukan {teks_angka(d)}.")
    return d


@dataclass(frozen=True)
class Skor:
    """A computed score: ``nilai`` at full precision, ``tampil`` rounded half-up to 2 places for display."""

    nilai: Decimal

    @property
    def tampil(self) -> Decimal:
        return tampil(self.nilai)

    def __str__(self) -> str:
        return teks_skor(self.nilai)


# --------------------------------------------------------------------------------------------------
# Labels and configuration


class Sebutan(Label):
    """Sebutan of a nilai under PP 46/2011 (official labels)."""

    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    CUKUP = "Cukup"
    KURANG = "Kurang"
    BURUK = "Buruk"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Sebutan"


class AspekPerilaku(Label):
    """Aspek perilaku kerja of PP 46/2011; kepemimpinan only for structural posts."""

    ORIENTASI_PELAYANAN = "Orientasi Pelayanan"
    INTEGRITAS = "Integritas"
    KOMITMEN = "Komitmen"
    DISIPLIN = "Disiplin"
    KERJA_SAMA = "Kerja Sama"
    KEPEMIMPINAN = "Kepemimpinan"

    @classmethod
    def _nama_daftar(cls) -> str:
        return "Aspek perilaku kerja"


class KonfigurasiDasar(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AmbangMenurun(KonfigurasiDasar):
    """Four band thresholds, highest first; each pack gives its own defaults (shared by both old packs)."""

    NAMA: ClassVar[str] = "Ambang"
    sangat_baik: Decimal
    baik: Decimal
    cukup: Decimal
    kurang: Decimal

    @model_validator(mode="after")
    def _menurun(self) -> Self:
        if not self.sangat_baik > self.baik > self.cukup > self.kurang:
            raise ValueError(f"{self.NAMA} harus menurun: Sangat Baik > Baik > Cukup > Kurang.")
        return self


class AmbangSebutan(AmbangMenurun):
    """Sebutan thresholds [DEFAULT]: a nilai strictly greater than a threshold earns that sebutan."""

    NAMA: ClassVar[str] = "Ambang sebutan"
    sangat_baik: Decimal = Decimal(90)
    baik: Decimal = Decimal(75)
    cukup: Decimal = Decimal(60)
    kurang: Decimal = Decimal(50)


class KonfigurasiBertahap(KonfigurasiDasar):
    """Stepwise rounding, shared by both old packs: each value the form shows is rounded before the next step."""

    pembulatan_bertahap: bool = True

    def langkah(self, nilai: Decimal) -> Decimal:
        """The value the next step uses: the displayed (rounded) one under stepwise rounding."""
        return tampil(nilai) if self.pembulatan_bertahap else nilai


class KonfigurasiPP46(KonfigurasiBertahap):
    """Per-instansi choices of this pack ([DEFAULT] where the regulation is silent)."""

    ambang: AmbangSebutan = AmbangSebutan()
    nilai_minimal_nol: bool = True


KONFIGURASI_BAWAAN = KonfigurasiPP46()


# --------------------------------------------------------------------------------------------------
# Aspect scores


@dalam_konteks
def nilai_kuantitas(target_output: Angka, realisasi_output: Angka) -> Decimal:
    """Aspek kuantitas: ``RO/TO × 100`` (unrounded)."""
    to = angka(target_output, "Target output (TO)", positif=True)
    ro = angka(realisasi_output, "Realisasi output (RO)")
    return ro / to * SERATUS


@dalam_konteks
def nilai_kualitas(target_kualitas: Angka, realisasi_kualitas: Angka) -> Decimal:
    """Aspek kualitas: ``RK/TK × 100`` (unrounded)."""
    tk = angka(target_kualitas, "Target kualitas (TK)", positif=True)
    rk = angka(realisasi_kualitas, "Realisasi kualitas (RK)")
    return rk / tk * SERATUS


@dalam_konteks
def efisiensi(target: Angka, realisasi: Angka) -> Decimal:
    """Persentase efisiensi waktu/biaya: ``100 − R/T × 100`` (negative when R exceeds T)."""
    t = angka(target, "Target", positif=True)
    r = angka(realisasi, "Realisasi")
    return SERATUS - r / t * SERATUS


def _nilai_efisiensi(t: Decimal, r: Decimal, minimal_nol: bool) -> tuple[Decimal, Decimal, Decimal]:
    """(efisiensi, score per the branch, score after the floor) for waktu or biaya."""
    e = SERATUS - r / t * SERATUS
    dasar = (FAKTOR_WAKTU_BIAYA * t - r) / t * SERATUS
    mentah = dasar if e <= BATAS_EFISIENSI else NILAI_TEPAT_TARGET - (dasar - SERATUS)
    return e, mentah, (max(mentah, Decimal(0)) if minimal_nol else mentah)


@dalam_konteks
def nilai_waktu(
    target_waktu: Angka, realisasi_waktu: Angka, *, konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN
) -> Decimal:
    """Aspek waktu (unrounded), through the 24% efficiency branch. RW = 9,12, TW = 12 → exactly 24% → 100."""
    tw = angka(target_waktu, "Target waktu (TW)", positif=True)
    rw = angka(realisasi_waktu, "Realisasi waktu (RW)")
    return _nilai_efisiensi(tw, rw, konfigurasi.nilai_minimal_nol)[2]


@dalam_konteks
def nilai_biaya(
    target_biaya: Angka, realisasi_biaya: Angka, *, konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN
) -> Decimal:
    """Aspek biaya (unrounded): the waktu formula with TB/RB."""
    tb = angka(target_biaya, "Target biaya (TB)", positif=True)
    rb = angka(realisasi_biaya, "Realisasi biaya (RB)")
    return _nilai_efisiensi(tb, rb, konfigurasi.nilai_minimal_nol)[2]


# --------------------------------------------------------------------------------------------------
# Kegiatan and SKP


@dataclass(frozen=True)
class Kegiatan:
    """One kegiatan tugas jabatan with its targets and realisasi.

    Build it with :meth:`buat` from loosely typed input; the constructor itself also reads every number
    with :func:`ke_decimal` and checks it, raising :class:`InputTidakValid`. ``tb``/``rb`` are the budget;
    ``tb`` empty or 0 means the kegiatan has no biaya aspect.
    """

    to: Decimal
    ro: Decimal
    tk: Decimal
    rk: Decimal
    tw: Decimal
    rw: Decimal
    tb: Decimal | None = None
    rb: Decimal | None = None
    satuan: str | None = None  # satuan output ("laporan", "dokumen")
    nama: str | None = None  # the kegiatan text, for explanations

    def __post_init__(self) -> None:
        with localcontext(KONTEKS):
            tetapkan = functools.partial(object.__setattr__, self)
            tetapkan("to", angka(self.to, "Target output (TO)", positif=True))
            tetapkan("ro", angka(self.ro, "Realisasi output (RO)"))
            tetapkan("tk", angka(self.tk, "Target kualitas (TK)", positif=True))
            tetapkan("rk", angka(self.rk, "Realisasi kualitas (RK)"))
            tetapkan("tw", angka(self.tw, "Target waktu (TW)", positif=True))
            tetapkan("rw", angka(self.rw, "Realisasi waktu (RW)"))
            tb = None if self.tb is None else angka(self.tb, "Target biaya (TB)")
            rb = None if self.rb is None else angka(self.rb, "Realisasi biaya (RB)")
            if tb == 0:
                tb = None
            if tb is None and rb:
                raise InputTidakValid(
                    f"Realisasi biaya (RB) {teks_angka(rb)} diisi tetapi target biaya (TB) kosong; "
                    "isi TB atau kosongkan RB."
                )
            if tb is not None and rb is None and self.ro != 0:
                raise InputTidakValid("Target biaya (TB) diisi tetapi realisasi biaya (RB) kosong; isi RB (boleh 0).")
            tetapkan("tb", tb)
            tetapkan("rb", rb if tb is not None else None)

    @classmethod
    def buat(
        cls,
        *,
        to: Angka,
        ro: Angka,
        tk: Angka,
        rk: Angka,
        tw: Angka,
        rw: Angka,
        tb: Angka | None = None,
        rb: Angka | None = None,
        satuan: str | None = None,
        nama: str | None = None,
    ) -> Kegiatan:
        """A kegiatan from numbers as str/int/float/Decimal."""
        return cls(
            to=ke_decimal(to, "Target output (TO)"),
            ro=ke_decimal(ro, "Realisasi output (RO)"),
            tk=ke_decimal(tk, "Target kualitas (TK)"),
            rk=ke_decimal(rk, "Realisasi kualitas (RK)"),
            tw=ke_decimal(tw, "Target waktu (TW)"),
            rw=ke_decimal(rw, "Realisasi waktu (RW)"),
            tb=None if tb is None else ke_decimal(tb, "Target biaya (TB)"),
            rb=None if rb is None else ke_decimal(rb, "Realisasi biaya (RB)"),
            satuan=satuan,
            nama=nama,
        )

    @property
    def ada_biaya(self) -> bool:
        return self.tb is not None

    @property
    def dilaksanakan(self) -> bool:
        return self.ro != 0


@dataclass(frozen=True)
class HasilKegiatan:
    """Scores of one kegiatan. ``biaya`` and ``efisiensi_biaya`` are None without a budget target;
    the efisiensi are None when the kegiatan was not done (RO = 0)."""

    kegiatan: Kegiatan
    kuantitas: Skor
    kualitas: Skor
    waktu: Skor
    biaya: Skor | None
    efisiensi_waktu: Decimal | None
    efisiensi_biaya: Decimal | None
    nilai: Skor  # nilai capaian kegiatan
    penjelasan: str

    @property
    def aspek(self) -> tuple[tuple[Aspek, Skor], ...]:
        """The aspects used, in form order (3 or 4)."""
        daftar = [(Aspek.KUANTITAS, self.kuantitas), (Aspek.KUALITAS, self.kualitas), (Aspek.WAKTU, self.waktu)]
        if self.biaya is not None:
            daftar.append((Aspek.BIAYA, self.biaya))
        return tuple(daftar)

    @property
    def jumlah_aspek(self) -> int:
        return len(self.aspek)


def _jelaskan_efisiensi(
    nama: str, t: Decimal, r: Decimal, konfigurasi: KonfigurasiPP46
) -> tuple[Decimal, Decimal, str]:
    e, mentah, akhir = _nilai_efisiensi(t, r, konfigurasi.nilai_minimal_nol)
    tt, rr = teks_angka(t), teks_angka(r)
    dasar = f"(1,76 × {tt} − {rr})/{tt} × 100"
    rumus = f"(≤ 24%), nilai = {dasar}" if e <= BATAS_EFISIENSI else f"(> 24%), nilai = 76 − ({dasar} − 100)"
    teks = f"{nama}: efisiensi = 100 − {rr}/{tt} × 100 = {teks_skor(e)}% {rumus} = {teks_skor(mentah)}"
    if akhir != mentah:
        teks += " (nilai negatif dibatasi menjadi 0)"
    return e, akhir, teks


@dalam_konteks
def hitung_kegiatan(kegiatan: Kegiatan, *, konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN) -> HasilKegiatan:
    """All aspect scores and the nilai capaian of one kegiatan, with an Indonesian explanation."""
    k = kegiatan
    satuan = f" {k.satuan}" if k.satuan else ""
    kuantitas = k.ro / k.to * SERATUS
    kualitas = k.rk / k.tk * SERATUS
    bagian = [
        f"Kuantitas = {teks_angka(k.ro)}/{teks_angka(k.to)}{satuan} × 100 = {teks_skor(kuantitas)}",
        f"Kualitas = {teks_angka(k.rk)}/{teks_angka(k.tk)} × 100 = {teks_skor(kualitas)}",
    ]
    e_waktu: Decimal | None = None
    e_biaya: Decimal | None = None
    biaya: Decimal | None = None
    if not k.dilaksanakan:
        waktu = Decimal(0)
        biaya = Decimal(0) if k.ada_biaya else None
        tidak = "Waktu" + (" dan biaya" if k.ada_biaya else "")
        bagian.append(f"{tidak} = 0 karena kegiatan tidak dilaksanakan (RO = 0)")
    else:
        e_waktu, waktu, teks = _jelaskan_efisiensi("Waktu", k.tw, k.rw, konfigurasi)
        bagian.append(teks)
        if k.tb is not None and k.rb is not None:
            e_biaya, biaya, teks = _jelaskan_efisiensi("Biaya", k.tb, k.rb, konfigurasi)
            bagian.append(teks)
    skor = [kuantitas, kualitas, waktu] + ([biaya] if biaya is not None else [])
    dipakai = [konfigurasi.langkah(s) for s in skor]
    nilai = sum(dipakai, Decimal(0)) / len(dipakai)
    rincian = " + ".join(teks_skor(s) for s in dipakai)
    bagian.append(f"Nilai kegiatan = ({rincian})/{len(dipakai)} = {teks_skor(nilai)}")
    judul = f"Kegiatan '{k.nama}': " if k.nama else ""
    return HasilKegiatan(
        kegiatan=k,
        kuantitas=Skor(kuantitas),
        kualitas=Skor(kualitas),
        waktu=Skor(waktu),
        biaya=None if biaya is None else Skor(biaya),
        efisiensi_waktu=e_waktu,
        efisiensi_biaya=e_biaya,
        nilai=Skor(nilai),
        penjelasan=judul + ". ".join(bagian) + ".",
    )


@dataclass(frozen=True)
class HasilSKP:
    """Nilai capaian SKP: the mean of the kegiatan."""

    kegiatan: tuple[HasilKegiatan, ...]
    nilai: Skor
    sebutan: Sebutan
    penjelasan: str


@dalam_konteks
def hitung_skp(kegiatan: Sequence[Kegiatan], *, konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN) -> HasilSKP:
    """Nilai capaian SKP = mean of the nilai of its kegiatan tugas jabatan."""
    if not kegiatan:
        raise InputTidakValid("SKP belum berisi kegiatan tugas jabatan; isi paling sedikit satu kegiatan.")
    hasil = tuple(hitung_kegiatan(k, konfigurasi=konfigurasi) for k in kegiatan)
    dipakai = [konfigurasi.langkah(h.nilai.nilai) for h in hasil]
    nilai = sum(dipakai, Decimal(0)) / len(dipakai)
    sbt = sebutan(nilai, ambang=konfigurasi.ambang)
    rincian = " + ".join(teks_skor(d) for d in dipakai)
    penjelasan = f"Nilai capaian SKP = ({rincian})/{len(dipakai)} = {teks_skor(nilai)} ({sbt.value})."
    return HasilSKP(kegiatan=hasil, nilai=Skor(nilai), sebutan=sbt, penjelasan=penjelasan)


# --------------------------------------------------------------------------------------------------
# Sebutan, perilaku, prestasi kerja


@dalam_konteks
def sebutan(nilai: Angka, *, ambang: AmbangSebutan | None = None) -> Sebutan:
    """Sebutan of a nilai (SKP, perilaku or prestasi kerja), judged on the value rounded to 2 places."""
    a = ambang or KONFIGURASI_BAWAAN.ambang
    n = tampil(angka(nilai, "Nilai", minimum=None))
    if n > a.sangat_baik:
        return Sebutan.SANGAT_BAIK
    if n > a.baik:
        return Sebutan.BAIK
    if n > a.cukup:
        return Sebutan.CUKUP
    if n > a.kurang:
        return Sebutan.KURANG
    return Sebutan.BURUK


_PERILAKU_WAJIB = (
    AspekPerilaku.ORIENTASI_PELAYANAN,
    AspekPerilaku.INTEGRITAS,
    AspekPerilaku.KOMITMEN,
    AspekPerilaku.DISIPLIN,
    AspekPerilaku.KERJA_SAMA,
)


@dataclass(frozen=True)
class HasilPerilaku:
    """Nilai perilaku kerja: each aspect, their sum and mean (5 aspects, 6 with kepemimpinan)."""

    aspek: tuple[tuple[AspekPerilaku, Decimal], ...]
    jumlah: Decimal
    nilai: Skor  # nilai rata-rata
    sebutan: Sebutan
    penjelasan: str


@dalam_konteks
def nilai_perilaku(
    nilai: Mapping[AspekPerilaku | str, Angka],
    *,
    struktural: bool | None = None,
    konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN,
) -> HasilPerilaku:
    """Mean of the perilaku kerja aspects, each 0–100.

    Keys are :class:`AspekPerilaku` members or their labels in any spelling ("kerjasama", "ORIENTASI
    PELAYANAN"). The five aspects are required; kepemimpinan is required when ``struktural`` is True,
    refused when it is False, and used when present when ``struktural`` is None.
    """
    terbaca: dict[AspekPerilaku, Decimal] = {}
    for kunci, isi in nilai.items():
        satu = AspekPerilaku.dari_teks(kunci)
        if satu in terbaca:
            raise InputTidakValid(f"Aspek perilaku '{satu.value}' diisi lebih dari sekali.")
        terbaca[satu] = angka(isi, f"Nilai {satu.value}", minimum=Decimal(0))
        if terbaca[satu] > NILAI_PERILAKU_MAKS:
            raise InputTidakValid(f"Nilai {satu.value} paling tinggi 100, bukan {teks_angka(terbaca[satu])}.")
    kurang = [a.value for a in _PERILAKU_WAJIB if a not in terbaca]
    if kurang:
        raise InputTidakValid(f"Nilai perilaku kerja belum lengkap: {', '.join(kurang)} belum diisi.")
    ada_kepemimpinan = AspekPerilaku.KEPEMIMPINAN in terbaca
    if struktural is True and not ada_kepemimpinan:
        raise InputTidakValid("Pejabat struktural juga dinilai aspek Kepemimpinan; nilainya belum diisi.")
    if struktural is False and ada_kepemimpinan:
        raise InputTidakValid("Aspek Kepemimpinan hanya dinilai untuk pejabat struktural; kosongkan nilainya.")
    urutan = [a for a in AspekPerilaku if a in terbaca]
    aspek = tuple((a, terbaca[a]) for a in urutan)
    jumlah = sum((v for _, v in aspek), Decimal(0))
    rata = jumlah / len(aspek)
    sbt = sebutan(rata, ambang=konfigurasi.ambang)
    rincian = " + ".join(teks_angka(v) for _, v in aspek)
    penjelasan = (
        f"Nilai perilaku kerja = ({rincian})/{len(aspek)} = {teks_angka(jumlah)}/{len(aspek)} "
        f"= {teks_skor(rata)} ({sbt.value})."
    )
    return HasilPerilaku(aspek=aspek, jumlah=jumlah, nilai=Skor(rata), sebutan=sbt, penjelasan=penjelasan)


@dataclass(frozen=True)
class HasilPrestasiKerja:
    """Nilai prestasi kerja = 60% nilai SKP + 40% nilai perilaku kerja."""

    nilai_skp: Decimal  # as used (rounded to 2 places under stepwise rounding)
    nilai_perilaku: Decimal
    bagian_skp: Skor  # nilai SKP × 60%
    bagian_perilaku: Skor  # nilai perilaku × 40%
    nilai: Skor
    sebutan: Sebutan
    penjelasan: str


@dalam_konteks
def prestasi_kerja(
    nilai_skp: Angka | HasilSKP,
    nilai_perilaku: Angka | HasilPerilaku,
    *,
    konfigurasi: KonfigurasiPP46 = KONFIGURASI_BAWAAN,
) -> HasilPrestasiKerja:
    """Nilai prestasi kerja (PP 46/2011 Pasal 12): 60% SKP + 40% perilaku, with its sebutan."""
    skp = nilai_skp.nilai.nilai if isinstance(nilai_skp, HasilSKP) else angka(nilai_skp, "Nilai SKP")
    if isinstance(nilai_perilaku, HasilPerilaku):
        perilaku = nilai_perilaku.nilai.nilai
    else:
        perilaku = angka(nilai_perilaku, "Nilai perilaku kerja")
        if perilaku > NILAI_PERILAKU_MAKS:
            raise InputTidakValid(f"Nilai perilaku kerja paling tinggi 100, bukan {teks_angka(perilaku)}.")
    skp, perilaku = konfigurasi.langkah(skp), konfigurasi.langkah(perilaku)
    bagian_skp = skp * BOBOT_SKP
    bagian_perilaku = perilaku * BOBOT_PERILAKU
    nilai = konfigurasi.langkah(bagian_skp) + konfigurasi.langkah(bagian_perilaku)
    sbt = sebutan(nilai, ambang=konfigurasi.ambang)
    penjelasan = (
        f"Nilai prestasi kerja = {teks_skor(skp)} × 60% + {teks_skor(perilaku)} × 40% "
        f"= {teks_skor(bagian_skp)} + {teks_skor(bagian_perilaku)} = {teks_skor(nilai)} ({sbt.value})."
    )
    return HasilPrestasiKerja(
        nilai_skp=skp,
        nilai_perilaku=perilaku,
        bagian_skp=Skor(bagian_skp),
        bagian_perilaku=Skor(bagian_perilaku),
        nilai=Skor(nilai),
        sebutan=sbt,
        penjelasan=penjelasan,
    )
