"""The station's working screens: the escalation queue (record the community's decision, which goes back to
the unit), conflicts found when merging, a notice to the units, and importing a stick of bundles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import event_summary
from fieldgrid.model.problem import DECISION_OUTCOMES
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, text_field
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, Row, VirtualTable

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="minutes")


class ListScreen(Screen[None]):
    """A titled table with the keys of its screen."""

    TABLE_ID = "station-list"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "tui.key.back")]

    def __init__(self, db: StationDB, title: str, columns: list[Column], empty: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.db = db
        self.title_text = title
        self.columns = columns
        self.empty = empty

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield VirtualTable(self.columns, empty_text=self.empty, id=self.TABLE_ID)
        yield Static(id="station-detail")
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one(VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = self.title_text
        self.reload()
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def action_back(self) -> None:
        self.dismiss(None)


class EscalationScreen(ListScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "decide", "tui.station.key_decide"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.escalations"), [
            Column("unit", t("tui.station.col.unit"), width=16),
            Column("since", t("tui.ledger.col.reported"), width=10),
            Column("category", t("tui.ledger.col.category"), width=8),
            Column("problem", t("tui.ledger.col.description"), flex=True, min_width=10),
        ], t("tui.station.no_escalations"))  # fmt: skip
        self.views: dict[str, Any] = {}

    def reload(self) -> None:
        from fieldgrid.station.units import units

        rows = []
        self.views = {}
        for unit in units(self.db):
            for view in unit.problems:
                if view.status == "escalated":
                    self.views[view.id] = view
                    rows.append(Row(view.id, (unit.grid, view.reported_at[:10], label("category", view.report.category),
                                              view.report.description)))  # fmt: skip
        self.table.set_rows(rows)
        self._show(self.table.cursor_key)

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self._show(event.key)

    def _show(self, key: object) -> None:
        view = self.views.get(str(key)) if key is not None else None
        text = Text()
        if view is not None:
            for event in view.events:
                text.append(f"{event.at.replace('T', ' ')}  {event_summary(event)}\n")
        self.query_one("#station-detail", Static).update(text)

    def action_decide(self) -> None:
        key = self.table.cursor_key
        if key is not None:
            self.app.push_screen(DecisionForm(self.db, str(key)))


class DecisionForm(FieldFormScreen[dict]):
    def __init__(self, db: StationDB, problem_id: str) -> None:
        super().__init__(db, t("tui.station.decide_title"))  # type: ignore[arg-type]
        self.db = db
        self.problem_id = problem_id

    def fields(self) -> Iterable[FormField | Widget]:
        yield choice_field("outcome", t("tui.event.outcome"), [(label("outcome", c), c) for c in DECISION_OUTCOMES])
        yield text_field("text", t("tui.event.decision_text"), area=True)

    def submit(self) -> dict:
        from fieldgrid.station.exchange import StationClock, decide

        doc = decide(self.db, StationClock(self.db), self.problem_id, self.value("outcome"), self.value("text"), _now())
        self.app.notify(t("tui.station.decided"))
        return doc


class ConflictScreen(ListScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "resolve", "tui.station.key_resolve"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.conflicts"), [
            Column("record", t("tui.station.col.record"), width=12),
            Column("field", t("tui.station.col.field"), width=10),
            Column("kept", t("tui.station.col.kept"), flex=True, min_width=8),
            Column("lost", t("tui.station.col.lost"), flex=True, min_width=8),
        ], t("tui.station.no_conflicts"))  # fmt: skip

    def reload(self) -> None:
        rows = [Row(n, (str(detail.get("record", rid))[:12], str(detail.get("field", "")), str(detail.get("kept", "")),
                        str(detail.get("lost", "")))) for n, _, rid, detail in self.db.open_conflicts()]  # fmt: skip
        self.table.set_rows(rows)

    def action_resolve(self) -> None:
        key = self.table.cursor_key
        if key is not None:
            self.db.resolve_conflict(int(str(key)), "kept")  # the table's keys are the conflicts' numbers
            self.app.notify(t("tui.station.resolved"))
            self.reload()


class NoticeForm(FieldFormScreen[int]):
    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.notice_title"))  # type: ignore[arg-type]
        self.db = db

    def fields(self) -> Iterable[FormField | Widget]:
        devices = [(f"{d.leader} {''.join(d.grid.get(p, '') for p in ('building', 'unit'))}", d.device_id)
                   for d in self.db.devices() if d.revoked_at is None]  # fmt: skip
        yield text_field("text", t("tui.station.notice_text"), area=True)
        yield choice_field("device", t("tui.station.notice_to"), devices, None, blank=True) if devices else Static()

    def submit(self) -> int:
        from fieldgrid.station.exchange import notice

        device = self.value("device") if "device" in self.form_fields else ""
        count = notice(self.db, self.value("text"), _now(), [device] if device else None)
        self.app.notify(t("station.notice.done", count=count))
        return count


class ImportForm(FieldFormScreen[list]):
    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.import_title"))  # type: ignore[arg-type]
        self.db = db

    def fields(self) -> Iterable[FormField | Widget]:
        yield text_field("path", t("tui.station.import_path"), hint=t("tui.station.import_hint"))

    def submit(self) -> list:
        from fieldgrid.station.exchange import import_paths
        from fieldgrid.sync.identity import Keys

        outcomes = import_paths(self.db, Keys(self.db.home), [Path(self.value("path").strip()).expanduser()])
        counts = {s: sum(o.status == s for o in outcomes) for s in ("accepted", "duplicate", "refused")}
        self.app.notify(t("station.import.summary", total=len(outcomes), **counts), timeout=15)
        for o in outcomes:
            if o.status == "refused":
                self.app.notify(f"{o.path.name}: {t(o.key, **(o.params or {}))}", severity="warning", timeout=20)
        return outcomes
