"""A street station's terminal at 80×24 (#12 item 3): the street at a glance, one line per community; Enter opens
a community, one line per unit; Enter again the unit as the street holds it (its problems; households without
names or phones); Escape goes back up.  The demo community rolls up to a street station first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import set_language
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.station.app import StationApp
from fieldgrid.tui.station.dashboard import DashboardScreen
from fieldgrid.tui.station.unit_screen import UnitScreen
from testkit.pin import open_station
from testkit.street import street_over
from testkit.tui_app import screen_text
from testkit.tui_field import FROZEN_DT, Clock
from testkit.tui_station import press, run


def make_street(folder: Path) -> StationDB:
    """The demo community (the demo unit's bundle imported) rolled up to a street station at ``folder/street``."""
    community = open_station(folder / "station", DEMO_PASSPHRASE)
    try:
        [outcome] = import_paths(community, Keys(folder / "station"), [folder / "stick"])
        assert outcome.status == "accepted"
        return street_over(community, folder / "street")
    finally:
        community.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo unit, its station with the unit's bundle imported, rolled up to a street station; copied per
    test."""
    folder = tmp_path_factory.mktemp("street-demo")
    store = Store(folder / "unit", now_ms=Clock())
    write_demo(store)
    make_demo_station(store, folder / "station")
    device.export(store, Keys(store.home), folder / "stick")
    store.close()
    make_street(folder).close()
    return folder


@pytest.fixture
def street(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StationDB:
    shutil.copytree(demo, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr("fieldgrid.tui.station.clock.dt", FROZEN_DT)
    return StationDB(tmp_path / "street")


def test_the_street_by_community_then_unit(street: StationDB) -> None:
    async def body(app: StationApp, pilot: Pilot) -> None:
        text = screen_text(app)
        assert "⏎ 打开社区" in text
        assert "街道工作概况" in text or "晋原街道服务站" in text
        assert "社区 1 · 单元 1 · 住户 44" in text, text
        [line] = [row for row in text.splitlines() if "子龙社区" in row and " 44 " in row]
        assert "刘秀英" not in line  # a community's line, not a leader's
        await press(pilot, "enter")
        assert isinstance(app.screen, DashboardScreen) and app.screen.community is not None
        text = screen_text(app)
        assert "刘秀英" in text and "橙郡一期6栋3单元" in text and "单元 1 · 住户 44" in text
        assert "⏎ 打开单元" in text and "esc" in text
        await press(pilot, "enter")
        assert isinstance(app.screen, UnitScreen)
        assert "刘秀英" in screen_text(app)
        await press(pilot, "h")  # the households as the street holds them: rooms, no names, no phones
        text = screen_text(app)
        rooms = [row.split() for row in text.splitlines() if row.strip()[:4].isdigit()]
        assert len(rooms) >= 10 and all(row[1:3] == ["—", "—"] for row in rooms), rooms  # no head, no count
        assert "138" not in text and "5101" not in text
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, DashboardScreen) and app.screen.community is None

    run(street, body)
    street.close()


def test_the_street_in_english(street: StationDB) -> None:
    set_language("en")

    async def body(app: StationApp, pilot: Pilot) -> None:
        text = screen_text(app)
        assert "Communities 1 · units 1 · households 44" in text, text
        assert "Community" in text

    run(street, body)
    street.close()
