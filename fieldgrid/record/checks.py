"""Every record that arrives from outside is checked here before anything is merged: its shape per table (types,
required fields, ids), its clock stamps (well formed, not ahead of the receiver's clock by more than a day, made
by a party that may have made them), and its size and depth.  A signature proves who sent a bundle, not that its
records are well formed: a buggy or modified client must not be able to store a record that later breaks a
report, a list or the clock.

Pure functions over parsed JSON; :class:`BadRecord` names the record, the field and the reason, and the caller
turns it into its own refusal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from fieldgrid.model.corrections import RECORD_KINDS
from fieldgrid.model.problem import EVENT_KINDS
from fieldgrid.model.validation import CONTROL_RE as CONTROL
from fieldgrid.record.meta import META, NESTED
from fieldgrid.record.tables import CORRECTIONS, DISCLOSURES, HOUSEHOLDS, PATROLS, PROBLEM_EVENTS, VISITS

MAX_SKEW_MS = 24 * 3600 * 1000  # a stamp may be this far ahead of the receiver's clock, no more
MAX_DEPTH = 12  # nesting of any record (a household's member's _meta's fields is 4)
MAX_TEXT = 20_000  # characters in one text field
MAX_ITEMS = 500  # members, phones, tags, patrol items, data keys
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
STAMP = re.compile(r"(\d{15})\.(\d{5})\.([A-Za-z0-9_-]{1,64})")


class BadRecord(ValueError):
    """Why one record is refused: ``record`` names it (its id, or its position), ``field`` the part at fault and
    ``reason`` is a code (``missing``, ``future_stamp`` …) whose words are the catalogue's ``reason.*``."""

    def __init__(self, record: str, field: str, reason: str) -> None:
        super().__init__(f"{record}.{field}: {reason}")
        self.record = record
        self.field = field
        self.reason = reason


Check = Callable[[Any], str | None]  # the reason code of what is wrong with a value, or None


def text(value: Any) -> str | None:
    if not isinstance(value, str):
        return "not_text"
    if len(value) > MAX_TEXT:
        return "too_long"
    if CONTROL.search(value):
        return "control_character"
    return None


def optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def ident(value: Any) -> str | None:
    return None if isinstance(value, str) and ID.fullmatch(value) else "not_an_id"


