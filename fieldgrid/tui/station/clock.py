"""The station terminal's one clock: "today" for due dates and this month's work, "now" for what the operator
records.  One place, so the tests can pin it."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()


def now_minute() -> str:
    """Now, to the minute, as records store it (``2026-11-20T09:30``)."""
    return dt.datetime.now().isoformat(timespec="minutes")
