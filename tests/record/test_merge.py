"""The merge rules (fieldgrid.record.merge) as properties: any order, grouping and repetition of merges gives the same
document; the later stamp wins each field; concurrent edits leave a conflict; tombstones beat older edits;
immutable records and problem events are a union that never loses one."""

from __future__ import annotations

import functools
import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.record.merge import merge_doc, merge_into

DEVICES = ("dev-a", "dev-b", "station")
stamps = st.builds(
    lambda wall, counter, device: f"{wall:015d}.{counter:05d}.{device}",
    st.integers(1, 6),
    st.integers(0, 2),
    st.sampled_from(DEVICES),
)
values = st.sampled_from(["张三", "李四", "", "0601", None, 3])


FIELDS = ("room", "notes", "residency")


@st.composite
def histories(draw: st.DrawFn) -> list[dict]:
    """Several copies of household h1, each knowing some of one shared history of changes: a change is
    (stamp, field, value, the stamp it was made on top of); a copy holds, per field, the latest change it
    knows; tombstones and members likewise."""
    changes = draw(
        st.lists(
            st.tuples(stamps, st.sampled_from(FIELDS), values, st.one_of(st.none(), stamps)),
            min_size=1,
            max_size=8,
            unique_by=lambda c: c[0],
        )
    )
    member_changes = draw(
        st.lists(
            st.tuples(stamps, st.sampled_from(["m1", "m2"]), values, st.sampled_from(["self", "child", "spouse"])),
            max_size=4,
            unique_by=lambda c: c[0],
        )
    )
    tombstones = draw(st.lists(stamps, max_size=2, unique=True))
    copies = []
    for _ in range(draw(st.integers(1, 4))):
        known = [c for c in changes if draw(st.booleans())] or changes[:1]
        doc: dict = {"id": "h1"}
        fields: dict[str, str] = {}
        base: dict[str, str | None] = {}
        for stamp, key, value, on_top_of in sorted(known):
            doc[key], fields[key], base[key] = value, stamp, on_top_of
        members: dict[str, dict] = {}
        for stamp, ident, name, relation in sorted(c for c in member_changes if draw(st.booleans())):
            meta = {"stamp": stamp, "device": stamp[22:], "fields": {"name": stamp, "relation": stamp}, "deleted": None}
            members[ident] = {"id": ident, "name": name, "relation": relation, "_meta": meta}
        doc["members"] = sorted(members.values(), key=lambda m: m["id"])
        deleted = max((t for t in tombstones if draw(st.booleans())), default=None)
        last = max([*fields.values(), *([deleted] if deleted else [])])
        if deleted is not None and max(fields.values()) > deleted:
            deleted = None
        doc["_meta"] = {"stamp": last, "device": last[22:], "fields": fields, "deleted": deleted, "base": base}
        copies.append(doc)
    return copies


def merged(table: str, docs: list[dict]) -> dict:
    return functools.reduce(lambda a, b: merge_doc(table, a, b)[0], docs[1:], docs[0])


@settings(max_examples=300, deadline=None)
@given(histories())
def test_households_converge_in_any_order_and_grouping(docs: list[dict]) -> None:
    results = {json.dumps(merged("households", list(order)), sort_keys=True) for order in itertools.permutations(docs)}
    assert len(results) == 1
    once = merged("households", docs)
    assert merge_doc("households", once, once)[0] == once  # idempotent
    for doc in docs:
        assert merge_doc("households", once, doc)[0] == once  # a copy seen again changes nothing
    if len(docs) >= 3:  # grouping
        left = merge_doc("households", merged("households", docs[:2]), merged("households", docs[2:]))[0]
        assert left == once


@settings(max_examples=200, deadline=None)
@given(histories())
def test_each_field_holds_its_latest_value(docs: list[dict]) -> None:
    result = merged("households", docs)
    for key in FIELDS:
        stamped = [(d["_meta"]["fields"][key], d[key]) for d in docs if key in d["_meta"]["fields"]]
        if stamped:
            latest = max(s for s, _ in stamped)
            assert result["_meta"]["fields"][key] == latest
            assert result[key] in [v for s, v in stamped if s == latest]


def doc(fields: dict, stamps: dict, base: dict | None = None, deleted: str | None = None) -> dict:
    last = max([*stamps.values(), *([deleted] if deleted else [])])
    meta = {"stamp": last, "device": last[22:], "fields": stamps, "deleted": deleted}
    if base:
        meta["base"] = base
    return {"id": "h1", **fields, "_meta": meta}


S1, S2, S3 = "000000000000001.00000.dev-a", "000000000000002.00000.dev-b", "000000000000003.00000.dev-a"


def test_concurrent_edits_keep_the_loser_as_a_conflict() -> None:
    a = doc({"notes": "独居"}, {"notes": S3}, base={"notes": S1})
    b = doc({"notes": "已搬走"}, {"notes": S2}, base={"notes": S1})
    result, conflicts = merge_doc("households", a, b)
    assert result["notes"] == "独居"
    assert conflicts == [
        {"record": "h1", "field": "notes", "kept": "独居", "kept_stamp": S3, "lost": "已搬走", "lost_stamp": S2}
    ]
    assert merge_doc("households", b, a)[1] == conflicts


