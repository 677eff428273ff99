"""The same per-file step on Dask (``pip install skpxl[dask]``), for batches that outgrow one machine.

Workers receive each workbook's **bytes**, read here by the parent, never a path: a scheduler and
workers on other machines need not see this file system. Partitions of :data:`UKURAN_PARTISI` files
are submitted through a window of :data:`JENDELA_PARTISI` per worker slot (the parent's memory stays
bounded however large the folder); results come back in input order through a small reorder buffer,
so the recap is identical to the process pool's and still streamed.

Dask workers run tasks in threads: the soft time limit (SIGALRM) does not apply there; the pre-read
check's limits and Dask's own memory limits do.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from skpxl.batch.langkah import HasilBerkas, proses_data
from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid

UKURAN_PARTISI = 32
JENDELA_PARTISI = 4

# (workbook bytes, or the sentence why they could not be read, relative name)
Muatan = tuple[bytes | str, str]


def _partisi(muatan: list[Muatan], periode: str | None, batas_waktu: float | None) -> list[HasilBerkas]:
    """Run on a worker: the per-file step over bytes (top level, so Dask pickles it by reference)."""
    return [
        HasilBerkas(relatif, None, masalah=data)
        if isinstance(data, str)
        else proses_data(data, relatif, periode, batas_waktu=batas_waktu)
        for data, relatif in muatan
    ]


def _pesan_gagal(relatif: str, e: BaseException) -> str:
    nama = relatif.rsplit("/", 1)[-1]
    return (
        f"Berkas '{nama}' tidak dapat diproses: pekerja Dask yang memprosesnya gagal ({type(e).__name__}); "
        "jalankan ulang rekap, atau pakai --engine proses."
    )


def _muat(items: Sequence[tuple[str, str]]) -> list[Muatan]:
    from skpxl.buku.pengaman import baca_berkas

    hasil: list[Muatan] = []
    for path, relatif in items:
        try:
            hasil.append((baca_berkas(path), relatif))
        except BerkasTidakTerbaca as e:
            hasil.append((str(e), relatif))
    return hasil


def jalankan_dask(
    items: Sequence[tuple[str, str]],
    periode: str | None,
    *,
    jobs: int,
    scheduler: str | None,
    batas_waktu: float | None = None,
) -> Iterator[HasilBerkas]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise InputTidakValid("Mesin dask belum terpasang. Pasang dengan: pip install 'skpxl[dask]'.") from e
    if not items:
        return
    cluster: Any = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as e:
            raise InputTidakValid(f"Penjadwal Dask '{scheduler}' tidak dapat dihubungi: {e}.") from e
    else:
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)
    try:
        potong = [items[i : i + UKURAN_PARTISI] for i in range(0, len(items), UKURAN_PARTISI)]
        awalan = f"skpxl-{uuid.uuid4().hex[:8]}"
        slot = max(1, sum(client.nthreads().values()) if scheduler else jobs)
        kirim = 0

        def ajukan() -> Any:
            nonlocal kirim
            fut = client.submit(
                _partisi, _muat(potong[kirim]), periode, batas_waktu, key=f"{awalan}-{kirim}", pure=False
            )
            kirim += 1
            return fut

        awal = [ajukan() for _ in range(min(len(potong), JENDELA_PARTISI * slot))]
        urutan = {f.key: int(f.key.rsplit("-", 1)[1]) for f in awal}
        antre = as_completed(awal)
        siap: dict[int, list[HasilBerkas]] = {}
        berikut = 0
        for fut in antre:
            j = urutan.pop(fut.key)
            try:
                siap[j] = fut.result()
            except Exception as e:  # a lost worker (KilledWorker) or a task error: its files are reported
                siap[j] = [HasilBerkas(r, None, masalah=_pesan_gagal(r, e)) for _, r in potong[j]]
            fut.release()
            if kirim < len(potong):
                baru = ajukan()
                urutan[baru.key] = kirim - 1
                antre.add(baru)
            while berikut in siap:
                yield from siap.pop(berikut)
                berikut += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
