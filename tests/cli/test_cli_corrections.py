"""Corrections from the shell (issue #14 item 1): a visit voided or moved to the right household, a problem's
category, place, urgency or description corrected, a patrol corrected or voided — each an appended record with
who, when and why, and every refusal exit 2 with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldgrid.model.dashboard import build
from fieldgrid.record.tables import CORRECTIONS, VISITS
from fieldgrid.store import Store
from testkit.cli import PROFILE, db_bytes


@pytest.fixture
def unit(cli) -> None:
    assert cli(*PROFILE).code == 0
    for room, head in (("0102", "张建国"), ("0602", "李秀英")):
        assert cli("households", "add", "--room", room, "--head", head).code == 0


def visits(cli, *args: str) -> list[dict]:
    result = cli("visits", "list", *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def month_mediations(home: Path) -> tuple[int, dict[str, str]]:
    """The dashboard's '调解 N' of this month, and each household's last visit."""
    store = Store(home)
    try:
        board = build(store.households(), store.visits(), store.problems(), store.now())
        rooms = {h.id: h.room for h in store.households()}
        return board.month_kinds.get("mediation", 0), {rooms[k]: v for k, v in store.last_visits().items()}
    finally:
        store.close()


def test_a_mediation_recorded_on_the_wrong_household_is_moved_then_voided(cli, unit, home) -> None:
    added = cli("visits", "add", "0102", "--kind", "调解", "--found", "楼上楼下噪音")
    assert added.code == 0, added.err
    code = added.out.strip()[:6]
    assert month_mediations(home)[0] == 1
    assert set(month_mediations(home)[1]) == {"0102"}

    moved = cli("visits", "move", code, "--to", "0602", "--reason", "光标停在0102，记错了户")
    assert moved.code == 0, moved.err
    assert "0602" in moved.err
    assert visits(cli, "--household", "0102") == []
    [there] = visits(cli, "--household", "0602")
    assert (there["id"], there["kind"], there["voided"]) == (added.out.strip(), "mediation", False)
    assert there["moved_from"] not in (None, there["household_id"])
    assert set(month_mediations(home)[1]) == {"0602"}  # the map's ✓ follows the move
    assert month_mediations(home)[0] == 1

    voided = cli("visits", "void", code.upper(), "--reason", "重复记录")
    assert voided.code == 0, voided.err
    [struck] = visits(cli, "0602")
    assert struck["voided"] and struck["void"]["reason"] == "重复记录" and struck["void"]["by"] == "王芳"
    assert "已作废：重复记录" in cli("visits", "list").out  # still in the timeline, marked
    assert month_mediations(home) == (0, {})  # and in no tally

    store = Store(home)
    try:  # appended, never edited: the visit as written, two corrections after it
        [visit] = store.raw_docs(VISITS)
        assert visit["household_id"] != there["household_id"]
        corrections = sorted(store.raw_docs(CORRECTIONS), key=lambda d: d["_meta"]["stamp"])
        assert [(c["void"], c["changes"]) for c in corrections] == [
            (False, {"household_id": there["household_id"]}),
            (True, {}),
        ]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["visits", "void", "{v}"], "更正须写明原因"),
        (["visits", "void", "{v}", "--reason", "  "], "更正须写明原因"),
        (["visits", "move", "{v}", "--to", "0602"], "更正须写明原因"),
        (["visits", "void", "dead", "--reason", "x"], "找不到走访记录：dead"),
        (["visits", "move", "dead", "--to", "0602", "--reason", "x"], "找不到走访记录：dead"),
        (["visits", "move", "{v}", "--to", "9999", "--reason", "x"], "找不到住户：9999"),
        (["visits", "move", "{v}", "--to", "0102", "--reason", "x"], "已经记在这一户"),
        (["visits", "void", "{gone}", "--reason", "x"], "已作废"),
        (["visits", "move", "{gone}", "--to", "0602", "--reason", "x"], "已作废"),
        (["problems", "correct", "{p}", "--category", "设施维修"], "更正须写明原因"),
        (["problems", "correct", "{p}", "--reason", "x"], "没有要更正的内容"),
        (["problems", "correct", "{p}", "--category", "停车", "--reason", "x"], "未知的问题类别：停车"),
        (["problems", "correct", "{p}", "--household", "9999", "--reason", "x"], "找不到住户：9999"),
        (["patrols", "void", "{t}"], "更正须写明原因"),
        (["patrols", "correct", "{t}", "--reason", "x"], "没有要更正的内容"),
        (["patrols", "correct", "{t}", "--ok", "lifts", "--reason", "x"], "没有要更正的内容"),
    ],
)
def test_bad_corrections_exit_2_and_write_nothing(cli, unit, home, args, message) -> None:
    v = cli("visits", "add", "0102", "--kind", "调解").out.strip()
    gone = cli("visits", "add", "0102", "--kind", "代办").out.strip()
    assert cli("visits", "void", gone[:8], "--reason", "记错").code == 0
    p = cli("problems", "add", "--category", "噪音扰民", "--description", "装修", "--household", "0102").out.strip()
    patrol = cli("patrols", "add", "--finding", "消防通道=堆放纸箱").out.strip()
    before = db_bytes(home)
    result = cli(*(a.format(v=v[:8], gone=gone[:8], p=p[:8], t=patrol[:8]) for a in args))
    assert (result.code, result.out) == (2, ""), result.err
    assert message in result.err
    assert db_bytes(home) == before


def test_a_problem_saved_with_the_wrong_category_and_place_is_corrected(cli, unit, home) -> None:
    pid = cli(
        "problems", "add", "--category", "噪音扰民", "--description", "楼道灯坏", "--household", "0102"
    ).out.strip()
    result = cli("problems", "correct", pid[:6], "--category", "设施维修", "--place", "3楼楼道", "--urgency", "较急",
                 "--reason", "类别和地点填错")  # fmt: skip
    assert result.code == 0, result.err
    shown = json.loads(cli("problems", "show", pid, "--json").out)
    assert (shown["category"], shown["place"], shown["household_id"], shown["urgency"]) == (
        "facility_repair", "3楼楼道", None, "urgent",
    )  # fmt: skip
    assert [e["kind"] for e in shown["events"]] == ["reported", "corrected"]
    assert shown["events"][0]["data"]["category"] == "noise"  # the report stays as written
    assert shown["events"][1]["data"]["reason"] == "类别和地点填错"
    text = cli("problems", "show", pid).out
    assert "更正（类别和地点填错）：类别改为设施维修" in text
    back = cli("problems", "correct", pid, "--household", "0602", "--reason", "其实是0602家")
    assert back.code == 0, back.err
    shown = json.loads(cli("problems", "show", pid, "--json").out)
    assert (shown["category"], shown["place"]) == ("facility_repair", "")
    assert "0602" in cli("problems", "list").out


def test_a_patrol_is_corrected_then_voided(cli, unit, home) -> None:
    patrol = cli("patrols", "add", "--finding", "消防通道=堆放纸箱").out.strip()
    fixed = cli("patrols", "correct", patrol[:6], "--ok", "消防通道", "--finding", "lights=3楼灯坏", "--note", "补记",
                "--reason", "记错了项目")  # fmt: skip
    assert fixed.code == 0, fixed.err
    [listed] = json.loads(cli("patrols", "list", "--json").out)
    assert {i["item"]: i["finding"] for i in listed["items"] if not i["ok"]} == {"lights": "3楼灯坏"}
    assert listed["notes"] == "补记" and not listed["voided"]
    assert cli("patrols", "void", patrol[:6], "--reason", "重复").code == 0
    [listed] = json.loads(cli("patrols", "list", "--json").out)
    assert listed["voided"] and listed["void"]["reason"] == "重复"
    store = Store(home)
    try:
        assert store.patrols() == []
    finally:
        store.close()


def test_messages_in_english(cli, unit, home) -> None:
    v = cli("visits", "add", "0102").out.strip()
    result = cli("--lang", "en", "visits", "void", v[:8])
    assert result.code == 2 and "A correction needs a reason" in result.err
    result = cli("--lang", "en", "visits", "move", v[:8], "--to", "0602", "--reason", "wrong flat")
    assert result.code == 0 and f"Visit {v[:8].upper()} moved to 0602" in result.err
