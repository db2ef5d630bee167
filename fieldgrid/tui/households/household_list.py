"""The main screen: the unit's households in a virtual table, with live search and tag filters.

Search covers room, name, full pinyin and pinyin initials (:mod:`fieldgrid.search`).  The pinyin index is
built in a worker thread after the first frame, so pypinyin's import never delays start-up; a search
typed before it is ready builds it on the spot.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import label, t
from fieldgrid.model import Household
from fieldgrid.model.vocabulary import TAGS
from fieldgrid.roster.search import SearchIndex
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.formatting import HouseholdRow, tag_short
from fieldgrid.tui.common.fresh import Fresh
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.tag_filter import TagFilterBar
from fieldgrid.tui.widgets.title_bar import TitleBar
from fieldgrid.tui.widgets.virtual_table import Column, VirtualTable


class HouseholdListScreen(Fresh, Screen[None]):
    """The roster (花名册): one row per household; ``/`` search, ``a`` add, ``e`` edit, ``enter`` open."""

    AUTO_FOCUS = "#households"
    NAVIGABLE = True
    CSS_PATH: ClassVar = [asset_path("tcss", "virtual_table.tcss"), asset_path("tcss", "tag_filter.tcss")]
    HELP_TITLE = "tui.help.list_title"
    HELP_INTRO = "tui.help.list_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "tui.key.search"),
        Binding("a", "add", "tui.key.add"),
        Binding("e", "edit", "tui.key.edit"),
        Binding("i", "import_roster", "tui.key.import_roster", show=False),
        Binding("enter", "open", "tui.key.open", priority=True),
        Binding("escape", "clear_search", "tui.key.clear_search", show=False),
        Binding("down", "focus_table", "tui.key.to_table", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="household-list")
        translate_bindings(self)
        self.store = store
        self.households: list[Household] = []
        self._rows: dict[str, HouseholdRow] = {}
        self._all_rows: list[HouseholdRow] = []
        self._index: SearchIndex | None = None
        self._generation = 0
        self._tags: tuple[str, ...] = ()

    # -- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="search-row"):
            yield Label(t("tui.list.search_label"), id="search-label")
            yield Input(placeholder=t("tui.list.search_placeholder"), id="search", compact=True)
        yield TagFilterBar(self._tag_choices(), title=t("tui.list.tags_label"), id="tag-filter")
        yield VirtualTable(
            [
                Column("room", t("tui.col.room"), width=6),
                Column("head", t("tui.col.head"), width=10),
                Column("members", t("tui.col.members"), width=4, justify="right"),
                Column("tags", t("tui.col.tags"), flex=True, min_width=8),
                Column("phone", t("tui.col.phone"), width=11),
                Column("visited", t("tui.col.last_visit"), width=5),
            ],
            empty_text=t("tui.list.empty"),
            id="households",
        )
        yield Static("", id="status")
        yield KeyBar()

    def _tag_choices(self) -> list[tuple[str, str]]:
        profile = self.store.profile()
        extra = [tag for tag in (profile.extra_tags if profile else []) if tag not in TAGS]
        return [(code, tag_short(code)) for code in (*TAGS, *extra)]

    def on_mount(self) -> None:
        self.refresh_profile()
        self.reload()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#households", VirtualTable)

    @property
    def search_input(self) -> Input:
        return self.query_one("#search", Input)

    @property
    def tag_filter(self) -> TagFilterBar:
        return self.query_one("#tag-filter", TagFilterBar)

    # -- data -----------------------------------------------------------------------------------

    def refresh_profile(self) -> None:
        """Show the grid in the title and offer the leader's own tags as filters."""
        profile = self.store.profile()
        if profile:
            self.sub_title = t("tui.list.subtitle", grid=profile.grid.label(), leader=profile.name)
        self.tag_filter.set_tags(self._tag_choices())

    def reload(self, select: Hashable | None = None) -> None:
        """Read the households from the store again, keep the filters, and highlight ``select``."""
        self.show_households(self.store.households(), select=select)

    def redraw(self) -> None:
        index, key = self.table.cursor_row, self.table.cursor_key
        self.reload(select=key)
        if self.table.cursor_key != key:  # its household is gone: stay at the same place in the list
            self.table.move_cursor(index)

    def show_households(self, households: list[Household], select: Hashable | None = None) -> None:
        self.drawn()
        self.households = households
        visited = self.store.last_visits()
        self._all_rows = [HouseholdRow(h, visited.get(h.id, "")) for h in households]
        self._rows = {row.key: row for row in self._all_rows}
        self._generation += 1
        self._index = None
        self.apply_filter()
        if self._index is None:
            # After the next frame: pypinyin's import and the index never hold up painting.
            self.call_after_refresh(self._start_index_worker)
        if select is not None:
            self.table.move_cursor_to_key(select)

    def _start_index_worker(self) -> None:
        if self._index is not None:
            return
        households = self.households
        self.run_worker(
            lambda: SearchIndex(households),
            name=str(self._generation),
            group="search-index",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "search-index" or event.state != WorkerState.SUCCESS:
            return
        if worker.name == str(self._generation) and self._index is None:
            self._index = worker.result

    def _ensure_index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.households)
        return self._index

    def apply_filter(self) -> None:
        """Show the households matching the search text and the chosen tags (all of them)."""
        query = self.search_input.value
        if query.strip() or self._tags:
            matches = self._ensure_index().filter(query, self._tags)
            rows = self._rows
            shown = [rows[h.id] for h in matches]
        else:
            shown = self._all_rows
        self.table.set_rows(shown)
        self._show_status(len(shown))

    def _show_status(self, shown: int) -> None:
        total = len(self.households)
        if shown == total:
            text = t("tui.list.count_all", total=total)
        else:
            text = t("tui.list.count_some", shown=shown, total=total)
        if self._tags:
            text += t("tui.list.count_tags", tags=t("tui.list_sep").join(label("tag", c) for c in self._tags))
        self.query_one("#status", Static).update(text, layout=False)  # one fixed line: no layout pass

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.apply_filter()

    @on(TagFilterBar.Changed)
    def _tags_changed(self, event: TagFilterBar.Changed) -> None:
        self._tags = event.selected
        self.apply_filter()

    @on(VirtualTable.RowSelected)
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_household(str(event.key))

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "edit") and self.is_mounted and self.table.cursor_key is None:
            return None
        return True

    def action_focus_search(self) -> None:
        self.search_input.focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    @property
    def current_household_id(self) -> str | None:
        key = self.table.cursor_key if self.is_mounted else None
        return str(key) if key is not None else None

    def action_clear_search(self) -> None:
        """Clear the search, then the tag filter; with neither, back to the stairwell map."""
        if self.search_input.value:
            self.search_input.value = ""
        elif self._tags:
            self.tag_filter.clear()
        elif self.table.has_focus:
            self.app.action_home()  # type: ignore[attr-defined]
            return
        self.table.focus()

    def action_open(self) -> None:
        key = self.table.cursor_key
        if key is not None:
            self.open_household(str(key))

    def action_add(self) -> None:
        from fieldgrid.tui.households.household_form import (
            HouseholdFormScreen,  # imported on first use: off the start-up path
        )

        self.app.push_screen(HouseholdFormScreen(self.store, None), self._after_form)

    def action_edit(self) -> None:
        from fieldgrid.tui.households.household_form import (
            HouseholdFormScreen,  # imported on first use: off the start-up path
        )

        key = self.table.cursor_key
        if key is None:
            return
        household = self._fetch(str(key))
        if household is not None:
            self.app.push_screen(HouseholdFormScreen(self.store, household), self._after_form)

    def action_import_roster(self) -> None:
        from fieldgrid.tui.households.roster_import import (
            RosterImportScreen,  # imported on first use: off the start-up path
        )

        self.app.push_screen(RosterImportScreen(self.store), lambda written: self.reload() if written else None)

    def open_household(self, key: str) -> None:
        from fieldgrid.tui.households.household_detail import (
            HouseholdDetailScreen,  # imported on first use: off the start-up path
        )

        if self._fetch(key) is not None:
            self.app.push_screen(HouseholdDetailScreen(self.store, key), self._after_detail)

    def _fetch(self, key: str) -> Household | None:
        try:
            return self.store.household(key)
        except FieldgridError as exc:
            self.app.notify(t(exc.key, **exc.params), severity="error")
            self.reload()
            return None

    def _after_form(self, saved: Household | None) -> None:
        if saved is not None:
            self.reload(select=saved.id)
        self.table.focus()

    def _after_detail(self, changed: bool | None) -> None:
        if changed:
            index, key = self.table.cursor_row, self.table.cursor_key
            self.reload()
            if self.table.cursor_key != key:  # it was deleted: stay at the same place in the list
                self.table.move_cursor(index)
        self.table.focus()
