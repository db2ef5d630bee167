"""A problem as the ledger shows it: the facts of its report, its ordered log and the state derived from it.

The facts (category, place, description, reporter, urgency) live in the data of the ``reported`` event, as
later ``corrected`` events amend them (the latest wins for each field), so a problem is nothing but its
events.  :func:`validate_report` checks them; :class:`ProblemView` is built from the events of one problem
and answers the ledger's questions (status, due date, overdue, what was done, who was told).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.problem import (
    CATEGORIES,
    CLOSED_STATUSES,
    CORRECTABLE,
    URGENCIES,
    ProblemEvent,
    ProblemState,
    derive,
    due_date,
    is_late,
    is_overdue,
    ordered,
    step,
)
from fieldgrid.model.validation import control_errors

# Emergencies that come with a number to call before anything else (issue: "Emergencies come first").
EMERGENCY_KINDS: dict[str, str] = {"fire": "119", "gas": "119", "medical": "120", "violence": "110"}
# What the leader does in an emergency, in this order; each step ticked on the emergency screen is kept in the
# report (``checklist``: step → the minute it was ticked), so the ledger shows who was called and when.
EMERGENCY_STEPS: tuple[str, ...] = ("call", "property", "community")


@dataclass(frozen=True)
class Report:
    """What a leader writes when a problem is found."""

    category: str
    description: str
    urgency: str = "normal"
    household_id: str | None = None  # the place is a household …
    place: str = ""  # … or a shared place, as typed (楼道, 3楼电梯口)
    reporter: str = ""  # who raised it: a resident's name, 本人 (the leader), 巡查
    emergency: str | None = None  # fire / gas / medical / violence, for 紧急 problems
    source: Mapping[str, str] | None = None  # {"patrol": id, "item": code} when a patrol finding
    checklist: Mapping[str, str] | None = None  # emergency step → ISO minute it was ticked (EMERGENCY_STEPS)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "category": self.category,
            "description": self.description,
            "urgency": self.urgency,
            "household_id": self.household_id,
            "place": self.place,
            "reporter": self.reporter,
        }
        if self.emergency:
            data["emergency"] = self.emergency
        if self.source:
            data["source"] = dict(self.source)
        if self.checklist:
            data["checklist"] = dict(self.checklist)
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            category=data.get("category", "other"),
            description=data.get("description", ""),
            urgency=data.get("urgency", "normal"),
            household_id=data.get("household_id"),
            place=data.get("place", ""),
            reporter=data.get("reporter", ""),
            emergency=data.get("emergency"),
            source=data.get("source"),
            checklist=data.get("checklist"),
        )

    @property
    def is_emergency(self) -> bool:
        """紧急: shown as such everywhere and listed before every other problem."""
        return self.urgency == "emergency"


def _checklist_errors(report: Report) -> list[ValidationError]:
    if not report.checklist:
        return []
    if report.emergency is None:
        return [ValidationError("checklist", "error.problem.checklist_without_emergency")]
    errors = []
    for done, at in report.checklist.items():
        if done not in EMERGENCY_STEPS:
            errors.append(ValidationError("checklist", "error.problem.checklist_step", value=done))
            continue
        try:
            dt.datetime.fromisoformat(str(at))
        except ValueError:
            errors.append(ValidationError("checklist", "error.problem.checklist_time", value=at))
    return errors


def validate_report(report: Report, categories: Collection[str] = CATEGORIES) -> Report:
    """The report cleaned, or every error at once; ``categories``: those in force (the scenario packs')."""
    errors: list[ValidationError] = control_errors(
        description=report.description, place=report.place, reporter=report.reporter
    )
    if report.category not in categories:
        errors.append(ValidationError("category", "error.problem.category", value=report.category))
    if report.urgency not in URGENCIES:
        errors.append(ValidationError("urgency", "error.problem.urgency", value=report.urgency))
    description = report.description.strip()
    if not description:
        errors.append(ValidationError("description", "error.problem.description_missing"))
    place = report.place.strip()
    if not report.household_id and not place:
        errors.append(ValidationError("place", "error.problem.place_missing"))
    if report.emergency is not None and report.emergency not in EMERGENCY_KINDS:
        errors.append(ValidationError("emergency", "error.problem.emergency_kind", value=report.emergency))
    errors.extend(_checklist_errors(report))
    if errors:
        raise ValidationErrors(errors)
    return Report(
        category=report.category,
        description=description,
        urgency=report.urgency,
        household_id=report.household_id or None,
        place=place,
        reporter=report.reporter.strip(),
        emergency=report.emergency,
        source=report.source,
        checklist={step: report.checklist[step] for step in EMERGENCY_STEPS if step in report.checklist}
        if report.checklist
        else None,
    )


@dataclass(frozen=True)
class ProblemView:
    """One problem, read from its events (any order; the view orders them)."""

    id: str
    report: Report
    reported_at: str
    events: tuple[ProblemEvent, ...]
    state: ProblemState

    @classmethod
    def from_events(cls, events: Iterable[ProblemEvent]) -> ProblemView | None:
        """``None`` when the log has no ``reported`` event (an orphan from a partial merge)."""
        log = ordered(events)
        first = next((e for e in log if e.kind == "reported"), None)
        if first is None:
            return None
        data = dict(first.data)
        for event in log:  # corrections, in the log's order: for each field the latest wins
            if event.kind == "corrected" and isinstance(event.data.get("changes"), Mapping):
                data.update({k: v for k, v in event.data["changes"].items() if k in CORRECTABLE})
        return cls(first.problem_id, Report.from_data(data), first.at, tuple(log), derive(log))

    @property
    def status(self) -> str:
        return self.state.status or "pending"

    @property
    def shown_status(self) -> str:
        """The status word that says what comes next: a solved problem reads 已解决待反馈 until the residents are
        told, then 已反馈待办结 (``fed_back``) until it is closed; otherwise :attr:`status`."""
        if self.status == "resolved" and self.state.feedback_given:
            return "fed_back"
        return self.status

    @property
    def due(self) -> dt.date:
        return due_date(self.reported_at, self.report.urgency)

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.state, self.reported_at, self.report.urgency, today)

    @property
    def is_open(self) -> bool:
        return self.status not in ("closed", "unsolvable")

    @property
    def last_at(self) -> str:
        return self.events[-1].at

    def of_kind(self, *kinds: str) -> list[ProblemEvent]:
        return [e for e in self.events if e.kind in kinds]

    @property
    def feedback(self) -> list[ProblemEvent]:
        return self.of_kind("feedback")

    @property
    def needs_feedback(self) -> bool:
        """Solved (or decided) but the residents not yet told since: feedback owed on a solved problem, or the
        notice on one the community decided cannot be solved."""
        return (self.status == "resolved" and not self.state.feedback_given) or self.status == "notice_due"


