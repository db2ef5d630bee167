"""Counts in English take the number of their noun: "1 finding, 1 problem reported", "2 findings"; Chinese has
no plural.  One helper in the i18n layer (``{n:plural:one|many}``), and a check that no English message puts a
count before a plural noun without it."""

from __future__ import annotations

import re

import pytest

from fieldgrid.i18n import CATALOGUES, plural, set_language, t

# The nouns counted in the messages; a message writing "{n} <noun>" must go through the plural helper.
NOUNS = ("days", "households", "persons", "people", "problems", "findings", "records", "notices", "conflicts",
         "entries", "disclosures", "cards", "files", "changes", "devices", "bundles", "items", "visits", "rows",
         "minutes", "digits", "characters")  # fmt: skip
BARE_COUNT = re.compile(r"\{(\w+)\}\s+(?:\w+\s+)?(" + "|".join(NOUNS) + r")\b")
NOT_COUNTS = {"month"}  # "{month} points" names a month


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("zh_CN")


def test_one_finding_one_problem() -> None:
    assert t("tui.patrol.saved", findings=1, problems=1) == "Patrol recorded: 1 finding, 1 problem reported"
    assert t("tui.patrol.saved", findings=2, problems=0) == "Patrol recorded: 2 findings, 0 problems reported"
    assert t("tui.dash.households", households=1, people=1) == "1 household · 1 person"
    assert t("tui.dash.sync", count=1) == "1 change waits for the station"
    assert t("tui.dash.sync", count=3) == "3 changes wait for the station"


def test_chinese_has_no_plural() -> None:
    set_language("zh_CN")
    assert t("tui.patrol.saved", findings=1, problems=2) == "巡查已记录：1 项发现，登记问题 2 件"


@pytest.mark.parametrize(("count", "word"), [(1, "day"), (-1, "day"), (0, "days"), (2, "days"), ("1", "day"),
                                             ("many", "days")])  # fmt: skip
def test_the_helper(count: object, word: str) -> None:
    assert plural(count, "day", "days") == word


def test_no_english_count_is_left_without_its_plural() -> None:
    bare = {
        key: text
        for key, text in CATALOGUES["en"].items()
        if any(m.group(1) not in NOT_COUNTS for m in BARE_COUNT.finditer(text))
    }
    assert bare == {}
