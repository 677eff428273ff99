"""The build of every committed artifact (the template builder itself is :mod:`skpxl.buku.templat`).

``python -m skpxl.bangun [ROOT]`` rebuilds, byte-reproducibly:

* ``workbook_templates/SKP_2026.xlsx`` (triwulanan), ``SKP_2026_semesteran.xlsx``, ``SKP_2026_bulanan.xlsx``;
* their xlwings Lite editions ``SKP_2026_lite.xlsx``, ``SKP_2026_semesteran_lite.xlsx``, ``SKP_2026_bulanan_lite.xlsx``
  (:mod:`skpxl.bangun.lite`);
* the synthetic example unit in ``workbook_templates/contoh/`` with its ``manifest.json``;
* the training unit with planted practice failures in ``workbook_templates/latihan/`` with its answer key;
* ``docs/layout.md`` (the contract of defined names) and ``docs/skema/laporan-1.schema.json`` (the JSON contract);
* the legacy templates and examples in ``workbook_templates/legacy/``;
* the macro template ``workbook_templates/SKP_2026.xlsm`` and the add-in ``addin/skpxl.xlam`` (last: they
  embed the template built above, so they can never go stale when the template changes).
"""

from __future__ import annotations

from pathlib import Path

from skpxl.buku.templat import build_template
from skpxl.core.enums import Periodisasi

__all__ = ["VARIAN", "build_all"]

VARIAN = (Periodisasi.TRIWULANAN, Periodisasi.SEMESTERAN, Periodisasi.BULANAN)


def build_all(root: str | Path = ".") -> list[Path]:
    """Rebuild every committed artifact under ``root`` (the repository); returns the files written."""
    from skpxl.bangun.contoh import tulis_contoh
    from skpxl.bangun.latihan import tulis_latihan
    from skpxl.bangun.lite import tulis_lite
    from skpxl.buku.layout import dokumentasi, nama_berkas_templat

    root = Path(root)
    folder = root / "workbook_templates"
    ditulis = [build_template(folder / nama_berkas_templat(pz), periodisasi=pz) for pz in VARIAN]
    ditulis += tulis_lite(folder, VARIAN)
    ditulis += tulis_contoh(folder / "contoh")
    ditulis += tulis_latihan(folder / "latihan")
    doc = root / "docs" / "layout.md"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(dokumentasi(), encoding="utf-8")
    ditulis.append(doc)
    from skpxl.layanan.kontrak import NAMA_BERKAS_SKEMA, skema_json

    skema = root / "docs" / "skema" / NAMA_BERKAS_SKEMA  # the JSON contract of every --json output
    skema.parent.mkdir(parents=True, exist_ok=True)
    skema.write_text(skema_json(), encoding="utf-8", newline="\n")
    ditulis.append(skema)
    from skpxl.excel.artefak import bangun_semua
    from skpxl.legacy.template import berkas_target

    folder_lama = folder / "legacy"
    folder_lama.mkdir(parents=True, exist_ok=True)
    for p, isi in berkas_target(folder_lama).items():
        p.write_bytes(isi)
        ditulis.append(p)
    ditulis += bangun_semua(root)
    return ditulis
