"""Every VBA module that ships parses as VBA, under each platform Excel compiles it for.

Excel cannot run here, so a typo in ``addin/vba/*.bas`` or in skpxl's edits of xlwings' module would only show up
on a user's PC ("Compile error"). The modules are read from the built artifacts with oletools (what ships), the
conditional compilation (``#If Mac``/``VBA7``/``Win64``/``App``) is resolved (balanced for Windows 64/32-bit and
macOS; parsed for Windows 64-bit), and the result is parsed with the ANTLR VBA grammar of ``antlr4-vba`` (an
independent parser, not skpxl's).
A syntax check, not a compiler: names and types are checked by ``Debug → Compile`` on the manual checklist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from antlr4 import CommonTokenStream, InputStream  # type: ignore[import-untyped]
from antlr4.error.ErrorListener import ErrorListener  # type: ignore[import-untyped]
from antlr4_vba.vbaLexer import vbaLexer  # type: ignore[import-untyped]
from antlr4_vba.vbaParser import vbaParser  # type: ignore[import-untyped]
from oletools.olevba import VBA_Parser

from skpxl.excel.artefak import BERKAS_ADDIN, BERKAS_TEMPLAT
from skpxl.excel.modul_xlwings import prosedur as potong_prosedur

AKAR = Path(__file__).resolve().parents[2]

PLATFORM: dict[str, dict[str, object]] = {
    "win64": {"App": "Microsoft Excel", "VBA7": True, "Win64": True, "Mac": False, "MAC_OFFICE_VERSION": 0},
    "win32": {"App": "Microsoft Excel", "VBA7": True, "Win64": False, "Mac": False, "MAC_OFFICE_VERSION": 0},
    "mac": {"App": "Microsoft Excel", "VBA7": True, "Win64": False, "Mac": True, "MAC_OFFICE_VERSION": 16},
}
_ARAHAN = re.compile(r"^\s*#(If|ElseIf|Else|End If|Const)\b(.*?)(?:\bThen)?\s*(?:'.*)?$", re.IGNORECASE)


def _syarat(teks: str, env: dict[str, object]) -> bool:
    """A ``#If`` condition of the forms used in these modules (names, =, <>, >=, Not, And, Or, string literals)."""
    py = re.sub(r"(?<![<>])=", "==", teks.replace("<>", "!="))
    py = re.sub(r"\bNot\b", "not", re.sub(r"\bAnd\b", "and", re.sub(r"\bOr\b", "or", py)))
    nama = {n: env.get(n, 0) for n in re.findall(r"\b[A-Za-z_]\w*\b", py) if n not in ("not", "and", "or")}
    return bool(eval(py, {"__builtins__": {}}, nama))  # our own module text, names only: no builtins


def praproses(kode: str, env: dict[str, object]) -> str:
    """Resolve conditional compilation; dropped lines become blank so parser line numbers stay the source's."""
    keluar: list[str] = []
    tumpukan: list[tuple[bool, bool]] = []  # (this branch active, some branch of this #If already taken)
    for baris in kode.split("\n"):
        m = _ARAHAN.match(baris)
        aktif = all(a for a, _ in tumpukan)
        if m is None:
            keluar.append(baris if aktif else "")
            continue
        kata, sisa = m.group(1).lower(), m.group(2).strip()
        if kata == "if":
            nilai = _syarat(sisa, env)
            tumpukan.append((nilai, nilai))
        elif kata == "elseif":
            _, diambil = tumpukan.pop()
            nilai = not diambil and _syarat(sisa, env)
            tumpukan.append((nilai, diambil or nilai))
        elif kata == "else":
            _, diambil = tumpukan.pop()
            tumpukan.append((not diambil, True))
        elif kata == "end if":
            tumpukan.pop()
        keluar.append("")
    assert not tumpukan, "unbalanced #If"
    return "\n".join(keluar)


class _Galat(ErrorListener):  # type: ignore[misc]
    def __init__(self) -> None:
        self.galat: list[str] = []

    def syntaxError(self, recognizer: object, symbol: object, line: int, column: int, msg: str, e: object) -> None:
        self.galat.append(f"{line}:{column} {msg[:160]}")


def galat_sintaks(kode: str) -> list[str]:
    galat = _Galat()
    lexer = vbaLexer(InputStream(kode.replace("\r\n", "\n").replace("\n", "\r\n")))
    lexer.removeErrorListeners()
    lexer.addErrorListener(galat)
    parser = vbaParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(galat)
    parser.startRule()
    return galat.galat


def _modul(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {s.split("/")[-1]: kode.replace("\r\n", "\n") for _, s, _, kode in parser.extract_macros()}
    finally:
        parser.close()


# What skpxl wrote: its own modules whole, and the procedures it changed in xlwings' module (the rest of that module
# is the wheel's, which Excel users compile every day). The ANTLR Python runtime needs about 0.2 s per line, so the
# rest of xlwings' module and the macOS branches (three trivial lines in SKPPeriksa.PythonSiap, the same edits in
# RunPython) are not parsed; the template's SKPPeriksa is the add-in's text (test_addin_aman).
KASUS = [
    (BERKAS_ADDIN, "SKPRibbon", None),
    (BERKAS_ADDIN, "SKPPeriksa", None),
    (BERKAS_TEMPLAT, "SKP", None),
    (BERKAS_ADDIN, "xlwings", "GetConfig"),
    (BERKAS_ADDIN, "xlwings", "RunPython"),
    (BERKAS_ADDIN, "xlwings", "XLPyCommand"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("rel", "nama", "prosedur"), KASUS, ids=[f"{n}{'.' + p if p else ''}" for _, n, p in KASUS])
def test_vba_tulisan_skpxl_lolos_pengurai(rel: str, nama: str, prosedur: str | None) -> None:
    kode = _modul(AKAR / rel)[nama]
    if prosedur is not None:
        kode = 'Attribute VB_Name = "X"\n' + potong_prosedur(kode, prosedur)
    assert galat_sintaks(praproses(kode, PLATFORM["win64"])) == []


@pytest.mark.parametrize("rel", [BERKAS_ADDIN, BERKAS_TEMPLAT])
def test_kompilasi_bersyarat_seimbang_di_setiap_platform(rel: str) -> None:
    for nama, kode in _modul(AKAR / rel).items():
        for env in PLATFORM.values():
            praproses(kode, env)  # raises on an unbalanced #If
        assert nama


def test_pengurai_menangkap_kesalahan_ketik() -> None:
    # the check can fail: an If without End If, a dangling "&", a call left open, an unbalanced #If
    kepala = 'Attribute VB_Name = "X"\nOption Explicit\n'
    assert galat_sintaks(kepala + 'Sub A()\n    If 1 = 1 Then\n        MsgBox "x"\nEnd Sub\n')
    assert galat_sintaks(kepala + 'Sub A()\n    MsgBox "x" &\nEnd Sub\n')
    assert galat_sintaks(kepala + "Sub A()\n    x = Foo(1,\nEnd Sub\n")
    with pytest.raises(AssertionError, match="unbalanced"):
        praproses("#If Mac Then\nx = 1\n", PLATFORM["win64"])
    kode = kepala + '#If Mac Then\nSub A(b As Long)\n#Else\nSub A(b As LongPtr)\n#End If\n    MsgBox "x"\nEnd Sub\n'
    assert galat_sintaks(praproses(kode, PLATFORM["mac"])) == [] and galat_sintaks(kode)
