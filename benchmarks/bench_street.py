"""A street of 15 communities and 2,175 leaders (the seed articles' 晋原街道: 54,707 households) rolling up to its
street station: the size of each community's roll-up, and the street's import of the 15 roll-ups plus its monthly
report against a floor measured in the same run (#12 item 6).

Each community station holds a year of its leaders' work (25 households a leader, ~100 visits and ~14 problems of
four events a year).  The first month: each sends its first roll-up (everything it holds), and the street runs
``station import`` of the 15 and ``station report --month 2026-10`` — timed against the floor of parsing the same
payloads (decrypted before the clock starts) and inserting the same rows with ``executemany`` into an SQLite
database of the station's shape, one transaction per roll-up: target ≤ 3×.  The street's returns confirm the
roll-ups; then a month of work (November 2026) reaches the communities and each sends its monthly roll-up, only
what the street has not confirmed: target ≤ 2 MB each; its import and report are printed beside their own floor
(the report reads the street's whole year — points to date, problems open over 30 days — so that ratio says how
the report grows, not the import).  The street is encrypted at rest as ``station init`` makes it; the commands
run as they run (key derivation included) in a child process.

    python benchmarks/bench_street.py [--leaders N] [--communities N] [--profile] [--keep DIR]
    # 2175 leaders in 15 communities by default; --keep DIR: build there and keep it
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench_station import insert_floor

from fieldgrid.cli.program import main as fieldgrid
from fieldgrid.cli.station_seal import station_unlocker
from fieldgrid.record.clock import Stamp
from fieldgrid.record.merge import merge_doc
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths, returns, rollup, station_identity, trust_parent
from fieldgrid.sync.bundle import open_bundle
from fieldgrid.sync.identity import Keys

TARGET, MAX_BYTES = 3.0, 2 * 1024 * 1024
LEADERS, COMMUNITIES = 2175, 15
HOUSEHOLDS, VISITS_A_YEAR, PROBLEMS_A_YEAR = 25, 100, 14  # per leader: 54,707 households / 2,175 leaders ≈ 25
PASSPHRASE = "bench-street-passphrase"
FIRST_MONTH, MONTH = "2026-10", "2026-11"
NOTES = (
    "入户走访，老人身体状况良好，提醒注意用电安全。",
    "协助办理高龄津贴申请，已代为提交。",
    "楼道堆放杂物，已沟通清理。",
)
STEPS = {"escalated": {"to": "street", "reason": "需街道协调"},
         "handled": {"text": "已现场处理"},
         "feedback": {"how": "in_person", "to": "住户", "text": "已告知处理结果"},
         "closed": {"resolution": "solved"}}  # fmt: skip
CATEGORIES = ("facility_repair", "sanitation", "noise", "safety_hazard", "dispute", "property_service", "livelihood")
CHILD = """
import sys, time
from fieldgrid.cli.program import main
street, ups, out, month = sys.argv[1:5]
commands = [["--home", street, "station", "import", ups],
            ["--home", street, "station", "report", "--month", month, "--out", out]]
times = []
for argv in commands:
    start = time.perf_counter()
    if len(sys.argv) > 5:  # --profile: where the time goes
        import cProfile, pstats
        cProfile.run("main(argv)", "/tmp/street.prof")
        pstats.Stats("/tmp/street.prof").sort_stats("cumulative").print_stats(25)
    else:
        assert main(argv) == 0
    times.append(time.perf_counter() - start)
