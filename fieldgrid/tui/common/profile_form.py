"""The leader's profile form: asked on first run, editable later from the command palette.

Name, phone and the grid path (street, community, compound, building, unit, the community's optional
12-digit statistical code), the property company's and the community's duty phones (shown on the emergency
screen) plus the leader's own extra tags.  Errors show at their fields.
"""

from __future__ import annotations

import dataclasses
import re

from textual.app import ComposeResult
from textual.widgets import Input, Static

from fieldgrid.i18n import t
from fieldgrid.model import GridPath, LeaderProfile
from fieldgrid.store import Store
from fieldgrid.tui.common.form import FormScreen
from fieldgrid.tui.common.formatting import phone_text
from fieldgrid.tui.widgets.form_field import FormField

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
    ("property_phone", "tui.profile.property_phone", "tui.profile.duty_phone_hint"),
    ("community_phone", "tui.profile.community_phone", "tui.profile.duty_phone_hint"),
    ("extra_tags", "tui.profile.extra_tags", "tui.profile.extra_tags_hint"),
)


def _input_id(field: str) -> str:
    return "p-" + field.replace(".", "-")


class ProfileScreen(FormScreen["LeaderProfile | None"]):
    """Dismisses with the saved profile.  On first run there is nothing to go back to, so escape
    does nothing there; otherwise it cancels."""

    AUTO_FOCUS = "#p-name"
    HELP_TITLE = "tui.help.profile_title"
    HELP_INTRO = "tui.help.profile_intro"

    def __init__(self, store: Store, *, first_run: bool = False) -> None:
        title = t("tui.profile.title_first") if first_run else t("tui.profile.title")
        super().__init__(store, title, id="profile-form")
        self.first_run = first_run
        self.original = store.profile()

    @property
    def fields(self) -> dict[str, FormField]:
        return self.form_fields

    @property
    def can_cancel(self) -> bool:
        return not self.first_run

    def _initial(self, field: str) -> str:
        p = self.original
        if p is None:
            return ""
        if field in ("phone", "property_phone", "community_phone"):
            return phone_text(getattr(p, field), reveal=True)
        if field == "extra_tags":
            return t("tui.list_sep").join(p.extra_tags)
        if field.startswith("grid."):
            return str(getattr(p.grid, field[5:]))
        return str(getattr(p, field))

    def intro(self) -> ComposeResult:
        if self.first_run:
            yield Static(t("tui.profile.welcome"), id="profile-welcome")

    def body(self) -> ComposeResult:
        yield from self.register(
            FormField(
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
        ).values()

    def value(self, field: str) -> str:
        return self.query_one(f"#{_input_id(field)}", Input).value

    def collect(self) -> LeaderProfile:
        grid = GridPath(**{name: self.value(f"grid.{name}") for name in GridPath.__dataclass_fields__})
        tags = [tag.strip() for tag in _TAG_SEPARATORS.split(self.value("extra_tags")) if tag.strip()]
        base = self.original or LeaderProfile(name="", phone="")
        return dataclasses.replace(
            base,
            name=self.value("name"),
            phone=self.value("phone"),
            grid=grid,
            extra_tags=tags,
            property_phone=self.value("property_phone"),
            community_phone=self.value("community_phone"),
        )

    def submit(self) -> LeaderProfile:
        return self.store.save_profile(self.collect())

    def saved(self, result: LeaderProfile | None) -> None:
        self.app.notify(t("tui.profile.saved"))
