"""Shared by the snapshot tests (``tests/tui/snapshots``): take a screenshot after some steps, with nothing
left that changes between two runs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

SIZE = (80, 24)
LANGUAGES = ["zh_CN", "en"]

Steps = Callable[[Pilot], Awaitable[None]]


def keys(*pressed: str, expect: type[Screen]) -> Steps:
    """Press ``pressed`` one at a time (letting each screen open), then check that ``expect`` is on top."""

    async def steps(pilot: Pilot) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(pilot.app.screen, expect), f"{pressed} led to {pilot.app.screen!r}, not {expect.__name__}"

    return steps


async def steady(pilot: Pilot) -> None:
    """Stop the cursors blinking (they are then always drawn), so the screenshot does not depend on when it is
    taken."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False
    await pilot.pause()


def snapshot(snap_compare: Callable[..., bool], app: App[Any], steps: Steps) -> bool:
    """``snap_compare`` of ``app`` at 80×24 after ``steps``, cursors steady."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await steps(pilot)
        await steady(pilot)

    return snap_compare(app, terminal_size=SIZE, run_before=run_before)
