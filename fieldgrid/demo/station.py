"""The demo station: a station home beside the demo unit, with the demo device enrolled both ways, so a new
user can try the whole exchange at once (``sync export`` → ``station import`` → ``station returns`` →
``sync import``).  Its data is encrypted with the passphrase everyone knows (``DEMO_PASSPHRASE``, said on screen
like the demo unit's PIN)."""

from __future__ import annotations

from pathlib import Path

from fieldgrid.station.db import DB_NAME, StationDB
from fieldgrid.station.exchange import enroll, is_other_community, station_identity, unit_devices
from fieldgrid.station.seal import DEMO_PASSPHRASE, StationKey, new_data_key, read_wrapped
from fieldgrid.store import HomeLock, Store
from fieldgrid.store.keywrap import try_quietly, wrap
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys

DEMO_NAME = "子龙社区微网格长服务站（演示）"


def make_demo_station(store: Store, home: Path) -> bool:
    """Create (or refresh the enrollment of) the demo station at ``home``; ``False`` when ``home`` holds a
    station that is not a demo, which is left alone."""
    home = Path(home)
    lock = HomeLock(home)
    lock.acquire()
    try:
        existed = (home / DB_NAME).exists()
        wrapped = read_wrapped(home / DB_NAME)
        data = None if wrapped is None else try_quietly(wrapped, DEMO_PASSPHRASE)
        if wrapped is not None and data is None:  # encrypted with another passphrase: a real station
            return False
        key = None if wrapped is None or data is None else StationKey(data, wrapped)
        db = StationDB(home, create=True, key=key)
        try:
            if existed and db.setting("demo") != "1":
                return False
            if not existed:
                db.set_setting("demo", "1")
                db.set_setting("name", DEMO_NAME)
            if not db.sealed:  # new, or a demo station made before encryption
                data = new_data_key()
                db.encrypt(StationKey(data, wrap(data, DEMO_PASSPHRASE)))
            keys = Keys(home)
            me = station_identity(db, keys)
            me_device = device.identity(store, Keys(store.home))
            # ``demo --reset`` makes a new device for the same unit: it replaces the demo's old one.
            old = [d for d in unit_devices(db, dict(me_device.grid or {}))
                   if d.active and d.post == "A" and d.device_id != me_device.party]  # fmt: skip
            # A demo of another grid kind is a unit of another community (斜江村's 林盘): the demo station takes
            # every demo unit, as a real station takes one of another community when told to.
            other = is_other_community(db, dict(me_device.grid or {}))
            enroll(db, me_device, replaces=old[0].device_id if old else None, other_community=other)
            device.trust(store, me)
            return True
        finally:
            db.close()
    finally:
        lock.release()
