"""Many synthetic staff workbooks from the example unit, fast (benchmarks, load tests, training).

The example unit is built once through the template builder; copy *k* is made by
rewriting the shared-strings part of each workbook (NIP, names, unit), which keeps
each copy a valid, distinct workbook at a fraction of a full build's cost. Every NIP
stays structurally valid (birth date and TMT kept, serial number changed) and unique.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
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
