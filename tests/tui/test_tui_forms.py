"""The household forms and detail at 80×24: adding with errors shown at their fields, members, a full disk,
cancelling, the detail masked until r, editing and deleting."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList, Static

from fieldgrid.i18n import set_language, t
from fieldgrid.model import Household
from fieldgrid.store import DiskError
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.dialogs import ConfirmDialog
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.widgets.member_editor import MemberEditor
from fieldgrid.tui.widgets.virtual_table import VirtualTable
from testkit.tui_app import (
    BAD_ID,
    GOOD_ID,
    LANGUAGES,
    field_error,
    id_number,
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

# -- add ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_add_household_with_an_error_at_the_field(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert form.query_one("#building", Input).value == "6栋"  # defaults from the profile
        await type_into(pilot, form.query_one("#room", Input), "0601")
        editor = form.query_one(MemberEditor)
        await type_into(pilot, editor.input("name"), "孙丽")
        editor.select("sex").value = "F"
        await type_into(pilot, editor.input("id_number"), BAD_ID)
        await type_into(pilot, form.query_one("#phones", Input), "13800138000, 028-87654321")
        form.query_one("#tags", SelectionList).select("living_alone")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form
        assert editor.fields["id_number"].error == t("error.id.check", value=BAD_ID, expected="X")
        assert shows(app, t("error.id.check", value=BAD_ID, expected="X"))
        assert form.focused is editor.input("id_number")
        assert editor.fields["name"].error == ""
        assert len(store.households()) == 6

        await type_into(pilot, editor.input("id_number"), GOOD_ID)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        table = app.screen.query_one("#households", VirtualTable)
        assert table.rows[table.cursor_row].cells[0] == "0601"  # the new household is highlighted
        assert "孙丽" in table_lines(app)[table.cursor_row + 1]

    run(store, body)
    added = next(h for h in store.households() if h.room == "0601")
    assert added.head_name == "孙丽"
    assert added.members[0].id_number == GOOD_ID
    assert added.members[0].birth_year == 1949
    assert added.phones == ["+8613800138000", "+862887654321"]
    assert added.tags == ["living_alone"]
    assert (added.building, added.unit, added.floor) == ("6栋", "3单元", 6)


def test_add_member_rows_and_errors_per_member(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await type_into(pilot, form.query_one("#room", Input), "0702")
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+n")
        await pilot.pause()
        editors = list(form.query(MemberEditor))
        assert len(editors) == 3
        assert [e.raw()["relation"] for e in editors] == ["self", "spouse", "child"]
        await type_into(pilot, editors[0].input("name"), "周杰")
        await type_into(pilot, editors[1].input("name"), "昆凌")
        await type_into(pilot, editors[1].input("phone"), "123")
        # the third stays blank and is dropped; remove it explicitly anyway
        await pilot.click(editors[2].query_one(".remove-member"))
        await pilot.pause()
        assert len(form.query(MemberEditor)) == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editors[1].fields["phone"].error == t("error.phone.invalid", value="123")
        assert editors[0].fields["phone"].error == ""
        await type_into(pilot, editors[1].input("phone"), "13912345678")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, body)
    added = next(h for h in store.households() if h.room == "0702")
    assert [(m.name, m.relation, m.phone) for m in added.members] == [
        ("周杰", "self", None),
        ("昆凌", "spouse", "+8613912345678"),
    ]


def test_room_taken_and_missing_head_are_shown(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await type_into(pilot, form.query_one("#room", Input), "0101")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(form.query_one("#members-error", Static).content) == t("error.head.missing")
        editor = form.query_one(MemberEditor)
        await type_into(pilot, editor.input("name"), "新人")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field_error(form, "room") == t("error.room.taken", value="0101")

    run(store, body)


def test_disk_error_keeps_the_form_open_with_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = sample_store(tmp_path)

    def full_disk(household: Household) -> Household:
        raise DiskError(str(store.path), "No space left on device")

    monkeypatch.setattr(store, "add_household", full_disk)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await type_into(pilot, form.query_one("#room", Input), "0901")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "钱七")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        message = t("error.disk", path=str(store.path), reason="No space left on device")
        assert str(form.query_one("#form-error", Static).content) == message
        assert form.query_one("#form-error", Static).display
        assert form.query_one("#room", Input).value == "0901"
        assert form.query_one(MemberEditor).input("name").value == "钱七"

    run(store, body)


def test_cancel_asks_before_losing_changes(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await type_into(pilot, form.query_one("#room", Input), "0901")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.screen is form and form.query_one("#room", Input).value == "0901"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, body)
    assert len(store.households()) == 6


# -- detail, edit, delete, reveal ---------------------------------------------------------------------


def open_room(app: FieldgridApp, room: str) -> None:
    table = app.screen.query_one("#households", VirtualTable)
    assert table.move_cursor_to_key(next(h.id for h in app.screen.households if h.room == room))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_detail_masks_until_r(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        open_room(app, "0201")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        text = screen_text(app)
        head_id = id_number(f"510107{1972}0612{3}{3}{1}")
        assert "张三" in text and t("relation.self") in text
        assert "138****0003" in text and "139****0003" in text
        assert head_id[:3] + "*" * 11 + head_id[-4:] in text
        assert head_id not in text and "13800130003" not in text
        assert t("tag.low_income") in text and t("tag.disabled") in text
        assert t("tui.detail.masked") in text
        await pilot.press("r")
        text = screen_text(app)
        assert head_id in text and "13800130003" in text and "13900280003" in text
        assert t("tui.detail.revealed") in text
        await pilot.press("r")
        assert head_id not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edit_from_the_detail_screen(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        open_room(app, "0202")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        assert form.query_one("#phones", Input).value == "13800130004"  # the full number, to edit
        await type_into(pilot, form.query_one("#emergency_name", Input), "李小四")
        await type_into(pilot, form.query_one("#emergency_phone", Input), "13912345678")
        form.query_one("#residency", Select).value = "renting"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        text = screen_text(app)
        assert "李小四" in text and "139****5678" in text and t("residency.renting") in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, body)
    edited = next(h for h in store.households() if h.room == "0202")
    assert (edited.emergency_name, edited.emergency_phone, edited.residency) == (
        "李小四",
        "+8613912345678",
        "renting",
    )


def test_edit_from_the_list_with_e(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await search(pilot, "zgf")
        app.screen.query_one("#households").focus()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        editor = form.query_one(MemberEditor)
        await type_into(pilot, editor.input("name"), "曾纪泽")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        assert shown_rooms(app) == []  # the search still says zgf; 曾纪泽 is zjz
        await search(pilot, "zjz")
        assert shown_rooms(app) == ["0102"]

    run(store, body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_delete_asks_first(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        open_room(app, "0102")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(".dialog-message", Static).content)
        assert question == t("tui.detail.confirm_delete", room="0102", head="曾国藩")
        await pilot.press("escape")  # no
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert len(store.households()) == 6
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        assert "0102" not in shown_rooms(app)
        table = app.screen.query_one("#households", VirtualTable)
        assert table.rows[table.cursor_row].cells[0] == "0201"  # the cursor stays where it was
        assert status(app) == t("tui.list.count_all", total=5)

    run(store, body)
    assert "0102" not in [h.room for h in store.households()]
