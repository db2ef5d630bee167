"""How wide text is where it is shown: terminal columns (a Chinese character takes two) — one function for the
command line's tables, the spreadsheets' column widths and anything else below the TUI (which measures with its
renderer's own ``rich.cells.cell_len``; tests check the two agree)."""

from __future__ import annotations

import unicodedata


class _Widths(dict[str, int]):
    """Each character's columns, worked out the first time it is met (a report measures every cell)."""

    def __missing__(self, ch: str) -> int:
        width = 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        self[ch] = width
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters two, combining marks none."""
    if text.isascii():  # no wide character, no combining mark: a column each
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))
