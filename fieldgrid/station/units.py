"""The station's merged records read back as the model sees them: one :class:`UnitMonth` per enrolled device,
for the monthly reports and the station's dashboard, and what the station's view of one unit adds (patrols).
Each unit carries its grid kind and the area its addresses start with, as its device's bundles named them
(none: a stairwell), so its places are written out as that kind addresses them (斜江村3组15号, 12号).

At a street's station the enrolled "devices" are community stations, each holding many units' records; their
roll-ups say which leader's device and unit each of them serves (kept as the setting ``units:<community>``), so
the street splits each community's records back into its units: a household by its unit, a problem by the
device that reported it (else by its household), a visit by its household.

Visits and patrols are read as they stand after their corrections, voided ones left out of every tally."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.corrections import Correction, standing, surviving
from fieldgrid.model.household import Household
from fieldgrid.model.ledger import ProblemView, build_views
from fieldgrid.model.patrol import Patrol, PatrolItem
from fieldgrid.model.places import AREA_KEY, kind_of, place_order
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.profile import unit_title
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.model.visit import Visit
from fieldgrid.record.codec import correction_of, event_of, household_of, patrol_of, visit_of
from fieldgrid.record.meta import META, stamp_party
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PATROLS, PROBLEM_EVENTS, VISITS
from fieldgrid.station.db import Device, Doc, StationDB

UNITS = "units:"  # + a community station's id: its units as its last roll-up listed them (JSON)


def grid_label(grid: Mapping[str, str]) -> str:
    """A unit as every list names it: 橙郡一期6栋3单元 (a bare building or unit number gets its word)."""
    return unit_title(grid.get("compound", ""), grid.get("building", ""), grid.get("unit", ""))


@dataclass
class Held:
    """What the station holds of one enrolled device, read into the model: households and visits with the
    device that made each (its ``_meta.device``: at a street, which of a community's leaders), corrections,
    problem events and patrols (deleted records left out)."""

    households: list[tuple[Household, str]] = field(default_factory=list)
    visits: list[tuple[Visit, str]] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    events: list[ProblemEvent] = field(default_factory=list)
    patrols: list[Patrol] = field(default_factory=list)

    def add(self, tbl: str, doc: Doc) -> None:
        if tbl == HOUSEHOLDS:
            self.households.append((household_of(doc, copy=False), _made_by(doc)))
        elif tbl == VISITS:
            self.visits.append((visit_of(doc), _made_by(doc)))
        elif tbl == CORRECTIONS:
            self.corrections.append(correction_of(doc))
        elif tbl == PROBLEM_EVENTS:
            self.events.append(event_of(doc))
        elif tbl == PATROLS:
            self.patrols.append(patrol_of(doc))


_READ = (HOUSEHOLDS, VISITS, CORRECTIONS, PROBLEM_EVENTS, PATROLS)


def _made_by(doc: Doc) -> str:
    return str((doc.get(META) or {}).get("device", ""))


def held_by(db: StationDB, device_id: str) -> Held:
    """What the station holds of one device (its records looked up by device)."""
    held = Held()
    for tbl in _READ:
        for doc in db.docs(tbl, device_id):
            held.add(tbl, doc)
    return held


def held_by_all(db: StationDB) -> dict[str, Held]:
    """What the station holds of every device, each table read in one pass (:meth:`StationDB.scan`): for
    the reports and the dashboard, which read every unit (a street's year: 3.7 s looked up device by device,
    0.6 s in one pass)."""
    found: dict[str, Held] = {}
    for tbl in _READ:
        for device_id, doc in db.scan(tbl):
            held = found.get(device_id)
            if held is None:
                held = found[device_id] = Held()
            held.add(tbl, doc)
    return found


def unit_of(db: StationDB, device: Device, held: Held | None = None) -> UnitMonth:
    """What the station holds of ``device``'s unit (``held``: its records, when read already)."""
    held = held_by(db, device.device_id) if held is None else held
    corrections = held.corrections
    visits = surviving(standing([v for v, _ in held.visits], corrections, "visit"))
    return UnitMonth(
        leader=device.leader,
        grid=grid_label(device.grid),
        building=device.grid.get("building", ""),
        compound=device.grid.get("compound", ""),
        households=_in_order([h for h, _ in held.households], kind_of(device.grid)),
        visits=visits,
        problems=build_views(held.events),
        patrols=surviving(standing(held.patrols, corrections, "patrol")),
        grid_kind=kind_of(device.grid),
        area=device.grid.get(AREA_KEY, ""),
    )


def device_units(db: StationDB) -> list[tuple[Device, UnitMonth]]:
    """Every enrolled device with its unit (revoked ones too: their past work still counts), but a backup
    leader's (post B), whose work is filed under the leader's device; a community station enrolled at a street's
    station, with each of its units.  The station's records are read in one pass a table."""
    devices = [device for device in db.devices() if device.post != "B"]
    held = held_by_all(db)
    return [(device, unit) for device in devices for unit in units_of(db, device, held.get(device.device_id, Held()))]


def units_of(db: StationDB, device: Device, held: Held | None = None) -> list[UnitMonth]:
    """What the station holds of one enrolled device: its unit, or at a street's station a community station's
    units (as its last roll-up listed them); ``held``: its records, when read already."""
    listed = db.setting(UNITS + device.device_id) if device.grid.get("level") == "station" else None
    return community_units(db, device, json.loads(listed), held) if listed else [unit_of(db, device, held)]


def community_name(station: Device) -> str:
    """A community station as a street names it: its community, else the station's own name."""
    return station.grid.get("community", "") or station.leader


def community_units(
    db: StationDB, station: Device, listed: list[dict[str, Any]], held: Held | None = None
) -> list[UnitMonth]:
    """A community station's records at its street, split into its units (see the module's docstring); what no
    unit can be told for stays with the community as a whole.  ``held``: its records, when read already."""
    held = held_by(db, station.device_id) if held is None else held
    community = community_name(station)
    leaders = [u for u in listed if u.get("post", "A") == "A"]
    by_device = {str(u["device"]): _key(u["grid"]) for u in listed}
    names = {_key(u["grid"]): str(u["leader"]) for u in leaders}
    grids = {_key(u["grid"]): dict(u["grid"]) for u in leaders}
    by_place: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for key in grids:
        by_place.setdefault((key[1], key[2]), []).append(key)
    households: dict[tuple[str, str, str], list[Household]] = {}
    home_of: dict[str, tuple[str, str, str]] = {}
    for household, device in held.households:
        made_by = by_device.get(device)
        places = by_place.get((household.building, household.unit), [])
        key = (
            made_by
            if made_by and made_by[1:] == (household.building, household.unit)
            else (places[0] if len(places) == 1 else ("", household.building, household.unit))
        )
        households.setdefault(key, []).append(household)
        home_of[household.id] = key
    visits: dict[tuple[str, str, str], list[Visit]] = {}
    made_by_visit = {visit.id: device for visit, device in held.visits}
    for visit in surviving(standing([v for v, _ in held.visits], held.corrections, "visit")):  # as corrected
        key = home_of.get(visit.household_id) or by_device.get(made_by_visit.get(visit.id, "")) or _NONE
        visits.setdefault(key, []).append(visit)
    problems: dict[tuple[str, str, str], list[ProblemView]] = {}
    for view in build_views(held.events):
        reported = view.events[0]
        key = by_device.get(stamp_party(reported.stamp)) or home_of.get(view.report.household_id or "") or _NONE
        problems.setdefault(key, []).append(view)
    keys = sorted(set(grids) | set(households) | set(visits) | set(problems))
    return [
        UnitMonth(
            leader=names.get(key, ""),
            grid=f"{community}{''.join(key)}" if key != _NONE else community,
            building=key[1],
            households=_in_order(households.get(key, []), kind_of(grids.get(key, {}))),
            visits=visits.get(key, []),
            problems=problems.get(key, []),
            compound=key[0],
            grid_kind=kind_of(grids.get(key, {})),
            area=grids.get(key, {}).get(AREA_KEY, ""),
        )
        for key in keys
    ]


_NONE = ("", "", "")


def _in_order(households: list[Household], grid_kind: str) -> list[Household]:
    return sorted(households, key=lambda h: place_order(h.room, grid_kind))


def _key(grid: dict[str, str]) -> tuple[str, str, str]:
    return (grid.get("compound", ""), grid.get("building", ""), grid.get("unit", ""))


def units(db: StationDB) -> list[UnitMonth]:
    """Every enrolled device's unit (revoked ones too: their past work still counts); a backup leader's device
    (post B) is not a unit of its own: its work is filed under the leader's."""
    return [unit for _, unit in device_units(db)]


def device_unit(db: StationDB, device_id: str, grid: str | None = None) -> tuple[Device, UnitMonth] | None:
    """One device's unit; ``grid``: at a street's station, the unit of that grid label among the community
    station's units (only that community's records are read).  ``None`` for a device or unit not known."""
    device = db.device(device_id)
    if device is None:
        return None
    if grid is None:
        return device, unit_of(db, device)
    return next(((device, unit) for unit in units_of(db, device) if unit.grid == grid), None)


def unit_patrols(db: StationDB, device_id: str) -> list[Patrol]:
    """The patrols of one device's unit as corrected, voided ones left out, newest first."""
    corrections = [correction_of(d) for d in db.docs(CORRECTIONS, device_id)]
    stands = standing([patrol_of(d) for d in db.docs(PATROLS, device_id)], corrections, "patrol", _patrol_field)
    return sorted(surviving(stands), key=lambda p: p.at, reverse=True)


def _patrol_field(key: str, value: object) -> object:
    return tuple(PatrolItem(**i) for i in value) if key == "items" and isinstance(value, list) else value
