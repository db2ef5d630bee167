"""What a community's roll-up carries to its street station (PIPL Art. 6, minimum necessary): the ledger and the
figures, not the roster.  Pure functions over stored documents.

- A household keeps its place (building, unit, floor, room), residency and tags — what the street counts — and
  no people, phones, emergency contact or notes.  The fields it keeps keep their clock stamps, and those it drops
  are simply absent, so a roll-up sent later ``--with-roster`` fills them in by the ordinary merge.
- A visit keeps when and what kind (the month's work), not what was found or needed.
- A problem keeps its whole timeline (category, place, urgency, every step, feedback, notices) with the person
  who reported it and the person told replaced by 住户, and every name of the community's residents, every
  mobile number and every resident ID number in its texts replaced too.
- A patrol, and a correction (its reason), keep their texts, scrubbed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from fieldgrid.record.erasure import VISIT_KEPT, names_in, scrub
from fieldgrid.record.meta import META, clone
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PATROLS, PROBLEM_EVENTS, VISITS

RESIDENT = "住户"  # what a resident's name reads as in a roll-up (as in the leaders' messages)
HOUSEHOLD_KEPT = ("id", "room", "building", "unit", "floor", "residency", "tags")
# A mainland mobile number (with or without +86, spaces or dashes) and an 18-character resident ID number.
_PHONE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")

Doc = dict[str, Any]


def resident_names(households: Iterable[Doc]) -> list[str]:
    """Every name the community's household documents hold: what a roll-up's texts must not."""
    return sorted({name for doc in households for name in names_in(doc)})


def _texts(value: Any, names: Iterable[str]) -> Any:
    value = scrub(value, names, RESIDENT)
    if isinstance(value, str):
        return _ID_NUMBER.sub("***", _PHONE.sub("***", value))
    if isinstance(value, dict):
        return {k: _texts(v, ()) for k, v in value.items()}
    if isinstance(value, list):
        return [_texts(v, ()) for v in value]
    return value


def _household(doc: Doc) -> Doc:
    out = {k: clone(v) for k, v in doc.items() if k in HOUSEHOLD_KEPT}
    meta = clone(doc.get(META) or {})
    meta["fields"] = {k: v for k, v in (meta.get("fields") or {}).items() if k in out}
    out[META] = meta
    return out


def _event(doc: Doc, names: list[str]) -> Doc:
    data = dict(doc.get("data") or {})
    if doc.get("kind") == "reported" and str(data.get("reporter") or "").strip():
        data["reporter"] = RESIDENT
    if doc.get("kind") == "feedback" and data.get("to"):
        data["to"] = RESIDENT
    out = {k: clone(v) for k, v in doc.items() if k != "data"}
    out["data"] = _texts(data, names)
    return out


def minimise(table: str, doc: Doc, names: list[str]) -> Doc:
    """``doc`` of ``table`` as the street receives it; ``names``: :func:`resident_names` of the community."""
    if table == HOUSEHOLDS:
        return _household(doc)
    if table == VISITS:
        return {k: clone(v) for k, v in doc.items() if k in (*VISIT_KEPT, META)}
    if table == PROBLEM_EVENTS:
        return _event(doc, names)
    if table in (PATROLS, CORRECTIONS):  # a correction's reason is free text too
        return {k: (clone(v) if k in ("id", META) else _texts(v, names)) for k, v in doc.items()}
    return clone(doc)
