"""Snapshots of every screen of the station's terminal (``fieldgrid.tui.station``) at 80×24, in Chinese and in
English.

The station is the demo station after importing the demo unit's bundle, its "today" the day of
:data:`testkit.tui_field.NOW` (see ``conftest.py``).  Accept a deliberate change of the look with
``pytest tests/tui/snapshots --snapshot-update`` after reviewing the SVG diff.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from fieldgrid.cli.station_seal import demo_hint, station_unlocker
from fieldgrid.i18n import set_language
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import StationClock, edit_household, import_paths
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.common.palette import Palette
from fieldgrid.tui.lock.pin_screen import PinScreen
from fieldgrid.tui.station.app import StationApp
from fieldgrid.tui.station.conflicts import ConflictScreen
from fieldgrid.tui.station.dashboard import DashboardScreen
from fieldgrid.tui.station.decision_form import DecisionForm
from fieldgrid.tui.station.import_form import ImportForm
from fieldgrid.tui.station.import_results import ImportResultsScreen
from fieldgrid.tui.station.log_screen import LogScreen
from fieldgrid.tui.station.notice_form import NoticeForm
from fieldgrid.tui.station.queue_screen import QueueScreen
from fieldgrid.tui.station.unit_screen import UnitScreen
from fieldgrid.tui.widgets.read_whole import ReadWhole
from testkit.street import street_over
from testkit.tui_snap import LANGUAGES, Steps, keys, snapshot


async def imported(pilot: Pilot) -> None:
    """Import the stick the demo unit wrote (already imported: a duplicate) and a file that is no bundle."""
    stick = Path("import-stick")
    stick.mkdir()
    shutil.copy(Path("stick") / "unit.fgbundle", stick / "unit.fgbundle")
    (stick / "broken.fgbundle").write_text("{}", encoding="utf-8")
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = str(stick)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportResultsScreen)


async def no_matches(pilot: Pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    for key in "zzz":
        await pilot.press(key)
    await pilot.pause(0.8)  # the palette says so after half a second
    assert isinstance(pilot.app.screen, Palette)


# name → the keys from the dashboard to the screen
STATION_SCREENS: dict[str, Steps] = {
    "dashboard": keys(expect=DashboardScreen),
    "unit_problems": keys("enter", expect=UnitScreen),
    "unit_households": keys("enter", "h", expect=UnitScreen),
    "unit_work": keys("enter", "w", expect=UnitScreen),
    "queue": keys("e", expect=QueueScreen),
    "decision_form": keys("e", "d", expect=DecisionForm),
    "notice_form": keys("n", expect=NoticeForm),
    "import_form": keys("i", expect=ImportForm),
    "import_results": imported,
    "log": keys("l", expect=LogScreen),
    "log_entry": keys("l", "enter", expect=ReadWhole),
    "help": keys("question_mark", expect=HelpScreen),
    "queue_help": keys("e", "question_mark", expect=HelpScreen),
    "palette_no_matches": no_matches,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", list(STATION_SCREENS))
def test_station_screen(screen: str, language: str, station_db: StationDB, snap_compare) -> None:
    set_language(language)
    app = StationApp(station_db)
    assert snapshot(snap_compare, app, STATION_SCREENS[screen])


@pytest.mark.parametrize("language", LANGUAGES)
def test_station_conflicts(language: str, unit_store: Store, station_db: StationDB, snap_compare) -> None:
    """A phone changed on the device and at the station at the same time: one conflict to check (``c`` is offered
    only when there are some)."""
    household = unit_store.households()[0]
    unit_store.update_household(dataclasses.replace(household, phones=["13900001111"]))
    edit_household(station_db, StationClock(station_db), f"6栋3单元:{household.room}", {"phones": ["13700002222"]})
    bundle = device.export(unit_store, Keys(unit_store.home), Path("up")).path
    [outcome] = import_paths(station_db, Keys(station_db.home), [bundle])
    assert outcome.status == "accepted" and station_db.open_conflicts()
    set_language(language)
    app = StationApp(station_db)
    assert snapshot(snap_compare, app, keys("c", expect=ConflictScreen))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", ["street", "street_community", "street_unit"])
def test_street_station(screen: str, language: str, station_db: StationDB, snap_compare) -> None:
    """A street station over the demo community: the street by community, one community's units, a unit."""
    street = street_over(station_db, Path("street"))
    steps = {"street": keys(expect=DashboardScreen), "street_community": keys("enter", expect=DashboardScreen),
             "street_unit": keys("enter", "enter", "h", expect=UnitScreen)}  # fmt: skip
    set_language(language)
    try:
        assert snapshot(snap_compare, StationApp(street), steps[screen])
    finally:
        street.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_station_passphrase(language: str, homes: Path, pinned: Path, snap_compare) -> None:
    """The first screen of an encrypted station: the passphrase asked, nothing of the station shown (the demo
    says its passphrase)."""
    station = Path("station")  # the demo station, as conftest names it (the test runs in ``pinned``)
    shutil.copytree(homes / station, pinned / station)
    set_language(language)
    unlocker = station_unlocker(station)
    assert unlocker is not None
    app = StationApp(None, unlocker=unlocker, opener=lambda key: StationDB(station, key=key),
                     hint=demo_hint(station))  # fmt: skip
    assert snapshot(snap_compare, app, keys(expect=PinScreen))
