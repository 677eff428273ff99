"""HASIL KERJA table: RHK groups, IKI rows, aspek, arah, targets and satuan (spec §8)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpxl.core.enums import Arah, Aspek, JenisJabatan, JenisRHK
from skpxl.core.isian import alternatif_desimal, baca_bilangan, kosong
from skpxl.core.models import IKI, RHK, SkpForm
from skpxl.core.numbers import format_angka
from skpxl.core.temuan import Temuan, pisah_alamat, temuan
from skpxl.core.validasi.konteks import Konteks, nama_iki


def nama_rhk(rhk: RHK) -> str:
    teks = (rhk.teks or "").strip() or "(tanpa teks)"
    return teks if len(teks) <= 70 else teks[:67] + "..."


def arah_iki(iki: IKI, default_khusus: frozenset[Aspek]) -> Arah | None:
    """The IKI's direction: as written, else by aspek (Waktu/Biaya khusus); None if unreadable."""
    if not kosong(iki.arah):
        return Arah.cari(iki.arah)
    aspek = Aspek.cari(iki.aspek)
    return Arah.KHUSUS if aspek in default_khusus else Arah.NORMAL


def _target(iki: IKI, ks: Konteks) -> Iterator[Temuan]:
    nama = nama_iki(iki)
    if kosong(iki.target):
        yield temuan("TARGET_KOSONG", iki.sel, "target", iki=nama)
        return
    b = baca_bilangan(iki.target, rentang=True)
    if b is None:
        if ks.kuantitatif:
            m = re.search(r"\d+(?:[.,]\d+)?", str(iki.target))
            saran = f"; dari teks ini mungkin maksudnya {m.group(0)}" if m else ""
            yield temuan("TARGET_BUKAN_ANGKA", iki.sel, "target", iki.target, saran=saran)
        return
    if b.nilai < 0:
        yield temuan("TARGET_NEGATIF", iki.sel, "target", iki.target)
        return
    if b.atas is not None and b.atas < b.nilai:
        yield temuan("TARGET_RENTANG_TERBALIK", iki.sel, "target", iki.target)
        return
    angka = format_angka(b.nilai, 6) if b.atas is None else f"{format_angka(b.nilai, 6)}–{format_angka(b.atas, 6)}"
    if "SATUAN" in b.catatan:
        yield temuan("TARGET_SATUAN_DI_SEL", iki.sel, "target", iki.target, angka=angka, satuan=b.satuan)
    elif "AMBIGU" in b.catatan:
        yield temuan("TARGET_AMBIGU", iki.sel, "target", iki.target, angka=angka,
                     alternatif=alternatif_desimal(iki.target))  # fmt: skip
    elif "TEKS_ANGKA" in b.catatan:
        yield temuan("TARGET_TEKS_ANGKA", iki.sel, "target", iki.target, angka=angka)
    arah = arah_iki(iki, ks.konfigurasi.aspek_khusus)
    if b.atas is None and b.nilai == 0 and arah is Arah.NORMAL:
        yield temuan("TARGET_NOL", iki.sel, "target", iki.target, iki=nama)
    if ks.kuantitatif and kosong(iki.satuan) and b.satuan is None:
        yield temuan("SATUAN_KOSONG", iki.sel, "satuan", iki=nama)


def _iki(rhk: RHK, iki: IKI, ks: Konteks) -> Iterator[Temuan]:
    if kosong(iki.teks):
        yield temuan("IKI_KOSONG", iki.sel, "teks")
    if kosong(iki.aspek):
        yield temuan("ASPEK_KOSONG", iki.sel, "aspek", iki=nama_iki(iki))
    elif Aspek.cari(iki.aspek) is None:
        yield temuan("ASPEK_TIDAK_DIKENAL", iki.sel, "aspek", iki.aspek)
    if not kosong(iki.arah) and Arah.cari(iki.arah) is None:
        yield temuan("ARAH_TIDAK_DIKENAL", iki.sel, "arah", iki.arah)
    yield from _target(iki, ks)


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    if not any(JenisRHK.cari(r.jenis) is JenisRHK.UTAMA for r in form.rhk):
        yield temuan("RHK_UTAMA_TIDAK_ADA", form.sel, "tabel_hasil_kerja")
    jpt = ks.jenis_jabatan is JenisJabatan.JPT
    dilihat: dict[tuple[str, str], str] = {}
    for rhk in form.rhk:
        if kosong(rhk.teks):
            yield temuan("RHK_KOSONG", rhk.sel, "teks")
        if JenisRHK.cari(rhk.jenis) is None:
            yield temuan("RHK_JENIS_TIDAK_DIKENAL", rhk.sel, "jenis", rhk.jenis)
        if jpt and kosong(rhk.perspektif):
            yield temuan("PERSPEKTIF_KOSONG", rhk.sel, "perspektif", rhk=nama_rhk(rhk))
        if not jpt and kosong(rhk.rhk_atasan):
            yield temuan("INTERVENSI_KOSONG", rhk.sel, "rhk_atasan", rhk=nama_rhk(rhk))
        if not rhk.iki:
            yield temuan("RHK_TANPA_IKI", rhk.sel, "teks", rhk=nama_rhk(rhk))
        for iki in rhk.iki:
            yield from _iki(rhk, iki, ks)
            kunci = (" ".join((rhk.teks or "").lower().split()), " ".join((iki.teks or "").lower().split()))
            if not kunci[1]:
                continue
            alamat = iki.sel.get("teks", "")
            if kunci in dilihat:
                _, sel_lain = pisah_alamat(dilihat[kunci])
                yield temuan(
                    "IKI_GANDA", iki.sel, "teks", iki.teks, iki=nama_iki(iki), sel_lain=sel_lain or "baris lain"
                )
            else:
                dilihat[kunci] = alamat
