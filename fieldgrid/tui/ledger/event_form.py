"""One step in a problem's life, as a small form: a note, handled on the spot, escalated, the decision that
came back, feedback to residents, closing (solved, or cannot be solved with its notice), reopening.

The store appends it to the problem's log only if the rules allow it now; a refusal (closing before the
residents were told) is shown in the user's language and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget

from fieldgrid.i18n import label, t
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.problem import DECISION_OUTCOMES, ESCALATION_TARGETS, FEEDBACK_CHANNELS
from fieldgrid.store import Store
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.field_work.visit_form import parse_when, when_text
from fieldgrid.tui.widgets.form_field import FormField

KINDS = ("note", "handled", "escalated", "decision", "feedback", "closed", "reopened")


class EventFormScreen(FieldFormScreen[ProblemView]):
    HELP_TITLE = "tui.help.event_title"

    def __init__(self, store: Store, view: ProblemView, kind: str, *, resolution: str = "solved") -> None:
        super().__init__(store, t("tui.event.title", kind=label("event", kind), description=view.report.description))
        self.view = view
        self.kind = kind
        self.resolution = resolution

    def _who(self) -> str:
        if self.view.report.household_id:
            try:
                return self.store.household(self.view.report.household_id).head_name
            except Exception:  # deleted since: fall back to whoever reported it
                pass
        return self.view.report.reporter

    def fields(self) -> Iterable[FormField | Widget]:
        kind = self.kind
        if kind == "escalated":
            yield choice_field(
                "to", t("tui.event.to_escalate"), [(label("escalation", c), c) for c in ESCALATION_TARGETS]
            )
            yield text_field("reason", t("tui.event.reason"), area=True)
        elif kind == "decision":
            yield choice_field("outcome", t("tui.event.outcome"), [(label("outcome", c), c) for c in DECISION_OUTCOMES])
            yield text_field("text", t("tui.event.decision_text"), area=True)
        elif kind == "feedback":
            yield text_field("to", t("tui.event.to_tell"), self._who())
            yield choice_field("how", t("tui.event.how"), [(label("channel", c), c) for c in FEEDBACK_CHANNELS])
            yield text_field("text", t("tui.event.feedback_text"), area=True)
        elif kind == "closed":
            yield choice_field(
                "resolution",
                t("tui.event.resolution"),
                [(t("tui.event.solved"), "solved"), (t("tui.event.unsolvable"), "unsolvable")],
                self.resolution,
            )
            yield text_field("notice", t("tui.event.notice"), area=True, hint=t("tui.event.notice_hint"))
            yield text_field("text", t("tui.event.close_text"))
        elif kind == "reopened":
            yield text_field("reason", t("tui.event.reason"), area=True)
        else:
            yield text_field("text", t(f"tui.event.{kind}_text"), area=True)
        yield text_field("at", t("tui.event.at"), when_text(self.store.now().isoformat(timespec="minutes")))

    def submit(self) -> ProblemView:
        data: dict[str, Any] = {name: self.value(name) for name in self.form_fields if name != "at"}
        if self.kind == "closed" and data.get("resolution") != "unsolvable":
            data.pop("notice", None)
        view = self.store.add_event(self.view.id, self.kind, data, parse_when(self.value("at")))
        self.app.notify(t("tui.event.saved", kind=label("event", self.kind), status=label("status", view.shown_status)))
        return view
