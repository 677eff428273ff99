"""Reports of a run for people (terminal text) and machines (JSON), in Indonesian."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from skpxl.core.enums import Tingkat
from skpxl.core.hitung import HasilHitung, HasilPeriode
from skpxl.core.numbers import bulat, format_angka
from skpxl.core.packs import InfoPaket
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


def _periode_json(hp: HasilPeriode) -> dict[str, Any]:
    return {
        "periode": hp.periode.kode,
        "label": hp.periode.label,
        "iki": [
            {
                "rhk": h.rhk + 1,
                "iki": h.iki + 1,
                "capaian": None if h.capaian is None else str(bulat(h.capaian)),
                "kategori": _nilai(h.kategori),
                "penjelasan": h.penjelasan,
            }
            for h in hp.iki
        ],
        "rhk": [
            {"rhk": h.rhk + 1, "jenis": h.jenis.value, "kategori": _nilai(h.kategori), "penjelasan": h.penjelasan}
            for h in hp.rhk
        ],
        "usulan_rating_hasil_kerja": _nilai(hp.usulan.rating if hp.usulan else None),
        "penjelasan_usulan": hp.usulan.penjelasan if hp.usulan else None,
        "rating_hasil_kerja": _nilai(hp.rating_hasil_kerja),
        "penjelasan_hasil_kerja": hp.penjelasan_hasil_kerja,
        "rating_perilaku": _nilai(hp.rating_perilaku),
        "penjelasan_perilaku": hp.penjelasan_perilaku,
        "predikat": _nilai(hp.predikat),
        "penjelasan_predikat": hp.penjelasan_predikat,
        "angka_kredit": None if hp.angka_kredit is None else str(hp.angka_kredit),
        "penjelasan_angka_kredit": hp.penjelasan_angka_kredit or None,
    }


def _nilai(x: Tingkat | object | None) -> str | None:
    return None if x is None else str(x)


def ke_json(
    berkas: str, paket: InfoPaket, temuan: Sequence[Temuan], hasil: HasilHitung | None, waktu: str
) -> dict[str, Any]:
    return {
        "berkas": berkas,
        "paket_aturan": {"id": paket.id, "versi": paket.versi},
        "waktu": waktu,
        "ringkasan": ringkasan_temuan(temuan),
        "temuan": [t.ke_dict() for t in temuan],
        "hasil": None if hasil is None else [_periode_json(hp) for hp in hasil.periode.values()],
    }
