"""Facts every rule needs (jenis jabatan, pendekatan, period), read once with their own findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import JenisJabatan, Jenjang, Label, Pendekatan, Periodisasi
from skpxl.core.isian import baca_tanggal, format_tanggal, kosong
from skpxl.core.models import IKI, SkpForm
from skpxl.core.temuan import Temuan, temuan


def pilihan(enum: type[Label]) -> str:
    return ", ".join(m.value for m in enum)


@dataclass
class Konteks:
    jenis_jabatan: JenisJabatan | None = None
    jenjang: Jenjang | None = None
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF
    periodisasi: Periodisasi = Periodisasi.TRIWULANAN
    awal: date | None = None
    akhir: date | None = None
    temuan: list[Temuan] = field(default_factory=list)
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU

    @property
    def kuantitatif(self) -> bool:
        return self.pendekatan is Pendekatan.KUANTITATIF

    @classmethod
    def dari_form(cls, form: SkpForm, konfigurasi: Konfigurasi = KONFIGURASI_BAKU) -> Konteks:
        ks = cls(konfigurasi=konfigurasi)
        t = ks.temuan
        sel = form.sel
        if kosong(form.jenis_jabatan):
            t.append(temuan("JENIS_JABATAN_KOSONG", sel, "jenis_jabatan"))
        else:
            ks.jenis_jabatan = JenisJabatan.cari(form.jenis_jabatan)
            if ks.jenis_jabatan is None:
                t.append(temuan("JENIS_JABATAN_TIDAK_DIKENAL", sel, "jenis_jabatan", form.jenis_jabatan,
                                pilihan=pilihan(JenisJabatan)))  # fmt: skip
        if not kosong(form.jenjang):
            ks.jenjang = Jenjang.cari(form.jenjang)
            if ks.jenjang is None:
                t.append(temuan("JENJANG_TIDAK_DIKENAL", sel, "jenjang", form.jenjang, pilihan=pilihan(Jenjang)))
            elif ks.jenis_jabatan not in (None, JenisJabatan.FUNGSIONAL):
                t.append(temuan("JENJANG_BUKAN_JF", sel, "jenjang", form.jenjang))
        elif ks.jenis_jabatan is JenisJabatan.FUNGSIONAL:
            t.append(temuan("JENJANG_KOSONG", sel, "jenjang"))
        if kosong(form.pendekatan):
            t.append(temuan("PENDEKATAN_KOSONG", sel, "pendekatan"))
        else:
            p = Pendekatan.cari(form.pendekatan)
            if p is None:
                t.append(temuan("PENDEKATAN_TIDAK_DIKENAL", sel, "pendekatan", form.pendekatan))
            else:
                ks.pendekatan = p
        if kosong(form.periodisasi):
            t.append(temuan("PERIODISASI_KOSONG", sel, "periodisasi"))
        else:
            pz = Periodisasi.cari(form.periodisasi)
            if pz is None:
                t.append(temuan("PERIODISASI_TIDAK_DIKENAL", sel, "periodisasi", form.periodisasi))
            else:
                ks.periodisasi = pz
        ks._baca_periode(form)
        return ks

    def _baca_periode(self, form: SkpForm) -> None:
        for kunci, nilai, bagian in (("periode_awal", form.periode_awal, "awal"),
                                     ("periode_akhir", form.periode_akhir, "akhir")):  # fmt: skip
            if kosong(nilai):
                contoh = "01/01/2026" if bagian == "awal" else "31/12/2026"
                self.temuan.append(temuan("PERIODE_KOSONG", form.sel, kunci, bagian=bagian, contoh=contoh))
                continue
            d = baca_tanggal(nilai)
            if d is None:
                self.temuan.append(temuan("PERIODE_TANGGAL", form.sel, kunci, nilai, bagian=bagian))
            elif bagian == "awal":
                self.awal = d
            else:
                self.akhir = d
        if self.awal is None or self.akhir is None:
            return
        teks = {"awal": format_tanggal(self.awal), "akhir": format_tanggal(self.akhir)}
        if self.awal > self.akhir:
            self.temuan.append(temuan("PERIODE_TERBALIK", form.sel, "periode_awal", **teks))
        elif self.awal.year != self.akhir.year:
            self.temuan.append(temuan("PERIODE_LINTAS_TAHUN", form.sel, "periode_akhir", **teks))
        elif (self.awal.month, self.awal.day, self.akhir.month, self.akhir.day) != (1, 1, 12, 31):
            self.temuan.append(temuan("PERIODE_PARSIAL", form.sel, "periode_awal", **teks))


def nama_iki(iki: IKI) -> str:
    """Short IKI text for messages."""
    teks = (iki.teks or "").strip() or "(tanpa teks)"
    return teks if len(teks) <= 70 else teks[:67] + "..."
