"""Care cadences: when a household is next owed a visit, over hand-written cases and over visit histories that
hypothesis makes up."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.model import Household, Member
from fieldgrid.model.cadence import (
    AFTER_EVENT,
    AGE80,
    DEFAULT_RULES,
    EVERYONE,
    Cadence,
    Rule,
    care_of,
    check_days,
)
from fieldgrid.model.errors import ValidationError
from fieldgrid.model.visit import Visit

TODAY = dt.date(2026, 12, 1)


def home(*tags: str, born: int | None = 1970, residency: str = "resident") -> Household:
    return Household(room="0101", id="h1", tags=list(tags), residency=residency,
                     members=[Member("李桂英", "self", birth_year=born)])  # fmt: skip


def visit(days_ago: int, kind: str = "routine", found: str = "", follow_up: str | None = None) -> Visit:
    at = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10, 0)).isoformat(timespec="minutes")
    return Visit("h1", at, kind, found=found, follow_up=follow_up)


def test_the_defaults_follow_practice() -> None:
    rules = Cadence().rules
    assert rules["living_alone"].days == rules["empty_nest"].days == rules[AGE80].days == 7  # weekly
    assert rules["disabled"].days == rules["left_behind_child"].days == rules["key_attention"].days == 30  # monthly
    assert rules[EVERYONE].days == 90  # quarterly
    assert rules[AFTER_EVENT] == Rule(1, contact=False)  # within a day, in person


def test_an_80_year_old_is_visited_weekly_by_birth_year_against_today() -> None:
    care = care_of(home(born=1946), [visit(10)], Cadence(), TODAY)
    assert care is not None and (care.rule, care.days) == (AGE80, 7)
    assert care.due == TODAY - dt.timedelta(days=3)  # three days overdue
    younger = care_of(home(born=1947), [visit(10)], Cadence(), TODAY)
    assert younger is not None and (younger.rule, younger.days) == (EVERYONE, 90)


def test_the_strictest_rule_wins() -> None:
    care = care_of(home("disabled", "living_alone"), [visit(3)], Cadence(), TODAY)
    assert care is not None and (care.rule, care.days) == ("living_alone", 7)


def test_a_phone_call_counts_where_the_rule_allows_it() -> None:
    visits = [visit(20), visit(2, "contact", "电话联系：一切都好")]
    counted = care_of(home("disabled"), visits, Cadence(), TODAY)
    assert counted is not None and counted.due == TODAY + dt.timedelta(days=28)
    in_person = Cadence().changed("disabled", contact=False)
    refused = care_of(home("disabled"), visits, in_person, TODAY)
    assert refused is not None and refused.due == TODAY + dt.timedelta(days=10)


@pytest.mark.parametrize("note", ["老人昨天住院了", "老伴上周去世", "在家摔倒，膝盖擦伤", "was in hospital"])
def test_a_visit_within_a_day_after_a_hospital_stay_a_bereavement_or_a_fall(note: str) -> None:
    care = care_of(home(), [visit(2, found=note)], Cadence(), TODAY)
    assert care is not None and care.reason == AFTER_EVENT
    assert care.due == TODAY - dt.timedelta(days=1)  # one day overdue
    answered = care_of(home(), [visit(2, found=note), visit(1)], Cadence(), TODAY)
    assert answered is not None and answered.reason == "cadence"
    by_phone = care_of(home(), [visit(2, found=note), visit(1, "contact", "电话问候")], Cadence(), TODAY)
    assert by_phone is not None and by_phone.reason == AFTER_EVENT  # a call does not replace going round


def test_the_follow_up_of_the_latest_visit_is_owed_and_a_never_visited_household_is_due_today() -> None:
    care = care_of(home(), [visit(8, "follow_up", "漏水已修好", follow_up=str(TODAY - dt.timedelta(days=2)))],
                   Cadence(), TODAY)  # fmt: skip
    assert care is not None and care.follow_up == TODAY - dt.timedelta(days=2)
    assert care.next_due == care.follow_up
    never = care_of(home(), [], Cadence(), TODAY)
    assert never is not None and (never.reason, never.due) == ("never", TODAY)


def test_vacant_and_ended_households_are_owed_nothing() -> None:
    assert care_of(home(residency="vacant"), [], Cadence(), TODAY) is None
    assert care_of(home(residency="moved_out"), [], Cadence(), TODAY) is None


@pytest.mark.parametrize("days", [0, -3, 367, "7", True, None])
def test_a_cadence_is_a_positive_number_of_days(days: object) -> None:
    with pytest.raises(ValidationError) as err:
        check_days(days)
    assert err.value.key == "error.cadence.days"


def test_settings_store_only_what_differs_and_skip_what_is_malformed() -> None:
    changed = Cadence().changed("low_income", 14).changed(EVERYONE, contact=False)
    assert changed.to_doc() == {"low_income": {"days": 14, "contact": True},
                                EVERYONE: {"days": 90, "contact": False}}  # fmt: skip
    assert Cadence.from_doc(changed.to_doc()) == changed
    broken = Cadence.from_doc({"living_alone": {"days": 0}, "x": "y", "disabled": {"days": "5"}, 3: {}})
    assert broken.rules == DEFAULT_RULES


# -- over made-up histories ----------------------------------------------------------------------------------

TAGS = ["living_alone", "empty_nest", "disabled", "low_income", "key_attention"]
KINDS = ["routine", "follow_up", "errand", "contact", "policy"]
NOTES = ["", "一切正常", "老人住院了", "摔倒", "电话问候"]

visit_lists = st.lists(
    st.tuples(st.integers(0, 400), st.sampled_from(KINDS), st.sampled_from(NOTES)), max_size=25
).map(lambda items: [visit(d, kind, note) for d, kind, note in items])
households = st.builds(
    lambda tags, born: home(*tags, born=born),
    st.lists(st.sampled_from(TAGS), unique=True, max_size=3),
    st.one_of(st.none(), st.integers(1920, 2020)),
)
cadences = st.dictionaries(
    st.sampled_from([*TAGS, EVERYONE, AGE80, AFTER_EVENT]), st.tuples(st.integers(1, 366), st.booleans()), max_size=5
).map(lambda changes: Cadence({**DEFAULT_RULES, **{k: Rule(d, c) for k, (d, c) in changes.items()}}))


def counts(v: Visit, rule: Rule) -> bool:
    return v.kind != "contact" or rule.contact


@settings(max_examples=200, deadline=None)
@given(households, visit_lists, cadences)
def test_due_is_the_last_counting_visit_plus_the_strictest_rule_or_sooner(
    household: Household, visits: list[Visit], cadence: Cadence
) -> None:
    care = care_of(household, visits, cadence, TODAY)
    assert care is not None
    applicable = [k for k in household.tags if k in cadence.rules] + [EVERYONE]
    if household.members[0].birth_year is not None and TODAY.year - household.members[0].birth_year >= 80:
        applicable.append(AGE80)
    rule = cadence.rules[care.rule]
    assert care.rule in applicable and rule.days == min(cadence.rules[k].days for k in applicable)
    counting = [v for v in visits if counts(v, rule)]
    if counting:
        last = max(dt.date.fromisoformat(v.at[:10]) for v in counting)
        assert care.due <= last + dt.timedelta(days=rule.days)
        if care.reason == "cadence":
            assert care.due == last + dt.timedelta(days=rule.days)
    else:
        assert care.reason in ("never", AFTER_EVENT) and care.due <= TODAY


@settings(max_examples=200, deadline=None)
@given(households, visit_lists, cadences, st.randoms())
def test_the_order_of_the_visits_does_not_matter(
    household: Household, visits: list[Visit], cadence: Cadence, rnd: random.Random
) -> None:
    shuffled = list(visits)
    rnd.shuffle(shuffled)
    assert care_of(household, visits, cadence, TODAY) == care_of(household, shuffled, cadence, TODAY)


@settings(max_examples=200, deadline=None)
@given(households, visit_lists, cadences)
def test_a_visit_in_person_today_leaves_nothing_overdue(
    household: Household, visits: list[Visit], cadence: Cadence
) -> None:
    care = care_of(household, [*visits, visit(0, "routine", "一切正常")], cadence, TODAY)
    assert care is not None and care.next_due > TODAY and care.follow_up is None


@settings(max_examples=200, deadline=None)
@given(households, visit_lists, cadences, st.sampled_from([*TAGS, EVERYONE, AGE80]), st.integers(1, 366))
def test_a_stricter_rule_never_makes_a_visit_due_later(
    household: Household, visits: list[Visit], cadence: Cadence, key: str, days: int
) -> None:
    before = care_of(household, visits, cadence, TODAY)
    stricter = cadence.changed(key, min(days, cadence.rules[key].days if key in cadence.rules else days))
    stricter = Cadence({**stricter.rules, key: Rule(stricter.rules[key].days, False)})  # and a call counts less
    after = care_of(household, visits, stricter, TODAY)
    assert before is not None and after is not None and after.due <= before.due
