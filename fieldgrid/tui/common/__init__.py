"""Pieces every area of the TUI shares: key bindings, the form base, dialogs, help, how values look."""
