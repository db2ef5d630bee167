"""The emergency screen as a unit leader meets it at 80×24, for 解淑芬 (born 1939, living alone): the number to
call, the property company's and the community's phones, her emergency contact and what makes her vulnerable, a
checklist whose steps are ticked with the minute — and the 紧急 problem it leads to, marked as such and listed
first on the map, the dashboard, the ledger, the due list and her page."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from fieldgrid.i18n import t
from fieldgrid.model import Member
from fieldgrid.model.ledger import Report
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.profile_form import ProfileScreen
from fieldgrid.tui.field_work.due_screen import DueScreen
from fieldgrid.tui.field_work.emergency import EmergencyScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from testkit.tui_app import field_error, search, shows
from testkit.tui_field import SIZE, room_of


@pytest.fixture
def unit(store: Store) -> Store:
    """The test unit, with 解淑芬 alone in 0303 and the property company's and community's duty phones set."""
    flat = room_of(store, "0303")
    her = Member(name="解淑芬", relation="self", sex="F", birth_year=1939)
    store.update_household(dataclasses.replace(flat, members=[her], tags=["living_alone"], emergency_name="何萍",
                                               emergency_phone="13510452289"))  # fmt: skip
    profile = store.profile()
    assert profile is not None
    store.save_profile(dataclasses.replace(profile, property_phone="028-85001234", community_phone="02885556789"))
    return store


def run(store: Store, body) -> None:
    async def main() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


async def her_page(pilot: Pilot) -> None:
    await pilot.press("h")
    await pilot.pause()
    await search(pilot, "0303")
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HouseholdDetailScreen)


def test_the_emergency_screen_shows_whom_to_call_and_who_is_at_risk(unit: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await her_page(pilot)
        await pilot.press("exclamation_mark", "3")  # medical
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)
        for seen in ("120", "02885001234", "02885556789", "何萍", "13510452289", "独居老人", "解淑芬87岁"):
            assert shows(app, seen), seen
        # nothing of it under a box: every line of the dialog is on the 24 lines
        assert shows(app, t("tui.emergency.checklist")) and shows(app, t("tui.key.tick"))
        assert [d.what for d in unit.disclosures()][:1] == ["emergency"]  # her contact's phone shown in full

    run(unit, body)


def test_the_checklist_is_ticked_and_its_times_go_into_the_problem(unit: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await her_page(pilot)
        await pilot.press("exclamation_mark", "2")  # gas
        await pilot.pause()
        assert shows(app, "☐拨打119") and not shows(app, "☑")
        await pilot.press("space")  # called 119: ticked, the cursor moves on
        await pilot.pause()
        assert shows(app, "☑拨打119") and shows(app, "10:00")
        await pilot.press("down", "enter")  # the community notified; the property company not yet
        await pilot.pause()
        assert shows(app, "☐通知物业") and shows(app, "☑通知社区")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProblemFormScreen)
        chosen = form.where().household
        assert (form.value("urgency"), form.value("emergency"), chosen.id if chosen else None) == (
            "emergency", "gas", room_of(unit, "0303").id)  # fmt: skip
        form.query_one("#f-description", TextArea).text = "厨房燃气味重，已开窗关阀"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [problem] = [p for p in unit.problems() if p.report.emergency == "gas"]
        assert set(problem.report.checklist or {}) == {"call", "community"}
        assert all(at.startswith("2026-11-24T10:00") for at in (problem.report.checklist or {}).values())
        app.push_screen(ProblemDetailScreen(unit, problem.id))
        await pilot.pause()
        assert shows(app, "☑已拨打119") and shows(app, "☑已通知社区") and not shows(app, "已通知物业")
        assert shows(app, "‼紧急")

    run(unit, body)


def test_a_tick_can_be_taken_back(unit: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("exclamation_mark", "1", "space", "up", "space")
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen) and app.screen.ticked == {}
        assert not shows(app, "☑")

    run(unit, body)


@pytest.fixture
def with_emergency(unit: Store) -> Store:
    """An older 紧急 problem at 0303 (overdue since 11-21) beside the unit's newer, ordinary ones."""
    flat = room_of(unit, "0303")
    unit.report_problem(Report("safety_hazard", "燃气泄漏", urgency="emergency", household_id=flat.id, emergency="gas",
                               checklist={"call": "2026-11-20T08:05"}), "2026-11-20T08:10")  # fmt: skip
    unit.report_problem(Report("sanitation", "门口堆放杂物", household_id=flat.id), "2026-11-22T09:00")
    return unit


def test_an_emergency_is_marked_and_first_everywhere(with_emergency: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press(*["down"] * 15)  # down the 18 floors to the 3rd
        await pilot.pause()
        assert shows(app, "03解○★‼")  # her cell on the map: the emergency mark, not a colour alone
        assert shows(app, "‼紧急问题1件未办结")  # the dashboard
        await pilot.press("l")
        await pilot.pause()
        ledger = app.screen
        assert isinstance(ledger, LedgerScreen)
        first = ledger.table.rows[0].cells
        assert first[4] == "燃气泄漏" and first[1].startswith("‼紧急")  # before newer problems
        await pilot.press("m", "4")  # the overdue problems: the noise at 1802 is due earlier, the emergency first
        await pilot.pause()
        due = app.screen
        assert isinstance(due, DueScreen)
        assert "燃气泄漏" in str(due.table.rows[0].cells) and "‼紧急" in str(due.table.rows[0].cells)
        await pilot.press("escape")
        await pilot.pause()
        await her_page(pilot)
        lines = [line for line in app.screen._compositor.render_strips()]
        text = "\n".join(s.text for s in lines)
        assert text.index("燃气泄漏") < text.index("门口堆放杂物")  # the older emergency above the newer
        assert shows(app, "‼紧急")

    run(with_emergency, body)


def test_the_profile_form_takes_the_duty_phones_and_checks_them(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.action_edit_profile()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileScreen)
        form.query_one("#p-property_phone", Input).value = "12345"
        form.query_one("#p-community_phone", Input).value = "028-8555 6789"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and field_error(form, "property_phone")  # refused at its field
        form.query_one("#p-property_phone", Input).value = "028-85001234"
        await pilot.press("ctrl+s")
        await pilot.pause()
        profile = store.profile()
        assert profile is not None and app.screen is not form
        assert (profile.property_phone, profile.community_phone) == ("+862885001234", "+862885556789")

    run(store, body)
