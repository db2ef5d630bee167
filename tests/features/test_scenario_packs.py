"""Scenario packs as data (#16 items 2 and 3): the built-in vocabulary is a pack shipped as a TOML file, two example
packs ship beside it, every one follows the published schema; a station rolls a pack out to its leaders in the next
returns and the devices install it on import; a leader patrols by the pack's checklist and visits by its kinds, with
its extra fields, and the findings and fields come back in the station's monthly report.  A pack refused (schema,
a code twice, an older version, a category open problems still use) names the offending entry: exit 2, nothing
changed."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import tomllib

from fieldgrid.i18n import CATALOGUES
from fieldgrid.model.cadence import DEFAULT_RULES
from fieldgrid.model.patrol import FINDING_CATEGORY
from fieldgrid.model.problem import CATEGORIES
from fieldgrid.model.scenario import parse_pack
from fieldgrid.model.visit import PATROL_ITEMS, VISIT_KINDS
from fieldgrid.model.vocabulary import SPECIAL_ATTENTION_TAGS, TAGS
from fieldgrid.scenarios import SHIPPED, shipped_path
from testkit.cli import PROFILE, REPO, db_bytes
from testkit.stick import onboard, profile
from testkit.sync import dump_station

SCHEMA = json.loads((REPO / "sync" / "scenario-pack.schema.json").read_text(encoding="utf-8"))
GAS = shipped_path("gas_safety")
FLOOD = shipped_path("flood_season")


def shipped(name: str) -> dict:
    return tomllib.loads(shipped_path(name).read_text(encoding="utf-8"))


def write_pack(folder: Path, doc_text: str, name: str = "pack.toml") -> Path:
    path = folder / name
    path.write_text(doc_text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_pack_follows_the_schema(name: str) -> None:
    doc = shipped(name)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(doc, SCHEMA)
    assert parse_pack(doc).name == name


def test_the_default_pack_is_the_vocabulary_records_already_use() -> None:
    pack = parse_pack(shipped("default"))
    assert [k.code for k in pack.visit_kinds] == list(VISIT_KINDS)
    assert [c.code for c in pack.categories] == list(CATEGORIES)
    [standard] = pack.checklists
    assert [i.code for i in standard.items] == list(PATROL_ITEMS)
    assert {i.code: i.category for i in standard.items} == FINDING_CATEGORY
    assert [tag.code for tag in pack.tags] == list(TAGS)
    assert {tag.code for tag in pack.tags if tag.special} == SPECIAL_ATTENTION_TAGS
    for tag in pack.tags:
        rule = DEFAULT_RULES.get(tag.code)
        assert (tag.days, tag.contact) == ((rule.days, rule.contact) if rule else (None, True)), tag.code
    zh, en = CATALOGUES["zh_CN"], CATALOGUES["en"]
    for key, (label_zh, label_en) in pack.labels().items():
        if key.startswith("checklist."):
            continue  # the standard checklist had no name before packs
        assert (label_zh, label_en) == (zh[key], en[key]), key


def test_the_examples_are_a_gas_check_of_six_items_and_a_flood_patrol() -> None:
    gas = parse_pack(shipped("gas_safety"))
    assert gas.title.zh == "燃气安全入户检查" and len(gas.checklists[0].items) == 6
    flood = parse_pack(shipped("flood_season"))
    assert flood.title.zh == "汛期巡查" and flood.checklists[0].items


def test_a_leader_installs_a_pack_and_visits_and_patrols_by_it(cli, home: Path) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "张三").code == 0
    listed = cli("scenarios", "list")
    assert "基础场景（内置）" in listed.out and "gas_safety" not in listed.out
    installed = cli("scenarios", "install", str(GAS))
    assert installed.code == 0 and "已安装场景包：燃气安全入户检查（gas_safety，第1版）" in installed.err
    shown = cli("scenarios", "show", "燃气安全入户检查")
    assert "燃气报警器（gas_alarm）→ 发现问题归入 燃气隐患" in shown.out
    assert json.loads(cli("scenarios", "show", "gas_safety", "--json").out) == shipped("gas_safety")

    visit = cli("visits", "add", "0601", "--kind", "燃气入户检查", "--field", "灶具类型=瓶装液化气",
                "--field", "meter_reading=0123.50", "--field", "next_check=2027-06-01")  # fmt: skip
    assert visit.code == 0, visit.err
    [doc] = json.loads(cli("visits", "list", "--json").out)
    assert doc["kind"] == "gas_check"
    assert doc["fields"] == {"stove": "bottled", "meter_reading": 123.5, "next_check": "2027-06-01"}
    assert "燃气入户检查" in cli("visits", "list").out

    patrol = cli("patrols", "add", "--checklist", "gas_door", "--finding", "燃气报警器=未安装报警器",
                 "--report", "gas_alarm", "--field", "stove=piped", "--field", "当场更换软管=否")  # fmt: skip
    assert patrol.code == 0, patrol.err
    [record] = json.loads(cli("patrols", "list", "--json").out)
    assert record["checklist"] == "gas_door" and record["fields"] == {"stove": "piped", "hose_replaced": False}
    assert [i["item"] for i in record["items"]] == [i["code"] for i in shipped("gas_safety")["checklists"][0]["items"]]
    [problem] = json.loads(cli("problems", "list", "--json").out)
    assert problem["category"] == "gas_hazard"
    assert "燃气隐患" in cli("problems", "list").out and "燃气报警器" in cli("problems", "list").out

    # The default pack's kinds and checklist are untouched: a visit of 走访 writes what it always wrote.
    assert cli("visits", "add", "0601", "--kind", "走访").code == 0
    [routine] = [v for v in json.loads(cli("visits", "list", "--json").out) if v["kind"] == "routine"]
    assert "fields" not in routine


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("visits", "add", "0601", "--kind", "gas_check"), "fields.stove：必填字段 stove 未填写"),
        (("visits", "add", "0601", "--kind", "gas_check", "--field", "stove=柴火"),
         "fields.stove：stove 只能是 管道燃气 / 瓶装液化气 / 电磁炉：柴火"),
        (("visits", "add", "0601", "--kind", "gas_check", "--field", "stove=piped", "--field", "meter_reading=许多"),
         "fields.meter_reading：meter_reading 应为数字"),
        (("visits", "add", "0601", "--kind", "gas_check", "--field", "stove=piped", "--field", "next_check=明年"),
         "应为日期"),
        (("visits", "add", "0601", "--kind", "routine", "--field", "stove=piped"), "没有这个附加字段"),
        (("patrols", "add", "--checklist", "no_such_list"), "没有这个巡查清单"),
        (("patrols", "add", "--checklist", "gas_door", "--field", "stove=piped", "--field", "hose_replaced=也许"),
         "应为 是 或 否"),
        (("visits", "add", "0601", "--kind", "gas_check", "--field", "stove"), "--field 的格式应为 名称=值"),
    ],
)
def test_extra_fields_are_checked_by_their_type(cli, args: tuple[str, ...], message: str) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("households", "add", "--room", "0601", "--head", "张三").code == 0
    assert cli("scenarios", "install", str(GAS)).code == 0
    result = cli(*args)
    assert result.code == 2, result.err
    assert message in result.err, result.err


# -- refusals: the path of the offending entry, exit 2, nothing changed --------------------------------------------

GOOD = """
name = "ebike"
version = 1
title = { zh = "电动车充电排查", en = "E-bike charging sweep" }

