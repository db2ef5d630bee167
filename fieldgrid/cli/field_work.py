"""``fieldgrid visits add|list|void|move`` and ``fieldgrid patrols add|list|void|correct``: the field work from
a script or a shell.

Visits and patrols are never edited: ``--corrects ID`` writes a correction that replaces the old record in
listings; ``void`` and ``move`` (a visit to the right household) and ``correct`` (a patrol's time, notes or
findings) append a correction saying why (``--reason``, required), and a voided record leaves every tally but
stays in the lists, marked.  A record is named by its id or a unique prefix of 4+ characters (the code the lists
print).  Kinds and checklist items may be typed as codes or as their Chinese or English labels.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import unicodedata
from typing import Any

from fieldgrid.cli.common import table, to_code
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.cli.household_views import NONE, find_household
from fieldgrid.i18n import label, t
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.corrections import Standing
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import Patrol, PatrolItem, default_items
from fieldgrid.model.problem import URGENCIES
from fieldgrid.model.scenario import ScenarioError, field_values
from fieldgrid.model.visit import PATROL_ITEMS, Visit
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



def correction_parser(actions: Any, common: argparse.ArgumentParser, name: str, help_key: str, handler: Any) -> Any:
    """A correcting action (``void``, ``move``, ``correct``): the record's ID and the ``--reason`` every
    correction carries (checked by the store: a correction without one is refused)."""
    p = actions.add_parser(name, parents=[common], help=t(help_key), description=t(help_key))
    p.add_argument("id", metavar="ID", help=t("cli.help.record_id"))
    p.add_argument("--reason", default="", metavar="TEXT", help=t("cli.help.correction_reason"))
    p.set_defaults(handler=handler)
    return p

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
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE", help=t("scenario.help.field"))
    p.set_defaults(handler=cmd_visit_add)
    p = actions.add_parser(
        "list", parents=[common], help=t("cli.help.visit_list"), description=t("cli.help.visit_list")
    )
    p.add_argument("household", nargs="?", metavar="HOUSEHOLD", help=t("cli.help.id"))
    p.add_argument("--household", dest="household_option", metavar="ROOM", help=t("cli.help.id"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_visit_list, read_only=True)
    correction_parser(actions, common, "void", "cli.help.visit_void", cmd_visit_void)
    p = correction_parser(actions, common, "move", "cli.help.visit_move", cmd_visit_move)
    p.add_argument("--to", required=True, metavar="ROOM", help=t("cli.help.visit_move_to"))

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
    p.add_argument("--checklist", metavar="NAME", help=t("scenario.help.checklist"))
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE", help=t("scenario.help.field"))
    p.set_defaults(handler=cmd_patrol_add)
    p = actions.add_parser(
        "list", parents=[common], help=t("cli.help.patrol_list"), description=t("cli.help.patrol_list")
    )
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_patrol_list, read_only=True)
    correction_parser(actions, common, "void", "cli.help.patrol_void", cmd_patrol_void)
    p = correction_parser(actions, common, "correct", "cli.help.patrol_correct", cmd_patrol_correct)
    p.add_argument("--at", metavar="WHEN", help=t("cli.help.at"))
    p.add_argument("--note", metavar="TEXT", help=t("cli.help.note"))
    p.add_argument("--finding", action="append", default=[], metavar="ITEM=TEXT", help=t("cli.help.patrol_finding"))
    p.add_argument("--ok", action="append", default=[], metavar="ITEM", help=t("cli.help.patrol_ok"))


# -- visits -------------------------------------------------------------------------------------------------


def field_args(specs: list[str]) -> dict[str, str]:
    """``--field NAME=VALUE`` options as ``{NAME: VALUE}`` (the names as typed: a code or a label)."""
    given: dict[str, str] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep or not name.strip():
            raise InputError("scenario.error.field_spec", value=spec)
        given[name.strip()] = value
    return given


def cmd_visit_add(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.household)
    vocabulary = store.vocabulary()
    kind = to_code("visit_kind", args.kind, vocabulary.visit_kinds)
    fields = field_values(field_args(args.field), store.extra_fields("visit", vocabulary.kind_pack(kind)))
    visit = Visit(
        household_id=household.id,
        at=when_arg(args.at) or "",
        kind=kind,
        found=args.found,
        needs=args.needs,
        follow_up=date_arg(args.follow_up),
        corrects=args.corrects,
        seen=tuple(args.seen),
        fields=fields,
    )
    out(store.add_visit(visit).id)
    return EXIT_OK


def _void_json(stand: Standing[Any]) -> dict[str, Any] | None:
    void = stand.void
    return None if void is None else {"at": void.at, "by": void.by, "reason": void.reason}


def _voided_mark(stand: Standing[Any]) -> str:
    void = stand.void
    return "" if void is None else t("cli.visits.voided_mark", reason=void.reason)


def cmd_visit_list(args: argparse.Namespace, store: Store) -> int:
    households = {h.id: h for h in store.households()}
    which = args.household_option or args.household
    wanted = find_household(store, which).id if which else None
    stands = store.visit_records(wanted)
    if args.json:
        docs = [
            {**s.record.to_doc(), "voided": s.voided, "void": _void_json(s),
             "moved_from": s.original.household_id if s.original.household_id != s.record.household_id else None}
            for s in stands
        ]  # fmt: skip
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not stands:
        out(t("cli.visits.empty"))
        return EXIT_OK
    headers = [t(f"cli.col.{c}") for c in ("id", "at", "room", "kind", "found", "follow_up")]
    rows = []
    for s in stands:
        v = s.record
        room = households[v.household_id].room if v.household_id in households else NONE
        rows.append([v.id[:8].upper(), v.at.replace("T", " "), room, label("visit_kind", v.kind) + _voided_mark(s),
                     v.found or NONE, v.follow_up or NONE])  # fmt: skip
    for line in table(headers, rows):
        out(line)
    return EXIT_OK


def cmd_visit_void(args: argparse.Namespace, store: Store) -> int:
    correction = store.void_visit(args.id, args.reason)
    err(t("cli.visits.voided", id=correction.target[:8].upper()))
    return EXIT_OK


def cmd_visit_move(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.to)
    correction = store.move_visit(args.id, household.id, args.reason)
    err(t("cli.visits.moved", id=correction.target[:8].upper(), room=household.room))
    return EXIT_OK


# -- patrols ------------------------------------------------------------------------------------------------


def _item_code(text: str, codes: list[str]) -> str:
    return to_code("patrol_item", text, codes)


def cmd_patrol_add(args: argparse.Namespace, store: Store) -> int:
    vocabulary = store.vocabulary()
    checklist: str | None = None
    pack = None
    if args.checklist:
        checklists = vocabulary.checklists()
        code = to_code("checklist", args.checklist, [c.code for _, c in checklists])
        found = vocabulary.checklist(code)
        if found is None:
            raise ScenarioError("error.scenario.no_checklist", path="checklist", name=args.checklist)
        pack, chosen = found
        if pack is not vocabulary.default:
            checklist = chosen.code
    if checklist and pack is not None:
        chosen_items = next(c for c in pack.checklists if c.code == checklist).items
        items = {code: PatrolItem(code) for code in (*(i.code for i in chosen_items), *args.item)}
    else:
        profile = store.profile()
        extra = [*(profile.extra_patrol_items if profile else []), *args.item]
        items = {item.item: item for item in default_items(extra)}
    fields = field_values(field_args(args.field), store.extra_fields("patrol", pack if checklist else None))
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
        category = (to_code("category", rest[0], vocabulary.categories) if rest and rest[0]
                    else vocabulary.finding_category(code))  # fmt: skip
        urgency = to_code("urgency", rest[1], URGENCIES) if len(rest) > 1 and rest[1] else "normal"
        place = label("patrol_item", code)
        reports[code] = Report(category, item.finding, urgency, place=place, reporter=t("cli.patrol.reporter"))
    patrol = Patrol(at=when_arg(args.at) or "", items=tuple(items.values()), notes=args.note, checklist=checklist,
                    fields=fields)  # fmt: skip
    saved, problem_ids = store.add_patrol(patrol, reports)
    out(saved.id)
    for problem_id in problem_ids:
        out(problem_id)
    return EXIT_OK


def cmd_patrol_list(args: argparse.Namespace, store: Store) -> int:
    stands = store.patrol_records()
    if args.json:
        docs = [{**s.record.to_doc(), "voided": s.voided, "void": _void_json(s)} for s in stands]
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not stands:
        out(t("cli.patrols.empty"))
        return EXIT_OK
    headers = [t(f"cli.col.{c}") for c in ("id", "at", "findings")]
    rows = [
        [
            s.record.id[:8].upper(),
            s.record.at.replace("T", " "),
            ("；".join(f"{label('patrol_item', i.item)}：{i.finding}" for i in s.record.findings)
             or t("cli.patrols.all_ok")) + _voided_mark(s),
        ]
        for s in stands
    ]  # fmt: skip
    for line in table(headers, rows):
        out(line)
    return EXIT_OK


def cmd_patrol_void(args: argparse.Namespace, store: Store) -> int:
    correction = store.void_patrol(args.id, args.reason)
    err(t("cli.patrols.voided", id=correction.target[:8].upper()))
    return EXIT_OK


def cmd_patrol_correct(args: argparse.Namespace, store: Store) -> int:
    """The patrol as it stands, with the fields given changed: ``--finding ITEM=TEXT`` marks an item found wrong
    (adding the unit's own item if new), ``--ok ITEM`` marks it OK."""
    stand = store.find_patrol(args.id)
    patrol = stand.record
    items = {item.item: item for item in patrol.items}
    codes = list(dict.fromkeys([*PATROL_ITEMS, *items]))
    for spec in args.finding:
        name, sep, text = spec.partition("=")
        if not sep:
            raise InputError("cli.error.finding_spec", value=spec)
        code = _item_code(name, codes)
        items[code] = PatrolItem(code, ok=False, finding=text)
    for name in args.ok:
        code = _item_code(name, codes)
        if code not in items:
            raise ValidationErrors([ValidationError("items", "error.patrol.not_an_item", item=name)])
        items[code] = PatrolItem(code)
    corrected = dataclasses.replace(
        patrol,
        at=when_arg(args.at) or patrol.at,
        notes=patrol.notes if args.note is None else args.note,
        items=tuple(items.values()),
    )
    correction = store.correct_patrol(stand.record.id, corrected, args.reason)
    err(t("cli.patrols.corrected", id=correction.target[:8].upper()))
    return EXIT_OK
