"""The golden bundles and merge cases in ``sync/vectors/``: test vectors for any implementation of the protocol.

Everything here is deterministic (fixed keys, ids, clock stamps and creation time), so the files can be made
again and compared byte for byte::

    PYTHONPATH=tests python -m testkit.vectors          # check: exit 1 if a committed vector differs
    PYTHONPATH=tests python -m testkit.vectors --write  # make them again (after a deliberate format change)

Sealed bundles are not byte-stable (a sealed box uses a fresh ephemeral key): they are written once and checked
by opening them.  The keys are test keys, published here on purpose; no real device may use them.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from fieldgrid.model.corrections import Correction
from fieldgrid.model.household import Household, Member
from fieldgrid.model.ledger import Report
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.visit import Visit
from fieldgrid.record.codec import event_doc
from fieldgrid.record.merge import merge_doc
from fieldgrid.record.meta import stamp_changes, stamp_new, tombstone
from fieldgrid.sync.bundle import write_bundle
from fieldgrid.sync.identity import KEY_DIR, SECRET, Identity, Keys

VECTORS = Path(__file__).resolve().parents[2] / "sync" / "vectors"
DEVICE = "dev0vector01"
STATION = "st0vector001"
SEEDS = {DEVICE: "11" * 32, STATION: "22" * 32}  # Ed25519 seeds, hex: TEST KEYS ONLY
CREATED = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
GRID = {"community": "子龙社区", "compound": "橙郡一期", "building": "6栋", "unit": "3单元"}


def stamp(minute: int, counter: int = 0, device: str = DEVICE) -> str:
    """A clock stamp ``minute`` minutes after 2026-11-20 08:00 (UTC+8)."""
    wall = int(dt.datetime(2026, 11, 20, 0, 0, tzinfo=dt.timezone.utc).timestamp() * 1000) + minute * 60_000
    return f"{wall:015d}.{counter:05d}.{device}"


def keys_for(party: str, folder: Path) -> Keys:
    home = folder / party
    (home / KEY_DIR).mkdir(parents=True, exist_ok=True)
    (home / KEY_DIR / SECRET).write_text(SEEDS[party])
    return Keys(home)


def identities(folder: Path) -> tuple[Keys, Identity, Keys, Identity]:
    device_keys, station_keys = keys_for(DEVICE, folder), keys_for(STATION, folder)
    device = Identity(DEVICE, "device", device_keys.public_key, "王芳", dict(GRID))
    station = Identity(STATION, "station", station_keys.public_key, "子龙社区服务站")
    return device_keys, device, station_keys, station


def device_records() -> list[dict[str, Any]]:
    """One unit's small week: a household edited once, one moved away (a tombstone), a visit, a problem
    reported, escalated and its urgency corrected, a visit recorded by mistake and voided (format version 2)."""
    head = Member("张三", "self", "M", 1950, "13800138000", "11010519491231002X", id="m-0601-1")
    spouse = Member("李四", "spouse", "F", 1952, id="m-0601-2")
    h0601 = Household("0601", [head, spouse], "6栋", "3单元", 6, ["13800138001"], tags=["living_alone"], id="h-0601")
    first = stamp_new(h0601.to_doc(), stamp(10), DEVICE)
    edited = h0601.to_doc() | {"notes": "腿脚不便，每周看一次"}
    h0601_doc = stamp_changes(first, edited, stamp(70), DEVICE)
    h0702 = Household("0702", [Member("王五", id="m-0702-1")], "6栋", "3单元", 7, id="h-0702")
    h0702_doc = tombstone(stamp_new(h0702.to_doc(), stamp(11), DEVICE), stamp(80), DEVICE)
    visit = Visit("h-0601", "2026-11-20T09:10", "errand", "代办高龄补贴", id="v-1")
    report = Report("facility_repair", "楼道地漏堵塞，下雨返水", "normal", place="3楼楼道", reporter="张三")
    reported = ProblemEvent("p-1", "reported", "2026-11-20T09:20", report.to_data(), id="e-1")
    escalated = ProblemEvent("p-1", "escalated", "2026-11-20T09:25", {"to": "community", "note": "需物业更换管道"},
                             id="e-2")  # fmt: skip
    corrected = ProblemEvent("p-1", "corrected", "2026-11-20T09:26",
                             {"changes": {"urgency": "urgent"}, "reason": "下雨天返水更急", "by": "王芳"},
                             id="e-3")  # fmt: skip
    mistaken = Visit("h-0601", "2026-11-20T09:15", "mediation", "调解邻里噪音", id="v-2")
    void = Correction("visit", "v-2", "2026-11-20T09:27", "记错了户，应为0602", "王芳", void=True, id="c-1")
    return [
        {"table": "households", "doc": h0601_doc},
        {"table": "households", "doc": h0702_doc},
        {"table": "visits", "doc": stamp_new(visit.to_doc(), stamp(72), DEVICE)},
        {"table": "problem_events", "doc": stamp_new(event_doc(reported), stamp(74), DEVICE)},
        {"table": "problem_events", "doc": stamp_new(event_doc(escalated), stamp(75), DEVICE)},
        {"table": "visits", "doc": stamp_new(mistaken.to_doc(), stamp(73), DEVICE)},
        {"table": "problem_events", "doc": stamp_new(event_doc(corrected), stamp(76), DEVICE)},
        {"table": "corrections", "doc": stamp_new(void.to_doc(), stamp(77), DEVICE)},
    ]


def merge_cases() -> list[dict[str, Any]]:
    """Two versions of one record and what every implementation must make of them, in either order."""
    base = Household("0601", [Member("张三", id="m-1")], "6栋", "3单元", 6, ["13800138000"], id="h-1")
    original = stamp_new(base.to_doc(), stamp(0), DEVICE)
    at_device = stamp_changes(original, base.to_doc() | {"notes": "设备上写的"}, stamp(5), DEVICE)
    at_station = stamp_changes(original, base.to_doc() | {"notes": "服务站写的"}, stamp(6, 0, STATION), STATION)
    phone_here = stamp_changes(original, base.to_doc() | {"phones": ["13900139000"]}, stamp(7), DEVICE)
    deleted = tombstone(original, stamp(8), DEVICE)
    later_edit = stamp_changes(original, base.to_doc() | {"notes": "删后又改"}, stamp(9, 0, STATION), STATION)
    visit = stamp_new(Visit("h-1", "2026-11-20T09:10", id="v-1").to_doc(), stamp(3), DEVICE)
    pairs = [
        ("concurrent edits of one field: the later stamp wins, the other is kept as a conflict", "households",
         at_device, at_station),
        ("edits of different fields both survive", "households", at_station, phone_here),
        ("a tombstone beats an older edit", "households", at_device, deleted),
        ("an edit newer than the tombstone brings the record back", "households", deleted, later_edit),
        ("the same immutable record twice is one record", "visits", visit, visit),
    ]  # fmt: skip
    cases = []
    for name, table, current, incoming in pairs:
        merged, conflicts = merge_doc(table, current, incoming)
        cases.append({"name": name, "table": table, "current": current, "incoming": incoming,
                      "merged": merged, "conflicts": conflicts})  # fmt: skip
    return cases


def plain_bundle(folder: Path) -> bytes:
    device_keys, device, _, station = identities(folder)
    payload = {"records": device_records(), "received": []}
    path = write_bundle(folder / "out", device_keys, device, "device", payload, target=station, grid=dict(GRID),
                        plain=True, now=CREATED)  # fmt: skip
    return path.read_bytes()


def dumps(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def expected_files(folder: Path) -> dict[str, bytes]:
    """The byte-stable vectors, by file name."""
    _, device, _, station = identities(folder)
    return {
        "parties.json": dumps({"seeds_hex_TEST_ONLY": SEEDS, "device": device.to_doc(), "station": station.to_doc()}),
        "device-plain.fgbundle": plain_bundle(folder),
        "device-records.json": dumps(device_records()),
        "merge-cases.json": dumps(merge_cases()),
    }


def write_sealed(folder: Path) -> None:
    device_keys, device, station_keys, station = identities(folder)
    out = folder / "sealed"
    up = write_bundle(out, device_keys, device, "device", {"records": device_records(), "received": []},
                      target=station, grid=dict(GRID), now=CREATED)  # fmt: skip
    (VECTORS / "device-sealed.fgbundle").write_bytes(up.read_bytes())
    back = {"records": [], "notices": [{"id": "n-1", "at": "2026-11-21T10:00", "text": "12月5日上午9点开单元长会"}],
            "acks": {DEVICE: stamp(80)}}  # fmt: skip
    down = write_bundle(out, station_keys, station, "return", back, target=device, grid={}, now=CREATED)
    (VECTORS / "return-sealed.fgbundle").write_bytes(down.read_bytes())


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        files = expected_files(Path(tmp))
        if "--write" in argv:
            VECTORS.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                (VECTORS / name).write_bytes(data)
            write_sealed(Path(tmp))
            return 0
        stale = [name for name, data in files.items() if (VECTORS / name).read_bytes() != data]
    print("stale: " + ", ".join(stale) if stale else "vectors up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
