"""Rules for values people type: phone numbers (via phonenumbers, region CN) and resident ID numbers
(GB 11643, MOD 11-2).  Each function returns the value in its one stored form or raises
:class:`ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from fieldgrid.model.errors import ValidationError

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# ASCII digits only: str.isdigit() would also pass Arabic-Indic or other scripts' digits, which NFKC keeps.
_ID_CHARS_RE = re.compile(r"^[0-9]{17}[0-9X]$")


# Control characters (escape sequences, NUL, bell …) have no place in anything a person types; tab and newline do.
# One definition for what a leader types and for what arrives in a bundle (fieldgrid.record.checks).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_errors(**texts: str | None) -> list[ValidationError]:
    """An error for each named text that holds a control character (pasted from elsewhere, say)."""
    return [ValidationError(field, "error.text.control") for field, value in texts.items()
            if value and CONTROL_RE.search(value)]  # fmt: skip


def fold_width(text: str) -> str:
    """Full-width digits and letters (０１２, Ｘ) to their ASCII forms; surrounding blanks removed."""
    return unicodedata.normalize("NFKC", text).strip()


def normalize_phone(raw: str, field: str = "phone") -> str:
    """A Chinese mobile or landline number, ``+86`` optional, in E.164 form (``+8613800138000``)."""
    text = fold_width(raw)
    if not text:
        raise ValidationError(field, "error.phone.empty")
    if any(ch.isalpha() for ch in text):
        # phonenumbers would drop stray letters ("138a0013b8000") or take "x5"/"ext 5" as an extension and
        # drop it from the stored form: refuse rather than keep a number the user did not type.
        raise ValidationError(field, "error.phone.unreadable", value=raw)
    # Imported here: phonenumbers costs ~35 ms to import and load, which start-up and display never need.
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

    try:
        number = phonenumbers.parse(text, "CN")
    except NumberParseException as exc:
        raise ValidationError(field, "error.phone.unreadable", value=raw) from exc
    if number.country_code != 86:
        raise ValidationError(field, "error.phone.not_cn", value=raw)
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, "error.phone.invalid", value=raw)
    accepted = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    if phonenumbers.number_type(number) not in accepted:
        raise ValidationError(field, "error.phone.kind", value=raw)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def national_phone(e164: str) -> str:
    """The digits a person dials inside China: ``13800138000``, ``01088888888`` (a landline gets its trunk
    ``0`` back).  Plain string work on the stored E.164 form, so showing a list never loads phonenumbers."""
    if not e164.startswith("+86"):
        return e164
    significant = e164[3:]
    mobile = significant.startswith("1") and not significant.startswith("10")  # 10: Beijing landlines
    return significant if mobile else "0" + significant


def id_check_char(first17: str) -> str:
    """The GB 11643 MOD 11-2 check character for the first 17 digits of a resident ID."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(number: str) -> dt.date:
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def id_sex(number: str) -> str:
    """``"M"`` or ``"F"`` from the 17th digit (odd: male)."""
    return "M" if int(number[16]) % 2 else "F"


def normalize_id_number(
    raw: str,
    *,
    birth_year: int | None = None,
    sex: str | None = None,
    today: dt.date | None = None,
    field: str = "id_number",
) -> str:
    """An 18-character resident ID number, upper-case ``X``, checked digit by digit.

    Refuses a wrong length, a wrong check character, a birth date that does not exist or lies in the
    future, and a number that disagrees with the member's birth year or sex where those are given.
    """
    text = fold_width(raw).upper().replace(" ", "")
    if not text:
        raise ValidationError(field, "error.id.empty")
    if "E+" in text or (text.replace(".", "", 1).isdigit() and "." in text):
        # What a spreadsheet makes of an ID stored as a number: never guess the lost digits.
        raise ValidationError(field, "error.id.mangled", value=raw)
    if len(text) != 18:
        raise ValidationError(field, "error.id.length", value=raw, length=len(text))
    if not _ID_CHARS_RE.match(text):
        raise ValidationError(field, "error.id.chars", value=raw)
    expected = id_check_char(text[:17])
    if text[17] != expected:
        raise ValidationError(field, "error.id.check", value=raw, expected=expected)
    try:
        born = id_birth_date(text)
    except ValueError as exc:
        raise ValidationError(field, "error.id.birth_date", value=raw) from exc
    if born.year < 1900 or born > (today or dt.date.today()):
        raise ValidationError(field, "error.id.birth_date", value=raw)
    if birth_year is not None and born.year != birth_year:
        raise ValidationError(field, "error.id.birth_year", value=raw, year=birth_year, id_year=born.year)
    if sex in ("M", "F") and id_sex(text) != sex:
        raise ValidationError(field, "error.id.sex", value=raw)
    return text


def check_birth_year(year: int | None, today: dt.date | None = None, field: str = "birth_year") -> None:
    if year is None:
        return
    if not 1900 <= year <= (today or dt.date.today()).year:
        raise ValidationError(field, "error.birth_year.range", value=year)


def check_day(text: str, today: dt.date | None = None, field: str = "date") -> dt.date:
    """A day typed as ``YYYY-MM-DD`` that has already come (a death or a move is recorded after it happened)."""
    try:
        day = dt.date.fromisoformat(fold_width(str(text)))
    except ValueError:
        raise ValidationError(field, "error.date.format", value=text) from None
    if day > (today or dt.date.today()):
        raise ValidationError(field, "error.date.future", value=text)
    if day.year < 1900:
        raise ValidationError(field, "error.date.format", value=text)
    return day