[[categories]]
code = "ebike_fire_risk"
label = { zh = "电动车火灾隐患", en = "E-bike fire risk" }

[[checklists]]
code = "ebike_sweep"
label = { zh = "电动车充电排查", en = "E-bike charging sweep" }

[[checklists.items]]
code = "ebike_indoor"
label = { zh = "电动车进楼入户", en = "E-bikes indoors" }
category = "ebike_fire_risk"

[[checklists.items]]
code = "ebike_wires"
label = { zh = "飞线充电", en = "Trailing charging cables" }
category = "ebike_fire_risk"
"""


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (GOOD.replace('code = "ebike_wires"', 'code = "ebike_indoor"'), "checklists[0].items[1].code"),
        (GOOD.replace('code = "ebike_wires"', 'code = "Ebike wires"'), "checklists[0].items[1].code"),
        (GOOD.replace('category = "ebike_fire_risk"\n\n[[checklists.items]]',
                      'category = "nope"\n\n[[checklists.items]]'), "checklists[0].items[0].category"),
        (GOOD.replace("version = 1", 'version = "1"'), "version"),
        (GOOD.replace('title = { zh = "电动车充电排查", en = "E-bike charging sweep" }', 'title = { zh = "电动车" }'),
         "title.en"),
        (GOOD + '\n[[visit_kinds]]\ncode = "routine"\nlabel = { zh = "走访", en = "Visit" }\n', "visit_kinds[0].code"),
        (GOOD + "\ncolour = 'red'\n", "colour"),
        (GOOD.replace('name = "ebike"', 'name = "default"'), "name"),
        ("name = [", "pack.toml"),
    ],
)
def test_a_bad_pack_is_refused_naming_its_entry_and_nothing_changes(
    cli, home: Path, tmp_path: Path, text: str, path: str
) -> None:
    assert cli(*PROFILE).code == 0
    before = db_bytes(home)
    result = cli("scenarios", "install", str(write_pack(tmp_path, text)))
    assert result.code == 2 and path in result.err and "Traceback" not in result.err, result.err
    assert db_bytes(home) == before


def test_an_older_version_is_refused_and_a_category_in_use_needs_a_replacement(
    cli, home: Path, tmp_path: Path
) -> None:
    assert cli(*PROFILE).code == 0
    v2 = GOOD.replace("version = 1", "version = 2")
    assert cli("scenarios", "install", str(write_pack(tmp_path, v2, "v2.toml"))).code == 0
    before = db_bytes(home)
    older = cli("scenarios", "install", str(write_pack(tmp_path, GOOD, "v1.toml")))
    assert older.code == 2 and "version：第1版比已安装的第2版旧" in older.err, older.err
    assert db_bytes(home) == before

    added = cli("problems", "add", "--category", "电动车火灾隐患", "--description", "3楼楼道停着电动车",
                "--place", "3楼楼道")  # fmt: skip
    assert added.code == 0, added.err
    renamed = v2.replace("version = 2", "version = 3").replace('code = "ebike_fire_risk"', 'code = "fire_risk"')
    renamed = renamed.replace('category = "ebike_fire_risk"', 'category = "fire_risk"')
    before = db_bytes(home)
    dropped = cli("scenarios", "install", str(write_pack(tmp_path, renamed, "v3.toml")))
    assert dropped.code == 2 and "categories[0].code" in dropped.err and "ebike_fire_risk" in dropped.err
    assert db_bytes(home) == before
    removed = cli("scenarios", "remove", "ebike")
    assert removed.code == 2 and "categories[0].code" in removed.err
    assert db_bytes(home) == before

    replacing = renamed.replace('label = { zh = "电动车火灾隐患", en = "E-bike fire risk" }',
                                'label = { zh = "火灾隐患", en = "Fire risk" }\nreplaces = ["ebike_fire_risk"]')
    assert cli("scenarios", "install", str(write_pack(tmp_path, replacing, "v3b.toml"))).code == 0
    # The open problem keeps its category, and reads as it did under the version that named it.
    assert "电动车火灾隐患" in cli("problems", "list").out


def test_records_made_under_v1_read_and_export_after_v2_renames_and_drops_items(
    cli, home: Path, tmp_path: Path
) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("scenarios", "install", str(GAS)).code == 0
    made = cli("patrols", "add", "--checklist", "gas_door", "--finding", "gas_heater=直排式热水器仍在使用",
               "--finding", "gas_hose=软管发硬", "--field", "stove=piped")  # fmt: skip
    assert made.code == 0, made.err
    v2 = GAS.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    v2 = v2.replace("燃气软管老化或超期", "燃气软管")  # renamed
    v2 = v2.split('[[checklists.items]]\ncode = "gas_heater"')[0] + "[[tags]]" + v2.split("[[tags]]")[1]  # dropped
    upgrade = cli("scenarios", "install", str(write_pack(tmp_path, v2, "gas-v2.toml")))
    assert upgrade.code == 0, upgrade.err
    versions = {p["name"]: p["version"] for p in json.loads(cli("scenarios", "list", "--json").out)}
    assert versions == {"default": 1, "gas_safety": 2}
    listed = cli("patrols", "list").out
    assert "直排式热水器：直排式热水器仍在使用" in listed  # the dropped item keeps its label
    assert "燃气软管：软管发硬" in listed  # the renamed one reads by its new name
    [record] = json.loads(cli("patrols", "list", "--json").out)
    assert {i["item"] for i in record["items"] if not i["ok"]} == {"gas_heater", "gas_hose"}
    again = cli("patrols", "add", "--checklist", "gas_door", "--field", "stove=piped")
    assert again.code == 0
    [_, newer] = json.loads(cli("patrols", "list", "--json").out)
    assert "gas_heater" not in [i["item"] for i in newer["items"]]
    month = dt.date.today().strftime("%Y-%m")
    out = tmp_path / "台账.csv"
    assert cli("ledger", "export", "--month", month, "--out", str(out)).code == 0


# -- distribution: the station publishes, two devices install, the findings come back ---------------------------


def test_a_pack_published_at_the_station_reaches_two_devices_and_comes_back_in_the_report(
    cli, tmp_path: Path
) -> None:
    world = onboard(cli, tmp_path, count=2)
    station, devices, stick = world.station, world.devices, world.stick
    before = dump_station(station)
    bad = cli("station", "scenarios", "publish", str(write_pack(tmp_path, GOOD.replace("version = 1", ""))),
              home_dir=station)  # fmt: skip
    assert bad.code == 2 and "version" in bad.err
    unknown = cli("station", "scenarios", "publish", str(GAS), "--to", "9栋9单元", home_dir=station)
    assert unknown.code == 2
    assert dump_station(station) == before

    published = cli("station", "scenarios", "publish", str(GAS), home_dir=station)
    assert published.code == 0 and "将随下一次回传发给 2 台设备" in published.err, published.err
    assert "gas_safety" in cli("station", "scenarios", "list", home_dir=station).out
    for device in devices:  # each leader's first trip to the station with the stick
        assert cli("households", "add", "--room", "0601", "--head", "住户", home_dir=device).code == 0
        assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    stick_out = cli("station", "stick", str(stick), home_dir=station)
    assert stick_out.code == 0, stick_out.err
    for device in devices:
        done = cli("sync", "stick", str(stick), home_dir=device)
        assert done.code == 0, done.err
        assert "服务站发来场景包：燃气安全入户检查（gas_safety，第1版），已安装" in done.err
        assert "gas_safety" in cli("scenarios", "list", home_dir=device).out

    first, second = devices
    patrol = cli("patrols", "add", "--checklist", "燃气安全入户检查", "--finding", "gas_alarm=报警器失效",
                 "--report", "gas_alarm", "--field", "stove=bottled", "--field", "meter_reading=88",
                 home_dir=first)  # fmt: skip
    assert patrol.code == 0, patrol.err
    visit = cli("visits", "add", "0601", "--kind", "gas_check", "--field", "stove=electric", home_dir=second)
    assert visit.code == 0, visit.err
    for device in devices:
        assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0

    month = dt.date.today().strftime("%Y-%m")
    folder = tmp_path / "report"
    (station / "points.json").write_text(json.dumps({"visit": {"gas_check": 5}}), encoding="utf-8")  # the new kind
    made = cli("station", "report", "--month", month, "--out", str(folder), home_dir=station)
    assert made.code == 0, made.err

    def rows(name: str) -> list[list[str]]:
        [sheet] = folder.glob(f"{name}-*.csv")
        return list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))

    ledger = rows("问题台账")
    assert any("燃气隐患" in row and any("报警器失效" in cell for cell in row) for row in ledger[1:]), ledger
    common = rows("共性问题分析")
    assert any(row[0] == "燃气隐患" for row in common), common
    fields = rows("场景记录")
    header = fields[0]
    assert {"灶具类型", "燃气表读数"} <= set(header), header
    by_record = {row[header.index("记录")]: row for row in fields[1:]}
    patrol_row, visit_row = by_record["巡查"], by_record["走访"]
    assert patrol_row[header.index("灶具类型")] == "瓶装液化气" and patrol_row[header.index("燃气表读数")] == "88"
    assert "燃气报警器：报警器失效" in patrol_row[header.index("房号/发现")]
    assert visit_row[header.index("灶具类型")] == "电磁炉" and visit_row[header.index("房号/发现")] == "0601"

    tallies = rows("单元长工作统计")
    points = {row[0]: row[tallies[0].index("积分")] for row in tallies[1:]}
    assert points["李四"] == "5", points  # one gas check visit, five points

    # The next exchange brings the pack no more: the devices have it.
    again = cli("sync", "stick", str(stick), home_dir=first)
    assert "服务站发来场景包" not in again.err


def test_without_a_toml_reader_the_default_pack_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python 3.10 has no tomllib: the default pack is then made from the code's own vocabulary, and is the same."""
    import importlib

    from fieldgrid import scenarios

    real = importlib.import_module

    def no_tomllib(name: str, *args: object) -> object:
        if name == "tomllib":
            raise ModuleNotFoundError(name)
        return real(name, *args)

    scenarios.default_pack.cache_clear()
    monkeypatch.setattr(scenarios.importlib, "import_module", no_tomllib)
    try:
        made = scenarios.default_pack()
    finally:
        scenarios.default_pack.cache_clear()
    assert made == parse_pack(shipped("default")) and made.labels() == parse_pack(shipped("default")).labels()


