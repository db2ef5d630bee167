"""``station problems list`` and ``station households list`` (#11, part): what the station holds, named the way the
other station commands take it, masked unless --reveal, filters by unit and status in either language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldgrid.station.seal import DEMO_PASSPHRASE
from testkit.pin import pin_env


def demo_station(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", DEMO_PASSPHRASE)  # the demo station's
    device_home, station_home, stick = tmp_path / "demo", tmp_path / "demo-station", tmp_path / "stick"
    assert cli("demo", "--no-open", home_dir=device_home).code == 0
    with pin_env():  # the demo's PIN
        assert cli("sync", "export", "--out", str(stick), home_dir=device_home).code == 0
    assert cli("station", "import", str(stick), home_dir=station_home).code == 0
    return station_home


def test_problems_by_the_code_decide_takes(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station = demo_station(cli, tmp_path, monkeypatch)
    listed = cli("station", "problems", "list", home_dir=station)
    assert listed.code == 0 and "编号" in listed.out and "橙郡一期6栋3单元" in listed.out
    escalated = json.loads(cli("station", "problems", "list", "--status", "已上报", "--json", home_dir=station).out)
    assert escalated and {p["status"] for p in escalated} == {"escalated"}
    english = cli("station", "problems", "list", "--status", "已上报", "--lang", "en", home_dir=station)
    assert english.code == 0 and "Escalated" in english.out
    decided = cli("station", "decide", escalated[0]["code"], "--outcome", "处理中", "--text", "下周维修",
                  home_dir=station)  # fmt: skip
    assert decided.code == 0, decided.err
    assert cli("station", "problems", "list", "--status", "nonsense", home_dir=station).code == 2


def test_households_masked_by_unit_and_room(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station = demo_station(cli, tmp_path, monkeypatch)
    listed = cli("station", "households", "list", "--unit", "6栋3单元", home_dir=station)
    assert listed.code == 0 and "6栋3单元:0101" in listed.out and "****" in listed.out
    revealed = json.loads(cli("station", "households", "list", "--json", "--reveal", home_dir=station).out)
    assert len(revealed) > 30 and all("*" not in p for h in revealed for p in h["phones"])
    name = revealed[0]["name"]
    edited = cli("station", "edit-household", name, "--set", "notes=已核实", home_dir=station)
    assert edited.code == 0, edited.err
    unknown = cli("station", "households", "list", "--unit", "9单元", home_dir=station)
    assert unknown.code == 2 and "服务站没有这个单元" in unknown.err
