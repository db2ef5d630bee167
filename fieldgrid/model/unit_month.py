"""One leader's unit as the station holds it, read back as model objects: what the monthly reports and the
station's dashboard count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldgrid.model.household import Household
from fieldgrid.model.ledger import ProblemView
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
