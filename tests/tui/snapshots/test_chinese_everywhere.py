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
from typing import Any

import pytest
from test_snapshots_device import DEVICE_SCREENS
from test_snapshots_station import STATION_SCREENS
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Select

from fieldgrid.i18n import set_language
from fieldgrid.station.db import StationDB
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.station.app import StationApp
from testkit.tui_app import screen_text
from testkit.tui_snap import SIZE, Steps, keys

# Key names, as the key bar and the help write them.
KEY_NAMES = frozenset(
    {"esc", "enter", "tab", "space", "backspace", "delete", "home", "end", "pgup", "pgdn", "up", "down", "left",
     "right", "shift", "ctrl", "alt"} | {f"f{n}" for n in range(1, 13)}
)  # fmt: skip
# Names and codes that are written in Latin letters in Chinese too.
CODES = frozenset({"fieldgrid", "pin", "qr", "vcard", "usb", "id", "csv", "xlsx", "pdf", "json", "fg1"})
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
HEX = re.compile(r"[0-9a-f]{6,}")  # a device id or a fingerprint
SINGLE_KEY = re.compile(r"^[A-Za-z]$")  # a letter key: v, d, h …


def latin_words(text: str) -> set[str]:
    found = set()
    for line in text.splitlines():
        for word in WORD.findall(line):
            low = word.lower()
            if SINGLE_KEY.match(word) or low in KEY_NAMES or low in CODES or HEX.fullmatch(low):
                continue
            found.add(word)
    return found


async def everything_shown(app: App[Any], pilot: Pilot) -> str:
    """The screen, then its help (F1), then the palette's commands for it: all the words the user can see."""
    screen = app.screen
    seen = [screen_text(app)]
    seen += [f"{c.title} {c.help}" for c in app.get_system_commands(screen)]
    await pilot.press("f1")
    await pilot.pause()
    if app.screen is not screen:
        seen.append(screen_text(app))
    return "\n".join(seen)


def walk(app: App[Any], steps: Steps) -> set[str]:
    words: set[str] = set()

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await steps(pilot)
        words.update(latin_words(await everything_shown(app, pilot)))

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await run_before(pilot)

    import asyncio

    asyncio.run(main())
    return words


def test_the_allow_list_catches_english() -> None:
    assert latin_words("esc Dismiss menu  ^s 保存  ^p 命令") == {"Dismiss", "menu"}
    assert latin_words("v 走访  ctrl+s 保存  F1 帮助  设备 3fa9c0d2e1b4 · FG1-ABC") == set()


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
