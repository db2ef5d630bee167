"""Batch work over many records (a station's import and report): Python's cycle collector paused while it runs.
The collector walks every container object alive each time enough new ones have been made; a report holding a
street's or a district's records as objects, or an import holding a roll-up's 26k documents, made it walk them
again and again (a district's report over 1,000 units: 15.3 s with it, 11.7 s without; a street's first
roll-ups imported: 39.6–46.2 s with it, 36.5–38.4 s without).  The work makes no cycles worth collecting;
the collector is back on after it, and what was left is collected then as usual."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
