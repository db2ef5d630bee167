"""Fixtures of the TUI tests: every test starts in Chinese; a store with a unit and a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldgrid.i18n import get_language, set_language
from fieldgrid.model import Household
from fieldgrid.model.ledger import Report
from fieldgrid.model.visit import Visit
from fieldgrid.store import Store
from testkit.tui_app import profile
from testkit.tui_field import Clock, head


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    """Every test starts in Chinese and leaves the language as it found it."""
    before = get_language()
    set_language("zh_CN")
    try:
        yield
    finally:
        set_language(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """18 floors × 4 flats; a few visited, some vacant, one with an overdue problem."""
    s = Store(tmp_path, now_ms=Clock())
    s.save_profile(profile())
    households = []
    for floor in range(1, 19):
        for door in range(1, 5):
            room = f"{floor:02d}{door:02d}"
            if door == 4 and floor % 5 == 0:
                households.append(Household(room=room, residency="vacant"))
            else:
                tags = ["living_alone"] if room == "0101" else []
                households.append(Household(room=room, members=head(f"张{floor}{door}"), tags=tags))
    s.add_households(households)
    by_room = {h.room: h for h in s.households()}
    s.add_visit(Visit(by_room["1801"].id, "2026-11-20T09:00", "routine", found="一切正常"))
    s.add_visit(Visit(by_room["0101"].id, "2026-09-01T09:00", "routine"))
    s.report_problem(Report("noise", "楼上夜间装修", household_id=by_room["1802"].id), "2026-11-01T09:00")
    s.report_problem(Report("sanitation", "楼道有垃圾", household_id=by_room["1803"].id), "2026-11-23T09:00")
    yield s
    s.close()
