"""The station's terminal on an encrypted station (#13 item 3), at 80×24: it asks for the station's passphrase
before showing anything — not the station's name, not a leader, not a unit — refuses a wrong one on the spot
(counted like the command line's), and opens the dashboard with the right one."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from fieldgrid.cli.station_seal import demo_hint, station_unlocker
from fieldgrid.demo.station import DEMO_NAME, make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import t
from fieldgrid.station.db import StationDB
from fieldgrid.station.seal import DEMO_PASSPHRASE, TRIES_NAME
from fieldgrid.store import Store
from fieldgrid.tui.lock.pin_screen import PinScreen
from fieldgrid.tui.station.app import StationApp
from fieldgrid.tui.station.dashboard import DashboardScreen
from testkit.tui_app import SIZE, screen_text


def demo_station(folder: Path) -> Path:
    store = Store(folder / "unit")
    write_demo(store)
    make_demo_station(store, folder / "station")
    store.close()
    return folder / "station"


async def submit(app: StationApp, pilot: Pilot, text: str) -> None:
    await pilot.press(*text, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_the_station_asks_for_its_passphrase_before_showing_anything(tmp_path: Path) -> None:
    station = demo_station(tmp_path)
    before = (station / "station.sqlite3").read_bytes()
    unlocker = station_unlocker(station)
    assert unlocker is not None
    app = StationApp(None, unlocker=unlocker, opener=lambda key: StationDB(station, key=key),
                     hint=demo_hint(station))  # fmt: skip

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PinScreen) and app.db is None
            shown = app.export_screenshot() + screen_text(app)
            assert t("passphrase.tui.title") in shown and t("passphrase.tui.text") in shown
            assert DEMO_NAME not in shown and "6栋" not in shown
            assert "演示服务站的口令是 demo-station" in shown
            await submit(app, pilot, "not-the-passphrase")
            assert isinstance(app.screen, PinScreen) and app.db is None
            assert "服务站口令不对" in screen_text(app).replace("\n", "")
            assert (station / TRIES_NAME).exists()  # counted, as on the command line
            await submit(app, pilot, DEMO_PASSPHRASE)
            assert isinstance(app.screen, DashboardScreen)
            assert app.db is not None and app.db.sealed
            assert not (station / TRIES_NAME).exists()

    asyncio.run(main())
    assert app.db is not None
    app.db.close()
    assert (station / "station.sqlite3").read_bytes() == before  # opening and looking wrote nothing
