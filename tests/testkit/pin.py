"""Shared by the tests: homes encrypted with a PIN — a cheap Argon2id for tests, the demo's key, and
``FIELDGRID_PIN`` set for one call."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

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
