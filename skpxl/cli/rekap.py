"""``skpxl rekap FOLDER -o REKAP.xlsx``: the HR batch on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from skpxl.core.errors import SkpxlError
from skpxl.core.teks import tampil

BANYAK_UNIT = 10  # above this many units the terminal lists only the units with a problem


def daftar(sub: Any) -> None:
    """Register ``rekap`` on ``skpxl``'s subparsers."""
    p = sub.add_parser(
        "rekap",
        help="gabungkan satu folder berkas SKP pegawai menjadi rekap unit dan periksa kurva distribusi",
        description="Gabungkan semua berkas SKP (.xlsx/.xlsm) di FOLDER (termasuk subfolder) menjadi satu rekap. "
        "Berkas sumber hanya dibaca, tidak pernah diubah.",
    )
    p.add_argument("folder", metavar="FOLDER", type=Path)
    p.add_argument("-o", "--output", metavar="REKAP.xlsx", type=Path, required=True, help="berkas rekap yang dibuat")
    p.add_argument("--periode", metavar="P", help="periode yang direkap, mis. TW4 (bawaan: AKHIR)")
    p.add_argument("--roster", metavar="PEGAWAI.csv|xlsx", type=Path, help="daftar pegawai (kolom NIP, NAMA)")
    p.add_argument("--predikat-organisasi", metavar="X", help="capaian kinerja organisasi untuk semua unit")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="jumlah proses paralel (bawaan: 2)")
    p.add_argument("--engine", choices=("proses", "dask"), default="proses", help="mesin paralel (bawaan: proses)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="alamat penjadwal Dask (dengan --engine dask)")
    p.set_defaults(fungsi=jalankan)


def jalankan(args: argparse.Namespace) -> int:
    from skpxl.batch.jalan import rekap_folder

    kemajuan, selesai = _bilah_kemajuan()
    try:
        hasil = rekap_folder(
            args.folder,
            args.output,
            periode=args.periode,
            roster=args.roster,
            predikat_organisasi=args.predikat_organisasi,
            jobs=args.jobs,
            mesin=args.engine,
            scheduler=args.scheduler,
            kemajuan=kemajuan,
        )
    except SkpxlError as e:
        print(tampil(f"skpxl: {e}", baris=True), file=sys.stderr)
        return 2
    except OSError as e:
        print(tampil(f"skpxl: rekap tidak dapat ditulis: {e.strerror or e}."), file=sys.stderr)
        return 2
    finally:
        selesai()  # also on Ctrl+C/SIGTERM: the terminal gets its cursor back
    ag = hasil.agregat
    print(
        f"{ag.jumlah_berkas} berkas dibaca: {ag.jumlah_pegawai} pegawai, {len(ag.bermasalah)} berkas bermasalah, "
        f"{ag.jumlah_kesalahan} kesalahan."
    )
    unit = sorted(ag.unit.values(), key=lambda u: u.unit)
    sesuai = [u for u in unit if u.organisasi is not None and not u.pelanggaran]
    # Many units (a whole instansi): conforming ones are counted, every problem is still listed.
    ringkas = len(unit) > BANYAK_UNIT
    for u in unit:
        org = u.organisasi.value if u.organisasi else "tidak diketahui"
        if u.organisasi is None:
            print(
                tampil(
                    f"Kurva distribusi {u.unit}: tidak dapat diperiksa (capaian kinerja organisasi tidak diketahui)."
                )
            )
        elif u.pelanggaran:
            print(tampil(f"Kurva distribusi {u.unit} (organisasi {org}): TIDAK SESUAI"))
            for v in u.pelanggaran:
                print(tampil(f"  ✗ {v.pesan}"))
        elif not ringkas:
            print(tampil(f"Kurva distribusi {u.unit} (organisasi {org}): SESUAI — {'; '.join(u.aturan)}."))
    if ringkas:
        print(f"Kurva distribusi: {len(sesuai)} dari {len(unit)} unit kerja SESUAI (rinciannya di lembar Ringkasan).")
    for berkas, alasan in ag.bermasalah:
        print(tampil(f"  ! {berkas}: {alasan}"))
    print(tampil(f"Rekap ditulis ke {hasil.keluaran}"))
    return hasil.kode_keluar


def _bilah_kemajuan() -> tuple[Any, Any]:
    """A rich progress bar on a terminal; nothing when stderr is not a TTY."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    prog = Progress(transient=True)
    prog.start()
    tugas = prog.add_task("Membaca berkas SKP", total=None)

    def maju(i: int, n: int) -> None:
        prog.update(tugas, completed=i, total=n)

    return maju, prog.stop
