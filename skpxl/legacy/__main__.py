"""``python -m skpxl.legacy [--periksa] [FOLDER]``: rebuild the legacy templates and filled examples.

With ``--periksa`` nothing is written: exit 1 when a committed file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from skpxl.legacy.template import FOLDER_TEMPLATE, berkas_target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m skpxl.legacy", description="Bangun ulang template SKP lama.")
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER_TEMPLATE, help="folder tujuan")
    parser.add_argument("--periksa", action="store_true", help="hanya periksa apakah berkas sama dengan hasil bangun")
    args = parser.parse_args(argv)
    mulai = time.perf_counter()
    target = berkas_target(args.folder)
    lama = time.perf_counter() - mulai
    beda = [p for p, isi in target.items() if not p.exists() or p.read_bytes() != isi]
    if args.periksa:
        for p in beda:
            print(f"berbeda dari hasil bangun: {p}")
        print(f"{len(target) - len(beda)}/{len(target)} berkas sama ({lama * 1000:.0f} ms).")
        return 1 if beda else 0
    args.folder.mkdir(parents=True, exist_ok=True)
    for p, isi in target.items():
        p.write_bytes(isi)
        print(f"{'ditulis' if p in beda else 'tidak berubah'}: {p} ({len(isi):,} byte)")
    print(f"{len(target)} berkas dibangun dalam {lama * 1000:.0f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
