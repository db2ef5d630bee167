"""The station's merged records read back as the model sees them: one :class:`UnitMonth` per enrolled device,
for the monthly reports and the station's dashboard, and what the station's view of one unit adds (patrols).
Visits and patrols are read as they stand after their corrections, voided ones left out of every tally."""

from __future__ import annotations

from fieldgrid.model.corrections import standing, surviving
from fieldgrid.model.ledger import build_views
from fieldgrid.model.patrol import Patrol, PatrolItem
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.record.codec import correction_of, event_of, household_of, patrol_of, visit_of
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PATROLS, PROBLEM_EVENTS, VISITS
from fieldgrid.station.db import Device, StationDB


def grid_label(grid: dict[str, str]) -> str:
    return "".join(grid.get(part, "") for part in ("compound", "building", "unit"))


def unit_of(db: StationDB, device: Device) -> UnitMonth:
    """What the station holds of ``device``'s unit."""
    households = [household_of(d) for d in db.docs(HOUSEHOLDS, device.device_id)]
    corrections = [correction_of(d) for d in db.docs(CORRECTIONS, device.device_id)]
    visits = surviving(standing([visit_of(d) for d in db.docs(VISITS, device.device_id)], corrections, "visit"))
    problems = build_views(event_of(d) for d in db.docs(PROBLEM_EVENTS, device.device_id))
    return UnitMonth(
        leader=device.leader,
        grid=grid_label(device.grid),
        building=device.grid.get("building", ""),
        households=sorted(households, key=lambda h: h.room),
        visits=visits,
        problems=problems,
    )


def device_units(db: StationDB) -> list[tuple[Device, UnitMonth]]:
    """Every enrolled device with its unit (revoked ones too: their past work still counts), but a backup
    leader's (post B), whose work is filed under the leader's device."""
    return [(device, unit_of(db, device)) for device in db.devices() if device.post != "B"]


def units(db: StationDB) -> list[UnitMonth]:
    """Every enrolled device's unit (revoked ones too: their past work still counts); a backup leader's device
    (post B) is not a unit of its own: its work is filed under the leader's."""
    return [unit for _, unit in device_units(db)]


def device_unit(db: StationDB, device_id: str) -> tuple[Device, UnitMonth] | None:
    """One device's unit; ``None`` for a device the station does not know."""
    device = db.device(device_id)
    return None if device is None else (device, unit_of(db, device))


def unit_patrols(db: StationDB, device_id: str) -> list[Patrol]:
    """The patrols of one device's unit as corrected, voided ones left out, newest first."""
    corrections = [correction_of(d) for d in db.docs(CORRECTIONS, device_id)]
    stands = standing([patrol_of(d) for d in db.docs(PATROLS, device_id)], corrections, "patrol", _patrol_field)
    return sorted(surviving(stands), key=lambda p: p.at, reverse=True)


def _patrol_field(key: str, value: object) -> object:
    return tuple(PatrolItem(**i) for i in value) if key == "items" and isinstance(value, list) else value
