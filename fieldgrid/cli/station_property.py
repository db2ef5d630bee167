"""``fieldgrid station property set COMPOUND --company NAME [--phone PHONE]`` and ``fieldgrid station property
list [--json]``: who manages each compound (:mod:`fieldgrid.station.property`), for the monthly report's 联动处理
sheet, which lists the open problems by property company."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, err, out
from fieldgrid.i18n import t
from fieldgrid.model.validation import national_phone

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``property`` action of ``fieldgrid station``: ``set`` and ``list``."""
    p = actions.add_parser("property", parents=[common], help=t("property.help.command"),
                           description=t("property.help.command"))  # fmt: skip
    sub = p.add_subparsers(dest="property_action", metavar="set|list", required=True)
    s = sub.add_parser("set", parents=[common], help=t("property.help.set"), description=t("property.help.set"))
    s.add_argument("compound", metavar="COMPOUND", help=t("property.help.compound"))
    s.add_argument("--company", required=True, metavar="NAME", help=t("property.help.company"))
    s.add_argument("--phone", default="", metavar="PHONE", help=t("property.help.phone"))
    s.set_defaults(run=with_station(cmd_set))
    ls = sub.add_parser("list", parents=[common], help=t("property.help.list"), description=t("property.help.list"))
    ls.add_argument("--json", action="store_true", help=t("cli.help.json"))
    ls.set_defaults(run=with_station(cmd_list, read_only=True))


def cmd_set(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.property import set_company

    found = set_company(db, args.compound, args.company, args.phone)
    err(t("property.set.done", compound=found.compound, company=found.company))
    return EXIT_OK


def cmd_list(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.property import companies, known_compounds

    found = {c.compound: c for c in companies(db)}
    rows = [(compound, found[compound].company if compound in found else "",
             national_phone(found[compound].phone) if compound in found else "")
            for compound in sorted(set(known_compounds(db)) | set(found))]  # fmt: skip
    if args.json:
        out(json.dumps([{"compound": c, "company": n, "phone": p} for c, n, p in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        err(t("property.none"))
        return EXIT_OK
    headers = [t(f"property.col.{c}") for c in ("compound", "company", "phone")]
    for line in table(headers, [[c, n or t("property.unset"), p or "—"] for c, n, p in rows]):
        out(line)
    return EXIT_OK
