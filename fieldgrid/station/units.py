"""The station's merged records read back as the model sees them: one :class:`UnitMonth` per enrolled device,
for the monthly reports and the station's dashboard."""

from __future__ import annotations

from fieldgrid.model.ledger import build_views
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.record.codec import event_of, household_of, visit_of
from fieldgrid.record.tables import HOUSEHOLDS, PROBLEM_EVENTS, VISITS
from fieldgrid.station.db import StationDB


def grid_label(grid: dict[str, str]) -> str:
    return "".join(grid.get(part, "") for part in ("compound", "building", "unit"))


def units(db: StationDB) -> list[UnitMonth]:
    """Every enrolled device's unit (revoked ones too: their past work still counts); a backup leader's device
    (post B) is not a unit of its own: its work is filed under the leader's."""
    found = []
    for device in db.devices():
        if device.post == "B":
            continue
        households = [household_of(d) for d in db.docs(HOUSEHOLDS, device.device_id)]
        visits = [visit_of(d) for d in db.docs(VISITS, device.device_id)]
        problems = build_views(event_of(d) for d in db.docs(PROBLEM_EVENTS, device.device_id))
        found.append(
            UnitMonth(
                leader=device.leader,
                grid=grid_label(device.grid),
                building=device.grid.get("building", ""),
                households=sorted(households, key=lambda h: h.room),
                visits=visits,
                problems=problems,
            )
        )
    return found
