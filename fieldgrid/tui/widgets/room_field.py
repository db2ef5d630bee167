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
from fieldgrid.model.places import STAIRWELL, address, place_name, room_of
from fieldgrid.tui.widgets.form_field import FormField, keep_on_focus


@dataclass(frozen=True)
class Where:
    """What the room field holds: a household, or a shared place, or (``error``) neither."""

    household: Household | None = None
    place: str = ""
    error_key: str = ""  # a catalogue key: no such flat, or a vacant one
    room: str = ""
    kind: str = STAIRWELL  # the unit's grid kind: how its places are written (3组15号, 12号)

    @property
    def error(self) -> str:
        return t(self.error_key, room=self.room) if self.error_key else ""

    @property
    def hint(self) -> str:
        if self.household is not None:
            return t("tui.room.found", room=shown(self.household, self.kind), head=self.household.head_name)
        if self.place:
            return t("tui.room.place", place=self.place)
        return self.error


def shown(household: Household, kind: str = STAIRWELL) -> str:
    """A household's place as the leader writes it: ``0601``, ``3组15号``, ``12号``."""
    return address(household.room, None, kind)


def _keyed(key: str, kind: str) -> str:
    """A room message in the words of the grid's kind: a village's or a street's 门牌, not a 房号."""
    return key if kind == STAIRWELL else f"{key}_other"


def find_room(households: Iterable[Household], text: str, kind: str = STAIRWELL) -> Household | None:
    """The household on the map whose room is ``text`` (``602`` finds ``0602``; in a village ``3组15号`` finds
    ``3-15``, on a shop street ``12号`` finds ``12``; in a grid of another kind its place's name finds it too)."""
    typed = text.strip()
    room = room_of(typed, kind).strip()
    wanted = {room, room.zfill(4)} if room.isdigit() and kind == STAIRWELL else {room}
    on_map = on_the_map(households)
    found = next((h for h in on_map if h.room in wanted), None)
    if found is None and kind != STAIRWELL and typed:
        found = next((h for h in on_map if place_name(h.place) == typed), None)
    return found


def where(
    households: Iterable[Household], text: str, current: Household | None, *, places: bool, kind: str = STAIRWELL
) -> Where:
    """The flat ``text`` names (nothing typed: ``current``); with ``places``, text that names no lived-in flat
    is a shared place, unless it is only digits (a mistyped room)."""
    typed = text.strip()
    if not typed:
        if current is not None and not current.is_vacant:
            return Where(household=current, kind=kind)
        return Where(kind=kind) if places else Where(error_key=_keyed("tui.room.unknown", kind), kind=kind)
    found = find_room(households, typed, kind)
    if found is not None and not found.is_vacant:
        return Where(household=found, kind=kind)
    if places and not typed.isdigit():
        return Where(place=typed, kind=kind)
    if found is not None:
        return Where(error_key="tui.room.vacant", room=shown(found, kind), kind=kind)
    return Where(error_key=_keyed("tui.room.unknown", kind), room=typed, kind=kind)


def room_field(name: str, current: Household | None, *, places: bool, kind: str = STAIRWELL) -> FormField:
    """The room field: empty, showing ``current``'s room as what Enter keeps."""
    room = shown(current, kind) if current is not None and not current.is_vacant else ""
    head = current.head_name if current is not None and room else ""
    control = keep_on_focus(Input(id=f"f-{name}", placeholder=room, compact=True))
    label = t(_keyed("tui.room.place_label" if places else "tui.room.label", kind))
    keep = _keyed("tui.room.keep_place" if places else "tui.room.keep", kind)
    hint = t(keep, room=room, head=head) if room else " "
    return FormField(label, control, field=name, hint=hint)


def date_hint(text: str, today: dt.date) -> str:
    """What a date field's text means, shown under it while typing."""
    if not text.strip():
        return t("tui.date.hint")
    day = parse_day(text, today)
    if day is None:
        return t("tui.date.unknown")
    return t("tui.date.means", date=day.isoformat(), weekday=t(f"tui.date.weekday_{day.weekday()}"))
