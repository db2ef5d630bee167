"""One line of the patrol checklist: the item, OK or not, what was found, and whether to report it.

Typing a finding marks the item not OK; ``ctrl+r`` (on the form) or the last checkbox turns the finding into
a problem when the patrol is saved.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label

from fieldgrid.i18n import label, t
from fieldgrid.tui.widgets.ticks import TickBox


def item_label(code: str) -> str:
    """A built-in item's or a scenario pack's item's label; a leader's own item as typed."""
    return label("patrol_item", code)


class PatrolRow(Horizontal):
    def __init__(self, code: str) -> None:
        super().__init__(classes="patrol-row")
        self.code = code

    def compose(self) -> ComposeResult:
        yield Label(item_label(self.code), classes="patrol-item")
        yield TickBox(t("tui.patrol.ok"), True, compact=True, classes="patrol-ok")
        yield Input(placeholder=t("tui.patrol.finding_placeholder"), compact=True, classes="patrol-finding")
        yield TickBox(t("tui.patrol.report"), False, compact=True, classes="patrol-report")

    @property
    def ok_box(self) -> Checkbox:
        return self.query_one(".patrol-ok", Checkbox)

    @property
    def finding_input(self) -> Input:
        return self.query_one(".patrol-finding", Input)

    @property
    def report_box(self) -> Checkbox:
        return self.query_one(".patrol-report", Checkbox)

    @property
    def ok(self) -> bool:
        return self.ok_box.value

    @property
    def finding(self) -> str:
        return self.finding_input.value

    @property
    def report(self) -> bool:
        return self.report_box.value and not self.ok

    @on(Input.Changed, ".patrol-finding")
    def _typed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.ok_box.value = False

    @on(Checkbox.Changed, ".patrol-report")
    def _reporting(self, event: Checkbox.Changed) -> None:
        if event.value:
            self.ok_box.value = False

    def toggle_report(self) -> None:
        self.report_box.value = not self.report_box.value

    def set_error(self, message: str) -> None:
        self.set_class(bool(message), "-invalid")
        self.finding_input.tooltip = message or None
