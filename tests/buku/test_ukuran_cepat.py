"""The row-height shortcuts of the recap (issue 16) give exactly the heights the plain computation gives.

The plain computation is restated here as it was: a Python sum per character, a regex split of every word, no
memory of earlier texts. Heights are compared with ``==`` (floats, not approximately): a recap row must keep the
very height it had.
"""

from __future__ import annotations

import math
import re

from hypothesis import given
from hypothesis import strategies as st

from skpxl.batch import tulis
from skpxl.buku import ukuran
from skpxl.buku.ukuran import TINGGI_BAKU, baris_teks, lebar_teks_px, px_kolom, tinggi_baris, tinggi_baris_px

_PECAH = re.compile(r"(?<=[/-])")


def _lebar_polos(teks: str, pt: float = 10, tebal: bool = False) -> float:
    if tebal:
        em = sum(ukuran._LEBAR_TEBAL.get(ch) or ukuran._LEBAR.get(ch, 556) * ukuran._TEBAL for ch in teks) / 1000
    else:
        em = sum(ukuran._LEBAR.get(ch, 556) for ch in teks) / 1000
    return em * pt * 96 / 72 * ukuran._CADANGAN


def _baris_polos(teks: str, lebar_px: float, pt: float = 10, tebal: bool = False) -> int:
    ruang = max(lebar_px - 6, 1.0)
    spasi = _lebar_polos(" ", pt, tebal)
    n = 0
    for paragraf in str(teks).split("\n"):
        n += 1
        isi = 0.0
        for kata in paragraf.split():
            for j, potong in enumerate(_PECAH.split(kata)):
                if not potong:
                    continue
                w = _lebar_polos(potong, pt, tebal)
                jarak = spasi if j == 0 else 0.0
                if isi and isi + jarak + w <= ruang:
                    isi += jarak + w
                    continue
                if isi:
                    n += 1
                while w > ruang:
                    n += 1
                    w -= ruang
                isi = w
    return max(n, 1)


def _tinggi_polos(teks: str, lebar: float | tuple[float, ...], pt: float = 10, tebal: bool = False) -> float:
    kolom = [lebar] if isinstance(lebar, int | float) else list(lebar)
    n = _baris_polos(teks, sum(px_kolom(w) for w in kolom), pt, tebal)
    if n == 1:
        return max(TINGGI_BAKU, math.ceil(pt * 1.275 * 4) / 4)
    return max(TINGGI_BAKU, math.ceil((n * pt * 1.15 + 3) * 4) / 4)


TEKS = st.text(alphabet=st.sampled_from("aiu AIU mwMW il1 @—…–×’\n/-_.,éü漢\u00a0"), max_size=120) | st.sampled_from(
    [
        "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        "https://contoh.go.id/a/b/c-d-e",
        "rhk1-iki2-rhk3-iki4-rhk5",
        "x" * 300,
        "Realisasi Triwulan I belum diisi untuk IKI 'Jumlah dokumen' (SKP!G23).",
    ]
)
LEBAR = st.sampled_from([6, 9, 11.0, 20, 62, 110, 0.5, (24, 11, 11, 11, 11), (20.0, 20)])


@given(TEKS, LEBAR, st.sampled_from([10, 10.0, 8, 14]), st.booleans())
def test_height_equals_the_plain_computation(
    teks: str, lebar: float | tuple[float, ...], pt: float, tebal: bool
) -> None:
    harapan = _tinggi_polos(teks, lebar, pt, tebal)
    assert tinggi_baris(teks, lebar, pt, tebal) == harapan
    assert tinggi_baris(teks, lebar, pt, tebal) == harapan  # the second time from the memory
    assert lebar_teks_px(teks, pt, tebal) == _lebar_polos(teks, pt, tebal)
    assert baris_teks(teks, 137.0, pt, tebal) == _baris_polos(teks, 137.0, pt, tebal)


def test_remembered_height_is_per_width_and_font() -> None:
    teks = "Penata Muda Tingkat I (III/b) Analis Kebijakan Ahli Muda"
    tinggi = {(w, pt, b): tinggi_baris(teks, w, pt, b) for w in (9, 20, 62) for pt in (8, 10) for b in (False, True)}
    for (w, pt, b), h in tinggi.items():
        assert h == _tinggi_polos(teks, w, pt, b)
    assert len(set(tinggi.values())) > 3  # the keys do part: a height of one width is not served for another


def test_long_text_is_measured_but_not_remembered() -> None:
    panjang = "kata " * (ukuran._TEKS_CACHE // 5 + 1)
    sebelum = ukuran._tinggi_px_cache.cache_info().currsize
    assert tinggi_baris(panjang, 20) == _tinggi_polos(panjang, 20)
    assert ukuran._tinggi_px_cache.cache_info().currsize == sebelum


def test_recap_columns_in_pixels() -> None:
    for lebar in (tulis.LEBAR_PEGAWAI, tulis.LEBAR_TEMUAN, tulis.LEBAR_PENILAI, tulis.LEBAR_PENGEMBANGAN):
        px = tulis._px_kolom(lebar)
        assert px == tuple(px_kolom(w) for w in lebar)
        for c, w in enumerate(lebar):
            assert tinggi_baris_px("Butuh Perbaikan dan pengembangan kompetensi", px[c]) == _tinggi_polos(
                "Butuh Perbaikan dan pengembangan kompetensi", w
            )
