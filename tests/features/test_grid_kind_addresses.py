"""Each grid kind's own address at the station (#16): a 林盘 household is 斜江村3组15号 in the station's monthly
ledger, a shop 文化路12号 with its name, not the stored room ``3-15`` / ``12``; the device's bundle names its grid
kind, the station keeps it in the device's record (an older bundle, without one, is a stairwell's)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from fieldgrid.model.places import kind_of, place_label, place_order

DEMO_PLACES = {"village": ("3组15号", "斜江村3组15号"), "shops": ("12号", "文化路12号 张氏修车行"),
               "institution": ("晋原小学", "A01 晋原小学")}


def _ledger(cli, station: Path, folder: Path) -> list[list[str]]:
    month = dt.date.today().strftime("%Y-%m")
    made = cli("station", "report", "--month", month, "--out", str(folder), home_dir=station)
    assert made.code == 0, made.err
    [sheet] = folder.glob("问题台账-*.csv")
    return list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))


@pytest.mark.parametrize("kind", list(DEMO_PLACES))
def test_a_demo_unit_of_each_kind_reaches_the_station_ledger_by_its_own_address(
    cli, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, station = tmp_path / "demo", tmp_path / "st"
    made = cli("demo", "--no-open", "--grid-kind", kind, "--station", str(station), home_dir=home)
    assert made.code == 0, made.err
    monkeypatch.setenv("FIELDGRID_PIN", "000000")
    monkeypatch.setenv("FIELDGRID_STATION_PASSPHRASE", _demo_passphrase())
    typed, address = DEMO_PLACES[kind]
    problem = cli("problems", "add", "--category", "安全隐患", "--description", "门口电瓶车飞线充电",
                  "--household", typed, home_dir=home)  # fmt: skip
    assert problem.code == 0, problem.err
    out = tmp_path / "out"
    exported = cli("sync", "export", "--out", str(out), home_dir=home)
    assert exported.code == 0, exported.err
    [bundle] = out.glob("*.fgb*")
    envelope = json.loads(bundle.read_text(encoding="utf-8"))
    assert envelope["grid"]["grid_kind"] == kind
    assert envelope["grid"].get("area") == {"village": "斜江村", "shops": "文化路"}.get(kind)
    imported = cli("station", "import", str(out), home_dir=station)
    assert imported.code == 0, imported.err

    ledger = _ledger(cli, station, tmp_path / "report")
    [row] = [r for r in ledger[1:] if "门口电瓶车飞线充电" in r]
    place = row[ledger[0].index("地点")]  # the place column (a problem's code or a date may end in 12 too)
    assert place.startswith(address), row
    if kind == "village":  # the house's own name after its address, when it has one
        assert place.endswith("家院子") or place == address, row
    if kind != "institution":  # not the room as stored (an institution's room is its address)
        assert place not in ("3-15", "12"), row


def _demo_passphrase() -> str:
    from fieldgrid.station.seal import DEMO_PASSPHRASE

    return DEMO_PASSPHRASE


def test_a_kind_the_station_learns_from_a_later_bundle_and_an_older_bundle_is_a_stairwell(cli, tmp_path: Path) -> None:
    """Enrolled as a stairwell, then the leader's profile becomes a village's: the next bundle tells the station,
    which keeps it in the device's record (the rest of the grid path as enrolled); then a shop street's."""
    from testkit.stick import onboard

    world = onboard(cli, tmp_path, count=1)
    station, [device], stick = world.station, world.devices, world.stick

    def kind_at_station() -> dict[str, str]:
        listed = json.loads(cli("station", "devices", "--json", home_dir=station).out)
        return listed[0]["grid"]

    assert "grid_kind" not in kind_at_station()
    assert cli("profile", "set", "--grid-kind", "village", home_dir=device).code == 0
    assert cli("households", "add", "--room", "3组2号", "--head", "王建国", home_dir=device).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    assert kind_at_station()["grid_kind"] == "village"
    assert kind_at_station()["area"] == "橙郡一期" and kind_at_station()["unit"] == "1单元"  # the rest as enrolled
    assert cli("profile", "set", "--grid-kind", "shops", home_dir=device).code == 0
    assert cli("households", "add", "--room", "12号", "--head", "李老板", home_dir=device).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=station).code == 0
    assert kind_at_station()["grid_kind"] == "shops"


def test_a_bundle_without_a_grid_kind_is_a_stairwells() -> None:
    from fieldgrid.station.exchange import _kind_changed

    enrolled = {"compound": "斜江村", "unit": "1网格", "grid_kind": "village", "area": "斜江村"}
    assert _kind_changed(enrolled, {"compound": "斜江村", "unit": "1网格"}) == {"compound": "斜江村", "unit": "1网格"}
    assert _kind_changed(enrolled, dict(enrolled)) is None  # nothing new: the record is left as it is
    assert _kind_changed({"unit": "1单元"}, {"unit": "9单元", "grid_kind": "shops"}) == {"unit": "1单元",
                                                                                       "grid_kind": "shops"}


def test_each_kind_labels_and_orders_its_places() -> None:
    house = {"group": 3, "number": 15, "name": "王家院子"}
    assert place_label("3-15", house, "village", "斜江村") == "斜江村3组15号 王家院子"
    assert place_label("12", {"name": "老王面馆"}, "shops") == "12号 老王面馆"
    assert place_label("0601", {"name": "x"}, "stairwell") == "0601"  # a stairwell's room as ever
    assert kind_of({}) == "stairwell" and kind_of({"grid_kind": "rocket"}) == "stairwell"
    assert kind_of({"grid_kind": "shops"}) == "shops"
    rooms = ["3-11", "10-1", "3-2", "4-1"]
    assert sorted(rooms, key=lambda r: place_order(r, "village")) == ["3-2", "3-11", "4-1", "10-1"]
    assert sorted(["10", "2", "12-1", "12"], key=lambda r: place_order(r, "shops")) == ["2", "10", "12", "12-1"]


def test_a_household_kept_aside_is_named_by_its_own_address() -> None:
    """The station's notice to a village leader and its import table name the household 斜江村3组15号 王家院子, as
    the leader's own lists do, not by the stored room 3-15."""
    from fieldgrid.i18n import t
    from fieldgrid.model.places import household_label
    from fieldgrid.station.db import Device
    from fieldgrid.station.exchange import _held_notice

    grid = {"compound": "斜江村", "building": "林盘", "unit": "1网格", "grid_kind": "village"}
    doc = {"id": "h1", "room": "3-15", "building": "林盘", "unit": "2网格", "place": {"name": "王家院子"}}
    assert household_label(doc, grid) == "斜江村3组15号 王家院子"
    assert household_label({"room": "0601"}, {"unit": "3单元"}) == "0601"
    assert household_label({"room": "12", "place": "?"}, {"compound": "文化路", "grid_kind": "shops"}) == "文化路12号"
    leader = Device("dv1", "k", "王芳", grid, 0.0, None, None, None)
    notice = _held_notice(leader, doc)
    assert "斜江村3组15号 王家院子" in notice["text"] and t("station.held.notice", room="3-15", place="林盘2网格",
                                                     unit="斜江村林盘1网格") not in notice["text"]  # fmt: skip


def test_an_institutions_rooms_sort_by_their_numbers() -> None:
    rooms = ["A10", "B1", "A2", "10", "2", "A01"]
    assert sorted(rooms, key=lambda r: place_order(r, "institution")) == ["2", "10", "A01", "A2", "A10", "B1"]
