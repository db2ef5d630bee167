"""The TUI for the problem ledger: the list, a problem's timeline, reporting a problem and each next step."""
