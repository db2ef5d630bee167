"""``fieldgrid station restore --device DEVICE --out DIR``: a lost device, a broken Pi or a forgotten PIN costs the
leader nothing but a restore — the station writes a bundle holding the unit's whole current state for the device
that takes over (enrolled with ``--replaces``), which ``fieldgrid sync import DIR`` turns into a working home."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    """The ``restore`` action of ``fieldgrid station``."""
    p = actions.add_parser("restore", parents=[common], help=t("restore.help.command"),
                           description=t("restore.help.description"))  # fmt: skip
    p.add_argument("--device", required=True, metavar="DEVICE", help=t("restore.help.device"))
    p.add_argument("--out", required=True, metavar="DIR", help=t("restore.help.out"))
    p.set_defaults(run=with_station(cmd_restore))


def cmd_restore(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import restore
    from fieldgrid.sync.identity import Keys

    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError("stick.error.not_folder", path=str(folder))
    path, records = restore(db, Keys(db.home), args.device, folder)
    device = db.device(args.device)
    err(t("restore.done", records=records, leader=device.leader if device else "", device=args.device,
          path=str(path)))  # fmt: skip
    out(str(path))
    return EXIT_OK
