"""Validasi: every rule of spec §8 over a whole form; all findings at once, never the first only."""

from __future__ import annotations

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.models import SkpForm
from skpxl.core.numbers import dalam_konteks
from skpxl.core.temuan import Temuan
from skpxl.core.validasi.konteks import Konteks

from . import evaluasi, hasil_kerja, identitas, perilaku, praktik, terukur


@dalam_konteks
def validasi(form: SkpForm, konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> list[Temuan]:
    """All findings of the form, in reading order of the sections."""
    ks = Konteks.dari_form(form, konfigurasi)
    hasil: list[Temuan] = list(ks.temuan)
    for bagian in (identitas, hasil_kerja, terukur, perilaku, evaluasi, praktik):
        hasil.extend(bagian.periksa(form, ks))
    return hasil
