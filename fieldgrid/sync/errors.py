"""Why a bundle or an identity was refused: a translated message key and its parameters.  Refusals are bad
input (exit code 2) and never change anything stored."""

from __future__ import annotations

from fieldgrid.errors import Refused


class SyncError(Refused):
    """A bundle, key or identity file that fieldgrid will not use, and why."""
