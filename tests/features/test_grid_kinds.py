"""Grid kinds (#16 item 1): a 林盘 leader's households by group and number, a shop street's shops with their credit
codes, an institution block's units with their security officers — each added, visited, given a problem, carried
to the station on the stick and found in its monthly report; a wrong credit code refused with nothing written."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from fieldgrid.model.places import address
from testkit.cli import db_bytes
from testkit.stick import onboard

# what a leader adds, how they name it, the room it is stored under, and how the station's ledger writes it out
KINDS = {
    "village": (["--room", "3组15号", "--head", "王建国", "--place-name", "王家院子"], "3组15号", "3-15"),
    "shops": (["--room", "12号", "--head", "李老板", "--place-name", "老王面馆", "--credit-code",
               "91350100M000100Y43", "--staff", "3", "--phone", "13800138000"], "12号", "12"),
    "institution": (["--room", "A01", "--head", "赵主任", "--place-name", "晋原小学", "--security-officer", "钱保卫",
                     "--security-phone", "13900139000"], "晋原小学", "A01"),
}  # fmt: skip
# the profile's compound (橙郡一期) is the area a village's and a shop street's addresses start with
ADDRESSES = {"village": "橙郡一期3组15号 王家院子", "shops": "橙郡一期12号 老王面馆", "institution": "A01 晋原小学"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_leader_of_each_grid_kind_does_the_month_and_the_station_reports_it(cli, tmp_path: Path, kind: str) -> None:
    world = onboard(cli, tmp_path, count=1)
    station, [device], stick = world.station, world.devices, world.stick
    assert cli("profile", "set", "--grid-kind", kind, home_dir=device).code == 0
    assert json.loads(cli("profile", "show", "--json", home_dir=device).out)["grid_kind"] == kind
    options, named, room = KINDS[kind]
    added = cli("households", "add", *options, home_dir=device)
    assert added.code == 0, added.err
    [household] = json.loads(cli("households", "list", "--json", home_dir=device).out)
    assert household["room"] == room and household["place"]["name"]
    visit = cli("visits", "add", named, "--kind", "回访", "--found", "一切正常", home_dir=device)
    assert visit.code == 0, visit.err
    problem = cli("problems", "add", "--category", "安全隐患", "--description", f"{kind}门口电瓶车充电",
                  "--household", named, home_dir=device)  # fmt: skip
    assert problem.code == 0, problem.err
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    station_stick = cli("station", "stick", str(stick), home_dir=station)
    assert station_stick.code == 0, station_stick.err

    folder = tmp_path / "report"
    month = dt.date.today().strftime("%Y-%m")
    made = cli("station", "report", "--month", month, "--out", str(folder), home_dir=station)
    assert made.code == 0, made.err
    [sheet] = folder.glob("问题台账-*.csv")
    ledger = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    written = ADDRESSES[kind]
    assert any(any(f"{kind}门口电瓶车充电" in cell for cell in row) and written in row
               for row in ledger[1:]), ledger  # fmt: skip


@pytest.mark.parametrize("kind", ["village", "shops", "institution"])
def test_the_demo_of_each_kind_is_made(
    cli, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "demo"
    made = cli("demo", "--no-open", "--grid-kind", kind, "--station", str(tmp_path / "st"), home_dir=home)
    assert made.code == 0, made.err
    monkeypatch.setenv("FIELDGRID_PIN", "000000")
    shown = cli("profile", "show", "--json", home_dir=home)
    assert json.loads(shown.out)["grid_kind"] == kind


def test_the_demos_of_every_kind_in_turn_share_the_demo_station(cli, tmp_path: Path) -> None:
    """Seen: ``demo --grid-kind village`` after the stairwell demo failed, the demo station (子龙社区) refusing the
    village unit of 斜江村 (``--other-community``), with ``--reset`` too.  Each kind in turn now opens, its
    device enrolled at the one demo station."""
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.seal import DEMO_PASSPHRASE
    from testkit.pin import open_station

    home, station = tmp_path / "demo", tmp_path / "demo-station"
    for kind in ("stairwell", "village", "shops", "institution", "stairwell"):
        made = cli("demo", "--no-open", "--grid-kind", kind, "--station", str(station), home_dir=home)
        assert made.code == 0 and "--other-community" not in made.err, (kind, made.err)
    db = open_station(station, DEMO_PASSPHRASE)
    assert isinstance(db, StationDB)
    kinds = {d.grid.get("grid_kind", "stairwell") for d in db.devices() if d.active}
    db.close()
    assert kinds == {"stairwell", "village", "shops", "institution"}


def test_a_wrong_credit_code_is_refused_and_nothing_is_written(cli, home: Path, with_profile: None) -> None:
    assert cli("profile", "set", "--grid-kind", "shops", home_dir=home).code == 0
    before = db_bytes(home)
    bad = cli("households", "add", "--room", "12", "--head", "李老板", "--credit-code", "91350100M000100Y44",
              home_dir=home)  # fmt: skip
    assert bad.code == 2
    assert "校验码" in bad.err and "3" in bad.err
    assert db_bytes(home) == before


def test_a_village_address_that_is_no_group_and_number_is_refused(cli, home: Path, with_profile: None) -> None:
    assert cli("profile", "set", "--grid-kind", "village", home_dir=home).code == 0
    before = db_bytes(home)
    bad = cli("households", "add", "--room", "0601", "--head", "王建国", home_dir=home)
    assert bad.code == 2 and "3组15号" in bad.err
    assert db_bytes(home) == before


@pytest.mark.parametrize(
    ("kind", "typed", "listed"),
    [
        ("village", ["3组11号", "10组1号", "3组2号", "4-1"], ["3-2", "3-11", "4-1", "10-1"]),
        ("shops", ["10", "12-1", "2", "12号"], ["2", "10", "12", "12-1"]),
        ("stairwell", ["1201", "0602", "0601", "0210"], ["0210", "0601", "0602", "1201"]),
    ],
)
def test_households_list_sorts_naturally(
    cli, home: Path, with_profile: None, kind: str, typed: list[str], listed: list[str]
) -> None:
    """3-2 before 3-11 in a village, 2 before 10 on a street, floors as ever in a stairwell — in the table and as
    JSON."""
    assert cli("profile", "set", "--grid-kind", kind, home_dir=home).code == 0
    for n, room in enumerate(typed):
        added = cli("households", "add", "--room", room, "--head", f"住户{n}", home_dir=home)
        assert added.code == 0, added.err
    as_json = [h["room"] for h in json.loads(cli("households", "list", "--json", home_dir=home).out)]
    assert as_json == listed
    lines = cli("households", "list", home_dir=home).out.splitlines()
    shown = [address(room, None, kind) for room in listed]  # the table writes 3组2号, 12号, as typed
    rows = [next(i for i, line in enumerate(lines) if f" {room} " in line) for room in shown]
    assert rows == sorted(rows), lines


def test_a_village_roster_is_imported_by_group_and_number_and_again_changes_nothing(
    cli, home: Path, with_profile: None, tmp_path: Path
) -> None:
    """Seen: a village's spreadsheet (房号 3组15号) refused row by row as "房号格式不对（例如 0601）"."""
    assert cli("profile", "set", "--grid-kind", "village", home_dir=home).code == 0
    sheet = tmp_path / "村民.csv"
    sheet.write_text("姓名,与户主关系,房号\n王建国,户主,3组15号\n王小明,子,3组15号\n李四,户主,4-2\n", encoding="utf-8")
    done = cli("households", "import", str(sheet), "--apply", home_dir=home)
    assert done.code == 0, done.err
    homes = json.loads(cli("households", "list", "--json", home_dir=home).out)
    assert sorted((h["room"], len(h["members"])) for h in homes) == [("3-15", 2), ("4-2", 1)]
    table = cli("households", "list", home_dir=home).out
    assert "3组15号" in table and "4组2号" in table and " 3-15 " not in table
    again = cli("households", "import", str(sheet), home_dir=home)
    assert again.code == 0 and "2 户无变化" in again.out + again.err, again.out
