"""``skpxl rekap FOLDER -o REKAP.xlsx``: the HR batch on the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skpxl.cli.konsol import cetak_json, pesan_os
from skpxl.core.enums import Predikat
from skpxl.core.errors import SkpxlError
from skpxl.core.numbers import bulat
from skpxl.core.packs.permenpanrb_6_2022 import INFO
from skpxl.core.periode import AKHIR
from skpxl.core.teks import tampil
from skpxl.core.versi import __version__

if TYPE_CHECKING:
    from skpxl.batch.jalan import HasilRekap
    from skpxl.batch.langkah import BarisTemuan, HasilBerkas
    from skpxl.batch.praktik import AgregatPraktik
    from skpxl.layanan import kontrak

BANYAK_UNIT = 10  # above this many units the terminal lists only the units with a problem


def daftar(sub: Any) -> None:
    """Register ``rekap`` on ``skpxl``'s subparsers."""
    from skpxl.cli.berkas import jenis_periode

    p = sub.add_parser(
        "rekap",
        help="gabungkan satu folder berkas SKP pegawai menjadi rekap unit dan periksa kurva distribusi",
        description="Gabungkan semua berkas SKP (.xlsx/.xlsm) di FOLDER (termasuk subfolder) menjadi satu rekap. "
        "Berkas sumber hanya dibaca, tidak pernah diubah. Berkas yang isinya sama persis, atau NIP dan periode "
        "yang sama di dua berkas, dihitung sekali (dari berkas yang terakhir diubah) dan dilaporkan.",
    )
    p.add_argument("folder", metavar="FOLDER", type=Path, help="folder berisi berkas SKP pegawai")
    p.add_argument(
        "-o",
        "--output",
        metavar="REKAP.xlsx",
        type=Path,
        help="berkas rekap yang dibuat (wajib kecuali --json)",
    )
    p.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin (skema docs/skema/)")
    p.add_argument("--periode", metavar="P", type=jenis_periode, help="periode yang direkap, mis. TW4 (bawaan: AKHIR)")
    p.add_argument("--roster", metavar="PEGAWAI.csv|xlsx", type=Path, help="daftar pegawai (kolom NIP, NAMA)")
    p.add_argument("--predikat-organisasi", metavar="X", help="capaian kinerja organisasi untuk semua unit")
    p.add_argument("--jobs", type=int, default=2, metavar="N", help="jumlah proses paralel (bawaan: 2)")
    p.add_argument("--engine", choices=("proses", "dask"), default="proses", help="mesin paralel (bawaan: proses)")
    p.add_argument("--scheduler", metavar="ALAMAT", help="alamat penjadwal Dask (hanya dengan --engine dask)")
    p.set_defaults(fungsi=jalankan)


def jalankan(args: argparse.Namespace) -> int:
    from skpxl.batch.jalan import rekap_folder

    waktu = datetime.now().replace(microsecond=0)
    if args.output is None and not args.json:
        return _gagal(args, "Sebutkan berkas rekap yang dibuat dengan -o REKAP.xlsx (atau minta --json).", waktu)
    temuan: list[tuple[str, BarisTemuan]] = []

    def simpan(h: HasilBerkas) -> None:
        temuan.extend((h.berkas, t) for t in h.temuan)

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
            pengamat=simpan if args.json else None,
            waktu=waktu,
        )
    except SkpxlError as e:
        return _gagal(args, str(e), waktu)
    except OSError as e:
        tujuan = args.output if args.output is not None else args.folder
        return _gagal(args, pesan_os(e, tujuan, "ditulis" if args.output is not None else "dibaca"), waktu)
    finally:
        selesai()  # also on Ctrl+C/SIGTERM: the terminal gets its cursor back
    if args.json:
        from skpxl.layanan import kontrak  # only here: its schema models cost ≈18 ms the recap itself never needs

        temuan.extend(hasil.agregat.temuan_batch)
        cetak_json(kontrak.ke_data(laporan_rekap(args, hasil, temuan, waktu)))
        return hasil.kode_keluar
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
    if ag.ganda:
        print(f"{len(ag.ganda)} berkas tidak dihitung karena orangnya sudah dihitung dari berkas lain:")
        for berkas, alasan in ag.ganda:
            print(tampil(f"  = {berkas}: {alasan}"))
    if hasil.keluaran is not None:
        print(tampil(f"Rekap ditulis ke {hasil.keluaran}"))
    return hasil.kode_keluar


