"""Visit rules: known kinds, never in the future, follow-up not before the visit."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldgrid.model.errors import ValidationErrors
from fieldgrid.model.visit import VISIT_KINDS, Visit, validate_visit

NOW = dt.datetime(2026, 11, 23, 10, 0)


@pytest.mark.parametrize("kind", VISIT_KINDS)
def test_every_kind_is_accepted_and_text_trimmed(kind: str) -> None:
    visit = validate_visit(Visit("h1", "2026-11-23T09:30", kind, found=" 老人腿脚不便 ", follow_up="2026-11-30"), NOW)
    assert visit.found == "老人腿脚不便"
    assert Visit.from_doc(visit.to_doc()) == visit


@pytest.mark.parametrize(
    ("visit", "field", "key"),
    [
        (Visit("h1", "2026-11-23T10:01"), "at", "error.visit.future"),
        (Visit("h1", "yesterday"), "at", "error.visit.when"),
        (Visit("h1", "2026-11-20T10:00", follow_up="2026-11-19"), "follow_up", "error.visit.follow_up_before"),
        (Visit("h1", "2026-11-20T10:00", kind="party"), "kind", "error.visit.kind"),
    ],
)
def test_bad_visits_are_refused_at_their_field(visit: Visit, field: str, key: str) -> None:
    with pytest.raises(ValidationErrors) as err:
        validate_visit(visit, NOW)
    found = err.value.for_field(field)
    assert found is not None and found.key == key