print(*times)
"""


class Leader:
    """One leader's device at a community station: its households, and a clock for the records it writes."""

    def __init__(self, rng: random.Random, community: int, n: int) -> None:
        self.rng = rng
        self.device = f"dv{community:02d}{n:04d}"
        self.grid = {"compound": f"小区{n // 40 + 1}", "building": f"{n // 4 % 10 + 1}栋", "unit": f"{n % 4 + 1}单元"}
        self.households: list[str] = []

    def meta(self, ms: int, fields: list[str]) -> dict:
        stamp = Stamp(ms, 0, self.device).encode()
        return {"stamp": stamp, "device": self.device, "fields": dict.fromkeys(fields, stamp), "deleted": None}

    def household(self, ms: int, n: int) -> dict:
        doc = {"id": str(uuid.UUID(int=self.rng.getrandbits(128))), "building": self.grid["building"],
               "unit": self.grid["unit"], "floor": n // 4 + 1, "room": f"{n // 4 + 1:02d}{n % 4 + 1:02d}",
               "residency": self.rng.choice(("resident", "resident", "resident", "rented", "vacant")),
               "tags": self.rng.choice(([], [], ["独居老人"], ["低保户"])), "phones": ["13800138000"],
               "emergency_name": "", "emergency_phone": None, "notes": "",
               "members": [{"id": str(uuid.UUID(int=self.rng.getrandbits(128))), "name": f"住户{n}",
                            "relation": "self", "sex": "M", "birth_year": 1950, "phone": None, "id_number": None,
                            "_meta": self.meta(ms, ["name", "relation", "sex", "birth_year"])}]}  # fmt: skip
        doc["_meta"] = self.meta(ms, ["building", "unit", "floor", "room", "residency", "tags", "phones", "notes"])
        self.households.append(doc["id"])
        return doc

    def visit(self, ms: int, day: str) -> dict:
        doc = {"id": str(uuid.UUID(int=self.rng.getrandbits(128))), "household_id": self.rng.choice(self.households),
               "at": f"{day}T09:30", "kind": "routine", "found": self.rng.choice(NOTES), "needs": "",
               "follow_up": None, "corrects": None}  # fmt: skip
        doc["_meta"] = self.meta(ms, list(doc)[1:])
        return doc

    def problem(self, ms: int, day: str) -> list[dict]:
        """A problem's events: most solved, fed back and closed; one in thirty still open, one in fifty waiting
        for the street's decision."""
        pid, docs = str(uuid.UUID(int=self.rng.getrandbits(128))), []
        luck = self.rng.random()
        kinds = (
            ("reported",)
            if luck < 0.03
            else ("reported", "escalated")
            if luck < 0.05
            else ("reported", "handled", "feedback", "closed")
        )
        for step, kind in enumerate(kinds):
            data = ({"category": self.rng.choice(CATEGORIES), "description": self.rng.choice(NOTES),
                     "urgency": "normal", "household_id": self.rng.choice(self.households), "place": "",
                     "reporter": "住户"} if kind == "reported" else STEPS[kind])  # fmt: skip
            doc = {"id": str(uuid.UUID(int=self.rng.getrandbits(128))), "problem_id": pid, "kind": kind,
                   "at": f"{day}T1{step}:00", "data": data}  # fmt: skip
            doc["_meta"] = self.meta(ms + step, list(doc)[1:])
            docs.append(doc)
        return docs


def month_days(month: str) -> list[tuple[str, int]]:
    """Each day of ``month`` (YYYY-MM) with a moment (ms since the epoch) on it."""
    import datetime as dt

    first = dt.datetime.fromisoformat(f"{month}-01T10:00")
    days = []
    for n in range(28):
        day = first + dt.timedelta(days=n)
        days.append((day.date().isoformat(), int(day.timestamp() * 1000)))
    return days


def work(leader: Leader, month: str, visits: int, problems: int) -> list[tuple[str, dict]]:
    """A month of one leader's visits and problems, as the records his bundle would carry."""
    days, records = month_days(month), []
    for _ in range(visits):
        day, ms = leader.rng.choice(days)
        records.append(("visits", leader.visit(ms + leader.rng.randint(0, 9_999_999), day)))
    for _ in range(problems):
        day, ms = leader.rng.choice(days)
        records.extend(("problem_events", d) for d in leader.problem(ms + leader.rng.randint(0, 9_999_999), day))
    return records


def per_month(rng: random.Random, yearly: int) -> int:
    return int(yearly / 12) + (rng.random() < (yearly / 12) % 1)


def command(home: Path, *args: str) -> None:
    if fieldgrid(["--home", str(home), *args]) != 0:
        raise SystemExit(f"fieldgrid {' '.join(args)} failed")


def open_db(home: Path) -> StationDB:
    unlocker = station_unlocker(home)
    return StationDB(home, key=None if unlocker is None else unlocker.try_pin(PASSPHRASE))


def floor(paths: list[Path], keys: Keys, path: Path) -> float:
    """Parse each roll-up's payload and insert its rows with executemany, one transaction per roll-up
    (decrypting before the clock starts)."""
    return insert_floor([json.dumps(open_bundle(p, keys).payload, ensure_ascii=False).encode() for p in paths], path)


