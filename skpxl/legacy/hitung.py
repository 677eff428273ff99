"""Compute a legacy SKP workbook end to end with its rule pack, and write the results back.

:func:`hitung_berkas` reads the workbook (:mod:`skpxl.legacy.baca`), computes every kegiatan/IKI row, the totals
and the sebutan/predikat with the pack's pure functions, and returns a :class:`HasilLegacy` (results, Indonesian
explanations, findings). Nothing in the file is wrong enough to raise: values that cannot be used become findings
and the totals that depend on them are left empty. :func:`tulis_hasil` writes those results into the result cells
of a copy (``path_out``); backups and the atomic replace are the caller's.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module
from pathlib import Path
from typing import Any

from skpxl.core.config import opsi_stempel
from skpxl.core.enums import Arah
from skpxl.core.errors import InputTidakValid
from skpxl.core.packs import InfoPaket, info_paket
from skpxl.core.packs import permenpanrb_8_2021 as p8
from skpxl.core.packs import pp_46_2011 as p46
from skpxl.core.packs.pp_46_2011 import tampil
from skpxl.legacy.baca import BarisTabel, IsiBerkas, baca_berkas, baca_meta, buka_buku, cari_tabel, nama_terdefinisi
from skpxl.legacy.layout import (
    LEMBAR_META,
    LEMBAR_PENJELASAN,
    META_KUNCI,
    NAMA_PENJELASAN,
    TataLetak,
    pisah_a1,
    tata_letak,
)
from skpxl.legacy.temuan import ERR, Temuan, temuan

__all__ = ["BarisHasil", "HasilLegacy", "Konfigurasi", "Penjelasan", "hitung_berkas", "tulis_hasil"]

Konfigurasi = p46.KonfigurasiPP46 | p8.KonfigurasiPermenpanrb82021
Nilai = Decimal | str | None


@dataclass(frozen=True)
class BarisHasil:
    """Results of one kegiatan/IKI row; ``nilai`` maps result columns to values rounded to 2 places."""

    nomor: int
    baris: int  # Excel row
    lembar: str
    nama: str | None  # kegiatan / IKI text
    nilai: Mapping[str, Decimal | None]
    penjelasan: str | None  # None when the row could not be computed (see the findings)

    @property
    def dihitung(self) -> bool:
        return self.penjelasan is not None

    def ke_dict(self) -> dict[str, Any]:
        return {
            "nomor": self.nomor,
            "baris": self.baris,
            "lembar": self.lembar,
            "nama": self.nama,
            "nilai": {k: _teks_desimal(v) for k, v in self.nilai.items()},
            "penjelasan": self.penjelasan,
        }


@dataclass(frozen=True)
class Penjelasan:
    """One explanation line: what it explains, where the result is, the text."""

    bagian: str
    sel: str | None  # "SKP!T44"
    teks: str

    def ke_dict(self) -> dict[str, str | None]:
        return {"bagian": self.bagian, "sel": self.sel, "teks": self.teks}


@dataclass(frozen=True)
class HasilLegacy:
    """Everything computed from one legacy workbook, stamped with its rule pack."""

    berkas: str
    paket: InfoPaket
    template_id: str | None
    template_versi: str | None
    identitas: Mapping[str, str | None]
    baris: tuple[BarisHasil, ...]
    total: Mapping[str, Nilai]  # named result cells by key (numbers rounded to 2 places; weights as 0.7)
    nilai: Decimal | None  # nilai prestasi kerja (pp-46-2011) / nilai kinerja (permenpanrb-8-2021)
    sebutan: str | None  # sebutan (pp-46-2011) / predikat (permenpanrb-8-2021)
    penjelasan: tuple[Penjelasan, ...]
    temuan: tuple[Temuan, ...] = field(default=())

    @property
    def stempel(self) -> str:
        """ "pp-46-2011 v1.0.0": written into the workbook and every output."""
        stempel = self.total.get("paket")  # with the non-default options the computation used
        return stempel if isinstance(stempel, str) else self.paket.stempel

    @property
    def ada_kesalahan(self) -> bool:
        return any(t.tingkat is ERR for t in self.temuan)

    @property
    def lengkap(self) -> bool:
        """True when the final nilai and its sebutan/predikat were computed."""
        return self.nilai is not None and self.sebutan is not None

    def ke_dict(self) -> dict[str, Any]:
        """A JSON-able form: decimals as strings with 2 places ("85.50"), the pack stamped."""
        return {
            "berkas": self.berkas,
            "paket": {
                "id": self.paket.id,
                "versi": self.paket.versi,
                "judul": self.paket.judul,
                "stempel": self.stempel,
            },
            "template": {"id": self.template_id, "versi": self.template_versi},
            "identitas": dict(self.identitas),
            "baris": [b.ke_dict() for b in self.baris],
            "total": {k: _teks_desimal(v) if isinstance(v, Decimal) else v for k, v in self.total.items()},
            "nilai": _teks_desimal(self.nilai),
            "sebutan": self.sebutan,
            "lengkap": self.lengkap,
            "penjelasan": [p.ke_dict() for p in self.penjelasan],
            "temuan": [t.ke_dict() for t in self.temuan],
        }


def _teks_desimal(d: Decimal | None) -> str | None:
    return None if d is None else f"{d:f}"


def _dua(d: Decimal) -> Decimal:
    return tampil(d)


# --------------------------------------------------------------------------------------------------
# Entry points


def hitung_berkas(
    path: str | Path, paket_id: str | None = None, *, konfigurasi: Konfigurasi | None = None
) -> HasilLegacy:
    """Read and compute a legacy SKP workbook.

    The pack is ``paket_id`` or, when None, the one in the workbook's metadata sheet; a ``paket_id`` that differs
    from the metadata raises :class:`~skpxl.core.errors.InputTidakValid`. A file that is not a usable workbook of the
    legacy layout raises :class:`~skpxl.core.errors.BerkasTidakTerbaca`. Every other problem is a finding.
    """
    isi = baca_berkas(path, paket_id)
    tl = isi.tata_letak
    if tl.paket_id == p46.PACK_ID:
        k46 = _konfigurasi(konfigurasi, p46.KonfigurasiPP46, p46.KONFIGURASI_BAWAAN, tl.paket_id)
        return _PP46(isi, k46).hitung()
    k8 = _konfigurasi(konfigurasi, p8.KonfigurasiPermenpanrb82021, p8.KONFIGURASI_BAWAAN, tl.paket_id)
    return _P8(isi, k8).hitung()


def _konfigurasi(konfigurasi: Konfigurasi | None, jenis: type[Any], bawaan: Any, paket_id: str) -> Any:
    if konfigurasi is None:
        return bawaan
    if not isinstance(konfigurasi, jenis):
        raise InputTidakValid(f"Konfigurasi {type(konfigurasi).__name__} tidak berlaku untuk paket {paket_id}.")
    return konfigurasi


class _Hitung:
    """Shared bookkeeping of both packs: findings, explanations, per-row results."""

    def __init__(self, isi: IsiBerkas) -> None:
        self.isi = isi
        self.tl: TataLetak = isi.tata_letak
        self.temuan: list[Temuan] = list(isi.temuan)
        self.penjelasan: list[Penjelasan] = []
        self.total: dict[str, Nilai] = {s.kunci: None for s in self.tl.sel_hasil if s.kunci != "penjelasan"}
        self.total["paket"] = info_paket(self.tl.paket_id).stempel
        self.baris: list[BarisHasil] = []

    def tambah(self, kode: str, lembar: str | None, sel: str | None, nilai: object = None, **param: object) -> None:
        self.temuan.append(temuan(kode, lembar=lembar, sel=sel, nilai=nilai, **param))

    def alamat(self, kunci_hasil: str) -> str | None:
        """ "SKP!T44" of a named result, for explanations."""
        sel = self.tl.sel_dari_kunci(kunci_hasil)
        return f"{sel[0].lembar}!{sel[0].alamat}" if sel else None

    def alamat_baris(self, b: BarisTabel, kunci_kolom: str) -> str:
        return f"{b.lembar}!{b.alamat.get(kunci_kolom, b.rentang)}"

    def wajib(self, b: BarisTabel, kunci_kolom: str, *, pembagi: bool = False) -> Decimal | None:
        """A required number of a row: a finding when blank (or 0 where it divides); None then."""
        if kunci_kolom in b.gagal:
            return None
        d = b.angka(kunci_kolom)
        kolom = self.tl.tabel.kolom_dari_kunci(kunci_kolom)
        nama_baris = f"baris {b.baris} ({self.tl.tabel.label_baris} ke-{b.nomor})"
        if d is None:
            self.tambah("ANGKA_KOSONG", b.lembar, b.alamat.get(kunci_kolom), label=kolom.label, baris=nama_baris)
        elif pembagi and d == 0:
            self.tambah("ANGKA_NOL", b.lembar, b.alamat.get(kunci_kolom), "0", label=kolom.label, baris=nama_baris)
            return None
        return d

    def ditolak(self, b: BarisTabel, alasan: str) -> None:
        self.tambah("BARIS_DITOLAK", b.lembar, b.rentang, baris=f"Baris {b.baris}", alasan=alasan)

    def gagal_hitung(self, apa: str, kunci_hasil: str, e: InputTidakValid) -> None:
        """A pack function refused the values (e.g. a number out of its sane bounds): a finding, no result."""
        sel = self.tl.sel_dari_kunci(kunci_hasil)
        self.tambah(
            "HITUNG_DITOLAK", sel[0].lembar if sel else None, sel[0].alamat if sel else None, apa=apa, alasan=str(e)
        )

    def baris_gagal(self, b: BarisTabel, nama: str | None) -> None:
        self.baris.append(BarisHasil(b.nomor, b.baris, b.lembar, nama, {}, None))

    def tabel_kosong(self) -> bool:
        if self.isi.baris:
            return False
        self.tambah(
            "TABEL_KOSONG",
            self.isi.wilayah.lembar,
            None,
            jenis=f"{self.tl.tabel.label_baris} ({self.tl.tabel.nama})",
            lembar_tabel=self.isi.wilayah.lembar,
        )
        return True

    def nilai_masukan(
        self, kunci_masukan: str, maks: Decimal, rentang: str, *, wajib: bool = True
    ) -> tuple[Decimal | None, bool]:
        """A named numeric input within 0..maks: (value, ok). Blank required → finding."""
        sel = self.tl.satu_sel(kunci_masukan)
        lembar, alamat = self.isi.alamat.get(kunci_masukan, (sel.lembar, None))
        if kunci_masukan in self.isi.gagal:
            return None, False
        d = self.isi.masukan.get(kunci_masukan)
        if not isinstance(d, Decimal):
            if wajib:
                self.tambah("PERILAKU_KOSONG", lembar, alamat, label=sel.label)
                return None, False
            return None, True
        if d > maks:
            self.tambah(
                "PERILAKU_DI_LUAR_RENTANG", lembar, alamat, f"{d.normalize():f}", label=sel.label, rentang=rentang
            )
            return None, False
        return d, True

    def ya_tidak(self, kunci_masukan: str, anggapan: bool) -> bool:
        d = self.isi.masukan.get(kunci_masukan)
        if isinstance(d, bool):
            return d
        sel = self.tl.satu_sel(kunci_masukan)
        lembar, alamat = self.isi.alamat.get(kunci_masukan, (sel.lembar, None))
        if kunci_masukan in self.isi.alamat:
            self.tambah("YA_TIDAK_KOSONG", lembar, alamat, label=sel.label, anggapan="Ya" if anggapan else "Tidak")
        return anggapan

    def selesai(self, nilai: Decimal | None, sebutan: str | None) -> HasilLegacy:
        meta = self.isi.meta
        kepala = Penjelasan(
            "Paket aturan",
            None,
            f"{self.total['paket']} — {self.tl.paket_judul}. {info_paket(self.tl.paket_id).dasar_hukum}",
        )
        return HasilLegacy(
            berkas=self.isi.berkas,
            paket=info_paket(self.tl.paket_id),
            template_id=meta.get("template_id"),
            template_versi=meta.get("template_versi"),
            identitas=dict(self.isi.identitas),
            baris=tuple(self.baris),
            total=dict(self.total),
            nilai=nilai,
            sebutan=sebutan,
            penjelasan=(kepala, *self.penjelasan),
            temuan=tuple(self.temuan),
        )


# --------------------------------------------------------------------------------------------------
# pp-46-2011


class _PP46(_Hitung):
    def __init__(self, isi: IsiBerkas, konfigurasi: p46.KonfigurasiPP46) -> None:
        super().__init__(isi)
        self.k = konfigurasi

    def hitung(self) -> HasilLegacy:
        kegiatan: list[p46.Kegiatan] = []
        baris_salah = self.tabel_kosong()
        for b in self.isi.baris:
            k = self._kegiatan(b)
            if k is None:
                baris_salah = True
            else:
                kegiatan.append(k)
        skp: p46.HasilSKP | None = None
        if kegiatan and not baris_salah:
            try:
                skp = p46.hitung_skp(kegiatan, konfigurasi=self.k)
            except InputTidakValid as e:
                self.gagal_hitung("Nilai SKP", "nilai_skp", e)
                return self.selesai(None, None)
            self.total["nilai_skp"] = skp.nilai.tampil
            self.total["sebutan_skp"] = skp.sebutan.value
            self.penjelasan.append(Penjelasan("Nilai capaian SKP", self.alamat("nilai_skp"), skp.penjelasan))
        elif self.isi.baris:
            self.tambah("HASIL_TIDAK_DIHITUNG", self.isi.wilayah.lembar, None, apa="Nilai SKP", sebab="tabel kegiatan")
        perilaku = self._perilaku()
        if skp is None or perilaku is None:
            if skp is not None or perilaku is not None:
                sebab = "tabel kegiatan" if skp is None else "nilai perilaku kerja"
                self.tambah("HASIL_TIDAK_DIHITUNG", None, None, apa="Nilai prestasi kerja", sebab=sebab)
            return self.selesai(None, None)
        try:
            pk = p46.prestasi_kerja(skp, perilaku, konfigurasi=self.k)
        except InputTidakValid as e:
            self.gagal_hitung("Nilai prestasi kerja", "nilai", e)
            return self.selesai(None, None)
        self.total |= {
            "bagian_skp": pk.bagian_skp.tampil,
            "bagian_perilaku": pk.bagian_perilaku.tampil,
            "nilai": pk.nilai.tampil,
            "sebutan": pk.sebutan.value,
        }
        self.penjelasan.append(Penjelasan("Nilai prestasi kerja", self.alamat("nilai"), pk.penjelasan))
        return self.selesai(pk.nilai.tampil, pk.sebutan.value)

    def _kegiatan(self, b: BarisTabel) -> p46.Kegiatan | None:
        nama = b.teks("kegiatan")
        if nama is None:
            kolom = self.tl.tabel.kolom_dari_kunci("kegiatan").label
            self.tambah("BARIS_TANPA_NAMA", b.lembar, b.alamat.get("kegiatan"), baris=f"Baris {b.baris}", kolom=kolom)
        salah = bool(b.gagal)
        to = self.wajib(b, "to", pembagi=True)
        tk = self.wajib(b, "tk", pembagi=True)
        tw = self.wajib(b, "tw", pembagi=True)
        ro = self.wajib(b, "ro")
        dilaksanakan = ro is None or ro != 0
        # A kegiatan not done (RO = 0) scores 0 on waktu and biaya: RK and RW may then be left blank.
        rk = self.wajib(b, "rk") if dilaksanakan or b.angka("rk") is not None else Decimal(0)
        rw = self.wajib(b, "rw") if dilaksanakan or b.angka("rw") is not None else Decimal(0)
        tb, rb = b.angka("tb"), b.angka("rb")
        salah = salah or None in (to, tk, tw, ro, rk, rw)
        if tb and rb is None and dilaksanakan and "rb" not in b.gagal:
            rb_ = self.wajib(b, "rb")
            salah = salah or rb_ is None
        if salah or to is None or tk is None or tw is None or ro is None or rk is None or rw is None:
            self.baris_gagal(b, nama)
            return None
        try:
            k = p46.Kegiatan.buat(
                to=to, ro=ro, tk=tk, rk=rk, tw=tw, rw=rw, tb=tb, rb=rb, satuan=b.teks("satuan_output"), nama=nama
            )
            hk = p46.hitung_kegiatan(k, konfigurasi=self.k)
        except InputTidakValid as e:
            self.ditolak(b, str(e))
            self.baris_gagal(b, nama)
            return None
        skor = [s.tampil if self.k.pembulatan_bertahap else s.nilai for _, s in hk.aspek]
        nilai: dict[str, Decimal | None] = {
            "nilai_kuantitas": hk.kuantitas.tampil,
            "nilai_kualitas": hk.kualitas.tampil,
            "nilai_waktu": hk.waktu.tampil,
            "nilai_biaya": None if hk.biaya is None else hk.biaya.tampil,
            "penghitungan": _dua(sum(skor, Decimal(0))),
            "nilai": hk.nilai.tampil,
        }
        self.baris.append(BarisHasil(b.nomor, b.baris, b.lembar, nama, nilai, hk.penjelasan))
        self.penjelasan.append(Penjelasan(f"Kegiatan {b.nomor}", self.alamat_baris(b, "nilai"), hk.penjelasan))
        return k

    def _perilaku(self) -> p46.HasilPerilaku | None:
        aspek = {
            "orientasi_pelayanan": p46.AspekPerilaku.ORIENTASI_PELAYANAN,
            "integritas": p46.AspekPerilaku.INTEGRITAS,
            "komitmen": p46.AspekPerilaku.KOMITMEN,
            "disiplin": p46.AspekPerilaku.DISIPLIN,
            "kerja_sama": p46.AspekPerilaku.KERJA_SAMA,
        }
        struktural = self.isi.masukan.get("struktural")
        kepemimpinan = self.isi.masukan.get("perilaku_kepemimpinan")
        if not isinstance(struktural, bool):
            anggapan = isinstance(kepemimpinan, Decimal) or "perilaku_kepemimpinan" in self.isi.gagal
            struktural = self.ya_tidak("struktural", anggapan)
        if struktural:
            aspek["kepemimpinan"] = p46.AspekPerilaku.KEPEMIMPINAN
        nilai: dict[p46.AspekPerilaku | str, p46.Angka] = {}
        ok = True
        for kunci_aspek, a in aspek.items():
            d, baik = self.nilai_masukan(f"perilaku_{kunci_aspek}", Decimal(100), "0–100")
            ok = ok and baik
            if d is not None:
                nilai[a] = d
        if not struktural and isinstance(kepemimpinan, Decimal):
            lembar, alamat = self.isi.alamat.get("perilaku_kepemimpinan", (None, None))
            self.tambah(
                "PERILAKU_DITOLAK",
                lembar,
                alamat,
                alasan="Aspek Kepemimpinan hanya dinilai untuk pejabat struktural; kosongkan nilainya atau pilih "
                "Ya pada 'Jabatan struktural'.",
            )
            ok = False
        if not ok:
            return None
        try:
            hp = p46.nilai_perilaku(nilai, struktural=struktural, konfigurasi=self.k)
        except InputTidakValid as e:
            self.gagal_hitung("Nilai perilaku kerja", "nilai_perilaku", e)
            return None
        for a, v in hp.aspek:
            kunci_aspek = next(k for k, x in aspek.items() if x is a)
            self.total[f"sebutan_{kunci_aspek}"] = p46.sebutan(v, ambang=self.k.ambang).value
        self.total |= {
            "jumlah_perilaku": _dua(hp.jumlah),
            "nilai_perilaku": hp.nilai.tampil,
            "sebutan_perilaku": hp.sebutan.value,
        }
        self.penjelasan.append(Penjelasan("Nilai perilaku kerja", self.alamat("nilai_perilaku"), hp.penjelasan))
        return hp


# --------------------------------------------------------------------------------------------------
# permenpanrb-8-2021


class _P8(_Hitung):
    def __init__(self, isi: IsiBerkas, konfigurasi: p8.KonfigurasiPermenpanrb82021) -> None:
        super().__init__(isi)
        self.k = konfigurasi
        self.opsi = opsi_stempel(konfigurasi)
        self.total["paket"] = info_paket(self.tl.paket_id).stempel_dengan(self.opsi)

    def hitung(self) -> HasilLegacy:
        iki: list[p8.HasilIKI] = []
        baris_salah = self.tabel_kosong()
        rhk: str | None = None
        for i, b in enumerate(self.isi.baris):
            rhk = b.teks("rhk") or rhk
            if rhk is None and i == 0:  # later rows belong to the same (nameless) RHK: one finding
                self.tambah("RHK_KOSONG", b.lembar, b.alamat.get("rhk"), baris=f"Baris {b.baris}")
            h = self._iki(b)
            if h is None:
                baris_salah = True
            else:
                iki.append(h)
        skp: p8.HasilNilaiSKP | None = None
        if iki and not baris_salah:
            try:
                skp = p8.nilai_skp(iki, konfigurasi=self.k)
            except InputTidakValid as e:
                self.gagal_hitung("Nilai SKP", "nilai_skp", e)
                return self.selesai(None, None)
            self.total["nilai_skp"] = skp.nilai.tampil
            self.penjelasan.append(Penjelasan("Nilai SKP", self.alamat("nilai_skp"), skp.penjelasan))
        elif self.isi.baris:
            self.tambah("HASIL_TIDAK_DIHITUNG", self.isi.wilayah.lembar, None, apa="Nilai SKP", sebab="tabel IKI")
        perilaku, ok = self.nilai_masukan("nilai_perilaku", p8.NILAI_MAKS, "0–120")
        penilaian_360 = self.ya_tidak("penilaian_360", False)
        inovasi = self.ya_tidak("inovasi", False)
        if skp is None or perilaku is None or not ok:
            if skp is not None or perilaku is not None:
                sebab = "tabel IKI" if skp is None else "nilai perilaku kerja"
                self.tambah("HASIL_TIDAK_DIHITUNG", None, None, apa="Nilai kinerja", sebab=sebab)
            return self.selesai(None, None)
        try:
            nk = p8.nilai_kinerja(skp, perilaku, penilaian_360=penilaian_360, inovasi=inovasi, konfigurasi=self.k)
        except InputTidakValid as e:
            self.gagal_hitung("Nilai kinerja", "nilai", e)
            return self.selesai(None, None)
        self.total |= {
            "bobot_skp": nk.bobot_skp,
            "bagian_skp": nk.bagian_skp.tampil,
            "bobot_perilaku": nk.bobot_perilaku,
            "bagian_perilaku": nk.bagian_perilaku.tampil,
            "nilai": nk.nilai.tampil,
            "predikat": nk.predikat.value,
        }
        self.penjelasan.append(Penjelasan("Nilai kinerja", self.alamat("nilai"), nk.penjelasan))
        return self.selesai(nk.nilai.tampil, nk.predikat.value)

    def _iki(self, b: BarisTabel) -> p8.HasilIKI | None:
        nama = b.teks("iki")
        if nama is None:
            kolom = self.tl.tabel.kolom_dari_kunci("iki").label
            self.tambah("BARIS_TANPA_NAMA", b.lembar, b.alamat.get("iki"), baris=f"Baris {b.baris}", kolom=kolom)
        teks_arah = b.teks("arah")
        arah = Arah.cari(teks_arah) if teks_arah else Arah.NORMAL
        salah = bool(b.gagal)
        if arah is None:
            self.tambah("ARAH_TIDAK_DIKENAL", b.lembar, b.alamat.get("arah"), teks_arah)
            salah = True
        elif teks_arah is None:
            self.tambah("ARAH_KOSONG", b.lembar, b.alamat.get("arah"), baris=f"baris {b.baris}")
        target = self.wajib(b, "target", pembagi=arah is Arah.NORMAL)
        realisasi = self.wajib(b, "realisasi")
        if salah or arah is None or target is None or realisasi is None:
            self.baris_gagal(b, nama)
            return None
        try:
            maks = p8.target_maksimal_otomatis(target, nama, b.teks("satuan"))
            h = p8.hitung_iki(
                realisasi=realisasi, target=target, arah=arah, nama=nama, target_maksimal=maks, konfigurasi=self.k
            )
        except InputTidakValid as e:
            self.ditolak(b, str(e))
            self.baris_gagal(b, nama)
            return None
        nilai: dict[str, Decimal | None] = {
            "capaian": _dua(h.capaian),
            "capaian_dinilai": _dua(h.capaian_dinilai),
            "nilai": h.nilai.tampil,
        }
        self.baris.append(BarisHasil(b.nomor, b.baris, b.lembar, nama, nilai, h.penjelasan))
        self.penjelasan.append(Penjelasan(f"IKI {b.nomor}", self.alamat_baris(b, "nilai"), h.penjelasan))
        return h


# --------------------------------------------------------------------------------------------------
# Writing back


def tulis_hasil(path_in: str | Path, path_out: str | Path, hasil: HasilLegacy) -> None:
    """Write ``hasil`` into the result cells of ``path_in`` and save as ``path_out``.

    Result columns of rows without a result are cleared (no stale numbers), the Penjelasan sheet is rewritten, and
    the pack stamp goes into the PAKET_ATURAN cell and the metadata sheet. Running it twice gives the same workbook.
    """
    Alignment = import_module("openpyxl.styles").Alignment
    p_in, p_out = Path(path_in), Path(path_out)
    tl = tata_letak(hasil.paket.id)
    with warnings.catch_warnings(), buka_buku(p_in, hanya_baca=False) as wb:
        warnings.simplefilter("ignore")  # openpyxl's notes on unsupported extensions are not the user's concern
        nama = nama_terdefinisi(wb)

        def ambil(lembar: str, baris: int, kolom: int) -> object:
            # Look up without ws.cell(), which would create (and later save) an empty cell at every probe.
            cell = wb[lembar]._cells.get((baris, kolom)) if lembar in wb.sheetnames else None
            return None if cell is None else cell.value

        meta = baca_meta(nama, ambil, list(wb.sheetnames))
        di_meta = meta.get("paket_id")
        if di_meta is not None and di_meta != hasil.paket.id:
            raise InputTidakValid(
                f"Hasil paket '{hasil.paket.id}' tidak dapat ditulis ke berkas '{p_in.name}' yang dibuat untuk "
                f"paket '{di_meta}'."
            )
        wilayah = cari_tabel(tl, nama, ambil, p_in.name)
        ws = wb[wilayah.lembar]
        per_baris = {b.baris: b for b in hasil.baris if b.lembar == wilayah.lembar}
        kolom_hasil = [k for k in tl.tabel.kolom if k.jenis == "hasil" and k.kunci in wilayah.kolom]
        for r in range(wilayah.baris_data_awal, wilayah.baris_data_akhir + 1):
            bh = per_baris.get(r)
            for k in kolom_hasil:
                isi: object
                if bh is None:
                    isi = None
                elif k.kunci == "nomor":
                    isi = bh.nomor
                else:
                    isi = bh.nilai.get(k.kunci)
                _tulis(ws.cell(r, wilayah.kolom[k.kunci]), isi)
        for s in tl.sel_hasil:
            if s.kunci == "penjelasan" or s.nama.upper() not in nama:
                continue
            lembar, rentang = nama[s.nama.upper()]
            r, c = pisah_a1(rentang.split(":")[0])
            _tulis(wb[lembar].cell(r, c), hasil.total.get(s.kunci))
        _tulis_penjelasan(wb, nama, hasil, Alignment(wrap_text=True, vertical="top"))
        _tulis_meta(wb, nama, hasil)
        wb.save(p_out)


def _merged_cell() -> type[Any]:
    cls: type[Any] = import_module("openpyxl.cell.cell").MergedCell
    return cls


def _tulis(cell: Any, isi: object) -> None:
    """Set a cell's value; text is always stored as text (never as a formula), merged cells are skipped."""
    if isinstance(cell, _merged_cell()):
        return
    cell.value = isi
    if isinstance(isi, str) and isi.startswith("="):
        cell.data_type = "s"


