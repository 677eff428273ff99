"""skpxl: SKP (PermenPANRB 6/2022) checks and computations for the Excel form.

Public API (stable): :func:`predikat`, :func:`capaian`, :func:`angka_kredit`,
:func:`cek_kurva`, :func:`parse_nip`, the enums with official labels, and the
errors (all ``ValueError`` subclasses with Indonesian messages).

The names are loaded on first use (PEP 562): every Excel click starts a fresh Python that runs
``import skpxl.xl``, and importing this package must not load the rules, their pydantic models and
every pack before the click needs them.
"""

import importlib
import os
from typing import TYPE_CHECKING, Any, Literal

from skpxl.core.versi import __version__

if TYPE_CHECKING:
    from skpxl.batch.api import Rekap
    from skpxl.core.api import angka_kredit, capaian, cek_kurva, parse_nip, predikat
    from skpxl.core.enums import Arah, Aspek, JenisJabatan, Jenjang, Predikat, PredikatOrganisasi, Rating
    from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid, NipTidakValid, SkpxlError
    from skpxl.core.nip import NIP
    from skpxl.core.packs.permenpanrb_6_2022.kurva import PelanggaranKurva

# Public name → the module that defines it.
_ASAL: dict[str, str] = {
    **dict.fromkeys(("angka_kredit", "capaian", "cek_kurva", "parse_nip", "predikat"), "skpxl.core.api"),
    **dict.fromkeys(
        ("Arah", "Aspek", "JenisJabatan", "Jenjang", "Predikat", "PredikatOrganisasi", "Rating"), "skpxl.core.enums"
    ),
    **dict.fromkeys(("BerkasTidakTerbaca", "InputTidakValid", "NipTidakValid", "SkpxlError"), "skpxl.core.errors"),
    "NIP": "skpxl.core.nip",
    "PelanggaranKurva": "skpxl.core.packs.permenpanrb_6_2022.kurva",
}


def rekap(
    folder: "str | os.PathLike[str]",
    *,
    periode: str | None = None,
    roster: "str | os.PathLike[str] | None" = None,
    predikat_organisasi: str | None = None,
    jobs: int = 1,
    engine: 'Literal["proses", "dask"]' = "proses",
    scheduler: str | None = None,
    output: "str | os.PathLike[str] | None" = None,
) -> "Rekap":
    """HR batch on ``folder`` as pandas DataFrames (pandas is imported only here).

    ``periode``: the evaluation recapped (default AKHIR); ``roster``: CSV/XLSX with an NIP column;
    ``predikat_organisasi``: the organisation's capaian for every unit (default: from the workbooks);
    ``jobs``: worker processes; ``engine``: "proses" or "dask" (``scheduler``: a Dask scheduler
    address, with ``engine="dask"`` only); ``output``: also write the recap workbook there.
    See :func:`skpxl.batch.api.rekap`.
    """
    from skpxl.batch.api import rekap as _rekap

    return _rekap(
        folder,
        periode=periode,
        roster=roster,
        predikat_organisasi=predikat_organisasi,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        output=output,
    )


if not TYPE_CHECKING:  # for mypy the names above are plain imports, and a typo stays an error

    def __getattr__(nama: str) -> Any:
        modul = _ASAL.get(nama)
        if modul is None:
            raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
        nilai = getattr(importlib.import_module(modul), nama)
        globals()[nama] = nilai  # once: later lookups do not come back here
        return nilai


def __dir__() -> list[str]:
    return sorted({*globals(), *_ASAL})


__all__ = [
    "NIP",
    "Arah",
    "Aspek",
    "BerkasTidakTerbaca",
    "InputTidakValid",
    "JenisJabatan",
    "Jenjang",
    "NipTidakValid",
    "PelanggaranKurva",
    "Predikat",
    "PredikatOrganisasi",
    "Rating",
    "SkpxlError",
    "__version__",
    "angka_kredit",
    "capaian",
    "cek_kurva",
    "parse_nip",
    "predikat",
    "rekap",
]
