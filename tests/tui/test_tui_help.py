"""The app's own keys at 80×24: help for the current screen, the key bar (translated, clickable), quitting
(asking first when something is unsaved), notices that stay until dismissed, and the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from fieldgrid.i18n import set_language, t
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.common.dialogs import ConfirmDialog, NoticeDialog
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.common.profile_form import ProfileScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.widgets.key_bar import KeyBar
from testkit.tui_app import (
    LANGUAGES,
    run,
    sample_store,
    screen_text,
    type_into,
)

# -- help, quit, notices, command palette ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_lists_the_keys_of_the_current_screen(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert t("tui.help.list_title") in text
        for key in ("search", "add", "edit", "open", "help", "quit"):
            assert t(f"tui.key.{key}") in text
        assert t("tui.key.reveal") not in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert t("tui.help.detail_title") in text
        assert t("tui.key.reveal") in text and t("tui.key.delete") in text
        assert t("tui.key.add") not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)

    run(store, body)


def test_english_footer_and_help_say_english(tmp_path: Path) -> None:
    set_language("en")
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        footer = screen_text(app).splitlines()[-1]
        for word in ("Search", "Add", "Edit", "Open", "Help", "Quit"):
            assert word in footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Help: households" in screen_text(app)

    run(store, body)


def test_clicking_a_key_in_the_footer_presses_it(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        bar = app.screen.query_one(KeyBar)
        line, start, _, _ = next(span for span in bar.spans() if span.key == "a")
        await pilot.click(bar, offset=(start + 1, line))
        await pilot.pause()
        assert isinstance(app.screen, HouseholdFormScreen)

    run(store, body)


def test_q_quits(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit

    run(store, body)


def test_q_with_unsaved_changes_asks(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, app.screen.query_one("#room", Input), "0901")
        app.screen.query_one("#residency", Select).focus()  # q in an input is just a letter
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert not app._exit
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdFormScreen)

    run(store, body)


def test_notices_stay_until_dismissed(tmp_path: Path) -> None:
    store = sample_store(tmp_path)
    notice = ("notice.db_moved_aside", {"path": "/data/fieldgrid.json.corrupt-1", "reason": "Extra data"})

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, NoticeDialog)
        assert "/data/fieldgrid.json.corrupt-1" in screen_text(app)
        await pilot.press("down", "a")  # other keys do not dismiss it
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)

    run(store, body, start="map", notices=[notice])


def test_profile_can_be_edited_from_the_command_palette(tmp_path: Path) -> None:
    store = sample_store(tmp_path)

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*t("tui.cmd.profile"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        screen.query_one("#p-extra_tags", Input).value = "党员，退役军人"  # full-width comma, as an IME types it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        assert "退役军人" in screen_text(app)  # offered as a filter chip

    run(store, body)
    saved = store.profile()
    assert saved is not None and saved.extra_tags == ["党员", "退役军人"]

