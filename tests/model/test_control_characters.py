"""Control characters have no place in what a leader types (an escape sequence pasted into a note would repaint the
terminal of everyone who lists it): every free-text field refuses them with a clear message at that field; tabs
and newlines are text."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldgrid.i18n import t
from fieldgrid.model import GridPath, Household, LeaderProfile, Member, ValidationErrors, validate_household
from fieldgrid.model.ledger import Report, validate_report
from fieldgrid.model.patrol import Patrol, PatrolItem, validate_patrol
from fieldgrid.model.profile import validate_profile
from fieldgrid.model.visit import Visit, validate_visit

NOW = dt.datetime(2026, 11, 24, 10, 0)
ESC = "\x1b[2J"


def fields_of(action: object) -> set[str]:
    with pytest.raises(ValidationErrors) as info:
        action()  # type: ignore[operator]
    assert all(t(e.key) != e.key for e in info.value.errors)  # every message is in the catalogue
    return {e.field for e in info.value.errors if e.key == "error.text.control"}


def test_households_and_members() -> None:
    head = Member("张三" + ESC, "self")
    household = Household("0601", [head], notes="门口\x07有杂物", emergency_name="李\x00四")
    assert fields_of(lambda: validate_household(household)) == {"notes", "emergency_name", "members.0.name"}


def test_visits_problems_patrols_and_the_profile() -> None:
    visit = Visit("h-1", "2026-11-24T09:00", found="血压\x1b正常", needs="无")
    assert fields_of(lambda: validate_visit(visit, NOW)) == {"found"}
    report = Report("noise", "楼上\x08噪音", place="5楼", reporter="王\x7f五")
    assert fields_of(lambda: validate_report(report)) == {"description", "reporter"}
    patrol = Patrol("2026-11-24T09:00", (PatrolItem("lights", ok=False, finding="灯坏了\x1b"),), notes="ok")
    assert fields_of(lambda: validate_patrol(patrol, NOW)) == {"items.0.finding"}
    profile = LeaderProfile("王芳", "13800138000", GridPath(building="6栋\x1b", unit="3单元"))
    assert fields_of(lambda: validate_profile(profile)) == {"grid.building"}


def test_tabs_and_newlines_are_text() -> None:
    clean = validate_household(Household("0601", [Member("张三", "self")], notes="第一行\n第二行\t备注"))
    assert clean.notes == "第一行\n第二行\t备注"


def test_an_empty_note_is_refused() -> None:
    from fieldgrid.model import ValidationError
    from fieldgrid.model.problem import ProblemEvent, check_append

    reported = ProblemEvent("p-1", "reported", "2026-11-24T09:00", {"category": "noise"}, id="e-1")
    with pytest.raises(ValidationError) as info:
        check_append([reported], ProblemEvent("p-1", "note", "2026-11-24T09:10", {"text": "  "}, id="e-2"))
    assert (info.value.field, info.value.key) == ("text", "error.problem.text_missing")
    check_append([reported], ProblemEvent("p-1", "note", "2026-11-24T09:10", {"text": "已联系物业"}, id="e-2"))


def test_one_scope_rule_for_device_and_station() -> None:
    from fieldgrid.model.profile import parts_outside

    grid = {"building": "6栋", "unit": "3单元"}
    assert parts_outside(grid, {"building": "6栋", "unit": "3单元"}) == []
    assert parts_outside(grid, {"building": "", "unit": None}) == []  # not named: inside
    assert parts_outside(grid, {"building": "6栋", "unit": "1单元"}) == ["unit"]
    assert parts_outside(grid, {"building": "7栋", "unit": "1单元"}) == ["building", "unit"]
    assert parts_outside({"building": "", "unit": ""}, {"building": "7栋"}) == []  # a grid without parts takes any
