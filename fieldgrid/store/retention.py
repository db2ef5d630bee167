"""Retention on the device (PIPL Art. 19): a household marked moved out, deceased or cancelled (or deleted) keeps
its history for the retention period (a setting, 90 days by default), then only counts are kept — the household
becomes a tombstone holding its place, its visits keep their time and kind, its problems lose who reported and
who was told, and the totals of what was erased are kept.  The changes travel to the station like any other, which
keeps its own records for its own period.  A mixin of :class:`~fieldgrid.store.repository.Store`; the erasure of
one record is :mod:`fieldgrid.record.erasure`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from fieldgrid.record import erasure
from fieldgrid.record import meta as records
from fieldgrid.record.erasure import DEFAULT_DAYS, RETENTION_DAYS, Erasure, check_days
from fieldgrid.record.tables import CORRECTIONS, DISCLOSURES, HOUSEHOLDS, META_TABLE, PROBLEM_EVENTS, VISITS

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model.disclosure import Disclosure

RETENTION_COUNTS = "retention_counts"  # what was erased so far: households, persons, visits, problems
COUNTED = ("households", "persons", "visits", "problems")
__all__ = ["DEFAULT_DAYS", "Erasure", "Retention"]


def _replace(doc: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    def apply(stored: MutableMapping[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return apply


class Retention:
    _db: TinyDB
    _now_ms: Callable[[], int]
    device_id: str

    if TYPE_CHECKING:

        def _change(self) -> Any: ...
        def _write(self, action: Callable[[], object]) -> None: ...
        def _meta(self) -> dict[str, Any]: ...
        def _docs(self, table: str) -> Iterator[dict[str, Any]]: ...
        def _disclosure(
            self, kind: str, what: str, persons: int, *, target: str = "", via: str = "cli"
        ) -> Disclosure: ...

    def retention_days(self) -> int:
        days = self._meta().get(RETENTION_DAYS)
        return days if isinstance(days, int) and not isinstance(days, bool) and days > 0 else DEFAULT_DAYS

    def set_retention_days(self, days: int) -> None:
        clean = check_days(days)
        self._write(lambda: self._db.table(META_TABLE).update({RETENTION_DAYS: clean}))

    def retention_counts(self) -> dict[str, int]:
        """Everything retention has erased on this device so far (the counts it keeps instead)."""
        kept = self._meta().get(RETENTION_COUNTS) or {}
        return {k: int(kept.get(k, 0)) for k in COUNTED}

    def apply_retention(self, *, dry_run: bool = False, via: str = "cli") -> Erasure:
        """Erase what the retention period no longer allows, in one atomic write (with the counts kept and an
        entry in the disclosure log); ``dry_run``: only say what it would be."""
        now, days = self._now_ms(), self.retention_days()
        table = self._db.table(HOUSEHOLDS)
        due = [d for d in table.all() if erasure.is_due(d, now, days)]
        if not due:
            return Erasure()
        ids = {d["id"] for d in due}
        names = [n for d in due for n in erasure.names_in(d)]
        events = self._db.table(PROBLEM_EVENTS).all()
        problems = {e["problem_id"] for e in events if e.get("kind") == "reported"
                    and (e.get("data") or {}).get("household_id") in ids}  # fmt: skip
        affected = [e for e in events if e["problem_id"] in problems]
        visits = [v for v in self._db.table(VISITS).all() if v.get("household_id") in ids and not erasure.is_erased(v)]
        visit_ids = {v["id"] for v in visits}
        corrections = [c for c in self._db.table(CORRECTIONS).all() if c.get("record") == "visit"
                       and c.get("target") in visit_ids and not erasure.is_erased(c)]  # fmt: skip
        result = Erasure(len(due), sum(erasure.persons(d) for d in due), len(visits), len(problems),
                         tuple(sorted(str(d.get("room", "")) for d in due)))  # fmt: skip
        if dry_run:
            return result
        totals = self.retention_counts()
        totals = {k: totals[k] + v for k, v in result.counts().items()}
        entry = self._disclosure("erase", "retention", result.persons, target=" ".join(result.rooms), via=via)
        with self._change() as stamp:
            for doc in due:
                table.update(_replace(erasure.erase_household(dict(doc), stamp, self.device_id)), doc_ids=[doc.doc_id])
            for doc in visits:
                erased = erasure.erase_visit(dict(doc), stamp, self.device_id)
                self._db.table(VISITS).update(_replace(erased), doc_ids=[doc.doc_id])
            for doc in affected:
                erased = erasure.erase_event(dict(doc), names, stamp, self.device_id)
                self._db.table(PROBLEM_EVENTS).update(_replace(erased), doc_ids=[doc.doc_id])
            for doc in corrections:
                erased = erasure.erase_correction(dict(doc), stamp, self.device_id)
                self._db.table(CORRECTIONS).update(_replace(erased), doc_ids=[doc.doc_id])
            self._db.table(DISCLOSURES).insert(records.stamp_new(entry.to_doc(), stamp, self.device_id))
            self._db.table(META_TABLE).update({RETENTION_COUNTS: totals})
        return result
