"""Moves and deaths on the device: a household moves out (its open problems carried or closed with a note), a
person dies or moves to another household of the unit, a new household moves into a vacant flat.  Each is one
atomic write; the rules are :mod:`fieldgrid.model.moves`.  A mixin of :class:`~fieldgrid.store.repository.Store`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from fieldgrid.i18n import t
from fieldgrid.model import Household, ValidationError, ValidationErrors
from fieldgrid.model import moves as rules
from fieldgrid.model.problem import ProblemEvent, check_append
from fieldgrid.record import meta as records
from fieldgrid.record.codec import event_doc
from fieldgrid.record.tables import HOUSEHOLDS, PROBLEM_EVENTS

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model.ledger import ProblemView

PROBLEM_CHOICES = ("carry", "close")
DEFAULT_PROBLEMS = "carry"  # a problem outlives who reported it (a leak, a blocked drain): kept open unless told


class Moves:
    _db: TinyDB
    device_id: str

    if TYPE_CHECKING:

        def _change(self) -> Any: ...
        def household(self, ident: str) -> Household: ...
        def households(self) -> list[Household]: ...
        def problems(self) -> list[ProblemView]: ...
        def now(self) -> dt.datetime: ...
        def _when(self, at: str | None) -> str: ...
        def _validated(self, household: Household, replacing: frozenset[str] = frozenset()) -> Household: ...

    def today(self) -> dt.date:
        return self.now().date()

    def _stamp_update(self, stamp: str, household: Household) -> None:
        table = self._db.table(HOUSEHOLDS)
        old = next(d for d in table.all() if d["id"] == household.id)
        doc = records.stamp_changes(dict(old), household.to_doc(), stamp, self.device_id)
        if doc is not None:
            table.update(doc, doc_ids=[old.doc_id])

    def _left_problems(self, household: Household, how: str, note: str) -> list[ProblemEvent]:
        """The events that carry (a note) or close (with ``note``) the open problems of a household that ended."""
        if how not in PROBLEM_CHOICES:
            raise ValidationErrors([ValidationError("problems", "error.move.problems", value=how)])
        at = self._when(None)
        events = []
        for view in self.problems():
            if view.is_open and view.report.household_id == household.id:
                if how == "carry":
                    text = t("move.carried", room=household.room) + (f"：{note}" if note else "")
                    event = ProblemEvent(view.id, "note", at, {"text": text}, stamp="~")
                else:
                    text = note or t("move.closed", room=household.room)
                    event = ProblemEvent(view.id, "closed", at, {"resolution": "household_left", "note": text},
                                         stamp="~")  # fmt: skip
                try:
                    check_append(view.events, event)
                except ValidationError as exc:
                    raise ValidationErrors([exc]) from None
                events.append(event)
        return events

    def _write_moved(self, households: list[Household], events: list[ProblemEvent]) -> None:
        with self._change() as stamp:
            for household in households:
                self._stamp_update(stamp, household)
            if events:
                self._db.table(PROBLEM_EVENTS).insert_multiple(
                    records.stamp_new(event_doc(e), stamp, self.device_id) for e in events
                )

    def move_out(
        self, ident: str, day: str, to: str = "", problems: str = DEFAULT_PROBLEMS, note: str = ""
    ) -> tuple[Household, int]:
        """The household moved out on ``day``: it ends (kept in history) and its open problems are carried
        (kept open, noted) or closed with ``note``.  Returns it and how many problems were carried or closed."""
        gone = rules.move_out(self.household(ident), day, to, self.today())
        clean = self._validated(gone)
        events = self._left_problems(clean, problems, note.strip())
        self._write_moved([clean], events)
        return clean, len(events)

    def mark_deceased(self, ident: str, name: str, day: str) -> Household:
        """``name`` of the household died on ``day``; the last person's death ends the household (its open
        problems are then carried, with a note)."""
        changed = self._validated(rules.mark_deceased(self.household(ident), name, day, self.today()))
        events = self._left_problems(changed, "carry", "") if changed.is_ended else []
        self._write_moved([changed], events)
        return changed

    def appoint_head(self, ident: str, name: str) -> Household:
        """``name``, living in household ``ident``, becomes its head (the rule: :func:`rules.appoint_head`)."""
        changed = self._validated(rules.appoint_head(self.household(ident), name))
        self._write_moved([changed], [])
        return changed

    def move_person(self, name: str, source: str, target: str, day: str) -> tuple[Household, Household]:
        """``name`` moves from household ``source`` to household ``target`` of the unit on ``day``."""
        left, joined = rules.move_person(self.household(source), self.household(target), name, day, self.today())
        clean_left = self._validated(left)
        clean_joined = self._validated(joined, replacing=frozenset({clean_left.id}))
        events = self._left_problems(clean_left, "carry", "") if clean_left.is_ended else []
        self._write_moved([clean_left, clean_joined], events)
        return clean_left, clean_joined
