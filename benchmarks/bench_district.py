"""A district on PostgreSQL (#17): 10 streets × 2,175 device bundles (≈ 547k households, ≈ 2.2M visits, ≈ 300k
problems of four events) imported into one station whose database is on a PostgreSQL server, by one importer and
by four importers at once, against a floor measured in the same run; the month's figures over the district
(``station report --summary``: by street, community and unit, counted over the plain columns) and, for comparison,
the full monthly report (every problem of the month listed, every record read); and,
beside them, one street's bundles imported into a SQLite station against SQLite's floor (bench_station's).

Every bundle is real (signed by its own device key, sealed to the station) and every device enrolled.  Each
import runs as operators run it: ``fieldgrid --home H station import DIR`` in a child process, the four at once
each from its own copy of the home (an operator's terminal) with a quarter of the bundles.  The floor parses the
same payloads (decrypted before the clock) and ``COPY``s the same rows, as the station stores them (filed under
their device, with their plain columns, worked out before the clock), into a table of the station's shape, one
transaction per bundle; the first floor (six columns, every row under one device) is printed beside it.  Each
device is the only leader of its unit (ten units a building), a street's shape; ``--shared-units`` gives the
first figures' shape (ten leaders a unit, every record relayed to nine).
Targets: one importer ≤ 3× the floor; four importers faster than one; the district's month in figures ≤ 10 s.

    python benchmarks/bench_district.py --db postgresql://USER@HOST/DB [--streets N] [--devices N] [--shared-units]
        [--keep DIR]
    # FIELDGRID_TEST_PG by default; 10 streets of 2,175 devices by default; fewer for a quick look

The server's database must let the user create schemas; the benchmark makes two and drops them at the end.
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

from bench_station import HOUSEHOLDS, PROBLEMS, VISITS, insert_floor, spread, unit_records

from fieldgrid.station.backend import PG_NAME
from fieldgrid.station.db import SCHEMA, StationDB, _statements
from fieldgrid.station.exchange import station_identity
from fieldgrid.sync.bundle import Bundle, open_bundle, write_bundle
from fieldgrid.sync.identity import Identity, Keys

TARGET, REPORT_TARGET = 3.0, 10.0
STREETS, DEVICES = 10, 2175
COMMUNITIES = 15  # a street's communities (the devices split evenly among them)
MONTH = "2026-05"  # the month the generated work falls in (bench_station's dates)


def in_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def run(*argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "FIELDGRID_STICK_ROOTS": ""}
    return subprocess.Popen([sys.executable, "-m", "fieldgrid", *argv], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def timed(processes: list[subprocess.Popen[str]]) -> float:
    start = time.perf_counter()
    for process in processes:
        _, err = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"a child failed: {err[-2000:]}")
    return time.perf_counter() - start


def copy_floor(payloads: list[tuple[str, bytes]], url: str, *, as_stored: bool = True) -> float:
    """Seconds to parse each payload (its device's) and ``COPY`` its records into a table of the station's shape
    on the server, one transaction per payload: the rows as the station stores them (``as_stored``: filed under
    the device, with their plain columns, worked out before the clock as the decryption is), or as the first
    floor had them (six columns, every row filed under one device, no plain column: the indexes by device and by
    problem left nearly idle)."""
    import psycopg

    from fieldgrid.record.plain import plain_columns
    from fieldgrid.station.backend import pg_sql

    columns = "tbl, id, device_id, stamp, deleted, doc" + (", kind, at, ref, facts" if as_stored else "")
    plain: dict[tuple[str, str], tuple[str | None, ...]] = {}
    if as_stored:
        for _, raw in payloads:
            for r in json.loads(raw)["records"]:
                plain[(r["table"], r["doc"]["id"])] = plain_columns(r["table"], r["doc"])
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in _statements(SCHEMA):
            conn.execute(pg_sql(statement))
        start = time.perf_counter()
        for device_id, raw in payloads:
            payload = json.loads(raw)
            with conn.transaction(), conn.cursor() as cur:
                with cur.copy(f"COPY records ({columns}) FROM STDIN") as copy:
                    for r in payload["records"]:
                        doc = r["doc"]
                        row = (r["table"], doc["id"], device_id if as_stored else "d", doc["_meta"]["stamp"], 0,
                               json.dumps(doc, ensure_ascii=False))  # fmt: skip
                        copy.write_row((*row, *plain[(r["table"], doc["id"])]) if as_stored else row)
        return time.perf_counter() - start


def _sent(bundle: Bundle) -> tuple[str, bytes]:
    """A bundle's sender and its payload as JSON (what the floor parses)."""
    return str(bundle.envelope["source"]["party"]), json.dumps(bundle.payload, ensure_ascii=False).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("FIELDGRID_TEST_PG", ""), metavar="URL")
    parser.add_argument("--streets", type=int, default=STREETS)
    parser.add_argument("--devices", type=int, default=DEVICES, help="bundles a street")
    parser.add_argument("--importers", type=int, default=4)
    parser.add_argument("--shared-units", action="store_true",
                        help="ten leaders (all post A) share each unit, so each bundle is relayed to the nine "
                        "others: a shape `station enroll` refuses, kept because the first figures were measured "
                        "with it (by default each device is the only leader of its unit, as on a street)")
    parser.add_argument("--own-units", action="store_true", help=argparse.SUPPRESS)  # the default now
    parser.add_argument("--keep", metavar="DIR", help="build in DIR (new) and keep it and the server's schemas: "
                        "the station of four importers is DIR/terminal0")  # fmt: skip
    args = parser.parse_args(argv)
    if not args.db:
        raise SystemExit("give --db postgresql://USER@HOST/DB (or set FIELDGRID_TEST_PG)")
    import psycopg

    tag = uuid.uuid4().hex[:8]
    schemas = {name: f"bench_{name}_{tag}" for name in ("one", "many", "floor", "first_floor")}
    with psycopg.connect(args.db, autocommit=True) as conn:
        for schema in schemas.values():
            conn.execute(f"CREATE SCHEMA {schema}")
    rng = random.Random(17)
    scale = args.devices / DEVICES
    try:
        kept = contextlib.nullcontext(args.keep) if args.keep else None
        with kept or tempfile.TemporaryDirectory(prefix="fieldgrid-district-") as tmp:
            root = Path(tmp)
            root.mkdir(parents=True, exist_ok=True)
            one, many, street = root / "one", root / "many", root / "street-sqlite"
            first = StationDB(one, create=True, url=in_schema(args.db, schemas["one"]))
            me = station_identity(first, Keys(one))
            for home in (many, street):
                shutil.copytree(one / "keys", home / "keys")
            others = [StationDB(many, create=True, url=in_schema(args.db, schemas["many"])),
                      StationDB(street, create=True, url="")]  # fmt: skip
            for db in others:
                db.set_setting("party", me.party)
            stick, street_stick = root / "stick", root / "street-stick"
            generating = time.perf_counter()
            records = 0
            for s in range(args.streets):
                counts = [spread(round(total * scale), args.devices, rng) for total in (HOUSEHOLDS, VISITS, PROBLEMS)]
                for n in range(args.devices):
                    keys = Keys(root / "keys" / f"{s}-{n}")
                    device_id = f"dev{s:02d}{n:05d}"
                    unit = "1单元" if args.shared_units else f"{n % 10 + 1}单元"
                    # a compound a street: a unit is its compound, building and unit (devices.unit), so the streets'
                    # 1栋1单元 are units of their own, not one unit of ten streets' leaders
                    grid = {"street": f"街道{s + 1}", "community": f"社区{s + 1}-{n * COMMUNITIES // args.devices + 1}",
                            "compound": f"{s + 1}号小区", "building": f"{n // 10 + 1}栋", "unit": unit}  # fmt: skip
                    for db in (first, *others) if s == 0 else (first, others[0]):
                        db.enroll(device_id, keys.public_key, f"单元长{s}-{n}", grid)
                    payload = {"records": unit_records(rng, device_id, grid["building"], counts[0][n], counts[1][n],
                                                       counts[2][n])}  # fmt: skip
                    for record in payload["records"]:  # the households of the device's own unit
                        if record["table"] == "households":
                            record["doc"]["unit"] = unit
                    records += len(payload["records"])
                    source = Identity(device_id, "device", keys.public_key, f"单元长{s}-{n}")
                    made = write_bundle(stick, keys, source, "device", payload, target=me, grid=grid)
                    if s == 0:
                        street_stick.mkdir(exist_ok=True)
                        shutil.copy(made, street_stick / made.name)
            for db in (first, *others):
                db.close()
            generated = time.perf_counter() - generating
            paths = sorted(stick.glob("*.fgbundle"))
            size = sum(p.stat().st_size for p in paths)

            alone = timed([run("--home", str(one), "station", "import", str(stick))])
            shares = []
            for k in range(args.importers):
                terminal, share = root / f"terminal{k}", root / f"share{k}"
                shutil.copytree(many, terminal)
                share.mkdir()
                for path in paths[k :: args.importers]:
                    os.link(path, share / path.name)
                shares.append(("--home", str(terminal), "station", "import", str(share)))
            together = timed([run(*a) for a in shares])
            out = root / "report"
            summary = timed([run("--home", str(root / "terminal0"), "station", "report", "--summary", "--month", MONTH,
                                 "--out", str(out))])  # fmt: skip
            report = timed([run("--home", str(root / "terminal0"), "station", "report", "--month", MONTH, "--out",
                                str(out))])  # fmt: skip
            street_s = timed([run("--home", str(street), "station", "import", str(street_stick))])

            keys = Keys(one)
            payloads = [_sent(open_bundle(p, keys)) for p in paths]  # one bundle held open at a time
            floor_s = copy_floor(payloads, in_schema(args.db, schemas["floor"]))
            first_floor = copy_floor(payloads, in_schema(args.db, schemas["first_floor"]), as_stored=False)
            street_floor = insert_floor([json.dumps(open_bundle(p, keys).payload, ensure_ascii=False).encode()
                                         for p in sorted(street_stick.glob("*.fgbundle"))],
                                        root / "floor.sqlite3")  # fmt: skip
            check = json.loads((one / PG_NAME).read_text(encoding="utf-8"))
            assert check["url"].startswith(args.db)
            with psycopg.connect(args.db, autocommit=True) as conn:
                held, on_disk = conn.execute(
                    f"SELECT count(*), pg_total_relation_size('{schemas['one']}.records') FROM {schemas['one']}.records"
                ).fetchone()
                kept = conn.execute(f"SELECT count(*) FROM {schemas['many']}.records").fetchone()[0]
            assert held == kept, (held, kept)  # four importers hold what one does
    finally:
        with psycopg.connect(args.db, autocommit=True) as conn:
            for schema in () if args.keep else schemas.values():
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    bundles = args.streets * args.devices
    ratio, street_ratio = alone / floor_s, street_s / street_floor
    print(f"district: {args.streets} streets x {args.devices} bundles = {bundles:,} bundles, {records:,} records, "
          f"{size / 2**20:.0f} MiB on the sticks (generated in {generated:.0f} s), "
          f"{'ten leaders' if args.shared_units else 'one leader'} a unit")  # fmt: skip
    print(f"PostgreSQL, 1 importer:  {alone:.1f} s, {records / alone:,.0f} records/s")
    print(f"PostgreSQL, {args.importers} importers: {together:.1f} s, {records / together:,.0f} records/s "
          f"({alone / together:.2f}x one: {'OK' if together < alone else 'MISSED'})")  # fmt: skip
    print(f"floor (json.loads + COPY of the rows as stored, a transaction per bundle): {floor_s:.1f} s")
    print(f"ratio 1 importer {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")
    print(f"beside it, the first floor (six columns, one device, no plain column): {first_floor:.1f} s, "
          f"ratio {alone / first_floor:.2f}x")  # fmt: skip
    print(f"the district's month in figures (report --summary): {summary:.1f} s (target <= {REPORT_TARGET} s): "
          f"{'OK' if summary <= REPORT_TARGET else 'MISSED'}")  # fmt: skip
    print(f"the full monthly report over the district (every problem listed; no target): {report:.1f} s")
    print(f"records held: {held:,} ({on_disk / 2**20:.0f} MiB with indexes: {on_disk / held:.0f} bytes a record)")
    print(f"beside it, SQLite, one street ({args.devices} bundles): import {street_s:.1f} s, floor "
          f"{street_floor:.1f} s, ratio {street_ratio:.2f}x")  # fmt: skip
    ok = ratio <= TARGET and together < alone and summary <= REPORT_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
