"""The station's first screen: the community at a glance, one line per unit leader — households, open, overdue
problems, problems awaiting the community's answer, this month's visits and points — and the keys to everything
else: ``enter`` opens a unit, ``e`` the escalation queue, ``c`` conflicts, ``n`` a notice, ``i`` importing a stick,
``l`` the station's log.

At a street's station the first screen is the street at a glance, one line per community (its units' figures
added up, problems awaiting the street's answer); ``enter`` opens the same screen for one community, one line per
unit, and ``enter`` there opens the unit as the street holds it."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.exports.monthly import PointRules
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_binding, translate_bindings
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
        Binding("escape", "back", "tui.key.back"),  # shown only on a community's units at a street's station
    ]

    def __init__(self, db: StationDB, community: str | None = None) -> None:
        """``community``: at a street's station, the community station whose units to list (``None``: every
        community, one line each)."""
        super().__init__(id="station-dashboard" if community is None else "street-community")
        translate_bindings(self)
        self.db = db
        self.community = community
        self.street = db.setting("level") == "street"
        self.conflicts = 0  # open conflicts, counted at each reload
        if self.street:
            self.HELP_TITLE, self.HELP_INTRO = "tui.street.title", "tui.street.intro"
        if self.by_community:  # enter opens a community here
            keyed = self._bindings.key_to_bindings
            keyed["enter"] = [translate_binding(dataclasses.replace(b, description="tui.street.key_open_community"))
                              for b in keyed["enter"]]  # fmt: skip

    @property
    def by_community(self) -> bool:
        """One line per community: a street's first screen."""
        return self.street and self.community is None

    def compose(self) -> ComposeResult:
        if self.by_community:  # a community, and how many units it has
            who = Column("community", t("tui.station.col.community"), flex=True, min_width=8)
            where = Column("units", t("tui.station.col.units"), width=4, justify="right")
        else:
            who = Column("leader", t("tui.station.col.leader"), width=8)
            where = Column("unit", t("tui.station.col.unit"), flex=True, min_width=8)
        yield TitleBar()
        yield Static(id="station-totals")
        yield VirtualTable(
            [
                who,
                where,
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
        from fieldgrid.station.figures import Figures, total, unit_figures
        from fieldgrid.station.units import community_name, device_units, units_of

        today = clock.today()
        month = today.strftime("%Y-%m")
        rules = PointRules()
        rows: list[Row] = []
        counted: list[Figures] = []
        communities: dict[str, tuple[str, list[Figures]]] = {}
        community = self.db.device(self.community) if self.community is not None else None
        held = device_units(self.db) if community is None else [(community, u) for u in units_of(self.db, community)]
        for device, unit in held:  # one community at the street: only its records are read
            figures = unit_figures(unit, today, rules, street=self.street)
            counted.append(figures)
            if self.by_community:
                communities.setdefault(device.device_id, (community_name(device), []))[1].append(figures)
            else:
                key = unit.grid if self.street else device.device_id
                rows.append(Row(key, (unit.leader, unit.grid, *figures.cells())))
        for key, (name, found) in communities.items():
            rows.append(Row(key, (name, str(len(found)), *total(found).cells())))
        self.table.set_rows(rows)
        self.conflicts = len(self.db.open_conflicts())
        self.refresh_bindings()
        name = self.db.setting("name") or ""
        if community is not None:
            name = community_name(community)
        self.sub_title = t("tui.station.subtitle", name=name, month=month)
        sums = total(counted)
        self.query_one("#station-totals", Static).update(
            t(
                "tui.street.totals" if self.by_community else "tui.street.community_totals" if self.street
                else "tui.station.totals",
                communities=len(communities),
                units=len(counted),
                households=sums.households,
                open=sums.open,
                overdue=sums.overdue,
                escalated=sums.waiting,
                conflicts=self.conflicts,
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":  # a community's units at the street go back to the street
            return self.community is not None
        if action == "conflicts":  # offered only when there are some (the totals line says how many)
            return bool(self.conflicts)
        return True

    @on(VirtualTable.RowSelected, "#station-units")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_unit(str(event.key))

    def action_open_unit(self) -> None:
        if self.table.cursor_key is not None:
            self.open_unit(str(self.table.cursor_key))

    def open_unit(self, key: str) -> None:
        """A unit's screen; at a street's first screen, the community's units; in a community at the street, the
        unit as the street holds it (``key``: its grid label)."""
        from fieldgrid.tui.station.unit_screen import UnitScreen

        if self.by_community:
            self.app.push_screen(DashboardScreen(self.db, community=key))
        elif self.street and self.community is not None:
            self.app.push_screen(UnitScreen(self.db, self.community, grid=key))
        else:
            self.app.push_screen(UnitScreen(self.db, key))

    def action_back(self) -> None:
        if self.community is not None:
            self.dismiss(None)

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
