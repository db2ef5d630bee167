"""The figures a station's dashboard shows for a unit, and for a community at a street's station (its units'
figures added up): households, open and overdue problems, problems waiting for this station's answer, this month's
visits and points.  Pure functions over what :mod:`fieldgrid.station.units` read."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from fieldgrid.exports.monthly import PointRules, tally
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.station.queue import AWAITING, queue_row


@dataclass(frozen=True)
class Figures:
    households: int = 0
    open: int = 0
    overdue: int = 0
    waiting: int = 0  # escalated to this station (a street's: to 街道), no decision yet
    visits: int = 0  # this month
    points: float = 0.0  # this month

    def __add__(self, other: Figures) -> Figures:
        mine, theirs = dataclasses.astuple(self), dataclasses.astuple(other)
        return Figures(*(a + b for a, b in zip(mine, theirs, strict=True)))

    def cells(self) -> tuple[str, ...]:
        return (str(self.households), str(self.open), str(self.overdue), str(self.waiting), str(self.visits),
                f"{self.points:g}")  # fmt: skip


def unit_figures(unit: UnitMonth, today: dt.date, rules: PointRules, *, street: bool = False) -> Figures:
    """``unit``'s figures on ``today`` (its month's visits and points); ``street``: only problems escalated to the
    street wait for this station's answer."""
    open_ = [p for p in unit.problems if p.is_open]
    rows = (queue_row(p, today) for p in open_)  # what the escalation queue holds of this unit
    waiting = sum(1 for r in rows if r is not None and r.state == AWAITING
                  and (not street or r.escalated_to == "street"))  # fmt: skip
    done = tally(unit, today.strftime("%Y-%m"))
    return Figures(len(unit.households), len(open_), sum(p.overdue(today) for p in open_), waiting,
                   sum(done.visits.values()), done.points(rules))  # fmt: skip


def total(figures: Iterable[Figures]) -> Figures:
    return sum(figures, Figures())
