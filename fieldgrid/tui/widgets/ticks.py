"""Boxes that show whether they are ticked in any language and any theme: ``[✓]`` ticked, ``[ ]`` not.

Textual draws both states as the same "▐X▌" and tells them apart only by colour, which an older eye (or a
monochrome terminal) cannot; these draw the state itself.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, SelectionList

TICKED = "[✓]"
UNTICKED = "[ ]"


def tick(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class TickBox(Checkbox):
    """A checkbox drawn ``[✓]`` or ``[ ]``."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--label")
        return Content.styled(tick(self.value) + " ", style)


class TickList(SelectionList[str]):
    """A selection list whose every line starts ``[✓]`` or ``[ ]``."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            option = self.get_option_at_index(index)
        except Exception:  # a line below the last option
            return line
        base = next(iter(line)).style or self.rich_style
        style = base + Style(meta={"option": index})
        if option.value in self._selected:
            style += Style(bold=True)
        return Strip([Segment(tick(option.value in self._selected) + " ", style=style), *line])
