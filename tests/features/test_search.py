"""Household search: room number, Chinese name, full pinyin and pinyin initials, with polyphonic surnames
read as surnames (``sxx`` finds 单雄信, ``zgf`` finds 曾国藩), full-width input and tag filters."""

from __future__ import annotations

import pytest

from fieldgrid.model import Household, Member
from fieldgrid.roster.search import SURNAME_READINGS, SearchIndex, name_keys, name_syllables, normalize_query

# How each surname in the table is read, written down here independently of the table.
SURNAMES: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "覃": "qin",
    "翟": "zhai",
    "乐": "yue",
    "盖": "ge",
    "尉": "yu",
    "缪": "miao",
    "召": "shao",
    "员": "yun",
    "种": "chong",
    "秘": "bi",
    "冼": "xian",
    "折": "she",
    "黑": "he",
    "宁": "ning",
    "任": "ren",
    "沈": "shen",
    "重": "chong",
    "万俟": "mo qi",
    "尉迟": "yu chi",
}


def home(room: str, *names: str, tags: tuple[str, ...] = ()) -> Household:
    members = [Member(name=n, relation="self" if i == 0 else "child") for i, n in enumerate(names)]
    return Household(room=room, members=members, tags=list(tags))


UNIT = [
    home("0101", "单雄信", tags=("living_alone",)),
    home("0102", "曾国藩", "曾纪泽"),
    home("0201", "张建国", "李秀英", tags=("empty_nest", "living_alone")),
    home("0202", "解缙"),
    home("0601", "欧阳修", tags=("disabled",)),
    home("0602", "区志强", "Tom", tags=("living_alone",)),
    home("1206", "朴槿惠"),
    home("1203", "翟天临", tags=("empty_nest",)),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(UNIT)


def rooms(index: SearchIndex, query: str, tags: tuple[str, ...] = ()) -> list[str]:
    return [h.room for h in index.filter(query, tags)]


def test_the_issues_examples(index: SearchIndex) -> None:
    assert rooms(index, "sxx") == ["0101"]
    assert rooms(index, "zgf") == ["0102"]


def test_the_test_table_covers_the_product_table() -> None:
    assert set(SURNAMES) == set(SURNAME_READINGS)


@pytest.mark.parametrize(("surname", "reading"), list(SURNAMES.items()))
def test_every_surname_is_read_as_a_surname(surname: str, reading: str) -> None:
    syllables = reading.split()
    name = surname + "小明"
    assert name_syllables(name) == (*syllables, "xiao", "ming")
    full, initials = name_keys(name)
    assert full == "".join(syllables) + "xiaoming"
    assert initials == "".join(s[0] for s in syllables) + "xm"
    found = SearchIndex([home("0301", "王五"), home("0302", name)])
    assert rooms(found, initials) == ["0302"]
    assert rooms(found, full) == ["0302"]


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("解缙", "xj"),
        ("仇英", "qy"),
        ("区志强", "ozq"),
        ("朴槿惠", "pjh"),
        ("查良镛", "zly"),
        ("覃秀", "qx"),
        ("翟天临", "ztl"),
    ],
)
def test_polyphonic_surnames_in_initials(name: str, initials: str) -> None:
    assert name_keys(name)[1] == initials


def test_compound_surnames_give_one_initial_per_character() -> None:
    assert name_keys("万俟卨") == ("moqixie", "mqx")
    assert name_keys("尉迟恭") == ("yuchigong", "ycg")
    assert name_keys("尉缭") == ("yuliao", "yl")  # 尉 alone is still yu
    assert name_keys("欧阳修") == ("ouyangxiu", "oyx")  # not in the table: pypinyin reads it right


def test_full_pinyin_and_parts_of_it(index: SearchIndex) -> None:
    assert rooms(index, "shanxiongxin") == ["0101"]
    assert rooms(index, "zengguofan") == ["0102"]
    assert rooms(index, "guofan") == ["0102"]
    assert rooms(index, "zeng") == ["0102"]
    assert rooms(index, "zjz") == ["0102"]  # another member of the household
    assert rooms(index, "ouyang") == ["0601"]
    assert rooms(index, "zhaitianlin") == ["1203"]


def test_room_numbers(index: SearchIndex) -> None:
    assert rooms(index, "0601") == ["0601"]
    assert rooms(index, "06") == ["0601", "0602", "1206"]
    assert rooms(index, "12") == ["1206", "1203"]
    assert rooms(index, "120") == ["1206", "1203"]


def test_chinese_substrings(index: SearchIndex) -> None:
    assert rooms(index, "单雄信") == ["0101"]
    assert rooms(index, "国藩") == ["0102"]
    assert rooms(index, "曾") == ["0102"]
    assert rooms(index, "秀英") == ["0201"]
    assert rooms(index, "不存在") == []


def test_full_width_upper_case_and_spaced_queries(index: SearchIndex) -> None:
    assert rooms(index, "ＳＸＸ") == ["0101"]
    assert rooms(index, "ｚｇｆ") == ["0102"]
    assert rooms(index, "０６０１") == ["0601"]
    assert rooms(index, "ZGF") == ["0102"]
    assert rooms(index, " zeng guo fan ") == ["0102"]
    assert rooms(index, "zeng\u3000guo") == ["0102"]
    assert normalize_query("　ＺＧＦ　") == "zgf"


def test_latin_names(index: SearchIndex) -> None:
    assert rooms(index, "tom") == ["0602"]
    assert rooms(index, "TOM") == ["0602"]


def test_tags_filter_and_combine_with_the_query(index: SearchIndex) -> None:
    assert rooms(index, "", ("living_alone",)) == ["0101", "0201", "0602"]
    assert rooms(index, "", ("living_alone", "empty_nest")) == ["0201"]
    assert rooms(index, "zjg", ("living_alone",)) == ["0201"]
    assert rooms(index, "sxx", ("empty_nest",)) == []
    assert rooms(index, "02", ("living_alone",)) == ["0201", "0602"]
    assert rooms(index, "", ("pregnant",)) == []


def test_empty_query_keeps_everything_in_order(index: SearchIndex) -> None:
    assert rooms(index, "") == [h.room for h in UNIT]
    assert rooms(index, "   ") == [h.room for h in UNIT]


def test_no_match(index: SearchIndex) -> None:
    assert rooms(index, "qqqq") == []
    assert rooms(index, "9999") == []


def test_empty_names_and_households() -> None:
    assert name_keys("") == ("", "")
    index = SearchIndex([Household(room="0301", members=[]), home("0302", "")])
    assert rooms(index, "03") == ["0301", "0302"]
    assert rooms(index, "zs") == []
