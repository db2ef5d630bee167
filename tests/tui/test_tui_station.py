"""The station's terminal at 80×24: the dashboard per unit leader, deciding an escalated problem (which then goes
back to the device), a notice, conflicts, and importing a stick."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Select, TextArea

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import returns
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.station.app import DashboardScreen, StationApp
from fieldgrid.tui.station.screens import DecisionForm, EscalationScreen, ImportForm, NoticeForm
from testkit.tui_app import screen_text


def test_station_ui_import_dashboard_decide_notice(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    make_demo_station(store, tmp_path / "station")
    device.export(store, Keys(store.home), tmp_path / "stick")
    db = StationDB(tmp_path / "station")

    async def body() -> None:
        app = StationApp(db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            await pilot.press("i")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, ImportForm)
            form.field("path").control.value = str(tmp_path / "stick")  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            text = screen_text(app)
            assert "刘秀英" in text and "橙郡一期6栋3单元" in text and " 44 " in text
            await pilot.press("e")
            await pilot.pause()
            queue = app.screen
            assert isinstance(queue, EscalationScreen) and queue.table.row_count == 1
            assert "两户因楼道鞋柜摆放发生争执" in screen_text(app)
            await pilot.press("d")
            await pilot.pause()
            decide = app.screen
            assert isinstance(decide, DecisionForm)
            decide.query_one(Select).value = "resolved"
            decide.query_one(TextArea).text = "社区调解员已上门调解"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, EscalationScreen) and app.screen.table.row_count == 0
            await pilot.press("escape", "n")
            await pilot.pause()
            notice = app.screen
            assert isinstance(notice, NoticeForm)
            notice.query_one(TextArea).text = "周六上午停水"
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            assert "没有待核对的冲突" in screen_text(app)

    asyncio.run(body())
    [(_, back, records, notices)] = list(returns(db, Keys(tmp_path / "station"), tmp_path / "back"))
    assert (records, notices) == (1, 1)
    device.import_return(store, Keys(store.home), back)
    escalated = [p for p in store.problems() if p.report.category == "dispute"]
    assert escalated[0].status == "resolved"
    db.close()
    store.close()
