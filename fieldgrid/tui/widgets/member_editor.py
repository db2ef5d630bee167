"""The inputs of one household member inside the household form, each with its own error line."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Select, Static

from fieldgrid.i18n import label, t
from fieldgrid.model import Member
from fieldgrid.model.vocabulary import RELATIONS, SEXES
from fieldgrid.tui.common.formatting import phone_text
from fieldgrid.tui.widgets.form_field import FormField, keep_on_focus, unfocusable

MEMBER_FIELDS = ("name", "relation", "sex", "birth_year", "phone", "id_number")


class MemberEditor(Vertical):
    """Name, relation, sex, birth year, phone and ID number of a member; keeps the member's id."""

    class RemoveRequested(Message):
        def __init__(self, editor: MemberEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, member: Member | None, *, number: int, relation: str = "self") -> None:
        super().__init__(classes="member-editor")
        self.original = member or Member(name="", relation=relation)
        self.number = number
        m = self.original
        self.fields: dict[str, FormField] = {
            "name": FormField(
                t("tui.member.name"),
                keep_on_focus(Input(m.name, classes="m-name", compact=True)),
                field="name",
                classes="half",
            ),
            "relation": FormField(
                t("tui.member.relation"),
                Select(
                    [(label("relation", code), code) for code in RELATIONS],
                    value=m.relation if m.relation in RELATIONS else "other",
                    allow_blank=False,
                    classes="m-relation",
                    compact=True,
                ),
                field="relation",
                classes="half",
            ),
            "sex": FormField(
                t("tui.member.sex"),
                Select(
                    [(label("sex", code), code) for code in SEXES],
                    value=m.sex if m.sex in SEXES else Select.NULL,
                    prompt=t("tui.form.unknown"),
                    classes="m-sex",
                    compact=True,
                ),
                field="sex",
                classes="half",
            ),
            "birth_year": FormField(
                t("tui.member.birth_year"),
                keep_on_focus(
                    Input(
                        str(m.birth_year) if m.birth_year else "",
                        type="integer",
                        max_length=4,
                        classes="m-birth_year",
                        compact=True,
                    )
                ),
                field="birth_year",
                classes="half",
            ),
            "phone": FormField(
                t("tui.member.phone"),
                keep_on_focus(Input(phone_text(m.phone, reveal=True), classes="m-phone", compact=True)),
                field="phone",
            ),
            "id_number": FormField(
                t("tui.member.id_number"),
                keep_on_focus(Input(m.id_number or "", max_length=22, classes="m-id_number", compact=True)),
                field="id_number",
            ),
        }

    def compose(self) -> ComposeResult:
        with Horizontal(classes="member-head"):
            yield Static(self._title(), classes="member-title")
            # out of the Tab order, so Tab never lands on it before 姓名: ctrl+r (in the key bar) or a click
            yield unfocusable(Button(t("tui.form.remove_member"), classes="remove-member", compact=True))
        with Horizontal(classes="pair"):
            yield self.fields["name"]
            yield self.fields["relation"]
        with Horizontal(classes="pair"):
            yield self.fields["sex"]
            yield self.fields["birth_year"]
        yield self.fields["phone"]
        yield self.fields["id_number"]

    def _title(self) -> str:
        return t("tui.form.member_n", n=self.number)

    def set_number(self, number: int) -> None:
        self.number = number
        if self.is_mounted:
            self.query_one(".member-title", Static).update(self._title())

    def input(self, field: str) -> Input:
        return self.fields[field].control  # type: ignore[return-value]

    def select(self, field: str) -> Select[str]:
        return self.fields[field].control  # type: ignore[return-value]

    def raw(self) -> dict[str, str]:
        """What is typed, as text: for blank checks and unsaved-change detection."""
        sex = self.select("sex").value
        return {
            "name": self.input("name").value,
            "relation": str(self.select("relation").value),
            "sex": "" if sex is Select.NULL else str(sex),
            "birth_year": self.input("birth_year").value,
            "phone": self.input("phone").value,
            "id_number": self.input("id_number").value,
        }

    def is_blank(self) -> bool:
        raw = self.raw()
        return not any(raw[k].strip() for k in ("name", "birth_year", "phone", "id_number"))

    def member(self) -> Member:
        raw = self.raw()
        year = raw["birth_year"].strip()
        return dataclasses.replace(
            self.original,
            name=raw["name"],
            relation=raw["relation"],
            sex=raw["sex"] or None,
            birth_year=int(year) if year.lstrip("-").isdigit() else None,
            phone=raw["phone"].strip() or None,
            id_number=raw["id_number"].strip() or None,
        )

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.set_error(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("remove-member"):
            event.stop()
            self.post_message(self.RemoveRequested(self))
