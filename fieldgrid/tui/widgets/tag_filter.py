"""A one-stop row of tag chips to filter a list: left/right move, space toggles, a click toggles.

The chips wrap onto a second line only when they do not fit (many custom tags, a narrow terminal).
Styles in ``assets/tcss/tag_filter.tcss``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from fieldgrid.tui.common.bindings import translate_bindings


@dataclass(frozen=True)
class _Chip:
    code: str
    text: str
    line: int
    x: int


class TagFilterBar(Widget, can_focus=True):
    """Chips for ``tags`` (``(code, label)`` pairs) after a ``title``; posts :class:`Changed`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tag-filter--title",
        "tag-filter--chip",
        "tag-filter--selected",
        "tag-filter--cursor",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "tui.tags.prev", show=False),
        Binding("right", "move(1)", "tui.tags.next", show=False),
        Binding("space", "toggle_chip", "tui.key.toggle_tag"),
    ]

    class Changed(Message):
        """The set of chosen tags changed; ``selected`` keeps the chips' order."""

        def __init__(self, bar: TagFilterBar, selected: tuple[str, ...]) -> None:
            super().__init__()
            self.bar = bar
            self.selected = selected

        @property
        def control(self) -> TagFilterBar:
            return self.bar

    def __init__(
        self,
        tags: Sequence[tuple[str, str]],
        *,
        title: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)
        self._tags = list(tags)
        self.title = title
        self._selected: set[str] = set()
        self._cursor = 0

    @property
    def selected(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self._tags if code in self._selected)

    @property
    def cursor_code(self) -> str | None:
        return self._tags[self._cursor][0] if self._tags else None

    def set_tags(self, tags: Sequence[tuple[str, str]]) -> None:
        """Replace the chips, keeping the chosen ones that are still offered."""
        before = self.selected
        self._tags = list(tags)
        self._selected &= {code for code, _ in self._tags}
        self._cursor = min(self._cursor, max(0, len(self._tags) - 1))
        self.refresh(layout=True)
        if self.selected != before:
            self.post_message(self.Changed(self, self.selected))

    def toggle(self, code: str) -> None:
        if code in self._selected:
            self._selected.discard(code)
        else:
            self._selected.add(code)
        self.refresh()
        self.post_message(self.Changed(self, self.selected))

    def clear(self) -> None:
        if self._selected:
            self._selected.clear()
            self.refresh()
            self.post_message(self.Changed(self, self.selected))

    def action_move(self, step: int) -> None:
        if self._tags:
            self._cursor = (self._cursor + step) % len(self._tags)
            self.refresh()

    def action_toggle_chip(self) -> None:
        if self._tags:
            self.toggle(self._tags[self._cursor][0])

    # -- layout ---------------------------------------------------------------------------------

    def _title_text(self) -> str:
        return f"{self.title} " if self.title else ""

    def _layout(self, width: int) -> list[_Chip]:
        chips: list[_Chip] = []
        line, x = 0, cell_len(self._title_text())
        indent = x
        for code, label in self._tags:
            text = f"{label} "
            length = cell_len(text) + 1  # the mark (✓ or a blank) before the label
            if x + length > width and x > indent:
                line, x = line + 1, indent
            chips.append(_Chip(code, text, line, x))
            x += length + 1
        return chips

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        chips = self._layout(width)
        return (chips[-1].line + 1) if chips else 1

    def render(self) -> Text:
        width = self.content_size.width or 80
        chips = self._layout(width)
        title_style = self.get_component_rich_style("tag-filter--title")
        chip_style = self.get_component_rich_style("tag-filter--chip")
        selected_style = self.get_component_rich_style("tag-filter--selected")
        cursor_style = self.get_component_rich_style("tag-filter--cursor", partial=True)
        lines = [Text() for _ in range((chips[-1].line + 1) if chips else 1)]
        lines[0].append(self._title_text(), title_style)
        for n, chip in enumerate(chips):
            row = lines[chip.line]
            if row.cell_len < chip.x:
                row.append(" " * (chip.x - row.cell_len))
            chosen = chip.code in self._selected
            style: Style = selected_style if chosen else chip_style
            if self.has_focus and n == self._cursor:
                style = style + cursor_style
            row.append(("✓" if chosen else " ") + chip.text, style)
        return Text("\n").join(lines)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for n, chip in enumerate(self._layout(self.content_size.width)):
            if chip.line == offset.y and chip.x <= offset.x < chip.x + cell_len(chip.text) + 1:
                self._cursor = n
                self.toggle(chip.code)
                event.stop()
                return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
