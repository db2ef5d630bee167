"""The station's log (``l``): every import, refusal and why, return, notice, decision and enrolment, with the time —
newest first, by leader and by period — so the operator can tell a leader why his stick was refused.  The entry
under the cursor is shown in full below the table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Select

from fieldgrid.i18n import t
from fieldgrid.model.profile import unit_title
from fieldgrid.tui.station import clock
from fieldgrid.tui.station.list_screen import ListScreen
from fieldgrid.tui.widgets.virtual_table import Column, Row, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.station.db import LogEntry, StationDB

ANY = "*"
KINDS = ("accepted", "duplicate", "refused", "held", "return", "notice", "enroll", "decision", "revoke")
PERIODS = {"today": 0, "week": 7, "month": 30}  # days back from today


def grid_unit(grid: dict[str, str]) -> str:
    """A leader's building and unit, titled as everywhere (6栋3单元)."""
    return unit_title("", grid.get("building", ""), grid.get("unit", ""))


def message(entry: LogEntry) -> str:
    """The entry in words: what was done, or why a bundle was refused (in the reader's language)."""
    return t(entry.key, **entry.params)


class LogScreen(ListScreen):
    HELP_TITLE = "tui.station.log_help_title"
    HELP_INTRO = "tui.station.log_help_intro"
    FIRST_FILTER = "log-device"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "read", "tui.key.read_whole"),
        Binding("f", "focus_filters", "tui.key.filter"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB) -> None:
        event = max(cell_len(t(f"station.log.kind.{k}")) for k in KINDS)
        super().__init__(db, t("tui.station.log_title"), [
            Column("time", t("station.col.time"), width=11),
            Column("event", t("station.col.event"), width=event),
            Column("leader", t("tui.station.col.leader"), width=8),
            Column("message", t("station.col.message"), flex=True, min_width=10),
        ], t("tui.station.log_empty"))  # fmt: skip
        self.entries: dict[int, LogEntry] = {}
        self.devices = {d.device_id: d for d in db.devices()}

    def above(self) -> ComposeResult:
        leaders = [(f"{d.leader} {grid_unit(d.grid)}", d.device_id)
                   for d in self.devices.values() if d.grid.get("level") != "station"]  # fmt: skip
        periods = [(t(f"tui.station.log_{p}"), p) for p in PERIODS]
        with Horizontal(id="log-filters", classes="station-filters"):
            yield Select([(t("tui.station.all_leaders"), ANY), *leaders], value=ANY, allow_blank=False,
                         id="log-device", compact=True)  # fmt: skip
            yield Select([(t("tui.station.log_any_time"), ANY), *periods], value=ANY, allow_blank=False,
                         id="log-period", compact=True)  # fmt: skip

    def _filter(self, ident: str) -> str | None:
        value = self.query_one(f"#{ident}", Select).value
        return None if value in (ANY, Select.NULL) else str(value)

    def reload(self) -> None:
        period = self._filter("log-period")
        since = None
        if period is not None:
            start = clock.today() - dt.timedelta(days=PERIODS[period])
            since = dt.datetime(start.year, start.month, start.day).timestamp()
        found = list(reversed(self.db.log_entries(since, self._filter("log-device"))))  # newest first
        self.entries = {e.n: e for e in found}
        self.table.set_rows([Row(e.n, self.cells(e)) for e in found])
        self.show_detail()

    def _leader(self, device_id: str) -> str:
        device = self.devices.get(device_id)
        return device.leader if device is not None else (device_id[:8] or "—")

    def cells(self, entry: LogEntry) -> tuple[str, ...]:
        when = dt.datetime.fromtimestamp(entry.at).strftime("%m-%d %H:%M")
        return (when, t(f"station.log.kind.{entry.kind}"), self._leader(entry.device), message(entry))

    @on(VirtualTable.RowSelected)
    def _selected(self) -> None:
        self.action_read()

    def action_read(self) -> None:
        """The entry under the cursor whole (a notice of the station's, a refusal and its reason)."""
        from fieldgrid.tui.widgets.read_whole import ReadWhole

        content = self.detail(self.table.cursor_key)
        if content:
            self.app.push_screen(ReadWhole(t("tui.station.log_title"), content))

    def detail(self, key: Hashable | None) -> RenderableType:
        entry = self.entries.get(int(str(key))) if key is not None else None
        if entry is None:
            return ""
        device = self.devices.get(entry.device)
        who = f"{device.leader} {grid_unit(device.grid)}" if device else ""
        when = dt.datetime.fromtimestamp(entry.at).strftime("%Y-%m-%d %H:%M:%S")
        text = Text()
        text.append(f"{when}  {t(f'station.log.kind.{entry.kind}')}  {who}\n", style="bold")
        if entry.file:
            text.append(entry.file + "\n", style="dim")
        text.append(message(entry), style="bold red" if entry.kind == "refused" else "")
        return text

