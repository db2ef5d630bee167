"""What is due, found in the TUI at 80×24 in both languages, on the demo unit (its clock fixed): the issue's case
(0101's follow-up two days overdue was a plain ✓ on the map, and its page did not say it was late), the
今日待办 screen, the dashboard's numbers opening their lists, deadlines in colour and words, and a phone
check-in that takes a household off the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, SelectionList

from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import label, set_language, t
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.due_screen import DueScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from testkit.tui_app import screen_text, shows
from testkit.tui_field import Clock, run

LANGS = ["zh_CN", "en"]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path, now_ms=Clock())
    write_demo(store)
    yield store
    store.close()


def map_line(app: FieldgridApp, floor: int) -> str:
    label = t("tui.map.floor", floor=floor)
    return next(line for line in screen_text(app).splitlines() if line.startswith(label + " "))


async def open_entry(pilot: Pilot, room: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, DueScreen)
    index = next(i for i, e in enumerate(screen.entries) if e.room == room)
    screen.table.move_cursor(index)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
def test_the_overdue_follow_up_shows_on_the_map_the_due_list_and_the_household_page(demo: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        assert "01区✗" in map_line(app, 1)  # overdue: its own mark, not a colour alone (it was "01区✓")
        assert shows(app, "✗") and shows(app, "○")  # the legend names both marks
        assert shows(app, t("tui.dash.due_today"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DueScreen)
        assert shows(app, t("tui.due.subtitle"))
        first = app.screen.entries[0]
        assert first.late == max(e.late for e in app.screen.entries)  # the most overdue on top
        assert shows(app, t("tui.due.late", days=2)) and shows(app, "0101")
        assert shows(app, t("tui.due.what_follow_up"))
        await open_entry(pilot, "0101")
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert shows(app, t("tui.detail.care.follow_up_late", days=2))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DueScreen)
        count = len(app.screen.entries)
        await pilot.press("w")  # and what falls due this week
        await pilot.pause()
        assert len(app.screen.entries) > count and shows(app, t("tui.due.subtitle_week"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run(demo, body)


@pytest.mark.parametrize("lang", LANGS)
def test_every_dashboard_number_opens_its_list(demo: Store, lang: str) -> None:
    set_language(lang)
    expected = {"1": "not_visited", "2": "attention", "3": "follow_ups", "4": "open", "5": "overdue",
                "6": "feedback", "7": "escalated"}  # fmt: skip

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, StairwellScreen)
        d = screen.dashboard
        numbers = {"not_visited": d.not_visited, "attention": d.attention_not_visited,
                   "follow_ups": d.follow_ups_due, "open": d.open_problems, "overdue": d.overdue,
                   "feedback": d.awaiting_feedback, "escalated": d.escalated}  # fmt: skip
        for key, name in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, DueScreen), key
            assert shows(app, t(f"tui.due.list.{name}"))
            assert len(app.screen.entries) == numbers[name], name  # the list holds what the number counts
            await pilot.press("escape")
            await pilot.pause()
        # a click on a number's line does the same as its key: the follow-ups' line
        panel = screen.query_one("#dashboard")
        line = next(y for y, name in panel.links.items() if name == "follow_ups")
        await pilot.click("#dashboard", offset=(3, line))
        await pilot.pause()
        assert isinstance(app.screen, DueScreen) and app.screen.list_name == "follow_ups"
        assert [e.room for e in app.screen.entries] == ["0101"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        listed = dict((what, key) for key, what in app.screen.keys)  # the help lists every key, hidden ones too
        assert listed[t("tui.key.due")] == "d" and listed[t("tui.key.dash_escalated")] == "7"

    run(demo, body)


@pytest.mark.parametrize("lang", LANGS)
def test_deadlines_show_in_words_and_an_escalation_its_days_waiting(demo: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DueScreen)
        late = next(e for e in screen.entries if e.kind == "problem" and e.late > 0)
        assert shows(app, t("tui.due.late", days=late.late))
        await pilot.press("escape")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        assert shows(app, "!!")  # the overdue rows say so in the status column, red as well
        escalated = next(v for v in demo.problems() if v.status == "escalated")
        since = dt.date.fromisoformat(max(e.at for e in escalated.events if e.kind == "escalated")[:10])
        waited = (demo.now().date() - since).days
        assert shows(app, t("tui.ledger.waiting", status=label("status", "escalated"), days=waited))
        app.screen.table.move_cursor_to_key(escalated.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemDetailScreen)
        assert shows(app, t("tui.problem.waiting", days=waited))

    run(demo, body)


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_check_in_with_the_members_seen_takes_a_household_off_the_list(demo: Store, lang: str) -> None:
    set_language(lang)
    weekly = next(e for e in demo.due(7) if e.kind == "cadence" and e.rule in ("living_alone", "empty_nest"))

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("d")
        await pilot.press("w")
        await pilot.pause()
        await open_entry(pilot, weekly.room)
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        kind = form.query_one("#f-kind", Select)
        kind.value = "contact"
        assert shows(app, t("tui.visit.seen"))
        seen = form.query_one("#f-seen", SelectionList)
        seen.select_all()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        next_visit = (demo.now().date() + dt.timedelta(days=7)).isoformat()  # a call today counts: a week from now
        assert shows(app, next_visit)
        visit = demo.visits(weekly.household_id)[0]
        assert visit.kind == "contact" and visit.seen
        assert weekly.household_id not in {e.household_id for e in demo.due(6) if e.kind == "cadence"}

    run(demo, body)
