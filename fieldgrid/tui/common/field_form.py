"""A small form screen for one record of field work (a visit, a problem, a step in a problem's life).

Subclasses give the fields (:meth:`fields`) and what saving does (:meth:`submit`); this class lays them out,
shows each :class:`~fieldgrid.model.ValidationError` under its field (the first bad one gets the focus),
shows a storage error at the top with everything typed kept, and asks before throwing away changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.dialogs import leave_form
from fieldgrid.tui.widgets.form_field import FormField, unfocusable
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

T = TypeVar("T")


def value_of(widget: Widget) -> str:
    """What a form control holds, as text ("" for an empty select)."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    return ""


class FieldFormScreen(Screen[T], Generic[T]):
    """Dismisses with what :meth:`submit` returned, or ``None`` when cancelled."""

    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    HELP_TITLE = "tui.help.form_title"
    HELP_INTRO = "tui.help.field_form_intro"
    # Model field → form field, where the names differ.
    ALIASES: ClassVar[dict[str, str]] = {}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", priority=True),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, store: Store, title: str) -> None:
        super().__init__(classes="field-form")
        translate_bindings(self)
        self.store = store
        self.title_text = title
        self.form_fields: dict[str, FormField] = {}
        self._snapshot: list[str] | None = None

    # -- for subclasses ---------------------------------------------------------------------------

    def fields(self) -> Iterable[FormField | Widget]:
        raise NotImplementedError

    def submit(self) -> T:
        """Save what the form holds; raise ValidationErrors or FieldgridError to keep the form open."""
        raise NotImplementedError

    def field(self, name: str) -> FormField:
        return self.form_fields[name]

    def value(self, name: str) -> str:
        return value_of(self.form_fields[name].control)

    # -- building ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="form-error", markup=False)
        with unfocusable(VerticalScroll(id="form-body")):
            for widget in self.fields():
                if isinstance(widget, FormField):
                    self.form_fields[widget.field] = widget
                yield widget
            with Horizontal(id="form-buttons"):
                yield Button(t("tui.form.save"), id="save", variant="primary", compact=True)
                yield Button(t("tui.form.cancel"), id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.title_text
        self.query_one("#form-error", Static).display = False
        self.call_after_refresh(self._take_snapshot)

    def _take_snapshot(self) -> None:
        self._snapshot = self._state()

    def _state(self) -> list[str]:
        return [value_of(f.control) for f in self.form_fields.values()]

    @property
    def is_dirty(self) -> bool:
        return self._snapshot is not None and self._state() != self._snapshot

    # -- errors -----------------------------------------------------------------------------------

    def _set_general(self, text: str) -> None:
        static = self.query_one("#form-error", Static)
        static.update(text)
        static.display = bool(text)

    def show_errors(self, errors: list[ValidationError]) -> None:
        general: list[str] = []
        first: FormField | None = None
        for f in self.form_fields.values():
            f.set_error(None)
        for error in errors:
            target = self.form_fields.get(self.ALIASES.get(error.field, error.field))
            message = t(error.key, **error.params)
            if target is None:
                general.append(message)
                continue
            if not target.error:
                target.set_error(message)
            first = first or target
        self._set_general("\n".join(general))
        if first is not None:
            first.control.focus(scroll_visible=False)
            self.call_after_refresh(first.scroll_visible, animate=False)
        self.app.notify(t("tui.form.fix_errors", count=len(errors)), severity="warning")

    # -- actions ----------------------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            result = self.submit()
        except ValidationErrors as exc:
            self.show_errors(exc.errors)
            return
        except ValidationError as exc:
            self.show_errors([exc])
            return
        except FieldgridError as exc:
            message = t(exc.key, **exc.params)
            self._set_general(message)
            self.app.notify(message, title=t("tui.form.not_saved"), severity="error", timeout=15)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        leave_form(self, self.is_dirty)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()


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
