"""The due list (今日待办): every household's care cadence and follow-up, every problem's deadline and escalation,
ordered most urgent first (``fieldgrid.model.due.due_list``), over records already read (the store keeps its
parsed data and problem views in memory).

- a unit over five years: 50 households, 3,000 visits, 600 problems of ~4 events.  Target ≤ 50 ms.
- a street-sized list: 5,000 households with a year of visits (12 each: 60,000) and 6,000 problems.
  Target ≤ 200 ms.

Beside each, the floor measured in the same run: one pass that any such list needs — the latest visit of each
household, each problem's status and due date looked at, the result sorted — and the ratio to it.  Also printed:
the same unit with its problems derived from their event logs first (what the first read after a write costs).

    python benchmarks/bench_due_list.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable

from fieldgrid.model import Household, Member
from fieldgrid.model.cadence import Cadence
from fieldgrid.model.due import due_list
from fieldgrid.model.ledger import ProblemView, Report, build_views
from fieldgrid.model.problem import CATEGORIES, ProblemEvent
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.model.vocabulary import TAGS

TODAY = dt.date(2026, 11, 24)
NOTES = ["家中一切正常", "老人身体尚可", "代缴水电费", "老人住院了", "讲解医保政策", "电话问候"]


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128)))


def when(rng: random.Random, days: int) -> str:
    day = TODAY - dt.timedelta(days=rng.randrange(days))
    return dt.datetime.combine(day, dt.time(rng.randint(8, 20), rng.randrange(60))).isoformat(timespec="minutes")


def make(rng: random.Random, households: int, visits: int, problems: int, days: int) -> tuple[
    list[Household], list[Visit], list[ProblemEvent]
]:  # fmt: skip
    homes = []
    for n in range(households):
        tags = rng.sample(TAGS, k=rng.choice((0, 0, 0, 1, 2)))
        members = [Member(f"住户{n}", "self", birth_year=rng.randint(1930, 2000), id=uid(rng))]
        homes.append(Household(room=f"{n // 4 + 1:02d}{n % 4 + 1:02d}", members=members, tags=tags, id=uid(rng)))
    ids = [h.id for h in homes]
    follow_up = [None] * 9 + [str(TODAY + dt.timedelta(days=3))]
    made = [Visit(rng.choice(ids), when(rng, days), rng.choice(VISIT_KINDS), rng.choice(NOTES),
                  follow_up=rng.choice(follow_up), id=uid(rng)) for _ in range(visits)]  # fmt: skip
    events: list[ProblemEvent] = []
    for _ in range(problems):
        pid, at = uid(rng), when(rng, days)
        report = Report(rng.choice(CATEGORIES), "楼道灯坏", rng.choice(("normal", "urgent", "emergency")),
                        household_id=rng.choice(ids))  # fmt: skip
        events.append(ProblemEvent(pid, "reported", at, report.to_data(), id=uid(rng)))
        step = rng.random()
        later = at[:11] + "21:00"
        if step < 0.4:
            events.append(ProblemEvent(pid, "note", later, {"text": "已联系物业"}, id=uid(rng)))
            events.append(ProblemEvent(pid, "handled", later[:15] + "5", {"text": "已修好"}, id=uid(rng)))
            events.append(ProblemEvent(pid, "feedback", later[:15] + "8", {"how": "phone", "to": "李四"}, id=uid(rng)))
        elif step < 0.6:
            events.append(ProblemEvent(pid, "escalated", later, {"to": "community", "reason": "需协调"}, id=uid(rng)))
    return homes, made, events


def floor(homes: list[Household], visits: list[Visit], views: list[ProblemView]) -> list[tuple[str, str]]:
    last: dict[str, str] = {}
    for v in visits:
        if v.at > last.get(v.household_id, ""):
            last[v.household_id] = v.at
    found = [(last.get(h.id, ""), h.id) for h in homes]
    found += [(v.due.isoformat(), v.id) for v in views if v.status != "closed"]
    found.sort()
    return found


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        fn()
        if run:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(name: str, size: tuple[int, int, int, int], target_ms: float, runs: int) -> bool:
    homes, visits, events = make(random.Random(20261124), *size)
    views = build_views(events)
    cadence = Cadence()
    entries = due_list(homes, visits, views, cadence, TODAY)
    took = median_ms(lambda: due_list(homes, visits, views, cadence, TODAY), runs)
    base = median_ms(lambda: floor(homes, visits, views), runs)
    ok = took <= target_ms
    print(f"{name}: {len(homes)} households, {len(visits)} visits, {len(views)} problems -> {len(entries)} entries")
    print(f"  due list {took:.1f} ms (median of {runs}); floor {base:.1f} ms; {took / base:.1f}x the floor")
    print(f"  target <= {target_ms:.0f} ms: {took / target_ms:.2f} of it, {'OK' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    ok = measure("a unit, five years", (50, 3000, 600, 5 * 365), 50.0, args.runs)
    homes, visits, events = make(random.Random(20261124), 50, 3000, 600, 5 * 365)
    cold = median_ms(lambda: due_list(homes, visits, build_views(events), Cadence(), TODAY), args.runs)
    print(f"  with the problems derived from their logs first: {cold:.1f} ms")
    ok = measure("a street", (5000, 60_000, 6_000, 365), 200.0, max(3, args.runs // 3)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
