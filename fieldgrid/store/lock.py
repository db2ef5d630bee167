"""One fieldgrid process per home: an OS file lock on ``HOME/.lock`` that holds the holder's pid.

The lock is released by the OS when the process dies, so a crash never leaves a home locked.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fieldgrid.store.errors import HomeLocked

LOCK_NAME = ".lock"

try:  # POSIX (Linux, Raspberry Pi OS, macOS)
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # msvcrt: stubs for win32 only
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # msvcrt: stubs for win32 only


class HomeLock:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> HomeLock:
        self.home.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            pid = self._read_pid(fd)
            os.close(fd)
            raise HomeLocked(str(self.home), pid)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    @staticmethod
    def _read_pid(fd: int) -> int | None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            return int(os.read(fd, 32).decode().strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> HomeLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
