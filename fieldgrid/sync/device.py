"""The device's side of sync: which changes wait for the station, the bundle that carries them, and the return
bundle that brings acknowledgements, decisions, notices and roster changes back.

A change counts as sent only when the station's acknowledgement comes back: until then every export carries
it again (the station applies a bundle once and a record twice to no effect).  Records stay editable after
an export; a later edit has a later stamp and waits for the next bundle.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgrid.model.errors import Label
from fieldgrid.model.places import AREA_KEY, KIND_KEY, STAIRWELL
from fieldgrid.model.profile import parts_outside
from fieldgrid.model.scenario import Pack, ScenarioError, parse_pack
from fieldgrid.record.checks import BadRecord, check_stamp, ident, mapping, moment, text
from fieldgrid.record.clock import Stamp
from fieldgrid.record.merge import merge_doc
from fieldgrid.record.meta import stamps
from fieldgrid.record.tables import CONFLICTS as CONFLICTS  # re-exported, as is NOTICES (the CLI and TUI)
from fieldgrid.record.tables import HOUSEHOLDS, PROBLEM_EVENTS, TABLES
from fieldgrid.record.tables import NOTICES as NOTICES
from fieldgrid.store import Store
from fieldgrid.sync.bundle import (
    SUFFIX,
    Bundle,
    check_records,
    check_source,
    open_bundle,
    read_envelope,
    write_bundle,
)
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys
from fieldgrid.sync.pending import ACKED as ACKED  # re-exported, as are pending and changed_here_after
from fieldgrid.sync.pending import changed_here_after as changed_here_after
from fieldgrid.sync.pending import pending as pending

STATION = "sync_station"  # the trusted station's identity
IMPORTED = "sync_imported"  # digests of return bundles already applied


def identity(store: Store, keys: Keys) -> Identity:
    profile = store.profile()
    grid = {k: v for k, v in (dataclasses.asdict(profile.grid) if profile else {}).items() if v}
    if profile and profile.grid_kind != STAIRWELL:  # a stairwell's grid as before grid kinds: none means stairwell
        grid[KIND_KEY] = profile.grid_kind
        if area := profile.area:
            grid[AREA_KEY] = area
    return Identity(store.device_id, "device", keys.public_key, profile.name if profile else "", grid)


def trusted_station(store: Store) -> Identity | None:
    doc = store.setting(STATION)
    return Identity.from_doc(doc) if doc else None


def trust(store: Store, station: Identity) -> None:
    if station.kind != "station":
        raise SyncError("sync.error.not_a_station_identity")
    current = trusted_station(store)
    if current is not None and current.public_key != station.public_key and current.party == station.party:
        raise SyncError("sync.error.station_key_changed", party=station.party)
    store.set_setting(STATION, station.to_doc())


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    plain: bool


def export(store: Store, keys: Keys, out_dir: Path, *, plain: bool = False) -> Exported:
    station = trusted_station(store)
    if station is None and not plain:
        raise SyncError("sync.error.no_station")
    me = identity(store, keys)
    changes = pending(store)
    # Which return bundles arrived, so the station counts what they carried as delivered.
    payload = {"records": [{"table": table, "doc": doc} for table, doc in changes],
               "received": list(store.setting(IMPORTED) or [])}  # fmt: skip
    path = write_bundle(out_dir, keys, me, "device", payload, target=station, grid=me.grid or {}, plain=plain)
    return Exported(path, len(changes), plain)


@dataclass(frozen=True)
class Imported:
    records: int
    changed: int
    notices: int
    conflicts: int
    acked: str | None
    duplicate: bool = False
    new_notices: tuple[dict[str, Any], ...] = ()  # the notices to pass on that arrived with this bundle
    decisions: tuple[dict[str, Any], ...] = ()  # the station's decisions on problems that arrived with it
    scenarios: tuple[Pack, ...] = ()  # the scenario packs it brought that are now installed (new or upgraded)
    scenarios_refused: tuple[tuple[str, ScenarioError], ...] = ()  # (pack, why) the packs it brought not installed


def _scenarios(store: Store, payload: dict[str, Any]) -> tuple[list[Pack], list[tuple[str, ScenarioError]]]:
    """The scenario packs a return brings (``scenarios``: ``[{"id", "at", "pack"}]``), each checked as ``scenarios
    install`` checks it: those to install, in order, and those refused with why (an older version than the one
    installed, a code another pack has): a refused pack is left out, and the rest of the return still applies."""
    raw = payload.get("scenarios", [])
    if not isinstance(raw, list):
        raise SyncError("error.scenario.payload")
    installed = store.vocabulary().installed
    chosen: list[Pack] = []
    refused: list[tuple[str, ScenarioError]] = []
    for n, item in enumerate(raw):
        doc = item.get("pack") if isinstance(item, dict) else None
        name = str(doc.get("name"))[:40] if isinstance(doc, dict) else f"#{n + 1}"
        try:
            pack = parse_pack(doc)
            store.scenario_changes([*chosen, pack])
        except ScenarioError as exc:
            refused.append((name, exc))
            continue
        old = installed.get(pack.name)
        if old is None or old.version != pack.version or dict(old.doc) != dict(pack.doc):
            chosen.append(pack)
    return chosen, refused


def _check_notices_and_ack(payload: dict[str, Any], store: Store) -> None:
    """The notices to pass on and the acknowledgement, as the station writes them: a malformed notice would break
    the dashboard, and an acknowledgement of a stamp this device never wrote would stop its changes from ever
    being sent."""
    notices = payload.get("notices", [])
    if not isinstance(notices, list):
        raise SyncError("sync.error.bad_notice", notice="—", reason=Label("reason", "not_a_list"))
    for n, notice in enumerate(notices):
        name = str(notice.get("id"))[:64] if isinstance(notice, dict) else f"#{n + 1}"
        why = mapping(notice)
        if why is None:
            why = ident(notice.get("id")) or moment(notice.get("at")) or text(notice.get("text"))
        if why is None and notice.get("audience", "residents") not in AUDIENCES:
            why = "unknown_value"
        if why:
            raise SyncError("sync.error.bad_notice", notice=name, reason=Label("reason", why))
    acks = payload.get("acks", {})
    ack = acks.get(store.device_id) if isinstance(acks, dict) else None
    if not isinstance(acks, dict) or not (ack is None or isinstance(ack, str)):
        raise SyncError("sync.error.bad_ack", reason=Label("reason", "not_an_object"))
    if ack:
        try:
            check_stamp(ack, "ack", "ack", store.now_ms(), {store.device_id})
        except BadRecord as bad:
            raise SyncError("sync.error.bad_ack", reason=Label("reason", bad.reason)) from None
        if ack > store.clock_stamp():
            raise SyncError("sync.error.bad_ack", reason=Label("reason", "future_stamp"))


AUDIENCES = ("residents", "leaders")  # a notice to pass on to the residents (the default), or for the leader only


def _peers(payload: dict[str, Any]) -> list[str]:
    """The unit's other devices whose changes a return carries (the backup leader's, a replaced device's): the
    station names them, and their stamps are then expected."""
    peers = payload.get("peers", [])
    if not isinstance(peers, list) or len(peers) > 16 or any(ident(p) for p in peers):
        raise SyncError("sync.error.bad_peers")
    return [str(p) for p in peers]


def identity_to_share(store: Store, keys: Keys) -> Identity:
    """The identity the leader carries to the station for enrolment: only once the profile says who and where
    (the station checks the unit of every bundle against it)."""
    me = identity(store, keys)
    if not me.name.strip() or not (me.grid or {}).get("unit"):
        raise SyncError("sync.error.no_profile")
    return me


def returns_for(store: Store, folder: Path, *, skip: Collection[str] = ()) -> list[Path]:
    """The return bundles in ``folder`` (and below it, except in its subfolders named in ``skip``) addressed to
    this device, oldest first; the envelope is all that is read, so other leaders' bundles and anything
    unreadable are simply not this device's."""
    found: list[tuple[str, Path]] = []
    for path in sorted(Path(folder).rglob(f"return-*{SUFFIX}")):
        if path.name.startswith(".") or (skip and path.relative_to(folder).parts[0] in skip):
            continue
        try:
            envelope = read_envelope(path)
        except SyncError:
            continue
        if envelope.get("kind") == "return" and envelope.get("target") == store.device_id:
            found.append((str(envelope.get("created", "")), path))
    return [path for _, path in sorted(found)]


