"""Snapshots of every screen of the device app at 80×24, in Chinese and in English.

Each screen is reached with the keys a unit leader would press, on a copy of the demo unit with the clock fixed
at :data:`testkit.tui_field.NOW` (see ``conftest.py``).  The SVGs are in ``__snapshots__/``; after a deliberate
change of the look, review the diff and accept it with
``pytest tests/tui/snapshots --snapshot-update``.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from fieldgrid.i18n import set_language
from fieldgrid.scenarios import read_pack, shipped_path
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.audit.disclosure_log import DisclosureLogScreen
from fieldgrid.tui.common.dialogs import ConfirmDialog, NoticeDialog
from fieldgrid.tui.common.help import HelpScreen
from fieldgrid.tui.common.palette import Palette
from fieldgrid.tui.common.profile_form import ProfileScreen
from fieldgrid.tui.field_work.corrections import (
    PatrolCorrectionScreen,
    PatrolListScreen,
    ProblemCorrectionScreen,
    VisitCorrectionScreen,
)
from fieldgrid.tui.field_work.due_screen import DueScreen
from fieldgrid.tui.field_work.emergency import EmergencyScreen
from fieldgrid.tui.field_work.patrol_form import PatrolFormScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.field_work.visit_form import VisitFormScreen
from fieldgrid.tui.households.card import CardScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.households.move_forms import DeceasedFormScreen, MoveOutFormScreen
from fieldgrid.tui.households.roster_import import RosterImportScreen
from fieldgrid.tui.households.scan import ScanScreen
from fieldgrid.tui.ledger.event_form import EventFormScreen
from fieldgrid.tui.ledger.export_dialog import ExportDialog
from fieldgrid.tui.ledger.ledger_screen import LedgerScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from fieldgrid.tui.ledger.problem_form import ProblemFormScreen
from fieldgrid.tui.scenarios.packs_screen import PacksScreen
from fieldgrid.tui.sync.sync_screen import SyncScreen
from fieldgrid.tui.widgets.read_whole import ReadWhole
from testkit.tui_app import search
from testkit.tui_snap import LANGUAGES, Steps, keys, snapshot


async def searched(pilot: Pilot) -> None:
    await pilot.press("h")
    await pilot.pause()
    await search(pilot, "zgf")  # by the initials of a name: 曾国峰
    await pilot.pause()
    assert isinstance(pilot.app.screen, HouseholdListScreen)


async def moving_in(pilot: Pilot) -> None:
    """The vacant flat 0702's page, then ``a``: the add form as a move-in."""
    await pilot.press("h")
    await pilot.pause()
    await search(pilot, "0702")
    await pilot.press("enter", "enter", "a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HouseholdFormScreen)


async def emergency_at_0303(pilot: Pilot) -> None:
    """解淑芬's page (born 1939, living alone), ``!``, ``3`` (medical), the first step ticked."""
    await pilot.press("h")
    await pilot.pause()
    await search(pilot, "0303")
    await pilot.press("enter", "enter", "exclamation_mark", "3", "space")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EmergencyScreen)


async def menu_open(pilot: Pilot) -> None:
    """The problem form with its first drop-down open (Textual's menu, its key in our words)."""
    await keys("p", expect=ProblemFormScreen)(pilot)
    pilot.app.screen.query(Select).first().focus()
    await pilot.press("enter")
    await pilot.pause()


