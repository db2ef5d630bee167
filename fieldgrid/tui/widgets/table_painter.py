"""Turning a table row's cells into Rich segments, and keeping them while the same rows stay on screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style

from fieldgrid.tui.widgets.table_columns import Column, RowLike, fit_cell


class TableStyles(NamedTuple):
    """The table's styles, read once from its component classes."""

    base: Style
    header: Style
    cursor: Style
    empty: Style
    track: Style
    thumb: Style
    soon: Style = Style()  # a row in its yellow stage (due within a day)
    overdue: Style = Style()  # a row in its red stage (past due)

    def indicator(self, y: int, thumb: tuple[int, int] | None) -> Segment:
        """The scroll indicator's cell on screen line ``y`` (0 is the header)."""
        if y == 0:
            return Segment(" ", self.header)
        if thumb is None:
            return Segment(" ", self.base)
        if thumb[0] <= y < thumb[1]:
            return Segment("▐", self.thumb)
        return Segment("▐", self.track)


class RowPainter:
    """Builds one segment per cell and gap, so exported screenshots place every cell at its column.

    While typing a search many rows stay on screen: a row's segments are kept, per row object (not per
    key), so a row replaced by a new one with the same key is painted anew.
    """

    MAX_KEPT = 4096

    def __init__(self) -> None:
        self._context: tuple[object, ...] | None = None
        self._kept: dict[int, tuple[RowLike, list[Segment]]] = {}

    @staticmethod
    def segments(
        cells: Sequence[str], columns: Sequence[Column], widths: Sequence[int], style: Style, gap: int
    ) -> list[Segment]:
        spacer = Segment(" " * gap, style)
        segments = [Segment(" ", style)]
        for i, (column, width) in enumerate(zip(columns, widths, strict=False)):
            if i:
                segments.append(spacer)
            segments.append(Segment(fit_cell(cells[i] if i < len(cells) else "", width, column.justify), style))
        segments.append(Segment(" ", style))
        return segments

    def row_segments(
        self, row: RowLike, columns: Sequence[Column], widths: tuple[int, ...], style: Style, gap: int
    ) -> list[Segment]:
        context = (tuple(columns), widths, style, gap)
        if context != self._context or len(self._kept) > self.MAX_KEPT:
            self._context = context
            self._kept = {}
        kept = self._kept.get(id(row))
        if kept is not None and kept[0] is row:
            return kept[1]
        segments = self.segments(row.cells, columns, widths, style, gap)
        self._kept[id(row)] = (row, segments)
        return segments
