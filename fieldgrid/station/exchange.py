"""The station's side of the exchange: its identity, enrolling devices, importing their bundles (a stick full
at a time, each bundle whole or refused on its own), and writing one return bundle per device.

A device bundle is accepted only from an enrolled, unrevoked device, signed by the key it enrolled with,
addressed to this station, and holding only households of the device's own building and unit.  A bundle
already imported is reported as a duplicate and changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fieldgrid.batch import without_cycle_collection
from fieldgrid.model.errors import Label
from fieldgrid.model.places import AREA_KEY, KIND_KEY, STAIRWELL, household_label
from fieldgrid.model.profile import parts_outside, unit_title
from fieldgrid.model.vocabulary import ENDED_RESIDENCY
from fieldgrid.record.clock import Clock, Stamp
from fieldgrid.record.merge import merge_doc
from fieldgrid.record.meta import META, stamp_party, stamps
from fieldgrid.record.tables import HOUSEHOLDS, PROBLEM_EVENTS, TABLES
from fieldgrid.station.ahead import CheckedAhead
from fieldgrid.station.backend import db_errors
from fieldgrid.station.db import UNIT_PARTS, Device, Doc, StationDB, StationError
from fieldgrid.station.units import UNITS, grid_label
from fieldgrid.sync.bundle import (
    SUFFIX,
    Prechecked,
    bundle_digest,
    check_records,
    open_bundle,
    read_envelope,
    write_bundle,
)
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys, fingerprint

PLACE = ("street", "community", "community_code", "level")  # a station's place in the grid, as ``station init`` set it
LEVELS = ("community", "street")  # a community's station takes its leaders' devices; a street's, its communities'



def station_identity(db: StationDB, keys: Keys) -> Identity:
    party = db.setting("party")
    if not party:
        party = "st" + uuid.uuid4().hex[:10]
        db.set_setting("party", party)
    grid = {key: value for key in PLACE if (value := db.setting(key) or "")}
    return Identity(party, "station", keys.public_key, db.setting("name") or "", grid)


# -- enrolment ------------------------------------------------------------------------------------------------

POSTS = ("A", "B")  # the unit's leader; its backup leader, who receives the unit's records too


def same_unit(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all((a.get(part) or "") == (b.get(part) or "") for part in UNIT_PARTS)


def unit_devices(db: StationDB, grid: Mapping[str, str], among: Sequence[Device] | None = None) -> list[Device]:
    """The devices enrolled for the unit at ``grid`` (revoked ones too), leaders (post A) first (``among``: the
    station's devices of that unit, read already)."""
    found = [d for d in (db.unit_devices(grid) if among is None else among)
             if d.grid.get("level") != "station" and same_unit(d.grid, grid)]  # fmt: skip
    return sorted(found, key=lambda d: (d.post, d.enrolled_at))


def primary(db: StationDB, device: Device, unit: Sequence[Device] | None = None) -> Device:
    """The device whose unit a device's records are filed under: the unit's leader's (post A), for its backup
    (``unit``: its unit's devices, :func:`unit_devices`, read already)."""
    if device.post == "A":
        return device
    leaders = [d for d in (unit_devices(db, device.grid) if unit is None else unit) if d.active and d.post == "A"]
    return leaders[0] if leaders else device


@dataclass(frozen=True)
class Enrolment:
    device: Device
    fingerprint: str
    replaced: Device | None = None
    community: str = ""  # the community the station learned from this device ('' if it knew its own)
    queued: int = 0  # the unit's records queued for it (a backup leader, a replacement device)


def is_other_community(db: StationDB, grid: Mapping[str, str]) -> bool:
    """Whether a device's grid names another community than the station's (by code, else by name)."""
    mine, theirs = db.setting("community_code") or "", grid.get("community_code", "")
    if mine and theirs:
        return mine != theirs
    name, their_name = db.setting("community") or "", grid.get("community", "")
    return bool(name and their_name and name != their_name)


def enroll(
    db: StationDB,
    party: Identity,
    *,
    post: str = "A",
    replaces: str | None = None,
    other_community: bool = False,
    reinstate: bool = False,
) -> Enrolment:
    """Enroll a device (its unit's bundles), or a community station whose roll-ups this street station takes:
    one protocol at every level.  A device is checked first: its identity carries a leader and a unit; it is of
    this station's community (unless ``other_community``); its unit has no other active device unless it is the
    backup leader (``post="B"``) or ``replaces`` the old one; a revoked device comes back only with
    ``reinstate``.  A refusal changes nothing."""
    grid = dict(party.grid or {})
    print_ = fingerprint(party.public_key)
    street = db.setting("level") == "street"
    if street and party.kind == "device":
        raise StationError("level.error.device_at_street", leader=party.name)
    if party.kind == "station":
        theirs, mine = grid.get("street", ""), db.setting("street") or ""
        if street and theirs and mine and theirs != mine and not other_community:
            raise StationError("level.error.other_street", street=theirs, mine=mine)
        grid["level"] = "station"
        return Enrolment(db.enroll(party.party, party.public_key, party.name, grid), print_)
    if party.kind != "device":
        raise SyncError("sync.error.not_identity")
    if not party.name.strip() or not grid.get("unit"):
        raise StationError("station.error.no_profile", device=party.party)
    if post not in POSTS:
        raise StationError("station.error.post", post=post)
    existing = db.device(party.party)
    if existing is not None and not existing.active and not reinstate:
        raise StationError("station.error.revoked_device", device=party.party, leader=existing.leader)
    if is_other_community(db, grid) and not other_community:
        raise StationError("station.error.other_community", community=grid.get("community", ""),
                           code=grid.get("community_code", ""), mine=db.setting("community") or "",
                           mine_code=db.setting("community_code") or "")  # fmt: skip
    others = [d for d in unit_devices(db, grid) if d.active and d.device_id != party.party]
    replaced = None
    if replaces:
        replaced = next((d for d in others if d.device_id == replaces), None)
        if replaced is None:
            raise StationError("station.error.replaces_unknown", device=replaces, unit=grid_label(grid))
    elif others and post == "A" and any(d.post == "A" for d in others):
        taken = next(d for d in others if d.post == "A")
        raise StationError("station.error.unit_taken", unit=grid_label(grid), leader=taken.leader,
                           device=taken.device_id)  # fmt: skip
    fresh = existing is None or not existing.active
    records: list[tuple[str, Doc]] = []
    if fresh and (replaced or post == "B"):
        source = replaced or next((d for d in others if d.post == "A"), None)
        if source is not None:
            records = [(table, doc) for table in TABLES for doc in db.docs(table, source.device_id)]
    learned = ""
    if not db.setting("community") and not db.setting("community_code") and not other_community:
        learned = grid.get("community", "")
        for key in ("community", "community_code"):
            if grid.get(key):
                db.set_setting(key, grid[key])
    device = db.enroll(party.party, party.public_key, party.name, grid, post=post,
                       replaces=replaced.device_id if replaced else None, records=records)  # fmt: skip
    db.log("enroll", "station.log.enroll", device=device.device_id, leader=device.leader, unit=grid_label(grid),
           post=post, fingerprint=print_)  # fmt: skip
    if fresh:
        for pack in packs_for_everyone(db):  # the scenario packs every leader has: in its first return
            db.queue("scenario", pack, [device.device_id])
    return Enrolment(device, print_, replaced, learned, len(records))


SCENARIOS = "scenarios"  # setting: the scenario packs published, {name: {"pack": doc, "all": bool}} (JSON)


def packs_for_everyone(db: StationDB) -> list[Doc]:
    """The scenario packs published to every leader, as a return carries them: what a device enrolled (or restored)
    after they went out is owed too."""
    raw = db.setting(SCENARIOS)
    published = json.loads(raw) if raw else {}
    return [{"id": f"{name}-{entry['pack'].get('version')}", "at": _minute(), "pack": entry["pack"]}
            for name, entry in sorted(published.items()) if entry.get("all")]  # fmt: skip


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
    held: tuple[str, ...] = ()  # the rooms of households kept aside, unapplied (outside the device's unit)
    logged: bool = field(default=False, compare=False)  # its log lines went in with the bundle's transaction

    @property
    def key(self) -> str:
        return self.refusal.key if self.refusal else ""

    @property
    def params(self) -> dict[str, object]:
        return dict(self.refusal.params) if self.refusal else {}


def _held_notice(device: Device, doc: Doc) -> Doc:
    """What the leader reads about a household the station kept aside, and what to do about it."""
    from fieldgrid.i18n import t

    place = f"{doc.get('building') or ''}{doc.get('unit') or ''}"
    room = household_label(doc, device.grid)
    text = t("station.held.notice", room=room, place=place, unit=grid_label(device.grid))
    return {"id": uuid.uuid4().hex, "at": _minute(), "text": text, "audience": "leaders"}


def _minute() -> str:
    return time.strftime("%Y-%m-%dT%H:%M")


def import_one(
    db: StationDB, keys: Keys, me: Identity, path: Path, prechecked: Prechecked | None = None
) -> Outcome:
    """One bundle into the station (``prechecked``: its records checked already, :mod:`fieldgrid.station.ahead`)."""
    claimed = ""
    try:
        bundle = open_bundle(path, keys)
        source = bundle.envelope["source"]
        claimed = str(source["party"])
        arrival = db.arrival(source["party"], bundle.digest, PARENT)
        device, parent = arrival.device, _parent_of(arrival.setting)
        if parent is not None and claimed == parent.party:
            return _from_parent(db, me, parent, bundle, path)
        if device is None:
            raise SyncError("sync.error.unknown_party", party=source["party"])
        if device.revoked_at is not None:
            raise SyncError("sync.error.revoked", party=device.device_id)
        if source["public_key"] != device.public_key:
            raise SyncError("sync.error.wrong_key", party=device.device_id)
        expected = "rollup" if device.grid.get("level") == "station" else "device"
        if bundle.envelope["kind"] != expected or bundle.envelope["target"] != me.party:
            raise SyncError("sync.error.not_for_me", target=str(bundle.envelope["target"]))
        kept: list[tuple[str, Doc]] = []
        held: list[tuple[str, Doc, str]] = []
        for table, doc in bundle.records:
            if table not in TABLES:
                raise SyncError("sync.error.unknown_table", table=table)
            if expected == "device" and table == HOUSEHOLDS and parts_outside(device.grid, doc):
                held.append(
                    (table, doc, "sync.error.out_of_scope")
                )  # kept aside: the rest of the leader's work goes on
            else:
                kept.append((table, doc))
        unit = unit_devices(db, device.grid, arrival.unit) if expected == "device" else []
        # A roll-up relays anyone's; a device's records carry its unit's devices' stamps and the station's.
        parties = None if expected == "rollup" else {device.device_id, me.party, *(d.device_id for d in unit)}
        check_records(bundle, now_ms=time.time_ns() // 1_000_000, parties=parties,
                      prechecked=prechecked)  # fmt: skip
        received = bundle.payload.get("received", [])
        if not isinstance(received, list) or not all(isinstance(r, str) and len(r) <= 128 for r in received):
            raise SyncError("sync.error.damaged")
        units = rollup_units(bundle.payload.get("units", [])) if expected == "rollup" else None
        if arrival.seen:
            db.confirm(device.device_id, received)  # a copy of a bundle already merged still says what arrived
            return Outcome(path, "duplicate", device.device_id, len(bundle.records))
        tell = [(device.device_id, "notice", _held_notice(device, doc)) for _, doc, _ in held
                if not (doc.get(META) or {}).get("deleted")]  # fmt: skip
        rooms = tuple(household_label(doc, device.grid) or str(doc["id"]) for _, doc, _ in held)
        accepted = Outcome(path, "accepted", device.device_id, len(bundle.records), held=rooms, logged=True)
        applied = db.apply(
            device.device_id, bundle.digest, kept, merge_doc, clock_to=bundle.envelope["clock"]["to"],
            received=received, owner=primary(db, device, unit if expected == "device" else None).device_id, held=held,
            send=tell,
            relay_to=[d.device_id for d in unit if d.active and d.device_id != device.device_id],
            grid=_kind_changed(device.grid, bundle.envelope["grid"]) if expected == "device" else None,
            then=lambda done: write_log(db, replace(accepted, conflicts=done.conflicts)),
        )  # fmt: skip
        if units is not None:  # which leader and unit each of the community's records came from, for the street
            db.set_setting(UNITS + device.device_id, json.dumps(units, ensure_ascii=False))
        return replace(accepted, conflicts=applied.conflicts)
    except SyncError as exc:
        return Outcome(path, "refused", claimed, refusal=exc)
    except OSError as exc:
        refusal = SyncError("sync.error.unreadable", path=str(path), reason=exc.strerror or "")
        return Outcome(path, "refused", claimed, refusal=refusal)
    except db_errors() as exc:  # the station's disk is full, or its database is busy: this bundle waits
        return Outcome(path, "refused", claimed, refusal=SyncError("sync.error.station_db", reason=str(exc)))
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError):  # a shape no device writes
        return Outcome(path, "refused", claimed, refusal=SyncError("sync.error.damaged"))
    except Exception as exc:
        return Outcome(path, "refused", claimed, refusal=SyncError("sync.error.unexpected", error=type(exc).__name__))


