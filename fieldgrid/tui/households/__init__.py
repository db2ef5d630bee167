"""The TUI for the roster: the household list, a household in full, its form, cards, roster import, scan-to-open."""
