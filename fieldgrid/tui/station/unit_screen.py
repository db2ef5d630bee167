"""One unit as the station holds it (``enter`` on the dashboard): its problems with their codes, its households
(phones and ID numbers masked, as every station list shows them) and this month's work — visits and patrols —
under three tabs (``p``, ``h``, ``w``); ``e`` opens the escalation queue of this unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.i18n import label, t
from fieldgrid.model.masking import show_id_number, show_phone
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import emergency_marked
from fieldgrid.tui.station import clock
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, Row, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.model.household import Household
    from fieldgrid.model.patrol import Patrol
    from fieldgrid.model.unit_month import UnitMonth
    from fieldgrid.model.visit import Visit
    from fieldgrid.station.db import StationDB

TABS = {"problems": "unit-problems", "households": "unit-households", "work": "unit-work"}


class UnitScreen(Screen[None]):
    HELP_TITLE = "tui.station.unit_help_title"
    HELP_INTRO = "tui.station.unit_help_intro"
    AUTO_FOCUS = "#unit-problems-table"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "tab('problems')", "tui.station.key_unit_problems"),
        Binding("h", "tab('households')", "tui.station.key_unit_households"),
        Binding("w", "tab('work')", "tui.station.key_unit_work"),
        Binding("e", "queue", "tui.station.key_unit_queue"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB, device_id: str, *, grid: str | None = None) -> None:
        """``grid``: at a street's station, the unit (its grid label) of the community station ``device_id``."""
        super().__init__(id="station-unit")
        translate_bindings(self)
        self.db = db
        self.device_id = device_id
        self.grid = grid
        self.unit: UnitMonth | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="unit-summary")
        with TabbedContent(id="unit-tabs"):
            with TabPane(t("tui.station.tab_problems"), id=TABS["problems"]):
                yield VirtualTable([
                    Column("code", t("queue.col.code"), width=8),
                    Column("reported", t("tui.station.col.reported"), width=5),
                    Column("status", t("tui.station.col.status"), width=None, max_width=16),
                    Column("urgency", t("queue.col.urgency"), width=None),
                    Column("what", t("queue.col.what"), flex=True, min_width=10),
                ], empty_text=t("tui.station.unit_no_problems"), id="unit-problems-table")  # fmt: skip
            with TabPane(t("tui.station.tab_households"), id=TABS["households"]):
                yield VirtualTable([
                    Column("room", t("tui.station.col.room"), width=None),
                    Column("head", t("tui.station.col.head"), width=8),
                    Column("people", t("tui.station.col.people"), width=None, justify="right"),
                    Column("residency", t("tui.station.col.residency"), width=None),
                    Column("phone", t("tui.station.col.phone"), width=11),
                    Column("id", t("tui.station.col.id_number"), flex=True, min_width=10),
                ], empty_text=t("tui.station.unit_no_households"), id="unit-households-table")  # fmt: skip
            with TabPane(t("tui.station.tab_work"), id=TABS["work"]):
                yield VirtualTable([
                    Column("at", t("tui.station.col.at"), width=11),
                    Column("kind", t("tui.station.col.kind"), width=None),
                    Column("where", t("tui.station.col.where"), width=12),
                    Column("what", t("tui.station.col.found"), flex=True, min_width=10),
                ], empty_text=t("tui.station.unit_no_work"), id="unit-work-table")  # fmt: skip
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        from fieldgrid.station.units import device_unit, unit_patrols

        found = device_unit(self.db, self.device_id, self.grid)
        if found is None:
            self.dismiss(None)
            return
        _, unit = found
        self.unit = unit
        today = clock.today()
        month = today.strftime("%Y-%m")
        self.sub_title = t("tui.station.unit_title", leader=unit.leader, unit=unit.grid)
        open_ = [p for p in unit.problems if p.is_open]
        done = tally(unit, month)
        visits = [v for v in unit.visits if v.at.startswith(month)]
        # the street holds a community's patrols whole, not split by unit: none are shown for a unit there
        patrols = [] if self.grid else [p for p in unit_patrols(self.db, self.device_id) if p.at.startswith(month)]
        self.query_one("#unit-summary", Static).update(t(
            "tui.station.unit_summary", households=len(unit.households), open=len(open_),
            overdue=sum(p.overdue(today) for p in open_), visits=len(visits), patrols=len(patrols),
            points=f"{done.points(PointRules()):g}"))  # fmt: skip
        self.query_one("#unit-problems-table", VirtualTable).set_rows(self.problem_rows(), fit=True)
        self.query_one("#unit-households-table", VirtualTable).set_rows(
            [self.household_row(h, unit.where(h), rolled_up=self.grid is not None) for h in unit.households], fit=True
        )
        self.query_one("#unit-work-table", VirtualTable).set_rows(self.work_rows(visits, patrols), fit=True)

    def problem_rows(self) -> list[Row]:
        from fieldgrid.station.queue import problem_code

        assert self.unit is not None
        today = clock.today()
        # open 紧急 ones first, then the other open ones (overdue first among them), then the rest, newest first
        views = sorted(
            self.unit.problems,
            key=lambda v: (not v.is_open, not (v.report.is_emergency and v.is_open), not v.overdue(today)),
        )
        rows = []
        for v in views:
            status = emergency_marked(label("status", v.shown_status), v.report.is_emergency)
            status += "!!" if v.overdue(today) else ""
            cells = (problem_code(v.id), v.reported_at[5:10], status, label("urgency", v.report.urgency),
                     v.report.description)  # fmt: skip
            rows.append(Row(v.id, cells))
        return rows

    @staticmethod
    def household_row(h: Household, where: str, *, rolled_up: bool = False) -> Row:
        """``where``: the household as its unit's kind addresses it (斜江村3组15号 王家院子, 0601); ``rolled_up``: as
        a street holds it, without its people (their number is not known there either)."""
        if rolled_up:
            return Row(h.id, (where, "—", "—", label("residency", h.residency), "—", "—"))
        head = next((m for m in h.members if m.is_head), None)
        phones = h.all_phones
        phone = show_phone(phones[0]) if phones else "—"
        id_number = show_id_number(head.id_number) if head and head.id_number else "—"
        return Row(h.id, (where, h.head_name, str(len(h.members)), label("residency", h.residency), phone, id_number))

    def work_rows(self, visits: list[Visit], patrols: list[Patrol]) -> list[Row]:
        assert self.unit is not None
        rooms = {h.id: f"{self.unit.where(h)} {h.head_name}".strip() for h in self.unit.households}
        work: list[tuple[str, Row]] = []
        for v in visits:
            what = v.found or v.needs
            cells = (v.at[5:16].replace("T", " "), label("visit_kind", v.kind), rooms.get(v.household_id, "—"), what)
            work.append((v.at, Row(v.id, cells)))
        for p in patrols:
            findings = p.findings
            what = "；".join(f.finding for f in findings) if findings else t("tui.station.patrol_all_ok")
            cells = (p.at[5:16].replace("T", " "), t("tui.station.patrol"), t("tui.station.shared_spaces"), what)
            work.append((p.at, Row(p.id, cells)))
        work.sort(key=lambda w: w[0], reverse=True)
        return [row for _, row in work]

    def action_tab(self, tab: str) -> None:
        tabs = self.query_one("#unit-tabs", TabbedContent)
        tabs.active = TABS[tab]
        self.query_one(f"#{TABS[tab]}-table", VirtualTable).focus()

    def action_queue(self) -> None:
        from fieldgrid.tui.station.queue_screen import QueueScreen

        if self.unit is not None:
            self.app.push_screen(QueueScreen(self.db, unit=self.unit.grid))

    def action_back(self) -> None:
        self.dismiss(None)
