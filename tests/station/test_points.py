"""激励 at the station (#12 item 5): each leader's points by the station's rules, redemptions recorded at the
station (微光粒积分兑换) and the balance — on the command line, in the log and in the monthly report's tallies.
Redeeming more than the balance, nothing, without saying for what, or for an unknown leader: exit 2, nothing
written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.model.ledger import build_views
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.station.points import earned
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store.pin import DEMO_PIN
from testkit.sync import dump_station as dump


def test_points_earned_redeemed_and_the_balance(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's
    demo, station = tmp_path / "demo", tmp_path / "demo-station"
    assert cli("demo", "--no-open", home_dir=demo).code == 0
    assert cli("sync", "export", "--out", str(tmp_path / "stick"), home_dir=demo).code == 0
    assert cli("station", "import", str(tmp_path / "stick"), home_dir=station).code == 0
    [leader] = json.loads(cli("station", "points", "--json", home_dir=station).out)
    assert leader["leader"] == "刘秀英" and leader["earned"] > 10 and leader["redeemed"] == 0
    assert leader["balance"] == leader["earned"]

    before = dump(station)
    for bad, says in (
        (["刘秀英", str(leader["balance"] + 1), "--for", "米一袋"], "余额只有"),
        (["刘秀英", "0", "--for", "米一袋"], "大于 0"),
        (["刘秀英", "两", "--for", "米一袋"], "大于 0"),
        (["刘秀英", "3", "--for", " "], "--for"),
        (["赵六", "3", "--for", "米一袋"], "赵六"),
    ):
        refused = cli("station", "points", "redeem", *bad, home_dir=station)
        assert refused.code == 2 and says in refused.err and "Traceback" not in refused.err, bad
    assert dump(station) == before

    done = cli("station", "points", "redeem", "6栋3单元", "5", "--for", "洗衣液一瓶", home_dir=station)
    assert done.code == 0, done.err
    assert f"余额 {leader['earned'] - 5} 分" in done.err
    [after] = json.loads(cli("station", "points", "--json", home_dir=station).out)
    assert (after["redeemed"], after["balance"]) == (5, leader["earned"] - 5)
    listed = cli("station", "points", home_dir=station).out
    assert "累计积分" in listed and "余额" in listed and "刘秀英" in listed
    assert "积分兑换 5 分：洗衣液一瓶" in cli("station", "log", home_dir=station).out

    month = json.loads(cli("station", "problems", "list", "--json", home_dir=station).out)[0]["reported_at"][:7]
    assert cli("station", "report", "--month", month, "--out", str(tmp_path / "r"), home_dir=station).code == 0
    sheet = load_workbook(tmp_path / "r" / f"月度报表-{month}.xlsx")["单元长工作统计"]
    rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows[0][-3:] == ["累计积分", "已兑换", "积分余额"]
    assert rows[1][0] == "刘秀英" and rows[1][-2] == 5


_MONTHS = [f"2025-{m:02d}" for m in range(10, 13)] + [f"2026-{m:02d}" for m in range(1, 13)]


@settings(max_examples=60, deadline=None)
@given(
    visits=st.lists(st.tuples(st.sampled_from(_MONTHS), st.sampled_from(VISIT_KINDS)), max_size=30),
    problems=st.lists(st.tuples(st.sampled_from(_MONTHS), st.sampled_from(_MONTHS), st.booleans()), max_size=10),
    until=st.sampled_from(_MONTHS),
)
def test_points_to_date_are_the_sum_of_each_months(visits, problems, until) -> None:
    """The points a leader earned up to a month, counted in one pass, are what each month's tally adds up to."""
    events = []
    for n, (reported, later, escalate) in enumerate(problems):
        first, second = sorted((reported, later))
        pid = f"p{n}"
        events.append(ProblemEvent(pid, "reported", f"{first}-03T09:00",
                                   {"category": "noise", "description": "夜间噪音", "place": "楼道"}, stamp="~"))
        steps = [("escalated", {"to": "street", "reason": "需协调"})] if escalate else [
            ("handled", {"text": "已处理"}), ("feedback", {"how": "phone", "to": "住户", "text": "已告知"}),
            ("closed", {"resolution": "solved"})]
        events += [ProblemEvent(pid, kind, f"{second}-1{i}T10:00", data, stamp="~")
                   for i, (kind, data) in enumerate(steps)]  # fmt: skip
    unit = UnitMonth(leader="张三", grid="6栋1单元", building="6栋",
                     visits=[Visit("h1", f"{month}-05T10:00", kind) for month, kind in visits],
                     problems=build_views(events))  # fmt: skip
    rules = PointRules()
    by_month = sum(tally(unit, month).points(rules) for month in _MONTHS if month <= until)
    assert earned(unit, rules, until) == pytest.approx(by_month)
