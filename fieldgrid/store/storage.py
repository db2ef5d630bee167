"""A crash-safe TinyDB storage: the whole database is written to a temp file in the same folder,
fsynced, and ``os.replace``d over the old file, then the folder is fsynced.  A power cut at any moment
leaves either the old file or the new one, never a mix.

The parsed data is kept in memory (TinyDB re-reads the storage on every operation), and a ``batch()``
collects several TinyDB operations into one write.  A write that fails (full disk) drops the in-memory
copy so the next read sees exactly what is on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from fieldgrid.fsutil import atomic_write_bytes, remove_leftovers


class CorruptDatabase(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def remove_stale_temps(path: Path) -> list[Path]:
    """Temp files left by a process that died mid-write; the real file is intact, so they go."""
    return remove_leftovers(path.parent, path.name)


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._batch_depth = 0
        self._dirty = False
        remove_stale_temps(self.path)

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        if not raw.strip():
            # An empty file is what a crash before the first complete write could leave on some
            # file systems; it holds nothing to lose.
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorruptDatabase(self.path, str(exc)) from exc
        if not isinstance(data, dict):
            raise CorruptDatabase(self.path, "top level is not an object")
        # TinyDB's shape: {table: {doc_id: document}}.  Anything else would crash later, mid-session.
        for name, table in data.items():
            if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
                raise CorruptDatabase(self.path, f"table {name!r} is not a set of documents")
        return data

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = self._load()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._data is not None
        try:
            atomic_write_bytes(self.path, encode(self._data))
        except BaseException:
            self._data = None  # forget what did not reach the disk
            raise
        self._dirty = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Everything written inside goes to disk in one atomic write at the end, or not at all."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._data = None
                self._dirty = False
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._flush()

    def close(self) -> None:
        pass
