"""The escalation queue (``e``): every problem escalated to the community or the street that awaits an answer,
and every one answered that its unit has not closed — overdue first, then the longest waiting — with filters by
unit, answer and due date; ``d`` records the community's decision on the problem under the cursor."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Select

from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import answer_text, escalated_to_text, event_summary
from fieldgrid.model.problem import DECISION_OUTCOMES, URGENCIES
from fieldgrid.station.queue import QUEUE_TARGETS
from fieldgrid.tui.station import clock
from fieldgrid.tui.station.list_screen import ListScreen
from fieldgrid.tui.widgets.virtual_table import Column, Row

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.queue import QueueRow

ANY = "*"
OVERDUE = "overdue"
DETAIL_EVENTS = 4  # the latest events shown under the table (the pane is a few lines high)


def _widest(labels: Iterable[str], title: str) -> int:
    return max(cell_len(s) for s in [*labels, title])


class QueueScreen(ListScreen):
    HELP_TITLE = "tui.station.queue_help_title"
    HELP_INTRO = "tui.station.queue_help_intro"
    FIRST_FILTER = "queue-unit"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "decide", "tui.station.key_decide"),
        Binding("f", "focus_filters", "tui.key.filter"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB, unit: str | None = None) -> None:
        urgency = _widest([label("urgency", u) for u in URGENCIES], t("queue.col.urgency"))
        to = _widest([escalated_to_text(e) for e in QUEUE_TARGETS], t("queue.col.to"))
        answer = _widest([answer_text(o) for o in (None, *DECISION_OUTCOMES)], t("queue.col.answer"))
        super().__init__(db, t("queue.title"), [
            Column("code", t("queue.col.code"), width=8),
            Column("unit", t("queue.col.unit"), flex=True, min_width=8),
            Column("urgency", t("queue.col.urgency"), width=urgency),
            Column("to", t("queue.col.to"), width=to),
            Column("waiting", t("queue.col.waiting"), width=4, justify="right"),
            Column("due", t("queue.col.due"), width=7),
            Column("answer", t("queue.col.answer"), width=answer),
        ], t("queue.none"))  # fmt: skip
        self.unit = unit
        self.rows: dict[str, QueueRow] = {}

    def above(self) -> ComposeResult:
        from fieldgrid.station.units import grid_label

        units = sorted({grid_label(d.grid) for d in self.db.devices()})
        with Horizontal(id="queue-filters", classes="station-filters"):
            yield Select([(t("tui.station.all_units"), ANY), *((u, u) for u in units)], value=self.unit or ANY,
                         allow_blank=False, id="queue-unit", compact=True)  # fmt: skip
            yield Select([(t("tui.station.any_answer"), ANY), (t("queue.state.awaiting"), "awaiting"),
                          (t("queue.state.decided"), "decided")], value=ANY, allow_blank=False, id="queue-state",
                         compact=True)  # fmt: skip
            yield Select([(t("tui.station.any_due"), ANY), (t("tui.station.overdue_only"), OVERDUE)], value=ANY,
                         allow_blank=False, id="queue-due", compact=True)  # fmt: skip

    def _filter(self, ident: str) -> str | None:
        value = self.query_one(f"#{ident}", Select).value
        return None if value in (ANY, Select.NULL) else str(value)

    def reload(self) -> None:
        from fieldgrid.station.queue import escalation_queue

        unit = self._filter("queue-unit")
        found = escalation_queue(self.db, clock.today(), unit=unit, overdue_only=self._filter("queue-due") == OVERDUE,
                                 state=self._filter("queue-state"))  # fmt: skip
        if unit is not None:
            found = [r for r in found if r.unit == unit]  # the whole label, not only its end
        self.rows = {r.problem_id: r for r in found}
        self.table.set_rows([Row(r.problem_id, self.cells(r)) for r in found])
        self.show_detail()

    @staticmethod
    def cells(row: QueueRow) -> tuple[str, ...]:
        due = row.due.strftime("%m-%d") + ("!!" if row.overdue else "")
        return (row.code, row.unit, label("urgency", row.urgency), escalated_to_text(row.escalated_to),
                t("queue.days", days=row.days_waiting), due, answer_text(row.outcome))  # fmt: skip

    def detail(self, key: Hashable | None) -> RenderableType:
        row = self.rows.get(str(key)) if key is not None else None
        if row is None:
            return ""
        view = row.view
        text = Text()
        text.append(f"{row.code}  ", style="bold")
        text.append(f"{label('category', view.report.category)} · {view.report.description}\n", style="bold")
        text.append(t("tui.station.queue_facts", leader=row.leader, due=row.due.isoformat(),
                      reported=view.reported_at[:10]) + "\n")  # fmt: skip
        for event in view.events[-DETAIL_EVENTS:]:
            text.append(f"{event.at.replace('T', ' ')}  ", style="dim")
            text.append(f"{event_summary(event)}\n")
        return text


    def action_decide(self) -> None:
        from fieldgrid.tui.station.decision_form import DecisionForm

        row = self.rows.get(str(self.table.cursor_key))
        if row is not None:
            self.app.push_screen(DecisionForm(self.db, row))
