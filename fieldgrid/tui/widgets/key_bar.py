"""The footer: the keys of the current screen and what they do, in the user's language.

It shows what Textual's ``Footer`` shows (the bindings marked ``show``, the command palette key on the
right, keys of disabled actions dimmed; a click presses the key) but as one widget instead of one
widget per key: the list screen repaints on every search keystroke, and every widget on a screen costs
time at start-up and on each frame.  Keys that do not fit on one line go on a second (nothing is cut:
the English map's keys are wider than 80 columns), a key never split between two lines.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

from fieldgrid.tui.common.bindings import shown_description


class Span(NamedTuple):
    line: int
    start: int  # first cell
    end: int  # the cell after the last
    key: str


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """Lines of ``key description`` pairs for the active bindings of the screen it is on (one when they fit)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    # The lines and their key spans for a width, kept until the bindings, the size or the styles change: the
    # screen repaints often (every search keystroke) and working out the active bindings is not free.
    _laid_out: tuple[int, Text, list[Span]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self._laid_out = None
        self.refresh()

    def on_resize(self) -> None:
        self._laid_out = None

    def notify_style_update(self) -> None:
        self._laid_out = None
        super().notify_style_update()

    def keys(self) -> tuple[list[_Key], _Key | None]:
        """The keys shown on the left (one per action, in binding order) and the palette key."""
        app = self.app
        shown: list[_Key] = []
        actions: set[str] = set()
        palette: _Key | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            item = _Key(key, app.get_key_display(binding), shown_description(binding), active.enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = item
            elif binding.show and item.description and binding.action not in actions:
                actions.add(binding.action)
                shown.append(item)
        return shown, palette

    def _layout(self, width: int | None = None) -> tuple[Text, list[Span]]:
        """The lines, and the cell span of each key on them (for clicks), for ``width`` cells (the bar's)."""
        width = self.content_size.width if width is None else width
        if self._laid_out is None or self._laid_out[0] != width:
            self._laid_out = (width, *self._lay_out(width))
        return self._laid_out[1], self._laid_out[2]

    def _lay_out(self, width: int) -> tuple[Text, list[Span]]:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        shown, palette = self.keys()
        lines: list[Text] = [Text(no_wrap=True, overflow="crop")]
        spans: list[Span] = []

        def cells(item: _Key) -> int:
            return Text(f" {item.display} {item.description} ").cell_len

        def add(item: _Key) -> None:
            line = lines[-1]
            if line.cell_len and width and line.cell_len + cells(item) > width:  # it goes on the next line
                line = Text(no_wrap=True, overflow="crop")
                lines.append(line)
            start = line.cell_len
            line.append(f" {item.display} ", key_style if item.enabled else disabled_style)
            line.append(f"{item.description} ", description_style if item.enabled else disabled_style)
            spans.append(Span(len(lines) - 1, start, line.cell_len, item.key))

        for item in shown:
            add(item)
        if palette is not None:
            gap = width - lines[-1].cell_len - cells(palette)
            if gap > 0:
                lines[-1].append(" " * gap)
            add(palette)
        return Text("\n", no_wrap=True, overflow="crop").join(lines), spans

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._layout(width)[0].split())

    def spans(self) -> list[Span]:
        """``(line, first cell, end cell, key)`` of each key."""
        return self._layout()[1]

    def render(self) -> Text:
        return self._layout()[0].copy()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for line, start, end, key in self.spans():
            if line == offset.y and start <= offset.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
