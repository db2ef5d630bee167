"""A stick's bundles checked ahead on another CPU: while the station merges and writes one bundle, a second
process opens the next ones (verifies, decrypts, unpacks) and checks their records
(:func:`fieldgrid.sync.bundle.precheck_records`), so the import itself needs only to look at which parties
stamped them.  It runs ahead of the import, which takes its word on each bundle in turn; anything that goes
wrong in it (a bundle it cannot open, a process that dies) only means the import checks that bundle itself, as
it does on a one-CPU machine and for small bundles, where a process costs more than it saves: a roll-up of a
community (a street's first ones: 15 bundles of 3.3 MB, 390k records, imported in 45–48 s checked in turn, 39 s
checked ahead) is worth it; a stick of leaders' bundles (~20 KB each: 1,000 of them imported in 22.9 s checked
in turn, 25.2 s ahead) is not."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from fieldgrid.sync.bundle import Prechecked, open_bundle, precheck_records
from fieldgrid.sync.identity import Keys

MIN_BYTES = 256 << 10  # bundles of less than this on average are checked in turn


def _precheck(path: str, seed: bytes, now_ms: int) -> Prechecked | None:
    """In the second process: one bundle opened and its records checked (``None``: it cannot be opened; the
    import says why)."""
    try:
        bundle = open_bundle(Path(path), Keys.from_seed(seed))
    except Exception:
        return None
    return precheck_records(bundle, now_ms=now_ms)


class CheckedAhead:
    """The records of ``files`` (in the order they will be imported) checked in a second process."""

    def __init__(self, files: Sequence[Path], keys: Keys) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Path, Future[Prechecked | None]] = {}
        if len(files) < 2 or (os.cpu_count() or 1) < 2 or _size(files) < MIN_BYTES * len(files):
            return
        now = time.time_ns() // 1_000_000
        # spawn: a fresh interpreter, never a fork of one that runs threads (the station's screens)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        seed = keys.seed
        self._futures = {path: self._pool.submit(_precheck, str(path), seed, now) for path in files}

    def take(self, path: Path) -> Prechecked | None:
        """What the second process found of ``path`` (waited for), ``None`` if it could not check it."""
        future = self._futures.pop(path, None)
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # the process died (killed, out of memory): the import checks the bundle itself
            return None

    def __enter__(self) -> CheckedAhead:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _size(files: Sequence[Path]) -> int:
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total
