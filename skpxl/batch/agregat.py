"""Merging per-file results into a unit recap (pure): duplicates, kaskade, roster, kurva per unit."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from skpxl.batch.langkah import BarisPegawai, BarisTemuan, HasilBerkas
from skpxl.batch.praktik import AgregatPraktik
from skpxl.core.config import KONFIGURASI_BAKU, Konfigurasi, opsi_stempel
from skpxl.core.enums import Predikat, PredikatOrganisasi
from skpxl.core.packs.permenpanrb_6_2022.kurva import (
    PelanggaranKurva,
    alasan_tidak_dinilai,
    periksa_kurva,
    uraian_aturan,
)

OPSI_KURVA = ("kurva_minimal_pegawai", "kurva_pembulatan")  # the Konfigurasi options the recap itself uses
OPSI_PENILAI = ("penilai_min_pegawai", "penilai_porsi_naik")  # ... and those of its evaluator findings
OPSI_REKAP = OPSI_KURVA + OPSI_PENILAI

TANPA_UNIT = "(unit kerja tidak diisi)"
KASKADE_PUTUS = "RHK atasan yang diintervensi tidak ditemukan di SKP atasan; samakan teksnya dengan RHK atasan."


def _kunci_teks(s: str | None) -> str:
    return " ".join((s or "").lower().split())


@dataclass(frozen=True)
class TautanKaskade:
    berkas: str
    nama: str | None
    rhk: str | None
    rhk_atasan: str | None
    atasan: str | None
    berkas_atasan: str | None
    keterangan: str


@dataclass
class RingkasanUnit:
    unit: str
    jumlah: Counter[Predikat] = field(default_factory=Counter)
    tanpa_predikat: int = 0
    organisasi: PredikatOrganisasi | None = None
    sumber_organisasi: str = ""
    pelanggaran: list[PelanggaranKurva] = field(default_factory=list)
    aturan: list[str] = field(default_factory=list)
    tidak_dinilai: str | None = None  # why the kurva was not judged (unit below kurva_minimal_pegawai)

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())


@dataclass
class Agregat:
    """Streaming accumulator: ``tambah`` each file's result, then ``selesai``."""

    predikat_organisasi: PredikatOrganisasi | None = None
    konfigurasi: Konfigurasi = KONFIGURASI_BAKU  # kurva options (OPSI_KURVA)
    jumlah_berkas: int = 0
    jumlah_pegawai: int = 0
    bermasalah: list[tuple[str, str]] = field(default_factory=list)
    temuan_batch: list[tuple[str, BarisTemuan]] = field(default_factory=list)  # duplicates, roster...
    kaskade: list[TautanKaskade] = field(default_factory=list)
    unit: dict[str, RingkasanUnit] = field(default_factory=dict)
    jumlah_kesalahan: int = 0
    praktik: AgregatPraktik = field(init=False)  # Penilai, Pemantauan, Kebutuhan Pengembangan (OPSI_PENILAI)
    # Files whose person is already counted from another file: (file, why). Same bytes as another file
    # (found before reading, see skpxl.batch.jalan.berkas_kembar) or the same NIP and period as a newer file.
    ganda: list[tuple[str, str]] = field(default_factory=list)
    waktu_ubah: dict[str, float] = field(default_factory=dict)  # file → mtime, to pick the newest of two
    _nip: dict[tuple[str, str], tuple[str, BarisPegawai]] = field(default_factory=dict)
    _org: dict[str, Counter[PredikatOrganisasi]] = field(default_factory=lambda: defaultdict(Counter))
    _orang: dict[str, BarisPegawai] = field(default_factory=dict)  # file → person counted, in reading order

    @property
    def orang(self) -> list[tuple[str, BarisPegawai]]:
        """(file, person) of every person counted, in the order the files were read."""
        return list(self._orang.items())

    def __post_init__(self) -> None:
        self.praktik = AgregatPraktik(self.konfigurasi)

    def tambah(self, h: HasilBerkas) -> None:
        self.jumlah_berkas += 1
        if h.pegawai is None:
            self.bermasalah.append((h.berkas, h.masalah or "Berkas tidak dapat diproses."))
            return
        p = h.pegawai
        if p.nip:
            kunci = (p.nip, p.periode)
            lama = self._nip.get(kunci)
            if lama is not None:
                # One person, two files (a renamed copy, an old version): count the newest file only.
                baru = self.waktu_ubah.get(h.berkas, 0.0) > self.waktu_ubah.get(lama[0], 0.0)
                dipakai, diabaikan = (h.berkas, lama[0]) if baru else (lama[0], h.berkas)
                pesan = (
                    f"NIP {p.nip} tercatat di dua berkas untuk periode yang sama: {lama[0]} dan {h.berkas}; "
                    f"dihitung sekali, dari berkas yang terakhir diubah ({dipakai})."
                )
                self.temuan_batch.append((diabaikan, ("NIP_GANDA", "Peringatan", None, None, p.nip, pesan)))
                self.ganda.append((diabaikan, pesan))
                if not baru:
                    return
                self._lepas(*lama)
            self._nip[kunci] = (h.berkas, p)
        self._hitung(h.berkas, p)

    def kembar(self, berkas: str, asli: str) -> None:
        """``berkas`` has the same bytes as ``asli`` (which is read and counted): reported, never read."""
        pesan = f"Isi berkas ini sama persis dengan {asli}; dihitung sekali, dari {asli}."
        self.temuan_batch.append((berkas, ("BERKAS_KEMBAR", "Peringatan", None, None, None, pesan)))
        self.ganda.append((berkas, pesan))

    def _hitung(self, berkas: str, p: BarisPegawai, arah: int = 1) -> None:
        """Count (``arah`` 1) or uncount (-1) one person."""
        self.jumlah_pegawai += arah
        self.jumlah_kesalahan += arah * p.jumlah_kesalahan
        nama = p.unit_kerja or TANPA_UNIT
        unit = self.unit.setdefault(nama, RingkasanUnit(nama))
        pred = Predikat.cari(p.predikat)
        if pred is None:
            unit.tanpa_predikat += arah
        else:
            unit.jumlah[pred] += arah
            if unit.jumlah[pred] <= 0:
                del unit.jumlah[pred]
        org = PredikatOrganisasi.cari(p.predikat_organisasi)
        if org is not None:
            self._org[unit.unit][org] += arah
            if self._org[unit.unit][org] <= 0:
                del self._org[unit.unit][org]
        if arah > 0:
            self._orang[berkas] = p  # keep only what the cross-file checks need
        else:
            del self._orang[berkas]
            if not unit.total and not unit.tanpa_predikat:
                del self.unit[nama]

    def _lepas(self, berkas: str, p: BarisPegawai) -> None:
        self._hitung(berkas, p, -1)

    def periksa_roster(
        self, roster: Iterable[tuple[str, str | None]]
    ) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None, str]]]:
        """(missing: in the roster, no workbook; unexpected: a workbook, not in the roster)."""
        daftar = {nip: nama for nip, nama in roster}
        ada = {p.nip: (berkas, p.nama) for berkas, p in self._orang.items() if p.nip}
        hilang = [(nip, nama) for nip, nama in daftar.items() if nip not in ada]
        asing = [(nip, nama, berkas) for nip, (berkas, nama) in ada.items() if nip not in daftar]
        return hilang, asing

    def selesai(self) -> None:
        self._kaskade()
        # from the people finally counted (a person dropped as a duplicate never reaches the practice tables)
        for berkas, p in self._orang.items():
            self.praktik.tambah(berkas, p, p.unit_kerja or TANPA_UNIT)
        self.praktik.selesai({p.nip: berkas for berkas, p in self._orang.items() if p.nip})
        self.temuan_batch.extend(self.praktik.temuan)
        for u in self.unit.values():
            if self.predikat_organisasi is not None:
                u.organisasi, u.sumber_organisasi = self.predikat_organisasi, "argumen --predikat-organisasi"
            elif self._org.get(u.unit):
                hitung = self._org[u.unit]
                u.organisasi = hitung.most_common(1)[0][0]
                u.sumber_organisasi = "capaian kinerja organisasi di berkas pegawai"
                if len(hitung) > 1:
                    rincian = ", ".join(f"{o.value} ({n})" for o, n in hitung.most_common())
                    u.sumber_organisasi += f"; berbeda antarberkas: {rincian}"
            if u.organisasi is not None:
                u.tidak_dinilai = alasan_tidak_dinilai(u.jumlah, self.konfigurasi)
                u.pelanggaran = periksa_kurva(u.organisasi, u.jumlah, self.konfigurasi)
                u.aturan = uraian_aturan(u.organisasi)

    @property
    def opsi(self) -> tuple[str, ...]:
        """Non-default kurva options, for the recap's stamp."""
        return opsi_stempel(self.konfigurasi, OPSI_KURVA)

    @property
    def pelanggaran_kurva(self) -> int:
        return sum(len(u.pelanggaran) for u in self.unit.values())

    def _kaskade(self) -> None:
        per_nip = {p.nip: (berkas, p) for berkas, p in self._orang.items() if p.nip}
        teks_atasan: dict[str, set[str]] = {}  # an evaluator's RHK texts, once for all the staff they evaluate
        for berkas, p in self._orang.items():
            perlu = [r for r in p.rhk if r.rhk_atasan and not r.rhk_atasan.isspace()]  # _kunci_teks not empty
            if not perlu:
                continue
            atasan = per_nip.get(p.nip_penilai or "")
            if atasan is None:
                self.kaskade.append(
                    TautanKaskade(
                        berkas,
                        p.nama,
                        None,
                        None,
                        p.nama_penilai,
                        None,
                        f"Berkas SKP pejabat penilai (NIP {p.nip_penilai or '-'}) tidak ada dalam folder ini; "
                        "kaskade tidak dapat diperiksa.",
                    )
                )
                continue
            berkas_atasan, pa = atasan
            teks = teks_atasan.get(berkas_atasan)
            if teks is None:
                teks = teks_atasan[berkas_atasan] = {_kunci_teks(r.teks) for r in pa.rhk}
            for r in perlu:
                if _kunci_teks(r.rhk_atasan) not in teks:
                    self.kaskade.append(
                        TautanKaskade(berkas, p.nama, r.teks, r.rhk_atasan, pa.nama, berkas_atasan, KASKADE_PUTUS)
                    )
