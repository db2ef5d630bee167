"""The PIN screen: at start, before a home with a PIN is opened, and as the idle lock over whatever was open.

It shows nothing of the unit's data — not the leader's name, not the unit — only the request for the PIN, what
went wrong with the last one, and how to quit.  The PIN is checked (Argon2id, a fraction of a second) in a
thread, so the screen stays responsive; wrong PINs count toward the wait like on the command line.

The station's terminal asks for the station's passphrase on the same screen (``station=True``: its own words,
and an unlocker of :mod:`fieldgrid.station.seal`, which has the same two methods).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t

# The words of the screen: the device's PIN, or the station's passphrase.
DEVICE_WORDS = {"title": "tui.lock.title_start", "text": "tui.lock.text_start", "placeholder": "tui.lock.placeholder",
                "checking": "tui.lock.checking"}  # fmt: skip
STATION_WORDS = {"title": "passphrase.tui.title", "text": "passphrase.tui.text",
                 "placeholder": "passphrase.tui.placeholder", "checking": "passphrase.tui.checking"}  # fmt: skip


class PinChecker(Protocol):
    """What the screen needs of an unlocker: :class:`fieldgrid.store.pin.Unlocker`, or the station's."""

    def wait_left(self) -> float: ...

    def try_pin(self, pin: str) -> Any: ...


class PinScreen(Screen[Any]):
    """At start (``opener`` given) it opens the store with the key and dismisses with it; as the idle lock
    (``locked``) it dismisses with ``None`` once the PIN is right.  ``hint`` is shown under the field (the demo
    says its PIN there)."""

    CSS_PATH: ClassVar = [asset_path("tcss", "lock.tcss")]
    AUTO_FOCUS = "#pin-input"

    def __init__(
        self,
        unlocker: PinChecker,
        *,
        opener: Callable[[Any], Any] | None = None,
        locked: bool = False,
        hint: str = "",
        station: bool = False,
    ) -> None:
        super().__init__(classes="pin-screen")
        self.words = STATION_WORDS if station else DEVICE_WORDS
        self.unlocker = unlocker
        self.opener = opener
        self.locked = locked
        self.hint = hint
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="pin-box"):
            yield Static(t("tui.lock.title_locked" if self.locked else self.words["title"]), classes="pin-title")
            yield Static(t("tui.lock.text_locked" if self.locked else self.words["text"]), classes="pin-text")
            yield Input(password=True, id="pin-input", compact=True, placeholder=t(self.words["placeholder"]))
            yield Static("", id="pin-message", classes="pin-message", markup=False)
            if self.hint:
                yield Static(self.hint, id="pin-hint", classes="pin-hint", markup=False)
            yield Static(t("tui.lock.quit"), classes="pin-hint")

    def on_mount(self) -> None:
        left = self.unlocker.wait_left()
        if left > 0:
            self._say(t("pin.wait", seconds=max(1, int(left + 0.999))))

    def _say(self, text: str, *, busy: bool = False) -> None:
        message = self.query_one("#pin-message", Static)
        message.update(text)
        message.set_class(busy, "-busy")

    @on(Input.Submitted, "#pin-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy:
            return
        field = self.query_one("#pin-input", Input)
        pin = field.value
        field.value = ""
        self.busy = True
        self._say(t(self.words["checking"]), busy=True)
        self._check(pin)

    @work(thread=True, exclusive=True, group="pin")
    def _check(self, pin: str) -> None:
        try:
            key = self.unlocker.try_pin(pin)
            store = self.opener(key) if self.opener is not None else None
        except FieldgridError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return
        self.app.call_from_thread(self._unlocked, store)

    def _failed(self, message: str) -> None:
        self.busy = False
        self._say(message)
        self.query_one("#pin-input", Input).focus()

    def _unlocked(self, store: Any) -> None:
        self.busy = False
        self.dismiss(store)
