"""Dates as a leader types them into a form: 明天, 下周一, +3, 12-05, 2026-12-05 (and the English words).

:func:`parse_day` is a pure function of the text and today's date, so a form can show the date a word means
beside the field while it is typed, and the tests can check every rule without a clock.

The rules, for dates that lie ahead (a follow-up, a due date):

- ``今天``/``today``, ``明天``/``tomorrow``, ``后天``; ``+N`` is N days from today (``+0`` is today);
- ``周一`` … ``周日`` (also ``星期一``, ``礼拜一``, ``周天``, ``mon`` … ``sun``): the next such day after today;
- ``下周一`` … ``下周日`` (``next mon``): that day of next week, weeks starting on Monday;
- ``12-05``, ``12/5``, ``12月5日``: that day this year, or next year when it has already passed;
- ``2026-12-05``, ``2026/12/5``, ``2026年12月5日``: that day.

Anything else, and days that do not exist (``02-30``), give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WORDS = {"今天": 0, "今日": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1, "后天": 2, "大后天": 3}

_PLUS = re.compile(r"\+\s*(\d{1,4})(?:天|d|days?)?")
_ZH_WEEKDAY = re.compile(r"(下{0,2})(?:周|星期|礼拜)([一二三四五六日天七])")
_EN_WEEKDAY = re.compile(r"(next\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*")
_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_day(text: str, today: dt.date) -> dt.date | None:
    """The date ``text`` means, seen from ``today``; ``None`` when it means no date."""
    s = text.strip().lower()
    if s in _WORDS:
        return today + dt.timedelta(days=_WORDS[s])
    if m := _PLUS.fullmatch(s):
        return today + dt.timedelta(days=int(m.group(1)))
    weekday: int | None = None
    weeks_ahead = 0
    if m := _ZH_WEEKDAY.fullmatch(s):
        weekday, weeks_ahead = _WEEKDAYS[m.group(2)], len(m.group(1))
    elif m := _EN_WEEKDAY.fullmatch(s):
        if not _is_weekday_word(s.split()[-1], m.group(2)):
            return None
        weekday, weeks_ahead = _EN_WEEKDAYS[m.group(2)], 1 if m.group(1) else 0
    if weekday is not None:
        if weeks_ahead == 0:  # the next such day after today
            return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks_ahead)
        return monday + dt.timedelta(days=weekday)
    if m := _FULL.fullmatch(s):
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MONTH_DAY.fullmatch(s):
        month, day = int(m.group(1)), int(m.group(2))
        this_year = _day(today.year, month, day)
        if this_year is not None and this_year >= today:
            return this_year
        return _day(today.year + 1, month, day)
    return None


def _is_weekday_word(word: str, stem: str) -> bool:
    """``mon``, ``monday``: the stem alone or the whole English name."""
    names = {"mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday", "fri": "friday",
             "sat": "saturday", "sun": "sunday"}  # fmt: skip
    return word in (stem, names[stem])


def day_text(text: str, today: dt.date) -> str:
    """``text`` as an ISO date when it means one, else as typed (for the model to refuse with its message)."""
    day = parse_day(text, today)
    return day.isoformat() if day is not None else text.strip()
