"""One error shape: every error a user is told about carries a message key and its parameters, and a parameter
may have any name — ``key`` included — without colliding with the message key."""

from __future__ import annotations

import pytest

from fieldgrid.cli.exits import Failure, InputError
from fieldgrid.errors import FieldgridError, Refused
from fieldgrid.i18n import t
from fieldgrid.model import ValidationError
from fieldgrid.store import DiskError, HomeLocked, NotFound, StoreError
from fieldgrid.sync.errors import SyncError


@pytest.mark.parametrize("kind", [FieldgridError, Refused, StoreError, SyncError, InputError, Failure])
def test_a_parameter_may_be_called_key(kind: type[FieldgridError]) -> None:
    error = kind("cli.error.member_key", spec="李四:spouse:colour=red", key="colour")
    assert error.key == "cli.error.member_key"
    assert error.params == {"spec": "李四:spouse:colour=red", "key": "colour"}
    assert "colour" in t(error.key, **error.params)


def test_validation_errors_have_the_same_shape_plus_their_field() -> None:
    error = ValidationError("phone", "error.phone.invalid", value="999", key="x")
    assert isinstance(error, FieldgridError) and isinstance(error, ValueError)
    assert (error.field, error.key, error.params) == ("phone", "error.phone.invalid", {"value": "999", "key": "x"})
    assert error.at("members.0").field == "members.0.phone"


def test_whose_fault_it_is_chooses_the_exit_code() -> None:
    bad_input = [Refused("x"), InputError("x"), NotFound("0601"), SyncError("x"), ValidationError("f", "x")]
    failures = [Failure("x"), DiskError("/tmp", "full"), HomeLocked("/tmp", 1), StoreError("x")]
    assert all(e.bad_input for e in bad_input)
    assert not any(e.bad_input for e in failures)
