"""Moves and deaths (迁出 / 去世 / 迁入): pure functions that turn a household into what it becomes, and the one
household of each flat the map shows.

A household that moves out, or whose last person dies, keeps its record with an ended residency (``moved_out``,
``deceased``), the day and where to: its flat is vacant for the map and a new household may move in, in a record
of its own.  A person who dies or moves to another household of the unit stays in their household's history with
their own ending (``Member.residency``) and leaves the counts of living persons.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import Household, Member, new_id
from fieldgrid.model.validation import check_day, fold_width


def _day(text: str, today: dt.date | None) -> str:
    try:
        return check_day(text, today, "date").isoformat()
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None


def _still_here(household: Household) -> None:
    if household.is_ended:
        raise ValidationErrors([ValidationError("room", "error.move.ended", room=household.room)])


def move_out(household: Household, day: str, to: str = "", today: dt.date | None = None) -> Household:
    """The whole household moved out on ``day`` (to ``to``): its residency ends, its people stay in its history."""
    _still_here(household)
    if household.residency == "vacant":
        raise ValidationErrors([ValidationError("room", "error.move.vacant", room=household.room)])
    return dataclasses.replace(household, residency="moved_out", ended_on=_day(day, today), moved_to=to.strip())


def find_living(household: Household, name: str) -> Member:
    """The one living member called ``name`` (width-folded, blanks trimmed)."""
    wanted = fold_width(name)
    found = [m for m in household.living if m.name == wanted]
    if len(found) != 1:
        key = "error.person.unknown" if not found else "error.person.ambiguous"
        raise ValidationErrors([ValidationError("person", key, name=wanted, room=household.room)])
    return found[0]


def _end_member(household: Household, member: Member, how: str, day: str) -> Household:
    members = [dataclasses.replace(m, residency=how, ended_on=day) if m.id == member.id else m
               for m in household.members]  # fmt: skip
    changed = dataclasses.replace(household, members=members)
    if not changed.living:  # the last person: the household itself ends, the same way
        changed = dataclasses.replace(changed, residency=how, ended_on=day)
    return changed


def mark_deceased(household: Household, name: str, day: str, today: dt.date | None = None) -> Household:
    """``name`` died on ``day``: kept in the household's history, out of its living persons; the last person's
    death ends the household (residency ``deceased``)."""
    _still_here(household)
    clean_day = _day(day, today)
    return _end_member(household, find_living(household, name), "deceased", clean_day)


def appoint_head(household: Household, name: str) -> Household:
    """``name``, a living member, becomes the household's head (户主) — after the head died or moved away, or as
    the family decides.  The former head, kept in the history, is then recorded as ``other``; the others'
    relations were written to the former head and are left for the leader to correct."""
    _still_here(household)
    chosen = find_living(household, name)
    if chosen.is_head:
        raise ValidationErrors([ValidationError("person", "error.head.already", name=chosen.name)])
    members = [dataclasses.replace(m, relation="self") if m.id == chosen.id
               else dataclasses.replace(m, relation="other") if m.is_head else m
               for m in household.members]  # fmt: skip
    return dataclasses.replace(household, members=members)


def move_person(
    source: Household, target: Household, name: str, day: str, today: dt.date | None = None
) -> tuple[Household, Household]:
    """``name`` moves from ``source`` to ``target`` (both of the unit) on ``day``: in ``source`` they stay in
    its history as moved out (the household ends if they were its last person); in ``target`` they are a new
    member with their own record (as head when ``target`` had nobody living in it).  A head who leaves people
    behind is refused: the household needs its head changed first."""
    clean_day = _day(day, today)
    if source.id == target.id:
        raise ValidationErrors([ValidationError("to", "error.move.same", room=source.room)])
    _still_here(source)
    _still_here(target)
    person = find_living(source, name)
    if person.is_head and len(source.living) > 1:
        raise ValidationErrors([ValidationError("person", "error.move.head_leaves", name=person.name,
                                                room=source.room)])  # fmt: skip
    left = _end_member(source, person, "moved_out", clean_day)
    if not left.living:
        left = dataclasses.replace(left, moved_to=target.room)
    relation = "other" if target.living else "self"
    if not target.living:
        # Whoever held the head's place before (a vacant flat's owner) stays in the history, not at its head.
        members = [dataclasses.replace(m, relation="other") if m.is_head else m for m in target.members]
    else:
        members = list(target.members)
    arrived = dataclasses.replace(person, id=new_id(), relation=relation, position=None, residency=None,
                                  ended_on=None)  # fmt: skip
    residency = "resident" if target.residency == "vacant" else target.residency
    return left, dataclasses.replace(target, members=[*members, arrived], residency=residency)


def on_the_map(households: Iterable[Household]) -> list[Household]:
    """One household per flat: the one living there now, else (a flat whose household ended) the one that ended
    last, which the map shows vacant.  Households with no room in common are all kept, in their order."""
    chosen: dict[tuple[str, str, str], Household] = {}
    order: list[tuple[str, str, str]] = []
    for h in households:
        place = (h.building, h.unit, h.room)
        if place not in chosen:
            chosen[place] = h
            order.append(place)
        elif _rank(h) > _rank(chosen[place]):
            chosen[place] = h
    return [chosen[p] for p in order]


def _rank(household: Household) -> tuple[int, str]:
    return (0 if household.is_ended else 1, household.ended_on or "")
