"""skpxl: SKP (PermenPANRB 6/2022) checks and computations for the Excel form.

Public API (stable): :func:`predikat`, :func:`capaian`, :func:`angka_kredit`,
:func:`cek_kurva`, :func:`parse_nip`, the enums with official labels, and the
errors (all ``ValueError`` subclasses with Indonesian messages).
"""

import os
from typing import TYPE_CHECKING, Any

from skpxl.core.api import angka_kredit, capaian, cek_kurva, parse_nip, predikat
from skpxl.core.enums import Arah, Aspek, JenisJabatan, Jenjang, Predikat, PredikatOrganisasi, Rating
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid, NipTidakValid, SkpxlError
from skpxl.core.nip import NIP
from skpxl.core.packs.permenpanrb_6_2022.kurva import PelanggaranKurva
from skpxl.core.versi import __version__


def rekap(folder: "str | os.PathLike[str]", **opsi: Any) -> "Rekap":
    """HR batch as pandas DataFrames; see :func:`skpxl.batch.api.rekap` (pandas is imported only here)."""
    from skpxl.batch.api import rekap as _rekap

    return _rekap(folder, **opsi)


if TYPE_CHECKING:
    from skpxl.batch.api import Rekap

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
