"""联动巡查 (#12 item 5): the community's joint patrol with the property company and owners' representatives is
recorded at the station; each finding becomes a problem of the unit it concerns, reaches that unit's leader with
the next stick, and the month's patrols make a sheet of the monthly report.  Bad input: exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from testkit.stick import onboard
from testkit.sync import dump_station as dump


def test_findings_become_the_units_problems(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=2)  # 张三 of 6栋1单元, 李四 of 6栋2单元
    station, stick = world.station, world.stick
    before = dump(station)
    for bad, says in (
        (["--date", "2999-01-01", "--with", "物业", "--place", "6栋"], "将来"),
        (["--date", "11月20日", "--with", "物业", "--place", "6栋"], "YYYY-MM-DD"),
        (["--date", "2026-11-20", "--with", " ", "--place", "6栋"], "--with"),
        (["--date", "2026-11-20", "--with", "物业", "--place", "6栋", "--finding", "9单元:漏水"], "9单元"),
        (["--date", "2026-11-20", "--with", "物业", "--place", "6栋", "--finding", "1单元:吵闹:楼道"], "吵闹"),
        (["--date", "2026-11-20", "--with", "物业", "--place", "6栋", "--finding", "漏水"], "单元:类别:情况"),
        (["--date", "2026-11-20", "--with", "物业", "--place", "6栋", "--finding", "6栋:漏水"], "没有这个单元"),
    ):
        refused = cli("station", "patrol", "add", *bad, home_dir=station)
        assert refused.code == 2 and says in refused.err and "Traceback" not in refused.err, (bad, refused.err)
    assert dump(station) == before

    added = cli("station", "patrol", "add", "--date", "2026-11-20", "--with", "物业,业主代表", "--with", "民警",
                "--place", "橙郡一期 6栋", "--finding", "6栋1单元:安全隐患:一楼楼道堆放纸箱",
                "--finding", "2单元:楼顶水箱盖缺失", home_dir=station)  # fmt: skip
    assert added.code == 0, added.err
    codes = added.out.split()
    assert len(codes) == 2 and "2 个发现" in added.err
    [patrol] = json.loads(cli("station", "patrol", "list", "--json", home_dir=station).out)
    assert patrol["with"] == ["物业", "业主代表", "民警"] and patrol["problems"] == codes
    listed = json.loads(cli("station", "problems", "list", "--json", home_dir=station).out)
    assert {(p["code"], p["unit"]) for p in listed} == {(codes[0], "橙郡一期6栋1单元"), (codes[1], "橙郡一期6栋2单元")}

    # Each leader gets the finding of their own unit with the next round of the stick.
    for home in world.devices:
        assert cli("sync", "stick", str(stick), home_dir=home).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    for home, code, text in zip(world.devices, codes, ("一楼楼道堆放纸箱", "楼顶水箱盖缺失"), strict=True):
        assert cli("sync", "stick", str(stick), home_dir=home).code == 0
        problems = json.loads(cli("problems", "list", "--json", home_dir=home).out)
        [mine] = [p for p in problems if p["id"][:8].upper() == code]
        shown = json.loads(cli("problems", "show", mine["id"], "--json", home_dir=home).out)
        assert text in json.dumps(shown, ensure_ascii=False) and "联动巡查" in json.dumps(shown, ensure_ascii=False)
        assert all(p["id"][:8].upper() not in codes or p["id"][:8].upper() == code for p in problems)

    out = tmp_path / "report"
    assert cli("station", "report", "--month", "2026-11", "--out", str(out), home_dir=station).code == 0
    sheet = load_workbook(out / "月度报表-2026-11.xlsx")["联动巡查"]
    rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows[0] == ["日期", "一同巡查", "范围", "发现数", "发现的问题"]
    assert rows[1] == ["2026-11-20", "物业、业主代表、民警", "橙郡一期 6栋", 2, " ".join(codes)]
    assert "联动巡查 2026-11-20" in cli("station", "log", home_dir=station).out
