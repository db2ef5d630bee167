"""``fieldgrid --home DIR station …``: init, devices, revoke and the monthly report, and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

from fieldgrid.station.seal import DEMO_PASSPHRASE
from testkit.cli import PROFILE
from testkit.pin import open_station


def test_init_then_refusals(cli, tmp_path: Path) -> None:
    station = tmp_path / "station"
    made = cli("station", "init", "--name", "子龙社区服务站", home_dir=station)
    assert made.code == 0 and made.out.strip() == str(station)
    assert json.loads((station / "points.json").read_text(encoding="utf-8"))["visit"]["mediation"] == 3
    again = cli("station", "init", home_dir=station)
    assert again.code == 2 and "已经是服务站" in again.err
    device_home = tmp_path / "device"
    assert cli(*PROFILE, home_dir=device_home).code == 0
    refused = cli("station", "init", home_dir=device_home)
    assert refused.code == 2 and "单元长设备的数据目录" in refused.err
    not_station = cli("station", "devices", home_dir=device_home)
    assert not_station.code == 2 and "station init" in not_station.err
    assert not (device_home / "station.sqlite3").exists()


def test_devices_revoke_and_report(cli, tmp_path: Path) -> None:
    station = tmp_path / "station"
    assert cli("station", "init", home_dir=station).code == 0
    assert "还没有登记任何设备" in cli("station", "devices", home_dir=station).out
    db = open_station(station)
    db.enroll("dev-liu", "key", "刘秀英", {"compound": "橙郡一期", "building": "6栋", "unit": "3单元"})
    db.close()
    listed = cli("station", "devices", home_dir=station)
    assert "刘秀英" in listed.out and "橙郡一期6栋3单元" in listed.out and "在用" in listed.out
    assert cli("station", "revoke", "dev-liu", home_dir=station).code == 0
    assert "已注销" in cli("station", "devices", home_dir=station).out
    unknown = cli("station", "revoke", "nobody", home_dir=station)
    assert unknown.code == 2 and "nobody" in unknown.err
    out = tmp_path / "reports"
    report = cli("station", "report", "--month", "2026-11", "--out", str(out), home_dir=station)
    assert report.code == 0, report.err
    assert {"共性问题分析-2026-11.csv", "问题台账-2026-11.csv", "月度报表-2026-11.xlsx", "单元长工作统计-2026-11.csv",
            "联动处理-2026-11.csv", "问题反馈-2026-11.csv"} <= {p.name for p in out.iterdir()}  # fmt: skip
    assert "没有任何问题或走访记录" in report.err  # an empty month: written with zeros, and said
    (station / "points.json").write_text('{"visit": {"party": 1}}', encoding="utf-8")
    bad = cli("station", "report", "--month", "2026-11", "--out", str(out), "--force", home_dir=station)
    assert bad.code == 2 and "party" in bad.err


def test_demo_exchange_from_the_shell(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", "000000")  # the demo's PIN
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's
    device_home, station_home, stick, back = (tmp_path / n for n in ("demo", "demo-station", "stick", "back"))
    made = cli("demo", "--no-open", home_dir=device_home)
    assert made.code == 0 and str(station_home) in made.err
    status = cli("sync", "status", home_dir=device_home)
    assert "待上传的改动：" in status.out and "（演示）" in status.out
    exported = cli("sync", "export", "--out", str(stick), home_dir=device_home)
    assert exported.code == 0
    imported = cli("station", "import", str(stick), home_dir=station_home)
    assert imported.code == 0 and "接收 1，重复 0，拒收 0" in imported.err
    again = cli("station", "import", str(stick), home_dir=station_home)
    assert again.code == 0 and "重复 1" in again.err
    (stick / "junk.fgbundle").write_text("{not json", encoding="utf-8")
    bad = cli("station", "import", str(stick), home_dir=station_home)
    assert bad.code == 2 and "拒收 1" in bad.err and "文件不完整" in bad.out
    assert "拒收 " + str(stick / "junk.fgbundle") + "：" in bad.err and "文件不完整" in bad.err  # the reason on stderr
    assert cli("station", "notice", "--text", "周六停水", home_dir=station_home).code == 0
    # A household is named as people name it (#11): by room where one unit has it, or UNIT:ROOM.
    edited = cli("station", "edit-household", "6栋3单元:0101", "--set", "residency=空置", home_dir=station_home)
    assert edited.code == 0 and "0101" in edited.err
    unknown = cli("station", "edit-household", "6栋3单元:9999", "--set", "residency=空置", home_dir=station_home)
    assert unknown.code == 2 and "服务站没有这一户" in unknown.err
    first = json.loads(cli("households", "list", "--json", home_dir=device_home).out)[0]
    edited = cli("station", "edit-household", first["id"][:8], "--set", "notes=已核实", home_dir=station_home)
    assert edited.code == 0, edited.err
    assert cli("station", "returns", "--out", str(back), home_dir=station_home).code == 0
    [bundle] = back.glob("*.fgbundle")
    done = cli("sync", "import", str(back), home_dir=device_home)  # the folder: what is addressed to this device
    assert done.code == 0 and "1 条通知" in done.err and bundle.name in done.err
    assert "以前导入过" in cli("sync", "import", str(bundle), home_dir=device_home).err
    status = cli("sync", "status", home_dir=device_home)
    assert "待上传的改动：0 条" in status.out and "周六停水" in status.out
    shown = json.loads(cli("households", "show", first["id"], "--json", home_dir=device_home).out)
    assert shown["notes"] == "已核实"
    plain = cli("sync", "export", "--out", str(tmp_path / "plain"), "--plain", home_dir=device_home)
    assert plain.code == 0 and "未加密" in plain.err
