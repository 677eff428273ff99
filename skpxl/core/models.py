"""pydantic models of the SKP form (PermenPANRB 6/2022, spec §2).

The models hold what the form *says*, including what cannot be understood yet:
closed-list fields keep the text as typed (validation maps it to an enum or
reports it), numbers are ``Decimal`` when they were numbers and ``str`` when they
were typed as text. Nothing here raises on bad content; validation reports it.

``sel`` maps a field key to the cell it came from ("SKP!G23"), so findings can
point at the cell. Readers fill it; models built in code may leave it empty.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

# A cell value as the form holds it: a number, text (possibly a number typed as text), or empty.
Isian = Decimal | str | None
# A date cell: a real date, or text to be parsed/reported by validation.
IsianTanggal = date | str | None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Identitas(_Model):
    """One identity block: pegawai yang dinilai, pejabat penilai or atasan pejabat penilai."""

    nama: str | None = None
    nip: str | None = None  # text as typed; a number cell arrives as its text form, e.g. "1.99E+17"
    pangkat: str | None = None  # "Penata Muda (III/a)", "III/a", PPPK "IX", ...
    jabatan: str | None = None
    unit_kerja: str | None = None
    sel: dict[str, str] = Field(default_factory=dict)


class EvaluasiIKI(_Model):
    """What the evaluation of one period records for one IKI."""

    realisasi: Isian = None
    bukti_dukung: str | None = None
    umpan_balik: str | None = None
    # Kualitatif IKI: the evaluator picks the category directly (a Rating label).
    kategori: str | None = None
    sel: dict[str, str] = Field(default_factory=dict)


class IKI(_Model):
    """Indikator kinerja individu: one row of the HASIL KERJA table."""

    aspek: str | None = None
    teks: str | None = None
    target: Isian = None  # number, "80-90" range, or narrative text (kualitatif)
    satuan: str | None = None
    arah: str | None = None  # "Normal"/"Khusus"; empty = default by aspek (spec §3)
    evaluasi: dict[str, EvaluasiIKI] = Field(default_factory=dict)  # key: period code
    sel: dict[str, str] = Field(default_factory=dict)


class RHK(_Model):
    """Rencana hasil kerja with its IKI rows."""

    jenis: str | None = None  # "Utama" / "Tambahan"
    rhk_atasan: str | None = None  # RHK atasan yang diintervensi (non-JPT)
    perspektif: str | None = None  # JPT only
    teks: str | None = None
    iki: list[IKI] = Field(default_factory=list)
    sel: dict[str, str] = Field(default_factory=dict)


class PerilakuKerja(_Model):
    """One BerAKHLAK core value with its panduan and the leader's specific expectation."""

    nilai_inti: str | None = None
    panduan: list[str] = Field(default_factory=list)
    ekspektasi_khusus: str | None = None
    sel: dict[str, str] = Field(default_factory=dict)


class Lampiran(_Model):
    dukungan_sumber_daya: list[str] = Field(default_factory=list)
    skema_pertanggungjawaban: list[str] = Field(default_factory=list)
    konsekuensi: list[str] = Field(default_factory=list)


class EvaluasiPeriode(_Model):
    """Evaluator's inputs for one period (or AKHIR)."""

    rating_hasil_kerja: str | None = None
    rating_perilaku: str | None = None
    # Optional per-core-value ratings (aggregated by majority when no overall rating is given).
    rating_perilaku_per_nilai: dict[str, str] = Field(default_factory=dict)
    umpan_balik_perilaku: dict[str, str] = Field(default_factory=dict)  # key: core value label
    predikat_organisasi: str | None = None
    predikat_tertulis: str | None = None  # a predikat typed by hand, checked against the matrix
    catatan: str | None = None  # CATATAN/REKOMENDASI of the dokumen evaluasi
    sel: dict[str, str] = Field(default_factory=dict)


class SkpForm(_Model):
    """A whole SKP workbook: plan, evaluations and lampiran."""

    instansi: str | None = None
    unit_kerja: str | None = None
    periode_awal: IsianTanggal = None
    periode_akhir: IsianTanggal = None
    periodisasi: str | None = None  # Bulanan / Triwulanan / Semesteran
    jenis_jabatan: str | None = None
    jenjang: str | None = None
    pendekatan: str | None = None  # Kuantitatif / Kualitatif
    pegawai: Identitas = Field(default_factory=Identitas)
    penilai: Identitas = Field(default_factory=Identitas)
    atasan_penilai: Identitas = Field(default_factory=Identitas)
    rhk: list[RHK] = Field(default_factory=list)
    perilaku: list[PerilakuKerja] = Field(default_factory=list)
    lampiran: Lampiran = Field(default_factory=Lampiran)
    evaluasi: dict[str, EvaluasiPeriode] = Field(default_factory=dict)  # key: period code, incl. "AKHIR"
    tempat_tanggal: str | None = None  # place/date line of the dokumen evaluasi signatures
    template_id: str | None = None
    template_versi: str | None = None
    sel: dict[str, str] = Field(default_factory=dict)
