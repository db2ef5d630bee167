"""A stick's bundles checked ahead in a second process (:mod:`fieldgrid.station.ahead`) import exactly as when the
import checks each itself: the same outcomes, refusals naming the same record and reason, the same records held;
and the check that needs no station (``precheck_records``) never lets through what the station's own would
refuse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldgrid.record import checks
from fieldgrid.station import ahead
from fieldgrid.station.exchange import import_paths, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.bundle import check_records, open_bundle, precheck_records, write_bundle
from fieldgrid.sync.errors import SyncError
from testkit.sync import make_world


def stick(store: Any, keys: Any, me: Any, folder: Path) -> list[Path]:
    """Five bundles in the order a stick lists them: good, a malformed record, a stamp of a party that may not
    have made it, a truncated file, good again (an edit made after the first)."""
    who = device.identity(store, keys)
    household = store.households()[0]
    made = [device.export(store, keys, folder / "1").path]
    broken = {"id": household.id, "room": "0601", "_meta": {"stamp": "000000000000009.00000.x", "fields": 5}}
    made.append(write_bundle(folder / "2", keys, who, "device", {"records": [{"table": "households", "doc": broken}]},
                             target=me, grid={}))  # fmt: skip
    foreign = {"id": household.id, "room": "0601", "_meta": {"stamp": "000000000000009.00000.stranger"}}
    made.append(write_bundle(folder / "3", keys, who, "device", {"records": [{"table": "households", "doc": foreign}]},
                             target=me, grid={}))  # fmt: skip
    truncated = folder / "4" / "truncated.fgbundle"
    truncated.parent.mkdir(parents=True)
    truncated.write_bytes(made[0].read_bytes()[:200])
    made.append(truncated)
    household.notes = "后来改的"
    store.update_household(household)
    made.append(device.export(store, keys, folder / "5").path)
    return made


def outcomes_of(store: Any, db: Any, station_keys: Any, files: list[Path]) -> list[tuple[str, str, str, dict]]:
    """Each bundle's outcome, the world's household named as such (each world's has an id of its own)."""
    done = import_paths(db, station_keys, files)
    ours = store.households()[0].id

    def named(value: Any) -> str:
        return "<household>" if value == ours else str(getattr(value, "code", value))

    return [(o.path.name, o.status, o.key, {k: named(v) for k, v in o.params.items()}) for o in done]


def test_bundles_checked_ahead_import_as_those_checked_in_turn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = []
    for checked_ahead in (False, True):
        store, keys, db, station_keys = make_world(tmp_path / str(checked_ahead))
        files = stick(store, keys, station_identity(db, station_keys), tmp_path / f"stick-{checked_ahead}")
        monkeypatch.setattr(ahead, "MIN_BYTES", 0 if checked_ahead else 1 << 60)
        taken: list[object] = []
        take = ahead.CheckedAhead.take

        def spy(self: ahead.CheckedAhead, path: Path, take: Any = take, taken: list[object] = taken) -> object:
            taken.append(found := take(self, path))
            return found

        monkeypatch.setattr(ahead.CheckedAhead, "take", spy)
        outcomes = outcomes_of(store, db, station_keys, files)
        names = [name for name, *_ in outcomes]
        found.append(([rest for _, *rest in outcomes], [d["notes"] for d in db.docs("households")], names))
        if checked_ahead:  # the second process opened and checked them (the truncated one it could not open)
            assert [t is not None for t in taken] == [True, True, True, False, True], taken
            assert [getattr(t, "passed", None) for t in taken] == [True, False, True, None, True]
        else:
            assert taken == [None] * 5
        store.close()
        db.close()
    (alone, notes_alone, _), (with_ahead, notes_ahead, _) = found
    assert with_ahead == alone and notes_ahead == notes_alone == ["后来改的"]
    assert [status for status, *_ in alone] == ["accepted", "refused", "refused", "refused", "accepted"]
    assert alone[1][2] == alone[2][2] == {"record": "<household>", "field": "_meta.stamp", "reason": "foreign_stamp"}


def test_a_precheck_lets_nothing_through_the_stations_check_refuses(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    files = stick(store, keys, me, tmp / "stick")
    now = 1_900_000_000_000
    foreign = open_bundle(files[2], station_keys)
    pre = precheck_records(foreign, now_ms=now)
    assert pre.passed and pre.parties == {"stranger"}
    with pytest.raises(SyncError) as alone:
        check_records(foreign, now_ms=now, parties={store.device_id})
    with pytest.raises(SyncError) as ahead_of_it:
        check_records(foreign, now_ms=now, parties={store.device_id}, prechecked=pre)
    assert ahead_of_it.value.params == alone.value.params and alone.value.params["reason"].code == "foreign_stamp"
    broken = open_bundle(files[1], station_keys)
    assert not precheck_records(broken, now_ms=now).passed
    with pytest.raises(SyncError):
        check_records(broken, now_ms=now, parties=None, prechecked=precheck_records(broken, now_ms=now))


def test_a_bundle_checked_ahead_is_not_walked_again(world: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    store, keys, _db, station_keys, tmp = world
    good = open_bundle(device.export(store, keys, tmp / "stick").path, station_keys)
    pre = precheck_records(good, now_ms=1_900_000_000_000)
    assert pre.passed and pre.parties == {store.device_id}

    def walked(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("walked again")

    monkeypatch.setattr("fieldgrid.sync.bundle.check_record", walked)
    check_records(good, now_ms=1_900_000_000_000, parties={store.device_id, "station"}, prechecked=pre)
    assert checks.check_record is not walked  # only the bundle module's name was replaced
