"""The escalation queue: every problem a unit escalated to the community (社区) or the street (街道) that awaits
their decision, and every one they decided that the unit has not closed yet.

A decision — any, 处理中 included — does not take a problem out of the queue: it stays, marked decided, until the
device closes it (办结, or 无法解决 with its notice), and goes back to awaiting if the unit escalates it again.
Problems escalated to the property company (物业) are the unit's own business and never queue here.

Read from the station's merged records only (:class:`~fieldgrid.station.db.StationDB`); the status, due date and
overdue rule are the model's (:mod:`fieldgrid.model.ledger`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from fieldgrid.model.ledger import ProblemView, build_views
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.record.codec import event_of
from fieldgrid.record.tables import PROBLEM_EVENTS
from fieldgrid.station.db import StationDB
from fieldgrid.station.units import UNITS, community_units, grid_label

QUEUE_TARGETS = frozenset({"community", "street"})
AWAITING = "awaiting"  # escalated, no decision since
DECIDED = "decided"  # decided since the last escalation, not yet closed by the unit
STATES = (AWAITING, DECIDED)


def problem_code(problem_id: str) -> str:
    """The code reports, lists and screens print for a problem (``78E49318``), which every command takes."""
    return problem_id[:8].upper()


@dataclass(frozen=True)
class QueueRow:
    view: ProblemView
    device_id: str
    leader: str
    unit: str  # the grid label, 橙郡一期6栋3单元
    escalated: ProblemEvent  # the escalation that put it here (the last one)
    decision: ProblemEvent | None  # the latest decision since that escalation; None: awaiting one
    days_waiting: int  # whole days since the escalation
    overdue: bool

    @property
    def code(self) -> str:
        return problem_code(self.view.id)

    @property
    def problem_id(self) -> str:
        return self.view.id

    @property
    def state(self) -> str:
        return AWAITING if self.decision is None else DECIDED

    @property
    def outcome(self) -> str | None:
        """The decision's outcome (resolved / in_progress / unsolvable), ``None`` while awaiting."""
        return None if self.decision is None else str(self.decision.data.get("outcome", "in_progress"))

    @property
    def escalated_to(self) -> str:
        return str(self.escalated.data.get("to", ""))

    @property
    def urgency(self) -> str:
        return self.view.report.urgency

    @property
    def due(self) -> dt.date:
        return self.view.due

    def sort_key(self) -> tuple[bool, int, str, str]:
        """Overdue first, then the longest waiting, then by unit and code."""
        return (not self.overdue, -self.days_waiting, self.unit, self.code)


def queue_row(
    view: ProblemView, today: dt.date, *, device_id: str = "", leader: str = "", unit: str = ""
) -> QueueRow | None:
    """``view`` as a row of the queue, or ``None`` when it does not belong there (not escalated to the community or
    the street, closed, or taken back by the unit and solved without a decision)."""
    target = view.state.escalated_to
    if not view.is_open or target not in QUEUE_TARGETS:
        return None
    escalations = [e for e in view.of_kind("escalated") if e.data.get("to") == target]
    if not escalations:
        return None
    escalated = escalations[-1]
    decision: ProblemEvent | None = None
    if view.status != "escalated":
        decisions = [e for e in view.of_kind("decision") if e.order_key() > escalated.order_key()]
        if not decisions:
            return None  # the unit handled it itself after escalating: nothing awaits the community
        decision = decisions[-1]
    waited = (today - dt.datetime.fromisoformat(escalated.at).date()).days
    return QueueRow(view, device_id, leader, unit, escalated, decision, max(waited, 0), view.overdue(today))


def matches_unit(unit: str, wanted: str | None) -> bool:
    """``6栋3单元`` names ``橙郡一期6栋3单元`` (the end of the grid label), as the station's lists take it."""
    return not wanted or unit.endswith(wanted.strip())


def escalation_queue(
    db: StationDB,
    today: dt.date,
    *,
    unit: str | None = None,
    overdue_only: bool = False,
    state: str | None = None,
) -> list[QueueRow]:
    """The queue, overdue first then the longest waiting; ``unit`` (the end of a grid label), ``overdue_only`` and
    ``state`` (:data:`AWAITING` or :data:`DECIDED`) narrow it."""
    rows = [
        row
        for row in all_rows(db, today)
        if matches_unit(row.unit, unit) and (not overdue_only or row.overdue) and (state is None or row.state == state)
    ]
    rows.sort(key=QueueRow.sort_key)
    return rows


def all_rows(db: StationDB, today: dt.date) -> Iterable[QueueRow]:
    """Every row: at a community's station what its units escalated to the community or the street; at a street's
    station (``level`` street) what its communities' units escalated to the street, each named as the street's
    other lists name it (:func:`~fieldgrid.station.units.community_units`: community, compound, building, unit)."""
    street = db.setting("level") == "street"
    for device in db.devices():  # revoked devices too: what they escalated still waits for an answer
        if device.post == "B":
            continue  # a backup leader's records are filed under the unit's leader's device
        listed = db.setting(UNITS + device.device_id) if street else None
        if listed:
            found = [(u.leader, u.grid, v) for u in community_units(db, device, json.loads(listed)) for v in u.problems]
        else:
            label = grid_label(device.grid)
            found = [(device.leader, label, v)
                     for v in build_views(event_of(d) for d in db.docs(PROBLEM_EVENTS, device.device_id))]  # fmt: skip
        for leader, unit, view in found:
            row = queue_row(view, today, device_id=device.device_id, leader=leader or device.leader, unit=unit)
            if row is not None and (not street or row.escalated_to == "street"):
                yield row
