"""``fieldgrid station stick DIR``: import every leader's bundle on the stick, write their returns back onto it
(a folder per leader and unit) and archive what was imported — one command for a stick that went round the
leaders.  Exit code as ``station import``: 2 when a bundle was refused (it stays on the stick)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import progress_bar, table
from fieldgrid.cli.exits import EXIT_BAD_INPUT, EXIT_OK, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``stick`` action of ``fieldgrid station``."""
    p = actions.add_parser("stick", parents=[common], help=t("stick.help.station"),
                           description=t("stick.help.station"))  # fmt: skip
    p.add_argument("stick", metavar="DIR", help=t("stick.help.station_dir"))
    p.set_defaults(run=with_station(cmd_stick))


def cmd_stick(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.stick import station_stick
    from fieldgrid.sync.identity import Keys

    stick = Path(args.stick).expanduser()
    run = station_stick(db, Keys(db.home), stick, progress_bar)
    if run.folder is None:
        err(t("stick.station.no_folder", path=str(stick)))
        return EXIT_OK
    folder = run.folder

    def shown(path: Path) -> str:
        return str(path.relative_to(folder)) if path.is_relative_to(folder) else str(path)

    if run.outcomes:
        headers = [t(f"station.col.{c}") for c in ("file", "device", "result", "records", "reason")]
        rows = [
            [shown(o.path), o.device or "—", t(f"station.result.{o.status}"), str(o.records),
             t(o.key, **o.params) if o.key else ""]
            for o in run.outcomes
        ]  # fmt: skip
        for line in table(headers, rows):
            out(line)
    else:
        err(t("stick.station.no_bundles", path=str(folder)))
    for o in run.outcomes:  # why each refusal, on stderr too; the file stays on the stick
        if o.status == "refused":
            err(t("stick.station.refused", file=shown(o.path), reason=t(o.key, **o.params)))
    for r in run.returns:
        err(t("stick.station.returned", leader=r.leader or r.device, records=r.records, notices=r.notices,
              path=shown(r.path)))  # fmt: skip
    if run.archived:  # the bundles imported, and the returns a fresh one replaced
        imported = len(run.archived) - run.replaced
        archive = shown(run.archived[0].parent)
        if imported:
            err(t("stick.station.archived", count=imported, path=archive))
        if run.replaced:
            err(t("stick.station.archived_returns", count=run.replaced, path=archive))
    for path, reason in run.not_archived:
        err(t("stick.station.not_archived", file=shown(path), reason=reason))
    if run.outcomes:
        counts = {s: sum(o.status == s for o in run.outcomes) for s in ("accepted", "duplicate", "refused")}
        err(t("station.import.summary", total=len(run.outcomes), **counts))
    return EXIT_BAD_INPUT if run.refused else EXIT_OK
