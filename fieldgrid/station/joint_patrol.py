"""联动巡查 (joint patrols): the community's monthly patrol with the property company, owners' representatives and
others, recorded at the station (``station patrol add``).  Each finding becomes a problem of the unit it concerns —
reported by 联动巡查 and sent to that unit's devices like a decision — so the unit leader follows it up and gives
the residents feedback.  The patrols themselves are kept in a table of their own (made with the first one) for the
monthly report's 联动巡查 sheet.  All of it is one transaction: a refusal or a crash leaves nothing half-written."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from fieldgrid.i18n import parse_label
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.ledger import Report, validate_report
from fieldgrid.model.problem import CATEGORIES, ProblemEvent
from fieldgrid.record import meta as records
from fieldgrid.record.codec import event_doc
from fieldgrid.record.tables import PROBLEM_EVENTS
from fieldgrid.station.db import Device, StationDB, StationError
from fieldgrid.station.exchange import StationClock, unit_of
from fieldgrid.station.units import grid_label

REPORTER = "联动巡查"
TABLE = """
CREATE TABLE IF NOT EXISTS joint_patrols (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,            -- YYYY-MM-DD
    partners TEXT NOT NULL,        -- JSON: who patrolled with the community (物业, 业主代表, …)
    place TEXT NOT NULL,
    problems TEXT NOT NULL,        -- JSON: the ids of the problems its findings became
    at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class Finding:
    unit: str  # as typed: 6栋3单元
    category: str  # a code of CATEGORIES
    description: str


@dataclass(frozen=True)
class JointPatrol:
    id: str
    date: str
    partners: tuple[str, ...]
    place: str
    problems: tuple[str, ...]


def parse_finding(text: str) -> Finding:
    """``UNIT:CATEGORY:TEXT`` or ``UNIT:TEXT`` (category 其他); the category as a label or a code.  Malformed:
    :class:`ValidationErrors` naming the finding."""
    parts = [p.strip() for p in text.split(":", 2)] if ":" in text else []
    if len(parts) == 2:
        parts = [parts[0], "other", parts[1]]
    if len(parts) != 3 or not parts[0] or not parts[2]:
        raise ValidationErrors([ValidationError("finding", "patrol.error.finding", value=text)])
    category = parse_label("category", parts[1], CATEGORIES) or parts[1]
    if category not in CATEGORIES:
        raise ValidationErrors([ValidationError("finding", "error.problem.category", value=parts[1])])
    return Finding(parts[0], category, parts[2])


def _leader_of(db: StationDB, unit: str) -> Device:
    leaders = [d for d in db.devices() if d.active and d.post == "A" and d.grid.get("level") != "station"]
    match = [d for d in leaders if grid_label(d.grid).endswith(unit)]
    if len(match) != 1:
        if not match:
            raise StationError("station.error.unknown_unit", unit=unit)
        raise StationError("patrol.error.ambiguous_unit", unit=unit,
                           candidates="、".join(grid_label(d.grid) for d in match))  # fmt: skip
    return match[0]


def add_joint_patrol(
    db: StationDB,
    clock: StationClock,
    date: str,
    partners: Sequence[str],
    place: str,
    findings: Sequence[Finding],
    now: dt.datetime,
) -> JointPatrol:
    """Record a joint patrol and turn each finding into a problem of its unit, queued for the unit's devices."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ValidationErrors([ValidationError("date", "patrol.error.date", value=date)]) from None
    if day > now.date():
        raise ValidationErrors([ValidationError("date", "patrol.error.future", value=date)])
    partners = [p.strip() for p in partners if p.strip()]
    if not partners:
        raise ValidationErrors([ValidationError("with", "patrol.error.partners")])
    if not place.strip():
        raise ValidationErrors([ValidationError("place", "patrol.error.place")])
    at = f"{date}T{now.strftime('%H:%M')}" if day == now.date() else f"{date}T12:00"
    patrol_id = uuid.uuid4().hex[:12]
    planned = []
    for finding in findings:  # every finding checked before anything is written
        device = _leader_of(db, finding.unit)
        report = validate_report(Report(finding.category, finding.description, place=place.strip(),
                                        reporter=REPORTER, source={"joint_patrol": patrol_id}))  # fmt: skip
        planned.append((device, report))
    problems = []
    with db.transaction() as conn:
        for device, report in planned:
            problem = str(uuid.uuid4())
            event = ProblemEvent(problem, "reported", at, report.to_data(), stamp="~")
            doc = records.stamp_new(event_doc(event), clock.stamp(), clock.clock.device)
            db.put_local(PROBLEM_EVENTS, doc, device.device_id)
            db.queue("record", {"table": PROBLEM_EVENTS, "doc": doc}, unit_of(db, device.device_id))
            problems.append(problem)
        conn.execute(TABLE)
        conn.execute("INSERT INTO joint_patrols (id, date, partners, place, problems, at) VALUES (?, ?, ?, ?, ?, ?)",
                     (patrol_id, date, json.dumps(partners, ensure_ascii=False), place.strip(),
                      json.dumps(problems), now.timestamp()))  # fmt: skip
        db.log("joint_patrol", "patrol.log.added", date=date, place=place.strip(), findings=len(problems))
    return JointPatrol(patrol_id, date, tuple(partners), place.strip(), tuple(problems))


def joint_patrols(db: StationDB, month: str | None = None) -> list[JointPatrol]:
    """The joint patrols recorded (in ``month``), oldest first."""
    if not db.has_table("joint_patrols"):
        return []
    rows = db.conn.execute("SELECT id, date, partners, place, problems FROM joint_patrols ORDER BY date, at")
    found = [JointPatrol(i, d, tuple(json.loads(w)), p, tuple(json.loads(pr))) for i, d, w, p, pr in rows]
    return [p for p in found if month is None or p.date.startswith(month)]
