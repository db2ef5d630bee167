"""Which changes wait for the station: those made on this device after the last stamp it acknowledged.

Kept free of the crypto (no PyNaCl import) so the first screen can show the count cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldgrid.record.meta import META, stamps
from fieldgrid.record.tables import TABLES
from fieldgrid.store import Store

ACKED = "sync_acked"  # the highest own stamp the station has acknowledged


def changed_here_after(doc: dict[str, Any], device: str, acked: str) -> bool:
    """Whether ``doc`` holds a change made on ``device`` that the station has not acknowledged."""
    suffix = "." + device
    last = str((doc.get(META) or {}).get("stamp") or "")
    if last <= acked:
        return False  # nothing in a record is newer than its last change
    if last.endswith(suffix):
        return True  # the usual case: changed here last
    return any(s.endswith(suffix) and s > acked for s in stamps(doc))


def _waiting(store: Store) -> Callable[[dict[str, Any]], bool]:
    """Whether a stored document holds a change of this device the station has not acknowledged."""
    acked = str(store.setting(ACKED) or "")
    device = store.device_id
    return lambda doc: changed_here_after(doc, device, acked)


def pending(store: Store) -> list[tuple[str, dict[str, Any]]]:
    waiting = _waiting(store)
    return [(table, doc) for table in TABLES for doc in store.raw_docs(table, waiting)]


def pending_count(store: Store) -> int:
    """How many records :func:`pending` would send, counted without copying them (the first screen shows it)."""
    waiting = _waiting(store)
    return sum(store.count_docs(table, waiting) for table in TABLES)
