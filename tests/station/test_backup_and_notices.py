"""A unit's backup leader (post B) and notices (#11).  The backup's device receives the unit's records when it
is enrolled and every change the leader makes after, and the leader receives the backup's: one unit, two
devices, the station relaying.  Notices go to all, to a unit or to a leader by name, for the residents or for
the leaders only; an unknown target is refused and nothing is queued."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from fieldgrid.errors import Refused
from fieldgrid.model import LeaderProfile
from fieldgrid.record.tables import NOTICES
from fieldgrid.station.exchange import enroll, import_paths, notice, notice_targets, returns, station_identity
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.sync import GRID, make_device, station_dump


def backup_device(tmp: Path, db: Any, station_keys: Keys) -> tuple[Store, Keys]:
    """The backup leader's new device: a profile for the same unit, no households of its own yet."""
    store = Store(tmp / "backup")
    store.save_profile(LeaderProfile("李强", "13900139000", GRID))
    keys = Keys(tmp / "backup")
    device.trust(store, station_identity(db, station_keys))
    return store, keys


def round_trip(db: Any, station_keys: Keys, tmp: Path, *devices: tuple[Store, Keys]) -> None:
    """Each device's bundle to the station, then each device imports its return."""
    for n, (store, keys) in enumerate(devices):
        import_paths(db, station_keys, [device.export(store, keys, tmp / f"up-{n}-{store.clock_stamp()}").path])
    backs = {dev: path for dev, path, _, _ in returns(db, station_keys, tmp / f"back-{db.latest_stamp()}")}
    for store, keys in devices:
        device.import_return(store, keys, backs[store.device_id])


def test_the_backup_leader_and_the_leader_see_each_others_work(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    import_paths(db, station_keys, [device.export(store, keys, tmp / "first").path])
    backup, backup_keys = backup_device(tmp, db, station_keys)
    with pytest.raises(Refused) as info:  # without --post B: the unit has its leader
        enroll(db, device.identity(backup, backup_keys))
    assert info.value.key == "station.error.unit_taken"
    done = enroll(db, device.identity(backup, backup_keys), post="B")
    assert done.queued == 1  # the unit's household so far

    round_trip(db, station_keys, tmp, (backup, backup_keys))
    [household] = backup.households()
    assert household.id == store.households()[0].id

    household.notes = "后备单元长核实：独居"
    backup.update_household(household)
    round_trip(db, station_keys, tmp, (backup, backup_keys), (store, keys))
    assert store.households()[0].notes == "后备单元长核实：独居"  # relayed to the leader
    # One unit at the station: the backup's work is filed under the leader's device.
    assert [d["notes"] for d in db.docs("households", store.device_id)] == ["后备单元长核实：独居"]
    assert list(db.docs("households", backup.device_id)) == []

    household = store.households()[0]
    household.phones = ["13700137000"]
    store.update_household(household)
    round_trip(db, station_keys, tmp, (store, keys), (backup, backup_keys))
    assert backup.households()[0].phones == ["+8613700137000"]


def test_notices_by_unit_leader_and_audience(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    other, other_keys = make_device(tmp / "unit2", name="王芳", grid=replace(GRID, unit="2单元"))
    enroll(db, device.identity(other, other_keys))
    device.trust(other, station_identity(db, station_keys))
    assert notice_targets(db, units=["6栋2单元"]) == [other.device_id]
    assert notice_targets(db, leaders=["刘秀英"]) == [store.device_id]
    assert notice_targets(db, leaders=["3单元"]) == [store.device_id]  # a leader by the unit they serve
    for bad in ({"units": ["9栋1单元"]}, {"leaders": ["张三丰"]}, {"devices": ["nosuch"]}):
        before = station_dump(db)
        with pytest.raises(Refused):
            notice(db, "x", "2030-01-01T09:00", notice_targets(db, **bad))
        assert station_dump(db) == before, bad

    assert notice(db, "周六停水", "2030-01-01T09:00", notice_targets(db, units=["2单元"])) == 1
    assert notice(db, "周五前交巡查表", "2030-01-01T09:05", None, audience="leaders") == 2
    round_trip(db, station_keys, tmp, (store, keys), (other, other_keys))
    assert [(n["text"], n["audience"]) for n in store.raw_docs(NOTICES)] == [("周五前交巡查表", "leaders")]
    assert sorted((n["text"], n["audience"]) for n in other.raw_docs(NOTICES)) == [
        ("周五前交巡查表", "leaders"), ("周六停水", "residents")]  # fmt: skip


def test_the_notice_command(cli, world: tuple[Any, ...]) -> None:
    db = world[2]
    home = db.home
    db.close()
    result = cli("station", "notice", "--text", "x", "--device", "nosuch", home_dir=home)
    assert result.code == 2 and "nosuch" in result.err
    result = cli("station", "notice", "--text", "x", "--unit", "9栋1单元", home_dir=home)
    assert result.code == 2 and "9栋1单元" in result.err
    result = cli("station", "notice", "--text", "x", "--audience", "大家", home_dir=home)
    assert result.code == 2 and "大家" in result.err
    text = "请各单元长周五前交巡查表"
    ok = cli("station", "notice", "--text", text, "--leader", "刘秀英", "--audience", "仅供单元长", home_dir=home)
    assert ok.code == 0 and "1" in ok.err
    log = cli("station", "log", home_dir=home)
    assert "仅供单元长" in log.out and "请各单元长周五前交巡查表" in log.out