def _tulis_penjelasan(wb: Any, nama: Mapping[str, tuple[str, str]], hasil: HasilLegacy, rata: Any) -> None:
    Hyperlink = import_module("openpyxl.worksheet.hyperlink").Hyperlink

    if NAMA_PENJELASAN in nama:
        lembar, rentang = nama[NAMA_PENJELASAN]
        r0, c0 = pisah_a1(rentang.split(":")[0])
    elif LEMBAR_PENJELASAN in wb.sheetnames:
        lembar, r0, c0 = LEMBAR_PENJELASAN, 4, 1
    else:
        return
    ws = wb[lembar]
    for r in range(r0, max(ws.max_row, r0) + 1):
        for c in range(c0, c0 + 3):
            cell = ws.cell(r, c)
            if not isinstance(cell, _merged_cell()) and cell.hyperlink is not None:
                cell.hyperlink = None
            _tulis(cell, None)
    baris: list[tuple[str, str | None, str]] = [(p.bagian, p.sel, p.teks) for p in hasil.penjelasan]
    baris.append(("TEMUAN", None, f"{len(hasil.temuan)} temuan" if hasil.temuan else "Tidak ada temuan."))
    baris += [(t.tingkat.value, t.alamat, t.pesan) for t in _urut_temuan(hasil.temuan)]
    for i, (bagian, sel, teks) in enumerate(baris):
        r = r0 + i
        _tulis(ws.cell(r, c0), bagian)
        sel_cell = ws.cell(r, c0 + 1)
        _tulis(sel_cell, sel)
        if sel and "!" in sel and ":" not in sel:
            lembar_tujuan, alamat = sel.split("!", 1)
            sel_cell.hyperlink = Hyperlink(ref=sel_cell.coordinate, location=f"'{lembar_tujuan}'!{alamat}")
        uraian = ws.cell(r, c0 + 2)
        _tulis(uraian, teks)
        uraian.alignment = rata