async def palette_on_household(pilot: Pilot) -> None:
    """The command palette on a household's page: its keys (visit, card …) as commands."""
    await keys("h", "enter", expect=HouseholdDetailScreen)(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    assert isinstance(pilot.app.screen, Palette)


def with_gas_pack(then: Steps) -> Steps:
    """The shipped gas-safety pack installed (as a return from the station would), then ``then``."""

    async def steps(pilot: Pilot) -> None:
        store = pilot.app.store  # type: ignore[attr-defined]
        store.install_scenario(read_pack(shipped_path("gas_safety")))
        await then(pilot)

    return steps


def choosing(select: str, value: str, then: Steps) -> Steps:
    """``then``, and ``value`` chosen in the form's drop-down ``select``."""

    async def steps(pilot: Pilot) -> None:
        await then(pilot)
        pilot.app.screen.query_one(select, Select).value = value
        await pilot.pause()

    return steps


# name → the keys from the stairwell map to the screen
DEVICE_SCREENS: dict[str, Steps] = {
    "map": keys(expect=StairwellScreen),
    "household_list": keys("h", expect=HouseholdListScreen),
    "household_search": searched,
    "household_detail": keys("h", "enter", expect=HouseholdDetailScreen),
    "household_form_new": keys("h", "a", expect=HouseholdFormScreen),
    "household_form_edit": keys("h", "e", expect=HouseholdFormScreen),
    "card": keys("h", "enter", "c", expect=CardScreen),
    "card_vcard": keys("h", "enter", "c", "v", expect=CardScreen),
    "delete_confirm": keys("h", "enter", "d", expect=ConfirmDialog),
    "visit_form": keys("h", "enter", "v", expect=VisitFormScreen),
    "visit_form_from_map": keys("v", "0", "6", "0", "2", "enter", "tab", "plus", "3", expect=VisitFormScreen),
    "household_form_new_member": keys("h", "e", "ctrl+n", expect=HouseholdFormScreen),
    "visit_void": keys("h", "enter", "x", expect=VisitCorrectionScreen),
    "visit_move": keys("h", "enter", "M", expect=VisitCorrectionScreen),
    "roster_import": keys("h", "i", expect=RosterImportScreen),
    "scan": keys("F", expect=ScanScreen),
    "patrol_form": keys("t", expect=PatrolFormScreen),
    "patrol_form_gas": with_gas_pack(choosing("#f-checklist", "gas_door", keys("t", expect=PatrolFormScreen))),
    "visit_form_gas": with_gas_pack(choosing("#f-kind", "gas_check", keys("h", "enter", "v", expect=VisitFormScreen))),
    "packs": with_gas_pack(keys("s", "ctrl+o", expect=PacksScreen)),
    "patrol_list": keys("T", expect=PatrolListScreen),
    "patrol_correct": keys("T", "enter", expect=PatrolCorrectionScreen),
    "problem_form": keys("p", expect=ProblemFormScreen),
    "emergency": keys("exclamation_mark", expect=EmergencyScreen),
    "emergency_household": emergency_at_0303,
    "problem_form_menu": menu_open,
    "palette_household": palette_on_household,
    "ledger": keys("l", expect=LedgerScreen),
    "problem_detail": keys("l", "enter", expect=ProblemDetailScreen),
    "problem_correct": keys("l", "enter", "C", expect=ProblemCorrectionScreen),
    "event_form": keys("l", "enter", "s", expect=EventFormScreen),
    "export_dialog": keys("l", "x", expect=ExportDialog),
    "sync": keys("s", expect=SyncScreen),
    "help": keys("question_mark", expect=HelpScreen),
    "help_end": keys("question_mark", "end", expect=HelpScreen),
    "map_notices": keys("n", expect=ReadWhole),
    "audit": keys("a", expect=DisclosureLogScreen),
    "move_out_form": keys("h", "enter", "o", expect=MoveOutFormScreen),
    "deceased_form": keys("h", "enter", "D", expect=DeceasedFormScreen),
    "move_in_form": moving_in,
    "due": keys("d", expect=DueScreen),
    "due_week": keys("d", "w", expect=DueScreen),
    "due_overdue_problems": keys("5", expect=DueScreen),
    "due_household": keys("d", "down", "down", "down", "enter", expect=HouseholdDetailScreen),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", list(DEVICE_SCREENS))
def test_device_screen(screen: str, language: str, unit_store: Store, snap_compare) -> None:
    set_language(language)
    app = FieldgridApp(unit_store)
    assert snapshot(snap_compare, app, DEVICE_SCREENS[screen])


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_run_profile_form(language: str, empty_store: Store, snap_compare) -> None:
    """A new home opens on the leader's profile form, over the empty map."""
    set_language(language)
    app = FieldgridApp(empty_store)
    assert snapshot(snap_compare, app, keys(expect=ProfileScreen))


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_run_empty_map(language: str, empty_store: Store, snap_compare) -> None:
    """The profile saved (building "6", unit "3"), no household yet: the map says what to do."""
    from fieldgrid.model import GridPath, LeaderProfile

    set_language(language)
    grid = GridPath(street="玉林街道", community="黄门街社区", compound="橙郡一期", building="6", unit="3")
    empty_store.save_profile(LeaderProfile(name="王秀英", phone="13800138000", grid=grid))
    app = FieldgridApp(empty_store)
    assert snapshot(snap_compare, app, keys(expect=StairwellScreen))


@pytest.mark.parametrize("language", LANGUAGES)
def test_notice_dialog(language: str, unit_store: Store, snap_compare) -> None:
    """A notice at start: the database was unreadable and moved aside."""
    set_language(language)
    moved = {"path": "unit/fieldgrid.json.corrupt-20261124-100000", "reason": "Expecting value: line 1 column 1"}
    app = FieldgridApp(unit_store, notices=[("notice.db_moved_aside", moved)])
    assert snapshot(snap_compare, app, keys(expect=NoticeDialog))