def _kind_changed(known: Mapping[str, str], sent: Any) -> dict[str, str] | None:
    """The device's grid path with the grid kind (and the area its places' addresses start with) its bundle
    names, when they differ from what the station knew; the rest of the path stays as enrolled.  A bundle
    without them (an older app) is a stairwell's."""
    sent = sent if isinstance(sent, dict) else {}
    grid = {k: v for k, v in known.items() if k not in (KIND_KEY, AREA_KEY)}
    kind = str(sent.get(KIND_KEY) or "")
    if kind and kind != STAIRWELL:
        grid[KIND_KEY] = kind
        if area := str(sent.get(AREA_KEY) or ""):
            grid[AREA_KEY] = area
    return None if grid == dict(known) else grid


def rollup_units(value: Any) -> list[dict[str, Any]]:
    """A roll-up's list of the community's devices (device, leader, grid, post), checked: anything else is a
    damaged bundle."""
    if not isinstance(value, list) or len(value) > 100_000:
        raise SyncError("sync.error.damaged")
    for unit in value:
        grid = unit.get("grid") if isinstance(unit, dict) else None
        if not (isinstance(grid, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in grid.items())
                and isinstance(unit.get("device"), str) and isinstance(unit.get("leader"), str)
                and unit.get("post") in POSTS):  # fmt: skip
            raise SyncError("sync.error.damaged")
    return value


