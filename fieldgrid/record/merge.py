"""The merge rules, shared by device and station: pure functions over stored documents.

- Households (and their members) and the profile merge field by field: the later clock stamp wins (a stamp
  ends with its device id, so ties are broken the same everywhere).  When the losing value was written
  without having seen the winning one (its ``_meta.base`` is not the winner's stamp, nor newer), the two
  edits were concurrent: the loser is kept as a conflict for the station operator, never dropped silently.
- A tombstone beats every edit older than it; an edit newer than the tombstone brings the record back.
- Visits, patrols, problem events and disclosure-log entries are immutable: merging is a set union by id (a
  problem's status is derived from its events afterwards, so no event is ever lost).  The one change a
  written-once record may undergo is losing its personal fields when its household's retention ends
  (``_meta.erased``, see :mod:`fieldgrid.record.erasure`): an erased copy beats a whole one, a later erasure an
  earlier one, with no conflict reported.

``merge_doc`` is commutative, associative and idempotent in the merged document (tested with hypothesis);
the conflicts it reports are a by-product for people to look at.
"""

from __future__ import annotations

import json
from typing import Any

from fieldgrid.model.vocabulary import RELATIONS
from fieldgrid.record.meta import META, NESTED
from fieldgrid.record.tables import IMMUTABLE
from fieldgrid.record.tables import MUTABLE as MUTABLE  # re-exported
from fieldgrid.record.tables import TABLES as TABLES  # re-exported

Doc = dict[str, Any]


def _meta(doc: Doc) -> Doc:
    return doc.get(META) or {}


def _field_stamp(doc: Doc, key: str) -> str:
    return str(_meta(doc).get("fields", {}).get(key) or "")


def _rank(doc: Doc, key: str, stamp: str) -> tuple[str, bool, str, str]:
    """Which version of a field wins: the later stamp; the rest only orders copies that should not differ."""
    base = _meta(doc).get("base", {})
    return (stamp, key in doc, _canon(doc.get(key)), _canon(base.get(key, "-")))


def _merge_fields(a: Doc, b: Doc, conflicts: list[Doc], record: str) -> Doc:
    """Field-level last-writer-wins of two versions of one record (members handled by the caller)."""
    meta_a, meta_b = _meta(a), _meta(b)
    keys = (set(a) | set(b)) - {META, NESTED, "id"}
    out: Doc = {"id": a.get("id", b.get("id"))}
    fields: dict[str, str] = {}
    base: dict[str, str | None] = {}
    for key in sorted(keys):
        sa, sb = _field_stamp(a, key), _field_stamp(b, key)
        a_first = _rank(a, key, sa) >= _rank(b, key, sb)
        winner, loser, sw, sl = (a, b, sa, sb) if a_first else (b, a, sb, sa)
        if key in winner:
            out[key] = winner[key]
        if sw:
            fields[key] = sw
        wbase = _meta(winner).get("base", {})
        if key in wbase:
            base[key] = wbase[key]
        if sl and sl != sw and key in loser and loser.get(key) != winner.get(key):
            seen = str(wbase.get(key) or "")
            if seen < sl:  # the winning edit never saw the losing one: concurrent
                conflicts.append({"record": record, "field": key, "kept": winner.get(key), "kept_stamp": sw,
                                  "lost": loser.get(key), "lost_stamp": sl})  # fmt: skip
    stamps = [s for s in (meta_a.get("stamp"), meta_b.get("stamp")) if s]
    last = max(stamps) if stamps else ""
    device = (meta_a if meta_a.get("stamp") == last else meta_b).get("device")
    deleted = max((d for d in (meta_a.get("deleted"), meta_b.get("deleted")) if d), default=None)
    if deleted is not None and max(fields.values(), default="") > deleted:
        deleted = None  # edited after it was deleted: the edit brings it back
    out[META] = {"stamp": last, "device": device, "fields": fields, "deleted": deleted}
    if base:
        out[META]["base"] = base
    return out


def _member_order(member: Doc) -> tuple[int, int, str]:
    """The order the leader set (each member's ``position``), then head, spouse, children …, then id: the same
    on every device and at the station, whichever copy was merged first."""
    position = member.get("position")
    placed = position if isinstance(position, int) and not isinstance(position, bool) else 1_000_000
    relation = member.get("relation")
    rank = RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS)
    return placed, rank, str(member["id"])


def _merge_members(a: list[Doc], b: list[Doc], conflicts: list[Doc], record: str) -> list[Doc]:
    """Members by id, each merged field by field; in the order the leader set (then head, spouse, children …,
    then by id), an order that does not depend on which copy was merged first."""
    by_id = {m["id"]: m for m in a}
    for member in b:
        twin = by_id.get(member["id"])
        by_id[member["id"]] = (
            member if twin is None else _merge_fields(twin, member, conflicts, f"{record}/{member['id']}")
        )
    return sorted(by_id.values(), key=_member_order)


def merge_doc(table: str, current: Doc | None, incoming: Doc) -> tuple[Doc, list[Doc]]:
    """The merged document and the conflicts found (each a dict naming the record, the field, the value
    kept and the value that lost, with their stamps)."""
    if current is None:
        return incoming, []
    if current == incoming:
        return current, []
    conflicts: list[Doc] = []
    if table in IMMUTABLE:
        erased, other_erased = _erased(current), _erased(incoming)
        if erased != other_erased:  # personal fields taken out (retention): the erased copy wins everywhere
            return (current if erased > other_erased else incoming), []
        # Written once: both copies are the same record.  Keep the one a total order picks, so every side
        # keeps the same; a real difference (which the app never makes) is shown, not hidden.
        kept, other = sorted([current, incoming], key=_canon)
        conflicts.append({"record": str(current.get("id")), "field": "*", "kept": kept, "lost": other})
        return kept, conflicts
    record = str(current.get("id") or incoming.get("id"))
    merged = _merge_fields(current, incoming, conflicts, record)
    if NESTED in current or NESTED in incoming:
        merged[NESTED] = _merge_members(current.get(NESTED, []), incoming.get(NESTED, []), conflicts, record)
    return merged, conflicts


def _erased(doc: Doc) -> str:
    """The stamp of a written-once record's erasure (or tombstone); ``""`` for a whole record."""
    meta = _meta(doc)
    return str(meta.get("erased") or meta.get("deleted") or "")


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def merge_into(table: str, docs: dict[str, Doc], incoming: list[Doc]) -> list[Doc]:
    """Merge ``incoming`` documents into ``docs`` (by id, in place); the conflicts found."""
    conflicts: list[Doc] = []
    for doc in incoming:
        merged, found = merge_doc(table, docs.get(doc["id"]), doc)
        docs[doc["id"]] = merged
        conflicts.extend(found)
    return conflicts
