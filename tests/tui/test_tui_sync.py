"""Sync from the TUI at 80×24: the dashboard shows what waits; ``s`` opens the sync screen with the stick already
filled in (the one plugged in, or the one used last), and one key (``enter`` or ``ctrl+s``) imports the returns on it
addressed to this device and writes the bundle onto it, as ``fieldgrid sync stick`` does; what was done stays on
screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import t
from fieldgrid.station.exchange import notice
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.station.stick import station_stick
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.sync.stick import FOLDER, ROOTS_ENV
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.sync.sync_screen import SyncScreen
from testkit.pin import open_station
from testkit.tui_app import screen_text, shows


def folder_value(app: FieldgridApp) -> str:
    return app.screen.query_one("#sync-folder", Input).value


def result_text(app: FieldgridApp) -> str:
    return str(app.screen.query_one("#sync-result", Static).render())


def at_the_station(station: Path, stick: Path, text: str) -> None:
    """The stick at the station: ``station stick``, a notice, ``station stick`` again (the returns)."""
    db = open_station(station, DEMO_PASSPHRASE)  # the demo station
    keys = Keys(station)
    try:
        station_stick(db, keys, stick)
        notice(db, text, "2026-11-24T08:00")
        station_stick(db, keys, stick)
    finally:
        db.close()


def test_one_key_with_the_stick_plugged_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    make_demo_station(store, tmp_path / "station")
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    monkeypatch.setenv(ROOTS_ENV, str(tmp_path / "media" / "*"))

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StairwellScreen) and app.screen.waiting > 0
            assert shows(app, t("tui.dash.sync", count=app.screen.waiting))
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SyncScreen)
            assert folder_value(app) == str(stick)  # found, nothing to type
            await pilot.press("enter")
            await pilot.pause()
            [bundle] = (stick / FOLDER).glob("device-*.fgbundle")
            assert bundle.name in result_text(app).replace("\n", "")
            assert t("tui.sync.no_returns") in result_text(app)
            at_the_station(tmp_path / "station", stick, "周六上午停水")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "1 条通知" in result_text(app)
            assert "周六上午停水" in screen_text(app)
            assert shows(app, t("sync.status.pending", count=0))
            await pilot.pause(0.5)
            assert "1 条通知" in result_text(app)  # still there: not a pop-up that goes away
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StairwellScreen) and app.screen.waiting == 0
            assert "周六上午停水" in screen_text(app)  # the station's notice, on the dashboard

    asyncio.run(body())
    store.close()


def test_several_sticks_and_the_last_one_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    make_demo_station(store, tmp_path / "station")
    media = tmp_path / "media"
    for name in ("A", "B"):
        (media / name).mkdir(parents=True)
    monkeypatch.setenv(ROOTS_ENV, str(media / "*"))

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert folder_value(app) == ""
            assert str(media / "A") in result_text(app) and str(media / "B") in result_text(app)
            app.screen.query_one("#sync-folder", Input).value = str(media / "B")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert len(list((media / "B" / FOLDER).glob("*.fgbundle"))) == 1
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert folder_value(app) == str(media / "B")  # the one used last

    asyncio.run(body())
    assert store.setting(device.LAST_STICK) == str(media / "B")
    store.close()


def test_without_a_station_it_is_explained(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    stick = tmp_path / "stick"
    stick.mkdir()

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert shows(app, t("tui.sync.none_found"))
            await pilot.press("ctrl+s")  # nothing typed, nothing plugged in: said again, nothing done
            await pilot.pause()
            assert shows(app, t("tui.sync.none_found"))
            app.screen.query_one("#sync-folder", Input).value = str(stick)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert shows(app, t("sync.error.no_station"))
            assert list(stick.iterdir()) == []

    asyncio.run(body())
    store.close()
