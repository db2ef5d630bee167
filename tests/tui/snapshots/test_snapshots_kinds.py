"""The map of each grid kind at 80×24, in both languages: a 林盘's groups as rows of houses, a shop street's
numbers in order, an institution block's units — with the same marks as the stairwell's map; the household form
of each kind (only its place's fields) and a shop's page, a bad credit code refused at its field."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import set_language
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.widgets.member_editor import MemberEditor
from testkit.tui_app import type_into
from testkit.tui_field import Clock
from testkit.tui_snap import LANGUAGES, keys, snapshot


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["village", "shops", "institution"])
def test_map_of_each_grid_kind(kind: str, language: str, pinned: Path, snap_compare) -> None:
    store = Store(Path("unit"), now_ms=Clock())
    try:
        set_language("zh_CN")
        write_demo(store, kind)
        set_language(language)
        app = FieldgridApp(store)
        assert snapshot(snap_compare, app, keys(expect=StairwellScreen))
    finally:
        store.close()


async def bad_credit_code(pilot: Pilot) -> None:
    """A new shop on the demo street: its credit code's check character wrong, saved: refused at that field."""
    await keys("h", "a", expect=HouseholdFormScreen)(pilot)
    form = pilot.app.screen
    await type_into(pilot, form.query_one("#room", Input), "28")
    await type_into(pilot, form.query_one("#place-name", Input), "老王面馆")
    await type_into(pilot, form.query_one("#place-credit_code", Input), "91350100M000100Y44")
    await type_into(pilot, form.query_one("#place-staff", Input), "3")
    await type_into(pilot, form.query_one(MemberEditor).input("name"), "李老板")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert pilot.app.screen is form


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "name"),
    [("shops", "credit_code_refused"), ("village", "form"), ("institution", "form"), ("shops", "page")],
)
def test_household_form_and_page_of_each_grid_kind(
    kind: str, name: str, language: str, pinned: Path, snap_compare
) -> None:
    steps = {
        "credit_code_refused": bad_credit_code,
        "form": keys("h", "a", expect=HouseholdFormScreen),
        "page": keys("h", "enter", expect=HouseholdDetailScreen),
    }[name]
    store = Store(Path("unit"), now_ms=Clock())
    try:
        set_language("zh_CN")
        write_demo(store, kind)
        set_language(language)
        assert snapshot(snap_compare, FieldgridApp(store), steps)
    finally:
        store.close()
