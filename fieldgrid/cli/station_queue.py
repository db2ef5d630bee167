"""``fieldgrid station queue``: the escalation queue (:mod:`fieldgrid.station.queue`) — what the community or the
street owes an answer, and what it answered that the unit has not closed — overdue first, each problem with the
code ``station decide`` takes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, InputError, out
from fieldgrid.i18n import label, parse_label, t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB
    from fieldgrid.station.queue import QueueRow

COLUMNS = ("code", "unit", "urgency", "to", "waiting", "due", "answer", "what")


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``queue`` action of ``fieldgrid station``."""
    p = actions.add_parser("queue", parents=[common], help=t("queue.help.command"),
                           description=t("queue.help.command"))  # fmt: skip
    p.add_argument("--unit", metavar="UNIT", help=t("cli.help.station_unit_filter"))
    p.add_argument("--overdue", action="store_true", help=t("queue.help.overdue"))
    p.add_argument("--state", metavar="STATE", help=t("queue.help.state"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(run=with_station(cmd_queue, read_only=True))  # it only reads: it runs beside the TUI


def cmd_queue(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.queue import STATES, escalation_queue, matches_unit
    from fieldgrid.station.units import grid_label

    state = None
    if args.state:
        state = parse_label("queue.state", args.state, STATES)  # the code, or its label in either language
        if state is None:
            raise InputError("queue.error.unknown_state", state=args.state)
    if args.unit and not any(matches_unit(grid_label(d.grid), args.unit) for d in db.devices()):
        raise InputError("station.error.unknown_unit", unit=args.unit)
    rows = escalation_queue(db, dt.date.today(), unit=args.unit, overdue_only=args.overdue, state=state)
    if args.json:
        out(json.dumps([row_json(r) for r in rows], ensure_ascii=False, indent=2))
    elif not rows:
        out(t("queue.none"))
    else:
        for line in table([t(f"queue.col.{c}") for c in COLUMNS], [cells(r) for r in rows]):
            out(line)
    return EXIT_OK


def row_json(row: QueueRow) -> dict[str, Any]:
    return {"code": row.code, "id": row.problem_id, "unit": row.unit, "leader": row.leader, "device": row.device_id,
            "category": row.view.report.category, "description": row.view.report.description,
            "urgency": row.urgency, "escalated_to": row.escalated_to, "escalated_at": row.escalated.at,
            "state": row.state, "outcome": row.outcome, "days_waiting": row.days_waiting,
            "due": row.due.isoformat(), "overdue": row.overdue}  # fmt: skip


def cells(row: QueueRow) -> list[str]:
    from fieldgrid.ledger.wording import answer_text, escalated_to_text

    return [row.code, row.unit, label("urgency", row.urgency), escalated_to_text(row.escalated_to),
            t("queue.days", days=row.days_waiting), row.due.isoformat() + ("!!" if row.overdue else ""),
            answer_text(row.outcome), row.view.report.description[:30]]  # fmt: skip
