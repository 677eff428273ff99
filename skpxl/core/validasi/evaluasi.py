"""Evaluation areas: realisasi per IKI, evaluator's ratings, predikat typed by hand (spec §4, §8)."""

from __future__ import annotations

from collections.abc import Iterator

from skpxl.core.enums import NilaiInti, Predikat, PredikatOrganisasi, Rating
from skpxl.core.isian import alternatif_desimal, baca_bilangan, kosong
from skpxl.core.models import IKI, EvaluasiPeriode, SkpForm
from skpxl.core.numbers import format_angka
from skpxl.core.packs.permenpanrb_6_2022.predikat import predikat_dari_matriks
from skpxl.core.periode import AKHIR, cari_periode, daftar_periode, periode_atau_none
from skpxl.core.temuan import Temuan, temuan
from skpxl.core.validasi.konteks import Konteks, nama_iki


def kode_periode(form: SkpForm) -> list[str]:
    """Known period codes that carry any evaluation data, in calendar order, AKHIR last."""
    kode = set(form.evaluasi)
    for rhk in form.rhk:
        for iki in rhk.iki:
            kode.update(iki.evaluasi)
    periode = [p for p in map(periode_atau_none, kode) if p is not None]
    return [p.kode for p in sorted(periode, key=lambda p: (p.kode == AKHIR, p.bulan_awal, -p.bulan))]


def iki_kualitatif(iki: IKI, ks: Konteks) -> bool:
    """Evaluated by category chosen by the evaluator, not by number (kualitatif SKP)."""
    return not ks.kuantitatif


def sel_evaluasi(iki: IKI, kode: str) -> dict[str, str]:
    """Evaluation cells of an IKI for a period, also when nothing was entered there yet."""
    ev = iki.evaluasi.get(kode)
    if ev is not None and ev.sel:
        return ev.sel
    akhiran = f":{kode}"
    return {k.removesuffix(akhiran): v for k, v in iki.sel.items() if k.endswith(akhiran)}


def _realisasi(iki: IKI, kode: str, label: str, diisi: bool, ks: Konteks) -> Iterator[Temuan]:
    ev = iki.evaluasi.get(kode)
    sel = sel_evaluasi(iki, kode)
    if iki_kualitatif(iki, ks):
        kat = ev.kategori if ev else None
        if kosong(kat):
            if diisi and kode != AKHIR:
                yield temuan("KATEGORI_KOSONG", sel, "kategori", iki=nama_iki(iki), periode=label)
        elif Rating.cari(kat) is None:
            yield temuan("KATEGORI_TIDAK_DIKENAL", sel, "kategori", kat, periode=label)
        return
    if ev is None or kosong(ev.realisasi):
        if diisi:
            yield temuan("REALISASI_KOSONG", sel, "realisasi", iki=nama_iki(iki), periode=label)
        return
    b = baca_bilangan(ev.realisasi)
    if b is None:
        yield temuan("REALISASI_BUKAN_ANGKA", ev.sel, "realisasi", ev.realisasi, periode=label)
        return
    if b.nilai < 0:
        yield temuan("REALISASI_NEGATIF", ev.sel, "realisasi", ev.realisasi, periode=label)
        return
    if "SATUAN" in b.catatan:
        yield temuan("REALISASI_SATUAN_DI_SEL", ev.sel, "realisasi", ev.realisasi, angka=format_angka(b.nilai, 6),
                     satuan=b.satuan, periode=label)  # fmt: skip
    elif "AMBIGU" in b.catatan:
        yield temuan(
            "REALISASI_AMBIGU",
            ev.sel,
            "realisasi",
            ev.realisasi,
            angka=format_angka(b.nilai, 6),
            periode=label,
            alternatif=alternatif_desimal(ev.realisasi),
        )
    elif "TEKS_ANGKA" in b.catatan:
        yield temuan("REALISASI_TEKS_ANGKA", ev.sel, "realisasi", ev.realisasi, angka=format_angka(b.nilai, 6),
                     periode=label)  # fmt: skip
    if "%" not in (iki.satuan or "") or not 0 < b.nilai <= 1:
        return  # the target is read only when it can matter
    t = baca_bilangan(iki.target, rentang=True)
    if t is not None and t.nilai > 1:
        # "85%" typed into a General cell is stored by Excel as 0.85; readers without formats see 0.85
        yield temuan(
            "REALISASI_PERSEN_PECAHAN",
            ev.sel,
            "realisasi",
            format_angka(b.nilai, 6),
            periode=label,
            persen=format_angka(b.nilai * 100),
            target=format_angka(t.nilai),
        )


