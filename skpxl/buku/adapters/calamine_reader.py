"""The fast read-only reader: python-calamine for cell values, the pre-read check for defined names.

python-calamine (0.9) does not expose defined names; they come from the pre-read check
(:mod:`skpxl.buku.pengaman`), which parses the workbook part with linear regular expressions that
expand no entity. In the batch the reader is built from the check's result
(:meth:`CalamineReader.dari_periksa`): calamine parses exactly the bytes that passed the check,
inflated once, handed over as a stored zip. Every block is bounded before it is built.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping, Sequence
from datetime import time, timedelta
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from python_calamine import CalamineError, CalamineWorkbook

from skpxl.buku import kisi
from skpxl.buku.adapters.base import Block, CellValue, Ref
from skpxl.buku.layout import urai_rentang
from skpxl.buku.pengaman.batas import BATAS_BARIS, BATAS_KOLOM, BATAS_SEL, pesan_oserror, ribuan
from skpxl.buku.rusak import SARAN, sebab_rusak
from skpxl.core.errors import BerkasTidakTerbaca
from skpxl.core.teks import tampil

if TYPE_CHECKING:
    from skpxl.buku.pengaman import HasilPeriksa

__all__ = ["CalamineReader", "baca_nama_terdefinisi"]

_BATAS_WORKBOOK_XML = 8 * 1024 * 1024  # a workbook part larger than this is not an SKP form
_ANEH = (time, timedelta)
_rentang = lru_cache(maxsize=4096)(urai_rentang)  # copies of one template ask for the same areas


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
    from skpxl.buku.pengaman.identitas import baca_nama
    from skpxl.buku.pengaman.pindai import rels

    with zipfile.ZipFile(path) as z:
        bagian = "xl/workbook.xml"
        if bagian not in z.namelist() and "_rels/.rels" in z.namelist():
            paket = rels(z.read("_rels/.rels").decode("utf-8", "replace"), "")
            dokumen = [t for _, tipe, t in paket if tipe.endswith("/officeDocument")]
            bagian = next((t for t in dokumen if t in z.namelist()), bagian)
        info = z.getinfo(bagian)
        if info.file_size > _BATAS_WORKBOOK_XML:
            raise BerkasTidakTerbaca(f"Bagian workbook berkas '{Path(path).name}' terlalu besar untuk formulir SKP.")
        xml = z.read(info).decode("utf-8", "replace")
    return {n: Ref(*a) for n, a in baca_nama(xml).area.items()}


def _nilai(v: Any) -> CellValue:
    if v is None or v == "":
        return None
    if isinstance(v, _ANEH):
        return v.isoformat() if isinstance(v, time) else str(v)
    return v  # type: ignore[no-any-return]


_KOSONG = frozenset(("", None))


class CalamineReader:
    """:class:`skpxl.buku.adapters.base.WorkbookReader` over python-calamine (read-only, fast)."""

    _wb: CalamineWorkbook | None
    _hasil: HasilPeriksa | None
    _bahan: kisi.Bahan | None
    _kisi_cache: dict[str, kisi.Kisi | None]

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise BerkasTidakTerbaca(f"Berkas '{self.path}' tidak ditemukan.")
        self._hasil, self._bahan, self._kisi_cache = None, None, {}
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

    @classmethod
    def dari_periksa(cls, hasil: HasilPeriksa) -> CalamineReader:
        """A reader over the parts the pre-read check inflated and passed (``periksa_paket(simpan=True)``).

        A sheet whose cells the check matched whole in the canonical form is read from those matches
        (:mod:`skpxl.buku.kisi`); calamine parses the checked parts, handed over as a stored zip, only
        for the other sheets, and only when one is asked for.
        """
        self = cls.__new__(cls)
        self.path = Path(hasil.nama)
        self._names = _refs(hasil.nama_area)
        self._wb = None
        self._hasil = hasil
        self._bahan, self._kisi_cache = None, {}
        self._cache = {}
        return self

    def _buku(self) -> CalamineWorkbook:
        if self._wb is None:
            assert self._hasil is not None
            try:
                self._wb = CalamineWorkbook.from_filelike(io.BytesIO(self._hasil.zip_terperiksa()))
            except (CalamineError, OSError, ValueError, UnicodeError) as e:
                sebab = sebab_rusak(e) or "tidak dapat dibaca sebagai buku kerja Excel (.xlsx/.xlsm): isinya rusak"
                raise BerkasTidakTerbaca(f"Berkas '{tampil(self.path.name)}' {sebab}; {SARAN}.") from e
        return self._wb

    def _kisi(self, sheet: str) -> kisi.Kisi | None:
        """The sheet's cells as the check matched them (canonical form), or None: calamine reads it."""
        if sheet in self._kisi_cache:
            return self._kisi_cache[sheet]
        h, hasil = self._hasil, None
        lembar = None if h is None else next((x for x in h.lembar if x.nama == sheet), None)
        if h is not None and h.bagian is not None and lembar is not None and lembar.sel is not None:
            if self._bahan is None:
                strings = h.bagian.get(h.bagian_string) if h.bagian_string else b""
                self._bahan = kisi.Bahan(strings, h.bagian.get(h.bagian_gaya, b""), h.bagian.get(h.bagian_buku, b""))
            try:
                hasil = kisi.Kisi(lembar.sel, self._bahan)
            except kisi.TidakPasti:
                hasil = None
        self._kisi_cache[sheet] = hasil
        return hasil

    def names(self) -> Mapping[str, Ref]:
        return dict(self._names)

    def sheet_names(self) -> Sequence[str]:
        return list(self._buku().sheet_names)

    def _area(self, sheet: str, ref: str) -> tuple[tuple[int, int, int, int], Block | None]:
        """The area of ``ref`` within the limits, and its block when the sheet is read through kisi (else None)."""
        if not _dalam_batas(ref):
            raise _di_luar_batas(self.path.name, sheet, ref)
        letak = _rentang(ref)
        k = self._kisi(sheet)
        if k is not None:
            try:
                return letak, k.blok(*letak)
            except kisi.TidakPasti:
                self._kisi_cache[sheet] = None  # a value only calamine reads exactly: calamine reads the sheet
        return letak, None

    def read_block(self, sheet: str, ref: str) -> Block:
        (r0, c0, r1, c1), blok = self._area(sheet, ref)
        if blok is not None:
            return blok
        lebar = c1 - c0 + 1
        hasil: Block = []
        for baris in self._lembar(sheet)[r0 : r1 + 1]:
            potong = baris[c0 : c1 + 1]
            if _KOSONG.issuperset(potong):  # an empty stretch (most of a form's body): no per-cell work
                hasil.append([None] * lebar)
            else:
                hasil.append([_nilai(v) for v in potong] + [None] * (lebar - len(potong)))
        hasil.extend([None] * lebar for _ in range(r1 - r0 + 1 - len(hasil)))  # below the data: empty rows
        return hasil

    # PembacaMentah: what baca_form reads, without building blocks of converted values.

    def nilai_sel(self, sheet: str, refs: Sequence[str], sel: Sequence[tuple[int, int]]) -> list[Any]:
        for ref in refs:
            if not _dalam_batas(ref):
                raise _di_luar_batas(self.path.name, sheet, ref)
        k = self._kisi(sheet)
        if k is not None:
            try:
                return [k.nilai(r, c) for r, c in sel]
            except kisi.TidakPasti:
                self._kisi_cache[sheet] = None
        data = self._lembar(sheet)
        try:
            return [data[r][c] for r, c in sel]  # the usual case: every cell inside the sheet's data
        except IndexError:  # r, c ≥ 0: past the end of the data or of a short row
            return [data[r][c] if r < len(data) and c < len(data[r]) else None for r, c in sel]

    def nilai_area(self, sheet: str, ref: str) -> Sequence[Sequence[Any]]:
        (r0, c0, r1, c1), blok = self._area(sheet, ref)
        if blok is not None:
            return blok
        return list(map(_potong(c0, c1), self._lembar(sheet)[r0 : r1 + 1]))  # calamine's rows: "" for empty

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()
        self._cache.clear()
        self._kisi_cache.clear()

    def __enter__(self) -> CalamineReader:
        return self

    def __exit__(
        self, tipe: type[BaseException] | None, nilai: BaseException | None, jejak: TracebackType | None
    ) -> None:
        self.close()

    def _lembar(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._cache:
            try:
                self._cache[sheet] = self._buku().get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except CalamineError as e:
                sebab = sebab_rusak(e) or "isinya rusak"
                raise BerkasTidakTerbaca(
                    f"Lembar '{sheet}' di berkas '{tampil(self.path.name)}' {sebab}; {SARAN}."
                ) from e
        return self._cache[sheet]


_REFS: dict[int, tuple[Mapping[str, tuple[str, str]], dict[str, Ref]]] = {}


def _refs(area: Mapping[str, tuple[str, str]]) -> dict[str, Ref]:
    """The names as Refs; built once per distinct names mapping (the check's are cached per workbook part,
    so copies of one template share one). The mapping is kept alive with its entry, so its id is not reused."""
    ada = _REFS.get(id(area))
    if ada is not None and ada[0] is area:
        return ada[1]
    refs = {n: Ref(*a) for n, a in area.items()}
    if len(_REFS) >= 64:
        _REFS.clear()
    _REFS[id(area)] = (area, refs)
    return refs


@lru_cache(maxsize=4096)
def _dalam_batas(ref: str) -> bool:
    """Whether a block is within the pre-read limits (cached: copies of one template ask for the same areas)."""
    r0, c0, r1, c1 = _rentang(ref)
    return r1 < BATAS_BARIS and c1 < BATAS_KOLOM and (r1 - r0 + 1) * (c1 - c0 + 1) <= BATAS_SEL


def _di_luar_batas(berkas: str, sheet: str, ref: str) -> BerkasTidakTerbaca:
    """The refusal of a block beyond the pre-read limits, before building it (a name the check did not see)."""
    return BerkasTidakTerbaca(
        f"Berkas '{tampil(berkas)}' ditolak: rentang {sheet}!{ref} melewati batas baca skpxl "
        f"({ribuan(BATAS_BARIS)} baris, {ribuan(BATAS_KOLOM)} kolom, {ribuan(BATAS_SEL)} sel); berkas rusak atau "
        "sengaja dimanipulasi."
    )


@lru_cache(maxsize=1024)
def _potong(c0: int, c1: int) -> itemgetter[Any]:
    return itemgetter(slice(c0, c1 + 1))
