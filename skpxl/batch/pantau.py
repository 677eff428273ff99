"""Worker side of the practice tables (issue 19): the few small fields one file adds to its recap row.

:func:`ringkas` runs in the worker next to validation; :mod:`skpxl.batch.praktik` merges the results
into the Penilai, Pemantauan and Kebutuhan Pengembangan tables. Kept small: the row crosses a process boundary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skpxl.core.enums import NilaiInti, Periodisasi, Predikat, Rating
from skpxl.core.isian import kosong
from skpxl.core.models import SkpForm
from skpxl.core.periode import AKHIR, daftar_periode, periode_atau_none

if TYPE_CHECKING:
    from skpxl.core.hitung import HasilHitung

# Monitoring flags of one period (bits of an int, so the worker's row stays small).
REALISASI, DINILAI, UMPAN_BALIK, PREDIKAT = 1, 2, 4, 8
PERLU_PENGEMBANGAN = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


def norm_teks(teks: object) -> str:
    return " ".join(str(teks if teks is not None else "").lower().split())


@dataclass(frozen=True, slots=True)
class RingkasPraktik:
    """What one file adds to the recap row for the practice tables (small: it crosses a process boundary)."""

    rating_dari_penilai: bool = False  # the recap period's rating hasil kerja was typed by the evaluator
    # "TW1:15 TW2:3 … AKHIR:15": period code and REALISASI|DINILAI|UMPAN_BALIK|PREDIKAT bits, one short string
    # because the parent keeps every row (the whole summary ≈ 0.3 KB per file instead of ≈ 0.9 KB with tuples)
    pantau_teks: str = ""
    perilaku_bawah: tuple[tuple[str, str | None], ...] = ()  # core values rated Di Bawah, with their umpan balik
    catatan: str | None = None  # CATATAN/REKOMENDASI, kept only when the person needs development
    sidik: str | None = None  # hash of the normalised RHK/IKI/target content

    @property
    def pantau(self) -> tuple[tuple[str, int], ...]:
        """(period code, flag bits) per period, in calendar order (AKHIR last)."""
        return tuple((k, int(b)) for k, _, b in (x.partition(":") for x in self.pantau_teks.split()))


def teks_pantau(pantau: Iterable[tuple[str, int]]) -> str:
    return " ".join(f"{k}:{b}" for k, b in pantau)


def _sidik(form: SkpForm) -> str | None:
    bagian = [
        "\x1f".join((norm_teks(r.teks), norm_teks(i.teks), norm_teks(i.target), norm_teks(i.satuan)))
        for r in form.rhk
        for i in r.iki
    ]
    if not any(b.strip("\x1f") for b in bagian):
        return None  # an empty plan is not a copy of another empty plan
    return hashlib.blake2b("\x1e".join(bagian).encode("utf-8"), digest_size=8).hexdigest()


def _pantau(form: SkpForm, hasil: HasilHitung | None) -> tuple[tuple[str, int], ...]:
    pz = Periodisasi.cari(form.periodisasi) or Periodisasi.TRIWULANAN
    kode = {p.kode for p in daftar_periode(pz)} | {AKHIR}
    semua_iki = [i for r in form.rhk for i in r.iki]
    for i in semua_iki:
        kode.update(i.evaluasi)
    kode.update(form.evaluasi)
    periode = sorted(
        (p for p in map(periode_atau_none, kode) if p is not None),
        key=lambda p: (p.kode == AKHIR, p.bulan_awal, -p.bulan),
    )
    keluar = []
    for p in periode:
        bit = 0
        ev_iki = [i.evaluasi[p.kode] for i in semua_iki if p.kode in i.evaluasi]
        if any(not kosong(e.realisasi) or not kosong(e.kategori) for e in ev_iki):
            bit |= REALISASI
        ep = form.evaluasi.get(p.kode)
        if ep is not None and (
            not kosong(ep.rating_hasil_kerja)
            or not kosong(ep.rating_perilaku)
            or any(not kosong(v) for v in ep.rating_perilaku_per_nilai.values())
        ):
            bit |= DINILAI
        if any(not kosong(e.umpan_balik) for e in ev_iki) or (
            ep is not None and any(not kosong(v) for v in ep.umpan_balik_perilaku.values())
        ):
            bit |= UMPAN_BALIK
        hp = hasil.periode.get(p.kode) if hasil is not None else None
        if hp is not None and hp.predikat is not None:
            bit |= PREDIKAT
        keluar.append((p.kode, bit))
    return tuple(keluar)


def ringkas(form: SkpForm, hasil: HasilHitung | None, kode: str) -> RingkasPraktik:
    """The practice fields of one file for recap period ``kode`` (worker side)."""
    ep = form.evaluasi.get(kode)
    bawah: list[tuple[str, str | None]] = []
    if ep is not None:
        for label, r in ep.rating_perilaku_per_nilai.items():
            n = NilaiInti.cari(label)
            if n is not None and Rating.cari(r) is Rating.DI_BAWAH:
                ub = ep.umpan_balik_perilaku.get(label)
                bawah.append((n.value, None if kosong(ub) else ub))
    hp = hasil.periode.get(kode) if hasil is not None else None
    perlu = bool(bawah) or (hp is not None and hp.predikat in PERLU_PENGEMBANGAN)
    return RingkasPraktik(
        rating_dari_penilai=ep is not None and Rating.cari(ep.rating_hasil_kerja) is not None,
        pantau_teks=teks_pantau(_pantau(form, hasil)),
        perilaku_bawah=tuple(bawah),
        catatan=ep.catatan if perlu and ep is not None and not kosong(ep.catatan) else None,
        sidik=_sidik(form),
    )
