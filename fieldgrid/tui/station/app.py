"""``fieldgrid --home STATION station ui``: the operator's terminal.

The first screen is the community's dashboard (:mod:`.dashboard`); each screen is a module of this package.  Help
(``?``) lists the keys of the screen in the user's language — ours only, never Textual's own English ones — and
the command palette (``ctrl+p``) is translated and offers every key of the screen by name.

An encrypted station (:mod:`fieldgrid.station.seal`) is opened behind the device's PIN screen
(:class:`~fieldgrid.tui.lock.pin_screen.PinScreen`), asking for the station's passphrase: nothing of the
station's data is read before it is right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from fieldgrid.assets import asset_path
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_bindings

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.seal import StationKey
    from fieldgrid.tui.lock.pin_screen import PinChecker

STYLESHEETS = ("app.tcss", "virtual_table.tcss", "station.tcss")
APP_ACTIONS = frozenset({"help", "quit", "command_palette"})  # listed by name below, once


class StationApp(App[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", name) for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE: ClassVar[bool] = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "tui.key.help"),
        Binding("f1", "help", "tui.key.help", show=False),
        Binding("q", "quit", "tui.key.quit"),
        Binding("ctrl+q", "quit", "tui.key.quit", show=False, priority=True),
    ]

    def __init__(
        self,
        db: StationDB | None,
        *,
        unlocker: PinChecker | None = None,
        opener: Callable[[StationKey], StationDB] | None = None,
        hint: str = "",
    ) -> None:
        """``db`` open, or ``None`` with the ``unlocker`` of an encrypted station and the ``opener`` that opens
        it with its key (on the app's thread: the database is used there)."""
        super().__init__()
        translate_bindings(self)
        self.db = db
        self.unlocker = unlocker
        self.opener = opener
        self.hint = hint
        self.title = t("tui.station.app_title")

    def on_mount(self) -> None:
        if self.db is not None:
            self._show()
            return
        from fieldgrid.tui.lock.pin_screen import PinScreen

        assert self.unlocker is not None
        unlocker = self.unlocker
        screen = PinScreen(unlocker, opener=lambda key: key, hint=self.hint, station=True)
        self.push_screen(screen, self._unlocked)

    def _unlocked(self, key: Any) -> None:
        assert self.opener is not None
        self.db = self.opener(key)
        self._show()

    def _show(self) -> None:
        from fieldgrid.tui.station.dashboard import DashboardScreen

        assert self.db is not None
        self.push_screen(DashboardScreen(self.db))

    def action_help(self) -> None:
        from fieldgrid.tui.common.help import HelpScreen, help_for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(*help_for(self, self.screen)))

    def action_command_palette(self) -> None:
        from fieldgrid.tui.common.palette import open_palette

        open_palette(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from fieldgrid.tui.common.palette import key_commands

        yield from key_commands(self, screen, skip=APP_ACTIONS)
        yield SystemCommand(t("tui.cmd.help"), t("tui.cmd.help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd.theme"), t("tui.cmd.theme_help"), self.action_toggle_dark_theme)
        yield SystemCommand(t("tui.cmd.quit"), t("tui.cmd.quit_help"), self.action_quit)

    def action_toggle_dark_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

