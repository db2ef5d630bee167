"""Small modal dialogs: a yes/no confirmation and a notice that stays until it is dismissed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_bindings


class ConfirmDialog(ModalScreen[bool]):
    """Asks ``question``; dismisses with ``True`` for yes.  ``y``/``n`` answer, escape says no."""

    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "tui.key.yes"),
        Binding("n", "answer(False)", "tui.key.no"),
        Binding("escape", "answer(False)", "tui.key.back"),
    ]

    def __init__(self, question: str, *, yes: str | None = None, danger: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        translate_bindings(self)
        self.question = question
        self.yes_label = yes or t("tui.dialog.yes")
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{self.yes_label} (y)", id="yes", variant="error" if self.danger else "primary", compact=True
                )
                yield Button(f"{t('tui.dialog.no')} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class NoticeDialog(ModalScreen[None]):
    """A message the user must acknowledge (e.g. the database was moved aside); stays until dismissed."""

    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "tui.key.close"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog-screen")
        translate_bindings(self)
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notice"):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.dialog.ok"), id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def leave_form(screen: Screen, dirty: bool) -> None:
    """Close a form: at once when nothing was changed, else after the user agrees to throw the changes away."""
    if not dirty:
        screen.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            screen.dismiss(None)

    screen.app.push_screen(ConfirmDialog(t("tui.form.discard"), yes=t("tui.form.discard_yes"), danger=True), answered)
