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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, nothing between."""
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
