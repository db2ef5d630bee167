"""The station encrypted at rest against a plaintext one, on the same work in the same run: ``station stick`` of a
stick holding N leaders' real bundles (~460 records each: open, check, merge into SQLite, write N returns), on an
encrypted station (every document sealed on its way in and opened on its way out) and on a plaintext station made
as before encryption.  Target: ≤ 1.3×.  Also the unlock time: the Argon2id derivation (libsodium's interactive
limits, 64 MiB) and the unwrapping of the data key, as a command pays it once.

Each run starts from fresh copies of the two stations and their sticks; the commands run in this process
(``fieldgrid.cli.main``, output discarded), so process start-up is left out of both; the sides alternate, and the
medians are compared.

    python benchmarks/bench_station_at_rest.py [--runs N] [--devices N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_station_stick import PASSPHRASE, command, fresh, make_stick

from fieldgrid.cli.station_seal import station_unlocker
from fieldgrid.sync.stick import FOLDER

TARGET = 1.3


def unlock_times(station: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        unlocker = station_unlocker(station)
        assert unlocker is not None
        start = time.perf_counter()
        unlocker.try_pin(PASSPHRASE)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--devices", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fieldgrid-at-rest-") as tmp:
        root = Path(tmp)
        sealed = make_stick(root / "sealed", args.devices)
        plain = make_stick(root / "plain", args.devices, encrypted=False)
        records = sealed[2]
        unlock = unlock_times(sealed[0], args.runs)
        times: dict[str, list[float]] = {"sealed": [], "plain": []}
        for run in range(args.runs):
            for side in ("sealed", "plain") if run % 2 == 0 else ("plain", "sealed"):
                station, stick, _ = sealed if side == "sealed" else plain
                home, copy = fresh(root, station, stick, "run")
                start = time.perf_counter()
                assert command("--home", str(home), "station", "stick", str(copy)) == 0
                times[side].append(time.perf_counter() - start)
                assert len(list((copy / FOLDER).glob("*/return-*.fgbundle"))) == args.devices
    sealed_s, plain_s = statistics.median(times["sealed"]), statistics.median(times["plain"])
    ratio = sealed_s / plain_s
    print(f"stick: {args.devices} device bundles, {records:,} records; {args.runs} runs, medians")
    print(f"encrypted station: station stick {sealed_s * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times['sealed'])}), unlock included")  # fmt: skip
    print(f"plaintext station: station stick {plain_s * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times['plain'])})")  # fmt: skip
    print(f"unlock (Argon2id + unwrap): median {statistics.median(unlock) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in unlock)})")  # fmt: skip
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
