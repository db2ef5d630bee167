"""The shape of the station's list screens: a title, a table, a detail pane about the row under the cursor, the
key bar.  Subclasses give the columns, :meth:`ListScreen.reload` and, if they like, :meth:`ListScreen.detail`."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Select, Static

from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


class ListScreen(Screen[None]):
    """A titled table with the keys of its screen and a pane below it about the highlighted row (each subclass
    binds its keys, ``escape`` → :meth:`action_back` last)."""

    AUTO_FOCUS = ".station-table"
    FIRST_FILTER: ClassVar[str] = ""  # the id of the first filter (a Select) above the table, for those that have


    def __init__(self, db: StationDB, title: str, columns: list[Column], empty: str) -> None:
        super().__init__(classes="station-list")
        translate_bindings(self)
        self.db = db
        self.title_text = title
        self.columns = columns
        self.empty = empty

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield from self.above()
        yield VirtualTable(self.columns, empty_text=self.empty, classes="station-table")
        yield Static(classes="station-detail")
        yield KeyBar()

    def above(self) -> ComposeResult:
        """Anything between the title and the table (a summary, filters)."""
        yield from ()

    @property
    def table(self) -> VirtualTable:
        return self.query_one(VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = self.title_text
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def detail(self, key: Hashable | None) -> RenderableType:
        """What the pane below the table says about the row ``key`` (``None``: no row)."""
        return ""

    def show_detail(self) -> None:
        """The pane about the row under the cursor; hidden while it has nothing to say."""
        pane = self.query_one(".station-detail", Static)
        content = self.detail(self.table.cursor_key)
        pane.update(content)
        pane.display = bool(content)

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.reload()

    def action_focus_filters(self) -> None:
        self.query_one(f"#{self.FIRST_FILTER}", Select).focus()

    def action_back(self) -> None:
        """``escape``: from a filter back to the table; from the table, close the screen."""
        if self.FIRST_FILTER and self.focused is not self.table:
            self.table.focus()
        else:
            self.dismiss(None)
