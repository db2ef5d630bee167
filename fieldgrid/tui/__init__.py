"""The Textual terminal UI: screens and widgets over the store API (never TinyDB directly)."""

from .app import FieldgridApp

__all__ = ["FieldgridApp"]
