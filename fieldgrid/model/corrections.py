"""Corrections of visits and patrols (更正): appended records, never edits in place.

A correction names the record it corrects (``target``), who made it (``by``), when (``at``) and why
(``reason``), and either voids the record (``void``) or changes some of its fields (``changes``: a visit's
``household_id`` when it is moved to the right household; a patrol's ``at``, ``notes`` or ``items``).  The
record itself is never rewritten.  :func:`standing` folds the corrections over the records: for each field the
latest correction by clock stamp wins, and a voided record stays voided.  Every tally is made over the
records that survive (:func:`surviving`); a voided one stays in the timeline, shown struck through.

The older kind of correction, a whole new visit or patrol pointing at the one it replaces (``corrects``), is
folded here too: the replaced record is left out and a correction aimed at it applies to its replacement.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import new_id
from fieldgrid.model.validation import control_errors

RECORD_KINDS: tuple[str, ...] = ("visit", "patrol")
# The fields a correction may change, by record kind (a visit's kind, time and text are corrected by a
# replacing visit, ``corrects``, as before).
CORRECTABLE: dict[str, tuple[str, ...]] = {"visit": ("household_id",), "patrol": ("at", "notes", "items")}


@dataclass(frozen=True)
class Correction:
    record: str  # "visit" or "patrol"
    target: str  # the id of the record corrected
    at: str  # ISO date-time, when the correction was made
    reason: str
    by: str = ""  # the leader who made it
    void: bool = False
    changes: Mapping[str, Any] = field(default_factory=dict)
    stamp: str = ""  # the writer's clock stamp: orders corrections of one record
    id: str = field(default_factory=new_id)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "record": self.record,
            "target": self.target,
            "at": self.at,
            "reason": self.reason,
            "by": self.by,
            "void": self.void,
            "changes": dict(self.changes),
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], stamp: str = "") -> Correction:
        return cls(
            record=doc["record"],
            target=doc["target"],
            at=doc["at"],
            reason=doc.get("reason", ""),
            by=doc.get("by", ""),
            void=bool(doc.get("void", False)),
            changes=dict(doc.get("changes") or {}),
            stamp=stamp,
            id=doc["id"],
        )

    def order_key(self) -> tuple[str, str, str]:
        return (self.stamp, self.at, self.id)


def validate_correction(correction: Correction) -> Correction:
    """A correction must say why, and change something it may change."""
    errors: list[ValidationError] = control_errors(reason=correction.reason)
    if correction.record not in RECORD_KINDS:
        errors.append(ValidationError("record", "error.correction.record", value=correction.record))
    reason = correction.reason.strip()
    if not reason:
        errors.append(ValidationError("reason", "error.correction.reason_missing"))
    allowed = CORRECTABLE.get(correction.record, ())
    unknown = [k for k in correction.changes if k not in allowed]
    if unknown:
        errors.append(ValidationError("changes", "error.correction.field", value=", ".join(unknown)))
    if not correction.void and not correction.changes:
        errors.append(ValidationError("changes", "error.correction.nothing"))
    if errors:
        raise ValidationErrors(errors)
    return dataclasses.replace(correction, reason=reason)


class _Record(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def corrects(self) -> str | None: ...


R = TypeVar("R", bound=_Record)


@dataclass(frozen=True)
class Standing(Generic[R]):
    """A record as it stands after its corrections."""

    record: R  # with the corrections' changes applied
    original: R
    corrections: tuple[Correction, ...] = ()

    @property
    def void(self) -> Correction | None:
        """The correction that voided it (the earliest), or ``None``."""
        return next((c for c in self.corrections if c.void), None)

    @property
    def voided(self) -> bool:
        return self.void is not None


def _replacements(records: Sequence[R]) -> dict[str, str]:
    """Each replaced record's id → the id of the record that replaced it (``corrects``); of several, the
    greatest id, so every side picks the same."""
    out: dict[str, str] = {}
    for record in records:
        if record.corrects and record.corrects != record.id:
            out[record.corrects] = max(out.get(record.corrects, ""), record.id)
    return out


def _final(ident: str, replaced: Mapping[str, str]) -> str:
    seen = {ident}
    while ident in replaced and replaced[ident] not in seen:
        ident = replaced[ident]
        seen.add(ident)
    return ident


def standing(
    records: Iterable[R], corrections: Iterable[Correction], kind: str, convert: Any = None
) -> list[Standing[R]]:
    """Every record not replaced by a newer version (``corrects``), with the corrections of ``kind`` aimed at
    it applied field by field, the latest by clock stamp winning.  ``convert(field, value)`` turns a stored
    change into the record's own type (a patrol's items)."""
    found = list(records)
    replaced = _replacements(found)
    by_target: dict[str, list[Correction]] = {}
    for correction in corrections:
        if correction.record == kind:
            by_target.setdefault(_final(correction.target, replaced), []).append(correction)
    out: list[Standing[R]] = []
    allowed = CORRECTABLE.get(kind, ())
    for record in found:
        if record.id in replaced:
            continue
        aimed = by_target.get(record.id)
        if not aimed:  # most records were never corrected
            out.append(Standing(record, record, ()))
            continue
        mine = tuple(sorted({c.id: c for c in aimed}.values(), key=Correction.order_key))
        changes: dict[str, Any] = {}
        for correction in mine:
            for key, value in correction.changes.items():
                if key in allowed:
                    changes[key] = convert(key, value) if convert else value
        current = dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]
        out.append(Standing(current, record, mine))
    return out


def surviving(stands: Iterable[Standing[R]]) -> list[R]:
    """The records every tally counts: corrected, voided ones left out."""
    return [s.record for s in stands if not s.voided]
