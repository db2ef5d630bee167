"""Importing a roster: rows → persons → households, matched against the unit's households, checked by the same
rules as a household typed by hand.  The result is a plan — what would be created, what updated, which rows
are rejected and why — that the caller shows (a dry run) or applies in one atomic write.

Matching, so that importing the same file again changes nothing: a household by building + unit + room; a
member by name and, where the file has one, ID number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from fieldgrid.i18n import parse_label
from fieldgrid.model import Household, Member, ValidationError, ValidationErrors, validate_household
from fieldgrid.model.duplicates import Namesake, id_clashes, namesakes
from fieldgrid.model.places import STAIRWELL, room_of
from fieldgrid.model.profile import parts_outside
from fieldgrid.model.vocabulary import RELATIONS, RESIDENCY, SEXES, TAGS
from fieldgrid.roster.columns import (
    RELATION_WORDS,
    RESIDENCY_WORDS,
    SEX_WORDS,
    Person,
    find_header,
    fold,
    is_blank,
    read_person,
    split_emergency,
    split_tags,
)


@dataclass(frozen=True)
class Rejected:
    row: int
    field: str
    key: str
    params: Mapping[str, object]


@dataclass
class Plan:
    creates: list[Household] = field(default_factory=list)
    updates: list[Household] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    rows: int = 0  # people read
    namesakes: list[Namesake] = field(default_factory=list)  # the same name and birth year elsewhere: to check

    @property
    def changes(self) -> int:
        return len(self.creates) + len(self.updates)


def _code(kind: str, text: str, words: Mapping[str, str], codes: Sequence[str]) -> str | None:
    key = fold(text)
    if not key:
        return None
    return words.get(key) or words.get(key.lower()) or parse_label(kind, key, codes)


def _reject(plan: Plan, person: Person, error: ValidationError) -> None:
    plan.rejected.append(Rejected(person.row, error.field, error.key, error.params))


def _member(person: Person, head_name: str) -> Member:
    v = person.values
    relation = _code("relation", v.get("relation", ""), RELATION_WORDS, RELATIONS)
    if relation is None:
        if v.get("relation"):
            person.errors.append(ValidationError("relation", "error.relation.unknown", value=v["relation"]))
        relation = "self" if head_name and v.get("name") == head_name else "other"
    sex = _code("sex", v.get("sex", ""), SEX_WORDS, SEXES)
    if v.get("sex") and sex is None:
        person.errors.append(ValidationError("sex", "error.sex.unknown", value=v["sex"]))
    return Member(
        name=v.get("name") or v.get("head_name", ""),
        relation=relation,
        sex=sex,
        birth_year=person.birth_year,
        phone=v.get("phone") or None,
        id_number=v.get("id_number") or None,
    )


def _same(a: Member, b: Member) -> bool:
    return a.name == b.name and (not a.id_number or not b.id_number or a.id_number == b.id_number)


def _merge(existing: Household, incoming: Household) -> Household:
    """``existing`` with the file's values laid over it: non-empty values win, members matched by name (+ ID)."""
    members = [dataclasses.replace(m) for m in existing.members]
    for new in incoming.members:
        match = next((m for m in members if _same(m, new)), None)
        if match is None:
            members.append(new)
            continue
        for name in ("relation", "sex", "birth_year", "phone", "id_number"):
            value = getattr(new, name)
            if value not in (None, ""):
                setattr(match, name, value)
    return dataclasses.replace(
        existing,
        members=members,
        residency=incoming.residency if incoming.residency != "resident" or existing.residency == "resident"
        else existing.residency,
        tags=list(dict.fromkeys([*existing.tags, *incoming.tags])),
        phones=list(dict.fromkeys([*existing.phones, *incoming.phones])),
        emergency_name=incoming.emergency_name or existing.emergency_name,
        emergency_phone=incoming.emergency_phone or existing.emergency_phone,
        notes=incoming.notes or existing.notes,
    )  # fmt: skip


