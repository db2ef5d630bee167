"""Driving the station's terminal in a test at 80×24: :func:`run` a body against ``StationApp(db)``; :func:`press`
keys one at a time, letting the screen settle after each."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from fieldgrid.station.db import StationDB
from fieldgrid.tui.station.app import StationApp
from testkit.tui_app import SIZE

Body = Callable[[StationApp, Pilot], Awaitable[None]]


def run(db: StationDB, body: Body) -> None:
    async def main() -> None:
        app = StationApp(db)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


async def press(pilot: Pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
