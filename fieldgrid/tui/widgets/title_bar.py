"""The one-line title at the top of each screen: the app's title and the screen's subtitle.

Textual's ``Header`` does the same with three child widgets and a clock; a single widget keeps the list
screen small, which matters because every frame walks the screen's widgets.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TitleBar(Widget):
    """Shows ``app.title — screen.sub_title``, following both as they change."""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.screen, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        title, sub_title = self.app.title, self.screen.sub_title
        text = Text(title, style="bold")
        if sub_title:
            text.append(" — ")
            text.append(sub_title, style="dim")
        return text
