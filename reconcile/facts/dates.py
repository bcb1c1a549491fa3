"""Dates and times in running text, resolved against a reference date without
invented precision, and whether two can describe the same time.

A date with parts missing ("Jan. 14", "on Tuesday", "the third quarter") takes
the one nearest the publication date in the direction its clause's tense gives
(``facts.tense``, ``facts.resolve``); a time of day told with a day ("9 a.m.
Tuesday", "tomorrow at 6:30 p.m.", "Tuesday evening") is carried on that day's
value (``facts.clock``); "a year earlier" is read from the date before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from reconcile.data import calendar as cal
from reconcile.facts.clock import (
    DAY,
    TimeMention,
    describe_time,
    find_times,
    frames_comparable,
    on_part,
    to_utc,
    with_zone,
)
from reconcile.facts.dateforms import COUNT_WORDS, GATES, PATTERNS, Reading, admissible, gate_words, phrases, read
from reconcile.facts.resolve import place, shift_value
from reconcile.facts.tense import FUTURE, PAST, direction
from reconcile.model import DateMention, DateValue, Granularity, TimeOfDay

_LEADING_WORDS = re.compile(r"(?i:(?:(?:on|in|at|during|since|by|until|of)\s+)?(?:(?:a|an)\s+)?)")
_BEFORE_DAY = re.compile(r"\s*,?\s*(?:(?i:on|of)\s+)?")  # "9 a.m. Tuesday", "9:12 p.m. on Saturday"
_AFTER_DAY = re.compile(r"\s*,?\s*(?:(?i:at)\s+|@\s*)?")  # "Tuesday at 9 a.m.", "tomorrow, 6 p.m."
_SPACE = re.compile(r"\s+|-")  # "Tuesday evening", "mid-afternoon yesterday"
_MONTHS_OF = {"month": 1, "quarter": 3, "year": 12}
_PERIODS = (Granularity.QUARTER, Granularity.HALF)
_ANCHORS = (Granularity.DAY, Granularity.MONTH, Granularity.QUARTER, Granularity.HALF, Granularity.SEASON,
            Granularity.YEAR)

Found = tuple[int, int, Reading | None, TimeOfDay | None, TimeMention | None]
"""(start, end, the date's reading, its time of day, a time told with no date)."""


def _day_like(r: Reading) -> bool:
    return r.kind in ("date", "weekday") or (r.kind == "relative" and cal.RELATIVE[r.phrase][0] == "day")


def _readings(text: str, admit: bool = True) -> list[tuple[int, int, Reading]]:
    """Readings, longest first where they overlap; ``admit`` leaves out look-alikes
    ("2023 workers", "a fall in prices") that an expression alone cannot be."""
    words = gate_words(text)
    found = sorted(
        (
            (m.start(), -m.end(), i, kind, m)
            for i, ((kind, pattern), gate) in enumerate(zip(PATTERNS, GATES))
            if all(not words.isdisjoint(group) for group in gate)
            for m in pattern.finditer(text)
        ),
        key=lambda c: c[:3],
    )
    out: list[tuple[int, int, Reading]] = []
    taken = 0
    for start, neg_end, _, kind, m in found:
        if start < taken or (admit and not admissible(kind, m, text)):
            continue
        r = read(kind, m)
        if r is not None:
            out.append((start, -neg_end, r))
            taken = -neg_end
    return out


def _joined(text: str, a: int, b: int, part: bool, pattern: re.Pattern[str]) -> bool:
    """Do ``text[a:b]`` join a time and a day? A part of the day only by a space."""
    return a <= b and (_SPACE if part else pattern).fullmatch(text, a, b) is not None


def _with_times(text: str, dates: list[tuple[int, int, Reading]]) -> list[Found]:
    """Each day with the time told next to it; times left alone stand for
    themselves ("at 3 a.m.", "last night"), a part of the day alone for nothing."""
    times = [t for t in find_times(text) if not any(s < t.end and t.start < e for s, e, _ in dates)]
    out: list[Found] = [(s, e, r, None, None) for s, e, r in dates]
    used: set[int] = set()
    for i, t in enumerate(times):  # "shortly before midnight last night": the clock on the phrase's day
        nxt = times[i + 1] if i + 1 < len(times) else None
        if nxt is not None and nxt.day_shift is not None and t.day_shift is None and t.time.clock is not None \
                and _SPACE.fullmatch(text, t.end, nxt.start):
            times[i + 1] = replace(nxt, start=t.start, time=on_part(t.time, nxt.time))
            used.add(i)
    for i, t in enumerate(times):
        if i in used:
            continue
        part = t.time.clock is None
        for k, (s, e, r, time, _) in enumerate(out):
            if time is None and r is not None and _day_like(r) and t.day_shift is None and (
                _joined(text, t.end, s, part, _BEFORE_DAY) or _joined(text, e, t.start, part, _AFTER_DAY)
            ):
                merged = with_zone(TimeMention(min(s, t.start), max(e, t.end), t.time), text)
                out[k] = (merged.start, merged.end, r, merged.time, None)
                break
        else:
            if t.standalone:
                out.append((t.start, t.end, None, t.time, t))
    return sorted(out, key=lambda f: f[0])


def _time_value(t: TimeMention, reference: date | None) -> DateValue:
    """A time with no date: on no stated day, or on the day "last night" names."""
    if t.day_shift is None:
        return DateValue(Granularity.TIME, time=t.time)
    if reference is None:
        return DateValue(Granularity.VAGUE, relative=t.phrase, time=t.time)
    day = reference + timedelta(days=t.day_shift)
    return DateValue(Granularity.DAY, day.year, day.month, day.day, None, day, day, relative=t.phrase, time=t.time)


def _anchored(r: Reading, before: DateValue | None) -> DateValue | None:
    """ "a year earlier" than the date before it in the sentence; "a year ago" and
    "the year-ago quarter" likewise after a quarter ("profit rose in the third
    quarter from a year ago")."""
    if before is None or (r.kind != "anchored" and before.granularity not in _PERIODS):
        return None
    months = _MONTHS_OF.get(r.unit, 12) * (r.count if r.kind == "anchored" else -max(r.count, 1))
    return shift_value(before, months, r.phrase)


def _mentions(text: str, offset: int, reference: date | None, way: int | None, admit: bool) -> list[DateMention]:
    """The mentions of ``text``, placed in the direction ``way`` (None: each by its
    own clause's tense); a date anchors the "a year earlier" after it."""
    mentions: list[DateMention] = []
    before: DateValue | None = None
    for start, end, r, time, alone in _with_times(text, _readings(text, admit)):
        if alone is not None:
            value: DateValue | None = _time_value(alone, reference)
        elif r is None:
            continue
        elif r.kind in ("anchored", "ago", "year ago") and (anchored := _anchored(r, before)):
            value = anchored
        elif r.kind == "anchored" and (r.unit != "year" or r.count > 0):
            continue  # "two months later" with nothing before it: the timeline's
        else:
            if r.kind == "anchored":  # "a year earlier" with nothing before it: as "a year ago"
                r = replace(r, kind="ago", count=-r.count)
            value = place(r, reference, direction(text, start, end) if way is None else way)
            if value is not None and time is not None:
                value = replace(value, time=time)
        if value is None:
            continue
        if value.granularity in _ANCHORS and value.earliest is not None:
            before = value
        mentions.append(DateMention(offset + start, offset + end, text[start:end], value))
    return mentions


def find_dates(text: str, offset: int = 0, reference: date | None = None) -> list[DateMention]:
    """Date and time expressions of a sentence, longest reading first, with document offsets."""
    return _mentions(text, offset, reference, None, True)


def normalise(
    expression: str, reference: date | None = None, future: bool = False, tense: int | None = None
) -> DateValue | None:
    """Read one date expression ("on Nov. 1", "later this month") into a value.

    ``future`` picks the next matching date instead of the last one; relative
    phrases that point ahead ("next week", "later this month") are future anyway.
    ``tense`` (``facts.tense.FUTURE``, ``PAST``, or ``NONE``: the nearest, as a
    clause with no tense cue reads it) overrides it.
    """
    text = expression.strip()
    text = text[_LEADING_WORDS.match(text).end() :]  # type: ignore[union-attr]
    way = tense if tense is not None else FUTURE if future else PAST
    found = _mentions(text, 0, reference, way, False)
    return found[0].value if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) else None


