"""form_io: reading what people type, writing forms back, and the ``sel`` addresses."""

from __future__ import annotations

import shutil
import string
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skpxl.bangun.contoh import form_unit
from skpxl.buku import layout as L
from skpxl.buku.adapters.base import CellValue, Workbook, WorkbookReader
from skpxl.buku.adapters.calamine_reader import CalamineReader
from skpxl.buku.adapters.memory import buku_kosong
from skpxl.buku.adapters.openpyxl_adapter import buka, sisipkan_baris
from skpxl.buku.form_io import baca_form, isian, tanggal, teks, tulis_form
from skpxl.core.enums import NilaiInti, Periodisasi
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid
from skpxl.core.models import (
    IKI,
    RHK,
    EvaluasiIKI,
    EvaluasiPeriode,
    Identitas,
    Lampiran,
    PerilakuKerja,
    SkpForm,
)
from tests.bantu.templat_uji import CONTOH, TEMPLATES, beda, tanpa_sel

R = L.rancang()


def _sel(n: str) -> tuple[str, str]:
    return R.nama[n].lembar, R.nama[n].ref


def _isi(b: Workbook, n: str, v: CellValue) -> None:
    lembar, ref = _sel(n)
    b.write_block(lembar, ref, [[v]])


def _baris(b: Workbook, lembar: str, tabel: str, i: int, nilai: dict[int, CellValue]) -> None:
    """Write into body row ``i`` (0-based) of a table region: {column offset: value}."""
    r0, c0, _, _ = L.urai_rentang(b.names()[tabel].ref)
    for c, v in nilai.items():
        b.write_block(lembar, L.sel(r0 + 1 + i, c0 + c), [[v]])


POS = L.posisi_kolom(L.KOLOM_HASIL_KERJA)
POS_EV = L.posisi_kolom(L.KOLOM_EVALUASI)
SERIAL_31_DES_2026 = (date(2026, 12, 31) - date(1899, 12, 30)).days


