"""The domain model: households, members, the leader profile, validation and clocks. Plain Python, no I/O,
no terminal: importable and testable on its own."""

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.household import Household, Member, floor_of_room, new_id, validate_household, validate_member
from fieldgrid.model.profile import GridPath, LeaderProfile, validate_profile

__all__ = [
    "GridPath",
    "Household",
    "LeaderProfile",
    "Member",
    "ValidationError",
    "ValidationErrors",
    "floor_of_room",
    "new_id",
    "validate_household",
    "validate_member",
    "validate_profile",
]
