"""Conflicts found when merging (``c``): two devices, or a device and the station, changed the same field at the
same time; the merge kept one value and the other is shown here until the operator has checked it (``k``).
Households are named as every station list names them (``6栋3单元:0502``); phones and ID numbers stay masked."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType

from fieldgrid.field_labels import field_label
from fieldgrid.i18n import t
from fieldgrid.model.masking import show_id_number, show_phone
from fieldgrid.model.places import household_label
from fieldgrid.model.profile import unit_title
from fieldgrid.tui.station.list_screen import ListScreen
from fieldgrid.tui.widgets.virtual_table import Column, Row

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB

PHONES = frozenset({"phone", "phones", "emergency_phone"})


def shown_value(field: str, value: Any) -> str:
    """A conflicting value as the operator may see it: phones and ID numbers masked."""
    if isinstance(value, list):
        return "、".join(shown_value(field, v) for v in value)
    if value is None or value == "":
        return "—"
    if field in PHONES:
        return show_phone(str(value))
    if field == "id_number":
        return show_id_number(str(value))
    return str(value)


class ConflictScreen(ListScreen):
    HELP_TITLE = "tui.station.conflicts_help_title"
    HELP_INTRO = "tui.station.conflicts_help_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "resolve", "tui.station.key_resolve"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, db: StationDB) -> None:
        super().__init__(db, t("tui.station.conflicts"), [
            Column("record", t("tui.station.col.record"), width=14),
            Column("field", t("tui.station.col.field"), width=10),
            Column("kept", t("tui.station.col.kept"), flex=True, min_width=8),
            Column("lost", t("tui.station.col.lost"), flex=True, min_width=8),
        ], t("tui.station.no_conflicts"))  # fmt: skip
        self.found: dict[int, tuple[str, dict[str, Any]]] = {}

    def reload(self) -> None:
        grids = {d.device_id: d.grid for d in self.db.devices()}
        names = {}  # household id → 6栋3单元:0502, as the station's lists and edit-household name it
        for household_id, device_id, doc in self.db.live_households():
            grid = grids.get(device_id, {})
            unit = unit_title("", grid.get("building", ""), grid.get("unit", ""))
            names[household_id] = f"{unit}:{household_label(doc, grid)}"
        rows, self.found = [], {}
        for n, _, record_id, detail in self.db.open_conflicts():
            record = str(detail.get("record", record_id))
            name = names.get(record.split("/")[0]) or record[:8].upper()
            self.found[n] = (name, detail)
            field = str(detail.get("field", ""))
            what = field_label(field) if field != "*" else t("tui.station.whole_record")
            kept, lost = shown_value(field, detail.get("kept")), shown_value(field, detail.get("lost"))
            rows.append(Row(n, (name, what, kept, lost)))
        self.table.set_rows(rows)
        self.show_detail()

    def detail(self, key: Hashable | None) -> RenderableType:
        found = self.found.get(int(str(key))) if key is not None else None
        if found is None:
            return ""
        name, detail = found
        field = str(detail.get("field", ""))
        kept, lost = shown_value(field, detail.get("kept")), shown_value(field, detail.get("lost"))
        return Text(t("tui.station.conflict_detail", record=name, field=field_label(field), kept=kept, lost=lost))

    def action_resolve(self) -> None:
        key = self.table.cursor_key
        if key is not None:
            self.db.resolve_conflict(int(str(key)), "kept")  # the table's keys are the conflicts' numbers
            self.app.notify(t("tui.station.resolved"))
            self.reload()