def _isi_berantakan(b: Workbook) -> None:
    """What people really type."""
    _isi(b, "INSTANSI", "  Pemerintah Kabupaten Contoh   ")
    _isi(b, "PERIODE_AWAL", "01/01/2026")
    _isi(b, "PERIODE_AKHIR", SERIAL_31_DES_2026)  # a date cell that lost its format
    _isi(b, "NIP_PEGAWAI", " 1990 0101 2015 03 1 001 ")
    _isi(b, "NIP_PENILAI", 1.99001012015031e17)  # typed as a number: digits lost
    _isi(b, "NIP_ATASAN_PENILAI", 198001012005011002)  # an int that Excel could not keep
    _isi(b, "JENIS_JABATAN", "fungsional ")
    _isi(b, "PANGKAT_PEGAWAI", "Penata Muda Tk. I (III/b)")
    _isi(b, "RATING_HASIL_KERJA", " diatas ekspektasi")
    _isi(b, "TEMPAT_TANGGAL", 46000)  # a number where text was expected
    t = "TABEL_HASIL_KERJA"
    _baris(b, "SKP", t, 1, {POS["teks"]: "RHK satu ", POS["rhk_atasan"]: "RHK atasan", POS["aspek"]: "kuantitas",
                            POS["iki"]: "IKI 1", POS["target"]: "85%", POS["satuan"]: "%"})  # fmt: skip
    _baris(b, "SKP", t, 2, {})  # an empty row between filled ones
    _baris(b, "SKP", t, 3, {POS["no"]: 7})  # a numbered empty row
    _baris(b, "SKP", t, 4, {POS["teks"]: "RHK satu", POS["iki"]: "IKI 2", POS["target"]: "1,5"})  # repeated RHK
    _baris(b, "SKP", t, 5, {POS["iki"]: "IKI 3", POS["target"]: "1.250,5", POS["arah"]: "khusus"})  # merged RHK
    _baris(b, "SKP", t, 6, {POS["teks"]: "RHK dua", POS["iki"]: "IKI 4", POS["target"]: "12 bulan", POS["aspek"]: 3})
    _baris(b, "SKP", t, 7, {POS["teks"]: "RHK tanpa IKI"})
    b_pos = 1 + L.BARIS_UTAMA
    _baris(b, "SKP", t, b_pos + 1, {POS["teks"]: "RHK tambahan", POS["iki"]: "IKI 5", POS["target"]: 2})
    _baris(b, "SKP", t, b_pos + 3, {POS["jenis"]: "utama", POS["teks"]: "RHK utama di bawah B", POS["iki"]: "IKI 6"})
    ev = "EVALUASI AKHIR"
    _baris(b, ev, "TABEL_EVALUASI", 1, {POS_EV["realisasi"]: "90 %", POS_EV["bukti_dukung"]: " https://x.example/1 "})
    _baris(b, ev, "TABEL_EVALUASI", 4, {POS_EV["realisasi"]: 1.5})
    _baris(b, ev, "TABEL_EVALUASI", 5, {POS_EV["realisasi"]: "1.250"})
    _baris(b, ev, "TABEL_EVALUASI", 6, {POS_EV["realisasi"]: datetime(2026, 3, 15)})  # Excel made a date of it
    # an evaluation typed next to an empty plan row is kept (as an IKI without text) for validation to report
    _baris(b, ev, "TABEL_EVALUASI", 2, {POS_EV["umpan_balik"]: "catatan di baris kosong"})
    _baris(b, "EVALUASI TRIWULAN II", "TABEL_EVALUASI_TW2", 1, {POS_EV["kategori"]: "Sesuai"})
    pp = L.posisi_kolom(L.KOLOM_PERILAKU)
    _baris(b, "SKP", "TABEL_PERILAKU", 0, {pp["panduan"]: "- satu\n• dua\n\n3. tiga ", pp["ekspektasi_khusus"]: " x "})
    pu = L.posisi_kolom(L.KOLOM_UMPAN_BALIK_PERILAKU)
    _baris(b, ev, "TABEL_UMPAN_BALIK_PERILAKU", 1, {pu["umpan_balik"]: "  jujur  ", pu["rating"]: "diatas"})
    r0, c0, _, _ = L.urai_rentang(b.names()["LAMPIRAN_KONSEKUENSI"].ref)
    b.write_block("SKP", L.sel(r0 + 1, c0), [["1. Teguran"], [None], ["• Penghargaan"]])


def _periksa_berantakan(f: SkpForm) -> None:
    assert f.instansi == "Pemerintah Kabupaten Contoh"
    assert f.periode_awal == "01/01/2026"
    assert f.periode_akhir == date(2026, 12, 31)
    assert f.pegawai.nip == "1990 0101 2015 03 1 001"
    assert f.penilai.nip == "1.99001E+17"
    assert f.atasan_penilai.nip == "1.98001E+17"
    assert f.jenis_jabatan == "fungsional"
    assert f.tempat_tanggal == "46000"
    assert [(r.jenis, r.teks, [i.teks for i in r.iki]) for r in f.rhk] == [
        ("Utama", "RHK satu", ["IKI 1", None, "IKI 2", "IKI 3"]),
        ("Utama", "RHK dua", ["IKI 4"]),
        ("Utama", "RHK tanpa IKI", []),
        ("Tambahan", "RHK tambahan", ["IKI 5"]),
        ("utama", "RHK utama di bawah B", ["IKI 6"]),
    ]
    i1, yatim, i2, i3 = f.rhk[0].iki
    assert yatim.evaluasi["AKHIR"].umpan_balik == "catatan di baris kosong" and yatim.aspek is None
    assert (i1.aspek, i1.target, i1.satuan) == ("kuantitas", "85%", "%")
    assert (i2.target, i3.target, i3.arah) == ("1,5", "1.250,5", "khusus")
    assert f.rhk[0].rhk_atasan == "RHK atasan"
    assert f.rhk[1].iki[0].target == "12 bulan" and f.rhk[1].iki[0].aspek == "3"
    assert f.rhk[3].iki[0].target == Decimal(2)
    assert i1.evaluasi["AKHIR"].realisasi == "90 %"
    assert i1.evaluasi["AKHIR"].bukti_dukung == "https://x.example/1"
    assert i2.evaluasi["AKHIR"].realisasi == Decimal("1.5")
    assert i3.evaluasi["AKHIR"].realisasi == "1.250"
    assert f.rhk[1].iki[0].evaluasi["AKHIR"].realisasi == "2026-03-15"
    assert i1.evaluasi["TW2"].kategori == "Sesuai"
    assert set(i1.evaluasi) == {"AKHIR", "TW2"} and set(i2.evaluasi) == {"AKHIR"}
    assert f.perilaku[0].panduan == ["satu", "dua", "tiga"] and f.perilaku[0].ekspektasi_khusus == "x"
    ep = f.evaluasi["AKHIR"]
    assert ep.rating_hasil_kerja == "diatas ekspektasi"
    assert ep.umpan_balik_perilaku == {"Akuntabel": "jujur"} and ep.rating_perilaku_per_nilai == {"Akuntabel": "diatas"}
    assert f.lampiran.konsekuensi == ["Teguran", "Penghargaan"]
    assert set(f.evaluasi) == {"AKHIR"}


