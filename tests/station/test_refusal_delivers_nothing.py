"""A bundle refused half-way (the station's disk full in the middle of the merge) changes nothing — not even
the outbox: what the return bundles it names carried is counted as delivered only when the bundle is merged."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from fieldgrid.station import db as station_db
from fieldgrid.station.exchange import import_paths, notice, returns
from fieldgrid.sync import device
from testkit.sync import station_dump


def unsent(db: Any) -> int:
    (n,) = db.conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()
    return int(n)


def test_delivery_is_counted_in_the_merges_transaction(world: tuple[Any, ...], monkeypatch: Any) -> None:
    store, keys, db, station_keys, tmp = world
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    notice(db, "周六停水", "2026-11-20T10:00")
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    device.import_return(store, keys, back)
    household = store.households()[0]
    household.notes = "通知已转告"
    store.update_household(household)
    next_up = device.export(store, keys, tmp / "up2").path  # names the return bundle as received
    assert unsent(db) == 1

    def full_disk(*_: object, **__: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(station_db, "_ENCODE", full_disk)
        [refused] = import_paths(db, station_keys, [next_up])
    assert (refused.status, refused.key) == ("refused", "sync.error.station_db")
    assert unsent(db) == 1  # not delivered: the bundle that said so was not merged
    [accepted] = import_paths(db, station_keys, [next_up])
    assert accepted.status == "accepted" and unsent(db) == 0


@pytest.mark.parametrize("received", ["all of them", [5], ["x" * 200]])
def test_a_malformed_received_list_is_refused(world: tuple[Any, ...], received: Any) -> None:
    from fieldgrid.station.exchange import station_identity
    from fieldgrid.sync.bundle import write_bundle
    from fieldgrid.sync.pending import pending

    store, keys, db, station_keys, tmp = world
    records = [{"table": t, "doc": d} for t, d in pending(store)]
    me = station_identity(db, station_keys)
    path = write_bundle(tmp / "odd", keys, device.identity(store, keys), "device",
                        {"records": records, "received": received}, target=me, grid={})  # fmt: skip
    before = station_dump(db)
    [outcome] = import_paths(db, station_keys, [path])
    assert outcome.status == "refused" and station_dump(db) == before


def test_the_log_line_goes_with_the_bundle_in_one_transaction(world: tuple[Any, ...], monkeypatch: Any) -> None:
    """An accepted bundle's log line is written in the bundle's own transaction (one commit a bundle): a station
    that cannot write the line merges nothing, and the refusal still gets its line."""
    store, keys, db, station_keys, tmp = world
    up = device.export(store, keys, tmp / "up").path
    before = station_dump(db)
    log = station_db.StationDB.log

    def line_fails(self: Any, kind: str, key: str, **params: Any) -> None:
        if kind == "accepted":
            raise sqlite3.OperationalError("database or disk is full")
        log(self, kind, key, **params)

    with monkeypatch.context() as patch:
        patch.setattr(station_db.StationDB, "log", line_fails)
        [refused] = import_paths(db, station_keys, [up])
    assert (refused.status, refused.key) == ("refused", "sync.error.station_db")
    assert station_dump(db) == before  # no record, no bundle remembered
    assert [(e.kind, e.file) for e in db.log_entries()][-1] == ("refused", up.name)
    [accepted] = import_paths(db, station_keys, [up])
    assert accepted.status == "accepted" and station_dump(db) != before
    assert [e.kind for e in db.log_entries() if e.file == up.name] == ["refused", "accepted"]
