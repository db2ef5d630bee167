"""A labelled form control with its error line underneath, so a validation message sits at its field.

Forms hold dozens of these, so each is kept to a few nodes: a two-column grid of label and control, a
hint below the control when there is one, and an error line created only when the first error arrives.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Input, Label, Static

W = TypeVar("W", bound=Widget)
In = TypeVar("In", bound=Input)


def keep_on_focus(control: In) -> In:
    """``control`` keeps its text when it gains the focus: the cursor goes after the text, nothing selected
    (Textual selects all of it, so the next key typed would replace a whole ID number)."""
    control.select_on_focus = False
    return control


def unfocusable(widget: W) -> W:
    """``widget`` taken out of the focus chain: a scrolling form body whose fields take the focus
    (a focusable container restyles its whole subtree each time it gains or loses the focus)."""
    widget.can_focus = False
    return widget


class FormField(Container):
    """``label`` beside ``control``; :meth:`set_error` shows or clears a message below the control.

    ``field`` is the model's field name (``"room"``, ``"members.0.id_number"``), so a form can route
    each :class:`~fieldgrid.model.ValidationError` to its place.
    """

    def __init__(
        self,
        label: str,
        control: Widget,
        *,
        field: str,
        hint: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.add_class("form-field")
        self.field = field
        self.label_text = label
        self.control = control
        self.hint = hint
        self._error: Static | None = None
        self._spacer: Static | None = None
        self._message = ""

    def compose(self) -> ComposeResult:
        yield Label(self.label_text, classes="field-label")
        yield self.control
        if self.hint:
            yield Static(classes="field-spacer")
            yield Static(self.hint, classes="field-hint", markup=False)

    def set_hint(self, text: str) -> None:
        """Change the line under the control (a field made with a hint): what a typed date or room means."""
        self.hint = text
        if self.is_mounted:
            self.query_one(".field-hint", Static).update(text)

    @property
    def error(self) -> str:
        """The message shown under the control ("" when none)."""
        return self._message

    def set_error(self, message: str | None) -> None:
        self._message = message or ""
        self.set_class(bool(message), "-invalid")
        if self._error is None:
            if not message:
                return
            self._spacer = Static(classes="field-spacer")
            self._error = Static(message, classes="field-error", markup=False)
            self.mount(self._spacer, self._error)
        else:
            self._error.update(self._message)
        assert self._spacer is not None  # made together with the error line
        self._error.display = self._spacer.display = bool(message)
