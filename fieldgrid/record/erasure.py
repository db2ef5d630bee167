"""Erasure at the end of retention: what is left of a household's records once its history is no longer needed
(moved out, deceased, cancelled, or deleted, longer ago than the retention period).  Pure functions over stored
documents, shared by the device's store and the station.

- The household keeps its place (building, unit, floor, room) and residency, no people, phones, tags or notes;
  it is a tombstone.
- A visit keeps when and what kind (so the months' tallies stay right), not what was found or needed; a
  correction of it keeps what it did (voided, moved), not why or who made it.
- A problem keeps its facts and its log, without who reported it, which household it was, who was told, or any
  name of the household's people in its texts.

An erased written-once record carries ``_meta.erased`` (the erasure's stamp, also its last change), which makes
it win every merge with a whole copy (:func:`fieldgrid.record.merge.merge_doc`): an erasure travels like any
change and converges everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.vocabulary import ENDED_RESIDENCY
from fieldgrid.record.meta import META, NESTED, clone, is_deleted

ERASED = "—"  # what a name erased from a text reads as
HOUSEHOLD_KEPT = ("id", "room", "building", "unit", "floor", "residency")
VISIT_KEPT = ("id", "household_id", "at", "kind", "corrects")
CORRECTION_KEPT = ("id", "record", "target", "at", "void", "changes")  # no reason, no who
DAY_MS = 24 * 3600 * 1000
RETENTION_DAYS = "retention_days"  # the setting, on the device and at the station
DEFAULT_DAYS = 90
MAX_DAYS = 3650

Doc = dict[str, Any]


def check_days(days: int) -> int:
    """A retention period in days, 1 to :data:`MAX_DAYS`; else :class:`ValidationErrors` naming ``days``."""
    if isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
        raise ValidationErrors([ValidationError("days", "error.retention.days", value=days, most=MAX_DAYS)])
    return days


@dataclass(frozen=True)
class Erasure:
    """What one run of retention erased (or, in a dry run, would erase)."""

    households: int = 0
    persons: int = 0
    visits: int = 0
    problems: int = 0
    rooms: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        return {"households": self.households, "persons": self.persons, "visits": self.visits,
                "problems": self.problems}  # fmt: skip


def stamp_ms(stamp: str | None) -> int | None:
    """The wall-clock milliseconds of a clock stamp (its first 15 digits)."""
    head = str(stamp or "").split(".", 1)[0]
    return int(head) if head.isdigit() else None


def ended_at(doc: Doc) -> int | None:
    """Since when (wall ms) a household is no longer served: the stamp of the residency that ended it, else its
    tombstone's; ``None`` for a household still served."""
    meta = doc.get(META) or {}
    if doc.get("residency") in ENDED_RESIDENCY:
        return stamp_ms((meta.get("fields") or {}).get("residency") or meta.get("stamp"))
    if meta.get("deleted"):
        return stamp_ms(meta["deleted"])
    return None


def is_due(doc: Doc, now_ms: int, days: int) -> bool:
    """Whether a household's retention is over (and it still holds anything to erase)."""
    since = ended_at(doc)
    return since is not None and now_ms - since >= days * DAY_MS and holds_personal(doc)


def holds_personal(doc: Doc) -> bool:
    """Whether a household document still holds anything but its place."""
    return any(k not in HOUSEHOLD_KEPT for k in doc if k != META) or bool(doc.get(NESTED))


def persons(doc: Doc) -> int:
    """The people a household document names (its members not deleted)."""
    return sum(1 for m in doc.get(NESTED, []) if not is_deleted(m))


def names_in(doc: Doc) -> list[str]:
    """Every name a household document holds (its members', deleted ones too, and its emergency contact's)."""
    found = [str(m.get("name") or "") for m in doc.get(NESTED, [])] + [str(doc.get("emergency_name") or "")]
    return [n for n in found if len(n.strip()) >= 2]


def _kept(doc: Doc, keep: Iterable[str]) -> Doc:
    wanted = set(keep)
    return {k: clone(v) for k, v in doc.items() if k in wanted}


def erase_household(doc: Doc, stamp: str, device: str) -> Doc:
    """The household as a tombstone holding only its place (the field stamps of what is kept stay)."""
    out = _kept(doc, HOUSEHOLD_KEPT)
    meta = clone(doc.get(META) or {})
    kept_fields = {k: v for k, v in (meta.get("fields") or {}).items() if k in out}
    out[META] = {"stamp": stamp, "device": device, "fields": kept_fields,
                 "deleted": meta.get("deleted") or stamp, "erased": stamp}  # fmt: skip
    return out


def _erased_meta(doc: Doc, kept: Doc, stamp: str, device: str) -> dict[str, Any]:
    meta = clone(doc.get(META) or {})
    fields = {k: v for k, v in (meta.get("fields") or {}).items() if k in kept}
    return {"stamp": stamp, "device": device, "fields": fields, "deleted": meta.get("deleted"), "erased": stamp}


def erase_visit(doc: Doc, stamp: str, device: str) -> Doc:
    """A visit that says only when it was and of what kind."""
    out = _kept(doc, VISIT_KEPT)
    out[META] = _erased_meta(doc, out, stamp, device)
    return out


def erase_correction(doc: Doc, stamp: str, device: str) -> Doc:
    """A correction of an erased household's visit that says only what it did (voided, or moved), not why or
    who made it."""
    out = _kept(doc, CORRECTION_KEPT)
    out["reason"] = ERASED  # a correction always says why (the record format requires it): now only that it did
    out[META] = _erased_meta(doc, out, stamp, device)
    return out


def scrub(value: Any, names: Iterable[str], to: str = ERASED) -> Any:
    """``value`` (a text, or a document's texts) with every one of ``names`` replaced by ``to``."""
    if isinstance(value, str):
        for name in sorted(set(names), key=len, reverse=True):
            value = value.replace(name, to)
        return value
    if isinstance(value, dict):
        return {k: scrub(v, names, to) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, names, to) for v in value]
    return value


def erase_event(doc: Doc, names: Iterable[str], stamp: str, device: str) -> Doc:
    """A problem event of an erased household's problem, without who reported it, which household it was, who
    was told, or any of ``names`` in its texts."""
    listed = [n for n in names if len(n.strip()) >= 2]
    data = dict(doc.get("data") or {})
    if doc.get("kind") == "reported":
        reporter = str(data.get("reporter") or "")
        if len(reporter.strip()) >= 2:
            listed.append(reporter)
        data["reporter"] = ""
        if data.get("household_id"):
            data["household_id"] = None
            data["place"] = str(data.get("place") or "") or ERASED
    if doc.get("kind") == "feedback" and data.get("to"):
        data["to"] = ERASED
    out = {k: clone(v) for k, v in doc.items() if k not in (META, "data")}
    out["data"] = scrub(data, listed)
    out[META] = _erased_meta(doc, out, stamp, device)
    return out


def is_erased(doc: Doc) -> bool:
    return bool((doc.get(META) or {}).get("erased"))
