"""Issue 18 (NIP part, owned by issue 15): an NIP written in full-width or Arabic-Indic digits does not
escape the batch's duplicate-NIP check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from skpxl.batch.agregat import Agregat
from skpxl.batch.langkah import BarisPegawai, HasilBerkas, _nip

ASCII = "199203152019031002"
LEBAR = "１９９２０３１５２０１９０３１００２"  # full-width
ARAB = "١٩٩٢٠٣١٥٢٠١٩٠٣١٠٠٢"  # Arabic-Indic


@pytest.mark.parametrize("nip", [LEBAR, ARAB, f" {ASCII[:8]} {ASCII[8:14]} {ASCII[14]} {ASCII[15:]}", f"'{ASCII}"])
def test_the_batch_key_is_the_ascii_nip(nip: str) -> None:
    assert _nip(nip) == ASCII


def _hasil(berkas: str, nip: str) -> HasilBerkas:
    nol = BarisPegawai(nip=None, nama="Pegawai Sintetis", jabatan=None, jenis_jabatan=None, jenjang=None,
                       pangkat=None, unit_kerja="Unit Uji", nip_penilai=None, nama_penilai=None, periode="AKHIR",
                       periode_awal=None, rating_hasil_kerja=None, rating_hasil_kerja_usulan=None,
                       rating_perilaku=None, predikat="Baik", angka_kredit=None, predikat_organisasi=None,
                       jumlah_kesalahan=0, jumlah_peringatan=0, jumlah_info=0)  # fmt: skip
    return HasilBerkas(berkas, replace(nol, nip=_nip(nip)))


def test_duplicate_nip_in_full_width_digits_is_caught_by_the_batch() -> None:
    ag = Agregat()
    ag.tambah(_hasil("a.xlsx", ASCII))
    ag.tambah(_hasil("b.xlsx", LEBAR))
    ag.tambah(_hasil("c.xlsx", ARAB))
    ganda = [t for _, t in ag.temuan_batch if t[0] == "NIP_GANDA"]
    sekali = "dihitung sekali, dari berkas yang terakhir diubah (a.xlsx)."  # equal dates: the first file read stays
    assert [t[5] for t in ganda] == [
        f"NIP {ASCII} tercatat di dua berkas untuk periode yang sama: a.xlsx dan b.xlsx; {sekali}",
        f"NIP {ASCII} tercatat di dua berkas untuk periode yang sama: a.xlsx dan c.xlsx; {sekali}",
    ]
    assert ag.jumlah_pegawai == 1


@pytest.mark.slow
def test_recap_stamps_kurva_options_and_reports_small_units(tmp_path: Path) -> None:
    import openpyxl

    from skpxl.batch.jalan import rekap_folder
    from skpxl.core.config import Konfigurasi

    contoh = Path(__file__).resolve().parents[2] / "workbook_templates" / "contoh"
    out = tmp_path / "rekap.xlsx"
    hasil = rekap_folder(contoh, out, konfigurasi=Konfigurasi(kurva_minimal_pegawai=100))
    assert hasil.agregat.pelanggaran_kurva == 0
    teks = [c for row in openpyxl.load_workbook(out)["Ringkasan"].iter_rows(values_only=True) for c in row if c]
    assert "permenpanrb-6-2022 v1.0.0 · opsi: kurva_minimal_pegawai=100 (kebijakan instansi)" in teks
    tidak = [t for t in teks if isinstance(t, str) and t.startswith("Kurva distribusi tidak dapat dinilai")]
    assert tidak and all("kurang dari 100 pegawai (batas kebijakan instansi)" in t for t in tidak)
    bawaan = rekap_folder(contoh, tmp_path / "rekap2.xlsx")  # default: judged, plain stamp
    teks2 = [c for row in openpyxl.load_workbook(tmp_path / "rekap2.xlsx")["Ringkasan"].iter_rows(values_only=True)
             for c in row if c]  # fmt: skip
    assert "permenpanrb-6-2022 v1.0.0" in teks2
    assert not any(isinstance(t, str) and "tidak dapat dinilai" in t for t in teks2)
    assert bawaan.agregat.unit.keys() == hasil.agregat.unit.keys()


def test_recap_refuses_options_it_would_not_apply(tmp_path: Path) -> None:
    from skpxl.batch.jalan import rekap_folder
    from skpxl.core.config import Konfigurasi
    from skpxl.core.errors import InputTidakValid

    with pytest.raises(InputTidakValid) as info:
        rekap_folder(tmp_path, None, konfigurasi=Konfigurasi(agregasi_rhk="mayoritas", kurva_minimal_pegawai=3))
    assert str(info.value) == (
        "Rekap hanya memakai opsi kurva (kurva_minimal_pegawai, kurva_pembulatan) dan opsi pejabat penilai "
        "(penilai_min_pegawai, penilai_porsi_naik) dari Konfigurasi; opsi agregasi_rhk belum diteruskan ke perhitungan "
        "tiap berkas."
    )
