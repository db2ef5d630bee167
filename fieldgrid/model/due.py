"""The due list (今日待办): everything owed today or soon, most urgent first, and the lists behind the dashboard's
numbers.  Pure functions over households, visits, problem views, the care cadence and today's date.

An entry is a household owed a visit (its follow-up date reached, its cadence visit due, a visit within a day
after a hospital stay, a bereavement or a fall, never visited at all) or a problem (near or past its deadline;
escalated and waiting long for the decision).  Order: the earliest due date first (the most overdue on top),
then by what it is (:data:`PRIORITY`), then by room.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from fieldgrid.model.cadence import AFTER_EVENT, Cadence, Care, care_all, is_served
from fieldgrid.model.household import Household
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.visit import Visit
from fieldgrid.model.vocabulary import SPECIAL_ATTENTION_TAGS

ESCALATION_WAIT_DAYS = 7  # an escalated problem waiting this long for its decision is on the due list
SOON_DAYS = 1  # a problem due within a day is in its yellow stage

# Of two entries due the same day, which comes first.
PRIORITY: dict[str, int] = {
    AFTER_EVENT: 0,
    "problem": 1,
    "follow_up": 2,
    "never": 3,
    "cadence": 4,
    "escalated": 5,
    "not_visited": 6,
    "feedback": 7,
    "open": 8,
}

# The dashboard's numbers, each the name of a list
LISTS: tuple[str, ...] = ("today", "not_visited", "attention", "follow_ups", "open", "overdue", "feedback", "escalated")


class DueEntry(NamedTuple):
    kind: str  # a key of PRIORITY
    due: dt.date
    today: dt.date
    household_id: str | None = None
    problem_id: str | None = None
    room: str = ""  # the household's room, or the problem's place as typed
    rule: str = ""  # the cadence rule (a tag, age80, everyone) of a cadence visit
    days: int = 0  # the cadence in days, or how long an escalated problem has waited
    category: str = ""  # a problem's category code
    description: str = ""  # a problem's description
    urgency: str = ""  # a problem's urgency code

    @property
    def late(self) -> int:
        """Days past due (0 when due today, negative when it falls due later)."""
        return (self.today - self.due).days

    @property
    def stage(self) -> str:
        """``overdue`` (red), ``soon`` (yellow: due within a day) or ``later``."""
        if self.late > 0:
            return "overdue"
        return "soon" if -self.late <= SOON_DAYS else "later"

    @property
    def is_emergency(self) -> bool:
        return self.urgency == "emergency"

    def sort_key(self) -> tuple[bool, dt.date, int, str, str]:
        """紧急 problems first, then by due date and priority."""
        due = (self.due, PRIORITY.get(self.kind, 9), self.room, self.household_id or self.problem_id or "")
        return (not self.is_emergency, *due)


def deadline_stage(view: ProblemView, today: dt.date) -> str | None:
    """A problem's deadline as colours show it: ``overdue`` (red), ``soon`` (yellow: due within a day), ``ok``;
    ``None`` for one with no deadline left (closed, or waiting only for its notice)."""
    if not view.is_open or view.status == "notice_due":
        return None
    if view.overdue(today):
        return "overdue"
    return "soon" if (view.due - today).days <= SOON_DAYS else "ok"


def escalated_since(view: ProblemView) -> dt.date | None:
    """When an escalated problem still waiting for its decision was escalated (the latest time)."""
    if view.status != "escalated":
        return None
    times = [e.at for e in view.events if e.kind == "escalated"]
    return dt.date.fromisoformat(max(times)[:10]) if times else None


def waiting_days(view: ProblemView, today: dt.date) -> int | None:
    since = escalated_since(view)
    return None if since is None else (today - since).days


def _problem_entry(view: ProblemView, kind: str, due: dt.date, today: dt.date, rooms: Mapping[str, str],
                   days: int = 0) -> DueEntry:  # fmt: skip
    where = view.report.household_id
    return DueEntry(
        kind, due, today, household_id=None, problem_id=view.id,
        room=rooms.get(where, "") if where else view.report.place, days=days, category=view.report.category,
        description=view.report.description, urgency=view.report.urgency,
    )  # fmt: skip


def household_entries(care: Care, room: str, today: dt.date, horizon: dt.date) -> list[DueEntry]:
    """A household's entries falling due by ``horizon``: its follow-up, its cadence (or after-event) visit."""
    found: list[DueEntry] = []
    if care.follow_up is not None and care.follow_up <= horizon:
        found.append(DueEntry("follow_up", care.follow_up, today, household_id=care.household_id, room=room))
    if care.due <= horizon:
        found.append(DueEntry(care.reason, care.due, today, household_id=care.household_id, room=room,
                              rule=care.rule, days=care.days))  # fmt: skip
    return found


