"""The unified social credit code's check character (GB 32100-2015): the standard's worked example, and the rule
that any one changed character or two swapped neighbours are caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model import ValidationError
from fieldgrid.model.credit_code import ALPHABET, check_character, is_valid, normalize_credit_code

body = st.text(alphabet=ALPHABET, min_size=17, max_size=17)


def test_the_standards_worked_example_checks() -> None:
    assert check_character("91350100M000100Y4") == "3"
    assert normalize_credit_code("91350100M000100Y43") == "91350100M000100Y43"


def test_a_code_typed_loosely_is_folded_to_its_stored_form() -> None:
    assert normalize_credit_code(" 9135 0100 m000100y43 ") == "91350100M000100Y43"
    assert normalize_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("91350100M000100Y44", "error.credit_code.check"),
        ("91350100M000100Y4", "error.credit_code.length"),
        ("91350100M000100I43", "error.credit_code.character"),
    ],
)
def test_a_wrong_code_says_what_is_wrong(typed: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_credit_code(typed)
    assert caught.value.key == key


@given(body)
def test_every_body_with_its_check_character_is_valid(first17: str) -> None:
    code = first17 + check_character(first17)
    assert is_valid(code)
    assert normalize_credit_code(code) == code


@given(body, st.integers(0, 16), st.sampled_from(ALPHABET))
def test_any_one_changed_character_is_caught(first17: str, position: int, other: str) -> None:
    code = first17 + check_character(first17)
    changed = code[:position] + other + code[position + 1 :]
    assert is_valid(changed) == (changed == code)


@given(body, st.integers(0, 15))
def test_two_swapped_neighbours_are_caught(first17: str, position: int) -> None:
    code = first17 + check_character(first17)
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert is_valid(swapped) == (swapped == code)
