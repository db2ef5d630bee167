"""The field that asks which flat a visit or a problem is for, opened from the map: it shows the flat under the
map's cursor (Enter keeps it), and whatever is typed replaces it; beside it, whose flat the typed number is — or,
on the problem form, that the text is a shared place (楼道, 3楼电梯口).

Also the date fields' line that says which day 明天, 下周一 or +3 means while it is typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from textual.widgets import Input

from fieldgrid.i18n import t
from fieldgrid.model import Household
from fieldgrid.model.dates import parse_day
from fieldgrid.model.moves import on_the_map
from fieldgrid.tui.widgets.form_field import FormField, keep_on_focus


@dataclass(frozen=True)
class Where:
    """What the room field holds: a household, or a shared place, or (``error``) neither."""

    household: Household | None = None
    place: str = ""
    error_key: str = ""  # a catalogue key: no such flat, or a vacant one
    room: str = ""

    @property
    def error(self) -> str:
        return t(self.error_key, room=self.room) if self.error_key else ""

    @property
    def hint(self) -> str:
        if self.household is not None:
            return t("tui.room.found", room=self.household.room, head=self.household.head_name)
        if self.place:
            return t("tui.room.place", place=self.place)
        return self.error


def find_room(households: Iterable[Household], text: str) -> Household | None:
    """The household on the map whose room is ``text`` (``602`` finds ``0602``)."""
    room = text.strip()
    wanted = {room, room.zfill(4)} if room.isdigit() else {room}
    return next((h for h in on_the_map(households) if h.room in wanted), None)


def where(households: Iterable[Household], text: str, current: Household | None, *, places: bool) -> Where:
    """The flat ``text`` names (nothing typed: ``current``); with ``places``, text that names no lived-in flat
    is a shared place, unless it is only digits (a mistyped room)."""
    typed = text.strip()
    if not typed:
        if current is not None and not current.is_vacant:
            return Where(household=current)
        return Where() if places else Where(error_key="tui.room.unknown")
    found = find_room(households, typed)
    if found is not None and not found.is_vacant:
        return Where(household=found)
    if places and not typed.isdigit():
        return Where(place=typed)
    if found is not None:
        return Where(error_key="tui.room.vacant", room=found.room)
    return Where(error_key="tui.room.unknown", room=typed)


def room_field(name: str, current: Household | None, *, places: bool) -> FormField:
    """The room field: empty, showing ``current``'s room as what Enter keeps."""
    room = current.room if current is not None and not current.is_vacant else ""
    head = current.head_name if current is not None and room else ""
    control = keep_on_focus(Input(id=f"f-{name}", placeholder=room, compact=True))
    label = t("tui.room.place_label" if places else "tui.room.label")
    hint = t("tui.room.keep_place" if places else "tui.room.keep", room=room, head=head) if room else " "
    return FormField(label, control, field=name, hint=hint)


def date_hint(text: str, today: dt.date) -> str:
    """What a date field's text means, shown under it while typing."""
    if not text.strip():
        return t("tui.date.hint")
    day = parse_day(text, today)
    if day is None:
        return t("tui.date.unknown")
    return t("tui.date.means", date=day.isoformat(), weekday=t(f"tui.date.weekday_{day.weekday()}"))
