"""The station's database: SQLite in WAL mode (standard library), one transaction per bundle — whole or not at
all.

Records are kept in the device's own shape (``{"id": …, …, "_meta": {…}}``) per table, merged by a merge
function shared with the device (``Merge``: the current document or ``None`` and the incoming one → the
merged document and the conflicts it found).  Bundles already applied are remembered by their payload hash,
so a second import of the same bundle changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgrid.errors import Refused
from fieldgrid.fsutil import remove_leftovers
from fieldgrid.model.errors import Label
from fieldgrid.record.meta import META

DB_NAME = "station.sqlite3"
SCHEMA_VERSION = 1
DEVICE_COLUMNS = "device_id, public_key, leader, grid, enrolled_at, revoked_at, last_bundle_at, last_clock, post"
CHUNK = 500  # ids per ``IN (…)`` look-up, under SQLite's variable limit

Doc = dict[str, Any]
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder, not one per record
Merge = Callable[[str, Doc | None, Doc], tuple[Doc, list[Doc]]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    leader TEXT NOT NULL,
    grid TEXT NOT NULL,            -- JSON: the grid path the device serves
    enrolled_at REAL NOT NULL,
    revoked_at REAL,
    last_bundle_at REAL,
    last_clock TEXT,
    post TEXT NOT NULL DEFAULT 'A' -- A: the unit's leader, B: its backup leader (who receives the unit's records too)
);
CREATE TABLE IF NOT EXISTS bundles (
    digest TEXT PRIMARY KEY,       -- SHA-256 of the canonical payload
    device_id TEXT NOT NULL,
    imported_at REAL NOT NULL,
    records INTEGER NOT NULL,
    clock_to TEXT
);
CREATE TABLE IF NOT EXISTS records (
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    device_id TEXT NOT NULL,       -- the device whose unit the record belongs to
    stamp TEXT NOT NULL,           -- the last change's clock stamp
    deleted INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL,             -- the merged document, JSON
    PRIMARY KEY (tbl, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS records_by_device ON records (device_id, tbl);
CREATE TABLE IF NOT EXISTS conflicts (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL,          -- JSON from the merge: field, kept and lost values, stamps, devices
    found_at REAL NOT NULL,
    resolved_at REAL,
    resolution TEXT
);
CREATE TABLE IF NOT EXISTS outbox (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,            -- decision / notice / roster
    payload TEXT NOT NULL,
    created_at REAL NOT NULL,
    sent_at REAL,                  -- when the device confirmed it got it (its next bundle says so)
    bundle TEXT                    -- the last return bundle that carried it
);
CREATE TABLE IF NOT EXISTS held (   -- records a bundle carried that the station keeps aside, unapplied
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    bundle TEXT NOT NULL,          -- the digest of the bundle that carried it
    tbl TEXT NOT NULL,
    record_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    reason TEXT NOT NULL,          -- a message key: why it was not applied
    held_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS log (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    at REAL NOT NULL,
    kind TEXT NOT NULL,            -- accepted / duplicate / refused / held / return / notice / decision / enroll …
    device TEXT NOT NULL,          -- the device it concerns ('' for none or unknown)
    file TEXT NOT NULL,            -- the bundle file it concerns ('' for none)
    key TEXT NOT NULL,             -- the message, for fieldgrid.i18n.t: why refused, what was written
    params TEXT NOT NULL           -- JSON
);
CREATE INDEX IF NOT EXISTS log_by_time ON log (at);
"""


class StationError(Refused):
    """A request the station's data does not allow; ``key`` and ``params`` for :func:`fieldgrid.i18n.t`."""


@dataclass(frozen=True)
class Device:
    device_id: str
    public_key: str
    leader: str
    grid: dict[str, str]
    enrolled_at: float
    revoked_at: float | None
    last_bundle_at: float | None
    last_clock: str | None
    post: str = "A"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class LogEntry:
    """One line of the station's log: what happened (``kind``), to which device and file, and the message
    (``t(key, **params)``: the reason of a refusal, what a return carried)."""

    n: int
    at: float
    kind: str
    device: str
    file: str
    key: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Applied:
    """What one bundle did: records new, changed or already known, and conflicts kept."""

    new: int
    changed: int
    unchanged: int
    conflicts: int