@pytest.mark.slow
def test_messy_input_is_read_without_crash_by_every_reader(tmp_path: Path) -> None:
    mem = buku_kosong()
    _isi_berantakan(mem)
    _periksa_berantakan(baca_form(mem))
    p = tmp_path / "berantakan.xlsx"
    shutil.copy(TEMPLATES / "SKP_2026.xlsx", p)
    b = buka(p)
    _isi_berantakan(b)
    b.save()
    dibaca: list[SkpForm] = []
    pembaca: list[WorkbookReader] = [buka(p), buka(p, read_only=True), CalamineReader(p)]
    for buku in pembaca:
        f = baca_form(buku)
        _periksa_berantakan(f)
        dibaca.append(f)
    assert dibaca[0] == dibaca[1] == dibaca[2]


def test_cell_normalisation() -> None:
    assert teks(1.5) == "1.5" and teks(85.0) == "85" and teks(True) == "TRUE" and teks("  ") is None
    assert teks(199001012015031001) == "1.99001E+17" and teks(1.99e17) == "1.99E+17"
    assert teks(datetime(2026, 1, 2)) == "2026-01-02" and teks(date(2026, 1, 2)) == "2026-01-02"
    assert isian(85.0) == Decimal(85) and isian(0.1) == Decimal("0.1") and isian(" 85% ") == "85%"
    assert isian(float("nan")) is None and isian(None) is None
    assert tanggal(datetime(2026, 1, 1, 0, 0)) == date(2026, 1, 1) and tanggal(" 1 Januari 2026 ") == "1 Januari 2026"
    assert tanggal(46023) == date(2026, 1, 1) and tanggal(12) == "12"


