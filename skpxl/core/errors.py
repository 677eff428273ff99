"""Exceptions raised by skpxl.

Every error an integrator can see subclasses :class:`ValueError` (through
:class:`SkpxlError`) and carries an Indonesian message meant for the end user::

    ValueError
    └── SkpxlError
        ├── InputTidakValid      bad argument (rating, number, jenjang, ...)
        ├── NipTidakValid        NIP that cannot be parsed
        └── BerkasTidakTerbaca   a file that is not a usable workbook
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
