"""Scenario packs in the TUI at 80×24: with the shipped gas-safety pack installed the patrol form offers its
checklist and its fields, a finding is filed under the pack's category, and the ledger opens that problem and its
correction form; the visit form offers the pack's visit kind with its fields (a required one refused until filled);
a return from the station that brings a pack says so on the sync screen, and ``ctrl+o`` lists the packs."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import label, set_language, t
from fieldgrid.scenarios import read_pack, shipped_path
from fieldgrid.station.scenarios import publish
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.station.stick import station_stick
from fieldgrid.store import Store
from fieldgrid.sync.identity import Keys
from fieldgrid.sync.stick import ROOTS_ENV
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.corrections import ProblemCorrectionScreen
from fieldgrid.tui.field_work.patrol_form import PatrolFormScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from fieldgrid.tui.scenarios.packs_screen import PacksScreen
from fieldgrid.tui.sync.sync_screen import SyncScreen
from testkit.pin import open_station
from testkit.tui_app import field_error, screen_text, shows
from testkit.tui_field import choose, room_of, run, type_in


def install_gas(store: Store) -> None:
    assert store.install_scenario(read_pack(shipped_path("gas_safety")))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_gas_check_patrol_files_its_finding_under_the_packs_category(store: Store, lang: str) -> None:
    set_language(lang)
    install_gas(store)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatrolFormScreen)
        assert form.rows[0].code == "fire_exits"  # the built-in checklist first, the default
        await choose(pilot, form.query_one("#f-checklist", Select), "gas_door")
        assert [r.code for r in form.rows] == ["gas_hose", "gas_alarm", "gas_valve", "gas_ventilation",
                                               "gas_cylinder", "gas_heater"]  # fmt: skip
        assert shows(app, label("patrol_item", "gas_hose")[:12])  # an item's label: 20 cells, cut in English
        assert not shows(app, label("patrol_item", "fire_exits")[:8])
        hose = form.rows[0]
        await type_in(pilot, hose.finding_input, "软管龟裂")
        hose.focus()
        hose.finding_input.focus()
        await pilot.press("ctrl+r")
        assert hose.report
        await pilot.press("ctrl+s")  # the stove is required by the pack: refused, at its field
        await pilot.pause()
        assert app.screen is form and store.patrols() == []
        stove = label("field", "stove")
        assert field_error(form, "x_stove") == t("tui.scenarios.required", field=stove)
        await choose(pilot, form.query_one("#f-x_stove", Select), "bottled")
        await type_in(pilot, form.field("x_meter_reading").control, "一百")  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field_error(form, "x_meter_reading") == t("tui.scenarios.value_number",
                                                         field=label("field", "meter_reading"))  # fmt: skip
        await type_in(pilot, form.field("x_meter_reading").control, "1024.5")  # type: ignore[arg-type]
        await choose(pilot, form.query_one("#f-x_hose_replaced", Select), "yes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        # the ledger: the problem in the pack's category, its page, its correction form
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LedgerScreen)
        assert shows(app, label("category", "gas_hazard"))
        await choose(pilot, app.screen.query_one("#filter-category", Select), "gas_hazard")
        app.screen.table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemDetailScreen)
        assert shows(app, "软管龟裂") and shows(app, label("category", "gas_hazard"))
        await pilot.press("C")
        await pilot.pause()
        correction = app.screen
        assert isinstance(correction, ProblemCorrectionScreen)
        assert correction.query_one("#f-category", Select).value == "gas_hazard"
        await type_in(pilot, correction.field("description").control, "软管龟裂，已报燃气公司")  # type: ignore[arg-type]
        await type_in(pilot, correction.field("reason").control, "补记")  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProblemDetailScreen)

    run(store, body)
    [patrol] = store.patrols()
    assert patrol.checklist == "gas_door"
    assert dict(patrol.fields) == {"stove": "bottled", "meter_reading": 1024.5, "hose_replaced": True}
    assert [(i.item, i.finding) for i in patrol.findings] == [("gas_hose", "软管龟裂")]
    [problem] = [p for p in store.problems() if p.report.source]
    assert problem.report.category == "gas_hazard"
    assert problem.report.description == "软管龟裂，已报燃气公司"


def test_the_standard_patrol_is_as_before_with_a_pack_installed(store: Store) -> None:
    install_gas(store)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatrolFormScreen)
        assert not shows(app, label("field", "stove"))  # the gas pack's fields belong to its checklist
        await type_in(pilot, form.rows[0].finding_input, "堆放纸箱")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run(store, body)
    [patrol] = store.patrols()
    assert patrol.checklist is None and dict(patrol.fields) == {}


def test_without_packs_the_patrol_form_has_no_checklist_to_choose(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("t")
        await pilot.pause()
        assert not app.screen.field("checklist").display

    run(store, body)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_gas_check_visit_takes_the_packs_fields(store: Store, lang: str) -> None:
    set_language(lang)
    install_gas(store)
    household = room_of(store, "1802")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(VisitFormScreen(store, household))
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        stove = label("field", "stove")
        assert not shows(app, stove)  # a routine visit: no gas fields
        kinds = form.query_one("#f-kind", Select)
        assert "gas_check" in [code for _, code in kinds._options]
        await choose(pilot, kinds, "gas_check")
        assert form.field("x_stove").display and form.field("x_next_check").display
        assert not form.field("x_hose_replaced").display if "x_hose_replaced" in form.form_fields else True
        await type_in(pilot, form.field("found").control, "灶具正常")  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and store.visits(household.id) == []
        assert field_error(form, "x_stove") == t("tui.scenarios.required", field=stove)
        await choose(pilot, form.query_one("#f-x_stove", Select), "piped")
        await type_in(pilot, form.field("x_next_check").control, "+30")  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form

    run(store, body)
    [visit] = store.visits(household.id)
    assert visit.kind == "gas_check"
    next_check = (store.now().date() + dt.timedelta(days=30)).isoformat()
    assert dict(visit.fields) == {"stove": "piped", "next_check": next_check}


def test_a_return_that_brings_a_pack_says_so_and_the_packs_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("zh_CN")
    store = Store(tmp_path / "demo")
    write_demo(store)
    make_demo_station(store, tmp_path / "station")
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    monkeypatch.setenv(ROOTS_ENV, str(tmp_path / "media" / "*"))

    def at_the_station() -> None:
        """The stick at the station: the device's bundle read, the gas pack published, the returns written."""
        db = open_station(tmp_path / "station", DEMO_PASSPHRASE)
        try:
            station_stick(db, Keys(tmp_path / "station"), stick)
            publish(db, read_pack(shipped_path("gas_safety")), "2026-11-24T08:00")
            station_stick(db, Keys(tmp_path / "station"), stick)
        finally:
            db.close()

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SyncScreen)
            await pilot.press("ctrl+s")  # this device's bundle onto the stick
            await pilot.pause()
            at_the_station()
            await pilot.press("ctrl+s")  # the return, with the pack
            await pilot.pause()
            assert shows(app, t("tui.scenarios.installed", title="燃气安全入户检查", version=1))
            assert shows(app, t("tui.scenarios.status", count=1, titles="燃气安全入户检查"))
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, PacksScreen)
            text = screen_text(app)
            assert "gas_safety" in text and "燃气安全入户检查" in text and t("tui.scenarios.version", version=1) in text
            assert t("tui.scenarios.builtin") in text
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SyncScreen)

    asyncio.run(body())
    assert "gas_safety" in store.vocabulary().installed
    store.close()


def test_the_palette_lists_the_packs(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert t("tui.scenarios.cmd") in titles
        await app.run_action("scenarios")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)
        assert shows(app, t("tui.scenarios.count", count=0))

    run(store, body)
