"""A small form screen for one record of field work (a visit, a problem, a step in a problem's life): the
fields one under another on the one form base (:class:`~fieldgrid.tui.common.form.FormScreen`), and the
helpers that make a text field or a choice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from fieldgrid.i18n import t
from fieldgrid.model.dates import day_text
from fieldgrid.store import Store
from fieldgrid.tui.common.form import FormScreen, value_of
from fieldgrid.tui.widgets.form_field import FormField
from fieldgrid.tui.widgets.room_field import date_hint

T = TypeVar("T")


class FieldFormScreen(FormScreen[T], Generic[T]):
    """A form of plain fields, one under another: subclasses give :meth:`fields` and :meth:`submit`."""

    def __init__(self, store: Store, title: str) -> None:
        super().__init__(store, title, classes="field-form")

    @property
    def grid_kind(self) -> str:
        """The unit's grid kind: how its places are written (3组15号, 12号), for a device's forms that ask one."""
        return self.store.grid_kind()

    def fields(self) -> Iterable[FormField | Widget]:
        raise NotImplementedError

    def body(self) -> ComposeResult:
        for widget in self.fields():
            if isinstance(widget, FormField):
                self.register([widget])
            yield widget

    def field(self, name: str) -> FormField:
        return self.form_fields[name]

    def value(self, name: str) -> str:
        value = value_of(self.form_fields[name].control)
        return value if isinstance(value, str) else ""

    def day(self, name: str) -> str | None:
        """A date field's day as ISO (明天, +3 and 12-05 read as the day they mean); text that means no day is
        passed on as typed, for the model to refuse; ``None`` when empty."""
        return day_text(self.value(name), self.store.now().date()) or None

    @on(Input.Changed)
    def _say_which_day(self, event: Input.Changed) -> None:
        """Under a date field, the day its text means, while it is typed."""
        for f in self.form_fields.values():
            if f.control is event.input and f.has_class("date-field"):
                f.set_hint(date_hint(event.value, self.store.now().date()))


def text_field(
    name: str,
    label: str,
    value: str = "",
    *,
    hint: str = "",
    area: bool = False,
    half: bool = False,
    placeholder: str = "",
) -> FormField:
    control: Widget
    if area:
        control = TextArea(value, id=f"f-{name}", soft_wrap=True, compact=True)
    else:
        control = Input(value, id=f"f-{name}", compact=True, placeholder=placeholder)
    return FormField(label, control, field=name, hint=hint, classes="half" if half else None)


def date_field(name: str, label: str, value: str = "") -> FormField:
    """A text field for a day: 明天, 下周一, +3, 12-05 or 2026-12-05, the day it means shown under it."""
    f = text_field(name, label, value, hint=t("tui.date.hint"))
    f.add_class("date-field")
    return f


def choice_field(
    name: str,
    label: str,
    options: list[tuple[str, str]],
    value: str | None = None,
    *,
    blank: bool = False,
    half: bool = False,
) -> FormField:
    """A select of (label, code) pairs."""
    select: Select[str] = Select(
        options,
        value=value if value is not None else (Select.NULL if blank else options[0][1]),
        allow_blank=blank,
        prompt=t("tui.form.choose"),
        id=f"f-{name}",
        compact=True,
    )
    return FormField(label, select, field=name, classes="half" if half else None)