@pytest.mark.slow
def test_a_row_inserted_inside_the_table_is_read(tmp_path: Path) -> None:
    """Emulate Excel: insert a row in HASIL KERJA and, grouped, in every EVALUASI sheet; then fill it."""
    nama, form = form_unit()[3]  # RHK 1 has two IKI
    p = tmp_path / nama
    shutil.copy(CONTOH / nama, p)
    b = buka(p)
    names = dict(b.names())
    h0 = L.urai_rentang(names["TABEL_HASIL_KERJA"].ref)[0]
    sisipkan_baris(b, "SKP", h0 + 4)  # 1-based: between the two IKI rows of RHK 1
    for lembar in [s for s in b.sheet_names() if s.startswith("EVALUASI")]:
        kode = next(x.kode for x in R.nama.values() if x.lembar == lembar and x.nama.startswith("TABEL_EVALUASI"))
        e0 = L.urai_rentang(names[L.nama("TABEL_EVALUASI", kode)].ref)[0]
        sisipkan_baris(b, lembar, e0 + 4)
    baru = dict(b.names())
    assert L.urai_rentang(baru["TABEL_HASIL_KERJA"].ref)[2] == L.urai_rentang(names["TABEL_HASIL_KERJA"].ref)[2] + 1
    b.write_block("SKP", L.sel(h0 + 3, POS["aspek"]), [["Kualitas", "IKI yang disisipkan", 75, "%"]])
    e0 = L.urai_rentang(baru["TABEL_EVALUASI_TW1"].ref)[0]
    b.write_block("EVALUASI TRIWULAN I", L.sel(e0 + 3, POS_EV["realisasi"]), [[80, "bukti baru"]])
    b.save()
    harapan = form.model_copy(deep=True)
    harapan.rhk[0].iki.insert(
        1,
        IKI(aspek="Kualitas", teks="IKI yang disisipkan", target=Decimal(75), satuan="%",
            evaluasi={"TW1": EvaluasiIKI(realisasi=Decimal(80), bukti_dukung="bukti baru")}),
    )  # fmt: skip
    for buku in (buka(p), CalamineReader(p)):
        f = baca_form(buku)
        assert beda(tanpa_sel(f), tanpa_sel(harapan)) == []
        assert f.rhk[0].iki[1].sel["teks"] == f"SKP!{L.sel(h0 + 3, POS['iki'])}"
        assert f.rhk[0].iki[2].sel["realisasi:TW1"] == f"EVALUASI TRIWULAN I!{L.sel(e0 + 4, POS_EV['realisasi'])}"


def test_sel_addresses_point_at_the_cells() -> None:
    nama, _ = form_unit()[0]
    with CalamineReader(CONTOH / nama) as buku:
        f = baca_form(buku)
    assert f.pegawai.sel["nip"] == "SKP!C10" and f.penilai.sel["nama"] == "SKP!G9"
    assert f.sel["periode_awal"] == "SKP!G3" and f.sel["tabel_hasil_kerja"] == "SKP!" + R.nama["TABEL_HASIL_KERJA"].ref
    h0 = L.urai_rentang(R.nama["TABEL_HASIL_KERJA"].ref)[0]
    e0 = L.urai_rentang(R.nama["TABEL_EVALUASI_TW1"].ref)[0]
    iki = f.rhk[0].iki[0]
    assert iki.sel["teks"] == f"SKP!{L.sel(h0 + 2, POS['iki'])}"
    assert f.rhk[0].sel["teks"] == f"SKP!{L.sel(h0 + 2, POS['teks'])}"
    for kode in ("TW1", "TW2", "TW3", "TW4", "AKHIR"):
        for k in ("realisasi", "bukti_dukung", "umpan_balik", "kategori", "capaian", "kategori_iki", "kategori_rhk",
                  "penjelasan"):  # fmt: skip
            assert f"{k}:{kode}" in iki.sel
        assert f"kategori_rhk:{kode}" in f.rhk[0].sel
    assert iki.sel["capaian:TW1"] == f"EVALUASI TRIWULAN I!{L.sel(e0 + 2, POS_EV['capaian'])}"
    assert iki.evaluasi["TW1"].sel["realisasi"] == iki.sel["realisasi:TW1"]
    ep = f.evaluasi["AKHIR"].sel
    assert ep["rating_hasil_kerja"] == "EVALUASI AKHIR!" + R.nama["RATING_HASIL_KERJA"].ref
    assert ep["predikat"] == "EVALUASI AKHIR!" + R.nama["PREDIKAT"].ref
    assert ep["umpan_balik_perilaku:Akuntabel"].startswith("EVALUASI AKHIR!F")
    assert f.perilaku[0].sel["nilai_inti"].startswith("SKP!B")


# --------------------------------------------------------------------------- round trip (hypothesis)

