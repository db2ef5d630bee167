"""The command palette in the user's language, and commands made from a screen's own keys.

Textual's palette takes a placeholder but writes its "No matches found" line itself (a literal in Textual 8's
``textual/command.py``); :class:`Palette` writes ours instead — the one place that leans on the palette's
internals, checked by the tests.  :func:`key_commands` turns the keys a screen offers into palette commands, so
everything a screen can do can also be found by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, cast

from rich.align import Align
from rich.text import Text
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import is_ours

PALETTE_ID = "--command-palette"


class Palette(CommandPalette):
    """Textual's command palette, every word of it translated."""

    def __init__(self) -> None:
        super().__init__(id=PALETTE_ID, placeholder=t("tui.palette.placeholder"))

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with the line it shows translated.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                line = Align.center(Text(t("tui.palette.no_matches"), style="not bold"))
                self.query_one(CommandList).add_option(Option(line, disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def open_palette(app: App[Any]) -> None:
    """Open the palette unless it is open already (Textual types ``is_open`` for ``App[object]``)."""
    if app.use_command_palette and not CommandPalette.is_open(cast("App[object]", app)):
        app.push_screen(Palette())


def key_commands(app: App[Any], screen: Screen[Any], skip: frozenset[str] = frozenset()) -> Iterator[SystemCommand]:
    """A command for each of our keys of ``screen`` and of the app (not those of the focused widget, which move
    its cursor) that can be used now, named as the key bar and the help name it, doing what pressing the key
    does; ``skip`` leaves out actions the caller lists itself."""
    seen: set[str] = set()
    for node in (screen, app):
        for _, binding in node._bindings:
            if not is_ours(binding) or not binding.description or binding.action in skip:
                continue
            _, name, params = parse_action(binding.action)
            if binding.description in seen or node.check_action(name, params) is not True:
                continue
            seen.add(binding.description)
            shown = app.get_key_display(binding)
            run = partial(app.run_action, binding.action, node)
            yield SystemCommand(binding.description, t("tui.palette.key", shortcut=shown), run)
