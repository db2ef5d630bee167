"""Corrections in the TUI at 80×24 (issue #14 item 1), as the leader in the issue met the mistake: the map's
cursor left on one flat, a mediation meant for the next one recorded there, and the month's 调解 counting it.
From the household's own page the visit is moved to the right household (``M``) or voided (``x``) with a reason;
a voided visit stays in the history, struck through.  A problem is corrected from its page (``C``), a patrol
from the patrol list (``T``)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from fieldgrid.i18n import label, t
from fieldgrid.model.patrol import Patrol, default_items
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.corrections import (
    PatrolCorrectionScreen,
    PatrolListScreen,
    ProblemCorrectionScreen,
    VisitCorrectionScreen,
)
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from testkit.tui_app import screen_text, shows
from testkit.tui_field import choose, room_of, run, type_in


def struck(app: FieldgridApp, text: str) -> bool:
    """Whether ``text`` is drawn on screen struck through."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if text in segment.text and segment.style is not None and segment.style.strike:
                return True
    return False


def mediations(app: FieldgridApp) -> int:
    return app.screen.dashboard.month_kinds.get("mediation", 0)


async def mediation_on_the_wrong_flat(app: FieldgridApp, pilot: Pilot) -> None:
    """The cursor is on 1801 (where the map opens); the mediation was meant for 1802."""
    assert isinstance(app.screen, StairwellScreen)
    assert mediations(app) == 0
    await pilot.press("v")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, VisitFormScreen) and form.household.room == "1801"
    await choose(pilot, form.query_one("#f-kind", Select), "mediation")
    await type_in(pilot, form.query_one("#f-found", TextArea), "楼上楼下噪音纠纷")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, StairwellScreen)
    assert mediations(app) == 1  # the month's 调解 counts it, on the wrong flat
    assert shows(app, t("tui.dash.month_title"))


async def open_1801(app: FieldgridApp, pilot: Pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, HouseholdDetailScreen) and app.screen.household.room == "1801"


def test_a_mediation_on_the_wrong_flat_is_moved_to_the_right_one(store: Store) -> None:
    right = room_of(store, "1802")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await mediation_on_the_wrong_flat(app, pilot)
        await open_1801(app, pilot)
        assert shows(app, t("tui.key.move_visit")) and shows(app, t("tui.key.void_visit"))  # in the footer
        await pilot.press("M")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitCorrectionScreen) and form.move
        assert shows(app, label("visit_kind", "mediation"))  # the latest visit is the one chosen
        await pilot.press("ctrl+s")  # neither where to nor why: refused, nothing written
        await pilot.pause()
        assert app.screen is form
        assert form.field("to").error == t("error.correction.to_missing")
        await choose(pilot, form.query_one("#f-to", Select), right.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("reason").error == t("error.correction.reason_missing")
        assert store.visits(right.id) == []
        await type_in(pilot, form.query_one("#f-reason", Input), "光标停在1801，记错了户")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("end")
        await pilot.pause()
        assert not shows(app, "楼上楼下噪音纠纷")  # gone from 1801's history
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        assert mediations(app) == 1  # still one mediation this month: moved, not lost
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen) and app.screen.household.room == "1802"
        await pilot.press("end")
        await pilot.pause()
        assert shows(app, "楼上楼下噪音纠纷")

    run(store, body)
    [moved] = store.visits(right.id)
    assert (moved.kind, moved.found) == ("mediation", "楼上楼下噪音纠纷")
    assert right.id in store.last_visits()


def test_a_mistaken_visit_is_voided_and_stays_struck_through(store: Store) -> None:
    wrong = room_of(store, "1801")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await mediation_on_the_wrong_flat(app, pilot)
        await open_1801(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitCorrectionScreen) and not form.move
        assert shows(app, t("tui.correct.reason_hint"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.field("reason").error == t("error.correction.reason_missing")
        await type_in(pilot, form.query_one("#f-reason", Input), "记错户")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        await pilot.press("end")
        await pilot.pause()
        assert shows(app, "楼上楼下噪音纠纷") and struck(app, "楼上楼下噪音纠纷")  # still there, struck through
        assert shows(app, t("tui.correct.voided", reason="记错户"))
        assert shows(app, "一切正常") and not struck(app, "一切正常")  # the visit before it is untouched
        await pilot.press("escape")
        await pilot.pause()
        assert mediations(app) == 0  # and it left the month's tally

    run(store, body)
    assert [v.found for v in store.visits(wrong.id)] == ["一切正常"]
    assert len(store.visit_records(wrong.id)) == 2


def test_a_problem_is_corrected_from_its_page(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("l", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ProblemDetailScreen)
        assert shows(app, t("tui.key.correct_problem"))
        await pilot.press("C")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProblemCorrectionScreen)
        await choose(pilot, form.query_one("#f-category", Select), "facility_repair")
        await choose(pilot, form.query_one("#f-urgency", Select), "urgent")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.field("reason").error == t("error.correction.reason_missing")
        await type_in(pilot, form.query_one("#f-reason", Input), "类别选错")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is detail
        assert shows(app, label("category", "facility_repair")) and shows(app, label("urgency", "urgent"))
        assert shows(app, "类别选错")

    run(store, body)
    corrected = [p for p in store.problems() if p.report.category == "facility_repair"]
    assert len(corrected) == 1 and corrected[0].of_kind("corrected")


def test_a_patrol_is_corrected_and_voided_from_the_patrol_list(store: Store) -> None:
    items = tuple(i if i.item != "lights" else type(i)("lights", False, "3楼灯坏") for i in default_items())
    store.add_patrol(Patrol("2026-11-23T18:00", items))

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, PatrolListScreen)
        assert shows(app, "3楼灯坏") and shows(app, t("tui.key.void_patrol"))
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatrolCorrectionScreen) and not form.void
        await type_in(pilot, form.query_one("#f-at", Input), "2026-11-23 19:30")
        lights = next(n for n, i in enumerate(items) if i.item == "lights")
        await type_in(pilot, form.query_one(f"#f-item_{lights}", Input), "3楼、4楼灯坏")  # a finding, corrected
        await type_in(pilot, form.query_one("#f-reason", Input), "时间记错")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PatrolListScreen)
        assert shows(app, "2026-11-23 19:30") and shows(app, "3楼、4楼灯坏")
        [patrol] = store.patrols()
        assert [(i.ok, i.finding) for i in patrol.items if i.item == "lights"] == [(False, "3楼、4楼灯坏")]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PatrolCorrectionScreen) and app.screen.void
        await type_in(pilot, app.screen.query_one("#f-reason", Input), "重复录入")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PatrolListScreen)
        assert struck(app, "3楼、4楼灯坏") and shows(app, t("tui.correct.voided", reason="重复录入"))
        assert "2026-11-23 19:30" in screen_text(app)

    run(store, body)
    assert store.patrols() == []
