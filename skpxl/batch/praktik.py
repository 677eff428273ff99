"""Practice across the unit (issue 19): evaluators, monitoring per period, development needs, copied SKP.

:class:`AgregatPraktik` merges the per-file fields of :mod:`skpxl.batch.pantau` into the Penilai,
Pemantauan and Kebutuhan Pengembangan tables and the cross-file findings (``PENILAI_RATING_SERAGAM``,
``PENILAI_MENAIKKAN``, ``SKP_IDENTIK``; thresholds in :class:`Konfigurasi`). Pure: no Excel library here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from skpxl.batch.langkah import BarisPegawai, BarisTemuan
from skpxl.batch.pantau import DINILAI, PERLU_PENGEMBANGAN, PREDIKAT, REALISASI, UMPAN_BALIK, norm_teks
from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi
from skpxl.core.enums import Predikat, Rating
from skpxl.core.numbers import format_angka
from skpxl.core.periode import AKHIR, cari_periode
from skpxl.core.temuan import Temuan, temuan

_URUT_RATING = {Rating.DI_BAWAH: 0, Rating.SESUAI: 1, Rating.DI_ATAS: 2}


def _baris(t: Temuan) -> BarisTemuan:
    return (t.kode, t.tingkat.value, t.lembar, t.sel, t.nilai, t.pesan)


# --- the unit side -------------------------------------------------------------------------------


@dataclass
class BarisPenilai:
    """One pejabat penilai in the Penilai sheet."""

    nip: str | None
    nama: str | None
    pegawai: int = 0
    rating: Counter[Rating] = field(default_factory=Counter)  # rating hasil kerja given by this evaluator
    belum_diberi: int = 0  # staff whose rating hasil kerja was not typed by the evaluator
    sama_usulan: int = 0
    di_atas_usulan: int = 0
    di_bawah_usulan: int = 0
    periode_dinilai: int = 0  # staff-periods with realisasi
    periode_umpan_balik: int = 0  # ... of which with umpan balik
    berkas_bertemuan: int = 0  # files with at least one Kesalahan or Peringatan
    temuan: list[str] = field(default_factory=list)  # codes of the evaluator findings

    @property
    def porsi_umpan_balik(self) -> Fraction | None:
        return Fraction(self.periode_umpan_balik, self.periode_dinilai) if self.periode_dinilai else None


@dataclass
class BarisPemantauan:
    """One unit and period in the Pemantauan sheet."""

    unit: str
    periode: str  # code
    pegawai: int = 0
    realisasi: int = 0
    dinilai: int = 0
    umpan_balik: int = 0
    predikat: int = 0

    @property
    def label(self) -> str:
        return cari_periode(self.periode).label


@dataclass(frozen=True)
class BarisPengembangan:
    """One line of the Kebutuhan Pengembangan list: a person and a reason (a predikat or a core value)."""

    nip: str | None
    nama: str | None
    jabatan: str | None
    unit: str
    nama_penilai: str | None
    predikat: str | None
    alasan: str
    nilai_inti: str | None
    umpan_balik: str | None
    catatan: str | None
    berkas: str


@dataclass
class AgregatPraktik:
    """Streaming accumulator of the practice tables; ``tambah`` each person, then ``selesai``."""

    konfigurasi: Konfigurasi = KONFIGURASI_BAKU
    penilai: dict[str, BarisPenilai] = field(default_factory=dict)
    pemantauan: dict[tuple[str, str], BarisPemantauan] = field(default_factory=dict)
    pengembangan: list[BarisPengembangan] = field(default_factory=list)
    temuan: list[tuple[str, BarisTemuan]] = field(default_factory=list)
    _sidik: dict[str, list[tuple[str, BarisPegawai]]] = field(default_factory=lambda: defaultdict(list))

    def tambah(self, berkas: str, p: BarisPegawai, unit: str) -> None:
        pr = p.praktik
        pantau = pr.pantau  # parsed from its short text: once per person
        self._tambah_penilai(p, pantau)
        for kode, bit in pantau:
            b = self.pemantauan.setdefault((unit, kode), BarisPemantauan(unit, kode))
            b.pegawai += 1
            b.realisasi += bool(bit & REALISASI)
            b.dinilai += bool(bit & DINILAI)
            b.umpan_balik += bool(bit & UMPAN_BALIK)
            b.predikat += bool(bit & PREDIKAT)
        pred = Predikat.cari(p.predikat)

        def baris(alasan: str, nilai_inti: str | None, umpan_balik: str | None) -> BarisPengembangan:
            return BarisPengembangan(p.nip, p.nama, p.jabatan, unit, p.nama_penilai, p.predikat, alasan, nilai_inti,
                                     umpan_balik, pr.catatan, berkas)  # fmt: skip

        if pred in PERLU_PENGEMBANGAN:
            self.pengembangan.append(baris(f"Predikat {p.predikat}", None, None))
        for nilai_inti, ub in pr.perilaku_bawah:
            self.pengembangan.append(baris(f"{Rating.DI_BAWAH.value} pada nilai inti", nilai_inti, ub))
        if pr.sidik:
            self._sidik[pr.sidik].append((berkas, p))

    def _tambah_penilai(self, p: BarisPegawai, pantau: tuple[tuple[str, int], ...]) -> None:
        kunci = p.nip_penilai or norm_teks(p.nama_penilai) or "(pejabat penilai tidak diisi)"
        b = self.penilai.setdefault(kunci, BarisPenilai(p.nip_penilai, p.nama_penilai))
        b.nama = b.nama or p.nama_penilai
        b.pegawai += 1
        given = Rating.cari(p.rating_hasil_kerja) if p.praktik.rating_dari_penilai else None
        usulan = Rating.cari(p.rating_hasil_kerja_usulan)
        if given is None:
            b.belum_diberi += 1
        else:
            b.rating[given] += 1
            if usulan is not None:
                beda = _URUT_RATING[given] - _URUT_RATING[usulan]
                if beda > 0:
                    b.di_atas_usulan += 1
                elif beda < 0:
                    b.di_bawah_usulan += 1
                else:
                    b.sama_usulan += 1
        for _, bit in pantau:
            if bit & REALISASI:
                b.periode_dinilai += 1
                b.periode_umpan_balik += bool(bit & UMPAN_BALIK)
        if p.jumlah_kesalahan or p.jumlah_peringatan:
            b.berkas_bertemuan += 1

    def selesai(self, berkas_per_nip: dict[str, str]) -> None:
        """Evaluator findings and copied SKP; ``berkas_per_nip`` finds an evaluator's own file."""
        k = self.konfigurasi
        for b in sorted(self.penilai.values(), key=lambda b: (b.nama or "", b.nip or "")):
            siapa = f"{b.nama or '(tanpa nama)'} (NIP {b.nip or '-'})"
            berkas = berkas_per_nip.get(b.nip or "", f"(pejabat penilai {b.nama or b.nip or '-'})")
            diberi = sum(b.rating.values())
            if b.pegawai >= k.penilai_min_pegawai and diberi == b.pegawai and len(b.rating) == 1:
                (rating,) = b.rating
                t = temuan("PENILAI_RATING_SERAGAM", None, None, None, penilai=siapa, rating=rating.value,
                           jumlah=b.pegawai)  # fmt: skip
                self._catat(b, berkas, t)
            dibanding = b.sama_usulan + b.di_atas_usulan + b.di_bawah_usulan
            if dibanding >= k.penilai_min_pegawai and Fraction(b.di_atas_usulan, dibanding) > Fraction(
                k.penilai_porsi_naik
            ):
                persen = format_angka(Decimal(b.di_atas_usulan * 100) / Decimal(dibanding))
                t = temuan("PENILAI_MENAIKKAN", None, None, None, penilai=siapa, naik=b.di_atas_usulan,
                           jumlah=dibanding, persen=persen, batas=format_angka(k.penilai_porsi_naik * 100))  # fmt: skip
                self._catat(b, berkas, t)
        self._identik()

    def _catat(self, b: BarisPenilai, berkas: str, t: Temuan) -> None:
        b.temuan.append(t.kode)
        self.temuan.append((berkas, _baris(t)))

    def _identik(self) -> None:
        # Linear in the group: a standard SKP shared by hundreds of people in one job is common and fine;
        # only a plan that also appears under another job is reported, naming the first such file.
        for kelompok in self._sidik.values():
            per_jabatan: dict[str, list[tuple[str, BarisPegawai]]] = {}
            for berkas, p in kelompok:
                per_jabatan.setdefault(norm_teks(p.jabatan), []).append((berkas, p))
            if len(per_jabatan) < 2:
                continue
            for berkas, p in kelompok:
                jabatan = norm_teks(p.jabatan)
                lain = next(
                    (
                        (bk, q)
                        for j, daftar in per_jabatan.items()
                        if j != jabatan
                        for bk, q in daftar
                        if q.nip != p.nip
                    ),
                    None,
                )
                if lain is None:
                    continue
                bk, q = lain
                t = temuan("SKP_IDENTIK", None, None, None, nama=p.nama or "-", jabatan=p.jabatan or "-",
                           nama_lain=q.nama or "-", jabatan_lain=q.jabatan or "-", berkas_lain=bk)  # fmt: skip
                self.temuan.append((berkas, _baris(t)))

    def baris_pemantauan(self) -> list[BarisPemantauan]:
        """Units in name order, periods in calendar order (AKHIR last)."""

        def urut(b: BarisPemantauan) -> tuple[str, bool, int, int]:
            p = cari_periode(b.periode)
            return (b.unit, p.kode == AKHIR, p.bulan_awal, -p.bulan)

        return sorted(self.pemantauan.values(), key=urut)

    def baris_penilai(self) -> list[BarisPenilai]:
        return sorted(self.penilai.values(), key=lambda b: (b.nama or "", b.nip or ""))

    # plain data for JSON and DataFrames (one shape for both)

    def data_penilai(self) -> list[dict[str, object]]:
        return [
            {
                "nip_penilai": b.nip,
                "nama_penilai": b.nama,
                "pegawai": b.pegawai,
                **{f"rating_{r.name.lower()}": b.rating[r] for r in Rating},
                "rating_belum_diberi": b.belum_diberi,
                "sama_usulan": b.sama_usulan,
                "di_atas_usulan": b.di_atas_usulan,
                "di_bawah_usulan": b.di_bawah_usulan,
                "periode_berrealisasi": b.periode_dinilai,
                "periode_umpan_balik": b.periode_umpan_balik,
                "porsi_umpan_balik": None if b.porsi_umpan_balik is None else float(b.porsi_umpan_balik),
                "berkas_bertemuan": b.berkas_bertemuan,
                "temuan": list(b.temuan),
            }
            for b in self.baris_penilai()
        ]

    def data_pemantauan(self) -> list[dict[str, object]]:
        return [
            {"unit_kerja": b.unit, "periode": b.periode, "label": b.label, "pegawai": b.pegawai,
             "realisasi": b.realisasi, "dinilai": b.dinilai, "umpan_balik": b.umpan_balik, "predikat": b.predikat}
            for b in self.baris_pemantauan()
        ]  # fmt: skip

    def data_pengembangan(self) -> list[dict[str, object]]:
        return [dict(vars(b)) for b in self.pengembangan]


__all__ = ["AgregatPraktik", "BarisPemantauan", "BarisPengembangan", "BarisPenilai"]
