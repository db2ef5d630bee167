"""The problem ledger (问题台账): every problem with its derived status, filtered by status, category, month and
household; ``enter`` opens a problem's timeline, ``x`` exports a month as a spreadsheet."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Select, Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import label, t
from fieldgrid.model.due import deadline_stage, waiting_days
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.problem import STATUSES
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import emergency_marked
from fieldgrid.tui.common.vocabulary import category_options
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.table_columns import TonedRow
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, VirtualTable

ANY = "*"


def place_label(view: ProblemView, rooms: dict[str, str]) -> str:
    return rooms.get(view.report.household_id or "", "") or view.report.place


def status_label(view: ProblemView, today: dt.date) -> str:
    """The status, with the deadline's stage in words: ``处理中!!`` overdue, ``处理中!^今天`` / ``处理中!^明天`` due
    within a day; an escalated problem with the days it has waited, ``已上报·9天``; a 紧急 one after its mark,
    ``‼紧急 待处理!^今天``."""
    return emergency_marked(_status_label(view, today), view.report.is_emergency)


def _status_label(view: ProblemView, today: dt.date) -> str:
    text = label("status", view.shown_status)
    waiting = waiting_days(view, today)
    if waiting is not None:  # escalated: how long it has waited for the decision
        text = t("tui.ledger.waiting", status=text, days=waiting)
    if view.overdue(today):
        return t("tui.ledger.overdue", status=text)
    if deadline_stage(view, today) == "soon":
        key = "tui.ledger.due_today" if view.due == today else "tui.ledger.due_tomorrow"
        return t(key, status=text)
    return text


class LedgerScreen(Screen[None]):
    AUTO_FOCUS = "#ledger"
    NAVIGABLE = True
    CSS_PATH: ClassVar = [asset_path("tcss", "virtual_table.tcss")]
    HELP_TITLE = "tui.help.ledger_title"
    HELP_INTRO = "tui.help.ledger_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "tui.key.open"),
        Binding("x", "export", "tui.key.export"),
        Binding("f", "focus_filters", "tui.key.filter"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="ledger-screen")
        translate_bindings(self)
        self.store = store
        self.views: list[ProblemView] = []

    def compose(self) -> ComposeResult:
        statuses = [(t("tui.ledger.open"), "open"), (t("tui.ledger.overdue_only"), "overdue")]
        statuses += [(label("status", s), s) for s in STATUSES]
        yield TitleBar()
        with Horizontal(id="ledger-filters"):
            yield self._select("filter-status", t("tui.ledger.all_status"), statuses)
            yield self._select("filter-category", t("tui.ledger.all_categories"), [])  # the packs' too: reload
            yield self._select("filter-month", t("tui.ledger.all_months"), [])
            yield self._select("filter-household", t("tui.ledger.all_households"), [])
        yield VirtualTable(
            [
                Column("reported", t("tui.ledger.col.reported"), width=10),
                # sized to what they hold, giving up cells to the description's minimum on a narrow screen
                Column("status", t("tui.ledger.col.status"), shrink_to=8),
                Column("category", t("tui.ledger.col.category"), shrink_to=6),
                Column("place", t("tui.ledger.col.place"), shrink_to=8),
                Column("description", t("tui.ledger.col.description"), flex=True, min_width=10),
            ],
            empty_text=t("tui.ledger.empty"),
            id="ledger",
        )
        yield Static("", id="ledger-status")
        yield KeyBar()

    @staticmethod
    def _select(ident: str, everything: str, options: list[tuple[str, str]]) -> Select[str]:
        return Select([(everything, ANY), *options], value=ANY, allow_blank=False, id=ident, compact=True)

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#ledger", VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = t("tui.ledger.subtitle")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.views = self.store.problems()
        households = self.store.households()
        self.rooms = {h.id: f"{h.room} {h.head_name}".strip() for h in households}
        months = sorted({v.reported_at[:7] for v in self.views}, reverse=True)
        categories = category_options(self.store, *sorted({v.report.category for v in self.views}))
        self._set_options("#filter-category", t("tui.ledger.all_categories"), categories)
        self._set_options("#filter-month", t("tui.ledger.all_months"), [(m, m) for m in months])
        self._set_options(
            "#filter-household",
            t("tui.ledger.all_households"),
            [(self.rooms[h.id], h.id) for h in households if not h.is_vacant],
        )
        self.apply_filter()

    def _set_options(self, selector: str, everything: str, options: list[tuple[str, str]]) -> None:
        select = self.query_one(selector, Select)
        keep = select.value
        select.set_options([(everything, ANY), *options])
        select.value = keep if keep in {ANY, *(code for _, code in options)} else ANY

    def _filter(self, selector: str) -> str:
        value = self.query_one(selector, Select).value
        return ANY if value is Select.NULL else str(value)

    def apply_filter(self) -> None:
        today = self.store.now().date()
        status, category = self._filter("#filter-status"), self._filter("#filter-category")
        month, household = self._filter("#filter-month"), self._filter("#filter-household")
        shown = [
            v
            for v in self.views
            if (
                status == ANY
                or (status == "open" and v.is_open)
                or (status == "overdue" and v.overdue(today))
                or v.status == status
            )
            and (category == ANY or v.report.category == category)
            and (month == ANY or v.reported_at.startswith(month))
            and (household == ANY or v.report.household_id == household)
        ]
        rows = [
            TonedRow(
                v.id,
                (
                    v.reported_at[:10],
                    status_label(v, today),
                    label("category", v.report.category),
                    place_label(v, self.rooms),
                    v.report.description,
                ),
                deadline_stage(v, today) if deadline_stage(v, today) in ("soon", "overdue") else None,
            )
            for v in shown
        ]
        self.table.set_rows(rows, fit=True)
        overdue = sum(v.overdue(today) for v in shown)
        self.query_one("#ledger-status", Static).update(
            t("tui.ledger.count", shown=len(shown), total=len(self.views), overdue=overdue)
        )

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.apply_filter()

    @on(VirtualTable.RowSelected, "#ledger")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_problem(str(event.key))

    def action_open(self) -> None:
        if self.table.cursor_key is not None:
            self.open_problem(str(self.table.cursor_key))

    def open_problem(self, problem_id: str) -> None:
        from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen

        self.app.push_screen(ProblemDetailScreen(self.store, problem_id))

    def action_focus_filters(self) -> None:
        self.query_one("#filter-status", Select).focus()

    def action_back(self) -> None:
        if self.focused is not self.table:
            self.table.focus()
        else:
            self.app.action_home()  # type: ignore[attr-defined]

    def action_export(self) -> None:
        from fieldgrid.tui.ledger.export_dialog import ExportDialog

        month = self._filter("#filter-month")
        self.app.push_screen(ExportDialog(self.store, month if month != ANY else None))