def plan_import(
    rows: Sequence[tuple[int, Sequence[object]]],
    existing: Sequence[Household],
    *,
    building: str,
    unit: str,
    extra_tags: Sequence[str] = (),
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    grid_kind: str = STAIRWELL,
) -> Plan:
    """What importing ``rows`` would do to the unit's ``existing`` households (nothing is written); ``grid_kind``:
    the unit's kind, whose addresses a row may use (a village's ``3组15号`` is the household of room ``3-15``)."""
    today = today or dt.date.today()
    header, columns = find_header(rows, mapping or {})
    plan = Plan()
    groups: dict[tuple[str, str, str], list[tuple[Person, Member | None]]] = {}
    tag_codes = [*TAGS, *extra_tags]
    for row, cells in rows[header + 1 :]:
        if is_blank(cells):
            continue
        person = read_person(row, cells, columns, today)
        plan.rows += 1
        v = person.values
        room = room_of(v.get("room", ""), grid_kind)
        if not room:
            person.errors.append(ValidationError("room", "error.roster.no_room"))
        member = _member(person, v.get("head_name", "")) if v.get("name") or v.get("head_name") else None
        if person.errors:
            for error in person.errors:
                _reject(plan, person, error)
            continue
        key = (v.get("building") or building, v.get("unit") or unit, room)
        # A row of another building or unit is this device's to refuse: its station would refuse the bundle.
        mine, place = {"building": building, "unit": unit}, {"building": key[0], "unit": key[1]}
        outside = [ValidationError(part, "error.grid.outside", value=place[part], grid=mine[part])
                   for part in parts_outside(mine, place)]  # fmt: skip
        if outside:
            _reject(plan, person, outside[0])
            continue
        groups.setdefault(key, []).append((person, member))
    # A flat's household that moved out or died is history: a row of that flat is a new household moving in.
    by_place = {(h.building, h.unit, h.room): h for h in existing if not h.is_ended}
    for (b, u, room), people in groups.items():
        head_row = next((p for p, m in people if m is not None and m.relation == "self"), people[0][0]).values
        residency = _code("residency", head_row.get("residency", ""), RESIDENCY_WORDS, RESIDENCY) or "resident"
        tags: list[str] = []
        bad: list[tuple[Person, ValidationError]] = []
        for person, _ in people:
            for text in split_tags(person.values.get("tags", "")):
                code = _code("tag", text, {}, tag_codes)
                if code is None:
                    bad.append((person, ValidationError("tags", "error.tag.unknown", value=text)))
                elif code not in tags:
                    tags.append(code)
        emergency_name, emergency_phone = split_emergency(head_row.get("emergency", ""))
        floor_text = head_row.get("floor", "")
        incoming = Household(
            room=room, building=b, unit=u, floor=int(floor_text) if floor_text.lstrip("-").isdigit() else None,
            residency=residency, tags=tags, members=[m for _, m in people if m is not None],
            phones=split_tags(head_row.get("household_phones", "")), emergency_name=emergency_name,
            emergency_phone=emergency_phone or None, notes=head_row.get("notes", ""),
        )  # fmt: skip
        current = by_place.get((b, u, room))
        for person, error in bad:  # an unknown tag: only that row is refused
            _reject(plan, person, error)
            people = [(p, m) for p, m in people if p is not person]
        clean = None
        while people:
            candidate = _merge(current, _with_members(incoming, people)) if current else _with_members(incoming, people)
            try:
                clean = validate_household(candidate, extra_tags, today, grid_kind)
                clashes = id_clashes(clean, _others(existing, plan, (b, u, room)))
                if clashes:  # an ID number a person of another household holds: that row is refused
                    clean = None
                    raise ValidationErrors(clashes)
                break
            except ValidationErrors as exc:
                blamed = _blame(exc.errors, people, candidate)
                for person, error in blamed:
                    _reject(plan, person, error)
                if not _member_only(exc):
                    break  # the household itself is wrong (no head, two heads): every row is refused
                faulty = {id(p) for p, _ in blamed}  # drop the people at fault and try the rest again
                people = [(p, m) for p, m in people if id(p) not in faulty]
        if clean is None:
            continue
        # Only a likeness, not an error: the dry run lists them, so the leader checks before --apply.
        plan.namesakes.extend(n for n in namesakes(clean, _others(existing, plan, (b, u, room)))
                              if current is None or n.member not in current.members)  # fmt: skip
        if current is None:
            plan.creates.append(clean)
        elif clean == validate_household(current, extra_tags, today, grid_kind):
            plan.unchanged += 1
        else:
            plan.updates.append(clean)
    plan.rejected.sort(key=lambda r: r.row)
    return plan


def _others(existing: Sequence[Household], plan: Plan, place: tuple[str, str, str]) -> list[Household]:
    """The unit's other households as they will be once the rows planned so far are in."""
    planned = {h.id: h for h in [*plan.creates, *plan.updates]}
    mine = [h for h in existing if h.id not in planned]
    return [h for h in [*mine, *planned.values()] if (h.building, h.unit, h.room) != place]


def _with_members(household: Household, people: Sequence[tuple[Person, Member | None]]) -> Household:
    return dataclasses.replace(household, members=[m for _, m in people if m is not None])


def _member_only(exc: ValidationErrors) -> bool:
    """Whether every error belongs to one member (so the rest of the household can still come in)."""
    return all(e.field.startswith("members.") for e in exc.errors)


def _blame(
    errors: Sequence[ValidationError], people: Sequence[tuple[Person, Member | None]], household: Household
) -> list[tuple[Person, ValidationError]]:
    """Each error to the row it came from: a member's error to that member's row, the rest to every row."""
    blamed: list[tuple[Person, ValidationError]] = []
    for error in errors:
        parts = error.field.split(".")
        if parts[0] == "members" and len(parts) >= 3 and parts[1].isdigit():
            member = household.members[int(parts[1])]
            owner = next((p for p, m in people if m is not None and _same(m, member)), None)
            if owner is not None:
                blamed.append((owner, ValidationError(".".join(parts[2:]), error.key, **error.params)))
                continue
        blamed.extend((p, error) for p, _ in people)
    return blamed
