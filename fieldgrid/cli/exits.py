"""How a command ends: exit codes, the errors that choose them, and the lines printed on the way out.

Kept apart from :mod:`.common` (argparse and friends) so that opening the app does not import what only the
scriptable commands need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldgrid.errors import Failed, Refused
from fieldgrid.i18n import t

if TYPE_CHECKING:
    from fieldgrid.model import Member, ValidationError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class InputError(Refused):
    """Bad input found by the command line itself (not by the model): exit 2, nothing written."""


class BadFields(Exception):
    """Validation errors of one household or profile, with its members so messages can name them."""

    def __init__(self, errors: Sequence[ValidationError], members: Sequence[Member] = ()) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)
        self.members = list(members)


class Failure(Failed):
    """Something other than the input went wrong and the user must be told: exit 1."""


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def say_error(key: str, /, **params: object) -> None:
    err(t("cli.error.prefix", message=t(key, **params)))
