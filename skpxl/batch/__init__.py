"""HR batch: merge a folder of staff SKP workbooks into one unit recap (issue: `skpxl rekap`).

* :mod:`.langkah` — the per-file step, a pure function of (path → compact result), safe to
  run in a process pool or on Dask workers;
* :mod:`.jalan` — finding files and running the step (in process, process pool, Dask);
* :mod:`.agregat` — merging results: duplicates, kaskade, roster, kurva per unit (pure);
* :mod:`.tulis` — the recap workbook (XlsxWriter, constant memory);
* :mod:`.api` — ``skpxl.rekap(folder)`` returning pandas DataFrames for analysts.
"""
