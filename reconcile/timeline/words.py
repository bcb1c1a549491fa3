"""How the timeline says days and spans in words: "Wednesday, Nov. 1, 2023",
"between Nov. 2 and Nov. 30", "two days after the ban"."""

from __future__ import annotations

from datetime import date

from reconcile.data import calendar as words
from reconcile.data import numbers as num


def day_words(day: date, year_known: bool = True) -> str:
    """ "Wednesday, Nov. 1, 2023"; without a known year "Nov. 1" (its weekday
    would be a guess)."""
    text = f"{words.MONTHS_SHORT[day.month - 1]} {day.day}"
    if not year_known:
        return text
    return f"{day.strftime('%A')}, {text}, {day.year}"


def short_day(day: date, year_known: bool) -> str:
    """ "Nov. 1, 2023", or "Nov. 1" when the year is not known."""
    return f"{words.MONTHS_SHORT[day.month - 1]} {day.day}" + (f", {day.year}" if year_known else "")


def span_words(low: date | None, high: date | None, year_known: bool) -> str:
    if low is not None and low == high:
        return day_words(low, year_known)
    if low is not None and high is not None:
        return f"between {short_day(low, False)} and {short_day(high, year_known)}"
    if low is not None:
        return f"on or after {short_day(low, year_known)}"
    if high is not None:
        return f"on or before {short_day(high, year_known)}"
    return "at an unknown date"


_NUMBER_WORDS = {v: k for k, v in {**num.ONES, **num.TEENS}.items()}


def _days(n: int) -> str:
    if n == 1:
        return "a day"
    if n % 7 == 0 and n <= 28:
        weeks = n // 7
        return "a week" if weeks == 1 else f"{_NUMBER_WORDS.get(weeks, weeks)} weeks"
    return f"{_NUMBER_WORDS.get(n, n)} days"


def predicate(low: int | None, high: int | None, other: str) -> str:
    """ "a day after the ban" for a day difference in [low, high] from ``other``."""
    if low is not None and low == high:
        if low == 0:
            return f"on the same day as {other}"
        return f"{_days(abs(low))} {'after' if low > 0 else 'before'} {other}"
    if low == 0 and high is None:
        return f"after {other}"
    if high == 0 and low is None:
        return f"before {other}"
    if high is None and low is not None and low > 0:
        return f"at least {_days(low)} after {other}"
    if low is None and high is not None and high < 0:
        return f"at least {_days(-high)} before {other}"
    return f"between {low} and {high} days after {other}"


def iso(ordinal: int | None, year_known: bool) -> str | None:
    return iso_day(date.fromordinal(ordinal), year_known) if ordinal is not None else None


def iso_day(day: date | None, year_known: bool = True) -> str | None:
    """ISO 8601, or its yearless form "--11-01" when the year is a calendar's guess."""
    if day is None:
        return None
    return day.isoformat() if year_known else day.strftime("--%m-%d")
