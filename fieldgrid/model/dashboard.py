"""What matters now, counted for the first screen: the stairwell map's marks per household and the
dashboard's figures.  Pure functions over lists, one pass each, so the whole picture of five years of a
unit is built in milliseconds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from fieldgrid.model.cadence import Care
from fieldgrid.model.due import deadline_stage, household_care_stage
from fieldgrid.model.household import Household, floor_of_room
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.places import SHOPS, STAIRWELL, VILLAGE, street_order, village_parts
from fieldgrid.model.visit import Visit
from fieldgrid.model.vocabulary import SPECIAL_ATTENTION_TAGS

RECENT_DAYS = 30  # households not visited for this long are counted (the leader's setting, by default)
ATTENTION_DAYS = 7  # special-attention households: visited weekly


@dataclass(frozen=True)
class RoomState:
    """How one household is marked on the map."""

    household: Household
    visited: bool  # visited in the last 30 days
    attention: bool  # a special-attention household (独居老人, 残疾人, 留守儿童, 重点关注)
    open_problems: int
    overdue: bool
    vacant: bool
    soon: bool = False  # an open problem due within a day (its yellow stage)
    care: str | None = None  # ``due`` (a visit due today or tomorrow) or ``overdue`` (a visit or follow-up late)
    emergency: bool = False  # an open 紧急 problem: marked as such, before anything else


@dataclass(frozen=True)
class Dashboard:
    households: int = 0
    people: int = 0
    lived_in: int = 0
    not_visited: int = 0  # lived-in households not visited in the last ``visit_days``
    attention_not_visited: int = 0  # special-attention households not visited in the last ``attention_days``
    follow_ups_due: int = 0  # follow-up dates reached with no visit since
    open_problems: int = 0
    emergencies: int = 0  # open 紧急 problems
    overdue: int = 0
    awaiting_feedback: int = 0
    escalated: int = 0  # escalated and waiting for the decision
    by_status: dict[str, int] = field(default_factory=dict)  # open problems by status
    visits_this_month: int = 0
    month_kinds: dict[str, int] = field(default_factory=dict)  # this month's visits by kind (代办, 调解, 隐患排查 …)
    handled_this_month: int = 0  # solved on the spot
    escalated_this_month: int = 0
    closed_this_month: int = 0  # closed after feedback (or with a notice)
    rooms: dict[str, RoomState] = field(default_factory=dict)  # by household id


def floor_of(household: Household) -> int | None:
    return household.floor if household.floor is not None else floor_of_room(household.room)


def build(
    households: Sequence[Household],
    visits: Iterable[Visit],
    problems: Iterable[ProblemView],
    now: dt.datetime,
    *,
    visit_days: int = RECENT_DAYS,
    attention_days: int = ATTENTION_DAYS,
    care: Mapping[str, Care] | None = None,
) -> Dashboard:
    """The map's marks and the dashboard's numbers; with ``care`` (:func:`fieldgrid.model.cadence.care_all`) the
    map also marks households whose visit is due or overdue."""
    today = now.date()
    recent = (now - dt.timedelta(days=visit_days)).isoformat(timespec="minutes")
    weekly = (now - dt.timedelta(days=attention_days)).isoformat(timespec="minutes")
    month = today.strftime("%Y-%m")
    last_visit: dict[str, str] = {}
    follow_up: dict[str, tuple[str, str]] = {}  # household → (visit time, follow-up date) of its latest visit
    visits_this_month = 0
    kinds: dict[str, int] = {}
    for visit in visits:
        key = visit.household_id
        if visit.at > last_visit.get(key, ""):
            last_visit[key] = visit.at
            follow_up[key] = (visit.at, visit.follow_up or "")
        if visit.at.startswith(month):
            visits_this_month += 1
            kinds[visit.kind] = kinds.get(visit.kind, 0) + 1
    open_by: dict[str, int] = {}
    overdue_by: set[str] = set()
    soon_by: set[str] = set()
    emergency_by: set[str] = set()
    emergencies = 0
    open_problems = overdue = awaiting = escalated = closed = handled = sent_up = 0
    by_status: dict[str, int] = {}
    for view in problems:
        for event in view.events:
            if event.at.startswith(month):
                handled += event.kind == "handled"
                sent_up += event.kind == "escalated"
        if view.is_open:
            by_status[view.status] = by_status.get(view.status, 0) + 1
            open_problems += 1
            late = view.overdue(today)
            overdue += late
            awaiting += view.needs_feedback
            escalated += view.status == "escalated"
            emergencies += view.report.is_emergency
            where = view.report.household_id
            if where:
                open_by[where] = open_by.get(where, 0) + 1
                if view.report.is_emergency:
                    emergency_by.add(where)
                if late:
                    overdue_by.add(where)
                elif deadline_stage(view, today) == "soon":
                    soon_by.add(where)
        elif (view.state.closed_at or "").startswith(month) and (view.feedback or view.status == "unsolvable"):
            closed += 1
    rooms: dict[str, RoomState] = {}
    not_visited = attention_not_visited = lived_in = 0
    for h in households:
        vacant = h.is_vacant
        last = last_visit.get(h.id, "")
        visited = last >= recent
        attention = bool(SPECIAL_ATTENTION_TAGS.intersection(h.tags))
        if not vacant:
            lived_in += 1
            not_visited += not visited
            attention_not_visited += attention and last < weekly
        stage = household_care_stage(care.get(h.id), today) if care is not None else None
        rooms[h.id] = RoomState(h, visited, attention, open_by.get(h.id, 0), h.id in overdue_by, vacant,
                                h.id in soon_by, stage, h.id in emergency_by)  # fmt: skip
    due = sum(1 for _, date in follow_up.values() if date and date <= today.isoformat())
    return Dashboard(
        households=len(households),
        people=sum(len(h.living) for h in households),
        lived_in=lived_in,
        not_visited=not_visited,
        attention_not_visited=attention_not_visited,
        follow_ups_due=due,
        open_problems=open_problems,
        emergencies=emergencies,
        overdue=overdue,
        awaiting_feedback=awaiting,
        escalated=escalated,
        by_status=by_status,
        visits_this_month=visits_this_month,
        month_kinds=kinds,
        handled_this_month=handled,
        escalated_this_month=sent_up,
        closed_this_month=closed,
        rooms=rooms,
    )


def floors(households: Iterable[Household]) -> list[tuple[int | None, list[Household]]]:
    """Households by floor, top floor first, each floor's rooms in order; rooms with no floor last."""
    by_floor: dict[int | None, list[Household]] = {}
    for h in households:
        by_floor.setdefault(floor_of(h), []).append(h)
    numbered = sorted((f for f in by_floor if f is not None), reverse=True)
    order: list[int | None] = [*numbered, *([None] if None in by_floor else [])]
    return [(f, sorted(by_floor[f], key=lambda h: h.room)) for f in order]


