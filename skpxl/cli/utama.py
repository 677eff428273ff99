"""Command line: ``skpxl <perintah>``. Messages in Indonesian; exit codes 0 / 1 / 2.

0 = clean, 1 = findings with errors (or kurva violations), 2 = unusable input (also any unusable
argument, and a bare ``skpxl``, which prints the help). Subcommands live in their own modules and
are imported only when chosen, so ``skpxl --help`` stays fast. Output goes through
:func:`skpxl.cli.konsol.konsol_aman`: a cp1252 console or a reader that closes early never turns
into a traceback or another exit code.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence

from skpxl.cli.argumen import Parser, buat_subparsers
from skpxl.cli.konsol import konsol_aman
from skpxl.core.versi import __version__

KELUAR_BERSIH, KELUAR_TEMUAN, KELUAR_INPUT = 0, 1, 2

Perintah = Callable[[argparse.Namespace], int]


def buat_parser() -> Parser:
    p = Parser(
        prog="skpxl",
        description="Validasi dan hitung SKP (PermenPANRB 6/2022) pada formulir Excel, serta rekap unit kerja.",
        epilog="Kode keluar: 0 bersih, 1 ada temuan Kesalahan (atau kurva dilanggar), 2 masukan tidak dapat dipakai. "
        "Bantuan tiap perintah: skpxl PERINTAH --help",
    )
    p.add_argument("--version", action="version", version=f"skpxl {__version__}", help="tampilkan versi lalu keluar")
    sub = buat_subparsers(p, dest="perintah", metavar="PERINTAH")
    from skpxl.cli import berkas as cli_berkas  # light: its heavy imports happen inside the command

    cli_berkas.daftar(sub)
    from skpxl.cli import rekap as rekap_cli

    rekap_cli.daftar(sub)
    from skpxl.cli import templat

    templat.daftar(sub)
    from skpxl.excel import pasang  # light: imports neither xlwings nor openpyxl

    pasang.daftar(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    kode = _main(argv)
    if argv is None:
        # The command line (``skpxl …``): the process ends now. What it holds goes out of the cyclic collector,
        # so exiting skips one last collection over it all (≈40 ms of one core after a 2,000-file recap); every
        # object is still freed and every exit handler still runs. Callers passing ``argv`` keep their collector.
        gc.freeze()
    return kode


def _main(argv: Sequence[str] | None) -> int:
    with konsol_aman():
        parser = buat_parser()
        args = parser.parse_args(argv)
        fungsi: Perintah | None = getattr(args, "fungsi", None)
        if fungsi is None:  # a bare ``skpxl``: show what it can do, but it did nothing
            parser.print_help(sys.stderr)
            return KELUAR_INPUT
        from skpxl.batch.pekerja import tangkap_sinyal
        from skpxl.core.errors import Dihentikan

        try:
            with tangkap_sinyal():
                return fungsi(args)
        except (Dihentikan, KeyboardInterrupt) as e:
            # Every write goes through a temp file and os.replace, and the finally blocks on the way here
            # stopped the workers and removed the temp files: nothing is left half-written.
            kode = e.kode if isinstance(e, Dihentikan) else 130
            sebab = {130: "Ctrl+C", 143: "sinyal SIGTERM", 129: "terminal ditutup"}.get(kode, f"sinyal {kode - 128}")
            print(
                f"skpxl: dihentikan ({sebab}); tidak ada berkas yang tertulis setengah jadi dan berkas sementara "
                "sudah dihapus.",
                file=sys.stderr,
            )
            return kode
