"""Emergencies come first: before any form, the number to call and who to notify.

``!`` from anywhere asks which emergency (``1`` fire, ``2`` gas, ``3`` medical, ``4`` violence), then shows
the number in large type — 119, 120 or 110 — with the checklist "notify the property company, notify the
community".  ``enter`` then opens the problem form, already marked 紧急, to fill in the record afterwards.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import label, t
from fieldgrid.model.ledger import EMERGENCY_KINDS
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings

KINDS = tuple(EMERGENCY_KINDS)


class EmergencyScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]
    HELP_TITLE = "tui.help.emergency_title"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"choose({n - 1})", f"tui.emergency.key_{kind}", show=False)
            for n, kind in enumerate(KINDS, 1)
        ),
        Binding("enter", "record", "tui.key.record_emergency"),
        Binding("escape", "close", "tui.key.close"),
    ]

    def __init__(
        self, store: Store, *, kind: str | None = None, household_id: str | None = None, then_report: bool = True
    ) -> None:
        super().__init__(classes="dialog-screen", id="emergency")
        translate_bindings(self)
        self.store = store
        self.kind = kind
        self.household_id = household_id
        self.then_report = then_report

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog emergency"):
            yield Static(id="emergency-body")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        text = Text()
        if self.kind is None:
            text.append(t("tui.emergency.which") + "\n\n", style="bold")
            for n, kind in enumerate(KINDS, 1):
                text.append(f"  {n}  ", style="bold reverse")
                text.append(f" {label('emergency', kind)} → {EMERGENCY_KINDS[kind]}\n")
        else:
            number = EMERGENCY_KINDS[self.kind]
            text.append(t("tui.emergency.call", what=label("emergency", self.kind)) + "\n\n", style="bold")
            text.append(f"   {number}   ", style="bold white on red")
            text.append("\n\n")
            for step in ("tui.emergency.step_call", "tui.emergency.step_property", "tui.emergency.step_community"):
                text.append("  □ " + t(step, number=number) + "\n")
            text.append("\n")
            key = "tui.emergency.then_record" if self.then_report else "tui.emergency.then_back"
            text.append(t(key), style="dim")
        self.query_one("#emergency-body", Static).update(text)

    def action_choose(self, index: int) -> None:
        if self.kind is None:
            self.kind = KINDS[index]
            self.show()

    def action_record(self) -> None:
        if self.kind is None:
            return
        self.dismiss(None)
        if self.then_report:
            from fieldgrid.tui.ledger.problem_form import ProblemFormScreen

            self.app.push_screen(ProblemFormScreen(self.store, household_id=self.household_id, emergency=self.kind))

    def action_close(self) -> None:
        self.dismiss(None)
