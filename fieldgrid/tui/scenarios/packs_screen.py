"""The scenario packs on this device (场景包; ``ctrl+o`` on the sync screen, or "场景包" in the palette): each
pack's name, version and title, and what it brings — checklists, visit kinds, categories, tags, extra fields.
The built-in vocabulary is the first line.  It only reads: packs come with a return from the station or are
installed with ``fieldgrid scenarios install``."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.i18n import get_language, t
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar


class PacksScreen(Fresh, Screen[None]):
    AUTO_FOCUS = "#packs-body"
    NAVIGABLE = True
    HELP_TITLE = "tui.scenarios.help_title"
    HELP_INTRO = "tui.scenarios.help_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="packs-screen")
        translate_bindings(self)
        self.store = store

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="packs-body"):
            yield Static(id="packs-list")
            yield Static(Text(t("tui.scenarios.how"), style="dim"), id="packs-how")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.scenarios.title")
        self.redraw()

    def redraw(self) -> None:
        self.drawn()
        lang = "en" if get_language() == "en" else "zh"
        vocabulary = self.store.vocabulary()
        table = Table.grid(padding=(0, 2))
        table.add_column(t("tui.scenarios.col.name"), no_wrap=True)
        table.add_column(t("tui.scenarios.col.version"), justify="right", no_wrap=True)
        table.add_column(t("tui.scenarios.col.title"))
        table.show_header = True
        table.header_style = "bold"
        for pack in vocabulary.packs:
            builtin = pack is vocabulary.default
            name = t("tui.scenarios.builtin") if builtin else pack.name
            contents = t("tui.scenarios.contents", checklists=len(pack.checklists), kinds=len(pack.visit_kinds),
                         categories=len(pack.categories), tags=len(pack.tags), fields=len(pack.fields))  # fmt: skip
            title = Text(pack.title.label(lang), style="bold")
            title.append("\n" + contents, style="dim")
            table.add_row(name, t("tui.scenarios.version", version=pack.version), title)
        shown = Text(t("tui.scenarios.count", count=len(vocabulary.installed)) + "\n\n")
        self.query_one("#packs-list", Static).update(Group(shown, table))

    def action_back(self) -> None:
        self.dismiss(None)
