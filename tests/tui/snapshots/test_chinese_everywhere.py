"""In the Chinese UI no English reaches the screen: every screen of the device app and of the station app is
opened with the keys a leader or an operator would press, at 80×24, and what it shows — and its help, and the
commands its palette offers, and a drop-down menu opened on a form — holds no Latin-letter word but data, key
names and codes.

What may be written in Latin letters is listed here, short and explicit: key names as the key bar and the help
show them, the app's own name, PIN, and the codes a leader reads off a card or a stick.  The demo unit's data is
Chinese, so any other Latin word on screen is an untranslated message (Textual's own "Dismiss menu", "Scroll
Left", "Quit" among them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest
from test_snapshots_device import DEVICE_SCREENS
from test_snapshots_station import STATION_SCREENS
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select

from fieldgrid.i18n import set_language
from fieldgrid.station.db import StationDB
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.station.app import StationApp
from testkit.tui_app import screen_text
from testkit.tui_snap import SIZE, Steps, keys

# Key names, as the key bar and the help write them.
KEY_NAMES = frozenset(
    {"esc", "enter", "tab", "space", "backspace", "delete", "home", "end", "pgup", "pgdn", "up", "down", "left",
     "right", "shift", "ctrl", "alt"} | {f"f{n}" for n in range(1, 13)}
)  # fmt: skip
# Names written in Latin letters in Chinese too: the app, PIN, QR, vCard, USB, ID, file kinds and the programs
# that open them, the paper size, and the pinyin a search is typed in (the search box's example).
NAMES = frozenset({"fieldgrid", "pin", "qr", "vcard", "usb", "id", "csv", "xlsx", "pdf", "json", "excel", "wps",
                   "a4", "zhangsan", "zs"})  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
SINGLE_KEY = re.compile(r"[A-Za-z]")  # a letter key: v, d, h …
DEVICE_ID = re.compile(r"(st)?[0-9a-f]{6,}")  # a device's or the station's id, a key's fingerprint
CODE = re.compile(r"[A-Z0-9]*[0-9][A-Z0-9]*|[A-F0-9]{2,}")  # a problem's code (78E49318, or part of it), a card's
# What is not words of the interface: a command to type (fieldgrid profile cadence), a path or a file's name, a
# scenario pack's name (gas_safety: a code, typed in ``fieldgrid scenarios remove gas_safety``).
NOT_WORDS = re.compile(
    r"fieldgrid(?: [a-z][a-z-]*)+|\S*/\S*|\S*\.[a-z]{2,8}\b|--[a-z-]+|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"
)


def latin_words(text: str, typed: Iterable[str] = ()) -> set[str]:
    """The Latin-letter words of ``text`` outside the allow-list; ``typed`` (what is in the input boxes) is data."""
    for value in sorted(typed, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    found = set()
    for word in WORD.findall(NOT_WORDS.sub(" ", text)):
        low = word.lower()
        if SINGLE_KEY.fullmatch(word) or low in KEY_NAMES or low in NAMES:
            continue
        if DEVICE_ID.fullmatch(low) or CODE.fullmatch(word):
            continue
        found.add(word)
    return found


def typed_in(app: App[Any]) -> list[str]:
    return [widget.value for widget in app.screen.query(Input)]


async def everything_shown(app: App[Any], pilot: Pilot) -> tuple[str, list[str]]:
    """The screen, then its help (F1), then the palette's commands for it: all the words the user can see."""
    screen = app.screen
    typed = typed_in(app)
    seen = [screen_text(app)]
    seen += [f"{c.title} {c.help}" for c in app.get_system_commands(screen)]
    await pilot.press("f1")
    await pilot.pause()
    # the help: its dialog only (the screen under it shows through at its edges, cut)
    if isinstance(app.screen, HelpScreen) and app.screen is not screen:
        region = app.screen.query_one(".dialog").region
        strips = app.screen._compositor.render_strips()[region.y : region.bottom]
        seen += [strip.crop(region.x, region.right).text for strip in strips]
    return "\n".join(seen), typed


def walk(app: App[Any], steps: Steps) -> set[str]:
    words: set[str] = set()

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await steps(pilot)
        text, typed = await everything_shown(app, pilot)
        words.update(latin_words(text, typed))

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await run_before(pilot)

    import asyncio

    asyncio.run(main())
    return words


def test_the_allow_list_catches_english() -> None:
    assert latin_words("esc Dismiss menu  ^s 保存  ^p 命令") == {"Dismiss", "menu"}
    assert latin_words("v 走访  ctrl+s 保存  F1 帮助  设备 3fa9c0d2e1b4 · 编号 78E49318") == set()
    assert latin_words("导出到 unit/exports/ledger-2026-11.xlsx（Excel）") == set()
    assert latin_words("No matches found  zzz", typed=["zzz"]) == {"No", "matches", "found"}
    assert latin_words("gas_safety  第1版  燃气安全入户检查") == set()
    assert latin_words("Gas safety") == {"Gas", "safety"}


@pytest.mark.parametrize("screen", list(DEVICE_SCREENS))
def test_device_screen_is_all_chinese(screen: str, unit_store: Store) -> None:
    set_language("zh_CN")
    assert walk(FieldgridApp(unit_store), DEVICE_SCREENS[screen]) == set()


@pytest.mark.parametrize("screen", list(STATION_SCREENS))
def test_station_screen_is_all_chinese(screen: str, station_db: StationDB) -> None:
    set_language("zh_CN")
    assert walk(StationApp(station_db), STATION_SCREENS[screen]) == set()


async def menu_open(pilot: Pilot) -> None:
    """The problem form with its first drop-down open: Textual's menu, with its own keys."""
    await keys("p", expect=ProblemFormScreen)(pilot)
    pilot.app.screen.query(Select).first().focus()
    await pilot.press("enter")
    await pilot.pause()


def test_a_drop_down_menu_is_all_chinese(unit_store: Store) -> None:
    set_language("zh_CN")
    assert walk(FieldgridApp(unit_store), menu_open) == set()
