"""``fieldgrid --home ST station retention [DAYS] [--apply [--dry-run]]``: the station's own retention period (a
setting; 90 days by default) and erasing now what it no longer allows (:mod:`fieldgrid.station.retention`)."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import parse_int
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    p = actions.add_parser("retention", parents=[common], help=t("cli.retention.help_station"),
                           description=t("cli.retention.help_station"))  # fmt: skip
    p.add_argument("days", nargs="?", metavar="DAYS", help=t("cli.retention.help_days"))
    p.add_argument("--apply", action="store_true", help=t("cli.retention.help_apply_station"))
    p.add_argument("--dry-run", action="store_true", help=t("cli.retention.help_dry_run"))
    p.set_defaults(run=with_station(cmd_retention))


def cmd_retention(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.retention import apply_retention, retention_days, set_retention_days

    if args.dry_run and not args.apply:
        raise InputError("cli.retention.dry_run_needs_apply")
    if args.days is not None:
        days = parse_int(args.days, "DAYS")
        if days is None:
            raise InputError("cli.error.integer", option="DAYS", value=args.days)
        set_retention_days(db, days)
        err(t("retention.days_set", days=days))
    if not args.apply:
        out(t("retention.days", days=retention_days(db)))
        return EXIT_OK
    done = apply_retention(db, time.time_ns() // 1_000_000, dry_run=args.dry_run)
    if not done.households:
        out(t("retention.nothing"))
        return EXIT_OK
    out(t("retention.would" if args.dry_run else "retention.done", rooms="、".join(done.rooms), **done.counts()))
    return EXIT_OK
