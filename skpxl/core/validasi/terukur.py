"""Measurability lint: IKI that cannot be measured, vague wording, targets copied into realisasi.

These are warnings with a concrete suggestion; they never block Hitung.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpxl.core.isian import baca_bilangan, kosong
from skpxl.core.models import SkpForm
from skpxl.core.periode import cari_periode
from skpxl.core.temuan import Temuan, temuan
from skpxl.core.validasi.konteks import Konteks, nama_iki

# Words that promise quality without saying what is counted.
KATA_KABUR = ("optimal", "maksimal", "lancar", "meningkatnya", "meningkatkan", "terlaksananya", "tercapainya",
              "terwujudnya", "terselenggaranya", "mendukung", "membantu", "berkualitas", "kondusif", "efektif",
              "efisien", "baik")  # fmt: skip
# Words that name a measure; any of them (or a digit) makes an IKI measurable enough for the lint.
KATA_UKURAN = ("jumlah", "persentase", "persen", "%", "indeks", "nilai", "rata-rata", "rasio", "skor", "frekuensi",
               "tingkat", "waktu", "lama", "hari", "jam", "bulan", "dokumen", "laporan", "kali", "orang", "banyaknya",
               "capaian", "target", "realisasi", "angka")  # fmt: skip
_KATA = re.compile(r"[a-z%-]+")


def _kata(teks: str) -> list[str]:
    return _KATA.findall(teks.lower())


_KATA_UKURAN = frozenset(KATA_UKURAN)


def _ada_ukuran(teks: str) -> bool:
    return any(map(str.isdigit, teks)) or not _KATA_UKURAN.isdisjoint(_kata(teks)) or "%" in teks


def _contoh(teks: str) -> str:
    """A noun phrase from the IKI for the suggestion ("Meningkatnya layanan X" → "layanan X")."""
    kata = [k for k in teks.split() if k.lower().strip(",.") not in KATA_KABUR]
    return " ".join(kata[:4]).lower() or "kegiatan"


def periksa(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    if not ks.kuantitatif:
        return
    for rhk in form.rhk:
        for iki in rhk.iki:
            teks = iki.teks or ""
            if kosong(teks):
                continue
            if not _ada_ukuran(teks) and kosong(iki.satuan):
                yield temuan("IKI_TIDAK_TERUKUR", iki.sel, "teks", teks, iki=nama_iki(iki))
                continue
            kabur = next((k for k in _kata(teks) if k in KATA_KABUR), None)
            if kabur and not _ada_ukuran(teks):
                yield temuan("IKI_KATA_KABUR", iki.sel, "teks", teks, iki=nama_iki(iki), kata=kabur,
                             contoh=_contoh(teks))  # fmt: skip
    yield from target_sama_realisasi(form, ks)


def target_sama_realisasi(form: SkpForm, ks: Konteks) -> Iterator[Temuan]:
    """Realisasi exactly equal to target for every IKI in every evaluated period: SKP as a formality.

    One period on target is a legitimate "Sesuai Ekspektasi" (capaian exactly 100%); a whole
    year of it, over at least 3 IKI and 2 periods (``formalitas_min_*``), is what the lint asks the
    evaluator to check.
    """
    k = ks.konfigurasi
    periode: dict[str, list[bool]] = {}
    for rhk in form.rhk:
        for iki in rhk.iki:
            t = baca_bilangan(iki.target)
            for kode, ev in iki.evaluasi.items():
                r = baca_bilangan(ev.realisasi)
                if t is not None and r is not None:
                    periode.setdefault(kode, []).append(r.nilai == t.nilai)
    if len(periode) >= k.formalitas_min_periode and all(
        len(x) >= k.formalitas_min_iki and all(x) for x in periode.values()
    ):
        label = ", ".join(cari_periode(k).label for k in periode)
        jumlah = max(len(x) for x in periode.values())
        yield temuan("TARGET_SAMA_REALISASI", form.sel, "tabel_hasil_kerja", periode=label, jumlah=jumlah)