def laporan_rekap(
    args: argparse.Namespace, hasil: HasilRekap, temuan: list[tuple[str, BarisTemuan]], waktu: datetime
) -> kontrak.Laporan:
    """The envelope of a batch run: counts per unit and predikat, one row per person counted, every finding."""
    from skpxl.layanan import kontrak

    ag = hasil.agregat
    pegawai = [
        kontrak.JsonPegawaiRekap(
            berkas=berkas,
            nip=p.nip,
            nama=p.nama,
            jabatan=p.jabatan,
            jenis_jabatan=p.jenis_jabatan,
            jenjang=p.jenjang,
            unit_kerja=p.unit_kerja,
            periode=p.periode,
            rating_hasil_kerja=p.rating_hasil_kerja,
            rating_perilaku=p.rating_perilaku,
            predikat=p.predikat,
            angka_kredit=None if p.angka_kredit is None else kontrak.teks_desimal(Decimal(p.angka_kredit)),
            jumlah=kontrak.JsonJumlah(kesalahan=p.jumlah_kesalahan, peringatan=p.jumlah_peringatan, info=p.jumlah_info),
        )
        for berkas, p in ag.orang
    ]
    unit = [
        kontrak.JsonUnitRekap(
            unit_kerja=u.unit,
            predikat_organisasi=u.organisasi.value if u.organisasi else None,
            jumlah_per_predikat={pr.value: u.jumlah[pr] for pr in Predikat},
            jumlah=u.total,
            tanpa_predikat=u.tanpa_predikat,
            kurva_sesuai=None if u.organisasi is None else not u.pelanggaran,
            pelanggaran=[v.pesan for v in u.pelanggaran],
        )
        for u in sorted(ag.unit.values(), key=lambda u: u.unit)
    ]
    json_temuan = [
        kontrak.JsonTemuan(kode=k, tingkat=t, lembar=lb, sel=sl, nilai=n, pesan=ps, berkas=berkas)
        for berkas, (k, t, lb, sl, n, ps) in temuan
    ]
    return kontrak.Laporan(
        versi_skpxl=__version__,
        perintah="rekap",
        waktu=waktu.astimezone(),
        kode_keluar=hasil.kode_keluar,
        berkas=str(args.folder),
        ditulis_ke=None if hasil.keluaran is None else str(hasil.keluaran),
        paket=kontrak.json_paket(INFO),
        jumlah=kontrak.jumlah_temuan([t[1] for _, t in temuan]),
        temuan=json_temuan,
        rekap=kontrak.JsonRekap(
            folder=str(args.folder),
            periode=args.periode or AKHIR,
            jumlah_berkas=ag.jumlah_berkas,
            jumlah_pegawai=ag.jumlah_pegawai,
            unit=unit,
            pegawai=pegawai,
            bermasalah=[kontrak.JsonBerkasRekap(berkas=b, alasan=a) for b, a in ag.bermasalah],
            ganda=[kontrak.JsonBerkasRekap(berkas=b, alasan=a) for b, a in ag.ganda],
            **_praktik_json(ag.praktik),
        ),
    )


def _praktik_json(praktik: AgregatPraktik) -> dict[str, list[Any]]:
    """The Penilai, Pemantauan and Kebutuhan Pengembangan sheets as JSON rows (the pandas API's rows, typed)."""
    from skpxl.layanan import kontrak

    def porsi(d: dict[str, Any]) -> str | None:  # exact, as a documented decimal string (the DataFrame has a float)
        n, m = d["periode_umpan_balik"], d["periode_berrealisasi"]
        return kontrak.teks_desimal(bulat(Decimal(n) / Decimal(m), 4)) if m else None

    return {
        "penilai": [
            kontrak.JsonPenilaiRekap.model_validate({**d, "porsi_umpan_balik": porsi(d)})
            for d in praktik.data_penilai()
        ],
        "pemantauan": [kontrak.JsonPemantauanRekap.model_validate(d) for d in praktik.data_pemantauan()],
        "kebutuhan_pengembangan": [
            kontrak.JsonPengembanganRekap.model_validate(
                {("unit_kerja" if k == "unit" else k): v for k, v in d.items()}
            )
            for d in praktik.data_pengembangan()
        ],
    }


def _gagal(args: argparse.Namespace, pesan: str, waktu: datetime) -> int:
    from skpxl.layanan import kontrak

    print(tampil(f"skpxl: {pesan}", baris=True), file=sys.stderr)
    if args.json:
        cetak_json(kontrak.ke_data(kontrak.laporan_galat("rekap", str(args.folder), pesan, waktu)))
    return 2


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
