"""The PIN on the command line: read from a prompt on a terminal (``getpass``, nothing echoed) or from
``FIELDGRID_PIN``, never from the arguments — every user of the machine sees a process's arguments (``ps``), and
the shell keeps them in its history.  A new PIN comes from two prompts or ``FIELDGRID_NEW_PIN``.

After five wrong PINs the next try waits (:mod:`fieldgrid.store.pin`); the command line says so and waits.
``clock`` and ``sleep`` are module attributes so the tests can replace them and never really sleep.
"""

from __future__ import annotations

import getpass
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from fieldgrid.cli.exits import InputError, err
from fieldgrid.i18n import t
from fieldgrid.store.crypto import SealKey, check_new_pin
from fieldgrid.store.pin import Unlocker

ENV_PIN = "FIELDGRID_PIN"
ENV_NEW_PIN = "FIELDGRID_NEW_PIN"
# Options someone may try to give a PIN with; refused before anything else, with the reason.
ARGV_OPTIONS = ("--pin", "--new-pin", "--old-pin", "--passphrase", "--password")

clock = time.time
sleep = time.sleep


def pin_on_argv(argv: Sequence[str]) -> str | None:
    """The option of ``argv`` that would carry a PIN, if any (before a ``--``)."""
    for arg in argv:
        if arg == "--":
            return None
        name = arg.partition("=")[0]
        if name in ARGV_OPTIONS:
            return name
    return None


def _prompt(key: str) -> str:
    if not sys.stdin.isatty():
        raise InputError("cli.pin.no_terminal", env=ENV_PIN)
    return getpass.getpass(t(key))


def read_pin() -> str:
    """The PIN of a home: ``FIELDGRID_PIN`` when set, else a prompt."""
    value = os.environ.get(ENV_PIN)
    return value if value is not None else _prompt("cli.pin.prompt")


def read_new_pin() -> str:
    """A new PIN, checked (6+ digits or a phrase of 8+ characters): ``FIELDGRID_NEW_PIN``, else asked twice."""
    value = os.environ.get(ENV_NEW_PIN)
    if value is not None:
        return check_new_pin(value)
    if not sys.stdin.isatty():
        raise InputError("cli.pin.no_terminal", env=ENV_NEW_PIN)
    first = check_new_pin(getpass.getpass(t("cli.pin.new_prompt")))
    again = getpass.getpass(t("cli.pin.again_prompt"))
    if check_new_pin(again) != first:
        raise InputError("pin.mismatch")
    return first


def refuse_pin_without_seal(home: Path) -> None:
    if ENV_PIN in os.environ:
        raise InputError("cli.pin.env_without_pin", home=str(home), env=ENV_PIN)


def unlock_home(home: Path) -> SealKey | None:
    """The key of ``home`` when its store has a PIN (asked, or from ``FIELDGRID_PIN``); ``None`` when it has
    none — and then ``FIELDGRID_PIN`` set is refused, since whoever set it thinks the data is protected."""
    unlocker = Unlocker.of(home, clock)
    if unlocker is None:
        refuse_pin_without_seal(home)
        return None
    left = unlocker.wait_left()
    if left > 0:
        err(t("cli.pin.waiting", seconds=math.ceil(left)))
        sleep(left)
    return unlocker.try_pin(read_pin())
