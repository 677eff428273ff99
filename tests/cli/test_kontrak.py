"""The JSON contract: the committed schema is the one the models generate, and every ``--json`` output fits it."""

import json
import shutil
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from skpxl.cli.utama import main
from skpxl.layanan.kontrak import NAMA_BERKAS_SKEMA, SKEMA, skema_json
from tests.bantu.korpus import CONTOH

pytestmark = pytest.mark.slow  # whole validasi/hitung/rekap runs

ROOT = Path(__file__).resolve().parents[2]
BERKAS_SKEMA = ROOT / "docs" / "skema" / NAMA_BERKAS_SKEMA
LAMA = ROOT / "workbook_templates" / "legacy"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    skema = json.loads(BERKAS_SKEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(skema)
    cls.check_schema(skema)
    return cls(skema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def keluaran(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    try:
        kode = main(argv)
    except SystemExit as e:  # pragma: no cover - argparse exits only on bad arguments
        kode = int(e.code or 0)
    return kode, json.loads(capsys.readouterr().out)


def periksa(data: dict[str, Any], kode: int, v: jsonschema.protocols.Validator) -> None:
    v.validate(data)
    assert data["skema"] == SKEMA == "skpxl/laporan@1"
    assert data["kode_keluar"] == kode
    waktu = datetime.fromisoformat(data["waktu"])
    assert waktu.utcoffset() is not None  # timestamps carry their offset


def test_committed_schema_is_generated_from_the_models() -> None:
    assert BERKAS_SKEMA.read_text(encoding="utf-8") == skema_json(), "run: python -m skpxl.bangun"


def test_validasi_and_hitung(tmp_path: Path, capsys: pytest.CaptureFixture[str], validator: Any) -> None:
    src = tmp_path / "a.xlsx"
    shutil.copy(CONTOH / "10_made_wirawan.xlsx", src)
    kode, data = keluaran(["validasi", str(src), "--json", "--tanpa-tulis"], capsys)
    periksa(data, kode, validator)
    assert data["perintah"] == "validasi" and data["periode"] is None
    kode, data = keluaran(["hitung", str(src), "--json", "-o", str(tmp_path / "b.xlsx")], capsys)
    periksa(data, kode, validator)
    assert data["ditulis_ke"] == str(tmp_path / "b.xlsx") and data["paket"]["id"] == "permenpanrb-6-2022"
    assert list(data["periode"]) == ["TW1", "TW2", "TW3", "TW4", "AKHIR"]
    assert isinstance(data["jumlah"]["peringatan"], int)
    assert sum(data["jumlah"].values()) == len(data["temuan"])


def test_hitung_legacy_packs(tmp_path: Path, capsys: pytest.CaptureFixture[str], validator: Any) -> None:
    for nama, paket, nilai in (("SKP_PP46_2011_contoh.xlsx", "pp-46-2011", "83.22"),
                               ("SKP_PERMENPANRB8_2021_contoh.xlsx", "permenpanrb-8-2021", None)):  # fmt: skip
        kode, data = keluaran(["hitung", str(LAMA / nama), "--json", "--tanpa-tulis"], capsys)
        periksa(data, kode, validator)
        assert data["paket"]["id"] == paket and data["periode"] is None and data["lama"] is not None
        if nilai:
            assert data["lama"]["nilai"] == nilai


def test_rekap_json(capsys: pytest.CaptureFixture[str], validator: Any) -> None:
    kode, data = keluaran(["rekap", str(CONTOH), "--json", "--jobs", "1"], capsys)
    periksa(data, kode, validator)
    rekap = data["rekap"]
    assert rekap["jumlah_pegawai"] == 16 == len(rekap["pegawai"])
    (unit,) = rekap["unit"]
    assert unit["kurva_sesuai"] is True and sum(unit["jumlah_per_predikat"].values()) == unit["jumlah"] == 16
    assert data["jumlah"]["kesalahan"] == sum(p["jumlah"]["kesalahan"] for p in rekap["pegawai"])
    assert sum(data["jumlah"].values()) == len(data["temuan"]) and all(t["berkas"] for t in data["temuan"])


def test_rekap_json_carries_the_practice_tables_of_the_answer_key(
    capsys: pytest.CaptureFixture[str], validator: Any
) -> None:
    """The training unit: Penilai, Pemantauan and Kebutuhan Pengembangan in the JSON equal the answer key's tables."""
    latihan = ROOT / "workbook_templates" / "latihan"
    kunci = json.loads((latihan / "kunci_jawaban.json").read_text(encoding="utf-8"))
    kode, data = keluaran(["rekap", str(latihan), "--json", "--jobs", "1"], capsys)
    periksa(data, kode, validator)
    rekap = data["rekap"]
    assert [{k: p[k] for k in baris} for p, baris in zip(rekap["penilai"], kunci["penilai"], strict=True)] == kunci[
        "penilai"
    ]
    assert rekap["pemantauan"] == kunci["pemantauan"]
    dipilih = [{k: b[k] for k in baris} for b, baris in zip(rekap["kebutuhan_pengembangan"], kunci[
        "kebutuhan_pengembangan"], strict=True)]  # fmt: skip
    assert dipilih == kunci["kebutuhan_pengembangan"]
    for p in rekap["penilai"]:  # an exact share, as a documented decimal string
        if p["periode_berrealisasi"]:
            porsi = Decimal(p["periode_umpan_balik"]) / Decimal(p["periode_berrealisasi"])
            assert p["porsi_umpan_balik"] == str(porsi.quantize(Decimal("0.0001"), ROUND_HALF_UP))


@pytest.mark.parametrize(
    "argv",
    [
        ["hitung", "tidak-ada.xlsx", "--json"],
        ["validasi", str(CONTOH / "manifest.json"), "--json"],
        ["rekap", "tidak-ada", "--json"],
    ],
)
def test_errors(argv: list[str], capsys: pytest.CaptureFixture[str], validator: Any) -> None:
    kode, data = keluaran(argv, capsys)
    assert kode == 2
    periksa(data, kode, validator)
    assert data["galat"] and data["temuan"] == []
