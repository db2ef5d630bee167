"""The property companies (物业公司) that manage the community's compounds, as the station records them
(``fieldgrid station property set COMPOUND --company NAME [--phone PHONE]``): the monthly report's 联动处理 sheet
lists the open problems by company, the list the station takes to each of them.  Kept as station settings
``property:<compound>`` (JSON: company, phone in E.164)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fieldgrid.model.validation import normalize_phone
from fieldgrid.station.db import StationDB, StationError

PREFIX = "property:"


@dataclass(frozen=True)
class PropertyCompany:
    compound: str
    company: str
    phone: str = ""  # E.164; '' when not given


def known_compounds(db: StationDB) -> list[str]:
    """The compounds of the units enrolled here (a community's own, or at a street those its roll-ups listed)."""
    from fieldgrid.station.units import UNITS

    found = {d.grid.get("compound", "") for d in db.devices()}
    for device in db.devices():
        listed = db.setting(UNITS + device.device_id)
        found.update(str(u.get("grid", {}).get("compound", "")) for u in json.loads(listed or "[]"))
    return sorted(c for c in found if c)


def set_company(db: StationDB, compound: str, company: str, phone: str = "") -> PropertyCompany:
    """Record who manages ``compound``; a compound none of the station's units is in, an empty name or a phone
    that is no Chinese number is refused (nothing written)."""
    compound, company = compound.strip(), company.strip()
    known = known_compounds(db)
    if compound not in known:
        raise StationError("property.error.unknown_compound", compound=compound, known="、".join(known) or "—")
    if not company:
        raise StationError("property.error.no_company")
    found = PropertyCompany(compound, company, normalize_phone(phone) if phone.strip() else "")
    db.set_setting(PREFIX + compound, json.dumps({"company": found.company, "phone": found.phone}, ensure_ascii=False))
    db.log("property", "property.log.set", compound=compound, company=company)
    return found


def companies(db: StationDB) -> list[PropertyCompany]:
    """Every compound's company the station has recorded, by compound."""
    found = []
    for key, value in db.settings(PREFIX):
        doc = json.loads(value)
        found.append(PropertyCompany(key.removeprefix(PREFIX), str(doc.get("company", "")), str(doc.get("phone", ""))))
    return sorted(found, key=lambda c: c.compound)


def company_of(db: StationDB) -> dict[str, str]:
    """compound → the company that manages it."""
    return {c.compound: c.company for c in companies(db)}
