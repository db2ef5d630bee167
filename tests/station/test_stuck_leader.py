"""No leader stuck (#11), exactly the scenario seen: a device of 1单元 holds a household of 3单元 (typed before
the device refused it at entry) and a 较急 problem.  The rule: the station keeps the out-of-scope record aside,
unapplied, imports the rest, logs it, and sends the leader a return saying which record and what to do; nothing
out of scope is ever applied — not the household, not its tombstone, not a later edit that keeps it outside."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fieldgrid.i18n import t
from fieldgrid.model import Household, Member
from fieldgrid.model.ledger import Report
from fieldgrid.record.tables import NOTICES
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths, returns, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.pin import open_station
from testkit.sync import GRID, make_device

UNIT1 = replace(GRID, unit="1单元")


def stuck_device(tmp: Path):
    """A device of 1单元 that holds a household of 3单元 (entered while its profile said 3单元)."""
    store, keys = make_device(tmp / "device", grid=UNIT1)
    store.delete_household(store.households()[0].id)  # 1单元's own 0601 is not part of this story
    profile = store.profile()
    assert profile is not None
    store.save_profile(replace(profile, grid=GRID))  # 3单元, for a moment
    wrong = store.add_household(Household(room="0601", members=[Member(name="杜波", relation="self")]))
    store.save_profile(profile)  # back to 1单元
    assert wrong.unit == "3单元"
    return store, keys, wrong


def test_the_rest_of_the_bundle_goes_through_and_the_leader_is_told(tmp_path: Path) -> None:
    store, keys, wrong = stuck_device(tmp_path)
    db = StationDB(tmp_path / "station", create=True)
    station_keys = Keys(tmp_path / "station")
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    view = store.report_problem(Report("facility_repair", "楼道灯坏了", place="3楼", urgency="urgent"))
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需电工"})

    [outcome] = import_paths(db, station_keys, [device.export(store, keys, tmp_path / "stick").path])
    assert outcome.status == "accepted" and outcome.held == ("0601",)
    assert wrong.id not in {d["id"] for d in db.docs("households", deleted=True)}  # never applied
    assert db.problem_ids(view.id[:8])  # the 较急 problem reached the station
    assert [(row[2], row[3]["id"]) for row in db.held(store.device_id)] == [("households", wrong.id)]
    kinds = [(e.kind, e.params.get("room")) for e in db.log_entries(device=store.device_id)]
    assert ("held", "0601") in kinds and ("accepted", None) in kinds

    [(_, back, _, notices)] = list(returns(db, station_keys, tmp_path / "back"))
    assert notices == 1
    device.import_return(store, keys, back)
    [told] = store.raw_docs(NOTICES)
    assert told["audience"] == "leaders" and "0601" in told["text"] and "删除该户" in told["text"]

    # The leader deletes it: the tombstone (still 3单元) is kept aside too, without another notice.
    store.delete_household(wrong.id)
    [again] = import_paths(db, station_keys, [device.export(store, keys, tmp_path / "stick2").path])
    assert again.status == "accepted" and again.held == ("0601",)
    assert wrong.id not in {d["id"] for d in db.docs("households", deleted=True)}
    assert db.pending(store.device_id) == []  # the first notice was delivered; the tombstone brings no other


def test_a_corrected_household_is_taken(tmp_path: Path) -> None:
    store, keys, wrong = stuck_device(tmp_path)
    db = StationDB(tmp_path / "station", create=True)
    station_keys = Keys(tmp_path / "station")
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    import_paths(db, station_keys, [device.export(store, keys, tmp_path / "stick").path])
    store.update_household(replace(store.household(wrong.id), unit="1单元"))
    [outcome] = import_paths(db, station_keys, [device.export(store, keys, tmp_path / "stick2").path])
    assert outcome.status == "accepted" and outcome.held == ()
    assert [d["unit"] for d in db.docs("households", store.device_id) if d["id"] == wrong.id] == ["1单元"]


def test_the_import_table_says_what_was_kept_aside(tmp_path: Path, cli) -> None:
    store, keys, _ = stuck_device(tmp_path)
    home = tmp_path / "station"
    assert cli("station", "init", "--name", "子龙社区服务站", home_dir=home).code == 0
    db = open_station(home)
    station_keys = Keys(home)
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    db.close()
    path = device.export(store, keys, tmp_path / "stick").path
    result = cli("station", "import", str(path), home_dir=home)
    assert result.code == 0, result.err
    assert t("station.import.held", rooms="0601") in result.out
    log = cli("station", "log", home_dir=home)
    assert "搁置" in log.out and "0601" in log.out
