"""Errors the store raises, each with a message key for the translation layer."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the home or its database a user must be told; ``key``/``params`` translate it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params


class HomeLocked(StoreError):
    def __init__(self, home: str, pid: int | None) -> None:
        super().__init__("error.home.locked", home=home, pid=pid if pid is not None else "?")
        self.pid = pid


class NotFound(StoreError):
    def __init__(self, ident: str) -> None:
        super().__init__("error.household.not_found", id=ident)


class DiskError(StoreError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__("error.disk", path=path, reason=reason)


class Refused(StoreError):
    """The user asked for something the data does not allow (an unknown device, a folder of another kind):
    bad input, not a fault of the disk or the home."""
