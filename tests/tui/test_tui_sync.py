"""Sync from the TUI at 80×24: the dashboard shows what waits, ``s`` writes the bundle to the stick and reads the
station's return, whose notices then show."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import t
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths, notice, returns
from fieldgrid.store import Store
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.sync.sync_screen import SyncScreen
from testkit.tui_app import screen_text, shows


def test_export_and_import_from_the_sync_screen(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    make_demo_station(store, tmp_path / "station")
    stick = tmp_path / "stick"

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StairwellScreen) and app.screen.waiting > 0
            assert shows(app, t("tui.dash.sync", count=app.screen.waiting))
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SyncScreen)
            app.screen.query_one("#sync-folder", Input).value = str(stick)
            await pilot.press("ctrl+e")
            await pilot.pause()
            [bundle] = stick.glob("*.fgbundle")
            db = StationDB(tmp_path / "station")
            keys = Keys(tmp_path / "station")
            [outcome] = import_paths(db, keys, [bundle])
            assert outcome.status == "accepted"
            notice(db, "周六上午停水", "2026-11-24T08:00")
            [(_, back, _, _)] = list(returns(db, keys, tmp_path / "back"))
            db.close()
            app.screen.query_one("#sync-file", Input).value = str(back)
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert "周六上午停水" in screen_text(app)
            assert shows(app, t("sync.status.pending", count=0))
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StairwellScreen) and app.screen.waiting == 0
            assert "周六上午停水" in screen_text(app)  # the station's notice, on the dashboard

    asyncio.run(body())
    store.close()


def test_export_without_a_station_is_explained(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            app.screen.query_one("#sync-folder", Input).value = str(tmp_path / "stick")
            await pilot.press("ctrl+e")
            await pilot.pause()
            assert shows(app, t("sync.error.no_station"))
            assert not (tmp_path / "stick").exists()

    asyncio.run(body())
    store.close()
