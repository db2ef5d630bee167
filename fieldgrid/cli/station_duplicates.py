"""``fieldgrid station duplicates [--json]``: the same person (same ID number) held in two units, for the operator
to resolve; compared by a keyed hash, shown by unit, room and masked ID number."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    p = actions.add_parser("duplicates", parents=[common], help=t("cli.help.station_duplicates"),
                           description=t("cli.help.station_duplicates_description"))  # fmt: skip
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(run=with_station(cmd_duplicates))


def cmd_duplicates(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.duplicates import duplicates

    found = duplicates(db)
    if args.json:
        out(json.dumps([d.to_json() for d in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        out(t("station.duplicates.none"))
        return EXIT_OK
    rows = [[d.person if n == 0 else "", h.unit, h.room, h.masked_id]
            for d in found for n, h in enumerate(d.holdings)]  # fmt: skip
    headers = [t("station.duplicates.person"), t("station.col.grid"), t("station.duplicates.room"),
               t("station.duplicates.id_number")]  # fmt: skip
    for line in table(headers, rows):
        out(line)
    out(t("station.duplicates.total", count=len(found)))
    return EXIT_OK
