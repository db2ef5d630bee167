"""One stick for both sides (#11, part): the device imports every return on the stick addressed to it and leaves
other leaders' alone; the station does not refuse its own returns left on the stick; a notice to an unknown
device is refused instead of "sent"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from fieldgrid.station.exchange import enroll, import_paths, notice, returns, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.errors import SyncError
from testkit.sync import GRID, dump_lines, make_device


def test_one_stick_both_ways(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    other, other_keys = make_device(tmp / "unit2", name="王芳", grid=replace(GRID, unit="2单元"))
    enroll(db, device.identity(other, other_keys))
    device.trust(other, station_identity(db, station_keys))
    stick = tmp / "stick"
    device.export(store, keys, stick)
    device.export(other, other_keys, stick)
    assert [o.status for o in import_paths(db, station_keys, [stick])] == ["accepted", "accepted"]
    notice(db, "周六停水", "2026-11-20T10:00")
    written = list(returns(db, station_keys, stick))
    assert len(written) == 2
    # The stick goes round again: the station's own returns on it are neither imported nor refused.
    again = import_paths(db, station_keys, [stick])
    assert [o.status for o in again] == ["duplicate", "duplicate"]
    # Each device takes what is addressed to it, and only that.
    mine = device.returns_for(store, stick)
    assert [p for p in mine] == [p for who, p, _, _ in written if who == store.device_id]
    assert device.import_return(store, keys, mine[0]).notices == 1
    assert device.returns_for(other, stick) == [p for who, p, _, _ in written if who == other.device_id]


def test_a_notice_to_an_unknown_device_is_refused(world: tuple[Any, ...]) -> None:
    _, _, db, _, _ = world
    before = "\n".join(dump_lines(db))
    with pytest.raises(SyncError) as info:
        notice(db, "周六停水", "2026-11-20T10:00", ["nosuch"])
    assert info.value.key == "sync.error.unknown_party"
    assert "\n".join(dump_lines(db)) == before
