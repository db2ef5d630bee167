"""The station's SQLite database: WAL mode, one transaction per bundle (whole or nothing), bundles applied
once, devices enrolled and revoked, things queued for return bundles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldgrid.station.db import DEVICE_COLUMNS, StationDB, StationError

GRID = {"community": "子龙社区", "building": "6栋", "unit": "3单元"}


def lww(tbl: str, current: dict[str, Any] | None, incoming: dict[str, Any]) -> tuple[dict[str, Any], list[dict]]:
    """A stand-in merge for these tests: the later stamp wins whole, a tie on stamp is a conflict."""
    if current is None:
        return incoming, []
    a, b = current["_meta"]["stamp"], incoming["_meta"]["stamp"]
    if a == b and current != incoming:
        return current, [{"field": "*", "kept": current, "lost": incoming}]
    return (incoming if b > a else current), []


def doc(ident: str, stamp: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, **fields, "_meta": {"stamp": stamp, "device": "dev1", "deleted": None}}


@pytest.fixture
def db(tmp_path: Path) -> StationDB:
    station = StationDB(tmp_path, create=True, now=lambda: 1_800_000_000.0)
    station.enroll("dev1", "key1", "刘秀英", GRID)
    return station


@pytest.mark.sqlite_only("SQLite's journal mode")
def test_needs_init_and_uses_wal(tmp_path: Path, db: StationDB) -> None:
    with pytest.raises(StationError) as exc:
        StationDB(tmp_path / "elsewhere")
    assert exc.value.key == "station.error.not_a_station"
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bundle_applies_once(db: StationDB) -> None:
    records = [("households", doc("h1", "001", room="0601")), ("visits", doc("v1", "001", kind="routine"))]
    assert db.apply("dev1", "digest-1", records, lww, clock_to="001").new == 2
    again = db.apply("dev1", "digest-1", records, lww)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 2)
    newer = db.apply("dev1", "digest-2", [("households", doc("h1", "002", room="0601", notes="独居"))], lww)
    assert (newer.new, newer.changed) == (0, 1)
    assert [d["notes"] for d in db.docs("households")] == ["独居"]
    assert db.device("dev1").last_clock == "001"  # type: ignore[union-attr]


def test_a_failing_bundle_leaves_nothing(db: StationDB) -> None:
    def explode(tbl: str, current: Any, incoming: dict[str, Any]) -> Any:
        if incoming["id"] == "h2":
            raise ValueError("bad record")
        return incoming, []

    with pytest.raises(ValueError):
        db.apply("dev1", "digest-x", [("households", doc("h1", "001")), ("households", doc("h2", "001"))], explode)
    assert db.count("households") == 0
    assert not db.seen("digest-x")


def test_conflicts_are_kept(db: StationDB) -> None:
    db.apply("dev1", "a", [("households", doc("h1", "005", notes="甲"))], lww)
    result = db.apply("dev1", "b", [("households", doc("h1", "005", notes="乙"))], lww)
    assert result.conflicts == 1
    [(_, tbl, record_id, detail)] = db.open_conflicts()
    assert (tbl, record_id, detail["lost"]["notes"]) == ("households", "h1", "乙")


def test_enroll_revoke_and_outbox(db: StationDB) -> None:
    with pytest.raises(StationError):
        db.enroll("dev1", "another-key", "刘秀英", GRID)
    db.enroll("dev2", "key2", "王芳", {**GRID, "building": "7栋"})
    assert db.queue("notice", {"text": "周六停水"}) == 2
    db.revoke("dev2")
    assert db.device("dev2").revoked_at is not None  # type: ignore[union-attr]
    assert db.queue("notice", {"text": "周日恢复供水"}) == 1
    pending = db.pending("dev1")
    assert [p[2]["text"] for p in pending] == ["周六停水", "周日恢复供水"]
    db.mark_carried((n for n, _, _ in pending), "return-1")
    assert len(db.pending("dev1")) == 2  # carried, but not yet confirmed by the device
    assert db.confirm("dev1", ["return-1"]) == 2
    assert db.pending("dev1") == []
    assert [p[2]["text"] for p in db.pending("dev2")] == ["周六停水"]
    with pytest.raises(StationError):
        db.revoke("nobody")


def test_a_station_made_before_unit_lookups_is_migrated_in_place(tmp_path: Path) -> None:
    """A bundle's import finds its unit's devices by the indexed ``devices.unit``, not by reading every device: a
    station made without the column gets it, filled, when next opened to write (a reader before that still finds
    them), and a device an older fieldgrid enrolled since (on a shared server: no unit) is found too."""
    from fieldgrid.station.exchange import unit_devices

    station = StationDB(tmp_path, create=True)
    station.enroll("dev2", "key2", "张三", GRID, post="B")
    station.enroll("dev1", "key1", "刘秀英", GRID)
    station.enroll("dev3", "key3", "李四", {**GRID, "unit": "4单元"})
    station.enroll("st1", "key4", "子龙社区站", {**GRID, "level": "station"})
    conn = station.conn  # the devices table as an older fieldgrid made it
    conn.execute("ALTER TABLE devices RENAME TO devices_now")
    conn.execute("CREATE TABLE devices (device_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, leader TEXT NOT NULL, "
                 "grid TEXT NOT NULL, enrolled_at REAL NOT NULL, revoked_at REAL, last_bundle_at REAL, "
                 "last_clock TEXT, post TEXT NOT NULL DEFAULT 'A')")  # fmt: skip
    conn.execute(f"INSERT INTO devices SELECT {DEVICE_COLUMNS} FROM devices_now")
    conn.execute("DROP TABLE devices_now")
    station.close()

    def units(db: StationDB) -> tuple[list[str], list[str]]:
        other = {**GRID, "unit": "4单元"}
        return [d.device_id for d in unit_devices(db, GRID)], [d.device_id for d in unit_devices(db, other)]

    reader = StationDB(tmp_path, read_only=True)
    assert units(reader) == (["dev1", "dev2"], ["dev3"])
    reader.close()
    migrated = StationDB(tmp_path)
    assert "unit" in migrated._b.columns("devices")
    assert units(migrated) == (["dev1", "dev2"], ["dev3"])
    rows = migrated.conn.execute("SELECT device_id, unit FROM devices ORDER BY device_id").fetchall()
    assert [tuple(r) for r in rows] == [("dev1", '["", "6栋", "3单元"]'), ("dev2", '["", "6栋", "3单元"]'),
                                        ("dev3", '["", "6栋", "4单元"]'), ("st1", '["", "6栋", "3单元"]')]  # fmt: skip
    migrated.conn.execute("UPDATE devices SET unit = NULL WHERE device_id = 'dev2'")  # enrolled by an older one
    assert units(migrated) == (["dev1", "dev2"], ["dev3"])
    migrated.close()
    again = StationDB(tmp_path)  # the next opening to write fills it
    filled = again.conn.execute("SELECT unit FROM devices WHERE device_id = 'dev2'").fetchone()[0]
    assert filled == '["", "6栋", "3单元"]'
    again.close()


def test_a_record_written_between_the_read_and_the_write_lock_is_merged_again(tmp_path: Path) -> None:
    """A bundle's records are read and merged before the station's write lock (importers side by side); another
    importer's write in between is seen under the lock and the bundle merged again with it: no update lost."""
    db = StationDB(tmp_path, create=True)
    db.enroll("dev1", "key1", "刘秀英", GRID)
    db.apply("dev1", "digest-1", [("households", doc("h1", "001", room="0601"))], lww)
    other = StationDB(tmp_path)  # another operator's importer
    seen: list[str] = []

    def racing(tbl: str, current: dict[str, Any] | None, incoming: dict[str, Any]) -> Any:
        if not seen:  # merged outside the lock: meanwhile the other importer writes a later change
            other.apply("dev1", "digest-other", [("households", doc("h1", "003", room="0601", notes="后改"))], lww)
        seen.append(current["_meta"]["stamp"] if current else "")
        return lww(tbl, current, incoming)

    done = db.apply("dev1", "digest-2", [("households", doc("h1", "002", room="0601", notes="先改"))], racing)
    assert seen == ["001", "003"] and (done.new, done.changed, done.unchanged) == (0, 0, 1)
    assert [d["notes"] for d in db.docs("households")] == ["后改"]
    seen.clear()  # a record the station did not hold when read, which the other importer adds meanwhile

    def racing_new(tbl: str, current: dict[str, Any] | None, incoming: dict[str, Any]) -> Any:
        if not seen:
            other.apply("dev1", "digest-other-2", [("households", doc("h2", "005", room="0602", notes="后来"))], lww)
        seen.append(current["_meta"]["stamp"] if current else "")
        return lww(tbl, current, incoming)

    done = db.apply("dev1", "digest-3", [("households", doc("h2", "004", room="0602", notes="先来"))], racing_new)
    assert seen == ["", "005"] and (done.new, done.unchanged) == (0, 1)
    assert {d["notes"] for d in db.docs("households")} == {"后来", "后改"}
    other.close()
    db.close()


