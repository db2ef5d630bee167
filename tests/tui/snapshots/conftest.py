"""Fixtures of the snapshot tests: homes that paint the same screens on every run.

Every source of change between runs is pinned here, never in the app: the clock (:data:`testkit.tui_field.NOW`),
``uuid.uuid4`` (device id, station party, notice ids) and the Ed25519 keys (fingerprints) from seeded generators,
the station's "today" and its own clock (the times in its log), the name of the bundle on the stick, and the
paths (the test runs in its own folder and the homes have relative names, so a path on screen reads
``unit/exports/…``, not a temporary folder).  The demo unit and its history are built once per session and copied
for each test.
"""

from __future__ import annotations

import random
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import get_language, set_language
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from testkit.pin import open_station
from testkit.tui_field import FROZEN_DT, NOW, Clock

UNIT = "unit"  # the device's home, relative to the test's folder
STATION = "station"
STICK = "stick"


def station_now() -> float:
    """The station's clock (its log, its imports): :data:`NOW`."""
    return NOW.timestamp()


def seeded_uuid4(seed: int) -> Callable[[], uuid.UUID]:
    rng = random.Random(seed)
    return lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


@pytest.fixture(scope="session")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the demo ``unit`` (enrolled with the demo station, its changes sent on a stick) and the demo
    ``station`` that imported them."""
    folder = tmp_path_factory.mktemp("snapshot-homes")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(uuid, "uuid4", seeded_uuid4(1))
        keys = random.Random(3)  # the device's and the station's keys, so their fingerprints are the same each run
        mp.setattr(SigningKey, "generate", classmethod(lambda cls: cls(keys.randbytes(32))))
        mp.setitem(StationDB.__init__.__kwdefaults__, "now", station_now)  # the times in the station's log
        mp.chdir(folder)
        language = get_language()
        set_language("zh_CN")  # the demo's records are the same in any language; this pins it anyway
        store = Store(Path(UNIT), now_ms=Clock())
        write_demo(store)
        make_demo_station(store, Path(STATION))
        done = device.export(store, Keys(store.home), Path(STICK))
        bundle = done.path.rename(done.path.with_name("unit.fgbundle"))  # its own name says when it was written
        db = open_station(Path(STATION), DEMO_PASSPHRASE)
        import_paths(db, Keys(Path(STATION)), [bundle])
        db.close()
        store.close()
        set_language(language)
    return folder


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run in ``tmp_path`` with seeded uuids and the station's "today" frozen; returns the folder."""
    monkeypatch.setattr(uuid, "uuid4", seeded_uuid4(2))
    monkeypatch.setattr("fieldgrid.tui.station.clock.dt", FROZEN_DT)
    monkeypatch.setitem(StationDB.__init__.__kwdefaults__, "now", station_now)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def unit_store(homes: Path, pinned: Path) -> Iterator[Store]:
    """A copy of the demo unit, opened with the fixed clock."""
    shutil.copytree(homes / UNIT, pinned / UNIT)
    store = Store(Path(UNIT), now_ms=Clock())
    yield store
    store.close()


@pytest.fixture
def empty_store(pinned: Path) -> Iterator[Store]:
    """A new home with no profile: the app opens on the first-run profile form."""
    store = Store(Path(UNIT), now_ms=Clock())
    yield store
    store.close()


@pytest.fixture
def station_db(homes: Path, pinned: Path) -> Iterator[StationDB]:
    """A copy of the demo station, with the demo unit's bundle imported (and a copy of the stick it came on)."""
    shutil.copytree(homes / STATION, pinned / STATION)
    shutil.copytree(homes / STICK, pinned / STICK)
    db = open_station(Path(STATION), DEMO_PASSPHRASE)
    yield db
    db.close()
