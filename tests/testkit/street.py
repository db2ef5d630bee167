"""A street station (晋原街道服务站) over a community station: enrolled both ways, the community's roll-up imported."""

from __future__ import annotations

from pathlib import Path

from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import enroll, import_paths, rollup, station_identity, trust_parent
from fieldgrid.sync.identity import Keys


def street_over(community: StationDB, street_home: Path) -> StationDB:
    """A new street station at ``street_home`` holding ``community``'s roll-up (written beside it)."""
    street = StationDB(street_home, create=True)
    for key, value in (("name", "晋原街道服务站"), ("level", "street"), ("street", "晋原街道")):
        street.set_setting(key, value)
    street_keys, community_keys = Keys(street_home), Keys(community.home)
    trust_parent(community, station_identity(street, street_keys))
    enroll(street, station_identity(community, community_keys))
    up = rollup(community, community_keys, street_home.parent / "rollup-stick")
    [taken] = import_paths(street, street_keys, [up.path])
    assert taken.status == "accepted", taken.key
    return street
