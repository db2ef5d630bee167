"""Pilot tests of the TUI at 80×24: first run, search, tag filters, add / edit / delete, reveal, help,
notices — in Chinese and, for the main flows, in English.  Assertions are on what the user sees: the
painted table lines, the text of widgets, and the store afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from fieldgrid.i18n import set_language, t
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.profile_form import ProfileScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.lock.set_pin import SetPinScreen
from fieldgrid.tui.widgets.virtual_table import VirtualTable
from testkit.tui_app import (  # noqa: F401
    BAD_ID,
    GOOD_ID,
    LANGUAGES,
    SIZE,
    field_error,
    household,
    id_number,
    profile,
    run,
    sample_store,
    screen_text,
    search,
    shown_rooms,
    shows,
    status,
    table_lines,
    type_into,
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_run_asks_for_the_profile_and_shows_errors_at_the_field(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = Store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        assert t("tui.profile.welcome") in str(screen.query_one("#profile-welcome", Static).content)

        async def fill(field: str, text: str) -> None:
            await type_into(pilot, screen.query_one(f"#p-{field.replace('.', '-')}", Input), text)

        await fill("name", "王秀英")
        await fill("phone", "12345")
        await fill("grid.community", "黄门街社区")
        await fill("grid.building", "6栋")
        await fill("grid.unit", "3单元")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert field_error(screen, "phone") == t("error.phone.invalid", value="12345")
        assert field_error(screen, "name") == ""
        assert store.profile() is None
        assert screen.focused is screen.query_one("#p-phone", Input)

        await fill("phone", "138 0013 8000")
        await fill("grid.community_code", "510107001013")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetPinScreen)  # a PIN is offered once, at first run
        await pilot.press("escape")  # and may be skipped
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)  # the unit's map comes first
        assert "橙郡" not in app.screen.sub_title and "6栋3单元" in app.screen.sub_title
        assert "王秀英" in app.screen.sub_title

    run(store, body, start="map")
    saved = store.profile()
    assert saved is not None
    assert (saved.name, saved.phone, saved.grid.community_code) == ("王秀英", "+8613800138000", "510107001013")


def test_escape_does_not_leave_the_first_run_form(tmp_path: Path) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("escape")
        assert isinstance(app.screen, ProfileScreen)

    run(Store(tmp_path), body)


# -- the list: search and tag filters ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_shows_masked_rows_and_footer_keys(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        lines = table_lines(app)
        assert lines[0].split()[:2] == [t("tui.col.room"), t("tui.col.head")]
        first = lines[1]
        assert "0101" in first and "单雄信" in first and "138****0001" in first
        assert t("tui.tag_short.living_alone") in first
        assert "13800130001" not in "\n".join(lines)
        assert status(app) == t("tui.list.count_all", total=6)
        text = screen_text(app)
        for key in ("search", "add", "edit", "open", "help", "quit"):
            assert t(f"tui.key.{key}") in text.splitlines()[-1]

    run(store, body)


SEARCHES = [
    ("0201", ["0201"]),  # room
    ("03", ["0301", "0302"]),  # a floor
    ("李四", ["0202"]),  # name
    ("zhangsan", ["0201"]),  # full pinyin
    ("ww", ["0301"]),  # initials
    ("sxx", ["0101"]),  # 单 read as the surname shan, not dan
    ("zgf", ["0102"]),  # 曾 read as the surname zeng, not ceng
    ("ZGF", ["0102"]),
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_as_you_type(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        for query, rooms in SEARCHES:
            await search(pilot, query)
            assert (query, shown_rooms(app)) == (query, rooms)
            assert status(app) == t("tui.list.count_some", shown=len(rooms), total=6)

    run(store, body)


def test_search_narrows_with_each_keystroke_and_escape_clears_it(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("slash", "z")
        assert shown_rooms(app) == ["0102", "0201", "0302"]  # 曾 zeng, 张 zhang, 赵 zhao
        await pilot.press("g")
        assert shown_rooms(app) == ["0102"]
        await pilot.press("x")
        assert shown_rooms(app) == []
        assert t("tui.list.empty") in table_lines(app)[1]
        await pilot.press("escape")
        assert app.screen.query_one("#search", Input).value == ""
        assert len(shown_rooms(app)) == 6
        assert app.screen.focused is app.screen.query_one("#households")

    run(store, body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tag_filter(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        bar = app.screen.query_one("#tag-filter")
        bar.focus()
        for _ in range(4):  # living_alone, empty_nest, disabled, left_behind_child → low_income
            await pilot.press("right")
        await pilot.press("space")
        assert shown_rooms(app) == ["0201", "0202"]
        assert t("tag.low_income") in status(app)
        await pilot.press("left", "left", "space")  # and disabled
        assert shown_rooms(app) == ["0201"]
        await search(pilot, "li")
        assert shown_rooms(app) == []
        await pilot.press("escape", "escape")  # first the search text, then the tags
        assert len(shown_rooms(app)) == 6

    run(store, body)


def test_tag_chip_click_toggles(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        bar = app.screen.query_one("#tag-filter")
        x = len(t("tui.list.tags_label")) * 2 + 2  # the first chip, just after the title
        await pilot.click(bar, offset=(x + 1, 0))
        await pilot.pause()
        assert shown_rooms(app) == ["0101"]

    run(store, body)


def test_table_keys_and_mouse(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        table = app.screen.query_one("#households", VirtualTable)
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("end")
        assert table.cursor_row == 5
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.click(table, offset=(3, 4))  # the fourth row (line 0 is the header)
        assert table.cursor_row == 3
        await pilot.click(table, offset=(3, 4))  # a click on the highlighted row opens it
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert "0202" in app.screen.sub_title

    run(store, body)
