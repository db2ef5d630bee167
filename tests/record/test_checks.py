"""Records from outside are checked before they are merged: every record the app writes passes, and each
kind of record no fieldgrid writes — the ones that once broke reports and lists after being merged — is named
with its field and refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.demo.unit import write_demo
from fieldgrid.record.checks import MAX_DEPTH, MAX_SKEW_MS, BadRecord, check_record, depth_within
from fieldgrid.record.tables import TABLES
from fieldgrid.store import Store
from testkit import vectors

NOW = 1_795_200_000_000  # 2026-11-21, after every vector stamp
PARTIES = {vectors.DEVICE, vectors.STATION}
RECORDS: list[dict[str, Any]] = json.loads((vectors.VECTORS / "device-records.json").read_text(encoding="utf-8"))


def by_table(table: str) -> dict[str, Any]:
    return copy.deepcopy(next(r["doc"] for r in RECORDS if r["table"] == table))


def refused(table: str, doc: Any, parties: set[str] | None = PARTIES) -> BadRecord:
    with pytest.raises(BadRecord) as info:
        check_record(table, doc, now_ms=NOW, parties=parties)
    return info.value


def test_every_record_the_demo_writes_passes(tmp_path: Path) -> None:
    store = Store(tmp_path)
    write_demo(store)
    docs = [(table, doc) for table in TABLES for doc in store.raw_docs(table)]
    assert len(docs) > 100
    for table, doc in docs:
        check_record(table, doc, now_ms=store._now_ms(), parties={store.device_id})


def test_the_golden_records_pass() -> None:
    for record in RECORDS:
        check_record(record["table"], record["doc"], now_ms=NOW, parties=PARTIES)


def test_what_once_broke_the_station_is_refused_with_its_field() -> None:
    # Each of these was accepted from a validly signed bundle, after which reports and lists failed.
    bad = refused("households", {"id": "bad", "members": "x", "_meta": {"stamp": 5}})
    assert (bad.record, bad.field) == ("bad", "room")
    household = by_table("households")
    household["members"] = "x"
    assert refused("households", household).field == "members"
    household = by_table("households")
    household["_meta"]["stamp"] = "999999999999999.99999.stx"
    assert refused("households", household).reason == "future_stamp"
    event = by_table("problem_events")
    del event["problem_id"]
    no_problem = refused("problem_events", event)
    assert (no_problem.field, no_problem.reason) == ("problem_id", "missing")
    visit = by_table("visits")
    del visit["at"]
    assert refused("visits", visit).field == "at"


@pytest.mark.parametrize(
    ("table", "field", "value", "where"),
    [
        ("households", "room", 601, "room"),
        ("households", "floor", "six", "floor"),
        ("households", "phones", "13800138000", "phones"),
        ("households", "notes", "bell\x07", "notes"),
        ("households", "id", "../../etc", "id"),
        ("visits", "at", "yesterday", "at"),
        ("visits", "household_id", None, "household_id"),
        ("problem_events", "kind", "exploded", "kind"),
        ("problem_events", "data", [], "data"),
        ("problem_events", "at", 20261120, "at"),
    ],
)
def test_wrong_types_are_named(table: str, field: str, value: Any, where: str) -> None:
    doc = by_table(table)
    doc[field] = value
    assert refused(table, doc).field == where


def test_stamps_must_be_well_formed_recent_and_of_the_parties() -> None:
    doc = by_table("visits")
    doc["_meta"]["fields"]["at"] = "not-a-stamp"
    assert refused("visits", doc).field == "_meta.fields.at"
    doc = by_table("visits")
    doc["_meta"]["stamp"] = f"{NOW + MAX_SKEW_MS + 60_000:015d}.00000.{vectors.DEVICE}"
    assert refused("visits", doc).reason == "future_stamp"
    doc = by_table("visits")
    doc["_meta"]["stamp"] = doc["_meta"]["stamp"].replace(vectors.DEVICE, "someoneelse")
    assert refused("visits", doc).reason == "foreign_stamp"
    check_record("visits", doc, now_ms=NOW, parties=None)  # a station relaying a roll-up may carry anyone's


def test_members_are_checked_like_households() -> None:
    doc = by_table("households")
    doc["members"][1]["birth_year"] = "1952"
    assert refused("households", doc).field == "members.1.birth_year"
    doc = by_table("households")
    del doc["members"][0]["_meta"]
    assert refused("households", doc).field == "members.0._meta"


def test_unknown_tables_and_deep_nesting_are_refused_without_recursion() -> None:
    assert refused("secrets", by_table("visits")).field == "table"
    bomb: Any = []
    for _ in range(100_000):
        bomb = [bomb]
    assert not depth_within(bomb)
    doc = by_table("problem_events")
    doc["data"]["extra"] = bomb
    assert refused("problem_events", doc).reason == "too_deep"


@given(st.sampled_from(RECORDS), st.data())
def test_dropping_any_required_field_is_refused(record: dict[str, Any], data: st.DataObject) -> None:
    doc = copy.deepcopy(record["doc"])
    field = data.draw(st.sampled_from(sorted(k for k in doc if k in {"id", "room", "at", "problem_id", "kind",
                                                                      "household_id", "data", "_meta"})))  # fmt: skip
    del doc[field]
    with pytest.raises(BadRecord):
        check_record(record["table"], doc, now_ms=NOW, parties=PARTIES)


_nested = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=2), _nested, max_size=4))
def test_a_payloads_nesting_bounds_each_records(doc: dict) -> None:
    """A bundle's payload is checked for nesting whole (``open_bundle``); the records in it are then not walked
    again: a payload within its bound holds only records within theirs, and one beyond holds one beyond."""
    from fieldgrid.sync.bundle import MAX_PAYLOAD_DEPTH

    payload = {"records": [{"table": "visits", "doc": {"id": "a"}}, {"table": "visits", "doc": doc}]}
    for limit in range(1, MAX_DEPTH + 1):
        assert depth_within(payload, limit + 3) == depth_within(doc, limit)
    assert depth_within(payload, MAX_PAYLOAD_DEPTH) == depth_within(doc)


def _height(value: Any) -> int:
    """The nesting of ``value`` by its definition: 0 for a scalar, 1 + the deepest child for a container."""
    if isinstance(value, dict):
        return 1 + max((_height(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_height(v) for v in value), default=0)
    return 0


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=2), inner, max_size=4),
    max_leaves=60,
)


@settings(max_examples=400, deadline=None)
@given(_json, st.integers(min_value=0, max_value=10))
def test_depth_within_is_the_trees_height_bound(value: Any, limit: int) -> None:
    assert depth_within(value, limit) == (_height(value) <= limit)
