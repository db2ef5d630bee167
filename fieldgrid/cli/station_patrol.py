"""``fieldgrid station patrol add --date D --with 物业,业主代表 --place P --finding UNIT:CATEGORY:TEXT …`` and
``fieldgrid station patrol list [--month YYYY-MM] [--json]``: 联动巡查, the community's joint patrols, each finding
a problem of its unit sent to the unit's devices (:mod:`fieldgrid.station.joint_patrol`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import month_arg, split_list, table
from fieldgrid.cli.exits import EXIT_OK, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``patrol`` action of ``fieldgrid station``: ``add`` and ``list``."""
    p = actions.add_parser("patrol", parents=[common], help=t("patrol.help.command"),
                           description=t("patrol.help.command"))  # fmt: skip
    sub = p.add_subparsers(dest="patrol_action", metavar="ACTION", required=True)
    a = sub.add_parser("add", parents=[common], help=t("patrol.help.add"), description=t("patrol.help.add"))
    a.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=t("patrol.help.date"))
    a.add_argument("--with", dest="partners", action="append", required=True, metavar="WHO",
                   help=t("patrol.help.with"))  # fmt: skip
    a.add_argument("--place", required=True, metavar="PLACE", help=t("patrol.help.place"))
    a.add_argument("--finding", action="append", default=[], metavar="UNIT:CATEGORY:TEXT",
                   help=t("patrol.help.finding"))  # fmt: skip
    a.set_defaults(run=with_station(cmd_add))
    ls = sub.add_parser("list", parents=[common], help=t("patrol.help.list"), description=t("patrol.help.list"))
    ls.add_argument("--month", metavar="YYYY-MM", help=t("points.help.month"))
    ls.add_argument("--json", action="store_true", help=t("cli.help.json"))
    ls.set_defaults(run=with_station(cmd_list, read_only=True))


def cmd_add(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import StationClock
    from fieldgrid.station.joint_patrol import add_joint_patrol, parse_finding

    findings = [parse_finding(text) for text in args.finding]
    patrol = add_joint_patrol(db, StationClock(db), args.date.strip(), split_list(args.partners), args.place,
                              findings, dt.datetime.now())  # fmt: skip
    err(t("patrol.added", date=patrol.date, place=patrol.place, count=len(patrol.problems)))
    for problem in patrol.problems:
        out(problem[:8].upper())
    return EXIT_OK


def cmd_list(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.joint_patrol import joint_patrols

    month = month_arg(args.month)
    found = joint_patrols(db, month)
    if args.json:
        out(json.dumps([{"id": p.id, "date": p.date, "with": list(p.partners), "place": p.place,
                         "problems": [c[:8].upper() for c in p.problems]} for p in found],
                       ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    if not found:
        err(t("patrol.none"))
        return EXIT_OK
    headers = [t(f"patrol.col.{c}") for c in ("date", "with", "place", "problems")]
    rows = [[p.date, "、".join(p.partners), p.place, " ".join(c[:8].upper() for c in p.problems) or "—"] for p in found]
    for line in table(headers, rows):
        out(line)
    return EXIT_OK
