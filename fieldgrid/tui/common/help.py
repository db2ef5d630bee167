"""The help screen: the keys of the screen it was opened from, in the user's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.i18n import t
from fieldgrid.tui.common.bindings import translate_bindings
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
