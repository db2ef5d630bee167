"""Five years of one unit's field work: the ledger filtered, and one problem event written.

The home holds 50 households, ~3,000 visits and ~600 problems of ~4 events each (every one written
through ``Store.add_history``, so it passed the same rules as field input).  Figures:

- dashboard built: right after a write, the first screen's figures and map marks (``model.dashboard.build``
  over the store's households, visits and problems, the problems derived from their logs).  Target ≤ 50 ms.
- ledger filtered: right after a write (so nothing derived is cached), ``Store.problems()`` derives every
  problem's status from its log, then the ledger's filters run (open problems of one category reported in one
  month; one household's problems).  Target ≤ 50 ms.
- one new event (``Store.add_event``, fsync included) against the floor of writing the same bytes safely
  (``json.dumps`` + temp file + fsync + ``os.replace`` + folder fsync), samples alternating.  Target ≤ 1.5×.

    python benchmarks/bench_ledger.py [--runs N] [--years N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench_store_write import VISIT_NOTES, floor_write, make_household

from fieldgrid.model.dashboard import build
from fieldgrid.model.ledger import Report
from fieldgrid.model.problem import CATEGORIES, ProblemEvent
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.store import Store

FILTER_TARGET_MS = 50.0
WRITE_TARGET = 1.5
NOW = dt.datetime(2026, 11, 24, 20, 0)


def clock() -> int:
    return int(NOW.timestamp() * 1000)


def at(rng: random.Random, start: dt.datetime, days: int) -> dt.datetime:
    return start + dt.timedelta(days=rng.randrange(days), hours=rng.randint(8, 20), minutes=rng.randrange(60))


def history(rng: random.Random, ids: list[str], years: int) -> tuple[list[Visit], list[list[ProblemEvent]]]:
    days = 365 * years
    start = (NOW - dt.timedelta(days=days)).replace(hour=0, minute=0)
    visits = [
        Visit(
            rng.choice(ids),
            at(rng, start, days - 1).isoformat(timespec="minutes"),
            rng.choice(VISIT_KINDS),
            found=rng.choice(VISIT_NOTES),
            id=str(uuid.UUID(int=rng.getrandbits(128))),
        )
        for _ in range(600 * years)
    ]
    logs = []
    for _ in range(120 * years):
        pid = str(uuid.UUID(int=rng.getrandbits(128)))
        when = at(rng, start, days - 30)
        report = Report(rng.choice(CATEGORIES), rng.choice(VISIT_NOTES), household_id=rng.choice(ids), reporter="住户")
        steps = [("reported", report.to_data())]
        if rng.random() < 0.5:
            steps.append(("escalated", {"to": "property", "reason": "需物业处理"}))
            steps.append(("decision", {"outcome": "resolved", "text": "物业已维修"}))
        else:
            steps.append(("handled", {"text": "现场处理完毕"}))
        if rng.random() < 0.9:
            steps.append(("feedback", {"to": "住户", "how": "phone", "text": "已告知处理结果"}))
            steps.append(("closed", {"resolution": "solved"}))
        log = []
        for kind, data in steps:
            log.append(ProblemEvent(pid, kind, when.isoformat(timespec="minutes"), data, id=str(uuid.uuid4())))
            when += dt.timedelta(hours=rng.randint(1, 72))
        logs.append(log)
    return visits, logs


def dashboard(store: Store) -> int:
    built = build(store.households(), store.visits(), store.problems(), NOW)
    return built.open_problems


def ledger_filter(store: Store, month: str, household_id: str) -> int:
    views = store.problems()
    found = [
        v for v in views if v.is_open and v.report.category == "facility_repair" and v.reported_at.startswith(month)
    ]
    mine = [v for v in views if v.report.household_id == household_id]
    return len(found) + len(mine)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(20261124)
    with tempfile.TemporaryDirectory(prefix="fieldgrid-bench-") as tmp:
        home, floor_dir = Path(tmp) / "home", Path(tmp) / "floor"
        floor_dir.mkdir()
        store = Store(home, now_ms=clock)
        households = [make_household(rng, floor, door) for floor in range(1, 26) for door in (1, 2)]
        ids = [h.id for h in store.add_households(households)]
        visits, logs = history(rng, ids, args.years)
        store.add_history(visits, [], logs)
        events = sum(len(log) for log in logs)
        size = store.path.stat().st_size
        open_ids = [v.id for v in store.problems() if v.is_open] or [store.problems()[0].id]

        filter_times, dashboard_times, write_times, floor_times = [], [], [], []
        for run in range(args.runs + 2):
            problem_id = rng.choice(open_ids)
            start = time.perf_counter()
            store.add_event(problem_id, "note", {"text": f"第{run}次跟进：{rng.choice(VISIT_NOTES)[:20]}"})
            elapsed = time.perf_counter() - start
            floor_elapsed = floor_write(floor_dir / "fieldgrid.json", json.loads(store.path.read_bytes()))
            start = time.perf_counter()  # the write above left nothing derived in the cache
            ledger_filter(store, "2024-03", rng.choice(ids))
            filtered = time.perf_counter() - start
            store.add_event(problem_id, "note", {"text": "再次跟进"})  # again nothing derived
            start = time.perf_counter()
            dashboard(store)
            dashboard_times.append(time.perf_counter() - start)
            if run >= 2:
                write_times.append(elapsed)
                floor_times.append(floor_elapsed)
                filter_times.append(filtered)
        store.close()

    filter_ms = statistics.median(filter_times) * 1000
    dashboard_ms = statistics.median(dashboard_times[2:]) * 1000
    write_ms, floor_ms = statistics.median(write_times) * 1000, statistics.median(floor_times) * 1000
    ratio = write_ms / floor_ms
    print(
        f"home: 50 households, {len(visits)} visits, {len(logs)} problems with {events} events; {size / 1024:.0f} KiB"
    )
    ok_filter = filter_ms <= FILTER_TARGET_MS and dashboard_ms <= FILTER_TARGET_MS
    print(
        f"dashboard built after a write, median:          {dashboard_ms:7.2f} ms "
        f"(target <= {FILTER_TARGET_MS:.0f} ms): {'OK' if dashboard_ms <= FILTER_TARGET_MS else 'MISSED'}"
    )
    print(
        f"ledger derived + filtered after a write, median: {filter_ms:7.2f} ms "
        f"(target <= {FILTER_TARGET_MS:.0f} ms): {'OK' if ok_filter else 'MISSED'}"
    )
    print(f"one new event (Store.add_event), median:       {write_ms:7.2f} ms")
    print(f"floor (json.dumps + temp + fsync + replace):   {floor_ms:7.2f} ms")
    print(f"ratio: {ratio:.2f}x (target <= {WRITE_TARGET}x): {'OK' if ratio <= WRITE_TARGET else 'MISSED'}")
    return 0 if ok_filter and ratio <= WRITE_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