def _urut_temuan(temuan_: Sequence[Temuan]) -> list[Temuan]:
    urutan = {ERR: 0}
    return sorted(temuan_, key=lambda t: urutan.get(t.tingkat, 1))


def _tulis_meta(wb: Any, nama: Mapping[str, tuple[str, str]], hasil: HasilLegacy) -> None:
    from skpxl.core.versi import __version__

    isi = {"paket_dihitung": hasil.stempel, "skpxl_versi": __version__}
    if LEMBAR_META not in wb.sheetnames:
        ws = wb.create_sheet(LEMBAR_META)
        ws.sheet_state = "hidden"
        for i, (k, v) in enumerate(
            {"paket_id": hasil.paket.id, "paket_versi": hasil.paket.versi, **isi}.items(), start=1
        ):
            ws.cell(i, 1).value = META_KUNCI[k]
            _tulis(ws.cell(i, 2), v)
        return
    ws = wb[LEMBAR_META]
    for k, v in isi.items():
        nm = META_KUNCI[k]
        if nm in nama:
            lembar, rentang = nama[nm]
            r, c = pisah_a1(rentang.split(":")[0])
            _tulis(wb[lembar].cell(r, c), v)
            continue
        baris = next((r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == nm), ws.max_row + 1)
        ws.cell(baris, 1).value = nm
        _tulis(ws.cell(baris, 2), v)
