"""The month in figures (``station report --summary``, #17): counted over the records' plain columns, the same
figures as the full report's, which reads every sealed record; a station made before the plain columns gets
them from its documents; the files it writes."""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from fieldgrid.exports.monthly import tally
from fieldgrid.record.clock import Stamp
from fieldgrid.station.db import SCHEMA_VERSION, StationDB, StationError
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.station.summary import unit_figures
from fieldgrid.station.units import device_units
from testkit.pin import pin_env
from testkit.sync import dump_station as dump

TODAY = dt.date(2026, 6, 10)


def expected(db: StationDB, month: str, today: dt.date) -> list[tuple[object, ...]]:
    """Each unit's figures as the full report counts them: from every record, opened and read into the model."""
    out = []
    for device, unit in device_units(db):
        done = tally(unit, month)
        open_ = [p for p in unit.problems if p.is_open]
        out.append((device.leader, sum(not h.is_ended for h in unit.households), +done.visits,
                    done.closed_with_feedback, done.unsolvable_with_notice, done.escalated,
                    sum(1 for p in unit.problems if p.reported_at.startswith(month)), len(open_),
                    sum(1 for p in open_ if p.overdue(today))))  # fmt: skip
    return out


def counted(db: StationDB, month: str, today: dt.date) -> list[tuple[object, ...]]:
    return [(f.leader, f.households, f.tally.visits, f.tally.closed_with_feedback, f.tally.unsolvable_with_notice,
             f.tally.escalated, f.reported, f.open, f.overdue) for f in unit_figures(db, month, today)]  # fmt: skip


def demo_station(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)
    device_home, station_home, stick = tmp_path / "demo", tmp_path / "demo-station", tmp_path / "stick"
    assert cli("demo", "--no-open", home_dir=device_home).code == 0
    with pin_env():
        assert cli("sync", "export", "--out", str(stick), home_dir=device_home).code == 0
    assert cli("station", "import", str(stick), home_dir=station_home).code == 0
    return station_home


def _months(db: StationDB) -> list[str]:
    found = {str(at)[:7] for (at,) in db.conn.execute("SELECT at FROM records WHERE at IS NOT NULL")}
    return sorted(found)