# -- comparing ---------------------------------------------------------------

_WEEK = 7 * DAY
_AGO = re.compile(rf"(?P<n>\d{{1,3}}|{phrases(COUNT_WORDS)})\s+(?P<unit>{phrases(cal.AGO_UNITS)})\s+ago")


def weekday_fits(value: DateValue) -> bool | None:
    """Does a stated weekday match its date? None when there is nothing to check."""
    if value.weekday is None or value.year is None or value.month is None or value.day is None:
        return None
    return date(value.year, value.month, value.day).weekday() == value.weekday


def _weekday_of(v: DateValue) -> int | None:
    if v.weekday is not None:
        return v.weekday
    if v.year is not None and v.month is not None and v.day is not None:
        return date(v.year, v.month, v.day).weekday()
    return None


def _ago(v: DateValue) -> tuple[int, str] | None:
    """(count, unit) of an unresolved "35 years ago"."""
    m = _AGO.fullmatch(v.relative) if v.granularity is Granularity.VAGUE and v.relative else None
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else COUNT_WORDS[n], cal.AGO_UNITS[m.group("unit")]


def _minutes(v: DateValue, other: DateValue) -> tuple[int, int]:
    """The minutes of its day(s) a value allows, in UTC when both zones are known."""
    low, high = (v.time.earliest, v.time.latest) if v.time else (0, DAY - 1)
    return to_utc(low, high, v.time, other.time)


