"""Household, member and profile validation: the stored form, and every bad field named at once."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.model import (
    GridPath,
    Household,
    LeaderProfile,
    Member,
    ValidationErrors,
    floor_of_room,
    validate_household,
    validate_member,
    validate_profile,
)
from fieldgrid.model.vocabulary import RELATIONS, RESIDENCY, TAGS

TODAY = dt.date(2026, 11, 23)
# No per-example deadline: the first call loads phonenumbers' metadata, which a slow CI box may take
# longer than hypothesis' 200 ms for.
no_deadline = settings(deadline=None)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def make_id(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


ID_MALE_1958 = make_id("51010419580314003")  # 17th digit 3: male
ID_FEMALE_1960 = make_id("51010419600101002")  # 17th digit 2: female
ID_CHILD_2012 = make_id("51010420120620005")


def household(**changes: object) -> Household:
    base = Household(
        room="0601",
        members=[
            Member(name="张建国", relation="self", phone="138 0013 8000", id_number=ID_MALE_1958),
            Member(name="李秀英", relation="spouse", id_number=ID_FEMALE_1960),
        ],
        phones=["028-8765 4321"],
    )
    return dataclasses.replace(base, **changes)


def errors_of(h: Household, **kwargs: object) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as info:
        validate_household(h, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return {e.field: e.key for e in info.value.errors}


# -- rooms and floors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("room", "floor"), [("0601", 6), ("1203", 12), ("702", 7), ("2501", 25), ("10001", 100), ("12", None), ("A", None)]
)
def test_floor_of_room(room: str, floor: int | None) -> None:
    assert floor_of_room(room) == floor


@no_deadline
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_floor_is_derived_from_any_room(floor: int, door: int) -> None:
    clean = validate_household(household(room=f"{floor:02d}{door:02d}"), today=TODAY)
    assert clean.floor == floor
    assert clean.room == f"{floor:02d}{door:02d}"


def test_the_room_decides_the_floor_even_when_an_old_floor_is_given() -> None:
    # Editing a household's room from 0601 to 1203 must move it to floor 12, not keep the stored 6.
    stored = validate_household(household(room="0601"), today=TODAY)
    assert stored.floor == 6
    moved = validate_household(dataclasses.replace(stored, room="1203"), today=TODAY)
    assert moved.floor == 12


def test_a_typed_floor_counts_where_the_room_has_none() -> None:
    assert validate_household(household(room="A", floor=3), today=TODAY).floor == 3
    assert validate_household(household(room="B-2", floor=-1), today=TODAY).floor == -1
    assert validate_household(household(room="A"), today=TODAY).floor is None


def test_full_width_room_is_folded() -> None:
    assert validate_household(household(room="０６０１"), today=TODAY).room == "0601"
    assert validate_household(household(room=" 1203 "), today=TODAY).room == "1203"


@pytest.mark.parametrize("room", ["06 01", "0601号", "#0601", "-0601", "06/01", "12345678901", "六零一"])
def test_bad_room_formats(room: str) -> None:
    assert errors_of(household(room=room))["room"] == "error.room.format"


def test_empty_room() -> None:
    assert errors_of(household(room="  "))["room"] == "error.room.empty"


def test_implausible_floor() -> None:
    assert errors_of(household(room="99901"))["floor"] == "error.floor.range"
    assert errors_of(household(room="A", floor=500))["floor"] == "error.floor.range"


# -- heads of household -----------------------------------------------------------------------------


def test_a_household_needs_its_head() -> None:
    no_head = household(members=[Member(name="李秀英", relation="spouse")])
    assert errors_of(no_head) == {"head": "error.head.missing"}
    assert errors_of(household(members=[])) == {"head": "error.head.missing"}


def test_only_one_head() -> None:
    two = household(members=[Member(name="张三", relation="self"), Member(name="李四", relation="self")])
    assert errors_of(two) == {"head": "error.head.many"}


def test_a_vacant_flat_needs_no_head() -> None:
    vacant = validate_household(household(residency="vacant", members=[]), today=TODAY)
    assert vacant.head is None and vacant.head_name == ""
    # ...but still at most one.
    two = [Member(name="张三", relation="self"), Member(name="李四", relation="self")]
    assert errors_of(household(residency="vacant", members=two)) == {"head": "error.head.many"}


def test_head_and_phones_helpers() -> None:
    clean = validate_household(household(), today=TODAY)
    assert clean.head is not None and clean.head.name == "张建国"
    assert clean.head_name == "张建国"
    assert clean.all_phones == ["+862887654321", "+8613800138000"]


# -- vocabularies -----------------------------------------------------------------------------------


def test_unknown_tag_residency_relation_sex() -> None:
    h = household(
        tags=["living_alone", "独居老人", "vip"],
        residency="owner",
        members=[Member(name="张三", relation="self", sex="X"), Member(name="李四", relation="cousin")],
    )
    with pytest.raises(ValidationErrors) as info:
        validate_household(h, today=TODAY)
    found = [(e.field, e.key, e.params.get("value")) for e in info.value.errors]
    assert ("tags", "error.tag.unknown", "独居老人") in found  # labels are parsed by the UI, not stored
    assert ("tags", "error.tag.unknown", "vip") in found
    assert ("residency", "error.residency.unknown", "owner") in found
    assert ("members.0.sex", "error.sex.unknown", "X") in found
    assert ("members.1.relation", "error.relation.unknown", "cousin") in found
    assert not any(e.params.get("value") == "living_alone" for e in info.value.errors)


def test_every_vocabulary_code_is_accepted() -> None:
    for residency in RESIDENCY:
        assert validate_household(household(residency=residency), today=TODAY).residency == residency
    assert validate_household(household(tags=list(TAGS)), today=TODAY).tags == list(TAGS)
    members = [Member(name="户主", relation="self")] + [Member(name=f"成员{r}", relation=r) for r in RELATIONS]
    assert len(validate_household(household(members=members[:1] + members[2:]), today=TODAY).members) == len(RELATIONS)


def test_leader_tags_extend_the_vocabulary_and_tags_are_deduplicated() -> None:
    h = household(tags=["楼长关照", "living_alone", "living_alone"])
    assert errors_of(h)["tags"] == "error.tag.unknown"
    assert validate_household(h, extra_tags=["楼长关照"], today=TODAY).tags == ["楼长关照", "living_alone"]


# -- errors collected with their paths --------------------------------------------------------------


def test_every_bad_field_is_named_with_its_path() -> None:
    bad_check = ID_FEMALE_1960[:-1] + ("0" if ID_FEMALE_1960[-1] != "0" else "1")
    h = household(
        room="06 01",
        phones=["12345"],
        emergency_phone="abc",
        members=[
            Member(name="张建国", relation="self", phone="1380013800"),
            Member(name="", relation="spouse", id_number=bad_check),
            Member(name="张小明", relation="child", birth_year=1850),
        ],
    )
    assert errors_of(h) == {
        "room": "error.room.format",
        "phone": "error.phone.invalid",
        "emergency_phone": "error.phone.unreadable",
        "members.0.phone": "error.phone.invalid",
        "members.1.name": "error.name.empty",
        "members.1.id_number": "error.id.check",
        "members.2.birth_year": "error.birth_year.range",
    }


def test_for_field_finds_an_error() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_household(household(room=""), today=TODAY)
    found = info.value.for_field("room")
    assert found is not None and found.key == "error.room.empty"
    assert info.value.for_field("notes") is None


def test_member_id_must_agree_with_entered_birth_year_and_sex() -> None:
    members = [Member(name="张建国", relation="self", id_number=ID_MALE_1958, birth_year=1959, sex="F")]
    with pytest.raises(ValidationErrors) as info:
        validate_household(household(members=members), today=TODAY)
    assert [(e.field, e.key) for e in info.value.errors] == [("members.0.id_number", "error.id.birth_year")]
    members = [Member(name="张建国", relation="self", id_number=ID_MALE_1958, sex="F")]
    assert errors_of(household(members=members)) == {"members.0.id_number": "error.id.sex"}


def test_duplicate_id_numbers_in_one_household() -> None:
    members = [
        Member(name="张建国", relation="self", id_number=ID_MALE_1958),
        Member(name="张建军", relation="sibling", id_number=ID_MALE_1958.lower()),
    ]
    assert errors_of(household(members=members)) == {"members": "error.id.duplicate"}


def test_names() -> None:
    assert errors_of(household(members=[Member(name=" ", relation="self")])) == {"members.0.name": "error.name.empty"}
    assert errors_of(household(members=[Member(name="张" * 31, relation="self")])) == {
        "members.0.name": "error.name.long"
    }
    assert validate_household(household(members=[Member(name="张" * 30, relation="self")]), today=TODAY)


# -- the stored form --------------------------------------------------------------------------------


def test_birth_year_and_sex_are_filled_from_the_id() -> None:
    clean = validate_household(
        household(members=[Member(name="王小红", relation="self", id_number=make_id("51010420120620002"))]),
        today=TODAY,
    )
    member = clean.members[0]
    assert (member.birth_year, member.sex) == (2012, "F")
    clean = validate_household(household(), today=TODAY)
    assert [(m.birth_year, m.sex) for m in clean.members] == [(1958, "M"), (1960, "F")]


def test_given_birth_year_and_sex_are_kept() -> None:
    member, errors = validate_member(Member(name="王五", relation="self", birth_year=1970, sex="M"), TODAY)
    assert errors == []
    assert (member.birth_year, member.sex) == (1970, "M")


def test_stored_form_is_normalised() -> None:
    h = household(
        building=" ６栋 ",
        unit="3单元",
        phones=["028-8765 4321", "02887654321", "+86 13900139000"],
        emergency_name=" 张小明 ",
        emergency_phone="０１０－８８８８８８８８",
        notes="  腿脚不便  ",
        members=[
            Member(name=" 张建国 ", relation="self", phone="+86 138-0013-8000", id_number=ID_CHILD_2012.lower()),
        ],
    )
    clean = validate_household(h, today=TODAY)
    assert clean.building == "6栋" and clean.unit == "3单元"
    assert clean.phones == ["+862887654321", "+8613900139000"]
    assert clean.emergency_name == "张小明" and clean.emergency_phone == "+861088888888"
    assert clean.notes == "腿脚不便"
    assert clean.members[0].name == "张建国"
    assert clean.members[0].phone == "+8613800138000"
    assert clean.members[0].id_number == ID_CHILD_2012.upper()
    assert clean.id == h.id and clean.members[0].id == h.members[0].id


def test_validation_leaves_its_input_alone() -> None:
    h = household(room="０６０１")
    before = dataclasses.asdict(h)
    validate_household(h, today=TODAY)
    assert dataclasses.asdict(h) == before


def test_validating_twice_changes_nothing() -> None:
    once = validate_household(household(), today=TODAY)
    assert validate_household(once, today=TODAY) == once


def test_doc_round_trip_ignores_unknown_keys() -> None:
    clean = validate_household(household(tags=["living_alone"]), today=TODAY)
    doc = clean.to_doc()
    assert Household.from_doc(doc) == clean
    doc["_meta"] = {"stamp": "x"}
    doc["members"][0]["_meta"] = {"stamp": "x"}
    doc["added_by_a_later_version"] = 1
    assert Household.from_doc(doc) == clean


def test_ids_are_unique_uuids() -> None:
    ids = {Household(room="0101").id for _ in range(100)} | {Member(name="x").id for _ in range(100)}
    assert len(ids) == 200
    assert all(len(i) == 36 for i in ids)


# -- the leader's profile ---------------------------------------------------------------------------


def profile(**changes: object) -> LeaderProfile:
    grid = GridPath(street="柳城街道", community="光华社区", compound="橙郡一期", building="6栋", unit="3单元")
    return dataclasses.replace(LeaderProfile(name="王芳", phone="139 0013 9000", grid=grid), **changes)


def test_profile_is_normalised() -> None:
    p = profile(name=" 王芳 ", extra_tags=[" 楼长关照 ", "", "　"])
    p.grid.community_code = "５１０１２９００１０１３"
    clean = validate_profile(p)
    assert clean.name == "王芳" and clean.phone == "+8613900139000"
    assert clean.grid.community_code == "510129001013"
    assert clean.extra_tags == ["楼长关照"]
    assert clean.grid.label() == "橙郡一期6栋3单元"
    assert LeaderProfile.from_doc(clean.to_doc()) == clean


def test_profile_errors_are_collected() -> None:
    p = profile(name="", phone="123", grid=GridPath(community="", building="6栋", unit="", community_code="5101"))
    with pytest.raises(ValidationErrors) as info:
        validate_profile(p)
    assert {e.field: e.key for e in info.value.errors} == {
        "name": "error.name.empty",
        "phone": "error.phone.invalid",
        "grid.community": "error.grid.empty",
        "grid.unit": "error.grid.empty",
        "grid.community_code": "error.grid.code",
    }


def test_profile_from_an_older_doc() -> None:
    p = LeaderProfile.from_doc({"name": "王芳", "phone": "+8613900139000", "grid": {"unit": "3单元", "gone": 1}})
    assert p.grid.unit == "3单元" and p.extra_tags == [] and p.device_id == ""
