"""VBA without Excel: MS-OVBA compression, a compound-file writer and a ``vbaProject.bin`` builder.

Modules: :mod:`skpxl.excel.vba.ovba` (compression), :mod:`skpxl.excel.vba.cfb` (compound files) and
:mod:`skpxl.excel.vba.project` (the builder). Typical use by the artifact builders::

    from skpxl.excel.vba import ADDIN, TEMPLATE, base_vba_project, build_vba_project, read_bas, xlwings_vba_module

    template_bin = build_vba_project(
        base_vba_project(TEMPLATE),
        {"xlwings": xlwings_vba_module(TEMPLATE), "SKP": read_bas("addin/vba/SKP.bas")},
        remove=["Module1"],
    )
    addin_bin = build_vba_project(
        base_vba_project(ADDIN),
        {
            "xlwings": xlwings_vba_module(ADDIN, project_name="skpxl"),
            "SKPRibbon": read_bas("addin/vba/SKPRibbon.bas"),
        },
        remove=["RibbonMyAddin"],
        project_name="skpxl",
    )

Which workbook Python sees (read from the wheel's VBA): the template's ``xlwings`` module
(``xlwings.bas``) starts Python with ``--wb=ThisWorkbook.Name`` (with "USE UDF SERVER" it sets
``BOOK_CALLER`` to ``ThisWorkbook``); the add-in's (``xlwings_custom_addin.bas``) uses
``ActiveWorkbook`` instead, and reads its settings from a ``<PROJECT_NAME>.conf`` sheet in the
active workbook, then in the add-in itself, then ``<PROJECT_NAME>.conf`` next to the active
workbook, then ``%USERPROFILE%\\.<PROJECT_NAME>\\<PROJECT_NAME>.conf``. So ``xw.Book.caller()`` in
``skpxl.xl`` is the right book in both cases and the ribbon callbacks need no extra VBA.
"""

from skpxl.excel.vba.project import (
    ADDIN,
    TEMPLATE,
    XLWINGS_MODULE,
    BaseKind,
    VbaModule,
    VbaProject,
    base_vba_project,
    build_vba_project,
    read_bas,
    read_vba_project,
    xlwings_license_text,
    xlwings_vba_module,
    xlwings_vba_version,
)

__all__ = [
    "ADDIN",
    "TEMPLATE",
    "XLWINGS_MODULE",
    "BaseKind",
    "VbaModule",
    "VbaProject",
    "base_vba_project",
    "build_vba_project",
    "read_bas",
    "read_vba_project",
    "xlwings_license_text",
    "xlwings_vba_module",
    "xlwings_vba_version",
]
