"""``python -m skpxl.bangun [ROOT]``: rebuild every committed artifact (see :mod:`skpxl.bangun.semua`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from skpxl.bangun.semua import build_all


def main(argv: list[str] | None = None) -> int:
    # A developer's tool; it still parses its arguments, so "--help" is help and not a folder named "--help".
    parser = argparse.ArgumentParser(
        prog="python -m skpxl.bangun",
        description="Bangun ulang semua artefak skpxl (formulir, contoh, add-in, docs) di dalam ROOT.",
    )
    parser.add_argument("root", metavar="ROOT", nargs="?", type=Path, default=Path("."), help="akar repositori")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"ROOT '{args.root}' bukan folder")
    mulai = time.perf_counter()
    for p in build_all(args.root):
        print(p)
    print(f"selesai dalam {time.perf_counter() - mulai:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
