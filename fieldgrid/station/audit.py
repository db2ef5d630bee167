"""The station's processing record for a month (PIPL Art. 55–56): every disclosure the leaders' devices logged
(reveals, exports, imports, card prints, erasures), carried up in their bundles, with the unit and leader; and the
station's own log of what it processed (imports, refusals, returns, notices, erasures).  Data only; the face words
and writes it."""

from __future__ import annotations

import datetime as dt

from fieldgrid.model.disclosure import Disclosure
from fieldgrid.record.meta import META, live_view
from fieldgrid.record.tables import DISCLOSURES
from fieldgrid.station.db import LogEntry, StationDB
from fieldgrid.station.units import grid_label


def month_disclosures(db: StationDB, month: str) -> list[tuple[str, str, Disclosure]]:
    """(unit, leader, entry) of every disclosure logged in ``month`` (``YYYY-MM``), oldest first."""
    devices = {d.device_id: d for d in db.devices()}
    found: list[tuple[str, str, Disclosure]] = []
    for doc in db.docs(DISCLOSURES):
        entry = Disclosure.from_doc(live_view(doc))
        if not entry.at.startswith(month):
            continue
        device = devices.get(str((doc.get(META) or {}).get("device") or ""))
        found.append((grid_label(device.grid) if device else "", device.leader if device else "", entry))
    return sorted(found, key=lambda row: (row[2].at, row[0], row[2].id))


def month_log(db: StationDB, month: str) -> list[LogEntry]:
    """The station's own log in ``month``, oldest first."""
    start = dt.datetime.fromisoformat(f"{month}-01")
    end = (start + dt.timedelta(days=32)).replace(day=1).timestamp()
    return [e for e in db.log_entries(start.timestamp()) if e.at < end]
