"""One error shape for everything a user must be told: a message key and its parameters, translated by the face
that shows it (the command line or the TUI).  ``bad_input`` says whose the fault is: the user's input (exit 2,
nothing changed) or something else — a locked home, a full disk (exit 1)."""

from __future__ import annotations


class FieldgridError(Exception):
    """``key`` names a message in :mod:`fieldgrid.i18n`; ``params`` fill its placeholders.  ``key`` is
    positional-only, so a parameter may itself be called ``key``."""

    bad_input = True

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params


class Refused(FieldgridError):
    """The user asked for something the data does not allow (a tampered bundle, an unknown device, a folder of
    another kind): bad input, never a fault of the disk or the home; nothing stored changed."""


class Failed(FieldgridError):
    """Something other than the input went wrong (a locked home, a full disk) and the user must be told."""

    bad_input = False
