"""The station's database: SQLite in WAL mode (standard library), one transaction per bundle — whole or not at
all.

Records are kept in the device's own shape (``{"id": …, …, "_meta": {…}}``) per table, merged by a merge
function shared with the device (``Merge``: the current document or ``None`` and the incoming one → the
merged document and the conflicts it found).  Bundles already applied are remembered by their payload hash,
so a second import of the same bundle changes nothing.

Encrypted at rest (:mod:`fieldgrid.station.seal`): a sealed station is opened with its :class:`StationKey`
(``key=``), and every column that holds residents' data goes through the codec on its way in and out
(``records.doc``, ``conflicts.detail``/``resolution``, ``outbox.payload``, ``held.doc``, ``log.params``,
``devices.leader``); a plaintext station (made before) works as it did until :meth:`StationDB.encrypt`.  Look-ups
that used ``json_extract`` on documents use the plain ``records.ref`` column (a problem event's problem id); the
month's figures are counted over the plain ``kind``, ``at`` and ``facts`` (:mod:`fieldgrid.record.plain`: never a
name or a free text), written with the sealed document in the same row.  The
home is 0700, the database and its ``-wal``/``-shm`` 0600, and SQLite's temporary data stays in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldgrid.errors import Refused
from fieldgrid.fsutil import protect_home, remove_leftovers
from fieldgrid.model.errors import Label
from fieldgrid.record import json_text
from fieldgrid.record.meta import META
from fieldgrid.record.plain import plain_columns, problem_of
from fieldgrid.record.tables import PROBLEM_EVENTS
from fieldgrid.station.backend import (
    BY_DEVICE,
    CHUNK,
    Backend,
    BackendRefused,
    Conn,
    PgConn,
    check_url,
    pointer,
    safe_url,
    write_pointer,
)
from fieldgrid.station.kept import COUNTED, KEPT_SCHEMA, WRITTEN_PLAIN, KeptFigures, events_after
from fieldgrid.station.seal import SEAL_SETTING, Codec, Plain, SealError, StationKey, read_wrapped

DB_NAME = "station.sqlite3"
ENV_DB = "FIELDGRID_STATION_DB"  # where a new station's database goes: a PostgreSQL URL (default: SQLite)
SCHEMA_VERSION = 2  # 2: the records' plain columns (kind, at, facts), which an older fieldgrid would not write
DEVICE_COLUMNS = "device_id, public_key, leader, grid, enrolled_at, revoked_at, last_bundle_at, last_clock, post"
DEVICE_SQL = f"SELECT {DEVICE_COLUMNS} FROM devices WHERE device_id = ?"
SEEN_SQL = "SELECT 1 FROM bundles WHERE digest = ?"
SETTING_SQL = "SELECT value FROM meta WHERE key = ?"
RETRIES = 5  # runs of one bundle's transaction the server may ask for (a deadlock, a serialization failure)
UNIT_PARTS = ("compound", "building", "unit")  # the parts of a grid that name a unit (its devices share them)

Doc = dict[str, Any]
_ENCODE = json_text.dumps
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
    post TEXT NOT NULL DEFAULT 'A', -- A: the unit's leader, B: its backup leader (who receives the unit's records too)
    unit TEXT                      -- the grid's unit (``unit_key``), plain like the grid: its devices looked up by it
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
    doc TEXT NOT NULL,             -- the merged document, JSON (sealed on an encrypted station)
    ref TEXT,                      -- a problem event's problem id (plain: look-ups by problem), a visit's
                                   -- ``corrects``, a correction's target, else NULL
    changed INTEGER NOT NULL DEFAULT 0, -- the number of the write that last changed it (what a roll-up sent)
    kind TEXT,                     -- plain (fieldgrid.record.plain): a visit's or event's kind, a residency
    at TEXT,                       -- plain: a visit's, event's or correction's time
    facts TEXT,                    -- plain: a problem event's data masked, a correction's void
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
""" + KEPT_SCHEMA


class StationError(Refused):
    """A request the station's data does not allow; ``key`` and ``params`` for :func:`fieldgrid.i18n.t`."""


@dataclass(frozen=True)
class Arrival:
    """What a bundle's import looks up first (:meth:`StationDB.arrival`)."""

    device: Device | None  # its sender, as enrolled (None: unknown)
    seen: bool  # the bundle was imported already
    setting: str | None  # the setting asked for (the station's parent)
    unit: list[Device]  # the devices of the sender's unit, as :meth:`StationDB.unit_devices` gives them


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


