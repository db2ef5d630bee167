"""Visits (入户走访) and patrols (巡查): immutable records once written; a correction is a new record
that points at the one it corrects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import new_id
from fieldgrid.model.validation import control_errors

VISIT_KINDS: tuple[str, ...] = (
    "routine",  # 走访
    "follow_up",  # 回访
    "errand",  # 代办
    "mediation",  # 调解
    "hazard_check",  # 隐患排查
    "policy",  # 政策宣传
    "contact",  # 电话/微信联系: a check-in by phone or WeChat, counted toward a care cadence where its rule allows
)

PATROL_ITEMS: tuple[str, ...] = (
    "fire_exits",  # 消防通道
    "stairwell_clutter",  # 楼道杂物
    "ebike_charging",  # 电动车入户/飞线充电
    "lights",
    "lifts",
    "drains",
    "rubbish",
    "public_facilities",
)


@dataclass(frozen=True)
class Visit:
    household_id: str
    at: str  # ISO date-time
    kind: str = "routine"
    found: str = ""
    needs: str = ""
    follow_up: str | None = None  # ISO date
    corrects: str | None = None  # id of the visit this one corrects
    seen: tuple[str, ...] = ()  # the members seen (their names), when the leader noted them
    id: str = field(default_factory=new_id)
    fields: Mapping[str, Any] = field(default_factory=dict)  # a scenario pack's extra fields: {code: value}

    def to_doc(self) -> dict[str, Any]:
        doc = dataclasses.asdict(self)
        if self.seen:
            doc["seen"] = list(self.seen)
        else:
            del doc["seen"]  # a visit that names no one is written as before
        if self.fields:
            doc["fields"] = dict(self.fields)
        else:
            del doc["fields"]  # nor does one without extra fields
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Visit:
        """The visit a document holds; keys that are no field of a visit (a stored document's ``_meta``) are
        left out.  Its values are scalars (``seen`` becomes a tuple, ``fields`` a copy): nothing of ``doc`` is
        shared."""
        names = _field_names()
        data = {k: v for k, v in doc.items() if k in names}
        if "seen" in data:
            data["seen"] = tuple(str(n) for n in data["seen"] or ())
        if "fields" in data:
            data["fields"] = dict(data["fields"]) if isinstance(data["fields"], Mapping) else {}
        return cls(**data)


@functools.cache
def _field_names() -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(Visit))


def validate_visit(visit: Visit, now: dt.datetime, kinds: Collection[str] = VISIT_KINDS) -> Visit:
    """The visit cleaned, or every error at once; ``kinds``: the visit kinds in force (the scenario packs')."""
    errors: list[ValidationError] = control_errors(found=visit.found, needs=visit.needs)
    if visit.kind not in kinds:
        errors.append(ValidationError("kind", "error.visit.kind", value=visit.kind))
    try:
        at = dt.datetime.fromisoformat(visit.at)
    except ValueError:
        errors.append(ValidationError("at", "error.visit.when", value=visit.at))
        at = None
    if at is not None and at > now:
        errors.append(ValidationError("at", "error.visit.future", value=visit.at))
    if visit.follow_up:
        try:
            follow_up = dt.date.fromisoformat(visit.follow_up)
        except ValueError:
            errors.append(ValidationError("follow_up", "error.visit.when", value=visit.follow_up))
        else:
            if at is not None and follow_up < at.date():
                errors.append(ValidationError("follow_up", "error.visit.follow_up_before"))
    seen = tuple(dict.fromkeys(name.strip() for name in visit.seen if name.strip()))
    errors.extend(control_errors(seen="".join(seen)))
    if errors:
        raise ValidationErrors(errors)
    return dataclasses.replace(visit, found=visit.found.strip(), needs=visit.needs.strip(), seen=seen)
