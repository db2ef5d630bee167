"""Duplicates at entry: the same person in two households of the unit.

- The same resident ID number held by a living person of another household that is still served is an error,
  naming that household's room and the person (:func:`id_clashes`).
- The same name and birth year in another household is only a likeness: the leader is asked (:func:`namesakes`).

Pure functions over households; the store, the roster import and both faces use them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldgrid.model.errors import ValidationError
from fieldgrid.model.household import Household, Member


@dataclass(frozen=True)
class Namesake:
    """A person being entered (``member``) and someone of the same name and birth year in another household."""

    member: Member
    household: Household
    other: Member


def _others(household: Household, households: Iterable[Household]) -> Iterable[tuple[Household, Member]]:
    for other in households:
        if other.id != household.id:
            for person in other.living:
                yield other, person


def id_clashes(household: Household, households: Iterable[Household]) -> list[ValidationError]:
    """An error at each living member's ID number that a living person of another household already holds."""
    if household.is_ended:
        return []
    held = {p.id_number: (h, p) for h, p in _others(household, households) if p.id_number}
    errors = []
    for index, member in enumerate(household.members):
        if member.is_living_here and member.id_number in held:
            other, person = held[member.id_number]
            errors.append(ValidationError(f"members.{index}.id_number", "error.id.held_elsewhere",
                                          room=other.room, name=person.name))  # fmt: skip
    return errors


def namesakes(household: Household, households: Iterable[Household]) -> list[Namesake]:
    """Living members with the same name and birth year as a living person of another household."""
    if household.is_ended:
        return []
    known: dict[tuple[str, int], list[tuple[Household, Member]]] = {}
    for h, p in _others(household, households):
        if p.birth_year is not None:
            known.setdefault((p.name, p.birth_year), []).append((h, p))
    found = []
    for member in household.living:
        if member.birth_year is None:
            continue
        for h, p in known.get((member.name, member.birth_year), []):
            if not (member.id_number and p.id_number and member.id_number != p.id_number):  # two IDs: two people
                found.append(Namesake(member, h, p))
    return found
