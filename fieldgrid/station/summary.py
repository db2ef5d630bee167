"""A station's month in figures, counted over the records' plain columns (:mod:`fieldgrid.record.plain`) without
opening one sealed document: for a district or a city, whose full monthly report would list hundreds of
thousands of problems.  Each unit's households still served, visits by kind, problems reported, closed after
feedback, closed with a notice, escalations, problems open and overdue today, and the month's points; the
export adds them up by community and by street.

The rules are the full report's (:func:`fieldgrid.exports.monthly.tally`, the model's problem states and
corrections), applied to what the plain columns say: the database counts the month's visits by kind, the
few visits a correction or a replacing visit touches are counted again as they stand, and each problem's figures
are those the station keeps beside its events (``problems``: derived from its masked log whenever a write touches
it).  A test holds both reports to the same figures.

At a street's station a community station is one row (its units are told apart only by reading its records)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from fieldgrid.exports.monthly import Tally, problem_tally
from fieldgrid.exports.summary import UnitFigures
from fieldgrid.model.corrections import Correction, standing, surviving
from fieldgrid.model.ledger import ProblemFigures
from fieldgrid.model.visit import Visit
from fieldgrid.model.vocabulary import ENDED_RESIDENCY
from fieldgrid.record import json_text
from fieldgrid.record.plain import MASK, figures_of
from fieldgrid.station.db import Device, StationDB
from fieldgrid.station.units import community_name, grid_label


def unit_figures(db: StationDB, month: str, today: dt.date) -> list[UnitFigures]:
    """Every unit's figures for ``month`` (what is open: on ``today``), in the order of the station's devices;
    a backup leader's device is no unit of its own (its work is filed under the leader's)."""
    db.check_plain()
    served = db.served_households(sorted(ENDED_RESIDENCY))
    visits: dict[str, Counter[str]] = {}
    for (filed, kind), n in db.visit_counts(month).items():
        visits.setdefault(filed, Counter())[kind] += n
    _as_corrected(db, visits, month)
    problems: dict[str, list[ProblemFigures]] = {}
    for row in db.problem_figures(month):
        problems.setdefault(str(row[0]), []).append(figures_of(row))
    street, community = db.setting("street") or "", db.setting("community") or ""
    out = []
    for device in db.devices():
        if device.post == "B":
            continue
        out.append(_figures(device, street, community, served.get(device.device_id, 0),
                            visits.get(device.device_id, Counter()), problems.get(device.device_id, []), month,
                            today))  # fmt: skip
    return out


def _figures(
    device: Device,
    street: str,
    community: str,
    households: int,
    visits: Counter[str],
    problems: list[ProblemFigures],
    month: str,
    today: dt.date,
) -> UnitFigures:
    station = device.grid.get("level") == "station"  # a community station enrolled at a street's
    open_ = [p for p in problems if p.is_open]
    return UnitFigures(
        street=device.grid.get("street", "") or street,
        community=community_name(device) if station else device.grid.get("community", "") or community,
        leader="" if station else device.leader,
        grid="" if station else grid_label(device.grid),
        households=households,
        tally=Tally(+visits, *problem_tally(problems, month)),
        reported=sum(p.n for p in problems if p.reported_at.startswith(month)),
        open=sum(p.n for p in open_),
        overdue=sum(p.n for p in open_ if p.overdue(today)),
    )


def _as_corrected(db: StationDB, visits: dict[str, Counter[str]], month: str) -> None:
    """The month's counts by device and kind (``visits``, as written) made as the visits stand: the few a
    correction names or a newer visit replaces are taken out as written and counted again as they stand."""
    corrections = db.plain_corrections("visit")
    replacing = db.plain_visits(replacing=True)
    wanted = {str(c[2]) for c in corrections} | {str(v[4]) for v in replacing}
    wanted -= {str(v[1]) for v in replacing}
    rows = replacing + db.plain_visits(ids=sorted(wanted))
    touched: dict[str, list[Visit]] = {}
    for device, rid, kind, at, corrects in rows:
        touched.setdefault(str(device), []).append(Visit("", str(at or ""), str(kind or ""), corrects=corrects,
                                                         id=str(rid)))  # fmt: skip
    fixes: dict[str, list[Correction]] = {}
    for device, rid, target, at, stamp, facts in corrections:
        void = bool(json_text.loads(facts).get("void")) if facts else False
        fixes.setdefault(str(device), []).append(Correction("visit", str(target), str(at or ""), MASK, void=void,
                                                            stamp=str(stamp), id=str(rid)))  # fmt: skip
    for device, written in touched.items():
        counts = visits.setdefault(device, Counter())
        for visit in written:
            if visit.at.startswith(month):
                counts[visit.kind] -= 1
        for visit in surviving(standing(written, fixes.get(device, ()), "visit")):
            if visit.at.startswith(month):
                counts[visit.kind] += 1
