"""Import the community's roster from the TUI (``i`` on the household list): type the file's path, see what
would be created or updated and every rejected row with its reason, then ``ctrl+s`` writes the valid
households in one go."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t
from fieldgrid.model import ValidationError
from fieldgrid.roster.importing import Plan, plan_import
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar


class RosterImportScreen(Screen[bool]):
    """Dismisses with ``True`` when households were written."""

    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    AUTO_FOCUS = "#roster-path"
    HELP_TITLE = "tui.help.roster_title"
    HELP_INTRO = "tui.help.roster_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "tui.key.roster_apply", priority=True),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(classes="field-form")
        translate_bindings(self)
        self.store = store
        self.plan: Plan | None = None
        self.written = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="form-body"):
            yield FormField(t("tui.roster.path"), Input(id="roster-path", compact=True), field="path",
                            hint=t("tui.roster.path_hint"))  # fmt: skip
            yield Static(id="roster-summary")
            yield Static(id="roster-rows")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.roster.title")

    @on(Input.Submitted, "#roster-path")
    def preview(self) -> None:
        from fieldgrid.field_labels import field_label
        from fieldgrid.roster.files import read_rows

        profile = self.store.profile()
        path = Path(self.query_one("#roster-path", Input).value.strip()).expanduser()
        try:
            self.plan = plan_import(
                read_rows(path), self.store.households(),
                building=profile.grid.building if profile else "", unit=profile.grid.unit if profile else "",
                extra_tags=[*self.store.vocabulary().tags, *(profile.extra_tags if profile else [])],
                today=self.store.now().date(), grid_kind=self.store.grid_kind(),
            )  # fmt: skip
        except ValidationError as exc:
            self.plan = None
            self.query_one("#roster-summary", Static).update(Text(t(exc.key, **exc.params), style="bold red"))
            self.query_one("#roster-rows", Static).update("")
            return
        plan = self.plan
        summary = t("tui.roster.summary", people=plan.rows, creates=len(plan.creates), updates=len(plan.updates),
                    unchanged=plan.unchanged, rejected=len({r.row for r in plan.rejected}))  # fmt: skip
        self.query_one("#roster-summary", Static).update(Text(summary, style="bold"))
        table = Table.grid(padding=(0, 2))
        for h in plan.creates:
            table.add_row(t("tui.roster.create"), h.room, f"{h.head_name}（{len(h.members)}）")
        for h in plan.updates:
            table.add_row(t("tui.roster.update"), h.room, f"{h.head_name}（{len(h.members)}）")
        for r in plan.rejected:
            table.add_row(Text(t("tui.roster.row", row=r.row), style="red"), field_label(r.field), t(r.key, **r.params))
        self.query_one("#roster-rows", Static).update(table)

    def path_name(self) -> str:
        return Path(self.query_one("#roster-path", Input).value.strip()).name

    def action_apply(self) -> None:
        plan = self.plan
        if plan is None:
            self.app.notify(t("tui.roster.preview_first"), severity="warning")
            return
        if plan.changes:
            try:
                self.store.apply_households(plan.creates, plan.updates)
                self.store.log_disclosure("import", "roster_import",
                                          sum(len(h.members) for h in [*plan.creates, *plan.updates]),
                                          target=self.path_name(), via="tui")  # fmt: skip
            except FieldgridError as exc:
                self.app.notify(t(exc.key, **exc.params), severity="error", timeout=15)
                return
        self.written = True
        self.app.notify(t("tui.roster.written", creates=len(plan.creates), updates=len(plan.updates)))
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(self.written)
