"""Helpers shared by the template / adapter / form_io tests (not collected: no test_ prefix)."""

from __future__ import annotations

from pathlib import Path

from skpxl.core.models import SkpForm

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "workbook_templates"
CONTOH = TEMPLATES / "contoh"

# The names the template issue requires in the README's contract (the AKHIR evaluation's).
NAMA_KONTRAK = (
    "NIP_PEGAWAI",
    "NAMA_PEGAWAI",
    "NIP_PENILAI",
    "UNIT_KERJA",
    "PERIODE_AWAL",
    "PERIODE_AKHIR",
    "PREDIKAT_ORGANISASI",
    "RATING_HASIL_KERJA",
    "RATING_HASIL_KERJA_USULAN",
    "RATING_PERILAKU",
    "PREDIKAT",
)


def tanpa_sel(x: object) -> object:
    """Plain data without the ``sel`` maps (Decimals keep comparing by value)."""
    if isinstance(x, SkpForm):
        x = x.model_dump()
    if isinstance(x, dict):
        return {k: tanpa_sel(v) for k, v in x.items() if k != "sel"}
    if isinstance(x, list):
        return [tanpa_sel(v) for v in x]
    return x


def beda(a: object, b: object, jalur: str = "") -> list[str]:
    """Where two plain structures differ (for readable assertion messages)."""
    if isinstance(a, dict) and isinstance(b, dict):
        hasil: list[str] = []
        for k in sorted(set(a) | set(b), key=str):
            hasil += beda(a.get(k), b.get(k), f"{jalur}.{k}")
        return hasil
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{jalur}: {len(a)} vs {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in beda(x, y, f"{jalur}[{i}]")]
    return [] if a == b else [f"{jalur}: {a!r} != {b!r}"]
