"""What the words state, placed in time against the publication date.

A date with parts missing ("Nov. 1", "on Tuesday", "the third quarter", "last
fall") takes the one nearest the publication date in the direction the clause's
tense gives: on or before it for the past, on or after it for what is to come,
the nearest either way when the clause says neither. Without a reference date
nothing is guessed: the value keeps only what the words state.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from reconcile.data import calendar as cal
from reconcile.facts.dateforms import Reading
from reconcile.facts.tense import FUTURE, NONE, PAST
from reconcile.model import DateValue, Granularity

Span = tuple[date, date]


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _months(year: int, month: int, length: int) -> Span:
    """The span of ``length`` months from a first month (a winter runs into the next year)."""
    last_year, last_month = shift_month(date(year, month, 1), length - 1)
    return date(year, month, 1), month_end(last_year, last_month)


def choose(spans: Iterable[Span], reference: date, direction: int, strict: bool = False) -> Span | None:
    """The candidate nearest the reference in a direction: the past takes the latest
    begun by the reference, the future the first not over by it, no direction the
    one holding the reference or else the nearest (the past on a tie). ``strict``
    ("last Friday", "next June") leaves out the one holding the reference."""
    spans = sorted(spans)
    if strict:
        spans = [s for s in spans if not s[0] <= reference <= s[1]]
    past = [s for s in spans if s[0] <= reference]
    future = [s for s in spans if s[1] >= reference]
    if direction == PAST or (strict and direction != FUTURE):
        return past[-1] if past else None
    if direction == FUTURE:
        return future[0] if future else None
    holding = [s for s in spans if s[0] <= reference <= s[1]]
    if holding:
        return holding[0]
    before = past[-1] if past else None
    after = future[0] if future else None
    if before is None or (after is not None and (after[0] - reference) < (reference - before[1])):
        return after
    return before


def period(unit: str, around: date) -> Span:
    """The calendar day, Monday-Sunday week, weekend, month, quarter or year holding a date."""
    if unit == "day":
        return around, around
    if unit in ("week", "weekend"):
        monday = around - timedelta(days=around.weekday())
        return monday + timedelta(days=0 if unit == "week" else 5), monday + timedelta(days=6)
    if unit == "month":
        return around.replace(day=1), month_end(around.year, around.month)
    if unit == "quarter":
        return _months(around.year, (around.month - 1) // 3 * 3 + 1, 3)
    return date(around.year, 1, 1), date(around.year, 12, 31)


def shifted(unit: str, reference: date, shift: int) -> date:
    if unit == "day":
        return reference + timedelta(days=shift)
    if unit in ("week", "weekend"):
        return reference + timedelta(weeks=shift)
    if unit in ("month", "quarter"):
        year, month = shift_month(reference, shift * (3 if unit == "quarter" else 1))
        return date(year, month, 1)
    return date(reference.year + shift, 1, 1)


_GRANULARITY = {
    "day": Granularity.DAY, "week": Granularity.WEEK, "weekend": Granularity.WEEK, "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER, "half": Granularity.HALF, "season": Granularity.SEASON,
    "year": Granularity.YEAR, "decade": Granularity.DECADE,
}
_WITH_MONTH = ("day", "month", "quarter", "half", "season")


def of_span(unit: str, span: Span, relative: str = "", future: bool = False) -> DateValue:
    first, last = span
    return DateValue(
        _GRANULARITY[unit],
        year=first.year if unit not in ("week", "weekend") else None,
        month=first.month if unit in _WITH_MONTH else None,
        day=first.day if unit == "day" else None,
        earliest=first,
        latest=last,
        relative=relative,
        future=future,
    )


def _years(reference: date, make: Callable[[int], Span]) -> list[Span]:
    spans = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            spans.append(make(year))
        except ValueError:  # Feb. 29 of a common year
            continue
    return spans


def _length(r: Reading) -> int:
    return 3 if r.kind == "season" else cal.PERIODS.get(r.unit, 1)


def place(r: Reading, reference: date | None, direction: int) -> DateValue | None:
    """A reading as a value, placed against the reference in a direction
    (``tense.FUTURE``, ``PAST`` or ``NONE``); "last" and "next" force theirs. A
    value read after the reference is ``future`` whatever the direction."""
    value = _place(r, reference, direction)
    if value is not None and reference is not None and value.earliest is not None and value.earliest > reference:
        return replace(value, future=True)
    return value


def _place(r: Reading, reference: date | None, direction: int) -> DateValue | None:
    if r.forced is not None:
        direction = FUTURE if r.forced else PAST
    future = direction == FUTURE
    if r.kind in ("relative", "vague", "ago", "latest", "year ago", "weekend"):
        return _relative(r, reference, direction)
    if r.kind in ("year", "decade"):
        assert r.year is not None
        last = r.year + (9 if r.kind == "decade" else 0)
        return of_span(r.kind, (date(r.year, 1, 1), date(last, 12, 31)), future=future)
    if r.kind == "weekday":
        return _weekday(r, reference, direction)
    if r.kind == "week of":
        day = _place(replace(r, kind="date"), reference, direction)
        return of_span("week", period("week", day.earliest)) if day and day.earliest else None
    assert r.month is not None
    if r.kind in ("month", "period", "season"):
        unit = "month" if r.kind == "month" else r.unit or r.kind
        length = _length(r)
        year = r.year
        if year is None and reference is not None and r.year_shift is not None:
            spans = _years(reference, lambda y: _months(y, r.month, length))  # type: ignore[arg-type]
            holding = [s for s in spans if s[0] <= reference <= s[1] and r.year_shift == 0]
            year = holding[0][0].year if holding else reference.year + r.year_shift
        if year is not None:
            return of_span(unit, _months(year, r.month, length), future=future)
        if reference is None:
            return DateValue(_GRANULARITY[unit], month=r.month, future=future)
        way = NONE if r.kind == "period" else direction  # the tense dates the report, not the quarter it is about
        span = choose(_years(reference, lambda y: _months(y, r.month, length)), reference, way, r.forced is not None)
        return of_span(unit, span, future=future) if span else None  # type: ignore[arg-type]
    assert r.day is not None
    if r.year is None and reference is not None:
        span = choose(_years(reference, lambda y: (date(y, r.month, r.day),) * 2), reference, direction)
        if span is not None:
            return DateValue(Granularity.DAY, span[0].year, r.month, r.day, r.weekday, span[0], span[0], future=future)
    when = date(r.year, r.month, r.day) if r.year is not None else None
    return DateValue(Granularity.DAY, r.year, r.month, r.day, r.weekday, when, when, future=future)


def _weekday(r: Reading, reference: date | None, direction: int) -> DateValue:
    future = direction == FUTURE
    if reference is None:
        return DateValue(Granularity.WEEKDAY, weekday=r.weekday, future=future)
    step = (r.weekday - reference.weekday()) % 7  # type: ignore[operator]
    days = [reference + timedelta(days=k) for k in (step - 14, step - 7, step, step + 7)]
    span = choose(((d, d) for d in days), reference, direction, r.forced is not None)
    day = span[0]  # type: ignore[index]
    return DateValue(Granularity.DAY, day.year, day.month, day.day, r.weekday, day, day, future=future)


def _relative(r: Reading, reference: date | None, direction: int) -> DateValue | None:
    if r.kind == "vague":
        if r.sign == 0:
            return DateValue(Granularity.PRESENT, relative=r.phrase)
        if r.sign > 0:
            return DateValue(Granularity.VAGUE, earliest=reference, relative=r.phrase, future=True)
        return DateValue(Granularity.VAGUE, latest=reference, relative=r.phrase)
    if reference is None:
        future = r.kind == "relative" and (cal.RELATIVE[r.phrase][1] > 0 or cal.RELATIVE[r.phrase][2] == "after")
        return DateValue(Granularity.VAGUE, relative=r.phrase, future=future or direction == FUTURE)
    if r.kind == "ago":
        return of_span(r.unit, period(r.unit, shifted(r.unit, reference, -r.count)), r.phrase)
    if r.kind in ("latest", "year ago"):
        quarter = shifted("quarter", reference, -1)  # the last complete one, whatever the tense
        if r.kind == "year ago":
            quarter = quarter.replace(year=quarter.year - 1)
        return of_span("quarter", period("quarter", quarter), future=direction == FUTURE)
    if r.kind == "weekend":
        weekends = [period("weekend", shifted("weekend", reference, k)) for k in (-1, 0, 1)]
        return of_span("weekend", choose(weekends, reference, direction), r.phrase)  # type: ignore[arg-type]
    unit, shift, part = cal.RELATIVE[r.phrase]
    future = direction == FUTURE or shift > 0 or part == "after"
    first, last = period(unit, shifted(unit, reference, shift))
    if unit == "week" and shift >= 0 and reference.weekday() >= 5:
        last += timedelta(weeks=1)  # said at a weekend, "next week" may start in two days or in nine
    if part == "before":
        last = min(last, reference)
    elif part == "after":
        first = min(max(first, reference + timedelta(days=1)), last)
    return of_span(unit, (first, last), r.phrase, future)


def shift_value(v: DateValue, months: int, phrase: str) -> DateValue | None:
    """A resolved value moved by whole months, keeping its granularity: "a year
    earlier" than the third quarter of 1989 is the third quarter of 1988."""
    if v.earliest is None or v.latest is None or v.granularity in (Granularity.WEEK, Granularity.VAGUE):
        return None
    y1, m1 = shift_month(v.earliest, months)
    y2, m2 = shift_month(v.latest, months)
    first = date(y1, m1, min(v.earliest.day, _calendar.monthrange(y1, m1)[1]))
    last = date(y2, m2, min(v.latest.day, _calendar.monthrange(y2, m2)[1]))
    if v.granularity is not Granularity.DAY:
        last = month_end(y2, m2)
    return DateValue(v.granularity, first.year, first.month if v.month else None,
                     first.day if v.day else None, None, first, last, relative=phrase)
