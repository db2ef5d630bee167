"""Masking personal data for display: the full value only where the user asks to reveal it."""

from __future__ import annotations

from fieldgrid.model.validation import national_phone


def mask_id_number(number: str) -> str:
    """``510***********1234``: first three and last four characters kept."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(e164: str) -> str:
    """``138****8000`` for a mobile; a landline keeps its area code and last four digits
    (``028****4321``, ``0816***5678``)."""
    digits = national_phone(e164)
    keep = 3 if not digits.startswith("0") else 1 + landline_area_code_length(digits[1:])
    if len(digits) <= keep + 4:
        return "*" * len(digits)
    return digits[:keep] + "*" * (len(digits) - keep - 4) + digits[-4:]


def landline_area_code_length(national_significant: str) -> int:
    """Area codes in China: two digits for Beijing (10) and the 2x cities (20–29), three elsewhere."""
    return 2 if national_significant.startswith(("10", "2")) else 3


def show_phone(e164: str, reveal: bool = False) -> str:
    return national_phone(e164) if reveal else mask_phone(e164)


def show_id_number(number: str, reveal: bool = False) -> str:
    return number if reveal else mask_id_number(number)
