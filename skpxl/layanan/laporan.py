"""Reports of a run for people (terminal text); the JSON for machines is :mod:`skpxl.layanan.kontrak`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from skpxl.core.enums import Tingkat
from skpxl.core.hitung import HasilHitung
from skpxl.core.numbers import format_angka
from skpxl.core.temuan import Temuan

IKON = {Tingkat.ERROR: "✗", Tingkat.WARNING: "!", Tingkat.INFO: "i"}


def ringkasan_temuan(temuan: Sequence[Temuan]) -> str:
    c = Counter(t.tingkat for t in temuan)
    return (
        f"{c[Tingkat.ERROR]} kesalahan, {c[Tingkat.WARNING]} peringatan, {c[Tingkat.INFO]} info"
        if temuan
        else "tidak ada temuan"
    )


def teks_temuan(temuan: Sequence[Temuan]) -> list[str]:
    return [f"  {IKON[t.tingkat]} [{t.kode}] {t.alamat + ': ' if t.alamat else ''}{t.pesan}" for t in temuan]


def teks_hasil(hasil: HasilHitung) -> list[str]:
    baris = []
    for hp in hasil.periode.values():
        baris.append(f"{hp.periode.label}:")
        if hp.usulan is not None:
            baris.append(f"  Usulan rating hasil kerja: {hp.usulan.rating.value} ({hp.usulan.penjelasan})")
        baris.append(f"  Rating hasil kerja: {_label(hp.rating_hasil_kerja)} — {hp.penjelasan_hasil_kerja or '-'}")
        baris.append(f"  Rating perilaku: {_label(hp.rating_perilaku)} — {hp.penjelasan_perilaku or '-'}")
        baris.append(f"  Predikat: {_label(hp.predikat)} — {hp.penjelasan_predikat}")
        if hp.angka_kredit is not None:
            baris.append(f"  Angka kredit: {format_angka(hp.angka_kredit)} — {hp.penjelasan_angka_kredit}")
    return baris


def _label(x: object) -> str:
    return "-" if x is None else str(x)