def import_return(store: Store, keys: Keys, path: Path) -> Imported:
    """Apply a return bundle from the trusted station: whole, in one write, or not at all."""
    bundle: Bundle = open_bundle(path, keys)
    check_source(bundle, trusted_station(store))
    envelope = bundle.envelope
    if envelope["kind"] != "return" or envelope["target"] != store.device_id:
        raise SyncError("sync.error.not_for_me", target=str(envelope["target"]))
    done = list(store.setting(IMPORTED) or [])
    if bundle.digest in done:
        return Imported(len(bundle.records), 0, 0, 0, None, duplicate=True)
    me = identity(store, keys)
    for table, doc in bundle.records:
        if table not in TABLES:
            raise SyncError("sync.error.unknown_table", table=table)
        if table == HOUSEHOLDS and parts_outside(me.grid or {}, doc):
            raise SyncError("sync.error.out_of_scope", record=doc.get("room", doc["id"]))
    station = str(envelope["source"]["party"])
    check_records(bundle, now_ms=store.now_ms(), parties={store.device_id, station, *_peers(bundle.payload)})
    _check_notices_and_ack(bundle.payload, store)
    packs, packs_refused = _scenarios(store, bundle.payload)
    current = {table: {d["id"]: d for d in store.raw_docs(table)} for table in TABLES}
    changed: dict[str, list[dict[str, Any]]] = {}
    conflicts: list[dict[str, Any]] = []
    seen = ""
    for table, doc in bundle.records:
        try:
            merged, found = merge_doc(table, current[table].get(doc["id"]), doc)
            seen = max([seen, *stamps(doc)])
            if seen:
                Stamp.decode(seen)  # the clock will observe it: it must be a stamp
        except (AttributeError, KeyError, TypeError, ValueError):  # a record no fieldgrid writes: refuse it all
            raise SyncError("sync.error.damaged") from None
        conflicts.extend(found)
        if merged != current[table].get(doc["id"]):
            current[table][doc["id"]] = merged
            changed.setdefault(table, []).append(merged)
    notices = [n for n in bundle.payload.get("notices", []) if isinstance(n, dict) and isinstance(n.get("id"), str)]
    known_notices = {d["id"] for d in store.raw_docs(NOTICES)}
    received = store.now().isoformat(timespec="minutes")
    fresh = [{**n, "received": received} for n in notices if n["id"] not in known_notices]
    if fresh:
        changed[NOTICES] = fresh
    if conflicts:
        existing = len(store.raw_docs(CONFLICTS))
        changed[CONFLICTS] = [{"id": f"c{existing + n}", **c} for n, c in enumerate(conflicts)]
    ack = bundle.payload.get("acks", {}).get(store.device_id)
    settings: dict[str, Any] = {IMPORTED: [*done, bundle.digest][-200:]}
    if isinstance(ack, str) and ack > str(store.setting(ACKED) or ""):
        settings[ACKED] = ack
    settings.update(store.scenario_changes(packs) or {})
    store.write_merged(changed, seen=seen or None, settings=settings)
    count = sum(len(v) for k, v in changed.items() if k in TABLES)
    decisions = tuple(d for d in changed.get(PROBLEM_EVENTS, []) if d.get("kind") == "decision")
    return Imported(len(bundle.records), count, len(fresh), len(conflicts), settings.get(ACKED),
                    new_notices=tuple(fresh), decisions=decisions, scenarios=tuple(packs),
                    scenarios_refused=tuple(packs_refused))  # fmt: skip


