"""A community's roster spreadsheet (花名册), read as rows of cells, turned into households — pure rules, no I/O.

Columns are recognised by their usual Chinese headers and variants (姓名, 与户主关系, 身份证号/公民身份号码, 联系电话/
手机号, 楼栋/栋, 单元, 房号/门牌号 …) or English ones; ``--map COLUMN=FIELD`` names the rest.  One row is one
person; the persons of one room make one household, its head the row whose 与户主关系 is 本人/户主.

Values Excel has mangled are refused, never guessed: an ID number stored as a number (its last digits are
gone, ``1.1010519491231e+17``) or a landline that lost its leading zero.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from fieldgrid.model.errors import ValidationError

FIELDS = ("name", "head_name", "relation", "sex", "birth", "id_number", "phone", "building", "unit", "floor", "room",
          "residency", "tags", "emergency", "household_phones", "notes")  # fmt: skip
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "成员姓名", "居民姓名", "name", "full name"),
    "head_name": ("户主姓名", "户主", "head", "head of household"),
    "relation": ("与户主关系", "关系", "与户主的关系", "relation", "relationship"),
    "sex": ("性别", "sex", "gender"),
    "birth": (
        "出生年月",
        "出生日期",
        "出生年份",
        "出生年",
        "birth",
        "birth date",
        "date of birth",
        "born",
        "birth year",
    ),
    "id_number": ("身份证号", "公民身份号码", "身份证号码", "证件号码", "身份证", "id", "id number", "resident id"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "联系方式", "手机", "phone", "mobile", "telephone"),
    "building": ("楼栋", "栋", "楼号", "栋号", "building"),
    "unit": ("单元", "单元号", "unit"),
    "floor": ("楼层", "层", "floor"),
    "room": ("房号", "门牌号", "房间号", "室", "户号", "room", "flat", "apartment"),
    "residency": ("居住情况", "居住状态", "居住类型", "residency", "living status"),
    "tags": ("人员类别", "标签", "特殊人群", "人员类型", "tags", "category"),
    "emergency": ("紧急联系人", "紧急联系人及电话", "emergency contact", "emergency"),
    "household_phones": ("户电话", "家庭电话", "座机", "household phone", "household phones"),
    "notes": ("备注", "说明", "notes", "remarks"),
}
# Words people write for the relations, beyond the vocabulary's own labels.
RELATION_WORDS: dict[str, str] = {
    "本人": "self", "户主": "self", "本户": "self", "self": "self", "head": "self",
    "妻": "spouse", "妻子": "spouse", "夫": "spouse", "丈夫": "spouse", "配偶": "spouse", "老伴": "spouse",
    "子": "child", "女": "child", "儿子": "child", "女儿": "child", "长子": "child", "长女": "child", "次子": "child",
    "次女": "child", "子女": "child", "儿媳": "child_in_law", "女婿": "child_in_law", "孙子": "grandchild",
    "孙女": "grandchild", "外孙": "grandchild", "外孙女": "grandchild", "父亲": "parent", "母亲": "parent",
    "父": "parent", "母": "parent", "祖父": "grandparent", "祖母": "grandparent", "兄": "sibling", "弟": "sibling",
    "姐": "sibling", "妹": "sibling", "租户": "tenant", "租客": "tenant", "其他": "other",
}  # fmt: skip
FREE_TEXT = frozenset({"notes", "emergency", "tags"})
SEX_WORDS = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}
RESIDENCY_WORDS = {"常住": "resident", "户在人在": "resident", "自住": "resident", "租住": "renting", "出租": "renting",
                   "租户": "renting", "空置": "vacant", "空房": "vacant", "无人居住": "vacant",
                   "已迁出": "moved_out", "迁出": "moved_out", "已故": "deceased", "死亡": "deceased",
                   "已注销": "cancelled", "注销": "cancelled"}  # fmt: skip
_SPLIT = re.compile(r"[,，、;；/\s]+")
_HEADER_NOISE = re.compile(r"[\s*＊:：]|（.*?）|\(.*?\)")


def fold(value: object) -> str:
    """A cell as text: full-width digits and letters folded (０１２ → 012), spaces trimmed."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def header_key(text: object) -> str:
    return _HEADER_NOISE.sub("", fold(text)).lower()


