"""Households and their members: the roster (花名册) of one unit, as plain dataclasses with validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.places import STAIRWELL, VILLAGE, room_of, validate_place, village_parts
from fieldgrid.model.validation import (
    check_birth_year,
    check_day,
    control_errors,
    fold_width,
    id_birth_date,
    id_sex,
    normalize_id_number,
    normalize_phone,
)
from fieldgrid.model.vocabulary import ENDED_RESIDENCY, MEMBER_ENDINGS, RELATIONS, RESIDENCY, SEXES, TAGS

_P = ParamSpec("_P")
_R = TypeVar("_R")

_ROOM_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{0,9}$")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Member:
    name: str
    relation: str = "self"
    sex: str | None = None
    birth_year: int | None = None
    phone: str | None = None
    id_number: str | None = None
    id: str = field(default_factory=new_id)
    position: int | None = None  # where the leader put this member in the household, kept through every merge
    # ``None`` while the person lives in the household; ``deceased`` or ``moved_out`` (to another household of the
    # unit, or away) once they no longer do: kept in the household's history, out of the counts of living persons.
    residency: str | None = None
    ended_on: str | None = None  # the day of that death or move, YYYY-MM-DD

    @property
    def is_living_here(self) -> bool:
        return self.residency is None

    @property
    def is_head(self) -> bool:
        return self.relation == "self"


@dataclass
class Household:
    room: str
    members: list[Member] = field(default_factory=list)
    building: str = ""
    unit: str = ""
    floor: int | None = None
    phones: list[str] = field(default_factory=list)
    residency: str = "resident"
    tags: list[str] = field(default_factory=list)
    emergency_name: str = ""
    emergency_phone: str | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)
    ended_on: str | None = None  # the day the household moved out or its last person died (an ended residency)
    moved_to: str = ""  # where it moved to, as the leader was told
    # What a village household, a shop or an institution has beyond a flat (:mod:`fieldgrid.model.places`):
    # absent from the document while empty, so a stairwell's households are stored exactly as before.
    place: dict[str, Any] = field(default_factory=dict)

    @property
    def is_ended(self) -> bool:
        """Moved out, deceased or cancelled: no longer served, kept in the history of its flat."""
        return self.residency in ENDED_RESIDENCY

    @property
    def is_vacant(self) -> bool:
        """Nobody lives here for the leader to serve: a vacant flat, or a household that has ended."""
        return self.residency == "vacant" or self.is_ended

    @property
    def living(self) -> list[Member]:
        """The members who live here now (not deceased, not moved away); nobody once the household has ended."""
        return [] if self.is_ended else [m for m in self.members if m.is_living_here]

    @property
    def head(self) -> Member | None:
        return next((m for m in self.members if m.is_head), None)

    @property
    def head_name(self) -> str:
        head = self.head
        return head.name if head else ""

    @property
    def all_phones(self) -> list[str]:
        """Household phones first, then the members' own, without repeats."""
        seen: list[str] = []
        for phone in [*self.phones, *(m.phone for m in self.members if m.phone)]:
            if phone and phone not in seen:
                seen.append(phone)
        return seen

    def to_doc(self) -> dict[str, Any]:
        doc = dataclasses.asdict(self)
        if not doc["place"]:
            del doc["place"]
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Household:
        names = _field_names(cls)
        data = {k: v for k, v in doc.items() if k in names}
        data["members"] = [member_from_doc(m) for m in doc.get("members", [])]
        data["place"] = dict(doc.get("place") or {}) if isinstance(doc.get("place"), dict) else {}
        return cls(**data)


def member_from_doc(doc: dict[str, Any]) -> Member:
    names = _field_names(Member)
    return Member(**{k: v for k, v in doc.items() if k in names})


_FIELD_NAMES: dict[str, frozenset[str]] = {}


def _field_names(cls: Any) -> frozenset[str]:
    """A dataclass's field names, looked up once."""
    names = _FIELD_NAMES.get(cls.__name__)
    if names is None:
        names = _FIELD_NAMES[cls.__name__] = frozenset(f.name for f in dataclasses.fields(cls))
    return names


def floor_of_room(room: str) -> int | None:
    """``0601`` → 6, ``1203`` → 12, ``702`` → 7: the digits before the last two."""
    digits = re.match(r"^\d+", room)
    if not digits or len(digits.group()) < 3:
        return None
    return int(digits.group()[:-2])


