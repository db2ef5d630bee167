"""Emergencies and the ledger in the TUI at 80×24: the number to call before any form, and the ledger's
filters and export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.pilot import Pilot
from textual.widgets import Select

from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.emergency import EmergencyScreen
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from testkit.tui_app import shows
from testkit.tui_field import choose, room_of, run, type_in

# -- emergencies --------------------------------------------------------------------------------------------


def test_emergency_shows_the_number_before_the_form(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)
        await pilot.press("3")  # medical
        await pilot.pause()
        assert shows(app, "120") and shows(app, t("tui.emergency.step_property"))
        assert shows(app, t("tui.emergency.step_community"))
        await pilot.press("ctrl+s")  # enter ticks a step of the checklist; ctrl+s goes on to the record
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProblemFormScreen)
        assert (form.value("urgency"), form.value("emergency")) == ("emergency", "medical")

    run(store, body)


def test_choosing_emergency_in_the_form_shows_the_numbers(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        await choose(pilot, form.query_one("#f-urgency", Select), "emergency")
        assert app.screen is form
        await choose(pilot, form.query_one("#f-emergency", Select), "fire")
        assert isinstance(app.screen, EmergencyScreen) and shows(app, "119")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form

    run(store, body)


# -- the ledger ---------------------------------------------------------------------------------------------


def test_ledger_filters_and_export(store: Store, tmp_path: Path) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        ledger = app.screen
        assert isinstance(ledger, LedgerScreen)
        assert ledger.table.row_count == 2
        await choose(pilot, ledger.query_one("#filter-status", Select), "overdue")
        assert [r.cells[4] for r in ledger.table.rows] == ["楼上夜间装修"]
        await choose(pilot, ledger.query_one("#filter-status", Select), "*")
        await choose(pilot, ledger.query_one("#filter-category", Select), "sanitation")
        assert [r.cells[4] for r in ledger.table.rows] == ["楼道有垃圾"]
        await choose(pilot, ledger.query_one("#filter-category", Select), "*")
        await choose(pilot, ledger.query_one("#filter-household", Select), room_of(store, "1802").id)
        assert ledger.table.row_count == 1
        ledger.table.focus()
        await pilot.press("x")
        await pilot.pause()
        form = app.screen
        await type_in(pilot, form.field("path").control, str(tmp_path / "out" / "台账.pdf"))  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("path").error.startswith(t("cli.error.export_suffix", value="")[:6])
        await type_in(pilot, form.field("path").control, str(tmp_path / "out" / "台账.xlsx"))  # type: ignore[arg-type]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is ledger

    run(store, body)
    rows = list(load_workbook(tmp_path / "out" / "台账.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and len(rows) == 3
