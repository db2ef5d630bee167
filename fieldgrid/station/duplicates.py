"""The same person held in two units (``fieldgrid station duplicates``): resident ID numbers compared by a keyed
hash — HMAC-SHA256 under a secret of this station's own, kept in its settings — so that what is compared, listed
or exported is never the number itself.  Only living persons of households still served count (a person who
moved from one unit to another stays in the first unit's history)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fieldgrid.model.masking import mask_id_number
from fieldgrid.station.db import StationDB
from fieldgrid.station.units import device_units

KEY_SETTING = "duplicates_key"  # hex of 32 random bytes, made the first time it is needed


def station_key(db: StationDB) -> bytes:
    """This station's secret for the keyed hash; made (and kept) the first time."""
    stored = db.setting(KEY_SETTING)
    if not stored:
        stored = secrets.token_hex(32)
        db.set_setting(KEY_SETTING, stored)
    return bytes.fromhex(stored)


def id_digest(key: bytes, id_number: str) -> str:
    return hmac.new(key, id_number.strip().upper().encode("ascii", "replace"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, order=True)
class Holding:
    unit: str
    room: str
    masked_id: str


@dataclass(frozen=True)
class Duplicate:
    """One person (the first 12 hex of the keyed hash names them) held in two units or more."""

    person: str
    holdings: tuple[Holding, ...]

    def to_json(self) -> dict[str, object]:
        return {"person": self.person, "holdings": [{"unit": h.unit, "room": h.room, "id_number": h.masked_id}
                                                    for h in self.holdings]}  # fmt: skip


def duplicates(db: StationDB) -> list[Duplicate]:
    """Persons whose ID number is held in two units or more, by unit and room."""
    key = station_key(db)
    held: dict[str, set[Holding]] = {}
    for _device, unit in device_units(db):
        for household in unit.households:
            for person in household.living:
                if person.id_number:
                    holding = Holding(unit.grid, household.room, mask_id_number(person.id_number))
                    held.setdefault(id_digest(key, person.id_number), set()).add(holding)
    found = [Duplicate(digest[:12], tuple(sorted(h))) for digest, h in held.items() if len({x.unit for x in h}) > 1]
    return sorted(found, key=lambda d: [(h.unit, h.room) for h in d.holdings])
