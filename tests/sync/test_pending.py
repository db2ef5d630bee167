"""What waits for the station: counted without copying, and always the number of records an export sends."""

from __future__ import annotations

from pathlib import Path

from fieldgrid.demo.unit import write_demo
from fieldgrid.store import Store
from fieldgrid.sync.pending import ACKED, pending, pending_count


def test_the_count_is_what_an_export_would_send(tmp_path: Path) -> None:
    store = Store(tmp_path)
    write_demo(store)
    everything = pending(store)
    assert pending_count(store) == len(everything) > 100  # never synced: everything waits
    stamps = sorted(str(doc["_meta"]["stamp"]) for _, doc in everything)
    store.set_setting(ACKED, stamps[len(stamps) // 2])  # the station has acknowledged half
    assert pending_count(store) == len(pending(store)) < len(everything)
    store.set_setting(ACKED, stamps[-1])
    assert pending_count(store) == len(pending(store)) == 0
