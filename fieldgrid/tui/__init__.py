"""The Textual terminal UI: screens and widgets over the store API (never TinyDB directly)."""

from fieldgrid.tui.app import FieldgridApp

__all__ = ["FieldgridApp"]
