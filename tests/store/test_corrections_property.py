"""Corrections keep the log append-only and every tally right (issue #14 item 1).

The property: any sequence of visits, voids and moves — the refused ones included — gives, on the device and at
the station after a stick, tallies (the dashboard's month by kind, the map's last visits, the monthly report's
tally and points) equal to those of the surviving records, computed by hand; and nothing written is ever
changed or removed.  A second property: the corrections of a record, merged from several devices in any order,
stand the same.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldgrid.errors import FieldgridError
from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.model import ValidationErrors
from fieldgrid.model.corrections import Correction, standing, surviving
from fieldgrid.model.dashboard import build
from fieldgrid.model.household import Household, Member
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.record.tables import CORRECTIONS, VISITS
from fieldgrid.station.exchange import import_paths
from fieldgrid.station.units import device_unit
from fieldgrid.sync import device
from testkit.sync import make_world

ROOMS = ("0101", "0102", "0601", "0602")

step = st.one_of(
    st.tuples(st.just("visit"), st.sampled_from(ROOMS), st.sampled_from(VISIT_KINDS)),
    st.tuples(st.just("void"), st.integers(0, 7), st.sampled_from(("记错", "", "  "))),
    st.tuples(st.just("move"), st.integers(0, 7), st.sampled_from(ROOMS)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, max_size=14))
def test_tallies_are_those_of_the_surviving_visits(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, keys, db, station_keys = make_world(Path(tmp))
        try:
            for room in ("0101", "0102", "0602"):  # 0601 is the world's own
                store.add_household(Household(room=room, members=[Member(name="住户" + room, relation="self")]))
            ids = {h.room: h.id for h in store.households()}
            rooms = {v: k for k, v in ids.items()}
            # The reference: each visit's household, kind and whether voided, by the rules told to the leader.
            written: list[str] = []
            where: dict[str, str] = {}
            kind_of: dict[str, str] = {}
            voided: set[str] = set()
            for action, a, b in steps:
                if action == "visit":
                    visit = store.add_visit(Visit(ids[a], "", b))
                    written.append(visit.id)
                    where[visit.id], kind_of[visit.id] = a, b
                    continue
                if not written:
                    continue
                target = written[a % len(written)]
                before = store.raw_docs(VISITS), store.raw_docs(CORRECTIONS)
                refused = (
                    target in voided
                    or (action == "void" and not b.strip())
                    or (action == "move" and where[target] == b)
                )
                try:
                    if action == "void":
                        store.void_visit(target[:8], b)
                    else:
                        store.move_visit(target[:8], ids[b], "记错户")
                except (ValidationErrors, FieldgridError):
                    assert refused, (action, a, b)
                    assert (store.raw_docs(VISITS), store.raw_docs(CORRECTIONS)) == before  # nothing written
                    continue
                assert not refused, (action, a, b)
                if action == "void":
                    voided.add(target)
                else:
                    where[target] = b
            alive = [v for v in written if v not in voided]
            expected_kinds = Counter(kind_of[v] for v in alive)
            expected_rooms = {where[v] for v in alive}

            # On the device: the dashboard, the map's last visits, the listings.
            board = build(store.households(), store.visits(), store.problems(), store.now())
            assert Counter(board.month_kinds) == expected_kinds
            assert board.visits_this_month == len(alive)
            assert {rooms[h] for h in store.last_visits()} == expected_rooms
            assert sorted(v.id for v in store.visits()) == sorted(alive)
            assert {v.id: rooms[v.household_id] for v in store.visits()} == {v: where[v] for v in alive}
            assert len(store.visit_records()) == len(written)  # voided ones stay in the timeline
            # Append-only: every visit is stored as it was first written.
            assert sorted(d["id"] for d in store.raw_docs(VISITS)) == sorted(written)

            # At the station, after the stick: the same tallies and points.
            month = store.now().strftime("%Y-%m")
            device.export(store, keys, Path(tmp) / "stick")
            import_paths(db, station_keys, [Path(tmp) / "stick"])
            found = device_unit(db, store.device_id)
            assert found is not None
            at_station = tally(found[1], month)
            here = tally(UnitMonth("", "", "", visits=store.visits()), month)
            assert at_station.visits == here.visits == expected_kinds
            rules = PointRules()
            assert at_station.points(rules) == here.points(rules)
        finally:
            store.close()
            db.close()


corrections = st.lists(
    st.builds(
        Correction,
        record=st.just("visit"),
        target=st.just("v-1"),
        at=st.just("2026-11-20T10:00"),
        reason=st.just("记错"),
        void=st.booleans(),
        changes=st.one_of(st.just({}), st.sampled_from(ROOMS).map(lambda r: {"household_id": "h-" + r})),
        stamp=st.integers(0, 50).map(lambda n: f"{n:015d}.00000.dev{n % 3}"),
        id=st.uuids().map(str),
    ),
    max_size=6,
)


@given(corrections, st.randoms())
def test_corrections_stand_the_same_in_any_order(found: list[Correction], rng) -> None:
    visit = Visit("h-0101", "2026-11-20T09:00", "mediation", id="v-1")
    shuffled = list(found)
    rng.shuffle(shuffled)
    once = standing([visit], found, "visit")
    again = standing([visit], shuffled + found[:2], "visit")  # a correction merged twice is one
    assert [(s.record, s.voided) for s in once] == [(s.record, s.voided) for s in again]
    latest = max((c for c in found if c.changes), key=Correction.order_key, default=None)
    assert once[0].record.household_id == (latest.changes["household_id"] if latest else "h-0101")
    assert surviving(once) == ([] if any(c.void for c in found) else [once[0].record])
