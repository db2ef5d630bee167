"""One household write on a home encrypted with a PIN, against two floors measured in the same run, and the
time to unlock.

The home is the one of ``bench_store_write.py`` (50 households, ~4,000 visit-like records).  We time ONE
household update through ``Store.update_household`` on the sealed home and, alternating sample by sample:

* the floor: ``json.dumps`` of the same data + SecretBox encryption with the same key + temp file + fsync +
  ``os.replace`` + fsync of the folder — the least a safe encrypted write costs (target ≤ 1.5×);
* today's unencrypted write: the same update on a plaintext copy of the home (target ≤ 2×).

Unlocking (Argon2id with the default parameters, then reading and decrypting the store) is timed on its own,
median of a few runs; the target is ≤ 1 s on a Raspberry Pi 4 — see ``fieldgrid/store/crypto.py`` for how this
machine's figure relates to a Pi's.

    python benchmarks/bench_encrypted_write.py [--runs N] [--visits N] [--unlocks N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store_write import VISIT_NOTES, build_home, mobile

from fieldgrid.fsutil import fsync_dir
from fieldgrid.store import Store
from fieldgrid.store.crypto import DEFAULT_PARAMS, SealKey
from fieldgrid.store.pin import Unlocker

TARGET_FLOOR = 1.5
TARGET_PLAIN = 2.0
TARGET_UNLOCK_PI = 1.0
PIN = "135790"


def floor_write(path: Path, data: dict[str, Any], key: SealKey) -> float:
    """json.dumps + encrypt + temp file + fsync + os.replace + fsync of the folder."""
    start = time.perf_counter()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    sealed = key.seal(raw)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as fh:
        fh.write(sealed)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return time.perf_counter() - start


def timed_update(store: Store, ident: str, run: int, rng: random.Random) -> float:
    household = store.household(ident)
    household.notes = f"第{run}次走访：{rng.choice(VISIT_NOTES)[:16]}"
    household.members[0].phone = mobile(rng)
    start = time.perf_counter()
    store.update_household(household)
    return time.perf_counter() - start


def unlock_once(home: Path) -> tuple[float, float]:
    """(Argon2id + key check, whole unlock: header, Argon2id, read, decrypt, parse) in seconds."""
    start = time.perf_counter()
    unlocker = Unlocker.of(home)
    assert unlocker is not None
    key = unlocker.try_pin(PIN)
    derived = time.perf_counter() - start
    store = Store(home, key=key)
    store.households()
    total = time.perf_counter() - start
    store.close()
    return derived, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--visits", type=int, default=4000)
    parser.add_argument("--unlocks", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(20261123)

    with tempfile.TemporaryDirectory(prefix="fieldgrid-bench-") as tmp:
        sealed_home, plain_home, floor_dir = Path(tmp) / "sealed", Path(tmp) / "plain", Path(tmp) / "floor"
        floor_dir.mkdir()
        ids = build_home(sealed_home, args.visits, random.Random(1))
        shutil.copytree(sealed_home, plain_home)  # the same households before sealing: same ids, same bytes
        store = Store(sealed_home)
        key = SealKey.new(PIN)
        store.seal(key)
        store.close()

        derive_times, unlock_times = [], []
        for _ in range(args.unlocks):
            derived, total = unlock_once(sealed_home)
            derive_times.append(derived)
            unlock_times.append(total)

        unlocker = Unlocker.of(sealed_home)
        assert unlocker is not None
        sealed = Store(sealed_home, key=unlocker.try_pin(PIN))
        plain = Store(plain_home)
        size = (sealed_home / "fieldgrid.json").stat().st_size
        sealed_times: list[float] = []
        floor_times: list[float] = []
        plain_times: list[float] = []
        for run in range(args.runs + 2):  # the first two of each are warm-up
            ident = rng.choice(ids)
            sealed_elapsed = timed_update(sealed, ident, run, rng)
            data = sealed._storage.read()  # exactly what the store has just written
            assert data is not None
            floor_elapsed = floor_write(floor_dir / "fieldgrid.json", data, sealed.key)  # type: ignore[arg-type]
            plain_elapsed = timed_update(plain, ident, run, rng)
            if run >= 2:
                sealed_times.append(sealed_elapsed)
                floor_times.append(floor_elapsed)
                plain_times.append(plain_elapsed)
        sealed.close()
        plain.close()

    sealed_ms = statistics.median(sealed_times) * 1000
    floor_ms = statistics.median(floor_times) * 1000
    plain_ms = statistics.median(plain_times) * 1000
    derive_s = statistics.median(derive_times)
    unlock_s = statistics.median(unlock_times)
    vs_floor = sealed_ms / floor_ms
    vs_plain = sealed_ms / plain_ms
    print(f"home: 50 households + {args.visits} visits, {size / 1024:.0f} KiB sealed on disk")
    print(f"Argon2id: opslimit {DEFAULT_PARAMS.opslimit}, memlimit {DEFAULT_PARAMS.memlimit // 2**20} MiB")
    print(f"one household update on the sealed home, median of {len(sealed_times)}:   {sealed_ms:7.2f} ms")
    print(f"floor (json.dumps + encrypt + temp + fsync + replace + dir fsync):   {floor_ms:7.2f} ms")
    print(f"the same update on a plaintext home (today's write):               {plain_ms:7.2f} ms")
    ok_floor = vs_floor <= TARGET_FLOOR
    ok_plain = vs_plain <= TARGET_PLAIN
    print(f"ratio to the floor: {vs_floor:.2f}x (target <= {TARGET_FLOOR}x): {'OK' if ok_floor else 'MISSED'}")
    print(f"ratio to plaintext: {vs_plain:.2f}x (target <= {TARGET_PLAIN}x): {'OK' if ok_plain else 'MISSED'}")
    print(
        f"unlock, median of {len(unlock_times)}: Argon2id {derive_s * 1000:.0f} ms, whole unlock (derive, read, "
        f"decrypt, parse) {unlock_s * 1000:.0f} ms on this machine (target <= {TARGET_UNLOCK_PI:.0f} s on a "
        "Raspberry Pi 4: see fieldgrid/store/crypto.py)"
    )
    return 0 if ok_floor and ok_plain else 1


if __name__ == "__main__":
    sys.exit(main())
