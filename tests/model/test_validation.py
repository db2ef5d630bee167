"""Validation of what people type: resident ID numbers (GB 11643, MOD 11-2), phone numbers, and masking.

The check character is computed here independently of ``fieldgrid`` (from the published weights and check
characters), so a wrong table in the product cannot be confirmed by the test that should catch it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from fieldgrid.model.validation import id_birth_date, id_sex, normalize_id_number
from testkit.validation import (
    CHECK_CHARS,
    TODAY,
    WEIGHTS,
    areas,
    birth_dates,
    check_char,
    error_of,
    full_width,
    no_deadline,
    sequences,
    valid_ids,
)


def test_weights_follow_the_standard() -> None:
    # W_i = 2^(i-1) mod 11, i counted from the right with the check character at i = 1.
    assert WEIGHTS == [pow(2, i - 1, 11) for i in range(18, 1, -1)]
    # The check character a1 satisfies (sum + a1) ≡ 1 (mod 11), with X standing for 10.
    for remainder, char in enumerate(CHECK_CHARS):
        assert (remainder + (10 if char == "X" else int(char))) % 11 == 1


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # GB 11643-1999 example: Beijing Chaoyang, 1949-12-31, female
        "440524188001010014",  # GB 11643-1999 example: Guangdong Chaoyang county, 1880-01-01, male
        "34052419800101001X",
    ],
)
def test_published_examples_have_the_check_character_we_compute(number: str) -> None:
    assert check_char(number[:17]) == number[17]


def test_published_example_is_accepted_with_its_birth_data() -> None:
    number = "11010519491231002X"
    assert normalize_id_number(number, birth_year=1949, sex="F", today=TODAY) == number
    assert id_birth_date(number) == dt.date(1949, 12, 31)
    assert id_sex(number) == "F"
    assert id_sex("440524188001010014") == "M"


def test_birth_before_1900_is_refused_although_the_check_char_is_right() -> None:
    # Nobody on a roster was born in 1880: the standard's second example is well-formed but not plausible.
    assert error_of(normalize_id_number, "440524188001010014", today=TODAY).key == "error.id.birth_date"


@no_deadline
@given(valid_ids())
@example("11010519491231002X")
def test_any_valid_id_is_accepted_and_round_trips(number: str) -> None:
    stored = normalize_id_number(number, today=TODAY)
    assert stored == number
    assert normalize_id_number(stored, today=TODAY) == stored
    born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert id_birth_date(stored) == born
    assert id_sex(stored) == ("M" if int(number[16]) % 2 else "F")
    # Consistent birth year and sex are accepted too.
    assert normalize_id_number(number, birth_year=born.year, sex=id_sex(number), today=TODAY) == number


@no_deadline
@given(valid_ids(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_refused(number: str, position: int, char: str) -> None:
    assume(number[position] != char)
    changed = number[:position] + char + number[position + 1 :]
    err = error_of(normalize_id_number, changed, today=TODAY)
    assert err.field == "id_number"
    if position < 17 and char == "X":
        assert err.key == "error.id.chars"
    else:
        # A changed digit or check character always breaks MOD 11-2 (11 is prime, no weight is 0 mod 11).
        assert err.key == "error.id.check"
        assert err.params["expected"] == check_char(changed[:17])
        assert err.params["value"] == changed


@no_deadline
@given(valid_ids(), st.integers(min_value=0, max_value=16))
def test_swapping_two_neighbouring_digits_is_refused(number: str, position: int) -> None:
    a, b = number[position], number[position + 1]
    assume(a != b and b != "X")
    swapped = number[:position] + b + a + number[position + 2 :]
    assert error_of(normalize_id_number, swapped, today=TODAY).key == "error.id.check"


@no_deadline
@given(valid_ids(), st.booleans())
def test_full_width_input_is_accepted(number: str, ideographic_spaces: bool) -> None:
    typed = full_width(number)
    if ideographic_spaces:
        typed = "\u3000" + typed[:6] + "\u3000" + typed[6:] + "\u3000"
    assert normalize_id_number(typed, today=TODAY) == number


@no_deadline
@given(areas, birth_dates, sequences)
def test_lower_case_x_is_accepted_and_stored_upper(area: str, born: dt.date, seq: int) -> None:
    # Walk the sequence number until the check character is X (one in eleven does).
    for n in range(seq, seq + 1000):
        first17 = f"{area}{born:%Y%m%d}{n % 1000:03d}"
        if check_char(first17) == "X":
            break
    assert check_char(first17) == "X"
    assert normalize_id_number(first17 + "x", today=TODAY) == first17 + "X"
    assert normalize_id_number(full_width(first17) + "ｘ", today=TODAY) == first17 + "X"


@pytest.mark.parametrize("date", ["19900230", "19900431", "19901301", "19900001", "19900100", "19000229", "20230229"])
def test_impossible_birth_dates_are_refused(date: str) -> None:
    first17 = f"510104{date}123"
    err = error_of(normalize_id_number, first17 + check_char(first17), today=TODAY)
    assert err.key == "error.id.birth_date"


@no_deadline
@given(areas, st.integers(0, 99), st.integers(13, 99), st.integers(0, 99), sequences)
def test_any_month_past_12_is_refused(area: str, year: int, month: int, day: int, seq: int) -> None:
    first17 = f"{area}19{year:02d}{month:02d}{day:02d}{seq:03d}"
    assert error_of(normalize_id_number, first17 + check_char(first17), today=TODAY).key == "error.id.birth_date"


def test_leap_day_in_a_leap_year_is_accepted() -> None:
    first17 = "51010420000229123"
    assert normalize_id_number(first17 + check_char(first17), today=TODAY).startswith("51010420000229")


@no_deadline
@given(areas, st.dates(min_value=TODAY + dt.timedelta(days=1), max_value=dt.date(2999, 12, 31)), sequences)
def test_future_birth_dates_are_refused(area: str, born: dt.date, seq: int) -> None:
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    assert error_of(normalize_id_number, first17 + check_char(first17), today=TODAY).key == "error.id.birth_date"


def test_born_today_is_accepted_and_tomorrow_refused() -> None:
    today17 = f"510104{TODAY:%Y%m%d}001"
    assert normalize_id_number(today17 + check_char(today17), today=TODAY)
    tomorrow17 = f"510104{TODAY + dt.timedelta(days=1):%Y%m%d}001"
    err = error_of(normalize_id_number, tomorrow17 + check_char(tomorrow17), today=TODAY)
    assert err.key == "error.id.birth_date"


def test_today_defaults_to_the_real_date() -> None:
    next_year = dt.date.today().year + 1
    first17 = f"510104{next_year}0101001"
    assert error_of(normalize_id_number, first17 + check_char(first17)).key == "error.id.birth_date"


@no_deadline
@given(valid_ids(), st.integers(min_value=1900, max_value=TODAY.year))
def test_birth_year_must_match_the_id(number: str, year: int) -> None:
    id_year = int(number[6:10])
    if year == id_year:
        assert normalize_id_number(number, birth_year=year, today=TODAY) == number
    else:
        err = error_of(normalize_id_number, number, birth_year=year, today=TODAY)
        assert err.key == "error.id.birth_year"
        assert (err.params["year"], err.params["id_year"]) == (year, id_year)


@no_deadline
@given(valid_ids(), st.sampled_from(["M", "F"]))
def test_sex_must_match_the_17th_digit(number: str, sex: str) -> None:
    odd = int(number[16]) % 2 == 1
    if (sex == "M") == odd:
        assert normalize_id_number(number, sex=sex, today=TODAY) == number
    else:
        assert error_of(normalize_id_number, number, sex=sex, today=TODAY).key == "error.id.sex"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "error.id.empty"),
        ("  ", "error.id.empty"),
        ("510104199001011", "error.id.length"),  # a first-generation 15-digit number
        ("51010419900101123", "error.id.length"),
        ("5101041990010112345", "error.id.length"),
        ("51010419900101A234", "error.id.chars"),
        ("51010419900101123Y", "error.id.chars"),
        ("X10104199001011234", "error.id.chars"),
        ("5.10104E+17", "error.id.mangled"),
        ("5.10104199001011E+17", "error.id.mangled"),
        ("510104199001011000.0", "error.id.mangled"),
    ],
)
def test_malformed_ids_are_refused_with_their_key(raw: str, key: str) -> None:
    err = error_of(normalize_id_number, raw, today=TODAY)
    assert err.key == key
    if key == "error.id.length":
        assert err.params["length"] == len(raw)


@no_deadline
@given(valid_ids())
def test_digits_of_other_scripts_are_refused(number: str) -> None:
    # Arabic-Indic digits pass str.isdigit() and survive NFKC; they must not be stored as an ID.
    arabic = "".join(chr(0x660 + int(c)) if c.isdigit() else c for c in number)
    assert error_of(normalize_id_number, arabic, today=TODAY).key == "error.id.chars"


def test_the_error_names_the_field_it_was_given() -> None:
    assert error_of(normalize_id_number, "123", field="members.2.id_number").field == "members.2.id_number"