_LOOKUP = {header_key(h): f for f, names in HEADERS.items() for h in names}


def find_header(rows: Sequence[tuple[int, Sequence[object]]], mapping: Mapping[str, str]) -> tuple[int, dict[int, str]]:
    """The header row (the first of the first ten that names two known columns) and column → field."""
    wanted = {header_key(k): v for k, v in mapping.items()}
    for index, (_, cells) in enumerate(rows[:10]):
        columns: dict[int, str] = {}
        for n, cell in enumerate(cells):
            key = header_key(cell)
            found = wanted.get(key) or _LOOKUP.get(key)
            if found and found not in columns.values():
                columns[n] = found
        if len(columns) >= 2:
            return index, columns
    raise ValidationError("file", "error.roster.no_header")


@dataclass
class Person:
    """One row, read: the values as found, and what was wrong with them."""

    row: int
    values: dict[str, str] = field(default_factory=dict)
    birth_year: int | None = None
    errors: list[ValidationError] = field(default_factory=list)


def _birth_year(value: object, today: dt.date) -> int | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    text = fold(value)
    if not text:
        return None
    match = re.match(r"^(\d{4})", text)
    if match and 1880 <= int(match.group(1)) <= today.year:
        return int(match.group(1))
    raise ValidationError("birth", "error.roster.birth", value=text)


def _id_number(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValidationError("id_number", "error.roster.id_as_number", value=fold(value))
    text = fold(value).upper().replace(" ", "")
    if re.fullmatch(r"[\d.]+E\+?\d+", text):
        raise ValidationError("id_number", "error.roster.id_as_number", value=text)
    return "" if "*" in text else text  # masked (an export without --reveal): the stored number stays


def _phone(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        if not (len(digits) == 11 and digits.startswith("1")):
            raise ValidationError("phone", "error.roster.phone_as_number", value=digits)
        return digits
    text = fold(value)
    if re.fullmatch(r"[\d.]+E\+?\d+", text.upper()):
        raise ValidationError("phone", "error.roster.phone_as_number", value=text)
    return " ".join(_unmasked(text)) if "*" in text else text  # masked numbers: the stored ones stay


def _unmasked(text: str) -> list[str]:
    """The parts of a cell that are not masked numbers (``138****8000``, from an export without --reveal)."""
    return [p for p in _SPLIT.split(text) if p and "*" not in p]


def read_person(row: int, cells: Sequence[object], columns: Mapping[int, str], today: dt.date) -> Person:
    person = Person(row)
    for n, name in columns.items():
        value = cells[n] if n < len(cells) else None
        try:
            if name == "birth":
                person.birth_year = _birth_year(value, today)
                person.values[name] = fold(value)
            elif name == "id_number":
                person.values[name] = _id_number(value)
            elif name in ("phone", "household_phones"):
                person.values[name] = _phone(value)
            else:
                # Free text (notes, an emergency contact's name) is kept as written; codes and numbers are folded.
                text = str(value).strip() if name in FREE_TEXT and value is not None else fold(value)
                if isinstance(value, float) and value.is_integer():
                    text = str(int(value))  # a room or floor typed as a number: 601.0 → 601
                person.values[name] = text
        except ValidationError as exc:
            person.errors.append(exc)
    return person


def is_blank(cells: Iterable[object]) -> bool:
    return all(not fold(c) for c in cells)


def code_for(text: str, words: Mapping[str, str], codes: Iterable[str], labels: Mapping[str, str]) -> str | None:
    """The vocabulary code for ``text``: a known word, a code, or a label (in any language)."""
    key = fold(text).lower()
    if not key:
        return None
    if key in words:
        return words[key]
    for code in codes:
        if key == code.lower() or key == labels.get(code, "").lower():
            return code
    return None


def split_tags(text: str) -> list[str]:
    return [t for t in _SPLIT.split(fold(text)) if t]


def split_emergency(text: str) -> tuple[str, str]:
    """``张三 13800138000`` → (张三, 13800138000); a lone name or number goes where it belongs."""
    parts = _unmasked(fold(text))
    phone = next((p for p in parts if re.fullmatch(r"\+?[\d-]{7,}", p)), "")
    name = " ".join(p for p in parts if p != phone)
    return name, phone
