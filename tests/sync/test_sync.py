"""Sync end to end with a test station: enrollment both ways, a device bundle imported once, a decision and a
notice sent back, acknowledgements clearing what waits; and every bad bundle refused whole with nothing
changed."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import jsonschema
import pytest

from fieldgrid.model import GridPath
from fieldgrid.model.ledger import Report
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import StationClock, decide, enroll, import_paths, notice, returns, station_identity
from fieldgrid.sync import device
from fieldgrid.sync.bundle import MAX_PAYLOAD_BYTES, canonical, open_bundle, write_bundle
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys
from testkit.sync import make_device

SCHEMA = json.loads((Path(__file__).parents[2] / "sync" / "bundle.schema.json").read_text(encoding="utf-8"))


def test_the_whole_exchange(world) -> None:
    store, keys, db, station_keys, tmp = world
    view = store.report_problem(Report("facility_repair", "屋顶漏水", place="屋顶"))
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需维修基金"})
    assert len(device.pending(store)) == 3  # the household, the report, the escalation
    sent = device.export(store, keys, tmp / "stick")
    envelope = json.loads(sent.path.read_text(encoding="utf-8"))
    jsonschema.validate(envelope, SCHEMA)
    assert envelope["encryption"] == "sealed-box" and "屋顶" not in sent.path.read_text(encoding="utf-8")
    [first] = import_paths(db, station_keys, [tmp / "stick"])
    assert (first.status, first.records) == ("accepted", 3)
    [again] = import_paths(db, station_keys, [tmp / "stick"])
    assert again.status == "duplicate"
    assert db.count("households") == 1 and db.count("problem_events") == 2
    now = store.now().isoformat(timespec="minutes")
    decide(db, StationClock(db), view.id, "resolved", "社区已安排维修", now)
    assert notice(db, "周六上午停水", now) == 1
    [(dev, back, records, notices)] = list(returns(db, station_keys, tmp / "back"))
    assert (dev, records, notices) == (store.device_id, 1, 1)
    jsonschema.validate(json.loads(back.read_text(encoding="utf-8")), SCHEMA)
    result = device.import_return(store, keys, back)
    assert (result.changed, result.notices, result.duplicate) == (1, 1, False)
    assert store.problem(view.id).status == "resolved"
    assert device.pending(store) == []  # acknowledged
    assert device.import_return(store, keys, back).duplicate
    store.add_event(view.id, "feedback", {"to": "全体住户", "how": "notice"})
    assert [t for t, _ in device.pending(store)] == ["problem_events"]
    # Until the device's next bundle says it got the return, the station keeps what it carried to send again.
    assert len(db.pending(store.device_id)) == 2
    [(_, again, _, _)] = list(returns(db, station_keys, tmp / "back2"))
    assert device.import_return(store, keys, again).notices == 0  # the same notice is not shown twice
    device.export(store, keys, tmp / "stick2")
    import_paths(db, station_keys, [tmp / "stick2"])
    assert db.pending(store.device_id) == []


def test_records_stay_editable_and_wait_for_the_ack(world) -> None:
    store, keys, db, station_keys, tmp = world
    device.export(store, keys, tmp / "stick")
    household = store.households()[0]
    household.notes = "导出后改的"
    store.update_household(household)
    import_paths(db, station_keys, [tmp / "stick"])
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    device.import_return(store, keys, back)
    assert [t for t, _ in device.pending(store)] == ["households"]  # the later edit still waits
    assert store.households()[0].notes == "导出后改的"


def refused(db: StationDB, keys: Keys, path: Path) -> str:
    [outcome] = import_paths(db, keys, [path])
    assert outcome.status == "refused", outcome
    return outcome.key


def rewrite(path: Path, name: str, change) -> Path:
    envelope = json.loads(path.read_text(encoding="utf-8"))
    change(envelope)
    out = path.with_name(f"{name}-{path.name}")
    out.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    return out


def test_bad_bundles_are_refused_whole(world, tmp_path: Path) -> None:
    store, keys, db, station_keys, tmp = world
    good = device.export(store, keys, tmp / "stick").path
    before = db.conn.execute("SELECT count(*) FROM records").fetchone()[0]
    raw = good.read_bytes()
    cases: dict[str, Path] = {}
    (tmp / "bad").mkdir()
    cases["truncated"] = tmp / "bad" / "truncated.fgbundle"
    cases["truncated"].write_bytes(raw[: len(raw) // 2])
    cases["flipped"] = rewrite(good, "flipped", lambda e: e.update(records=e["records"] + 1))
    flipped_payload = bytearray(base64.b64decode(json.loads(raw)["payload"]))
    flipped_payload[40] ^= 1
    cases["payload"] = rewrite(
        good, "payload", lambda e: e.update(payload=base64.b64encode(bytes(flipped_payload)).decode())
    )
    cases["newer"] = rewrite(good, "newer", lambda e: e.update(version=99))
    # Re-signed by another key: a valid signature, but not the enrolled device's.
    thief = Keys(tmp / "thief")
    stolen = json.loads(raw)
    stolen["source"]["public_key"] = thief.public_key
    stolen.pop("signature")
    stolen["signature"] = thief.sign(canonical(stolen))
    cases["resigned"] = tmp / "bad" / "resigned.fgbundle"
    cases["resigned"].write_text(json.dumps(stolen), encoding="utf-8")
    expected = {
        "truncated": "sync.error.not_json",
        "flipped": "sync.error.bad_signature",
        "payload": "sync.error.bad_signature",
        "newer": "sync.error.newer_version",
        "resigned": "sync.error.wrong_key",
    }
    for name, path in cases.items():
        assert refused(db, station_keys, path) == expected[name], name
    assert db.conn.execute("SELECT count(*) FROM records").fetchone()[0] == before


def test_unknown_device_out_of_scope_plain_and_bomb(world) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    stranger, stranger_keys = make_device(tmp / "stranger", "王芳")
    device.trust(stranger, me)
    assert (
        refused(db, station_keys, device.export(stranger, stranger_keys, tmp / "s1").path) == "sync.error.unknown_party"
    )
    # Enrolled for 7栋 but carrying a household of 6栋.
    enroll(
        db,
        Identity(stranger.device_id, "device", stranger_keys.public_key, "王芳", {"building": "7栋", "unit": "1单元"}),
    )
    [held] = import_paths(db, station_keys, [device.export(stranger, stranger_keys, tmp / "s2").path])
    assert held.status == "accepted" and held.held == ("0601",)  # kept aside, not applied (tests/station/test_stuck)
    assert list(db.docs("households", stranger.device_id)) == []
    plain = device.export(store, keys, tmp / "plain", plain=True).path
    assert refused(db, station_keys, plain) == "sync.error.plain_refused"
    bomb = gzip.compress(b"[" + b" " * (MAX_PAYLOAD_BYTES + 10) + b"]")
    me_device = device.identity(store, keys)
    path = write_bundle(tmp / "bomb", keys, me_device, "device", {"records": []}, target=me, grid={})
    envelope = json.loads(path.read_text(encoding="utf-8"))
    from fieldgrid.sync.identity import seal

    envelope["payload"] = base64.b64encode(seal(me.public_key, bomb)).decode()
    envelope.pop("signature")
    envelope["signature"] = keys.sign(canonical(envelope))
    path.write_text(json.dumps(envelope), encoding="utf-8")
    assert refused(db, station_keys, path) == "sync.error.too_large_inflated"
    store.close()
    stranger.close()


def test_a_revoked_device_is_refused(world) -> None:
    store, keys, db, station_keys, tmp = world
    db.revoke(store.device_id)
    assert refused(db, station_keys, device.export(store, keys, tmp / "stick").path) == "sync.error.revoked"


def test_a_return_bundle_from_another_station_is_refused(world) -> None:
    store, keys, _, _, tmp = world
    other_db = StationDB(tmp / "other", create=True)
    other_keys = Keys(tmp / "other")
    other_db.enroll(store.device_id, keys.public_key, "刘秀英", {})
    [(_, back, _, _)] = list(returns(other_db, other_keys, tmp / "back"))
    with pytest.raises(SyncError) as exc:
        device.import_return(store, keys, back)
    assert exc.value.key in ("sync.error.wrong_key", "sync.error.unknown_party", "sync.error.cannot_decrypt")
    other_db.close()


def test_export_without_a_station_says_so(tmp_path: Path) -> None:
    store, keys = make_device(tmp_path / "d")
    with pytest.raises(SyncError) as exc:
        device.export(store, keys, tmp_path / "stick")
    assert exc.value.key == "sync.error.no_station"
    assert open_bundle(device.export(store, keys, tmp_path / "p", plain=True).path, None, allow_plain=True).records
    store.close()


def test_rollup_from_community_to_street_uses_the_same_protocol(world) -> None:
    store, keys, db, station_keys, tmp = world
    device.export(store, keys, tmp / "stick")
    import_paths(db, station_keys, [tmp / "stick"])
    street = StationDB(tmp / "street", create=True)
    street_keys = Keys(tmp / "street")
    from fieldgrid.station.exchange import rollup, trust_parent

    trust_parent(db, station_identity(street, street_keys))
    enroll(street, station_identity(db, station_keys))
    done = rollup(db, station_keys, tmp / "up")
    path = done.path
    assert done.records == db.conn.execute("SELECT count(*) FROM records").fetchone()[0] > 0
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)
    [first] = import_paths(street, street_keys, [path])
    assert first.status == "accepted" and street.count("households") == 1
    [again] = import_paths(street, street_keys, [path])
    assert again.status == "duplicate"
    # A device bundle sent straight to the street, or a roll-up from a station it never enrolled, is refused.
    other = StationDB(tmp / "other-community", create=True)
    other_keys = Keys(tmp / "other-community")
    trust_parent(other, station_identity(street, street_keys))
    stranger = rollup(other, other_keys, tmp / "up2").path
    [refused] = import_paths(street, street_keys, [stranger])
    assert (refused.status, refused.key) == ("refused", "sync.error.unknown_party")
    street.close()
    other.close()


def test_two_devices_get_their_own_decisions_and_everyone_the_notice(world) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    other, other_keys = make_device(
        tmp / "device2", "王芳", GridPath(community="子龙社区", building="7栋", unit="1单元")
    )
    device.trust(other, me)
    enroll(db, device.identity(other, other_keys))
    problems = {}
    for s, k in ((store, keys), (other, other_keys)):
        view = s.report_problem(Report("noise", f"{s.profile().name}反映噪音", place="楼道"))
        s.add_event(view.id, "escalated", {"to": "community", "reason": "需协调"})
        problems[s.device_id] = view.id
        device.export(s, k, tmp / "stick")
    outcomes = import_paths(db, station_keys, [tmp / "stick"])
    assert [o.status for o in outcomes] == ["accepted", "accepted"]
    now = store.now().isoformat(timespec="minutes")
    for device_id, problem_id in problems.items():
        decide(db, StationClock(db), problem_id, "resolved", f"已处理 {device_id}", now)
    assert notice(db, "周日全小区消杀", now) == 2
    backs = {dev: path for dev, path, _, _ in returns(db, station_keys, tmp / "back")}
    for s, k in ((store, keys), (other, other_keys)):
        result = device.import_return(s, k, backs[s.device_id])
        assert (result.changed, result.notices) == (1, 1)
        mine = s.problem(problems[s.device_id])
        assert mine.status == "resolved" and s.device_id in mine.events[-1].data["text"]
        assert [p.id for p in s.problems()] == [problems[s.device_id]]  # nobody else's problem came back
        assert [n["text"] for n in s.raw_docs("notices")] == ["周日全小区消杀"]
    other.close()


def test_an_oversized_file_is_refused_before_it_is_read(world, monkeypatch) -> None:
    store, keys, db, station_keys, tmp = world
    path = device.export(store, keys, tmp / "stick").path
    import fieldgrid.sync.bundle

    monkeypatch.setattr(fieldgrid.sync.bundle, "MAX_FILE_BYTES", path.stat().st_size - 1)
    assert refused(db, station_keys, path) == "sync.error.too_large"
    assert db.count("households") == 0


def test_a_roster_change_at_the_station_reaches_the_device(world) -> None:
    store, keys, db, station_keys, tmp = world
    device.export(store, keys, tmp / "stick")
    import_paths(db, station_keys, [tmp / "stick"])
    from fieldgrid.station.exchange import edit_household

    household = store.households()[0]
    edit_household(db, StationClock(db), household.id[:8], {"notes": "已搬走，房屋出租", "residency": "renting"})
    with pytest.raises(SyncError):
        edit_household(db, StationClock(db), "nope", {"notes": "x"})
    [(_, back, records, _)] = list(returns(db, station_keys, tmp / "back"))
    assert records == 1
    result = device.import_return(store, keys, back)
    assert result.changed == 1
    changed = store.household(household.id)
    assert (changed.notes, changed.residency) == ("已搬走，房屋出租", "renting")
    assert changed.head_name == household.head_name  # the fields the station did not touch are the device's


def test_a_malformed_bundle_is_refused_and_the_batch_goes_on(world) -> None:
    store, keys, db, station_keys, tmp = world
    me = station_identity(db, station_keys)
    import_paths(db, station_keys, [device.export(store, keys, tmp / "first").path])
    household = store.households()[0]
    broken = {"id": household.id, "room": "0601", "_meta": {"stamp": "000000000000009.00000.x", "fields": 5}}
    bad = write_bundle(tmp / "stick", keys, device.identity(store, keys), "device",
                       {"records": [{"table": "households", "doc": broken}]}, target=me, grid={})  # fmt: skip
    household.notes = "后来改的"
    store.update_household(household)
    good = device.export(store, keys, tmp / "stick").path
    outcomes = {o.path: o for o in import_paths(db, station_keys, [tmp / "stick"])}
    # Checked before merging, and named: the record, the part at fault and why.
    assert (outcomes[bad].status, outcomes[bad].key) == ("refused", "sync.error.bad_record")
    assert outcomes[bad].params["record"] == household.id and outcomes[bad].params["field"] == "_meta.stamp"
    assert outcomes[good].status == "accepted"
    assert [d["notes"] for d in db.docs("households")] == ["后来改的"]


def test_a_phone_check_in_and_the_members_seen_reach_the_station(world) -> None:
    from fieldgrid.model.visit import Visit

    store, keys, db, station_keys, tmp = world
    household = store.households()[0]
    names = tuple(m.name for m in household.members)
    saved = store.add_visit(Visit(household.id, "", "contact", "电话问候，一切都好", seen=names))
    device.export(store, keys, tmp / "stick")
    [result] = import_paths(db, station_keys, [tmp / "stick"])
    assert result.status == "accepted"
    [doc] = [d for d in db.docs("visits") if d["id"] == saved.id]
    assert (doc["kind"], doc["seen"]) == ("contact", list(names))
    payload = json.loads((Path(__file__).parents[2] / "sync" / "payload.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate({k: v for k, v in doc.items()}, {**payload["$defs"]["visit"], "$defs": payload["$defs"]})
