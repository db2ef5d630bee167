"""The USB stick as both sides use it: one folder, ``fieldgrid/``, at the stick's root.

Each device writes its bundle into that folder; the station imports every device bundle in it, writes each
leader's return into a folder of its own named after the leader and the unit (``fieldgrid/张三-6栋3单元/``), and
moves what it imported into ``fieldgrid/archive/``.  Both sides leave the archive alone.

Finding the stick: the mounted drives under :data:`DEFAULT_ROOTS` (patterns that :data:`ROOTS_ENV` replaces, for
tests or an unusual mount point), or the one used last.  No store and no station here: both sides use it.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fieldgrid.sync.bundle import SUFFIX

FOLDER = "fieldgrid"  # the exchange folder at the stick's root
ARCHIVE = "archive"  # inside it: what the station imported
ROOTS_ENV = "FIELDGRID_STICK_ROOTS"  # glob patterns separated by os.pathsep; set and empty: look nowhere
# Where desktops mount removable drives: udisks (/media/USER/LABEL, /run/media/USER/LABEL), older automounters
# (/media/LABEL), and by hand (/mnt/LABEL).  Only mount points count there.
DEFAULT_ROOTS = ("/media/*", "/media/*/*", "/run/media/*/*", "/mnt/*")
_NOT_ON_FAT = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_DOS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
MAX_NAME = 64  # characters of a folder name (FAT and exFAT allow 255 UTF-16 units: room for the file names)


def exchange_folder(stick: Path) -> Path:
    """The exchange folder of ``stick``: ``STICK/fieldgrid`` — or ``stick`` itself when that is the exchange folder
    already (the user named ``/media/u/STICK/fieldgrid``)."""
    stick = Path(stick)
    if stick.name == FOLDER and not (stick / FOLDER).exists():
        return stick
    return stick / FOLDER


def safe_name(text: str) -> str:
    """``text`` as a folder name any stick takes (FAT, exFAT, NTFS, ext4): no ``/\\:*?"<>|`` or control
    characters, no trailing dot or space, no DOS device name, at most :data:`MAX_NAME` characters; "" when
    nothing is left."""
    name = _NOT_ON_FAT.sub("_", text).strip()[:MAX_NAME].rstrip(". ")
    if name.split(".")[0].upper() in _DOS_DEVICES:
        name = "_" + name
    return name


def return_folder_name(leader: str, grid: Mapping[str, str], party: str) -> str:
    """The folder a leader's returns go into on the stick: the leader and the unit (``张三-6栋3单元``), the
    party's id when the leader has no name."""
    unit = "".join(str(grid.get(part, "")) for part in ("building", "unit"))
    name = safe_name("-".join(part for part in (leader.strip(), unit) if part))
    return name or safe_name(party) or "_"


def bundles_under(folder: Path, pattern: str = f"*{SUFFIX}") -> Iterator[Path]:
    """The bundles in the exchange folder and its leaders' folders, in a stable order; not the archive, nor
    hidden files (a half-written bundle's temp file)."""
    for path in sorted(Path(folder).rglob(pattern)):
        parts = path.relative_to(folder).parts
        if parts[0] == ARCHIVE or any(part.startswith(".") for part in parts):
            continue
        yield path


# -- finding the stick ----------------------------------------------------------------------------------------


def mounted_sticks(roots: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """The writable drives mounted where desktops mount removable ones, in a stable order.  ``roots`` (or the
    patterns in :data:`ROOTS_ENV`) replace :data:`DEFAULT_ROOTS`; every folder they match counts as a drive."""
    env = os.environ if environ is None else environ
    if roots is None and ROOTS_ENV in env:
        roots = [p for p in env[ROOTS_ENV].split(os.pathsep) if p]
    mounts_only = roots is None
    found: list[Path] = []
    for pattern in DEFAULT_ROOTS if roots is None else roots:
        for match in sorted(glob.glob(os.path.expanduser(pattern))):
            path = Path(match)
            if path in found or not path.is_dir() or not os.access(path, os.W_OK | os.X_OK):
                continue
            if mounts_only and not os.path.ismount(path):
                continue
            found.append(path)
    return found


@dataclass(frozen=True)
class Found:
    """Which stick to use: ``stick`` (and ``how``: "detected" or "last"), or, when that is not clear, the
    ``candidates`` to choose from (none: no stick at all)."""

    stick: Path | None
    how: str = ""
    candidates: list[Path] = field(default_factory=list)


def find_stick(last: str | None, roots: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> Found:
    """The stick to use when none is named: the one mounted drive; among several, the one used ``last``;
    with none mounted, the folder used ``last`` if it is still there.  Otherwise the candidates to ask about."""
    mounted = mounted_sticks(roots, environ)
    previous = Path(last) if last else None
    if previous is not None and not previous.is_dir():
        previous = None
    if len(mounted) == 1:
        return Found(mounted[0], "detected")
    if previous is not None and (not mounted or previous in mounted):
        return Found(previous, "last")
    return Found(None, candidates=mounted)
