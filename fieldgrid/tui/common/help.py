"""The help screen: the keys of the screen it was opened from, in the user's language — ours only (Textual's own
bindings, "Scroll Left", "Focus Next", carry English descriptions and are left out) — for both apps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich import box
from rich.table import Table
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import is_ours, translate_bindings
from fieldgrid.tui.common.protocols import help_keys
from fieldgrid.tui.widgets.key_bar import KeyBar


class HelpScreen(ModalScreen[None]):
    """Lists ``keys`` (``(key as shown, what it does)``) under ``title``, with an optional ``intro``."""

    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "tui.key.back"),
        Binding("question_mark", "close", "tui.key.close", show=False),
        Binding("f1", "close", show=False),
    ]

    def __init__(self, title: str, keys: Sequence[tuple[str, str]], intro: str = "") -> None:
        super().__init__(classes="dialog-screen")
        translate_bindings(self)
        self.title_text = title
        self.keys = list(keys)
        self.intro = intro

    def compose(self) -> ComposeResult:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
        table.add_column(t("tui.help.key"), no_wrap=True, style="bold")
        table.add_column(t("tui.help.action"), ratio=1)
        for key, description in self.keys:
            table.add_row(key, description)
        with Vertical(classes="dialog help"):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                if self.intro:
                    yield Static(self.intro, classes="help-intro", markup=False)
                yield Static(table, classes="help-keys")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)


def help_for(app: App[Any], screen: Screen[Any]) -> tuple[str, list[tuple[str, str]], str]:
    """Title, keys and intro of the help for ``screen``: the screen's own keys first, then the app's, then
    those of the focused widget; keys doing the same thing share a line."""

    def source(node: object) -> int:
        return 0 if node is screen else 1 if node is app else 2

    def declared(node: DOMNode, binding: Binding) -> int:
        return next((n for n, (_, b) in enumerate(node._bindings) if b == binding), 0)

    found: list[tuple[int, bool, int, str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if is_ours(binding) and binding.description:
            found.append(
                (
                    source(active.node),
                    not binding.show,
                    declared(active.node, binding),
                    app.get_key_display(binding),
                    binding.description,
                )
            )
    grouped: dict[str, list[str]] = {}
    for *_, key, description in sorted(found):
        grouped.setdefault(description, []).append(key)
    keys = [(" / ".join(keys), description) for description, keys in grouped.items()]
    title_key, intro_key = help_keys(screen)
    return t(title_key), keys, t(intro_key) if intro_key else ""
