"""Shared by the tests: what ``tests/test_tui_field.py`` used to keep at its top."""

from __future__ import annotations

import asyncio
import datetime as dt
import types
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from fieldgrid.model import Household, Member
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp

SIZE = (80, 24)
NOW = dt.datetime(2026, 11, 24, 10, 0)


class Clock:
    def __init__(self) -> None:
        self.ms = int(NOW.timestamp() * 1000)

    def __call__(self) -> int:
        self.ms += 1
        return self.ms


class FrozenDate(dt.date):
    """``datetime.date`` whose ``today()`` is the day of :data:`NOW`."""

    @classmethod
    def today(cls) -> FrozenDate:  # type: ignore[override]
        return cls(NOW.year, NOW.month, NOW.day)


class FrozenDateTime(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> FrozenDateTime:  # type: ignore[override]
        return cls.combine(NOW.date(), NOW.time(), tzinfo=tz)


# A stand-in for the ``datetime`` module whose today and now are :data:`NOW` (patch a module's ``dt`` with it).
FROZEN_DT = types.SimpleNamespace(date=FrozenDate, datetime=FrozenDateTime, timedelta=dt.timedelta)


def head(name: str) -> list[Member]:
    return [Member(name=name, relation="self")]




def run(store: Store, body: Callable[[FieldgridApp, Pilot], Awaitable[None]]) -> None:
    async def main() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


def room_of(store: Store, number: str) -> Household:
    return next(h for h in store.households() if h.room == number)


async def type_in(pilot: Pilot, widget: Input | TextArea, text: str) -> None:
    widget.focus()
    await pilot.pause()
    if isinstance(widget, Input):
        widget.value = text
    else:
        widget.text = text
    await pilot.pause()


async def choose(pilot: Pilot, select: Select, value: str) -> None:
    select.value = value
    await pilot.pause()


# -- the map ----------------------------------------------------------------------------------------------


