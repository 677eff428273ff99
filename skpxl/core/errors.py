"""Exceptions raised by skpxl.

Every error an integrator can see subclasses :class:`ValueError` (through
:class:`SkpxlError`) and carries an Indonesian message meant for the end user::

    ValueError
    └── SkpxlError
        ├── InputTidakValid      bad argument (rating, number, jenjang, ...)
        ├── NipTidakValid        NIP that cannot be parsed
        ├── BerkasTidakTerbaca   a file that is not a usable workbook
        └── BerkasTidakTertulis  a result that cannot be written (the source is left intact)

    BaseException
    └── Dihentikan               the run was stopped by a signal (exit code 130/143)
"""

from __future__ import annotations


class SkpxlError(ValueError):
    """Base of all skpxl errors; ``str(err)`` is one Indonesian sentence."""


class InputTidakValid(SkpxlError):
    """An argument is not something the rules understand."""


class NipTidakValid(SkpxlError):
    """An NIP cannot be parsed."""


class BerkasTidakTerbaca(SkpxlError):
    """A file cannot be read as an SKP workbook."""


class BerkasTidakTertulis(SkpxlError):
    """A result cannot be written (disk full, access denied, the source changed meanwhile); the source is intact."""


class Dihentikan(BaseException):  # like KeyboardInterrupt: no "except Exception" stops it
    """The run was stopped by a signal (Ctrl+C, SIGTERM); ``kode`` is the exit code (128 + signal number)."""

    def __init__(self, kode: int) -> None:
        super().__init__(kode)
        self.kode = kode
