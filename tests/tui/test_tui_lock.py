"""The PIN in the terminal UI at 80×24 (#13, item 1): asked at start, a wrong one refused on the spot, the idle lock
(driven by an injected clock, no sleeping) covering everything with a screen that shows no data, and a PIN set
from the app."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.store.crypto import SealKey
from fieldgrid.store.pin import Unlocker, sealed_header
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.lock.pin_screen import PinScreen
from fieldgrid.tui.lock.set_pin import SetPinScreen
from testkit.pin import FAST
from testkit.tui_app import SIZE, sample_store, screen_text

PIN = "135790"
# What must never show on the lock screen: the leader, the unit, residents, rooms.
SECRETS = ["王秀英", "单雄信", "曾国藩", "张三", "赵六", "0101", "0302", "6栋", "3单元", "玉林"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def sealed_sample(home: Path) -> Path:
    store = sample_store(home)
    store.seal(SealKey.new(PIN, FAST))
    store.close()
    return home


def shown_anywhere(app: FieldgridApp) -> str:
    """Everything the terminal shows, every layer composed (a screenshot), not only the top screen's widgets."""
    return app.export_screenshot() + screen_text(app)


async def submit(app: FieldgridApp, pilot: Pilot, text: str) -> None:
    await pilot.press(*text, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def run(app: FieldgridApp, body) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


def test_the_pin_is_asked_at_start_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    home = sealed_sample(tmp_path / "home")
    before = (home / "fieldgrid.json").read_bytes()
    unlocker = Unlocker.of(home)
    assert unlocker is not None

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, PinScreen)
        shown = shown_anywhere(app)
        assert t("tui.lock.title_start") in shown
        assert not any(secret in shown for secret in SECRETS)
        await submit(app, pilot, "999999")
        assert isinstance(app.screen, PinScreen)
        assert "PIN 不对" in screen_text(app).replace("\n", "")
        await pilot.press("h", "l", "F")  # the app's keys do nothing here: they are typed into the field
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        await pilot.press(*["backspace"] * 3)
        await submit(app, pilot, PIN)
        assert isinstance(app.screen, StairwellScreen)
        assert len(app.store.households()) == 6
        assert "王秀英" in screen_text(app)

    run(FieldgridApp(unlocker=unlocker), body)
    assert (home / "fieldgrid.json").read_bytes() == before  # opening wrote nothing


def test_the_demo_says_its_pin_on_the_pin_screen(tmp_path: Path) -> None:
    home = sealed_sample(tmp_path / "home")
    unlocker = Unlocker.of(home)
    assert unlocker is not None

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert "000000" in screen_text(app)

    run(FieldgridApp(unlocker=unlocker, pin_hint=t("tui.lock.demo_hint", pin="000000")), body)


def test_idle_minutes_lock_everything_and_the_pin_brings_it_back(tmp_path: Path) -> None:
    home = sealed_sample(tmp_path / "home")
    unlocker = Unlocker.of(home)
    assert unlocker is not None
    store = Store(home, key=unlocker.try_pin(PIN))
    clock = FakeClock()

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        assert any(secret in shown_anywhere(app) for secret in SECRETS)  # the check below can see them
        clock.now += 5 * 60 - 1
        app.lock_if_idle()
        assert not app.is_locked
        await pilot.press("down")  # a key: the idle time starts again
        clock.now += 5 * 60 - 1
        app.lock_if_idle()
        assert not app.is_locked
        clock.now += 1
        app.lock_if_idle()
        await pilot.pause()
        assert app.is_locked and isinstance(app.screen, PinScreen)
        shown = shown_anywhere(app)
        assert t("tui.lock.title_locked") in shown
        assert not any(secret in shown for secret in SECRETS), [s for s in SECRETS if s in shown]
        await pilot.press("ctrl+p")  # no command palette over the lock
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        await submit(app, pilot, "000000")
        assert isinstance(app.screen, PinScreen) and "PIN 不对" in screen_text(app).replace("\n", "")
        await submit(app, pilot, PIN)
        assert isinstance(app.screen, HouseholdListScreen)  # back where the leader was
        assert not app.is_locked
        clock.now += 60
        app.lock_if_idle()
        assert not app.is_locked  # unlocking counts as use

    run(FieldgridApp(store, clock=clock), body)
    store.close()


def test_no_idle_lock_without_a_pin_or_with_zero_minutes(tmp_path: Path) -> None:
    plain = sample_store(tmp_path / "plain")
    clock = FakeClock()

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        clock.now += 3600
        app.lock_if_idle()
        await pilot.pause()
        assert not app.is_locked

    run(FieldgridApp(plain, clock=clock), body)
    plain.close()
    home = sealed_sample(tmp_path / "sealed")
    unlocker = Unlocker.of(home)
    assert unlocker is not None
    store = Store(home, key=unlocker.try_pin(PIN))
    store.set_lock_minutes(0)
    run(FieldgridApp(store, clock=clock), body)
    store.close()


def test_a_pin_set_from_the_app_encrypts_the_store(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = sample_store(home)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.action_set_pin()
        await pilot.pause()
        assert isinstance(app.screen, SetPinScreen)
        await pilot.press(*"12345", "enter")
        await pilot.pause()
        assert "PIN 太短" in screen_text(app).replace("\n", "")
        await pilot.press(*["backspace"] * 5, *PIN, "enter", *"135791")
        await submit(app, pilot, "")
        assert "不一致" in screen_text(app).replace("\n", "")
        assert not store.is_sealed
        await pilot.press(*PIN, "enter", *PIN)
        await submit(app, pilot, "")
        assert not isinstance(app.screen, SetPinScreen)
        assert store.is_sealed

    run(FieldgridApp(store), body)
    store.close()
    assert sealed_header(home) is not None
    assert "单雄信".encode() not in (home / "fieldgrid.json").read_bytes()
    unlocker = Unlocker.of(home)
    assert unlocker is not None and unlocker.try_pin(PIN)


def test_the_offer_at_first_run_is_skippable(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.first_run = True
        app._after_profile(sample_profile())
        await pilot.pause()
        assert isinstance(app.screen, SetPinScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SetPinScreen)
        assert not store.is_sealed

    run(FieldgridApp(store), body)
    store.close()


def sample_profile():  # type: ignore[no-untyped-def]
    from testkit.tui_app import profile

    return profile()
