"""Excel around skpxl: the macro template and ribbon add-in builds, their installation, remote-engine payloads.

* :mod:`skpxl.excel.artefak` builds ``workbook_templates/SKP_2026.xlsm`` and ``addin/skpxl.xlam``
  byte-reproducibly (``python -m skpxl.excel`` rebuilds both);
* :mod:`skpxl.excel.modul_xlwings` hardens xlwings' VBA module for both (settings only from the add-in or
  template itself and the user's config file, no embedded code);
* :mod:`skpxl.excel.pasang` implements ``skpxl addin install`` / ``skpxl addin remove``;
* :mod:`skpxl.excel.muatan` turns an ``.xlsx``/``.xlsm`` into the JSON a remote-engine client
  (xlwings Server's Office Scripts / Office.js clients) sends, for tests and benchmarks;
* :mod:`skpxl.excel.lite` holds the scripts of the xlwings Lite edition (imported by its ``main.py`` as
  :mod:`skpxl.lite`), :mod:`skpxl.excel.ekstensi` writes Lite's web-extension part and sheet buttons into a
  built template (the Lite build itself is :mod:`skpxl.bangun.lite`).

The desktop button code lives in :mod:`skpxl.excel.tombol` (called as :mod:`skpxl.xl`) over
:mod:`skpxl.buku.adapters.xlwings_adapter`; of this package only :mod:`~skpxl.excel.tombol`,
:mod:`~skpxl.excel.xlimport` and :mod:`~skpxl.excel.lite` are imported on a button path.
"""
