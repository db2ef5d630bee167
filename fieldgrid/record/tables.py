"""The tables a record lives in, by name: the same names in the device's TinyDB, in a bundle's ``records`` and
in the station's database.  Households and the profile change (merged field by field); visits, patrols,
problem events, corrections and the disclosure log's entries are written once (merged as a set union)."""

from __future__ import annotations

HOUSEHOLDS = "households"
PROFILE = "profile"
VISITS = "visits"
PATROLS = "patrols"
PROBLEM_EVENTS = "problem_events"
DISCLOSURES = "disclosures"  # the append-only log of every reveal, export, import, print and erasure
CORRECTIONS = "corrections"  # voids and corrections of visits and patrols, appended (format version 2)

MUTABLE = frozenset({HOUSEHOLDS, PROFILE})
IMMUTABLE = frozenset({VISITS, PATROLS, PROBLEM_EVENTS, DISCLOSURES, CORRECTIONS})
# what travels in bundles, in this order
TABLES = (HOUSEHOLDS, VISITS, PATROLS, PROBLEM_EVENTS, DISCLOSURES, CORRECTIONS)
FIELD_TABLES = (VISITS, PATROLS, PROBLEM_EVENTS, CORRECTIONS)

# The device's own tables, which never travel as records.
META_TABLE = "meta"  # the device id, its clock, its settings
NOTICES = "notices"  # notices sent back by the station, to pass on to residents
CONFLICTS = "conflicts"  # concurrent edits found when merging, for the record
