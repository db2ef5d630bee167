"""The leader's profile form: asked on first run, editable later from the command palette.

Name, phone and the grid path (street, community, compound, building, unit, the community's optional
12-digit statistical code) plus the leader's own extra tags.  Errors show at their fields.
"""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t
from fieldgrid.model import GridPath, LeaderProfile, ValidationErrors
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.dialogs import leave_form
from fieldgrid.tui.common.formatting import phone_text
from fieldgrid.tui.widgets.form_field import FormField, unfocusable
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

_TAG_SEPARATORS = re.compile(r"[,，、;；]+")

# (form field / model field, catalogue key of its label, hint key or "")
PROFILE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "tui.profile.name", ""),
    ("phone", "tui.profile.phone", "tui.profile.phone_hint"),
    ("grid.street", "tui.profile.street", ""),
    ("grid.community", "tui.profile.community", ""),
    ("grid.compound", "tui.profile.compound", ""),
    ("grid.building", "tui.profile.building", ""),
    ("grid.unit", "tui.profile.unit", ""),
    ("grid.community_code", "tui.profile.community_code", "tui.profile.community_code_hint"),
    ("extra_tags", "tui.profile.extra_tags", "tui.profile.extra_tags_hint"),
)


def _input_id(field: str) -> str:
    return "p-" + field.replace(".", "-")


class ProfileScreen(Screen["LeaderProfile | None"]):
    """Dismisses with the saved profile.  On first run there is nothing to go back to, so escape
    does nothing there; otherwise it cancels."""

    AUTO_FOCUS = "#p-name"
    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    HELP_TITLE = "tui.help.profile_title"
    HELP_INTRO = "tui.help.profile_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", priority=True),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, store: Store, *, first_run: bool = False) -> None:
        super().__init__(id="profile-form")
        translate_bindings(self)
        self.store = store
        self.first_run = first_run
        self.original = store.profile()
        self.fields: dict[str, FormField] = {}
        self._snapshot: dict[str, str] | None = None

    def _initial(self, field: str) -> str:
        p = self.original
        if p is None:
            return ""
        if field == "phone":
            return phone_text(p.phone, reveal=True)
        if field == "extra_tags":
            return t("tui.list_sep").join(p.extra_tags)
        if field.startswith("grid."):
            return str(getattr(p.grid, field[5:]))
        return str(getattr(p, field))

    def compose(self) -> ComposeResult:
        self.fields = {
            field: FormField(
                t(label_key),
                Input(
                    self._initial(field),
                    id=_input_id(field),
                    compact=True,
                    max_length=12 if field == "grid.community_code" else 0,
                ),
                field=field,
                hint=t(hint_key) if hint_key else "",
            )
            for field, label_key, hint_key in PROFILE_FIELDS
        }
        yield TitleBar()
        if self.first_run:
            yield Static(t("tui.profile.welcome"), id="profile-welcome")
        yield Static("", id="form-error", markup=False)
        with unfocusable(VerticalScroll(id="form-body")):
            yield from self.fields.values()
            with Horizontal(id="form-buttons"):
                yield Button(t("tui.form.save"), id="save", variant="primary", compact=True)
                if not self.first_run:
                    yield Button(t("tui.form.cancel"), id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("tui.profile.title_first") if self.first_run else t("tui.profile.title")
        self.query_one("#form-error", Static).display = False
        self._snapshot = self._values()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel" and self.first_run:
            return False
        return True

    def _values(self) -> dict[str, str]:
        return {field: self.value(field) for field in self.fields}

    @property
    def is_dirty(self) -> bool:
        """Unsaved changes (asked about before quitting)."""
        return self._snapshot is not None and self._values() != self._snapshot

    def value(self, field: str) -> str:
        return self.query_one(f"#{_input_id(field)}", Input).value

    def collect(self) -> LeaderProfile:
        grid = GridPath(**{name: self.value(f"grid.{name}") for name in GridPath.__dataclass_fields__})
        tags = [tag.strip() for tag in _TAG_SEPARATORS.split(self.value("extra_tags")) if tag.strip()]
        base = self.original or LeaderProfile(name="", phone="")
        return dataclasses.replace(base, name=self.value("name"), phone=self.value("phone"), grid=grid, extra_tags=tags)

    def action_save(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        error_line = self.query_one("#form-error", Static)
        error_line.display = False
        try:
            saved = self.store.save_profile(self.collect())
        except ValidationErrors as exc:
            first: Widget | None = None
            general = []
            for error in exc.errors:
                message = t(error.key, **error.params)
                target = self.fields.get(error.field)
                if target is None:
                    general.append(message)
                    continue
                target.set_error(message)
                first = first or target.control
            if general:
                error_line.update("\n".join(general))
                error_line.display = True
            if first is not None:
                first.focus()
                self.call_after_refresh(first.scroll_visible, animate=False)
            self.app.notify(t("tui.form.fix_errors", count=len(exc.errors)), severity="warning")
            return
        except FieldgridError as exc:
            message = t(exc.key, **exc.params)
            error_line.update(message)
            error_line.display = True
            self.app.notify(message, title=t("tui.form.not_saved"), severity="error", timeout=15)
            return
        self.app.notify(t("tui.profile.saved"))
        self.dismiss(saved)

    def action_cancel(self) -> None:
        if self.first_run:
            return
        leave_form(self, self.is_dirty)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()