def _instants(v: DateValue, other: DateValue) -> tuple[int, int, int] | None:
    """(first, last, modulus) minutes on the scale both values share: absolute when
    both are placed in the calendar, else in the week when both name a weekday,
    else in the day when both tell a time (modulus 0: no wrapping)."""
    low, high = _minutes(v, other)
    if v.earliest and v.latest and other.earliest and other.latest:
        return v.earliest.toordinal() * DAY + low, v.latest.toordinal() * DAY + high, 0
    weekday = _weekday_of(v)
    if weekday is not None and _weekday_of(other) is not None and (v.time or other.time):
        return weekday * DAY + low, weekday * DAY + high, _WEEK
    if v.time and other.time:
        return low, high, DAY
    return None


def _overlap(a: tuple[int, int, int], b: tuple[int, int, int], slack: int) -> bool:
    modulus = a[2]
    return any(a[0] - slack <= b[1] + k * modulus and b[0] + k * modulus <= a[1] + slack
               for k in ((-1, 0, 1) if modulus else (0,)))


def _parts_agree(a: DateValue, b: DateValue, weekdays: bool) -> bool:
    pairs = [(a.year, b.year), (a.month, b.month), (a.day, b.day)]
    if weekdays:
        pairs.append((_weekday_of(a), _weekday_of(b)))
    return all(x is None or y is None or x == y for x, y in pairs)


def compatible(a: DateValue, b: DateValue) -> bool:
    """Could both values describe the same time? Unknown parts never conflict; "now"
    fits anything; a time in a stated zone against one in another frame it cannot
    be converted from may lie a day either way."""
    if Granularity.PRESENT in (a.granularity, b.granularity):
        return True
    for vague, other in ((a, b), (b, a)):
        if vague.granularity is Granularity.VAGUE:
            if vague.latest and other.earliest and other.earliest > vague.latest:
                return False
            if vague.earliest and other.latest and other.latest < vague.earliest:
                return False
    if Granularity.VAGUE in (a.granularity, b.granularity):
        ago_a, ago_b = _ago(a), _ago(b)  # unresolved: both counted from one unknown day
        return ago_a is None or ago_b is None or ago_a == ago_b or ago_a[1] != ago_b[1]
    slack = 0 if frames_comparable(a.time, b.time) else DAY
    at_a, at_b = _instants(a, b), _instants(b, a)
    if at_a and at_b and at_a[2] == 0:
        return _overlap(at_a, at_b, slack)
    if not _parts_agree(a, b, weekdays=at_a is None):
        return False
    return at_a is None or at_b is None or _overlap(at_a, at_b, slack)


