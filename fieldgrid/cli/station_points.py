"""``fieldgrid station points [--month YYYY-MM] [--json]`` and ``fieldgrid station points redeem LEADER N --for
TEXT``: 激励 — each leader's points by the station's rules (``points.json``), what was redeemed at the station
(微光粒积分兑换), and the balance (:mod:`fieldgrid.station.points`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import month_arg, table
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB

COLUMNS = ("leader", "unit", "month", "earned", "redeemed", "balance")


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``points`` action of ``fieldgrid station``, and its ``redeem``."""
    p = actions.add_parser("points", parents=[common], help=t("points.help.command"),
                           description=t("points.help.command"))  # fmt: skip
    p.add_argument("--month", metavar="YYYY-MM", help=t("points.help.month"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(run=with_station(cmd_points, read_only=True))
    sub = p.add_subparsers(dest="points_action", metavar="redeem")
    r = sub.add_parser("redeem", parents=[common], help=t("points.help.redeem"), description=t("points.help.redeem"))
    r.add_argument("leader", metavar="LEADER", help=t("points.help.leader"))
    r.add_argument("points", metavar="N", help=t("points.help.points"))
    r.add_argument("--for", dest="reason", required=True, metavar="TEXT", help=t("points.help.for"))
    r.set_defaults(run=with_station(cmd_redeem))


def _rules(db: StationDB) -> Any:
    from fieldgrid.cli.station import POINTS_FILE
    from fieldgrid.exports.monthly import load_rules
    from fieldgrid.station.scenarios import visit_kinds

    return load_rules(db.home / POINTS_FILE, visit_kinds(db))  # a published pack's visit kinds may earn points


def cmd_points(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.points import balances, rows

    month = month_arg(args.month) or dt.date.today().strftime("%Y-%m")
    found = balances(db, _rules(db), month)
    if args.json:
        out(json.dumps([dict(zip(COLUMNS, row, strict=True)) | {"device": b.device_id}
                        for row, b in zip(rows(found), found, strict=True)], ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    if not found:
        err(t("station.devices.none"))
        return EXIT_OK
    headers = [t(f"points.col.{c}", month=month) for c in COLUMNS]
    for line in table(headers, [[str(c) for c in row] for row in rows(found)]):
        out(line)
    return EXIT_OK


def cmd_redeem(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.exports.monthly import as_number
    from fieldgrid.station.points import redeem

    try:
        points = float(args.points)
    except ValueError:
        raise InputError("points.error.amount", points=args.points) from None
    device, after = redeem(db, _rules(db), args.leader, points, args.reason, dt.date.today())
    err(t("points.redeemed", leader=device.leader, points=as_number(points), reason=args.reason.strip(),
          balance=as_number(after.balance)))  # fmt: skip
    return EXIT_OK
