"""Rule pack ``permenpanrb-6-2022``: PP 30/2019 + PermenPANRB 6/2022 (spec §3–§6)."""

from skpxl.core.packs import InfoPaket

INFO = InfoPaket(
    id="permenpanrb-6-2022",
    versi="1.0.0",
    judul="SKP PermenPANRB 6/2022 (predikat dari rating hasil kerja dan rating perilaku)",
    dasar_hukum="PP 30/2019; PermenPANRB 6/2022; PermenPANRB 1/2023 dan PerBKN 3/2023 (angka kredit)",
)