def test_a_leader_enrolled_after_the_roll_out_gets_the_pack_in_the_first_return(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=1)
    station, stick = world.station, world.stick
    assert cli("station", "scenarios", "publish", str(FLOOD), home_dir=station).code == 0
    newcomer = tmp_path / "device-late"
    assert cli(*profile("赵六", "4单元"), home_dir=newcomer).code == 0
    assert cli("sync", "identity", "--out", str(tmp_path / "late.json"), home_dir=newcomer).code == 0
    assert cli("station", "enroll", str(tmp_path / "late.json"), home_dir=station).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "st.json"), home_dir=station).code == 0
    assert cli("sync", "trust", str(tmp_path / "st.json"), home_dir=newcomer).code == 0
    assert cli("sync", "stick", str(stick), home_dir=newcomer).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    done = cli("sync", "stick", str(stick), home_dir=newcomer)
    assert "服务站发来场景包：汛期巡查（flood_season，第1版），已安装" in done.err, done.err
    found = cli("patrols", "add", "--checklist", "汛期巡查", "--finding", "flood_drains=雨水口被落叶堵住",
                "--field", "water_depth_cm=15", home_dir=newcomer)  # fmt: skip
    assert found.code == 0, found.err
    # A field of the village grid kind only is not offered to a stairwell's leader.
    village = cli("patrols", "add", "--checklist", "flood_patrol", "--field", "river_level=high", home_dir=newcomer)
    assert village.code == 2 and "没有这个附加字段：river_level" in village.err


