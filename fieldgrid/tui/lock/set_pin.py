"""Setting a PIN from the terminal UI: offered once at first run, right after the leader's profile (escape
skips it), and in the command palette while the home has none.  The store is then encrypted in place, in one
atomic write, and the app locks itself after the idle minutes."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.store.crypto import SealKey, check_new_pin
from fieldgrid.tui.common.bindings import translate_bindings


class SetPinScreen(Screen[bool]):
    """Dismisses with ``True`` once the store is encrypted with the new PIN, ``False`` when skipped."""

    CSS_PATH: ClassVar = [asset_path("tcss", "lock.tcss")]
    AUTO_FOCUS = "#pin-new"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "skip", "tui.lock.skip")]
    HELP_TITLE = "tui.lock.set_title"

    def __init__(self, store: Store) -> None:
        super().__init__(classes="pin-screen")
        translate_bindings(self)
        self.store = store
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="pin-box"):
            yield Static(t("tui.lock.set_title"), classes="pin-title")
            yield Static(t("tui.lock.set_text", minutes=self.store.lock_minutes()), classes="pin-text")
            yield Input(password=True, id="pin-new", compact=True, placeholder=t("tui.lock.set_new"))
            yield Input(password=True, id="pin-again", compact=True, placeholder=t("tui.lock.set_again"))
            yield Static("", id="pin-message", classes="pin-message", markup=False)
            yield Static(t("tui.lock.set_keys"), classes="pin-hint")

    def _say(self, text: str, *, busy: bool = False) -> None:
        message = self.query_one("#pin-message", Static)
        message.update(text)
        message.set_class(busy, "-busy")

    @on(Input.Submitted, "#pin-new")
    def _first(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            check_new_pin(event.value)
        except FieldgridError as exc:
            self._say(t(exc.key, **exc.params))
            return
        self._say("")
        self.query_one("#pin-again", Input).focus()

    @on(Input.Submitted, "#pin-again")
    def _second(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy:
            return
        new = self.query_one("#pin-new", Input)
        again = self.query_one("#pin-again", Input)
        try:
            pin = check_new_pin(new.value)
            if check_new_pin(again.value) != pin:
                raise FieldgridError("pin.mismatch")
        except FieldgridError as exc:
            new.value = again.value = ""
            new.focus()
            self._say(t(exc.key, **exc.params))
            return
        new.value = again.value = ""
        self.busy = True
        self._say(t("tui.lock.sealing"), busy=True)
        self._seal(pin)

    @work(thread=True, exclusive=True, group="pin")
    def _seal(self, pin: str) -> None:
        try:
            self.store.seal(SealKey.new(pin))
        except FieldgridError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _failed(self, message: str) -> None:
        self.busy = False
        self._say(message)

    def action_skip(self) -> None:
        if not self.busy:
            self.dismiss(False)
