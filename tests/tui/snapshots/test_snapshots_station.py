"""Snapshots of every screen of the station's terminal (``fieldgrid.tui.station.app``) at 80×24, in Chinese and in
English.

The station is the demo station after importing the demo unit's bundle, its "today" the day of
:data:`testkit.tui_field.NOW` (see ``conftest.py``).  Accept a deliberate change of the look with
``pytest tests/tui/snapshots --snapshot-update`` after reviewing the SVG diff.
"""

from __future__ import annotations

import pytest

from fieldgrid.i18n import set_language
from fieldgrid.station.db import StationDB
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.station.app import DashboardScreen, StationApp
from fieldgrid.tui.station.screens import ConflictScreen, DecisionForm, EscalationScreen, ImportForm, NoticeForm
from testkit.tui_snap import LANGUAGES, Steps, keys, snapshot

# name → the keys from the dashboard to the screen
STATION_SCREENS: dict[str, Steps] = {
    "dashboard": keys(expect=DashboardScreen),
    "escalations": keys("e", expect=EscalationScreen),
    "decision_form": keys("e", "d", expect=DecisionForm),
    "conflicts": keys("c", expect=ConflictScreen),
    "notice_form": keys("n", expect=NoticeForm),
    "import_form": keys("i", expect=ImportForm),
    "help": keys("question_mark", expect=HelpScreen),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", list(STATION_SCREENS))
def test_station_screen(screen: str, language: str, station_db: StationDB, snap_compare) -> None:
    set_language(language)
    app = StationApp(station_db)
    assert snapshot(snap_compare, app, STATION_SCREENS[screen])
