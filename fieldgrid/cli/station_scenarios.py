"""``fieldgrid station scenarios publish PACK.toml [--to all|UNIT]`` and ``fieldgrid station scenarios list
[--json]``: roll a scenario pack out to the leaders (:mod:`fieldgrid.station.scenarios`) in the next returns, and
see which packs were published.  A pack a device would refuse is refused here, naming the offending entry: exit
2, nothing queued."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, err, out
from fieldgrid.i18n import get_language, t
from fieldgrid.model.scenario import ScenarioError

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``scenarios`` action of ``fieldgrid station``: ``publish`` and ``list``."""
    p = actions.add_parser("scenarios", parents=[common], help=t("scenario.help.station"),
                           description=t("scenario.help.station"))  # fmt: skip
    sub = p.add_subparsers(dest="scenarios_action", metavar="publish|list", required=True)
    s = sub.add_parser("publish", parents=[common], help=t("scenario.help.publish"),
                       description=t("scenario.help.publish"))  # fmt: skip
    s.add_argument("pack", metavar="PACK.toml", help=t("scenario.help.file"))
    s.add_argument("--to", default="all", metavar="all|UNIT", help=t("scenario.help.to"))
    s.set_defaults(run=with_station(cmd_publish))
    ls = sub.add_parser("list", parents=[common], help=t("scenario.help.published"),
                        description=t("scenario.help.published"))  # fmt: skip
    ls.add_argument("--json", action="store_true", help=t("cli.help.json"))
    ls.set_defaults(run=with_station(cmd_list, read_only=True))


def cmd_publish(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.scenarios import read_pack
    from fieldgrid.station.scenarios import publish

    try:
        pack = read_pack(Path(args.pack))
    except (FileNotFoundError, IsADirectoryError):
        raise ScenarioError("error.scenario.no_file", path=args.pack) from None
    count = publish(db, pack, dt.datetime.now().isoformat(timespec="minutes"), args.to)
    title = pack.title.label("en" if get_language() == "en" else "zh")
    err(t("scenario.published", title=title, name=pack.name, version=pack.version, count=count))
    return EXIT_OK


def cmd_list(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.scenarios import published

    packs = sorted(published(db).values(), key=lambda p: p.name)
    if args.json:
        out(json.dumps([dict(p.doc) for p in packs], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not packs:
        err(t("scenario.none_published"))
        return EXIT_OK
    lang = "en" if get_language() == "en" else "zh"
    headers = [t(f"scenario.col.{c}") for c in ("name", "version", "title")]
    for line in table(headers, [[p.name, str(p.version), p.title.label(lang)] for p in packs]):
        out(line)
    return EXIT_OK
