"""The tables a record lives in, by name: the same names in the device's TinyDB, in a bundle's ``records`` and
in the station's database.  Households and the profile change (merged field by field); visits, patrols and
problem events are written once (merged as a set union)."""

from __future__ import annotations

HOUSEHOLDS = "households"
PROFILE = "profile"
VISITS = "visits"
PATROLS = "patrols"
PROBLEM_EVENTS = "problem_events"

MUTABLE = frozenset({HOUSEHOLDS, PROFILE})
IMMUTABLE = frozenset({VISITS, PATROLS, PROBLEM_EVENTS})
TABLES = (HOUSEHOLDS, VISITS, PATROLS, PROBLEM_EVENTS)  # what travels in bundles, in this order
FIELD_TABLES = (VISITS, PATROLS, PROBLEM_EVENTS)

# The device's own tables, which never travel as records.
META_TABLE = "meta"  # the device id, its clock, its settings
NOTICES = "notices"  # notices sent back by the station, to pass on to residents
CONFLICTS = "conflicts"  # concurrent edits found when merging, for the record
