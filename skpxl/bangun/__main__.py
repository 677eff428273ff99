"""``python -m skpxl.bangun [ROOT]``: rebuild the templates, the example unit and docs/layout.md."""

from __future__ import annotations

import sys
import time

from skpxl.bangun.semua import build_all


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    mulai = time.perf_counter()
    for p in build_all(args[0] if args else "."):
        print(p)
    print(f"selesai dalam {time.perf_counter() - mulai:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
