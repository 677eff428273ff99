"""baca_form reads the same form from a reader's raw values (``PembacaMentah``) as from its blocks.

The batch's reader hands over its values raw (calamine's "" for empty, times as ``time``/``timedelta``, short
rows), and baca_form works out each layout's cells, tables and addresses once; every other reader goes through
``read_block``. Compared strictly: types, key order and each model's ``fields_set`` included, not only ``==``
(which takes 90 for 90.0).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from python_calamine import CalamineWorkbook

from skpxl.buku import form_io
from skpxl.buku import layout as L
from skpxl.buku.adapters.base import Block, CellValue, NilaiMentah, Ref
from skpxl.buku.adapters.calamine_reader import CalamineReader
from skpxl.buku.adapters.openpyxl_adapter import buka, sisipkan_baris
from skpxl.buku.form_io import baca_form
from skpxl.buku.pengaman import periksa_paket
from skpxl.core.errors import BerkasTidakTerbaca
from tests.bantu.korpus import BAIK
from tests.bantu.strategi import TEKS_ORANG
from tests.bantu.templat_uji import CONTOH, TEMPLATES


def urai(x: object) -> object:
    """A form as nested tuples that keep every type, every key order and each model's fields_set."""
    if isinstance(x, BaseModel):
        return (type(x).__name__, tuple(sorted(x.model_fields_set)), tuple((k, urai(v)) for k, v in vars(x).items()))
    if isinstance(x, dict):
        return ("dict", tuple((k, urai(v)) for k, v in x.items()))
    if isinstance(x, list):
        return ("list", tuple(urai(v) for v in x))
    if isinstance(x, Decimal):
        return ("Decimal", str(x))
    return (type(x).__name__, repr(x))


class Blok:
    """A reader seen through the protocol's blocks only (baca_form cannot use its grids); records each area."""

    def __init__(self, buku: CalamineReader | Mentah) -> None:
        self.buku = buku
        self.area: list[tuple[str, str]] = []

    def names(self) -> Mapping[str, Ref]:
        return self.buku.names()

    def sheet_names(self) -> Sequence[str]:
        return self.buku.sheet_names()

    def read_block(self, sheet: str, ref: str) -> Block:
        self.area.append((sheet, ref))
        return self.buku.read_block(sheet, ref)


def _baku(v: NilaiMentah) -> CellValue:
    """A raw value as the protocol's blocks hold it."""
    if v is None or v == "":
        return None
    if isinstance(v, time):
        return v.isoformat()
    if isinstance(v, timedelta):
        return str(v)
    return v


class Mentah:
    """A reader over raw grids, the convention of ``PembacaMentah``: blocks normalised, raw values as they are."""

    def __init__(self, names: Mapping[str, Ref], grid: dict[str, list[list[NilaiMentah]]]) -> None:
        self._names = dict(names)
        self.grid = grid
        self.area: list[tuple[str, str]] = []

    def names(self) -> Mapping[str, Ref]:
        return dict(self._names)

    def sheet_names(self) -> Sequence[str]:
        return list(self.grid)

    def read_block(self, sheet: str, ref: str) -> Block:
        r0, c0, r1, c1 = L.urai_rentang(ref)
        g = self.grid[sheet]
        return [
            [_baku(g[r][c]) if r < len(g) and c < len(g[r]) else None for c in range(c0, c1 + 1)]
            for r in range(r0, r1 + 1)
        ]

    def nilai_sel(self, sheet: str, refs: Sequence[str], sel: Sequence[tuple[int, int]]) -> list[NilaiMentah]:
        self.area += [(sheet, ref) for ref in refs]
        g = self.grid[sheet]
        return [g[r][c] if r < len(g) and c < len(g[r]) else None for r, c in sel]

    def nilai_area(self, sheet: str, ref: str) -> list[list[NilaiMentah]]:
        self.area.append((sheet, ref))
        r0, c0, r1, c1 = L.urai_rentang(ref)
        return [b[c0 : c1 + 1] for b in self.grid[sheet][r0 : r1 + 1]]


