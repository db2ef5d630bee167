"""The protocol's golden files in ``sync/vectors/`` (see ``sync/SPEC.md``): this implementation still writes,
reads and merges exactly what they say, so another implementation can be tested against the same files."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import jsonschema
import pytest

from fieldgrid.record.merge import merge_doc
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths
from fieldgrid.station.units import device_unit
from fieldgrid.sync.bundle import open_bundle, read_envelope
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity
from testkit import vectors

VECTORS = vectors.VECTORS
SCHEMA = json.loads((VECTORS.parent / "bundle.schema.json").read_text(encoding="utf-8"))
BUNDLES = sorted(VECTORS.glob("*.fgbundle"))


def load(name: str) -> object:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def test_the_byte_stable_vectors_are_what_this_code_writes(tmp_path: Path) -> None:
    expected = vectors.expected_files(tmp_path)
    envelope = json.loads(expected["device-plain.fgbundle"])
    raw = json.dumps({"records": vectors.device_records(), "received": []}, ensure_ascii=False,
                     separators=(",", ":")).encode("utf-8")  # fmt: skip
    golden = read_envelope(VECTORS / "device-plain.fgbundle")
    assert gzip.decompress(base64.b64decode(golden["payload"])) == raw
    if envelope["payload"] != golden["payload"]:
        pytest.skip("this machine's zlib compresses the same payload to other bytes; the payload itself matches")
    for name, data in expected.items():
        assert (VECTORS / name).read_bytes() == data, f"{name} is stale: PYTHONPATH=tests python -m testkit.vectors"


@pytest.mark.parametrize("path", BUNDLES, ids=[p.name for p in BUNDLES])
def test_every_golden_envelope_follows_the_schema(path: Path) -> None:
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)
    read_envelope(path)  # and its signature verifies


def test_the_plain_and_the_sealed_device_bundle_carry_the_same_records(tmp_path: Path) -> None:
    _, _, station_keys, _ = vectors.identities(tmp_path)
    records = load("device-records.json")
    plain = open_bundle(VECTORS / "device-plain.fgbundle", None, allow_plain=True)
    sealed = open_bundle(VECTORS / "device-sealed.fgbundle", station_keys)
    assert plain.payload["records"] == records == sealed.payload["records"]
    assert plain.digest == sealed.digest  # the hash is over the payload, whatever seals it


def test_a_sealed_bundle_opens_only_for_its_target(tmp_path: Path) -> None:
    device_keys, _, _, _ = vectors.identities(tmp_path)
    with pytest.raises(SyncError) as info:
        open_bundle(VECTORS / "device-sealed.fgbundle", device_keys)
    assert info.value.key == "sync.error.cannot_decrypt"
    back = open_bundle(VECTORS / "return-sealed.fgbundle", device_keys)
    assert back.payload["acks"] == {vectors.DEVICE: vectors.stamp(80)}


@pytest.mark.parametrize("field", ["payload", "signature", "records", "clock"])
def test_a_golden_bundle_changed_anywhere_is_refused(tmp_path: Path, field: str) -> None:
    _, _, station_keys, _ = vectors.identities(tmp_path)
    envelope = json.loads((VECTORS / "device-sealed.fgbundle").read_text(encoding="utf-8"))
    if field == "payload":
        envelope["payload"] = envelope["payload"][:40] + ("A" if envelope["payload"][40] != "A" else "B") + \
            envelope["payload"][41:]  # fmt: skip
    elif field == "signature":
        envelope["signature"] = ("0" if envelope["signature"][0] != "0" else "1") + envelope["signature"][1:]
    elif field == "records":
        envelope["records"] += 1
    else:
        envelope["clock"]["to"] = vectors.stamp(999)
    changed = tmp_path / "changed.fgbundle"
    changed.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SyncError):
        open_bundle(changed, station_keys)


CASES = load("merge-cases.json")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_merge_cases_give_the_same_record_in_either_order(case: dict) -> None:
    merged, conflicts = merge_doc(case["table"], case["current"], case["incoming"])
    assert merged == case["merged"]
    assert conflicts == case["conflicts"]
    swapped, _ = merge_doc(case["table"], case["incoming"], case["current"])
    assert swapped == case["merged"]


def test_a_station_takes_the_golden_device_bundle_once(tmp_path: Path) -> None:
    _, device, station_keys, _ = vectors.identities(tmp_path)
    parties = load("parties.json")
    assert isinstance(parties, dict) and parties["device"] == device.to_doc()
    db = StationDB(tmp_path / "station", create=True)
    try:
        db.set_setting("party", vectors.STATION)
        enroll(db, Identity.from_doc(parties["device"]))
        first = import_paths(db, station_keys, [VECTORS / "device-sealed.fgbundle"])
        again = import_paths(db, station_keys, [VECTORS / "device-sealed.fgbundle"])
        assert [(o.status, o.records) for o in first] == [("accepted", 8)]
        assert [o.status for o in again] == ["duplicate"]
        assert {d["id"] for d in db.docs("households", vectors.DEVICE)} == {"h-0601"}  # 0702 moved away
        assert {d["id"] for d in db.docs("households", vectors.DEVICE, deleted=True)} == {"h-0601", "h-0702"}
        found = device_unit(db, vectors.DEVICE)
        assert found is not None
        unit = found[1]
        assert [v.id for v in unit.visits] == ["v-1"]  # v-2, the mediation recorded by mistake, was voided
        assert [p.report.urgency for p in unit.problems] == ["urgent"]  # corrected from normal
    finally:
        db.close()


def test_a_nesting_bomb_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    # ``[`` × 1000 then ``]`` × 1000 once ended ``station import`` in a RecursionError, and the good bundle sorted
    # after it was never imported.
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "a-nested.fgbundle").write_text("[" * 1000 + "]" * 1000)
    (stick / "b-good.fgbundle").write_bytes((VECTORS / "device-sealed.fgbundle").read_bytes())
    _, _, station_keys, _ = vectors.identities(tmp_path)
    db = StationDB(tmp_path / "station", create=True)
    try:
        db.set_setting("party", vectors.STATION)
        enroll(db, Identity.from_doc(load("parties.json")["device"]))  # type: ignore[index]
        outcomes = import_paths(db, station_keys, [stick])
        assert [(o.path.name, o.status) for o in outcomes] == [("a-nested.fgbundle", "refused"),
                                                               ("b-good.fgbundle", "accepted")]  # fmt: skip
        assert outcomes[0].key == "sync.error.not_json"
    finally:
        db.close()
    with pytest.raises(SyncError):
        open_bundle(stick / "a-nested.fgbundle", station_keys)


def test_whatever_one_file_does_it_is_that_files_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Any failure while reading one bundle becomes its refusal, the batch goes on and ends with every outcome.
    from fieldgrid.station import exchange

    _, _, station_keys, _ = vectors.identities(tmp_path)
    db = StationDB(tmp_path / "station", create=True)
    real_open = exchange.open_bundle

    def flaky_open(path: Path, keys: object) -> object:
        if path.name.startswith("a-"):
            raise LookupError("something no one foresaw")
        return real_open(path, keys)  # type: ignore[arg-type]

    monkeypatch.setattr(exchange, "open_bundle", flaky_open)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "a-odd.fgbundle").write_bytes((VECTORS / "device-sealed.fgbundle").read_bytes())
    (stick / "b-good.fgbundle").write_bytes((VECTORS / "device-sealed.fgbundle").read_bytes())
    try:
        db.set_setting("party", vectors.STATION)
        enroll(db, Identity.from_doc(load("parties.json")["device"]))  # type: ignore[index]
        outcomes = import_paths(db, station_keys, [stick])
        assert [(o.status, o.key) for o in outcomes] == [("refused", "sync.error.unexpected"), ("accepted", "")]
        assert outcomes[0].params == {"error": "LookupError"}
    finally:
        db.close()


PAYLOAD_SCHEMA = json.loads((VECTORS.parent / "payload.schema.json").read_text(encoding="utf-8"))


def test_the_published_payload_schema_takes_what_the_app_writes_and_refuses_what_the_checks_refuse(
    tmp_path: Path,
) -> None:
    device_keys, _, station_keys, _ = vectors.identities(tmp_path)
    up = open_bundle(VECTORS / "device-sealed.fgbundle", station_keys).payload
    back = open_bundle(VECTORS / "return-sealed.fgbundle", device_keys).payload
    jsonschema.validate(up, PAYLOAD_SCHEMA)
    jsonschema.validate(back, PAYLOAD_SCHEMA)
    bad_cases = [
        {"table": "households", "doc": {"id": "bad", "members": "x", "_meta": {"stamp": 5}}},
        {"table": "problem_events", "doc": {"id": "e", "kind": "note", "at": "2026-11-20T09:00", "data": {},
                                            "_meta": {"stamp": vectors.stamp(1)}}},  # no problem_id
        {"table": "visits", "doc": {"id": "v", "household_id": "h", "kind": "routine",
                                    "_meta": {"stamp": vectors.stamp(1)}}},  # no at
        {"table": "secrets", "doc": {"id": "s", "_meta": {"stamp": vectors.stamp(1)}}},
    ]  # fmt: skip
    for record in bad_cases:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"records": [record]}, PAYLOAD_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"notices": [{"id": "n", "at": 20261120, "text": "开会"}]}, PAYLOAD_SCHEMA)
