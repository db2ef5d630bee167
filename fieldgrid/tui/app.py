"""The fieldgrid terminal app: the household roster of one unit, Chinese first, usable at 80×24.

``FieldgridApp(store, notices=store.notices).run()``.  The caller sets the language (``set_language``)
before constructing the app.  Styles are in ``assets/tcss/*.tcss``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from ..assets import asset_path
from ..i18n import t
from ..model import LeaderProfile
from ..store import Store
from .keys import is_ours, translate_bindings
from .screens.household_list import HouseholdListScreen

# The other screens, the dialogs and Textual's command palette are imported when first needed, to keep
# them off the path to the first frame.

# What the first frame needs; forms.tcss and dialogs.tcss come with the screens that use them.
STYLESHEETS = ("app.tcss", "virtual_table.tcss", "tag_filter.tcss")


class FieldgridApp(App[None]):
    """The TUI.  ``store`` is an open :class:`~fieldgrid.store.Store`; ``notices`` are ``(key, params)``
    messages to show once at start (e.g. the database was moved aside), each until dismissed."""

    CSS_PATH: ClassVar = [asset_path("tcss", name) for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "tui.key.help"),
        Binding("f1", "help", "tui.key.help", show=False),
        Binding("q", "quit", "tui.key.quit"),
        Binding("ctrl+q", "quit", "tui.key.quit", show=False, priority=True),
    ]

    def __init__(self, store: Store, *, notices: list[tuple[str, dict]] | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.notices = list(notices or [])
        self.title = t("tui.app.title")

    def on_mount(self) -> None:
        self.list_screen = HouseholdListScreen(self.store)
        self.push_screen(self.list_screen)
        if self.store.profile() is None:
            from .screens.profile_form import ProfileScreen

            self.push_screen(ProfileScreen(self.store, first_run=True), self._after_profile)
        if self.notices:
            from .screens.dialogs import NoticeDialog

            for key, params in self.notices:
                self.push_screen(NoticeDialog(t("tui.notice.title"), t(key, **params)))

    def _after_profile(self, profile: LeaderProfile | None) -> None:
        if profile is not None:
            self.list_screen.refresh_profile()

    # -- actions --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(*self.help_for(screen)))

    def help_for(self, screen: Screen) -> tuple[str, list[tuple[str, str]], str]:
        """Title, keys and intro of the help for ``screen``: the screen's own keys first, then the
        app's, then those of the focused widget; keys doing the same thing share a line."""

        def source(node: object) -> int:
            return 0 if node is screen else 1 if node is self else 2

        def declared(node: DOMNode, binding: Binding) -> int:
            return next((n for n, (_, b) in enumerate(node._bindings) if b == binding), 0)

        found: list[tuple[int, bool, int, str, str]] = []
        for active in screen.active_bindings.values():
            binding = active.binding
            if is_ours(binding) and binding.description:
                found.append(
                    (
                        source(active.node),
                        not binding.show,
                        declared(active.node, binding),
                        self.get_key_display(binding),
                        binding.description,
                    )
                )
        grouped: dict[str, list[str]] = {}
        for *_, key, description in sorted(found):
            grouped.setdefault(description, []).append(key)
        keys = [(" / ".join(keys), description) for description, keys in grouped.items()]
        title = t(getattr(screen, "HELP_TITLE", "tui.help.title"))
        intro_key = getattr(screen, "HELP_INTRO", "")
        return title, keys, t(intro_key) if intro_key else ""

    async def action_quit(self) -> None:
        from .screens.dialogs import ConfirmDialog

        if any(getattr(screen, "is_dirty", False) for screen in self.screen_stack):

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
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=t("tui.palette.placeholder")))

    def action_edit_profile(self) -> None:
        from .screens.profile_form import ProfileScreen

        if not isinstance(self.screen, ProfileScreen):
            self.push_screen(ProfileScreen(self.store), self._after_profile)

    def action_search(self) -> None:
        if isinstance(self.screen, HouseholdListScreen):
            self.screen.action_focus_search()

    def action_add_household(self) -> None:
        if isinstance(self.screen, HouseholdListScreen):
            self.screen.action_add()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.profile_form import ProfileScreen

        if isinstance(screen, HouseholdListScreen):
            yield SystemCommand(t("tui.cmd.add"), t("tui.cmd.add_help"), self.action_add_household)
            yield SystemCommand(t("tui.cmd.search"), t("tui.cmd.search_help"), self.action_search)
        if not isinstance(screen, ProfileScreen):
            yield SystemCommand(t("tui.cmd.profile"), t("tui.cmd.profile_help"), self.action_edit_profile)
        yield SystemCommand(t("tui.cmd.help"), t("tui.cmd.help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd.theme"), t("tui.cmd.theme_help"), self.action_toggle_dark_theme)
        yield SystemCommand(t("tui.cmd.quit"), t("tui.cmd.quit_help"), self.action_quit)

    def action_toggle_dark_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
