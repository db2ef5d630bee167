"""``fieldgrid station log [--since DATE] [--device DEVICE] [--json]``: what the station did, with the time —
every import, every refusal with its reason, every return written, every notice and enrolment — so the operator
can tell a leader why his stick was refused."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, InputError, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import LogEntry, StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    p = actions.add_parser("log", parents=[common], help=t("cli.help.station_log"),
                           description=t("cli.help.station_log"))  # fmt: skip
    p.add_argument("--since", metavar="YYYY-MM-DD", help=t("cli.help.station_log_since"))
    p.add_argument("--device", metavar="DEVICE", help=t("cli.help.station_log_device"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(run=with_station(cmd_log, read_only=True))


def since_of(text: str | None) -> float | None:
    """The start of a day (``2026-11-30``) or a minute (``2026-11-30T09:00``), local time, as a timestamp."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip()).timestamp()
    except ValueError:
        raise InputError("cli.error.date", value=text) from None


def message(entry: LogEntry) -> str:
    """The entry in words: what was done, or why a bundle was refused."""
    return t(entry.key, **entry.params)


def cmd_log(args: argparse.Namespace, db: StationDB) -> int:
    entries = db.log_entries(since_of(args.since), args.device)
    leaders = {d.device_id: d.leader for d in db.devices()}
    if args.json:
        docs = [{"at": dt.datetime.fromtimestamp(e.at).isoformat(timespec="seconds"), "kind": e.kind,
                 "device": e.device, "leader": leaders.get(e.device, ""), "file": e.file, "message": message(e)}
                for e in entries]  # fmt: skip
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        out(t("station.log.none"))
        return EXIT_OK
    rows = [[dt.datetime.fromtimestamp(e.at).strftime("%Y-%m-%d %H:%M"), t(f"station.log.kind.{e.kind}"),
             leaders.get(e.device, e.device[:12]) or "—", e.file or "—", message(e)] for e in entries]  # fmt: skip
    for line in table([t(f"station.col.{c}") for c in ("time", "event", "leader", "file", "message")], rows):
        out(line)
    return EXIT_OK
