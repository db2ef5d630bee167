"""Visits, patrols and problems in the store: append-only records, refusals that write nothing, problem views
derived from the log and kept per write, and one atomic write for a patrol with its problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldgrid.model import Household, Member, ValidationErrors
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import Patrol, PatrolItem, default_items
from fieldgrid.model.visit import Visit
from fieldgrid.store import NotFound, Store
from fieldgrid.store.field_work import PROBLEM_EVENTS
from fieldgrid.store.repository import DB_NAME

NOW = dt.datetime(2026, 11, 24, 10, 0)


class Clock:
    """Wall time the test sets; each read moves on by one millisecond, as time does."""

    def __init__(self, when: dt.datetime = NOW) -> None:
        self.ms = int(when.timestamp() * 1000)

    def __call__(self) -> int:
        self.ms += 1
        return self.ms


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path, now_ms=Clock())
    s.add_household(Household(room="0601", members=[Member(name="张建国", relation="self")]))
    s.add_household(Household(room="0602", members=[Member(name="李秀英", relation="self")]))
    return s


def room(store: Store, number: str) -> Household:
    return next(h for h in store.households() if h.room == number)


def disk(store: Store) -> bytes:
    return (store.home / DB_NAME).read_bytes()


def test_visits_newest_first_and_corrections_replace_in_listings(store: Store) -> None:
    h = room(store, "0601")
    first = store.add_visit(Visit(h.id, "2026-11-20T09:00", "routine", found="血压偏高"))
    store.add_visit(Visit(h.id, "2026-11-22T09:00", "errand", found="代缴水费"))
    fixed = store.add_visit(Visit(h.id, "2026-11-20T09:00", "routine", found="血压正常", corrects=first.id))
    shown = store.visits(h.id)
    assert [v.found for v in shown] == ["代缴水费", "血压正常"]
    assert {v.id for v in store.visits(h.id, corrected=True)} >= {first.id, fixed.id}
    assert store.last_visits() == {h.id: "2026-11-22T09:00"}


def test_visit_defaults_to_now_and_refuses_future_and_unknown_household(store: Store) -> None:
    h = room(store, "0601")
    assert store.add_visit(Visit(h.id, "")).at == "2026-11-24T10:00"
    before = disk(store)
    with pytest.raises(ValidationErrors) as exc:
        store.add_visit(Visit(h.id, "2026-11-25T09:00"))
    assert exc.value.errors[0].key == "error.visit.future"
    with pytest.raises(ValidationErrors) as exc:
        store.add_visit(Visit("nobody", "2026-11-23T09:00"))
    assert exc.value.errors[0].key == "error.household.not_found"
    with pytest.raises(ValidationErrors):
        store.add_visit(Visit(h.id, "2026-11-23T09:00", corrects="no-such-visit"))
    assert disk(store) == before


def test_problem_closed_loop_and_refusals_write_nothing(store: Store) -> None:
    h = room(store, "0602")
    view = store.report_problem(Report("noise", " 楼上夜间装修 ", household_id=h.id, reporter="李秀英"))
    assert (view.status, view.report.description, view.due) == ("pending", "楼上夜间装修", dt.date(2026, 12, 1))
    before = disk(store)
    for kind, data in [
        ("closed", {}),  # not solved yet
        ("escalated", {"to": "community"}),  # no reason
        ("feedback", {"to": "李秀英", "how": "pigeon"}),
        ("reported", {}),
    ]:
        with pytest.raises(ValidationErrors):
            store.add_event(view.id, kind, data)
    with pytest.raises(NotFound):
        store.add_event("no-such-problem", "note", {"text": "x"})
    assert disk(store) == before
    store.add_event(view.id, "escalated", {"to": "property", "reason": "需物业协调"})
    store.add_event(view.id, "decision", {"outcome": "resolved", "text": "物业已约谈装修户"})
    with pytest.raises(ValidationErrors) as exc:
        store.add_event(view.id, "closed", {"resolution": "solved"})
    assert exc.value.errors[0].key == "error.problem.close_without_feedback"
    store.add_event(view.id, "feedback", {"to": "李秀英", "how": "phone"})
    done = store.add_event(view.id, "closed", {"resolution": "solved"})
    assert done.status == "closed"
    assert [e.kind for e in done.events] == ["reported", "escalated", "decision", "feedback", "closed"]


def test_unsolvable_needs_the_notice(store: Store) -> None:
    view = store.report_problem(Report("facility_repair", "楼顶防水层老化", place="屋顶"))
    with pytest.raises(ValidationErrors) as exc:
        store.add_event(view.id, "closed", {"resolution": "unsolvable"})
    assert exc.value.errors[0].key == "error.problem.notice_missing"
    done = store.add_event(view.id, "closed", {"resolution": "unsolvable", "notice": "需动用维修基金，已报街道"})
    assert (done.status, done.state.notice) == ("unsolvable", "需动用维修基金，已报街道")


def test_report_validation(store: Store) -> None:
    with pytest.raises(ValidationErrors) as exc:
        store.report_problem(Report("parking", "", urgency="soon"))
    assert {e.field for e in exc.value.errors} == {"category", "urgency", "description", "place"}


def test_patrol_and_its_problems_are_one_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    items = (*default_items()[1:], PatrolItem("fire_exits", ok=False, finding="堆放纸箱"))
    report = Report("safety_hazard", "堆放纸箱", place="消防通道")
    patrol, ids = store.add_patrol(Patrol("", items), {"fire_exits": report})
    assert len(ids) == 1
    view = store.problem(ids[0])
    assert view.report.source == {"patrol": patrol.id, "item": "fire_exits"}
    assert store.patrols()[0].findings == [PatrolItem("fire_exits", False, "堆放纸箱")]
    with pytest.raises(ValidationErrors):  # "lights" was OK: it is no finding to report
        store.add_patrol(Patrol("", items), {"lights": report})
    with pytest.raises(ValidationErrors):  # a finding without what was found
        store.add_patrol(Patrol("", (PatrolItem("drains", ok=False),)))
    assert len(store.patrols()) == 1


def test_views_are_kept_until_the_next_write(store: Store) -> None:
    view = store.report_problem(Report("other", "路灯不亮", place="单元门口"))
    assert store.problems() is store.problems()
    kept = store.problems()
    store.add_event(view.id, "note", {"text": "已报物业"})
    assert store.problems() is not kept
    assert store.problem(view.id[:6]).events[-1].kind == "note"


def test_the_event_log_is_never_rewritten(store: Store) -> None:
    view = store.report_problem(Report("other", "路灯不亮", place="单元门口"))
    store.add_event(view.id, "handled", {"text": "换了灯泡"})
    table = store._db.table(PROBLEM_EVENTS)
    before = {d["id"]: dict(d) for d in table.all()}
    store.add_event(view.id, "feedback", {"to": "全体住户", "how": "wechat_group"})
    store.add_event(view.id, "closed", {})
    after = {d["id"]: dict(d) for d in table.all()}
    assert all(after[k] == v for k, v in before.items())
    assert len(after) == len(before) + 2


KINDS = st.sampled_from(["note", "handled", "escalated", "decision", "feedback", "closed", "reopened"])
DATA = {
    "note": {"text": "备注"},
    "handled": {"text": "处理"},
    "escalated": {"to": "community", "reason": "原因"},
    "decision": {"outcome": "resolved", "text": "意见"},
    "feedback": {"to": "住户", "how": "phone"},
    "closed": {"resolution": "solved"},
    "reopened": {},
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(KINDS, max_size=12))
def test_any_sequence_leaves_refused_events_unwritten(tmp_path_factory: pytest.TempPathFactory, kinds) -> None:
    store = Store(tmp_path_factory.mktemp("home"), now_ms=Clock())
    view = store.report_problem(Report("other", "问题", place="楼道"))
    accepted = 1
    for kind in kinds:
        before = disk(store)
        try:
            view = store.add_event(view.id, kind, DATA[kind])
            accepted += 1
        except ValidationErrors:
            assert disk(store) == before
    assert len(view.events) == accepted
    assert view.status in {"pending", "in_progress", "escalated", "resolved", "closed", "unsolvable"}
    if view.status == "closed":
        assert view.state.feedback_given
