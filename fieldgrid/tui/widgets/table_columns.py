"""Columns of a :class:`~fieldgrid.tui.widgets.virtual_table.VirtualTable` and the arithmetic of their widths.

Pure text measurement, no widgets: widths are in terminal cells (``rich.cells.cell_len``), so Chinese text,
which is double width, lines up.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

from rich.cells import cell_len, set_cell_size

Justify = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Column:
    """One column.

    ``width`` fixes the width in cells; ``None`` fits the content, measured when rows are set with
    ``fit=True`` (never below the label).  A ``flex`` column takes whatever width is left over, down to
    ``min_width``.  A fit-to-content column with ``shrink_to`` gives up cells, down to that width, when the
    line would not fit the table otherwise.  Text too wide for its column ends in ``…``.
    """

    key: str
    label: str
    width: int | None = None
    min_width: int = 1
    max_width: int | None = None
    justify: Justify = "left"
    flex: bool = False
    shrink_to: int | None = None

    @property
    def flex_min(self) -> int:
        """The narrowest a flex column gets."""
        return max(self.min_width, cell_len(self.label))

    def base_width(self, measured: Mapping[str, int]) -> int:
        """A fixed or auto column's width, given the measured content widths."""
        width = self.width if self.width is not None else measured.get(self.key, 0)
        width = max(width, cell_len(self.label), self.min_width)
        if self.max_width is not None and not self.flex:
            width = min(width, max(self.max_width, cell_len(self.label)))
        return width

    def natural_width(self, measured: Mapping[str, int]) -> int:
        """The narrowest this column gets: a flex column's minimum, a shrinking column's floor."""
        return self.flex_min if self.flex else min(self.base_width(measured), self.floor)

    @property
    def floor(self) -> int:
        """What a column does not shrink below (its own width when it does not shrink)."""
        if self.shrink_to is None or self.flex:
            return 1 << 30
        return max(self.shrink_to, self.min_width, min(cell_len(self.label), self.shrink_to))


class RowLike(Protocol):
    """Anything with a ``key`` and ``cells``; ``cells`` may be a lazily computed property."""

    @property
    def key(self) -> Hashable: ...

    @property
    def cells(self) -> Sequence[str]: ...


class Row(NamedTuple):
    """A plain row: its key and its cell texts, one per column."""

    key: Hashable
    cells: Sequence[str]


class TonedRow(NamedTuple):
    """A row with a deadline's colour: ``tone`` is ``soon`` (yellow), ``overdue`` (red) or ``None``."""

    key: Hashable
    cells: Sequence[str]
    tone: str | None = None


def fit_cell(text: str, width: int, justify: Justify = "left") -> str:
    """``text`` padded or cut to exactly ``width`` cells; cut text ends in ``…``."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:  # the mark right after the last character that fits, any space after it
        cut = set_cell_size(text, width - 1).rstrip(" ") if width > 1 else ""
        return cut + "…" + " " * (width - 1 - cell_len(cut))
    pad = width - length
    if justify == "right":
        return " " * pad + text
    if justify == "center":
        left = pad // 2
        return " " * left + text + " " * (pad - left)
    return text + " " * pad


def measure(columns: Sequence[Column], rows: Sequence[RowLike]) -> dict[str, int]:
    """The widest cell of each auto-width column over ``rows`` (reads every cell)."""
    auto = [(i, c) for i, c in enumerate(columns) if c.width is None and not c.flex]
    widths = {c.key: 0 for _, c in auto}
    if not auto:
        return widths
    for row in rows:
        cells = row.cells
        for i, column in auto:
            length = cell_len(cells[i]) if i < len(cells) else 0
            if length > widths[column.key]:
                widths[column.key] = length
    return widths


def line_width(widths: Sequence[int], gap: int) -> int:
    """Cells a line takes: a space at each end, the columns and the gaps between them."""
    return 2 + sum(widths) + gap * max(0, len(widths) - 1)


def layout(columns: Sequence[Column], measured: Mapping[str, int], available: int, gap: int) -> tuple[int, ...]:
    """Each column's width when the line is ``available`` cells wide: flex columns share what is left."""
    widths = [c.flex_min if c.flex else c.base_width(measured) for c in columns]
    flex = [i for i, c in enumerate(columns) if c.flex]
    spare = available - line_width(widths, gap)
    while spare < 0:  # too wide: the widest column above its floor gives up a cell, until the line fits
        over = [(widths[i] - c.floor, i) for i, c in enumerate(columns) if not c.flex and widths[i] > c.floor]
        if not over:
            break
        _, i = max(over)
        widths[i] -= 1
        spare += 1
    if flex and spare > 0:
        share, extra = divmod(spare, len(flex))
        for n, i in enumerate(flex):
            width = widths[i] + share + (1 if n < extra else 0)
            maximum = columns[i].max_width
            widths[i] = min(width, maximum) if maximum is not None else width
    return tuple(widths)
