"""Hitung: capaian, categories, proposed and in-force ratings, predikat and angka kredit per period.

Every result carries a short Indonesian explanation. The evaluator's own ratings
always win over skpxl's proposal; any other source of a rating is reported as info.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Arah, JenisJabatan, JenisRHK, NilaiInti, Predikat, PredikatOrganisasi, Rating
from skpxl.core.isian import Bacaan, baca_bilangan
from skpxl.core.models import IKI, SkpForm
from skpxl.core.numbers import dalam_konteks, format_angka
from skpxl.core.packs import InfoPaket
from skpxl.core.packs.permenpanrb_6_2022 import INFO
from skpxl.core.packs.permenpanrb_6_2022.angka_kredit import KOEFISIEN, PERSENTASE, hitung_angka_kredit
from skpxl.core.packs.permenpanrb_6_2022.capaian import Target, hitung_capaian
from skpxl.core.packs.permenpanrb_6_2022.predikat import predikat_dari_matriks, rating_dari_organisasi
from skpxl.core.packs.permenpanrb_6_2022.rating import (
    Usulan,
    kategori_iki,
    kategori_rhk,
    rating_perilaku_agregat,
    usulan_rating_hasil_kerja,
)
from skpxl.core.periode import AKHIR, Periode, cari_periode
from skpxl.core.temuan import Temuan, temuan
from skpxl.core.validasi.evaluasi import iki_kualitatif, kode_periode
from skpxl.core.validasi.hasil_kerja import arah_iki
from skpxl.core.validasi.konteks import Konteks


@dataclass(frozen=True)
class HasilIKI:
    rhk: int
    iki: int
    capaian: Decimal | None  # unrounded; display with bulat()
    kategori: Rating | None
    penjelasan: str


@dataclass(frozen=True)
class HasilRHK:
    rhk: int
    jenis: JenisRHK
    kategori: Rating | None
    penjelasan: str


@dataclass
class HasilPeriode:
    periode: Periode
    iki: list[HasilIKI] = field(default_factory=list)
    rhk: list[HasilRHK] = field(default_factory=list)
    usulan: Usulan | None = None  # skpxl's proposal for rating hasil kerja
    rating_hasil_kerja: Rating | None = None  # in force
    penjelasan_hasil_kerja: str = ""
    rating_perilaku: Rating | None = None
    usulan_perilaku: Usulan | None = None  # aggregated from per-core-value ratings
    penjelasan_perilaku: str = ""
    predikat: Predikat | None = None
    penjelasan_predikat: str = ""
    angka_kredit: Decimal | None = None
    penjelasan_angka_kredit: str = ""
    predikat_organisasi: PredikatOrganisasi | None = None


@dataclass
class HasilHitung:
    paket: InfoPaket
    periode: dict[str, HasilPeriode]
    temuan: list[Temuan]


def _angka(d: Decimal) -> str:
    return format_angka(d, 6)


@dataclass(frozen=True, slots=True)
class _DasarIKI:
    """What an IKI contributes to every period alike, read once per :func:`hitung` instead of once per period."""

    iki: IKI
    kualitatif: bool
    target: Bacaan | None = None  # the target as read (quantitative IKI only)
    arah: Arah | None = None
    sasaran: Target | str | None = None  # the numeric target, or why it cannot be one (negative, reversed)
    teks_nilai: str = ""  # _angka of the target (and of its upper bound)
    teks_atas: str = ""


def _dasar_iki(iki: IKI, ks: Konteks, k: Konfigurasi) -> _DasarIKI:
    if iki_kualitatif(iki, ks):
        return _DasarIKI(iki, True)
    t = baca_bilangan(iki.target, rentang=True)
    arah = arah_iki(iki, k.aspek_khusus)
    if t is None:
        return _DasarIKI(iki, False, t, arah)
    sasaran: Target | str
    try:
        sasaran = Target(t.nilai, t.atas)
    except ValueError as e:
        sasaran = f"belum dapat dihitung: {e}"
    atas = "" if t.atas is None else _angka(t.atas)
    return _DasarIKI(iki, False, t, arah, sasaran, _angka(t.nilai), atas)


def _dasar(form: SkpForm, ks: Konteks, k: Konfigurasi) -> list[tuple[JenisRHK, list[_DasarIKI]]]:
    return [
        (JenisRHK.cari(rhk.jenis) or JenisRHK.TAMBAHAN, [_dasar_iki(iki, ks, k) for iki in rhk.iki]) for rhk in form.rhk
    ]


def _hitung_iki(d: _DasarIKI, kode: str, k: Konfigurasi) -> tuple[Decimal | None, Rating | None, str]:
    ev = d.iki.evaluasi.get(kode)
    if d.kualitatif:
        kat = Rating.cari(ev.kategori) if ev else None
        if kat is None:
            return None, None, "IKI kualitatif: kategori belum dipilih pejabat penilai"
        return None, kat, f"IKI kualitatif: kategori dipilih pejabat penilai → {kat.value}"
    t = d.target
    r = baca_bilangan(ev.realisasi) if ev else None
    arah = d.arah
    if t is None and (manual := Rating.cari(ev.kategori) if ev else None) is not None:
        return None, manual, f"target bukan angka: kategori dipilih pejabat penilai → {manual.value}"
    if t is None or r is None or arah is None:
        return None, None, "belum dapat dihitung: " + ("realisasi belum diisi" if r is None else "periksa target/arah")
    if isinstance(d.sasaran, str):  # the target's own error, as constructing it here raised it
        return None, None, d.sasaran
    assert d.sasaran is not None
    try:
        c = hitung_capaian(d.sasaran, r.nilai, arah, k)
    except ValueError as e:
        return None, None, f"belum dapat dihitung: {e}"
    kat = kategori_iki(c, k)
    tampil = f"{format_angka(c)}%"
    if t.atas is not None and t.nilai <= r.nilai <= t.atas:
        rumus = f"realisasi {_angka(r.nilai)} di dalam rentang target {d.teks_nilai}–{d.teks_atas}"
    else:
        tt, teks_tt = (t.nilai, d.teks_nilai) if t.atas is None or r.nilai <= t.atas else (t.atas, d.teks_atas)
        if tt == 0:
            rumus = f"target 0 (arah khusus), realisasi {_angka(r.nilai)}"
        elif arah is Arah.NORMAL:
            rumus = f"{_angka(r.nilai)} / {teks_tt} × 100"
        else:
            rumus = f"(2 − {_angka(r.nilai)} / {teks_tt}) × 100 (arah khusus)"
    return c, kat, f"{rumus} = {tampil} → {kat.value}"


def _hitung_rhk(i: int, jenis: JenisRHK, hasil_iki: list[HasilIKI], k: Konfigurasi) -> HasilRHK:
    kat = [h.kategori for h in hasil_iki if h.kategori is not None]
    belum = len(hasil_iki) - len(kat)
    if not kat:
        return HasilRHK(i, jenis, None, "belum ada IKI yang dapat dinilai")
    hasil = kategori_rhk(kat, k)
    cara = "terendah" if k.agregasi_rhk == "terendah" else "terbanyak"
    teks = f"kategori {cara} dari {len(kat)} IKI → {hasil.value}"
    if belum:
        teks += f" ({belum} IKI belum dapat dinilai)"
    return HasilRHK(i, jenis, hasil, teks)


def _periode(form: SkpForm, kode: str, ks: Konteks, k: Konfigurasi, sebelumnya: HasilPeriode | None,
             catatan: list[Temuan], dasar: list[tuple[JenisRHK, list[_DasarIKI]]]) -> HasilPeriode:  # fmt: skip
    p = cari_periode(kode)
    hp = HasilPeriode(p)
    label = p.label
    for i, (jenis, dasar_iki) in enumerate(dasar):
        hasil_iki = []
        for j, d in enumerate(dasar_iki):
            c, kat, teks = _hitung_iki(d, kode, k)
            hasil_iki.append(HasilIKI(i, j, c, kat, teks))
        hp.iki.extend(hasil_iki)
        hp.rhk.append(_hitung_rhk(i, jenis, hasil_iki, k))
    dinilai = [(h.jenis, h.kategori) for h in hp.rhk if h.kategori is not None]
    if dinilai:
        hp.usulan = usulan_rating_hasil_kerja(dinilai, k)
        belum = len(hp.rhk) - len(dinilai)
        if belum:
            hp.usulan = Usulan(hp.usulan.rating, f"{hp.usulan.penjelasan} ({belum} RHK belum dapat dinilai)")
    ev = form.evaluasi.get(kode)
    hp.predikat_organisasi = PredikatOrganisasi.cari(ev.predikat_organisasi) if ev else None
    if hp.predikat_organisasi is not None and ks.jenis_jabatan in k.pimpinan_unit:
        r = rating_dari_organisasi(hp.predikat_organisasi, k)
        hp.usulan = Usulan(r, f"capaian kinerja organisasi {hp.predikat_organisasi.value} → {r.value}")
        if ev is not None and Rating.cari(ev.rating_hasil_kerja) is None:  # only when the proposal is what counts
            catatan.append(temuan("RATING_DARI_ORGANISASI", ev.sel, "predikat_organisasi", periode=label,
                                  organisasi=hp.predikat_organisasi.value, nilai=r.value))  # fmt: skip
    _rating_hasil_kerja(hp, form, kode, k, sebelumnya, catatan)
    _rating_perilaku(hp, form, kode, k, sebelumnya, catatan)
    if hp.rating_hasil_kerja is not None and hp.rating_perilaku is not None:
        hp.predikat = predikat_dari_matriks(hp.rating_hasil_kerja, hp.rating_perilaku)
        hp.penjelasan_predikat = (
            f"hasil kerja {hp.rating_hasil_kerja.value} + perilaku {hp.rating_perilaku.value} → {hp.predikat.value}"
        )
        _angka_kredit(hp, form, ks)
    else:
        kurang = " dan ".join(
            nama for nama, r in (("rating hasil kerja", hp.rating_hasil_kerja), ("rating perilaku", hp.rating_perilaku))
            if r is None
        )  # fmt: skip
        hp.penjelasan_predikat = f"belum dapat ditetapkan: {kurang} belum ada"
        catatan.append(temuan("PREDIKAT_BELUM", ev.sel if ev else {}, "predikat", periode=label, kurang=kurang))
    return hp


def _rating_hasil_kerja(hp: HasilPeriode, form: SkpForm, kode: str, k: Konfigurasi, sebelumnya: HasilPeriode | None,
                        catatan: list[Temuan]) -> None:  # fmt: skip
    ev = form.evaluasi.get(kode)
    label = hp.periode.label
    evaluator = Rating.cari(ev.rating_hasil_kerja) if ev else None
    if evaluator is not None:
        hp.rating_hasil_kerja = evaluator
        hp.penjelasan_hasil_kerja = f"ditetapkan pejabat penilai: {evaluator.value}"
        if hp.usulan is not None and hp.usulan.rating is not evaluator:
            catatan.append(temuan("RATING_BERBEDA_USULAN", ev.sel if ev else {}, "rating_hasil_kerja",
                                  periode=label, evaluator=evaluator.value, usulan=hp.usulan.rating.value,
                                  alasan=hp.usulan.penjelasan))  # fmt: skip
        return
    if kode == AKHIR and k.akhir_dari_periode_terakhir and sebelumnya and sebelumnya.rating_hasil_kerja:
        r = sebelumnya.rating_hasil_kerja
        hp.rating_hasil_kerja = r
        hp.penjelasan_hasil_kerja = f"sementara dari {sebelumnya.periode.label}: {r.value}"
        catatan.append(temuan("RATING_DARI_PERIODE", ev.sel if ev else {}, "rating_hasil_kerja", periode=label,
                              apa="rating hasil kerja", sumber=sebelumnya.periode.label, nilai=r.value))  # fmt: skip
        return
    if hp.usulan is not None:
        hp.rating_hasil_kerja = hp.usulan.rating
        hp.penjelasan_hasil_kerja = f"usulan skpxl: {hp.usulan.penjelasan}"


def _rating_perilaku(hp: HasilPeriode, form: SkpForm, kode: str, k: Konfigurasi, sebelumnya: HasilPeriode | None,
                     catatan: list[Temuan]) -> None:  # fmt: skip
    ev = form.evaluasi.get(kode)
    if ev is not None:
        # The proposal from the ratings per core value is shown whenever there are any, also next to the
        # evaluator's own rating (which wins).
        per_nilai = [x for n, v in ev.rating_perilaku_per_nilai.items() if NilaiInti.cari(n) and (x := Rating.cari(v))]
        if per_nilai:
            hp.usulan_perilaku = rating_perilaku_agregat(per_nilai, k)
        r = Rating.cari(ev.rating_perilaku)
        if r is not None:
            hp.rating_perilaku = r
            u = hp.usulan_perilaku
            hp.penjelasan_perilaku = f"ditetapkan pejabat penilai: {r.value}" + (
                f"; usulan dari rating per nilai: {u.penjelasan}" if u else " (tidak ada rating per nilai inti)"
            )
            return
        if hp.usulan_perilaku is not None:
            hp.rating_perilaku, hp.penjelasan_perilaku = hp.usulan_perilaku.rating, hp.usulan_perilaku.penjelasan
            return
    if kode == AKHIR and k.akhir_dari_periode_terakhir and sebelumnya and sebelumnya.rating_perilaku:
        r = sebelumnya.rating_perilaku
        hp.rating_perilaku = r
        hp.penjelasan_perilaku = f"sementara dari {sebelumnya.periode.label}: {r.value}"
        catatan.append(temuan("RATING_DARI_PERIODE", ev.sel if ev else {}, "rating_perilaku", periode=hp.periode.label,
                              apa="rating perilaku", sumber=sebelumnya.periode.label, nilai=r.value))  # fmt: skip


def _bulan_periode(hp: HasilPeriode, ks: Konteks) -> int:
    """Months the period covers; AKHIR follows the SKP period when it is a partial year."""
    if hp.periode.kode == AKHIR and ks.awal and ks.akhir and ks.awal <= ks.akhir and ks.awal.year == ks.akhir.year:
        return ks.akhir.month - ks.awal.month + 1
    return hp.periode.bulan


def _angka_kredit(hp: HasilPeriode, form: SkpForm, ks: Konteks) -> None:
    if ks.jenis_jabatan is not JenisJabatan.FUNGSIONAL or ks.jenjang is None or hp.predikat is None:
        return
    bulan = _bulan_periode(hp, ks)
    hp.angka_kredit = hitung_angka_kredit(hp.predikat, ks.jenjang, bulan)
    hp.penjelasan_angka_kredit = (
        f"{bulan}/12 × {format_angka(PERSENTASE[hp.predikat] * 100)}% ({hp.predikat.value}) × "
        f"{format_angka(KOEFISIEN[ks.jenjang])} (koefisien {ks.jenjang.value}) = "
        f"{f'{hp.angka_kredit:.2f}'.replace('.', ',')}"
    )


@dalam_konteks
def hitung(form: SkpForm, periode: str | None = None, konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> HasilHitung:
    """Compute every period with data (or only ``periode``) plus AKHIR.

    Findings returned here are the computation notes (info); validation findings come
    from :func:`skpxl.core.validasi.validasi`.
    """
    ks = Konteks.dari_form(form, konfigurasi)
    kode = kode_periode(form)
    if AKHIR not in kode:
        kode.append(AKHIR)
    if periode is not None:
        dipilih = cari_periode(periode).kode
        kode = [x for x in kode if x in (dipilih, AKHIR)] or [dipilih]
        if dipilih not in kode:
            kode.insert(0, dipilih)
    catatan: list[Temuan] = []
    hasil: dict[str, HasilPeriode] = {}
    terakhir: HasilPeriode | None = None
    dasar = _dasar(form, ks, konfigurasi)
    for x in kode:
        hp = _periode(form, x, ks, konfigurasi, terakhir if x == AKHIR else None, catatan, dasar)
        hasil[x] = hp
        if x != AKHIR and (hp.rating_hasil_kerja or hp.rating_perilaku):
            terakhir = hp
    return HasilHitung(INFO, hasil, catatan)
