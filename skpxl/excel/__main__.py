"""``python -m skpxl.excel [AKAR]``: rebuild addin/skpxl.xlam and workbook_templates/SKP_2026.xlsm."""

from __future__ import annotations

import sys

from skpxl.excel.artefak import AKAR, bangun_semua


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for p in bangun_semua(args[0] if args else AKAR):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