_HURUF = string.ascii_letters + string.digits + " .,()/%-"
_TEKS = (
    st.text(alphabet=_HURUF, min_size=1, max_size=24)
    .map(str.strip)
    .filter(lambda s: bool(s) and L.jenis_penanda(s) is None and s[:1] not in "-•" and not s[:2].rstrip(".").isdigit())
)
_MUNGKIN = st.none() | _TEKS
_ANGKA = st.decimals(min_value=-(10**6), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
_ISIAN = st.none() | _ANGKA | _TEKS
_KODE = ("TW1", "TW2", "TW3", "TW4", "AKHIR")


@st.composite
def _evaluasi_iki(draw: st.DrawFn) -> EvaluasiIKI:
    e = EvaluasiIKI(realisasi=draw(_ISIAN), bukti_dukung=draw(_MUNGKIN), umpan_balik=draw(_MUNGKIN),
                    kategori=draw(_MUNGKIN))  # fmt: skip
    if all(v is None for v in (e.realisasi, e.bukti_dukung, e.umpan_balik, e.kategori)):
        e.realisasi = Decimal(1)
    return e


_IKI = st.builds(
    IKI,
    aspek=_MUNGKIN,
    teks=_TEKS,
    target=_ISIAN,
    satuan=_MUNGKIN,
    arah=_MUNGKIN,
    evaluasi=st.dictionaries(st.sampled_from(_KODE), _evaluasi_iki(), max_size=3),
)


@st.composite
def _form(draw: st.DrawFn) -> SkpForm:
    n = draw(st.integers(0, 6))
    teks_rhk = draw(st.lists(_TEKS, min_size=n, max_size=n, unique=True))
    rhk = [
        RHK(jenis=draw(st.sampled_from(("Utama", "Tambahan"))), teks=t, rhk_atasan=draw(_MUNGKIN),
            perspektif=draw(_MUNGKIN), iki=draw(st.lists(_IKI, max_size=3)))
        for t in teks_rhk
    ]  # fmt: skip
    rhk.sort(key=lambda r: r.jenis == "Tambahan")
    evaluasi: dict[str, EvaluasiPeriode] = {}
    for k in draw(st.sets(st.sampled_from(_KODE))):
        ep = EvaluasiPeriode(
            rating_hasil_kerja=draw(_MUNGKIN),
            rating_perilaku=draw(_MUNGKIN),
            predikat_organisasi=draw(_MUNGKIN),
            predikat_tertulis=draw(_MUNGKIN),
            catatan=draw(_MUNGKIN),
            umpan_balik_perilaku=draw(st.dictionaries(st.sampled_from([x.value for x in NilaiInti]), _TEKS)),
            rating_perilaku_per_nilai=draw(st.dictionaries(st.sampled_from([x.value for x in NilaiInti]), _TEKS)),
        )
        if ep.model_dump(exclude={"sel"}) != EvaluasiPeriode().model_dump(exclude={"sel"}):
            evaluasi[k] = ep
    return SkpForm(
        instansi=draw(_MUNGKIN),
        unit_kerja=draw(_MUNGKIN),
        periode_awal=draw(st.none() | st.dates(date(2000, 1, 1), date(2099, 12, 31)) | _TEKS),
        periode_akhir=draw(st.none() | st.dates(date(2000, 1, 1), date(2099, 12, 31))),
        periodisasi=draw(_MUNGKIN),
        jenis_jabatan=draw(_MUNGKIN),
        jenjang=draw(_MUNGKIN),
        pendekatan=draw(_MUNGKIN),
        pegawai=Identitas(nama=draw(_MUNGKIN), nip=draw(_MUNGKIN), pangkat=draw(_MUNGKIN)),
        penilai=Identitas(jabatan=draw(_MUNGKIN), unit_kerja=draw(_MUNGKIN)),
        rhk=rhk,
        perilaku=draw(
            st.lists(
                st.builds(
                    PerilakuKerja, nilai_inti=_TEKS, panduan=st.lists(_TEKS, max_size=3), ekspektasi_khusus=_MUNGKIN
                ),
                max_size=7,
            )
        ),
        lampiran=Lampiran(konsekuensi=draw(st.lists(_TEKS, max_size=5))),
        evaluasi=evaluasi,
        tempat_tanggal=draw(_MUNGKIN),
        template_id=L.TEMPLATE_ID,
        template_versi=L.TEMPLATE_VERSI,
    )


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_form())
def test_round_trip_through_memory_is_lossless(form: SkpForm) -> None:
    buku = buku_kosong()
    tulis_form(buku, form)
    f = baca_form(buku)
    assert beda(tanpa_sel(f), tanpa_sel(form)) == []
    tulis_form(buku, f)  # writing what was read changes nothing
    assert baca_form(buku) == f


