"""The station's first screen: the community at a glance, one line per unit leader — households, open, overdue
problems, problems awaiting the community's answer, this month's visits and points — and the keys to everything
else: ``enter`` opens a unit, ``e`` the escalation queue, ``c`` conflicts, ``n`` a notice, ``i`` importing a stick,
``l`` the station's log."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.station import clock
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, Row, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.exchange import Outcome


class DashboardScreen(Screen[None]):
    AUTO_FOCUS = "#station-units"
    HELP_TITLE = "tui.station.title"
    HELP_INTRO = "tui.station.intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_unit", "tui.station.key_open_unit", priority=True),  # before the table's own
        Binding("e", "escalations", "tui.station.key_escalations"),
        Binding("c", "conflicts", "tui.station.key_conflicts"),
        Binding("n", "notice", "tui.station.key_notice"),
        Binding("i", "import", "tui.station.key_import"),
        Binding("l", "log", "tui.station.key_log"),
        Binding("r", "reload", "tui.station.key_reload", show=False),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(id="station-dashboard")
        translate_bindings(self)
        self.db = db
        self.conflicts = 0  # open conflicts, counted at each reload

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="station-totals")
        yield VirtualTable(
            [
                Column("leader", t("tui.station.col.leader"), width=8),
                Column("unit", t("tui.station.col.unit"), flex=True, min_width=8),
                Column("households", t("tui.station.col.households"), width=4, justify="right"),
                Column("open", t("tui.station.col.open"), width=4, justify="right"),
                Column("overdue", t("tui.station.col.overdue"), width=4, justify="right"),
                Column("escalated", t("tui.station.col.escalated"), width=4, justify="right"),
                Column("visits", t("tui.station.col.visits"), width=6, justify="right"),
                Column("points", t("tui.station.col.points"), width=4, justify="right"),
            ],
            empty_text=t("tui.station.empty"),
            id="station-units",
        )
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#station-units", VirtualTable)

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        from fieldgrid.station.queue import AWAITING, queue_row
        from fieldgrid.station.units import device_units

        today = clock.today()
        month = today.strftime("%Y-%m")
        rules = PointRules()
        rows, totals = [], [0, 0, 0, 0]
        for device, unit in device_units(self.db):
            open_ = [p for p in unit.problems if p.is_open]
            overdue = sum(p.overdue(today) for p in open_)
            queued = (queue_row(p, today) for p in open_)  # what the escalation queue holds of this unit
            waiting = sum(1 for row in queued if row is not None and row.state == AWAITING)
            done = tally(unit, month)
            points = done.points(rules)
            cells = (unit.leader, unit.grid, str(len(unit.households)), str(len(open_)), str(overdue),
                     str(waiting), str(sum(done.visits.values())), f"{points:g}")  # fmt: skip
            rows.append(Row(device.device_id, cells))
            for i, value in enumerate((len(unit.households), len(open_), overdue, waiting)):
                totals[i] += value
        self.table.set_rows(rows)
        self.conflicts = len(self.db.open_conflicts())
        self.refresh_bindings()
        name = self.db.setting("name") or ""
        self.sub_title = t("tui.station.subtitle", name=name, month=month)
        self.query_one("#station-totals", Static).update(
            t(
                "tui.station.totals",
                units=len(rows),
                households=totals[0],
                open=totals[1],
                overdue=totals[2],
                escalated=totals[3],
                conflicts=self.conflicts,
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "conflicts":  # offered only when there are some (the totals line says how many)
            return bool(self.conflicts)
        return True

    @on(VirtualTable.RowSelected, "#station-units")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_unit(str(event.key))

    def action_open_unit(self) -> None:
        if self.table.cursor_key is not None:
            self.open_unit(str(self.table.cursor_key))

    def open_unit(self, device_id: str) -> None:
        from fieldgrid.tui.station.unit_screen import UnitScreen

        self.app.push_screen(UnitScreen(self.db, device_id))

    def action_escalations(self) -> None:
        from fieldgrid.tui.station.queue_screen import QueueScreen

        self.app.push_screen(QueueScreen(self.db))

    def action_conflicts(self) -> None:
        from fieldgrid.tui.station.conflicts import ConflictScreen

        self.app.push_screen(ConflictScreen(self.db))

    def action_notice(self) -> None:
        from fieldgrid.tui.station.notice_form import NoticeForm

        self.app.push_screen(NoticeForm(self.db))

    def action_log(self) -> None:
        from fieldgrid.tui.station.log_screen import LogScreen

        self.app.push_screen(LogScreen(self.db))

    def action_import(self) -> None:
        from fieldgrid.tui.station.import_form import ImportForm

        self.app.push_screen(ImportForm(self.db), self._imported)

    def _imported(self, outcomes: list[Outcome] | None) -> None:
        """The results stay on screen until the operator has read them."""
        from fieldgrid.tui.station.import_results import ImportResultsScreen

        if outcomes is not None:
            self.app.push_screen(ImportResultsScreen(self.db, outcomes))
