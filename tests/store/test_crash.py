"""Crash safety for real: a child process writes households in a loop and is SIGKILLed at random moments,
many times over one growing home.  After every kill the database must open without a notice and hold
every write the child had acknowledged; the one write in flight at the kill is either wholly there or
wholly absent.  The same on a home encrypted with a PIN (the sealed write is the same atomic write).

The child announces each write (``try …``) before calling the store and acknowledges it (``ok``) only
after the call returned.  Kill moments come from a seeded RNG (a number of acknowledged writes, or that
plus a sub-millisecond busy wait), so where a kill lands varies, but no assertion depends on timing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldgrid.store import HomeLock, Store
from fieldgrid.store.crypto import Header, KdfParams, SealKey
from fieldgrid.store.pin import Unlocker, sealed_header
from fieldgrid.store.repository import DB_NAME
from fieldgrid.store.storage import AtomicJSONStorage

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

KILLS = 60
SEED = 20261123

CHILD = r"""
import random
import sys
from pathlib import Path

from fieldgrid.model import Household, Member
from fieldgrid.store import HomeLock, Store

home, seed, run, pin = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(seed)
out = sys.stdout


def say(*words):
    out.write(" ".join(str(w) for w in words) + "\n")
    out.flush()


def state(h):
    return ("live", h.room, h.notes, len(h.members))


HomeLock(home).acquire()
key = None
if pin != "-":
    from fieldgrid.store.pin import Unlocker

    key = Unlocker.of(home).try_pin(pin)
store = Store(home, key=key)
say("open", len(store.notices))
live = {h.id: h for h in store.households()}
n = 0
while True:
    n += 1
    marker = f"{run}-{n}"
    op = rng.choices(["add", "update", "delete"], weights=[4, 5, 1])[0] if live else "add"
    if op == "add":
        used = {h.room for h in live.values()}
        room = next(r for r in (f"{rng.randint(1, 99):02d}{rng.randint(1, 20):02d}" for _ in iter(int, 1))
                    if r not in used)
        h = Household(room=room, notes=marker, phones=[f"139{rng.randint(0, 99999999):08d}"],
                      members=[Member(name="单雄信" + marker, relation="self", phone=f"138{n % 10**8:08d}")])
        say("try", h.id, *state(h))
        h = store.add_household(h)
        live[h.id] = h
    elif op == "update":
        h = store.household(rng.choice(sorted(live)))
        h.notes = marker
        if len(h.members) < 3:
            h.members.append(Member(name="曾国藩" + marker, relation="child"))
        else:
            h.members.pop()  # becomes a tombstone
        say("try", h.id, *state(h))
        live[h.id] = store.update_household(h)
    else:
        ident = rng.choice(sorted(live))
        say("try", ident, "deleted")
        store.delete_household(ident)
        del live[ident]
    say("ok")
