"""Moves and deaths (issue #14, item 5) and duplicates caught at entry (item 6), as a unit leader meets them on the
command line: a family moves out and another moves into the flat, a resident dies, a person moves in with a
relative, the same ID number typed for a second household — and the station finding one person in two units."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldgrid.model import GridPath, Household, Member
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, find_household, import_paths, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.cli import GOOD_ID, PROFILE, db_bytes, list_json
from testkit.sync import make_device

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
YESTERDAY = (dt.date.today() - dt.timedelta(days=1)).isoformat()


@pytest.fixture
def unit(cli) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "赵铁柱", "--id-number", GOOD_ID,
               "--member", "钱桂花:配偶:born=1950").code == 0  # fmt: skip
    assert cli("households", "add", "--room", "0602", "--head", "孙丽", "--birth-year", "1980").code == 0
    assert cli("households", "add", "--room", "0702", "--residency", "空置").code == 0
    assert cli("problems", "add", "--category", "设施维修", "--description", "厨房水管漏水", "--household",
               "0601").code == 0  # fmt: skip


def test_the_add_form_on_a_vacant_flat_is_a_move_in(cli, unit) -> None:
    # The case: 0702 is on the roster as vacant; a new family is added there with everything typed.
    added = cli("households", "add", "--room", "0702", "--head", "新住户", "--phone", "13800138000")
    assert added.code == 0, added.err
    [flat] = [h for h in list_json(cli) if h["room"] == "0702"]
    assert flat["head"] == "新住户" and flat["residency"] == "resident"
    assert flat["id"] == added.out.strip()  # the empty vacant record became the household: one record per flat


def test_a_family_moves_out_and_another_moves_in(cli, unit, home: Path) -> None:
    gone = cli("households", "move-out", "0601", "--date", YESTERDAY, "--to", "成都市武侯区")
    assert gone.code == 0, gone.err
    assert "0601 已迁出" in gone.out and "1 个未办结的问题保留" in gone.out  # carried is the default, and said
    [problem] = json.loads(cli("problems", "list", "--json").out)
    shown = cli("problems", "show", problem["id"]).out
    assert "住户已迁出（0601），问题保留" in shown
    assert "0601" not in [h["room"] for h in list_json(cli)]  # the roster lists who lives in the unit …
    [old] = [h for h in list_json(cli, "--all") if h["room"] == "0601"]  # … --all the history too
    assert (old["residency"], old["ended_on"], old["moved_to"]) == ("moved_out", YESTERDAY, "成都市武侯区")

    moved_in = cli("households", "move-in", "0601", "--head", "周大福", "--phone", "13900139000")
    assert moved_in.code == 0, moved_in.err
    assert "周大福" in cli("households", "show", "0601").out
    history = cli("households", "show", "0601", "--all").out
    assert history.index("周大福") < history.index("以前的住户") < history.index("赵铁柱")
    assert "已迁出  " + YESTERDAY + " → 成都市武侯区" in history
    # A second move-in while 周大福 lives there is refused, writing nothing.
    before = db_bytes(home)
    again = cli("households", "move-in", "0601", "--head", "吴某")
    assert again.code == 2 and "请先 households move-out 0601" in again.err and db_bytes(home) == before


def test_move_out_can_close_the_problems_with_a_note(cli, unit) -> None:
    done = cli("households", "move-out", "0601", "--date", YESTERDAY, "--problems", "close", "--note", "已搬走联系不上")
    assert done.code == 0 and "1 个未办结的问题已附说明关闭" in done.out
    assert json.loads(cli("problems", "list", "--json", "--open").out) == []
    [problem] = json.loads(cli("problems", "list", "--json").out)
    assert problem["status"] == "closed"
    assert "办结：已搬走联系不上" in cli("problems", "show", problem["id"]).out


def test_a_death_leaves_the_count_and_the_last_one_closes_the_household(cli, unit) -> None:
    assert cli("households", "deceased", "0601", "--person", "钱桂花", "--date", YESTERDAY).code == 0
    [flat] = [h for h in list_json(cli) if h["room"] == "0601"]
    assert flat["residency"] == "resident"
    assert [(m["name"], m["residency"], m["ended_on"]) for m in flat["members"]] == [
        ("赵铁柱", None, None), ("钱桂花", "deceased", YESTERDAY)]  # fmt: skip
    assert "共 3 户，2 人" in cli("households", "list").out  # 赵铁柱, 孙丽: the living
    last = cli("households", "deceased", "0601", "--person", "赵铁柱", "--date", YESTERDAY)
    assert last.code == 0 and "已注销为已故" in last.out
    [old] = [h for h in list_json(cli, "--all") if h["room"] == "0601"]
    assert old["residency"] == "deceased" and "钱桂花（已故 " + YESTERDAY + "）" in cli(
        "households", "show", "0601", "--all").out  # fmt: skip


def test_after_the_head_dies_another_member_is_made_head(cli, unit, home: Path) -> None:
    assert cli("households", "deceased", "0601", "--person", "赵铁柱", "--date", YESTERDAY).code == 0
    before = db_bytes(home)
    for name, says in (("赵铁柱", "没有在住"), ("周八", "没有在住")):
        refused = cli("households", "set-head", "0601", "--person", name)
        assert refused.code == 2 and says in refused.err and db_bytes(home) == before, refused.err
    done = cli("households", "set-head", "0601", "--person", "钱桂花")
    assert done.code == 0 and "户主现为 钱桂花" in done.out
    [flat] = [h for h in list_json(cli) if h["room"] == "0601"]
    assert [(m["name"], m["relation"], m["residency"]) for m in flat["members"]] == [
        ("赵铁柱", "other", "deceased"), ("钱桂花", "self", None)]  # fmt: skip
    again = cli("households", "set-head", "0601", "--person", "钱桂花")
    assert again.code == 2 and "已经是户主" in again.err


def test_a_person_moves_to_another_household_of_the_unit(cli, unit) -> None:
    moved = cli("households", "move-person", "钱桂花", "--from", "0601", "--to", "0602", "--date", YESTERDAY)
    assert moved.code == 0, moved.err
    flats = {h["room"]: h for h in list_json(cli)}
    assert [(m["name"], m["residency"]) for m in flats["0601"]["members"]] == [("赵铁柱", None),
                                                                           ("钱桂花", "moved_out")]  # fmt: skip
    assert [m["name"] for m in flats["0602"]["members"]] == ["孙丽", "钱桂花"]
    # The last person to leave takes the household with them: 0601 is then vacant on the map.
    assert cli("households", "move-person", "赵铁柱", "--from", "0601", "--to", "0602").code == 0
    assert "0601" not in [h["room"] for h in list_json(cli)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["move-out", "0601", "--date", TOMORROW], "还没到"),
        (["move-out", "0601", "--date", "2026-13-01"], "看不懂"),
        (["move-out", "0702", "--date", YESTERDAY], "空置房"),
        (["move-out", "0601", "--date", YESTERDAY, "--problems", "forget"], "forget"),
        (["deceased", "0601", "--person", "钱桂花", "--date", TOMORROW], "还没到"),
        (["deceased", "0601", "--person", "无此人", "--date", YESTERDAY], "0601 没有在住的“无此人”"),
        (["move-person", "钱桂花", "--from", "0601", "--to", "0909"], "0909"),
        (["move-person", "赵铁柱", "--from", "0601", "--to", "0602"], "请先更换户主"),
        (["move-in", "0909", "--head", "某某"], "households add"),
    ],
)
def test_bad_moves_exit_2_and_write_nothing(cli, unit, home: Path, args: list[str], message: str) -> None:
    before = db_bytes(home)
    result = cli("households", *args)
    assert result.code == 2 and message in result.err, result.err
    assert db_bytes(home) == before


def test_bad_moves_are_told_in_english_too(cli, unit, home: Path) -> None:
    result = cli("--lang", "en", "households", "deceased", "0601", "--person", "钱桂花", "--date", TOMORROW)
    assert result.code == 2 and "has not come yet" in result.err


def test_the_same_id_number_in_another_household_is_refused_naming_it(cli, unit, home: Path) -> None:
    before = db_bytes(home)
    for args in (["add", "--room", "0801", "--head", "冒名", "--id-number", GOOD_ID],
                 ["edit", "0602", "--add-member", f"某人:子女:id={GOOD_ID}"]):  # fmt: skip
        result = cli("households", *args)
        assert result.code == 2, result.out
        assert "这个身份证号已登记在 0601 的 赵铁柱 名下" in result.err
        assert db_bytes(home) == before
    # Once 赵铁柱 has moved out, the number is free for the household he moved into.
    assert cli("households", "move-out", "0601", "--date", YESTERDAY).code == 0
    assert cli("households", "edit", "0602", "--add-member", f"赵铁柱:其他:id={GOOD_ID}").code == 0


def test_the_same_name_and_birth_year_asks_first(cli, unit, home: Path, monkeypatch) -> None:
    before = db_bytes(home)
    result = cli("households", "add", "--room", "0801", "--head", "孙丽", "--birth-year", "1980")
    assert result.code == 2 and "0602 已有一位 孙丽（1980 年生）" in result.err and "--yes" in result.err
    assert db_bytes(home) == before
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdin.readline", lambda: "n\n", raising=False)
    declined = cli("households", "add", "--room", "0801", "--head", "孙丽", "--birth-year", "1980")
    assert declined.code == 2 and "是同一个人吗" in declined.err and db_bytes(home) == before
    monkeypatch.setattr("sys.stdin.readline", lambda: "y\n", raising=False)
    assert cli("households", "add", "--room", "0801", "--head", "孙丽", "--birth-year", "1980").code == 0
    other = cli("households", "add", "--room", "0802", "--head", "孙丽", "--birth-year", "1981")
    assert other.code == 0, other.err  # another year: another person, nothing asked


def test_yes_goes_on_without_a_terminal(cli, unit) -> None:
    assert cli("households", "add", "--room", "0801", "--head", "孙丽", "--birth-year", "1980", "--yes").code == 0


def _unit_device(folder: Path, name: str, unit: str, db: StationDB, station_keys: Keys) -> Path:
    store, keys = make_device(folder, name, GridPath(community="子龙社区", compound="橙郡一期", building="6栋",
                                                     unit=unit))  # fmt: skip
    store.add_household(Household(room="0301", members=[Member(name="同一人", relation="self", id_number=GOOD_ID)]))
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    bundle = device.export(store, keys, folder / "stick").path
    store.close()
    return bundle


def test_the_station_lists_one_person_held_in_two_units_by_a_keyed_hash(cli, tmp_path: Path) -> None:
    station = tmp_path / "station"
    db = StationDB(station, create=True)
    station_keys = Keys(station)
    bundles = [_unit_device(tmp_path / f"d{n}", name, unit, db, station_keys)
               for n, (name, unit) in enumerate([("刘秀英", "3单元"), ("陈静", "4单元")])]  # fmt: skip
    assert [o.status for o in import_paths(db, station_keys, bundles)] == ["accepted", "accepted"]
    db.close()
    listed = cli("--home", str(station), "station", "duplicates", "--json", home_dir=None)
    assert listed.code == 0, listed.err
    [person] = json.loads(listed.out)
    assert [(h["unit"], h["room"], h["id_number"]) for h in person["holdings"]] == [
        ("橙郡一期6栋3单元", "0301", "110***********002X"),
        ("橙郡一期6栋4单元", "0301", "110***********002X"),
    ]
    assert GOOD_ID not in listed.out and "同一人" not in listed.out
    text = cli("--home", str(station), "station", "duplicates", home_dir=None)
    assert "1 人登记在不止一个单元" in text.out and GOOD_ID not in text.out
    # The hash is keyed by this station's own secret: the bare SHA-256 of the number appears nowhere.
    import hashlib

    assert hashlib.sha256(GOOD_ID.encode()).hexdigest()[:12] != person["person"]
    again = json.loads(cli("--home", str(station), "station", "duplicates", "--json", home_dir=None).out)
    assert again == [person]  # the same secret from one run to the next


def test_a_roster_row_with_an_id_number_of_another_household_is_refused(cli, unit, home: Path, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    rows = ["房号,姓名,与户主关系,身份证号", f"0801,冒名,户主,{GOOD_ID}", "0802,周五,户主,"]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    done = cli("households", "import", str(path), "--apply")
    assert done.code == 2 and "这个身份证号已登记在 0601 的 赵铁柱 名下" in done.out
    rooms = [h["room"] for h in list_json(cli)]
    assert "0802" in rooms and "0801" not in rooms  # only the row at fault is refused


def test_a_roster_row_like_someone_of_another_household_is_listed_to_check(cli, unit, tmp_path: Path) -> None:
    """The same name and birth year is only a likeness: the dry run lists it, so the leader checks before --apply."""
    path = tmp_path / "roster.csv"
    rows = ["房号,姓名,与户主关系,出生年份", "0801,钱桂花,户主,1950", "0802,周五,户主,1950"]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    dry = cli("households", "import", str(path))
    assert dry.code == 0 and "钱桂花（1950 年生）与 0601 的 钱桂花 同名同出生年份" in dry.err
    assert "周五" not in dry.err.split("请核实", 1)[-1]
    assert cli("households", "import", str(path), "--apply").code == 0  # not refused: the leader has checked


def test_moves_and_deaths_travel_to_the_station(tmp_path: Path) -> None:
    db = StationDB(tmp_path / "station", create=True)
    station_keys = Keys(tmp_path / "station")
    store, keys = make_device(tmp_path / "device")
    store.add_household(Household(room="0602", members=[Member(name="甲", relation="self"),
                                                        Member(name="乙", relation="spouse")]))  # fmt: skip
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    store.move_out(next(h.id for h in store.households() if h.room == "0601"), YESTERDAY, "外地")
    store.mark_deceased(next(h.id for h in store.households() if h.room == "0602"), "乙", YESTERDAY)
    bundle = device.export(store, keys, tmp_path / "stick").path
    [outcome] = import_paths(db, station_keys, [bundle])
    assert outcome.status == "accepted", outcome.key
    docs = {d["room"]: d for d in db.docs("households")}
    assert (docs["0601"]["residency"], docs["0601"]["ended_on"], docs["0601"]["moved_to"]) == (
        "moved_out", YESTERDAY, "外地")  # fmt: skip
    assert [(m["name"], m["residency"]) for m in docs["0602"]["members"]] == [("甲", None), ("乙", "deceased")]
    # A new household in 0601: the station names the flat's household now by its room, the old one is history.
    new = store.move_in(Household(room="0601", members=[Member(name="丙", relation="self")]))
    [outcome] = import_paths(db, station_keys, [device.export(store, keys, tmp_path / "stick2").path])
    assert outcome.status == "accepted", outcome.key
    assert find_household(db, "6栋3单元:0601")[0] == new.id
    store.close()
    db.close()


def test_the_exported_roster_is_who_lives_here_and_imports_back_as_no_change(cli, unit, tmp_path: Path) -> None:
    assert cli("households", "move-out", "0601", "--date", YESTERDAY).code == 0
    assert cli("households", "move-in", "0601", "--head", "周大福").code == 0
    sheet = tmp_path / "roster.csv"
    assert cli("households", "export", "--out", str(sheet), "--reveal").code == 0
    text = sheet.read_text(encoding="utf-8-sig")
    assert "周大福" in text and "赵铁柱" not in text
    again = cli("households", "import", str(sheet), "--apply")
    assert again.code == 0, again.out
    assert len(list_json(cli, "--all")) == 4  # 0601 now and before, 0602, 0702: nothing created twice
