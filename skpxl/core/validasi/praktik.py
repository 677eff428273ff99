"""Practice lint (issue 19): the failures SKP training warns about, beyond measurability.

* realism: capaian far above or far below the target in every evaluated period, a range target wider
  than the target itself, a waktu target of zero days;
* feedback and evidence: an evaluated period (realisasi filled) without umpan balik per IKI, without
  bukti dukung, without umpan balik on any core value; AKHIR evaluated with no periodic evaluation;
* formality: every IKI with one and the same capaian all year, seven identical behaviour ratings with
  no feedback, RHK/IKI text copied word for word from the atasan's RHK.

The regulation sets no number here: every threshold is a [DEFAULT] of :class:`Konfigurasi`, and every
finding is a warning with the numbers that triggered it; none blocks Hitung.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from skpxl.core.enums import Arah, Aspek, NilaiInti, Rating
from skpxl.core.isian import baca_bilangan, kosong
from skpxl.core.models import IKI, SkpForm
from skpxl.core.numbers import bulat, format_angka
from skpxl.core.packs.permenpanrb_6_2022.capaian import Target, hitung_capaian
from skpxl.core.periode import AKHIR, cari_periode, daftar_periode
from skpxl.core.temuan import Temuan, pisah_alamat, temuan
from skpxl.core.validasi.evaluasi import iki_kualitatif, kode_periode, sel_evaluasi
from skpxl.core.validasi.hasil_kerja import arah_iki, nama_rhk
from skpxl.core.validasi.konteks import Konteks, nama_iki

from . import terukur

MAKS_SEL = 5  # cell addresses listed in one message; the rest are counted


def _norm(teks: str | None) -> str:
    return " ".join((teks or "").lower().split())


def capaian_iki(iki: IKI, periode: Sequence[str], ks: Konteks) -> list[tuple[str, Decimal]]:
    """(period, capaian) wherever the IKI's capaian can be computed, as Hitung computes it."""
    if iki_kualitatif(iki, ks):
        return []
    t = baca_bilangan(iki.target, rentang=True)
    arah = arah_iki(iki, ks.konfigurasi.aspek_khusus)
    if t is None or arah is None:
        return []
    try:
        target = Target(t.nilai, t.atas)
    except ValueError:  # negative or reversed: reported by the target rules
        return []
    hasil = []
    for kode in periode:
        ev = iki.evaluasi.get(kode)
        r = baca_bilangan(ev.realisasi) if ev is not None else None
        if r is None:
            continue
        try:
            hasil.append((kode, hitung_capaian(target, r.nilai, arah, ks.konfigurasi)))
        except ValueError:  # negative realisasi, target 0 with arah normal: reported elsewhere
            continue
    return hasil


def _label(kode: str) -> str:
    return cari_periode(kode).label


def _persen(c: Decimal) -> str:
    return f"{format_angka(c)}%"


def _daftar_sel(alamat: Sequence[str]) -> str:
    sel = [pisah_alamat(a)[1] or a for a in alamat]
    teks = ", ".join(sel[:MAKS_SEL])
    return teks + (f" dan {len(sel) - MAKS_SEL} lainnya" if len(sel) > MAKS_SEL else "")


def _diisi(iki: IKI, kode: str) -> bool:
    ev = iki.evaluasi.get(kode)
    return ev is not None and (not kosong(ev.realisasi) or not kosong(ev.kategori))


# realism ------------------------------------------------------------------------------------------


def _realisme(iki: IKI, capaian: list[tuple[str, Decimal]], ks: Konteks) -> Iterator[Temuan]:
    k = ks.konfigurasi
    t = baca_bilangan(iki.target, rentang=True)
    if len(capaian) < k.realisme_min_periode or t is None or "AMBIGU" in t.catatan:
        return  # an ambiguous target ("1.250") is TARGET_AMBIGU's to fix first; its capaian proves nothing
    if t.nilai == 0 and t.atas is None:
        return  # target 0 scores by convention (100 / 0), not by measure: TARGET_NOL / TARGET_WAKTU_NOL say it
    if all(c >= k.realisme_plafon for _, c in capaian):
        yield temuan("TARGET_TERLALU_RENDAH", iki.sel, "target", iki.target, iki=nama_iki(iki),
                     capaian=_rincian(capaian), plafon=format_angka(k.realisme_plafon))  # fmt: skip
    elif all(c < k.realisme_lantai for _, c in capaian) and (
        not k.realisme_lantai_perlu_akhir or any(kode == AKHIR for kode, _ in capaian)
    ):
        yield temuan("TARGET_TIDAK_REALISTIS", iki.sel, "target", iki.target, iki=nama_iki(iki),
                     capaian=_rincian(capaian), lantai=format_angka(k.realisme_lantai))  # fmt: skip


