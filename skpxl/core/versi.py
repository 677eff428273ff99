"""The one version number of skpxl (pyproject reads it; the stamps, the CLI and the add-in check use it)."""

__version__ = "0.1.0"
