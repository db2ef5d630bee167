"""The disclosure log (PIPL Art. 51, 55–56): every time personal data leaves the masked screens — shown in full,
written to a file, read in from one, printed, or erased at the end of retention — one entry says when, what, how
many persons and through which face.  Entries are written once and never changed; they hold no personal data
themselves (what and a room or a file's name, never a name, phone or ID number).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import new_id
from fieldgrid.model.validation import control_errors

# kind → what (the codes a listing translates as ``disclosure.what.<code>``)
DISCLOSURE_KINDS: dict[str, tuple[str, ...]] = {
    "reveal": ("households_list", "household_show", "household_detail", "station_households", "emergency"),
    "export": ("roster_export", "ledger_export", "households_list"),
    "import": ("roster_import",),
    "print": ("cards", "unit_cards"),
    "erase": ("retention",),
}
VIAS = ("cli", "tui", "station")


@dataclass(frozen=True)
class Disclosure:
    kind: str  # reveal / export / import / print / erase
    what: str  # which command or screen, a code of DISCLOSURE_KINDS[kind]
    persons: int  # how many persons' data it concerned
    at: str = ""  # ISO date-time, to the second
    target: str = ""  # a room, a file's name, a month: never a person's name
    via: str = "cli"
    id: str = field(default_factory=new_id)

    def to_doc(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "kind": self.kind, "what": self.what, "persons": self.persons,
                "target": self.target, "via": self.via}  # fmt: skip

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Disclosure:
        persons = doc.get("persons", 0)
        return cls(
            kind=str(doc.get("kind", "")),
            what=str(doc.get("what", "")),
            persons=persons if isinstance(persons, int) and not isinstance(persons, bool) else 0,
            at=str(doc.get("at", "")),
            target=str(doc.get("target", "") or ""),
            via=str(doc.get("via", "") or ""),
            id=str(doc["id"]),
        )


def validate_disclosure(entry: Disclosure) -> Disclosure:
    errors = control_errors(target=entry.target)
    if entry.what not in DISCLOSURE_KINDS.get(entry.kind, ()):
        errors.append(ValidationError("kind", "error.disclosure.kind", value=f"{entry.kind}/{entry.what}"))
    if entry.persons < 0:
        errors.append(ValidationError("persons", "error.disclosure.persons", value=entry.persons))
    if entry.via not in VIAS:
        errors.append(ValidationError("via", "error.disclosure.via", value=entry.via))
    if errors:
        raise ValidationErrors(errors)
    return entry
