"""A forgotten PIN or a lost device costs the leader nothing but a restore (#13 item 2), by the commands the
leader and the operator type: the new device is enrolled ``--replaces`` the old one, ``station restore`` writes
the unit's whole state for it, and ``sync import`` makes a working home of it — households, members, ID numbers,
visits, problems and the station's decision as the old device had them.  Bad input: exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.cli import GOOD_ID, PROFILE
from testkit.sync import dump_station as dump


def listed(cli, home: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """What the leader sees of the unit: households in full, problems with their events, visits."""
    households = json.loads(cli("households", "list", "--json", "--reveal", home_dir=home).out)
    problems = [
        json.loads(cli("problems", "show", p["id"], "--json", home_dir=home).out)
        for p in json.loads(cli("problems", "list", "--json", home_dir=home).out)
    ]
    visits = json.loads(cli("visits", "list", "--json", home_dir=home).out)
    strip = ("stamp", "_meta")
    return (
        sorted(({k: v for k, v in h.items() if k not in strip} for h in households), key=lambda h: h["id"]),
        sorted(problems, key=lambda p: p["id"]),
        sorted(({k: v for k, v in v.items() if k not in strip} for v in visits), key=lambda v: v["id"]),
    )


PIN = "246810"


def test_a_forgotten_pin_is_restored_from_the_station(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station, old, new, stick = tmp_path / "station", tmp_path / "old", tmp_path / "new", tmp_path / "stick"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=station).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "station.json"), home_dir=station).code == 0

    # The leader's device, with a PIN, a unit's work, and a decision back from the station.
    assert cli(*PROFILE, home_dir=old).code == 0
    monkeypatch.setenv("FIELDGRID_NEW_PIN", PIN)
    assert cli("profile", "set-pin", home_dir=old).code == 0
    monkeypatch.setenv("FIELDGRID_PIN", PIN)  # for the old home, until it is forgotten
    assert cli("sync", "identity", "--out", str(tmp_path / "old.json"), home_dir=old).code == 0
    assert cli("sync", "trust", str(tmp_path / "station.json"), home_dir=old).code == 0
    assert cli("station", "enroll", str(tmp_path / "old.json"), home_dir=station).code == 0
    assert cli("households", "add", "--room", "0502", "--head", "陈建国", "--phone", "13912345678",
               "--id-number", GOOD_ID, "--member", "李秀兰:配偶:13900139000", home_dir=old).code == 0  # fmt: skip
    assert cli("households", "add", "--room", "0601", "--head", "赵敏", "--tag", "独居老人", home_dir=old).code == 0
    assert cli("visits", "add", "0502", "--kind", "走访", "--found", "老人腿脚不便", home_dir=old).code == 0
    added = cli("problems", "add", "--category", "安全隐患", "--household", "0502", "--urgency", "紧急",
                "--description", "电动车在楼道充电", home_dir=old)  # fmt: skip
    problem = added.out.strip().splitlines()[-1]
    assert cli("problems", "escalate", problem, "--to", "社区", "--reason", "需要协调", home_dir=old).code == 0
    assert cli("sync", "export", "--out", str(stick), home_dir=old).code == 0
    assert cli("station", "import", str(stick), home_dir=station).code == 0
    decided = cli("station", "decide", problem[:8], "--outcome", "处理中", "--text", "已联系物业", home_dir=station)
    assert decided.code == 0, decided.err
    assert cli("station", "returns", "--out", str(stick / "back"), home_dir=station).code == 0
    assert cli("sync", "import", str(stick / "back"), home_dir=old).code == 0
    before = listed(cli, old)
    assert len(before[0]) == 2 and len(before[2]) == 1

    # The PIN is forgotten: a new home (a new device, no PIN yet), enrolled in the old one's place.
    monkeypatch.delenv("FIELDGRID_PIN")
    assert cli(*PROFILE, home_dir=new).code == 0
    assert cli("sync", "identity", "--out", str(tmp_path / "new.json"), home_dir=new).code == 0
    assert cli("sync", "trust", str(tmp_path / "station.json"), home_dir=new).code == 0
    old_id = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))["party"]
    new_id = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))["party"]
    assert cli("station", "enroll", str(tmp_path / "new.json"), "--replaces", old_id, home_dir=station).code == 0

    restored = cli("station", "restore", "--device", new_id, "--out", str(stick / "restore"), home_dir=station)
    assert restored.code == 0, restored.err
    assert "sync import" in restored.err and Path(restored.out.strip()).parent == stick / "restore"
    imported = cli("sync", "import", str(stick / "restore"), home_dir=new)
    assert imported.code == 0, imported.err
    assert listed(cli, new) == before  # the same unit, to the ID number and the decision
    shown = json.loads(cli("problems", "show", problem[:8], "--json", home_dir=new).out)
    assert [e["data"] for e in shown["events"] if e["kind"] == "decision"] == [{"outcome": "in_progress",
                                                                                 "text": "已联系物业"}]  # fmt: skip

    # The new device works on: its changes reach the station; the regular return brings the same records again,
    # which change nothing.
    assert cli("visits", "add", "0601", "--kind", "回访", home_dir=new).code == 0
    assert cli("sync", "export", "--out", str(stick / "next"), home_dir=new).code == 0
    taken = cli("station", "import", str(stick / "next"), home_dir=station)
    assert taken.code == 0, taken.err
    assert cli("station", "returns", "--out", str(stick / "back2"), home_dir=station).code == 0
    again = cli("sync", "import", str(stick / "back2"), home_dir=new)
    assert again.code == 0, again.err
    assert len(listed(cli, new)[2]) == 2

    log = cli("station", "log", home_dir=station).out
    assert "恢复" in log and new_id in cli("station", "log", "--json", home_dir=station).out


def test_restore_refuses_bad_input_writing_nothing(cli, tmp_path: Path) -> None:
    station = tmp_path / "station"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=station).code == 0
    leader = tmp_path / "leader"
    assert cli(*PROFILE, home_dir=leader).code == 0
    assert cli("sync", "identity", "--out", str(tmp_path / "leader.json"), home_dir=leader).code == 0
    assert cli("station", "enroll", str(tmp_path / "leader.json"), home_dir=station).code == 0
    device = json.loads((tmp_path / "leader.json").read_text(encoding="utf-8"))["party"]
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert cli("station", "revoke", device, home_dir=station).code == 0

    before = dump(station)
    unknown = cli("station", "restore", "--device", "nosuchdevice", "--out", str(tmp_path / "out"), home_dir=station)
    assert unknown.code == 2 and "nosuchdevice" in unknown.err
    revoked = cli("station", "restore", "--device", device, "--out", str(tmp_path / "out"), home_dir=station)
    assert revoked.code == 2 and "--replaces" in revoked.err and "Traceback" not in revoked.err
    not_folder = cli("station", "restore", "--device", device, "--out", str(a_file), home_dir=station)
    assert not_folder.code == 2 and "不是文件夹" in not_folder.err
    assert dump(station) == before and not (tmp_path / "out").exists()
