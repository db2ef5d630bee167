"""``fieldgrid audit list [--json] [--month YYYY-MM]`` and ``fieldgrid retention days|show|apply``: the disclosure
log (every reveal, export, import, print and erasure, on record) and the retention of households no longer served.
"""

from __future__ import annotations

import argparse
import json

from fieldgrid.cli.common import month_arg, parse_int, table
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.i18n import t
from fieldgrid.model.disclosure import Disclosure
from fieldgrid.store import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("audit", parents=[common], help=t("cli.audit.help"), description=t("cli.audit.help"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("list", parents=[common], help=t("cli.audit.help_list"),
                           description=t("cli.audit.help_list"))  # fmt: skip
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.add_argument("--month", metavar="YYYY-MM", help=t("cli.audit.help_month"))
    p.set_defaults(handler=cmd_audit_list, read_only=True)

    group = sub.add_parser("retention", parents=[common], help=t("cli.retention.help"),
                           description=t("cli.retention.help"))  # fmt: skip
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("days", parents=[common], help=t("cli.retention.help_days"),
                           description=t("cli.retention.help_days"))  # fmt: skip
    p.add_argument("days", metavar="DAYS", help=t("cli.retention.help_days"))
    p.set_defaults(handler=cmd_retention_days)
    p = actions.add_parser("show", parents=[common], help=t("cli.retention.help_show"),
                           description=t("cli.retention.help_show"))  # fmt: skip
    p.set_defaults(handler=cmd_retention_show, read_only=True)
    p = actions.add_parser("apply", parents=[common], help=t("cli.retention.help_apply"),
                           description=t("cli.retention.help_apply"))  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help=t("cli.retention.help_dry_run"))
    p.set_defaults(handler=cmd_retention_apply, retention_here=True)  # not applied at open: this command says what


def disclosure_row(entry: Disclosure) -> list[str]:
    return [entry.at.replace("T", " "), t(f"disclosure.kind.{entry.kind}"), t(f"disclosure.what.{entry.what}"),
            str(entry.persons), entry.target or "—", t(f"disclosure.via.{entry.via}")]  # fmt: skip


def cmd_audit_list(args: argparse.Namespace, store: Store) -> int:

    month = month_arg(args.month)
    entries = store.disclosures(lambda d: month is None or d.at.startswith(month))
    if args.json:
        out(json.dumps([e.to_doc() for e in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        out(t("disclosure.none"))
        return EXIT_OK
    headers = [t(f"disclosure.col.{c}") for c in ("time", "kind", "what", "persons", "target", "via")]
    for line in table(headers, [disclosure_row(e) for e in entries]):
        out(line)
    out(t("cli.audit.total", count=len(entries), persons=sum(e.persons for e in entries)))
    return EXIT_OK


def cmd_retention_days(args: argparse.Namespace, store: Store) -> int:
    days = parse_int(args.days, "DAYS")
    if days is None:
        raise InputError("cli.error.integer", option="DAYS", value=args.days)
    store.set_retention_days(days)
    err(t("retention.days_set", days=days))
    return EXIT_OK


def cmd_retention_show(args: argparse.Namespace, store: Store) -> int:
    out(t("retention.days", days=store.retention_days()))
    out(t("retention.counts", **store.retention_counts()))
    return EXIT_OK


def cmd_retention_apply(args: argparse.Namespace, store: Store) -> int:
    done = store.apply_retention(dry_run=args.dry_run)
    if not done.households:
        out(t("retention.nothing"))
        return EXIT_OK
    key = "retention.would" if args.dry_run else "retention.done"
    out(t(key, rooms="、".join(done.rooms), **done.counts()))
    return EXIT_OK
