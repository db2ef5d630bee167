"""Mutants of real bundles for the fuzz tests (``tests/sync/test_fuzz.py``) and the long fuzz run
(``benchmarks/fuzz_bundles.py``): files a clumsy user or an attacker could put on a stick.

Two families: damage to the file as it lies on the stick (truncation, flipped bits, a nesting bomb, a tampered
envelope field — the signature no longer matches), and well-signed bundles whose records are malformed (a
buggy or modified client holding a real key), including bundles signed by a real key of the wrong party.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fieldgrid.sync.bundle import open_bundle, write_bundle
from fieldgrid.sync.identity import Identity, Keys

WRONG_VALUES: list[Any] = [None, 5, -1, 1.5, True, "", "x" * 30_000, [], {}, ["a"], {"a": 1}, "\x00\x1b[2J"]
STAMP_FORGERIES = ["999999999999999.99999.{party}", "000000000000001.00000.someoneelse", "not-a-stamp", 5, None]


def file_mutants(good: bytes, rng: random.Random, count: int) -> Iterator[tuple[str, bytes]]:
    """Damage to the bytes of a bundle file."""
    envelope = json.loads(good)
    for n in range(count):
        kind = n % 6
        if kind == 0:
            yield "truncated", good[: rng.randrange(0, len(good))]
        elif kind == 1:
            data = bytearray(good)
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            yield "bit flips", bytes(data)
        elif kind == 2:
            depth = rng.choice([100, 1000, 50_000])
            opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
            yield "nesting bomb", (opener * depth + "1" + closer * depth).encode()
        elif kind == 3:
            tampered = copy.deepcopy(envelope)
            field = rng.choice(sorted(tampered))
            tampered[field] = rng.choice(WRONG_VALUES)
            yield f"envelope {field}", json.dumps(tampered, ensure_ascii=False).encode()
        elif kind == 4:
            tampered = copy.deepcopy(envelope)
            tampered["payload"] = tampered["payload"][::-1] if rng.random() < 0.5 else tampered["payload"][:-8]
            yield "payload", json.dumps(tampered, ensure_ascii=False).encode()
        else:
            noise = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
            yield "noise", noise


def write_files(mutants: Iterable[tuple[str, bytes]], folder: Path) -> list[tuple[str, Path]]:
    """Each damaged file written as a bundle on a stick, with what was done to it."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, (what, data) in enumerate(mutants):
        path = folder / f"{n:05d}.fgbundle"
        path.write_bytes(data)
        written.append((what, path))
    return written


def record_mutation(payload: dict[str, Any], rng: random.Random, party: str) -> tuple[str, dict[str, Any]]:
    """One record of ``payload`` made malformed in one way (a copy)."""
    out = copy.deepcopy(payload)
    records = out["records"]
    if out.get("notices") and rng.random() < 0.25:
        notice = rng.choice(out["notices"])
        field = rng.choice(["id", "at", "text"])
        notice[field] = rng.choice(WRONG_VALUES)
        return f"notice.{field} wrong", out
    if "acks" in out and (not records or rng.random() < 0.15):
        forged = rng.choice([*STAMP_FORGERIES, "999999999999999.99999.{party}", [], "all"])
        out["acks"] = {party: forged} if rng.random() < 0.7 else forged
        return "forged ack", out
    record = rng.choice(records)
    doc = record["doc"]
    choice = rng.randrange(7)
    if choice == 0:
        field = rng.choice(sorted(k for k in doc if k != "_meta"))
        doc[field] = rng.choice(WRONG_VALUES)
        return f"{record['table']}.{field} wrong", out
    if choice == 1:
        field = rng.choice(sorted(doc))
        del doc[field]
        return f"{record['table']}.{field} missing", out
    if choice == 2:
        forged = rng.choice(STAMP_FORGERIES)
        doc["_meta"]["stamp"] = forged.format(party=party) if isinstance(forged, str) else forged
        return "forged stamp", out
    if choice == 3:
        bomb: Any = 1
        for _ in range(rng.choice([20, 500])):
            bomb = [bomb]
        doc[rng.choice(["notes", "data", "extra"])] = bomb
        return "deep record", out
    if choice == 4:
        record["table"] = rng.choice(["secrets", "profile", "", "households/../x"])
        return "unknown table", out
    if choice == 5:
        records[records.index(record)] = rng.choice(["households", 5, None, {"table": "visits"}])
        return "not a record", out
    doc["_meta"] = rng.choice(WRONG_VALUES)
    return "meta", out


def signed_mutants(
    path: Path, keys: Keys, opener: Keys, source: Identity, target: Identity, out_dir: Path, rng: random.Random,
    count: int, *, kind: str = "device",
) -> Iterator[tuple[str, Path]]:
    """Bundles signed with a real key whose records are malformed."""
    payload = open_bundle(path, opener).payload
    for n in range(count):
        what, mutated = record_mutation(payload, rng, source.party)
        folder = out_dir / f"m{n:05d}"
        try:
            written = write_bundle(folder, keys, source, kind, mutated, target=target, grid=source.grid or {})
        except (AttributeError, KeyError, TypeError, ValueError):
            continue  # the writer itself will not write it: nothing reaches a stick
        yield what, written


def checked(action: Callable[[], object]) -> str:
    """Run ``action``; "ok", or the key of the fieldgrid refusal it raised (anything else propagates)."""
    from fieldgrid.errors import FieldgridError

    try:
        action()
    except FieldgridError as exc:
        return exc.key
    return "ok"
