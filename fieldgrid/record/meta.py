"""Stamping stored documents: every record and every member carries ``_meta`` with its last change's
clock stamp and device, a stamp per field (for field-level last-writer-wins in sync), the stamp each field
had before its last change (``base``), and a tombstone stamp once deleted.  Pure functions over dicts; the
repository does the I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar, cast

META = "_meta"
NESTED = "members"
_NESTED = NESTED

_Tree = TypeVar("_Tree")


def stamps(doc: dict[str, Any]) -> Iterator[str]:
    """Every clock stamp a document carries: its last change, its tombstone, its erasure, its fields', its
    members'."""
    meta = doc.get(META) or {}
    for value in (meta.get("stamp"), meta.get("deleted"), meta.get("erased"), *(meta.get("fields") or {}).values()):
        if value:
            yield str(value)
    for member in doc.get(NESTED, []):
        yield from stamps(member)


def stamp_party(stamp: str) -> str:
    """The device (or station) that made a stamp: what follows its wall time and counter."""
    return stamp.split(".", 2)[-1]


def new_meta(stamp: str, device: str, fields: list[str]) -> dict[str, Any]:
    return {"stamp": stamp, "device": device, "fields": dict.fromkeys(fields, stamp), "deleted": None}


def clone(value: _Tree) -> _Tree:
    """A deep copy of a JSON tree (dicts, lists, scalars); several times faster than ``copy.deepcopy``.
    The copy has the type of the original (a dict copies to a dict, a list to a list)."""
    if isinstance(value, dict):
        return cast(_Tree, {k: clone(v) for k, v in value.items()})
    if isinstance(value, list):
        return cast(_Tree, [clone(v) for v in value])
    return value


def is_deleted(doc: dict[str, Any]) -> bool:
    return bool(doc.get(META, {}).get("deleted"))


def _plain(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != META}


def stamp_new(doc: dict[str, Any], stamp: str, device: str) -> dict[str, Any]:
    """A new record: every field stamped now; members each get their own ``_meta``."""
    out = clone(doc)
    out[META] = new_meta(stamp, device, [k for k in out if k not in (META, "id")])
    for member in out.get(_NESTED, []):
        member[META] = new_meta(stamp, device, [k for k in member if k not in (META, "id")])
    return out


def stamp_changes(old: dict[str, Any], new: dict[str, Any], stamp: str, device: str) -> dict[str, Any] | None:
    """``new`` with the stamps of ``old`` carried over and fresh stamps on the fields that changed;
    ``None`` when nothing changed.  Members that disappeared stay as tombstones."""
    out = clone(_plain(new))
    meta = clone(old.get(META) or new_meta(stamp, device, []))
    changed = False
    for key, value in out.items():
        if key in ("id", _NESTED):
            continue
        if key not in old or old[key] != value:
            # ``base``: the stamp this change was made on top of, so a merge can tell an edit that saw the
            # other side's value (it wins quietly) from a concurrent one (a conflict to keep).
            previous = meta["fields"].get(key)
            meta.setdefault("base", {})[key] = previous
            meta["fields"][key] = stamp
            changed = True
    if _NESTED in out or _NESTED in old:
        members, members_changed = _stamp_members(old.get(_NESTED, []), out.get(_NESTED, []), stamp, device)
        out[_NESTED] = members
        changed = changed or members_changed
    if not changed:
        return None
    meta["stamp"], meta["device"] = stamp, device
    out[META] = meta
    return out


def _stamp_members(
    old_members: list[dict[str, Any]], new_members: list[dict[str, Any]], stamp: str, device: str
) -> tuple[list[dict[str, Any]], bool]:
    old_by_id = {m["id"]: m for m in old_members}
    new_ids = {m["id"] for m in new_members}
    changed = False
    out: list[dict[str, Any]] = []
    for member in new_members:
        previous = old_by_id.get(member["id"])
        if previous is None or is_deleted(previous):
            out.append(stamp_new(member, stamp, device))
            changed = True
            continue
        stamped = stamp_changes(previous, member, stamp, device)
        out.append(stamped if stamped is not None else clone(previous))
        changed = changed or stamped is not None
    for member in old_members:
        if member["id"] in new_ids:
            continue
        kept = clone(member)
        if not is_deleted(kept):
            kept[META] = {**kept.get(META, {}), "stamp": stamp, "device": device, "deleted": stamp}
            changed = True
        out.append(kept)
    return out, changed


def tombstone(doc: dict[str, Any], stamp: str, device: str) -> dict[str, Any]:
    out = clone(doc)
    out[META] = {**out.get(META, {}), "stamp": stamp, "device": device, "deleted": stamp}
    return out


def live_view(doc: dict[str, Any], *, copy: bool = True) -> dict[str, Any]:
    """The record as the model sees it: no ``_meta``, no deleted members; a deep copy (``copy=False``: sharing
    its values, for a document read fresh from a store that nobody else holds)."""
    keep = clone if copy else _same
    out = {k: keep(v) for k, v in doc.items() if k not in (META, _NESTED)}
    if _NESTED in doc:
        out[_NESTED] = [keep(_plain(m)) for m in doc[_NESTED] if not is_deleted(m)]
    return out


def _same(value: _Tree) -> _Tree:
    return value
