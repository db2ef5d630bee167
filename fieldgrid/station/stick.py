"""``station stick``: a stick full of leaders' bundles, handled in one go.

The station imports every device bundle in the stick's exchange folder (:mod:`fieldgrid.sync.stick`), writes each
of those leaders' returns back onto the stick, into a folder named after the leader and the unit, and moves what
it imported into the archive folder on the stick.  Refused bundles stay where they are.

The order keeps a crash (a stick pulled, a power cut) harmless: each bundle is merged in its own transaction
(:func:`exchange.import_paths`); the returns are written next, each atomically; only then is anything archived.
Whatever is still on the stick after a crash is imported again as a duplicate, and its leader's return written
again.  A leader whose returns this station wrote onto the stick before gets a fresh one on every run (so a
decision taken while the stick waits at the station goes back with it), and the returns it replaces (everything
they carried is in the new one) go to the archive.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldgrid.fsutil import fsync_dir
from fieldgrid.station import exchange
from fieldgrid.station.db import Device, StationDB
from fieldgrid.sync.bundle import SUFFIX, read_envelope
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys
from fieldgrid.sync.stick import ARCHIVE, bundles_under, exchange_folder, return_folder_name

IMPORTED = ("accepted", "duplicate")


@dataclass(frozen=True)
class Returned:
    device: str
    leader: str
    path: Path
    records: int
    notices: int


@dataclass
class StickRun:
    """What one run did.  ``folder`` is the stick's exchange folder, ``None`` when it has none (nothing done)."""

    folder: Path | None
    outcomes: list[exchange.Outcome] = field(default_factory=list)
    returns: list[Returned] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)  # where each file went
    replaced: int = 0  # of those archived, the earlier returns a fresh one replaced (the rest were imported)
    not_archived: list[tuple[Path, str]] = field(default_factory=list)  # a file left in place, and why

    @property
    def refused(self) -> int:
        return sum(o.status == "refused" for o in self.outcomes)


def _earlier_returns(folder: Path, me: Identity) -> dict[str, list[Path]]:
    """This station's returns already on the stick, by the device they are for: those leaders use this stick.
    Only files named as this station's returns are opened (small ones: notices and acknowledgements)."""
    found: dict[str, list[Path]] = {}
    for path in bundles_under(folder, f"return-{me.party}-*{SUFFIX}"):
        try:
            envelope = read_envelope(path)
        except (SyncError, OSError):
            continue  # not a return of ours after all: left alone
        source = envelope["source"]
        if source.get("party") == me.party and source.get("public_key") == me.public_key and envelope["target"]:
            found.setdefault(str(envelope["target"]), []).append(path)
    return found


def _archive(paths: list[Path], archive: Path, run: StickRun) -> None:
    """Move ``paths`` into ``archive`` (a rename on the same stick), then make the renames durable."""
    if not paths:
        return
    touched = {archive}
    try:
        archive.mkdir(exist_ok=True)
    except OSError as exc:
        run.not_archived.extend((p, exc.strerror or str(exc)) for p in paths)
        return
    for path in paths:
        target = archive / path.name
        try:
            os.replace(path, target)
        except OSError as exc:
            run.not_archived.append((path, exc.strerror or str(exc)))
            continue
        run.archived.append(target)
        touched.add(path.parent)
    for folder in touched:
        try:
            fsync_dir(folder)
        except OSError:
            pass  # some file systems cannot sync a folder; the renames are done either way


def station_stick(
    db: StationDB, keys: Keys, stick: Path, progress: Callable[[int, int], None] | None = None
) -> StickRun:
    """Import the device bundles on ``stick``, write those leaders' returns onto it, archive what was imported.
    ``stick`` not a folder: refused, nothing written; no exchange folder on it: nothing to do."""
    stick = Path(stick)
    if not stick.is_dir():
        raise SyncError("stick.error.not_folder", path=str(stick))
    folder = exchange_folder(stick)
    if not folder.is_dir():
        return StickRun(None)
    me = exchange.station_identity(db, keys)
    earlier = _earlier_returns(folder, me)
    # import_paths skips the station's own returns among these (they are not refusals).
    outcomes = exchange.import_paths(db, keys, list(bundles_under(folder)), progress)
    run = StickRun(folder, outcomes)
    devices = {o.device for o in outcomes if o.status in IMPORTED and o.device} | set(earlier)

    def folder_of(device: Device) -> Path:
        return folder / return_folder_name(device.leader, device.grid, device.device_id)

    leaders = {d.device_id: d.leader for d in db.devices()}
    for device_id, path, records, notices in exchange.returns(db, keys, folder, devices=devices, folder_of=folder_of):
        run.returns.append(Returned(device_id, leaders.get(device_id, ""), path, records, notices))
    # Only now, with every import committed and every return written, is anything moved.
    written = {r.path for r in run.returns}
    replaced = [p for r in run.returns for p in earlier.get(r.device, []) if p not in written]
    imported = [o.path for o in outcomes if o.status in IMPORTED]
    _archive(imported, folder / ARCHIVE, run)
    before = len(run.archived)
    _archive(replaced, folder / ARCHIVE, run)
    run.replaced = len(run.archived) - before
    return run