def test_a_packs_tag_is_given_by_its_label_and_brings_its_care_cadence(cli) -> None:
    assert cli(*PROFILE).code == 0
    assert cli("scenarios", "install", str(FLOOD)).code == 0
    added = cli("households", "add", "--room", "0101", "--head", "钱七", "--tag", "汛期优先转移")
    assert added.code == 0, added.err
    [household] = json.loads(cli("households", "list", "--json").out)
    assert household["tags"] == ["flood_move_first"]
    assert "汛期优先转移" in cli("households", "list").out
    cadence = cli("profile", "cadence")
    assert cadence.code == 0 and "汛期优先转移" in cadence.out, cadence.out
    due = json.loads(cli("due", "--json").out)
    assert any(entry.get("room") == "0101" for entry in due), due


def test_the_station_refuses_a_version_that_drops_a_category_its_units_still_have_open(
    cli, tmp_path: Path
) -> None:
    world = onboard(cli, tmp_path, count=1)
    station, [device], stick = world.station, world.devices, world.stick
    v1 = write_pack(tmp_path, GOOD, "v1.toml")
    assert cli("station", "scenarios", "publish", str(v1), home_dir=station).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    added = cli("problems", "add", "--category", "ebike_fire_risk", "--description", "电动车停在楼道",
                "--place", "1楼", home_dir=device)  # fmt: skip
    assert added.code == 0, added.err
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    dropped = GOOD.replace("version = 1", "version = 2").replace("ebike_fire_risk", "fire_risk")
    before = dump_station(station)
    refused = cli("station", "scenarios", "publish", str(write_pack(tmp_path, dropped, "v2.toml")), home_dir=station)
    assert refused.code == 2 and "categories[0].code" in refused.err and "ebike_fire_risk" in refused.err
    assert dump_station(station) == before


