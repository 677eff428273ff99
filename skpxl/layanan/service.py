"""The service every way in shares (buttons, CLI, batch): read form → validate → compute → render.

It works on any adapter of :mod:`skpxl.buku.adapters.base` and never imports an Excel library.
Rendering writes into the adapter's workbook; saving is the caller's job (the CLI saves
through a backup and an atomic replace, xlwings writes live).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from skpxl.buku.adapters.base import Workbook, WorkbookReader
from skpxl.buku.form_io import baca_form, periode_dalam_buku
from skpxl.buku.render import tulis_hasil_hitung, tulis_hasil_validasi
from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Tingkat
from skpxl.core.errors import InputTidakValid
from skpxl.core.hitung import HasilHitung, hitung
from skpxl.core.models import SkpForm
from skpxl.core.packs import InfoPaket
from skpxl.core.packs.permenpanrb_6_2022 import INFO
from skpxl.core.periode import cari_periode
from skpxl.core.temuan import Temuan
from skpxl.core.validasi import validasi


@dataclass
class Laporan:
    """What one run found and computed."""

    form: SkpForm
    temuan: list[Temuan]
    hasil: HasilHitung | None = None
    paket: InfoPaket = INFO
    waktu: datetime = field(default_factory=datetime.now)

    @property
    def jumlah_kesalahan(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat is Tingkat.ERROR)

    @property
    def jumlah_peringatan(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat is Tingkat.WARNING)

    def kalimat(self) -> str:
        """One Indonesian sentence for a message box or the terminal's last line."""
        e, w = self.jumlah_kesalahan, self.jumlah_peringatan
        if self.hasil is None:
            if not e and not w:
                return "Validasi selesai: tidak ada kesalahan maupun peringatan."
            return f"Validasi selesai: {e} kesalahan dan {w} peringatan; rinciannya di lembar Hasil Validasi."
        akhir = self.hasil.periode.get("AKHIR")
        predikat = akhir.predikat.value if akhir and akhir.predikat else "belum dapat ditetapkan"
        return (
            f"Hitung selesai: predikat akhir {predikat}; {e} kesalahan dan {w} peringatan "
            "(rinciannya di lembar Hasil Validasi)."
        )


def periksa(
    wb: WorkbookReader, *, periode: str | None = None, konfigurasi: Konfigurasi = KONFIGURASI_BAKU, hitung_juga: bool
) -> Laporan:
    """Read, validate and (optionally) compute without writing anything (the batch uses this)."""
    if periode is not None:
        periode = cari_periode(periode).kode  # unusable period → InputTidakValid before any work
        ada = periode_dalam_buku(wb.names())
        if periode not in ada:  # S1 on a quarterly form: say so, instead of computing an empty period
            raise InputTidakValid(
                f"Formulir ini tidak punya periode {periode}; periode yang ada: {', '.join(ada) or 'tidak ada'}."
            )
    form = baca_form(wb)
    temuan = validasi(form, konfigurasi)
    hasil = hitung(form, periode, konfigurasi) if hitung_juga else None
    if hasil is not None:
        temuan.extend(hasil.temuan)
    return Laporan(form, temuan, hasil)


def validasi_buku(
    wb: Workbook, *, waktu: datetime | None = None, konfigurasi: Konfigurasi = KONFIGURASI_BAKU
) -> Laporan:
    """Validasi button: list every finding on the Hasil Validasi sheet and highlight the cells."""
    lap = periksa(wb, konfigurasi=konfigurasi, hitung_juga=False)
    lap.waktu = waktu or lap.waktu
    tulis_hasil_validasi(wb, lap.temuan, lap.paket, lap.waktu)
    return lap


def hitung_buku(
    wb: Workbook,
    *,
    periode: str | None = None,
    waktu: datetime | None = None,
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU,
) -> Laporan:
    """Hitung button: validate, compute every period (or ``periode``) and AKHIR, write everything back."""
    kode = None if periode is None else cari_periode(periode).kode
    lap = periksa(wb, periode=kode, konfigurasi=konfigurasi, hitung_juga=True)
    lap.waktu = waktu or lap.waktu
    assert lap.hasil is not None
    tulis_hasil_validasi(wb, lap.temuan, lap.paket, lap.waktu)
    tulis_hasil_hitung(wb, lap.form, lap.hasil, lap.waktu, kode)
    return lap
