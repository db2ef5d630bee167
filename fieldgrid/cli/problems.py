"""``fieldgrid problems …`` and ``fieldgrid ledger export``: the problem ledger (问题台账) from a shell.

``problems add`` prints the new problem's id; each later step appends one event to its log
(``note``, ``handle``, ``escalate``, ``decide``, ``feedback``, ``close``, ``reopen``) and prints the status
derived from it.  A step the rules refuse (closing before feedback, escalating a closed problem) is a
translated error, exit 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from fieldgrid.cli.common import month_arg, table, to_code
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.cli.field_work import when_arg
from fieldgrid.cli.household_views import NONE, find_household
from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import timeline
from fieldgrid.model.ledger import EMERGENCY_KINDS, ProblemView, Report
from fieldgrid.model.problem import (
    DECISION_OUTCOMES,
    ESCALATION_TARGETS,
    FEEDBACK_CHANNELS,
    STATUSES,
    URGENCIES,
)
from fieldgrid.store import Store

# action → (event kind, the options it takes: (flag, data key, vocabulary kind or None, required))
STEPS: dict[str, tuple[str, tuple[tuple[str, str, str | None, bool], ...]]] = {
    "note": ("note", (("--text", "text", None, True),)),
    "handle": ("handled", (("--text", "text", None, True),)),
    "escalate": ("escalated", (("--to", "to", "escalation", True), ("--reason", "reason", None, True))),
    "decide": ("decision", (("--outcome", "outcome", "outcome", True), ("--text", "text", None, True))),
    "feedback": (
        "feedback",
        (("--to", "to", None, True), ("--how", "how", "channel", True), ("--text", "text", None, False)),
    ),
    "reopen": ("reopened", (("--reason", "reason", None, False),)),
}
VOCABULARY = {"escalation": ESCALATION_TARGETS, "outcome": DECISION_OUTCOMES, "channel": FEEDBACK_CHANNELS}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser(
        "problems", parents=[common], help=t("cli.help.problems"), description=t("cli.help.problems")
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = actions.add_parser(
        "add", parents=[common], help=t("cli.help.problem_add"), description=t("cli.help.problem_add")
    )
    p.add_argument("--category", required=True, metavar="CATEGORY", help=t("cli.help.category"))
    p.add_argument("--description", required=True, metavar="TEXT", help=t("cli.help.problem_description"))
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--household", metavar="HOUSEHOLD", help=t("cli.help.problem_household"))
    where.add_argument("--place", metavar="PLACE", help=t("cli.help.problem_place"))
    p.add_argument("--reporter", default="", metavar="NAME", help=t("cli.help.reporter"))
    p.add_argument("--urgency", default="normal", metavar="URGENCY", help=t("cli.help.urgency"))
    p.add_argument("--emergency", choices=list(EMERGENCY_KINDS), help=t("cli.help.emergency"))
    p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
    p.set_defaults(handler=cmd_add)

    for action, (_, options) in STEPS.items():
        p = actions.add_parser(
            action, parents=[common], help=t(f"cli.help.problem_{action}"), description=t(f"cli.help.problem_{action}")
        )
        p.add_argument("id", metavar="ID", help=t("cli.help.problem_id"))
        for flag, key, _, required in options:
            p.add_argument(flag, dest=key, required=required, metavar=key.upper(), help=t(f"cli.help.step_{key}"))
        p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
        p.set_defaults(handler=cmd_step, step=action)

    p = actions.add_parser(
        "correct", parents=[common], help=t("cli.help.problem_correct"), description=t("cli.help.problem_correct")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.problem_id"))
    p.add_argument("--category", metavar="CATEGORY", help=t("cli.help.category"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--household", metavar="HOUSEHOLD", help=t("cli.help.problem_household"))
    where.add_argument("--place", metavar="PLACE", help=t("cli.help.problem_place"))
    p.add_argument("--urgency", metavar="URGENCY", help=t("cli.help.urgency"))
    p.add_argument("--description", metavar="TEXT", help=t("cli.help.problem_description"))
    p.add_argument("--reason", default="", metavar="TEXT", help=t("cli.help.correction_reason"))
    p.set_defaults(handler=cmd_correct)

    p = actions.add_parser(
        "close", parents=[common], help=t("cli.help.problem_close"), description=t("cli.help.problem_close")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.problem_id"))
    p.add_argument("--unsolvable", action="store_true", help=t("cli.help.unsolvable"))
    p.add_argument("--notice", default="", metavar="TEXT", help=t("cli.help.notice"))
    p.add_argument("--text", default="", metavar="TEXT", help=t("cli.help.step_text"))
    p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
    p.set_defaults(handler=cmd_close)

    p = actions.add_parser(
        "list", parents=[common], help=t("cli.help.problem_list"), description=t("cli.help.problem_list")
    )
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.add_argument("--status", action="append", metavar="STATUS", help=t("cli.help.problem_status"))
    p.add_argument("--open", action="store_true", help=t("cli.help.problem_open"))
    p.add_argument("--overdue", action="store_true", help=t("cli.help.problem_overdue"))
    p.add_argument("--month", metavar="YYYY-MM", help=t("cli.help.month"))
    p.set_defaults(handler=cmd_list, read_only=True)

    p = actions.add_parser(
        "show", parents=[common], help=t("cli.help.problem_show"), description=t("cli.help.problem_show")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.problem_id"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_show, read_only=True)

    p = actions.add_parser(
        "message", parents=[common], help=t("cli.help.problem_message"), description=t("cli.help.problem_message")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.problem_id"))
    p.add_argument("--room", action="store_true", help=t("cli.help.message_room"))
    p.set_defaults(handler=cmd_message, read_only=True)

    group = sub.add_parser("ledger", parents=[common], help=t("cli.help.ledger"), description=t("cli.help.ledger"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "export", parents=[common], help=t("cli.help.ledger_export"), description=t("cli.help.ledger_export")
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=t("cli.help.month"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv", help=t("cli.help.ledger_out"))
    p.add_argument("--reveal", action="store_true", help=t("cli.help.ledger_reveal"))
    p.set_defaults(handler=cmd_export, read_only=True)


# -- writing ------------------------------------------------------------------------------------------------


def emergency_advice(kind: str) -> list[str]:
    """What to do first, before any record: the number to call, then who to notify."""
    return [
        t("cli.emergency.call", number=EMERGENCY_KINDS[kind], what=label("emergency", kind)),
        t("cli.emergency.notify"),
    ]


def cmd_add(args: argparse.Namespace, store: Store) -> int:
    if args.emergency:
        for line in emergency_advice(args.emergency):
            err(line)
    household_id = find_household(store, args.household).id if args.household else None
    report = Report(
        category=to_code("category", args.category, store.vocabulary().categories),
        description=args.description,
        urgency=to_code("urgency", args.urgency, URGENCIES),
        household_id=household_id,
        place=args.place or "",
        reporter=args.reporter,
        emergency=args.emergency,
    )
    view = store.report_problem(report, when_arg(args.at))
    out(view.id)
    return EXIT_OK


def _said(view: ProblemView) -> int:
    err(t("cli.problem.status", id=view.id[:8], status=label("status", view.shown_status)))
    return EXIT_OK


def cmd_step(args: argparse.Namespace, store: Store) -> int:
    kind, options = STEPS[args.step]
    data: dict[str, Any] = {}
    for _, key, vocabulary, _ in options:
        value = getattr(args, key)
        if value is None:
            continue
        data[key] = to_code(vocabulary, value, VOCABULARY[vocabulary]) if vocabulary else value
    return _said(store.add_event(store.problem(args.id).id, kind, data, when_arg(args.at)))


def cmd_close(args: argparse.Namespace, store: Store) -> int:
    if args.notice and not args.unsolvable:
        raise InputError("cli.error.notice_needs_unsolvable")
    data = {"resolution": "unsolvable" if args.unsolvable else "solved", "text": args.text}
    if args.unsolvable:
        data["notice"] = args.notice
    return _said(store.add_event(store.problem(args.id).id, "closed", data, when_arg(args.at)))


def cmd_correct(args: argparse.Namespace, store: Store) -> int:
    """A ``corrected`` event with the fields given (the place: a household or a shared place) and the reason."""
    view = store.problem(args.id)
    changes: dict[str, Any] = {}
    if args.category is not None:
        changes["category"] = to_code("category", args.category, store.vocabulary().categories)
    if args.urgency is not None:
        changes["urgency"] = to_code("urgency", args.urgency, URGENCIES)
    if args.description is not None:
        changes["description"] = args.description
    if args.household is not None:
        changes["household_id"] = find_household(store, args.household).id
    if args.place is not None:
        changes["place"] = args.place
    corrected = store.correct_problem(view.id, changes, args.reason)
    err(t("cli.problem.corrected", id=corrected.id[:8].upper()))
    return EXIT_OK


# -- reading ------------------------------------------------------------------------------------------------


def problem_json(view: ProblemView, today: Any) -> dict[str, Any]:
    return {
        "id": view.id,
        "status": view.status,
        "overdue": view.overdue(today),
        "due": view.due.isoformat(),
        "reported_at": view.reported_at,
        **view.report.to_data(),
        "events": [{"id": e.id, "kind": e.kind, "at": e.at, "data": dict(e.data)} for e in view.events],
    }


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    views = store.problems()
    today = store.now().date()
    if args.status:
        wanted = {to_code("status", s, STATUSES) for s in args.status}
        unknown = wanted - set(STATUSES)
        if unknown:
            raise InputError("cli.error.status", value=", ".join(sorted(unknown)))
        views = [v for v in views if v.status in wanted]
    if args.open:
        views = [v for v in views if v.is_open]
    if args.overdue:
        views = [v for v in views if v.overdue(today)]
    if args.month:
        views = [v for v in views if v.reported_at.startswith(args.month)]
    if args.json:
        out(json.dumps([problem_json(v, today) for v in views], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not views:
        out(t("cli.problems.empty"))
        return EXIT_OK
    households = {h.id: h for h in store.households()}
    headers = [t(f"cli.col.{c}") for c in ("id", "reported", "place", "category", "status", "due")]
    rows = []
    for v in views:
        household = households.get(v.report.household_id or "")
        status = label("status", v.shown_status) + (t("cli.problems.overdue_mark") if v.overdue(today) else "")
        rows.append(
            [
                v.id[:8],
                v.reported_at.replace("T", " "),
                household.room if household else (v.report.place or NONE),
                label("category", v.report.category),
                status,
                v.due.isoformat() if v.is_open else NONE,
            ]
        )
    for line in table(headers, rows):
        out(line)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    view = store.problem(args.id)
    today = store.now().date()
    if args.json:
        out(json.dumps(problem_json(view, today), ensure_ascii=False, indent=2))
        return EXIT_OK
    status = label("status", view.shown_status) + (t("cli.problems.overdue_mark") if view.overdue(today) else "")
    out(f"{view.id}  {label('category', view.report.category)}  {status}")
    out(view.report.description)
    for at, what in timeline(view):  # with the steps ticked in an emergency
        out(f"  {at.replace('T', ' ')}  {what}")
    return EXIT_OK


def cmd_message(args: argparse.Namespace, store: Store) -> int:
    """The ready-to-paste WeChat message (or notice) the TUI copies with ``w``: the same function, the same text."""
    from fieldgrid.ledger.wording import problem_message

    out(problem_message(store, store.problem(args.id), room=args.room))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.exports.tables import SUFFIXES
    from fieldgrid.ledger.export import ledger_persons, write_ledger

    month = month_arg(args.month) or ""
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in SUFFIXES:
        raise InputError("cli.error.export_suffix", value=args.out)
    count = write_ledger(path, store, month, names=args.reveal)
    store.log_disclosure("export", "ledger_export", ledger_persons(store, month) if args.reveal else 0,
                         target=f"{month} {path.name}")  # fmt: skip
    err(t("cli.ledger.exported", count=count, month=month, path=str(path)))
    return EXIT_OK
