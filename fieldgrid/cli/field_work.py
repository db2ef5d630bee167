"""``fieldgrid visits add|list`` and ``fieldgrid patrols add|list``: the field work from a script or a shell.

Visits and patrols are never edited: ``--corrects ID`` writes a correction that replaces the old record in
listings.  Kinds and checklist items may be typed as codes or as their Chinese or English labels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import unicodedata

from fieldgrid.cli.common import table, to_code
from fieldgrid.cli.exits import EXIT_OK, InputError, out
from fieldgrid.cli.household_views import NONE, find_household
from fieldgrid.i18n import label, t
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import FINDING_CATEGORY, Patrol, PatrolItem, default_items
from fieldgrid.model.problem import CATEGORIES, URGENCIES
from fieldgrid.model.visit import VISIT_KINDS, Visit
from fieldgrid.store import Store


def when_arg(text: str | None) -> str | None:
    """A time typed on the command line, as ISO minutes (``2026-11-20 09:30``, ``2026-11-20T09:30``,
    ``2026-11-20``); text that is no time is passed on for the model to refuse in the user's language."""
    if text is None or not text.strip():
        return None
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "T", 1)
    try:
        return dt.datetime.fromisoformat(folded).isoformat(timespec="minutes")
    except ValueError:
        return text


def date_arg(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    folded = unicodedata.normalize("NFKC", text).strip()
    try:
        return dt.date.fromisoformat(folded).isoformat()
    except ValueError:
        return text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("visits", parents=[common], help=t("cli.help.visits"), description=t("cli.help.visits"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("add", parents=[common], help=t("cli.help.visit_add"), description=t("cli.help.visit_add"))
    p.add_argument("household", metavar="HOUSEHOLD", help=t("cli.help.id"))
    p.add_argument("--kind", default="routine", metavar="KIND", help=t("cli.help.visit_kind"))
    p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
    p.add_argument("--found", default="", metavar="TEXT", help=t("cli.help.visit_found"))
    p.add_argument("--needs", default="", metavar="TEXT", help=t("cli.help.visit_needs"))
    p.add_argument("--follow-up", metavar="YYYY-MM-DD", help=t("cli.help.visit_follow_up"))
    p.add_argument("--corrects", metavar="VISIT", help=t("cli.help.visit_corrects"))
    p.add_argument("--seen", action="append", default=[], metavar="NAME", help=t("cli.help.visit_seen"))
    p.set_defaults(handler=cmd_visit_add)
    p = actions.add_parser(
        "list", parents=[common], help=t("cli.help.visit_list"), description=t("cli.help.visit_list")
    )
    p.add_argument("household", nargs="?", metavar="HOUSEHOLD", help=t("cli.help.id"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_visit_list, read_only=True)

    group = sub.add_parser("patrols", parents=[common], help=t("cli.help.patrols"), description=t("cli.help.patrols"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "add", parents=[common], help=t("cli.help.patrol_add"), description=t("cli.help.patrol_add_description")
    )
    p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
    p.add_argument("--finding", action="append", default=[], metavar="ITEM=TEXT", help=t("cli.help.patrol_finding"))
    p.add_argument(
        "--report", action="append", default=[], metavar="ITEM[:CATEGORY[:URGENCY]]", help=t("cli.help.patrol_report")
    )
    p.add_argument("--item", action="append", default=[], metavar="ITEM", help=t("cli.help.patrol_item"))
    p.add_argument("--note", default="", metavar="TEXT", help=t("cli.help.note"))
    p.set_defaults(handler=cmd_patrol_add)
    p = actions.add_parser(
        "list", parents=[common], help=t("cli.help.patrol_list"), description=t("cli.help.patrol_list")
    )
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_patrol_list, read_only=True)


# -- visits -------------------------------------------------------------------------------------------------


def cmd_visit_add(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.household)
    visit = Visit(
        household_id=household.id,
        at=when_arg(args.at) or "",
        kind=to_code("visit_kind", args.kind, VISIT_KINDS),
        found=args.found,
        needs=args.needs,
        follow_up=date_arg(args.follow_up),
        corrects=args.corrects,
        seen=tuple(args.seen),
    )
    out(store.add_visit(visit).id)
    return EXIT_OK


def cmd_visit_list(args: argparse.Namespace, store: Store) -> int:
    households = {h.id: h for h in store.households()}
    wanted = find_household(store, args.household).id if args.household else None
    visits = store.visits(wanted)
    if args.json:
        docs = [v.to_doc() for v in visits]
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not visits:
        out(t("cli.visits.empty"))
        return EXIT_OK
    headers = [t(f"cli.col.{c}") for c in ("id", "at", "room", "kind", "found", "follow_up")]
    rows = [
        [
            v.id[:8],
            v.at.replace("T", " "),
            households[v.household_id].room if v.household_id in households else NONE,
            label("visit_kind", v.kind),
            v.found or NONE,
            v.follow_up or NONE,
        ]
        for v in visits
    ]
    for line in table(headers, rows):
        out(line)
    return EXIT_OK


# -- patrols ------------------------------------------------------------------------------------------------


def _item_code(text: str, codes: list[str]) -> str:
    return to_code("patrol_item", text, codes)


def cmd_patrol_add(args: argparse.Namespace, store: Store) -> int:
    profile = store.profile()
    extra = [*(profile.extra_patrol_items if profile else []), *args.item]
    items = {item.item: item for item in default_items(extra)}
    codes = list(items)
    for spec in args.finding:
        name, sep, text = spec.partition("=")
        if not sep:
            raise InputError("cli.error.finding_spec", value=spec)
        code = _item_code(name, codes)
        items[code] = PatrolItem(code, ok=False, finding=text)
    reports: dict[str, Report] = {}
    for spec in args.report:
        name, *rest = spec.split(":")
        code = _item_code(name, codes)
        item = items.get(code)
        if item is None or item.ok:
            raise ValidationErrors([ValidationError("items", "error.patrol.not_a_finding", item=name)])
        category = to_code("category", rest[0], CATEGORIES) if rest and rest[0] else FINDING_CATEGORY.get(code, "other")
        urgency = to_code("urgency", rest[1], URGENCIES) if len(rest) > 1 and rest[1] else "normal"
        place = label("patrol_item", code)
        reports[code] = Report(category, item.finding, urgency, place=place, reporter=t("cli.patrol.reporter"))
    patrol = Patrol(at=when_arg(args.at) or "", items=tuple(items.values()), notes=args.note)
    saved, problem_ids = store.add_patrol(patrol, reports)
    out(saved.id)
    for problem_id in problem_ids:
        out(problem_id)
    return EXIT_OK


def cmd_patrol_list(args: argparse.Namespace, store: Store) -> int:
    patrols = store.patrols()
    if args.json:
        out(json.dumps([p.to_doc() for p in patrols], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not patrols:
        out(t("cli.patrols.empty"))
        return EXIT_OK
    headers = [t(f"cli.col.{c}") for c in ("id", "at", "findings")]
    rows = [
        [
            p.id[:8],
            p.at.replace("T", " "),
            "；".join(f"{label('patrol_item', i.item)}：{i.finding}" for i in p.findings) or t("cli.patrols.all_ok"),
        ]
        for p in patrols
    ]
    for line in table(headers, rows):
        out(line)
    return EXIT_OK