def test_an_edit_that_saw_the_other_is_no_conflict() -> None:
    a = doc({"notes": "已搬走，已核实"}, {"notes": S3}, base={"notes": S2})
    b = doc({"notes": "已搬走"}, {"notes": S2}, base={"notes": S1})
    assert merge_doc("households", a, b) == (a, [])


def test_tombstone_beats_older_edits_and_newer_edits_revive() -> None:
    live = doc({"notes": "x"}, {"notes": S1})
    gone = doc({"notes": "x"}, {"notes": S1}, deleted=S2)
    assert merge_doc("households", live, gone)[0]["_meta"]["deleted"] == S2
    edited = doc({"notes": "y"}, {"notes": S3})
    assert merge_doc("households", gone, edited)[0]["_meta"]["deleted"] is None


def test_events_are_a_union_that_loses_none() -> None:
    mine = {f"e{i}": {"id": f"e{i}", "kind": "note", "_meta": {"stamp": S1}} for i in range(3)}
    theirs = [{"id": f"e{i}", "kind": "note", "_meta": {"stamp": S1}} for i in range(2, 6)]
    assert merge_into("problem_events", mine, theirs) == []
    assert sorted(mine) == [f"e{i}" for i in range(6)]


# -- replicas exchanging bundles ------------------------------------------------------------------------------

from fieldgrid.record import meta as records  # noqa: E402
from fieldgrid.record.clock import Clock, Stamp  # noqa: E402

REPLICAS = ("dev-a", "dev-b", "station")
operations = st.lists(
    st.tuples(
        st.sampled_from(REPLICAS),
        st.sampled_from(["edit", "event", "send", "delete"]),
        st.sampled_from(["h1", "h2"]),
        st.sampled_from(["notes", "room", "residency"]),
        st.sampled_from(["甲", "乙", "丙"]),
        st.sampled_from(REPLICAS),
    ),
    max_size=25,
)


class Replica:
    def __init__(self, name: str) -> None:
        self.name = name
        self.clock = Clock(name)
        self.ms = 1000
        self.tables: dict[str, dict[str, dict]] = {"households": {}, "problem_events": {}}
        self.outbox: list[tuple[str, dict]] = []

    def stamp(self) -> str:
        self.ms += 1
        return self.clock.now(self.ms).encode()

    def edit(self, ident: str, key: str, value: str) -> None:
        table = self.tables["households"]
        stamp = self.stamp()
        if ident not in table:
            table[ident] = records.stamp_new({"id": ident, key: value}, stamp, self.name)
        else:
            plain = {k: v for k, v in table[ident].items() if k != "_meta"}
            changed = records.stamp_changes(table[ident], {**plain, key: value}, stamp, self.name)
            if changed is not None:
                table[ident] = changed

    def delete(self, ident: str) -> None:
        table = self.tables["households"]
        if ident in table:
            table[ident] = records.tombstone(table[ident], self.stamp(), self.name)

    def event(self, ident: str) -> str:
        stamp = self.stamp()
        doc = records.stamp_new({"id": f"e-{stamp}", "problem_id": ident, "kind": "note"}, stamp, self.name)
        self.tables["problem_events"][doc["id"]] = doc
        return doc["id"]

    def bundle(self) -> list[tuple[str, dict]]:
        return [(t, records.clone(d)) for t, docs in self.tables.items() for d in docs.values()]

    def receive(self, bundle: list[tuple[str, dict]]) -> None:
        for table, doc in bundle:
            merge_into(table, self.tables[table], [records.clone(doc)])
            self.clock.observe(Stamp.decode(doc["_meta"]["stamp"]), self.ms)


@settings(max_examples=150, deadline=None)
@given(operations, st.randoms(use_true_random=False))
def test_replicas_converge_whatever_the_order_and_lose_no_event(ops, rng) -> None:
    replicas = {name: Replica(name) for name in REPLICAS}
    in_flight: list[tuple[str, list]] = []
    created: set[str] = set()
    for who, op, ident, key, value, to in ops:
        r = replicas[who]
        if op == "edit":
            r.edit(ident, key, value)
        elif op == "delete":
            r.delete(ident)
        elif op == "event":
            created.add(r.event(ident))
        else:
            in_flight.append((to, r.bundle()))
            if rng.random() < 0.5 and in_flight:  # deliver something, maybe out of order, maybe twice
                target, bundle = rng.choice(in_flight)
                replicas[target].receive(bundle)
    rng.shuffle(in_flight)
    for target, bundle in in_flight:  # every bundle in flight arrives, in any order
        replicas[target].receive(bundle)
    for _ in range(2):  # then everyone exchanges with everyone
        for a in replicas.values():
            for b in replicas.values():
                b.receive(a.bundle())
    states = {json.dumps(r.tables, sort_keys=True) for r in replicas.values()}
    assert len(states) == 1
    assert all(set(r.tables["problem_events"]) == created for r in replicas.values())
