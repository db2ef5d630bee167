"""Patrols of the shared spaces (巡查): a checklist, each item OK or a finding.  Immutable once written, like a
visit.  A finding becomes a problem whose report points back at the patrol and the item (``source``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import new_id
from fieldgrid.model.validation import control_errors
from fieldgrid.model.visit import PATROL_ITEMS


@dataclass(frozen=True)
class PatrolItem:
    item: str  # a code from PATROL_ITEMS or a leader's own item, as typed
    ok: bool = True
    finding: str = ""

    def to_doc(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Patrol:
    at: str  # ISO date-time
    items: tuple[PatrolItem, ...] = ()
    notes: str = ""
    corrects: str | None = None
    id: str = field(default_factory=new_id)
    checklist: str | None = None  # a scenario pack's checklist (None: the standard one)
    fields: Mapping[str, Any] = field(default_factory=dict)  # the pack's extra fields: {code: value}

    @property
    def findings(self) -> list[PatrolItem]:
        return [item for item in self.items if not item.ok]

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "at": self.at,
            "items": [item.to_doc() for item in self.items],
            "notes": self.notes,
            "corrects": self.corrects,
        }
        if self.checklist:  # a patrol of the standard checklist is written as before
            doc["checklist"] = self.checklist
        if self.fields:
            doc["fields"] = dict(self.fields)
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Patrol:
        items = tuple(PatrolItem(**{k: v for k, v in i.items() if k in _ITEM_FIELDS}) for i in doc.get("items", []))
        fields = doc.get("fields")
        return cls(at=doc["at"], items=items, notes=doc.get("notes", ""), corrects=doc.get("corrects"), id=doc["id"],
                   checklist=doc.get("checklist") or None, fields=dict(fields) if isinstance(fields, Mapping) else {})


_ITEM_FIELDS = {f.name for f in dataclasses.fields(PatrolItem)}

# The problem category a finding of each standard item is filed under unless the leader says otherwise.
FINDING_CATEGORY: dict[str, str] = {
    "fire_exits": "safety_hazard",
    "stairwell_clutter": "safety_hazard",
    "ebike_charging": "safety_hazard",
    "lights": "facility_repair",
    "lifts": "facility_repair",
    "drains": "facility_repair",
    "rubbish": "sanitation",
    "public_facilities": "facility_repair",
}


def default_items(extra: Sequence[str] = ()) -> tuple[PatrolItem, ...]:
    """A fresh checklist: the standard items, then the leader's own, all OK."""
    return tuple(PatrolItem(code) for code in (*PATROL_ITEMS, *extra))


def validate_patrol(patrol: Patrol, now: dt.datetime) -> Patrol:
    errors: list[ValidationError] = control_errors(
        notes=patrol.notes, **{f"items.{n}.finding": item.finding for n, item in enumerate(patrol.items)}
    )
    try:
        at = dt.datetime.fromisoformat(patrol.at)
    except ValueError:
        errors.append(ValidationError("at", "error.visit.when", value=patrol.at))
    else:
        if at > now:
            errors.append(ValidationError("at", "error.patrol.future", value=patrol.at))
    if not patrol.items:
        errors.append(ValidationError("items", "error.patrol.empty"))
    seen: set[str] = set()
    items: list[PatrolItem] = []
    for n, item in enumerate(patrol.items):
        code = item.item.strip()
        if not code:
            errors.append(ValidationError(f"items.{n}.item", "error.patrol.item_missing"))
        elif code in seen:
            errors.append(ValidationError(f"items.{n}.item", "error.patrol.item_twice", value=code))
        seen.add(code)
        finding = item.finding.strip()
        if not item.ok and not finding:
            errors.append(ValidationError(f"items.{n}.finding", "error.patrol.finding_missing", item=code))
        items.append(dataclasses.replace(item, item=code, finding=finding if not item.ok else ""))
    if errors:
        raise ValidationErrors(errors)
    return dataclasses.replace(patrol, items=tuple(items), notes=patrol.notes.strip())
