"""Worker processes: the set-up every skpxl worker shares, one supervised job for the CLI, and signals.

* :func:`siapkan_pekerja` runs first in every worker (the batch's :mod:`skpxl.batch.pengawas`
  and :func:`jalankan_terpisah`): the memory limit (Linux ``RLIMIT_AS``), a quiet stderr, Ctrl+C
  left to the parent, and a watch on the parent: a worker whose parent is gone (even killed with
  ``kill -9``, which runs no handler) ends itself within a second.
* :func:`jalankan_terpisah` runs one function (``skpxl validasi``/``hitung``) in such a worker
  under the same hard time and memory limits as a file in the batch.
* :func:`tangkap_sinyal` turns SIGINT/SIGTERM (and Ctrl+Break on Windows) into
  :class:`~skpxl.core.errors.Dihentikan`, so ``finally`` blocks stop the workers and remove temp
  files before the CLI prints one line and exits 130/143.
"""

from __future__ import annotations

import contextlib
import faulthandler
import math
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import Any, TypeVar

from skpxl.buku.pengaman import (
    BATAS_MEMORI_PEKERJA,
    BATAS_WAKTU_BERKAS,
    WaktuHabis,
    batas_waktu_lunak,
    pesan_mati,
    pesan_memori,
    pesan_waktu_habis,
)
from skpxl.core.errors import BerkasTidakTerbaca, Dihentikan, SkpxlError

__all__ = ["TENGGANG", "batasi_memori", "jalankan_terpisah", "senyap", "siapkan_pekerja", "tangkap_sinyal"]

T = TypeVar("T")

TENGGANG = 2.0
"""Seconds past the soft limit before the parent terminates a worker."""
BATAS_MULAI = 120.0
"""Seconds a new worker may take to start (a spawned worker on Windows imports skpxl first)."""
_JEDA_INDUK = 0.5
"""Seconds between two looks at the parent."""


def batasi_memori(tambahan: int | None) -> None:
    """Linux: cap this process's address space at its current size plus ``tambahan`` bytes."""
    if not tambahan or not sys.platform.startswith("linux"):
        return
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            sekarang = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, keras = resource.getrlimit(resource.RLIMIT_AS)
        batas = sekarang + tambahan
        if keras != resource.RLIM_INFINITY:
            batas = min(batas, keras)
        resource.setrlimit(resource.RLIMIT_AS, (batas, keras))
    except (OSError, ValueError):
        pass  # the limit is a safety net, not a requirement


def senyap() -> None:
    """Send the worker's own stderr to the null device: a native reader's panic message or backtrace is noise
    on an HR console (the file's reason is reported by the parent). ``SKPXL_DEBUG=1`` keeps it."""
    if os.environ.get("SKPXL_DEBUG"):
        return
    faulthandler.disable()
    with contextlib.suppress(OSError):
        nol = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nol, 2)
        os.close(nol)


def _awasi_induk(bersihkan: Sequence[str]) -> None:
    """End this worker as soon as its parent is gone, removing the files in ``bersihkan`` first.

    The parent's sentinel (a pipe the OS closes when the parent dies, however it dies) is the
    portable signal; on POSIX a changed parent pid is a second one, because a pipe end inherited
    by a sibling worker (fork) can keep the sentinel open. A parent killed with ``kill -9`` runs no
    clean-up of its own, so the worker removes the temp file it was writing for it.
    """

    def akhiri() -> None:
        for p in bersihkan:
            with contextlib.suppress(OSError):
                os.unlink(p)
        os._exit(1)

    induk = mp.parent_process()
    sentinel = induk.sentinel if induk is not None else None
    ppid = os.getppid() if os.name == "posix" else None

    def jaga() -> None:
        while True:
            if sentinel is not None:
                with contextlib.suppress(OSError, ValueError):
                    if wait([sentinel], _JEDA_INDUK):
                        akhiri()
            else:
                time.sleep(_JEDA_INDUK)
            if ppid is not None and os.getppid() != ppid:
                akhiri()

    threading.Thread(target=jaga, name="skpxl-jaga-induk", daemon=True).start()


def siapkan_pekerja(batas_memori: int | None, bersihkan: Sequence[str] = ()) -> None:
    """First thing in every worker: quiet stderr, memory limit, Ctrl+C to the parent only, die with the parent
    (removing the temp files in ``bersihkan``)."""
    senyap()
    # Ctrl+C reaches the whole console process group; the parent decides and stops its workers.
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _awasi_induk(tuple(bersihkan))
    batasi_memori(batas_memori)


# --------------------------------------------------------------------------- signals

_KODE_SINYAL: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}
if hasattr(signal, "SIGBREAK"):  # Ctrl+Break on Windows
    _KODE_SINYAL[signal.SIGBREAK] = 130
if hasattr(signal, "SIGHUP"):  # the terminal was closed
    _KODE_SINYAL[signal.SIGHUP] = 129


