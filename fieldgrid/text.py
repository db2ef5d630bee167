"""How wide text is where it is shown: terminal columns (a Chinese character takes two) — one function for the
command line's tables, the spreadsheets' column widths and anything else below the TUI (which measures with its
renderer's own ``rich.cells.cell_len``; tests check the two agree)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
