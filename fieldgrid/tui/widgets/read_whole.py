"""Read the whole of a text a list shows cut: a modal with a title and the text wrapped, scrolling when longer
than the screen.  Any list whose rows are cut opens it with ``enter`` (the station's log and its notices), the
map opens the station's notices with ``n``; ``escape``, ``enter`` or ``q`` closes it.

``ReadWhole(title, text)``: ``text`` is a string (shown as written, never as markup) or a Rich renderable.
Styles: ``assets/tcss/dialogs.tcss`` (``.dialog.read-whole``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from fieldgrid.assets import asset_path
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.key_bar import KeyBar


class ReadWhole(ModalScreen[None]):
    """``title`` above ``text`` in full; the arrow and page keys scroll it."""

    CSS_PATH: ClassVar = [asset_path("tcss", "dialogs.tcss")]
    AUTO_FOCUS = ".dialog-body"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "tui.key.back"),
        Binding("enter", "close", "tui.key.close", show=False),
        Binding("q", "close", "tui.key.close", show=False),
    ]

    def __init__(self, title: str, text: RenderableType) -> None:
        super().__init__(classes="dialog-screen")
        translate_bindings(self)
        self.title_text = title
        self.text = Text(text) if isinstance(text, str) else text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog read-whole"):
            yield Static(Text(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self.text, classes="read-whole-text")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
