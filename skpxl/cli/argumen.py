"""argparse in Indonesian: headings, help and version texts, every parse error, and did-you-mean.

argparse's own words (``usage:``, ``options``, ``invalid choice`` …) come from gettext with no
Indonesian catalogue, so :class:`Parser` sets its headings itself and rewrites the error
messages it receives; choices (sub-commands, ``--engine``) and unknown options get a
suggestion from :mod:`difflib`. Every parse error ends with exit code 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

KELUAR_INPUT = 2

_JENIS = {"int": "bilangan bulat", "float": "bilangan", "Path": "path"}

# argparse's English error texts (3.11–3.13) → Indonesian; applied in order, the first match wins.
_TERJEMAHAN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pola), ganti)
    for pola, ganti in (
        (r"^the following arguments are required: (.*)$", r"argumen wajib belum diisi: \1"),
        (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
        (r"^expected one argument$", "opsi ini butuh satu nilai"),
        (r"^expected at most one argument$", "opsi ini menerima paling banyak satu nilai"),
        (r"^expected at least one argument$", "opsi ini butuh paling sedikit satu nilai"),
        (r"^expected (\d+) arguments?$", r"opsi ini butuh \1 nilai"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"opsi \1 ambigu, bisa berarti: \2"),
        (r"^not allowed with argument (.*)$", r"tidak boleh dipakai bersama \1"),
        (r"^one of the arguments (.*) is required$", r"salah satu dari \1 wajib diisi"),
        (r"^ignored explicit argument (.*)$", r"opsi ini tidak menerima nilai (\1)"),
        (r"^invalid choice: '?(.*?)'? \(choose from (.*)\)$", r"pilihan '\1' tidak dikenal (pilih dari \2)"),
    )
)
_ARGUMEN = re.compile(r"^argument (\S+?): (.*)$", re.S)
_NILAI_SALAH = re.compile(r"^invalid (\w+) value: (.*)$")


def terjemahkan(pesan: str) -> str:
    """One argparse error message in Indonesian (unknown messages pass through unchanged)."""
    m = _ARGUMEN.match(pesan)
    if m:
        return f"argumen {m.group(1)}: {terjemahkan(m.group(2))}"
    m = _NILAI_SALAH.match(pesan)
    if m:
        return f"nilai {m.group(2)} bukan {_JENIS.get(m.group(1), m.group(1))}"
    for pola, ganti in _TERJEMAHAN:
        if pola.match(pesan):
            return pola.sub(ganti, pesan)
    return pesan


def saran(kata: str, pilihan: Iterable[str]) -> str:
    """`` Mungkin maksud Anda 'hitung'?`` for a near miss, else an empty string."""
    import difflib  # only when something went wrong: keeps ``skpxl --help`` light

    mirip = difflib.get_close_matches(kata, list(pilihan), n=1, cutoff=0.6)
    return f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""


class Formatter(argparse.HelpFormatter):
    """Help text with an Indonesian usage heading; descriptions keep their own capitalisation."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks Indonesian and exits with 2 on any unusable argument."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="tampilkan bantuan ini lalu keluar"
            )

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # Sub-commands and fixed choices: an Indonesian sentence with the closest choice.
        if action.choices is not None and value not in action.choices:
            pilihan = [str(c) for c in action.choices]
            jenis = "perintah" if isinstance(action, argparse._SubParsersAction) else "pilihan"
            raise argparse.ArgumentError(
                None if jenis == "perintah" else action,
                f"{jenis} '{value}' tidak dikenal (pilih dari {', '.join(pilihan)}).{saran(str(value), pilihan)}",
            )

    def _semua_opsi(self) -> list[str]:
        opsi = list(self._option_string_actions)
        for aksi in self._actions:
            if isinstance(aksi, argparse._SubParsersAction):
                for sub in aksi.choices.values():
                    opsi += list(sub._option_string_actions)
        return opsi

    def error(self, message: str) -> NoReturn:
        pesan = terjemahkan(message)
        if message.startswith("unrecognized arguments: "):
            tak_dikenal = message.removeprefix("unrecognized arguments: ").split()
            opsi = next((a for a in tak_dikenal if a.startswith("-")), None)
            if opsi is not None:
                pesan += "." + saran(opsi.split("=", 1)[0], self._semua_opsi())
        self.print_usage(sys.stderr)
        akhir = "" if pesan.endswith((".", "?")) else "."
        self.exit(KELUAR_INPUT, f"{self.prog}: {pesan}{akhir}\nBantuan: {self.prog} --help\n")


def buat_subparsers(parser: Parser, **kwargs: Any) -> Any:
    """Sub-commands under an Indonesian heading, each parser a :class:`Parser`."""
    return parser.add_subparsers(title="perintah", parser_class=Parser, **kwargs)


def kalimat(teks: str) -> str:
    """A help line as a description sentence: first letter upper-cased, the rest untouched (``SKP`` stays)."""
    return teks[:1].upper() + teks[1:] + ("" if teks.endswith(".") else ".")
