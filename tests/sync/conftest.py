"""Fixtures of the sync tests: a device and a station that know each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.sync import make_device


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Any, ...]]:
    """(device store, device keys, station database, station keys, the test's folder)."""
    store, keys = make_device(tmp_path / "device")
    db = StationDB(tmp_path / "station", create=True)
    station_keys = Keys(tmp_path / "station")
    me = station_identity(db, station_keys)
    device.trust(store, me)
    enroll(db, device.identity(store, keys))
    yield store, keys, db, station_keys, tmp_path
    store.close()
    db.close()
