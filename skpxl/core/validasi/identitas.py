"""Identity blocks: names, NIP structure and plausibility, pangkat, penilai ≠ pegawai (spec §8)."""

from __future__ import annotations

from collections.abc import Iterator

from skpxl.core.enums import JenisJabatan
from skpxl.core.isian import format_tanggal, kosong
from skpxl.core.models import Identitas, SkpForm
from skpxl.core.nip import NIP, NipSalah, kunci_nip, parse_nip
from skpxl.core.pangkat import GOLONGAN_JENJANG, GOLONGAN_PNS, cari_golongan
from skpxl.core.temuan import Temuan, temuan
from skpxl.core.validasi.konteks import Konteks

SIAPA = {"pegawai": "pegawai yang dinilai", "penilai": "pejabat penilai", "atasan_penilai": "atasan pejabat penilai"}


def _nip(idn: Identitas, siapa: str, ks: Konteks) -> Iterator[Temuan]:
    try:
        nip: NIP = parse_nip(idn.nip, acuan=ks.akhir)
    except NipSalah as e:
        teks = (idn.nip or "").replace(" ", "")
        # PPPK layout comes from a single source: warn, don't block (spec §8).
        pppk = len(teks) == 18 and teks.isdigit() and teks[12] == "2"
        if pppk and e.kode in ("NIP_JENIS_KELAMIN", "NIP_TMT"):
            yield temuan("NIP_PPPK", idn.sel, "nip", idn.nip, siapa=siapa, alasan=str(e))
        else:
            yield temuan(e.kode, idn.sel, "nip", idn.nip, siapa=siapa, alasan=str(e))
        return
    for kode, alasan in nip.peringatan:
        yield temuan(kode, idn.sel, "nip", idn.nip, siapa=siapa, alasan=alasan)
    if nip.usia_saat_tmt() < 18:
        yield temuan("NIP_USIA_TMT", idn.sel, "nip", idn.nip, siapa=siapa, usia=nip.usia_saat_tmt())
    if ks.akhir is not None and nip.tmt > ks.akhir:
        yield temuan("NIP_TMT_SETELAH_PERIODE", idn.sel, "nip", idn.nip, siapa=siapa,
                     tmt=f"{nip.tmt:%m/%Y}", akhir=format_tanggal(ks.akhir))  # fmt: skip


def _blok(idn: Identitas, kunci: str, ks: Konteks) -> Iterator[Temuan]:
    siapa = SIAPA[kunci]
    if kosong(idn.nama):
        yield temuan("NAMA_KOSONG", idn.sel, "nama", siapa=siapa)
    if kosong(idn.nip):
        yield temuan("NIP_KOSONG", idn.sel, "nip", siapa=siapa)
    else:
        yield from _nip(idn, siapa, ks)
    if kosong(idn.jabatan):
        yield temuan("JABATAN_KOSONG", idn.sel, "jabatan", siapa=siapa)
    if kosong(idn.pangkat):
        yield temuan("PANGKAT_KOSONG", idn.sel, "pangkat", siapa=siapa)
    elif cari_golongan(idn.pangkat) is None:
        yield temuan("PANGKAT_TIDAK_DIKENAL", idn.sel, "pangkat", idn.pangkat, siapa=siapa)


def _sama(a: Identitas, b: Identitas) -> bool:
    na = kunci_nip(a.nip)
    return na is not None and na == kunci_nip(b.nip)


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    yield from _blok(form.pegawai, "pegawai", ks)
    yield from _blok(form.penilai, "penilai", ks)
    atasan = form.atasan_penilai
    if all(kosong(x) for x in (atasan.nama, atasan.nip, atasan.jabatan)):
        yield temuan("ATASAN_KOSONG", atasan.sel, "nama")
    else:
        yield from _blok(atasan, "atasan_penilai", ks)
    if _sama(form.pegawai, form.penilai):
        yield temuan("PENILAI_SAMA", form.penilai.sel, "nip", form.penilai.nip, nip=form.penilai.nip)
    if _sama(form.penilai, atasan):
        yield temuan("ATASAN_SAMA", atasan.sel, "nip", atasan.nip, nip=atasan.nip)
    gol = cari_golongan(form.pegawai.pangkat)
    if ks.jenis_jabatan is JenisJabatan.FUNGSIONAL and ks.jenjang is not None and gol is not None and gol.nama:
        urutan = [g.kode for g in GOLONGAN_PNS]
        rentang = sorted(GOLONGAN_JENJANG[ks.jenjang], key=urutan.index)
        if gol.kode not in rentang:
            yield temuan("JENJANG_GOLONGAN", form.pegawai.sel, "pangkat", form.pegawai.pangkat,
                         jenjang=ks.jenjang.value, rentang="–".join(dict.fromkeys((rentang[0], rentang[-1]))),
                         golongan=gol.kode)  # fmt: skip