def report_rows(folder: Path) -> dict[str, int]:
    """The rows of each sheet of the report's CSV files (the header not counted)."""
    return {p.stem.rsplit("-", 2)[0]: len(p.read_text(encoding="utf-8-sig").splitlines()) - 1
            for p in sorted(folder.glob("*.csv"))}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaders", type=int, default=LEADERS)
    parser.add_argument("--communities", type=int, default=COMMUNITIES)
    parser.add_argument("--profile", action="store_true", help="print where the street's report spends its time")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR (new) and keep it: the street's home is DIR/street")
    args = parser.parse_args(argv)
    os.environ["FIELDGRID_STATION_PASSPHRASE"] = PASSPHRASE
    rng = random.Random(15)
    kept = contextlib.nullcontext(args.keep) if args.keep else None
    with kept or tempfile.TemporaryDirectory(prefix="fieldgrid-street-") as tmp:
        root = Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        street_home = root / "street"
        command(street_home, "station", "init", "--name", "晋原街道服务站", "--level", "street", "--street", "晋原街道")
        street, street_keys = open_db(street_home), Keys(street_home)
        generating = time.perf_counter()
        communities: list[tuple[StationDB, Keys, list[Leader]]] = []
        for c in range(args.communities):
            home = root / f"community{c:02d}"
            command(home, "station", "init", "--name", f"社区{c + 1}服务站", "--street", "晋原街道",
                    "--community", f"社区{c + 1}", "--community-code", f"5101290010{c + 1:02d}")  # fmt: skip
            db, keys = open_db(home), Keys(home)
            trust_parent(db, station_identity(street, street_keys))
            enroll(street, station_identity(db, keys))
            count = args.leaders // args.communities + (c < args.leaders % args.communities)
            leaders = [Leader(rng, c, n) for n in range(count)]
            for leader in leaders:
                db.enroll(leader.device, uuid.uuid4().hex, f"单元长{c}-{leader.device[-4:]}",
                          {**leader.grid, "community": f"社区{c + 1}"})  # fmt: skip
                ms = month_days("2025-11")[0][1]
                history = [("households", leader.household(ms + n, n)) for n in range(HOUSEHOLDS)]
                for month in [f"2025-{m}" for m in (11, 12)] + [f"2026-{m:02d}" for m in range(1, 11)]:
                    history += work(leader, month, per_month(rng, VISITS_A_YEAR), per_month(rng, PROBLEMS_A_YEAR))
                db.apply(leader.device, f"history-{leader.device}", history, merge_doc, clock_to=None)
            communities.append((db, keys, leaders))
        generated = time.perf_counter() - generating
        print(f"generated in {generated:.0f} s", file=sys.stderr)

        # The first roll-ups: everything each community holds; the street imports them, reports on October,
        # and confirms them in its returns.
        first = [rollup(db, keys, root / "first") for db, keys, _ in communities]
        street.close()
        if args.keep:  # the street as it is before its first import, to import again (profiling it, say)
            shutil.copytree(street_home, root / "street-before")
        first_s = street_month(street_home, root / "first", root / "report-first", FIRST_MONTH, args.profile)
        first_floor = floor([f.path for f in first], street_keys, root / "floor-first.sqlite3")
        street = open_db(street_home)
        list(returns(street, street_keys, root / "down"))
        street.close()
        for db, keys, _ in communities:
            import_paths(db, keys, [root / "down"])
        # November's work reaches the communities; each sends its monthly roll-up.
        for db, _, leaders in communities:
            for leader in leaders:
                month = work(leader, MONTH, per_month(rng, VISITS_A_YEAR), per_month(rng, PROBLEMS_A_YEAR))
                db.apply(leader.device, f"{MONTH}-{leader.device}", month, merge_doc, clock_to=None)
        monthly = [rollup(db, keys, root / "monthly") for db, keys, _ in communities]
        for db, _, _ in communities:
            db.close()
        monthly_s = street_month(street_home, root / "monthly", root / "report", MONTH, args.profile)
        monthly_floor = floor([m.path for m in monthly], street_keys, root / "floor-monthly.sqlite3")
        sizes = [m.path.stat().st_size for m in monthly]
        first_sizes = [f.path.stat().st_size for f in first]
        sheets = report_rows(root / "report")
    households = sum(len(leader.households) for _, _, leaders in communities for leader in leaders)
    print(f"street: {args.communities} communities, {args.leaders:,} leaders, {households:,} households, a year "
          f"of work (generated in {generated:.0f} s)")  # fmt: skip
    print(f"first roll-ups (everything held): {sum(f.records for f in first):,} records, "
          f"{min(first_sizes) / 2**20:.2f}–{max(first_sizes) / 2**20:.2f} MiB each")  # fmt: skip
    print(f"monthly roll-ups ({MONTH}, what the street had not confirmed): {sum(m.records for m in monthly):,} "
          f"records, {min(sizes) / 2**20:.2f}–{max(sizes) / 2**20:.2f} MiB each (target <= 2 MiB): "
          f"{'OK' if max(sizes) <= MAX_BYTES else 'MISSED'}")  # fmt: skip
    print(f"the street's {MONTH} report: {sum(sheets.values()):,} rows in {len(sheets)} sheets "
          f"({', '.join(f'{name} {rows:,}' for name, rows in sheets.items())})")  # fmt: skip
    ratio = sum(first_s) / first_floor
    print(f"first month: station import {first_s[0]:.1f} s + station report {first_s[1]:.1f} s; floor (json.loads + "
          f"executemany of the same rows, a transaction per roll-up) {first_floor:.1f} s: ratio {ratio:.2f}x "
          f"(target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")  # fmt: skip
    print(f"a later month: station import {monthly_s[0]:.1f} s + station report {monthly_s[1]:.1f} s (the report "
          f"reads the street's whole year: points to date, problems open for over 30 days); floor of the monthly "
          f"payloads alone {monthly_floor:.2f} s")  # fmt: skip
    return 0 if ratio <= TARGET and max(sizes) <= MAX_BYTES else 1


def street_month(street: Path, ups: Path, out: Path, month: str, profile: bool) -> tuple[float, float]:
    """``station import`` of the roll-ups in ``ups`` and ``station report --month`` at the street, in a child
    process: the seconds each took."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(street), str(ups), str(out), month,
                           *(["profile"] if profile else [])], capture_output=True, text=True)  # fmt: skip
    if profile:
        print(done.stdout)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    import_s, report_s = (float(x) for x in done.stdout.split()[-2:])
    return import_s, report_s


if __name__ == "__main__":
    sys.exit(main())
