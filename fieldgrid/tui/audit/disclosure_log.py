"""The disclosure log (``a`` on the map): every reveal, export, import, card print and erasure on this device,
newest first — when, what, how many persons, through which face — and the retention the device keeps.  It only
reads: the log is append-only, nothing on this screen changes it."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

SHOWN = 200  # the newest entries on screen (``fieldgrid audit list`` prints them all)


class DisclosureLogScreen(Fresh, Screen[None]):
    AUTO_FOCUS = "#audit-body"
    HELP_TITLE = "tui.help.audit_title"
    HELP_INTRO = "tui.help.audit_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="audit-screen")
        translate_bindings(self)
        self.store = store

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="audit-body"):
            yield Static(id="audit-retention")
            yield Static(id="audit-log")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.audit.title")
        self.show()

    def redraw(self) -> None:
        self.show()

    def show(self) -> None:
        self.drawn()
        counts = self.store.retention_counts()
        retention = Text(t("retention.days", days=self.store.retention_days()) + "\n", style="dim")
        if any(counts.values()):
            retention.append(t("retention.counts", **counts) + "\n", style="dim")
        self.query_one("#audit-retention", Static).update(retention)
        entries = self.store.disclosures()
        log = self.query_one("#audit-log", Static)
        if not entries:
            log.update(Text(t("disclosure.none"), style="dim"))
            return
        table = Table.grid(padding=(0, 1))
        for name in ("time", "kind", "what", "persons", "target"):
            table.add_column(t(f"disclosure.col.{name}"), no_wrap=name != "target", justify="right" if name ==
                             "persons" else "left")  # fmt: skip
        table.show_header = True
        table.header_style = "bold"
        for entry in entries[:SHOWN]:
            table.add_row(entry.at[5:16].replace("T", " "), t(f"disclosure.kind.{entry.kind}"),
                          t(f"disclosure.what.{entry.what}"), str(entry.persons), entry.target or "—")  # fmt: skip
        log.update(table)

    def action_back(self) -> None:
        self.dismiss(None)
