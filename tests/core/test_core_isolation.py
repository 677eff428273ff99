"""The core and the public API never import Excel/data-frame libraries (design.md)."""

import subprocess
import sys

FORBIDDEN = ("xlwings", "openpyxl", "pandas", "python_calamine", "numpy", "xlsxwriter")


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return {m.split(".")[0] for m in out.split()}


def test_core_is_pure() -> None:
    mods = _imported_after(
        "import skpxl, skpxl.core.models, skpxl.core.packs.permenpanrb_6_2022.kurva, "
        "skpxl.core.packs.permenpanrb_6_2022.rating, skpxl.core.nip, skpxl.core.pangkat; "
        "import skpxl.core.packs as p; p.daftar_paket()"
    )
    assert not mods & set(FORBIDDEN), mods & set(FORBIDDEN)


def test_cli_help_is_light() -> None:
    mods = _imported_after("import skpxl.cli.utama")
    assert not mods & set(FORBIDDEN)
