"""How an import writes a bundle (#17), on SQLite and on PostgreSQL (where its reads go to the server together, and
so do its writes): the kept figures of the problems it touches are made under the write lock from the events read
before it when nothing was written since, or read again when something was (a decision another operator's
terminal wrote in between is counted); a statement that fails among its writes leaves the station as it was, and
the next import goes on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.record.plain import problem_states
from fieldgrid.record.tables import PROBLEM_EVENTS, VISITS
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import StationClock, decide, import_paths
from fieldgrid.station.kept import EVENT_COLUMNS, events_after
from fieldgrid.station.queue import problem_code
from fieldgrid.sync import device
from testkit.sync import station_dump

COLUMNS = ("tbl", "id", "device_id", "stamp", "deleted", "doc", "kind", "at", "ref", "facts")
IDS, REFS = st.sampled_from([f"e{n}" for n in range(8)]), st.sampled_from(["p1", "p2", "p3"])
EVENT = st.tuples(IDS, st.one_of(st.none(), REFS), st.booleans())  # id, problem, deleted


def _row(tbl: str, rid: str, ref: str | None, deleted: bool, version: int) -> tuple[Any, ...]:
    return (tbl, rid, "dev", f"s{version}", int(deleted), "{}", "reported", f"2026-05-0{version % 9 + 1}", ref, "{}")


def _event(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(row[COLUMNS.index(c)] for c in EVENT_COLUMNS)


@given(held=st.lists(EVENT, max_size=8), written=st.lists(st.tuples(st.booleans(), EVENT), max_size=8))
def test_events_after_a_write_are_those_the_table_then_holds(
    held: list[tuple[str, str | None, bool]], written: list[tuple[bool, tuple[str, str | None, bool]]]
) -> None:
    """Against a table kept whole: the events of every problem the write touches, as read from the table after it,
    are those made from the events read before it (of every problem the bundle names) and the rows written."""
    table = {rid: _row(PROBLEM_EVENTS, rid, ref, deleted, 0) for rid, ref, deleted in held}
    rows = [_row(PROBLEM_EVENTS if event else VISITS, rid, ref, deleted, n + 1)
            for n, (event, (rid, ref, deleted)) in enumerate(written)]  # fmt: skip
    refs = {row[8] for row in rows if row[0] == PROBLEM_EVENTS and row[8]}
    before = [_event(r) for r in table.values() if not r[4] and r[8] in refs]
    for row in rows:
        if row[0] == PROBLEM_EVENTS:
            table[row[1]] = row
    after = events_after(before, rows, COLUMNS)
    for ref in refs:
        expected = sorted(_event(r) for r in table.values() if not r[4] and r[8] == ref)
        assert sorted(e for e in after if e[1] == ref) == expected


def _kept(db: StationDB, problem: str) -> list[tuple[Any, ...]]:
    rows = db.conn.execute("SELECT device_id, ref, reported_at, due, status, closed_at, feedback, escalated "
                           "FROM problems WHERE ref = ?", (problem,)).fetchall()  # fmt: skip
    return [tuple(row) for row in rows]


def _made_anew(db: StationDB, problem: str) -> list[tuple[Any, ...]]:
    """The problem's figures made from every event the station holds of it, now."""
    events = db.conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM records WHERE tbl = 'problem_events' "
                             "AND deleted = 0 AND ref = ?", (problem,)).fetchall()  # fmt: skip
    return [tuple(row) for row in problem_states(events)]


