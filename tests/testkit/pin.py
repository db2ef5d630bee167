"""Shared by the tests: homes encrypted with a PIN — a cheap Argon2id for tests, the demo's key, and
``FIELDGRID_PIN`` set for one call."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldgrid.station.db import StationDB
from fieldgrid.station.seal import StationKey
from fieldgrid.store import Store
from fieldgrid.store.crypto import KdfParams, SealKey
from fieldgrid.store.pin import DEMO_PIN, Unlocker

# The format and every check are the same; only Argon2id's cost is the least libsodium allows.
FAST = KdfParams(opslimit=1, memlimit=8192)


def key_of(home: Path, pin: str = DEMO_PIN) -> SealKey | None:
    """The key of ``home`` for ``pin`` (the demo's by default); ``None`` for a home without a PIN."""
    unlocker = Unlocker.of(home)
    return None if unlocker is None else unlocker.try_pin(pin)


def open_store(home: Path, pin: str = DEMO_PIN) -> Store:
    """The store of ``home``, unlocked with ``pin`` when it has one (a demo home has)."""
    return Store(home, key=key_of(home, pin))


@contextlib.contextmanager
def pin_env(pin: str = DEMO_PIN) -> Iterator[None]:
    """``FIELDGRID_PIN`` set while inside (for commands on a home with a PIN, such as the demo's)."""
    before = os.environ.get("FIELDGRID_PIN")
    os.environ["FIELDGRID_PIN"] = pin
    try:
        yield
    finally:
        if before is None:
            del os.environ["FIELDGRID_PIN"]
        else:
            os.environ["FIELDGRID_PIN"] = before


# The station passphrase every test's command line is given (FIELDGRID_STATION_PASSPHRASE, set in conftest).
STATION_PASSPHRASE = "station-test-passphrase"


def station_key(home: Path, passphrase: str = STATION_PASSPHRASE) -> StationKey | None:
    """The key of the station at ``home`` for ``passphrase``; ``None`` for a plaintext station."""
    from fieldgrid.cli.station_seal import station_unlocker

    unlocker = station_unlocker(home)
    return None if unlocker is None else unlocker.try_pin(passphrase)


def open_station(home: Path, passphrase: str = STATION_PASSPHRASE, **options: Any) -> StationDB:
    """The station database at ``home``, unlocked with ``passphrase`` when it is encrypted."""
    return StationDB(home, key=station_key(home, passphrase), **options)
