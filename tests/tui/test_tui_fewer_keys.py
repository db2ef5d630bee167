"""Issue #15 items 1, 2 and 8 at 80×24, as a unit leader presses the keys: forms that keep what is typed
(focus in the first field typed into, a new member's name, no select-all, boxes that show their state, dates
typed as 明天 or +3), status words that match the rules, and the daily tasks in few keys — each test presses
exactly the keys counted."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from fieldgrid.i18n import label, set_language, t
from fieldgrid.model.ledger import Report
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.ledger.event_form import EventFormScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.widgets.member_editor import MemberEditor
from testkit.tui_app import screen_text, shows
from testkit.tui_field import room_of, run


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def typed(text: str) -> tuple[str, ...]:
    """The keys of ``text``, one a character."""
    return tuple(text)


# -- item 8: fewer keys -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_routine_visit_with_a_note_from_the_map_is_v_room_enter_text_save(store: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        await press(pilot, "v")
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        assert shows(app, "1801")  # the cursor's flat, which typing replaces
        await press(pilot, *typed("0602"))
        assert shows(app, "张62")  # whose flat the typed room is, beside the field
        await press(pilot, "enter")
        assert isinstance(form.focused, TextArea)
        await press(pilot, *typed("血压正常"))
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [visit] = store.visits(room_of(store, "0602").id)
    assert (visit.kind, visit.found, visit.follow_up) == ("routine", "血压正常", None)
    assert store.visits(room_of(store, "1801").id)[0].found == "一切正常"  # the cursor's flat untouched


def test_enter_on_the_room_field_keeps_the_cursors_flat(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "down", "v", "enter", *typed("ok"), "ctrl+s")
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    assert [v.found for v in store.visits(room_of(store, "1701").id)] == ["ok"]


def test_a_room_with_nobody_is_refused_at_the_field(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "v", *typed("0504"), "enter")  # a vacant flat
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        assert form.field("room").error == t("tui.room.vacant", room="0504")
        assert isinstance(form.focused, Input)

    run(store, body)


def test_follow_up_date_in_one_more_key_plus_the_date(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "v", *typed("0602"), "enter", *typed("血压偏高"))
        await press(pilot, "tab", *typed("+3"))  # one key more, then the date
        assert shows(app, "2026-11-27")  # the date +3 means, beside the field while typing
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [visit] = store.visits(room_of(store, "0602").id)
    assert (visit.found, visit.follow_up) == ("血压偏高", "2026-11-27")


@pytest.mark.parametrize(
    ("typed_date", "meant"), [("明天", "2026-11-25"), ("下周一", "2026-11-30"), ("12-05", "2026-12-05")]
)
def test_follow_up_dates_in_words(store: Store, typed_date: str, meant: str) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "v", "enter", *typed("ok"), "tab", *typed(typed_date))
        assert shows(app, meant)
        await press(pilot, "ctrl+s")

    run(store, body)
    assert store.visits(room_of(store, "1801").id)[0].follow_up == meant


def test_problem_on_a_household_in_seven_keys_plus_text(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "p")  # asks which flat: the cursor's is only shown
        form = app.screen
        assert isinstance(form, ProblemFormScreen)
        assert isinstance(form.focused, Input)
        await press(pilot, *typed("0602"), "enter")  # 6 keys so far
        assert isinstance(form.focused, TextArea)
        await press(pilot, *typed("卫生间漏水"), "ctrl+s")  # 7
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [view] = [p for p in store.problems() if p.report.description == "卫生间漏水"]
    assert view.report.household_id == room_of(store, "0602").id and view.report.place == ""


def test_problem_in_a_shared_place_is_typed_where_the_flat_would_be(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "p", *typed("3楼电梯口"))
        assert shows(app, t("tui.room.place", place="3楼电梯口"))
        await press(pilot, "enter", *typed("灯坏了"), "ctrl+s")
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [view] = [p for p in store.problems() if p.report.description == "灯坏了"]
    assert (view.report.household_id, view.report.place) == (None, "3楼电梯口")


# -- item 1: forms --------------------------------------------------------------------------------------


def test_visit_from_a_household_page_types_into_the_note_at_once(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "enter")
        assert isinstance(app.screen, HouseholdDetailScreen)
        await press(pilot, "v")
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        assert isinstance(form.focused, TextArea)
        await press(pilot, *typed("送米"), "ctrl+s")

    run(store, body)
    assert "送米" in [v.found for v in store.visits(room_of(store, "1801").id)]


async def open_edit_form(app: FieldgridApp, pilot: Pilot) -> HouseholdFormScreen:
    await press(pilot, "enter", "e")
    form = app.screen
    assert isinstance(form, HouseholdFormScreen)
    return form


def test_a_new_members_name_goes_into_the_new_row(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_edit_form(app, pilot)
        await press(pilot, "ctrl+n", *typed("李桂兰"))
        first, second = form.query(MemberEditor)
        assert form.focused is second.input("name")
        assert second.input("name").value == "李桂兰"
        assert "李桂兰" not in first.input("id_number").value
        await press(pilot, "ctrl+s")

    run(store, body)
    assert [m.name for m in room_of(store, "1801").members] == ["张181", "李桂兰"]


def test_tab_follows_reading_order_and_skips_removing_a_member(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_edit_form(app, pilot)
        visited = []
        for _ in range(12):
            await press(pilot, "tab")
            visited.append(form.focused)
        assert not any(isinstance(w, Button) and w.has_class("remove-member") for w in visited)
        editor = form.query_one(MemberEditor)
        assert editor.input("name") in visited
        assert t("tui.key.remove_member") in screen_text(app)  # its own key, in the footer
        editor.input("name").focus()
        await press(pilot, "ctrl+r")  # the member's row goes; its own key, not Tab
        assert not form.query(MemberEditor)

    run(store, body)


def test_entering_a_filled_field_puts_the_cursor_at_its_end(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_edit_form(app, pilot)
        field = form.query_one(MemberEditor).input("id_number")
        field.value = "510129196003151230"
        form.query_one(MemberEditor).input("phone").focus()
        await press(pilot, "tab", "backspace")  # Tab into the ID: one Backspace removes one character
        assert form.focused is field
        assert field.value == "51012919600315123"

    run(store, body)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_tag_boxes_show_ticked_and_unticked(store: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await press(pilot, "down", "down", "down", "down", "down", "down", "down", "down", "down", "down")
        await press(pilot, "h")
        await open_edit_form(app, pilot)  # 0101, living alone
        await press(pilot, "end")
        form = app.screen
        form.query_one("#tags").scroll_visible(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "▐X▌" not in text
        assert "[✓] " + label("tag", "living_alone") in text
        assert "[ ] " + label("tag", "low_income") in text

    run(store, body)


# -- item 2: status words ---------------------------------------------------------------------------------


def solved_problem(store: Store) -> str:
    view = store.report_problem(Report("facility_repair", "楼道灯坏", place="3楼"), "2026-11-20T09:00")
    store.add_event(view.id, "handled", {"text": "已换灯泡"}, "2026-11-21T09:00")
    return view.id


def test_after_feedback_the_words_say_ready_to_close(store: Store) -> None:
    ident = solved_problem(store)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(ProblemDetailScreen(store, ident))
        await pilot.pause()
        assert shows(app, label("status", "resolved"))
        await press(pilot, "f")
        assert isinstance(app.screen, EventFormScreen)
        await press(pilot, *typed("ok"), "ctrl+s")
        detail = app.screen
        assert isinstance(detail, ProblemDetailScreen)
        said = " ".join(str(n.message) for n in app._notifications)
        assert label("status", "fed_back") in said
        assert label("status", "resolved") not in said
        assert label("status", "fed_back") in detail.sub_title
        assert shows(app, label("status", "fed_back"))

    run(store, body)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_close_before_feedback_is_refused_before_any_form(store: Store, lang: str) -> None:
    set_language(lang)
    ident = solved_problem(store)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(ProblemDetailScreen(store, ident))
        await pilot.pause()
        await press(pilot, "c")
        assert isinstance(app.screen, ProblemDetailScreen)  # no form to fill in vain
        said = " ".join(str(n.message) for n in app._notifications)
        assert t("error.problem.close_without_feedback") in said

    run(store, body)
    assert [e.kind for e in store.problem(ident).events] == ["reported", "handled"]


def test_the_field_focused_on_opening_keeps_its_text_too(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_edit_form(app, pilot)
        room = form.query_one("#room", Input)
        assert form.focused is room
        await press(pilot, "backspace")
        assert room.value == "180"

    run(store, body)
