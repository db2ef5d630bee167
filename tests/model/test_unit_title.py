"""How a unit is titled: building "6" and unit "3" read 6栋3单元, what is written otherwise stays as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model import GridPath
from fieldgrid.model.profile import building_name, unit_name, unit_title

NUMBERS = st.from_regex(r"[0-9０-９]{1,3}", fullmatch=True)
WORDS = st.text(alphabet="栋单元号楼座东西ABC期郡橙", min_size=1, max_size=6)


def test_the_leaders_example() -> None:
    assert unit_title("橙郡一期", "6", "3") == "橙郡一期6栋3单元"  # was 橙郡一期63
    assert unit_title("橙郡一期", "6栋", "3单元") == "橙郡一期6栋3单元"
    assert GridPath(compound="橙郡一期", building="6", unit="3").label() == "橙郡一期6栋3单元"
    assert unit_title("", "A座", "东单元") == "A座东单元"
    assert unit_title() == ""


@given(NUMBERS, NUMBERS)
def test_bare_numbers_get_their_word(building: str, unit: str) -> None:
    assert unit_title("", building, unit) == f"{building}栋{unit}单元"


@given(NUMBERS | WORDS, NUMBERS | WORDS)
def test_titling_twice_changes_nothing(building: str, unit: str) -> None:
    once_b, once_u = building_name(building), unit_name(unit)
    assert building_name(once_b) == once_b and unit_name(once_u) == once_u
    assert unit_title("", once_b, once_u) == unit_title("", building, unit)


@given(WORDS.filter(lambda w: not w.isdigit()), WORDS.filter(lambda w: not w.isdigit()), WORDS)
def test_anything_written_otherwise_stays_as_written(building: str, unit: str, compound: str) -> None:
    assert unit_title(compound, building, unit) == compound + building + unit


@given(st.text(max_size=8), st.text(max_size=8), st.text(max_size=8))
def test_every_part_is_kept_in_order(compound: str, building: str, unit: str) -> None:
    title = unit_title(compound, building, unit)
    parts = [p for p in (compound.strip(), building.strip(), unit.strip()) if p]
    at = 0
    for part in parts:
        found = title.find(part, at)
        assert found >= 0
        at = found + len(part)