def _meta_of(doc: Doc) -> tuple[str, int]:
    meta = doc.get(META) or {}
    return str(meta.get("stamp") or ""), 1 if meta.get("deleted") else 0


class StationDB:
    """Open with the station home's lock held (see :class:`fieldgrid.store.HomeLock`)."""

    def __init__(
        self, home: Path, *, create: bool = False, now: Callable[[], float] = time.time, read_only: bool = False
    ) -> None:
        self.home = Path(home)
        self.path = self.home / DB_NAME
        if not create and not self.path.exists():
            raise StationError("station.error.not_a_station", home=str(self.home))
        self._now = now
        if read_only:  # a reader beside the process that holds the station (WAL: it sees the last commit)
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
            return
        self.home.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.home / "keys")  # writes that died before their rename: the real files are intact
        remove_leftovers(self.home, "points.json")
        self.conn = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")  # an acknowledged bundle survives a power cut
        self.conn.execute("PRAGMA foreign_keys=ON")
        with self.transaction():
            for statement in _statements(SCHEMA):
                self.conn.execute(statement)
            columns = {row[1] for row in self.conn.execute("PRAGMA table_info(outbox)")}
            if "bundle" not in columns:  # a station made before return bundles were confirmed
                self.conn.execute("ALTER TABLE outbox ADD COLUMN bundle TEXT")
            columns = {row[1] for row in self.conn.execute("PRAGMA table_info(devices)")}
            if "post" not in columns:  # a station made before backup leaders
                self.conn.execute("ALTER TABLE devices ADD COLUMN post TEXT NOT NULL DEFAULT 'A'")
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; anything raised inside rolls everything back.  Inside another
        transaction it is part of that one (several writes made one)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def has_table(self, name: str) -> bool:
        """Whether a table made on first use (redemptions, joint patrols) exists yet."""
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    # -- settings ---------------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- devices ----------------------------------------------------------------------------------

    def enroll(
        self,
        device_id: str,
        public_key: str,
        leader: str,
        grid: dict[str, str],
        *,
        post: str = "A",
        replaces: str | None = None,
        records: Sequence[tuple[str, Doc]] = (),
    ) -> Device:
        """Enroll a device, or renew a revoked one's key; a device already enrolled with another key is refused.
        In the same transaction: the device it ``replaces`` is revoked and the unit's records pass to the new one,
        and ``records`` (the unit's records so far) are queued for it."""
        current = self.device(device_id)
        if current is not None and current.revoked_at is None and current.public_key != public_key:
            raise StationError("station.error.enrolled_other_key", device=device_id)
        now = self._now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO devices (device_id, public_key, leader, grid, enrolled_at, post) "
                "VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, leader = excluded.leader, "
                "grid = excluded.grid, post = excluded.post, revoked_at = NULL",
                (device_id, public_key, leader, json.dumps(grid, ensure_ascii=False), now, post),
            )
            if replaces:
                conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?", (now, replaces))
                conn.execute("UPDATE records SET device_id = ? WHERE device_id = ?", (device_id, replaces))
                conn.execute("UPDATE outbox SET device_id = ? WHERE device_id = ? AND sent_at IS NULL",
                             (device_id, replaces))  # fmt: skip
            conn.executemany(
                "INSERT INTO outbox (device_id, kind, payload, created_at) VALUES (?, 'record', ?, ?)",
                [(device_id, _ENCODE({"table": tbl, "doc": doc}), now) for tbl, doc in records],
            )
        device = self.device(device_id)
        assert device is not None
        return device

    def revoke(self, device_id: str) -> Device:
        if self.device(device_id) is None:
            raise StationError("station.error.unknown_device", device=device_id)
        with self.transaction():
            self.conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?", (self._now(), device_id))
        device = self.device(device_id)
        assert device is not None
        return device

    def device(self, device_id: str) -> Device | None:
        row = self.conn.execute(f"SELECT {DEVICE_COLUMNS} FROM devices WHERE device_id = ?", (device_id,)).fetchone()
        return _device(row) if row else None

    def devices(self) -> list[Device]:
        return [
            _device(r) for r in self.conn.execute(f"SELECT {DEVICE_COLUMNS} FROM devices ORDER BY leader, device_id")
        ]

    # -- bundles ----------------------------------------------------------------------------------

    def seen(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM bundles WHERE digest = ?", (digest,)).fetchone() is not None

    def apply(
        self,
        device_id: str,
        digest: str,
        records: Sequence[tuple[str, Doc]],
        merge: Merge,
        *,
        clock_to: str | None = None,
        received: Sequence[str] = (),
        owner: str | None = None,
        relay_to: Sequence[str] = (),
        held: Sequence[tuple[str, Doc, str]] = (),
        send: Sequence[tuple[str, str, Doc]] = (),
        route: Callable[[str, Doc], tuple[str, Sequence[str]]] | None = None,
    ) -> Applied:
        """Merge one bundle's records in one transaction and remember the bundle; in the same transaction, what
        the return bundles it names as ``received`` carried counts as delivered (a bundle refused half-way
        delivers nothing).  A bundle already seen changes nothing (``Applied(0, 0, n, 0)``).

        New records are filed under ``owner`` (the unit's leader's device; the sender by default); every record
        the bundle changed is queued for the devices in ``relay_to`` (the unit's other leader); ``held`` records
        (table, document, reason) are kept aside, not applied; ``send`` (device, kind, payload) is queued too.
        ``route`` (table, document) → (owner, devices to relay to), for each record on its own: a street's return,
        whose decisions belong to several units."""
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM bundles WHERE digest = ?", (digest,)).fetchone():
                return Applied(0, 0, len(records), 0)
            current = self._current(records)
            new = changed = unchanged = 0
            upserts: list[tuple[str, str, str, str, int, str]] = []
            relayed: list[tuple[str, str, str, float]] = []
            conflicts: list[tuple[str, str, str, float]] = []
            now = self._now()
            for tbl, doc in records:
                existing = current.get((tbl, doc["id"]))
                merged, found = merge(tbl, existing, doc)
                conflicts.extend((tbl, doc["id"], json.dumps(c, ensure_ascii=False), now) for c in found)
                if existing is None:
                    new += 1
                elif merged == existing:
                    unchanged += 1
                    continue
                else:
                    changed += 1
                current[(tbl, doc["id"])] = merged
                stamp, deleted = _meta_of(merged)
                mine, relays = route(tbl, merged) if route else (owner or device_id, relay_to)
                filed = mine if existing is None else self._owner(tbl, doc["id"], mine)
                upserts.append((tbl, doc["id"], filed, stamp, deleted, _ENCODE(merged)))
                relayed += [(d, "record", _ENCODE({"table": tbl, "doc": merged}), now) for d in relays]
            conn.executemany(
                "INSERT INTO records (tbl, id, device_id, stamp, deleted, doc) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (tbl, id) DO UPDATE SET stamp = excluded.stamp, deleted = excluded.deleted, "
                "doc = excluded.doc",
                upserts,
            )
            conn.executemany("INSERT INTO conflicts (tbl, record_id, detail, found_at) VALUES (?, ?, ?, ?)", conflicts)
            conn.execute(
                "INSERT INTO bundles (digest, device_id, imported_at, records, clock_to) VALUES (?, ?, ?, ?, ?)",
                (digest, device_id, now, len(records), clock_to),
            )
            conn.execute(
                "UPDATE devices SET last_bundle_at = ?, last_clock = max(coalesce(last_clock, ''), ?) "
                "WHERE device_id = ?",
                (now, clock_to or "", device_id),
            )
            self._mark_delivered(conn, device_id, received)
            outbox = relayed + [(d, kind, _ENCODE(payload), now) for d, kind, payload in send]
            conn.executemany("INSERT INTO outbox (device_id, kind, payload, created_at) VALUES (?, ?, ?, ?)", outbox)
            conn.executemany(
                "INSERT INTO held (device_id, bundle, tbl, record_id, doc, reason, held_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(device_id, digest, tbl, doc["id"], _ENCODE(doc), reason, now) for tbl, doc, reason in held],
            )
        return Applied(new, changed, unchanged, len(conflicts))

    def put_local(self, tbl: str, doc: Doc, device_id: str) -> None:
        """A record the station wrote itself (a decision), filed under the unit it belongs to."""
        stamp, deleted = _meta_of(doc)
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO records (tbl, id, device_id, stamp, deleted, doc) VALUES (?, ?, ?, ?, ?, ?)",
                (tbl, doc["id"], device_id, stamp, deleted, json.dumps(doc, ensure_ascii=False)),
            )

    def _owner(self, tbl: str, record_id: str, default: str) -> str:
        return self.owner(tbl, record_id) or default

    def _current(self, records: Sequence[tuple[str, Doc]]) -> dict[tuple[str, str], Doc]:
        by_table: dict[str, list[str]] = {}
        for tbl, doc in records:
            by_table.setdefault(tbl, []).append(doc["id"])
        found: dict[tuple[str, str], Doc] = {}
        for tbl, ids in by_table.items():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT id, doc FROM records WHERE tbl = ? AND id IN ({marks})", (tbl, *chunk)
                )
                found.update(((tbl, rid), json.loads(doc)) for rid, doc in rows)
        return found

    # -- reading ----------------------------------------------------------------------------------

    def docs(self, tbl: str, device_id: str | None = None, *, deleted: bool = False) -> Iterator[Doc]:
        sql = "SELECT doc FROM records WHERE tbl = ?"
        args: list[object] = [tbl]
        if device_id is not None:
            sql += " AND device_id = ?"
            args.append(device_id)
        if not deleted:
            sql += " AND deleted = 0"
        for (doc,) in self.conn.execute(sql, args):
            yield json.loads(doc)

    def owner(self, tbl: str, record_id: str) -> str | None:
        """The device a record belongs to (``None`` for a record the station does not hold)."""
        row = self.conn.execute("SELECT device_id FROM records WHERE tbl = ? AND id = ?", (tbl, record_id)).fetchone()
        return str(row[0]) if row else None

    def latest_stamp(self) -> str | None:
        """The newest clock stamp of any record held (the station's clock moves past it)."""
        row = self.conn.execute("SELECT max(stamp) FROM records").fetchone()
        return str(row[0]) if row and row[0] else None

    def problem_events(self, problem_id: str) -> list[tuple[str, Doc]]:
        """Every event of one problem, with the device it belongs to."""
        rows = self.conn.execute(
            "SELECT device_id, doc FROM records WHERE tbl = 'problem_events' AND json_extract(doc, '$.problem_id') = ?",
            (problem_id,),
        ).fetchall()
        return [(str(device), json.loads(doc)) for device, doc in rows]

    def problem_ids(self, code: str) -> list[str]:
        """The problems whose id starts with ``code`` (the report's ``78E49318``, any case, 4+ characters)."""
        wanted = code.strip().lower()
        if len(wanted) < 4:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT json_extract(doc, '$.problem_id') FROM records WHERE tbl = 'problem_events' "
            "AND lower(json_extract(doc, '$.problem_id')) LIKE ? ESCAPE '\\'",
            (wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        return sorted(str(pid) for (pid,) in rows if pid)

    def live_households(self) -> list[tuple[str, str, Doc]]:
        """Every household not deleted: (id, device, document)."""
        rows = self.conn.execute("SELECT id, device_id, doc FROM records WHERE tbl = 'households' AND deleted = 0")
        return [(str(rid), str(device), json.loads(doc)) for rid, device, doc in rows]

    def count(self, tbl: str) -> int:
        (n,) = self.conn.execute("SELECT count(*) FROM records WHERE tbl = ? AND deleted = 0", (tbl,)).fetchone()
        return int(n)

    def open_conflicts(self) -> list[tuple[int, str, str, Doc]]:
        rows = self.conn.execute("SELECT n, tbl, record_id, detail FROM conflicts WHERE resolved_at IS NULL ORDER BY n")
        return [(n, tbl, rid, json.loads(detail)) for n, tbl, rid, detail in rows]

    def resolve_conflict(self, n: int, resolution: str) -> None:
        """The operator has looked at conflict ``n`` (kept the merged value, or noted what to change)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE n = ?", (self._now(), resolution, n)
            )

    def queue(self, kind: str, payload: Doc, device_ids: Sequence[str] | None = None) -> int:
        """Something to send back (a decision, a notice, a roster change) to these devices, or to every
        enrolled device that is not revoked; the number of devices it will reach."""
        if device_ids is None:
            device_ids = [d.device_id for d in self.devices() if d.revoked_at is None]
        text = json.dumps(payload, ensure_ascii=False)
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO outbox (device_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                [(device_id, kind, text, self._now()) for device_id in device_ids],
            )
        return len(device_ids)

    def pending(self, device_id: str) -> list[tuple[int, str, Doc]]:
        rows = self.conn.execute(
            "SELECT n, kind, payload FROM outbox WHERE device_id = ? AND sent_at IS NULL ORDER BY n", (device_id,)
        )
        return [(n, kind, json.loads(payload)) for n, kind, payload in rows]

    def mark_carried(self, numbers: Iterable[int], bundle: str) -> None:
        """These items went into return bundle ``bundle``; they stay pending until the device confirms it."""
        with self.transaction():
            self.conn.executemany("UPDATE outbox SET bundle = ? WHERE n = ?", [(bundle, n) for n in numbers])

    def confirm(self, device_id: str, bundles: Iterable[str]) -> int:
        """The device says it imported these return bundles: what they carried is delivered."""
        with self.transaction() as conn:
            return self._mark_delivered(conn, device_id, bundles)

    def _mark_delivered(self, conn: sqlite3.Connection, device_id: str, bundles: Iterable[str]) -> int:
        digests = [str(b) for b in bundles]
        if not digests:
            return 0
        marks = ",".join("?" * len(digests))
        done = conn.execute(
            f"UPDATE outbox SET sent_at = ? WHERE device_id = ? AND sent_at IS NULL AND bundle IN ({marks})",
            (self._now(), device_id, *digests),
        )
        return done.rowcount

    def held(self, device_id: str | None = None) -> list[tuple[int, str, str, Doc, str, float]]:
        """Records kept aside (n, device, table, document, reason, when), oldest first."""
        sql = "SELECT n, device_id, tbl, doc, reason, held_at FROM held"
        rows = self.conn.execute(sql + (" WHERE device_id = ? ORDER BY n" if device_id else " ORDER BY n"),
                                 (device_id,) if device_id else ())  # fmt: skip
        return [(n, dev, tbl, json.loads(doc), reason, at) for n, dev, tbl, doc, reason, at in rows]

    # -- the log ------------------------------------------------------------------------------------

    def log(self, kind: str, key: str, *, device: str = "", file: str = "", **params: object) -> None:
        """Note what happened (an import, a refusal and why, a return, a notice, an enrolment) with the time."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO log (at, kind, device, file, key, params) VALUES (?, ?, ?, ?, ?, ?)",
                (self._now(), kind, device, file, key, _encode_params(params)),
            )

    def log_entries(self, since: float | None = None, device: str | None = None) -> list[LogEntry]:
        """The log, oldest first: from ``since`` (a timestamp) on, of one device or of all."""
        sql = "SELECT n, at, kind, device, file, key, params FROM log WHERE at >= ?"
        args: list[object] = [since or 0.0]
        if device is not None:
            sql += " AND device = ?"
            args.append(device)
        rows = self.conn.execute(sql + " ORDER BY n", args)
        return [
            LogEntry(n, at, kind, dev, file, key, _decode_params(params))
            for n, at, kind, dev, file, key, params in rows
        ]

    # -- retention ----------------------------------------------------------------------------------

    def replace_docs(self, changes: Sequence[tuple[str, Doc]]) -> int:
        """Records rewritten in place, in one transaction (retention's erasure): each stays filed under its unit."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE records SET stamp = ?, deleted = ?, doc = ? WHERE tbl = ? AND id = ?",
                [(*_meta_of(doc), _ENCODE(doc), tbl, doc["id"]) for tbl, doc in changes],
            )
        return len(changes)


def _encode_params(params: dict[str, object]) -> str:
    """Message parameters as JSON; a vocabulary label (``Label``, a named pair) keeps its kind, so the log reads
    in the language of whoever reads it."""
    return json.dumps(
        {k: {"label": [v.kind, v.code]} if isinstance(v, Label) else v for k, v in params.items()},
        ensure_ascii=False,
        default=str,
    )


def _decode_params(text: str) -> dict[str, Any]:
    params = json.loads(text)
    return {k: Label(*v["label"]) if isinstance(v, dict) and list(v) == ["label"] else v for k, v in params.items()}


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _device(row: sqlite3.Row | tuple[Any, ...]) -> Device:
    device_id, key, leader, grid, enrolled, revoked, last_at, last_clock, post = row
    return Device(device_id, key, leader, json.loads(grid), enrolled, revoked, last_at, last_clock, post or "A")