@dataclass
class _Merged:
    """A bundle's records merged with those held, before anything is written (see ``StationDB._apply``)."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    upserts: list[tuple[Any, ...]] = field(default_factory=list)  # the rows to write, but the change
    relayed: list[tuple[str, str, str, float]] = field(default_factory=list)  # (device, kind, payload, time)
    relayed_all: list[tuple[str, str, float]] = field(default_factory=list)  # (kind, payload, time) for relay_to
    conflicts: list[tuple[str, str, str, float]] = field(default_factory=list)


def _meta_of(doc: Doc) -> tuple[str, int]:
    meta = doc.get(META) or {}
    return str(meta.get("stamp") or ""), 1 if meta.get("deleted") else 0


class StationDB(KeptFigures):
    """Open with the station home's lock held (see :class:`fieldgrid.store.HomeLock`)."""

    _by_unit: bool | None = None  # whether ``devices.unit`` exists (read-only openings do not migrate)

    def __init__(
        self,
        home: Path,
        *,
        create: bool = False,
        now: Callable[[], float] = time.time,
        read_only: bool = False,
        key: StationKey | None = None,
        url: str | None = None,
    ) -> None:
        """``key``: the station's key when it is encrypted (see :mod:`fieldgrid.station.seal`); an encrypted
        station opened without it, or with another station's, is refused before anything is read or written.

        ``url``: a new station's PostgreSQL database (``postgresql://USER@HOST/DB``; ``FIELDGRID_STATION_DB``
        by default, else SQLite in the home), recorded in the home so every later opening finds it."""
        self.home = Path(home)
        self.path = self.home / DB_NAME
        found = pointer(self.home)
        if found is not None:
            url = found["url"]
        elif create and url is None and not self.path.exists():
            url = default_url(self.home)
        if not create and found is None and not self.path.exists():
            raise StationError("station.error.not_a_station", home=str(self.home))
        self._now = now
        self.key = key
        if url:
            self._open_postgres(url, found, create=create, read_only=read_only)
            return
        self._codec: Codec = _codec(read_wrapped(self.path), key, self.home)
        if read_only:  # a reader beside the process that holds the station (WAL: it sees the last commit)
            self.conn: Conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                              isolation_level=None)  # fmt: skip
            self.conn.execute("PRAGMA temp_store=MEMORY")
            self._b = Backend(self.conn, postgres=False)
            self._check_schema()
            return
        self.home.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.home, 0o700)
            if not self.path.exists():  # made 0600 from its first byte; SQLite gives -wal and -shm its mode
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        remove_leftovers(self.home / "keys")  # writes that died before their rename: the real files are intact
        remove_leftovers(self.home, "points.json")
        self.conn = sqlite3.connect(self.path, isolation_level=None)  # transactions are explicit
        self._b = Backend(self.conn, postgres=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")  # an acknowledged bundle survives a power cut
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA temp_store=MEMORY")  # no temporary file (sorts, VACUUM) ever on disk
        self._check_schema()
        with self.transaction():
            self._make_schema()
        protect_home(self.home)

    def _open_postgres(self, url: str, found: dict[str, str] | None, *, create: bool, read_only: bool) -> None:
        """The station on a PostgreSQL server: the home's record of it must name the station the database
        holds (a home pointed at another station's database is refused), and a new station goes only into a
        database that holds none."""
        check_url(url)
        self.url = url
        self.conn = PgConn(url, read_only=read_only)
        self._b = Backend(self.conn, postgres=True)
        try:
            held = self._b.has_table("meta") and self.setting("station")
            if found is not None and held != found["station"]:
                raise BackendRefused("station.pg.other_station", url=safe_url(url), home=str(self.home))
            if found is None and held:
                raise BackendRefused("station.pg.taken", url=safe_url(url))
            self._check_schema()
            self._codec = _codec(self.setting(SEAL_SETTING) if held else None, self.key, self.home)
            if read_only:
                return
            self.home.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(self.home, 0o700)
            remove_leftovers(self.home / "keys")
            remove_leftovers(self.home, "points.json")
            with self.transaction():
                self._make_schema()
                if found is None:
                    station = uuid.uuid4().hex
                    self.conn.execute("INSERT INTO meta VALUES ('station', ?)", (station,))
            if found is None:
                write_pointer(self.home, url, station)
            protect_home(self.home)
        except BaseException:
            self.conn.close()
            raise

    def _check_schema(self) -> None:
        """A database made by a newer fieldgrid is refused before anything is written: update first."""
        if not self._b.has_table("meta"):
            return
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            self.conn.close()
            raise StationError("station.error.newer_schema", found=int(row[0]), supported=SCHEMA_VERSION)

    def _make_schema(self) -> None:
        """The tables, then the migrations of a station made before (versioned by ``meta.schema``)."""
        states = self._b.has_table("records") and not self._b.has_table("problems")
        counts = self._b.has_table("records") and not self._b.has_table("counts")
        for statement in _statements(SCHEMA):
            self.conn.execute(statement)
        if self._b.postgres:
            self.conn.execute("ALTER TABLE bundles ADD COLUMN IF NOT EXISTS n BIGINT GENERATED BY DEFAULT AS IDENTITY")
        columns = self._b.columns("outbox")
        if "bundle" not in columns:  # a station made before return bundles were confirmed
            self.conn.execute("ALTER TABLE outbox ADD COLUMN bundle TEXT")
        columns = self._b.columns("devices")
        if "post" not in columns:  # a station made before backup leaders
            self.conn.execute("ALTER TABLE devices ADD COLUMN post TEXT NOT NULL DEFAULT 'A'")
        self._unit_column("unit" in columns)
        columns = self._b.columns("records")
        if "ref" not in columns:  # a station made before encryption: problem ids were read from documents
            self.conn.execute("ALTER TABLE records ADD COLUMN ref TEXT")
            self.conn.execute("UPDATE records SET ref = json_extract(doc, '$.problem_id') "
                              "WHERE tbl = 'problem_events'")  # fmt: skip
        self.conn.execute("CREATE INDEX IF NOT EXISTS records_by_ref ON records (ref) WHERE ref IS NOT NULL")
        if "changed" not in columns:  # a station made before incremental roll-ups: every record is news once
            self.conn.execute("ALTER TABLE records ADD COLUMN changed INTEGER NOT NULL DEFAULT 0")
        self.conn.execute("CREATE INDEX IF NOT EXISTS records_by_change ON records (changed)")
        if "facts" not in columns:  # a station made before the plain columns: filled from the documents
            for column in ("kind", "at", "facts"):
                self.conn.execute(f"ALTER TABLE records ADD COLUMN {column} TEXT")
            self._fill_plain()
        # the few visits that replace another, found without reading every visit (a district holds millions)
        self.conn.execute("CREATE INDEX IF NOT EXISTS records_replacing ON records (device_id) "
                          "WHERE tbl = 'visits' AND ref IS NOT NULL")  # fmt: skip
        if states:  # a station made before the problems' figures were kept: every problem's, from its events
            refs = self.conn.execute("SELECT DISTINCT ref FROM records WHERE tbl = 'problem_events'").fetchall()
            self._restate(self.conn, [str(ref) for (ref,) in refs if ref])
        if counts:  # … and before each unit's counts were kept
            self._recount(self.conn, [str(d) for (d,) in self.conn.execute("SELECT DISTINCT device_id FROM records")])
        self.conn.execute("INSERT INTO meta VALUES ('schema', ?) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))  # fmt: skip

    def _unit_column(self, present: bool) -> None:
        """``devices.unit``, the indexed look-up of a unit's devices: added to a station made before it, and filled
        wherever it is empty (there, and in a row an older fieldgrid enrolled on a shared server since)."""
        if not present:
            self.conn.execute("ALTER TABLE devices ADD COLUMN unit TEXT")
        self.conn.execute("CREATE INDEX IF NOT EXISTS devices_by_unit ON devices (unit)")
        missing = self.conn.execute("SELECT device_id, grid FROM devices WHERE unit IS NULL").fetchall()
        self.conn.executemany("UPDATE devices SET unit = ? WHERE device_id = ?",
                              [(unit_key(json.loads(grid)), device_id) for device_id, grid in missing])  # fmt: skip

    @property
    def postgres(self) -> bool:
        """Whether the station's database is on a PostgreSQL server."""
        return self._b.postgres

    @property
    def sealed(self) -> bool:
        """Whether the station's data is encrypted at rest."""
        return self._codec.sealed

    def _seal(self, text: str) -> str:
        return self._codec.seal(text)

    def _open(self, value: str) -> str:
        return self._codec.open(value)

    def _doc(self, value: str) -> Doc:
        return json_text.loads(self._codec.open(value))  # type: ignore[no-any-return]

    def encrypt(self, key: StationKey) -> None:
        """Seal a plaintext station with ``key`` (a new data key wrapped under the operator's passphrase) in one
        transaction, then rebuild the file (``VACUUM``) and empty the WAL, so no plaintext stays in free pages or
        in the log."""
        if self.sealed:
            raise SealError("passphrase.already", home=str(self.home))
        codec = key.codec()
        with self.transaction() as conn:
            for table, ids, column in SEALED_COLUMNS:
                rows = conn.execute(f"SELECT {ids}, {column} FROM {table} WHERE {column} IS NOT NULL").fetchall()
                where = " AND ".join(f"{c} = ?" for c in ids.split(", "))
                conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {where}",
                                 [(codec.seal(Plain().open(row[-1])), *row[:-1]) for row in rows])  # fmt: skip
            conn.execute("INSERT INTO meta VALUES (?, ?)", (SEAL_SETTING, key.wrapped))
        self._codec, self.key = codec, key
        self.scrub()

    def change_passphrase(self, key: StationKey) -> None:
        """The same data key, re-wrapped under a new passphrase (``key``): only the ``meta`` row changes."""
        if self.key is None:
            raise SealError("passphrase.not_sealed", home=str(self.home))
        if key.data != self.key.data:
            raise SealError("passphrase.other_key", home=str(self.home))
        with self.transaction() as conn:
            done = conn.execute("UPDATE meta SET value = ? WHERE key = ? AND value = ?",
                                (key.wrapped, SEAL_SETTING, self.key.wrapped))  # fmt: skip
            if done.rowcount != 1:
                raise SealError("passphrase.damaged", where=str(self.path))
        self.key = key
        self.scrub()

    def scrub(self) -> None:
        """Rebuild the file and truncate the WAL: what was overwritten is gone from free pages and the log.  On
        PostgreSQL the server's own ``VACUUM FULL`` rewrites the tables (its WAL and backups are the server's)."""
        if self._b.postgres:
            for table in ("records", "conflicts", "outbox", "held", "log", "devices", "meta"):
                self.conn.execute(f"VACUUM FULL {table}")
            return
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self, *, exclusive: bool = True) -> Iterator[Conn]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (on PostgreSQL the station's write lock: see
        :mod:`fieldgrid.station.backend`); anything raised inside rolls everything back.  Inside another
        transaction it is part of that one (several writes made one).  ``exclusive=False``: a write that only
        adds rows of its own (a log line), which on PostgreSQL need not wait for the other writers."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self._b.begin(exclusive=exclusive)
        try:
            yield self.conn
        except BaseException:
            self._b.rollback()
            raise
        self.conn.execute("COMMIT")

    def has_table(self, name: str) -> bool:
        """Whether a table made on first use (redemptions, joint patrols) exists yet."""
        return self._b.has_table(name)

    # -- settings ---------------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute(SETTING_SQL, (key,)).fetchone()
        return row[0] if row else None

    def settings(self, prefix: str) -> list[tuple[str, str]]:
        """Every setting whose key starts with ``prefix``, by key."""
        rows = self.conn.execute("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key",
                                 (len(prefix), prefix))  # fmt: skip
        return [(str(k), str(v)) for k, v in rows]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              (key, value))  # fmt: skip

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
                "INSERT INTO devices (device_id, public_key, leader, grid, enrolled_at, post, unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, leader = excluded.leader, "
                "grid = excluded.grid, post = excluded.post, unit = excluded.unit, revoked_at = NULL",
                (device_id, public_key, self._seal(leader), json.dumps(grid, ensure_ascii=False), now, post,
                 unit_key(grid)),
            )  # fmt: skip
            if replaces:
                conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?", (now, replaces))
                conn.execute("UPDATE records SET device_id = ? WHERE device_id = ?", (device_id, replaces))
                moved = conn.execute("SELECT ref FROM problems WHERE device_id = ?", (replaces,)).fetchall()
                self._restate(conn, [str(ref) for (ref,) in moved])
                self._recount(conn, [device_id, replaces])
                conn.execute("UPDATE outbox SET device_id = ? WHERE device_id = ? AND sent_at IS NULL",
                             (device_id, replaces))  # fmt: skip
            conn.executemany(
                "INSERT INTO outbox (device_id, kind, payload, created_at) VALUES (?, 'record', ?, ?)",
                [(device_id, self._seal(_ENCODE({"table": tbl, "doc": doc})), now) for tbl, doc in records],
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
        row = self.conn.execute(DEVICE_SQL, (device_id,)).fetchone()
        return self._device(row) if row else None

    def arrival(self, device_id: str, digest: str, setting: str) -> Arrival:
        """What a bundle's import looks up first, asked together (one round trip to a PostgreSQL server): its
        sender's device, whether the bundle was imported already (:meth:`seen`), a setting (the station's parent)
        and the devices of the sender's unit (:meth:`unit_devices`), found through the sender's ``unit``."""
        if self._by_unit is None:
            self._by_unit = "unit" in self._b.columns("devices")
        with self._b.pipeline():
            asked = (self.conn.execute(DEVICE_SQL, (device_id,)), self.conn.execute(SEEN_SQL, (digest,)),
                     self.conn.execute(SETTING_SQL, (setting,)))  # fmt: skip
            beside = self.conn.execute(f"SELECT {DEVICE_COLUMNS}, unit FROM devices WHERE unit IS NULL OR unit = "
                                       "(SELECT unit FROM devices WHERE device_id = ?)", (device_id,)) if (
                self._by_unit) else None  # fmt: skip
            row, seen, value = (rows.fetchone() for rows in asked)
            rows = [] if beside is None else list(beside)
        device = self._device(row) if row else None
        unit: list[Device] = []
        if device is not None:
            key = unit_key(device.grid)
            if any(r[0] == device.device_id and r[-1] == key for r in rows):  # the sender's unit is as its grid says
                unit = [d for d in (self._device(r[:-1]) for r in rows) if unit_key(d.grid) == key]
            else:
                unit = self.unit_devices(device.grid)
        return Arrival(device, seen is not None, str(value[0]) if value else None, unit)

    def devices(self) -> list[Device]:
        found = [self._device(r) for r in self.conn.execute(f"SELECT {DEVICE_COLUMNS} FROM devices")]
        return sorted(found, key=lambda d: (d.leader, d.device_id))  # the names are sealed: sorted here

    def unit_devices(self, grid: Mapping[str, str]) -> list[Device]:
        """The devices whose grid names the unit ``grid`` names (station-level ones and revoked ones too), by the
        indexed ``devices.unit``: a bundle's import reads its unit's few devices, not every device of the
        station.  A row not yet given its unit (an older fieldgrid enrolled it) is read and compared too."""
        if self._by_unit is None:  # a reader beside an older station not yet opened to write has no column
            self._by_unit = "unit" in self._b.columns("devices")
        sql = f"SELECT {DEVICE_COLUMNS} FROM devices"
        rows = self.conn.execute(sql + " WHERE unit = ? OR unit IS NULL", (unit_key(grid),)) if self._by_unit else (
            self.conn.execute(sql))  # fmt: skip
        return [device for device in map(self._device, rows) if unit_key(device.grid) == unit_key(grid)]

    def _device(self, row: sqlite3.Row | tuple[Any, ...]) -> Device:
        device_id, key, leader, grid, enrolled, revoked, last_at, last_clock, post = row
        return Device(device_id, key, self._open(leader), json.loads(grid), enrolled, revoked, last_at, last_clock,
                      post or "A")  # fmt: skip

    # -- bundles ----------------------------------------------------------------------------------

    def seen(self, digest: str) -> bool:
        return self.conn.execute(SEEN_SQL, (digest,)).fetchone() is not None

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
        grid: dict[str, str] | None = None,
        then: Callable[[Applied], None] | None = None,
    ) -> Applied:
        """Merge one bundle's records in one transaction and remember the bundle; in the same transaction, what
        the return bundles it names as ``received`` carried counts as delivered (a bundle refused half-way
        delivers nothing).  A bundle already seen changes nothing (``Applied(0, 0, n, 0)``).  ``then`` is called
        with what was done before the transaction commits, inside it (the import's log line: one commit a
        bundle, and the line goes with the bundle or not at all).

        New records are filed under ``owner`` (the unit's leader's device; the sender by default); every record
        the bundle changed is queued for the devices in ``relay_to`` (the unit's other leader); ``held`` records
        (table, document, reason) are kept aside, not applied; ``send`` (device, kind, payload) is queued too.
        ``route`` (table, document) → (owner, devices to relay to), for each record on its own: a street's return,
        whose decisions belong to several units.  ``grid``: the device's grid path as the bundle named it (its grid
        kind), kept in the device's record."""
        for attempt in range(RETRIES):
            try:
                return self._apply(device_id, digest, records, merge, clock_to=clock_to, received=received,
                                   owner=owner, relay_to=relay_to, held=held, send=send, route=route,
                                   grid=grid, then=then)  # fmt: skip
            except Exception as exc:
                if attempt + 1 == RETRIES or not self._b.retryable(exc):
                    raise
        raise AssertionError("unreachable")

    def _apply(
        self,
        device_id: str,
        digest: str,
        records: Sequence[tuple[str, Doc]],
        merge: Merge,
        *,
        clock_to: str | None,
        received: Sequence[str],
        owner: str | None,
        relay_to: Sequence[str],
        held: Sequence[tuple[str, Doc, str]],
        send: Sequence[tuple[str, str, Doc]],
        route: Callable[[str, Doc], tuple[str, Sequence[str]]] | None,
        grid: dict[str, str] | None,
        then: Callable[[Applied], None] | None,
    ) -> Applied:
        now = self._now()

        def merged() -> tuple[_Merged, dict[tuple[str, str], tuple[int, str]]]:
            current, versions = self._current(records)
            return self._merge(records, current, versions, merge, now, device_id, owner, relay_to, route), versions

        # Read and merged before the write lock (several importers verify, read and merge side by side); under
        # it, the records read are checked to be as they were (the same change number and device), else read and
        # merged again.  Records none of which was held, and no write to records since: nothing to check.  The
        # events of the problems the bundle's events belong to are read before it too: with no write since, the
        # problems' figures are made from them and the merged rows, not read again.
        # On PostgreSQL the reads go to the server together (a pipeline: one round trip), and the transaction in
        # two: its beginning, the lock and its checks; then every write and the commit.  A bundle's many merged
        # rows (a roll-up's) reach the server before the lock, so that under it only their merge is done.
        columns = ("tbl", "id", "device_id", "stamp", "deleted", "doc", *WRITTEN_PLAIN)
        refs = {ref for tbl, doc in records if tbl == PROBLEM_EVENTS and (ref := problem_of(doc))}
        with self._b.pipeline():
            numbered, events = self.conn.execute(NEXT_CHANGE), self._events_of(refs)
            done, versions = merged()
            last, before = int(numbered.fetchone()[0]), [tuple(row) for rows in events for row in rows]
        with self._b.pipeline(), self.transaction(exclusive=False) as conn:
            staged = self._b.stage_ahead("records", columns, done.upserts)
            self._b.lock()
            seen, numbered = conn.execute(SEEN_SQL, (digest,)), conn.execute(NEXT_CHANGE)
            if seen.fetchone():
                applied = Applied(0, 0, len(records), 0)  # another importer's, since this one looked
                if then is not None:
                    then(applied)
                return applied
            change = int(numbered.fetchone()[0])
            if (versions or change != last) and self._versions(records) != versions:
                done, _ = merged()
                staged = self._b.stage_ahead("records", columns, done.upserts)
            self._b.upsert("records", columns, ("tbl", "id"), ("stamp", "deleted", "doc", *WRITTEN_PLAIN, "changed"),
                           done.upserts, fixed=[("changed", change)], staged=staged)  # fmt: skip
            problem, filed = columns.index("ref"), columns.index("device_id")
            touched = {row[problem] for row in done.upserts if row[0] == PROBLEM_EVENTS and row[problem]}
            # made from the events read before the lock when nothing was written since (and it read them all)
            known = events_after(before, done.upserts, columns) if change == last and touched <= refs else None
            self._restate(conn, touched, known)
            self._recount(conn, {row[filed] for row in done.upserts if row[0] in COUNTED})
            self._b.insert("conflicts", ("tbl", "record_id", "detail", "found_at"), done.conflicts)
            conn.execute(
                "INSERT INTO bundles (digest, device_id, imported_at, records, clock_to) VALUES (?, ?, ?, ?, ?)",
                (digest, device_id, now, len(records), clock_to),
            )
            conn.execute(
                "UPDATE devices SET last_bundle_at = ?, last_clock = CASE WHEN coalesce(last_clock, '') > ? "
                "THEN last_clock ELSE ? END WHERE device_id = ?",
                (now, clock_to or "", clock_to or "", device_id),
            )
            if grid is not None:
                conn.execute("UPDATE devices SET grid = ? WHERE device_id = ?",
                             (json.dumps(grid, ensure_ascii=False), device_id))  # fmt: skip
            self._mark_delivered(conn, device_id, received)
            self._b.insert_for_each("outbox", "device_id", relay_to, ("kind", "payload", "created_at"),
                                    done.relayed_all)  # fmt: skip
            outbox = done.relayed + [(d, kind, self._seal(_ENCODE(payload)), now) for d, kind, payload in send]
            self._b.insert("outbox", ("device_id", "kind", "payload", "created_at"), outbox)
            self._b.insert(
                "held", ("device_id", "bundle", "tbl", "record_id", "doc", "reason", "held_at"),
                [(device_id, digest, tbl, doc["id"], self._seal(_ENCODE(doc)), reason, now) for tbl, doc, reason
                 in held],
            )  # fmt: skip
            applied = Applied(done.new, done.changed, done.unchanged, len(done.conflicts))
            if then is not None:
                then(applied)
        return applied

    def _merge(
        self,
        records: Sequence[tuple[str, Doc]],
        current: dict[tuple[str, str], Doc],
        versions: dict[tuple[str, str], tuple[int, str]],
        merge: Merge,
        now: float,
        device_id: str,
        owner: str | None,
        relay_to: Sequence[str],
        route: Callable[[str, Doc], tuple[str, Sequence[str]]] | None,
    ) -> _Merged:
        """What a bundle's records make of the records held (``current``, filed as ``versions`` say): the rows to
        write, the relays, the conflicts — no write yet."""
        done = _Merged()
        for tbl, doc in records:
            existing = current.get((tbl, doc["id"]))
            merged, found = merge(tbl, existing, doc)
            done.conflicts.extend((tbl, doc["id"], self._seal(json.dumps(c, ensure_ascii=False)), now) for c in found)
            if existing is None:
                done.new += 1
            elif merged == existing:
                done.unchanged += 1
                continue
            else:
                done.changed += 1
            current[(tbl, doc["id"])] = merged
            stamp, deleted = _meta_of(merged)
            mine, relays = route(tbl, merged) if route else (owner or device_id, relay_to)
            held = versions.get((tbl, doc["id"]))
            filed = mine if existing is None or held is None else held[1]
            text = _ENCODE(merged)
            done.upserts.append((tbl, doc["id"], filed, stamp, deleted, self._seal(text), *plain_columns(tbl, merged)))
            if relays:  # sealed once: the same text for each of the unit's other devices
                # _ENCODE({"table": tbl, "doc": merged}) to the byte, without encoding the document again
                payload = self._seal(f'{{"table":{_ENCODE(tbl)},"doc":{text}}}')
                if route:
                    done.relayed += [(d, "record", payload, now) for d in relays]
                else:
                    done.relayed_all.append(("record", payload, now))
        return done

    def put_local(self, tbl: str, doc: Doc, device_id: str) -> None:
        """A record the station wrote itself (a decision), filed under the unit it belongs to."""
        stamp, deleted = _meta_of(doc)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO records (tbl, id, device_id, stamp, deleted, doc, kind, at, ref, facts, changed) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, id) DO UPDATE SET "
                "device_id = excluded.device_id, stamp = excluded.stamp, deleted = excluded.deleted, "
                "doc = excluded.doc, ref = excluded.ref, kind = excluded.kind, at = excluded.at, "
                "facts = excluded.facts, changed = excluded.changed",
                (tbl, doc["id"], device_id, stamp, deleted, self._seal(_ENCODE(doc)), *plain_columns(tbl, doc),
                 _next_change(conn)),
            )
            if tbl == PROBLEM_EVENTS:
                self._restate(conn, [str(doc.get("problem_id") or "")])
            if tbl in COUNTED:
                self._recount(conn, [device_id])

    def _current(
        self, records: Sequence[tuple[str, Doc]]
    ) -> tuple[dict[tuple[str, str], Doc], dict[tuple[str, str], tuple[int, str]]]:
        """The documents the station holds of ``records``, and their versions (the write that last changed each,
        the device it is filed under)."""
        found: dict[tuple[str, str], Doc] = {}
        versions: dict[tuple[str, str], tuple[int, str]] = {}
        for tbl, rid, doc, changed, device in self._held(records, "doc, changed, device_id"):
            found[(tbl, rid)], versions[(tbl, rid)] = self._doc(doc), (int(changed), str(device))
        return found, versions

    def _versions(self, records: Sequence[tuple[str, Doc]]) -> dict[tuple[str, str], tuple[int, str]]:
        """The versions of ``records`` the station holds, as :meth:`_current` gives them (documents not read)."""
        return {(tbl, rid): (int(changed), str(device))
                for tbl, rid, changed, device in self._held(records, "changed, device_id")}  # fmt: skip

    def _held(self, records: Sequence[tuple[str, Doc]], columns: str) -> Iterator[tuple[Any, ...]]:
        by_table: dict[str, list[str]] = {}
        for tbl, doc in records:
            by_table.setdefault(tbl, []).append(doc["id"])
        asked = []  # every look-up sent before any is read: in a pipeline, one round trip to the server
        for tbl, ids in by_table.items():
            for start in range(0, len(ids), CHUNK):
                among, args = self._b.among("id", ids[start : start + CHUNK])
                asked.append((tbl, self.conn.execute(f"SELECT id, {columns} FROM records WHERE tbl = ? AND {among}",
                                                     (tbl, *args))))  # fmt: skip
        for tbl, rows in asked:
            for row in rows:
                yield (tbl, *row)

    # -- reading ----------------------------------------------------------------------------------

    def docs(
        self, tbl: str, device_id: str | None = None, *, deleted: bool = False, changed_after: int = 0
    ) -> Iterator[Doc]:
        """The documents of ``tbl`` (of one unit's device; deleted ones too; only those changed by a write
        numbered above ``changed_after``: what a roll-up has not yet had confirmed)."""
        # One device's: through its index, named, since SQLite's planner (no statistics kept) otherwise takes the
        # primary key's range of the table and reads every device's rows to find one's.
        sql = f"SELECT doc FROM records{BY_DEVICE if device_id is not None else ''} WHERE tbl = ?"
        args: list[object] = [tbl]
        if changed_after:
            sql += " AND changed > ?"
            args.append(changed_after)
        if device_id is not None:
            sql += " AND device_id = ?"
            args.append(device_id)
        if not deleted:
            sql += " AND deleted = 0"
        for (doc,) in self.conn.execute(sql + " ORDER BY id", args):  # the same order on either backend
            yield self._doc(doc)

    def scan(self, tbl: str) -> Iterator[tuple[str, Doc]]:
        """Every document of ``tbl`` (deleted ones left out) with the device it is filed under, in one pass over
        the table, streamed (for what reads every unit: looked up device by device, each row is a jump)."""
        sql = "SELECT device_id, doc FROM records WHERE tbl = ? AND deleted = 0 ORDER BY id"  # as :meth:`docs`
        for device_id, doc in self._b.stream(sql, (tbl,)):
            yield str(device_id), self._doc(doc)

    def owner(self, tbl: str, record_id: str) -> str | None:
        """The device a record belongs to (``None`` for a record the station does not hold)."""
        row = self.conn.execute("SELECT device_id FROM records WHERE tbl = ? AND id = ?", (tbl, record_id)).fetchone()
        return str(row[0]) if row else None

    def last_change(self) -> int:
        """The number of the last write that changed a record (0 for none)."""
        return _next_change(self.conn) - 1

    def bundles_from(self, device_id: str, limit: int = 20) -> list[str]:
        """The digests of the last ``limit`` bundles imported from ``device_id``, newest first."""
        rows = self.conn.execute("SELECT digest FROM bundles WHERE device_id = ? ORDER BY imported_at DESC, "
                                 f"{self._b.order} DESC LIMIT ?", (device_id, limit))  # fmt: skip
        return [str(digest) for (digest,) in rows]

    def latest_stamp(self) -> str | None:
        """The newest clock stamp of any record held (the station's clock moves past it)."""
        row = self.conn.execute("SELECT max(stamp) FROM records").fetchone()
        return str(row[0]) if row and row[0] else None

    def problem_events(self, problem_id: str) -> list[tuple[str, Doc]]:
        """Every event of one problem, with the device it belongs to."""
        rows = self.conn.execute(
            "SELECT device_id, doc FROM records WHERE tbl = 'problem_events' AND ref = ?", (problem_id,)
        ).fetchall()
        return [(str(device), self._doc(doc)) for device, doc in rows]

    def problem_ids(self, code: str) -> list[str]:
        """The problems whose id starts with ``code`` (the report's ``78E49318``, any case, 4+ characters)."""
        wanted = code.strip().lower()
        if len(wanted) < 4:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT ref FROM records WHERE tbl = 'problem_events' AND lower(ref) LIKE ? ESCAPE '\\'",
            (wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        return sorted(str(pid) for (pid,) in rows if pid)

    # -- plain figures (the rest in fieldgrid.station.kept) ---------------------------------------------

    def check_plain(self) -> None:
        """Refuse to count a station whose records have no plain columns yet: one opened read-only beside another
        program before this fieldgrid upgraded it (any opening for writing does)."""
        if "facts" not in self._b.columns("records"):
            raise StationError("station.error.plain_missing", home=str(self.home))

    def live_households(self) -> list[tuple[str, str, Doc]]:
        """Every household not deleted: (id, device, document)."""
        rows = self.conn.execute("SELECT id, device_id, doc FROM records WHERE tbl = 'households' AND deleted = 0")
        return [(str(rid), str(device), self._doc(doc)) for rid, device, doc in rows]

    def count(self, tbl: str) -> int:
        (n,) = self.conn.execute("SELECT count(*) FROM records WHERE tbl = ? AND deleted = 0", (tbl,)).fetchone()
        return int(n)

    def open_conflicts(self) -> list[tuple[int, str, str, Doc]]:
        rows = self.conn.execute("SELECT n, tbl, record_id, detail FROM conflicts WHERE resolved_at IS NULL ORDER BY n")
        return [(n, tbl, rid, self._doc(detail)) for n, tbl, rid, detail in rows]

    def resolve_conflict(self, n: int, resolution: str) -> None:
        """The operator has looked at conflict ``n`` (kept the merged value, or noted what to change)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE n = ?",
                (self._now(), self._seal(resolution), n),
            )

    def queue(self, kind: str, payload: Doc, device_ids: Sequence[str] | None = None) -> int:
        """Something to send back (a decision, a notice, a roster change) to these devices, or to every
        enrolled device that is not revoked; the number of devices it will reach."""
        if device_ids is None:
            device_ids = [d.device_id for d in self.devices() if d.revoked_at is None]
        text = self._seal(json.dumps(payload, ensure_ascii=False))
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
        return [(n, kind, self._doc(payload)) for n, kind, payload in rows]

    def mark_carried(self, numbers: Iterable[int], bundle: str) -> None:
        """These items went into return bundle ``bundle``; they stay pending until the device confirms it."""
        with self.transaction():
            self.conn.executemany("UPDATE outbox SET bundle = ? WHERE n = ?", [(bundle, n) for n in numbers])

    def confirm(self, device_id: str, bundles: Iterable[str]) -> int:
        """The device says it imported these return bundles: what they carried is delivered."""
        with self.transaction() as conn:
            return self._mark_delivered(conn, device_id, bundles)

    def _mark_delivered(self, conn: Conn, device_id: str, bundles: Iterable[str]) -> int:
        digests = [str(b) for b in bundles]
        if not digests:
            return 0
        marks = ",".join("?" * len(digests))
        done = conn.execute(
            f"UPDATE outbox SET sent_at = ? WHERE device_id = ? AND sent_at IS NULL AND bundle IN ({marks})",
            (self._now(), device_id, *digests),
        )
        return int(done.rowcount)

    def held(self, device_id: str | None = None) -> list[tuple[int, str, str, Doc, str, float]]:
        """Records kept aside (n, device, table, document, reason, when), oldest first."""
        sql = "SELECT n, device_id, tbl, doc, reason, held_at FROM held"
        rows = self.conn.execute(sql + (" WHERE device_id = ? ORDER BY n" if device_id else " ORDER BY n"),
                                 (device_id,) if device_id else ())  # fmt: skip
        return [(n, dev, tbl, self._doc(doc), reason, at) for n, dev, tbl, doc, reason, at in rows]

    # -- the log ------------------------------------------------------------------------------------

    def log(self, kind: str, key: str, *, device: str = "", file: str = "", **params: object) -> None:
        """Note what happened (an import, a refusal and why, a return, a notice, an enrolment) with the time."""
        with self.transaction(exclusive=False):
            self.conn.execute(
                "INSERT INTO log (at, kind, device, file, key, params) VALUES (?, ?, ?, ?, ?, ?)",
                (self._now(), kind, device, file, key, self._seal(_encode_params(params))),
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
            LogEntry(n, at, kind, dev, file, key, _decode_params(self._open(params)))
            for n, at, kind, dev, file, key, params in rows
        ]

    # -- retention ----------------------------------------------------------------------------------

    def replace_docs(self, changes: Sequence[tuple[str, Doc]]) -> int:
        """Records rewritten in place, in one transaction (retention's erasure): each stays filed under its unit."""
        with self.transaction() as conn:
            change = _next_change(conn)
            conn.executemany(
                "UPDATE records SET stamp = ?, deleted = ?, doc = ?, kind = ?, at = ?, ref = ?, facts = ?, changed = ? "
                "WHERE tbl = ? AND id = ?",
                [(*_meta_of(doc), self._seal(_ENCODE(doc)), *plain_columns(tbl, doc), change, tbl, doc["id"])
                 for tbl, doc in changes],
            )
            self._restate(conn, {str(doc.get("problem_id") or "") for tbl, doc in changes if tbl == PROBLEM_EVENTS})
            counted = [(tbl, doc) for tbl, doc in changes if tbl in COUNTED]
            self._recount(conn, {str(device) for _, _, device in self._held(counted, "device_id")})
        return len(changes)


def default_url(home: Path) -> str | None:
    """Where a new station's database goes when nothing is said: ``FIELDGRID_STATION_DB`` (a PostgreSQL URL),
    else ``None`` (SQLite in the home)."""
    return os.environ.get(ENV_DB, "").strip() or None


def is_station(home: Path) -> bool:
    """Whether ``home`` holds a station: its SQLite database, or the record of its PostgreSQL one."""
    return (Path(home) / DB_NAME).exists() or pointer(home) is not None


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


def unit_key(grid: Mapping[str, str]) -> str:
    """A grid's unit as ``devices.unit`` holds it: its compound, building and unit (a missing part is empty), JSON."""
    return json.dumps([grid.get(part) or "" for part in UNIT_PARTS], ensure_ascii=False)


NEXT_CHANGE = "SELECT coalesce(max(changed), 0) + 1 FROM records"


def _next_change(conn: Conn) -> int:
    """The number of the next write that changes records: one more than the last (inside its transaction)."""
    return int(conn.execute(NEXT_CHANGE).fetchone()[0])


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _codec(wrapped: str | None, key: StationKey | None, home: Path) -> Codec:
    if wrapped is None:
        if key is not None:
            raise SealError("passphrase.not_sealed", home=str(home))
        return Plain()
    if key is None:
        raise SealError("passphrase.needed", home=str(home))
    if key.wrapped != wrapped:
        raise SealError("passphrase.other_key", home=str(home))
    return key.codec()


# (table, the columns that name a row, a column that holds residents' data): what an encrypted station seals.
SEALED_COLUMNS = (
    ("records", "tbl, id", "doc"),
    ("conflicts", "n", "detail"),
    ("conflicts", "n", "resolution"),
    ("outbox", "n", "payload"),
    ("held", "n", "doc"),
    ("log", "n", "params"),
    ("devices", "device_id", "leader"),
)
