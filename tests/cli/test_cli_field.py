"""The field-work commands: visits, patrols, problems and the ledger export, their exit codes and the
translated errors that write nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldgrid.ledger.export import COLUMNS
from testkit.cli import PROFILE, Result, db_bytes


@pytest.fixture
def unit(cli) -> None:
    assert cli(*PROFILE).code == 0
    for room, head in (("0601", "张建国"), ("0602", "李秀英")):
        assert cli("households", "add", "--room", room, "--head", head).code == 0


def problem_json(cli, ident: str) -> dict:
    result = cli("problems", "show", ident, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_visit_add_and_list(cli, unit) -> None:
    added = cli("visits", "add", "0601", "--kind", "代办", "--at", "2026-11-20 09:30", "--found", "代缴水费")
    assert added.code == 0, added.err
    listed = cli("visits", "list", "0601", "--json")
    visits = json.loads(listed.out)
    assert [(v["id"], v["kind"], v["at"], v["found"]) for v in visits] == [
        (added.out.strip(), "errand", "2026-11-20T09:30", "代缴水费")
    ]
    assert "代办" in cli("visits", "list").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "2099-01-01 09:00"], "走访时间不能晚于现在"),
        (["--at", "2026-11-20", "--follow-up", "2026-11-19"], "回访日期不能早于走访日期"),
        (["--kind", "聊天"], "未知的走访类型：聊天"),
        (["--at", "昨天"], "无法识别的日期时间"),
    ],
)
def test_bad_visit_exits_2_and_writes_nothing(cli, unit, home, args, message) -> None:
    before = db_bytes(home)
    result = cli("visits", "add", "0601", *args)
    assert (result.code, result.out) == (2, "")
    assert message in result.err
    assert db_bytes(home) == before


def test_problem_loop_from_the_shell(cli, unit, home) -> None:
    added = cli("problems", "add", "--category", "噪音扰民", "--description", "楼上夜间装修", "--household", "0602")
    assert added.code == 0, added.err
    pid = added.out.strip()
    before = db_bytes(home)
    refused = cli("problems", "close", pid)
    assert refused.code == 2 and "问题尚未解决" in refused.err
    assert db_bytes(home) == before
    assert cli("problems", "escalate", pid[:8], "--to", "物业", "--reason", "需物业协调").code == 0
    assert cli("problems", "decide", pid, "--outcome", "resolved", "--text", "已约谈").code == 0
    refused = cli("problems", "close", pid)
    assert refused.code == 2 and "还没有向居民反馈" in refused.err
    assert cli("problems", "feedback", pid, "--to", "李秀英", "--how", "微信群").code == 0
    closed = cli("problems", "close", pid)
    assert closed.code == 0 and "已办结" in closed.err
    shown = problem_json(cli, pid)
    assert shown["status"] == "closed"
    assert [e["kind"] for e in shown["events"]] == ["reported", "escalated", "decision", "feedback", "closed"]
    assert shown["events"][3]["data"]["how"] == "wechat_group"
    listed = json.loads(cli("problems", "list", "--json").out)
    assert [(p["id"], p["category"], p["status"]) for p in listed] == [(pid, "noise", "closed")]
    reopened = cli("problems", "reopen", pid, "--reason", "又开始了")
    assert reopened.code == 0 and "处理中" in reopened.err


def test_unknown_problem_category_and_unsolvable_without_notice(cli, unit, home) -> None:
    before = db_bytes(home)
    bad = cli("problems", "add", "--category", "停车", "--description", "x", "--place", "楼下")
    assert bad.code == 2 and "未知的问题类别：停车" in bad.err
    missing = cli("problems", "note", "deadbeef", "--text", "x")
    assert missing.code == 2
    assert db_bytes(home) == before
    pid = cli("problems", "add", "--category", "设施维修", "--description", "屋顶漏水", "--place", "屋顶").out.strip()
    refused = cli("problems", "close", pid, "--unsolvable")
    assert refused.code == 2 and "公告" in refused.err
    ok = cli("problems", "close", pid, "--unsolvable", "--notice", "需动用维修基金，已报街道")
    assert ok.code == 0
    assert problem_json(cli, pid)["status"] == "unsolvable"


def test_emergency_advice_comes_first(cli, unit) -> None:
    result = cli(
        "problems",
        "add",
        "--category",
        "安全隐患",
        "--description",
        "厨房冒烟",
        "--household",
        "0601",
        "--urgency",
        "紧急",
        "--emergency",
        "fire",
    )
    assert result.code == 0
    assert result.err.splitlines()[0] == "【紧急】火灾：请先拨打 119！"


def test_patrol_with_a_finding_reported(cli, unit) -> None:
    result = cli("patrols", "add", "--finding", "消防通道=堆放纸箱", "--report", "消防通道", "--finding", "lights=灯坏")
    assert result.code == 0, result.err
    patrol_id, problem_id = result.out.split()
    patrols = json.loads(cli("patrols", "list", "--json").out)
    assert patrols[0]["id"] == patrol_id
    assert {i["item"] for i in patrols[0]["items"] if not i["ok"]} == {"fire_exits", "lights"}
    shown = problem_json(cli, problem_id)
    assert (shown["category"], shown["description"], shown["source"]["patrol"]) == (
        "safety_hazard",
        "堆放纸箱",
        patrol_id,
    )
    bad = cli("patrols", "add", "--report", "lights")
    assert bad.code == 2 and "不是本次巡查发现的问题" in bad.err


@pytest.mark.parametrize(("suffix", "reveal"), [(".csv", False), (".xlsx", False), (".csv", True)])
def test_ledger_export_reads_back(cli, unit, tmp_path: Path, suffix: str, reveal: bool) -> None:
    pid = cli(
        "problems",
        "add",
        "--category",
        "环境卫生",
        "--description",
        '楼道堆放杂物，住户, "反映"',
        "--household",
        "0601",
        "--at",
        "2026-11-03 08:15",
    ).out.strip()
    cli("problems", "handle", pid, "--text", "已清理", "--at", "2026-11-03 10:00")
    cli("problems", "feedback", pid, "--to", "张建国", "--how", "当面", "--at", "2026-11-03 11:00")
    cli("problems", "close", pid, "--at", "2026-11-03 11:05")
    cli(
        "problems",
        "add",
        "--category",
        "其他",
        "--description",
        "十月的",
        "--place",
        "门口",
        "--at",
        "2026-10-30 08:00",
    )
    out = tmp_path / f"ledger{suffix}"
    result = cli("ledger", "export", "--month", "2026-11", "--out", str(out), *(["--reveal"] if reveal else []))
    assert result.code == 0, result.err
    if suffix == ".csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(out).active
        rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        "编号",
        "发现时间",
        "地点",
        "类别",
        "问题描述",
        "处理方式",
        "处理结果",
        "反馈情况",
        "状态",
        "办结时间",
    ]
    assert len(rows) == 2 and len(COLUMNS) == 10
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["编号"] == pid[:8].upper()
    assert row["发现时间"] == "2026-11-03 08:15"
    # The community gets the problem, not who lives there or who was told — unless --reveal.
    assert row["地点"] == ("6栋3单元0601 张建国" if reveal else "6栋3单元0601")
    assert row["问题描述"] == '楼道堆放杂物，住户, "反映"'
    assert row["处理方式"] == "11-03 现场处理：已清理"
    assert row["反馈情况"] == ("11-03 当面告知张建国" if reveal else "11-03 当面告知住户")
    assert (row["状态"], row["办结时间"]) == ("已办结", "2026-11-03 11:05")


def test_ledger_export_refuses_bad_month_and_suffix(cli, unit, tmp_path: Path) -> None:
    assert cli("ledger", "export", "--month", "2026-13", "--out", str(tmp_path / "a.csv")).code == 2
    bad = cli("ledger", "export", "--month", "2026-11", "--out", str(tmp_path / "a.pdf"))
    assert bad.code == 2 and ".xlsx" in bad.err
    assert not list(tmp_path.glob("a.*"))


def test_english(cli, unit) -> None:
    result = cli("--lang", "en", "visits", "add", "0601", "--kind", "party")
    assert result.code == 2 and "Unknown kind of visit: party" in result.err
    assert isinstance(result, Result)