def problem_entry(view: ProblemView, today: dt.date, horizon: dt.date, rooms: Mapping[str, str]) -> DueEntry | None:
    """A problem's entry when its deadline is near (within a day, or by ``horizon``) or past, or when it has waited
    :data:`ESCALATION_WAIT_DAYS` or more for a decision."""
    if view.status == "escalated":
        since = escalated_since(view)
        if since is None:
            return None
        due = since + dt.timedelta(days=ESCALATION_WAIT_DAYS)
        return _problem_entry(view, "escalated", due, today, rooms, (today - since).days) if due <= horizon else None
    if view.status in ("closed", "unsolvable", "notice_due"):  # no deadline left (the same as deadline_stage)
        return None
    due = view.due
    if (due - today).days <= SOON_DAYS or due <= horizon:
        return _problem_entry(view, "problem", due, today, rooms)
    return None


def due_list(
    households: Sequence[Household],
    visits: Iterable[Visit],
    problems: Iterable[ProblemView],
    cadence: Cadence,
    today: dt.date,
    days: int = 0,
) -> list[DueEntry]:
    """What is due today (and within ``days`` more days) or overdue, most urgent first."""
    horizon = today + dt.timedelta(days=max(0, days))
    rooms = {h.id: h.room for h in households}
    entries: list[DueEntry] = []
    for household_id, care in care_all(households, visits, cadence, today).items():
        entries.extend(household_entries(care, rooms[household_id], today, horizon))
    for view in problems:
        entry = problem_entry(view, today, horizon, rooms)
        if entry is not None:
            entries.append(entry)
    entries.sort(key=DueEntry.sort_key)
    return entries


def dashboard_list(
    name: str,
    households: Sequence[Household],
    visits: Sequence[Visit],
    problems: Sequence[ProblemView],
    cadence: Cadence,
    now: dt.datetime,
    *,
    visit_days: int = 30,
    attention_days: int = 7,
) -> list[DueEntry]:
    """The list behind one of the dashboard's numbers (:data:`LISTS`), counted as
    :func:`fieldgrid.model.dashboard.build` counts it."""
    today = now.date()
    if name == "today":
        return due_list(households, visits, problems, cadence, today)
    rooms = {h.id: h.room for h in households}
    entries: list[DueEntry] = []
    if name in ("not_visited", "attention", "follow_ups"):
        last: dict[str, Visit] = {}
        for visit in visits:
            if visit.at > (last[visit.household_id].at if visit.household_id in last else ""):
                last[visit.household_id] = visit
        for h in households:
            latest = last.get(h.id)
            at = latest.at if latest else ""
            if name == "follow_ups":
                if latest is not None and latest.follow_up and latest.follow_up <= today.isoformat():
                    date = dt.date.fromisoformat(latest.follow_up)
                    entries.append(DueEntry("follow_up", date, today, household_id=h.id, room=h.room))
                continue
            if h.residency == "vacant":
                continue
            days = visit_days if name == "not_visited" else attention_days
            if name == "attention" and not SPECIAL_ATTENTION_TAGS.intersection(h.tags):
                continue
            cutoff = (now - dt.timedelta(days=days)).isoformat(timespec="minutes")
            if at < cutoff:
                due = dt.date.fromisoformat(at[:10]) + dt.timedelta(days=days) if at else today
                entries.append(DueEntry("not_visited", due, today, household_id=h.id, room=h.room, days=days))
    else:
        for view in problems:
            if not view.is_open:
                continue
            wanted = (
                name == "open"
                or (name == "overdue" and view.overdue(today))
                or (name == "feedback" and view.needs_feedback)
                or (name == "escalated" and view.status == "escalated")
            )
            if not wanted:
                continue
            if name == "escalated":
                began = escalated_since(view) or today
                entries.append(_problem_entry(view, "escalated", began, today, rooms, (today - began).days))
            else:
                kind = "feedback" if name == "feedback" else "problem" if deadline_stage(view, today) else "open"
                entries.append(_problem_entry(view, kind, view.due, today, rooms))
    entries.sort(key=DueEntry.sort_key)
    return entries


def household_care_stage(care: Care | None, today: dt.date, within: int = SOON_DAYS) -> str | None:
    """How the map marks a household: ``overdue`` (a visit or follow-up past due), ``due`` (due today or within
    ``within`` days, or never visited), or ``None``."""
    if care is None:
        return None
    due = care.next_due
    if due < today:
        return "overdue"
    if care.reason == "never" or (due - today).days <= within:
        return "due"
    return None


__all__ = ["LISTS", "DueEntry", "dashboard_list", "deadline_stage", "due_list", "is_served", "waiting_days"]