def integer(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**6 else "not_a_number"


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "not_boolean"


def moment(value: Any) -> str | None:
    """An ISO 8601 date or date-time, as the app writes them."""
    if text(value) is not None or len(value) > 40:
        return "not_a_time"
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return "not_a_time"
    return None


def list_of(check: Check) -> Check:
    def each(value: Any) -> str | None:
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            return "not_a_list"
        return next((why for item in value if (why := check(item))), None)

    return each


def one_of(choices: Collection[str]) -> Check:
    return lambda value: None if value in choices else "unknown_value"


_TEXT_ONLY = frozenset((str,))


def mapping(value: Any) -> str | None:
    if not isinstance(value, dict) or len(value) > MAX_ITEMS or not _TEXT_ONLY.issuperset(map(type, value)):
        return "not_an_object"  # keys text only (a key of another type, or a subclass of str, is refused)
    return None


# field → (check, required); fields not named here are allowed (a newer app may add one) but bounded like all.
Shape = Mapping[str, tuple[Check, bool]]
MEMBER: Shape = {
    "id": (ident, True), "name": (text, True), "relation": (text, True), "sex": (optional(text), False),
    "birth_year": (optional(integer), False), "phone": (optional(text), False), "id_number": (optional(text), False),
    "position": (optional(integer), False), "residency": (optional(text), False), "ended_on": (optional(moment), False),
}  # fmt: skip
SHAPES: dict[str, Shape] = {
    HOUSEHOLDS: {
        "id": (ident, True), "room": (text, True), "building": (text, False), "unit": (text, False),
        "floor": (optional(integer), False), "phones": (list_of(text), False), "residency": (text, False),
        "tags": (list_of(text), False), "emergency_name": (text, False), "emergency_phone": (optional(text), False),
        "notes": (text, False), NESTED: (list_of(mapping), False), "ended_on": (optional(moment), False),
        "moved_to": (text, False), "place": (mapping, False),
    },
    VISITS: {
        "id": (ident, True), "household_id": (ident, True), "at": (moment, True), "kind": (text, True),
        "found": (text, False), "needs": (text, False), "follow_up": (optional(moment), False),
        "corrects": (optional(ident), False), "seen": (list_of(text), False),
    },
    PATROLS: {
        "id": (ident, True), "at": (moment, True), "items": (list_of(mapping), False), "notes": (text, False),
        "corrects": (optional(ident), False),
    },
    PROBLEM_EVENTS: {
        "id": (ident, True), "problem_id": (ident, True), "kind": (one_of(EVENT_KINDS), True), "at": (moment, True),
        "data": (mapping, True),
    },
    CORRECTIONS: {
        "id": (ident, True), "record": (one_of(RECORD_KINDS), True), "target": (ident, True), "at": (moment, True),
        "reason": (text, True), "by": (text, False), "void": (boolean, False), "changes": (mapping, True),
    },
    DISCLOSURES: {
        "id": (ident, True), "at": (moment, True), "kind": (text, True), "what": (text, True),
        "persons": (integer, True), "target": (text, False), "via": (text, False),
    },
}  # fmt: skip
PATROL_ITEM: Shape = {"item": (text, True), "ok": (boolean, True), "finding": (text, False)}


_SCALARS = frozenset((str, int, float, bool, type(None)))  # what parsed JSON holds besides dicts and lists


def depth_within(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests no deeper than ``limit`` (checked a level at a time, without recursion; only
    containers are visited, and a scalar is told by its exact type first: a payload's whole tree is walked)."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    scalars = _SCALARS
    while level:
        if depth >= limit:
            return False
        deeper: list[Any] = []
        add = deeper.append
        for item in level:
            for child in item.values() if isinstance(item, dict) else item:
                if type(child) not in scalars and isinstance(child, dict | list):
                    add(child)
        level, depth = deeper, depth + 1
    return True


def _check_shape(doc: Mapping[str, Any], shape: Shape, record: str, prefix: str = "") -> None:
    for field, (check, required) in shape.items():
        if field not in doc:
            if required:
                raise BadRecord(record, prefix + field, "missing")
            continue
        why = check(doc[field])
        if why:
            raise BadRecord(record, prefix + field, why)
    for field, value in doc.items():
        if field not in shape and field != META and isinstance(value, str) and (why := text(value)):
            raise BadRecord(record, prefix + field, why)


def check_stamp(value: Any, record: str, field: str, now_ms: int, parties: Collection[str] | None) -> None:
    match = STAMP.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise BadRecord(record, field, "not_a_stamp")
    if int(match.group(1)) > now_ms + MAX_SKEW_MS:
        raise BadRecord(record, field, "future_stamp")
    if parties is not None and match.group(3) not in parties:
        raise BadRecord(record, field, "foreign_stamp")


def _check_meta(doc: Mapping[str, Any], record: str, prefix: str, now_ms: int, parties: Collection[str] | None) -> None:
    meta = doc.get(META)
    if mapping(meta):
        raise BadRecord(record, prefix + META, "missing")
    assert isinstance(meta, dict)
    check_stamp(meta.get("stamp"), record, prefix + "_meta.stamp", now_ms, parties)
    if not isinstance(meta.get("device"), str | None):
        raise BadRecord(record, prefix + "_meta.device", "not_text")
    checked = {meta["stamp"]}  # a record's fields mostly carry the stamp of the change that made it (checked)
    for part, nullable in (("fields", False), ("base", True)):
        stamps = meta.get(part, {})
        if mapping(stamps):
            raise BadRecord(record, f"{prefix}_meta.{part}", "not_an_object")
        for key, value in stamps.items():
            if (isinstance(value, str) and value in checked) or (nullable and value is None):
                continue
            check_stamp(value, record, f"{prefix}_meta.{part}.{key}", now_ms, parties)
            checked.add(value)
    for part in ("deleted", "erased"):
        if meta.get(part) is not None:
            check_stamp(meta[part], record, f"{prefix}_meta.{part}", now_ms, parties)


def check_record(
    table: str,
    doc: Any,
    *,
    now_ms: int,
    parties: Collection[str] | None = None,
    position: int = 0,
    depth_checked: bool = False,
) -> None:
    """Refuse (:class:`BadRecord`) a record no fieldgrid writes.  ``parties``: the device ids whose stamps may
    appear (the sender's and the receiver's); ``None`` accepts any party's (a station relaying a roll-up).
    ``depth_checked``: the record came out of a payload whose nesting was checked whole, which bounds every
    record's at :data:`MAX_DEPTH` (not walked a second time)."""
    shape = SHAPES.get(table)
    record = str(doc.get("id")) if isinstance(doc, dict) and isinstance(doc.get("id"), str) else f"#{position + 1}"
    record = record[:64]
    if shape is None:
        raise BadRecord(record, "table", "unknown_table")
    if not isinstance(doc, dict):
        raise BadRecord(record, "", "not_an_object")
    if not depth_checked and not depth_within(doc):
        raise BadRecord(record, "", "too_deep")
    _check_shape(doc, shape, record)
    _check_meta(doc, record, "", now_ms, parties)
    for n, member in enumerate(doc.get(NESTED, []) if table == HOUSEHOLDS else []):
        _check_shape(member, MEMBER, record, f"members.{n}.")
        _check_meta(member, record, f"members.{n}.", now_ms, parties)
    for n, item in enumerate(doc.get("items", []) if table == PATROLS else []):
        _check_shape(item, PATROL_ITEM, record, f"items.{n}.")
