"""The escalation queue (#11): what a unit escalated to the community or the street and nobody decided yet, and what
was decided and the unit has not closed; problems escalated to the property company never queue.  Each row with the
code reports print, the unit, urgency, escalated to, days waiting, due date and overdue; overdue first, then the
longest waiting; filters by unit, overdue and state.  Deciding — 处理中 too — keeps a problem queued until the device
closes it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from fieldgrid.model.ledger import Report
from fieldgrid.station.exchange import StationClock, decide, enroll, import_paths, returns, station_identity
from fieldgrid.station.queue import AWAITING, DECIDED, escalation_queue, problem_code
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store import Store
from fieldgrid.store.pin import DEMO_PIN
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.sync import GRID, make_device

TODAY = dt.date.today()


def ago(days: int, hour: int = 9) -> str:
    """``days`` before today at ``hour`` o'clock (always in the past, so the device takes it)."""
    return dt.datetime.combine(TODAY - dt.timedelta(days=days), dt.time(hour)).isoformat(timespec="minutes")


def escalate(store: Store, what: str, to: str, *, days: int, urgency: str = "normal") -> str:
    view = store.report_problem(Report("facility_repair", what, place="楼道", urgency=urgency), ago(days))
    store.add_event(view.id, "escalated", {"to": to, "reason": "需要上级协调"}, ago(days, 15))
    return view.id


def sync_up(store: Store, keys: Keys, db: Any, station_keys: Keys, folder: Path) -> None:
    outcomes = import_paths(db, station_keys, [device.export(store, keys, folder).path])
    assert [o.status for o in outcomes] == ["accepted"], [o.key for o in outcomes]