"""

State = tuple[str, ...]


def parse_state(words: list[str]) -> State:
    if words[0] == "deleted":
        return ("deleted",)
    kind, room, notes, members = words
    return (kind, room, notes, members)


def actual_states(home: Path, pin: str) -> dict[str, State]:
    """Every household the database holds, deleted ones included, read through the store."""
    with HomeLock(home):  # free again: the kernel dropped the dead child's lock
        key = Unlocker(home, sealed_header_of(home)).try_pin(pin) if pin != "-" else None
        store = Store(home, key=key)
        assert store.notices == [], store.notices
        live = {h.id: ("live", h.room, h.notes, str(len(h.members))) for h in store.households()}
        raw = (home / DB_NAME).read_bytes()
        every = {d["id"] for d in json.loads(key.open(raw, "") if key else raw).get("households", {}).values()}
        states = {i: live.get(i) or ("deleted",) for i in every}
        for ident, st in states.items():
            if st == ("deleted",):
                assert store.record_meta(ident)["deleted"]
        store.close()
    return states


def busy_wait(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def sealed_header_of(home: Path) -> Header:
    header = sealed_header(home)
    assert header is not None
    return header


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_sigkill_never_loses_an_acknowledged_write(tmp_path: Path, sealed: bool) -> None:
    home = tmp_path / "home"
    pin = "-"
    if sealed:  # a home encrypted with a PIN before the first kill (cheap Argon2id: the kills are the point)
        pin = "246810"
        store = Store(home)
        store.seal(SealKey.new(pin, KdfParams(opslimit=1, memlimit=8192)))
        store.close()
    rng = random.Random(SEED)
    expected: dict[str, State] = {}
    acknowledged = landed = lost = stale_temps = 0
    started = time.monotonic()
    for run in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(home), str(rng.getrandbits(32)), str(run), pin],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        try:
            first = child.stdout.readline().split()
            assert first == [b"open", b"0"], (first, child.stderr.read() if child.stderr else b"")
            # Three kinds of moment: right after the n-th acknowledgement; a random sub-millisecond time
            # after the n-th write began (inside the store call); a random time up to 4 ms after it.
            mode = run % 3
            wanted = rng.randint(0, 12) if mode == 0 else rng.randint(1, 12)
            marker = b"ok\n" if mode == 0 else b"try "
            delay = (0.0, rng.uniform(0, 0.001), rng.uniform(0, 0.004))[mode]
            seen = 0
            lines: list[bytes] = []
            while seen < wanted:
                line = child.stdout.readline()
                assert line.endswith(b"\n"), f"child died early: {child.stderr.read() if child.stderr else b''!r}"
                lines.append(line)
                seen += line.startswith(marker)
            busy_wait(delay)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        rest = child.stdout.read()
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        # Only whole lines count: a line cut short by the kill was not acknowledged.
        lines.extend(line + b"\n" for line in rest.split(b"\n")[:-1])

        inflight: tuple[str, State] | None = None
        for line in lines:
            words = line.decode().split()
            if words[0] == "try":
                inflight = (words[1], parse_state(words[2:]))
            else:
                assert words == ["ok"] and inflight is not None
                expected[inflight[0]] = inflight[1]
                inflight = None
                acknowledged += 1

        stale_temps += len(list(home.glob(f".{DB_NAME}.tmp-*")))
        actual = actual_states(home, pin)
        if sealed:
            assert sealed_header(home) is not None, "the store stays sealed"
        assert not list(home.glob(f"{DB_NAME}.corrupt-*"))
        assert not list(home.glob(f".{DB_NAME}.tmp-*")), "stale temp files are removed at open"

        for ident, state in expected.items():
            if inflight and ident == inflight[0]:
                continue
            assert actual.get(ident) == state, f"run {run}: acknowledged write lost for {ident}"
        known = set(expected) | ({inflight[0]} if inflight else set())
        assert set(actual) <= known, f"run {run}: households nobody wrote: {set(actual) - known}"
        if inflight:
            ident, intended = inflight
            before = expected.get(ident)
            now = actual.get(ident)
            assert now in (before, intended), f"run {run}: half a write for {ident}: {now}"
            if now == intended and now != before:
                landed += 1
                expected[ident] = intended
            else:
                lost += 1
    elapsed = time.monotonic() - started
    print(
        f"\ncrash test ({'sealed' if sealed else 'plain'}): {KILLS} SIGKILLs, {acknowledged} acknowledged writes "
        f"all found, in-flight writes "
        f"{landed} landed / {lost} not, {stale_temps} stale temp files cleaned, 0 corrupt, "
        f"{len(expected)} households, {elapsed:.1f} s"
    )
    assert acknowledged > KILLS  # the kills did not all land before the first write


def test_the_store_does_not_use_tinydbs_in_place_json_storage(tmp_path: Path) -> None:
    from tinydb.middlewares import Middleware
    from tinydb.storages import JSONStorage

    store = Store(tmp_path)
    storage = store._db.storage
    assert isinstance(storage, AtomicJSONStorage)
    assert not isinstance(storage, (JSONStorage, Middleware))  # CachingMiddleware loses acknowledged writes
    assert not issubclass(AtomicJSONStorage, JSONStorage)


def test_every_write_replaces_the_file_instead_of_overwriting_it(tmp_path: Path) -> None:
    # TinyDB's JSONStorage truncates and rewrites the same file (same inode): a kill mid-write corrupts it.
    # A replaced file gets a new inode every time, and the old inode stays whole until the rename.
    from fieldgrid.model import Household, Member

    store = Store(tmp_path)
    path = tmp_path / DB_NAME
    held = []  # kept open, so no inode is freed and reused during the test
    for room in ["0101", "0102", "0103"]:
        old = path.open("rb")  # a reader holding the old file keeps seeing the old, complete content
        held.append((old, old.read()))
        store.add_household(Household(room=room, members=[Member(name="张三", relation="self")]))
    held.append((path.open("rb"), b""))
    try:
        for fh, content in held[:-1]:
            fh.seek(0)
            assert fh.read() == content
            json.loads(content)
        inodes = [os.fstat(fh.fileno()).st_ino for fh, _ in held]
        assert len(set(inodes)) == len(inodes)
    finally:
        for fh, _ in held:
            fh.close()
