"""The fieldgrid terminal app: one unit's stairwell map, roster, visits, patrols and problem ledger, Chinese first,
usable at 80×24.

``FieldgridApp(store, notices=store.notices).run()``, or for a home with a PIN ``FieldgridApp(unlocker=…)``: the
app then asks for the PIN first and opens the store itself.  With a PIN the app locks after the idle minutes
set (``Store.lock_minutes``, default 5); the clock is injected (``clock=``) so tests drive the idle time.  The
caller sets the language (``set_language``) before constructing the app.  Styles are in
``assets/tcss/*.tcss``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from fieldgrid.assets import asset_path
from fieldgrid.i18n import t
from fieldgrid.model import LeaderProfile
from fieldgrid.store import Store
from fieldgrid.store.crypto import SealKey, parse_header
from fieldgrid.store.pin import Unlocker
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.protocols import (
    ShowsProfile,
    has_unsaved_changes,
    household_on,
    is_navigable,
)
from fieldgrid.tui.field_work.stairwell import StairwellScreen

S = TypeVar("S", bound="Screen[Any]")

# The other screens, the dialogs and Textual's command palette are imported when first needed, to keep
# them off the path to the first frame.

# What the first frame (the stairwell map) needs; the other stylesheets come with the screens that use them.
STYLESHEETS = ("app.tcss", "stairwell.tcss")
# Keys that move between the app's places; they work on screens that browse, never on a form or dialog.
NAVIGATION = frozenset({"home", "households", "ledger", "patrol", "problem", "emergency", "sync"})
IDLE_CHECK_SECONDS = 5.0
# Actions the palette lists by their own names (below), not again as keys.
NAMED_ACTIONS = frozenset(
    {"home", "households", "ledger", "patrol", "problem", "emergency", "sync", "help", "quit", "command_palette",
     "app.home", "app.households", "app.ledger", "app.patrol", "app.problem", "app.emergency", "app.sync"}
)  # fmt: skip


class FieldgridApp(App[None]):
    """The TUI.  ``store`` is an open :class:`~fieldgrid.store.Store`; ``notices`` are ``(key, params)``
    messages to show once at start (e.g. the database was moved aside), each until dismissed."""

    CSS_PATH: ClassVar = [asset_path("tcss", name) for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the key bar of the map (its own copies); everywhere else in the help and the palette.
        Binding("m", "home", "tui.key.home", show=False),
        Binding("l", "ledger", "tui.key.ledger", show=False),
        Binding("t", "patrol", "tui.key.patrol", show=False),
        Binding("T", "patrols", "tui.key.patrols", show=False),
        Binding("p", "problem", "tui.key.problem", show=False),
        Binding("exclamation_mark", "emergency", "tui.key.emergency", show=False),
        Binding("s", "sync", "tui.key.sync", show=False),
        # A barcode scanner types a household code, FG1-…, then Enter: its first key opens the catcher.
        Binding("F", "scan", "tui.scan.title", show=False, priority=True),
        Binding("question_mark", "help", "tui.key.help"),
        Binding("f1", "help", "tui.key.help", show=False),
        Binding("q", "quit", "tui.key.quit"),
        Binding("ctrl+q", "quit", "tui.key.quit", show=False, priority=True),
    ]

    store: Store

    def __init__(
        self,
        store: Store | None = None,
        *,
        notices: list[tuple[str, dict]] | None = None,
        unlocker: Unlocker | None = None,
        pin_hint: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        if store is None and unlocker is None:
            raise ValueError("FieldgridApp needs a store or an unlocker")
        if store is not None:
            self.store = store
        self.unlocker = unlocker
        self.pin_hint = pin_hint
        self.notices = list(notices or [])
        self.title = t("tui.app.title")
        self.clock = clock
        self.last_input = clock()
        self.first_run = False

    def on_mount(self) -> None:
        if self.unlocker is not None:
            from fieldgrid.tui.lock.pin_screen import PinScreen

            self.push_screen(PinScreen(self.unlocker, opener=self._open, hint=self.pin_hint), self._unlocked)
            return
        self._start()

    def _open(self, key: SealKey) -> Store:
        assert self.unlocker is not None
        return Store(self.unlocker.home, key=key)

    def _unlocked(self, store: Store | None) -> None:
        assert store is not None
        self.store = store
        store.retention_at_open()  # as the CLI does when it opens a home
        self.notices.extend(store.notices)
        self._start()

    def _start(self) -> None:
        self.last_input = self.clock()
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        self.home_screen = StairwellScreen(self.store)
        self.push_screen(self.home_screen)
        if self.store.profile() is None:
            from fieldgrid.tui.common.profile_form import ProfileScreen

            self.first_run = True
            self.push_screen(ProfileScreen(self.store, first_run=True), self._after_profile)
        if self.notices:
            from fieldgrid.tui.common.dialogs import NoticeDialog

            for key, params in self.notices:
                self.push_screen(NoticeDialog(t("tui.notice.title"), t(key, **params)))

    # -- the PIN and the idle lock --------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        from fieldgrid.tui.lock.pin_screen import PinScreen

        return any(isinstance(screen, PinScreen) for screen in self.screen_stack)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.last_input = self.clock()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        """Lock when the home has a PIN and nothing was typed or clicked for the idle minutes set."""
        store: Store | None = getattr(self, "store", None)  # not yet while the PIN is asked at start
        key = store.key if store is not None else None
        if store is None or key is None or self.is_locked:
            return
        minutes = store.lock_minutes()
        if minutes and self.clock() - self.last_input >= minutes * 60:
            self.lock_now(key)

    def lock_now(self, key: SealKey) -> None:
        """Cover everything with the PIN screen; what was open (a half-filled form too) is there again after."""
        from fieldgrid.tui.lock.pin_screen import PinScreen

        self.clear_notifications()
        unlocker = Unlocker(self.store.home, parse_header(key.header, str(self.store.path)))
        self.push_screen(PinScreen(unlocker, locked=True), self._relocked)

    def _relocked(self, _: Store | None) -> None:
        self.last_input = self.clock()

    def action_set_pin(self) -> None:
        from fieldgrid.tui.lock.set_pin import SetPinScreen

        if not self.store.is_sealed:
            self.push_screen(SetPinScreen(self.store), self._pin_set)

    def _pin_set(self, done: bool | None) -> None:
        if done:
            self.notify(t("tui.lock.set_done", minutes=self.store.lock_minutes()))

    def _after_profile(self, profile: LeaderProfile | None) -> None:
        if profile is not None:
            if self.first_run and not self.store.is_sealed:
                self.first_run = False
                self.action_set_pin()  # offered once, skippable
            self.home_screen.reload()
            for screen in self.screen_stack:
                if isinstance(screen, ShowsProfile):
                    screen.refresh_profile()

    # -- places ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.is_locked:
            return action == "quit"  # nothing under the PIN screen may be reached
        if action == "home" and isinstance(self.screen, StairwellScreen):
            return False  # already there
        if action in NAVIGATION:
            return is_navigable(self.screen)
        return True

    def _go(self, kind: type[S], make: Callable[[], S]) -> S:
        """Back to the open screen of ``kind`` if there is one (closing those above it), else open one."""
        stack = self.screen_stack
        found = next((s for s in reversed(stack) if isinstance(s, kind)), None)
        if found is None:
            screen = make()
            self.push_screen(screen)
            return screen
        while self.screen is not found:
            self.pop_screen()
        return found

    def action_home(self) -> None:
        self._go(StairwellScreen, lambda: StairwellScreen(self.store))

    def action_households(self, search: bool = False) -> None:
        from fieldgrid.tui.households.household_list import HouseholdListScreen

        screen = self._go(HouseholdListScreen, lambda: HouseholdListScreen(self.store))
        if search:
            self.call_after_refresh(screen.action_focus_search)

    def action_ledger(self) -> None:
        from fieldgrid.tui.ledger.ledger_screen import LedgerScreen

        self._go(LedgerScreen, lambda: LedgerScreen(self.store))

    def action_patrol(self) -> None:
        from fieldgrid.tui.field_work.patrol_form import PatrolFormScreen

        self.push_screen(PatrolFormScreen(self.store))

    def action_patrols(self) -> None:
        from fieldgrid.tui.field_work.corrections import PatrolListScreen

        self._go(PatrolListScreen, lambda: PatrolListScreen(self.store))

    def action_problem(self, household_id: str | None = None) -> None:
        from fieldgrid.tui.ledger.problem_form import ProblemFormScreen

        household_id = household_id or household_on(self.screen)
        self.push_screen(ProblemFormScreen(self.store, household_id=household_id))

    def action_import_roster(self) -> None:
        from fieldgrid.tui.households.household_list import HouseholdListScreen

        screen = self._go(HouseholdListScreen, lambda: HouseholdListScreen(self.store))
        self.call_after_refresh(screen.action_import_roster)

    def action_scan(self) -> None:
        from textual.widgets import Input, TextArea

        from fieldgrid.tui.households.scan import ScanScreen

        focused = self.focused
        if isinstance(focused, Input):  # typing a capital F into a field: just that
            focused.insert_text_at_cursor("F")
        elif isinstance(focused, TextArea):
            focused.insert("F")
        elif not isinstance(self.screen, ScanScreen):
            self.push_screen(ScanScreen(self.store, "F"))

    def action_sync(self) -> None:
        from fieldgrid.tui.sync.sync_screen import SyncScreen

        self.push_screen(SyncScreen(self.store))

    def action_scenarios(self) -> None:
        from fieldgrid.tui.scenarios.packs_screen import PacksScreen

        self.push_screen(PacksScreen(self.store))

    def action_emergency(self) -> None:
        from fieldgrid.tui.field_work.emergency import EmergencyScreen

        household_id = household_on(self.screen)
        self.push_screen(EmergencyScreen(self.store, household_id=household_id))

    # -- actions --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from fieldgrid.tui.common.help import HelpScreen, help_for

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(*help_for(self, screen)))

    async def action_quit(self) -> None:
        from fieldgrid.tui.common.dialogs import ConfirmDialog

        if any(has_unsaved_changes(screen) for screen in self.screen_stack):

            def answered(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.exit()

            self.push_screen(ConfirmDialog(t("tui.quit.unsaved"), yes=t("tui.quit.yes"), danger=True), answered)
            return
        self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c copies in Textual; tell someone reaching for it how to quit."""
        self.notify(t("tui.quit.how"), title=t("tui.quit.how_title"))

    def action_command_palette(self) -> None:
        from fieldgrid.tui.common.palette import open_palette

        if self.is_locked:
            return
        open_palette(self)

    def action_edit_profile(self) -> None:
        from fieldgrid.tui.common.profile_form import ProfileScreen

        if not isinstance(self.screen, ProfileScreen):
            self.push_screen(ProfileScreen(self.store), self._after_profile)

    def action_search(self) -> None:
        self.action_households(search=True)

    def action_add_household(self) -> None:
        from fieldgrid.tui.households.household_list import HouseholdListScreen

        screen = self._go(HouseholdListScreen, lambda: HouseholdListScreen(self.store))
        self.call_after_refresh(screen.action_add)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """What the screen's keys do (visit, card, export … each as its key does it), then the app's places and
        settings by name."""
        from fieldgrid.tui.common.palette import key_commands
        from fieldgrid.tui.common.profile_form import ProfileScreen

        yield from key_commands(self, screen, skip=NAMED_ACTIONS)
        if is_navigable(screen):
            yield SystemCommand(t("tui.cmd.home"), t("tui.cmd.home_help"), self.action_home)
            yield SystemCommand(t("tui.cmd.households"), t("tui.cmd.households_help"), self.action_households)
            yield SystemCommand(t("tui.cmd.add"), t("tui.cmd.add_help"), self.action_add_household)
            yield SystemCommand(t("tui.cmd.search"), t("tui.cmd.search_help"), self.action_search)
            yield SystemCommand(t("tui.cmd.ledger"), t("tui.cmd.ledger_help"), self.action_ledger)
            yield SystemCommand(t("tui.cmd.patrol"), t("tui.cmd.patrol_help"), self.action_patrol)
            yield SystemCommand(t("tui.cmd.problem"), t("tui.cmd.problem_help"), self.action_problem)
            yield SystemCommand(t("tui.cmd.emergency"), t("tui.cmd.emergency_help"), self.action_emergency)
            yield SystemCommand(t("tui.cmd.sync"), t("tui.cmd.sync_help"), self.action_sync)
            yield SystemCommand(t("tui.scenarios.cmd"), t("tui.scenarios.cmd_help"), self.action_scenarios)
            yield SystemCommand(t("tui.cmd.roster"), t("tui.cmd.roster_help"), self.action_import_roster)
        if not isinstance(screen, ProfileScreen):
            yield SystemCommand(t("tui.cmd.profile"), t("tui.cmd.profile_help"), self.action_edit_profile)
        if not self.store.is_sealed:
            yield SystemCommand(t("tui.lock.cmd_set"), t("tui.lock.cmd_set_help"), self.action_set_pin)
        yield SystemCommand(t("tui.cmd.help"), t("tui.cmd.help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd.theme"), t("tui.cmd.theme_help"), self.action_toggle_dark_theme)
        yield SystemCommand(t("tui.cmd.quit"), t("tui.cmd.quit_help"), self.action_quit)

    def action_toggle_dark_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
