"""What a station keeps plain beside its sealed records, so a district's month is counted without opening them
(#17; what is plain and why: :mod:`fieldgrid.record.plain`): the records' plain columns, filled from the
documents of a station made before them; each problem's figures (``problems``) and each unit's visits by month
and kind and households by residency (``counts``), made anew inside every write for what it touched — under the
same write lock as the records, so two importers never leave an older state; and the reads the month's figures
make.  Mixed into :class:`fieldgrid.station.db.StationDB`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fieldgrid.model.problem import CLOSED_STATUSES
from fieldgrid.record.plain import PlainEvent, plain_columns, problem_states
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PROBLEM_EVENTS, VISITS
from fieldgrid.station.backend import BY_DEVICE, CHUNK, Backend, Conn

WRITTEN_PLAIN = ("kind", "at", "ref", "facts")  # a record's plain columns, as ``plain_columns`` gives them
PLAIN_TABLES = (HOUSEHOLDS, VISITS, PROBLEM_EVENTS, CORRECTIONS)  # the tables whose records have them
COUNTED = frozenset({VISITS, HOUSEHOLDS})  # counted by device in ``counts``
FILL_BATCH = 2000  # records a batch when a station made before them gets its plain columns
BY_REF = " INDEXED BY records_by_ref"
REPLACING = " INDEXED BY records_replacing"  # the visits that replace another (few)
PROBLEM_COLUMNS = ("device_id", "ref", "reported_at", "due", "status", "closed_at", "feedback", "escalated")
EVENT_COLUMNS = ("device_id", "ref", "id", "kind", "at", "stamp", "facts")  # a plain event (PlainEvent) as read

KEPT_SCHEMA = """
CREATE TABLE IF NOT EXISTS problems ( -- each problem's figures as its events derive them, plain (no words), kept
    device_id TEXT NOT NULL,       -- with its events under the same write lock (fieldgrid.record.plain)
    ref TEXT NOT NULL,             -- the problem's id
    reported_at TEXT NOT NULL,
    due TEXT NOT NULL,             -- the date it is due by (its urgency's days after its report)
    status TEXT NOT NULL,
    closed_at TEXT,
    feedback INTEGER NOT NULL,     -- feedback events in its log
    escalated TEXT NOT NULL,       -- JSON: the times of its escalations
    PRIMARY KEY (device_id, ref)
);
CREATE INDEX IF NOT EXISTS problems_by_ref ON problems (ref);
CREATE TABLE IF NOT EXISTS counts (  -- each device's visits by month and kind, households by residency: plain,
    device_id TEXT NOT NULL,         -- counted anew for every device a write touches, under the same write lock
    tbl TEXT NOT NULL,               -- visits / households
    month TEXT NOT NULL,             -- a visit's month ('' for a household)
    kind TEXT NOT NULL,              -- a visit's kind, a household's residency
    n INTEGER NOT NULL,
    PRIMARY KEY (device_id, tbl, month, kind)
);
"""


def events_after(
    before: Iterable[PlainEvent], rows: Iterable[Sequence[Any]], columns: Sequence[str]
) -> list[PlainEvent]:
    """The plain events read ``before`` a write (the events of some problems, deleted ones left out), as the
    write of ``rows`` (records of ``columns``, :data:`WRITTEN_PLAIN` among them) leaves them: an event it writes
    replaces the one read, or joins them; one it deletes, or leaves without a problem, is gone."""
    tbl, rid, deleted, ref = (columns.index(c) for c in ("tbl", "id", "deleted", "ref"))
    at = [columns.index(c) for c in EVENT_COLUMNS]
    events = {event[2]: event for event in before}  # by id (a problem event's key)
    for row in rows:
        if row[tbl] == PROBLEM_EVENTS:
            events.pop(row[rid], None)
            if not row[deleted] and row[ref]:
                events[row[rid]] = tuple(row[i] for i in at)
    return list(events.values())


class KeptFigures:
    """The kept figures' part of the station's database (its connection, dialect and documents are the
    station's)."""

    conn: Conn
    _b: Backend
    home: Path

    def _doc(self, value: str) -> dict[str, Any]:
        raise NotImplementedError  # the station's: its codec opens a sealed document

    def _fill_plain(self) -> None:
        """Every counted record's plain columns, from its document (:mod:`fieldgrid.record.plain`), a batch at a
        time in the migration's transaction."""
        for tbl in PLAIN_TABLES:
            after = ""
            while True:
                rows = self.conn.execute("SELECT id, doc FROM records WHERE tbl = ? AND id > ? ORDER BY id LIMIT ?",
                                         (tbl, after, FILL_BATCH)).fetchall()  # fmt: skip
                if not rows:
                    break
                filled = [(*plain_columns(tbl, self._doc(doc)), tbl, rid) for rid, doc in rows]
                self.conn.executemany(
                    "UPDATE records SET kind = ?, at = ?, ref = ?, facts = ? WHERE tbl = ? AND id = ?", filled
                )
                after = str(rows[-1][0])

    def _events_of(self, refs: Iterable[str], conn: Conn | None = None) -> list[Any]:
        """The plain events (:data:`EVENT_COLUMNS`) of the problems ``refs``: the look-ups, all sent before any is
        read (in a pipeline, one round trip to the server); each gives its rows when read."""
        wanted, asked = sorted(set(refs)), []
        for start in range(0, len(wanted), CHUNK):
            among, args = self._b.among("ref", wanted[start : start + CHUNK])
            asked.append((conn or self.conn).execute(
                f"SELECT {', '.join(EVENT_COLUMNS)} FROM records{BY_REF} WHERE tbl = 'problem_events' "
                f"AND deleted = 0 AND ref IS NOT NULL AND {among}", args))  # fmt: skip
        return asked

    def _restate(self, conn: Conn, refs: Iterable[str], known: Sequence[PlainEvent] | None = None) -> None:
        """The ``problems`` rows of ``refs`` made anew from their events' plain columns, inside the current write
        (a bundle's, under the write lock: two importers never keep a problem's older state).  ``known``: those
        events as the write leaves them, when its caller knows them already (else read here)."""
        wanted = sorted({ref for ref in refs if ref})
        for start in range(0, len(wanted), CHUNK):  # read a chunk at a time (a migration restates every problem)
            part = wanted[start : start + CHUNK]
            events = None if known is not None else [tuple(row) for rows in self._events_of(part, conn) for row in rows]
            among, args = self._b.among("ref", part)
            conn.execute(f"DELETE FROM problems WHERE {among}", args)
            if events is not None:
                self._b.insert("problems", PROBLEM_COLUMNS, problem_states(events))
        if known is not None:  # of more problems, perhaps (those of a bundle's events it left as they were)
            chosen = set(wanted)
            self._b.insert("problems", PROBLEM_COLUMNS, problem_states(e for e in known if e[1] in chosen))

    def _recount(self, conn: Conn, devices: Iterable[str]) -> None:
        """The ``counts`` rows of ``devices`` made anew from their records' plain columns, inside the current
        write (through each device's index: a leader's year is a few hundred rows)."""
        wanted = sorted(set(devices))
        for start in range(0, len(wanted), CHUNK):
            among, args = self._b.among("device_id", wanted[start : start + CHUNK])
            conn.execute(f"DELETE FROM counts WHERE {among}", args)
            month, kind = "coalesce(substr(at, 1, 7), '')", "coalesce(kind, '')"
            conn.execute(f"INSERT INTO counts (device_id, tbl, month, kind, n) SELECT device_id, tbl, {month}, {kind}, "
                         f"count(*) FROM records{BY_DEVICE} WHERE {among} AND tbl IN ('visits', 'households') "
                         f"AND deleted = 0 GROUP BY device_id, tbl, {month}, {kind}", args)  # fmt: skip

    def problem_figures(self, month: str) -> Iterator[tuple[Any, ...]]:
        """The kept problems that count in ``month`` (open now, or reported, closed or escalated in it), alike
        ones counted together: (device, reported month, due, status, closed month, feedback, escalated, how many),
        streamed."""
        among, args = self._b.among("status", sorted(CLOSED_STATUSES))
        alike = ("device_id, substr(reported_at, 1, 7), due, status, substr(closed_at, 1, 7), "
                 "CASE WHEN feedback > 0 THEN 1 ELSE 0 END, escalated")  # fmt: skip
        sql = (f"SELECT {alike}, count(*) FROM problems WHERE NOT {among} OR substr(reported_at, 1, 7) = ? "
               f"OR substr(closed_at, 1, 7) = ? OR escalated LIKE ? GROUP BY {alike}")  # fmt: skip
        yield from self._b.stream(sql, (*args, month, month, f'%"{month}%'))

    def served_households(self, ended: Sequence[str]) -> dict[str, int]:
        """Each device's households still served (a residency not in ``ended``), as counted (``counts``)."""
        among, args = self._b.among("kind", list(ended))
        rows = self.conn.execute(f"SELECT device_id, sum(n) FROM counts WHERE tbl = 'households' AND NOT {among} "
                                 "GROUP BY device_id", args)  # fmt: skip
        return {str(device): int(n) for device, n in rows}

    def visit_counts(self, month: str) -> dict[tuple[str, str], int]:
        """Each device's visits by kind whose time falls in ``month`` (as written, corrections not applied)."""
        rows = self.conn.execute("SELECT device_id, kind, n FROM counts WHERE tbl = 'visits' AND month = ?", (month,))
        return {(str(device), str(kind)): int(n) for device, kind, n in rows}

    def plain_visits(self, *, replacing: bool = False, ids: Sequence[str] = ()) -> list[tuple[str, ...]]:
        """Visits as (device, id, kind, at, corrects): those that replace another (``replacing``), or ``ids``."""
        if replacing:  # through their partial index, named (SQLite's planner would read every visit by the key)
            return list(self.conn.execute(f"SELECT device_id, id, kind, at, ref FROM records{REPLACING} "
                                          "WHERE tbl = 'visits' AND ref IS NOT NULL AND deleted = 0"))  # fmt: skip
        found: list[tuple[str, ...]] = []
        for start in range(0, len(ids), CHUNK):
            among, args = self._b.among("id", ids[start : start + CHUNK])
            found += self.conn.execute("SELECT device_id, id, kind, at, ref FROM records WHERE tbl = 'visits' "
                                       f"AND deleted = 0 AND {among}", args).fetchall()  # fmt: skip
        return found

    def plain_corrections(self, record: str) -> list[tuple[str, ...]]:
        """Corrections of ``record`` ("visit") as (device, id, target, at, stamp, facts)."""
        return list(self.conn.execute("SELECT device_id, id, ref, at, stamp, facts FROM records "
                                      "WHERE tbl = 'corrections' AND deleted = 0 AND kind = ?", (record,)))  # fmt: skip
