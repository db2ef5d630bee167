"""Shared by the tests: what ``tests/test_validation.py`` used to keep at its top."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from fieldgrid.model import ValidationError

TODAY = dt.date(2026, 11, 23)
# No per-example deadline: the first call loads phonenumbers' metadata, which a slow CI box may take
# longer than hypothesis' 200 ms for.
no_deadline = settings(deadline=None)

# GB 11643-1999, clause 7: weights W_i = 2^(i-1) mod 11 for positions 18..2, and the check character
# for (sum mod 11) = 0..10.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """Independent re-implementation of the MOD 11-2 check character."""
    assert len(first17) == 17 and first17.isascii() and first17.isdigit()
    total = 0
    for digit, weight in zip(first17, WEIGHTS, strict=True):
        total += int(digit) * weight
    return CHECK_CHARS[total % 11]


def full_width(text: str) -> str:
    """ASCII digits and letters to their full-width forms (０-９, Ｘ), as a Chinese IME types them."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def error_of(fn, *args, **kwargs) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        fn(*args, **kwargs)
    return info.value


# -- resident ID numbers ----------------------------------------------------------------------------

areas = st.text(alphabet="0123456789", min_size=6, max_size=6)
birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    first17 = f"{draw(areas)}{draw(birth_dates):%Y%m%d}{draw(sequences):03d}"
    return first17 + check_char(first17)


