"""``fieldgrid --home STATION station ui``: the operator's terminal.

The first screen is the community's dashboard — per unit leader: households, open, overdue and escalated
problems, this month's visits and points — with keys to the escalation queue (``e``), conflicts (``c``),
a notice to the units (``n``) and importing a stick of bundles (``i``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.protocols import help_keys
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, Row, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


class DashboardScreen(Screen[None]):
    AUTO_FOCUS = "#station-units"
    HELP_TITLE = "tui.station.title"
    HELP_INTRO = "tui.station.intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "escalations", "tui.station.key_escalations"),
        Binding("c", "conflicts", "tui.station.key_conflicts"),
        Binding("n", "notice", "tui.station.key_notice"),
        Binding("i", "import", "tui.station.key_import"),
        Binding("r", "reload", "tui.station.key_reload", show=False),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(id="station-dashboard")
        translate_bindings(self)
        self.db = db

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

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        from fieldgrid.station.units import units

        today = dt.date.today()
        month = today.strftime("%Y-%m")
        rules = PointRules()
        rows, totals = [], [0, 0, 0, 0]
        for n, unit in enumerate(units(self.db)):
            open_ = [p for p in unit.problems if p.is_open]
            overdue = sum(p.overdue(today) for p in open_)
            escalated = sum(p.status == "escalated" for p in open_)
            done = tally(unit, month)
            points = done.points(rules)
            cells = (unit.leader, unit.grid, str(len(unit.households)), str(len(open_)), str(overdue),
                     str(escalated), str(sum(done.visits.values())), f"{points:g}")  # fmt: skip
            rows.append(Row(n, cells))
            for i, value in enumerate((len(unit.households), len(open_), overdue, escalated)):
                totals[i] += value
        self.query_one("#station-units", VirtualTable).set_rows(rows)
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
                conflicts=len(self.db.open_conflicts()),
            )
        )

    def action_escalations(self) -> None:
        from fieldgrid.tui.station.screens import EscalationScreen

        self.app.push_screen(EscalationScreen(self.db))

    def action_conflicts(self) -> None:
        from fieldgrid.tui.station.screens import ConflictScreen

        self.app.push_screen(ConflictScreen(self.db))

    def action_notice(self) -> None:
        from fieldgrid.tui.station.screens import NoticeForm

        self.app.push_screen(NoticeForm(self.db))

    def action_import(self) -> None:
        from fieldgrid.tui.station.screens import ImportForm

        self.app.push_screen(ImportForm(self.db))


class StationApp(App[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "app.tcss"), asset_path("tcss", "virtual_table.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "tui.key.help"),
        Binding("q", "quit", "tui.key.quit"),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__()
        translate_bindings(self)
        self.db = db
        self.title = t("tui.station.app_title")

    def on_mount(self) -> None:
        self.push_screen(DashboardScreen(self.db))

    def action_help(self) -> None:
        from fieldgrid.tui.common.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        keys = [(self.get_key_display(b.binding), b.binding.description) for b in screen.active_bindings.values()
                if b.binding.description]  # fmt: skip
        title, intro = help_keys(screen)
        self.push_screen(HelpScreen(t(title), keys, t(intro or "tui.station.intro")))
