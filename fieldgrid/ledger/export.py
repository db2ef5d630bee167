"""A month's problem ledger (问题台账) as the community expects it, as CSV or XLSX (see :mod:`.tables`).

The month's ledger holds the problems *reported* in that month, oldest first, each with what was done, what
came of it, who was told and when it was closed.  Headers and labels follow the interface language (Chinese
by default).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldgrid.exports.tables import Sheet, write_table
from fieldgrid.i18n import label, t
from fieldgrid.ledger.wording import event_summary
from fieldgrid.model import Household
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.places import STAIRWELL, place_label
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.profile import unit_title

if TYPE_CHECKING:
    from fieldgrid.store import Store

COLUMNS = (
    "number",
    "found_at",
    "place",
    "category",
    "description",
    "handling",
    "result",
    "feedback",
    "status",
    "closed_at",
)
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str) -> str:
    """``YYYY-MM`` or :class:`ValueError`."""
    if not MONTH_RE.match(text.strip()):
        raise ValueError(text)
    return text.strip()


def _when(iso: str | None) -> str:
    return iso.replace("T", " ")[:16] if iso else ""


def place_of(
    view: ProblemView, households: Mapping[str, Household], *, names: bool = False, grid_kind: str = STAIRWELL,
    area: str = "",
) -> str:
    """Where: the shared place, or the household's building, unit and room — in a grid of another kind, its own
    address and name (斜江村3组15号 王家院子, 12号 老王面馆) — its head's name only with ``names``: the ledger goes
    to the community, which needs the problem, not who lives there."""
    household = households.get(view.report.household_id or "")
    if household is None:
        return view.report.place or view.report.household_id or ""
    if grid_kind == STAIRWELL:
        where = unit_title("", household.building, household.unit) + household.room
    else:
        where = place_label(household.room, household.place, grid_kind, area)
    return " ".join(p for p in (where, household.head_name if names else "") if p)


def _dated(event: ProblemEvent, text: str) -> str:
    return f"{_when(event.at)[5:10]} {text}"


def ledger_row(
    view: ProblemView, households: Mapping[str, Household], today: dt.date, *, names: bool = False,
    grid_kind: str = STAIRWELL, area: str = "",
) -> list[str]:
    """One problem as the ten columns of :data:`COLUMNS`; residents' names (the household's head, who was told)
    only with ``names``."""
    handling = [_dated(e, event_summary(e, names=names)) for e in view.of_kind("handled", "escalated")]
    result = [_dated(e, event_summary(e, names=names)) for e in view.of_kind("decision")]
    if view.status == "unsolvable" and view.state.notice:
        result.append(t("ledger.text.notice", text=view.state.notice))
    elif view.status in ("closed", "resolved") and not result:
        result.append(label("outcome", "resolved"))
    feedback = [_dated(e, event_summary(e, names=names)) for e in view.feedback]
    status = label("status", view.shown_status)
    if view.overdue(today):
        status = t("export.ledger.overdue", status=status)
    return [
        view.id[:8].upper(),
        _when(view.reported_at),
        place_of(view, households, names=names, grid_kind=grid_kind, area=area),
        label("category", view.report.category),
        view.report.description,
        "；".join(handling),
        "；".join(result),
        "；".join(feedback),
        status,
        _when(view.state.closed_at),
    ]


def month_views(views: Sequence[ProblemView], month: str) -> list[ProblemView]:
    return sorted((v for v in views if v.reported_at.startswith(month)), key=lambda v: v.reported_at)


def ledger_table(store: Store, month: str, *, names: bool = False) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of ``month``'s ledger."""
    households = {h.id: h for h in store.households()}
    today = store.now().date()
    profile = store.profile()
    kind = profile.grid_kind if profile else STAIRWELL
    area = profile.area if profile else ""
    rows = [ledger_row(v, households, today, names=names, grid_kind=kind, area=area)
            for v in month_views(store.problems(), month)]  # fmt: skip
    return [t(f"export.ledger.col.{c}") for c in COLUMNS], rows


def ledger_persons(store: Store, month: str) -> int:
    """How many residents a month's ledger names when written with names: the heads of the households its
    problems concern, and the people told of them."""
    views = month_views(store.problems(), month)
    households = {v.report.household_id for v in views if v.report.household_id}
    told = {str(e.data.get("to", "")) for v in views for e in v.feedback}
    return len(households) + len(told)


def write_ledger(path: Path, store: Store, month: str, *, names: bool = False) -> int:
    """Write ``month``'s ledger to ``path`` (``.csv`` or ``.xlsx``); the number of problems written.  Residents'
    names only with ``names`` (``--reveal``)."""
    headers, rows = ledger_table(store, parse_month(month), names=names)
    write_table(Path(path), Sheet(t("export.ledger.sheet", month=month), headers, rows))
    return len(rows)