def _parent(db: StationDB) -> Identity | None:
    return _parent_of(db.setting(PARENT))


def _parent_of(doc: str | None) -> Identity | None:
    """The street station this one reports to, from its setting (``None``: none set)."""
    return Identity.from_doc(json.loads(doc)) if doc else None


def _from_parent(db: StationDB, me: Identity, parent: Identity, bundle: Any, path: Path) -> Outcome:
    """A return from this community station's street station: the street's decisions on problems escalated to
    it, each filed under the unit the problem belongs to and passed on to that unit's devices with their next
    return (the street's stamp travels with it as a peer's).  Anything but a problem event of a problem this
    station holds is a refusal of the whole bundle."""
    if bundle.envelope["source"]["public_key"] != parent.public_key:
        raise SyncError("sync.error.wrong_key", party=parent.party)
    if bundle.envelope["kind"] != "return" or bundle.envelope["target"] != me.party:
        raise SyncError("sync.error.not_for_me", target=str(bundle.envelope["target"]))
    owners: dict[str, str] = {}
    for table, doc in bundle.records:
        problem = str(doc.get("problem_id", "")) if isinstance(doc, dict) else ""
        rows = db.problem_events(problem) if table == PROBLEM_EVENTS and problem else []
        if not rows:
            raise SyncError("sync.error.parent_record", table=table, id=str(doc.get("id", "")))
        owners[problem] = rows[0][0]
    check_records(bundle, now_ms=time.time_ns() // 1_000_000, parties=None)
    confirm_rollups(db, bundle.payload.get("received", []))  # a copy already merged still says what arrived
    if db.seen(bundle.digest):
        return Outcome(path, "duplicate", parent.party, len(bundle.records))

    def route(table: str, doc: Doc) -> tuple[str, list[str]]:
        owner = owners[str(doc["problem_id"])]
        return owner, unit_of(db, owner)

    accepted = Outcome(path, "accepted", parent.party, len(bundle.records), logged=True)
    applied = db.apply(parent.party, bundle.digest, list(bundle.records), merge_doc, route=route,
                       then=lambda done: write_log(db, replace(accepted, conflicts=done.conflicts)))  # fmt: skip
    return replace(accepted, conflicts=applied.conflicts)


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


def log_outcome(db: StationDB, outcome: Outcome) -> None:
    """The station's log keeps every import and every refusal with its reason, so the operator can tell a leader
    why his stick was refused.  A database that cannot be written is itself the refusal's reason: the screen says
    so, and the log stays as it was.  (A bundle accepted wrote its lines in its own transaction: ``logged``.)"""
    if outcome.logged:
        return
    with contextlib.suppress(*db_errors()):
        write_log(db, outcome)


def write_log(db: StationDB, outcome: Outcome) -> None:
    """An outcome's log lines; inside a bundle's transaction, part of it (an error rolls the bundle back)."""
    name = outcome.path.name
    if outcome.refusal is not None:
        db.log("refused", outcome.key, device=outcome.device, file=name, **outcome.params)
        return
    with db.transaction(exclusive=False):  # the held rooms' lines with the outcome's: one commit
        db.log(outcome.status, f"station.log.{outcome.status}", device=outcome.device, file=name,
               records=outcome.records, conflicts=outcome.conflicts)  # fmt: skip
        for room in outcome.held:
            db.log("held", "station.log.held", device=outcome.device, file=name, room=room)


def import_paths(
    db: StationDB, keys: Keys, paths: Iterable[Path], progress: Callable[[int, int], None] | None = None
) -> list[Outcome]:
    """Every bundle of ``paths`` in turn, each one's records checked on another CPU while the station merges and
    writes the bundles before it (:mod:`fieldgrid.station.ahead`)."""
    me = station_identity(db, keys)
    files = [path for path in bundle_files(paths) if not _written_here(path, me)]
    outcomes = []
    with CheckedAhead(files, keys) as ahead:
        for n, path in enumerate(files, start=1):
            with without_cycle_collection():  # a bundle at a time: what it leaves is collected before the next
                outcome = import_one(db, keys, me, path, ahead.take(path))
            log_outcome(db, outcome)
            outcomes.append(outcome)
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
        scenarios = [p for _, kind, p in queued if kind == "scenario"]
        received = db.bundles_from(device.device_id) if device.grid.get("level") == "station" else None
        path = _write_return(keys, me, device, records, notices, folder_of(device) if folder_of else out_dir,
                             received, scenarios)  # fmt: skip
        # Delivered only when the device's next bundle says it imported this one: a lost stick loses nothing.
        db.mark_carried((n for n, _, _ in queued), bundle_digest(path))
        db.log("return", "station.log.return", device=device.device_id, file=path.name, records=len(records),
               notices=len(notices))  # fmt: skip
        yield device.device_id, path, len(records), len(notices)


def _write_return(
    keys: Keys,
    me: Identity,
    device: Device,
    records: list[Doc],
    notices: list[Doc],
    folder: Path,
    received: list[str] | None = None,
    scenarios: list[Doc] | None = None,
) -> Path:
    """One return bundle for ``device``: ``records`` and ``notices``, the acknowledgement of what it sent, and the
    ``peers`` whose stamps the records carry (the unit's other devices: a backup leader's, a replaced one's);
    for a community station, the digests of its roll-ups imported here (``received``)."""
    payload: Doc = {"records": records, "notices": notices, "acks": {device.device_id: device.last_clock or ""}}
    if received is not None:
        payload["received"] = received
    if scenarios:  # scenario packs to install (``{"id", "at", "pack"}``); a return without them is written as before
        payload["scenarios"] = scenarios
    peers = sorted({stamp_party(s) for r in records for s in stamps(r["doc"])} - {device.device_id, me.party})
    if peers:
        payload["peers"] = peers
    target = Identity(device.device_id, "device", device.public_key, device.leader, device.grid)
    return write_bundle(folder, keys, me, "return", payload, target=target, grid=device.grid)


def restore(db: StationDB, keys: Keys, device_id: str, out_dir: Path) -> tuple[Path, int]:
    """A return bundle for ``device_id`` holding its unit's whole current state — every record the station holds
    for the unit, tombstones too — so that ``sync import`` makes a working home of a newly enrolled device (one
    enrolled ``--replaces`` the lost one, or a backup leader's).  Nothing queued is marked carried: the regular
    returns still bring the same records, which merge as no change.  Returns (path, records)."""
    device = db.device(device_id)
    if device is None:
        raise StationError("station.error.unknown_device", device=device_id)
    if not device.active:
        raise StationError("station.error.restore_revoked", device=device_id, leader=device.leader)
    me = station_identity(db, keys)
    source = primary(db, device).device_id
    records: list[Doc] = [
        {"table": table, "doc": doc} for table in TABLES for doc in db.docs(table, source, deleted=True)
    ]
    path = _write_return(keys, me, device, records, [], out_dir, scenarios=packs_for_everyone(db))
    db.log("restore", "station.log.restore", device=device_id, file=path.name, records=len(records))
    return path, len(records)


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
    db.queue("record", {"table": PROBLEM_EVENTS, "doc": doc}, unit_of(db, device))
    db.log("decision", "station.log.decision", device=device, code=problem_id[:8].upper(),
           outcome=Label("outcome", outcome))  # fmt: skip
    return doc


def unit_of(db: StationDB, device_id: str) -> list[str]:
    """The active devices of a device's unit (its leader's and its backup's): what the station writes for the unit
    goes to both."""
    owner = db.device(device_id)
    if owner is None:
        return [device_id]
    found = [d.device_id for d in unit_devices(db, owner.grid) if d.active]
    return found or [device_id]


AUDIENCES = ("residents", "leaders")  # 请转告住户 / 仅供单元长


def notice_targets(
    db: StationDB, *, devices: Iterable[str] = (), units: Iterable[str] = (), leaders: Iterable[str] = ()
) -> list[str] | None:
    """The devices a notice goes to: those named, every device of the units named (``6栋3单元`` finds
    ``橙郡一期6栋3单元``), the leaders named (by name, or by their unit); ``None`` (all) when nothing is named.
    An unknown target is a refusal: a notice to nobody is no notice."""
    devices, units, leaders = list(devices), list(units), list(leaders)
    if not (devices or units or leaders):
        return None
    active = [d for d in db.devices() if d.active and d.grid.get("level") != "station"]
    found: set[str] = set()
    for wanted in devices:
        if not any(d.device_id == wanted for d in active):
            raise SyncError("sync.error.unknown_party", party=wanted)
        found.add(wanted)
    for wanted in units:
        match = [d.device_id for d in active if wanted.strip() and grid_label(d.grid).endswith(wanted.strip())]
        if not match:
            raise StationError("station.error.unknown_unit", unit=wanted)
        found.update(match)
    for wanted in leaders:
        match = [d.device_id for d in active if d.leader == wanted.strip()]
        match = match or [d.device_id for d in active if wanted.strip() and grid_label(d.grid).endswith(wanted.strip())]
        if not match:
            raise StationError("station.error.unknown_leader", leader=wanted)
        found.update(match)
    return sorted(found)


def notice(db: StationDB, text: str, at: str, devices: list[str] | None = None, *, audience: str = "residents") -> int:
    """A notice for some devices (all by default): for the residents, passed on by their leaders, or for the
    leaders only."""
    if not text.strip():
        raise SyncError("sync.error.notice_empty")
    if audience not in AUDIENCES:
        raise StationError("station.error.audience", audience=audience)
    if devices is not None:
        devices = notice_targets(db, devices=devices) or []
    count = db.queue("notice", {"id": uuid.uuid4().hex, "at": at, "text": text.strip(), "audience": audience}, devices)
    db.log("notice", "station.log.notice", count=count, audience=Label("audience", audience), text=text.strip()[:60])
    return count


# -- roll-up to the street --------------------------------------------------------------------------------------

PARENT = "parent"  # the street station this community station reports to (its identity, JSON)


def trust_parent(db: StationDB, parent: Identity) -> None:
    if parent.kind != "station":
        raise SyncError("sync.error.not_a_station_identity")
    db.set_setting(PARENT, json.dumps(parent.to_doc(), ensure_ascii=False))


ROLLUP_ACKED = "rollup_acked"  # the last write of this station's whose records the street confirmed it holds
ROLLUP_SENT = "rollup_sent"  # JSON {digest: last write it carried} of roll-ups written, not yet confirmed
KEPT_SENT = 50  # roll-ups remembered while they wait for the street's confirmation


@dataclass(frozen=True)
class Rollup:
    path: Path
    records: int
    since: int  # the write after which records were carried (0: everything the station holds)
    through: int  # the last write carried


def rollup(
    db: StationDB, keys: Keys, out_dir: Path, *, with_roster: bool = False, full: bool = False
) -> Rollup:
    """What the street station does not yet have, signed and sealed for it: the records changed since the last
    roll-up the street confirmed (its return says which it imported), or everything the station holds when it
    has confirmed none, when ``full`` or ``with_roster``.  The same bundle format, merged there by the same rules
    (so sending it again, or a later one, is harmless).  Minimised (:mod:`fieldgrid.record.minimise`): the
    ledger and the figures, no resident's name, phone or ID number — unless ``with_roster``, which the station's
    log records.  Every roll-up lists the community's units whole, and the street's returns this station
    imported (what the street may stop sending)."""
    from fieldgrid.record.minimise import minimise, resident_names

    parent = _parent(db)
    if parent is None:
        raise SyncError("sync.error.no_station")
    me = station_identity(db, keys)
    since = 0 if full or with_roster else int(db.setting(ROLLUP_ACKED) or 0)
    through = db.last_change()
    names = [] if with_roster else resident_names(db.docs(HOUSEHOLDS, deleted=True))
    records: list[Doc] = [
        {"table": table, "doc": d if with_roster else minimise(table, d, names)}
        for table in TABLES
        for d in db.docs(table, deleted=True, changed_after=since)
    ]
    units = [{"device": d.device_id, "leader": d.leader, "grid": d.grid, "post": d.post}
             for d in db.devices() if d.grid.get("level") != "station"]  # fmt: skip
    payload: Doc = {"records": records, "units": units, "since": since, "through": through,
                    "received": db.bundles_from(parent.party)}  # fmt: skip
    path = write_bundle(out_dir, keys, me, "rollup", payload, target=parent, grid=me.grid or {})
    sent = {**_sent(db), bundle_digest(path): through}
    db.set_setting(ROLLUP_SENT, json.dumps(dict(list(sent.items())[-KEPT_SENT:])))
    db.log("rollup", "station.log.rollup_roster" if with_roster else "station.log.rollup", file=path.name,
           records=len(records), since=since)  # fmt: skip
    return Rollup(path, len(records), since, through)


def _sent(db: StationDB) -> dict[str, int]:
    try:
        sent = json.loads(db.setting(ROLLUP_SENT) or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in sent.items()} if isinstance(sent, dict) else {}


def confirm_rollups(db: StationDB, received: Any) -> int:
    """The street's return names the roll-ups it imported: the records they carried need not go again.  Returns
    the last write now confirmed."""
    if not isinstance(received, list) or not all(isinstance(r, str) and len(r) <= 128 for r in received):
        raise SyncError("sync.error.damaged")
    sent = _sent(db)
    acked = int(db.setting(ROLLUP_ACKED) or 0)
    confirmed = max([acked, *(sent[d] for d in received if d in sent)])
    if confirmed > acked:
        with db.transaction():
            db.set_setting(ROLLUP_ACKED, str(confirmed))
            db.set_setting(ROLLUP_SENT, json.dumps({d: n for d, n in sent.items() if n > confirmed}))
    return confirmed


def find_household(db: StationDB, ident: str) -> tuple[str, str, dict[str, Any]]:
    """The household a person names: ``UNIT:ROOM`` (``6栋3单元:0502``, the unit as reports print it), a room
    number where only one unit has it, its id, or a unique id prefix of 4+ characters.  (id, device, document);
    unknown or ambiguous: a refusal (listing the candidates)."""
    households = db.live_households()
    place, sep, room = ident.replace("：", ":").rpartition(":")
    if sep:
        found = [h for h in households if h[2].get("room") == room.strip()
                 and _unit_of(h[2]) == unit_title("", *_parts(place))]  # fmt: skip
    else:
        found = [h for h in households if h[0] == ident]
        found = found or [h for h in households if h[2].get("room") == ident.strip()]
        found = found or [h for h in households if len(ident) >= 4 and h[0].startswith(ident)]
    current = [h for h in found if h[2].get("residency") not in ENDED_RESIDENCY]
    if len(found) > 1 and len(current) == 1:  # a flat's household now, its earlier ones (moved out, died) history
        found = current
    if len(found) > 1:
        names = ", ".join(f"{_unit_of(d)}:{d.get('room', '')}" for _, _, d in found[:8])
        raise SyncError("sync.error.ambiguous_household", id=ident, candidates=names)
    if not found:
        raise SyncError("sync.error.unknown_household", id=ident)
    return found[0]


def _unit_of(doc: Mapping[str, Any]) -> str:
    return unit_title("", str(doc.get("building") or ""), str(doc.get("unit") or ""))


def _parts(place: str) -> tuple[str, str]:
    """``6栋3单元`` → (``6栋``, ``3单元``): a unit as a person writes it, split where its building word ends."""
    place = place.strip()
    for word in ("栋", "号楼", "幢", "座"):
        at = place.find(word)
        if at > 0:
            return place[: at + len(word)], place[at + len(word) :]
    return "", place


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
    db.queue("record", {"table": HOUSEHOLDS, "doc": doc}, unit_of(db, device))
    return doc
