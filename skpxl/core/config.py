"""Configuration of every [DEFAULT] choice of the spec, per instansi.

The regulation leaves these open; skpxl's defaults are the ones given in
``domain-spec.md``. An instansi can override any of them, e.g.::

    Konfigurasi(agregasi_rhk="mayoritas", porsi_atas=Decimal("0.6"))

Options added for edge cases the regulation does not settle default to the earlier behaviour, name their
source in :data:`SUMBER_OPSI`, and are written into the stamp of every output that used them
(:func:`opsi_stempel`), so a recap made under an instansi policy says so.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    # §5 kurva in small units (the regulation is silent; exact fractions make e.g. a Kurang unit of 1–2 staff
    # unable to conform). A unit with fewer staff with a predikat than this is "tidak dapat dinilai" instead of
    # judged; 0 = every unit is judged.
    kurva_minimal_pegawai: int = Field(default=0, ge=0)
    # §5 "pecahan": compare exact fractions count/n (spec); "orang": each limit rounded half-up to whole people
    # (70% of 12 = 8,4 → 8; 10% of 5 = 0,5 → 1), i.e. the share a unit of n people can actually reach.
    kurva_pembulatan: Literal["pecahan", "orang"] = "pecahan"

    # --- Practice lint (issue 19: the five failures of SKP practice). All [DEFAULT]: no regulation sets them. ---
    # Realism: an IKI whose capaian is ≥ realisme_plafon in every evaluated period (at least realisme_min_periode)
    # suggests a target set too low; 130% is a full third above the target, well past a good year.
    realisme_plafon: Decimal = Decimal(130)
    # ... and < realisme_lantai in every evaluated period an unrealistic target: under half of the target all year.
    realisme_lantai: Decimal = Decimal(50)
    # One period says little (a slow first quarter); two or more form a pattern.
    realisme_min_periode: int = Field(default=2, ge=1)
    # Periodic realisasi is often cumulative against the annual target, so a low TW I–III is normal mid-year:
    # the floor is only judged once AKHIR is evaluated too.
    realisme_lantai_perlu_akhir: bool = True
    # A range target "lo-hi" is "wider than the target itself" when hi − lo > lo × rentang_rasio_maks.
    rentang_rasio_maks: Decimal = Field(default=Decimal(1), ge=0)
    # Satuan words of a Waktu IKI for which a target of 0 is flagged (nothing is done in 0 days).
    satuan_waktu: frozenset[str] = frozenset({"hari", "jam", "menit", "detik", "minggu", "bulan", "tahun"})
    # Feedback and evidence: an evaluated period (realisasi filled) without umpan balik / bukti dukung is reported.
    wajib_umpan_balik: bool = True
    wajib_bukti_dukung: bool = True
    # Formality (also used by TARGET_SAMA_REALISASI): a pattern needs at least this many IKI and periods.
    formalitas_min_iki: int = Field(default=3, ge=1)
    formalitas_min_periode: int = Field(default=2, ge=1)
    # Recap, evaluator practice: judged only for evaluators of at least penilai_min_pegawai staff; "most proposals
    # overridden upward" means more than penilai_porsi_naik of the staff with both a given rating and a proposal.
    penilai_min_pegawai: int = Field(default=3, ge=2)
    penilai_porsi_naik: Decimal = Field(default=Decimal("0.5"), ge=0, lt=1)


SUMBER_OPSI: dict[str, str] = {
    "kurva_minimal_pegawai": "kebijakan instansi",
    "kurva_pembulatan": "kebijakan instansi",
    "target_maksimal_120": "PermenPANRB 8/2021, contoh perhitungan pada lampiran",
}
"""Source of every stamped option: a regulation, or "kebijakan instansi" where the regulation is silent."""


def _teks_opsi(nilai: object) -> str:
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    return str(nilai)


def opsi_stempel(konfigurasi: object, nama: Iterable[str] | None = None) -> tuple[str, ...]:
    """The stamped options of ``konfigurasi`` (a pydantic config) that differ from their default, as
    "kurva_minimal_pegawai=5 (kebijakan instansi)"; ``nama`` limits them to the options an output used."""
    kolom = getattr(type(konfigurasi), "model_fields", {})
    hasil = []
    for n in nama if nama is not None else SUMBER_OPSI:
        if n not in kolom or n not in SUMBER_OPSI:
            continue
        nilai = getattr(konfigurasi, n)
        if nilai != kolom[n].default:
            hasil.append(f"{n}={_teks_opsi(nilai)} ({SUMBER_OPSI[n]})")
    return tuple(hasil)


KONFIGURASI_BAKU = Konfigurasi()
