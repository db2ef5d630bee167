"""Retention at the station: its own period (``station retention DAYS``, a setting; 90 days by default), after
which a household marked moved out, deceased or cancelled — or deleted — keeps only its place, its visits their
time and kind, and its problems lose who reported and who was told (:mod:`fieldgrid.record.erasure`, the same
rules as on the device).  The station applies it on its own records whatever the devices do: a device's
erasure arrives as a tombstone, which does not take the station's copy with it.  Only :class:`StationDB`'s
methods are called here."""

from __future__ import annotations

from fieldgrid.record import erasure
from fieldgrid.record.erasure import DEFAULT_DAYS, RETENTION_DAYS, Erasure, check_days
from fieldgrid.record.meta import META
from fieldgrid.record.tables import CORRECTIONS, HOUSEHOLDS, PROBLEM_EVENTS, VISITS
from fieldgrid.station.db import Doc, StationDB

__all__ = ["DEFAULT_DAYS", "apply_retention", "retention_days", "set_retention_days"]


def retention_days(db: StationDB) -> int:
    value = db.setting(RETENTION_DAYS) or ""
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_DAYS


def set_retention_days(db: StationDB, days: int) -> None:
    db.set_setting(RETENTION_DAYS, str(check_days(days)))


def _stamp(doc: Doc, floor: str = "") -> tuple[str, str]:
    meta = doc.get(META) or {}
    return max(str(meta.get("stamp") or ""), floor), str(meta.get("device") or "")


def apply_retention(db: StationDB, now_ms: int, *, dry_run: bool = False) -> Erasure:
    """Erase, in one transaction, what this station's period no longer allows; ``dry_run``: only say what."""
    days = retention_days(db)
    due = [d for d in db.docs(HOUSEHOLDS, deleted=True) if erasure.is_due(d, now_ms, days)]
    if not due:
        return Erasure()
    by_id = {d["id"]: d for d in due}
    names = {d["id"]: erasure.names_in(d) for d in due}
    events = list(db.docs(PROBLEM_EVENTS, deleted=True))
    problems = {str(e["problem_id"]): str((e.get("data") or {}).get("household_id")) for e in events
                if e.get("kind") == "reported" and (e.get("data") or {}).get("household_id") in by_id}  # fmt: skip
    visits = [v for v in db.docs(VISITS, deleted=True) if v.get("household_id") in by_id and not erasure.is_erased(v)]
    result = Erasure(len(due), sum(erasure.persons(d) for d in due), len(visits), len(problems),
                     tuple(sorted(str(d.get("room", "")) for d in due)))  # fmt: skip
    if dry_run:
        return result
    changes: list[tuple[str, Doc]] = [(HOUSEHOLDS, erasure.erase_household(d, *_stamp(d))) for d in due]
    for visit in visits:
        floor, _ = _stamp(by_id[visit["household_id"]])
        changes.append((VISITS, erasure.erase_visit(visit, *_stamp(visit, floor))))
    erased_visits = {str(v["id"]): str(v["household_id"]) for v in visits}
    for correction in db.docs(CORRECTIONS, deleted=True):
        owner = erased_visits.get(str(correction.get("target"))) if correction.get("record") == "visit" else None
        if owner is not None and not erasure.is_erased(correction):
            floor, _ = _stamp(by_id[owner])
            changes.append((CORRECTIONS, erasure.erase_correction(correction, *_stamp(correction, floor))))
    for event in events:
        household = problems.get(str(event["problem_id"]))
        if household is not None:
            floor, _ = _stamp(by_id[household])
            changes.append((PROBLEM_EVENTS, erasure.erase_event(event, names[household], *_stamp(event, floor))))
    db.replace_docs(changes)
    db.log("retention", "retention.done", rooms="、".join(result.rooms), households=result.households,
           persons=result.persons, visits=result.visits, problems=result.problems)  # fmt: skip
    return result
