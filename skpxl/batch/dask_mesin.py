"""The same per-file step on Dask (``pip install skpxl[dask]``), for batches that outgrow one machine.

Partitions run wherever the scheduler puts them; results come back in input order through a
small reorder buffer, so the recap is identical to the process pool's and still streamed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from skpxl.batch.langkah import HasilBerkas
from skpxl.core.errors import InputTidakValid

UKURAN_PARTISI = 32


def jalankan_dask(
    items: Sequence[tuple[str, str]],
    fungsi: Callable[[tuple[str, str]], HasilBerkas],
    *,
    jobs: int,
    scheduler: str | None,
) -> Iterator[HasilBerkas]:
    try:
        import dask.bag as db
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
        bag = db.from_sequence(list(items), partition_size=UKURAN_PARTISI).map(fungsi)
        futures = client.compute(bag.to_delayed())
        urutan = {f.key: i for i, f in enumerate(futures)}
        siap: dict[int, list[HasilBerkas]] = {}
        berikut = 0
        for fut in as_completed(futures):
            siap[urutan[fut.key]] = fut.result()
            fut.release()
            while berikut in siap:
                yield from siap.pop(berikut)
                berikut += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