def _rating(ev: EvaluasiPeriode, kunci: str, apa: str, label: str) -> Iterator[Temuan]:
    nilai = getattr(ev, kunci)
    if not kosong(nilai) and Rating.cari(nilai) is None:
        yield temuan("RATING_TIDAK_DIKENAL", ev.sel, kunci, nilai, apa=apa, periode=label)


def _isian_evaluator(ev: EvaluasiPeriode, label: str) -> Iterator[Temuan]:
    yield from _rating(ev, "rating_hasil_kerja", "Rating hasil kerja", label)
    yield from _rating(ev, "rating_perilaku", "Rating perilaku kerja", label)
    for nilai_inti, r in ev.rating_perilaku_per_nilai.items():
        if not kosong(r) and Rating.cari(r) is None:
            apa = f"Rating perilaku {NilaiInti.cari(nilai_inti) or nilai_inti}"
            yield temuan("RATING_TIDAK_DIKENAL", ev.sel, f"rating_perilaku:{nilai_inti}", r, apa=apa, periode=label)
    if not kosong(ev.predikat_organisasi) and PredikatOrganisasi.cari(ev.predikat_organisasi) is None:
        yield temuan(
            "PREDIKAT_ORGANISASI_TIDAK_DIKENAL", ev.sel, "predikat_organisasi", ev.predikat_organisasi, periode=label
        )
    if (org := PredikatOrganisasi.sinonim(ev.predikat_organisasi)) is not None:
        yield temuan("LABEL_SINONIM", ev.sel, "predikat_organisasi", ev.predikat_organisasi,
                     apa="Capaian kinerja organisasi", periode=label, label=org.value)  # fmt: skip
    if kosong(ev.predikat_tertulis):
        return
    if (sinonim := Predikat.sinonim(ev.predikat_tertulis)) is not None:
        yield temuan("LABEL_SINONIM", ev.sel, "predikat_tertulis", ev.predikat_tertulis,
                     apa="Predikat", periode=label, label=sinonim.value)  # fmt: skip
    tertulis = Predikat.cari(ev.predikat_tertulis)
    if tertulis is None:
        yield temuan("PREDIKAT_TIDAK_DIKENAL", ev.sel, "predikat_tertulis", ev.predikat_tertulis, periode=label)
        return
    hk, pk = Rating.cari(ev.rating_hasil_kerja), Rating.cari(ev.rating_perilaku)
    if hk is not None and pk is not None and predikat_dari_matriks(hk, pk) is not tertulis:
        yield temuan(
            "PREDIKAT_BERTENTANGAN",
            ev.sel,
            "predikat_tertulis",
            ev.predikat_tertulis,
            periode=label,
            hk=hk.value,
            pk=pk.value,
            seharusnya=predikat_dari_matriks(hk, pk).value,
        )


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    semua = kode_periode(form)
    sah = {p.kode for p in daftar_periode(ks.periodisasi)} | {AKHIR}
    asing = [cari_periode(k).label for k in semua if k not in sah]
    if asing and not kosong(form.periodisasi):
        yield temuan(
            "PERIODISASI_TIDAK_COCOK",
            form.sel,
            "periodisasi",
            form.periodisasi,
            periodisasi=ks.periodisasi.value,
            periode=", ".join(asing),
        )
    for kode in semua:
        label = cari_periode(kode).label
        semua_iki = [iki for rhk in form.rhk for iki in rhk.iki]
        diisi = any(
            not kosong(iki.evaluasi[kode].realisasi) or not kosong(iki.evaluasi[kode].kategori)
            for iki in semua_iki
            if kode in iki.evaluasi
        )
        for iki in semua_iki:
            yield from _realisasi(iki, kode, label, diisi, ks)
        if kode in form.evaluasi:
            yield from _isian_evaluator(form.evaluasi[kode], label)
