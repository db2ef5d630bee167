"""Add or edit a household: every field, its members, and each validation error shown at its field.

The place's own facts follow the profile's grid kind (:mod:`fieldgrid.model.places`), only that kind's: a
village household's group, house number and name (instead of a room); a shop's street number, name, unified
social credit code and staff count; an institution's name, security officer and their phone.

``ctrl+s`` saves through the store; a storage error (a full disk) is shown at the top of the form and
everything typed stays in place.  ``escape`` cancels, asking first when something was changed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from fieldgrid.i18n import label, t
from fieldgrid.model import Household, ValidationError, ValidationErrors, validate_household
from fieldgrid.model.places import PLACE_KEYS, SHOPS, STAIRWELL, VILLAGE, village_parts, village_room
from fieldgrid.model.vocabulary import RELATIONS, RESIDENCY
from fieldgrid.store import Store
from fieldgrid.tui.common.dialogs import ConfirmDialog
from fieldgrid.tui.common.form import FormScreen
from fieldgrid.tui.common.formatting import phone_text
from fieldgrid.tui.common.vocabulary import tag_options
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.member_editor import MemberEditor
from fieldgrid.tui.widgets.ticks import TickList

_PHONE_SEPARATORS = re.compile(r"[,，、;；/\s]+")

# Model field → the household form field that shows its error.
_FIELD_ALIASES = {"floor": "room", "phone": "phones", "head": "members"}
# Top to bottom, as the form shows them.
_SCREEN_ORDER = (
    "place.group",
    "place.number",
    "room",
    "residency",
    "building",
    "unit",
    "place.name",
    "place.credit_code",
    "place.staff",
    "place.security_officer",
    "place.security_phone",
    "members",
    "phones",
    "emergency_name",
    "emergency_phone",
    "tags",
    "notes",
)


def split_phones(text: str) -> list[str]:
    return [p for p in _PHONE_SEPARATORS.split(text) if p]


class HouseholdFormScreen(FormScreen["Household | None"]):
    """Dismisses with the saved household, or ``None`` when cancelled."""

    AUTO_FOCUS = "#room, #place-group"  # a village household is typed by group and number, not a room
    HELP_TITLE = "tui.help.form_title"
    HELP_INTRO = "tui.help.form_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_member", "tui.key.add_member"),
        Binding("ctrl+r", "remove_member", "tui.key.remove_member"),
    ]

    def __init__(self, store: Store, household: Household | None, *, move_in: Household | None = None) -> None:
        """``move_in``: the vacant or moved-out household of the flat a new household moves into (the room is
        given, the old record stays in history)."""
        title = t("tui.form.add_title") if household is None else t("tui.form.edit_title", room=household.room)
        if move_in is not None:
            title = t("tui.move.in_title", room=move_in.room)
        super().__init__(store, title, id="household-form")
        self.original = household
        self.move_in = move_in
        self._namesakes_asked = False
        self.profile = store.profile()
        self.grid_kind = self.profile.grid_kind if self.profile else STAIRWELL
        self._editors: list[MemberEditor] = []

    @property
    def fields(self) -> dict[str, FormField]:
        return self.form_fields

    # -- building -------------------------------------------------------------------------------

    def _tag_options(self) -> list[tuple[str, str]]:
        """The tags of the scenario packs in force and the unit's own; a tag the household already has that
        left every pack stays offered (ticked), so editing it loses nothing."""
        return tag_options(self.store, *(self.original.tags if self.original else ()))

    def body(self) -> ComposeResult:
        h = self.original or Household(
            room=self.move_in.room if self.move_in else "",
            building=self.move_in.building if self.move_in else self.profile.grid.building if self.profile else "",
            unit=self.move_in.unit if self.move_in else self.profile.grid.unit if self.profile else "",
        )
        fields = {
            "room": FormField(
                t("tui.field.street_number" if self.grid_kind == SHOPS else "tui.field.room"),
                Input(h.room, id="room", max_length=10, compact=True),
                field="room",
                classes="half",
            ),
            "residency": FormField(
                t("tui.field.residency"),
                Select(
                    [(label("residency", code), code) for code in RESIDENCY],
                    value=h.residency if h.residency in RESIDENCY else "resident",
                    allow_blank=False,
                    id="residency",
                    compact=True,
                ),
                field="residency",
                classes="half",
            ),
            "building": FormField(
                t("tui.field.building"),
                Input(h.building, id="building", compact=True),
                field="building",
                classes="half",
            ),
            "unit": FormField(
                t("tui.field.unit"), Input(h.unit, id="unit", compact=True), field="unit", classes="half"
            ),
            "phones": FormField(
                t("tui.field.phones"),
                Input(" ".join(phone_text(p, reveal=True) for p in h.phones), id="phones", compact=True),
                field="phones",
                hint=t("tui.form.phones_hint"),
            ),
            "emergency_name": FormField(
                t("tui.field.emergency_name"),
                Input(h.emergency_name, id="emergency_name", compact=True),
                field="emergency_name",
                classes="half",
            ),
            "emergency_phone": FormField(
                t("tui.field.emergency_phone"),
                Input(phone_text(h.emergency_phone, reveal=True), id="emergency_phone", compact=True),
                field="emergency_phone",
                classes="half",
            ),
            "tags": FormField(
                t("tui.field.tags"),
                TickList(
                    *(Selection(text, code, code in h.tags) for text, code in self._tag_options()), id="tags"
                ),
                field="tags",
            ),
            "notes": FormField(
                t("tui.field.notes"), TextArea(h.notes, id="notes", soft_wrap=True, compact=True), field="notes"
            ),
        }
        fields.update(self._place_fields(h))
        if "place.group" in fields:
            del fields["room"]  # made of the group and the number
        self.register(fields.values())
        if self.grid_kind == VILLAGE and self.move_in is None:  # group and number make the room (3-15)
            with Horizontal(classes="pair"):
                yield fields["place.group"]
                yield fields["place.number"]
            with Horizontal(classes="pair"):
                yield fields["residency"]
                yield fields["place.name"]
        else:
            with Horizontal(classes="pair"):
                yield fields["room"]
                yield fields["residency"]
        with Horizontal(classes="pair"):
            yield fields["building"]
            yield fields["unit"]
        if self.grid_kind not in (STAIRWELL, VILLAGE):
            keys = PLACE_KEYS[self.grid_kind]
            yield fields["place.name"]
            with Horizontal(classes="pair"):
                yield fields[f"place.{keys[1]}"]
                yield fields[f"place.{keys[2]}"]
        elif self.grid_kind == VILLAGE and self.move_in is not None:
            yield fields["place.name"]
        yield Static(t("tui.form.members"), classes="section-title")
        yield Static("", id="members-error", classes="field-error", markup=False)
        members = h.members if self.original else []
        with Vertical(id="members"):
            for n, member in enumerate(members, start=1):
                yield MemberEditor(member, number=n)
            if not self.original:
                yield MemberEditor(None, number=1, relation="self")
        yield Button(t("tui.form.add_member"), id="add-member", compact=True)
        yield Static(t("tui.form.household"), classes="section-title")
        yield fields["phones"]
        with Horizontal(classes="pair"):
            yield fields["emergency_name"]
            yield fields["emergency_phone"]
        yield fields["tags"]
        yield fields["notes"]

    def _place_fields(self, h: Household) -> dict[str, FormField]:
        """The place's own fields of the profile's grid kind, each keyed (and its errors named) ``place.KEY``."""
        if self.grid_kind == STAIRWELL:
            return {}
        place = dict(h.place or {})
        fields: dict[str, FormField] = {}

        def field(key: str, text: str, value: object, *, half: bool = True, hint: str = "") -> None:
            shown = "" if value is None else str(value)
            fields[f"place.{key}"] = FormField(
                text, Input(shown, id=f"place-{key}", compact=True), field=f"place.{key}",
                classes="half" if half else "", hint=hint,
            )  # fmt: skip

        name_half = self.grid_kind == VILLAGE and self.move_in is None
        field("name", t(f"tui.field.place_name_{self.grid_kind}"), place.get("name"), half=name_half)
        if self.grid_kind == VILLAGE and self.move_in is None:
            group, number = village_parts(h.room) or (place.get("group"), place.get("number"))
            field("group", t("tui.field.place_group"), group, hint=t("tui.field.place_hint_village"))
            field("number", t("tui.field.place_number"), number)
        elif self.grid_kind == SHOPS:
            field("credit_code", t("tui.field.place_credit_code"), place.get("credit_code"))
            field("staff", t("tui.field.place_staff"), place.get("staff"))
        elif self.grid_kind != VILLAGE:
            field("security_officer", t("tui.field.place_security_officer"), place.get("security_officer"))
            phone = phone_text(place.get("security_phone"), reveal=True) if place.get("security_phone") else ""
            field("security_phone", t("tui.field.place_security_phone"), phone)
        return fields

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#members-error", Static).display = False

    # -- reading the form -----------------------------------------------------------------------

    @property
    def editors(self) -> list[MemberEditor]:
        return list(self.query(MemberEditor))

    def _input(self, ident: str) -> Input:
        return self.query_one(f"#{ident}", Input)

    def state(self) -> object:
        return {
            "inputs": {
                i: self._input(i).value
                for i in ("building", "unit", "phones", "emergency_name", "emergency_phone")
            },
            "place": {i.id: i.value for i in self.query(Input) if i.id and i.id.startswith(("room", "place-"))},
            "residency": self.query_one("#residency", Select).value,
            "tags": sorted(self.query_one("#tags", SelectionList).selected),
            "notes": self.query_one("#notes", TextArea).text,
            "members": [e.raw() for e in self.editors],
        }

    def collect(self) -> tuple[Household, list[MemberEditor]]:
        """The household as typed, and the member editors in the order of its ``members``."""
        base = self.original or Household(room="")
        kept = [e for e in self.editors if not e.is_blank()]
        room, place = self._place_typed(base)
        floor = base.floor if self.original is not None and room.strip() == base.room else None
        emergency = self._input("emergency_phone").value.strip()
        residency = self.query_one("#residency", Select).value
        household = dataclasses.replace(
            base,
            room=room,
            floor=floor,
            building=self._input("building").value,
            unit=self._input("unit").value,
            residency=str(residency) if residency is not Select.NULL else "resident",
            phones=split_phones(self._input("phones").value),
            tags=list(self.query_one("#tags", SelectionList).selected),
            emergency_name=self._input("emergency_name").value,
            emergency_phone=emergency or None,
            notes=self.query_one("#notes", TextArea).text,
            members=[e.member() for e in kept],
            place=place,
        )
        return household, kept

    def _place_typed(self, base: Household) -> tuple[str, dict[str, object]]:
        """The room and the place as typed: a village's room made of its group and number (``3-15``, checked by
        the model), a staff count as a number when it is one; keys of other kinds kept as they were."""
        if self.grid_kind == STAIRWELL:
            return self._input("room").value, base.place
        place: dict[str, object] = {k: v for k, v in (base.place or {}).items() if k not in PLACE_KEYS[self.grid_kind]}
        for key in PLACE_KEYS[self.grid_kind]:
            if self.query(f"#place-{key}"):
                place[key] = self._input(f"place-{key}").value.strip()
        if self.grid_kind == VILLAGE and self.query("#place-group"):
            group, number = (str(place.pop(k, "")) for k in ("group", "number"))
            whole = group.isdigit() and number.isdigit()
            room = village_room(int(group), int(number)) if whole else f"{group}-{number}"
        else:
            room = self._input("room").value
        staff = place.get("staff")
        if isinstance(staff, str) and staff.isdigit():
            place["staff"] = int(staff)
        return room, {k: v for k, v in place.items() if v not in (None, "")}

    # -- errors ---------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        super().clear_errors()
        for editor in self.editors:
            editor.clear_errors()
        self.set_message("#members-error", "")

    def place_errors(self, errors: Sequence[ValidationError]) -> tuple[list[str], tuple[Widget, Widget] | None]:
        """Put each error under its field (a member's under that member); the topmost bad field gets the focus
        and is scrolled to."""
        editors = self._editors
        # (rank on screen, widget to focus, widget to bring into view)
        marked: list[tuple[tuple[int, int], Widget, Widget]] = []
        members_messages: list[str] = []
        general: list[str] = []
        for error in errors:
            message = t(error.key, **error.params)
            parts = error.field.split(".")
            name = _FIELD_ALIASES.get(error.field, error.field)
            if name == "room" and "room" not in self.fields and "place.group" in self.fields:  # a village's
                typed = self._input("place-group").value.strip()
                name = "place.number" if typed.isdigit() else "place.group"
            if parts[0] == "members" and len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < len(editors):
                index = int(parts[1])
                target = editors[index].fields.get(parts[2])
                rank = (_SCREEN_ORDER.index("members"), index + 1)
            elif name == "members":
                members_messages.append(message)
                everyone = self.editors
                focus: Widget = everyone[0].input("name") if everyone else self.query_one("#add-member")
                marked.append(((_SCREEN_ORDER.index("members"), 0), focus, self.query_one("#members-error")))
                continue
            else:
                target = self.fields.get(name)
                rank = (_SCREEN_ORDER.index(name) if name in _SCREEN_ORDER else 0, 0)
            if target is None:
                general.append(message)
                continue
            if not target.error:
                target.set_error(message)
            marked.append((rank, target.control, target))
        self.set_message("#members-error", "\n".join(members_messages))
        if not marked:
            return general, None
        _, focus, view = min(marked, key=lambda m: m[0])
        return general, (focus, view)

    # -- actions --------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Someone of the same name and birth year in another household: asked once in a dialog before saving."""
        if not self._namesakes_asked:
            household, _ = self.collect()
            try:
                found = self.store.namesakes(validate_household(household))
            except ValidationErrors:
                found = []  # the save shows what is wrong
            if found:
                lines = [t("tui.move.namesake", name=n.member.name, year=n.member.birth_year or "",
                           room=n.household.room) for n in found]  # fmt: skip
                question = "\n".join([*lines, t("tui.move.namesake_ask")])
                self.app.push_screen(ConfirmDialog(question, yes=t("tui.move.namesake_yes")), self._namesakes_answered)
                return
        super().action_save()

    def _namesakes_answered(self, go_on: bool | None) -> None:
        if go_on:
            self._namesakes_asked = True
            self.action_save()

    def submit(self) -> Household:
        household, self._editors = self.collect()
        if self.original is None:
            return self.store.add_household(household)
        return self.store.update_household(household)

    def saved(self, result: Household | None) -> None:
        if result is not None:
            self.app.notify(t("tui.form.saved", room=result.room))

    async def action_add_member(self) -> None:
        """A new member row, its name field focused once it is mounted (before, the focus stayed where it was
        and the name went into the previous member's ID number)."""
        editors = self.editors
        relations = {e.raw()["relation"] for e in editors}
        relation = next((r for r in ("self", "spouse") if r not in relations), "child")
        editor = MemberEditor(None, number=len(editors) + 1, relation=relation if relation in RELATIONS else "other")
        await self.query_one("#members", Vertical).mount(editor)
        editor.input("name").focus(scroll_visible=False)
        self.call_after_refresh(editor.scroll_visible, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_member":
            return True if self._focused_editor() is not None else None  # shown, dimmed, off a member
        return super().check_action(action, parameters)

    def _focused_editor(self) -> MemberEditor | None:
        node = self.focused
        while node is not None and not isinstance(node, MemberEditor):
            node = node.parent  # type: ignore[assignment]
        return node

    async def action_remove_member(self) -> None:
        """Remove the member whose field has the focus (删除此成员, ``ctrl+r``: Tab never lands on its button)."""
        editor = self._focused_editor()
        if editor is not None:
            await self._remove(editor)

    async def on_member_editor_remove_requested(self, event: MemberEditor.RemoveRequested) -> None:
        await self._remove(event.editor)

    async def _remove(self, gone: MemberEditor) -> None:
        await gone.remove()
        for n, editor in enumerate(self.editors, start=1):
            editor.set_number(n)
        self.query_one("#add-member", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-member":
            event.stop()
            self.run_worker(self.action_add_member())
            return
        super().on_button_pressed(event)
