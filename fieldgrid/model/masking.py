"""Masking personal data for display: the full value only where the user asks to reveal it."""

from __future__ import annotations

from .validation import national_phone


def mask_id_number(number: str) -> str:
    """``510***********1234``: first three and last four characters kept."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(e164: str) -> str:
    """``138****8000`` for a mobile; a landline keeps its area code and last four digits."""
    try:
        digits = national_phone(e164)
    except Exception:  # stored values are normalised; be lenient with anything older
        digits = e164
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def show_phone(e164: str, reveal: bool = False) -> str:
    return national_phone(e164) if reveal else mask_phone(e164)


def show_id_number(number: str, reveal: bool = False) -> str:
    return number if reveal else mask_id_number(number)
