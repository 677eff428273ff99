"""The per-file step: path → one compact, picklable result. Never raises for a bad file.

Each file first passes the pre-read checks of :mod:`skpxl.buku.pengaman` (cheap, bounded), then is
read with the fast read-only reader under a soft time limit. Nothing is written and no macro runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from skpxl.batch.pantau import RingkasPraktik, ringkas
from skpxl.core.enums import Tingkat
from skpxl.core.errors import SkpxlError
from skpxl.core.nip import kunci_nip
from skpxl.core.periode import AKHIR

if TYPE_CHECKING:
    from skpxl.buku.pengaman import HasilPeriksa

# (kode, tingkat, lembar, sel, nilai, pesan)
BarisTemuan = tuple[str, str, str | None, str | None, str | None, str]


@dataclass(frozen=True)
class RHKRingkas:
    jenis: str | None
    teks: str | None
    rhk_atasan: str | None


@dataclass(frozen=True)
class BarisPegawai:
    """One person's line in the recap (values as text, ready to write)."""

    nip: str | None
    nama: str | None
    jabatan: str | None
    jenis_jabatan: str | None
    jenjang: str | None
    pangkat: str | None
    unit_kerja: str | None
    nip_penilai: str | None
    nama_penilai: str | None
    periode: str
    periode_awal: str | None
    rating_hasil_kerja: str | None
    rating_hasil_kerja_usulan: str | None
    rating_perilaku: str | None
    predikat: str | None
    angka_kredit: str | None
    predikat_organisasi: str | None
    jumlah_kesalahan: int
    jumlah_peringatan: int
    jumlah_info: int
    rhk: tuple[RHKRingkas, ...] = field(default=())
    praktik: RingkasPraktik = field(default=RingkasPraktik())  # evaluator, monitoring, development (issue 19)


@dataclass(frozen=True)
class HasilBerkas:
    berkas: str  # path relative to the batch folder, with "/" separators
    pegawai: BarisPegawai | None
    temuan: tuple[BarisTemuan, ...] = ()
    masalah: str | None = None  # why the file could not be used at all


def _teks(x: object) -> str | None:
    return None if x is None else str(x)


def _nip(x: str | None) -> str | None:
    # One key for the duplicate and kaskade checks: full-width or Arabic-Indic digits are the same NIP.
    return kunci_nip(x)


def proses_berkas(
    path: str, nama_relatif: str, periode: str | None = None, *, batas_waktu: float | None = None
) -> HasilBerkas:
    """Check, read (read-only, fast reader), validate and compute one workbook; summarise it.

    ``periode`` selects the evaluation whose ratings/predikat go into the recap (default AKHIR).
    ``batas_waktu`` (seconds) is the soft time limit of :func:`skpxl.buku.pengaman.batas_waktu_lunak`.
    Every failure becomes ``masalah``, one Indonesian sentence; nothing is raised. The file is read
    once: the reader parses the parts the check inflated and passed.
    """
    from skpxl.buku import pengaman

    return _proses(
        lambda: pengaman.periksa_paket(path, simpan=True), path, Path(path).name, nama_relatif, periode, batas_waktu
    )


def proses_data(
    data: bytes, nama_relatif: str, periode: str | None = None, *, batas_waktu: float | None = None
) -> HasilBerkas:
    """:func:`proses_berkas` for a workbook's bytes (a Dask worker on another machine gets bytes, not a path)."""
    from skpxl.buku import pengaman

    nama = nama_relatif.rsplit("/", 1)[-1]
    return _proses(
        lambda: pengaman.periksa_data(data, nama, simpan=True), None, nama, nama_relatif, periode, batas_waktu
    )


def _proses(
    periksa_: Callable[[], HasilPeriksa],
    path: str | None,
    nama: str,
    nama_relatif: str,
    periode: str | None,
    batas_waktu: float | None,
) -> HasilBerkas:
    from skpxl.buku.adapters.calamine_reader import CalamineReader
    from skpxl.buku.pengaman import WaktuHabis, batas_waktu_lunak, pesan_memori, pesan_oserror, pesan_waktu_habis
    from skpxl.layanan.service import periksa

    kode = periode or AKHIR
    try:
        with batas_waktu_lunak(batas_waktu):
            hasil = periksa_()
            if hasil.bagian is None and path is not None:  # a check that kept no parts: read the file
                buku = CalamineReader(Path(path))
            else:
                buku = CalamineReader.dari_periksa(hasil)
            with buku:
                lap = periksa(buku, periode=None if kode == AKHIR else kode, hitung_juga=True)
    except WaktuHabis:
        return HasilBerkas(nama_relatif, None, masalah=pesan_waktu_habis(nama, batas_waktu or 0))
    except SkpxlError as e:
        return HasilBerkas(nama_relatif, None, masalah=str(e))
    except MemoryError:
        return HasilBerkas(nama_relatif, None, masalah=pesan_memori(nama))
    except OSError as e:
        return HasilBerkas(nama_relatif, None, masalah=pesan_oserror(nama, e))
    except Exception as e:  # one bad file must never stop a batch of thousands
        from skpxl.buku.berkas import galat_tak_terduga

        return HasilBerkas(nama_relatif, None, masalah=galat_tak_terduga(nama, e))
    assert lap.hasil is not None
    hp = lap.hasil.periode.get(kode)
    form = lap.form
    hitung = {t: sum(1 for x in lap.temuan if x.tingkat is t) for t in Tingkat}
    pegawai = BarisPegawai(
        nip=_nip(form.pegawai.nip),
        nama=form.pegawai.nama,
        jabatan=form.pegawai.jabatan,
        jenis_jabatan=form.jenis_jabatan,
        jenjang=form.jenjang,
        pangkat=form.pegawai.pangkat,
        unit_kerja=form.unit_kerja or form.pegawai.unit_kerja,
        nip_penilai=_nip(form.penilai.nip),
        nama_penilai=form.penilai.nama,
        periode=kode,
        periode_awal=_teks(form.periode_awal),
        rating_hasil_kerja=_teks(hp.rating_hasil_kerja) if hp else None,
        rating_hasil_kerja_usulan=_teks(hp.usulan.rating) if hp and hp.usulan else None,
        rating_perilaku=_teks(hp.rating_perilaku) if hp else None,
        predikat=_teks(hp.predikat) if hp else None,
        angka_kredit=_teks(hp.angka_kredit) if hp else None,
        predikat_organisasi=_teks(hp.predikat_organisasi) if hp else None,
        jumlah_kesalahan=hitung[Tingkat.ERROR],
        jumlah_peringatan=hitung[Tingkat.WARNING],
        jumlah_info=hitung[Tingkat.INFO],
        rhk=tuple(RHKRingkas(r.jenis, r.teks, r.rhk_atasan) for r in form.rhk),
        praktik=ringkas(form, lap.hasil, kode),
    )
    temuan = tuple((t.kode, t.tingkat.value, t.lembar, t.sel, t.nilai, t.pesan) for t in lap.temuan)
    return HasilBerkas(nama_relatif, pegawai, temuan)
