"""``fieldgrid station problems list`` and ``fieldgrid station households list``: what the station holds, by the
names people use — each problem with the code reports print (``78E49318``, what ``station decide`` takes), each
household as ``UNIT:ROOM`` (what ``station edit-household`` takes).  Phones and ID numbers are masked unless
``--reveal``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, InputError, out
from fieldgrid.i18n import label, parse_label, t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``problems`` and ``households`` actions of ``fieldgrid station``."""
    for name, handler in (("problems", cmd_problems), ("households", cmd_households)):
        group = actions.add_parser(name, parents=[common], help=t(f"cli.help.station_{name}"),
                                   description=t(f"cli.help.station_{name}"))  # fmt: skip
        verbs = group.add_subparsers(dest="verb", required=True, metavar="list|show" if name == "problems" else "list")
        if name == "problems":
            p = verbs.add_parser("show", parents=[common], help=t("cli.help.station_problem_show"))
            p.add_argument("problem", metavar="CODE", help=t("cli.help.problem_id"))
            p.add_argument("--json", action="store_true", help=t("cli.help.json"))
            p.set_defaults(run=with_station(cmd_problem_show, read_only=True))
        p = verbs.add_parser("list", parents=[common], help=t(f"cli.help.station_{name}"))
        p.add_argument("--unit", metavar="UNIT", help=t("cli.help.station_unit_filter"))
        p.add_argument("--json", action="store_true", help=t("cli.help.json"))
        if name == "problems":
            p.add_argument("--status", metavar="STATUS", help=t("cli.help.station_status_filter"))
        else:
            p.add_argument("--reveal", action="store_true", help=t("cli.help.reveal"))
        p.set_defaults(run=with_station(handler, read_only=True))


def _units(db: StationDB, wanted: str | None) -> list[Any]:
    from fieldgrid.station.units import units

    found = [u for u in units(db) if not wanted or u.grid.endswith(wanted)]  # 6栋3单元 finds 橙郡一期6栋3单元
    if wanted and not found:
        raise InputError("station.error.unknown_unit", unit=wanted)
    return found


def cmd_problems(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.model.problem import STATUSES

    status = None
    if args.status:
        status = parse_label("status", args.status, STATUSES)  # the code, or its label in either language
        if status is None:
            raise InputError("station.error.unknown_status", status=args.status)
    today = dt.date.today()
    rows: list[dict[str, Any]] = []
    for unit in _units(db, args.unit):
        for view in unit.problems:
            if status and view.status != status:
                continue
            rows.append({"code": view.id[:8].upper(), "id": view.id, "unit": unit.grid,
                         "category": view.report.category, "urgency": view.report.urgency, "status": view.status,
                         "overdue": view.overdue(today), "reported_at": view.reported_at,
                         "description": view.report.description})  # fmt: skip
    rows.sort(key=lambda r: (not r["overdue"], r["reported_at"]))
    columns = ("code", "grid", "category", "urgency", "status", "reported", "what")
    return _show(args, rows, "station.problems.none", columns,
                 lambda r: [r["code"], r["unit"], label("category", r["category"]), label("urgency", r["urgency"]),
                            label("status", r["status"]) + ("!!" if r["overdue"] else ""), r["reported_at"][:10],
                            r["description"][:30]])  # fmt: skip


def cmd_problem_show(args: argparse.Namespace, db: StationDB) -> int:
    """One problem by its code: where, what, how urgent, its status and every step, the station's decisions
    among them."""
    from fieldgrid.ledger.wording import event_summary
    from fieldgrid.station.exchange import find_problem

    problem_id = find_problem(db, args.problem)
    unit, view = next((u, v) for u in _units(db, None) for v in u.problems if v.id == problem_id)
    today = dt.date.today()
    if args.json:
        out(json.dumps({"code": view.id[:8].upper(), "id": view.id, "unit": unit.grid, "leader": unit.leader,
                        "status": view.status, "overdue": view.overdue(today), "due": view.due.isoformat(),
                        **view.report.to_data(),
                        "events": [{"kind": e.kind, "at": e.at, "data": dict(e.data)} for e in view.events]},
                       ensure_ascii=False, indent=2))  # fmt: skip
        return EXIT_OK
    overdue = t("station.problem.overdue") if view.overdue(today) else ""
    out(f"{view.id[:8].upper()}  {unit.grid}  {unit.leader}")
    out(t("station.problem.head", category=label("category", view.report.category),
          urgency=label("urgency", view.report.urgency), status=label("status", view.shown_status) + overdue,
          due=view.due.isoformat()))  # fmt: skip
    if view.report.place:
        out(t("station.problem.place", place=view.report.place))
    out(view.report.description)
    for event in view.events:
        out(f"  {event.at.replace('T', ' ')}  {event_summary(event)}")
    return EXIT_OK


def cmd_households(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.model.masking import show_phone

    rows: list[dict[str, Any]] = []
    for unit in _units(db, args.unit):
        for h in unit.households:
            phones = [show_phone(p, args.reveal) for p in h.all_phones]
            rows.append({"name": f"{h.building}{h.unit}:{h.room}", "id": h.id, "unit": unit.grid, "room": h.room,
                         "head": h.head_name, "people": len(h.members), "residency": h.residency,
                         "tags": list(h.tags), "phones": phones})  # fmt: skip
    return _show(args, rows, "station.households.none", ("household", "head", "people", "residency", "phones"),
                 lambda r: [r["name"], r["head"], str(r["people"]), label("residency", r["residency"]),
                            " ".join(r["phones"])])  # fmt: skip


def _show(
    args: argparse.Namespace, rows: list[dict[str, Any]], none: str, columns: tuple[str, ...],
    cells: Callable[[dict[str, Any]], list[str]],
) -> int:
    """The rows as JSON (``--json``), or as an aligned table with translated headers, or the line saying none."""
    if args.json:
        out(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        out(t(none))
    else:
        for line in table([t(f"station.col.{c}") for c in columns], [cells(r) for r in rows]):
            out(line)
    return EXIT_OK
