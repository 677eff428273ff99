"""The fast read-only reader: python-calamine for cell values, the zip for defined names.

python-calamine (0.9) does not expose defined names, so they are read from the
package's workbook part (``xl/workbook.xml``, located through ``_rels/.rels``)
with a regular expression: the part is small, the expression expands no entity
and no DTD, and only the five XML entities and numeric references are decoded.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from skpxl.buku.adapters.base import Block, CellValue, Ref
from skpxl.buku.layout import urai_rentang, urai_rujukan_excel
from skpxl.buku.pengaman import pesan_oserror
from skpxl.buku.rusak import SARAN, sebab_rusak
from skpxl.core.errors import BerkasTidakTerbaca
from skpxl.core.teks import tampil

__all__ = ["CalamineReader", "baca_nama_terdefinisi"]

_BATAS_WORKBOOK_XML = 8 * 1024 * 1024  # a workbook part larger than this is not an SKP form
_DEFINED = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>", re.DOTALL)
_ATRIBUT = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_ENTITAS = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);")
_ENTITAS_NAMA = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_RELS_OFFICE = re.compile(
    r"<(?:\w+:)?Relationship\b[^>]*Type=\"[^\"]*/officeDocument\"[^>]*Target=\"([^\"]+)\"|"
    r"<(?:\w+:)?Relationship\b[^>]*Target=\"([^\"]+)\"[^>]*Type=\"[^\"]*/officeDocument\""
)


def _lepas_entitas(s: str) -> str:
    def ganti(m: re.Match[str]) -> str:
        k = m.group(1)
        if k.startswith("#x"):
            return chr(int(k[2:], 16))
        if k.startswith("#"):
            return chr(int(k[1:]))
        return _ENTITAS_NAMA[k]

    return _ENTITAS.sub(ganti, s)


def _buka_calamine(path: Path) -> CalamineWorkbook:
    """The native reader takes a UTF-8 path; a file name that is not valid UTF-8 (carried with surrogates)
    is read by Python and handed over as bytes (the pre-read check bounds the size)."""
    nama = os.fspath(path)
    try:
        nama.encode("utf-8")
    except UnicodeEncodeError:
        return CalamineWorkbook.from_filelike(io.BytesIO(Path(path).read_bytes()))
    return CalamineWorkbook.from_path(nama)


def baca_nama_terdefinisi(path: str | os.PathLike[str]) -> dict[str, Ref]:
    """Workbook-scoped defined names of an .xlsx/.xlsm that point to one area."""
    with zipfile.ZipFile(path) as z:
        bagian = "xl/workbook.xml"
        if bagian not in z.namelist() and "_rels/.rels" in z.namelist():
            m = _RELS_OFFICE.search(z.read("_rels/.rels").decode("utf-8", "replace"))
            if m:
                bagian = (m.group(1) or m.group(2)).lstrip("/")
        info = z.getinfo(bagian)
        if info.file_size > _BATAS_WORKBOOK_XML:
            raise BerkasTidakTerbaca(f"Bagian workbook berkas '{Path(path).name}' terlalu besar untuk formulir SKP.")
        xml = z.read(info).decode("utf-8", "replace")
    return dict(_urai_nama(xml))


@lru_cache(maxsize=64)
def _urai_nama(xml: str) -> tuple[tuple[str, Ref], ...]:
    """Defined names of one workbook part; cached because a batch reads copies of the same template."""
    hasil: dict[str, Ref] = {}
    for atribut, isi in _DEFINED.findall(xml):
        attrs = {k.split(":")[-1]: _lepas_entitas(v) for k, v in _ATRIBUT.findall(atribut)}
        nama = attrs.get("name", "")
        if not nama or "localSheetId" in attrs or nama.startswith("_xlnm."):
            continue
        urai = urai_rujukan_excel(_lepas_entitas(isi))
        if urai is not None:
            hasil[nama] = Ref(*urai)
    return tuple(hasil.items())


def _nilai(v: Any) -> CellValue:
    if v is None or v == "":
        return None
    if isinstance(v, str | bool | int | float | datetime | date):
        return v
    if isinstance(v, time):
        return v.isoformat()
    if isinstance(v, timedelta):
        return str(v)
    return str(v)


class CalamineReader:
    """:class:`skpxl.buku.adapters.base.WorkbookReader` over python-calamine (read-only, fast)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise BerkasTidakTerbaca(f"Berkas '{self.path}' tidak ditemukan.")
        try:
            self._names = baca_nama_terdefinisi(self.path)
            self._wb = _buka_calamine(self.path)
        except BerkasTidakTerbaca:
            raise
        except (zipfile.BadZipFile, KeyError, CalamineError, OSError, ValueError, UnicodeError) as e:
            nama = tampil(self.path.name)
            if isinstance(e, OSError):
                raise BerkasTidakTerbaca(pesan_oserror(nama, e)) from e
            sebab = sebab_rusak(e) or "tidak dapat dibaca sebagai buku kerja Excel (.xlsx/.xlsm): isinya rusak"
            raise BerkasTidakTerbaca(f"Berkas '{nama}' {sebab}; {SARAN}.") from e
        self._cache: dict[str, list[list[Any]]] = {}

    def names(self) -> Mapping[str, Ref]:
        return dict(self._names)

    def sheet_names(self) -> Sequence[str]:
        return list(self._wb.sheet_names)

    def read_block(self, sheet: str, ref: str) -> Block:
        data = self._lembar(sheet)
        r0, c0, r1, c1 = urai_rentang(ref)
        hasil: Block = []
        for r in range(r0, r1 + 1):
            baris = data[r] if r < len(data) else []
            hasil.append([_nilai(baris[c]) if c < len(baris) else None for c in range(c0, c1 + 1)])
        return hasil

    def close(self) -> None:
        self._wb.close()
        self._cache.clear()

    def __enter__(self) -> CalamineReader:
        return self

    def __exit__(
        self, tipe: type[BaseException] | None, nilai: BaseException | None, jejak: TracebackType | None
    ) -> None:
        self.close()

    def _lembar(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._cache:
            try:
                self._cache[sheet] = self._wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except CalamineError as e:
                sebab = sebab_rusak(e) or "isinya rusak"
                raise BerkasTidakTerbaca(
                    f"Lembar '{sheet}' di berkas '{tampil(self.path.name)}' {sebab}; {SARAN}."
                ) from e
        return self._cache[sheet]
