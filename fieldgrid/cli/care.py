"""``fieldgrid due [--json] [--days N]``, the due list (今日待办), and ``fieldgrid profile cadence [RULE DAYS]``,
the care cadences it is counted by.

A rule is a tag (typed as its code, its Chinese or English label, or a tag of the unit's own), ``everyone``
(所有住户), ``age80`` (80岁以上) or ``after_event`` (住院/丧亲/跌倒后).  Days that are not a positive whole number
are refused (exit 2) before anything is written.
"""

from __future__ import annotations

import argparse
import json
import unicodedata

from fieldgrid.cli.common import parse_int, table, to_code
from fieldgrid.cli.exits import EXIT_OK, InputError, out
from fieldgrid.i18n import label, t
from fieldgrid.model.cadence import AFTER_EVENT, AGE80, DEFAULT_RULES, EVERYONE, MAX_DAYS, SPECIAL_RULES, Cadence
from fieldgrid.model.due import DueEntry
from fieldgrid.model.vocabulary import TAGS
from fieldgrid.store import Store

# Words for the rules that are not tags, in either language
RULE_WORDS: dict[str, str] = {
    "everyone": EVERYONE, "all": EVERYONE, "default": EVERYONE,
    "所有住户": EVERYONE, "所有人": EVERYONE, "全部": EVERYONE,
    "age80": AGE80, "80+": AGE80, "80": AGE80, "80岁以上": AGE80, "高龄": AGE80,
    "after_event": AFTER_EVENT, "event": AFTER_EVENT, "大事后": AFTER_EVENT, "住院/丧亲/跌倒后": AFTER_EVENT,
}  # fmt: skip


def register_cadence(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``profile cadence``, registered by :mod:`fieldgrid.cli.profile`."""
    p = actions.add_parser("cadence", parents=[common], help=t("cli.due.help_cadence"),
                           description=t("cli.due.help_cadence_description"))  # fmt: skip
    p.add_argument("rule", nargs="?", metavar="TAG", help=t("cli.due.help_rule"))
    p.add_argument("days", nargs="?", metavar="DAYS", help=t("cli.due.help_days"))
    p.add_argument("--contact", choices=("yes", "no"), help=t("cli.due.help_contact"))
    p.set_defaults(handler=cmd_cadence)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("due", parents=[common], help=t("cli.due.help"), description=t("cli.due.help_description"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.add_argument("--days", metavar="N", default="0", help=t("cli.due.help_within"))
    p.set_defaults(handler=cmd_due, read_only=True)


def rule_label(key: str) -> str:
    if key in SPECIAL_RULES:
        return t(f"cli.due.rule_{key}")
    return label("tag", key)  # a built-in or a scenario pack's tag by its label; a leader's own as typed


def rule_key(text: str, store: Store) -> str:
    folded = unicodedata.normalize("NFKC", text).strip()
    if folded.lower() in RULE_WORDS or folded in RULE_WORDS:
        return RULE_WORDS.get(folded.lower(), RULE_WORDS.get(folded, folded))
    profile = store.profile()
    known = [*TAGS, *store.vocabulary().tags, *(profile.extra_tags if profile else [])]
    code = to_code("tag", folded, known)
    if code not in known:
        raise InputError("cli.due.unknown_rule", value=text)
    return code


def show_cadence(cadence: Cadence) -> None:
    keys = [*SPECIAL_RULES, *sorted(k for k in cadence.rules if k not in SPECIAL_RULES)]
    rows = [
        [
            rule_label(k),
            key_text(k),
            t("cli.due.every_days", days=cadence.rules[k].days),
            t("cli.due.contact_yes" if cadence.rules[k].contact else "cli.due.contact_no"),
        ]
        for k in keys
    ]
    headers = [t("cli.due.col_rule"), t("cli.due.col_code"), t("cli.due.col_days"), t("cli.due.col_contact")]
    for line in table(headers, rows):
        out(line)


def key_text(key: str) -> str:
    return key + ("" if key in DEFAULT_RULES else "*")


def cmd_cadence(args: argparse.Namespace, store: Store) -> int:
    if args.rule is None:
        show_cadence(store.cadence())
        return EXIT_OK
    key = rule_key(args.rule, store)
    days = None
    if args.days is not None:
        try:
            days = parse_int(args.days, "DAYS")
        except InputError:
            raise InputError("cli.due.bad_days", value=args.days, max=MAX_DAYS) from None
        if days is None or not 0 < days <= MAX_DAYS:
            raise InputError("cli.due.bad_days", value=args.days, max=MAX_DAYS)
    contact = None if args.contact is None else args.contact == "yes"
    if days is None and contact is None:
        raise InputError("cli.error.nothing_to_change")
    cadence = store.set_cadence(key, days, contact)
    rule = cadence.rules[key]
    out(t("cli.due.saved", rule=rule_label(key), days=rule.days,
          contact=t("cli.due.contact_yes" if rule.contact else "cli.due.contact_no")))  # fmt: skip
    return EXIT_OK


def entry_what(entry: DueEntry) -> str:
    """What an entry asks for, in words (the TUI's due list says the same)."""
    if entry.problem_id is not None:
        what = f"{label('category', entry.category)}：{entry.description}"
        return what
    if entry.kind in ("cadence", "not_visited"):
        return t("cli.due.what_cadence", rule=rule_label(entry.rule) if entry.rule else "", days=entry.days)
    return t(f"cli.due.what_{entry.kind}")


def entry_when(entry: DueEntry) -> str:
    """``逾期 2 天`` / ``今天`` / ``3 天后``; an escalated problem: how long it has waited."""
    if entry.kind == "escalated":
        return t("cli.due.waiting", days=entry.days)
    if entry.late > 0:
        return t("cli.due.late", days=entry.late)
    if entry.late == 0:
        return t("cli.due.today")
    return t("cli.due.in_days", days=-entry.late)


def entry_doc(entry: DueEntry) -> dict[str, object]:
    return {
        "kind": entry.kind,
        "due": entry.due.isoformat(),
        "late_days": max(0, entry.late),
        "stage": entry.stage,
        "household_id": entry.household_id,
        "problem_id": entry.problem_id,
        "room": entry.room,
        "rule": entry.rule or None,
        "days": entry.days,
        "what": entry_what(entry),
    }


def cmd_due(args: argparse.Namespace, store: Store) -> int:
    try:
        days = parse_int(args.days, "--days")
    except InputError:
        raise InputError("cli.due.bad_within", value=args.days) from None
    if days is None or days < 0:
        raise InputError("cli.due.bad_within", value=args.days)
    entries = store.due(days)
    if args.json:
        out(json.dumps([entry_doc(e) for e in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        out(t("cli.due.empty"))
        return EXIT_OK
    headers = [
        t("cli.due.col_when"),
        t("cli.due.col_room"),
        t("cli.due.col_kind"),
        t("cli.due.col_what"),
        t("cli.due.col_id"),
    ]
    rows = [
        [
            entry_when(e),
            e.room or "—",
            t(f"cli.due.kind_{e.kind}"),
            entry_what(e),
            (e.problem_id or e.household_id or "")[:8],
        ]
        for e in entries
    ]
    for line in table(headers, rows):
        out(line)
    return EXIT_OK