@contextlib.contextmanager
def tangkap_sinyal() -> Iterator[None]:
    """Raise :class:`Dihentikan` (exit code 128 + signal) in the main thread on SIGINT/SIGTERM/SIGHUP/SIGBREAK."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def picu(signum: int, frame: FrameType | None) -> None:
        for s in _KODE_SINYAL:  # a second signal during clean-up must not interrupt the clean-up
            with contextlib.suppress(ValueError, OSError):
                signal.signal(s, signal.SIG_IGN)
        raise Dihentikan(_KODE_SINYAL.get(signum, 128 + signum))

    lama = {}
    for s in _KODE_SINYAL:
        with contextlib.suppress(ValueError, OSError):
            lama[s] = signal.signal(s, picu)
    try:
        yield
    finally:
        for s, h in lama.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(s, h if h is not None else signal.SIG_DFL)


# --------------------------------------------------------------------------- one supervised job


def _jalan(
    conn: Connection,
    fungsi: Callable[..., Any],
    args: tuple[Any, ...],
    nama: str,
    batas_waktu: float | None,
    batas_memori: int | None,
    bersihkan: tuple[str, ...],
) -> None:
    """The worker side of :func:`jalankan_terpisah` (top level, so it can be spawned on Windows)."""
    siapkan_pekerja(batas_memori, bersihkan)
    try:
        with batas_waktu_lunak(batas_waktu):
            hasil: tuple[str, Any] = ("ok", fungsi(*args))
    except WaktuHabis:
        hasil = ("galat", pesan_waktu_habis(nama, batas_waktu or 0))
    except MemoryError:
        hasil = ("galat", pesan_memori(nama))
    except SkpxlError as e:
        hasil = ("skpxl", e)
    except Exception as e:  # a bug; the parent turns it into one sentence
        if os.environ.get("SKPXL_DEBUG"):
            import traceback

            traceback.print_exc()
        hasil = ("bug", type(e).__name__)
    try:
        conn.send(hasil)
    except Exception as e:  # an unpicklable result is a bug too
        conn.send(("bug", type(e).__name__))
    conn.close()


class GalatPekerja(Exception):
    """An unexpected error (a bug) inside the worker: ``str(e)`` is the exception's class name."""


def jalankan_terpisah(
    fungsi: Callable[..., T],
    *args: Any,
    nama: str,
    batas_waktu: float | None = BATAS_WAKTU_BERKAS,
    batas_memori: int | None = BATAS_MEMORI_PEKERJA,
    bersihkan: Sequence[os.PathLike[str] | str] = (),
    konteks: str | None = None,
) -> T:
    """``fungsi(*args)`` in a worker process under the batch's limits; return its result.

    ``nama`` names the file in the messages. A file that takes longer than ``batas_waktu``
    (soft limit inside, hard limit ``batas_waktu`` + :data:`TENGGANG` from here, on Windows too),
    needs more memory than ``batas_memori`` (Linux) or kills the worker is refused with
    :class:`BerkasTidakTerbaca`; a :class:`SkpxlError` from ``fungsi`` is raised again here; any
    other exception becomes :class:`GalatPekerja`. The worker is always stopped before this returns;
    if this process dies first (even ``kill -9``) the worker removes the files in ``bersihkan`` (the
    temp file it writes) and ends.
    """
    ctx = mp.get_context(konteks)
    induk, anak = ctx.Pipe(duplex=False)
    proses = ctx.Process(  # type: ignore[attr-defined]
        target=_jalan,
        args=(anak, fungsi, args, nama, batas_waktu, batas_memori, tuple(os.fspath(p) for p in bersihkan)),
        name="skpxl-pekerja",
        daemon=True,
    )
    mulai = time.monotonic()
    proses.start()
    anak.close()
    keras = math.inf if batas_waktu is None else batas_waktu + TENGGANG
    if konteks == "spawn" or (konteks is None and mp.get_start_method() == "spawn"):
        keras += min(BATAS_MULAI, 30.0)  # a spawned worker imports skpxl before the soft limit starts
    jenis: str | None = None
    isi: Any = None
    try:
        sisa = keras - (time.monotonic() - mulai)
        while True:
            siap = wait([induk, proses.sentinel], None if sisa == math.inf else max(0.0, sisa))
            if induk in siap:
                try:
                    jenis, isi = induk.recv()
                except (EOFError, OSError):
                    raise BerkasTidakTerbaca(pesan_mati(nama, _kode(proses))) from None
                break
            if proses.sentinel in siap:
                if induk.poll():
                    continue
                raise BerkasTidakTerbaca(pesan_mati(nama, _kode(proses)))
            raise BerkasTidakTerbaca(pesan_waktu_habis(nama, batas_waktu or 0))
    finally:
        _hentikan(proses, segera=jenis is None)
        induk.close()
    if jenis == "ok":
        return isi  # type: ignore[no-any-return]
    if jenis == "skpxl":
        raise isi
    if jenis == "galat":
        raise BerkasTidakTerbaca(isi)
    raise GalatPekerja(isi)


def _kode(proses: Any) -> int | None:
    proses.join(1.0)
    return proses.exitcode  # type: ignore[no-any-return]


def _hentikan(proses: Any, *, segera: bool) -> None:
    """Stop the worker: it has sent its result and ends by itself; a stuck or interrupted one is terminated."""
    if not segera:
        proses.join(1.0)
    if proses.is_alive():
        proses.terminate()
        proses.join(2.0)
    if proses.is_alive():
        proses.kill()
        proses.join(2.0)
