"""Package data that lives outside ``skpxl/`` in the repository (everything else is in pyproject.toml).

The built forms have one source of truth, the files ``python -m skpxl.bangun`` writes under
``workbook_templates/`` (compared byte-for-byte with a fresh build by the tests). A wheel carries
them as ``skpxl/formulir/`` (``skpxl templat`` copies them out) and the add-in as ``skpxl/addin/``
(``skpxl addin install`` finds it there): mapped here, never copied into ``skpxl/`` by hand.
"""

from pathlib import Path

from setuptools import find_packages, setup

AKAR = Path(__file__).resolve().parent
FORMULIR = AKAR / "workbook_templates"
# Every folder of the build's output (contoh/, legacy/, latihan/ ...) is a data package of its own.
SUB = sorted(".".join(p.relative_to(FORMULIR).parts) for p in FORMULIR.rglob("*") if p.is_dir())

setup(
    packages=[
        *find_packages(include=["skpxl", "skpxl.*"]),
        "skpxl.formulir",
        *(f"skpxl.formulir.{s}" for s in SUB),
        "skpxl.addin",
    ],
    package_dir={"skpxl.formulir": "workbook_templates", "skpxl.addin": "addin"},
    package_data={
        "skpxl": ["py.typed"],
        "skpxl.formulir": ["*.xlsx", "*.xlsm"],
        **{f"skpxl.formulir.{s}": ["*"] for s in SUB},
        "skpxl.addin": ["skpxl.xlam"],
    },
)
