"""A virtual table: a Line API ``ScrollView`` that renders only the rows on screen.

Setting rows is a list swap and one refresh, so filtering thousands of rows per keystroke stays cheap:
cells are read (and, for lazy rows, computed) only for the lines being painted.  Widths: :mod:`.table_columns`.

The table draws its own one-cell scroll indicator instead of a scrollbar widget: a scrollbar that comes
and goes with the row count would make every filter keystroke re-layout the screen.  Styles live in
``assets/tcss/virtual_table.tcss`` (component classes ``virtual-table--header``, ``--cursor``, ``--empty``,
``--scroll-track``, ``--scroll-thumb``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.table_columns import Column, Row, RowLike, fit_cell, layout, line_width, measure
from fieldgrid.tui.widgets.table_painter import RowPainter, TableStyles

__all__ = ["INDICATOR_WIDTH", "Column", "Row", "RowLike", "VirtualTable", "fit_cell"]

INDICATOR_WIDTH = 1  # the table's own scroll indicator, in the rightmost column


class VirtualTable(ScrollView, can_focus=True):
    """A scrolling table of rows with a fixed header line and a row cursor.

    Keys: up/down, page up/down, home/end move the cursor; enter posts :class:`RowSelected`.  A click
    moves the cursor to the row; a click on the row already under the cursor selects it (so a double
    click opens it).  The mouse wheel scrolls; a click on the indicator beside the thumb pages.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--empty",
        "virtual-table--scroll-track",
        "virtual-table--scroll-thumb",
        "virtual-table--soon",
        "virtual-table--overdue",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "tui.table.up", show=False),
        Binding("down", "cursor_down", "tui.table.down", show=False),
        Binding("pageup", "page_up", "tui.table.page_up", show=False),
        Binding("pagedown", "page_down", "tui.table.page_down", show=False),
        Binding("home", "first", "tui.table.first", show=False),
        Binding("end", "last", "tui.table.last", show=False),
        Binding("enter", "select", "tui.table.select", show=False),
    ]

    class RowHighlighted(Message):
        """The cursor moved to another row (``key`` is ``None`` when the table is empty)."""

        def __init__(self, table: VirtualTable, key: Hashable | None, index: int) -> None:
            super().__init__()
            self.table = table
            self.key = key
            self.index = index

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(Message):
        """The user chose a row: enter, or a click on the highlighted row."""

        def __init__(self, table: VirtualTable, key: Hashable, index: int) -> None:
            super().__init__()
            self.table = table
            self.key = key
            self.index = index

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column] = (),
        *,
        empty_text: str = "",
        column_gap: int = 2,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._measured: dict[str, int] = {}
        self._rows: Sequence[RowLike] = ()
        self._cursor = 0
        self._highlighted_key: Hashable | None = None
        self._widths_cache: tuple[int, tuple[int, ...]] | None = None
        self._styles: TableStyles | None = None
        self._thumb: tuple[int, int] | None = None
        self._version = 0  # bumped whenever rows or columns change
        self._cache_state: tuple[object, ...] | None = None
        self._line_cache: dict[int, Strip] = {}
        self._painting = False
        self._painter = RowPainter()
        self.empty_text = empty_text
        self.column_gap = column_gap

    # -- data ---------------------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def rows(self) -> Sequence[RowLike]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        """Index of the highlighted row (0 when the table is empty)."""
        return self._cursor

    @property
    def cursor_key(self) -> Hashable | None:
        """Key of the highlighted row, or ``None`` when the table is empty."""
        return self._rows[self._cursor].key if self._rows else None

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._version += 1
        self._columns = tuple(columns)
        self._measured = {}
        self._widths_cache = None
        self._update_virtual_size()
        self.refresh()

    def set_rows(self, rows: Sequence[RowLike], *, fit: bool = False) -> None:
        """Show ``rows``: keeps a reference to the sequence, finds the highlighted key again (one pass over
        the keys) and refreshes once; no cell is read until its line is painted.

        The cursor stays on the same key when it is still among the rows, else goes to the first row.
        With ``fit=True`` the auto-width columns are measured against these rows (reads every cell).
        """
        self._version += 1
        self._rows = rows
        if fit:
            self._measure(rows)
        index = 0
        key = self._highlighted_key
        if key is not None:
            for i, row in enumerate(rows):
                if row.key == key:
                    index = i
                    break
        self._update_virtual_size()
        self._set_cursor(index)
        self.refresh()

    def move_cursor_to_key(self, key: Hashable) -> bool:
        """Highlight the row with ``key``; ``False`` when no such row is shown."""
        for i, row in enumerate(self._rows):
            if row.key == key:
                self._set_cursor(i)
                return True
        return False

    def move_cursor(self, index: int) -> None:
        self._set_cursor(index)

    # -- geometry -----------------------------------------------------------------------------------

    def _measure(self, rows: Sequence[RowLike]) -> None:
        self._widths_cache = None
        self._measured = measure(self._columns, rows)

    def column_widths(self, available: int | None = None) -> tuple[int, ...]:
        """Each column's width in cells when the table is ``available`` cells wide (default: its width
        inside the scrollbars).  Flex columns share what the others leave over."""
        if available is None:
            available = self.scrollable_content_region.width - INDICATOR_WIDTH
        if self._widths_cache and self._widths_cache[0] == available:
            return self._widths_cache[1]
        result = layout(self._columns, self._measured, available, self.column_gap)
        self._widths_cache = (available, result)
        return result

    def _update_virtual_size(self) -> None:
        # Width: the narrowest layout (flex columns at their minimum) plus the indicator; wider viewports
        # only widen flex columns, so a horizontal scrollbar appears only when even this does not fit.
        natural = [c.natural_width(self._measured) for c in self._columns]
        size = Size(line_width(natural, self.column_gap) + INDICATOR_WIDTH, len(self._rows) + 1)
        if size == self.virtual_size:
            return
        if self.is_mounted and size.width == self.virtual_size.width:
            # Only the row count changed.  The table draws its own scroll indicator, so no scrollbar comes
            # or goes and nothing else on screen moves: skip the screen-wide layout pass that assigning
            # ``virtual_size`` triggers (it would cost more than the rest of a search keystroke).
            # ``_scroll_update`` is what Textual itself runs after a resize: it clamps the scroll offset.
            self.set_reactive(VirtualTable.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    @property
    def allow_vertical_scroll(self) -> bool:
        """The mouse wheel scrolls whenever there are more rows than fit (there is no scrollbar widget)."""
        return self.max_scroll_y > 0 and not self.disabled

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_cursor_into_view()

    @property
    def _page_rows(self) -> int:
        """How many data rows fit below the header."""
        return max(1, self.scrollable_content_region.height - 1)

    # -- cursor -------------------------------------------------------------------------------------

    def _set_cursor(self, index: int) -> None:
        count = len(self._rows)
        index = max(0, min(index, count - 1)) if count else 0
        old_key = self._highlighted_key
        self._cursor = index
        self._highlighted_key = self._rows[index].key if count else None
        self._scroll_cursor_into_view()
        self.refresh()
        if self._highlighted_key != old_key:
            self.post_message(self.RowHighlighted(self, self._highlighted_key, index))

    def _scroll_cursor_into_view(self, *, retry: bool = True) -> None:
        top = round(self.scroll_y)
        page = self._page_rows
        target = top
        if self._cursor < top:
            target = self._cursor
        elif self._cursor >= top + page:
            target = self._cursor - page + 1
        target = max(0, min(target, max(0, len(self._rows) + 1 - self.scrollable_content_region.height)))
        if target != top:
            self.scroll_to(y=target, animate=False, immediate=True)
            if retry and round(self.scroll_y) != target:
                # New rows may not be laid out yet (a screen on top, a scrollbar about to appear).
                self.call_after_refresh(self._scroll_cursor_into_view, retry=False)

    def action_cursor_up(self) -> None:
        self._set_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._set_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self._set_cursor(self._cursor - self._page_rows)

    def action_page_down(self) -> None:
        self._set_cursor(self._cursor + self._page_rows)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._rows) - 1)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self._rows[self._cursor].key, self._cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        event.stop()
        if offset.x >= self.scrollable_content_region.width - INDICATOR_WIDTH:
            self._click_indicator(offset.y)
            return
        index = round(self.scroll_y) + offset.y - 1
        if not 0 <= index < len(self._rows):
            return
        if index == self._cursor:
            self.action_select()
        else:
            self._set_cursor(index)

    def _click_indicator(self, y: int) -> None:
        """Above the thumb pages up, below it pages down, like a scrollbar."""
        thumb = self._thumb_span()
        if thumb is None:
            return
        page = self._page_rows
        if y < thumb[0]:
            self.scroll_to(y=self.scroll_y - page, animate=False, immediate=True)
        elif y >= thumb[1]:
            self.scroll_to(y=self.scroll_y + page, animate=False, immediate=True)

    # -- rendering ----------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def _get_styles(self) -> TableStyles:
        if self._styles is None:
            self._styles = TableStyles(
                base=self.rich_style,
                header=self.get_component_rich_style("virtual-table--header"),
                cursor=self.get_component_rich_style("virtual-table--cursor"),
                empty=self.get_component_rich_style("virtual-table--empty"),
                track=self.get_component_rich_style("virtual-table--scroll-track"),
                thumb=self.get_component_rich_style("virtual-table--scroll-thumb"),
                soon=self.get_component_rich_style("virtual-table--soon", partial=True),
                overdue=self.get_component_rich_style("virtual-table--overdue", partial=True),
            )
        return self._styles

    def on_focus(self) -> None:
        self._styles = None  # the cursor has its own style while the table has the focus
        self.refresh()

    def on_blur(self) -> None:
        self._styles = None
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._validate_line_cache()
        self._painting = True
        try:
            return super().render_lines(crop)
        finally:
            self._painting = False

    def _validate_line_cache(self) -> None:
        """A frame often paints the table twice in the same state (the search box's own layout pass
        repaints the screen): painted lines are kept until anything they show changes."""
        thumb = self._thumb_span()
        state = (
            self._version,
            self._cursor,
            self.scroll_offset,
            self.scrollable_content_region.size,
            self._get_styles(),
            thumb,
        )
        if state != self._cache_state:
            self._cache_state = state
            self._thumb = thumb
            self._line_cache = {}

    def _thumb_span(self) -> tuple[int, int] | None:
        """Which data lines (1-based screen lines) the scroll thumb covers; ``None`` when all rows fit."""
        page, total = self._page_rows, len(self._rows)
        if total <= page:
            return None
        size = max(1, round(page * page / total))
        top = round(self.scroll_y / max(1, total - page) * (page - size))
        return 1 + top, 1 + top + size

    def render_line(self, y: int) -> Strip:
        if not self._painting:  # called on its own, not from render_lines
            self._validate_line_cache()
        strip = self._line_cache.get(y)
        if strip is None:
            strip = self._line_cache[y] = self._render_line(y)
        return strip

    def _render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width - INDICATOR_WIDTH  # the size in the cache state
        scroll_x, scroll_y = self.scroll_offset
        styles = self._get_styles()
        widths = self.column_widths(width)
        index = scroll_y + y - 1
        if y == 0:
            style = styles.header
            labels = [c.label for c in self._columns]
            segments = self._painter.segments(labels, self._columns, widths, style, self.column_gap)
        elif not self._rows and y == 1 and self.empty_text:
            style = styles.base
            segments = [Segment(" " + self.empty_text, styles.empty)]
        elif index >= len(self._rows):
            style = styles.base
            segments = []
        elif index == self._cursor:
            style = styles.cursor
            segments = self._painter.segments(self._rows[index].cells, self._columns, widths, style, self.column_gap)
        elif (tone := getattr(self._rows[index], "tone", None)) in ("soon", "overdue"):
            # a row in its yellow or red stage (the row says so in words too: colour is never the only sign)
            style = styles.base + (styles.soon if tone == "soon" else styles.overdue)
            segments = self._painter.segments(self._rows[index].cells, self._columns, widths, style, self.column_gap)
        else:
            style = styles.base
            segments = self._painter.row_segments(self._rows[index], self._columns, widths, style, self.column_gap)
        indicator = styles.indicator(y, self._thumb)
        length = sum(cell_len(segment.text) for segment in segments)
        if scroll_x == 0 and length == width:  # the usual case: one Strip, no cropping
            return Strip([*segments, indicator], width + INDICATOR_WIDTH)
        body = Strip(segments, length).crop_extend(scroll_x, scroll_x + width, style)
        return Strip([*body, indicator], width + INDICATOR_WIDTH)
