"""The long fuzz run of issue #18: thousands of mutants of real bundles (``tests/testkit/mutants.py``) imported at
a station and on a device, counting what was refused, what was accepted, and every fault — an exception escaping
an import, a refusal that changed stored state, a state after which the station or the device cannot list,
report or export.  The suite runs a few hundred of the same mutants (``tests/sync/test_fuzz.py``).

    python benchmarks/fuzz_bundles.py [--station N] [--device N] [--seed S]

Exit code 1 when any fault was found.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import sys
import tempfile
import time
import traceback
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fieldgrid.model.ledger import Report
from fieldgrid.model.visit import Visit
from fieldgrid.station.exchange import (
    StationClock,
    decide,
    enroll,
    import_paths,
    notice,
    returns,
    station_identity,
)
from fieldgrid.station.units import units
from fieldgrid.store.field_work import minute
from fieldgrid.store.repository import DB_NAME
from fieldgrid.sync import device
from testkit.mutants import checked, file_mutants, signed_mutants, write_files
from testkit.sync import GRID, make_device, make_world, station_dump


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--station", type=int, default=8000, help="mutants imported at the station")
    parser.add_argument("--device", type=int, default=2000, help="mutants imported on the device")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    faults: list[str] = []
    counts: collections.Counter[str] = collections.Counter()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        store, keys, db, station_keys = make_world(tmp)
        me = station_identity(db, station_keys)
        household = store.households()[0]
        store.add_visit(Visit(household.id, minute(store.now()), "errand", "代办"))
        view = store.report_problem(Report("facility_repair", "地漏堵塞", place="3楼楼道"))
        store.add_event(view.id, "escalated", {"to": "community", "reason": "需物业"})
        good = device.export(store, keys, tmp / "good").path
        intruder_store, intruder_keys = make_device(tmp / "intruder", name="冒名者", grid=replace(GRID, unit="2单元"))
        enroll(db, device.identity(intruder_store, intruder_keys))
        source = device.identity(store, keys)

        started = time.perf_counter()
        station_mutants = write_files(file_mutants(good.read_bytes(), rng, args.station // 2), tmp / "files")
        station_mutants += signed_mutants(good, keys, station_keys, source, me, tmp / "signed", rng,
                                          args.station * 9 // 20)  # fmt: skip
        station_mutants += signed_mutants(good, intruder_keys, station_keys, source, me, tmp / "wrong", rng,
                                          args.station // 20)  # fmt: skip
        for what, path in station_mutants:
            before = station_dump(db)
            try:
                [outcome] = import_paths(db, station_keys, [path])
                counts[f"station {outcome.status}"] += 1
                if outcome.status == "refused" and station_dump(db) != before:
                    faults.append(f"station: refused {what} changed the database")
                units(db)
            except Exception:
                faults.append(f"station: {what}: {traceback.format_exc(limit=2)}")
        station_seconds = time.perf_counter() - started

        decide(db, StationClock(db), view.id, "in_progress", "物业下周更换管道",
               minute(store.now() + dt.timedelta(minutes=5)))  # fmt: skip
        notice(db, "12月5日开单元长会", minute(store.now()))
        [back] = [path for who, path, _, _ in returns(db, station_keys, tmp / "back") if who == store.device_id]
        target = device.identity(store, keys)
        started = time.perf_counter()
        device_mutants = write_files(file_mutants(back.read_bytes(), rng, args.device // 2), tmp / "dev-files")
        device_mutants += signed_mutants(back, station_keys, keys, me, target, tmp / "dev-signed", rng,
                                         args.device // 2, kind="return")  # fmt: skip
        db_file = Path(store.home) / DB_NAME
        for what, path in device_mutants:
            before = db_file.read_bytes()
            try:
                result = checked(lambda p=path: device.import_return(store, keys, p))
                counts["device " + ("accepted" if result == "ok" else "refused")] += 1
                if result != "ok" and db_file.read_bytes() != before:
                    faults.append(f"device: refused {what} changed the database")
                store.households()
                device.pending(store)
            except Exception:
                faults.append(f"device: {what}: {traceback.format_exc(limit=2)}")
        device_seconds = time.perf_counter() - started
        db.close()
        store.close()

    total_station = sum(v for k, v in counts.items() if k.startswith("station"))
    total_device = sum(v for k, v in counts.items() if k.startswith("device"))
    print(f"station: {total_station} mutants in {station_seconds:.1f} s — " +
          ", ".join(f"{k.split()[1]} {v}" for k, v in sorted(counts.items()) if k.startswith("station")))  # fmt: skip
    print(f"device:  {total_device} mutants in {device_seconds:.1f} s — " +
          ", ".join(f"{k.split()[1]} {v}" for k, v in sorted(counts.items()) if k.startswith("device")))  # fmt: skip
    print(f"faults:  {len(faults)}")
    for fault in faults[:20]:
        print("  " + fault.strip().replace("\n", "\n    "))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
