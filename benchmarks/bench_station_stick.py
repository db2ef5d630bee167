"""``station stick`` of a stick holding 50 leaders' bundles, against the floor of the two commands it replaces run on
the same bundles in the same run: ``station import`` of the stick's folder, then ``station returns`` writing the
same 50 returns onto it.  Target: ≤ 1.2×.

Each bundle is real — one unit of 44 households, 300 visits and 30 problems of four events (~460 records), signed
by its own device key, sealed to the station, its device enrolled — so both sides do the same imports (open,
check, merge into SQLite, a transaction each) and write the same 50 signed, sealed returns.  What ``station stick``
does besides is the stick's layout: a folder per leader and unit for the returns, the imported bundles moved into
the archive folder, and the folders synced.  Each run starts from fresh copies of the station and the stick; the
commands run in this process (``fieldgrid.cli.main``, output discarded), so process start-up is left out of both;
the two sides alternate, and the medians are compared.

    python benchmarks/bench_station_stick.py [--runs N] [--devices N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_station import unit_records

from fieldgrid.cli import main as fieldgrid
from fieldgrid.cli.station_seal import ENV_PASSPHRASE, station_unlocker
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import station_identity
from fieldgrid.sync.bundle import write_bundle
from fieldgrid.sync.identity import Identity, Keys
from fieldgrid.sync.stick import FOLDER

TARGET = 1.2
PASSPHRASE = "bench-station-passphrase"
HOUSEHOLDS, VISITS, PROBLEMS = 44, 300, 30


def command(*args: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return fieldgrid(list(args))


def make_stick(root: Path, devices: int, *, encrypted: bool = True) -> tuple[Path, Path, int]:
    """A station with ``devices`` enrolled leaders, and a stick holding one bundle of each: (station, stick,
    records).  The station is encrypted (``station init``, its passphrase in the environment for every command
    after), or ``encrypted=False`` a plaintext one as made before encryption."""
    rng = random.Random(50)
    station, stick = root / "station", root / "stick"
    os.environ[ENV_PASSPHRASE] = PASSPHRASE
    if encrypted:
        assert command("--home", str(station), "station", "init", "--name", "子龙社区服务站") == 0
    else:
        StationDB(station, create=True).close()
    unlocker = station_unlocker(station)
    db = StationDB(station, key=None if unlocker is None else unlocker.try_pin(PASSPHRASE))
    me = station_identity(db, Keys(station))
    records = 0
    for n in range(devices):
        keys = Keys(root / "keys" / str(n))
        device_id, leader, building = f"dev{n:03d}", f"单元长{n}", f"{n + 1}栋"  # a unit each
        grid = {"community": "子龙社区", "compound": "橙郡一期", "building": building, "unit": "1单元"}
        db.enroll(device_id, keys.public_key, leader, grid)
        payload = {"records": unit_records(rng, device_id, building, HOUSEHOLDS, VISITS, PROBLEMS), "received": []}
        records += len(payload["records"])
        source = Identity(device_id, "device", keys.public_key, leader, grid)
        write_bundle(stick / FOLDER, keys, source, "device", payload, target=me, grid=grid)
    db.close()  # its WAL checkpointed: the copies below are whole
    return station, stick, records


def fresh(root: Path, station: Path, stick: Path, name: str) -> tuple[Path, Path]:
    run = root / name
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(station, run / "station")
    shutil.copytree(stick, run / "stick")
    return run / "station", run / "stick"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--devices", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fieldgrid-stick-") as tmp:
        root = Path(tmp)
        station, stick, records = make_stick(root, args.devices)
        size = sum(p.stat().st_size for p in (stick / FOLDER).glob("*.fgbundle"))
        stick_times: list[float] = []
        floor_times: list[float] = []
        for run in range(args.runs):
            for side in ("stick", "floor") if run % 2 == 0 else ("floor", "stick"):
                home, copy = fresh(root, station, stick, "run")
                folder = copy / FOLDER
                start = time.perf_counter()
                if side == "stick":
                    assert command("--home", str(home), "station", "stick", str(copy)) == 0
                    stick_times.append(time.perf_counter() - start)
                    assert len(list(folder.glob("*/return-*.fgbundle"))) == args.devices
                    assert len(list((folder / "archive").glob("device-*.fgbundle"))) == args.devices
                else:
                    assert command("--home", str(home), "station", "import", str(folder)) == 0
                    assert command("--home", str(home), "station", "returns", "--out", str(folder)) == 0
                    floor_times.append(time.perf_counter() - start)
                    assert len(list(folder.glob("return-*.fgbundle"))) == args.devices
    stick_s, floor_s = statistics.median(stick_times), statistics.median(floor_times)
    ratio = stick_s / floor_s
    print(f"stick: {args.devices} device bundles, {records:,} records, {size / 2**20:.1f} MiB; "
          f"{args.runs} runs, medians")  # fmt: skip
    print(f"station stick (import, {args.devices} returns in a folder each, archive): {stick_s * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in stick_times)})")  # fmt: skip
    print(f"floor: station import + station returns: {floor_s * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in floor_times)})")  # fmt: skip
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
