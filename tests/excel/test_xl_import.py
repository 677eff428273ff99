"""The button path stays light: fresh interpreters prove what ``import skpxl.xl`` (and a click) loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

AKAR = Path(__file__).resolve().parents[2]
CONTOH = sorted((AKAR / "workbook_templates" / "contoh").glob("*.xlsx"))


def _jalankan(kode: str, *, kunci: bool = False) -> Any:
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    if kunci:
        env["XLWINGS_LICENSE_KEY"] = "noncommercial"  # this child process only
    keluar = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, env=env, cwd=AKAR, timeout=120, check=False
    )
    assert keluar.returncode == 0, keluar.stderr
    return json.loads(keluar.stdout.strip().splitlines()[-1])


def test_import_skpxl_xl_tanpa_pandas_numpy() -> None:
    hasil = _jalankan(
        "import sys, json; n = len(sys.meta_path); import skpxl.xl; "
        "print(json.dumps({'pandas': 'pandas' in sys.modules, 'numpy': 'numpy' in sys.modules, "
        "'xlwings': 'xlwings' in sys.modules, 'pro': 'xlwings.pro' in sys.modules, "
        "'meta_path_sama': len(sys.meta_path) == n, 'pydantic': 'pydantic' in sys.modules}))"
    )
    # pydantic and the rules are loaded by the click that needs them, not by importing the package (PEP 562)
    assert hasil == {
        "pandas": False, "numpy": False, "xlwings": True, "pro": False, "meta_path_sama": True, "pydantic": False
    }  # fmt: skip


def test_nama_publik_dimuat_saat_dipakai() -> None:
    hasil = _jalankan(
        "import sys, json, skpxl; awal = 'skpxl.core.api' in sys.modules\n"
        "from skpxl import *\n"
        "import skpxl.core.api as api, skpxl.core.enums as enums\n"
        "print(json.dumps({'awal': awal, 'semua': all(n in globals() for n in skpxl.__all__), "
        "'sama': capaian is api.capaian and skpxl.Rating is enums.Rating, "
        "'dir': set(skpxl.__all__) <= set(dir(skpxl)), "
        "'tidak_ada': not hasattr(skpxl, 'tidak_ada')}))"
    )
    assert hasil == {"awal": False, "semua": True, "sama": True, "dir": True, "tidak_ada": True}


@pytest.mark.slow
def test_dengan_kunci_lisensi_xlwings_pro_dimuat() -> None:
    hasil = _jalankan(
        "import sys, json; import skpxl.xl; "
        "print(json.dumps({'pandas': 'pandas' in sys.modules, 'pro': sys.modules['xlwings'].__pro__}))",
        kunci=True,
    )
    assert hasil == {"pandas": False, "pro": True}


@pytest.mark.slow
@pytest.mark.skipif(not CONTOH, reason="example unit not built")
def test_klik_validasi_dan_hitung_tanpa_pandas_numpy(tmp_path: Path) -> None:
    from skpxl.excel.muatan import muatan_dari_berkas

    berkas = tmp_path / "muatan.json"
    berkas.write_text(json.dumps(muatan_dari_berkas(CONTOH[0])), encoding="utf-8")
    hasil = _jalankan(
        "import sys, json; import skpxl.xl as x; from skpxl.excel.muatan import xlwings_remote\n"
        f"xw = xlwings_remote(); muatan = json.load(open({str(berkas)!r}, encoding='utf-8'))\n"
        "for tombol in (x.validasi, x.hitung):\n"
        "    b = xw.Book(json=muatan); b.set_mock_caller(); tombol()\n"
        "print(json.dumps({'pandas': 'pandas' in sys.modules, 'numpy': 'numpy' in sys.modules, "
        "'pro': xw.__pro__, 'alert': b.json()['actions'][-1]['func'], "
        "'tak_perlu': sorted(m for m in ('skpxl.core.api', 'skpxl.core.packs.permenpanrb_6_2022.kurva', "
        "'skpxl.batch', 'openpyxl') if m in sys.modules)}))",
        kunci=True,
    )
    assert hasil == {"pandas": False, "numpy": False, "pro": True, "alert": "alert", "tak_perlu": []}


def test_inti_dan_layanan_tanpa_pustaka_excel() -> None:
    hasil = _jalankan(
        "import sys, json, pkgutil, importlib, skpxl.core\n"
        "for m in pkgutil.walk_packages(skpxl.core.__path__, 'skpxl.core.'): importlib.import_module(m.name)\n"
        "import skpxl.layanan.service, skpxl.buku.adapters.xlwings_adapter, skpxl.excel.pasang, skpxl.excel.xlimport\n"
        "print(json.dumps(sorted(m for m in ('xlwings', 'openpyxl', 'pandas', 'numpy', 'xlsxwriter') "
        "if m in sys.modules)))"
    )
    assert hasil == []


def test_pandas_yang_sudah_dimuat_tetap_dipakai_xlwings() -> None:
    pytest.importorskip("numpy")
    hasil = _jalankan(
        "import sys, json, numpy; from skpxl.excel.xlimport import impor_xlwings; xw = impor_xlwings(); "
        "import xlwings.utils; print(json.dumps({'np': xlwings.utils.np is numpy, "
        "'pandas': 'pandas' in sys.modules}))"
    )
    assert hasil == {"np": True, "pandas": False}


@pytest.mark.slow
def test_setelah_impor_pandas_bisa_dimuat_lagi() -> None:
    pytest.importorskip("pandas")
    hasil = _jalankan(
        "import sys, json; from skpxl.excel.xlimport import impor_xlwings; a = impor_xlwings(); b = impor_xlwings(); "
        "import pandas; print(json.dumps({'sama': a is b, 'pandas': 'pandas' in sys.modules}))"
    )
    assert hasil == {"sama": True, "pandas": True}
