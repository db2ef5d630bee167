"""The members of a household stay in the order the leader set, carried as data (each member's ``position``):
the same on the device and at the station, through every merge in either direction."""

from __future__ import annotations

from typing import Any

from fieldgrid.model import Member
from fieldgrid.station.exchange import StationClock, edit_household, import_paths, returns
from fieldgrid.sync import device


def test_the_leaders_order_survives_the_round_trip(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    household = store.households()[0]
    household.members = [
        household.members[0],
        Member("张小明", "child", "M", 2010),
        Member("李四", "spouse", "F", 1962),  # the leader typed the spouse last: so be it
        Member("张老太", "parent", "F", 1935),
    ]
    store.update_household(household)
    order = [m.name for m in store.household(household.id).members]
    assert order == ["张三", "张小明", "李四", "张老太"]
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    [at_station] = [d for d in db.docs("households") if d["id"] == household.id]
    assert [m["name"] for m in at_station["members"]] == order
    edit_household(db, StationClock(db), household.id, {"notes": "已核实"})
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    device.import_return(store, keys, back)
    merged = store.household(household.id)
    assert merged.notes == "已核实" and [m.name for m in merged.members] == order
    # Moving a member is an edit like any other: it travels and is applied on the other side.
    merged.members = [merged.members[0], merged.members[2], merged.members[1], merged.members[3]]
    store.update_household(merged)
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up2").path])
    [at_station] = [d for d in db.docs("households") if d["id"] == household.id]
    assert [m["name"] for m in at_station["members"]] == ["张三", "李四", "张小明", "张老太"]
