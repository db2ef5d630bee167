"""The seeds' monthly mechanisms at the community station, as sheets of the monthly report (pure tables from the
units the station holds; residents named as the ledger names them, by place, never by name):

- 联动巡查 (joint patrols): the month's patrols with the property company and others, and what they found.
- 联动处理 (joint handling): every problem still open, by property company (or compound) and category, with its
  deadline, how overdue it is, and where it was escalated — the list taken to the property companies.
- 联动分析 (joint analysis): the same place with repeat problems over the last three months, and the problems open
  more than 30 days (the common problems by category × compound are the ``共性问题分析`` sheet).
- 问题反馈 (feedback): every problem closed in the month with the feedback or notice given, and first those solved
  whose residents are still owed it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from fieldgrid.exports.tables import Sheet
from fieldgrid.i18n import label, t
from fieldgrid.ledger.export import place_of
from fieldgrid.ledger.wording import event_summary
from fieldgrid.model.household import Household
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.unit_month import UnitMonth

LONG_OPEN_DAYS = 30
REPEAT_MONTHS = 3


def _code(view: ProblemView) -> str:
    return view.id[:8].upper()


def _day(iso: str | None) -> str:
    return (iso or "")[:10]


def _escalated_to(view: ProblemView) -> str:
    targets = [str(e.data.get("to", "")) for e in view.of_kind("escalated")]
    return label("escalation", targets[-1]) if targets else ""


def _where(unit: UnitMonth, households: Mapping[str, Household], view: ProblemView) -> str:
    return place_of(view, households, grid_kind=unit.grid_kind, area=unit.area)


def _problems(units: Sequence[UnitMonth]) -> list[tuple[UnitMonth, dict[str, Household], ProblemView]]:
    found: list[tuple[UnitMonth, dict[str, Household], ProblemView]] = []
    for unit in units:
        households = {h.id: h for h in unit.households}
        found.extend((unit, households, view) for view in unit.problems)
    return found


PatrolRow = tuple[str, Sequence[str], str, Sequence[str]]  # date, who with, where, the codes of what it found


def joint_patrol_sheet(patrols: Sequence[PatrolRow]) -> Sheet:
    """联动巡查: the month's joint patrols, who went, where, and the problems their findings became."""
    rows: list[list[object]] = [[date, "、".join(partners), place, len(codes), " ".join(codes) or "—"]
                                for date, partners, place, codes in sorted(patrols, key=lambda p: p[0])]  # fmt: skip
    columns = ("date", "with", "place", "findings", "problems")
    return Sheet(t("patrol.sheet"), [t(f"patrol.col.{c}") for c in columns], rows)


def joint_handling_sheet(
    units: Sequence[UnitMonth], today: dt.date, companies: Mapping[str, str] | None = None
) -> Sheet:
    """联动处理: the open problems by property company (``companies``: compound → company; a compound with none
    recorded stands for itself) and category, the soonest due first."""
    rows: list[tuple[tuple[str, str, str], list[object]]] = []
    for unit, households, view in _problems(units):
        if not view.is_open:
            continue
        late = (today - view.due).days
        category = label("category", view.report.category)
        company = (companies or {}).get(unit.compound, "")
        who = f"{company}（{unit.compound}）" if company else unit.compound or unit.grid
        rows.append(((who, category, view.due.isoformat()), [
            who, category, _code(view), unit.grid, _where(unit, households, view),
            view.report.description, label("urgency", view.report.urgency), view.due.isoformat(),
            late if late > 0 else "", _escalated_to(view),
        ]))  # fmt: skip
    rows.sort(key=lambda r: r[0])
    columns = ("company", "category", "code", "unit", "place", "description", "urgency", "due", "late", "to")
    return Sheet(t("joint.sheet.handling"), [t(f"joint.col.{c}") for c in columns], [r for _, r in rows])


