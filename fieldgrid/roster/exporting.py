"""The unit's roster written back as a spreadsheet with the same headers the import reads, one row per person
(household facts on the head's row), so that an export imported again changes nothing.  Phones and ID numbers
are masked (``138****8000``) unless ``reveal``; a masked cell imported again leaves the stored value as it is."""

from __future__ import annotations

from collections.abc import Sequence

from fieldgrid.exports.tables import Sheet
from fieldgrid.i18n import get_language, label
from fieldgrid.model import Household, Member
from fieldgrid.model.masking import show_id_number, show_phone
from fieldgrid.roster.columns import HEADERS

COLUMNS = ("building", "unit", "floor", "room", "name", "relation", "sex", "birth", "id_number", "phone",
           "residency", "tags", "household_phones", "emergency", "notes")  # fmt: skip


def header(name: str) -> str:
    names = HEADERS[name]
    if get_language() == "en":
        return next(n for n in names if n.isascii()).title()
    return names[0]


def roster_sheet(households: Sequence[Household], title: str, *, reveal: bool = False) -> Sheet:
    def _phone(e164: str | None) -> str:
        return show_phone(e164, reveal) if e164 else ""

    rows: list[list[object]] = []
    for h in households:
        household_cells = {
            "residency": label("residency", h.residency),
            "tags": "、".join(label("tag", t) for t in h.tags),
            "household_phones": " ".join(_phone(p) for p in h.phones),
            "emergency": " ".join(x for x in (h.emergency_name, _phone(h.emergency_phone)) if x),
            "notes": h.notes,
        }
        place = {"building": h.building, "unit": h.unit, "floor": "" if h.floor is None else h.floor, "room": h.room}
        # A household with nobody listed still gets its row, with the person cells empty.
        members: list[Member | None] = [*sorted(h.members, key=lambda m: not m.is_head)] or [None]
        for n, m in enumerate(members):
            person = {
                "name": m.name if m else "",
                "relation": label("relation", m.relation) if m else "",
                "sex": label("sex", m.sex) if m and m.sex else "",
                "birth": m.birth_year if m and m.birth_year else "",
                "id_number": show_id_number(m.id_number, reveal) if m and m.id_number else "",
                "phone": _phone(m.phone) if m else "",
            }
            cells = {**place, **person, **(household_cells if n == 0 else {})}
            rows.append([cells.get(c, "") for c in COLUMNS])
    return Sheet(title, [header(c) for c in COLUMNS], rows)
