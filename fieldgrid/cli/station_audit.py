"""``fieldgrid --home ST station audit --month YYYY-MM --out FILE.xlsx``: the station's processing record of a
month — every disclosure the leaders' devices logged (carried in their bundles) with unit and leader, and the
station's own log — as a workbook of two sheets (or, for ``.csv``, the disclosures alone)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import month_arg
from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    p = actions.add_parser("audit", parents=[common], help=t("cli.audit.help_station"),
                           description=t("cli.audit.help_station"))  # fmt: skip
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=t("cli.help.month"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv", help=t("cli.audit.help_out"))
    p.set_defaults(run=with_station(cmd_audit, read_only=True))


def cmd_audit(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.exports.tables import SUFFIXES, Sheet, write_table, write_workbook
    from fieldgrid.station.audit import month_disclosures, month_log

    month = month_arg(args.month) or ""
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in SUFFIXES:
        raise InputError("cli.error.export_suffix", value=args.out)
    found = month_disclosures(db, month)
    columns = ("time", "unit", "leader", "kind", "what", "persons", "target", "via")
    rows: list[list[object]] = [
        [e.at.replace("T", " "), unit, leader, t(f"disclosure.kind.{e.kind}"), t(f"disclosure.what.{e.what}"),
         e.persons, e.target, t(f"disclosure.via.{e.via}")] for unit, leader, e in found
    ]  # fmt: skip
    sheet = Sheet(t("disclosure.sheet", month=month), [t(f"disclosure.col.{c}") for c in columns], rows)
    if path.suffix.lower() == ".csv":
        write_table(path, sheet)
    else:
        leaders = {d.device_id: d.leader for d in db.devices()}
        log = [[dt.datetime.fromtimestamp(e.at).isoformat(sep=" ", timespec="minutes"),
                t(f"station.log.kind.{e.kind}"), leaders.get(e.device, e.device), e.file, t(e.key, **e.params)]
               for e in month_log(db, month)]  # fmt: skip
        headers = [t(f"station.col.{c}") for c in ("time", "event", "leader", "file", "message")]
        write_workbook(path, [sheet, Sheet(t("cli.audit.station_log_sheet", month=month), headers, log)])
    out(str(path))
    err(t("cli.audit.station_done", month=month, count=len(rows), persons=sum(e.persons for _, _, e in found)))
    return EXIT_OK
