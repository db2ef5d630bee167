"""What an import did, bundle by bundle — accepted, duplicate or refused and why — on screen until the operator
dismisses it, so a refusal can be read out to the leader whose stick it was."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from fieldgrid.i18n import t
from fieldgrid.model.profile import unit_title
from fieldgrid.tui.station.list_screen import ListScreen
from fieldgrid.tui.widgets.virtual_table import Column, Row

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.exchange import Outcome

RESULTS = ("accepted", "duplicate", "refused")


class ImportResultsScreen(ListScreen):
    HELP_TITLE = "tui.station.results_help_title"
    HELP_INTRO = "tui.station.results_help_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.close"),
        Binding("enter", "back", "tui.key.close", show=False),
    ]

    def __init__(self, db: StationDB, outcomes: Sequence[Outcome]) -> None:
        result_width = max(cell_len(t(f"station.result.{r}")) for r in RESULTS)
        super().__init__(db, t("tui.station.results_title"), [
            Column("result", t("tui.station.col.result"), width=result_width),
            Column("unit", t("tui.station.col.from"), width=18),
            Column("records", t("tui.station.col.records"), width=5, justify="right"),
            Column("file", t("tui.station.col.file"), flex=True, min_width=10),
        ], t("tui.station.results_none"))  # fmt: skip
        self.outcomes = list(outcomes)

    def above(self) -> ComposeResult:
        counts = {s: sum(o.status == s for o in self.outcomes) for s in RESULTS}
        yield Static(t("tui.station.results_summary", total=len(self.outcomes), **counts), id="import-summary")

    def _from(self, outcome: Outcome) -> str:
        device = self.db.device(outcome.device) if outcome.device else None
        if device is None:
            return outcome.device or "—"
        return f"{device.leader} {unit_title('', device.grid.get('building', ''), device.grid.get('unit', ''))}"

    def reload(self) -> None:
        rows = [Row(n, (t(f"station.result.{o.status}"), self._from(o), str(o.records), o.path.name))
                for n, o in enumerate(self.outcomes)]  # fmt: skip
        self.table.set_rows(rows)
        self.show_detail()

    def detail(self, key: Hashable | None) -> RenderableType:
        if key is None:
            return ""
        outcome = self.outcomes[int(str(key))]
        text = Text(str(outcome.path) + "\n", style="dim")
        if outcome.status == "refused":
            text.append(t("tui.station.refused_because", reason=t(outcome.key, **outcome.params)), style="bold red")
        else:
            for room in outcome.held:  # outside the device's unit: kept aside, the rest came in
                text.append(t("station.log.held", room=room) + "\n", style="bold yellow")
            if outcome.conflicts:
                text.append(t("tui.station.with_conflicts", count=outcome.conflicts))
        return text