@pytest.mark.slow
def test_round_trip_written_by_openpyxl(tmp_path: Path) -> None:
    """The committed examples are written by XlsxWriter; here openpyxl writes a few into the empty template."""
    unit = form_unit()
    for nama, form in (unit[0], unit[10], unit[11], unit[12]):
        b = buka(TEMPLATES / "SKP_2026.xlsx")  # an empty template, written through openpyxl this time
        tulis_form(b, form)
        p = tmp_path / nama
        b.save(p)
        for buku in (buka(p), CalamineReader(p)):
            assert beda(tanpa_sel(baca_form(buku)), tanpa_sel(form)) == [], nama


def test_writing_into_a_filled_workbook_replaces_everything(tmp_path: Path) -> None:
    (n1, f1), (_, f2) = form_unit()[0], form_unit()[13]
    p = tmp_path / n1
    shutil.copy(CONTOH / n1, p)
    b = buka(p)
    tulis_form(b, f2)
    b.save()
    assert beda(tanpa_sel(baca_form(CalamineReader(p))), tanpa_sel(f2)) == []
    kosong = SkpForm(template_id=L.TEMPLATE_ID, template_versi=L.TEMPLATE_VERSI)
    tulis_form(b, kosong)
    assert tanpa_sel(baca_form(b)) == tanpa_sel(kosong)
    assert f1 != f2


def test_write_errors_are_clear() -> None:
    terlalu = SkpForm(rhk=[RHK(jenis="Utama", teks="R", iki=[IKI(teks=f"I{i}") for i in range(31)])])
    with pytest.raises(InputTidakValid, match="baris"):
        tulis_form(buku_kosong(), terlalu)
    pas = SkpForm(rhk=[RHK(jenis="Utama", teks="R", iki=[IKI(teks=f"I{i}") for i in range(29)]),
                       RHK(jenis="Tambahan", teks="T", iki=[IKI(teks="x")])])  # fmt: skip
    b = buku_kosong()
    tulis_form(b, pas)  # the B. TAMBAHAN marker moves down to make room
    assert [len(r.iki) for r in baca_form(b).rhk] == [29, 1]
    tw = SkpForm(evaluasi={"TW1": EvaluasiPeriode(catatan="x")})
    with pytest.raises(InputTidakValid, match="TW1"):
        tulis_form(buku_kosong(Periodisasi.SEMESTERAN), tw)
    with pytest.raises(InputTidakValid, match="Nilai inti"):
        tulis_form(buku_kosong(), SkpForm(evaluasi={"AKHIR": EvaluasiPeriode(umpan_balik_perilaku={"Jujur": "x"})}))
    with pytest.raises(InputTidakValid, match="Lampiran"):
        tulis_form(buku_kosong(), SkpForm(lampiran=Lampiran(konsekuensi=[str(i) for i in range(9)])))


def test_a_workbook_that_is_not_an_skpxl_form(tmp_path: Path) -> None:
    p = tmp_path / "lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "SKP buatan sendiri"
    wb.save(p)
    for buku in (buka(p), CalamineReader(p)):
        with pytest.raises(BerkasTidakTerbaca, match="TABEL_HASIL_KERJA"):
            baca_form(buku)