def test_what_travels_follows_the_payload_schema(world) -> None:
    """A visit and a patrol with a pack's fields, as the station receives them, and a return carrying the pack, as
    the device opens it: both as ``sync/payload.schema.json`` says (the pack inside as the pack schema says)."""
    from fieldgrid.model.patrol import Patrol, PatrolItem
    from fieldgrid.model.visit import Visit
    from fieldgrid.scenarios import read_pack
    from fieldgrid.station.exchange import import_paths, returns
    from fieldgrid.station.scenarios import publish
    from fieldgrid.sync import device
    from fieldgrid.sync.bundle import open_bundle

    store, keys, db, station_keys, tmp = world
    payload_schema = json.loads((REPO / "sync" / "payload.schema.json").read_text(encoding="utf-8"))
    pack = read_pack(GAS)
    assert store.install_scenario(pack)
    household = store.households()[0]
    store.add_visit(Visit(household.id, "", "gas_check", fields={"stove": "piped", "meter_reading": 12.5,
                                                                   "next_check": "2027-01-31"}))  # fmt: skip
    store.add_patrol(Patrol("", (PatrolItem("gas_alarm", ok=False, finding="没有报警器"),), checklist="gas_door",
                            fields={"stove": "bottled", "hose_replaced": True}))  # fmt: skip
    device.export(store, keys, tmp / "stick")
    [result] = import_paths(db, station_keys, [tmp / "stick"])
    assert result.status == "accepted"
    for table, kind in (("visits", "visit"), ("patrols", "patrol")):
        [doc] = db.docs(table)
        assert doc["fields"], doc
        jsonschema.validate(doc, {**payload_schema["$defs"][kind], "$defs": payload_schema["$defs"]})

    assert publish(db, pack, "2026-11-20T09:00") == 1
    [(_, path, _, _)] = list(returns(db, station_keys, tmp / "back"))
    opened = open_bundle(path, keys)
    jsonschema.validate(opened.payload, payload_schema)
    [carried] = opened.payload["scenarios"]
    jsonschema.validate(carried["pack"], SCHEMA)
    assert carried["pack"] == shipped("gas_safety")
