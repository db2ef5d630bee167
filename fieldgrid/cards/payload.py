"""What the QR codes hold — pure text, no I/O.

The leader's card is a vCard 3.0 (FN, N, TEL;TYPE=CELL, ORG = the community, TITLE = 单元长, ADR and NOTE = the
grid served), the form a phone camera or WeChat offers to save as a contact.  A household's code is short and
opaque — ``FG1-`` and eight base-32 characters taken from the household's id, then a check character — so a
door card carries no personal data, and fieldgrid finds the household again when the code is scanned.
"""

from __future__ import annotations

import re
import uuid

from fieldgrid.model import LeaderProfile
from fieldgrid.model.validation import national_phone

CODE_PREFIX = "FG1-"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U to misread
_CODE_RE = re.compile(r"^FG1-([0-9A-HJKMNP-TV-Z]{8})([0-9A-HJKMNP-TV-Z])$")


def _escape(text: str) -> str:
    """vCard 3.0 text escaping (RFC 2426): backslash, comma, semicolon, newline."""
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(profile: LeaderProfile, title: str = "单元长") -> str:
    """The leader's contact as a vCard 3.0, CRLF line ends, UTF-8 when encoded."""
    name = profile.name.strip()
    family, given = (name[:1], name[1:]) if len(name) > 1 else (name, "")
    grid = profile.grid
    served = grid.label()
    phone = national_phone(profile.phone) if profile.phone.startswith("+") else profile.phone
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"FN:{_escape(name)}",
        f"TEL;TYPE=CELL:{phone}",
        f"ORG:{_escape(grid.community)}",
        f"TITLE:{_escape(title)}",
        f"ADR;TYPE=WORK:;;{_escape(served)};;;;",
        f"NOTE:{_escape(served)}",
        "END:VCARD",
    ]
    return "\r\n".join(lines)


def _check(body: str) -> str:
    return _ALPHABET[sum((i + 1) * _ALPHABET.index(c) for i, c in enumerate(body)) % 32]


def household_code(household_id: str) -> str:
    """``FG1-`` + eight characters from the id's first 40 bits + a check character."""
    bits = uuid.UUID(household_id).int >> 88
    body = "".join(_ALPHABET[(bits >> (5 * (7 - i))) & 31] for i in range(8))
    return f"{CODE_PREFIX}{body}{_check(body)}"


def code_body(text: str) -> str | None:
    """The code's eight characters if ``text`` is a well-formed household code (check character right)."""
    match = _CODE_RE.match(text.strip().upper())
    if not match or _check(match.group(1)) != match.group(2):
        return None
    return match.group(1)
