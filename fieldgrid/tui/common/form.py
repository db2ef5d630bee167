"""The one form screen every form in the TUI is built on: the profile, a household, a visit, a patrol, a problem
and each step in a problem's life.

It lays out a title, a line for errors that belong to no field, the scrolling body a subclass composes
(:meth:`FormScreen.body`), Save and Cancel, and the key bar.  Saving calls :meth:`FormScreen.submit`: a
:class:`~fieldgrid.model.ValidationError` is shown under its field (the topmost bad field gets the focus), any
other :class:`~fieldgrid.errors.FieldgridError` (a full disk, a refused change) at the top with everything typed
kept.  Cancelling asks before throwing away changes (:attr:`FormScreen.is_dirty`).

The focus starts in the first field a person types into (not on a select above it), the field that has it is
framed, and entering a field puts the cursor after its text: nothing is selected, so one Backspace removes one
character, never a whole ID number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea
from textual.widgets.input import Selection as InputSelection

from fieldgrid.assets import asset_path
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import t
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.common.dialogs import leave_form
from fieldgrid.tui.widgets.form_field import FormField, keep_on_focus, unfocusable
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar

T = TypeVar("T")


def value_of(widget: Widget) -> object:
    """What a form control holds: text for inputs and text areas, the code of a select ("" when blank), the
    sorted codes ticked in a selection list."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    if isinstance(widget, SelectionList):
        return sorted(str(v) for v in widget.selected)
    return ""


class FormScreen(Screen[T], Generic[T]):
    """Dismisses with what :meth:`submit` returned, or ``None`` when cancelled."""

    CSS_PATH: ClassVar = [asset_path("tcss", "forms.tcss")]
    HELP_TITLE = "tui.help.form_title"
    HELP_INTRO = "tui.help.field_form_intro"
    AUTO_FOCUS = "#form-body Input, #form-body TextArea"
    # Model field → form field, where the names differ.
    ALIASES: ClassVar[dict[str, str]] = {}
    # What the button that submits says (a catalogue key): 保存, or what submitting does (导入, 发送).
    SAVE_LABEL: ClassVar[str] = "tui.form.save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", priority=True),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, store: Store, title: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self.store = store
        self.title_text = title
        self.form_fields: dict[str, FormField] = {}
        self._snapshot: object = None
        self._saving = False

    # -- for subclasses ---------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        """The form's fields and anything between them, composed inside the scrolling body."""
        raise NotImplementedError

    def intro(self) -> ComposeResult:
        """Anything above the error line (a welcome on first run)."""
        yield from ()

    def submit(self) -> T:
        """Save what the form holds; raise ValidationErrors or a FieldgridError to keep the form open."""
        raise NotImplementedError

    def state(self) -> object:
        """What the form holds, compared with the state after mounting to tell whether anything changed."""
        return [value_of(f.control) for f in self.form_fields.values()]

    def place_errors(self, errors: Sequence[ValidationError]) -> tuple[list[str], tuple[Widget, Widget] | None]:
        """Mark each error at its field; the messages that belong to no field, and the topmost bad field: the
        widget to focus and the one to bring into view."""
        general: list[str] = []
        first: FormField | None = None
        for error in errors:
            target = self.form_fields.get(self.ALIASES.get(error.field, error.field))
            message = t(error.key, **error.params)
            if target is None:
                general.append(message)
                continue
            if not target.error:
                target.set_error(message)
            first = first or target
        return general, (first.control, first) if first is not None else None

    def clear_errors(self) -> None:
        for f in self.form_fields.values():
            f.set_error(None)
        self.set_message("#form-error", "")

    def saved(self, result: T) -> None:
        """Called after a successful save, before the form closes (a confirmation, say)."""

    @property
    def can_cancel(self) -> bool:
        return True

    # -- the form's pieces --------------------------------------------------------------------------

    def register(self, fields: Iterable[FormField]) -> dict[str, FormField]:
        """Fields the errors and the dirty check know by name."""
        for f in fields:
            self.form_fields[f.field] = f
        return self.form_fields

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield from self.intro()
        yield Static("", id="form-error", markup=False)
        with unfocusable(VerticalScroll(id="form-body")):
            yield from self.body()
            with Horizontal(id="form-buttons"):
                yield Button(t(self.SAVE_LABEL), id="save", variant="primary", compact=True)
                if self.can_cancel:
                    yield Button(t("tui.form.cancel"), id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.title_text
        self.query_one("#form-error", Static).display = False
        for control in self.query(Input):
            keep_on_focus(control)
        self.call_after_refresh(self._take_snapshot)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """The field focused first on opening was focused before :meth:`on_mount` could stop Textual selecting
        its text: the cursor goes after the text, nothing selected."""
        control = event.widget
        if isinstance(control, Input) and not control.selection.is_empty:
            keep_on_focus(control)
            control.selection = InputSelection.cursor(len(control.value))

    def _take_snapshot(self) -> None:
        self._snapshot = self.state()

    @property
    def is_dirty(self) -> bool:
        """Unsaved changes (asked about before cancelling or quitting)."""
        return self._snapshot is not None and self.state() != self._snapshot

    def set_message(self, selector: str, text: str) -> None:
        static = self.query_one(selector, Static)
        static.update(text)
        static.display = bool(text)

    def show_errors(self, errors: Sequence[ValidationError]) -> None:
        self.clear_errors()
        general, first = self.place_errors(errors)
        self.set_message("#form-error", "\n".join(general))
        if first is not None:
            focus, view = first
            focus.focus(scroll_visible=False)
            self.call_after_refresh(view.scroll_visible, animate=False)
        self.app.notify(t("tui.form.fix_errors", count=len(errors)), severity="warning")

    # -- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel" and not self.can_cancel:
            return False
        return True

    def action_save(self) -> None:
        if self._saving:
            return
        self._saving = True
        try:
            result = self.submit()
        except ValidationErrors as exc:
            self.show_errors(exc.errors)
            return
        except ValidationError as exc:
            self.show_errors([exc])
            return
        except FieldgridError as exc:
            self.clear_errors()
            message = t(exc.key, **exc.params)
            self.set_message("#form-error", message)
            self.query_one("#form-body").scroll_home(animate=False)
            self.app.notify(message, title=t("tui.form.not_saved"), severity="error", timeout=15)
            return
        finally:
            self._saving = False
        self.saved(result)
        self.dismiss(result)

    def action_cancel(self) -> None:
        if self.can_cancel:
            leave_form(self, self.is_dirty)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()
