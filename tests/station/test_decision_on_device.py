"""A decision from the station as the leader sees it on the device (#11): the community answers "cannot be solved"
(无法解决) on an overdue problem; after the return comes back, the device shows it as awaiting the leader's notice
to the residents — never as "in progress (overdue)" — and closing it with that notice ends it."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from fieldgrid.i18n import label, set_language, t
from fieldgrid.model.ledger import Report
from fieldgrid.station.exchange import StationClock, decide, import_paths, returns
from fieldgrid.sync import device
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from testkit.tui_app import SIZE, screen_text, shows


def _decided_on_device(world: tuple[Any, ...], outcome: str) -> tuple[Any, str]:
    """A 较急 problem reported ten days ago (due three days after), escalated to the community, decided at the
    station with ``outcome`` and the return imported on the device: (store, problem id)."""
    store, keys, db, station_keys, tmp = world
    reported = (dt.datetime.now() - dt.timedelta(days=10)).replace(second=0, microsecond=0)
    view = store.report_problem(Report("facility_repair", "外墙瓷砖脱落", place="北侧外墙", urgency="urgent"),
                                reported.isoformat(timespec="minutes"))  # fmt: skip
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需维修基金"},
                    (reported + dt.timedelta(days=1)).isoformat(timespec="minutes"))  # fmt: skip
    import_paths(db, station_keys, [device.export(store, keys, tmp / "up").path])
    at = (reported + dt.timedelta(days=2)).isoformat(timespec="minutes")
    decide(db, StationClock(db), view.id[:8].upper(), outcome, "外墙维修须业主大会表决，本年度无法安排", at)
    [(_, back, _, _)] = list(returns(db, station_keys, tmp / "back"))
    device.import_return(store, keys, back)
    return store, view.id


def test_an_unsolvable_decision_awaits_the_leaders_notice_and_is_not_overdue(world: tuple[Any, ...]) -> None:
    store, problem_id = _decided_on_device(world, "unsolvable")
    today = store.now().date()
    view = store.problem(problem_id)
    assert view.status == "notice_due" and view.is_open
    assert not view.overdue(today)
    assert label("status", view.status) == "无法解决待公告"
    notice = "外墙维修须业主大会表决，暂无法安排。"
    store.add_event(problem_id, "closed", {"resolution": "unsolvable", "notice": notice})
    assert store.problem(problem_id).status == "unsolvable"


def test_an_in_progress_decision_stays_in_progress_and_overdue(world: tuple[Any, ...]) -> None:
    store, problem_id = _decided_on_device(world, "in_progress")
    view = store.problem(problem_id)
    assert view.status == "in_progress" and view.overdue(store.now().date())


def test_the_device_list_says_so(world: tuple[Any, ...], cli) -> None:
    store, problem_id = _decided_on_device(world, "unsolvable")
    home: Path = store.home
    store.close()
    listed = cli("problems", "list", home_dir=home)
    assert listed.code == 0, listed.err
    line = next(line for line in listed.out.splitlines() if line.startswith(problem_id[:8]))
    assert "无法解决待公告" in line and "处理中" not in line and t("cli.problems.overdue_mark") not in line


def test_the_device_ledger_and_problem_screens_say_so(world: tuple[Any, ...]) -> None:
    store, _ = _decided_on_device(world, "unsolvable")
    for lang in ("zh_CN", "en"):
        set_language(lang)

        async def body() -> None:
            app = FieldgridApp(store)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.press("l")
                await pilot.pause()
                assert isinstance(app.screen, LedgerScreen)
                text = screen_text(app)
                assert label("status", "notice_due")[:10] in text  # the list's status column may cut it short
                assert label("status", "in_progress") not in text and t("tui.ledger.overdue", status="") not in text
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ProblemDetailScreen)
                assert shows(app, label("status", "notice_due")) and shows(app, t("tui.problem.notice_due"))

        asyncio.run(body())
    set_language("zh_CN")