def _rincian(capaian: list[tuple[str, Decimal]]) -> str:
    """ "Triwulan I 140%, Triwulan II 150%" (built only for a finding)."""
    return ", ".join(f"{_label(kode)} {_persen(c)}" for kode, c in capaian)


def _target(iki: IKI, ks: Konteks) -> Iterator[Temuan]:
    if not ks.kuantitatif:
        return
    b = baca_bilangan(iki.target, rentang=True)
    if b is None:
        return
    k = ks.konfigurasi
    if b.atas is not None:
        lebar = b.atas - b.nilai
        if lebar > b.nilai * k.rentang_rasio_maks:
            yield temuan("TARGET_RENTANG_LEBAR", iki.sel, "target", iki.target, lebar=format_angka(lebar),
                         bawah=format_angka(b.nilai))  # fmt: skip
        return
    if b.nilai != 0 or Aspek.cari(iki.aspek) is not Aspek.WAKTU or arah_iki(iki, k.aspek_khusus) is Arah.NORMAL:
        return  # target 0 with arah normal is TARGET_NOL already
    satuan = (iki.satuan or b.satuan or "").strip()
    if set(_norm(satuan).split()) & k.satuan_waktu:
        yield temuan("TARGET_WAKTU_NOL", iki.sel, "target", iki.target, iki=nama_iki(iki), satuan=satuan)


# feedback and evidence ----------------------------------------------------------------------------


def _umpan_balik(form: SkpForm, semua_iki: list[IKI], periode: list[str], ks: Konteks) -> Iterator[Temuan]:
    k = ks.konfigurasi
    for kode in periode:
        isi = [iki for iki in semua_iki if _diisi(iki, kode)]
        if not isi:
            continue
        label = _label(kode)
        for perlu, medan, kode_temuan in (
            (k.wajib_umpan_balik, "umpan_balik", "UMPAN_BALIK_KOSONG"),
            (k.wajib_bukti_dukung, "bukti_dukung", "BUKTI_DUKUNG_KOSONG"),
        ):
            kurang = [iki for iki in isi if kosong(getattr(iki.evaluasi[kode], medan))]
            if perlu and kurang:
                alamat = [a for iki in kurang if (a := sel_evaluasi(iki, kode).get(medan))]
                yield temuan(kode_temuan, sel_evaluasi(kurang[0], kode), medan, periode=label, kurang=len(kurang),
                             isi=len(isi), daftar=_daftar_sel(alamat) or "sel tidak diketahui")  # fmt: skip
        ep = form.evaluasi.get(kode)
        if not k.wajib_umpan_balik or _perilaku_seragam(form, kode) is not None:
            continue  # identical ratings without feedback: reported once, as PERILAKU_SERAGAM
        if ep is None or all(kosong(v) for v in ep.umpan_balik_perilaku.values()):
            sel = ep.sel if ep is not None else {}
            kunci = next((x for x in sel if x.startswith("umpan_balik_perilaku:")), None)
            yield temuan("UMPAN_BALIK_PERILAKU_KOSONG", sel, kunci, periode=label)


def _dinilai(form: SkpForm, semua_iki: list[IKI], kode: str) -> bool:
    """Anything evaluated in the period: a realisasi/kategori or a rating by the evaluator."""
    if any(_diisi(iki, kode) for iki in semua_iki):
        return True
    ep = form.evaluasi.get(kode)
    return ep is not None and (
        not kosong(ep.rating_hasil_kerja)
        or not kosong(ep.rating_perilaku)
        or any(not kosong(v) for v in ep.rating_perilaku_per_nilai.values())
    )


def _akhir_tanpa_periodik(form: SkpForm, semua_iki: list[IKI], periode: list[str], ks: Konteks) -> Iterator[Temuan]:
    if not _dinilai(form, semua_iki, AKHIR):
        return
    if any(_dinilai(form, semua_iki, kode) for kode in periode if kode != AKHIR):
        return
    ep = form.evaluasi.get(AKHIR)
    sel: dict[str, str] = {}
    kunci: str | None = None
    if ep is not None and "rating_hasil_kerja" in ep.sel:
        sel, kunci = ep.sel, "rating_hasil_kerja"
    else:
        pertama = next((iki for iki in semua_iki if _diisi(iki, AKHIR)), None)
        if pertama is not None:
            sel, kunci = sel_evaluasi(pertama, AKHIR), "realisasi"
    daftar = ", ".join(p.label for p in daftar_periode(ks.periodisasi))
    yield temuan("AKHIR_TANPA_PERIODIK", sel, kunci, periode=daftar)


