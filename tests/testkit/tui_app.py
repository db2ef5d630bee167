"""Shared by the tests: what ``tests/test_tui_app.py`` used to keep at its top."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.model.validation import id_check_char
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.virtual_table import VirtualTable

SIZE = (80, 24)
GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # same first 17 digits, wrong check character

LANGUAGES = ["zh_CN", "en"]


# -- fixtures and helpers ---------------------------------------------------------------------------




def id_number(first17: str) -> str:
    return first17 + id_check_char(first17)


def profile() -> LeaderProfile:
    grid = GridPath(street="玉林街道", community="黄门街社区", compound="橙郡一期", building="6栋", unit="3单元")
    return LeaderProfile(name="王秀英", phone="13800138000", grid=grid)


def household(room: str, name: str, sex: str, year: int, n: int, tags: tuple[str, ...] = (), **extra) -> Household:
    head = Member(
        name=name,
        relation="self",
        sex=sex,
        birth_year=year,
        phone=f"1390028{n:04d}",
        id_number=id_number(f"510107{year}0612{n % 10}{n % 10}{1 if sex == 'M' else 2}"),
    )
    return Household(room=room, members=[head], phones=[f"1380013{n:04d}"], tags=list(tags), **extra)


def sample_store(home: Path) -> Store:
    store = Store(home)
    store.save_profile(profile())
    store.add_households(
        [
            household("0101", "单雄信", "M", 1950, 1, ("living_alone",)),
            household("0102", "曾国藩", "M", 1961, 2),
            household("0201", "张三", "M", 1972, 3, ("low_income", "disabled")),
            household("0202", "李四", "F", 1983, 4, ("low_income",)),
            household("0301", "王五", "M", 1944, 5, ("empty_nest",), emergency_name="王小明"),
            household("0302", "赵六", "F", 1990, 6, ("left_behind_child",)),
        ]
    )
    return store


def run(
    store: Store, body: Callable[[FieldgridApp, Pilot], Awaitable[None]], start: str = "households", **kwargs
) -> None:
    """Run ``body`` against the app at 80×24; by default it first goes from the map to the household list with
    ``h``, as a leader would."""

    async def main() -> None:
        app = FieldgridApp(store, **kwargs)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if start == "households" and isinstance(app.screen, StairwellScreen):
                await pilot.press("h")
                await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


def table_lines(app: FieldgridApp) -> list[str]:
    """The household table as painted: header line first."""
    table = app.screen.query_one("#households", VirtualTable)
    return [table.render_line(y).text.rstrip() for y in range(table.scrollable_content_region.height)]


def shown_rooms(app: FieldgridApp) -> list[str]:
    """The room column of the painted data rows (all of them fit on screen in these tests)."""
    count = app.screen.query_one("#households", VirtualTable).row_count
    return [line.split()[0] for line in table_lines(app)[1 : 1 + count]]


def status(app: FieldgridApp) -> str:
    return str(app.screen.query_one("#status", Static).content)


def field_error(screen, field: str) -> str:
    return next(f for f in screen.query(FormField) if f.field == field).error


def screen_text(app: FieldgridApp) -> str:
    """Every line of the current screen as the terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shows(app: FieldgridApp, text: str) -> bool:
    """Whether ``text`` is on screen, wherever it wrapped (blanks and scrollbar glyphs ignored)."""

    def squeeze(s: str) -> str:
        return "".join(c for c in s if not c.isspace() and not "\u2580" <= c <= "\u259f")

    return squeeze(text) in squeeze(screen_text(app))


async def type_into(pilot: Pilot, widget: Input, text: str) -> None:
    """Focus ``widget`` and type ``text`` (all but the last key are pasted in, to keep the suite fast)."""
    widget.focus()
    await pilot.pause()
    widget.value = text[:-1]
    widget.cursor_position = len(widget.value)
    await pilot.press(text[-1])


async def search(pilot: Pilot, text: str) -> None:
    """``/`` then ``text`` into the search box (the last key typed for real)."""
    await pilot.press("slash")
    await type_into(pilot, pilot.app.screen.query_one("#search", Input), text)


# -- first run ---------------------------------------------------------------------------------------


