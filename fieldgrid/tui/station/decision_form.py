"""The community's decision on an escalated problem (``d`` in the queue): 已解决, 处理中 or 无法解决 and what to
tell the unit; it goes back to the unit leader with the next return bundle.  The problem it is about — code,
unit, what was reported and why it was escalated — is shown above the fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import event_summary
from fieldgrid.model.problem import DECISION_OUTCOMES
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.station import clock
from fieldgrid.tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.queue import QueueRow


class DecisionForm(FieldFormScreen[dict]):
    HELP_TITLE = "tui.station.decide_help_title"
    HELP_INTRO = "tui.station.decide_help_intro"

    def __init__(self, db: StationDB, row: QueueRow) -> None:
        super().__init__(db, t("tui.station.decide_title", code=row.code))  # type: ignore[arg-type]
        self.db = db
        self.row = row

    def intro(self) -> ComposeResult:
        row = self.row
        text = Text()
        text.append(f"{row.code}  {row.unit}\n", style="bold")
        text.append(f"{label('category', row.view.report.category)} · {row.view.report.description}\n")
        text.append(event_summary(row.escalated), style="dim")
        yield Static(text, id="decision-problem")

    def fields(self) -> Iterable[FormField | Widget]:
        yield choice_field("outcome", t("tui.event.outcome"), [(label("outcome", c), c) for c in DECISION_OUTCOMES])
        yield text_field("text", t("tui.event.decision_text"), area=True)

    def submit(self) -> dict[str, Any]:
        from fieldgrid.station.exchange import StationClock, decide

        outcome, text = self.value("outcome"), self.value("text")
        doc = decide(self.db, StationClock(self.db), self.row.problem_id, outcome, text, clock.now_minute())
        self.app.notify(t("tui.station.decided"))
        return doc
