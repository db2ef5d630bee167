"""A community's roll-up carries what the street does not yet have (#12 item 6): the first one everything the
station holds, later ones only the records changed since the last roll-up the street confirmed — the street's
return names the roll-ups it imported.  A roll-up lost on the way costs nothing: the next one carries its records
again.  ``--full`` sends everything once more."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldgrid.record import meta as records
from fieldgrid.record.clock import Stamp
from fieldgrid.record.tables import PROBLEM_EVENTS, TABLES, VISITS
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import (
    ROLLUP_ACKED,
    enroll,
    import_paths,
    returns,
    rollup,
    station_identity,
    trust_parent,
)
from fieldgrid.sync.bundle import write_bundle
from fieldgrid.sync.identity import Identity, Keys
from testkit.pin import open_station
from testkit.stick import onboard
from testkit.sync import dump_station as dump


def street_of(cli, tmp_path: Path, community: Path) -> Path:
    """A street station that enrolled ``community``, which trusts it."""
    street = tmp_path / "street"
    assert cli("station", "init", "--name", "晋原街道服务站", "--level", "street", home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "street.json"), home_dir=street).code == 0
    assert cli("station", "identity", "--out", str(tmp_path / "community.json"), home_dir=community).code == 0
    assert cli("station", "trust", str(tmp_path / "street.json"), home_dir=community).code == 0
    assert cli("station", "enroll", str(tmp_path / "community.json"), home_dir=street).code == 0
    return street


def held(home: Path) -> dict[str, list[dict]]:
    """Every document a station holds (deleted ones too), per table, decrypted."""
    db = open_station(home, read_only=True)
    try:
        return {table: sorted(db.docs(table, deleted=True), key=lambda d: d["id"]) for table in TABLES}
    finally:
        db.close()


def test_the_second_rollup_carries_only_what_changed(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=2)
    community, devices, stick = world.station, world.devices, world.stick
    for n, home in enumerate(devices):
        for room in ("0101", "0102", "0201"):
            assert cli("households", "add", "--room", room, "--head", f"住户{n}{room}", home_dir=home).code == 0
        assert cli("visits", "add", "0101", "--found", "例行走访",
                   home_dir=home).code == 0  # fmt: skip
        assert cli("sync", "stick", str(stick), home_dir=home).code == 0
    assert cli("station", "stick", str(stick), home_dir=community).code == 0
    street = street_of(cli, tmp_path, community)

    first = cli("station", "rollup", "--out", str(tmp_path / "up1"), home_dir=community)
    assert first.code == 0 and "全部 8 条记录" in first.err, first.err
    assert cli("station", "import", str(tmp_path / "up1"), home_dir=street).code == 0
    # Nothing confirmed yet: a second roll-up before the street's return comes back carries everything again.
    again = cli("station", "rollup", "--out", str(tmp_path / "up1b"), home_dir=community)
    assert "全部 8 条记录" in again.err, again.err
    assert cli("station", "returns", "--out", str(tmp_path / "down1"), home_dir=street).code == 0
    assert cli("station", "import", str(tmp_path / "down1"), home_dir=community).code == 0

    # A month's work on one device: one new visit.
    assert cli("visits", "add", "0102", "--found", "十二月走访",
               home_dir=devices[0]).code == 0  # fmt: skip
    assert cli("sync", "stick", str(stick), home_dir=devices[0]).code == 0
    assert cli("station", "stick", str(stick), home_dir=community).code == 0
    second = cli("station", "rollup", "--out", str(tmp_path / "up2"), home_dir=community)
    assert second.code == 0 and "只含街道上次确认收到之后新增或改动的 1 条记录" in second.err, second.err
    assert cli("station", "import", str(tmp_path / "up2"), home_dir=street).code == 0
    notes = sorted(v.get("kind", "") for v in held(street)[VISITS])
    assert len(notes) == 3, notes  # both roll-ups' visits, merged

    # --full: everything once more, merged there as no change.
    full = cli("station", "rollup", "--full", "--out", str(tmp_path / "up3"), home_dir=community)
    assert "全部 9 条记录" in full.err, full.err
    before = held(street)
    assert cli("station", "import", str(tmp_path / "up3"), home_dir=street).code == 0
    assert held(street) == before


def test_a_lost_rollup_is_carried_again_and_a_damaged_return_changes_nothing(cli, tmp_path: Path) -> None:
    world = onboard(cli, tmp_path, count=1)
    community, [device], stick = world.station, world.devices, world.stick
    assert cli("households", "add", "--room", "0101", "--head", "陈建国", home_dir=device).code == 0
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=community).code == 0
    street = street_of(cli, tmp_path, community)
    assert cli("station", "rollup", "--out", str(tmp_path / "up1"), home_dir=community).code == 0
    assert cli("station", "import", str(tmp_path / "up1"), home_dir=street).code == 0
    assert cli("station", "returns", "--out", str(tmp_path / "down1"), home_dir=street).code == 0
    assert cli("station", "import", str(tmp_path / "down1"), home_dir=community).code == 0

    assert cli("visits", "add", "0101", "--found", "走访",
               home_dir=device).code == 0  # fmt: skip
    assert cli("sync", "stick", str(stick), home_dir=device).code == 0
    assert cli("station", "stick", str(stick), home_dir=community).code == 0
    lost = cli("station", "rollup", "--out", str(tmp_path / "lost"), home_dir=community)
    assert "1 条记录" in lost.err
    shutil.rmtree(tmp_path / "lost")  # the stick never reached the street
    assert cli("station", "returns", "--out", str(tmp_path / "down2"), home_dir=street).code == 0
    assert cli("station", "import", str(tmp_path / "down2"), home_dir=community).code == 0
    carried = cli("station", "rollup", "--out", str(tmp_path / "up2"), home_dir=community)
    assert "只含街道上次确认收到之后新增或改动的 1 条记录" in carried.err, carried.err
    assert cli("station", "import", str(tmp_path / "up2"), home_dir=street).code == 0
    assert len(held(street)[VISITS]) == 1

    # A return whose list of roll-ups received is not a list: refused, the community exactly as it was.
    before = dump(community)
    db = open_station(street)
    try:
        me = station_identity(db, Keys(street))
        [device_row] = [d for d in db.devices() if d.grid.get("level") == "station"]
        bad = tmp_path / "bad"
        payload = {"records": [], "notices": [], "acks": {}, "received": {"not": "a list"}}
        target = Identity(device_row.device_id, "station", device_row.public_key, device_row.leader, device_row.grid)
        write_bundle(bad, Keys(street), me, "return", payload, target=target, grid={})
    finally:
        db.close()
    refused = cli("station", "import", str(bad), home_dir=community)
    assert refused.code != 0 and "Traceback" not in refused.err
    assert dump(community) == before


def _open(home: Path) -> tuple[StationDB, Keys]:
    return StationDB(home, create=True), Keys(home)


def _event(n: int, stamp: str) -> dict:
    doc = {"id": f"e{n:04d}", "problem_id": f"p{n % 7}", "kind": "note", "at": "2026-11-02T09:00",
           "data": {"text": f"第{n}次"}}  # fmt: skip
    return records.stamp_new(doc, stamp, "stcommunity")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 4), st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_whatever_is_lost_the_street_ends_with_everything(steps: list[tuple[int, bool, bool]]) -> None:
    """Rounds of: some records written at the community, a roll-up (delivered or lost), the street's return
    (delivered or lost).  After one last round that arrives, the street holds every record the community does."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        community, community_keys = _open(root / "community")
        street, street_keys = _open(root / "street")
        trust_parent(community, station_identity(street, street_keys))
        enroll(street, station_identity(community, community_keys))
        written = 0
        for n, (new, rollup_arrives, return_arrives) in enumerate([*steps, (0, True, True)]):
            for _ in range(new):
                written += 1
                stamp = Stamp(1_790_000_000_000 + written, 0, "stcommunity").encode()
                community.put_local(PROBLEM_EVENTS, _event(written, stamp), "dev1")
            up = rollup(community, community_keys, root / f"up{n}")
            assert up.since <= int(community.setting(ROLLUP_ACKED) or 0)
            if rollup_arrives:
                [outcome] = import_paths(street, street_keys, [up.path])
                assert outcome.status in ("accepted", "duplicate"), outcome.key
            down = root / f"down{n}"
            list(returns(street, street_keys, down))
            if return_arrives:
                for outcome in import_paths(community, community_keys, [down]):
                    assert outcome.status in ("accepted", "duplicate"), outcome.key
        held = {table: {d["id"] for d in community.docs(table, deleted=True)} for table in TABLES}
        assert {table: {d["id"] for d in street.docs(table, deleted=True)} for table in TABLES} == held
        community.close()
        street.close()
