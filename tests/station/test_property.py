"""Who manages each compound (#12 item 5, 联动处理): the station records the property company of a compound of its
units, lists them, and the monthly report's 联动处理 sheet lists the open problems by company — the list the
station takes to each of them.  An unknown compound, an empty name or a wrong phone: exit 2, nothing written."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from testkit.stick import onboard, report_problem
from testkit.sync import dump_station as dump


def test_open_problems_are_listed_by_property_company(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=1)
    station, [device], stick = world.station, world.devices, world.stick
    listed = json.loads(cli("station", "property", "list", "--json", home_dir=station).out)
    assert listed == [{"compound": "橙郡一期", "company": "", "phone": ""}]
    done = cli("station", "property", "set", "橙郡一期", "--company", "金房物业", "--phone", "028-8888 6666",
               home_dir=station)  # fmt: skip
    assert done.code == 0 and "橙郡一期 的物业公司为 金房物业" in done.err, done.err
    listed = json.loads(cli("station", "property", "list", "--json", home_dir=station).out)
    assert listed == [{"compound": "橙郡一期", "company": "金房物业", "phone": "02888886666"}]
    assert "金房物业" in cli("station", "property", "list", home_dir=station).out

    code = report_problem(cli, device, "楼道灯坏了三盏")[:8].upper()
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    month = dt.date.today().strftime("%Y-%m")
    made = cli("station", "report", "--month", month, "--out", str(tmp_path / "report"), home_dir=station)
    assert made.code == 0, made.err
    [sheet] = (tmp_path / "report").glob("联动处理-*.csv")
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "物业公司（小区）"
    assert [(r[0], r[2]) for r in rows[1:]] == [("金房物业（橙郡一期）", code)]


def test_a_wrong_compound_name_or_phone_changes_nothing(cli, tmp_path: Path) -> None:
    station = onboard(cli, tmp_path, count=1).station
    before = dump(station)
    unknown = cli("station", "property", "set", "橙郡二期", "--company", "金房物业", home_dir=station)
    assert unknown.code == 2 and "没有小区“橙郡二期”" in unknown.err and "橙郡一期" in unknown.err
    phone = cli("station", "property", "set", "橙郡一期", "--company", "金房物业", "--phone", "12345",
                home_dir=station)  # fmt: skip
    assert phone.code == 2 and "Traceback" not in phone.err and phone.err.strip()
    empty = cli("station", "property", "set", "橙郡一期", "--company", " ", home_dir=station)
    assert empty.code == 2 and "物业公司的名称" in empty.err
    assert dump(station) == before
    english = cli("--lang", "en", "station", "property", "list", home_dir=station)
    assert "Compound" in english.out and "(not recorded)" in english.out
