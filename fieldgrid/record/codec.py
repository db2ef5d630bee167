"""Between stored documents and model objects: a record as the model sees it (no ``_meta``, no deleted
members) and a problem event as it is stored.  The device's store, the station and the reports read records
through these functions only."""

from __future__ import annotations

from typing import Any

from fieldgrid.model.corrections import Correction
from fieldgrid.model.household import Household
from fieldgrid.model.patrol import Patrol
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.visit import Visit
from fieldgrid.record.meta import META, live_view


def event_doc(event: ProblemEvent) -> dict[str, Any]:
    """A problem event as it is stored (before stamping)."""
    return {
        "id": event.id,
        "problem_id": event.problem_id,
        "kind": event.kind,
        "at": event.at,
        "data": dict(event.data),
    }


def event_of(doc: dict[str, Any]) -> ProblemEvent:
    """A stored problem event; its clock stamp breaks ties in time."""
    stamp = (doc.get(META) or {}).get("stamp", "")
    return ProblemEvent(doc["problem_id"], doc["kind"], doc["at"], doc.get("data", {}), stamp, doc["id"])


def household_of(doc: dict[str, Any], *, copy: bool = True) -> Household:
    """A stored household; ``copy=False`` for a document read fresh from the station's store (the model may keep
    its lists: nothing else holds them)."""
    return Household.from_doc(live_view(doc, copy=copy))


def visit_of(doc: dict[str, Any]) -> Visit:
    """A stored visit (a visit has no members, and its model keeps no part of the document: no copy needed)."""
    return Visit.from_doc(doc)


def patrol_of(doc: dict[str, Any]) -> Patrol:
    return Patrol.from_doc(live_view(doc))


def correction_of(doc: dict[str, Any]) -> Correction:
    """A stored correction; its clock stamp orders the corrections of one record."""
    return Correction.from_doc(doc, (doc.get(META) or {}).get("stamp", ""))
