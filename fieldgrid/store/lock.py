"""One fieldgrid process per home: an OS file lock on ``HOME/.lock`` that holds the holder's pid.

The lock is released by the OS when the process dies, so a crash never leaves a home locked.
"""

from __future__ import annotations

import contextlib
import os
import time
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
    """``purpose`` (``station ui``) is written beside the pid, so whoever waits for the lock is told who holds it."""

    def __init__(self, home: Path, purpose: str = "") -> None:
        self.home = home
        self.path = home / LOCK_NAME
        self.purpose = purpose
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> HomeLock:
        """Take the lock, trying again for up to ``wait`` seconds while another process holds it."""
        self.home.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + wait
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                pid, purpose = self._read_holder(fd)
                os.close(fd)
                raise HomeLocked(str(self.home), pid, purpose)
            time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {self.purpose}".strip().encode())
        self._fd = fd
        return self

    @staticmethod
    def _read_holder(fd: int) -> tuple[int | None, str]:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            pid, _, purpose = os.read(fd, 200).decode("utf-8", "replace").strip().partition(" ")
            return int(pid), purpose.strip()
        except (OSError, ValueError):
            return None, ""

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
