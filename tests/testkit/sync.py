"""A leader's device for the sync tests (a store with a profile and one household, and its keys), and a world of
that device and a station that know each other."""

from __future__ import annotations

from pathlib import Path

from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, station_identity
from fieldgrid.store import Store
from fieldgrid.sync import device
from fieldgrid.sync.identity import Keys

GRID = GridPath(community="子龙社区", compound="橙郡一期", building="6栋", unit="3单元")


def make_device(home: Path, name: str = "刘秀英", grid: GridPath = GRID) -> tuple[Store, Keys]:
    store = Store(home)
    store.save_profile(LeaderProfile(name, "13800138000", grid))
    store.add_household(Household(room="0601", members=[Member(name="张三", relation="self")]))
    return store, Keys(home)


def make_world(folder: Path) -> tuple[Store, Keys, StationDB, Keys]:
    """A leader's device and a station that know each other: (device store, device keys, station, station keys)."""
    store, keys = make_device(folder / "device")
    db = StationDB(folder / "station", create=True)
    station_keys = Keys(folder / "station")
    device.trust(store, station_identity(db, station_keys))
    enroll(db, device.identity(store, keys))
    return store, keys, db, station_keys


def dump_station(home: Path) -> str:
    """:func:`station_dump` of the station at ``home`` (unlocked with the passphrase the commands are given, the
    tests' by default, when it is encrypted), read beside whatever holds it."""
    import os

    from testkit.pin import STATION_PASSPHRASE, open_station

    db = open_station(home, os.environ.get("FIELDGRID_STATION_PASSPHRASE", STATION_PASSPHRASE), read_only=True)
    try:
        return station_dump(db)
    finally:
        db.close()


def station_dump(db: StationDB) -> str:
    """The station's whole database as SQL, but for its log: what a refusal must leave byte for byte as it was
    (the log says it was refused)."""
    return "\n".join(line for line in dump_lines(db)
                     if not line.startswith('INSERT INTO "log"') and "'log'" not in line)  # fmt: skip


def dump_lines(db: StationDB) -> list[str]:
    """The station's whole database, a line a row: SQLite's own dump, or every table of the PostgreSQL
    station's schema, rows in order (``INSERT INTO "table" VALUES (…)``)."""
    if not db.postgres:
        return list(db.conn.iterdump())
    tables = [name for (name,) in db.conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")]
    lines = []
    for table in tables:
        lines.append(f"TABLE '{table}'")
        rows = db.conn.execute(f"SELECT * FROM {table}").fetchall()
        lines += sorted(f'INSERT INTO "{table}" VALUES {tuple(row)!r}' for row in rows)
    return lines
