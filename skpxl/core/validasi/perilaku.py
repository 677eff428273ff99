"""PERILAKU KERJA: exactly the 7 BerAKHLAK core values, once each (spec §2, §8)."""

from __future__ import annotations

from collections.abc import Iterator

from skpxl.core.enums import NilaiInti
from skpxl.core.isian import kosong
from skpxl.core.models import SkpForm
from skpxl.core.temuan import Temuan, temuan
from skpxl.core.validasi.konteks import Konteks, pilihan


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    ada: set[NilaiInti] = set()
    for p in form.perilaku:
        if kosong(p.nilai_inti):
            continue
        n = NilaiInti.cari(p.nilai_inti)
        if n is None:
            yield temuan("PERILAKU_TIDAK_DIKENAL", p.sel, "nilai_inti", p.nilai_inti, pilihan=pilihan(NilaiInti))
        elif n in ada:
            yield temuan("PERILAKU_GANDA", p.sel, "nilai_inti", p.nilai_inti)
        else:
            ada.add(n)
    for n in NilaiInti:
        if n not in ada:
            yield temuan("PERILAKU_KURANG", form.sel, "tabel_perilaku", n.value)
