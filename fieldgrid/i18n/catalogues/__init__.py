"""The message catalogues: one module per key prefix, each loaded the first time one of its keys is asked for.

The rule, so a key's home is found from the key alone:

* Outside ``tui`` and ``cli`` a key's prefix is its first segment, and its module is named after it:
  ``error.room.taken`` lives in ``catalogues/error.py``, ``tag.living_alone`` in ``catalogues/tag.py``.
* ``tui.*`` and ``cli.*`` keys are the many, so each has a subpackage with a module per second segment, named
  after it: ``tui.map.door`` lives in ``catalogues/tui/map.py``, ``cli.help.home`` in ``catalogues/cli/help.py``.
  A second segment of only a few keys (five or fewer) may share the module of a related one instead, which then
  lists it in its ``PREFIXES``: ``tui.col.*`` (the household list's columns) is in ``catalogues/tui/list.py``.

Every catalogue module declares ``PREFIXES`` (its own name's prefix first) and holds ``ZH`` and ``EN`` with the same
keys.  :data:`HOMES` is the lookup table of all declared prefixes; tests check that it says exactly what the modules
declare, that no prefix is declared twice and that every key of a module starts with one of its prefixes.
"""

from __future__ import annotations

# prefix (one or two whole segments) → its module under fieldgrid.i18n.catalogues
HOMES: dict[str, str] = {
    "tui.app": "tui.app",
    "tui.list_sep": "tui.app",
    "tui.notice": "tui.app",
    "tui.quit": "tui.app",
    "tui.dialog": "tui.app",
    "tui.palette": "tui.app",
    "tui.key": "tui.key",
    "tui.table": "tui.table",
    "tui.help": "tui.help",
    "tui.cmd": "tui.cmd",
    "tui.station": "tui.station",
    "tui.problem": "tui.problem",
    "tui.detail": "tui.detail",
    "tui.event": "tui.event",
    "tui.form": "tui.form",
    "tui.profile": "tui.profile",
    "tui.dash": "tui.dash",
    "tui.ledger": "tui.ledger",
    "tui.export": "tui.ledger",
    "tui.map": "tui.map",
    "tui.emergency": "tui.emergency",
    "tui.patrol": "tui.patrol",
    "tui.list": "tui.list",
    "tui.col": "tui.list",
    "tui.field": "tui.field",
    "tui.member": "tui.field",
    "tui.visit": "tui.visit",
    "tui.room": "tui.room",
    "tui.date": "tui.room",
    "tui.roster": "tui.roster",
    "tui.sync": "tui.sync",
    "tui.tags": "tui.tags",
    "tui.tag_short": "tui.tags",
    "tui.card": "tui.card",
    "tui.scan": "tui.card",
    "tui.lock": "tui.lock",
    "tui.audit": "tui.audit",
    "tui.move": "tui.move",
    "tui.due": "tui.due",
    "tui.correct": "tui.correct",
    "tui.street": "tui.street",
    "tui.textual": "tui.textual",
    "tui.scenarios": "tui.scenarios",

    "cli.help": "cli.help",
    "cli.argparse": "cli.help",
    "cli.field": "cli.field",
    "cli.col": "cli.col",
    "cli.error": "cli.error",
    "cli.hint": "cli.error",
    "cli.notice": "cli.error",
    "cli.roster": "cli.roster",
    "cli.demo": "cli.demo",
    "cli.show": "cli.show",
    "cli.list": "cli.show",
    "cli.edit": "cli.show",
    "cli.delete": "cli.show",
    "cli.profile": "cli.profile",
    "cli.problems": "cli.problems",
    "cli.problem": "cli.problems",
    "cli.ledger": "cli.problems",
    "cli.emergency": "cli.problems",
    "cli.patrols": "cli.patrols",
    "cli.patrol": "cli.patrols",
    "cli.visits": "cli.patrols",
    "cli.pin": "cli.pin",
    "cli.audit": "cli.audit",
    "cli.retention": "cli.audit",
    "cli.move": "cli.move",
    "cli.namesake": "cli.move",
    "cli.due": "cli.due",

    "audience": "audience",
    "error": "error",
    "notice": "notice",
    "sync": "sync",
    "stick": "stick",
    "restore": "restore",
    "rollup": "rollup",
    "joint": "joint",
    "points": "points",
    "property": "property",
    "patrol": "patrol",
    "reason": "reason",
    "station": "station",
    "level": "level",
    "grid_kind": "grid_kind",
    "queue": "queue",
    "report": "report",
    "export": "export",
    "cards": "cards",
    "ledger": "ledger",
    "relation": "relation",
    "category": "category",
    "patrol_item": "patrol_item",
    "event": "event",
    "tag": "tag",
    "status": "status",
    "visit_kind": "visit_kind",
    "channel": "channel",
    "emergency": "emergency",
    "residency": "residency",
    "urgency": "urgency",
    "escalation": "escalation",
    "outcome": "outcome",
    "sex": "sex",
    "pin": "pin",
    "passphrase": "passphrase",
    "disclosure": "disclosure",
    "retention": "retention",
    "move": "move",
    "scenario": "scenario",
}

MODULES: tuple[str, ...] = tuple(sorted(set(HOMES.values())))


def home_of(key: str) -> str | None:
    """The catalogue module holding ``key`` (``"tui.map"`` for ``tui.map.door``): the one declaring the key's
    longest prefix; ``None`` when none declares a prefix of it."""
    first, _, rest = key.partition(".")
    if rest:
        home = HOMES.get(f"{first}.{rest.partition('.')[0]}")
        if home is not None:
            return home
    return HOMES.get(first)