def _calamine(p: Path) -> CalamineReader:
    return CalamineReader.dari_periksa(periksa_paket(p, simpan=True))


CONTOH_SEMUA = sorted(CONTOH.glob("*.xlsx")) + sorted(TEMPLATES.glob("SKP_*.xls*"))


@pytest.mark.parametrize("p", CONTOH_SEMUA, ids=[p.name for p in CONTOH_SEMUA])
def test_every_example_reads_the_same_through_every_reader(p: Path) -> None:
    """The batch's reader (values from the check's matches), calamine over the file, both seen through blocks only,
    a second read from the cached plan, and openpyxl."""
    forms = []
    for buat in (_calamine, CalamineReader):
        with buat(p) as ca:
            forms += [baca_form(ca), baca_form(Blok(ca)), baca_form(ca)]
    forms.append(baca_form(buka(p, read_only=True)))
    assert len({urai(f) for f in forms}) == 1


def test_the_batch_reader_builds_no_block_of_converted_values() -> None:
    class Hitung(CalamineReader):
        blok = 0

        def read_block(self, sheet: str, ref: str) -> Block:
            Hitung.blok += 1
            return super().read_block(sheet, ref)

    with Hitung.dari_periksa(periksa_paket(BAIK, simpan=True)) as ca:
        f = baca_form(ca)
    assert Hitung.blok == 0 and f.rhk and f.evaluasi


@pytest.mark.parametrize("periksa", [True, False], ids=["dari_periksa", "path"])
def test_calamine_raw_values_are_its_blocks_unnormalised(periksa: bool) -> None:
    """Every named area and cell, from the check's matches (dari_periksa) and from calamine (a path)."""
    with _calamine(BAIK) if periksa else CalamineReader(BAIK) as ca:
        for n, ref in ca.names().items():
            r0, c0, r1, c1 = L.urai_rentang(ref.ref)
            g = ca.nilai_area(ref.sheet, ref.ref)
            lebar = c1 - c0 + 1
            harapan = [[_baku(x) for x in b] + [None] * (lebar - len(b)) for b in g]
            harapan += [[None] * lebar] * (r1 - r0 + 1 - len(g))
            assert ca.read_block(ref.sheet, ref.ref) == harapan, n
            assert [_baku(x) for x in ca.nilai_sel(ref.sheet, [ref.ref], [(r0, c0)])] == [harapan[0][0]], n


def test_a_read_form_shares_nothing_with_the_next_read() -> None:
    """Addresses are cached per layout: what one form holds must be its own."""
    with _calamine(BAIK) as ca:
        f = baca_form(ca)
        asli = urai(f)
        maps: list[dict[str, str]] = [f.sel, f.pegawai.sel, f.rhk[0].sel, f.rhk[0].iki[0].sel, f.perilaku[0].sel]
        maps += [e.sel for e in f.rhk[0].iki[0].evaluasi.values()] + [e.sel for e in f.evaluasi.values()]
        for s in maps:
            s.clear()
            s["x"] = "SKP!A1"
        f.rhk[0].iki[0].evaluasi.clear()
        f.evaluasi["AKHIR"].umpan_balik_perilaku["x"] = "y"
        assert urai(baca_form(ca)) == asli


@pytest.mark.slow
def test_layouts_alternate_without_mixing(tmp_path: Path) -> None:
    """A workbook with rows inserted (other areas, other addresses) read between copies of the template."""
    p = tmp_path / "sisip.xlsx"
    shutil.copy(BAIK, p)
    b = buka(p)
    for n, ref in dict(b.names()).items():  # two rows inside every table body (1-based row numbers)
        if n == "TABEL_HASIL_KERJA" or n.startswith("TABEL_EVALUASI"):
            sisipkan_baris(b, ref.sheet, L.urai_rentang(ref.ref)[0] + 4, 2)
    b.save()
    harapan = {}
    for q in (BAIK, p):
        form_io._RENCANA.clear()  # each read from a plan of its own
        harapan[q] = urai(baca_form(buka(q, read_only=True)))
    assert harapan[BAIK] != harapan[p]
    for q in (BAIK, p, BAIK, p):
        with _calamine(q) as ca:
            assert urai(baca_form(ca)) == harapan[q]


