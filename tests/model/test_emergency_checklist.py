"""The rules of an emergency's checklist (the steps ticked on the emergency screen, with their minutes) and of
the order every list of problems keeps: open 紧急 problems first, the rest as they were."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model.errors import ValidationErrors
from fieldgrid.model.ledger import EMERGENCY_STEPS, ProblemView, Report, build_views, emergencies_first
from fieldgrid.model.problem import URGENCIES, ProblemEvent


def report(**changes) -> Report:
    base = {"category": "safety_hazard", "description": "燃气泄漏", "place": "3楼", "urgency": "emergency",
            "emergency": "gas"}  # fmt: skip
    return validate(Report(**{**base, **changes}))


def validate(r: Report) -> Report:
    from fieldgrid.model.ledger import validate_report

    return validate_report(r)


def test_the_ticked_steps_are_kept_in_the_order_of_the_steps_and_travel_in_the_report() -> None:
    r = report(checklist={"community": "2026-11-24T10:03", "call": "2026-11-24T10:01"})
    assert list(r.checklist or {}) == ["call", "community"]
    assert Report.from_data(r.to_data()) == r
    assert "checklist" not in report().to_data()  # nothing ticked: nothing written


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"checklist": {"pray": "2026-11-24T10:01"}}, "checklist"),
        ({"checklist": {"call": "soon"}}, "checklist"),
        ({"checklist": {"call": "2026-11-24T10:01"}, "emergency": None, "urgency": "normal"}, "checklist"),
    ],
)
def test_a_bad_checklist_is_refused(changes: dict, field: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        report(**changes)
    assert [e.field for e in caught.value.errors] == [field]


def view(n: int, urgency: str, closed: bool) -> ProblemView:
    pid = f"p{n:03d}"
    data = Report("other", f"问题{n}", urgency=urgency, place="楼道").to_data()
    events = [ProblemEvent(pid, "reported", f"2026-11-{1 + n % 28:02d}T09:00", data, id=f"{pid}r")]
    if closed:
        events.append(ProblemEvent(pid, "closed", "2026-11-29T09:00",
                                   {"resolution": "unsolvable", "notice": "公告"}, id=f"{pid}c"))  # fmt: skip
    found = ProblemView.from_events(events)
    assert found is not None
    return found


problems = st.lists(st.tuples(st.sampled_from(URGENCIES), st.booleans()), max_size=25).map(
    lambda specs: [view(n, urgency, closed) for n, (urgency, closed) in enumerate(specs)]
)


@given(problems)
def test_open_emergencies_come_first_and_the_rest_keep_their_order(views: list[ProblemView]) -> None:
    ordered = emergencies_first(views)
    first = [v for v in views if v.report.is_emergency and v.is_open]
    assert ordered == first + [v for v in views if v not in first]


@given(problems)
def test_the_ledger_lists_open_emergencies_first_then_newest_first(views: list[ProblemView]) -> None:
    events = [e for v in views for e in v.events]
    built = build_views(events)
    urgent = [v for v in built if v.report.is_emergency and v.is_open]
    assert built[: len(urgent)] == urgent
    rest = built[len(urgent) :]
    assert [v.reported_at for v in rest] == sorted((v.reported_at for v in rest), reverse=True)


def test_every_step_has_its_words() -> None:
    from fieldgrid.i18n import set_language, t

    set_language("zh_CN")
    assert [t(f"ledger.text.step_{s}", number="119") for s in EMERGENCY_STEPS] == ["已拨打 119", "已通知物业",
                                                                                 "已通知社区"]  # fmt: skip
