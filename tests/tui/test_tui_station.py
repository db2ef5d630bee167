"""The station's terminal at 80×24, as the operator sees it: importing a stick (results on screen until
dismissed), the dashboard and a unit opened from it (problems with codes, households masked, this month's work),
the escalation queue (codes, urgency, escalated to, days waiting, due; filters; a decision keeps the problem
queued), conflicts named the way people name households, a notice; help and palette in the operator's language,
every key of a screen in the palette."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from textual.actions import parse as parse_action
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from fieldgrid.demo.station import make_demo_station
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import label, set_language, t
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import StationClock, edit_household, import_paths, returns
from fieldgrid.station.seal import DEMO_PASSPHRASE
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys
from fieldgrid.tui.common.bindings import is_ours
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.common.palette import Palette
from fieldgrid.tui.station.app import StationApp
from fieldgrid.tui.station.conflicts import ConflictScreen
from fieldgrid.tui.station.dashboard import DashboardScreen
from fieldgrid.tui.station.decision_form import DecisionForm
from fieldgrid.tui.station.import_form import ImportForm
from fieldgrid.tui.station.import_results import ImportResultsScreen
from fieldgrid.tui.station.log_screen import LogScreen
from fieldgrid.tui.station.notice_form import NoticeForm
from fieldgrid.tui.station.queue_screen import QueueScreen
from fieldgrid.tui.station.unit_screen import UnitScreen
from testkit.pin import open_station
from testkit.tui_app import screen_text, shows
from testkit.tui_field import FROZEN_DT, Clock
from testkit.tui_station import press, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo unit as of :data:`NOW`, its demo station (nothing imported yet) and the stick the unit wrote;
    copied per test."""
    folder = tmp_path_factory.mktemp("station-demo")
    store = Store(folder / "unit", now_ms=Clock())
    write_demo(store)
    make_demo_station(store, folder / "station")
    device.export(store, Keys(store.home), folder / "stick")
    store.close()
    return folder


