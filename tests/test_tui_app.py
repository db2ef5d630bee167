"""Pilot tests of the TUI at 80×24: first run, search, tag filters, add / edit / delete, reveal, help,
notices — in Chinese and, for the main flows, in English.  Assertions are on what the user sees: the
painted table lines, the text of widgets, and the store afterwards."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from fieldgrid.i18n import get_language, set_language, t
from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.model.validation import id_check_char
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.screens.household_detail import HouseholdDetailScreen
from fieldgrid.tui.screens.profile_form import ProfileScreen
from fieldgrid.tui.screens.stairwell import StairwellScreen
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.virtual_table import VirtualTable

SIZE = (80, 24)
GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # same first 17 digits, wrong check character

LANGUAGES = ["zh_CN", "en"]


# -- fixtures and helpers ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    """Every test starts in Chinese and leaves the language as it found it."""
    before = get_language()
    set_language("zh_CN")
    try:
        yield
    finally:
        set_language(before)


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
