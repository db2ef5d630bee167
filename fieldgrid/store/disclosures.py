"""The disclosure log on the device: append-only (entries are added, never edited or removed), stored as
records that travel to the station in bundles like any other.  A mixin of
:class:`~fieldgrid.store.repository.Store`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from fieldgrid.model.disclosure import Disclosure, validate_disclosure
from fieldgrid.record import meta as records
from fieldgrid.record.tables import DISCLOSURES

if TYPE_CHECKING:
    import datetime as dt

    from tinydb import TinyDB


class DisclosureLog:
    _db: TinyDB
    device_id: str

    if TYPE_CHECKING:

        def _change(self) -> Any: ...
        def now(self) -> dt.datetime: ...
        def _docs(self, table: str) -> Iterator[dict[str, Any]]: ...

    def log_disclosure(self, kind: str, what: str, persons: int, *, target: str = "", via: str = "cli") -> Disclosure:
        """Add one entry (now), in its own atomic write."""
        entry = self._disclosure(kind, what, persons, target=target, via=via)
        with self._change() as stamp:
            self._db.table(DISCLOSURES).insert(records.stamp_new(entry.to_doc(), stamp, self.device_id))
        return entry

    def _disclosure(self, kind: str, what: str, persons: int, *, target: str = "", via: str = "cli") -> Disclosure:
        at = self.now().isoformat(timespec="seconds")
        return validate_disclosure(dataclasses.replace(Disclosure(kind, what, persons, target=target, via=via), at=at))

    def disclosures(self, keep: Callable[[Disclosure], bool] | None = None) -> list[Disclosure]:
        """The log, newest first (entries of one second in the order they were written)."""
        docs = sorted(self._docs(DISCLOSURES), key=lambda d: (str(d.get("at", "")), d[records.META].get("stamp", "")))
        found = [Disclosure.from_doc(records.live_view(d)) for d in reversed(docs)]
        return [d for d in found if keep is None or keep(d)]
