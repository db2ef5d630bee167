"""Reusable widgets: the virtual table, the tag filter bar, form fields and the member editor."""

from .virtual_table import Column, Row, VirtualTable

__all__ = ["Column", "Row", "VirtualTable"]
