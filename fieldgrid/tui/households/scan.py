"""Scan to open: a USB barcode scanner "types" a household code (``FG1-…``) and presses Enter.  Anywhere in the
app, the code's first character opens this small catcher, which takes the rest and opens the household — or
says the code is not one of this unit's, or not a fieldgrid code at all."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.cards.payload import code_body, household_code
from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings


class ScanScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]
    AUTO_FOCUS = "#scan-input"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "tui.key.close")]

    def __init__(self, store: Store, typed: str) -> None:
        super().__init__(classes="dialog-screen")
        translate_bindings(self)
        self.store = store
        self.typed = typed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("tui.scan.title"), classes="dialog-title")
            yield Input(self.typed, id="scan-input", compact=True)

    def on_mount(self) -> None:
        field = self.query_one("#scan-input", Input)
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#scan-input")
    def _scanned(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss(None)
        body = code_body(text)
        if body is None:
            self.app.notify(t("tui.scan.foreign", code=text), severity="warning")
            return
        match = next((h for h in self.store.households() if code_body(household_code(h.id)) == body), None)
        if match is None:
            self.app.notify(t("tui.scan.unknown", code=text), severity="warning")
            return
        from fieldgrid.tui.households.household_detail import HouseholdDetailScreen

        self.app.push_screen(HouseholdDetailScreen(self.store, match.id))

    def action_close(self) -> None:
        self.dismiss(None)
