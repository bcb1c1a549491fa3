"""The year month-and-day dates are read in when no publication date says: one
a source states, never one guessed from the clock."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reconcile.model import Support
from reconcile.timeline.supports import simplest

VIRTUAL_YEAR = 2000  # a leap year: month-and-day dates keep their order, Feb. 29 included


@dataclass(frozen=True)
class Year:
    value: int | None
    supports: tuple[Support, ...]  # () when no sentence is needed (a publication date)
    inferred: bool
    shown: bool = True  # False: a calendar that fits the weekdays, not a year anyone states


_CALENDAR_YEARS = range(VIRTUAL_YEAR, VIRTUAL_YEAR + 28)  # every weekday pattern, leap years too


def _pairs_fit(year: int, pairs: Sequence[tuple[int, int, int, Support]]) -> list[Support]:
    fit = []
    for month, day, weekday, support in pairs:
        try:
            if date(year, month, day).weekday() == weekday:
                fit.append(support)
        except ValueError:
            pass
    return fit


def choose_year(
    pairs: Sequence[tuple[int, int, int, Support]],
    stated: dict[int, list[Support]],
    today: date | None,
) -> Year:
    """The year month-and-day dates are read in when no publication date says:
    one a source states, never one guessed from the clock (a report must not
    change with the day it is run on).

    Weekday-and-date pairs ("Wednesday" and "Nov. 1" of one meeting) decide among
    the stated years: the one that fits most of them, on a tie the latest. A year
    that would put a paired day after ``today`` is out. Without pairs, the latest
    year a source states: articles look back, so the latest is the nearest to "now"."""
    if not stated:
        return calendar_fitting(pairs)
    days = {(m, d) for m, d, _, _ in pairs}

    def not_future(y: int) -> bool:
        return today is None or all((day := safe_date(y, m, d)) is None or day <= today for m, d in days)

    candidates = sorted((y for y in stated if not_future(y)), reverse=True) or [max(stated)]
    if pairs:
        kinds = Counter((m, d, w) for m, d, w, _ in pairs)

        def fits(y: int) -> int:
            return sum(n for (m, d, w), n in kinds.items() if (day := safe_date(y, m, d)) and day.weekday() == w)

        best = max(fits(y) for y in candidates)
        if best:
            year = next(y for y in candidates if fits(y) == best)
            return Year(year, simplest(_pairs_fit(year, pairs)), True)
    year = candidates[0]
    return Year(year, simplest(stated[year]), True)


def calendar_fitting(pairs: Sequence[tuple[int, int, int, Support]]) -> Year:
    """With no year stated, a calendar in which the weekday-and-date pairs hold,
    to count days from a weekday ("Wednesday, Nov. 1" ... "on Friday" is Nov. 3);
    any such calendar gives the same days, and none is shown as the year."""
    def fits(y: int) -> int:
        return len(_pairs_fit(y, pairs))

    best = max(_CALENDAR_YEARS, key=fits, default=None) if pairs else None
    if best is None or not fits(best):
        return Year(None, (), False)
    return Year(best, simplest(_pairs_fit(best, pairs)), True, shown=False)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
