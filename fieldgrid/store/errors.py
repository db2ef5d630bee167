"""Errors the store raises, in the one shape of :mod:`fieldgrid.errors`."""

from __future__ import annotations

from fieldgrid.errors import Failed, Refused


class StoreError(Failed):
    """Something about the home or its database a user must be told."""


class HomeLocked(StoreError):
    def __init__(self, home: str, pid: int | None, purpose: str = "") -> None:
        shown = pid if pid is not None else "?"
        if purpose:
            super().__init__("error.home.locked_by", home=home, pid=shown, purpose=purpose)
        else:
            super().__init__("error.home.locked", home=home, pid=shown)
        self.pid = pid


class NotFound(Refused):
    def __init__(self, ident: str) -> None:
        super().__init__("error.household.not_found", id=ident)


class ProblemNotFound(NotFound):
    """No problem by that id or code, or (``candidates``) more than one."""

    def __init__(self, ident: str, candidates: list[str] | None = None) -> None:
        if candidates:
            Refused.__init__(self, "error.problem.ambiguous", id=ident, candidates=", ".join(candidates[:8]))
        else:
            Refused.__init__(self, "error.problem.not_found", id=ident)


class DiskError(StoreError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__("error.disk", path=path, reason=reason)


class RecordNotFound(NotFound):
    """No visit or patrol by that id or prefix (``record``: ``visit`` or ``patrol``), or (``candidates``) more
    than one."""

    def __init__(self, record: str, ident: str, candidates: list[str] | None = None) -> None:
        if candidates:
            Refused.__init__(self, f"error.{record}.ambiguous", id=ident, candidates=", ".join(candidates[:8]))
        else:
            Refused.__init__(self, f"error.{record}.not_found", id=ident)
