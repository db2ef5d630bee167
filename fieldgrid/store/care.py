"""The care cadences (走访频次) as a setting of this device, and the due list read from the store.  A mixin of
:class:`~fieldgrid.store.repository.Store`; the rules themselves are :mod:`fieldgrid.model.cadence` and
:mod:`fieldgrid.model.due`.

The setting lives in the meta table under ``cadence`` as ``lock_minutes`` does: only the rules that differ from
the defaults, never sent to the station."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldgrid.model.cadence import Cadence, Care, care_all
from fieldgrid.model.due import DueEntry, dashboard_list, due_list
from fieldgrid.record.tables import META_TABLE

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model import Household, LeaderProfile
    from fieldgrid.model.ledger import ProblemView
    from fieldgrid.model.scenario import Vocabulary
    from fieldgrid.model.visit import Visit

CADENCE = "cadence"


class CareCadence:
    _db: TinyDB

    if TYPE_CHECKING:

        def _write(self, action: Callable[[], object]) -> None: ...
        def _meta(self) -> dict[str, Any]: ...
        def now(self) -> dt.datetime: ...
        def households(self) -> list[Household]: ...
        def visits(self, household_id: str | None = None, *, corrected: bool = False) -> list[Visit]: ...
        def problems(self) -> list[ProblemView]: ...
        def profile(self) -> LeaderProfile | None: ...
        def vocabulary(self) -> Vocabulary: ...

    def cadence(self) -> Cadence:
        """The leader's rules over the defaults and the cadences of the installed scenario packs' tags."""
        return Cadence.from_doc(self._meta().get(CADENCE), self.vocabulary().tag_rules())

    def set_cadence(self, key: str, days: int | None = None, contact: bool | None = None) -> Cadence:
        """Change one rule (a tag, ``everyone``, ``age80``, ``after_event``); days not 1–366 are refused
        (:class:`~fieldgrid.model.errors.ValidationError`) before anything is written."""
        changed = self.cadence().changed(key, days, contact)
        doc = changed.to_doc()
        self._write(lambda: self._db.table(META_TABLE).update({CADENCE: doc}))
        return changed

    def care(self) -> dict[str, Care]:
        """Every lived-in household's care: its cadence visit and follow-up, by household id."""
        return care_all(self.households(), self.visits(), self.cadence(), self.now().date())

    def due(self, days: int = 0) -> list[DueEntry]:
        """The due list: what is due today (and within ``days`` more) or overdue, most urgent first."""
        return due_list(self.households(), self.visits(), self.problems(), self.cadence(), self.now().date(), days)

    def dashboard_list(self, name: str) -> list[DueEntry]:
        """The list behind one of the dashboard's numbers (:data:`fieldgrid.model.due.LISTS`)."""
        profile = self.profile()
        return dashboard_list(name, self.households(), self.visits(), self.problems(), self.cadence(), self.now(),
                              visit_days=profile.visit_days if profile else 30)  # fmt: skip
