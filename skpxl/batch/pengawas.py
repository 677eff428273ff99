"""Supervised worker processes for the batch: a file that hangs or kills its reader is given up, the run goes on.

Each worker is a separate process that takes one file at a time from its parent:

* **Time.** The worker runs the file under the soft limit of
  :func:`skpxl.buku.pengaman.batas_waktu_lunak` (SIGALRM: POSIX only, Python code only). The parent
  also gives every file a hard deadline (the limit plus :data:`TENGGANG` seconds): a worker still
  busy then (stuck in native code, or on Windows where there is no SIGALRM) is terminated
  (``TerminateProcess`` on Windows, SIGTERM then SIGKILL elsewhere), the file is reported, and a
  fresh worker takes its place.
* **Memory.** On Linux each worker limits its own address space (``RLIMIT_AS``) to what it had at
  start plus :data:`skpxl.buku.pengaman.BATAS_MEMORI_PEKERJA`: an allocation beyond it fails inside that
  worker (MemoryError, or an abort of the native reader) instead of exhausting the PC. Windows and
  macOS offer no such per-process limit to a Python program; there the pre-read limits of
  :mod:`skpxl.buku.pengaman` bound what a file can make the reader allocate.
* **Crashes.** A worker that dies (segfault, abort, killed by the OS) is replaced; its file is
  reported in Berkas Bermasalah with the exit code.

Each worker has up to :data:`DALAM_ANTRIAN` files in flight (it starts the next file while the
parent handles the last result, so no worker waits on a round trip); the hard deadline runs from the
moment a file becomes the worker's current one. The parent wakes at most every :data:`JEDA` seconds and
takes every result that arrived meanwhile: a wake-up per result cost the parent more CPU than the
results themselves (it runs cache-cold after the workers), and the queued files keep the workers busy.
Once every file is sent, it wakes for each result: the last one is taken at once, not up to a JEDA late.
A worker given up takes only its current file with it: the files queued behind it go to another worker.
Results come back in input order through a bounded reorder window, so the recap is the same as
in-process and still streamed. Sources are only read.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from skpxl.batch.langkah import HasilBerkas, proses_berkas
from skpxl.batch.pekerja import TENGGANG, siapkan_pekerja
from skpxl.buku.pengaman import BATAS_MEMORI_PEKERJA, BATAS_WAKTU_BERKAS, pesan_mati, pesan_waktu_habis
from skpxl.core.errors import InputTidakValid

__all__ = ["BATAS_MULAI", "DALAM_ANTRIAN", "JEDA", "JENDELA", "TENGGANG", "jalankan_diawasi"]

BATAS_MULAI = 120.0
"""Seconds a new worker may take to start (a spawned worker on Windows imports skpxl first)."""
JENDELA = 256
"""Files dispatched ahead of the oldest unfinished one (bounds the reorder buffer)."""
GAGAL_MULAI = 3
"""Consecutive workers that die before being ready: the run stops with a message."""
DALAM_ANTRIAN = 8
"""Files sent to one worker ahead of its results: the running one and enough to last through a :data:`JEDA`."""
JEDA = 0.02
"""Least seconds between two wake-ups of the parent (results gather meanwhile; a deadline is never overslept)."""


def _pekerja(conn: Connection, periode: str | None, batas_waktu: float | None, batas_memori: int | None) -> None:
    """The worker loop (top level, so it can be spawned on Windows)."""
    siapkan_pekerja(batas_memori)  # quiet, memory limit, Ctrl+C to the parent, dies with the parent
    conn.send(("siap", os.getpid()))
    while True:
        try:
            tugas = conn.recv()
        except (EOFError, OSError):
            return
        if tugas is None:
            return
        i, path, relatif = tugas
        conn.send((i, proses_berkas(path, relatif, periode, batas_waktu=batas_waktu)))


@dataclass
class _Pekerja:
    proses: Any  # multiprocessing.process.BaseProcess (the context's Process class)
    conn: Connection
    tenggat: float  # deadline of the current file, or of start-up
    siap: bool = False
    tugas: deque[tuple[int, str]] = field(default_factory=deque)  # (index, relative name) sent, current first

    def hentikan(self, *, segera: bool, sudah_diminta: bool = False) -> None:
        if not segera:
            if not sudah_diminta:
                with contextlib.suppress(OSError, ValueError):
                    self.conn.send(None)
            self.proses.join(1.0)
        if self.proses.is_alive():
            self.proses.terminate()
            self.proses.join(2.0)
        if self.proses.is_alive():
            self.proses.kill()
            self.proses.join(2.0)
        self.conn.close()


def _impor_langkah() -> None:
    """Load the modules the per-file step imports on first use."""
    import skpxl.buku.adapters.calamine_reader
    import skpxl.buku.pengaman
    import skpxl.layanan.service  # noqa: F401


def _nama(relatif: str) -> str:
    return relatif.rsplit("/", 1)[-1]


def jalankan_diawasi(
    items: Sequence[tuple[str, str]],
    periode: str | None,
    *,
    jobs: int,
    batas_waktu: float | None = BATAS_WAKTU_BERKAS,
    batas_memori: int | None = BATAS_MEMORI_PEKERJA,
    konteks: str | None = None,
) -> Iterator[HasilBerkas]:
    """:func:`proses_berkas` over ``items`` ((path, relative name) pairs) in ``jobs`` supervised workers.

    Yields one :class:`HasilBerkas` per item, in the order of ``items``. ``konteks`` is a
    multiprocessing start method (default: the platform's).
    """
    if not items:
        return
    ctx = mp.get_context(konteks)
    keras = math.inf if batas_waktu is None else batas_waktu + TENGGANG
    _impor_langkah()  # forked workers inherit what the parent has loaded (once here, not once per worker)

    def mulai() -> _Pekerja:
        induk, anak = ctx.Pipe()
        proses = ctx.Process(  # type: ignore[attr-defined]
            target=_pekerja, args=(anak, periode, batas_waktu, batas_memori), name="skpxl-pekerja", daemon=True
        )
        proses.start()
        anak.close()
        return _Pekerja(proses, induk, time.monotonic() + BATAS_MULAI)

    pekerja: list[_Pekerja] = []
    hasil: dict[int, HasilBerkas] = {}
    ulang: deque[int] = deque()  # files queued on a worker that was given up: sent again first
    berikut = 0  # next index to yield
    bangun = -math.inf  # when the parent last woke from waiting
    kirim = 0  # next index to dispatch
    gagal_mulai = 0
    tunggu_pada: list[Any] = []  # connections and sentinels, rebuilt only when a worker is replaced

    def daftar_tunggu() -> list[Any]:
        return [w.conn for w in pekerja] + [w.proses.sentinel for w in pekerja]

    try:
        pekerja = [mulai() for _ in range(max(1, min(jobs, len(items))))]
        tunggu_pada = daftar_tunggu()
        while berikut < len(items):
            sekarang = time.monotonic()
            mati: set[int] = set()
            # Each file goes to the least loaded ready worker, so a small batch is shared out evenly; the deep
            # queue only once every worker is ready (the first one up must not take the whole folder).
            batas = DALAM_ANTRIAN if all(w.siap for w in pekerja) else 2
            while ulang or (kirim < len(items) and kirim - berikut < JENDELA):
                bebas = [n for n, w in enumerate(pekerja) if w.siap and n not in mati and len(w.tugas) < batas]
                if not bebas:
                    break
                n = min(bebas, key=lambda m: len(pekerja[m].tugas))
                w = pekerja[n]
                i = ulang[0] if ulang else kirim
                path, relatif = items[i]
                try:
                    w.conn.send((i, path, relatif))
                except (OSError, ValueError):
                    mati.add(n)  # died while idle; replaced below, the file goes to another worker
                    continue
                if ulang:
                    ulang.popleft()
                else:
                    kirim += 1
                if not w.tugas:
                    w.tenggat = sekarang + keras
                w.tugas.append((i, relatif))
            if not mati:
                tenggat = min((w.tenggat for w in pekerja if w.tugas or not w.siap), default=math.inf)
                tunggu = None if tenggat == math.inf else max(0.0, tenggat - sekarang)
                jeda = JEDA - (sekarang - bangun)
                # once every file is sent, each result is taken as it comes: the recap's tail waits on the last one
                if jeda > 0 and (tunggu is None or jeda < tunggu) and (ulang or kirim < len(items)):
                    time.sleep(jeda)  # let results gather (see JEDA); never past a deadline
                    tunggu = None if tunggu is None else tunggu - jeda
                wait(tunggu_pada, tunggu)
            sekarang = bangun = time.monotonic()
            for n, w in enumerate(pekerja):
                sebab: str | None = None
                try:
                    while w.conn.poll():
                        pesan = w.conn.recv()
                        if pesan[0] == "siap":
                            w.siap, w.tenggat, gagal_mulai = True, math.inf, 0
                        else:
                            hasil[pesan[0]] = pesan[1]
                            w.tugas.popleft()
                            w.tenggat = sekarang + keras if w.tugas else math.inf  # the next file starts now
                except (EOFError, OSError):
                    sebab = "mati"
                if n in mati or not w.proses.is_alive():
                    sebab = "mati"
                elif sebab is None and w.tenggat <= sekarang:
                    sebab = "waktu"
                if sebab is None:
                    continue
                w.hentikan(segera=True)
                if w.tugas:
                    i, relatif = w.tugas.popleft()
                    if sebab == "waktu":
                        alasan = pesan_waktu_habis(_nama(relatif), batas_waktu or 0)
                    else:
                        alasan = pesan_mati(_nama(relatif), w.proses.exitcode)
                    hasil[i] = HasilBerkas(relatif, None, masalah=alasan)
                    ulang.extend(j for j, _ in w.tugas)  # never started: another worker takes them
                elif not w.siap:
                    gagal_mulai += 1
                    if gagal_mulai >= GAGAL_MULAI:
                        raise InputTidakValid(
                            "Proses pekerja skpxl tidak dapat dimulai (berhenti sebelum siap, kode keluar "
                            f"{w.proses.exitcode}); jalankan ulang dengan --jobs 1."
                        )
                pekerja[n] = mulai()
                tunggu_pada = daftar_tunggu()
            while berikut in hasil:
                yield hasil.pop(berikut)
                berikut += 1
    finally:
        for w in pekerja:  # every worker told first, so they end side by side (the recap's tail waits on this)
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        for w in pekerja:
            w.hentikan(segera=False, sudah_diminta=True)
