"""The unified social credit code (统一社会信用代码) of a business or an institution, GB 32100-2015.

Eighteen characters from a 31-character alphabet (the digits and the capital letters without I, O, Z, S and V):
the registering authority (1), the kind of organisation (1), the registration area's division code (6 digits),
the organisation code (9), and a check character.  The check character is ``31 - (Σ value·weight mod 31)`` taken
mod 31, the weights being ``3**i mod 31`` for positions 1 to 17 (the standard's table: 1 3 9 27 19 26 16 17 20 29
25 13 8 24 10 30 28).  The standard's own example, ``91350100M000100Y43``, checks.

Pure functions: :func:`check_character` computes it, :func:`normalize_credit_code` folds what a leader typed
(spaces, lower case, full-width characters) and raises :class:`ValidationError` naming what is wrong.
"""

from __future__ import annotations

import unicodedata

from fieldgrid.model.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
LENGTH = 18


def check_character(first17: str) -> str:
    """The check character of the first 17 characters of a code (each from :data:`ALPHABET`)."""
    if len(first17) != LENGTH - 1 or any(c not in ALPHABET for c in first17):
        raise ValueError(first17)
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    """Whether ``code`` (as stored: upper case, no spaces) is 18 characters of the alphabet with its check."""
    return (
        len(code) == LENGTH and all(c in ALPHABET for c in code) and check_character(code[:-1]) == code[-1]
    )


def normalize_credit_code(value: str, field: str = "credit_code") -> str:
    """The code as stored (upper case, full-width folded, spaces dropped), or :class:`ValidationError`:
    ``error.credit_code.length``, ``error.credit_code.character`` or ``error.credit_code.check``."""
    code = "".join(unicodedata.normalize("NFKC", value).split()).upper()
    if len(code) != LENGTH:
        raise ValidationError(field, "error.credit_code.length", value=value, length=len(code))
    bad = next((c for c in code if c not in ALPHABET), None)
    if bad is not None:
        raise ValidationError(field, "error.credit_code.character", value=value, char=bad)
    expected = check_character(code[:-1])
    if code[-1] != expected:
        raise ValidationError(field, "error.credit_code.check", value=value, expected=expected)
    return code
