"""Fuzzing with real bundles: several hundred mutants per run (damaged files, nesting bombs, tampered envelopes,
validly signed bundles with malformed records, bundles signed by a real key of the wrong party).  For each: the
import never raises, a refusal leaves the station's whole database (outbox included) or the device's file byte for
byte as it was, and what is accepted leaves both able to list, report and export.  The long run (10,000 mutants)
is ``python benchmarks/fuzz_bundles.py``."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import Patrol, PatrolItem
from fieldgrid.model.visit import Visit
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import StationClock, decide, enroll, import_paths, notice, returns, station_identity
from fieldgrid.station.units import units
from fieldgrid.store.field_work import minute
from fieldgrid.store.repository import DB_NAME
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.mutants import checked, file_mutants, signed_mutants, write_files
from testkit.sync import GRID, make_device, station_dump


def dump(db: StationDB) -> str:
    return station_dump(db)


def station_still_works(db: StationDB) -> None:
    for unit in units(db):
        assert unit.grid is not None and all(v.at for v in unit.visits)


def fill(store: Any) -> None:
    """Field work of every kind, so mutants hit every kind of record."""
    household = store.households()[0]
    store.add_visit(Visit(household.id, minute(store.now()), "errand", "代办高龄补贴", "轮椅"))
    store.add_patrol(Patrol(minute(store.now()), (PatrolItem("stairwell_clutter", ok=False, finding="杂物堆放"),)))
    view = store.report_problem(Report("facility_repair", "地漏堵塞", place="3楼楼道", reporter="张三"))
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需物业"})


def test_hundreds_of_mutants_at_the_station(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    fill(store)
    good = device.export(store, keys, tmp / "good").path
    me = station_identity(db, station_keys)
    rng = random.Random(20261130)
    other_store, other_keys = make_device(tmp / "intruder", name="冒名者", grid=replace(GRID, unit="2单元"))
    enroll(db, device.identity(other_store, other_keys))  # a real, enrolled device of another unit
    mutants = write_files(file_mutants(good.read_bytes(), rng, 200), tmp / "files")
    source = device.identity(store, keys)
    mutants += signed_mutants(good, keys, station_keys, source, me, tmp / "signed", rng, 150)
    # Re-signed by a real key of the wrong party: the intruder's key, claiming the leader's party.
    mutants += signed_mutants(good, other_keys, station_keys, source, me, tmp / "wrong-key", rng, 20)
    assert len(mutants) >= 300
    refused = 0
    for what, path in mutants:
        before = dump(db)
        [outcome] = import_paths(db, station_keys, [path])
        assert outcome.status in ("refused", "accepted", "duplicate"), what
        if outcome.status == "refused":
            refused += 1
            assert dump(db) == before, what
        station_still_works(db)
    assert refused >= 300
    # A stick of bad files with good ones among them: every good file is imported.
    household = store.households()[0]
    household.notes = "新的一周"
    store.update_household(household)
    fresh = device.export(store, keys, tmp / "fresh").path
    batch = [p for _, p in mutants[:40]] + [fresh] + [p for _, p in mutants[200:240]]
    outcomes = import_paths(db, station_keys, batch)
    assert [o.status for o in outcomes if o.path == fresh] == ["accepted"]
    assert len(outcomes) == len(batch)
    assert [d.get("notes") for d in db.docs("households", store.device_id)] == ["新的一周"]


def test_a_hundred_mutants_on_the_device(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    fill(store)
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    escalated = store.problems()[0]
    later = minute(store.now() + dt.timedelta(minutes=5))
    decide(db, StationClock(db), escalated.id, "in_progress", "物业下周更换管道", later)
    notice(db, "12月5日上午9点开单元长会", later)
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    me = station_identity(db, station_keys)
    target = device.identity(store, keys)
    rng = random.Random(7)
    paths = write_files(file_mutants(back.read_bytes(), rng, 60), tmp / "dev-files")
    wrong = Keys(tmp / "not-the-station")
    paths += signed_mutants(back, station_keys, keys, me, target, tmp / "dev-signed", rng, 60, kind="return")
    paths += [(f"{what} by another key", p) for what, p in
              signed_mutants(back, wrong, keys, me, target, tmp / "dev-wrong", rng, 20, kind="return")]  # fmt: skip
    assert len(paths) >= 130
    db_file = Path(store.home) / DB_NAME
    for what, path in paths:
        before = db_file.read_bytes()
        result = checked(lambda p=path: device.import_return(store, keys, p))
        if result != "ok":
            assert db_file.read_bytes() == before, what
        assert store.households() and device.pending(store) is not None
    assert checked(lambda: device.import_return(store, keys, back)) == "ok"
    assert device.export(store, keys, tmp / "after").records >= 0
