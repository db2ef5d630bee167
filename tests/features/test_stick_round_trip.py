"""One stick, one command on each side (#11): three leaders put their bundles on one stick with ``sync stick``, the
station takes it with ``station stick``, decides and sends a notice, writes the returns back with ``station stick``,
and each leader's ``sync stick`` picks up only their own return and shows the decision — all by commands, as the
README tells an operator and the leaders to do it.  Running either side again is harmless."""

from __future__ import annotations

import json
from pathlib import Path

from fieldgrid.sync.stick import ARCHIVE, FOLDER
from testkit.pin import open_station
from testkit.stick import LEADERS, files, onboard, report_problem


def test_three_leaders_one_stick(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path)
    station, stick = world.station, world.stick
    problems = [
        report_problem(cli, home, f"{unit}楼上夜间装修") for home, (_, unit) in zip(world.devices, LEADERS, strict=True)
    ]

    # Each leader: one command; the stick's fieldgrid folder is made by the first.
    for home in world.devices:
        done = cli("sync", "stick", str(stick), home_dir=home)
        assert done.code == 0, done.err
        assert Path(done.out.strip()).parent == stick / FOLDER
        assert "没有发给本机的回传" in done.err
    assert len(list((stick / FOLDER).glob("device-*.fgbundle"))) == 3

    # The station: one command imports all three, writes each leader's return into a folder of their own and
    # archives what it imported.
    taken = cli("station", "stick", str(stick), home_dir=station)
    assert taken.code == 0, taken.err
    assert "接收 3，重复 0，拒收 0" in taken.err
    on_stick = files(stick / FOLDER)
    for name, unit in LEADERS:
        assert sum(f.startswith(f"{name}-6栋{unit}/return-") for f in on_stick) == 1, on_stick
    assert sum(f.startswith(f"{ARCHIVE}/device-") for f in on_stick) == 3
    assert not list((stick / FOLDER).glob("*.fgbundle"))  # nothing left at the top: all imported

    # While the stick is still at the station: a decision for the first leader, a notice for all.
    code = problems[0][:8].upper()
    decided = cli("station", "decide", code, "--outcome", "已解决", "--text", "已协调物业限时施工", home_dir=station)
    assert decided.code == 0, decided.err
    assert cli("station", "notice", "--text", "周六上午停水", home_dir=station).code == 0
    only = cli("station", "notice", "--text", "周五前交月报", "--leader", "李四", "--audience", "leaders",
               home_dir=station)  # fmt: skip
    assert only.code == 0, only.err
    again = cli("station", "stick", str(stick), home_dir=station)
    assert again.code == 0, again.err
    assert "没有设备的数据包" in again.err and "拒收" not in again.err
    assert again.err.count("回传给 ") == 3
    # The fresh return replaced the first one in each leader's folder; the first went to the archive.
    on_stick = files(stick / FOLDER)
    for name, unit in LEADERS:
        assert sum(f.startswith(f"{name}-6栋{unit}/return-") for f in on_stick) == 1, on_stick
    assert sum(f.startswith(f"{ARCHIVE}/return-") for f in on_stick) == 3

    # Each leader: one command picks up their own return only, shows the decision and the notice, and sends.
    for n, (home, (name, unit)) in enumerate(zip(world.devices, LEADERS, strict=True)):
        before = files(stick / FOLDER)
        back = cli("sync", "stick", str(stick), home_dir=home)
        assert back.code == 0, back.err
        assert back.err.count("已导入服务站回传") == 1
        assert f"{name}-6栋{unit}/return-" in back.err
        assert all(f"{other}-6栋" not in back.err for other, _ in LEADERS if other != name)
        assert "服务站的通知（请转告住户）：周六上午停水" in back.err
        if n == 0:
            assert f"服务站对问题 {code} 的决定：已解决——已协调物业限时施工" in back.err
        else:
            assert "的决定" not in back.err
        assert ("服务站的通知（仅供单元长）：周五前交月报" in back.err) == (name == "李四")
        # Other leaders' returns are left where they were.
        assert [f for f in before if "/return-" in f and not f.startswith(ARCHIVE)] == [
            f for f in files(stick / FOLDER) if "/return-" in f and not f.startswith(ARCHIVE)
        ]
    shown = json.loads(cli("problems", "show", problems[0], "--json", home_dir=world.devices[0]).out)
    assert [e["data"] for e in shown["events"] if e["kind"] == "decision"] == [
        {"outcome": "resolved", "text": "已协调物业限时施工"}
    ]
    assert "周六上午停水" in cli("sync", "status", home_dir=world.devices[1]).out

    # The station's log says what each stick run did.
    log = cli("station", "log", home_dir=station)
    assert log.code == 0 and log.out.count("回传") >= 6 and log.out.count("接收") >= 3

    # Again on both sides: duplicates, no refusal (the station's own returns on the stick are not refusals).
    for home in world.devices:
        repeat = cli("sync", "stick", str(stick), home_dir=home)
        assert repeat.code == 0 and "以前导入过" in repeat.err
    third = cli("station", "stick", str(stick), home_dir=station)
    assert third.code == 0, third.err
    assert "拒收 0" in third.err
    fourth = cli("station", "stick", str(stick), home_dir=station)
    assert fourth.code == 0 and "拒收" not in fourth.err
    # The station now knows every leader got the decision and the notice: nothing waits for them.
    db = open_station(station)
    try:
        assert [db.pending(d.device_id) for d in db.devices()] == [[], [], []]
    finally:
        db.close()
