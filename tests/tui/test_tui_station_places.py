"""A village's households at the station (#16): the station's unit screen lists them by their own address
(斜江村3组2号 and a house's name), not the stored room ``3-2``, in the natural order of groups and numbers; a
street station over the community knows the unit's kind from the community's roll-up and addresses them alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.station.units import units
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.station.app import StationApp
from fieldgrid.tui.station.unit_screen import UnitScreen
from testkit.pin import open_station
from testkit.street import street_over
from testkit.tui_app import screen_text
from testkit.tui_field import FROZEN_DT, Clock
from testkit.tui_station import press, run


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The village demo unit, its demo station with the unit's bundle imported, and a street over it."""
    folder = tmp_path_factory.mktemp("village-station")
    store = Store(folder / "unit", now_ms=Clock())
    write_demo(store, "village")
    make_demo_station(store, folder / "station")
    device.export(store, Keys(store.home), folder / "stick")
    store.close()
    community = open_station(folder / "station", DEMO_PASSPHRASE)
    try:
        [outcome] = import_paths(community, Keys(folder / "station"), [folder / "stick"])
        assert outcome.status == "accepted"
        street_over(community, folder / "street").close()
    finally:
        community.close()
    return folder


@pytest.fixture
def world(village: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(village, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr("fieldgrid.tui.station.clock.dt", FROZEN_DT)
    return tmp_path


def test_the_unit_screen_lists_a_villages_houses_by_group_and_number(world: Path) -> None:
    db = open_station(world / "station", DEMO_PASSPHRASE)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "enter")
        assert isinstance(app.screen, UnitScreen)
        await press(pilot, "h")
        text = screen_text(app)
        assert "斜江村3组2号" in text and "斜江村3组15号" in text, text
        assert "3-2 " not in text and "3-15" not in text
        assert text.index("斜江村3组2号") < text.index("斜江村3组5号") < text.index("斜江村3组11号")  # 2, 5, 11

    run(db, body)
    db.close()


def test_a_street_station_addresses_the_villages_houses_from_the_rollup(world: Path) -> None:
    street = StationDB(world / "street")
    try:
        [unit] = [u for u in units(street) if u.households]
        assert unit.grid_kind == "village" and unit.area == "斜江村"
        wheres = [unit.where(h) for h in unit.households]
        assert wheres[0].startswith("斜江村3组2号") and wheres[-1].startswith("斜江村5组21号"), wheres
    finally:
        street.close()
