"""The rules of moves, deaths and duplicates (fieldgrid.model.moves, fieldgrid.model.duplicates): pure functions,
checked on examples and as properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model import Household, Member, ValidationErrors
from fieldgrid.model.duplicates import id_clashes, namesakes
from fieldgrid.model.moves import mark_deceased, move_out, move_person, on_the_map
from fieldgrid.model.validation import id_check_char

TODAY = dt.date(2026, 11, 30)


def an_id(seq: int) -> str:
    first = f"51012919800101{seq:03d}"
    return first + id_check_char(first)


def family(room: str, *names: str, residency: str = "resident") -> Household:
    members = [Member(name=n, relation="self" if i == 0 else "child", birth_year=1980 + i) for i, n in enumerate(names)]
    return Household(room=room, members=members, residency=residency)


def test_a_future_day_is_refused() -> None:
    with pytest.raises(ValidationErrors) as info:
        move_out(family("0601", "甲"), "2026-12-01", today=TODAY)
    assert info.value.errors[0].key == "error.date.future"


def test_the_head_cannot_leave_people_behind_but_the_last_person_takes_the_household() -> None:
    a, b = family("0601", "甲", "乙"), family("0602", "丙")
    with pytest.raises(ValidationErrors):
        move_person(a, b, "甲", "2026-11-01", TODAY)
    a, b = move_person(a, b, "乙", "2026-11-01", TODAY)
    a, b = move_person(a, b, "甲", "2026-11-02", TODAY)
    assert a.residency == "moved_out" and a.moved_to == "0602" and not a.living
    assert [m.name for m in b.living] == ["丙", "乙", "甲"] and len({m.id for m in b.members}) == 3


@given(st.permutations(["甲", "乙", "丙", "丁"]))
def test_each_death_leaves_one_fewer_living_and_the_last_ends_the_household(order: list[str]) -> None:
    household = family("0601", "甲", "乙", "丙", "丁")
    for n, name in enumerate(order, start=1):
        household = mark_deceased(household, name, "2026-11-01", TODAY)
        assert len(household.living) == 4 - n
        assert len(household.members) == 4  # kept in history
    assert household.residency == "deceased" and household.ended_on == "2026-11-01"
    with pytest.raises(ValidationErrors):
        mark_deceased(household, "甲", "2026-11-01", TODAY)


households_in_rooms = st.lists(
    st.tuples(st.sampled_from(["0601", "0602", "0701"]),
              st.sampled_from(["resident", "vacant", "moved_out", "deceased"]),
              st.dates(dt.date(2020, 1, 1), TODAY)),
    max_size=8,
)  # fmt: skip


@given(households_in_rooms)
def test_the_map_shows_one_household_per_flat_the_living_one_first(rows: list[tuple[str, str, dt.date]]) -> None:
    households = [Household(room=room, residency=res, ended_on=day.isoformat() if res in ("moved_out", "deceased")
                            else None) for room, res, day in rows]  # fmt: skip
    shown = on_the_map(households)
    assert sorted(h.room for h in shown) == sorted({h.room for h in households})
    for h in shown:
        same = [o for o in households if o.room == h.room]
        if any(not o.is_ended for o in same):
            assert not h.is_ended
        else:
            assert h.ended_on == max(o.ended_on or "" for o in same)


@given(st.lists(st.integers(0, 5), min_size=1, max_size=6), st.integers(0, 5), st.booleans())
def test_an_id_number_clashes_exactly_when_a_living_person_elsewhere_holds_it(
    held: list[int], mine: int, moved_out: bool
) -> None:
    others = [Household(room=f"0{n + 1}01", members=[Member(name=f"人{n}", id_number=an_id(seq))],
                        residency="moved_out" if moved_out else "resident")
              for n, seq in enumerate(held)]  # fmt: skip
    me = Household(room="0901", members=[Member(name="我", id_number=an_id(mine))])
    clashes = id_clashes(me, others)
    assert bool(clashes) == (mine in held and not moved_out)
    if clashes:
        room = f"0{held.index(mine) + 1}01" if held.count(mine) == 1 else None
        assert clashes[0].field == "members.0.id_number"
        assert room is None or clashes[0].params["room"] == room


def test_namesakes_are_the_same_name_and_year_unless_two_id_numbers_tell_them_apart() -> None:
    there = Household(room="0601", members=[Member(name="王芳", birth_year=1980, id_number=an_id(1))])
    same = Household(room="0602", members=[Member(name="王芳", birth_year=1980)])
    other_year = Household(room="0602", members=[Member(name="王芳", birth_year=1981)])
    other_id = Household(room="0602", members=[Member(name="王芳", birth_year=1980, id_number=an_id(3))])
    assert [n.household.room for n in namesakes(same, [there])] == ["0601"]
    assert namesakes(other_year, [there]) == [] and namesakes(other_id, [there]) == []
