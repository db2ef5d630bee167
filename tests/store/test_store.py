"""The store: CRUD through :class:`Store`, clock stamps per field, tombstones, a database that fails to load,
stale temp files, and a full disk that must change nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from fieldgrid.model import GridPath, LeaderProfile, ValidationErrors
from fieldgrid.record.clock import Stamp
from fieldgrid.store import NotFound, Store, StoreError
from fieldgrid.store.repository import DB_NAME
from testkit.store import WEIGHTS, Ticker, make_id, raw, raw_household, zhang  # noqa: F401


def test_add_read_update_delete(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    assert added.members[0].phone == "+8613800138000" and added.floor == 6
    assert store.households() == [added]
    assert store.household(added.id) == added
    assert store.household(added.id[:6]) == added  # a unique prefix, as typed on the command line
    assert raw_household(home, added.id)["notes"] == "腿脚不便"

    edited = dataclasses.replace(store.household(added.id), notes="已走访", tags=["empty_nest", "living_alone"])
    updated = store.update_household(edited)
    assert store.household(added.id) == updated
    assert store.household(added.id).tags == ["empty_nest", "living_alone"]
    assert raw_household(home, added.id)["notes"] == "已走访"

    deleted = store.delete_household(added.id)
    assert deleted == updated
    assert store.households() == []
    with pytest.raises(NotFound) as info:
        store.household(added.id)
    assert info.value.key == "error.household.not_found"


def test_households_are_sorted_by_floor_and_room(store: Store) -> None:
    for room in ["1203", "0602", "0601", "702", "A"]:
        store.add_household(zhang(room))
    assert [h.room for h in store.households()] == ["A", "0601", "0602", "702", "1203"]


def test_unknown_ids(store: Store) -> None:
    added = store.add_household(zhang())
    for ident in ["nope", "", added.id[:3]]:  # too short a prefix is not a match
        with pytest.raises(NotFound):
            store.household(ident)
    with pytest.raises(NotFound):
        store.update_household(zhang("0901"))
    with pytest.raises(NotFound):
        store.delete_household("nope")
    with pytest.raises(NotFound):
        store.record_meta("nope")


def test_ambiguous_prefix_is_not_found(store: Store) -> None:
    a = store.add_household(zhang("0101", id="abcd1111-0000-4000-8000-000000000000"))
    store.add_household(zhang("0102", id="abcd2222-0000-4000-8000-000000000000"))
    with pytest.raises(NotFound):
        store.household("abcd")
    assert store.household("abcd1") == a


def test_adding_the_same_id_twice_is_refused(store: Store) -> None:
    added = store.add_household(zhang())
    with pytest.raises(StoreError) as info:
        store.add_household(zhang("0602", id=added.id))
    assert info.value.key == "error.household.exists"
    assert len(store.households()) == 1


def test_invalid_household_is_refused_and_nothing_written(store: Store, home: Path) -> None:
    store.add_household(zhang())
    before = (home / DB_NAME).read_bytes()
    with pytest.raises(ValidationErrors):
        store.add_household(zhang("0602", phones=["123"]))
    first = store.households()[0]
    with pytest.raises(ValidationErrors):
        store.update_household(dataclasses.replace(first, members=[]))
    assert (home / DB_NAME).read_bytes() == before
    assert store.households() == [first]


def test_file_is_utf8_json_without_escapes(store: Store, home: Path) -> None:
    store.add_household(zhang())
    data = (home / DB_NAME).read_bytes()
    assert "张建国".encode() in data and b"\\u" not in data


# -- stamps -----------------------------------------------------------------------------------------


def test_every_record_and_member_is_stamped_with_device_and_uuid(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    doc = raw_household(home, added.id)
    meta = doc["_meta"]
    assert meta["device"] == store.device_id and meta["deleted"] is None
    stamp = Stamp.decode(meta["stamp"])
    assert stamp.device == store.device_id
    assert set(meta["fields"]) == {k for k in doc if k not in ("id", "_meta")}
    assert set(meta["fields"].values()) == {meta["stamp"]}
    for member in doc["members"]:
        assert member["_meta"]["stamp"] == meta["stamp"] and member["_meta"]["deleted"] is None
        assert len(member["id"]) == 36
    assert len(added.id) == 36


def test_only_changed_fields_get_a_new_stamp(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    first = raw_household(home, added.id)
    s1 = first["_meta"]["stamp"]

    h = store.household(added.id)
    h.notes = "已走访"
    h.members[1].phone = "13700137000"
    store.update_household(h)
    second = raw_household(home, added.id)
    s2 = second["_meta"]["stamp"]
    assert s2 > s1
    assert second["_meta"]["fields"]["notes"] == s2
    assert {k for k, v in second["_meta"]["fields"].items() if v == s2} == {"notes"}
    assert second["_meta"]["fields"]["room"] == s1
    m0, m1, m2 = second["members"]
    assert m1["_meta"]["fields"]["phone"] == s2 and m1["_meta"]["stamp"] == s2
    assert {k for k, v in m1["_meta"]["fields"].items() if v == s2} == {"phone"}
    assert m0["_meta"] == first["members"][0]["_meta"]  # untouched members keep their stamps
    assert m2["_meta"] == first["members"][2]["_meta"]
    assert store.record_meta(added.id) == second["_meta"]


def test_saving_without_a_change_stamps_nothing(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    before = raw_household(home, added.id)
    store.update_household(store.household(added.id))
    assert raw_household(home, added.id) == before


def test_removed_members_become_tombstones(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    child = added.members[2]
    h = store.household(added.id)
    h.members = h.members[:2]
    store.update_household(h)
    assert [m.name for m in store.household(added.id).members] == ["张建国", "李秀英"]
    doc = raw_household(home, added.id)
    assert [m["id"] for m in doc["members"]] == [m.id for m in added.members]
    tomb = doc["members"][2]
    assert tomb["_meta"]["deleted"] == doc["_meta"]["stamp"]
    assert tomb["name"] == "张小明"  # kept, so a merge can see what was deleted
    # The tombstone stays through later edits and does not come back.
    h = store.household(added.id)
    h.notes = "再次走访"
    store.update_household(h)
    assert [m.id for m in store.household(added.id).members] == [m.id for m in added.members[:2]]
    assert raw_household(home, added.id)["members"][2]["_meta"]["deleted"] == tomb["_meta"]["deleted"]
    # Adding the same member back revives it with fresh stamps.
    h = store.household(added.id)
    h.members.append(child)
    store.update_household(h)
    assert [m.name for m in store.household(added.id).members] == ["张建国", "李秀英", "张小明"]


def test_record_meta_is_a_copy(store: Store) -> None:
    added = store.add_household(zhang())
    store.record_meta(added.id)["fields"]["room"] = "tampered"
    assert store.record_meta(added.id)["fields"]["room"] != "tampered"


def test_reading_gives_copies(store: Store) -> None:
    added = store.add_household(zhang())
    h = store.household(added.id)
    h.members[0].name = "改了但没保存"
    h.tags.append("living_alone")
    assert store.household(added.id) == added
    assert store.households() == [added]


# -- delete is a tombstone --------------------------------------------------------------------------


def test_delete_is_a_tombstone(store: Store, home: Path) -> None:
    added = store.add_household(zhang())
    store.delete_household(added.id[:8])
    doc = raw_household(home, added.id)
    assert doc["_meta"]["deleted"] == doc["_meta"]["stamp"]
    assert doc["room"] == "0601" and len(doc["members"]) == 3
    assert store.households() == []
    assert store.record_meta(added.id)["deleted"]
    with pytest.raises(NotFound):
        store.delete_household(added.id)
    with pytest.raises(NotFound):
        store.update_household(added)
    # The room is free again.
    again = store.add_household(zhang())
    assert [h.id for h in store.households()] == [again.id]


# -- room uniqueness --------------------------------------------------------------------------------


def test_a_room_holds_one_household(store: Store) -> None:
    store.add_household(zhang("0601"))
    with pytest.raises(ValidationErrors) as info:
        store.add_household(zhang("０６０１"))
    assert [(e.field, e.key) for e in info.value.errors] == [("room", "error.room.taken")]
    other = store.add_household(zhang("0602"))
    with pytest.raises(ValidationErrors):
        store.update_household(dataclasses.replace(other, room="0601"))
    assert store.update_household(dataclasses.replace(other, notes="x")).room == "0602"
    # The same room number in another building or unit is another flat.
    store.add_household(zhang("0601", building="7栋"))
    store.add_household(zhang("0601", unit="2单元"))
    assert len(store.households()) == 4


def test_moving_to_another_room_moves_the_floor(store: Store) -> None:
    added = store.add_household(zhang("0601"))
    moved = store.update_household(dataclasses.replace(store.household(added.id), room="1203"))
    assert moved.floor == 12 and store.household(added.id).floor == 12


# -- profile and settings ---------------------------------------------------------------------------


def test_profile_and_its_defaults(store: Store, home: Path) -> None:
    assert store.is_empty() and store.profile() is None
    grid = GridPath(community="光华社区", building="6栋", unit="3单元")
    saved = store.save_profile(LeaderProfile(name="王芳", phone="139 0013 9000", grid=grid, extra_tags=["楼长关照"]))
    assert saved.device_id == store.device_id and saved.phone == "+8613900139000"
    assert store.profile() == saved
    assert not store.is_empty()
    added = store.add_household(zhang(tags=["楼长关照"]))  # the leader's own tag is known
    assert (added.building, added.unit) == ("6栋", "3单元")  # taken from the profile
    saved.name = "王芳芳"
    store.save_profile(saved)
    doc = next(iter(raw(home)["profile"].values()))
    assert doc["name"] == "王芳芳" and doc["_meta"]["fields"]["name"] > doc["_meta"]["fields"]["phone"]


def test_demo_mark(store: Store) -> None:
    assert not store.is_demo
    store.mark_demo()
    assert store.is_demo


def test_insert_raw_keeps_copies(store: Store, home: Path) -> None:
    docs = [{"id": "v1", "notes": "入户走访", "_meta": {"stamp": "s"}}, {"id": "v2", "notes": "回访"}]
    store.insert_raw("visits", docs)
    assert sorted(d["id"] for d in raw(home)["visits"].values()) == ["v1", "v2"]
    docs[0]["_meta"]["stamp"] = "changed by the caller"
    docs[1]["notes"] = "changed by the caller"
    store.add_household(zhang())  # the next write must not carry the caller's later changes
    assert [d["_meta"]["stamp"] for d in raw(home)["visits"].values() if d["id"] == "v1"] == ["s"]
    assert [d["notes"] for d in raw(home)["visits"].values() if d["id"] == "v2"] == ["回访"]


# -- reopening --------------------------------------------------------------------------------------


def test_reopen_returns_the_same_data_device_and_a_clock_that_never_goes_back(home: Path) -> None:
    first = Store(home, now_ms=Ticker(2_000_000_000_000))
    added = first.add_households([zhang("0601"), zhang("0602")])
    first.delete_household(added[1].id)
    device = first.device_id
    households = first.households()
    last = Stamp.decode(first.record_meta(added[1].id)["stamp"])
    first.close()

    # The wall clock is now a year behind (a Raspberry Pi without its RTC battery, say).
    again = Store(home, now_ms=Ticker(1_970_000_000_000))
    assert again.device_id == device
    assert again.households() == households
    h = again.household(added[0].id)
    h.notes = "reopened"
    again.update_household(h)
    stamp = Stamp.decode(again.record_meta(added[0].id)["stamp"])
    assert stamp > last
    assert stamp.device == device
    assert again.notices == []
    again.close()


def test_different_homes_get_different_devices(tmp_path: Path) -> None:
    assert Store(tmp_path / "a").device_id != Store(tmp_path / "b").device_id
