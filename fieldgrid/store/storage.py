"""A crash-safe TinyDB storage: the whole database is written to a temp file in the same folder,
fsynced, and ``os.replace``d over the old file, then the folder is fsynced.  A power cut at any moment
leaves either the old file or the new one, never a mix.

The parsed data is kept in memory (TinyDB re-reads the storage on every operation), and a ``batch()``
collects several TinyDB operations into one write.  A write that fails (full disk) drops the in-memory
copy so the next read sees exactly what is on disk.

Given a :class:`~fieldgrid.store.crypto.SealKey` (the home has a PIN), the storage seals what it writes inside
the same atomic write (serialise → encrypt → temp file, mode 0600 from its first byte → fsync → replace → fsync
of the folder) and opens what it reads; a sealed file it cannot open is refused with its own error, never
taken for an empty or corrupt database.
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
from fieldgrid.store.crypto import DamagedHeader, SealKey, is_sealed

SEALED_SUFFIX = ".sealed"


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
    def __init__(self, path: str | os.PathLike[str], key: SealKey | None = None) -> None:
        self.path = Path(path)
        self.key = key
        self._data: dict[str, Any] | None = None
        self._batch_depth = 0
        self._dirty = False
        remove_stale_temps(self.path)

    @property
    def sealed_mark(self) -> Path:
        """Beside a sealed store: says the store must be sealed, so a damaged header or a plaintext file put in
        its place is refused instead of being taken for a corrupt plaintext database (moved aside, started
        empty)."""
        return self.path.with_name(f".{self.path.name}{SEALED_SUFFIX}")

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        if is_sealed(raw):
            if self.key is None:
                from fieldgrid.store.pin import PinNeeded

                raise PinNeeded(str(self.path.parent))
            # Refused, never moved aside: a file that fails authentication is not known to be worthless.
            raw = self.key.open(raw, str(self.path))
            self.mark_sealed()
        elif self.key is not None or self.sealed_mark.exists():
            # A sealed store is never blank nor plaintext: this one was cut short, damaged in its first bytes,
            # or put here by someone.
            raise DamagedHeader(str(self.path))
        elif not raw.strip():
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
            data = encode(self._data)
            if self.key is None:
                atomic_write_bytes(self.path, data)
                if self.sealed_mark.exists():  # a new store where a sealed one was deleted: no longer sealed
                    self.sealed_mark.unlink()
            else:
                atomic_write_bytes(self.path, self.key.seal(data), mode=0o600)
        except BaseException:
            self._data = None  # forget what did not reach the disk
            raise
        self._dirty = False

    def mark_sealed(self) -> None:
        if not self.sealed_mark.exists():
            atomic_write_bytes(self.sealed_mark, b"", mode=0o600)

    def reseal(self, key: SealKey) -> None:
        """Write the whole store again sealed with ``key`` (a PIN set or changed): one atomic write, after which
        the old key opens nothing; on failure the old key stays."""
        data = self.read()
        before = self.key
        self.key = key
        self._data = data if data is not None else {}
        try:
            self._flush()
        except BaseException:
            self.key = before
            raise
        self.mark_sealed()

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
