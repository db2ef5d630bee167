"""What sync needs from the store: raw documents with their stamps, merged documents written back in one
atomic write (the clock moved past every stamp seen), and sync's own settings.  A mixin of
:class:`~fieldgrid.store.repository.Store`; the merge rules themselves live in ``sync.merge`` (above the
store), which is why these methods take documents already merged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldgrid.record import meta as records
from fieldgrid.record.clock import Clock, Stamp
from fieldgrid.record.tables import META_TABLE

if TYPE_CHECKING:
    from tinydb import TinyDB



class SyncState:
    _db: TinyDB
    _clock: Clock
    _now_ms: Callable[[], int]
    device_id: str

    if TYPE_CHECKING:

        def _write(self, action: Callable[[], object]) -> None: ...
        def _meta(self) -> dict[str, Any]: ...

    def raw_docs(self, table: str, keep: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
        """Every document of ``table`` as stored (or those ``keep`` accepts), tombstones and stamps included:
        copies, read straight from the storage's parsed data (no TinyDB document wrapping)."""
        data = self._db.storage.read() or {}
        docs = data.get(table, {}).values()
        return [records.clone(d) for d in docs if keep is None or keep(d)]

    def count_docs(self, table: str, keep: Callable[[dict[str, Any]], bool]) -> int:
        """How many documents of ``table`` ``keep`` accepts, tombstones included; nothing is copied (``keep``
        must not change what it is given)."""
        data = self._db.storage.read() or {}
        return sum(1 for d in data.get(table, {}).values() if keep(d))

    def setting(self, key: str, default: Any = None) -> Any:
        return records.clone(self._meta().get(key, default))

    def set_setting(self, key: str, value: Any) -> None:
        self._write(lambda: self._db.table(META_TABLE).update({key: value}))

    def write_merged(
        self,
        docs: Mapping[str, Sequence[dict[str, Any]]],
        *,
        seen: str | None = None,
        settings: Mapping[str, Any] | None = None,
    ) -> None:
        """Put merged documents in place (by id, per table), move the clock past ``seen`` and save
        ``settings``: all in one atomic write, or nothing."""
        before = self._clock.last

        def action() -> None:
            for table, items in docs.items():
                tbl = self._db.table(table)
                by_id = {d["id"]: d.doc_id for d in tbl.all() if "id" in d}
                for doc in items:
                    copy = records.clone(doc)
                    if doc["id"] in by_id:
                        tbl.update(_replace(copy), doc_ids=[by_id[doc["id"]]])
                    else:
                        by_id[doc["id"]] = tbl.insert(copy)
            update: dict[str, Any] = dict(settings or {})
            if seen:
                stamp = self._clock.observe(Stamp.decode(seen), self._now_ms())
                update["clock"] = stamp.encode()
            if update:
                self._db.table(META_TABLE).update(update)

        try:
            self._write(action)
        except BaseException:
            self._clock = Clock(self.device_id, before)
            raise


def _replace(doc: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    """A TinyDB update that replaces the whole document (fields that vanished are dropped too)."""

    def apply(stored: MutableMapping[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return apply
