"""The problem ledger (问题台账) as an append-only event log, and the status derived from it.

A problem is its ``reported`` event plus everything that happened after: notes, handling on the spot,
escalation, the decision that came back, feedback to residents, closing, reopening.  Status is never
stored: :func:`derive` folds the log.  ``check_append`` is the strict rule used when a leader adds an
event; ``derive`` itself is total, so a log merged from several devices always has a status (events that
do not apply at their place in the order are skipped, never lost).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.errors import Label, ValidationError
from fieldgrid.model.household import new_id

CATEGORIES: tuple[str, ...] = (
    "facility_repair",  # 设施维修
    "sanitation",  # 环境卫生
    "noise",  # 噪音扰民
    "safety_hazard",  # 安全隐患
    "dispute",  # 矛盾纠纷
    "property_service",  # 物业服务
    "livelihood",  # 民生服务/代办
    "policy_inquiry",  # 政策咨询
    "other",  # 其他
)
URGENCIES: tuple[str, ...] = ("normal", "urgent", "emergency")  # 一般 / 较急 / 紧急
DUE_DAYS: dict[str, int] = {"normal": 7, "urgent": 3, "emergency": 1}
ESCALATION_TARGETS: tuple[str, ...] = ("property", "community", "street")
FEEDBACK_CHANNELS: tuple[str, ...] = ("in_person", "phone", "wechat_group", "notice")
DECISION_OUTCOMES: tuple[str, ...] = ("resolved", "in_progress", "unsolvable")
EVENT_KINDS: tuple[str, ...] = (
    "reported",
    "note",
    "handled",
    "escalated",
    "decision",
    "feedback",
    "closed",
    "reopened",
    "corrected",  # category, place, urgency or description corrected, with the reason: the report stays as written
)
CORRECTABLE: tuple[str, ...] = ("category", "urgency", "description", "household_id", "place")
STATUSES: tuple[str, ...] = (
    "pending",  # 待处理
    "in_progress",  # 处理中
    "escalated",  # 已上报
    "resolved",  # 已解决待反馈
    "notice_due",  # 无法解决待公告: the community decided it cannot be solved; the residents are owed a notice
    "closed",  # 已办结
    "unsolvable",  # 无法解决(已公告)
)
OPEN_STATUSES = frozenset({"pending", "in_progress", "escalated", "resolved", "notice_due"})
CLOSED_STATUSES = frozenset({"closed", "unsolvable"})


@dataclass(frozen=True)
class ProblemEvent:
    problem_id: str
    kind: str
    at: str  # ISO 8601 local date-time, minutes precision is enough
    data: Mapping[str, Any] = field(default_factory=dict)
    stamp: str = ""  # the clock stamp of the device that wrote it: breaks ties in ``at``
    id: str = field(default_factory=new_id)

    def order_key(self) -> tuple[str, int, str, str]:
        return (self.at, 0 if self.kind == "reported" else 1, self.stamp, self.id)


@dataclass(frozen=True)
class ProblemState:
    status: str | None = None
    feedback_given: bool = False  # feedback recorded since the problem was last resolved
    resolved_at: str | None = None
    closed_at: str | None = None
    escalated_to: str | None = None
    notice: str | None = None


def _refuse(kind: str, status: str | None) -> ValidationError:
    return ValidationError(
        "kind", "error.problem.event_not_allowed", kind=Label("event", kind), status=Label("status", status or "none")
    )


def step(state: ProblemState, event: ProblemEvent) -> ProblemState:
    """The state after ``event``, or :class:`ValidationError` when the rules do not allow it here."""
    kind, status, data = event.kind, state.status, event.data
    if kind not in EVENT_KINDS:
        raise ValidationError("kind", "error.problem.event_unknown", kind=kind)
    if status is None:
        if kind != "reported":
            raise ValidationError("problem_id", "error.problem.unknown", id=event.problem_id)
        return ProblemState(status="pending")
    if kind == "reported":
        raise _refuse(kind, status)
    if kind == "corrected":  # allowed in every status: a closed problem's ledger line may be wrong too
        changes = data.get("changes")
        if not isinstance(changes, Mapping) or not changes or any(k not in CORRECTABLE for k in changes):
            raise ValidationError("changes", "error.correction.nothing")
        if not str(data.get("reason", "")).strip():
            raise ValidationError("reason", "error.correction.reason_missing")
        return state
    if kind == "reopened":
        if status not in CLOSED_STATUSES:
            raise _refuse(kind, status)
        return ProblemState(status="in_progress")
    if status in CLOSED_STATUSES:
        if kind == "note":
            return state
        raise _refuse(kind, status)
    if kind == "note":
        return state
    if kind == "handled":
        return ProblemState(status="resolved", resolved_at=event.at, escalated_to=state.escalated_to)
    if kind == "escalated":
        target = data.get("to")
        if target not in ESCALATION_TARGETS:
            raise ValidationError("to", "error.problem.escalation_target", value=target)
        if not str(data.get("reason", "")).strip():
            raise ValidationError("reason", "error.problem.reason_missing")
        return ProblemState(status="escalated", escalated_to=target)
    if kind == "decision":
        outcome = data.get("outcome", "in_progress")
        if outcome not in DECISION_OUTCOMES:
            raise ValidationError("outcome", "error.problem.outcome", value=outcome)
        if not str(data.get("text", "")).strip():
            raise ValidationError("text", "error.problem.decision_missing")
        if outcome == "resolved":
            return ProblemState(status="resolved", resolved_at=event.at, escalated_to=state.escalated_to)
        if outcome == "unsolvable":  # nothing more to do but tell the residents why: not late, not in progress
            return ProblemState(status="notice_due", escalated_to=state.escalated_to)
        return ProblemState(status="in_progress", escalated_to=state.escalated_to, feedback_given=False)
    if kind == "feedback":
        if data.get("how") not in FEEDBACK_CHANNELS:
            raise ValidationError("how", "error.problem.feedback_channel", value=data.get("how"))
        if not str(data.get("to", "")).strip():
            raise ValidationError("to", "error.problem.feedback_to")
        return ProblemState(
            status=status,
            feedback_given=True,
            resolved_at=state.resolved_at,
            escalated_to=state.escalated_to,
        )
    # kind == "closed"
    resolution = data.get("resolution", "solved")
    if resolution == "solved":
        if status != "resolved":
            raise ValidationError("resolution", "error.problem.close_unresolved")
        if not state.feedback_given:
            raise ValidationError("feedback", "error.problem.close_without_feedback")
        return ProblemState(status="closed", feedback_given=True, resolved_at=state.resolved_at, closed_at=event.at)
    if resolution == "unsolvable":
        notice = str(data.get("notice", "")).strip()
        if not notice:
            raise ValidationError("notice", "error.problem.notice_missing")
        return ProblemState(status="unsolvable", feedback_given=True, closed_at=event.at, notice=notice)
    if resolution == "household_left":  # the household it concerned moved out or died: closed with a note
        if not str(data.get("note", "")).strip():
            raise ValidationError("note", "error.problem.text_missing")
        return ProblemState(status="closed", feedback_given=state.feedback_given, closed_at=event.at)
    raise ValidationError("resolution", "error.problem.resolution", value=resolution)


def ordered(events: Iterable[ProblemEvent]) -> list[ProblemEvent]:
    """The log in its one canonical order (by time, then clock stamp, then id): the same on every device."""
    unique = {e.id: e for e in events}
    return sorted(unique.values(), key=ProblemEvent.order_key)


def derive(events: Iterable[ProblemEvent]) -> ProblemState:
    """The state of a problem from its log.  Total: an event that does not apply where it falls in the
    canonical order is skipped (it stays in the log)."""
    state = ProblemState()
    for event in ordered(events):
        try:
            state = step(state, event)
        except ValidationError:
            continue
    return state


TEXT_REQUIRED = frozenset({"note"})  # a note is its text


def check_append(events: Iterable[ProblemEvent], event: ProblemEvent) -> ProblemState:
    """The strict rule for adding ``event`` to a log: it must apply after every event already there."""
    log = ordered(events)
    if log and event.order_key() < log[-1].order_key():
        raise ValidationError("at", "error.problem.event_before_last")
    state = step(derive(log), event)
    if event.kind in TEXT_REQUIRED and not str(event.data.get("text", "")).strip():
        raise ValidationError("text", "error.problem.text_missing")  # an empty note tells the ledger nothing
    return state


def due_date(reported_at: str, urgency: str) -> dt.date:
    return dt.datetime.fromisoformat(reported_at).date() + dt.timedelta(days=DUE_DAYS[urgency])


def is_overdue(state: ProblemState, reported_at: str, urgency: str, today: dt.date) -> bool:
    """Open past its due date; a problem decided unsolvable waits only for its notice and is never late."""
    return is_late(state.status, due_date(reported_at, urgency), today)


def is_late(status: str | None, due: dt.date, today: dt.date) -> bool:
    """:func:`is_overdue` for a problem whose status and due date are known."""
    return status in OPEN_STATUSES and status != "notice_due" and today > due