def _months_before(month: str, count: int) -> str:
    year, number = (int(p) for p in month.split("-"))
    index = year * 12 + number - 1 - (count - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def repeats_sheet(units: Sequence[UnitMonth], month: str) -> Sheet:
    """联动分析: places with two or more problems reported in the three months up to ``month``."""
    since, until = _months_before(month, REPEAT_MONTHS), month
    by_place: dict[tuple[str, str], list[ProblemView]] = defaultdict(list)
    for unit, households, view in _problems(units):
        if since <= view.reported_at[:7] <= until:
            by_place[(unit.grid, _where(unit, households, view))].append(view)
    rows: list[list[object]] = []
    for (grid, place), views in sorted(by_place.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(views) < 2:
            continue
        views.sort(key=lambda v: v.reported_at)
        categories = "、".join(dict.fromkeys(label("category", v.report.category) for v in views))
        rows.append([grid, place, len(views), categories, "、".join(_code(v) for v in views),
                     _day(views[-1].reported_at)])  # fmt: skip
    columns = ("unit", "place", "times", "categories", "codes", "last")
    return Sheet(t("joint.sheet.repeats"), [t(f"joint.col.{c}") for c in columns], rows)


def long_open_sheet(units: Sequence[UnitMonth], today: dt.date) -> Sheet:
    """联动分析: the problems open more than :data:`LONG_OPEN_DAYS` days, the longest first."""
    rows: list[tuple[int, list[object]]] = []
    for unit, households, view in _problems(units):
        days = (today - dt.date.fromisoformat(view.reported_at[:10])).days
        if view.is_open and days > LONG_OPEN_DAYS:
            rows.append((days, [
                _code(view), unit.grid, _where(unit, households, view), label("category", view.report.category),
                view.report.description, _day(view.reported_at), days, label("status", view.shown_status),
                _escalated_to(view),
            ]))  # fmt: skip
    rows.sort(key=lambda r: -r[0])
    columns = ("code", "unit", "place", "category", "description", "reported", "days", "status", "to")
    return Sheet(t("joint.sheet.long_open"), [t(f"joint.col.{c}") for c in columns], [r for _, r in rows])


def feedback_sheet(units: Sequence[UnitMonth], month: str) -> Sheet:
    """问题反馈: every problem closed in ``month`` and what the residents were told, and first every problem solved
    (or decided cannot be solved) whose residents have not been told yet — the feedback still owed."""
    rows: list[tuple[bool, str, list[object]]] = []
    for unit, households, view in _problems(units):
        closed_now = not view.is_open and (view.state.closed_at or "").startswith(month)
        if not (closed_now or view.needs_feedback):
            continue
        told = [f"{_day(e.at)[5:]} {event_summary(e, names=False)}" for e in view.feedback]
        if view.status == "unsolvable" and view.state.notice:
            told.append(t("ledger.text.notice", text=view.state.notice))
        rows.append((bool(told), view.state.closed_at or "", [
            _code(view), unit.grid, _where(unit, households, view), label("category", view.report.category),
            label("status", view.shown_status), _day(view.state.closed_at), "；".join(told) or t("joint.none_told"),
        ]))  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[1]))
    columns = ("code", "unit", "place", "category", "status", "closed", "told")
    return Sheet(t("joint.sheet.feedback"), [t(f"joint.col.{c}") for c in columns], [r for _, _, r in rows])


def joint_sheets(
    units: Sequence[UnitMonth],
    month: str,
    today: dt.date,
    patrols: Sequence[PatrolRow] = (),
    companies: Mapping[str, str] | None = None,
) -> list[Sheet]:
    """The five sheets, in the seeds' order: patrols, handling, analysis (repeats, long open), feedback.  What is
    open is as of ``today`` (the date the report is made, which its subtitle prints)."""
    return [joint_patrol_sheet(patrols), joint_handling_sheet(units, today, companies), repeats_sheet(units, month),
            long_open_sheet(units, today), feedback_sheet(units, month)]  # fmt: skip