def test_one_pass_over_a_table_finds_what_looking_up_each_device_finds(db: StationDB) -> None:
    """``scan`` (the reports' read: one pass a table, streamed from a server-side cursor on PostgreSQL, more rows
    than one batch of it here) gives every live document with its device, as ``docs`` device by device does."""
    from fieldgrid.station.backend import STREAM_BATCH

    db.enroll("dev2", "key2", "王芳", {**GRID, "unit": "4单元"})
    visits = [("visits", doc(f"v{n:05d}", "001", kind="routine")) for n in range(STREAM_BATCH + 20)]
    db.apply("dev1", "one", [*visits, ("households", doc("h1", "001", room="0601"))], lww)
    gone = {"id": "h3", "room": "0701", "_meta": {"stamp": "002", "device": "dev2", "deleted": "002"}}
    db.apply("dev2", "two", [("households", doc("h2", "001", room="0602")), ("households", gone)], lww)
    for tbl in ("visits", "households", "patrols"):
        looked_up = sorted((d, x["id"]) for d in ("dev1", "dev2") for x in db.docs(tbl, d))
        assert sorted((d, x["id"]) for d, x in db.scan(tbl)) == looked_up
    assert len(list(db.scan("visits"))) == STREAM_BATCH + 20
    assert {x["id"] for _, x in db.scan("households")} == {"h1", "h2"}  # the deleted one left out
    with db.transaction():  # inside a transaction of the caller's too
        assert len(list(db.scan("visits"))) == STREAM_BATCH + 20


@pytest.mark.sqlite_only("SQLite's query planner")
def test_one_devices_records_are_found_through_its_index(db: StationDB) -> None:
    """Without statistics SQLite's planner took the primary key's range (every device's rows of the table) to
    find one device's: a community's unit screens and a street's per-community reads scanned the whole table."""
    db.apply("dev1", "one", [("visits", doc("v1", "001", kind="routine"))], lww)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    assert [d["id"] for d in db.docs("visits", "dev1")] == ["v1"]
    db.conn.set_trace_callback(None)
    [select] = [s for s in statements if s.startswith("SELECT doc FROM records")]
    plan = " ".join(str(row[-1]) for row in db.conn.execute(f"EXPLAIN QUERY PLAN {select}"))
    assert "records_by_device" in plan, plan