@dataclass(frozen=True)
class ProblemFigures:
    """What the month's figures count of a problem: when it was reported, when it is due, its status, when it
    was closed, how many times residents were told, when it was escalated; ``n``: how many problems alike (the
    station counts alike problems together: ``reported_at`` and ``closed_at`` then hold only their month).  Kept
    by the station beside the problem's events (plain: no words), so a district's figures need not read them."""

    reported_at: str
    due: str  # ISO date
    status: str
    closed_at: str | None
    feedback: int
    escalated: tuple[str, ...]
    n: int = 1

    @classmethod
    def of(cls, view: ProblemView) -> ProblemFigures:
        return cls(view.reported_at, view.due.isoformat(), view.status, view.state.closed_at, len(view.feedback),
                   tuple(e.at for e in view.of_kind("escalated")))  # fmt: skip

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def overdue(self, today: dt.date) -> bool:
        return is_late(self.status, dt.date.fromisoformat(self.due), today)


# What a step's form would hold, enough for :func:`refusal` to hear only what the rules say of the step now.
_TRIAL_DATA: dict[str, dict[str, str]] = {
    "note": {"text": "-"},
    "handled": {"text": "-"},
    "escalated": {"to": "property", "reason": "-"},
    "decision": {"outcome": "in_progress", "text": "-"},
    "feedback": {"how": "phone", "to": "-", "text": "-"},
    "closed": {"notice": "-", "note": "-", "text": "-"},
    "reopened": {"reason": "-"},
}


def refusal(view: ProblemView, kind: str, **data: str) -> ValidationError | None:
    """Why the rules refuse a ``kind`` step on ``view`` now, whatever its form would hold (closing a solved
    problem before the residents were told, say); ``None`` when the step can be taken.  Asked before a form
    opens, so nobody fills one in vain."""
    event = ProblemEvent(view.id, kind, view.last_at, {**_TRIAL_DATA.get(kind, {}), **data}, stamp="~")
    try:
        step(view.state, event)
    except ValidationError as exc:
        return exc
    return None


def group_events(events: Iterable[ProblemEvent]) -> dict[str, list[ProblemEvent]]:
    by_problem: dict[str, list[ProblemEvent]] = {}
    for event in events:
        by_problem.setdefault(event.problem_id, []).append(event)
    return by_problem


def build_views(events: Iterable[ProblemEvent]) -> list[ProblemView]:
    """Every problem in ``events``: open 紧急 ones first, then newest report first."""
    views = [v for v in (ProblemView.from_events(log) for log in group_events(events).values()) if v is not None]
    views.sort(key=lambda v: v.reported_at, reverse=True)
    return emergencies_first(views)


def emergencies_first(views: Iterable[ProblemView]) -> list[ProblemView]:
    """``views`` in the order given, except that open 紧急 problems come before all others (stable sort)."""
    return sorted(views, key=lambda v: not (v.report.is_emergency and v.is_open))