# --------------------------------------------------------------------------- raw grids, fuzzed


@cache
def _dasar() -> tuple[dict[str, Ref], dict[str, list[list[NilaiMentah]]], tuple[tuple[str, int, int], ...]]:
    """The example workbook's names and raw grids, and the cells baca_form looks at (named cells, whole tables)."""
    with CalamineReader(BAIK) as ca:
        names = dict(ca.names())
    buku = CalamineWorkbook.from_path(str(BAIK))  # calamine's own rows: "" for every empty cell
    grid = {s: buku.get_sheet_by_name(s).to_python(skip_empty_area=False) for s in buku.sheet_names}
    sel: set[tuple[str, int, int]] = set()
    for ref in names.values():
        r0, c0, r1, c1 = L.urai_rentang(ref.ref)
        if (r1 - r0 + 1) * (c1 - c0 + 1) <= 600:
            sel.update((ref.sheet, r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
    return names, grid, tuple(sorted(sel))


@cache
def _kepala() -> tuple[tuple[str, int, int, int], ...]:
    """(sheet, row, first column, last column) of every table's header row."""
    names = _dasar()[0]
    return tuple(
        (ref.sheet, r0, c0, c1)
        for n, ref in sorted(names.items())
        if n.startswith("TABEL_")
        for r0, c0, _, c1 in [L.urai_rentang(ref.ref)]
    )


JUDUL = sorted(
    {
        t
        for spek in (L.KOLOM_HASIL_KERJA, L.KOLOM_EVALUASI, L.KOLOM_PERILAKU, L.KOLOM_UMPAN_BALIK_PERILAKU)
        for k in spek
        for t in (k.judul, *k.alias)
    }
)
NILAI_MENTAH = st.one_of(
    st.sampled_from(["", "", "  ", "\t", "A. UTAMA", "b. tambahan", "UTAMA", "Akuntabel", "- satu\n• dua\n3) tiga"]),
    st.none(),
    st.sampled_from(JUDUL),
    TEKS_ORANG,
    st.integers(-(10**16), 10**16),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 30)),
    st.times(),
    st.timedeltas(),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_grids_and_blocks_read_the_same_form(data: st.DataObject) -> None:
    """Whatever the cells hold, raw or normalised, short rows or a sheet cut short: one form, same areas asked."""
    names, asli, sel = _dasar()
    grid = {s: [list(b) for b in g] for s, g in asli.items()}
    for lembar, r, c, v in data.draw(
        st.lists(st.tuples(st.sampled_from(sel), NILAI_MENTAH).map(lambda x: (*x[0], x[1])), max_size=60)
    ):
        baris = grid[lembar][r] if r < len(grid[lembar]) else []
        if c < len(baris):
            baris[c] = v
    for t in data.draw(st.lists(st.sampled_from(_kepala()), max_size=3)):  # two header cells swapped
        lembar, r, c0, c1 = t
        i, j = data.draw(st.tuples(st.integers(c0, c1), st.integers(c0, c1)))
        baris = grid[lembar][r]
        baris[i], baris[j] = baris[j], baris[i]
    baris_tabel = st.tuples(st.sampled_from(_kepala()), st.integers(1, 12)).map(lambda x: (x[0][0], x[0][1] + x[1]))
    baris_sel = st.sampled_from(sel).map(lambda x: x[:2])
    for (lembar, r), panjang in data.draw(
        st.lists(st.tuples(st.one_of(baris_tabel, baris_sel), st.integers(0, 14)), max_size=8)
    ):
        if r < len(grid[lembar]):
            del grid[lembar][r][panjang:]  # a short row (often one of a table's first rows, where the entries are)
    for lembar, sisa in data.draw(st.lists(st.tuples(st.sampled_from(sorted(grid)), st.integers(0, 100)), max_size=2)):
        del grid[lembar][sisa:]  # the sheet's data ends early
    mentah = Mentah(names, grid)
    blok = Blok(mentah)
    dari_grid = urai(baca_form(mentah))  # with what earlier examples left in the caches (other headers)
    form_io._RENCANA.clear()
    assert dari_grid == urai(baca_form(blok))  # from a plan of its own
    assert mentah.area == blok.area


def test_raw_values_read_like_their_blocks() -> None:
    """The raw forms the fuzzing above mixes in, on the cells that matter, once each (a regression net)."""
    names, asli, _ = _dasar()
    grid = {s: [list(b) for b in g] for s, g in asli.items()}
    pos = {n: L.urai_rentang(names[n].ref)[:2] for n in ("NAMA_PEGAWAI", "PERIODE_AWAL", "RATING_HASIL_KERJA")}
    grid[names["NAMA_PEGAWAI"].sheet][pos["NAMA_PEGAWAI"][0]][pos["NAMA_PEGAWAI"][1]] = time(7, 30)
    grid[names["PERIODE_AWAL"].sheet][pos["PERIODE_AWAL"][0]][pos["PERIODE_AWAL"][1]] = timedelta(days=2)
    grid[names["RATING_HASIL_KERJA"].sheet][pos["RATING_HASIL_KERJA"][0]][pos["RATING_HASIL_KERJA"][1]] = "  "
    r0, c0, _, _ = L.urai_rentang(names["TABEL_HASIL_KERJA"].ref)
    grid["SKP"][r0 + 5] = grid["SKP"][r0 + 5][: c0 + 2]  # a short row inside HASIL KERJA
    mentah = Mentah(names, grid)
    f = baca_form(mentah)
    assert urai(f) == urai(baca_form(Blok(mentah)))
    assert f.pegawai.nama == "07:30:00" and f.periode_awal == "2 days, 0:00:00"
    assert "AKHIR" not in f.evaluasi or f.evaluasi["AKHIR"].rating_hasil_kerja is None
    assert isinstance(f.periode_akhir, date)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_layout_gets_its_own_plan(data: st.DataObject) -> None:
    """Names dropped, moved or resized (a plan per layout, the cache full and cleared on the way): the cached read
    equals a read from a fresh plan."""
    names, asli, _ = _dasar()
    names = dict(names)
    semua = sorted(names)
    for n in data.draw(st.lists(st.sampled_from(semua), max_size=4)):
        names.pop(n, None)
    geser = st.tuples(st.integers(-3, 3), st.integers(-2, 2), st.integers(-3, 30), st.integers(-2, 3))
    for n, (dr, dc, dr1, dc1) in data.draw(st.lists(st.tuples(st.sampled_from(semua), geser), max_size=5)):
        if n in names:
            r0, c0, r1, c1 = L.urai_rentang(names[n].ref)
            r0, c0 = max(0, r0 + dr), max(0, c0 + dc)
            names[n] = Ref(names[n].sheet, L.rentang(r0, c0, max(r0, r1 + dr + dr1), max(c0, c1 + dc + dc1)))
    mentah = Mentah(names, {s: [list(b) for b in g] for s, g in asli.items()})

    def baca(buku: Mentah | Blok) -> object:
        try:
            return urai(baca_form(buku))
        except BerkasTidakTerbaca as e:  # TABEL_HASIL_KERJA dropped
            return str(e)

    dari_cache = baca(mentah)
    form_io._RENCANA.clear()
    assert dari_cache == baca(Blok(mentah))


def test_values_the_checks_matches_cannot_give_come_from_calamine(tmp_path: Path) -> None:
    """A time, a duration and a date with a time of day (the batch reader leaves those sheets to calamine, even
    halfway through reading one) read alike through every reader."""
    p = tmp_path / "waktu.xlsx"
    shutil.copy(BAIK, p)
    b = buka(p)
    names = b.names()
    r0, c0, _, _ = L.urai_rentang(names["TABEL_EVALUASI_TW1"].ref)
    kolom = {
        k: c0 + j
        for k, j in form_io._posisi_kolom(
            L.KOLOM_EVALUASI, tuple(b.read_block("EVALUASI TRIWULAN I", L.rentang(r0, c0, r0, c0 + 12))[0])
        )
    }
    b.write_block("EVALUASI TRIWULAN I", L.sel(r0 + 2, kolom["realisasi"]), [[timedelta(hours=30)]])
    b.write_block("EVALUASI TRIWULAN I", L.sel(r0 + 3, kolom["realisasi"]), [[time(7, 30)]])
    b.write_block("SKP", names["PERIODE_AWAL"].ref, [[datetime(2026, 1, 1, 8, 0)]])
    b.write_block("SKP", names["NAMA_PEGAWAI"].ref, [[time(12, 0)]])
    b.save()
    forms = []
    for buat in (_calamine, CalamineReader):
        with buat(p) as ca:
            forms += [baca_form(ca), baca_form(Blok(ca))]
    forms.append(baca_form(buka(p, read_only=True)))
    assert len({urai(f) for f in forms}) == 1
    f = forms[0]
    assert f.pegawai.nama == "12:00:00" and f.periode_awal == date(2026, 1, 1)
    realisasi = [i.evaluasi["TW1"].realisasi for r in f.rhk for i in r.iki if "TW1" in i.evaluasi]
    assert "1 day, 6:00:00" in realisasi and "07:30:00" in realisasi


def test_columns_swapped_in_the_header_and_a_short_row() -> None:
    """The keys' order is not the sheet's: a row cut short inside the table still gives each key its own cell."""
    names, asli, _ = _dasar()
    grid = {s: [list(b) for b in g] for s, g in asli.items()}
    r0, _, _, c1 = L.urai_rentang(names["TABEL_HASIL_KERJA"].ref)
    kepala = grid["SKP"][r0]
    j_target, j_satuan = kepala.index("TARGET"), kepala.index("SATUAN")
    kepala[j_target], kepala[j_satuan] = "SATUAN", "TARGET"
    isi = next(r for r in range(r0 + 1, len(grid["SKP"])) if grid["SKP"][r][j_target] not in ("", None))
    del grid["SKP"][isi][j_satuan + 1 :]  # the row ends after both swapped columns, before the table does
    assert j_satuan + 1 <= c1
    mentah = Mentah(names, grid)
    f = baca_form(mentah)
    assert urai(f) == urai(baca_form(Blok(mentah)))
    asli_baris = asli["SKP"][isi]
    iki = next(i for r in f.rhk for i in r.iki if i.sel["satuan"] == f"SKP!{L.sel(isi, j_target)}")
    assert (iki.satuan, iki.arah) == (form_io.teks(asli_baris[j_target]), None)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_table_reshaped(data: st.DataObject) -> None:
    """One table's header columns swapped and its first rows cut short inside it: grids and blocks read alike."""
    names, asli, _ = _dasar()
    grid = {s: [list(b) for b in g] for s, g in asli.items()}
    lembar, r0, c0, c1 = data.draw(st.sampled_from(_kepala()))
    for i, j in data.draw(st.lists(st.tuples(st.integers(c0, c1), st.integers(c0, c1)), min_size=1, max_size=2)):
        kepala = grid[lembar][r0]
        kepala[i], kepala[j] = kepala[j], kepala[i]
    for k, panjang in data.draw(
        st.lists(st.tuples(st.integers(1, 8), st.integers(c0, c1 + 1)), min_size=1, max_size=4)
    ):
        if r0 + k < len(grid[lembar]):
            del grid[lembar][r0 + k][panjang:]
    mentah = Mentah(names, grid)
    dari_grid = urai(baca_form(mentah))
    form_io._RENCANA.clear()
    assert dari_grid == urai(baca_form(Blok(mentah)))
