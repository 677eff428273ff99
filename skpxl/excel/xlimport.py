"""Import xlwings for the button path without pandas and numpy.

``import xlwings`` imports pandas and numpy whenever they are installed (they are optional for
xlwings: every use is guarded by ``try: import pandas ... except ImportError``). On the button
path that is most of the start-up time: a fresh Python per click, ~0.25–0.5 s spent loading
libraries the Validasi/Hitung path never touches.

:func:`impor_xlwings` imports xlwings with a temporary :data:`sys.meta_path` finder that makes
``import pandas`` / ``import numpy`` (and their submodules) raise :class:`ModuleNotFoundError`
*only while xlwings itself is being imported*, and only when

* xlwings is not imported yet (otherwise it is returned as is: nothing to decide), and
* the library in question is not imported yet (a process that already has pandas keeps it and
  xlwings sees it as usual).

Unless ``XLWINGS_LICENSE_KEY`` is set, ``xlwings.pro`` is refused the same way (see
:func:`impor_xlwings`). The finder is removed as soon as the import returns or fails. Afterwards pandas and numpy can be
imported normally; the one lasting effect is that this process's xlwings treats them as absent
(no DataFrame/ndarray converters), which the skpxl buttons never use. Code that needs xlwings'
pandas converters should import xlwings itself before :mod:`skpxl.xl`.

Note: xlwings' own ``RunPython`` command line starts with ``import xlwings.utils`` before our
code runs, so in that route the choice is made before skpxl is involved; see ``docs/excel.md``.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["AMBANG_GC", "MODUL_BERAT", "gc_jarang", "impor_tanpa", "impor_xlwings"]

MODUL_BERAT: tuple[str, ...] = ("pandas", "numpy")
"""Top-level packages kept out of the button path."""


AMBANG_GC = 50_000
"""First threshold of the cyclic garbage collector while xlwings is imported and during a click (default 700)."""


@contextlib.contextmanager
def gc_jarang() -> Iterator[None]:
    """The cyclic collector runs rarely in the block; its thresholds are restored afterwards (left alone when off).

    A cold click loads xlwings, pydantic and the rules (a few hundred thousand objects); at the default threshold
    the collector rescans the survivors again and again: ~90 collections, ~30 ms of a ~250 ms click. Reference
    counting frees everything else as usual; mypy raises the threshold during a run for the same reason.
    """
    ambang = gc.get_threshold()
    if 0 < ambang[0] < AMBANG_GC:
        gc.set_threshold(AMBANG_GC, *ambang[1:])
    try:
        yield
    finally:
        gc.set_threshold(*ambang)


class _TolakModul:
    """A meta-path finder that refuses a fixed set of packages (and their submodules)."""

    def __init__(self, nama: Iterable[str]) -> None:
        self._nama = frozenset(nama)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if any(fullname == n or fullname.startswith(n + ".") for n in self._nama):
            raise ModuleNotFoundError(f"{fullname} tidak dimuat pada jalur tombol skpxl", name=fullname)
        return None


def impor_xlwings(tanpa: Iterable[str] = MODUL_BERAT, *, pro: bool | None = None) -> ModuleType:
    """Return the ``xlwings`` module, importing it without the packages in ``tanpa`` if it is not loaded yet.

    ``pro``: whether xlwings may load its PRO part (``xlwings.pro``: the remote engine, the
    calamine reader). By default only when ``XLWINGS_LICENSE_KEY`` is set in the environment,
    as under xlwings Server or in the remote-engine tests. Without a key xlwings would try the
    PRO import anyway and fail its licence check, which first looks for a key on the calling
    workbook's ``xlwings.conf`` sheet (a round trip to Excel on every click) and in the user's
    config file; the buttons need none of it.
    """
    sudah = sys.modules.get("xlwings")
    if sudah is not None:
        return sudah
    tolak = list(tanpa)
    if not (bool(os.environ.get("XLWINGS_LICENSE_KEY")) if pro is None else pro):
        tolak.append("xlwings.pro")
    return impor_tanpa("xlwings", tolak)


def impor_tanpa(nama: str, tanpa: Iterable[str] = MODUL_BERAT) -> ModuleType:
    """Import the module ``nama`` while the packages in ``tanpa`` that are not loaded yet cannot be imported.

    For xlwings' own modules that import pandas when it is installed, e.g. ``xlwings.pro._xlremote``
    (the remote engine), whose package pulls in pandas through its reports module: ~0.3 s here.
    """
    penjaga = _TolakModul(n for n in tanpa if n not in sys.modules)
    sys.meta_path.insert(0, penjaga)
    try:
        with gc_jarang():
            return importlib.import_module(nama)
    finally:
        sys.meta_path.remove(penjaga)