def test_the_queue_holds_what_the_community_and_the_street_owe(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    other, other_keys = make_device(tmp / "unit2", name="王芳", grid=replace(GRID, unit="2单元"))
    enroll(db, device.identity(other, other_keys))
    device.trust(other, station_identity(db, station_keys))

    waiting = escalate(store, "楼顶漏水", "community", days=2)
    late = escalate(store, "外墙脱落", "street", days=5, urgency="emergency")  # due the day after: overdue
    escalate(store, "下水道堵塞", "property", days=9)  # the property company's: never here
    longest = escalate(other, "电梯停运", "community", days=4)
    sync_up(store, keys, db, station_keys, tmp / "a")
    sync_up(other, other_keys, db, station_keys, tmp / "b")

    today = TODAY
    rows = escalation_queue(db, today)
    assert [r.problem_id for r in rows] == [late, longest, waiting]  # overdue first, then the longest waiting
    first = rows[0]
    assert first.code == problem_code(late) == late[:8].upper()
    assert (first.unit, first.leader, first.urgency, first.escalated_to) == (
        "橙郡一期6栋3单元",
        "刘秀英",
        "emergency",
        "street",
    )
    assert (first.days_waiting, first.overdue, first.state) == (5, True, AWAITING)
    assert first.due == TODAY - dt.timedelta(days=4)
    assert [r.days_waiting for r in rows] == [5, 4, 2]

    assert [r.problem_id for r in escalation_queue(db, today, unit="2单元")] == [longest]
    assert [r.problem_id for r in escalation_queue(db, today, unit="6栋3单元")] == [late, waiting]
    assert [r.problem_id for r in escalation_queue(db, today, overdue_only=True)] == [late]
    assert escalation_queue(db, today, state=DECIDED) == []
    other.close()


def test_a_decision_keeps_the_problem_queued_until_the_device_closes_it(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    in_progress = escalate(store, "外墙脱落", "community", days=5, urgency="emergency")
    unsolvable = escalate(store, "加装充电桩", "community", days=3)
    sync_up(store, keys, db, station_keys, tmp / "a")
    today = TODAY
    clock = StationClock(db)
    decide(db, clock, problem_code(in_progress), "in_progress", "已联系施工队，下周进场", ago(1))
    decide(db, clock, problem_code(unsolvable), "unsolvable", "电力容量不足，今年无法增容", ago(1))

    rows = {r.problem_id: r for r in escalation_queue(db, today)}
    assert set(rows) == {in_progress, unsolvable}
    assert {r.state for r in rows.values()} == {DECIDED}
    assert rows[in_progress].outcome == "in_progress" and rows[in_progress].overdue  # still late: not done
    assert rows[unsolvable].outcome == "unsolvable" and not rows[unsolvable].overdue  # only its notice is due
    assert escalation_queue(db, today, state=AWAITING) == []

    # The decisions go back; the leader posts the notice and closes one; the next bundle comes in.
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    device.import_return(store, keys, back)
    store.add_event(unsolvable, "closed", {"resolution": "unsolvable", "notice": "电力容量不足，今年暂无法加装。"})
    sync_up(store, keys, db, station_keys, tmp / "c")
    assert [r.problem_id for r in escalation_queue(db, today)] == [in_progress]

    # Escalated again (to the street): awaiting a decision again.
    store.add_event(in_progress, "escalated", {"to": "street", "reason": "施工需街道审批"})
    sync_up(store, keys, db, station_keys, tmp / "d")
    [row] = escalation_queue(db, today)
    assert (row.problem_id, row.state, row.escalated_to, row.days_waiting) == (in_progress, AWAITING, "street", 0)


def test_station_queue_command(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``station queue`` on the demo: the dispute awaits the community; the charging point it answered cannot be
    solved waits for the unit's notice; the drain escalated to the property company is not there."""
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's
    device_home, station, stick = tmp_path / "demo", tmp_path / "demo-station", tmp_path / "stick"
    assert cli("demo", "--no-open", home_dir=device_home).code == 0
    assert cli("sync", "export", "--out", str(stick), home_dir=device_home).code == 0
    assert cli("station", "import", str(stick), home_dir=station).code == 0

    listed = cli("station", "queue", home_dir=station)
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert lines[0].split() == ["编号", "单元", "缓急", "上报至", "已等", "期限", "答复", "问题"]
    assert len(lines) == 3
    assert "无法解决" in listed.out and "待答复" in listed.out and "排水沟" not in listed.out
    rows = json.loads(cli("station", "queue", "--json", home_dir=station).out)
    assert [r["state"] for r in rows] == ["decided", "awaiting"]  # the longest waiting first
    assert all(r["code"] == r["id"][:8].upper() and r["escalated_to"] == "community" for r in rows)
    assert rows[0]["outcome"] == "unsolvable" and not rows[0]["overdue"] and rows[0]["days_waiting"] == 11

    awaiting = json.loads(cli("station", "queue", "--json", "--state", "待答复", home_dir=station).out)
    assert [r["state"] for r in awaiting] == ["awaiting"]
    decided = cli("station", "queue", "--state", "decided", "--lang", "en", home_dir=station)
    assert decided.code == 0 and "Unsolvable" in decided.out and "Awaiting" not in decided.out
    assert cli("station", "queue", "--overdue", home_dir=station).out.strip() == "没有待答复或已答复未办结的上报问题"
    assert json.loads(cli("station", "queue", "--unit", "6栋3单元", "--json", home_dir=station).out) == rows

    # Deciding keeps it queued (now decided); the code is what ``station decide`` takes.
    code = awaiting[0]["code"]
    assert cli("station", "decide", code, "--outcome", "处理中", "--text", "调解员周六上门", home_dir=station).code == 0
    after = json.loads(cli("station", "queue", "--json", home_dir=station).out)
    assert {(r["code"], r["state"], r["outcome"]) for r in after} >= {(code, "decided", "in_progress")}

    for bad in (("--unit", "9单元"), ("--state", "nonsense")):
        refused = cli("station", "queue", *bad, home_dir=station)
        assert refused.code == 2 and refused.err.strip(), bad