def _time_stated(given: DateValue, claimed: DateValue) -> bool:
    """Does the given value tell a time within the one the claim tells?"""
    if claimed.time is None:
        return True
    if given.time is None:
        return False
    if not frames_comparable(given.time, claimed.time):
        return given.time.zone == claimed.time.zone and given.time.clock == claimed.time.clock
    g_low, g_high = _minutes(given, claimed)
    c_low, c_high = _minutes(claimed, given)
    return c_low <= g_low and g_high <= c_high


def supports(given: DateValue, claimed: DateValue) -> bool:
    """Does a source's date state what a claim's date says (not merely fit it)?

    Every part the claim names (year, month, day, weekday, time) must be named
    alike, or the source's interval lie within the claim's. A vague claim
    ("recently", "now") asks for nothing; an unresolved "35 years ago" asks for
    the same count.
    """
    if claimed.granularity in (Granularity.VAGUE, Granularity.PRESENT):
        ago = _ago(claimed)
        return ago is None or _ago(given) == ago
    if not _time_stated(given, claimed):
        return False
    if claimed.earliest and claimed.latest and given.earliest and given.latest \
            and claimed.earliest <= given.earliest and given.latest <= claimed.latest:
        return True
    parts = [(c, g) for c, g in ((claimed.year, given.year), (claimed.month, given.month),
                                 (claimed.day, given.day), (_weekday_of(claimed), _weekday_of(given)))
             if c is not None]
    return (bool(parts) or claimed.time is not None) and all(c == g for c, g in parts)


def _span(v: DateValue) -> str:
    if v.earliest is None and v.latest is None:
        return ""
    if v.earliest == v.latest:
        return str(v.earliest)
    return f"{v.earliest or ''}..{v.latest or ''}"


_PERIOD_FORMS = {
    Granularity.QUARTER: lambda v: f"Q{(v.month - 1) // 3 + 1}",
    Granularity.HALF: lambda v: f"H{(v.month - 1) // 6 + 1}",
    Granularity.SEASON: lambda v: cal.SEASON_CODES[v.month],
}


def _day_part(v: DateValue) -> str:
    year = f"{v.year:04d}" if v.year is not None else "-"
    g = v.granularity
    if g is Granularity.DAY:
        weekday = _weekday_of(v)
        text = f"{year}-{v.month:02d}-{v.day:02d}"
        return f"{text} ({cal.WEEKDAY_SHORT[weekday]})" if weekday is not None else text
    if g is Granularity.MONTH:
        return f"{year}-{v.month:02d}"
    if g in _PERIOD_FORMS and v.month is not None:
        return f"{year}-{_PERIOD_FORMS[g](v)}"
    if g is Granularity.YEAR:
        return year
    if g is Granularity.DECADE:
        return f"{year}s"
    if g is Granularity.WEEKDAY and v.weekday is not None:
        return list(cal.WEEKDAYS)[v.weekday].capitalize()
    if g is Granularity.TIME:
        return ""
    return _span(v) or g.value


def describe(value: DateValue) -> str:
    """Short deterministic form: "2023-11-01 (Wed)", "2023-06", "2023-Q3", "2023-11-01
    (Wed) 09:00", "later this month (2023-11-04..2023-11-30)"."""
    v = value
    time = describe_time(v.time) if v.time else ""
    if v.relative:
        span = _span(v)
        text = f"{v.relative} ({span})" if span else v.relative
        told = v.time is not None and v.time.clock is None and v.time.part in v.relative
        return text if not time or told else f"{text} {time}"
    return " ".join(p for p in (_day_part(v), time) if p)
