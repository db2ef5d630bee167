"""A leader is never stuck (#11): what the station would refuse — a household of another building or unit — is
refused at entry on the device, by hand and from a roster file, with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from testkit.cli import PROFILE, db_bytes


def test_a_household_of_another_unit_is_refused_at_entry(cli, home) -> None:
    assert cli(*PROFILE).code == 0  # 6栋 3单元
    before = db_bytes(home)
    result = cli("households", "add", "--room", "0601", "--head", "张三", "--unit", "1单元")
    assert result.code == 2 and "这台设备管的是3单元：1单元 不属于本设备" in result.err
    assert db_bytes(home) == before
    other_building = cli("households", "add", "--room", "0601", "--head", "张三", "--building", "7栋")
    assert other_building.code == 2 and db_bytes(home) == before
    assert cli("households", "add", "--room", "0601", "--head", "张三").code == 0  # the unit's own: fine


def test_roster_rows_of_other_units_are_rejected_row_by_row(cli, home, tmp_path: Path) -> None:
    assert cli(*PROFILE).code == 0
    sheet = tmp_path / "花名册.csv"
    sheet.write_text("楼栋,单元,房号,姓名,与户主关系\n6栋,3单元,0601,张三,户主\n6栋,1单元,0602,李四,户主\n",
                     encoding="utf-8-sig")  # fmt: skip
    result = cli("households", "import", str(sheet), "--apply")
    assert result.code == 2 and "不属于本设备" in result.out + result.err
    rooms = [h["room"] for h in json.loads(cli("households", "list", "--json").out)]
    assert rooms == ["0601"]


def test_the_device_takes_names_the_station_prints(cli, home) -> None:
    """A household as ``UNIT:ROOM`` and a problem by the upper-case code reports print (#11)."""
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0502", "--head", "张三").code == 0
    shown = cli("households", "show", "6栋3单元:0502")
    assert shown.code == 0 and "张三" in shown.out
    added = cli("problems", "add", "--category", "环境卫生", "--description", "楼道堆物", "--household", "0502")
    assert added.code == 0
    [problem] = json.loads(cli("problems", "list", "--json").out)
    code = problem["id"][:8].upper()
    result = cli("problems", "show", code)
    assert result.code == 0 and "楼道堆物" in result.out