def test_a_decision_written_while_an_import_merged_is_counted(
    world: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A leader's second bundle adds to a problem; while its import merges (the problem's events read, the write
    lock not yet taken), another operator's terminal decides the problem.  The import sees the station changed and
    reads the events again: the problem's kept figures count the decision and the leader's event alike."""
    from fieldgrid.model.ledger import Report

    store, keys, db, station_keys, tmp = world
    view = store.report_problem(Report("facility_repair", "楼顶漏水", place="楼道"), "2026-05-02T09:00")
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需要上级协调"}, "2026-05-02T15:00")
    assert [o.status for o in import_paths(db, station_keys, [device.export(store, keys, tmp / "a").path])] == [
        "accepted"
    ]
    store.add_event(view.id, "feedback", {"how": "in_person", "to": "王阿姨", "text": "已告知住户"}, "2026-05-03T10:00")
    bundle = device.export(store, keys, tmp / "b").path

    home, real_merge, decided = Path(db.home), StationDB._merge, []

    def merge_while_another_decides(self: StationDB, *args: Any, **kwargs: Any) -> Any:
        done = real_merge(self, *args, **kwargs)
        if not decided:  # the other terminal: its own connection, its own write, committed
            other = StationDB(home)
            try:
                decided.append(decide(other, StationClock(other), problem_code(view.id), "in_progress", "已派人",
                                      "2026-05-03T11:00"))  # fmt: skip
            finally:
                other.close()
        return done

    monkeypatch.setattr(StationDB, "_merge", merge_while_another_decides)
    assert [o.status for o in import_paths(db, station_keys, [bundle])] == ["accepted"]
    assert decided
    kinds = {str(kind) for (kind,) in db.conn.execute(
        "SELECT kind FROM records WHERE tbl = 'problem_events' AND ref = ?", (view.id,))}  # fmt: skip
    assert kinds == {"reported", "escalated", "feedback", "decision"}
    assert _kept(db, view.id) == _made_anew(db, view.id)
    assert _kept(db, view.id)[0][6] == 1  # the leader's feedback, counted with the decision beside it


def test_a_write_that_fails_half_way_leaves_the_station_as_it_was(
    world: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement among an import's writes fails (after the records' upsert, before the bundle is remembered):
    the bundle is refused with the station's error, nothing of it is kept, and the same bundle imports after."""
    from fieldgrid.model.ledger import Report

    store, keys, db, station_keys, tmp = world
    store.report_problem(Report("facility_repair", "楼顶漏水", place="楼道"), "2026-05-02T09:00")
    bundle = device.export(store, keys, tmp / "a").path
    before = station_dump(db)
    real_recount = StationDB._recount

    def failing(self: StationDB, conn: Any, devices: Any) -> None:
        real_recount(self, conn, devices)
        conn.execute("SELECT count(*) FROM no_such_table")  # the database refuses it

    monkeypatch.setattr(StationDB, "_recount", failing)
    outcomes = import_paths(db, station_keys, [bundle])
    assert [(o.status, o.key) for o in outcomes] == [("refused", "sync.error.station_db")]
    assert station_dump(db) == before
    monkeypatch.setattr(StationDB, "_recount", real_recount)
    assert [o.status for o in import_paths(db, station_keys, [bundle])] == ["accepted"]
    assert station_dump(db) != before


def test_arrays_staging_or_no_pipeline_leave_the_same_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a bundle's merged rows go with the upsert as arrays; when many (a roll-up's) they are staged
    by ``COPY`` ahead of the write lock; with a libpq that has no pipeline mode every statement waits for its
    answer.  Three stations, one of each, hold the same rows of the leader's records."""
    from fieldgrid.model.ledger import Report
    from fieldgrid.station import backend
    from fieldgrid.station.exchange import enroll, station_identity
    from fieldgrid.sync.identity import Keys
    from testkit.sync import make_world

    store, keys, db, station_keys = make_world(tmp_path / "w")
    stations = [(db, station_keys)]
    for name in ("staged", "unpiped"):
        stations.append((StationDB(tmp_path / name, create=True), Keys(tmp_path / name)))
        enroll(stations[-1][0], device.identity(store, keys))
    try:
        store.report_problem(Report("facility_repair", "楼顶漏水", place="楼道"), "2026-05-02T09:00")
        held = []
        for n, (station, station_keys_) in enumerate(stations):
            monkeypatch.setattr(backend, "ARRAY_ROWS", 0 if n == 1 else 5000)
            monkeypatch.setattr(backend, "_pipelines", lambda n=n: n != 2)
            device.trust(store, station_identity(station, station_keys_))
            path = device.export(store, keys, tmp_path / f"to{n}").path
            assert [o.status for o in import_paths(station, station_keys_, [path])] == ["accepted"]
            held.append([tuple(row) for row in station.conn.execute(
                "SELECT tbl, id, device_id, stamp, deleted, doc, kind, at, ref, facts, changed FROM records "
                "ORDER BY tbl, id")])  # fmt: skip
        assert len(held[0]) == 2 and held[0] == held[1] == held[2]  # the household and the problem reported
    finally:
        store.close()
        for station, _ in stations:
            station.close()
