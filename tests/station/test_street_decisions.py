"""A problem escalated to the street (街道) goes up with the community's roll-up, waits in the street station's
queue, and the street's decision comes back down the same way: the street's return to the community station, then
the community's return to the unit's devices (#12 item 3).  A street's return holding anything but decisions on
problems the community sent up is refused whole."""

from __future__ import annotations

import json
from pathlib import Path

from fieldgrid.model.problem import ProblemEvent
from fieldgrid.record import meta as records
from fieldgrid.record.codec import event_doc
from fieldgrid.record.tables import PROBLEM_EVENTS
from fieldgrid.station.exchange import StationClock
from testkit.pin import open_station
from testkit.stick import onboard
from testkit.sync import dump_station as dump


def test_the_streets_decision_reaches_the_device(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=1)  # 张三 of 橙郡一期6栋1单元
    community, [device], stick = world.station, world.devices, world.stick
    street = tmp_path / "street"
    assert cli("households", "add", "--room", "0301", "--head", "陈建国", home_dir=device).code == 0
    added = cli("problems", "add", "--category", "设施维修", "--household", "0301", "--description",
                "加装电梯需要街道协调规划审批", home_dir=device)  # fmt: skip
    problem = added.out.strip().splitlines()[-1]
    assert cli("problems", "escalate", problem, "--to", "街道", "--reason", "涉及规划审批", home_dir=device).code == 0
    other = cli("problems", "add", "--category", "噪音扰民", "--place", "楼道", "--description", "夜间装修",
                home_dir=device)  # fmt: skip
    other_id = other.out.strip().splitlines()[-1]
    assert cli("problems", "escalate", other_id, "--to", "社区", "--reason", "需协调", home_dir=device).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=community).code == 0

    # Up: the street enrolls the community station and takes its roll-up.
    assert cli("station", "init", "--name", "晋原街道服务站", "--level", "street", home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "street.json"), home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "community.json"), home_dir=community).code == 0
    assert cli("station", "trust", str(tmp_path / "street.json"), home_dir=community).code == 0
    assert cli("station", "enroll", str(tmp_path / "community.json"), home_dir=street).code == 0
    assert cli("station", "rollup", "--out", str(tmp_path / "up"), home_dir=community).code == 0
    assert cli("station", "import", str(tmp_path / "up"), home_dir=street).code == 0
    # The street's queue: what was escalated to the street only, named as the street's other lists name it.
    [row] = json.loads(cli("station", "queue", "--json", home_dir=street).out)
    assert row["code"] == problem[:8].upper() and row["unit"] == "子龙社区橙郡一期6栋1单元"

    # The street decides; its return goes down to the community station.
    decided = cli("station", "decide", row["code"], "--outcome", "处理中", "--text", "街道已协调规划部门",
                  home_dir=street)  # fmt: skip
    assert decided.code == 0, decided.err
    assert cli("station", "returns", "--out", str(tmp_path / "down"), home_dir=street).code == 0
    taken = cli("station", "import", str(tmp_path / "down"), home_dir=community)
    assert taken.code == 0, taken.err
    again = cli("station", "import", str(tmp_path / "down"), home_dir=community)
    assert again.code == 0 and "重复" in again.out

    # Then to the unit's device with the next stick.
    assert cli("station", "stick", str(stick), home_dir=community).code == 0
    back = cli("sync", "stick", str(stick), home_dir=device)
    assert back.code == 0, back.err
    assert "街道已协调规划部门" in back.err
    shown = json.loads(cli("problems", "show", problem, "--json", home_dir=device).out)
    assert [e["data"]["text"] for e in shown["events"] if e["kind"] == "decision"] == ["街道已协调规划部门"]


def test_a_streets_return_about_something_else_is_refused(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=1)
    community, street = world.station, tmp_path / "street"
    assert cli("station", "init", "--name", "晋原街道服务站", "--level", "street", home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "street.json"), home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "community.json"), home_dir=community).code == 0
    assert cli("station", "trust", str(tmp_path / "street.json"), home_dir=community).code == 0
    assert cli("station", "enroll", str(tmp_path / "community.json"), home_dir=street).code == 0
    # A decision sent down about a problem the community never had.
    community_id = json.loads((tmp_path / "community.json").read_text(encoding="utf-8"))["party"]
    db = open_station(street)
    try:
        clock = StationClock(db)
        event = ProblemEvent("p-unknown", "decision", "2026-11-20T09:00", {"outcome": "resolved", "text": "x"},
                             stamp="~")  # fmt: skip
        doc = records.stamp_new(event_doc(event), clock.stamp(), clock.clock.device)
        db.queue("record", {"table": PROBLEM_EVENTS, "doc": doc}, [community_id])
    finally:
        db.close()
    assert cli("station", "returns", "--out", str(tmp_path / "down"), home_dir=street).code == 0
    before = dump(community)
    refused = cli("station", "import", str(tmp_path / "down"), home_dir=community)
    assert refused.code == 2 and "街道的回传" in refused.err and "Traceback" not in refused.err
    assert dump(community) == before
