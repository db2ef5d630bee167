"""The footer line: the keys of the current screen and what they do, in the user's language.

It shows what Textual's ``Footer`` shows (the bindings marked ``show``, the command palette key on the
right, keys of disabled actions dimmed; a click presses the key) but as one widget instead of one
widget per key: the list screen repaints on every search keystroke, and every widget on a screen costs
time at start-up and on each frame.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from fieldgrid.tui.common.bindings import shown_description


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """One line of ``key description`` pairs for the active bindings of the screen it is on."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    # The line and its key spans, kept until the bindings, the size or the styles change: the screen
    # repaints often (every search keystroke) and working out the active bindings is not free.
    _laid_out: tuple[Text, list[tuple[int, int, str]]] | None = None

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

    def _layout(self) -> tuple[Text, list[tuple[int, int, str]]]:
        """The line, and the cell span of each key on it (for clicks)."""
        if self._laid_out is None:
            self._laid_out = self._lay_out()
        return self._laid_out

    def _lay_out(self) -> tuple[Text, list[tuple[int, int, str]]]:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        shown, palette = self.keys()
        text = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str]] = []

        def add(item: _Key) -> None:
            start = text.cell_len
            text.append(f" {item.display} ", key_style if item.enabled else disabled_style)
            text.append(f"{item.description} ", description_style if item.enabled else disabled_style)
            spans.append((start, text.cell_len, item.key))

        for item in shown:
            add(item)
        if palette is not None:
            width = self.content_size.width
            label = f" {palette.display} {palette.description} "
            gap = width - text.cell_len - cell_len(label)
            if gap > 0:
                text.append(" " * gap)
            add(palette)
        return text, spans

    def spans(self) -> list[tuple[int, int, str]]:
        """``(first cell, end cell, key)`` of each key on the line."""
        return self._layout()[1]

    def render(self) -> Text:
        return self._layout()[0].copy()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, key in self.spans():
            if start <= offset.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
