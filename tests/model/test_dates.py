"""Dates as typed into a form (明天, 下周一, +3, 12-05, 2026-12-05): the rules of
:func:`fieldgrid.model.dates.parse_day`, checked on every day hypothesis makes up."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.model.dates import day_text, parse_day

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2098, 12, 31))
ZH_DAYS = ["一", "二", "三", "四", "五", "六", "日"]
EN_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

TUESDAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("明天", "2026-11-25"),
        ("后天", "2026-11-26"),
        ("+3", "2026-11-27"),
        ("周一", "2026-11-30"),
        ("周二", "2026-12-01"),  # today is a Tuesday: the next one
        ("周三", "2026-11-25"),
        ("下周一", "2026-11-30"),
        ("下周三", "2026-12-02"),
        ("星期五", "2026-11-27"),
        ("12-05", "2026-12-05"),
        ("12/5", "2026-12-05"),
        ("12月5日", "2026-12-05"),
        ("01-05", "2027-01-05"),  # already passed this year: next year's
        ("2026-12-05", "2026-12-05"),
        ("2026年12月5日", "2026-12-05"),
        ("tomorrow", "2026-11-25"),
        ("next mon", "2026-11-30"),
        ("Friday", "2026-11-27"),
    ],
)
def test_a_tuesday_leader_types(text: str, meant: str) -> None:
    assert parse_day(text, TUESDAY) == dt.date.fromisoformat(meant)


@pytest.mark.parametrize("text", ["", "下周", "02-30", "2026-13-01", "13-01", "mondays", "周八", "abc", "+", "1205"])
def test_what_means_no_date(text: str) -> None:
    assert parse_day(text, TUESDAY) is None


@given(days, st.integers(min_value=0, max_value=999))
def test_plus_n_is_n_days_ahead(today: dt.date, n: int) -> None:
    assert parse_day(f"+{n}", today) == today + dt.timedelta(days=n)


@given(days)
def test_tomorrow_in_both_languages(today: dt.date) -> None:
    assert parse_day("明天", today) == parse_day("tomorrow", today) == today + dt.timedelta(days=1)


@given(days, st.integers(min_value=0, max_value=6))
def test_a_weekday_is_the_next_one_after_today(today: dt.date, weekday: int) -> None:
    meant = parse_day("周" + ZH_DAYS[weekday], today)
    assert meant is not None
    assert meant.weekday() == weekday
    assert 1 <= (meant - today).days <= 7
    assert parse_day(EN_DAYS[weekday], today) == meant


@given(days, st.integers(min_value=0, max_value=6))
def test_next_weeks_day_is_in_next_week(today: dt.date, weekday: int) -> None:
    meant = parse_day("下周" + ZH_DAYS[weekday], today)
    assert meant is not None
    assert meant.weekday() == weekday
    next_monday = today + dt.timedelta(days=7 - today.weekday())
    assert next_monday <= meant < next_monday + dt.timedelta(days=7)
    assert parse_day("next " + EN_DAYS[weekday], today) == meant


@given(days, days)
def test_a_full_date_is_itself(today: dt.date, day: dt.date) -> None:
    assert parse_day(day.isoformat(), today) == day
    assert parse_day(f"{day.year}年{day.month}月{day.day}日", today) == day


@given(days, days)
def test_month_and_day_is_the_first_such_day_from_today(today: dt.date, day: dt.date) -> None:
    meant = parse_day(f"{day.month:02d}-{day.day:02d}", today)
    if meant is None:  # 02-29 with no leap year in this year or the next
        assert (day.month, day.day) == (2, 29)
        return
    assert (meant.month, meant.day) == (day.month, day.day)
    assert today <= meant
    assert meant.year in (today.year, today.year + 1)
    assert meant.year == today.year or dt.date(today.year, meant.month, min(meant.day, 28)) < today


@given(days, st.text(max_size=12))
def test_day_text_is_iso_or_what_was_typed(today: dt.date, text: str) -> None:
    meant = parse_day(text, today)
    assert day_text(text, today) == (meant.isoformat() if meant else text.strip())
