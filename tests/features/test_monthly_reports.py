"""The station's monthly reports: tallies and points by the operator's rules, common problems by category and
building, the ledger over several units; written as a workbook and CSVs that read back the same."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldgrid.demo.unit import write_demo
from fieldgrid.exports.monthly import (
    DEFAULT_POINTS,
    Heading,
    PointRules,
    UnitMonth,
    load_rules,
    monthly_sheets,
    tally,
    write_monthly,
)
from fieldgrid.model import Household, Member, ValidationError
from fieldgrid.model.ledger import ProblemView, Report
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.visit import Visit
from fieldgrid.store import Store

MONTH = "2026-11"
TODAY = dt.date(2026, 11, 24)


def log(pid: str, *steps: tuple[str, str, dict]) -> ProblemView:
    view = ProblemView.from_events(
        ProblemEvent(pid, kind, at, data, id=f"{pid}-{n}") for n, (kind, at, data) in enumerate(steps)
    )
    assert view is not None
    return view


def unit(building: str, leader: str, compound: str = "橙郡一期") -> UnitMonth:
    h = Household(room="0601", building=building, unit="1单元", members=[Member(name="张三", relation="self")])
    report = Report("noise", "装修噪音", household_id=h.id).to_data()
    closed = log(
        f"{building}-a",
        ("reported", "2026-11-02T09:00", report),
        ("handled", "2026-11-02T10:00", {"text": "已沟通"}),
        ("feedback", "2026-11-02T11:00", {"to": "张三", "how": "phone"}),
        ("closed", "2026-11-02T12:00", {"resolution": "solved"}),
    )
    escalated = log(
        f"{building}-b",
        ("reported", "2026-11-05T09:00", Report("facility_repair", "漏水", place="屋顶").to_data()),
        ("escalated", "2026-11-05T10:00", {"to": "community", "reason": "需维修基金"}),
    )
    october = log(f"{building}-c", ("reported", "2026-10-30T09:00", Report("noise", "十月", place="楼道").to_data()))
    visits = [
        Visit(h.id, "2026-11-03T09:00", "routine"),
        Visit(h.id, "2026-11-04T09:00", "errand"),
        Visit(h.id, "2026-11-05T09:00", "mediation"),
        Visit(h.id, "2026-10-05T09:00", "errand"),  # last month: not counted
    ]
    return UnitMonth(leader, f"{compound}{building}1单元", building, [h], visits, [closed, escalated, october],
                     compound=compound)  # fmt: skip


def test_tally_counts_only_the_month() -> None:
    done = tally(unit("6栋", "刘秀英"), MONTH)
    assert (sum(done.visits.values()), done.visits["errand"], done.visits["mediation"]) == (3, 1, 1)
    assert (done.closed_with_feedback, done.unsolvable_with_notice, done.escalated) == (1, 0, 1)
    assert done.points(PointRules()) == 1 + 2 + 3 + 3 + 1


def test_operator_rules(tmp_path: Path) -> None:
    path = tmp_path / "points.json"
    assert load_rules(path) == PointRules()
    path.write_text(json.dumps({"visit": {"errand": 5}}), encoding="utf-8")
    rules = load_rules(path)
    assert rules.visit["errand"] == 5 and rules.visit["routine"] == DEFAULT_POINTS["visit"]["routine"]
    for bad, key in [
        ({"visit": {"party": 1}}, "error.points.unknown"),
        ({"visit": {"errand": -1}}, "error.points.value"),
        ({"problem": {"escalated": "many"}}, "error.points.value"),
        ([1, 2], "error.points.shape"),
    ]:
        path.write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(ValidationError) as exc:
            load_rules(path)
        assert exc.value.key == key
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        load_rules(path)
    assert exc.value.key == "error.points.json"


def test_sheets_and_files_read_back(tmp_path: Path) -> None:
    units = [unit("6栋", "刘秀英"), unit("7栋", "王芳")]
    rules = PointRules.from_doc({"visit": {"mediation": 10}})
    ledger, common, tallies, *joint = monthly_sheets(units, MONTH, rules, TODAY)
    assert [r[0] for r in ledger.rows] == [
        "橙郡一期6栋1单元",
        "橙郡一期6栋1单元",
        "橙郡一期7栋1单元",
        "橙郡一期7栋1单元",
    ]
    assert common.headers == ["类别", "橙郡一期6栋", "橙郡一期7栋", "合计"]
    assert common.rows == [["设施维修", 1, 1, 2], ["噪音扰民", 1, 1, 2], ["合计", 2, 2, 4]]
    assert tallies.rows[0][0] in ("刘秀英", "王芳") and tallies.rows[0][-1] == 1 + 2 + 10 + 3 + 1
    assert tallies.rows[-1] == ["合计", "", 2, 6, 2, 2, 0, 2, 0, 2, 2 * (1 + 2 + 10 + 3 + 1)]
    heading = Heading(community="子龙社区", station="子龙社区服务站")
    paths = write_monthly(tmp_path / "out", MONTH, monthly_sheets(units, MONTH, rules, TODAY, heading))
    assert [p.name for p in paths][:4] == [
        "月度报表-2026-11.xlsx",
        "问题台账-2026-11.csv",
        "共性问题分析-2026-11.csv",
        "单元长工作统计-2026-11.csv",
    ]
    book = load_workbook(paths[0])
    assert book.sheetnames == ["问题台账汇总", "共性问题分析", "单元长工作统计", "联动巡查", "联动处理",
                               "同一地点重复问题", "超过30天未办结", "问题反馈"]  # fmt: skip
    for sheet, path in zip((ledger, common, tallies, *joint), paths[1:], strict=True):
        from_xlsx = [[c for c in row] for row in book[sheet.title].iter_rows(values_only=True)]
        assert from_xlsx[0][0] == f"子龙社区 {sheet.title} 2026年11月"
        assert from_xlsx[1][0].startswith("子龙社区服务站") and "2026-11-24" in from_xlsx[1][0]
        assert from_xlsx[2] == list(sheet.headers)
        assert [[("" if c is None else c) for c in row] for row in from_xlsx[3:]] == [list(r) for r in sheet.rows]
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        from_csv = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert from_csv == [list(sheet.headers), *([str(c) for c in r] for r in sheet.rows)]


def test_demo_unit_reports(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    month = store.problems()[0].reported_at[:7]  # the newest report's month: not empty on the 1st of a month
    profile = store.profile()
    assert profile is not None
    demo = UnitMonth(
        profile.name, profile.grid.label, profile.grid.building, store.households(), store.visits(), store.problems()
    )
    ledger, common, tallies, *_ = monthly_sheets([demo], month, PointRules(), store.now().date())
    assert ledger.rows and common.rows[-1][0] == "合计"
    assert tallies.rows[0][0] == "刘秀英" and float(tallies.rows[0][-1]) > 0
    store.close()


def test_joint_sheets_say_what_the_seeds_ask() -> None:
    """联动处理: what is open, its deadline and lateness; 同一地点重复问题: the place with repeats; 超过30天未办结: the
    long open ones; 问题反馈: every problem closed in the month, those solved but not yet told first."""
    from fieldgrid.exports.joint import feedback_sheet, joint_handling_sheet, long_open_sheet, repeats_sheet

    roof = Report("facility_repair", "屋顶漏水", place="屋顶").to_data()
    views = [
        log("r1", ("reported", "2026-09-20T09:00", roof)),  # open for 65 days by Nov 24
        # Solved, nobody told yet.
        log("r2", ("reported", "2026-11-03T09:00", roof), ("handled", "2026-11-03T10:00", {"text": "临时封堵"})),
        log(
            "r3",
            ("reported", "2026-11-05T09:00", Report("noise", "装修", place="楼道").to_data()),
            ("handled", "2026-11-05T10:00", {"text": "已劝停"}),
            ("feedback", "2026-11-06T09:00", {"to": "张三", "how": "phone"}),
            ("closed", "2026-11-06T10:00", {"resolution": "solved"}),
        ),
    ]
    unit_ = UnitMonth("刘秀英", "橙郡一期6栋1单元", "6栋", [], [], views, compound="橙郡一期")
    handling = joint_handling_sheet([unit_], TODAY)
    assert [r[2] for r in handling.rows] == ["R1", "R2"] and handling.rows[0][0] == "橙郡一期"
    assert handling.rows[0][8] == (TODAY - views[0].due).days > 0
    [repeat] = repeats_sheet([unit_], MONTH).rows
    assert repeat[1:3] == ["屋顶", 2] and repeat[4] == "R1、R2"
    [long_open] = long_open_sheet([unit_], TODAY).rows
    assert long_open[0] == "R1" and long_open[6] == 65
    feedback = feedback_sheet([unit_], MONTH).rows
    assert [r[0] for r in feedback] == ["R2", "R3"] and feedback[0][-1] == "未反馈" and "住户" in feedback[1][-1]
    assert "张三" not in str(feedback)
