"""The stairwell drawn as the building it is: floors as rows (top floor on top), rooms as cells, each cell
marked by what matters now.  Arrow keys move between rooms; ``enter`` posts :class:`RoomSelected`.

A cell reads ``01张✓★!`` — the door number, the head's surname, then the marks: ``✓`` visited in the last
30 days (``·`` not) — or ``○`` a visit due today or tomorrow by the care cadence, ``✗`` a visit or follow-up
overdue —, ``★`` special attention, ``!`` open problem (``!^`` due within a day, ``!!`` overdue, ``‼`` an open
紧急 problem); a vacant flat reads ``02 空置``.  Marks are characters as well as colours, so they survive a
colour-blind eye and a terminal without colour.  Styles: ``assets/tcss/stairwell.tcss``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fieldgrid.i18n import t
from fieldgrid.model.dashboard import RoomState
from fieldgrid.model.household import Household
from fieldgrid.model.places import place_name
from fieldgrid.tui.common.bindings import translate_bindings

CELL = 9  # cells per room
LABEL = 5  # the floor label column ("11楼 ")


class StairwellGrid(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "stairwell--label",
        "stairwell--visited",
        "stairwell--unvisited",
        "stairwell--attention",
        "stairwell--problem",
        "stairwell--overdue",
        "stairwell--soon",
        "stairwell--due",
        "stairwell--late",
        "stairwell--vacant",
        "stairwell--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0, -1)", "tui.map.up", show=False),
        Binding("down", "move(0, 1)", "tui.map.down", show=False),
        Binding("left", "move(-1, 0)", "tui.map.left", show=False),
        Binding("right", "move(1, 0)", "tui.map.right", show=False),
        Binding("enter", "select", "tui.key.open", show=False),
    ]

    class RoomHighlighted(Message):
        def __init__(self, household: Household | None) -> None:
            super().__init__()
            self.household = household

    class RoomSelected(Message):
        def __init__(self, household: Household) -> None:
            super().__init__()
            self.household = household

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.rows: list[tuple[int | None, list[RoomState]]] = []
        self.columns = 0
        self.cursor = (0, 0)  # (column, row)
        self._styles: dict[str, Style] = {}
        # The grid's kind (:mod:`fieldgrid.model.places`): a village's rows are its groups, a shop street's its
        # numbers in order; ``labels`` (one per row) replace the floors' labels when given.
        self.kind = "stairwell"
        self.labels: list[str] = []

    # -- data -------------------------------------------------------------------------------------

    def set_rooms(self, rows: list[tuple[int | None, list[RoomState]]], keep: Household | None = None) -> None:
        """Show ``rows`` (floor, its rooms), top floor first; the cursor stays on household ``keep``, else on its
        flat (a new household moved in)."""
        self.rows = rows
        self.columns = max((len(rooms) for _, rooms in rows), default=0)
        self.virtual_size = Size(LABEL + CELL * self.columns, len(rows) + 1)
        target = (self._find(keep.id) or self._find_flat(keep)) if keep else None
        self._set_cursor(*(target or (0, 0)))
        self.refresh()

    def _find(self, household_id: str) -> tuple[int, int] | None:
        for y, (_, rooms) in enumerate(self.rows):
            for x, state in enumerate(rooms):
                if state.household.id == household_id:
                    return (x, y)
        return None

    def _find_flat(self, household: Household) -> tuple[int, int] | None:
        place = (household.building, household.unit, household.room)
        for y, (_, rooms) in enumerate(self.rows):
            for x, state in enumerate(rooms):
                if (state.household.building, state.household.unit, state.household.room) == place:
                    return (x, y)
        return None

    @property
    def current(self) -> RoomState | None:
        x, y = self.cursor
        if 0 <= y < len(self.rows) and 0 <= x < len(self.rows[y][1]):
            return self.rows[y][1][x]
        return None

    # -- cursor -----------------------------------------------------------------------------------

    def _set_cursor(self, x: int, y: int) -> None:
        if not self.rows:
            self.cursor = (0, 0)
            self.post_message(self.RoomHighlighted(None))
            return
        y = max(0, min(y, len(self.rows) - 1))
        x = max(0, min(x, len(self.rows[y][1]) - 1))
        self.cursor = (x, y)
        self._scroll_into_view(y)
        self.refresh()
        state = self.current
        self.post_message(self.RoomHighlighted(state.household if state else None))

    def _scroll_into_view(self, row: int) -> None:
        """The header line stays put: row ``row`` must land between it and the bottom."""
        page = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if row < top:
            top = row
        elif row >= top + page:
            top = row - page + 1
        if top != round(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._scroll_into_view(self.cursor[1])

    def action_move(self, dx: int, dy: int) -> None:
        x, y = self.cursor
        self._set_cursor(x + dx, y + dy)

    def action_select(self) -> None:
        state = self.current
        if state is not None:
            self.post_message(self.RoomSelected(state.household))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or offset.x < LABEL:
            return
        x, y = (offset.x - LABEL) // CELL, offset.y - 1 + round(self.scroll_y)
        if (x, y) == self.cursor:
            self.action_select()
        elif 0 <= y < len(self.rows) and x < len(self.rows[y][1]):
            self._set_cursor(x, y)

    # -- painting ---------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """A component style, read once until the styles change (each frame paints every cell)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"stairwell--{name}")
        return style

    def notify_style_update(self) -> None:
        self._styles = {}
        super().notify_style_update()

    def cell_segments(self, state: RoomState, selected: bool) -> list[Segment]:
        h = state.household
        door = self.door(h)
        cursor = self._style("cursor")

        def paint(style: Style) -> Style:
            return self.rich_style + style + cursor if selected else self.rich_style + style

        if state.vacant:
            # one blank always closes a cell, so cells never run together, whatever the language
            cell = set_cell_size(f"{door} {t('tui.map.vacant')}", CELL - 1) + " "
            return [Segment(cell, paint(self._style("vacant")))]
        name = (place_name(h.place) if self.kind in ("shops", "institution") else "")[:1] or h.head_name[:1] or "?"
        problem = "!!" if state.overdue else "!^" if state.soon else "!" if state.open_problems else ""
        if state.emergency:  # an open 紧急 problem outranks its deadline's stage
            problem = "‼"
        problem_style = "overdue" if state.overdue or state.emergency else "soon" if state.soon else "problem"
        if state.care == "overdue":
            visit, visit_style = "✗", "late"
        elif state.care == "due":
            visit, visit_style = "○", "due"
        else:
            visit, visit_style = ("✓", "visited") if state.visited else ("·", "unvisited")
        parts = [
            (f"{door}{name}", Style()),
            (visit, self._style(visit_style)),
            ("★" if state.attention else " ", self._style("attention")),
            (problem, self._style(problem_style)),
        ]
        segments = [Segment(text, paint(style)) for text, style in parts if text]
        segments = Segment.adjust_line_length(segments, CELL - 1, pad=False)  # a cell ends in a blank
        used = sum(cell_len(s.text) for s in segments)
        segments.append(Segment(" " * max(0, CELL - used), paint(Style())))
        return segments

    def door(self, h: Household) -> str:
        """What a cell is called: a flat's door (``01`` of ``0601``), a village house's number (``15`` of
        ``3-15``), a shop's street number, an institution's code."""
        if self.kind == "stairwell":
            return h.room[-2:] if len(h.room) >= 3 else h.room
        if self.kind == "village":
            return h.room.rpartition("-")[2]
        return h.room

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        label_style = self._style("label")
        if y == 0 and self.kind != "stairwell":  # no door numbers across: each cell names its own place
            heading = t(f"grid_kind.{self.kind}")
            return Strip([Segment(set_cell_size("", LABEL), self._style("label")),
                          Segment(heading, self._style("label"))]).crop_extend(0, width, self.rich_style)  # fmt: skip
        if y == 0:
            heads = "".join(set_cell_size(t("tui.map.door", n=f"{n + 1:02d}"), CELL) for n in range(self.columns))
            return Strip([Segment(set_cell_size("", LABEL), label_style), Segment(heads, label_style)]).crop_extend(
                0, width, self.rich_style
            )
        row = y - 1 + round(self.scroll_y)
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        floor, rooms = self.rows[row]
        if self.labels:
            label = self.labels[row] if row < len(self.labels) else ""
        else:
            label = t("tui.map.floor", floor=floor) if floor is not None else t("tui.map.no_floor")
        segments = [Segment(set_cell_size(label, LABEL), label_style)]
        for x, state in enumerate(rooms):
            segments.extend(self.cell_segments(state, (x, row) == self.cursor and self.has_focus))
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