def map_rows(
    households: Iterable[Household], grid_kind: str = STAIRWELL, per_row: int = 4
) -> list[tuple[int | None, bool, list[Household]]]:
    """How the map lays a grid out, as rows of (floor or group, whether the row starts it, its households):
    a stairwell by floor (:func:`floors`); a village by group (3组 first), each group's houses in number order,
    ``per_row`` to a row; a shop street's numbers in order and an institution's units by code, ``per_row`` to a
    row (no label)."""
    if grid_kind == STAIRWELL:
        return [(floor, True, hs) for floor, hs in floors(households)]
    rows: list[tuple[int | None, bool, list[Household]]] = []
    if grid_kind == VILLAGE:
        by_group: dict[int | None, list[Household]] = {}
        for h in households:
            parts = village_parts(h.room)
            by_group.setdefault(parts[0] if parts else None, []).append(h)
        groups = [*sorted(g for g in by_group if g is not None), *([None] if None in by_group else [])]
        for group in groups:
            houses = sorted(by_group[group], key=lambda h: (village_parts(h.room) or (0, 0))[1])
            for start in range(0, len(houses), per_row):
                rows.append((group, start == 0, houses[start : start + per_row]))
        return rows
    ordered = sorted(households, key=lambda h: street_order(h.room) if grid_kind == SHOPS else (0, 0, h.room))
    return [(None, start == 0, ordered[start : start + per_row]) for start in range(0, len(ordered), per_row)]
