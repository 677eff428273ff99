"""Hypothesis strategies shared by the fuzz tests: text the way people type it into a form."""

from hypothesis import strategies as st

# Text the way people type numbers, dates, NIPs and ratings into a form: digits, separators, units, words, formulas.
KEPING = st.sampled_from(
    ["1", "25", "0", "1.250", ",5", ".", ",", "%", " persen", " bulan", "-", "+", "=", "@", "e5", "1e400", "Rp",
     "s.d.", "–", "/", "31", "12", "2026", " Desember ", "Di Atas", "ekspektasi", "#REF!", "#DIV/0!", " ", "\t",
     "\u00a0", "٣", "½", "∞", "NaN", "'", "19920315", "201903", "2", "001"]
)  # fmt: skip
TEKS_ORANG = st.one_of(st.text(max_size=40), st.lists(KEPING, max_size=8).map("".join))
