"""A station import killed at any moment (SIGKILL, the power cord) leaves the database consistent — every
bundle applied whole or not at all — and running the import again completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, station_identity
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys

REPO = Path(__file__).resolve().parents[2]
DEVICES = 12
CHILD = """
import sys
from pathlib import Path
from fieldgrid.sync.identity import Keys
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import import_paths
home, stick = Path(sys.argv[1]), Path(sys.argv[2])
db = StationDB(home)
import_paths(db, Keys(home), [stick], lambda n, total: print(n, flush=True))
"""


def build(tmp: Path) -> tuple[Path, Path, dict[str, int]]:
    station, stick = tmp / "station", tmp / "stick"
    db = StationDB(station, create=True)
    keys = Keys(station)
    me = station_identity(db, keys)
    expected: dict[str, int] = {}
    for n in range(DEVICES):
        home = tmp / f"device{n}"
        grid = GridPath(community="子龙社区", building=f"{n + 1}栋", unit="1单元")
        store = Store(home)
        store.save_profile(LeaderProfile(f"单元长{n}", "13800138000", grid))
        store.add_households(
            [Household(room=f"{f:02d}01", members=[Member(name=f"住户{n}-{f}", relation="self")]) for f in range(1, 30)]
        )
        device_keys = Keys(home)
        device.trust(store, me)
        enroll(db, device.identity(store, device_keys))
        device.export(store, device_keys, stick)
        expected[store.device_id] = 29
        store.close()
    db.close()
    return station, stick, expected


def check(station: Path, expected: dict[str, int]) -> int:
    """The database is whole and each device's records are all there or all absent; how many bundles are in."""
    conn = sqlite3.connect(station / "station.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        applied = {d for (d,) in conn.execute("SELECT device_id FROM bundles")}
        for device_id, count in expected.items():
            stored = conn.execute("SELECT count(*) FROM records WHERE device_id = ?", (device_id,)).fetchone()[0]
            assert stored == (count if device_id in applied else 0), (device_id, stored)
        return len(applied)
    finally:
        conn.close()


@pytest.mark.sqlite_only("a process killed mid-write, checked in SQLite's file")
def test_sigkill_mid_import_then_rerun(tmp_path: Path) -> None:
    station, stick, expected = build(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    seen: list[int] = []
    for stop_after in (0, 2, 5, 9):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(station), str(stick)], stdout=subprocess.PIPE,
                                 env=env, text=True)  # fmt: skip
        assert child.stdout is not None
        for _ in range(stop_after):  # let it get this far, then pull the plug mid-way through the next bundle
            child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait()
        seen.append(check(station, expected))
    rerun = subprocess.run([sys.executable, "-c", CHILD, str(station), str(stick)], env=env, capture_output=True,
                           text=True, check=True)  # fmt: skip
    assert rerun.stdout.split()[-1] == str(DEVICES)
    assert check(station, expected) == DEVICES
    assert seen == sorted(seen) and seen[-1] >= 9  # kills never undid an applied bundle; each run got further
