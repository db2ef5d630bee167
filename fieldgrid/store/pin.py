"""Unlocking a home whose store is sealed with a PIN (:mod:`fieldgrid.store.crypto`), and the count of wrong
PINs that makes guessing slow.

The first five wrong PINs cost nothing but the Argon2id time; after the fifth, each further try must wait,
30 s after the fifth, doubling with every wrong one (60 s, 120 s, …) up to an hour.  The count is kept in
``.fieldgrid.json.tries`` beside the store (mode 0600), so quitting and starting again does not reset it; a right
PIN does.  A clock that went backwards (a Raspberry Pi has no battery clock) never makes a wait longer than its
own length.  The clock is injected, so nothing here sleeps: the faces decide how to wait.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from fieldgrid.errors import Refused
from fieldgrid.fsutil import atomic_write_bytes, fsync_dir, protect_home, remove_leftovers
from fieldgrid.store.crypto import (
    HEADER_SIZE,
    BadPin,
    DamagedHeader,
    Header,
    SealKey,
    is_sealed,
    normalize_pin,
    parse_header,
)
from fieldgrid.store.home import DEVICE_DB

TRIES_NAME = f".{DEVICE_DB}.tries"
FREE_TRIES = 5
FIRST_WAIT = 30.0  # seconds, after the fifth wrong PIN
LONGEST_WAIT = 3600.0
DEMO_PIN = "000000"

Clock = Callable[[], float]


class WrongPin(Refused):
    def __init__(self, left: int, wait: float) -> None:
        if left > 0:
            super().__init__("pin.wrong", left=left)
        else:
            super().__init__("pin.wrong_wait", seconds=round(wait))
        self.left = left
        self.wait = wait


class MustWait(Refused):
    """Too many wrong PINs: no PIN is checked before ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        super().__init__("pin.wait", seconds=max(1, int(seconds + 0.999)))
        self.seconds = seconds


class PinNeeded(Refused):
    def __init__(self, home: str) -> None:
        super().__init__("pin.needed", home=home)


def sealed_header(home: Path) -> Header | None:
    """The header of the home's store when it is sealed; ``None`` for a plaintext, empty or missing store."""
    path = Path(home) / DEVICE_DB
    try:
        with path.open("rb") as fh:
            head = fh.read(HEADER_SIZE)
    except FileNotFoundError:
        return None
    if not is_sealed(head):
        return None
    return parse_header(head, str(path))


def wait_for(failures: int) -> float:
    """How long the try after ``failures`` wrong PINs must wait."""
    if failures < FREE_TRIES:
        return 0.0
    return min(FIRST_WAIT * float(2 ** min(failures - FREE_TRIES, 32)), LONGEST_WAIT)


class PinGuard:
    """The wrong-PIN count of one home, kept beside its store."""

    def __init__(self, home: Path, clock: Clock = time.time, name: str = TRIES_NAME) -> None:
        self.home = Path(home)
        self.path = self.home / name
        self.clock = clock
        remove_leftovers(self.home, name)
        self.failures, self.last = self._read()

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_bytes())
            return max(0, int(doc["failures"])), float(doc["last"])
        except FileNotFoundError:
            return 0, 0.0
        except (ValueError, KeyError, TypeError):
            # A damaged count errs on the side of waiting.
            return FREE_TRIES, self.clock()

    def wait_left(self) -> float:
        """Seconds before the next PIN may be tried (0 when it may be tried now)."""
        wait = wait_for(self.failures)
        if wait <= 0:
            return 0.0
        since = self.clock() - self.last
        if since < 0:  # the clock went back: the wait counts from now, never longer than itself
            since = 0.0
        return max(0.0, wait - since)

    def failed(self) -> None:
        self.failures += 1
        self.last = self.clock()
        data = json.dumps({"failures": self.failures, "last": self.last}).encode()
        atomic_write_bytes(self.path, data, mode=0o600)

    def succeeded(self) -> None:
        if self.failures or self.path.exists():
            self.failures, self.last = 0, 0.0
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
                fsync_dir(self.home)


class Unlocker:
    """Unlocking one sealed home: the header read once, each try counted.  ``try_pin`` raises
    :class:`MustWait` while a wait runs, :class:`BadPin` for an empty PIN (not counted), :class:`WrongPin`
    (counted), and gives the key for :class:`~fieldgrid.store.Store` on the right PIN."""

    def __init__(self, home: Path, header: Header, clock: Clock = time.time, *, tries: str = TRIES_NAME) -> None:
        self.home = Path(home)
        self.header = header
        self.guard = PinGuard(home, clock, tries)  # ``tries``: the count's file (the station keeps its own)

    @classmethod
    def of(cls, home: Path, clock: Clock = time.time) -> Unlocker | None:
        header = sealed_header(home)
        return None if header is None else cls(home, header, clock)

    def wait_left(self) -> float:
        return self.guard.wait_left()

    def try_pin(self, pin: str) -> SealKey:
        left = self.guard.wait_left()
        if left > 0:
            raise MustWait(left)
        if not normalize_pin(pin):
            raise BadPin("pin.empty")
        key = SealKey.unlock(pin, self.header)
        if key is None:
            self.guard.failed()
            raise WrongPin(max(0, FREE_TRIES - self.guard.failures), wait_for(self.guard.failures))
        self.guard.succeeded()
        return key


__all__ = [
    "DEMO_PIN",
    "DamagedHeader",
    "MustWait",
    "PinGuard",
    "PinNeeded",
    "Unlocker",
    "WrongPin",
    "protect_home",
    "sealed_header",
]