def test_the_demo_stations_figures_are_the_full_reports(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldgrid.cli.station_seal import unlock_station

    home = demo_station(cli, tmp_path, monkeypatch)
    db = StationDB(home, key=unlock_station(home))
    try:
        months = _months(db)
        assert len(months) >= 3
        today = dt.date.today()
        for month in [*months, "2020-01"]:
            assert counted(db, month, today) == expected(db, month, today), month
        assert any(f.tally.visits and f.open for f in unit_figures(db, months[-1], today))
    finally:
        db.close()


def test_the_summarys_files_in_both_languages(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = demo_station(cli, tmp_path, monkeypatch)
    month = dt.date.today().strftime("%Y-%m")
    out = tmp_path / "report"
    before = dump(home)
    done = cli("station", "report", "--summary", "--month", month, "--out", str(out), home_dir=home)
    assert done.code == 0, done.err
    assert dump(home) == before  # a report writes nothing to the station
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{n}-{month}.{e}" for n, e in (("月度汇总", "xlsx"), ("街道汇总", "csv"),
                                                           ("社区汇总", "csv"), ("单元汇总", "csv")))  # fmt: skip
    assert load_workbook(out / f"月度汇总-{month}.xlsx").sheetnames == ["街道汇总", "社区汇总"]  # what prints
    with (out / f"单元汇总-{month}.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:6] == ["街道", "社区", "单元", "单元长", "户数", "走访"]
    assert rows[1][1:4] == ["子龙社区", "橙郡一期6栋3单元", "刘秀英"] and rows[-1][0] == "合计"
    assert rows[1][4:] == rows[-1][4:]  # one unit: its row is the total
    again = cli("station", "report", "--summary", "--month", month, "--out", str(out), home_dir=home)
    assert again.code == 2 and "--force" in again.err and "Traceback" not in again.err
    english = cli("station", "report", "--summary", "--month", month, "--out", str(tmp_path / "en"), "--lang", "en",
                  home_dir=home)  # fmt: skip
    assert english.code == 0, english.err
    with (tmp_path / "en" / f"by-street-{month}.csv").open(encoding="utf-8-sig") as f:
        street = list(csv.reader(f))
    assert street[0][:3] == ["Street", "Units", "Households"] and street[-1][0] == "Total"


def test_a_station_made_before_the_plain_columns_gets_them(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldgrid.cli.station_seal import unlock_station

    home = demo_station(cli, tmp_path, monkeypatch)
    key = unlock_station(home)
    db = StationDB(home, key=key)
    month = _months(db)[-1]
    plain = sorted(map(tuple, db.conn.execute("SELECT tbl, id, kind, at, ref, facts FROM records")))
    states = sorted(map(tuple, db.conn.execute("SELECT * FROM problems")))
    assert len(states) >= 5
    figures = counted(db, month, TODAY)
    counts = sorted(map(tuple, db.conn.execute("SELECT * FROM counts")))
    assert len(counts) >= 5
    with db.transaction():  # as fieldgrid before #17 left it: schema 1, no plain columns, no figures kept
        db.conn.execute("DROP TABLE problems")
        db.conn.execute("DROP TABLE counts")
        for column in ("kind", "at", "facts"):
            db.conn.execute(f"ALTER TABLE records DROP COLUMN {column}")
        db.conn.execute("UPDATE records SET ref = NULL WHERE tbl <> 'problem_events'")
        db.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with pytest.raises(StationError) as refused:
        unit_figures(db, month, TODAY)
    assert refused.value.key == "station.error.plain_missing"
    db.close()
    db = StationDB(home, key=key)  # opened for writing: upgraded
    try:
        assert sorted(map(tuple, db.conn.execute("SELECT tbl, id, kind, at, ref, facts FROM records"))) == plain
        assert sorted(map(tuple, db.conn.execute("SELECT * FROM problems"))) == states
        assert sorted(map(tuple, db.conn.execute("SELECT * FROM counts"))) == counts
        assert db.setting("schema") == str(SCHEMA_VERSION) == "2"
        assert counted(db, month, TODAY) == figures
    finally:
        db.close()


# -- the rules, on every kind of record a correction or a merge can leave --------------------------------------

KINDS = ("routine", "errand", "mediation")
EVENT_STEPS = (
    ("note", {"text": "看过"}),
    ("handled", {"text": "修好"}),
    ("escalated", {"to": "community", "reason": "要协调"}),
    ("decision", {"outcome": "resolved", "text": "已修"}),
    ("decision", {"outcome": "unsolvable", "text": "无法"}),
    ("feedback", {"how": "phone", "to": "王阿姨", "text": "已告知"}),
    ("closed", {"resolution": "solved"}),
    ("closed", {"resolution": "unsolvable", "notice": "已公告"}),
    ("reopened", {}),
)
DAYS = st.sampled_from(["2026-04-28", "2026-05-03", "2026-05-30", "2026-06-02"])
UNIT = st.fixed_dictionaries({
    "households": st.lists(st.sampled_from(("resident", "moved_out", "vacant", "deceased")), max_size=4),
    "visits": st.lists(st.tuples(DAYS, st.sampled_from(KINDS), st.booleans()), max_size=6),
    "replacing": st.lists(st.tuples(st.integers(0, 5), DAYS, st.sampled_from(KINDS)), max_size=3),
    "voids": st.lists(st.tuples(st.integers(0, 8), st.booleans()), max_size=3),
    "problems": st.lists(st.tuples(DAYS, st.sampled_from(("normal", "emergency")),
                                   st.lists(st.tuples(st.integers(0, len(EVENT_STEPS) - 1), DAYS), max_size=5)),
                         max_size=4),
})  # fmt: skip


def _write(db: StationDB, device: str, unit: dict, clock: list[int]) -> None:
    def doc(fields: dict) -> dict:
        clock[0] += 1
        stamp = Stamp(clock[0], 0, device).encode()
        fields["_meta"] = {"stamp": stamp, "device": device, "fields": dict.fromkeys(fields, stamp), "deleted": None}
        return fields

    for n, residency in enumerate(unit["households"]):
        db.put_local("households", doc({"id": f"{device}-h{n}", "building": "1栋", "unit": "1单元", "floor": 1,
                                        "room": f"01{n:02d}", "residency": residency, "tags": [], "phones": [],
                                        "emergency_name": "", "emergency_phone": None, "notes": "住户",
                                        "members": []}), device)  # fmt: skip
    visits = []
    for n, (day, kind, deleted) in enumerate(unit["visits"]):
        visits.append(f"{device}-v{n}")
        record = doc({"id": visits[-1], "household_id": "h", "at": f"{day}T09:00", "kind": kind, "found": "好",
                      "needs": "", "follow_up": None, "corrects": None})  # fmt: skip
        record["_meta"]["deleted"] = deleted or None
        db.put_local("visits", record, device)
    for n, (target, day, kind) in enumerate(unit["replacing"]):
        if visits:
            replaced = visits[target % len(visits)]
            visits.append(f"{device}-r{n}")
            db.put_local("visits", doc({"id": visits[-1], "household_id": "h", "at": f"{day}T10:00", "kind": kind,
                                        "found": "改", "needs": "", "follow_up": None, "corrects": replaced}),
                         device)  # fmt: skip
    for n, (target, void) in enumerate(unit["voids"]):
        if visits:
            db.put_local("corrections", doc({"id": f"{device}-c{n}", "record": "visit",
                                             "target": visits[target % len(visits)], "at": "2026-06-01T08:00",
                                             "reason": "记错了", "by": "我", "void": void,
                                             "changes": {} if void else {"household_id": "h2"}}), device)  # fmt: skip
    for n, (day, urgency, steps) in enumerate(unit["problems"]):
        problem = f"{device}-p{n}"
        db.put_local("problem_events", doc({"id": f"{problem}-0", "problem_id": problem, "kind": "reported",
                                            "at": f"{day}T08:00", "data": {"category": "noise", "urgency": urgency,
                                            "description": "吵", "place": "楼道", "household_id": None,
                                            "reporter": ""}}), device)  # fmt: skip
        for k, (step, when) in enumerate(steps, 1):
            kind, data = EVENT_STEPS[step]
            db.put_local("problem_events", doc({"id": f"{problem}-{k}", "problem_id": problem, "kind": kind,
                                                "at": f"{when}T{8 + k:02d}:00", "data": data}), device)  # fmt: skip


@pytest.mark.sqlite_only("the rules' property; PostgreSQL runs the same queries on the demo station above")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(UNIT, min_size=1, max_size=3), today=st.sampled_from([TODAY, dt.date(2026, 5, 4)]))
def test_counted_figures_are_the_full_reports(units: list[dict], today: dt.date) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = StationDB(Path(tmp) / "st", create=True, url="")
        try:
            clock = [1_700_000_000_000]
            for n, unit in enumerate(units):
                device = f"dev{n}"
                db.enroll(device, f"key{n}", f"单元长{n}", {"building": f"{n + 1}栋", "unit": "1单元"})
                _write(db, device, unit, clock)
            for month in ("2026-04", "2026-05", "2026-06"):
                assert counted(db, month, today) == expected(db, month, today), month
            households = list(db.docs("households", "dev0"))
            if households:  # rewritten in place (retention's erasure): the unit's counts follow
                ended = {**households[0], "residency": "moved_out"}
                db.replace_docs([("households", ended)])
                assert counted(db, "2026-05", today) == expected(db, "2026-05", today)
            db.enroll("dev9", "key9", "新单元长", {"building": "1栋", "unit": "1单元"}, replaces="dev0")
            assert counted(db, "2026-05", today) == expected(db, "2026-05", today)  # the unit's work moved with it
        finally:
            db.close()


def test_no_sealed_column_is_read_for_the_figures(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary never opens a record's sealed document (only the leaders' names, one a device)."""
    from fieldgrid.cli.station_seal import unlock_station

    home = demo_station(cli, tmp_path, monkeypatch)
    db = StationDB(home, key=unlock_station(home))
    try:
        month = _months(db)[-1]
        want = counted(db, month, TODAY)

        def refuse(value: str) -> dict:
            raise AssertionError("a sealed document was opened")

        monkeypatch.setattr(db, "_doc", refuse)
        assert counted(db, month, TODAY) == want
        assert json.dumps([list(map(str, row)) for row in want], ensure_ascii=False)
    finally:
        db.close()


@pytest.mark.sqlite_only("the plan of SQLite's query planner")
def test_the_few_replacing_visits_are_found_through_their_index(tmp_path: Path) -> None:
    """A district holds millions of visits; the figures read only the few that replace another (a full read of
    the visits took 12 s at the full district's size)."""
    db = StationDB(tmp_path / "st", create=True, url="")
    try:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        db.plain_visits(replacing=True)
        db.conn.set_trace_callback(None)
        [select] = [s for s in statements if "ref IS NOT NULL" in s]
        plan = " ".join(str(row[-1]) for row in db.conn.execute(f"EXPLAIN QUERY PLAN {select}"))
        assert "records_replacing" in plan, plan
    finally:
        db.close()


def test_streets_and_communities_in_natural_order_with_totals() -> None:
    from collections import Counter

    from fieldgrid.exports.monthly import Heading, PointRules, Tally
    from fieldgrid.exports.summary import UnitFigures, summary_sheets

    def unit(street: str, community: str, visits: int) -> UnitFigures:
        done = Tally(Counter(routine=visits), 1, 0, 2)
        return UnitFigures(street, community, "王", f"{street}{community}1栋", 10, done, 3, 4, 1)

    figures = [unit("街道10", "社区1", 5), unit("街道2", "社区1", 7), unit("街道2", "社区2", 1), unit("", "", 0)]
    by_street, by_community, by_unit = summary_sheets(figures, "2026-05", PointRules(), TODAY, Heading("区", "站"))
    assert [r[0] for r in by_street.rows] == ["—", "街道2", "街道10", "合计"]
    assert by_street.rows[1][1:4] == [2, 20, 8]  # two units, their households and visits added up
    assert by_street.rows[-1][1:4] == [4, 40, 13] and by_street.total_rows == 1
    assert [r[:2] for r in by_community.rows[:-1]] == [["—", "—"], ["街道2", "社区1"], ["街道2", "社区2"],
                                                       ["街道10", "社区1"]]  # fmt: skip
    assert len(by_unit.rows) == 5 and by_street.caption == "区 街道汇总 2026年5月"
