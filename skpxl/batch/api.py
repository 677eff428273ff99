"""``skpxl.rekap(folder)`` for analysts: the same results as the recap workbook, as pandas DataFrames."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pandas as pd

from skpxl.batch.jalan import HasilRekap, Mesin, rekap_folder
from skpxl.batch.langkah import BarisPegawai, HasilBerkas
from skpxl.batch.praktik import BarisPengembangan
from skpxl.core.enums import Predikat

KOLOM_TEMUAN = ["berkas", "kode", "tingkat", "lembar", "sel", "nilai", "pesan"]
KOLOM_PENILAI = ["nip_penilai", "nama_penilai", "pegawai", "rating_di_atas", "rating_sesuai", "rating_di_bawah",
                 "rating_belum_diberi", "sama_usulan", "di_atas_usulan", "di_bawah_usulan", "periode_berrealisasi",
                 "periode_umpan_balik", "porsi_umpan_balik", "berkas_bertemuan", "temuan"]  # fmt: skip
KOLOM_PEMANTAUAN = ["unit_kerja", "periode", "label", "pegawai", "realisasi", "dinilai", "umpan_balik", "predikat"]
KOLOM_PENGEMBANGAN = [f.name for f in fields(BarisPengembangan)]
_BUKAN_KOLOM = ("rhk", "praktik")  # nested per-file summaries, not columns of ``pegawai``


@dataclass
class Rekap:
    """DataFrames of one batch run (``pegawai``, ``temuan``, ``ringkasan``, ``bermasalah``, ``kaskade``,
    ``penilai``, ``pemantauan``, ``pengembangan``)."""

    pegawai: pd.DataFrame
    temuan: pd.DataFrame
    ringkasan: pd.DataFrame
    bermasalah: pd.DataFrame
    kaskade: pd.DataFrame
    hasil: HasilRekap
    penilai: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per pejabat penilai
    pemantauan: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per unit kerja and period
    pengembangan: pd.DataFrame = field(default_factory=pd.DataFrame)  # Kebutuhan Pengembangan

    @property
    def kurva(self) -> list[str]:
        """Every kurva violation sentence, over all units."""
        return [v.pesan for u in self.hasil.agregat.unit.values() for v in u.pelanggaran]


def rekap(
    folder: str | os.PathLike[str],
    *,
    periode: str | None = None,
    roster: str | os.PathLike[str] | None = None,
    predikat_organisasi: str | None = None,
    jobs: int = 1,
    engine: Mesin = "proses",
    scheduler: str | None = None,
    output: str | os.PathLike[str] | None = None,
) -> Rekap:
    """Run the HR batch on ``folder`` and return DataFrames (and write ``output`` when given).

    ``periode``: the evaluation recapped (default AKHIR); ``roster``: CSV/XLSX with an NIP column;
    ``predikat_organisasi``: the organisation's capaian for every unit (default: from the workbooks);
    ``jobs``: worker processes; ``engine``: "proses" or "dask" (``scheduler``: a Dask scheduler
    address, with ``engine="dask"`` only); ``output``: also write the recap workbook there.
    Unusable arguments raise :class:`skpxl.InputTidakValid` with an Indonesian sentence.
    """
    pegawai: list[dict[str, Any]] = []
    temuan: list[tuple[Any, ...]] = []

    def simpan(h: HasilBerkas) -> None:
        temuan.extend((h.berkas, *t) for t in h.temuan)
        if h.pegawai is not None:
            baris = {f.name: getattr(h.pegawai, f.name) for f in fields(BarisPegawai) if f.name not in _BUKAN_KOLOM}
            baris["jumlah_rhk"] = len(h.pegawai.rhk)
            baris["berkas"] = h.berkas
            pegawai.append(baris)

    hasil = rekap_folder(
        Path(folder),
        None if output is None else Path(output),
        periode=periode,
        roster=None if roster is None else Path(roster),
        predikat_organisasi=predikat_organisasi,
        jobs=jobs,
        mesin=engine,
        scheduler=scheduler,
        pengamat=simpan,
    )
    ag = hasil.agregat
    dihitung = {berkas for berkas, _ in ag.orang}
    pegawai = [b for b in pegawai if b["berkas"] in dihitung]  # one row per person, as in the recap workbook
    temuan.extend((berkas, *t) for berkas, t in ag.temuan_batch)
    df_pegawai = pd.DataFrame(
        pegawai, columns=[*(f.name for f in fields(BarisPegawai) if f.name not in _BUKAN_KOLOM), "jumlah_rhk", "berkas"]
    )
    df_pegawai["angka_kredit"] = pd.to_numeric(df_pegawai["angka_kredit"])
    ringkasan = [
        {
            "unit_kerja": u.unit,
            "predikat_organisasi": u.organisasi.value if u.organisasi else None,
            **{p.value: u.jumlah[p] for p in Predikat},
            "jumlah": u.total,
            "tanpa_predikat": u.tanpa_predikat,
            "kurva_sesuai": None if u.organisasi is None or u.tidak_dinilai else not u.pelanggaran,
            "pelanggaran": [v.pesan for v in u.pelanggaran],
        }
        for u in sorted(ag.unit.values(), key=lambda u: u.unit)
    ]
    return Rekap(
        pegawai=df_pegawai,
        temuan=pd.DataFrame(temuan, columns=KOLOM_TEMUAN),
        ringkasan=pd.DataFrame(ringkasan),
        bermasalah=pd.DataFrame(ag.bermasalah, columns=["berkas", "alasan"]),
        kaskade=pd.DataFrame(
            [vars(k) for k in ag.kaskade],
            columns=["berkas", "nama", "rhk", "rhk_atasan", "atasan", "berkas_atasan", "keterangan"],
        ),
        hasil=hasil,
        penilai=pd.DataFrame(ag.praktik.data_penilai(), columns=KOLOM_PENILAI),
        pemantauan=pd.DataFrame(ag.praktik.data_pemantauan(), columns=KOLOM_PEMANTAUAN),
        pengembangan=pd.DataFrame(ag.praktik.data_pengembangan(), columns=KOLOM_PENGEMBANGAN),
    )
