"""One leader's unit as the station holds it, read back as model objects: what the monthly reports and the
station's dashboard count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldgrid.model.household import Household
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.patrol import Patrol
from fieldgrid.model.places import STAIRWELL, place_label
from fieldgrid.model.visit import Visit


@dataclass(frozen=True)
class UnitMonth:
    """One leader's unit, as merged at the station."""

    leader: str
    grid: str  # 橙郡一期6栋3单元
    building: str
    households: Sequence[Household] = ()
    visits: Sequence[Visit] = ()
    problems: Sequence[ProblemView] = ()
    compound: str = ""  # 橙郡一期: two compounds may each have a 6栋
    patrols: Sequence[Patrol] = ()  # as they stand after their corrections (the scenario records' sheet reads them)
    grid_kind: str = STAIRWELL  # the unit's grid kind, as its device's bundles named it (:mod:`.places`)
    area: str = ""  # what its places' addresses start with (斜江村)

    def where(self, household: Household) -> str:
        """A household of this unit as a report names it: ``斜江村3组15号 王家院子``, ``12号 老王面馆``, ``0601``."""
        return place_label(household.room, household.place, self.grid_kind, self.area)

    @property
    def place(self) -> str:
        """The building as a street office names it: with its compound (橙郡一期6栋)."""
        return f"{self.compound}{self.building}"
