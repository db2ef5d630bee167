"""Writing files so that a power cut leaves the old file or the new one, never a mix: a temp file in the same
folder, fsynced, ``os.replace``d over the old one, then the folder fsynced.  Used by the store, the bundles,
the keys, the cards and every export."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TEMP_MARK = ".tmp-"


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path) -> Path:
    """Where :func:`atomic_write_bytes` writes before the rename: a hidden file named after the real one, so a
    leftover is recognisable (``.ledger.xlsx.tmp-4242``) and never taken for the real file."""
    return path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, nothing between.  The file
    has ``mode`` from its first byte (a key written 0600 is never readable by others, not even as a temp file);
    the umask applies as usual."""
    tmp = temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def remove_leftovers(folder: Path, pattern: str = "*") -> list[Path]:
    """Temp files in ``folder`` left by a write that died before its rename (a stick pulled, a power cut): the
    real files are intact, so they go.  ``pattern`` narrows it to the temps of some files (``*.fgbundle``)."""
    removed = []
    for stale in Path(folder).glob(f".{pattern}{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def protect_home(home: Path) -> None:
    """A home's folder 0700 (a sealed device home, a station) and its own files 0600: nobody else on the
    machine may list or read them."""
    home = Path(home)
    if os.name != "posix":
        return
    os.chmod(home, 0o700)
    for entry in home.iterdir():
        if entry.is_file() and not entry.is_symlink():
            with contextlib.suppress(OSError):
                os.chmod(entry, 0o600)