@pytest.fixture
def world(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo; the station's terminal thinks it is :data:`NOW`, the demo's today."""
    shutil.copytree(demo, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr("fieldgrid.tui.station.clock.dt", FROZEN_DT)
    return tmp_path


def imported(folder: Path) -> StationDB:
    db = open_station(folder / "station", DEMO_PASSPHRASE)
    [outcome] = import_paths(db, Keys(folder / "station"), [folder / "stick"])
    assert outcome.status == "accepted"
    return db


# -- importing a stick ---------------------------------------------------------------------------------------


def test_import_results_stay_on_screen_until_dismissed(world: Path) -> None:
    (world / "stick" / "from-wang.fgbundle").write_text("{}", encoding="utf-8")  # a file no device wrote
    db = open_station(world / "station", DEMO_PASSPHRASE)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "i")
        form = app.screen
        assert isinstance(form, ImportForm)
        assert shows(app, "导入 (^s)") and "保存" not in screen_text(app)  # the button says what it does
        await press(pilot, "ctrl+s")  # nothing typed: not the folder the station runs in
        assert isinstance(app.screen, ImportForm) and shows(app, t("tui.station.import_path_missing"))
        form.query_one(Input).value = str(world / "stick")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ImportResultsScreen)
        assert shows(app, "数据包 2：接收 1 · 重复 0 · 拒收 1")
        assert shows(app, "刘秀英 6栋3单元") and "from-wang.fgbundle" in screen_text(app)
        await press(pilot, "down")  # the refused one: why, in full
        assert shows(app, "拒收原因：from-wang.fgbundle 不是 fieldgrid 数据包")
        await pilot.pause(1.0)
        assert isinstance(app.screen, ImportResultsScreen)  # a screen, not toasts that vanish
        assert not any("数据包" in n.message or "拒收" in n.message for n in app._notifications)
        await press(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "刘秀英" in text and "橙郡一期6栋3单元" in text and " 44 " in text
        assert "单元 1 · 住户 44" in text  # no "1 units"

    run(db, body)
    db.close()


def test_english_counts_are_not_plurals_of_one(world: Path) -> None:
    set_language("en")
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        assert "Units 1 · households 44" in screen_text(app) and "1 units" not in screen_text(app)

    run(db, body)
    db.close()


# -- a unit ----------------------------------------------------------------------------------------------------


def test_enter_on_the_dashboard_opens_the_unit(world: Path) -> None:
    db = imported(world)
    store = Store(world / "unit", now_ms=Clock())
    problems, households = store.problems(), store.households()
    store.close()

    async def body(app: StationApp, pilot: Pilot) -> None:
        assert shows(app, f"⏎ {t('tui.station.key_open_unit')}")  # the key bar says Enter opens it
        await press(pilot, "enter")
        assert isinstance(app.screen, UnitScreen)
        text = screen_text(app)
        assert "刘秀英 · 橙郡一期6栋3单元" in text and "住户 44 · 未办结 6 · 逾期 2" in text
        for view in problems[:5]:
            assert view.id[:8].upper() in text  # every problem with its code
        assert "无法解决待公告" in text and "待处理!!" in text
        await press(pilot, "h")
        text = screen_text(app)
        first = households[0]
        assert f"{first.room}  {first.head_name}" in text
        phones = [p for h in households for p in h.all_phones]
        assert "****" in text and not any(p[-11:] in text for p in phones)  # masked, never whole
        assert "***********" in text  # ID numbers masked
        await press(pilot, "w")
        text = screen_text(app)
        assert t("tui.station.col.found") in text and label("visit_kind", "hazard_check") in text
        await press(pilot, "e")
        assert isinstance(app.screen, QueueScreen) and app.screen.table.row_count == 2
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, DashboardScreen)

    run(db, body)
    db.close()


# -- the escalation queue ------------------------------------------------------------------------------------


def test_the_queue_shows_codes_and_keeps_a_decided_problem(world: Path) -> None:
    db = imported(world)
    store = Store(world / "unit", now_ms=Clock())
    dispute = next(p for p in store.problems() if p.report.category == "dispute")
    charging = next(p for p in store.problems() if p.status == "notice_due")
    store.close()

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "e")
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "编号" in line)
        for column in ("编号", "单元", "缓急", "上报至", "已等", "期限", "答复"):
            assert column in header
        codes = (" " + charging.id[:8].upper(), " " + dispute.id[:8].upper())
        rows = [line for line in lines if line.startswith(codes)][:2]  # the table's (the pane below repeats one)
        assert queue.table.row_count == 2 and "无法解决" in rows[0] and "待答复" in rows[1]  # the longest waiting first
        assert "橙郡一期6栋3单元" in rows[1] and "一般" in rows[1] and "社区" in rows[1]
        assert "地下室排水沟" not in screen_text(app)  # escalated to the property company: not the community's
        await press(pilot, "down")
        assert shows(app, "两户因楼道鞋柜摆放发生争执") and shows(app, "上报社区：双方各执一词")

        queue.query_one("#queue-state", Select).value = "awaiting"
        await pilot.pause()
        assert queue.table.row_count == 1
        await press(pilot, "d")
        decide = app.screen
        assert isinstance(decide, DecisionForm) and shows(app, dispute.id[:8].upper())
        decide.query_one(Select).value = "in_progress"
        decide.query_one(TextArea).text = "调解员周六上门"
        await press(pilot, "ctrl+s")
        assert app.screen is queue and queue.table.row_count == 0  # no longer awaiting …
        queue.query_one("#queue-state", Select).value = "*"
        await pilot.pause()
        assert queue.table.row_count == 2  # … but still queued, answered 处理中
        assert any(dispute.id[:8].upper() in line and "处理中" in line for line in screen_text(app).splitlines())
        queue.query_one("#queue-due", Select).value = "overdue"
        await pilot.pause()
        assert queue.table.row_count == 0 and shows(app, t("queue.none"))

    run(db, body)
    [(_, _, records, _)] = list(returns(db, Keys(world / "station"), world / "back"))
    assert records == 1
    db.close()


def test_the_queue_in_english_fits_80_columns(world: Path) -> None:
    set_language("en")
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "e")
        text = screen_text(app)
        assert "橙郡一期6栋3单元" in text  # the unit is not cut short
        assert "Unsolvable" in text and "Awaiting" in text and "Community" in text

    run(db, body)
    db.close()


# -- conflicts and notices -----------------------------------------------------------------------------------


def test_a_conflict_names_the_household_and_masks_phones(world: Path) -> None:
    db = imported(world)
    store = Store(world / "unit", now_ms=Clock())
    household = store.households()[0]
    store.update_household(dataclasses.replace(household, phones=["13900001111"]))  # on the device …
    edit_household(db, StationClock(db), f"6栋3单元:{household.room}", {"phones": ["13700002222"]})  # … and here
    [outcome] = import_paths(db, Keys(world / "station"), [device.export(store, Keys(store.home), world / "up").path])
    assert outcome.status == "accepted" and db.open_conflicts()
    store.close()

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "c")
        assert isinstance(app.screen, ConflictScreen)
        text = screen_text(app)
        assert f"6栋3单元:{household.room}" in text and "139****1111" in text and "137****2222" in text
        assert "13900001111" not in text and "13700002222" not in text
        await press(pilot, "k")
        assert shows(app, t("tui.station.no_conflicts"))

    run(db, body)
    db.close()


def test_a_notice_to_every_unit(world: Path) -> None:
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "n")
        notice = app.screen
        assert isinstance(notice, NoticeForm) and shows(app, "发送 (^s)")
        notice.query_one(TextArea).text = "周六上午停水"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, DashboardScreen)

    run(db, body)
    [(_, _, _, notices)] = list(returns(db, Keys(world / "station"), world / "back"))
    assert notices == 1
    db.close()


def test_the_log_says_why_a_stick_was_refused(world: Path) -> None:
    (world / "stick" / "from-wang.fgbundle").write_text("{}", encoding="utf-8")
    db = open_station(world / "station", DEMO_PASSPHRASE)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "i")
        app.screen.query_one(Input).value = str(world / "stick")
        await press(pilot, "ctrl+s", "escape", "l")
        log = app.screen
        assert isinstance(log, LogScreen)
        lines = screen_text(app).splitlines()
        refused = next(line for line in lines if " 拒收 " in line)
        assert "from-wang.fgbundle 不是 fieldgrid 数据包" in refused  # why, in the list itself
        assert any(" 接收 " in line and "刘秀英" in line for line in lines)
        assert any(" 登记 " in line for line in lines)  # the enrolment, oldest, last
        [device_id] = [d.device_id for d in db.devices()]
        log.query_one("#log-device", Select).value = device_id  # one leader's entries: not the stray file
        await pilot.pause()
        assert " 拒收 " not in screen_text(app) and log.table.row_count == 2
        log.query_one("#log-period", Select).value = "today"  # all of it since the station's "today"
        await pilot.pause()
        assert log.table.row_count == 2

    run(db, body)
    db.close()


# -- help and the palette --------------------------------------------------------------------------------------

TEXTUAL_WORDS = ("Scroll", "Focus", "Page Left", "Page Right", "Maximize", "Screenshot", "Keys")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_help_lists_only_our_keys_in_the_users_language(world: Path, lang: str) -> None:
    set_language(lang)
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        for keys in ((), ("e",), ("enter",), ("c",)):
            await press(pilot, *keys, "question_mark")
            assert isinstance(app.screen, HelpScreen)
            help_screen = app.screen
            assert help_screen.keys and all(description for _, description in help_screen.keys)
            described = [description for _, description in help_screen.keys]
            assert not any(word in d for d in described for word in TEXTUAL_WORDS), described
            assert t("tui.key.quit") in described and t("tui.key.help") in described
            if lang == "zh_CN":
                assert all(not d.isascii() for d in described), described
            await press(pilot, "escape")
            while not isinstance(app.screen, DashboardScreen):
                await press(pilot, "escape")

    run(db, body)
    db.close()


def test_every_key_of_a_screen_is_in_the_palette(world: Path) -> None:
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        for keys in ((), ("e",), ("enter",), ("c",), ("n",), ("l",)):
            await press(pilot, *keys)
            screen = app.screen
            commands = {c.title for c in app.get_system_commands(screen)}
            usable = [b for _, b in screen._bindings if screen.check_action(*parse_action(b.action)[1:]) is True]
            ours = {b.description for b in usable if is_ours(b) and b.description}
            assert ours <= commands, (type(screen).__name__, ours - commands)
            assert {t("tui.cmd.help"), t("tui.cmd.quit")} <= commands
            while not isinstance(app.screen, DashboardScreen):
                await press(pilot, "escape")

    run(db, body)
    db.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_palette_speaks_the_users_language_and_runs_a_screens_key(world: Path, lang: str) -> None:
    set_language(lang)
    db = imported(world)

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, Palette)
        assert shows(app, t("tui.palette.placeholder"))
        await press(pilot, "z", "z", "z")
        await pilot.pause(0.8)  # the palette says so after half a second
        assert shows(app, t("tui.palette.no_matches"))
        if lang == "zh_CN":
            assert "No matches found" not in screen_text(app)
        app.screen.query_one(Input).value = t("tui.station.key_open_unit")  # as typed (with an IME in Chinese)
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, UnitScreen)

    run(db, body)
    db.close()


def test_a_household_kept_aside_is_said_on_the_results_screen(tmp_path: Path) -> None:
    """The stuck leader's stick (#11): the out-of-unit household is kept aside, the rest — a 较急 problem escalated
    to the community — comes in and waits in the queue."""
    from fieldgrid.model.ledger import Report
    from fieldgrid.station.exchange import enroll, station_identity
    from tests.station.test_stuck_leader import stuck_device

    store, keys, _ = stuck_device(tmp_path)
    db = StationDB(tmp_path / "station", create=True)
    device.trust(store, station_identity(db, Keys(tmp_path / "station")))
    enroll(db, device.identity(store, keys))
    view = store.report_problem(Report("facility_repair", "楼道灯坏了", place="3楼", urgency="urgent"))
    store.add_event(view.id, "escalated", {"to": "community", "reason": "需电工"})
    device.export(store, keys, tmp_path / "stick")
    store.close()

    async def body(app: StationApp, pilot: Pilot) -> None:
        await press(pilot, "i")
        app.screen.query_one(Input).value = str(tmp_path / "stick")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ImportResultsScreen)
        assert shows(app, "接收") and shows(app, t("station.log.held", room="0601"))
        await press(pilot, "escape", "e")
        assert view.id[:8].upper() in screen_text(app) and "较急" in screen_text(app)

    run(db, body)
    db.close()
