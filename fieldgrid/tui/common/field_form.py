"""A small form screen for one record of field work (a visit, a problem, a step in a problem's life): the
fields one under another on the one form base (:class:`~fieldgrid.tui.common.form.FormScreen`), and the
helpers that make a text field or a choice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.common.form import FormScreen, value_of
from fieldgrid.tui.widgets.form_field import FormField

T = TypeVar("T")


class FieldFormScreen(FormScreen[T], Generic[T]):
    """A form of plain fields, one under another: subclasses give :meth:`fields` and :meth:`submit`."""

    def __init__(self, store: Store, title: str) -> None:
        super().__init__(store, title, classes="field-form")

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
