"""Scenario packs the station rolls out to its leaders (``fieldgrid station scenarios publish``): a pack checked as a
device would check it, queued in the outbox like a notice (kind ``scenario``) and carried by the next return bundles
in their payload's ``scenarios``; the device installs it on import.  The packs published are kept in the station's
settings (``scenarios``: the newest version of each), so a later version is checked against the earlier one and
the monthly reports show the packs' labels and extra fields."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fieldgrid.i18n import use_labels
from fieldgrid.model.scenario import Pack, ScenarioError, check_install, parse_pack
from fieldgrid.scenarios import default_pack
from fieldgrid.station.db import StationDB
from fieldgrid.station.exchange import SCENARIOS, notice_targets

LABELS = "scenario_labels"  # setting: the labels of every version published, so older records still read


def _published(db: StationDB) -> dict[str, Any]:
    raw = db.setting(SCENARIOS)
    return dict(json.loads(raw)) if raw else {}


def published(db: StationDB) -> dict[str, Pack]:
    """The newest version published of each pack."""
    found: dict[str, Pack] = {}
    for name, entry in _published(db).items():
        try:
            found[name] = parse_pack(entry["pack"])
        except ScenarioError:
            continue
    return found


def _labels(db: StationDB) -> dict[str, tuple[str, str]]:
    raw = db.setting(LABELS)
    return {k: (v[0], v[1]) for k, v in (json.loads(raw) if raw else {}).items()}


def visit_kinds(db: StationDB) -> tuple[str, ...]:
    """The visit kinds in force at the station: the default pack's and the published packs' (points go by them)."""
    return (*(k.code for k in default_pack().visit_kinds),
            *(k.code for p in published(db).values() for k in p.visit_kinds))  # fmt: skip


def load_labels(db: StationDB) -> None:
    """The published packs' labels (and their earlier versions') for what the station shows and writes."""
    labels = _labels(db)
    for pack in published(db).values():
        labels.update(pack.labels())
    use_labels(labels)


def publish(db: StationDB, pack: Pack, at: str, to: str | None = None) -> int:
    """Queue ``pack`` for every leader's device (``to`` ``None`` or ``all``) or a unit's (``6栋3单元``); the number
    of devices it will reach.  :class:`ScenarioError` naming the entry when a device would refuse it."""
    from fieldgrid.model.problem import OPEN_STATUSES
    from fieldgrid.station.units import units

    packs = published(db)
    old = packs.get(pack.name)
    in_use = {v.report.category for u in units(db) for v in u.problems if v.status in OPEN_STATUSES} if old else set()
    check_install(pack, default_pack(), packs, in_use)  # what the leaders' devices would refuse, refused here
    everyone = to is None or to.strip().lower() in ("all", "全部")
    devices = None if everyone else notice_targets(db, units=[to or ""])
    if devices is None:
        devices = [d.device_id for d in db.devices() if d.active and d.grid.get("level") != "station"]
    labels = _labels(db)
    if old is not None:
        labels.update(old.labels())
    docs = _published(db)
    was_for_everyone = bool(docs.get(pack.name, {}).get("all"))
    docs[pack.name] = {"pack": dict(pack.doc), "all": everyone or was_for_everyone}
    count = db.queue("scenario", {"id": uuid.uuid4().hex, "at": at, "pack": dict(pack.doc)}, devices)
    db.set_setting(SCENARIOS, json.dumps(docs, ensure_ascii=False))
    db.set_setting(LABELS, json.dumps({k: list(v) for k, v in labels.items()}, ensure_ascii=False))
    db.log("notice", "scenario.log.published", count=count, name=pack.name, version=pack.version)
    return count
