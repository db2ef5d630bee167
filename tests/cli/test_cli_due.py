"""``fieldgrid due`` and ``fieldgrid profile cadence``, and visits that count toward a cadence: a phone call, the
members seen — as a leader would type them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from testkit.cli import PROFILE, db_bytes

TODAY = dt.date.today()


def ago(days: int) -> str:
    return f"{TODAY - dt.timedelta(days=days)} 09:30"


@pytest.fixture
def unit(cli) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0101", "--head", "区嘉欣").code == 0
    assert cli("households", "add", "--room", "0102", "--head", "李桂英", "--tag", "独居老人",
               "--member", "王小明:子女:born=1990").code == 0  # fmt: skip
    born = str(TODAY.year - 85)
    assert cli("households", "add", "--room", "0103", "--head", "张大爷", "--birth-year", born).code == 0


def due(cli, *extra: str) -> list[dict]:
    result = cli("due", "--json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_the_issues_case_a_follow_up_two_days_overdue_is_on_top_of_the_due_list(cli, unit) -> None:
    follow_up = str(TODAY - dt.timedelta(days=2))
    assert cli("visits", "add", "0101", "--kind", "回访", "--found", "楼上漏水已修好，墙面待干", "--at", ago(8),
               "--follow-up", follow_up).code == 0  # fmt: skip
    assert cli("visits", "add", "0102", "--at", ago(3)).code == 0
    assert cli("visits", "add", "0103", "--at", ago(3)).code == 0
    entries = due(cli)
    assert [(e["room"], e["kind"], e["late_days"]) for e in entries] == [("0101", "follow_up", 2)]
    text = cli("due").out
    assert "逾期 2 天" in text and "0101" in text and "约定的回访日期已到" in text
    assert "2 days overdue" in cli("--lang", "en", "due").out
    # --days 7: what falls due within the week too: the weekly visits of 0102 (living alone) and 0103 (85)
    week = due(cli, "--days", "7")
    assert [(e["room"], e["kind"], e["rule"]) for e in week[1:]] == [
        ("0102", "cadence", "living_alone"),
        ("0103", "cadence", "age80"),
    ]
    assert all(e["due"] == str(TODAY + dt.timedelta(days=4)) for e in week[1:])


def test_a_phone_call_counts_unless_the_setting_says_in_person(cli, unit) -> None:
    for room in ("0101", "0103"):
        assert cli("visits", "add", room, "--at", ago(1)).code == 0
    assert cli("visits", "add", "0102", "--at", ago(10)).code == 0
    assert [e["room"] for e in due(cli)] == ["0102"]  # living alone: 3 days overdue
    assert cli("visits", "add", "0102", "--kind", "电话/微信联系", "--found", "电话问候，一切都好").code == 0
    assert due(cli) == []
    assert cli("profile", "cadence", "独居老人", "7", "--contact", "no").code == 0
    assert [(e["room"], e["late_days"]) for e in due(cli)] == [("0102", 3)]


def test_cadences_are_shown_and_changed_and_bad_days_write_nothing(cli, unit, home: Path) -> None:
    shown = cli("profile", "cadence")
    assert shown.code == 0
    assert "独居老人" in shown.out and "每 7 天" in shown.out and "所有住户" in shown.out and "每 90 天" in shown.out
    assert cli("profile", "cadence", "everyone", "60").code == 0
    assert cli("profile", "cadence", "80岁以上", "3").code == 0
    assert cli("profile", "cadence", "低保户", "14").code == 0
    after = cli("--lang", "en", "profile", "cadence").out
    assert "every 60 days" in after and "every 3 days" in after and "Low-income" in after
    before = db_bytes(home)
    for bad in ("0", "-7", "abc", "1.5", "400"):
        result = cli("profile", "cadence", "独居老人", bad)
        assert result.code == 2 and "1 到 366" in result.err and bad in result.err, (bad, result.err)
    english = cli("--lang", "en", "profile", "cadence", "everyone", "0")
    assert english.code == 2 and "from 1 to 366" in english.err
    unknown = cli("profile", "cadence", "外星人", "7")
    assert unknown.code == 2 and "外星人" in unknown.err
    assert cli("due", "--days", "-1").code == 2
    assert db_bytes(home) == before


def test_a_visit_records_the_members_seen(cli, unit, home: Path) -> None:
    assert cli("visits", "add", "0102", "--seen", "李桂英", "--seen", "王小明").code == 0
    [visit] = json.loads(cli("visits", "list", "0102", "--json").out)
    assert visit["seen"] == ["李桂英", "王小明"]
    before = db_bytes(home)
    wrong = cli("visits", "add", "0102", "--seen", "赵六")
    assert wrong.code == 2 and "赵六" in wrong.err
    assert db_bytes(home) == before


def test_problems_near_or_past_their_deadline_and_long_escalations_are_due(cli, unit) -> None:
    for room in ("0101", "0102", "0103"):
        assert cli("visits", "add", room).code == 0
    assert cli("problems", "add", "--category", "噪音扰民", "--place", "楼道", "--description", "夜间装修",
               "--urgency", "紧急").code == 0  # fmt: skip  # due tomorrow: yellow
    assert cli("problems", "add", "--category", "设施维修", "--place", "负一楼", "--description", "排水沟堵塞",
               "--at", ago(9)).code == 0  # fmt: skip  # 7 days for 一般: 2 days overdue
    added = cli("problems", "add", "--category", "安全隐患", "--place", "5楼", "--description", "飞线充电",
                "--at", ago(12))  # fmt: skip
    code = added.out.strip().split()[-1]
    assert cli("problems", "escalate", code, "--to", "社区", "--reason", "需要协调", "--at", ago(10)).code == 0
    # 7 days left: not yet on the list
    assert cli("problems", "add", "--category", "其他", "--place", "1楼", "--description", "不急").code == 0
    entries = due(cli)
    assert [(e["kind"], e["room"], e["stage"]) for e in entries] == [
        ("problem", "楼道", "soon"),  # 紧急: first, whatever its deadline
        ("escalated", "5楼", "overdue"),  # waiting 10 days: due for an answer 3 days ago
        ("problem", "负一楼", "overdue"),
    ]
    assert entries[1]["days"] == 10
    assert "已等 10 天" in cli("due").out
