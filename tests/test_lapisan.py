"""The package's rooms and their order: no module imports a module of a higher layer, rooms of one layer do not
import each other, and there is no import circle. Every import counts, including those inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
PAKET = AKAR / "skpxl"

# Lowest first. A module may import its own room and any room of a lower layer, nothing else.
LAPISAN: list[set[str]] = [
    {"skpxl.core"},  # pure rules: models, packs, validation, calculation
    {"skpxl.buku"},  # the workbook: layout, reading, rendering, adapters, builder, pre-read checks, file writes
    {"skpxl.layanan"},  # the one service and its reports
    {"skpxl.batch", "skpxl.excel", "skpxl.legacy"},  # ways in: HR batch, Excel buttons/add-in, the old packs' forms
    {"skpxl.cli", "skpxl.bangun"},  # the command line; the one build of every artifact
    {"skpxl"},  # the package's public face: __init__, __main__, the xl name VBA calls
]


def _nama_modul(path: Path) -> str:
    bagian = path.relative_to(AKAR).with_suffix("").parts
    return ".".join(bagian[:-1] if bagian[-1] == "__init__" else bagian)


def _ruang(modul: str) -> str:
    bagian = modul.split(".")
    return ".".join(bagian[:2]) if len(bagian) > 2 or (len(bagian) == 2 and (PAKET / bagian[1]).is_dir()) else "skpxl"


def _tingkat(ruang: str) -> int:
    return next(i for i, rooms in enumerate(LAPISAN) if ruang in rooms)


def _impor(path: Path) -> set[str]:
    """Every skpxl module ``path`` imports (absolute or relative, top level or inside a function)."""
    modul = _nama_modul(path)
    paket = modul if path.name == "__init__.py" else modul.rsplit(".", 1)[0]
    hasil: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            hasil.update(a.name for a in node.names if a.name.split(".")[0] == "skpxl")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                dasar = paket.split(".")[: len(paket.split(".")) - node.level + 1]
                nama = ".".join([*dasar, node.module] if node.module else dasar)
            else:
                nama = node.module or ""
            if nama.split(".")[0] != "skpxl":
                continue
            for a in node.names:  # "from skpxl.buku import layout" imports the module skpxl.buku.layout
                sub = f"{nama}.{a.name}"
                ada = (PAKET.parent / sub.replace(".", "/")).with_suffix(".py").exists()
                hasil.add(sub if ada or (PAKET.parent / sub.replace(".", "/")).is_dir() else nama)
    return hasil


MODUL = {_nama_modul(p): p for p in sorted(PAKET.rglob("*.py"))}
GRAF = {m: {i for i in _impor(p) if i in MODUL or i.rsplit(".", 1)[0] in MODUL} for m, p in MODUL.items()}


def test_every_room_has_a_layer() -> None:
    ruang = {_ruang(m) for m in MODUL}
    tanpa = sorted(r for r in ruang if not any(r in rooms for rooms in LAPISAN))
    assert not tanpa, f"rooms with no layer in LAPISAN: {tanpa}"


def test_no_module_imports_upward_or_sideways() -> None:
    salah = []
    for m, impor in GRAF.items():
        ruang = _ruang(m)
        for i in impor:
            ruang_i = _ruang(i)
            if ruang_i == ruang:
                continue
            if (_tingkat(ruang_i) >= _tingkat(ruang) and ruang != "skpxl") or (ruang_i == "skpxl" and ruang != "skpxl"):
                salah.append(f"{m} → {i}")
    assert not salah, "imports against the layer order:\n" + "\n".join(sorted(salah))


def test_no_import_circle() -> None:
    graf = {m: {i if i in MODUL else i.rsplit(".", 1)[0] for i in impor} - {m} for m, impor in GRAF.items()}
    # a package imports its own submodules through re-exports; that is not a circle of responsibility
    graf = {m: {i for i in impor if not i.startswith(m + ".")} for m, impor in graf.items()}
    warna: dict[str, int] = {}
    jalur: list[str] = []

    def kunjungi(m: str) -> list[str] | None:
        warna[m] = 1
        jalur.append(m)
        for i in sorted(graf.get(m, ())):
            if warna.get(i) == 1:
                return [*jalur[jalur.index(i) :], i]
            if i not in warna and (lingkar := kunjungi(i)):
                return lingkar
        warna[m] = 2
        jalur.pop()
        return None

    for m in sorted(graf):
        if m not in warna:
            lingkar = kunjungi(m)
            assert lingkar is None, "import circle: " + " → ".join(lingkar)


def test_every_test_file_sits_under_the_room_it_tests() -> None:
    ruang_uji = {p.name for p in (AKAR / "tests").iterdir() if p.is_dir() and p.name not in {"bantu", "__pycache__"}}
    ruang_paket = {r.split(".")[1] for rooms in LAPISAN for r in rooms if "." in r}
    assert ruang_uji <= ruang_paket, f"test folders without a room: {sorted(ruang_uji - ruang_paket)}"
    lepas = sorted(p.name for p in (AKAR / "tests").glob("test_*.py"))
    assert lepas == ["test_lapisan.py", "test_readme.py"], f"test files outside a room folder: {lepas}"