def _collect(errors: list[ValidationError], fn: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R | None:
    """``fn(...)``, or ``None`` with its :class:`ValidationError` added to ``errors``."""
    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        errors.append(exc)
        return None


def validate_member(member: Member, today: dt.date | None = None) -> tuple[Member, list[ValidationError]]:
    errors: list[ValidationError] = []
    errors.extend(control_errors(name=member.name))
    name = fold_width(member.name)
    if not name:
        errors.append(ValidationError("name", "error.name.empty"))
    elif len(name) > 30:
        errors.append(ValidationError("name", "error.name.long"))
    if member.relation not in RELATIONS:
        errors.append(ValidationError("relation", "error.relation.unknown", value=member.relation))
    if member.sex is not None and member.sex not in SEXES:
        errors.append(ValidationError("sex", "error.sex.unknown", value=member.sex))
    _collect(errors, check_birth_year, member.birth_year, today)
    if member.residency is not None and member.residency not in MEMBER_ENDINGS:
        errors.append(ValidationError("residency", "error.residency.unknown", value=member.residency))
    if member.ended_on is not None:
        _collect(errors, check_day, member.ended_on, today, "ended_on")
    phone = _collect(errors, normalize_phone, member.phone) if member.phone else None
    id_number = None
    birth_year, sex = member.birth_year, member.sex
    if member.id_number:
        id_number = _collect(errors, normalize_id_number, member.id_number, birth_year=birth_year, sex=sex, today=today)
        if id_number:
            birth_year = birth_year or id_birth_date(id_number).year
            sex = sex or id_sex(id_number)
    clean = dataclasses.replace(member, name=name, phone=phone, id_number=id_number, birth_year=birth_year, sex=sex)
    return clean, errors


def validate_household(
    household: Household, extra_tags: Sequence[str] = (), today: dt.date | None = None, grid_kind: str = STAIRWELL
) -> Household:
    """The household in its stored form (phones in E.164, IDs upper-case, floor from the room; in a village the
    group is the floor), or :class:`ValidationErrors` naming every bad field."""
    errors: list[ValidationError] = control_errors(
        room=household.room, building=household.building, unit=household.unit, notes=household.notes,
        emergency_name=household.emergency_name,
    )
    room = fold_width(room_of(household.room, grid_kind))
    if not room:
        errors.append(ValidationError("room", "error.room.empty"))
    elif not _ROOM_RE.match(room) and (grid_kind != VILLAGE or village_parts(room) is not None):
        # (a village's room that is no group and number: validate_place says how to write one)
        errors.append(ValidationError("room", "error.room.format", value=household.room))
    # The room decides the floor wherever it can (an edited room moves the household to its new floor);
    # a floor typed by the user only counts for rooms that do not encode one ("A", "B1-02").
    derived = floor_of_room(room)
    floor = derived if derived is not None else household.floor
    if grid_kind != STAIRWELL:  # a village's row is its group; a shop street and an institution have no floors
        floor = parts[0] if grid_kind == VILLAGE and (parts := village_parts(room)) else None
    place, place_errors = validate_place(household.place, grid_kind, room)
    errors.extend(place_errors)
    if floor is not None and not -5 <= floor <= 200:
        errors.append(ValidationError("floor", "error.floor.range", value=floor))
    if household.residency not in RESIDENCY:
        errors.append(ValidationError("residency", "error.residency.unknown", value=household.residency))
    if household.ended_on is not None:
        _collect(errors, check_day, household.ended_on, today, "ended_on")
    errors.extend(control_errors(moved_to=household.moved_to))
    if len(household.moved_to) > 100:
        errors.append(ValidationError("moved_to", "error.text.long", most=100))
    known = set(TAGS) | set(extra_tags)
    for tag in household.tags:
        if tag not in known:
            errors.append(ValidationError("tags", "error.tag.unknown", value=tag))
    phones = [p for p in (_collect(errors, normalize_phone, raw) for raw in household.phones if raw) if p]
    emergency_phone = (
        _collect(errors, normalize_phone, household.emergency_phone, field="emergency_phone")
        if household.emergency_phone
        else None
    )
    members: list[Member] = []
    for index, member in enumerate(household.members):
        clean, member_errors = validate_member(member, today)
        members.append(dataclasses.replace(clean, position=index))
        errors.extend(e.at(f"members.{index}") for e in member_errors)
    heads = [m for m in members if m.is_head]
    if len(heads) > 1:
        errors.append(ValidationError("head", "error.head.many"))
    elif not heads and household.residency != "vacant":
        errors.append(ValidationError("head", "error.head.missing"))
    ids = [m.id_number for m in members if m.id_number and m.is_living_here]
    if len(ids) != len(set(ids)):
        errors.append(ValidationError("members", "error.id.duplicate"))
    if errors:
        raise ValidationErrors(errors)
    return dataclasses.replace(
        household,
        room=room,
        floor=floor,
        building=fold_width(household.building),
        unit=fold_width(household.unit),
        phones=list(dict.fromkeys(phones)),
        tags=list(dict.fromkeys(household.tags)),
        emergency_name=household.emergency_name.strip(),
        emergency_phone=emergency_phone,
        notes=household.notes.strip(),
        moved_to=household.moved_to.strip(),
        members=members,
        place=place,
    )
