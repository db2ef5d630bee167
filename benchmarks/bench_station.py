"""A synthetic street imported at its station: 2,175 device bundles holding 54,707 households, ~220,000 visits
and ~30,000 problems (~120,000 events) — the seed articles' figures — against a floor measured in the same run.

Every bundle is real: signed by its own device key, sealed to the station, and its device enrolled.  The
import (``station import`` on the folder) runs in a child process, so its peak memory is its own.  The floor
parses the same payload JSON and inserts the same rows with ``executemany`` into an SQLite database of the
same shape and settings, one transaction per bundle as the import does.  Target: ≤ 3× the floor.

    python benchmarks/bench_station.py [--devices N]   # N = 2175 by default; fewer for a quick look
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fieldgrid.record.clock import Stamp
from fieldgrid.station.db import SCHEMA, StationDB, _statements
from fieldgrid.station.exchange import station_identity
from fieldgrid.sync.bundle import open_bundle, write_bundle
from fieldgrid.sync.identity import Identity, Keys

TARGET = 3.0
HOUSEHOLDS, VISITS, PROBLEMS = 54_707, 220_000, 30_000
NOTES = (
    "入户走访，老人身体状况良好，提醒注意用电安全。",
    "协助办理高龄津贴申请，已代为提交。",
    "楼道堆放杂物，已沟通清理。",
)
CHILD = """
import resource, sys, time
from pathlib import Path
from fieldgrid.sync.identity import Keys
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths
home, stick = Path(sys.argv[1]), Path(sys.argv[2])
db = StationDB(home)
start = time.perf_counter()
outcomes = import_paths(db, Keys(home), [stick])
elapsed = time.perf_counter() - start
accepted = sum(o.status == "accepted" for o in outcomes)
print(elapsed, accepted, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def meta(stamp: str, device: str, fields: list[str]) -> dict:
    return {"stamp": stamp, "device": device, "fields": dict.fromkeys(fields, stamp), "deleted": None}


def unit_records(rng: random.Random, device: str, building: str, households: int, visits: int, problems: int) -> list:
    clock = [1_700_000_000_000]

    def stamp() -> str:
        clock[0] += rng.randint(1, 60_000)
        return Stamp(clock[0], 0, device).encode()

    records = []
    ids = []
    for n in range(households):
        s = stamp()
        doc = {"id": str(uuid.UUID(int=rng.getrandbits(128))), "building": building, "unit": "1单元",
               "floor": n // 4 + 1, "room": f"{n // 4 + 1:02d}{n % 4 + 1:02d}", "residency": "resident",
               "tags": [], "phones": [], "emergency_name": "", "emergency_phone": None, "notes": "",
               "members": [{"id": str(uuid.UUID(int=rng.getrandbits(128))), "name": f"住户{n}", "relation": "self",
                            "sex": "M", "birth_year": 1960, "phone": None, "id_number": None,
                            "_meta": meta(s, device, ["name", "relation", "sex", "birth_year"])}]}  # fmt: skip
        doc["_meta"] = meta(s, device, ["building", "unit", "floor", "room", "residency", "tags", "notes"])
        ids.append(doc["id"])
        records.append({"table": "households", "doc": doc})
    for _ in range(visits):
        s = stamp()
        doc = {"id": str(uuid.UUID(int=rng.getrandbits(128))), "household_id": rng.choice(ids),
               "at": "2026-05-01T09:00", "kind": "routine", "found": rng.choice(NOTES), "needs": "",
               "follow_up": None, "corrects": None}  # fmt: skip
        doc["_meta"] = meta(s, device, list(doc)[1:])
        records.append({"table": "visits", "doc": doc})
    for _ in range(problems):
        pid = str(uuid.UUID(int=rng.getrandbits(128)))
        for kind in ("reported", "handled", "feedback", "closed"):
            s = stamp()
            data = {"category": "other", "description": rng.choice(NOTES), "urgency": "normal", "household_id": None,
                    "place": "楼道", "reporter": ""} if kind == "reported" else {"text": "处理完毕"}  # fmt: skip
            doc = {"id": str(uuid.UUID(int=rng.getrandbits(128))), "problem_id": pid, "kind": kind,
                   "at": "2026-05-02T09:00", "data": data}  # fmt: skip
            doc["_meta"] = meta(s, device, list(doc)[1:])
            records.append({"table": "problem_events", "doc": doc})
    return records


def spread(total: int, parts: int, rng: random.Random) -> list[int]:
    base = [total // parts] * parts
    for i in rng.sample(range(parts), total - sum(base)):
        base[i] += 1
    return base


def floor(stick: Path, station_keys: Keys, home: Path) -> float:
    """Parse each bundle's payload JSON and insert its rows with executemany, one transaction per bundle."""
    paths = sorted(stick.glob("*.fgbundle"))  # decrypting is not part of the floor: done before the clock
    payloads = [json.dumps(open_bundle(path, station_keys).payload, ensure_ascii=False).encode() for path in paths]
    return insert_floor(payloads, home / "floor.sqlite3")


def insert_floor(payloads: list[bytes], path: Path) -> float:
    """Seconds to parse each payload and insert its records with ``executemany`` into an SQLite database of the
    station's shape and settings at ``path``, one transaction per payload."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for statement in _statements(SCHEMA):
        conn.execute(statement)
    start = time.perf_counter()
    for raw in payloads:
        payload = json.loads(raw)
        rows = [(r["table"], r["doc"]["id"], "d", r["doc"]["_meta"]["stamp"], 0,
                 json.dumps(r["doc"], ensure_ascii=False)) for r in payload["records"]]  # fmt: skip
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO records (tbl, id, device_id, stamp, deleted, doc) VALUES (?, ?, ?, ?, ?, ?)", rows
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=2175)
    args = parser.parse_args(argv)
    rng = random.Random(2175)
    scale = args.devices / 2175
    with tempfile.TemporaryDirectory(prefix="fieldgrid-street-") as tmp:
        root = Path(tmp)
        station, stick = root / "station", root / "stick"
        db = StationDB(station, create=True)
        station_keys = Keys(station)
        me = station_identity(db, station_keys)
        generating = time.perf_counter()
        counts = [spread(round(total * scale), args.devices, rng) for total in (HOUSEHOLDS, VISITS, PROBLEMS)]
        records = 0
        for n in range(args.devices):
            home = root / "keys" / str(n)
            keys = Keys(home)
            device_id = f"dev{n:05d}"
            building = f"{n // 10 + 1}栋"
            db.enroll(device_id, keys.public_key, f"单元长{n}", {"building": building, "unit": "1单元"})
            payload = {"records": unit_records(rng, device_id, building, counts[0][n], counts[1][n], counts[2][n])}
            records += len(payload["records"])
            source = Identity(device_id, "device", keys.public_key, f"单元长{n}")
            write_bundle(stick, keys, source, "device", payload, target=me, grid={"building": building})
        db.close()
        generated = time.perf_counter() - generating
        size = sum(p.stat().st_size for p in stick.glob("*.fgbundle"))
        done = subprocess.run([sys.executable, "-c", CHILD, str(station), str(stick)], capture_output=True, text=True,
                              check=True)  # fmt: skip
        elapsed_s, accepted, peak_kib = done.stdout.split()
        elapsed, peak = float(elapsed_s), int(peak_kib) / 1024
        floor_s = floor(stick, station_keys, root)
    ratio = elapsed / floor_s
    print(f"street: {args.devices} bundles, {records:,} records, {size / 2**20:.0f} MiB on the sticks "
          f"(generated in {generated:.0f} s)")  # fmt: skip
    print(f"station import: {elapsed:.1f} s, {records / elapsed:,.0f} records/s, {int(accepted)} bundles accepted, "
          f"peak memory {peak:.0f} MiB")  # fmt: skip
    print(f"floor (json.loads + executemany, a transaction per bundle): {floor_s:.1f} s")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
