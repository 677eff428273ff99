"""The layout contract (skpxl.buku.layout): names, geometry, helpers, and docs/layout.md kept in sync."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skpxl.buku import layout as L
from skpxl.core.enums import Periodisasi
from skpxl.core.periode import AKHIR, daftar_periode
from tests.bantu.templat_uji import NAMA_KONTRAK, ROOT

WAJIB_AKHIR = (
    *NAMA_KONTRAK,
    "TABEL_HASIL_KERJA",
    "ANGKA_KREDIT",
    "HITUNG_PAKET_ATURAN",
    "HITUNG_WAKTU",
    "TEMPLATE_ID",
    "TEMPLATE_VERSI",
    "PAKET_ATURAN_ID",
    "PAKET_ATURAN_VERSI",
)
PER_PERIODE = (
    "PREDIKAT_ORGANISASI",
    "RATING_HASIL_KERJA",
    "RATING_HASIL_KERJA_USULAN",
    "PENJELASAN_RATING_HASIL_KERJA",
    "RATING_PERILAKU",
    "RATING_PERILAKU_USULAN",
    "PENJELASAN_RATING_PERILAKU",
    "PREDIKAT",
    "PENJELASAN_PREDIKAT",
    "PREDIKAT_TERTULIS",
    "ANGKA_KREDIT",
    "PENJELASAN_ANGKA_KREDIT",
    "CATATAN",
    "TABEL_EVALUASI",
    "TABEL_UMPAN_BALIK_PERILAKU",
    "CAPAIAN_IKI",
    "KATEGORI_IKI",
    "KATEGORI_RHK",
    "PENJELASAN_CAPAIAN",
)
FORBIDDEN = ("xlwings", "openpyxl", "pandas", "python_calamine", "numpy", "xlsxwriter")


def test_layout_form_io_and_memory_adapter_are_pure() -> None:
    code = (
        "import sys; import skpxl.buku.layout, skpxl.buku.form_io, skpxl.buku.adapters, skpxl.buku.adapters.memory; "
        "import skpxl.bangun.contoh; "
        "print('\\n'.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    loaded = {m.split(".")[0] for m in out.split()}
    assert not loaded & set(FORBIDDEN)


def test_docs_layout_md_is_up_to_date() -> None:
    assert (ROOT / "docs" / "layout.md").read_text(encoding="utf-8") == L.dokumentasi(), (
        "docs/layout.md is stale: run `python -m skpxl.bangun`"
    )


@pytest.mark.parametrize("pz", list(Periodisasi))
def test_every_variant_has_the_contract_names(pz: Periodisasi) -> None:
    r = L.rancang(pz)
    for n in WAJIB_AKHIR:
        assert n in r.nama, n
    kode = [p.kode for p in daftar_periode(pz)] + [AKHIR]
    assert [p.kode for p in r.periode] == kode
    for k in kode:
        for dasar in PER_PERIODE:
            n = L.nama(dasar, k)
            assert n in r.nama, n
            assert r.nama[n].kode == k
            assert r.nama[n].lembar == L.lembar_evaluasi(next(p for p in r.periode if p.kode == k))
    # no stray per-period names of other periodisations
    lain = {p.kode for p in L.semua_periode()} - set(kode)
    assert not [n for n in r.nama if L.uraikan_nama(n)[1] in lain]


@pytest.mark.parametrize("pz", list(Periodisasi))
def test_names_are_valid_excel_names(pz: Periodisasi) -> None:
    for n in L.rancang(pz).nama:
        assert re.fullmatch(r"[A-Z_][A-Z0-9_]*", n), n
        assert not re.fullmatch(r"[A-Z]{1,3}\d+", n), f"{n} looks like a cell reference"
        assert not re.fullmatch(r"R\d*C\d*", n)
        assert len(n) <= 255


def test_period_name_scheme_round_trips() -> None:
    for p in L.semua_periode():
        for dasar in PER_PERIODE:
            assert L.uraikan_nama(L.nama(dasar, p.kode)) == (dasar, p.kode)
    assert L.nama("PREDIKAT") == "PREDIKAT"
    assert L.uraikan_nama("PERIODE_AKHIR") == ("PERIODE_AKHIR", AKHIR)  # AKHIR is never a suffix
    assert L.uraikan_nama("RATING_HASIL_KERJA_USULAN_B03") == ("RATING_HASIL_KERJA_USULAN", "B03")


@pytest.mark.parametrize("pz", list(Periodisasi))
def test_geometry(pz: Periodisasi) -> None:
    r = L.rancang(pz)
    hk = r.nama["TABEL_HASIL_KERJA"]
    h0, c0, h1, c1 = L.urai_rentang(hk.ref)
    assert h1 - h0 == r.baris_tabel >= 30 + 2
    assert c1 - c0 + 1 == L.lebar_tabel(L.KOLOM_HASIL_KERJA)
    for p in r.periode:
        e0, _, e1, ec1 = L.urai_rentang(r.nama[L.nama("TABEL_EVALUASI", p.kode)].ref)
        assert e1 - e0 == h1 - h0, "evaluation rows align with HASIL KERJA rows"
        assert ec1 + 1 == len(L.KOLOM_EVALUASI)
        for k in L.KOLOM_EVALUASI:
            if k.nama_kolom:
                kr0, kc0, kr1, kc1 = L.urai_rentang(r.nama[L.nama(k.nama_kolom, p.kode)].ref)
                assert (kr0, kr1, kc0, kc1) == (e0, e1, L.KOLOM_EVALUASI.index(k), L.KOLOM_EVALUASI.index(k))
    # single-cell names never fall inside a table region of the same sheet
    tabel = [n for n in r.nama.values() if n.nama.startswith(("TABEL_", "LAMPIRAN_"))]
    for n in r.nama.values():
        if ":" in n.ref:
            continue
        rr, cc = L.urai_sel(n.ref)
        for t in tabel:
            a, b, c, d = L.urai_rentang(t.ref)
            assert not (t.lembar == n.lembar and a <= rr <= c and b <= cc <= d), (n.nama, t.nama)
    # sheets are unique and short enough for Excel
    assert len(set(r.lembar)) == len(r.lembar)
    assert all(len(s) <= 31 for s in r.lembar)


def test_more_rows_on_request() -> None:
    r = L.rancang(baris_utama=40, baris_tambahan=15, baris_lampiran=8)
    h0, _, h1, _ = L.urai_rentang(r.nama["TABEL_HASIL_KERJA"].ref)
    assert h1 - h0 == 57
    l0, _, l1, _ = L.urai_rentang(r.nama["LAMPIRAN_KONSEKUENSI"].ref)
    assert l1 - l0 == 8
    with pytest.raises(ValueError):
        L.rancang(baris_utama=0)


def test_closed_lists() -> None:
    assert len(L.DAFTAR["DAFTAR_PANGKAT"]) == 34
    assert "Penata Muda (III/a)" in L.DAFTAR["DAFTAR_PANGKAT"]
    assert "Golongan XVII (PPPK)" in L.DAFTAR["DAFTAR_PANGKAT"]
    assert L.DAFTAR["DAFTAR_RATING"] == ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
    assert L.DAFTAR["DAFTAR_PREDIKAT"][3] == "Kurang/Misconduct"
    assert len(L.DAFTAR["DAFTAR_JENJANG"]) == 8


def test_columns_match_header_variants() -> None:
    rhk = next(k for k in L.KOLOM_HASIL_KERJA if k.kunci == "teks")
    atasan = next(k for k in L.KOLOM_HASIL_KERJA if k.kunci == "rhk_atasan")
    assert rhk.cocok("Rencana Hasil Kerja") and rhk.cocok("RENCANA HASIL KERJA\n(RHK)") and rhk.cocok(" rhk ")
    assert not rhk.cocok("RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI")
    assert atasan.cocok("Rencana Hasil Kerja Pimpinan yang Diintervensi")
    assert not rhk.cocok(None) and not rhk.cocok(12)
    assert L.jenis_penanda("A. UTAMA") is not None and L.jenis_penanda(" b. tambahan ") is not None
    assert L.jenis_penanda("Utama lainnya") is None


@given(st.integers(min_value=0, max_value=16383))
def test_column_letters_round_trip(c: int) -> None:
    assert L.indeks_kolom(L.huruf_kolom(c)) == c


_LEMBAR = st.text(
    alphabet=st.characters(blacklist_characters="[]:*?/\\", blacklist_categories=("Cs", "Cc")), min_size=1, max_size=31
).filter(lambda s: not s.startswith("'") and not s.endswith("'"))  # Excel forbids both


@given(_LEMBAR, st.integers(0, 2000), st.integers(0, 200), st.integers(0, 50), st.integers(0, 20))
def test_excel_references_round_trip(lembar: str, r: int, c: int, dr: int, dc: int) -> None:
    ref = L.rentang(r, c, r + dr, c + dc)
    assert L.urai_rujukan_excel("=" + L.rujukan_excel(lembar, ref)) == (lembar, ref)
    assert L.pisah_alamat(L.alamat(lembar, ref)) == (lembar, ref)


def test_reference_helpers() -> None:
    assert L.rujukan_excel("SKP", "C9") == "SKP!$C$9"
    assert L.rujukan_excel("EVALUASI AKHIR", "A12:M44") == "'EVALUASI AKHIR'!$A$12:$M$44"
    assert L.rujukan_excel("A1", "B2") == "'A1'!$B$2"  # a sheet named like a cell must be quoted
    assert L.urai_rujukan_excel("'O''Brien'!$A$1") == ("O'Brien", "A1")
    assert L.urai_rujukan_excel("SKP!$A$1,SKP!$B$2") is None
    assert L.urai_rujukan_excel("#REF!") is None
    assert L.urai_rentang("C5:A1") == (0, 0, 4, 2)
    assert L.tautan_internal("EVALUASI AKHIR", "F46") == "'EVALUASI AKHIR'!F46"
    assert L.pisah_alamat("'EVALUASI AKHIR'!F46") == ("EVALUASI AKHIR", "F46")


def test_colours_and_roles() -> None:
    assert L.warna_dasar(L.Peran.ISIAN) == L.WARNA_ISIAN != L.warna_dasar(L.Peran.HITUNG)
    assert L.warna_dasar(L.Peran.LABEL) is None
    for w in (*L.WARNA_TEMUAN.values(), L.WARNA_ISIAN, L.WARNA_HITUNG, L.WARNA_CERMIN):
        assert re.fullmatch(r"#[0-9A-F]{6}", w)
    r = L.rancang()
    assert r.nama["RATING_HASIL_KERJA"].peran is L.Peran.ISIAN
    assert r.nama["RATING_HASIL_KERJA_USULAN"].peran is L.Peran.HITUNG
    assert r.nama["PREDIKAT"].peran is L.Peran.HITUNG
    assert r.nama["NIP_PEGAWAI"].format == "teks"