# formality ----------------------------------------------------------------------------------------


def _capaian_seragam(form: SkpForm, tabel: dict[str, list[tuple[IKI, Decimal]]], ks: Konteks) -> Iterator[Temuan]:
    k = ks.konfigurasi
    if len(tabel) < k.formalitas_min_periode:
        return
    nilai: dict[str, Decimal] = {}
    for kode, baris in tabel.items():
        beda = {bulat(c) for _, c in baris}
        if len(baris) < k.formalitas_min_iki or len(beda) != 1:
            return
        nilai[kode] = beda.pop()
    if any(terukur.target_sama_realisasi(form, ks)):
        return  # realisasi = target everywhere is TARGET_SAMA_REALISASI already: one finding for one pattern
    if len(set(nilai.values())) == 1:
        capaian = _persen(next(iter(nilai.values())))
    else:
        capaian = ", ".join(f"{_label(kode)} {_persen(c)}" for kode, c in nilai.items())
    jumlah = max(len(b) for b in tabel.values())
    yield temuan("CAPAIAN_SERAGAM", form.sel, "tabel_hasil_kerja", periode=", ".join(map(_label, tabel)),
                 jumlah=jumlah, capaian=capaian)  # fmt: skip


def _perilaku_seragam(form: SkpForm, kode: str) -> tuple[Rating, str | None] | None:
    """(the one rating, the cell key of the first rating) when all 7 core values share it without feedback."""
    ep = form.evaluasi.get(kode)
    if ep is None or any(not kosong(v) for v in ep.umpan_balik_perilaku.values()):
        return None
    per_nilai: dict[NilaiInti, Rating | None] = {}
    kunci: str | None = None
    for label, v in ep.rating_perilaku_per_nilai.items():
        n = NilaiInti.cari(label)
        if n is not None:
            per_nilai[n] = Rating.cari(v)
            kunci = kunci or f"rating_perilaku_per_nilai:{label}"
    rating = set(per_nilai.values())
    if len(per_nilai) != len(NilaiInti) or len(rating) != 1 or None in rating:
        return None
    r = rating.pop()
    assert r is not None
    return r, kunci


def _perilaku(form: SkpForm, periode: list[str]) -> Iterator[Temuan]:
    for kode in periode:
        seragam = _perilaku_seragam(form, kode)
        if seragam is not None:
            rating, kunci = seragam
            yield temuan("PERILAKU_SERAGAM", form.evaluasi[kode].sel, kunci, periode=_label(kode), rating=rating.value)


def _salinan_atasan(form: SkpForm) -> Iterator[Temuan]:
    for rhk in form.rhk:
        atasan = _norm(rhk.rhk_atasan)
        if not atasan:
            continue
        if _norm(rhk.teks) == atasan:
            yield temuan("RHK_SALINAN_ATASAN", rhk.sel, "teks", rhk.teks, apa="RHK", teks=nama_rhk(rhk))
        for iki in rhk.iki:
            if _norm(iki.teks) == atasan:
                yield temuan("RHK_SALINAN_ATASAN", iki.sel, "teks", iki.teks, apa="IKI", teks=nama_iki(iki))


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    periode = kode_periode(form)
    semua_iki = [iki for rhk in form.rhk for iki in rhk.iki]
    # one capaian per IKI and period, shared by the realism and the uniformity checks
    tabel: dict[str, list[tuple[IKI, Decimal]]] = {}
    for iki in semua_iki:
        capaian = capaian_iki(iki, periode, ks)
        for kode, c in capaian:
            tabel.setdefault(kode, []).append((iki, c))
        yield from _target(iki, ks)
        yield from _realisme(iki, capaian, ks)
    yield from _umpan_balik(form, semua_iki, periode, ks)
    yield from _akhir_tanpa_periodik(form, semua_iki, periode, ks)
    yield from _capaian_seragam(form, tabel, ks)
    yield from _perilaku(form, periode)
    yield from _salinan_atasan(form)
