"""Return bundles a buggy or modified station could sign: each refused whole on the device, naming what is wrong,
with the device's database byte for byte as it was — and the device still lists, reports and exports afterwards.

Each of these was once accepted, after which ``households list``, ``sync status`` or ``sync export`` failed, or
the device silently stopped sending its changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldgrid.record.meta import stamp_new
from fieldgrid.station.exchange import station_identity
from fieldgrid.store.repository import DB_NAME
from fieldgrid.sync import device
from fieldgrid.sync.bundle import write_bundle
from fieldgrid.sync.errors import SyncError


def station_stamp(party: str, wall_ms: int) -> str:
    return f"{wall_ms:015d}.00000.{party}"


def cases(store: Any, party: str) -> dict[str, dict[str, Any]]:
    now = store.now_ms()
    household = store.raw_docs("households")[0]
    future = dict(household, _meta={**household["_meta"], "stamp": "999999999999999.99999." + party})
    stamp = station_stamp(party, now)
    event = stamp_new({"id": "e-x", "kind": "decision", "at": "2026-11-20T10:00", "data": {}}, stamp, party)
    visit = stamp_new({"id": "v-x", "household_id": household["id"], "kind": "routine"}, stamp, party)
    return {
        "far-future record stamp": {"records": [{"table": "households", "doc": future}]},
        "event without problem_id": {"records": [{"table": "problem_events", "doc": event}]},
        "visit without at": {"records": [{"table": "visits", "doc": visit}]},
        "notice whose at is a number": {"notices": [{"id": "n1", "at": 20261120, "text": "开会"}]},
        "notice with a control character": {"notices": [{"id": "n1", "at": "2026-11-20T09:00", "text": "开\x1b[2J会"}]},
        "acks given as a string": {"acks": "everything"},
        "notice for an unknown audience": {"notices": [{"id": "n1", "at": "2026-11-20T09:00", "text": "开会",
                                                        "audience": "everyone"}]},
        "peers given as a string": {"peers": "all of them"},
        "a peer that is not an id": {"peers": ["../../etc"]},
        "a stranger's stamp without peers": {"records": [{"table": "visits", "doc": stamp_new(
            {"id": "v-y", "household_id": household["id"], "kind": "routine", "at": "2026-11-20T10:00"},
            station_stamp("stranger", now), "stranger")}]},
        "ack of a far-future stamp": {"acks": {store.device_id: station_stamp(store.device_id, now + 86_400_000 * 30)}},
        "ack of a stamp never written": {"acks": {store.device_id: station_stamp(store.device_id, now + 60_000)}},
    }


CASES = [
    "far-future record stamp", "event without problem_id", "visit without at", "notice whose at is a number",
    "notice with a control character", "acks given as a string", "ack of a far-future stamp",
    "ack of a stamp never written", "notice for an unknown audience", "peers given as a string",
    "a peer that is not an id", "a stranger's stamp without peers",
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_return_bundle_changes_nothing(world: tuple[Any, ...], case: str, capsys: Any) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    payload = {"records": [], "notices": [], "acks": {}, **cases(store, me.party)[case]}
    target = device.identity(store, keys)
    path = write_bundle(tmp / "back", station_keys, me, "return", payload, target=target, grid={})
    before = (Path(store.home) / DB_NAME).read_bytes()
    waiting = len(device.pending(store))
    with pytest.raises(SyncError) as info:
        device.import_return(store, keys, path)
    assert info.value.key in {f"sync.error.bad_{what}" for what in ("record", "notice", "ack", "peers")}
    assert (Path(store.home) / DB_NAME).read_bytes() == before
    # … and the device still works: its changes still wait and still go out.
    assert len(device.pending(store)) == waiting > 0
    sent = device.export(store, keys, tmp / "stick")
    assert sent.records == waiting
    assert json.loads(sent.path.read_text(encoding="utf-8"))["records"] == waiting


def test_a_well_formed_return_still_applies(world: tuple[Any, ...]) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    ack = store.clock_stamp()
    payload = {"records": [], "notices": [{"id": "n1", "at": "2026-11-20T09:00", "text": "12月5日开会\n请转告"}],
               "acks": {store.device_id: ack}}  # fmt: skip
    path = write_bundle(tmp / "back", station_keys, me, "return", payload, target=device.identity(store, keys), grid={})
    result = device.import_return(store, keys, path)
    assert (result.notices, result.acked) == (1, ack)
    assert device.pending(store) == []
