"""Model field paths named in the user's language (``members.1.id_number`` → 成员「李四」的身份证号), for messages
that point at a field: the command line's validation report, the roster import's rejected rows in both faces."""

from __future__ import annotations

import re
from collections.abc import Sequence

from fieldgrid.i18n import has, t
from fieldgrid.model import Member


def field_label(field: str, members: Sequence[Member] = ()) -> str:
    """A translated name for a model field path: ``members.1.id_number`` → ``成员「李四」的身份证号``."""
    match = re.match(r"^members\.(\d+)\.(.+)$", field)
    if match:
        index, sub = int(match.group(1)), match.group(2)
        member = members[index] if index < len(members) else None
        name = member.name if member and member.name else str(index + 1)
        who = t("cli.field.head_member", name=name) if member and member.is_head else t("cli.field.member", name=name)
        return t("cli.field.of", who=who, field=field_label(sub))
    match = re.match(r"^items\.(\d+)\.(.+)$", field)
    if match:
        return t("cli.field.item_of", n=int(match.group(1)) + 1, field=field_label(match.group(2)))
    key = f"cli.field.{field}"
    return t(key) if has(key) else field
