"""激励 (incentives): the leaders' points at the station — earned month by month by the operator's rules
(:mod:`fieldgrid.exports.monthly`), redeemed at the station (微光粒积分兑换: ``station points redeem``), and the
balance.  Redemptions are kept in a table of their own, made the first time one is recorded; they name a
leader's device only (whose name the station keeps sealed), never residents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fieldgrid.exports.monthly import PointRules, as_number, tally
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.station.db import Device, StationDB, StationError
from fieldgrid.station.units import device_units

TABLE = """
CREATE TABLE IF NOT EXISTS redemptions (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,       -- the leader's device (post A): its leader's name is in devices (sealed)
    points REAL NOT NULL,
    reason TEXT NOT NULL,          -- what they were exchanged for
    at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class Balance:
    device_id: str
    leader: str
    unit: str
    month: float  # earned in the month asked about
    earned: float  # earned up to and including that month
    redeemed: float
    active: bool

    @property
    def balance(self) -> float:
        return self.earned - self.redeemed


def earned(unit: UnitMonth, rules: PointRules, until: str) -> float:
    """Points earned in every month up to and including ``until`` (points are counts times the rules' values:
    one tally of all those months is the sum of each month's)."""
    return tally(unit, until, to_date=True).points(rules)


def redeemed(db: StationDB) -> dict[str, float]:
    """Points redeemed so far, by device."""
    if not db.has_table("redemptions"):
        return {}
    rows = db.conn.execute("SELECT device_id, sum(points) FROM redemptions GROUP BY device_id")
    return {str(device): float(total) for device, total in rows}


def balances(
    db: StationDB, rules: PointRules, month: str, held: Sequence[tuple[Device, UnitMonth]] | None = None
) -> list[Balance]:
    """Each leader's points: in ``month``, earned up to it, redeemed, and the balance; most earned first.
    ``held``: the station's :func:`device_units`, when the caller has read them already."""
    spent = redeemed(db)
    found = [
        Balance(device.device_id, device.leader, unit.grid, tally(unit, month).points(rules),
                earned(unit, rules, month), spent.get(device.device_id, 0.0), device.active)
        for device, unit in (device_units(db) if held is None else held)
    ]  # fmt: skip
    # A device replaced by another hands its records over: nothing is left to show of it.
    found = [b for b in found if b.active or b.earned or b.redeemed]
    return sorted(found, key=lambda b: (-b.earned, b.unit))


def find_leader(db: StationDB, wanted: str) -> Device:
    """A leader's device (post A) by the leader's name, the unit (``6栋3单元``), or the device id."""
    wanted = wanted.strip()
    leaders = [d for d in db.devices() if d.post == "A" and d.grid.get("level") != "station"]
    match = [d for d in leaders if wanted and wanted in (d.device_id, d.leader)]
    if not match:
        from fieldgrid.station.units import grid_label

        match = [d for d in leaders if wanted and grid_label(d.grid).endswith(wanted)]
    active = [d for d in match if d.active] or match
    if not active:
        raise StationError("points.error.unknown_leader", leader=wanted)
    if len(active) > 1:
        raise StationError("points.error.ambiguous_leader", leader=wanted,
                           candidates="、".join(f"{d.leader}（{d.device_id}）" for d in active))  # fmt: skip
    return active[0]


def redeem(
    db: StationDB, rules: PointRules, leader: str, points: float, reason: str, today: dt.date
) -> tuple[Device, Balance]:
    """Record ``points`` of a leader exchanged for ``reason``; never more than the balance.  Returns the leader's
    device and the balance after."""
    if not points > 0:
        raise StationError("points.error.amount", points=str(as_number(points)))
    if not reason.strip():
        raise StationError("points.error.reason")
    device = find_leader(db, leader)
    month = today.strftime("%Y-%m")
    [before] = [b for b in balances(db, rules, month) if b.device_id == device.device_id]
    if points > before.balance + 1e-9:
        raise StationError("points.error.too_many", leader=device.leader, points=str(as_number(points)),
                           balance=str(as_number(before.balance)))  # fmt: skip
    with db.transaction() as conn:
        conn.execute(TABLE)  # the first redemption makes the table, in the same transaction
        conn.execute("INSERT INTO redemptions (device_id, points, reason, at) VALUES (?, ?, ?, ?)",
                     (device.device_id, points, reason.strip(), db._now()))  # fmt: skip
    db.log("redeem", "points.log.redeem", device=device.device_id, points=str(as_number(points)),
           reason=reason.strip())  # fmt: skip
    [after] = [b for b in balances(db, rules, month) if b.device_id == device.device_id]
    return device, after


def rows(found: Sequence[Balance]) -> list[list[object]]:
    return [[b.leader, b.unit, as_number(b.month), as_number(b.earned), as_number(b.redeemed),
             as_number(b.balance)] for b in found]  # fmt: skip
