"""Excel around skpxl: the macro template and ribbon add-in builds, their installation, remote-engine payloads.

* :mod:`skpxl.excel.artefak` builds ``workbook_templates/SKP_2026.xlsm`` and ``addin/skpxl.xlam``
  byte-reproducibly (``python -m skpxl.excel`` rebuilds both);
* :mod:`skpxl.excel.pasang` implements ``skpxl addin install`` / ``skpxl addin remove``;
* :mod:`skpxl.excel.muatan` turns an ``.xlsx``/``.xlsm`` into the JSON a remote-engine client
  (xlwings Server's Office Scripts / Office.js clients) sends, for tests and benchmarks.

The button code itself lives in :mod:`skpxl.xl` and :mod:`skpxl.buku.adapters.xlwings_adapter`; nothing
in this package is imported on the button path.
"""
