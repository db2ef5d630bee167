"""The field work in the TUI at 80×24, driven by keys as a leader would: the stairwell map and dashboard,
visits (with refusals and a correction), a patrol whose finding becomes a problem, a problem's closed loop
from report to feedback, the unsolvable notice, the emergency screen, and the ledger's filters and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from fieldgrid.i18n import label, set_language, t
from fieldgrid.model import Household
from fieldgrid.model.ledger import Report
from fieldgrid.model.visit import Visit
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.patrol_form import PatrolFormScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.ledger.event_form import EventFormScreen
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.patrol_row import PatrolRow
from fieldgrid.tui.widgets.stairwell_grid import StairwellGrid
from testkit.tui_app import profile, screen_text, shows
from testkit.tui_field import NOW, SIZE, Clock, choose, head, room_of, run, type_in  # noqa: F401


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_map_shows_18_floors_of_4_with_marks_and_dashboard(store: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        lines = screen_text(app).splitlines()
        assert len(lines) == 24
        floor = t("tui.map.floor", floor=18)
        top = next(line for line in lines if line.startswith(floor))
        assert "01张✓" in top  # visited four days ago
        assert "02张○" in top and "!!" in top  # never visited (a visit due), and the noise problem is overdue
        assert "03张○" in top and "!" in top
        first = next(line for line in lines if line.startswith(t("tui.map.floor", floor=1) + " "))
        assert "01张✗★" in first  # living alone, last visited in September: its weekly visit is overdue
        assert shows(app, t("tui.map.vacant"))
        assert t("tui.map.floor", floor=1) in screen_text(app)  # all 18 floors fit: no scrolling needed
        d = app.screen.dashboard
        assert (d.households, d.lived_in, d.not_visited, d.attention_not_visited) == (72, 69, 68, 1)
        assert (d.open_problems, d.overdue) == (2, 1)
        assert shows(app, t("tui.dash.not_visited", days=30))
        assert shows(app, t("tui.key.visit")) and shows(app, t("tui.key.ledger"))

    run(store, body)


def test_arrows_and_enter_open_the_household(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        grid = app.screen.query_one(StairwellGrid)
        assert grid.current is not None and grid.current.household.room == "1801"
        await pilot.press("down", "down", "right", "right")
        assert grid.current is not None and grid.current.household.room == "1603"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        assert app.screen.household is not None and app.screen.household.room == "1603"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)


# -- visits -----------------------------------------------------------------------------------------------


def test_visit_form_refuses_then_saves_and_corrects(store: Store) -> None:
    target = room_of(store, "1802")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("right", "enter")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        await choose(pilot, form.query_one("#f-kind", Select), "errand")
        await type_in(pilot, form.query_one("#f-at", Input), "2026-12-01 09:00")
        await type_in(pilot, form.query_one("#f-found", TextArea), "代缴水费")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.field("at").error == t("error.visit.future", value="2026-12-01T09:00")
        await type_in(pilot, form.query_one("#f-at", Input), "2026-11-22 09:00")
        await type_in(pilot, form.query_one("#f-follow_up", Input), "2026-11-21")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("follow_up").error == t("error.visit.follow_up_before")
        assert store.visits(target.id) == []
        await type_in(pilot, form.query_one("#f-follow_up", Input), "2026-11-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("end")  # the visit history is at the bottom of the detail
        await pilot.pause()
        assert shows(app, "代缴水费") and shows(app, label("visit_kind", "errand"))
        await pilot.press("V")  # correct it: a new record that replaces the old in listings
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen) and form.corrects is not None
        await type_in(pilot, form.query_one("#f-found", TextArea), "代缴电费")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert shows(app, "代缴电费") and not shows(app, "代缴水费")

    run(store, body)
    visits = store.visits(target.id)
    assert [(v.kind, v.found, v.follow_up) for v in visits] == [("errand", "代缴电费", "2026-11-30")]
    assert len(store.visits(target.id, corrected=True)) == 2


# -- patrol → problem ---------------------------------------------------------------------------------------


def test_patrol_finding_becomes_a_problem_in_one_keystroke(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatrolFormScreen)
        fire = next(r for r in form.rows if r.code == "fire_exits")
        await type_in(pilot, fire.finding_input, "堆放纸箱")
        assert not fire.ok
        await pilot.press("ctrl+r")
        assert fire.report
        lights = next(r for r in form.rows if r.code == "lights")
        lights.ok_box.value = False  # not OK, but nothing written: refused
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert shows(app, t("error.patrol.finding_missing", item="lights"))
        assert store.patrols() == []
        lights.ok_box.value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        assert app.screen.dashboard.open_problems == 3

    run(store, body)
    [patrol] = store.patrols()
    assert [(i.item, i.finding) for i in patrol.findings] == [("fire_exits", "堆放纸箱")]
    reported = [p for p in store.problems() if p.report.source]
    assert [(p.report.category, p.report.description) for p in reported] == [("safety_hazard", "堆放纸箱")]


def test_patrol_rows_fit_at_80_columns(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        row = app.screen.query(PatrolRow).first()
        assert row.region.right <= 80 and row.finding_input.size.width >= 10

    run(store, body)


# -- a problem's closed loop --------------------------------------------------------------------------------


async def step(app: FieldgridApp, pilot: Pilot, key: str, **values: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    form = app.screen
    assert isinstance(form, EventFormScreen), key
    for name, value in values.items():
        control = form.field(name).control
        if isinstance(control, Select):
            await choose(pilot, control, value)
        else:
            await type_in(pilot, control, value)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_report_escalate_decide_feedback_close(store: Store, lang: str) -> None:
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("down", "right", "p")  # 1702 is highlighted: the form shows it, Enter keeps it
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProblemFormScreen)
        assert form.where().household == room_of(store, "1702")
        await choose(pilot, form.query_one("#f-category", Select), "facility_repair")
        await type_in(pilot, form.query_one("#f-description", TextArea), "卫生间漏水到楼下")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        await pilot.press("l")
        await pilot.pause()
        ledger = app.screen
        assert isinstance(ledger, LedgerScreen)
        assert shows(app, "卫生间漏水到楼下")
        await pilot.press("enter")  # newest first
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ProblemDetailScreen)
        await step(app, pilot, "u", to="property", reason="需物业维修")
        assert shows(app, label("status", "escalated"))
        await step(app, pilot, "d", outcome="resolved", text="物业已换管")
        assert shows(app, t("tui.problem.feedback_due"))
        await pilot.press("c")  # closing before the residents were told: refused at once, no form
        await pilot.pause()
        assert app.screen is detail
        assert t("error.problem.close_without_feedback") in [str(n.message) for n in app._notifications]
        await step(app, pilot, "f", how="wechat_group", text="已修好")
        await pilot.press("w")
        assert "物业已换管" in app.clipboard
        await step(app, pilot, "c")
        assert app.screen is detail
        assert shows(app, label("status", "closed"))
        assert app.screen.check_action("step", ("escalate",)) is False  # closed: only note and reopen
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [view] = [p for p in store.problems() if p.report.description == "卫生间漏水到楼下"]
    assert [e.kind for e in view.events] == ["reported", "escalated", "decision", "feedback", "closed"]


def test_unsolvable_needs_the_notice_which_is_copied_and_printed(store: Store) -> None:
    view = store.report_problem(Report("facility_repair", "屋顶渗水", place="屋顶"), "2026-11-20T09:00")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(ProblemDetailScreen(store, view.id))
        await pilot.pause()
        await step(app, pilot, "c", resolution="unsolvable")
        assert isinstance(app.screen, EventFormScreen)
        assert app.screen.field("notice").error == t("error.problem.notice_missing")
        await type_in(pilot, app.screen.field("notice").control, "需业主大会表决动用维修资金")  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProblemDetailScreen)
        await pilot.press("w")
        assert "需业主大会表决动用维修资金" in app.clipboard and "刘秀英" not in app.clipboard
        await pilot.press("P")
        await pilot.pause()

    run(store, body)
    [notice] = (store.home / "notices").glob("*.txt")
    text = notice.read_text(encoding="utf-8")
    assert "需业主大会表决动用维修资金" in text and "13800138000" in text.replace(" ", "")


def test_dashboard_counts_this_month_in_the_seeds_words(store: Store) -> None:
    from fieldgrid.model.dashboard import build

    h = room_of(store, "0101")
    store.add_visit(Visit(h.id, "2026-11-20T10:00", "errand"))
    store.add_visit(Visit(h.id, "2026-11-21T10:00", "mediation"))
    view = store.report_problem(Report("other", "楼道灯坏", place="3楼"), "2026-11-22T09:00")
    store.add_event(view.id, "handled", {"text": "换了灯泡"}, "2026-11-22T10:00")
    store.add_event(view.id, "feedback", {"to": "全体住户", "how": "wechat_group"}, "2026-11-22T11:00")
    store.add_event(view.id, "closed", {"resolution": "solved"}, "2026-11-22T12:00")
    d = build(store.households(), store.visits(), store.problems(), NOW, visit_days=3)
    assert (d.month_kinds["errand"], d.month_kinds["mediation"], d.visits_this_month) == (1, 1, 3)
    assert (d.handled_this_month, d.closed_this_month) == (1, 1)
    assert d.attention_not_visited == 0  # 0101 (living alone) was visited within the week
    assert d.not_visited == 69 - 1  # only 0101 was visited in the last 3 days
    assert d.by_status == {"pending": 2}


def test_a_taller_building_scrolls(tmp_path: Path) -> None:
    tall = Store(tmp_path / "tall", now_ms=Clock())
    tall.save_profile(profile())
    tall.add_households([Household(room=f"{f:02d}01", members=head(f"王{f}")) for f in range(1, 31)])

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        grid = app.screen.query_one(StairwellGrid)
        assert grid.current is not None and grid.current.household.room == "3001"
        first = t("tui.map.floor", floor=1) + " "
        assert not any(line.startswith(first) for line in screen_text(app).splitlines())  # below the fold
        await pilot.press(*["down"] * 29)
        assert grid.current is not None and grid.current.household.room == "0101"
        lines = screen_text(app).splitlines()
        assert any(line.startswith(first) for line in lines)  # scrolled into view
        assert lines[1].split()[0] == t("tui.map.door", n="01")  # the door numbers stay at the top

    run(tall, body)
    tall.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_key_of_the_map_is_in_the_footer_at_80_columns(store: Store, lang: str) -> None:
    """The English map's keys are wider than 80 columns: they go on a second line instead of being cut at
    "! Emergency"; each line fits, no key is split, and a click on the second line presses its key."""
    set_language(lang)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        bar = app.screen.query_one(KeyBar)
        shown, palette = bar.keys()
        spans = bar.spans()
        assert {s.key for s in spans} == {k.key for k in [*shown, palette] if k is not None}
        assert all(s.end <= bar.size.width for s in spans)
        lines = bar.render().split()
        assert bar.size.height == len(lines) == 2, [str(x) for x in lines]  # the map has more keys than fit
        text = screen_text(app)
        for key in shown:
            assert key.description in text, key.description
        last = max(spans, key=lambda s: (s.line, s.start) if s.key != "ctrl+p" else (-1, 0))
        if last.line:
            await pilot.click(bar, offset=(last.start + 1, last.line))
            await pilot.pause()
            assert not isinstance(app.screen, StairwellScreen) or app.return_code is not None

    run(store, body)