# -- the stick, both ways in one go ---------------------------------------------------------------------------

LAST_STICK = "sync_stick"  # the stick (or folder) used last, where the next exchange looks first


@dataclass(frozen=True)
class StickExchange:
    """What one ``sync stick`` did: each return for this device found on the stick, imported or refused (in the
    order they were written), and the bundle written."""

    folder: Path
    returns: list[tuple[Path, Imported | SyncError]]
    exported: Exported


def exchange_stick(store: Store, keys: Keys, stick: Path) -> StickExchange:
    """Everything a leader does with the stick, in one go: import every return on it addressed to this device
    (other leaders' are left alone; one refused return stops neither the others nor the export), then write this
    device's bundle into the stick's exchange folder — after the imports, so it says which returns arrived and
    carries nothing the station has just acknowledged.  A stick that is not a folder, or no station to send to:
    refused before anything is written."""
    from fieldgrid.sync.stick import ARCHIVE, exchange_folder

    stick = Path(stick)
    if not stick.is_dir():
        raise SyncError("stick.error.not_folder", path=str(stick))
    if trusted_station(store) is None:
        raise SyncError("sync.error.no_station")
    folder = exchange_folder(stick)
    results: list[tuple[Path, Imported | SyncError]] = []
    for path in returns_for(store, folder, skip=(ARCHIVE,)) if folder.is_dir() else []:
        try:
            results.append((path, import_return(store, keys, path)))
        except SyncError as exc:
            results.append((path, exc))
        except OSError as exc:  # the stick went away, or a file on it cannot be read
            results.append((path, SyncError("sync.error.unreadable", path=str(path), reason=exc.strerror or "")))
    exported = export(store, keys, folder)
    store.set_setting(LAST_STICK, str(stick.absolute()))
    return StickExchange(folder, results, exported)
