"""今日待办 (the due list): follow-ups and cadence visits due or overdue, visits owed within a day of a hospital
stay, a bereavement or a fall, problems near or past their deadline and escalations waiting long — the most urgent
first, overdue rows red and rows due within a day yellow, each saying so in words too.  ``enter`` opens the
household or the problem; ``w`` adds what falls due within the week.

The same screen shows the list behind each number of the dashboard (``list_name``: one of
:data:`fieldgrid.model.due.LISTS`).  The entries come from :mod:`fieldgrid.model.due`, read through the store.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import label, t
from fieldgrid.model.cadence import SPECIAL_RULES
from fieldgrid.model.due import DueEntry, deadline_stage, waiting_days
from fieldgrid.model.ledger import ProblemView
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import emergency_marked
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.table_columns import TonedRow
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, VirtualTable

WEEK = 7


def rule_text(rule: str) -> str:
    if rule in SPECIAL_RULES:
        return t(f"tui.due.rule_{rule}")
    return label("tag", rule)  # a built-in tag's or a scenario pack's tag's label; a leader's own as typed


def when_text(entry: DueEntry) -> str:
    """``逾期 2 天`` / ``今天`` / ``明天`` / ``3 天后``; an escalated problem: how long it has waited."""
    if entry.kind == "escalated":
        return t("tui.due.waiting", days=entry.days)
    if entry.late > 0:
        return t("tui.due.late", days=entry.late)
    if entry.late == 0:
        return t("tui.due.today")
    if entry.late == -1:
        return t("tui.due.tomorrow")
    return t("tui.due.in_days", days=-entry.late)


def what_text(entry: DueEntry) -> str:
    if entry.problem_id is not None:
        return emergency_marked(f"{label('category', entry.category)}：{entry.description}", entry.is_emergency)
    if entry.kind == "cadence":
        return t("tui.due.what_cadence", rule=rule_text(entry.rule), days=entry.days)
    if entry.kind == "not_visited":
        return t("tui.due.what_not_visited", days=entry.days)
    return t(f"tui.due.what_{entry.kind}")


def tone_of(entry: DueEntry) -> str | None:
    if entry.kind == "escalated":
        return "overdue" if entry.late > 0 else None
    stage = entry.stage
    return stage if stage in ("overdue", "soon") else None


def deadline_text(view: ProblemView, today: dt.date) -> tuple[str, str]:
    """A problem's deadline in words and colour: ``逾期 2 天`` red, ``今天到期``/``明天到期`` yellow, ``12-05 到期``;
    an escalated one: how many days it has waited for the decision."""
    waiting = waiting_days(view, today)
    if waiting is not None:
        return t("tui.problem.waiting", days=waiting), "bold red" if view.overdue(today) else "bold yellow"
    stage = deadline_stage(view, today)
    if stage is None:
        return "", ""
    left = (view.due - today).days
    if stage == "overdue":
        return t("tui.problem.late", days=-left), "bold red"
    if stage == "soon":
        return t("tui.problem.due_today" if left == 0 else "tui.problem.due_tomorrow"), "bold yellow"
    return t("tui.problem.days_left", days=left), ""


class DueScreen(Screen[None]):
    AUTO_FOCUS = "#due-table"
    NAVIGABLE = True
    CSS_PATH: ClassVar = [asset_path("tcss", "virtual_table.tcss")]
    HELP_TITLE = "tui.help.due_title"
    HELP_INTRO = "tui.help.due_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "tui.key.open"),
        Binding("w", "toggle_week", "tui.key.due_week"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store, list_name: str = "today") -> None:
        super().__init__(id="due-screen")
        translate_bindings(self)
        self.store = store
        self.list_name = list_name
        self.week = False
        self.entries: list[DueEntry] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield VirtualTable(
            [
                Column("when", t("tui.due.col.when"), width=12),
                Column("room", t("tui.due.col.room"), width=9),
                Column("kind", t("tui.due.col.kind"), width=10),
                Column("what", t("tui.due.col.what"), flex=True, min_width=10),
            ],
            empty_text=t("tui.due.empty"),
            id="due-table",
        )
        yield Static("", id="due-status")
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#due-table", VirtualTable)

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        if self.list_name == "today":
            self.entries = self.store.due(WEEK if self.week else 0)
            self.sub_title = t("tui.due.subtitle_week" if self.week else "tui.due.subtitle")
        else:
            self.entries = self.store.dashboard_list(self.list_name)
            self.sub_title = t(f"tui.due.list.{self.list_name}")
        rows = [
            TonedRow(str(i), (when_text(e), e.room or "—", t(f"tui.due.kind.{e.kind}"), what_text(e)), tone_of(e))
            for i, e in enumerate(self.entries)
        ]
        self.table.set_rows(rows)
        overdue = sum(1 for e in self.entries if e.late > 0 and e.kind != "escalated")
        self.query_one("#due-status", Static).update(t("tui.due.count", count=len(self.entries), overdue=overdue))

    @on(VirtualTable.RowSelected, "#due-table")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_entry(int(str(event.key)))

    def action_open(self) -> None:
        if self.table.cursor_key is not None:
            self.open_entry(int(str(self.table.cursor_key)))

    def open_entry(self, index: int) -> None:
        entry = self.entries[index]
        if entry.problem_id is not None:
            from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen

            self.app.push_screen(ProblemDetailScreen(self.store, entry.problem_id))
        elif entry.household_id is not None:
            from fieldgrid.tui.households.household_detail import HouseholdDetailScreen

            self.app.push_screen(HouseholdDetailScreen(self.store, entry.household_id))

    def action_toggle_week(self) -> None:
        if self.list_name != "today":
            self.list_name = "today"
        else:
            self.week = not self.week
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
