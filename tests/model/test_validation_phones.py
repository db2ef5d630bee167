"""Phone numbers (normal form, mobiles and landlines, +86, letters refused) and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model import ValidationError
from fieldgrid.model.masking import mask_id_number, mask_phone, show_id_number, show_phone
from fieldgrid.model.validation import national_phone, normalize_phone
from testkit.validation import error_of, full_width, no_deadline, valid_ids

# -- phone numbers ----------------------------------------------------------------------------------

# Mobile number blocks in service (三大运营商 + 广电), by their first three digits.
MOBILE_PREFIXES = [
    *range(130, 140),
    *(150, 151, 152, 153, 155, 156, 157, 158, 159),
    *(170, 171, 172, 173, 175, 176, 177, 178),
    *range(180, 190),
    *(190, 191, 192, 193, 195, 196, 197, 198, 199),
]
COUNTRY_PREFIXES = ["", "+86", "+86 ", "+86-", "0086", "0086 ", "0086-", "(+86) ", "86 "]


def layout(digits: str, groups: tuple[int, ...], separator: str) -> str:
    out, i = [], 0
    for size in groups:
        out.append(digits[i : i + size])
        i += size
    return separator.join(out)


@no_deadline
@given(
    st.sampled_from(MOBILE_PREFIXES),
    st.integers(min_value=0, max_value=99_999_999),
    st.sampled_from(COUNTRY_PREFIXES),
    st.sampled_from(["", " ", "-", "\u3000", " - "]),
    st.sampled_from([(3, 4, 4), (3, 8), (11,), (3, 3, 5)]),
    st.booleans(),
    st.sampled_from(["", " ", "\u3000", "\t"]),
)
def test_mobiles_in_any_layout_give_one_e164(
    prefix: int, rest: int, country: str, separator: str, groups: tuple[int, ...], wide: bool, pad: str
) -> None:
    digits = f"{prefix}{rest:08d}"
    typed = pad + country + layout(digits, groups, separator) + pad
    if wide:
        typed = full_width(typed)
    assert normalize_phone(typed) == f"+86{digits}"


# Area codes with the length of their local numbers: Beijing, Shanghai, Chengdu, Guangzhou, Chongqing,
# Shenzhen, Mianyang, Tianjin, Hangzhou, Guiyang.
AREAS = [
    ("10", 8),
    ("21", 8),
    ("28", 8),
    ("20", 8),
    ("23", 8),
    ("755", 8),
    ("816", 7),
    ("22", 8),
    ("571", 8),
    ("851", 8),
]


@no_deadline
@given(
    st.sampled_from(AREAS),
    st.integers(min_value=2, max_value=7),  # 80xxxxxx is a service block in Beijing and Shanghai
    st.integers(min_value=0, max_value=9_999_999),
    st.sampled_from(["0{a}-{l}", "0{a} {l}", "(0{a}) {l}", "0{a}{l}", "+86 {a} {l}", "0086{a}{l}", "+86-{a}-{l}"]),
    st.booleans(),
)
def test_landlines_with_area_codes_give_one_e164(
    area: tuple[str, int], first: int, rest: int, pattern: str, wide: bool
) -> None:
    code, length = area
    local = f"{first}{rest:07d}"[:length]
    typed = pattern.format(a=code, l=local)
    if wide:
        typed = full_width(typed)
    assert normalize_phone(typed) == f"+86{code}{local}"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "error.phone.empty"),
        ("   ", "error.phone.empty"),
        ("abc", "error.phone.unreadable"),
        ("电话", "error.phone.unreadable"),
        ("138a0013b8000", "error.phone.unreadable"),  # stray letters are not silently dropped
        ("13800138000 ext 5", "error.phone.unreadable"),  # nor is an extension
        ("13800138000x5", "error.phone.unreadable"),
        ("010-88888888转123", "error.phone.unreadable"),
        ("123", "error.phone.invalid"),
        ("110", "error.phone.invalid"),
        ("95555", "error.phone.invalid"),
        ("1380013800", "error.phone.invalid"),  # one digit short
        ("138001380001", "error.phone.invalid"),  # one digit long
        ("12345678901", "error.phone.invalid"),
        ("15412345678", "error.phone.invalid"),  # 154 is not a mobile block
        ("8888 8888", "error.phone.invalid"),  # a landline without its area code
        ("+1 650 253 0000", "error.phone.not_cn"),
        ("+852 6123 4567", "error.phone.not_cn"),  # Hong Kong
        ("+44 20 7946 0958", "error.phone.not_cn"),
        ("001 650 253 0000", "error.phone.not_cn"),
        ("400-810-8888", "error.phone.kind"),  # a company's 400 service number
        ("800-810-8888", "error.phone.kind"),  # toll-free
    ],
)
def test_bad_phones_are_refused_with_their_key(raw: str, key: str) -> None:
    err = error_of(normalize_phone, raw)
    assert err.key == key
    assert err.field == "phone"
    if key != "error.phone.empty":
        assert err.params["value"] == raw


@no_deadline
@given(st.sampled_from(MOBILE_PREFIXES), st.integers(min_value=0, max_value=9_999_999), st.integers(0, 6))
def test_truncated_mobiles_are_refused(prefix: int, rest: int, drop: int) -> None:
    digits = f"{prefix}{rest:08d}"[: 10 - drop]
    with pytest.raises(ValidationError):
        normalize_phone(digits)


def test_phone_field_name_is_passed_through() -> None:
    assert error_of(normalize_phone, "123", field="emergency_phone").field == "emergency_phone"


# -- masking ----------------------------------------------------------------------------------------


def test_masks_of_the_issue() -> None:
    assert mask_phone("+8613800138000") == "138****8000"
    assert mask_phone(normalize_phone("138 0013 8000")) == "138****8000"
    assert mask_id_number("510104199001011234") == "510***********1234"


@pytest.mark.parametrize(
    ("e164", "masked"),
    [
        ("+861088888888", "010****8888"),
        ("+862887654321", "028****4321"),
        ("+868162345678", "0816***5678"),  # a four-digit area code is kept whole
        ("+8675512345678", "0755****5678"),
    ],
)
def test_landline_masks_keep_the_area_code(e164: str, masked: str) -> None:
    assert mask_phone(e164) == masked


@no_deadline
@given(valid_ids())
def test_id_masks_show_only_the_first_three_and_last_four(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:3] == number[:3] and masked[-4:] == number[-4:]
    assert set(masked[3:-4]) == {"*"}
    assert show_id_number(number) == masked
    assert show_id_number(number, reveal=True) == number


@no_deadline
@given(st.sampled_from(MOBILE_PREFIXES), st.integers(min_value=0, max_value=99_999_999))
def test_phone_masks_hide_the_middle_four(prefix: int, rest: int) -> None:
    digits = f"{prefix}{rest:08d}"
    masked = mask_phone(f"+86{digits}")
    assert masked == digits[:3] + "****" + digits[-4:]
    assert show_phone(f"+86{digits}") == masked
    assert show_phone(f"+86{digits}", reveal=True) == digits


def test_short_values_are_masked_whole() -> None:
    assert mask_id_number("1234567") == "*******"
    assert mask_phone("12345") == "*****"


@pytest.mark.parametrize(
    "raw",
    ["13800138000", "19912345678", "010-88888888", "021 6543 2109", "028-8765-4321", "0816-2345678", "0755-87654321"],
)
def test_national_phone_and_mask_agree_with_phonenumbers(raw: str) -> None:
    """The display path works on the stored E.164 string alone; it must say what phonenumbers would."""
    import phonenumbers

    e164 = normalize_phone(raw)
    number = phonenumbers.parse(e164, "CN")
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    assert national_phone(e164) == national.replace(" ", "").replace("-", "")
    area = phonenumbers.length_of_geographical_area_code(number)
    keep = 1 + area if area else 3
    assert mask_phone(e164).startswith(national_phone(e164)[:keep])
    assert mask_phone(e164)[keep] == "*"
