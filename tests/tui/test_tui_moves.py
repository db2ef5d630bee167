"""Moves and deaths in the terminal UI at 80×24: from the map a household's page, 迁出 (``o``) with its small form,
the flat vacant on the map, then ``a`` on that flat's page — the add form as a move-in, the room given, no refusal
after typing.  And 去世 (``x``), a bad date shown at its field, and the question about a possible duplicate."""

from __future__ import annotations

import dataclasses

from textual.pilot import Pilot
from textual.widgets import Input

from fieldgrid.i18n import set_language, t
from fieldgrid.model.duplicates import namesakes
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.dialogs import ConfirmDialog
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.households.move_forms import DeceasedFormScreen, MoveOutFormScreen
from fieldgrid.tui.widgets.member_editor import MemberEditor
from fieldgrid.tui.widgets.stairwell_grid import StairwellGrid
from testkit.tui_app import field_error, shows
from testkit.tui_field import choose, room_of, run, type_in


def footer(app: FieldgridApp) -> str:
    """The key bar, all its lines (a second one when the keys do not fit on one)."""
    from fieldgrid.tui.widgets.key_bar import KeyBar

    return " ".join(str(app.screen.query_one(KeyBar).render()).split())


def test_move_out_then_move_in_from_the_map(store: Store) -> None:
    old = room_of(store, "1802")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("right", "enter")  # 1802, which has an open problem
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert "o 迁出" in footer(app) and "a 迁入" not in footer(app)
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MoveOutFormScreen)
        assert form.query_one("#f-date", Input).value == "2026-11-24"  # today, as the leader would mostly mean
        await type_in(pilot, form.query_one("#f-date", Input), "2026-12-01")
        await type_in(pilot, form.query_one("#f-to", Input), "温江区")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and field_error(form, "date") == t("error.date.future", value="2026-12-01")
        await type_in(pilot, form.query_one("#f-date", Input), "2026-11-23")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert shows(app, "已迁出 2026-11-23 → 温江区")
        assert "a 迁入" in footer(app) and "o 迁出" not in footer(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        grid = app.screen.query_one(StairwellGrid)
        assert grid.current is not None and grid.current.household.room == "1802" and grid.current.vacant
        assert shows(app, f"02 {t('tui.map.vacant')}")

        await pilot.press("enter", "a")  # the moved-out flat's page; a: the add form, as a move-in
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert shows(app, t("tui.move.in_title", room="1802"))
        assert form.query_one("#room", Input).value == "1802"
        await type_in(pilot, form.query_one(MemberEditor).input("name"), "杜甫")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen) and shows(app, "杜甫")
        await pilot.press("escape")
        await pilot.pause()
        grid = app.screen.query_one(StairwellGrid)
        assert grid.current is not None and grid.current.household.head_name == "杜甫"
        assert shows(app, "02杜")

    run(store, body)
    gone = store.household(old.id)
    assert (gone.residency, gone.ended_on, gone.moved_to) == ("moved_out", "2026-11-23", "温江区")
    [problem] = [p for p in store.problems() if p.report.household_id == old.id]
    assert problem.is_open and "1802" in problem.events[-1].data["text"]  # carried, with a note
    assert [h.head_name for h in store.households() if h.room == "1802" and not h.is_ended] == ["杜甫"]


def test_a_death_from_the_household_page_in_english(store: Store) -> None:
    set_language("en")
    household = room_of(store, "1801")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("enter", "D")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeceasedFormScreen) and shows(app, "Record a death: 1801")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field_error(form, "person") == "Choose who died"
        await choose(pilot, form.query_one("#f-person"), household.head_name)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen) and shows(app, "Deceased")

    run(store, body)
    ended = store.household(household.id)
    assert ended.residency == "deceased" and not ended.living and ended.members[0].ended_on == "2026-11-24"


def test_the_same_name_and_birth_year_is_asked_in_a_dialog(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("h", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        await type_in(pilot, form.query_one("#room", Input), "1901")
        editor = form.query_one(MemberEditor)
        await type_in(pilot, editor.input("name"), "张181")
        await type_in(pilot, editor.input("birth_year"), "1960")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and shows(app, "1801 已有一位 张181（1960 年生）")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form and not any(h.room == "1901" for h in store.households())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is not form

    household = room_of(store, "1801")
    head = dataclasses.replace(household.members[0], birth_year=1960)
    store.update_household(dataclasses.replace(household, members=[head]))
    assert namesakes(room_of(store, "1802"), store.households()) == []
    run(store, body)
    assert [h.head_name for h in store.households() if h.room == "1901"] == ["张181"]
