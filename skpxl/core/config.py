"""Configuration of every [DEFAULT] choice of the spec, per instansi.

The regulation leaves these open; skpxl's defaults are the ones given in
``domain-spec.md``. An instansi can override any of them, e.g.::

    Konfigurasi(agregasi_rhk="mayoritas", porsi_atas=Decimal("0.6"))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from skpxl.core.enums import Aspek, JenisJabatan, PredikatOrganisasi, Rating


class Konfigurasi(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # §3 range target: realisasi inside [lo, hi] scores this capaian.
    capaian_dalam_rentang: Decimal = Decimal(100)
    # §3 target 0 with arah khusus: realisasi 0 scores the first, realisasi > 0 the second.
    capaian_khusus_target_nol: tuple[Decimal, Decimal] = (Decimal(100), Decimal(0))
    # §3 aspects whose IKI are "lower is better" unless the IKI says otherwise.
    aspek_khusus: frozenset[Aspek] = frozenset({Aspek.WAKTU, Aspek.BIAYA})
    # §4.1 per IKI: capaian > ambang_atas → Di Atas; capaian < ambang_bawah → Di Bawah; else Sesuai.
    ambang_atas: Decimal = Decimal(100)
    ambang_bawah: Decimal = Decimal(100)
    # §4.2 per RHK: the lowest IKI category, or the majority of its IKI (ties go to the lower).
    agregasi_rhk: Literal["terendah", "mayoritas"] = "terendah"
    # §4.3 overall: Di Atas when more than porsi_atas of RHK are Di Atas (and, if set, no UTAMA RHK is
    # Di Bawah); Di Bawah when more than porsi_bawah are Di Bawah; otherwise Sesuai.
    porsi_atas: Decimal = Field(default=Decimal("0.5"), ge=0, lt=1)
    porsi_bawah: Decimal = Field(default=Decimal("0.5"), ge=0, lt=1)
    utama_bawah_cegah_atas: bool = True
    # §4 unit head: rating hasil kerja taken from the capaian kinerja organisasi, for these jabatan.
    pimpinan_unit: frozenset[JenisJabatan] = frozenset({JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR})
    rating_dari_organisasi: dict[PredikatOrganisasi, Rating] = Field(
        default_factory=lambda: {
            PredikatOrganisasi.ISTIMEWA: Rating.DI_ATAS,
            PredikatOrganisasi.BAIK: Rating.SESUAI,
            PredikatOrganisasi.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
            PredikatOrganisasi.KURANG: Rating.DI_BAWAH,
            PredikatOrganisasi.SANGAT_KURANG: Rating.DI_BAWAH,
        }
    )
    # §2 annual ratings may be pre-filled from the last period (always reported, never silent).
    akhir_dari_periode_terakhir: bool = True


KONFIGURASI_BAKU = Konfigurasi()
