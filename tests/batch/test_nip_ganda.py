"""Issue 18 (NIP part, owned by issue 15): an NIP written in full-width or Arabic-Indic digits does not
escape the batch's duplicate-NIP check."""

from __future__ import annotations

from dataclasses import replace

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
    assert [t[5] for t in ganda] == [
        f"NIP {ASCII} tercatat di dua berkas untuk periode yang sama: a.xlsx dan b.xlsx.",
        f"NIP {ASCII} tercatat di dua berkas untuk periode yang sama: a.xlsx dan c.xlsx.",
    ]
