"""The station's passphrase on the command line (:mod:`fieldgrid.station.seal`): read from a prompt on a terminal
(``getpass``, nothing echoed) or from ``FIELDGRID_STATION_PASSPHRASE``, never from the arguments (``--passphrase``
is refused before anything is parsed, like the device's ``--pin``: every user of the machine sees a process's
arguments).  A new passphrase (``station init``, ``station encrypt``) is asked twice, or taken from
``FIELDGRID_STATION_PASSPHRASE``; ``station change-passphrase`` takes the new one from
``FIELDGRID_STATION_NEW_PASSPHRASE`` or two prompts.

``station encrypt`` seals a plaintext station (made before encryption) — chosen over sealing it silently at the
first command given a passphrase, because it rewrites the whole database and the operator should decide when;
until then every command works as before and says on stderr, in one line, that the data is not encrypted.
"""

from __future__ import annotations

import argparse
import getpass
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli import pin as cli_pin
from fieldgrid.cli.exits import EXIT_OK, InputError, err
from fieldgrid.i18n import t
from fieldgrid.station.seal import DEMO_PASSPHRASE, TRIES_NAME, StationKey, new_data_key, read_setting, read_wrapped
from fieldgrid.store.keywrap import KeyUnlocker, check_new_passphrase, wrap

if TYPE_CHECKING:
    from fieldgrid.station.db import StationDB

ENV_PASSPHRASE = "FIELDGRID_STATION_PASSPHRASE"
ENV_NEW_PASSPHRASE = "FIELDGRID_STATION_NEW_PASSPHRASE"


def register(actions: Any, common: argparse.ArgumentParser, with_station: Any) -> None:
    p = actions.add_parser("encrypt", parents=[common], help=t("passphrase.help.encrypt"),
                           description=t("passphrase.help.encrypt"))  # fmt: skip
    p.set_defaults(run=with_station(cmd_encrypt))
    p = actions.add_parser("change-passphrase", parents=[common], help=t("passphrase.help.change"),
                           description=t("passphrase.help.change"))  # fmt: skip
    p.set_defaults(run=with_station(cmd_change_passphrase))


def _prompt(key: str, env: str) -> str:
    if not sys.stdin.isatty():
        raise InputError("passphrase.no_terminal", env=env)
    return getpass.getpass(t(key))


def read_passphrase() -> str:
    """The station's passphrase: ``FIELDGRID_STATION_PASSPHRASE`` when set, else a prompt."""
    value = os.environ.get(ENV_PASSPHRASE)
    return value if value is not None else _prompt("passphrase.prompt", ENV_PASSPHRASE)


def read_new_passphrase(env: str = ENV_PASSPHRASE) -> str:
    """A new passphrase, checked (8+ characters): from ``env``, else asked twice."""
    value = os.environ.get(env)
    if value is not None:
        return check_new_passphrase(value)
    first = check_new_passphrase(_prompt("passphrase.new_prompt", env))
    if check_new_passphrase(_prompt("passphrase.again_prompt", env)) != first:
        raise InputError("passphrase.mismatch")
    return first


class StationUnlocker:
    """Unlocking an encrypted station (wrong passphrases counted like the device's PINs); ``try_pin`` gives the
    :class:`StationKey` (the PIN screen calls it by that name)."""

    def __init__(self, home: Path, wrapped: str) -> None:
        self.keys = KeyUnlocker(home, wrapped, TRIES_NAME, cli_pin.clock)

    def wait_left(self) -> float:
        return self.keys.wait_left()

    def try_pin(self, passphrase: str) -> StationKey:
        return StationKey(self.keys.try_passphrase(passphrase), self.keys.wrapped)


def new_key(passphrase: str) -> StationKey:
    """A new data key wrapped under ``passphrase``."""
    data = new_data_key()
    return StationKey(data, wrap(data, passphrase))


def station_unlocker(home: Path) -> StationUnlocker | None:
    """The unlocker of an encrypted station; ``None`` for a plaintext one (made before encryption)."""
    from fieldgrid.station.db import DB_NAME

    wrapped = read_wrapped(Path(home) / DB_NAME)
    return None if wrapped is None else StationUnlocker(home, wrapped)


def demo_hint(home: Path) -> str:
    """What the passphrase screen says under the field: the demo station's passphrase, for the demo only (the
    ``demo`` setting is plain, read before unlocking)."""
    from fieldgrid.station.db import DB_NAME

    if read_setting(Path(home) / DB_NAME, "demo") != "1":
        return ""
    return t("passphrase.tui.demo_hint", passphrase=DEMO_PASSPHRASE)


def unlock_station(home: Path) -> StationKey | None:
    """The key of an encrypted station (asked, or ``FIELDGRID_STATION_PASSPHRASE``), after any wait the wrong
    tries before imposed; ``None`` for a plaintext station, which is said in one line on stderr."""
    unlocker = station_unlocker(home)
    if unlocker is None:
        err(t("passphrase.plaintext"))
        return None
    left = unlocker.wait_left()
    if left > 0:
        err(t("passphrase.waiting", seconds=math.ceil(left)))
        cli_pin.sleep(left)
    return unlocker.try_pin(read_passphrase())


def cmd_encrypt(args: argparse.Namespace, db: StationDB) -> int:
    if db.sealed:
        raise InputError("passphrase.already", home=str(db.home))
    db.encrypt(new_key(read_new_passphrase()))
    err(t("passphrase.encrypted", home=str(db.home)))
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace, db: StationDB) -> int:
    if not db.sealed:
        raise InputError("passphrase.not_sealed", home=str(db.home))
    assert db.key is not None
    db.change_passphrase(StationKey(db.key.data, wrap(db.key.data, read_new_passphrase(ENV_NEW_PASSPHRASE))))
    err(t("passphrase.changed"))
    return EXIT_OK
