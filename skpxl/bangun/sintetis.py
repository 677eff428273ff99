"""Many synthetic staff workbooks from the example unit (benchmarks, load tests, training).

:func:`buat_berkas` (fast): the example unit is built once through the template builder; copy *k* is
made by rewriting the shared-strings part of each workbook (NIP, names, unit), which keeps each copy a
valid, distinct workbook at a fraction of a full build's cost. Every NIP stays structurally valid
(birth date and TMT kept, serial number changed) and unique. The worksheets of all copies of one
person are byte for byte the same.

:func:`buat_berkas_beragam` (≈0.15 s a file): every copy built through the template builder with its own
realisations, evidence links and feedback, so worksheet rows differ from file to file as they do
between the people of a real unit (a benchmark on it does not profit from rows repeated verbatim).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from skpxl.core.models import SkpForm

_PART = "xl/sharedStrings.xml"


def _nip_salinan(nip: str, k: int) -> str:
    """A distinct, valid NIP for copy ``k`` (k = 0 is the original)."""
    if k == 0:
        return nip
    lahir = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8])) + timedelta(days=k // 900)
    urut = (int(nip[15:18]) + k) % 900 + 100
    return f"{lahir:%Y%m%d}{nip[8:15]}{urut:03d}"


def _ganti_teks(data: bytes, ganti: dict[str, str]) -> bytes:
    """Rewrite whole ``<t>`` strings of the shared-strings part (exact matches only)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            isi = zin.read(info)
            if info.filename == _PART:
                teks = isi.decode("utf-8")
                for lama, baru in ganti.items():
                    teks = teks.replace(f">{escape(lama)}</t>", f">{escape(baru)}</t>")
                isi = teks.encode("utf-8")
            zout.writestr(info, isi)
    return keluar.getvalue()


def _teks_form(form: SkpForm) -> tuple[list[str], list[str]]:
    nip = [x for x in (form.pegawai.nip, form.penilai.nip, form.atasan_penilai.nip) if x]
    nama = [x for x in (form.pegawai.nama, form.penilai.nama, form.atasan_penilai.nama) if x]
    return nip, nama


def buat_berkas(folder: Path, jumlah: int) -> Iterator[Path]:
    """Write ``jumlah`` workbooks (copies of the example unit, 16 people a unit) into ``folder``."""
    from skpxl.bangun.contoh import form_unit
    from skpxl.buku.templat import build_bytes

    dasar = [(nama, form, build_bytes(form=form)) for nama, form in form_unit()]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(jumlah):
        k, j = divmod(i, len(dasar))
        nama_berkas, form, data = dasar[j]
        if k:
            nips, namas = _teks_form(form)
            ganti = {n: _nip_salinan(n, k) for n in nips}
            ganti.update({n: f"{n} ({k})" for n in namas})
            unit = form.unit_kerja or ""
            ganti[unit] = f"{unit} {k:04d}"
            data = _ganti_teks(data, ganti)
        path = folder / f"unit{k:04d}" / nama_berkas
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        yield path


def _beragam(form: SkpForm, k: int) -> SkpForm:
    """Copy ``k`` of ``form``: new NIPs, names and unit as :func:`buat_berkas`, and per IKI and period a
    realisation within ±15 % of the original, its own evidence link and, now and then, feedback."""
    acak = random.Random(k)
    nips, namas = _teks_form(form)
    ganti = {n: _nip_salinan(n, k) for n in nips} | {n: f"{n} ({k})" for n in namas}
    data = form.model_dump()
    for pihak in ("pegawai", "penilai", "atasan_penilai"):
        for medan in ("nip", "nama"):
            if (x := data[pihak][medan]) is not None:
                data[pihak][medan] = ganti.get(x, x)
    if data["unit_kerja"]:
        data["unit_kerja"] = f"{data['unit_kerja']} {k:04d}"
    for rhk in data["rhk"]:
        for iki in rhk["iki"]:
            for kode, ev in iki["evaluasi"].items():
                r = ev["realisasi"]
                if isinstance(r, Decimal) and r > 0:
                    ev["realisasi"] = (r * Decimal(acak.randint(85, 115)) / 100).quantize(Decimal(1))
                if ev["bukti_dukung"]:
                    ev["bukti_dukung"] = f"https://arsip.contoh.example/{k:05d}/{kode.lower()}/{acak.randrange(10**6)}"
                if acak.random() < 0.3:
                    ev["umpan_balik"] = f"Pertahankan; catatan {acak.randrange(1000)} untuk periode {kode}."
    return SkpForm.model_validate(data)


def buat_berkas_beragam(folder: Path, jumlah: int) -> Iterator[Path]:
    """Write ``jumlah`` workbooks, copy ``k`` of each example person varied by :func:`_beragam` (k = 0 the
    original)."""
    from skpxl.bangun.contoh import form_unit
    from skpxl.buku.templat import build_bytes

    dasar = list(form_unit())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(jumlah):
        k, j = divmod(i, len(dasar))
        nama_berkas, form = dasar[j]
        path = folder / f"unit{k:04d}" / nama_berkas
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(build_bytes(form=_beragam(form, k) if k else form))
        yield path
