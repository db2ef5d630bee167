"""Nothing cut without a way to read it, screens that show the present, and the first run — at 80×24 as a leader
would meet them (#15 items 3, 5 and 7): visit notes that wrap, the map's help that scrolls to its last key, the
ledger's columns sized to what they hold, the station's notices read whole with ``n``, the household page that
counts the problem just reported from it, English map cells that do not run together, the empty map's hint and
building "6", unit "3" titled 6栋3单元."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from fieldgrid.i18n import label, set_language, t
from fieldgrid.model import GridPath, Household, LeaderProfile
from fieldgrid.model.ledger import Report
from fieldgrid.model.visit import Visit
from fieldgrid.record.tables import NOTICES
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.widgets.read_whole import ReadWhole
from testkit.tui_app import LANGUAGES, sample_store, screen_text, shows
from testkit.tui_field import choose, type_in

NOTE = "例行走访，单雄信血压正常，低保复核材料已收齐，下月再去看看他家的热水器，顺便提醒物业修楼道灯"
NOTICE = "12月5日上午9点在服务站开单元长例会，请各位单元长带好本单元的走访记录和花名册，按时参加，不能来的提前请假"


def run_at(store: Store, size: tuple[int, int], body) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


async def open_first_household(app: FieldgridApp, pilot: Pilot) -> None:
    await pilot.press("h")
    await pilot.pause()
    await pilot.press("enter")  # 0101 单雄信
    await pilot.pause()
    assert isinstance(app.screen, HouseholdDetailScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_visit_note_and_its_follow_up_wrap_whole_on_the_household_page(tmp_path: Path, size: tuple[int, int]) -> None:
    store = sample_store(tmp_path)
    home = next(h for h in store.households() if h.room == "0101")
    store.add_visit(Visit(home.id, "2026-11-20T09:00", "routine", found=NOTE, follow_up="2026-12-05"))

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await open_first_household(app, pilot)
        await pilot.press("end")
        await pilot.pause()
        assert shows(app, NOTE)  # every character, wrapped, none cut with …
        assert shows(app, t("tui.detail.follow_up_on", date="2026-12-05"))

    run_at(store, size, body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_maps_help_scrolls_to_its_last_key(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not shows(app, t("tui.map.right"))  # the list is longer than the screen
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert t("tui.map.right") in text and t("tui.map.left") in text  # the last keys, reached

    run_at(store, (80, 24), body)


def test_ledger_columns_fit_what_they_hold_and_the_description_takes_the_rest(tmp_path: Path) -> None:
    store = sample_store(tmp_path)
    home = next(h for h in store.households() if h.room == "0101")
    store.report_problem(Report("livelihood", "楼道堆放杂物影响通行", household_id=home.id), "2026-11-20T09:00")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert label("category", "livelihood") in text  # 民生服务/代办, not 民生服 …
        assert "0101 单雄信" in text
        assert "楼道堆放杂物影响通行" in text
        assert "…" not in text

    run_at(store, (80, 24), body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_stations_notice_is_read_whole_from_the_map(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)
    store.insert_raw(NOTICES, [{"id": "n1", "at": "2026-11-23T10:00", "text": NOTICE, "audience": "residents"}])

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert not shows(app, NOTICE)  # the dashboard shows its start
        assert shows(app, NOTICE[:10])
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReadWhole)
        assert shows(app, NOTICE)  # all of it, at 80×24
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run_at(store, (80, 24), body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_household_page_counts_the_problem_just_reported_from_it(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await open_first_household(app, pilot)
        assert shows(app, t("tui.detail.problems", open=0, total=0))
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProblemFormScreen)
        await choose(pilot, form.query_one("#f-category", Select), "facility_repair")
        await type_in(pilot, form.query_one("#f-description", TextArea), "卫生间漏水到楼下")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)  # not reopened
        assert shows(app, t("tui.detail.problems", open=1, total=1))
        assert shows(app, "卫生间漏水到楼下")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run_at(store, (80, 24), body)


def test_english_map_cells_stay_apart(tmp_path: Path) -> None:
    set_language("en")
    store = sample_store(tmp_path)
    store.add_households([Household(room="0103", residency="vacant"), Household(room="0104", residency="vacant")])

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        row = next(line for line in screen_text(app).splitlines() if line.startswith(t("tui.map.floor", floor=1)))
        assert f"03 {t('tui.map.vacant')} 04 {t('tui.map.vacant')}" in row  # not "03 vacant04 vacant"
        assert "02曾○ " in row

    run_at(store, (80, 24), body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_empty_map_says_what_to_do_and_titles_building_6_unit_3(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = Store(tmp_path)
    grid = GridPath(street="玉林街道", community="黄门街社区", compound="橙郡一期", building="6", unit="3")
    store.save_profile(LeaderProfile(name="王秀英", phone="13800138000", grid=grid))

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        text = screen_text(app)
        assert all(line.strip() in text for line in t("tui.map.empty_hint").splitlines())
        assert "橙郡一期6栋3单元" in screen_text(app)  # not 橙郡一期63
        await pilot.press("i")
        await pilot.pause()
        from fieldgrid.tui.households.roster_import import RosterImportScreen

        assert isinstance(app.screen, RosterImportScreen)

    run_at(store, (80, 24), body)
