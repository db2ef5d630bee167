"""The problem ledger's rules: status is derived from the append-only event log, never stored."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.i18n import set_language, t
from fieldgrid.model.errors import ValidationError
from fieldgrid.model.problem import (
    CLOSED_STATUSES,
    STATUSES,
    ProblemEvent,
    ProblemState,
    check_append,
    derive,
    due_date,
    is_overdue,
)

PID = "p1"


def ev(kind: str, minute: int, serial: int = 0, **data: object) -> ProblemEvent:
    at = (dt.datetime(2026, 11, 1, 8, 0) + dt.timedelta(minutes=minute)).isoformat()
    return ProblemEvent(PID, kind, at, data, id=f"e{minute:05d}-{serial:03d}-{kind}")


def run(*events: ProblemEvent) -> list[ProblemEvent]:
    log: list[ProblemEvent] = []
    for event in events:
        check_append(log, event)
        log.append(event)
    return log


def test_a_new_problem_is_pending_and_notes_change_nothing() -> None:
    log = run(ev("reported", 0), ev("note", 1, text="住户说晚上更吵"))
    assert derive(log).status == "pending"


def test_the_closed_loop_handled_feedback_closed() -> None:
    log = run(
        ev("reported", 0),
        ev("handled", 5, text="疏通了下水道"),
        ev("feedback", 6, to="0601 张三", how="in_person"),
        ev("closed", 7, resolution="solved"),
    )
    assert derive(log).status == "closed"


def test_closing_without_feedback_is_refused_and_names_the_reason() -> None:
    log = run(ev("reported", 0), ev("handled", 5))
    with pytest.raises(ValidationError) as err:
        check_append(log, ev("closed", 6, resolution="solved"))
    assert err.value.key == "error.problem.close_without_feedback"
    assert derive(log).status == "resolved"


def test_feedback_before_the_problem_was_solved_does_not_count_for_closing() -> None:
    log = run(ev("reported", 0), ev("feedback", 1, to="全体住户", how="wechat_group"), ev("handled", 2))
    with pytest.raises(ValidationError):
        check_append(log, ev("closed", 3, resolution="solved"))


def test_escalation_decision_and_unsolvable_needs_a_notice() -> None:
    log = run(
        ev("reported", 0),
        ev("escalated", 1, to="community", reason="需要协调物业和业委会"),
        ev("decision", 2, text="外墙维修需业主表决", outcome="unsolvable"),
    )
    state = derive(log)
    assert state.status == "notice_due"  # decided: only the residents' notice is left, so it is never late
    assert not is_overdue(state, log[0].at, "emergency", dt.date(2030, 1, 1))
    with pytest.raises(ValidationError):
        check_append(log, ev("closed", 3, resolution="solved"))
    with pytest.raises(ValidationError) as err:
        check_append(log, ev("closed", 3, resolution="unsolvable", notice="  "))
    assert err.value.key == "error.problem.notice_missing"
    log = run(*log, ev("closed", 3, resolution="unsolvable", notice="外墙维修须经业主大会表决，暂无法处理。"))
    state = derive(log)
    assert (state.status, state.notice) == ("unsolvable", "外墙维修须经业主大会表决，暂无法处理。")


def test_reopen_only_after_closing() -> None:
    log = run(ev("reported", 0))
    with pytest.raises(ValidationError):
        check_append(log, ev("reopened", 1))
    log = run(*log, ev("closed", 1, resolution="unsolvable", notice="原因"), ev("reopened", 2))
    assert derive(log).status == "in_progress"


def test_events_for_an_unknown_problem_and_before_the_last_are_refused() -> None:
    with pytest.raises(ValidationError) as err:
        check_append([], ev("note", 0))
    assert err.value.key == "error.problem.unknown"
    log = run(ev("reported", 5))
    with pytest.raises(ValidationError) as err:
        check_append(log, ev("note", 1))
    assert err.value.key == "error.problem.event_before_last"


def test_refusal_message_names_status_and_event_in_the_users_language() -> None:
    log = run(ev("reported", 0), ev("closed", 1, resolution="unsolvable", notice="x"))
    with pytest.raises(ValidationError) as err:
        check_append(log, ev("handled", 2))
    try:
        assert t(err.value.key, **err.value.params) == "问题当前为「无法解决(已公告)」，不能记录「现场处理」"
        set_language("en")
        assert "Unsolvable (notice posted)" in t(err.value.key, **err.value.params)
    finally:
        set_language("zh_CN")


def test_due_dates_and_overdue() -> None:
    assert due_date("2026-11-01T08:00", "emergency") == dt.date(2026, 11, 2)
    assert due_date("2026-11-01T08:00", "normal") == dt.date(2026, 11, 8)
    pending = ProblemState(status="pending")
    assert is_overdue(pending, "2026-11-01T08:00", "urgent", dt.date(2026, 11, 5))
    assert not is_overdue(pending, "2026-11-01T08:00", "urgent", dt.date(2026, 11, 4))
    assert not is_overdue(ProblemState(status="closed"), "2026-11-01T08:00", "urgent", dt.date(2027, 1, 1))


# -- properties ---------------------------------------------------------------------------------

CANDIDATES = [
    ("note", {"text": "备注"}),
    ("handled", {"text": "已处理"}),
    ("escalated", {"to": "community", "reason": "需社区协调"}),
    ("escalated", {"to": "nobody", "reason": "x"}),
    ("escalated", {"to": "street", "reason": ""}),
    ("decision", {"text": "同意维修", "outcome": "resolved"}),
    ("decision", {"text": "继续跟进", "outcome": "in_progress"}),
    ("decision", {"text": "", "outcome": "resolved"}),
    ("feedback", {"to": "住户", "how": "phone"}),
    ("feedback", {"to": "住户", "how": "pigeon"}),
    ("closed", {"resolution": "solved"}),
    ("closed", {"resolution": "unsolvable", "notice": "公告"}),
    ("closed", {"resolution": "unsolvable"}),
    ("reopened", {}),
    ("reported", {}),
    ("teleported", {}),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(range(len(CANDIDATES))), max_size=25))
def test_any_sequence_gives_an_allowed_status_and_refusals_change_nothing(picks: list[int]) -> None:
    log = run(ev("reported", 0))
    for minute, pick in enumerate(picks, start=1):
        kind, data = CANDIDATES[pick]
        before = list(log)
        event = ev(kind, minute, **data)
        try:
            state = check_append(log, event)
        except ValidationError:
            assert log == before
            continue
        log.append(event)
        assert derive(log) == state
        assert state.status in STATUSES
        if state.status == "closed":
            # Closing with "solved" needs feedback recorded after the last time it was solved.
            solved = [i for i, e in enumerate(log) if e.kind == "handled" or e.data.get("outcome") == "resolved"]
            assert any(e.kind == "feedback" for e in log[solved[-1] :])
        if state.status == "unsolvable":
            assert state.notice
    # The log only grows; derived status depends on its content, not on the order it arrives in.
    shuffled = list(log) * 2
    random.Random(len(log)).shuffle(shuffled)
    assert derive(shuffled) == derive(log)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(range(len(CANDIDATES)))), max_size=20),
    st.randoms(use_true_random=False),
)
def test_merged_logs_always_have_a_status_and_lose_no_event(picks: list[tuple[int, int]], rng: random.Random) -> None:
    """Events from several devices, merged as a set union: derive is total and order-independent."""
    events = [ev("reported", 0)] + [
        ev(CANDIDATES[p][0], m, n + 1, **CANDIDATES[p][1]) for n, (m, p) in enumerate(picks)
    ]
    state = derive(events)
    assert state.status in STATUSES
    half = events[: len(events) // 2]
    rest = events[len(events) // 2 :]
    merged = rest + half + half
    rng.shuffle(merged)
    assert derive(merged) == state
    assert {e.id for e in merged} == {e.id for e in events}
    assert state.status not in CLOSED_STATUSES or any(e.kind == "closed" for e in events)
