"""One unit's five years in one bundle: export on the device and import at the station, signature and
encryption included, each against the floor of ``json.dumps`` / ``json.loads`` of the same payload measured in
the same run (target ≤ 3×).

The device holds 50 households, 3,000 visits and 600 problems of ~4 events (built as in ``bench_ledger``), all
waiting for the station: ~5,600 records.  Export = find what waits + canonical JSON + gzip + sealed box +
Ed25519 signature + atomic write to the stick.  Import = read + verify the signature + decrypt + inflate +
check the hash + parse and check the records (``sync.bundle.open_bundle``).  Merging the records into the
station's SQLite is printed too, for information: it is the station's work, measured against its own floor
in ``bench_station.py``.

    python benchmarks/bench_sync.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_ledger import clock, history
from bench_store_write import make_household

from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths, station_identity
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.bundle import open_bundle
from fieldgrid.sync.identity import Keys

TARGET = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(20261124)
    with tempfile.TemporaryDirectory(prefix="fieldgrid-bench-") as tmp:
        root = Path(tmp)
        store = Store(root / "device", now_ms=clock)
        households = [make_household(rng, floor, door) for floor in range(1, 26) for door in (1, 2)]
        ids = [h.id for h in store.add_households(households)]
        visits, logs = history(rng, ids, 5)
        store.add_history(visits, [], logs)
        keys = Keys(root / "device")
        export_times, dumps_times, import_times, loads_times, merged_times = [], [], [], [], []
        records = 0
        for run in range(args.runs + 1):
            db = StationDB(root / f"station{run}", create=True)
            station_keys = Keys(root / f"station{run}")
            device.trust(store, station_identity(db, station_keys))
            enroll(db, device.identity(store, keys))
            start = time.perf_counter()
            done = device.export(store, keys, root / f"stick{run}")
            exported = time.perf_counter() - start
            payload = {"records": [{"table": t, "doc": d} for t, d in device.pending(store)]}
            start = time.perf_counter()
            text = json.dumps(payload, ensure_ascii=False)
            dumped = time.perf_counter() - start
            start = time.perf_counter()
            opened = open_bundle(done.path, station_keys)
            imported = time.perf_counter() - start
            assert len(opened.records) == done.records
            start = time.perf_counter()
            [outcome] = import_paths(db, station_keys, [done.path])
            merged_times.append(time.perf_counter() - start)
            assert outcome.status == "accepted", outcome
            start = time.perf_counter()
            json.loads(text)
            loaded = time.perf_counter() - start
            db.close()
            records = done.records
            if run:
                export_times.append(exported)
                dumps_times.append(dumped)
                import_times.append(imported)
                loads_times.append(loaded)
        size = done.path.stat().st_size
        store.close()
    e, d = statistics.median(export_times) * 1000, statistics.median(dumps_times) * 1000
    i, lo = statistics.median(import_times) * 1000, statistics.median(loads_times) * 1000
    print(
        f"one bundle of {records} records ({len(text.encode()) // 1024} KiB of JSON, {size // 1024} KiB on the stick)"
    )
    print(
        f"export (find + sign + seal + write), median: {e:7.1f} ms   floor json.dumps {d:6.1f} ms   ratio {e / d:.2f}x"
    )
    print(f"import (verify + decrypt + parse), median: {i:7.1f} ms  floor json.loads {lo:6.1f} ms  ratio {i / lo:.2f}x")
    merged = statistics.median(merged_times[1:]) * 1000
    print(f"  then the station's whole import (open + merge into SQLite, one transaction): {merged:.1f} ms")
    ok = e / d <= TARGET and i / lo <= TARGET
    print(f"target <= {TARGET}x: {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
