"""The repository: the only code that talks to TinyDB.  The TUI and CLI use this API and never import
tinydb.

One home holds one JSON database (``fieldgrid.json``) written by :class:`AtomicJSONStorage`.  Every
mutation is one atomic write that also advances the device's hybrid logical clock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from tinydb import Query, TinyDB

from fieldgrid.errors import Refused
from fieldgrid.fsutil import fsync_dir, remove_leftovers
from fieldgrid.model import Household, LeaderProfile, ValidationError, ValidationErrors, validate_household
from fieldgrid.model.duplicates import Namesake, id_clashes, namesakes
from fieldgrid.model.places import STAIRWELL, place_order
from fieldgrid.model.profile import parts_outside, validate_profile
from fieldgrid.model.validation import fold_width
from fieldgrid.model.vocabulary import ENDED_RESIDENCY
from fieldgrid.record import meta as records
from fieldgrid.record.clock import Clock, Stamp
from fieldgrid.record.tables import HOUSEHOLDS
from fieldgrid.record.tables import META_TABLE as _META_TABLE
from fieldgrid.record.tables import PROFILE as _PROFILE_TABLE
from fieldgrid.store.care import CareCadence
from fieldgrid.store.crypto import SealKey
from fieldgrid.store.disclosures import DisclosureLog
from fieldgrid.store.errors import DiskError, NotFound, StoreError
from fieldgrid.store.field_work import FieldWork
from fieldgrid.store.home import DEVICE_DB
from fieldgrid.store.moves import Moves
from fieldgrid.store.retention import Retention
from fieldgrid.store.scenarios import Scenarios
from fieldgrid.store.storage import AtomicJSONStorage, CorruptDatabase
from fieldgrid.store.sync_state import SyncState

DB_NAME = DEVICE_DB
SCHEMA_VERSION = 1
LOCK_MINUTES = "lock_minutes"  # a device setting in the meta table (never sent to the station)
DEFAULT_LOCK_MINUTES = 5
MAX_LOCK_MINUTES = 24 * 60


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Store(FieldWork, SyncState, DisclosureLog, Retention, Moves, CareCadence, Scenarios):
    """A home's database.  Open it after taking the home's :class:`~fieldgrid.store.lock.HomeLock`; a home with a
    PIN needs the ``key`` :class:`~fieldgrid.store.pin.Unlocker` gives for it."""

    def __init__(self, home: Path, *, now_ms: Callable[[], int] = wall_ms, key: SealKey | None = None) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.path = self.home / DB_NAME
        self.notices: list[tuple[str, dict[str, object]]] = []
        self._now_ms = now_ms
        self.generation = 0  # bumped by every write: derived views are kept per generation
        self._views = None
        # Writes that died before their rename (the real files are intact): the database's own temps go with the
        # storage; the keys folder is all fieldgrid's.  Nobody else's temp file in the home is touched.
        remove_leftovers(self.home / "keys")
        self._db = TinyDB(self.path, storage=AtomicJSONStorage, key=key)
        self._storage = cast(AtomicJSONStorage, self._db.storage)  # the storage class TinyDB was given
        try:
            self._storage.read()
        except CorruptDatabase as exc:
            kept = self._move_aside(exc)
            self.notices.append(("notice.db_moved_aside", {"path": str(kept), "reason": exc.reason}))
            self._storage._data = None
        meta = self._meta()
        if not meta.get("device_id"):
            meta = {"device_id": uuid.uuid4().hex[:12], "schema": SCHEMA_VERSION, "clock": None}
            self._write(lambda: self._db.table(_META_TABLE).insert(meta))
        self.device_id: str = meta["device_id"]
        last = Stamp.decode(meta["clock"]) if meta.get("clock") else None
        self._clock = Clock(self.device_id, last)
        self.vocabulary()  # the scenario packs in force: their labels from now on

    def retention_at_open(self) -> None:
        """Households whose retention is over are erased when the home is opened (and told as a notice); a disk that
        refuses the write leaves them for the next time, without keeping the leader out."""
        try:
            done = self.apply_retention()
        except DiskError:
            return
        if done.households:
            self.notices.append(("notice.retention_applied", {"households": done.households, "persons": done.persons,
                                                              "days": self.retention_days()}))  # fmt: skip

    # -- plumbing ---------------------------------------------------------------------------------

    def _move_aside(self, exc: CorruptDatabase) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = self.path.with_name(f"{DB_NAME}.corrupt-{stamp}")
        n = 1
        while kept.exists():
            n += 1
            kept = self.path.with_name(f"{DB_NAME}.corrupt-{stamp}-{n}")
        os.replace(self.path, kept)
        fsync_dir(self.home)
        return kept

    def _meta(self) -> dict[str, Any]:
        docs = self._db.table(_META_TABLE).all()
        return dict(docs[0]) if docs else {}

    def _write(self, action: Callable[[], object]) -> None:
        self.generation += 1
        try:
            with self._storage.batch():
                action()
        except OSError as exc:
            raise DiskError(str(self.path), exc.strerror or str(exc)) from exc

    @contextlib.contextmanager
    def _change(self) -> Iterator[str]:
        """One atomic write: yields a fresh clock stamp; the clock's new value is saved with the change."""
        before = self._clock.last
        self.generation += 1
        stamp = self._clock.now(self._now_ms()).encode()
        try:
            with self._storage.batch():
                yield stamp
                self._db.table(_META_TABLE).update({"clock": stamp})
        except OSError as exc:
            self._clock = Clock(self.device_id, before)
            raise DiskError(str(self.path), exc.strerror or str(exc)) from exc
        except BaseException:
            self._clock = Clock(self.device_id, before)
            raise
        finally:
            self.generation += 1

    def now_ms(self) -> int:
        """The device's wall clock in milliseconds (the store's clock source)."""
        return self._now_ms()

    def clock_stamp(self) -> str:
        """The newest clock stamp this device has written or seen."""
        return self._clock.last.encode()

    def close(self) -> None:
        self._db.close()

    # -- the PIN ----------------------------------------------------------------------------------

    @property
    def is_sealed(self) -> bool:
        """Whether the store is encrypted with a PIN."""
        return self._storage.key is not None

    @property
    def key(self) -> SealKey | None:
        return self._storage.key

    def seal(self, key: SealKey) -> None:
        """Encrypt the store with ``key`` (a PIN set or changed) in one atomic write, and make the home private
        (folder 0700, its files 0600)."""
        from fieldgrid.store.pin import protect_home

        self.generation += 1
        try:
            self._storage.reseal(key)
            protect_home(self.home)
        except OSError as exc:
            raise DiskError(str(self.path), exc.strerror or str(exc)) from exc

    def lock_minutes(self) -> int:
        """After how many idle minutes the terminal UI locks (a home with a PIN); 0: never."""
        value = self.setting(LOCK_MINUTES, DEFAULT_LOCK_MINUTES)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else DEFAULT_LOCK_MINUTES

    def set_lock_minutes(self, minutes: int) -> None:
        if not 0 <= minutes <= MAX_LOCK_MINUTES:
            raise Refused("pin.lock_minutes", value=minutes, max=MAX_LOCK_MINUTES)
        self.set_setting(LOCK_MINUTES, minutes)

    # -- settings ---------------------------------------------------------------------------------

    @property
    def is_demo(self) -> bool:
        return bool(self._meta().get("demo"))

    def mark_demo(self) -> None:
        self._write(lambda: self._db.table(_META_TABLE).update({"demo": True}))

    def is_empty(self) -> bool:
        return self.profile() is None and not self._db.table(HOUSEHOLDS).all()

    def profile(self) -> LeaderProfile | None:
        docs = self._db.table(_PROFILE_TABLE).all()
        if not docs:
            return None
        return LeaderProfile.from_doc(records.live_view(dict(docs[0])))

    def save_profile(self, profile: LeaderProfile) -> LeaderProfile:
        clean = validate_profile(profile)
        clean.device_id = self.device_id
        table = self._db.table(_PROFILE_TABLE)
        with self._change() as stamp:
            existing = table.all()
            if existing:
                doc = records.stamp_changes(dict(existing[0]), clean.to_doc(), stamp, self.device_id)
                if doc is not None:
                    table.update(doc, doc_ids=[existing[0].doc_id])
            else:
                table.insert(records.stamp_new(clean.to_doc(), stamp, self.device_id))
        return clean

    # -- households -------------------------------------------------------------------------------

    def _household_docs(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self._db.table(HOUSEHOLDS).all() if not records.is_deleted(d)]

    def households(self) -> list[Household]:
        """Every live household, sorted by building, unit and room in natural order: a stairwell's by floor, then
        room; a village's by group, then number (3-2 before 3-11); a street's by number (2 before 10)."""
        found = [Household.from_doc(records.live_view(d)) for d in self._household_docs()]
        profile = self.profile()
        kind = profile.grid_kind if profile else STAIRWELL
        return sorted(found, key=lambda h: (h.building, h.unit, h.floor or 0, place_order(h.room, kind)))

    def household(self, ident: str) -> Household:
        """By full id, or by a unique id prefix of at least 4 characters (handy on the command line)."""
        docs = self._household_docs()
        exact = [d for d in docs if d["id"] == ident]
        if not exact and len(ident) >= 4:
            exact = [d for d in docs if d["id"].startswith(ident)]
        if len(exact) != 1:
            raise NotFound(ident)
        return Household.from_doc(records.live_view(exact[0]))

    def record_meta(self, ident: str) -> dict[str, Any]:
        """The ``_meta`` of a household (clock stamps, device, tombstone), deleted ones included."""
        doc = self._db.table(HOUSEHOLDS).get(Query().id == ident)
        if doc is None:
            raise NotFound(ident)
        return records.clone(doc[records.META])

    def _place(self, household: Household) -> tuple[str, str, str]:
        """Building, unit and room as they will be stored (the profile's building and unit when not given)."""
        profile = self.profile()
        building = household.building or (profile.grid.building if profile else "")
        unit = household.unit or (profile.grid.unit if profile else "")
        return (fold_width(building), fold_width(unit), fold_width(household.room))

    def _validated(self, household: Household, replacing: frozenset[str] = frozenset()) -> Household:
        """The household checked for storing: its own fields, the grid, a flat held by one household living there
        at a time (``replacing``: households ended in the same write), no ID number of a living person of
        another household."""
        profile = self.profile()
        extra = [*self.vocabulary().tags, *(profile.extra_tags if profile else [])]  # a scenario pack's too
        # A tag the household already has stays allowed when its pack was removed: editing it loses nothing.
        extra += next((list(d.get("tags") or []) for d in self._household_docs() if d["id"] == household.id), [])
        if profile:
            household = dataclasses.replace(
                household,
                building=household.building or profile.grid.building,
                unit=household.unit or profile.grid.unit,
            )
        kind = profile.grid_kind if profile else "stairwell"
        clean = validate_household(household, extra, grid_kind=kind)
        if profile:
            # What the station would refuse is refused here, at entry: a household of another building or unit
            # would otherwise hold up every later bundle of this device.
            mine = {"building": profile.grid.building, "unit": profile.grid.unit}
            outside = [ValidationError(part, "error.grid.outside", value=getattr(clean, part), grid=mine[part])
                       for part in parts_outside(mine, {"building": clean.building, "unit": clean.unit})]  # fmt: skip
            if outside:
                raise ValidationErrors(outside)
        if clean.is_ended:  # history: its flat may have a new household, its people live elsewhere now
            return clean
        place = (clean.building, clean.unit, clean.room)
        # Straight over the stored documents: building whole Household objects here cost more than the write.
        docs = [d for d in self._household_docs() if d["id"] != clean.id and d["id"] not in replacing]
        for other in docs:
            if (other.get("building", ""), other.get("unit", ""), other["room"]) == place and (
                other.get("residency") not in ENDED_RESIDENCY
            ):
                raise ValidationErrors([ValidationError("room", "error.room.taken", value=clean.room)])
        if any(m.id_number for m in clean.members):
            unit = (clean.building, clean.unit)
            others = [Household.from_doc(records.live_view(d)) for d in docs
                      if (d.get("building", ""), d.get("unit", "")) == unit]  # fmt: skip
            clashes = id_clashes(clean, others)
            if clashes:
                raise ValidationErrors(clashes)
        return clean

    def namesakes(self, household: Household) -> list[Namesake]:
        """Living people of other households with the same name and birth year as one of ``household``'s (to ask
        the leader before saving)."""
        return namesakes(household, self.households())

    def _vacant_holders(self, household: Household) -> list[Household]:
        """The records of ``household``'s flat that nobody lives in (vacant, not ended) — what a new household
        moving in takes over."""
        place = self._place(household)
        return [h for h in self.households() if h.id != household.id and (h.building, h.unit, h.room) == place
                and h.residency == "vacant"]  # fmt: skip

    def move_in(self, household: Household) -> Household:
        """A new household in a flat that is vacant or whose household has ended (the old records stay in
        history): an empty vacant record is taken over (its visits and problems stay with the flat); one that
        names people (an owner living elsewhere) ends, dated today."""
        holders = self._vacant_holders(household)
        empty = [h for h in holders if not h.living]
        if empty and household.residency != "vacant":
            household = dataclasses.replace(household, id=empty[0].id)
        ended = [dataclasses.replace(h, residency="moved_out", ended_on=self.today().isoformat())
                 for h in holders if h.id != household.id]  # fmt: skip
        if household.id == (empty[0].id if empty else None):
            return self.update_household(household, ended=ended)
        clean = self._validated(household, replacing=frozenset(h.id for h in ended))
        table = self._db.table(HOUSEHOLDS)
        with self._change() as stamp:
            for old in ended:
                self._stamp_update(stamp, old)
            table.insert(records.stamp_new(clean.to_doc(), stamp, self.device_id))
        return clean

    def add_household(self, household: Household) -> Household:
        """A new household; in a flat that is vacant or whose household has ended, a move-in (:meth:`move_in`)."""
        if household.residency != "vacant" and self._vacant_holders(household):
            return self.move_in(household)
        clean = self._validated(household)
        if self._db.table(HOUSEHOLDS).contains(Query().id == clean.id):
            raise StoreError("error.household.exists", id=clean.id)
        with self._change() as stamp:
            self._db.table(HOUSEHOLDS).insert(records.stamp_new(clean.to_doc(), stamp, self.device_id))
        return clean

    def add_households(self, households: list[Household]) -> list[Household]:
        """Many households in one atomic write (all or none)."""
        added: list[Household] = []
        with self._change() as stamp:
            for household in households:
                clean = self._validated(household)
                self._db.table(HOUSEHOLDS).insert(records.stamp_new(clean.to_doc(), stamp, self.device_id))
                added.append(clean)
        return added

    def apply_households(self, creates: list[Household], updates: list[Household]) -> None:
        """Households already checked by the caller (a roster import): added and updated in one atomic write,
        all or none."""
        table = self._db.table(HOUSEHOLDS)
        by_id = {d["id"]: d for d in table.all()}
        with self._change() as stamp:
            table.insert_multiple(records.stamp_new(h.to_doc(), stamp, self.device_id) for h in creates)
            for household in updates:
                old = by_id[household.id]
                doc = records.stamp_changes(dict(old), household.to_doc(), stamp, self.device_id)
                if doc is not None:
                    table.update(doc, doc_ids=[old.doc_id])

    def update_household(self, household: Household, *, ended: list[Household] | None = None) -> Household:
        """``household`` changed; ``ended``: other households ending in the same write (a move-in)."""
        table = self._db.table(HOUSEHOLDS)
        old = table.get(Query().id == household.id)
        if old is None or records.is_deleted(old):
            raise NotFound(household.id)
        clean = self._validated(household, replacing=frozenset(h.id for h in ended or []))
        with self._change() as stamp:
            for other in ended or []:
                self._stamp_update(stamp, other)
            doc = records.stamp_changes(dict(old), clean.to_doc(), stamp, self.device_id)
            if doc is not None:
                table.update(doc, doc_ids=[old.doc_id])
        return clean

    def delete_household(self, ident: str) -> Household:
        household = self.household(ident)
        table = self._db.table(HOUSEHOLDS)
        old = table.get(Query().id == household.id)
        assert old is not None
        with self._change() as stamp:
            table.update(records.tombstone(dict(old), stamp, self.device_id), doc_ids=[old.doc_id])
        return household

    # -- raw access for benchmarks and later modules --------------------------------------------

    def insert_raw(self, table: str, docs: list[dict[str, Any]]) -> None:
        """Insert already-stamped documents into a table in one write (bulk loads, benchmarks).  The store
        keeps copies: changing ``docs`` afterwards changes nothing stored."""
        copies = [records.clone(d) for d in docs]
        self._write(lambda: self._db.table(table).insert_multiple(copies))
