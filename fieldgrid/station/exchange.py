"""The station's side of the exchange: its identity, enrolling devices, importing their bundles (a stick full
at a time, each bundle whole or refused on its own), and writing one return bundle per device.

A device bundle is accepted only from an enrolled, unrevoked device, signed by the key it enrolled with,
addressed to this station, and holding only households of the device's own building and unit.  A bundle
already imported is reported as a duplicate and changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgrid.model.profile import parts_outside
from fieldgrid.record.clock import Clock, Stamp
from fieldgrid.record.merge import merge_doc
from fieldgrid.record.tables import HOUSEHOLDS, PROBLEM_EVENTS, TABLES
from fieldgrid.station.db import Device, StationDB
from fieldgrid.sync.bundle import SUFFIX, bundle_digest, check_records, open_bundle, read_envelope, write_bundle
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys


def station_identity(db: StationDB, keys: Keys) -> Identity:
    party = db.setting("party")
    if not party:
        party = "st" + uuid.uuid4().hex[:10]
        db.set_setting("party", party)
    return Identity(party, "station", keys.public_key, db.setting("name") or "")


def enroll(db: StationDB, party: Identity) -> None:
    """Enroll a device (its unit's bundles), or a community station whose roll-ups this street station takes:
    one protocol at every level."""
    grid = dict(party.grid or {})
    if party.kind == "station":
        grid["level"] = "station"
    db.enroll(party.party, party.public_key, party.name, grid)


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """The bundles named, and those inside folders named (a stick full of them), in a stable order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{SUFFIX}") if not p.name.startswith(".")))
        else:
            found.append(path)
    return found


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # accepted / duplicate / refused
    device: str = ""
    records: int = 0
    conflicts: int = 0
    refusal: SyncError | None = None  # why refused

    @property
    def key(self) -> str:
        return self.refusal.key if self.refusal else ""

    @property
    def params(self) -> dict[str, object]:
        return dict(self.refusal.params) if self.refusal else {}


def import_one(db: StationDB, keys: Keys, me: Identity, path: Path) -> Outcome:
    try:
        bundle = open_bundle(path, keys)
        source = bundle.envelope["source"]
        device = db.device(source["party"])
        if device is None:
            raise SyncError("sync.error.unknown_party", party=source["party"])
        if device.revoked_at is not None:
            raise SyncError("sync.error.revoked", party=device.device_id)
        if source["public_key"] != device.public_key:
            raise SyncError("sync.error.wrong_key", party=device.device_id)
        expected = "rollup" if device.grid.get("level") == "station" else "device"
        if bundle.envelope["kind"] != expected or bundle.envelope["target"] != me.party:
            raise SyncError("sync.error.not_for_me", target=str(bundle.envelope["target"]))
        for table, doc in bundle.records:
            if table not in TABLES:
                raise SyncError("sync.error.unknown_table", table=table)
            if expected == "device" and table == HOUSEHOLDS and parts_outside(device.grid, doc):
                raise SyncError("sync.error.out_of_scope", record=str(doc.get("room", doc["id"])))
        parties = None if expected == "rollup" else {device.device_id, me.party}  # a roll-up relays anyone's
        check_records(bundle, now_ms=time.time_ns() // 1_000_000, parties=parties)
        received = bundle.payload.get("received", [])
        if not isinstance(received, list) or not all(isinstance(r, str) and len(r) <= 128 for r in received):
            raise SyncError("sync.error.damaged")
        if db.seen(bundle.digest):
            db.confirm(device.device_id, received)  # a copy of a bundle already merged still says what arrived
            return Outcome(path, "duplicate", device.device_id, len(bundle.records))
        applied = db.apply(device.device_id, bundle.digest, bundle.records, merge_doc,
                           clock_to=bundle.envelope["clock"]["to"], received=received)  # fmt: skip
        return Outcome(path, "accepted", device.device_id, len(bundle.records), applied.conflicts)
    except SyncError as exc:
        return Outcome(path, "refused", refusal=exc)
    except OSError as exc:
        refusal = SyncError("sync.error.unreadable", path=str(path), reason=exc.strerror or "")
        return Outcome(path, "refused", refusal=refusal)
    except sqlite3.Error as exc:  # the station's disk is full, or its database is busy: this bundle waits
        return Outcome(path, "refused", refusal=SyncError("sync.error.station_db", reason=str(exc)))
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError):  # a shape no device writes
        return Outcome(path, "refused", refusal=SyncError("sync.error.damaged"))
    except Exception as exc:
        return Outcome(path, "refused", refusal=SyncError("sync.error.unexpected", error=type(exc).__name__))


def _written_here(path: Path, me: Identity) -> bool:
    """A return bundle this station wrote onto the stick for a leader: not something to import, nor a refusal.
    Only files named as its returns are opened here (every other file is read once, by the import)."""
    if not path.name.startswith(f"return-{me.party}-"):
        return False
    try:
        envelope = read_envelope(path)
    except SyncError:
        return False  # unreadable: the import says why
    source = envelope["source"]
    return bool(source.get("party") == me.party and source.get("public_key") == me.public_key)


def import_paths(
    db: StationDB, keys: Keys, paths: Iterable[Path], progress: Callable[[int, int], None] | None = None
) -> list[Outcome]:
    me = station_identity(db, keys)
    files = [path for path in bundle_files(paths) if not _written_here(path, me)]
    outcomes = []
    for n, path in enumerate(files, start=1):
        outcomes.append(import_one(db, keys, me, path))
        if progress:
            progress(n, len(files))
    return outcomes


# -- what goes back ----------------------------------------------------------------------------------------


class StationClock:
    """The station's hybrid logical clock, kept in its database, for the records the station writes itself
    (decisions on escalated problems, roster changes)."""

    def __init__(self, db: StationDB, now_ms: Callable[[], int] | None = None) -> None:
        self.db = db
        self.now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        party = db.setting("party") or "station"
        last = db.setting("clock")
        self.clock = Clock(party, Stamp.decode(last) if last else None)

    def stamp(self) -> str:
        latest = self.db.latest_stamp()
        if latest:
            self.clock.observe(Stamp.decode(latest), self.now_ms())
        stamp = self.clock.now(self.now_ms()).encode()
        self.db.set_setting("clock", stamp)
        return stamp


def returns(
    db: StationDB,
    keys: Keys,
    out_dir: Path,
    *,
    devices: Collection[str] | None = None,
    folder_of: Callable[[Device], Path] | None = None,
) -> Iterator[tuple[str, Path, int, int]]:
    """One signed, sealed return bundle per enrolled device (or per one of ``devices``): acknowledgement of what
    it sent, the records the station queued for it (decisions, roster changes) and the notices to pass on; in
    ``out_dir``, or in the folder ``folder_of`` gives for the device.  Yields (device, path, records, notices)."""
    me = station_identity(db, keys)
    for device in db.devices():
        if device.revoked_at is not None or (devices is not None and device.device_id not in devices):
            continue
        queued = db.pending(device.device_id)
        records = [p for _, kind, p in queued if kind == "record"]
        notices = [p for _, kind, p in queued if kind == "notice"]
        payload = {"records": records, "notices": notices, "acks": {device.device_id: device.last_clock or ""}}
        target = Identity(device.device_id, "device", device.public_key, device.leader, device.grid)
        folder = folder_of(device) if folder_of else out_dir
        path = write_bundle(folder, keys, me, "return", payload, target=target, grid=device.grid)
        # Delivered only when the device's next bundle says it imported this one: a lost stick loses nothing.
        db.mark_carried((n for n, _, _ in queued), bundle_digest(path))
        yield device.device_id, path, len(records), len(notices)


# -- the operator's own records ------------------------------------------------------------------------------


def find_problem(db: StationDB, code: str) -> str:
    """The problem a person names: its full id, or the code reports and screens print (``78E49318``) or any
    unique prefix of 4+ characters, in any case.  Unknown or ambiguous: a refusal (listing the candidates)."""
    found = db.problem_ids(code)  # a full id is a prefix of itself
    if code in found:
        return code
    if len(found) > 1:
        raise SyncError("sync.error.ambiguous_problem", id=code,
                        candidates=", ".join(p[:8].upper() for p in found[:8]))  # fmt: skip
    if not found:
        raise SyncError("sync.error.unknown_problem", id=code)
    return found[0]


def _owner_of_problem(db: StationDB, problem_id: str) -> tuple[str, list[dict[str, Any]]]:
    rows = db.problem_events(problem_id)
    if not rows:
        raise SyncError("sync.error.unknown_problem", id=problem_id)
    return rows[0][0], [doc for _, doc in rows]


def decide(db: StationDB, clock: StationClock, problem_id: str, outcome: str, text: str, at: str) -> dict[str, Any]:
    """Record the community's decision on an escalated problem and queue it for the device it came from."""
    from fieldgrid.model import ValidationError, ValidationErrors
    from fieldgrid.model.problem import ProblemEvent, check_append
    from fieldgrid.record import meta as records
    from fieldgrid.record.codec import event_doc, event_of

    problem_id = find_problem(db, problem_id)
    device, docs = _owner_of_problem(db, problem_id)
    event = ProblemEvent(problem_id, "decision", at, {"outcome": outcome, "text": text}, stamp="~")
    try:
        check_append([event_of(d) for d in docs], event)
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None
    doc = records.stamp_new(event_doc(event), clock.stamp(), clock.clock.device)
    db.put_local(PROBLEM_EVENTS, doc, device)
    db.queue("record", {"table": PROBLEM_EVENTS, "doc": doc}, [device])
    return doc


def notice(db: StationDB, text: str, at: str, devices: list[str] | None = None) -> int:
    """A notice for the residents of some units (all by default), passed on by their leaders."""
    if not text.strip():
        raise SyncError("sync.error.notice_empty")
    for target in devices or []:  # a notice to nobody is no notice: name the unknown target
        known = db.device(target)
        if known is None or known.revoked_at is not None:
            raise SyncError("sync.error.unknown_party", party=target)
    return db.queue("notice", {"id": uuid.uuid4().hex, "at": at, "text": text.strip()}, devices)


# -- roll-up to the street --------------------------------------------------------------------------------------

PARENT = "parent"  # the street station this community station reports to (its identity, JSON)


def trust_parent(db: StationDB, parent: Identity) -> None:
    if parent.kind != "station":
        raise SyncError("sync.error.not_a_station_identity")
    db.set_setting(PARENT, json.dumps(parent.to_doc(), ensure_ascii=False))


def rollup(db: StationDB, keys: Keys, out_dir: Path) -> tuple[Path, int]:
    """Everything this station holds, signed and sealed for the street station: the same bundle format, merged
    there by the same rules (so sending it again, or a later one, is harmless)."""
    doc = db.setting(PARENT)
    if not doc:
        raise SyncError("sync.error.no_station")
    parent = Identity.from_doc(json.loads(doc))
    me = station_identity(db, keys)
    records = [{"table": table, "doc": d} for table in TABLES for d in db.docs(table, deleted=True)]
    path = write_bundle(out_dir, keys, me, "rollup", {"records": records}, target=parent, grid={})
    return path, len(records)


def find_household(db: StationDB, ident: str) -> tuple[str, str, dict[str, Any]]:
    """The household a person names: ``UNIT:ROOM`` (``6栋3单元:0502``, the unit as reports print it), a room
    number where only one unit has it, its id, or a unique id prefix of 4+ characters.  (id, device, document);
    unknown or ambiguous: a refusal (listing the candidates)."""
    households = db.live_households()
    place, sep, room = ident.replace("：", ":").rpartition(":")
    if sep:
        found = [h for h in households if h[2].get("room") == room.strip()
                 and f"{h[2].get('building', '')}{h[2].get('unit', '')}" == place.strip()]  # fmt: skip
    else:
        found = [h for h in households if h[0] == ident]
        found = found or [h for h in households if h[2].get("room") == ident.strip()]
        found = found or [h for h in households if len(ident) >= 4 and h[0].startswith(ident)]
    if len(found) > 1:
        names = ", ".join(f"{d.get('building', '')}{d.get('unit', '')}:{d.get('room', '')}" for _, _, d in found[:8])
        raise SyncError("sync.error.ambiguous_household", id=ident, candidates=names)
    if not found:
        raise SyncError("sync.error.unknown_household", id=ident)
    return found[0]


def edit_household(db: StationDB, clock: StationClock, ident: str, changes: dict[str, Any]) -> dict[str, Any]:
    """A roster change made at the station (a phone corrected, a household marked vacant): checked by the same
    rules as on the device, stamped with the station's clock, and queued for the unit it belongs to, whose
    device merges it field by field like any other change."""
    from fieldgrid.model import Household, ValidationError, ValidationErrors, validate_household
    from fieldgrid.record import meta as records

    _, device, current = find_household(db, ident)
    household = Household.from_doc(records.live_view(current))
    unknown = set(changes) - {f for f in household.to_doc() if f not in ("id", "members")}
    if unknown:
        raise ValidationErrors([ValidationError(sorted(unknown)[0], "sync.error.station_field")])
    edited = validate_household(Household.from_doc({**household.to_doc(), **changes}))
    doc = records.stamp_changes(current, edited.to_doc(), clock.stamp(), clock.clock.device)
    if doc is None:
        return current
    db.put_local(HOUSEHOLDS, doc, device)
    db.queue("record", {"table": HOUSEHOLDS, "doc": doc}, [device])
    return doc
