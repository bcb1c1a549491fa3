"""Dates in running text, resolved against a reference date without invented precision.

News reports what happened, so an incomplete date ("Nov. 1", "on Wednesday",
"In June") is read as the latest such time on or before the reference date;
the next one only when the clause says the event is still to come ("will",
"scheduled", "later this month"). Without a reference date nothing is guessed:
the value keeps only what the words state (month and day, a weekday, a phrase).
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from reconcile.data import calendar as cal
from reconcile.data import numbers as num
from reconcile.data.speech import REPORTING_VERBS
from reconcile.model import DateMention, DateValue, Granularity


def _names(words: Iterable[str]) -> str:
    """Capitalised and upper-case forms only: lower-case "may" and "march" are verbs."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, any white space between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


_MONTH = rf"(?P<mon>{_names([*cal.MONTHS, *cal.MONTH_ABBREVIATIONS])})(?![a-z])\.?"
_MONTH_FULL = rf"(?P<mon>{_names(cal.MONTHS)})(?![a-z])"
_WEEKDAY_LEAD = rf"(?:(?P<wd>{_names([*cal.WEEKDAYS, *cal.WEEKDAY_ABBREVIATIONS])})(?![a-z])\.?,?\s+)?"
_MOD = rf"(?:(?P<mod>(?i:{_phrases(cal.STRICT_MODIFIERS)}|this))\s+)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[12]\d{3})"
_COUNT_WORDS = {**num.ONES, **num.TEENS, **num.TENS, "a": 1, "an": 1}

_DIGITS = tuple("0123456789")
_ANY_MONTH = (*cal.MONTHS, *cal.MONTH_ABBREVIATIONS)
_FORMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    # kind, pattern, and what it cannot match without (see _GATES)
    ("date", rf"{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)", (_DIGITS,)),
    ("date", rf"{_WEEKDAY_LEAD}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", (_ANY_MONTH, _DIGITS)),
    ("date", rf"{_WEEKDAY_LEAD}(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
     (_ANY_MONTH, _DIGITS)),
    ("month", rf"{_MONTH},?\s+{_YEAR}", (_ANY_MONTH, _DIGITS)),
    ("month", rf"(?:(?P<part>(?i:early|mid|late))[-\s]+)?{_MOD}{_MONTH_FULL}", (tuple(cal.MONTHS),)),
    ("year", _YEAR, (_DIGITS,)),
    ("weekday", rf"{_MOD}(?P<wd>{_names(cal.WEEKDAYS)})(?![a-z])", (tuple(cal.WEEKDAYS),)),
    ("relative", rf"(?P<rel>(?i:{_phrases(cal.RELATIVE)}))", (tuple({p.split()[-1] for p in cal.RELATIVE}),)),
    ("vague", rf"(?P<rel>(?i:{_phrases(cal.VAGUE_PAST)}))", (cal.VAGUE_PAST,)),
    (
        "ago",
        rf"(?i:(?P<n>\d{{1,3}}|{_phrases(_COUNT_WORDS)})\s+(?P<unit>{_phrases(cal.AGO_UNITS)})\s+ago)",
        (("ago",),),
    ),
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?<![\w$€£¥])(?:{body})(?![\w%])")) for kind, body, _ in _FORMS
)
_GATES: tuple[tuple[tuple[str, ...], ...], ...] = tuple(gate for *_, gate in _FORMS)
"""What each pattern cannot match without, as lower-case substrings (one of each
group): most sentences hold no month, weekday or "ago", and a substring test is
far cheaper than running a pattern that may start anywhere."""
_LEADING_WORDS = re.compile(r"(?i:(?:(?:on|in|at|during|since|by|until|of)\s+)?(?:(?:a|an)\s+)?)")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[\s-]+$")  # anchored: no retry at every start
_FUTURE = re.compile(rf"(?i)(?<![\w'])(?:{_phrases(cal.FUTURE_CUES)})(?!\w)")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–!?]|\.(?=\s+[A-Z])")
_REPORTED = re.compile(rf"(?i)\b(?:{_phrases(REPORTING_VERBS)})(?:\s+(?:on|late|early))?\s+$")
_CLAUSE_OPENER = re.compile(rf"(?i)\b(?:{_phrases(cal.CLAUSE_OPENERS)})\b")


@dataclass(frozen=True)
class _Read:
    """What the words state, before any reference date is applied."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    phrase: str = ""  # relative wording, lower case, single spaces
    count: int = 0  # "two days ago"
    forced: bool | None = None  # direction forced by "last"/"next"


def _read(kind: str, m: re.Match[str]) -> _Read | None:
    g = m.groupdict()
    phrase = " ".join(m.group(0).lower().split())
    forced = cal.STRICT_MODIFIERS.get(" ".join(g["mod"].lower().split())) if g.get("mod") else None
    if kind in ("relative", "vague"):
        return _Read(kind, phrase=" ".join(g["rel"].lower().split()))
    if kind == "ago":
        n = g["n"].lower()
        return _Read(kind, phrase=phrase, count=int(n) if n.isdigit() else _COUNT_WORDS[n])
    if kind == "weekday":
        return _Read(kind, weekday=cal.WEEKDAYS[g["wd"].lower()], forced=forced)
    year = int(g["y"]) if g.get("y") else None
    if kind == "year":
        return _Read(kind, year=year)
    name = (g.get("mon") or "").lower()
    month = int(g["m"]) if g.get("m") else cal.MONTHS.get(name) or cal.MONTH_ABBREVIATIONS[name]
    if kind == "month":
        return _Read(kind, year=year, month=month, forced=forced)
    day = int(g["d"])
    if not 1 <= month <= 12 or not 1 <= day <= _calendar.monthrange(year or 2000, month)[1]:
        return None
    wd = g.get("wd")
    weekday = None if not wd else cal.WEEKDAYS.get(wd.lower(), cal.WEEKDAY_ABBREVIATIONS.get(wd.lower()))
    return _Read(kind, year=year, month=month, day=day, weekday=weekday)


def _month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _period(unit: str, around: date) -> tuple[date, date]:
    """The calendar day, Monday-Sunday week, month or year holding a date."""
    if unit == "day":
        return around, around
    if unit == "week":
        monday = around - timedelta(days=around.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return around.replace(day=1), _month_end(around.year, around.month)
    return date(around.year, 1, 1), date(around.year, 12, 31)


_GRANULARITY = {
    "day": Granularity.DAY, "week": Granularity.WEEK, "month": Granularity.MONTH, "year": Granularity.YEAR
}


def _of_period(unit: str, first: date, last: date, relative: str, future: bool) -> DateValue:
    return DateValue(
        _GRANULARITY[unit],
        year=first.year if unit != "week" else None,
        month=first.month if unit in ("day", "month") else None,
        day=first.day if unit == "day" else None,
        earliest=first,
        latest=last,
        relative=relative,
        future=future,
    )


def _shifted(unit: str, reference: date, shift: int) -> date:
    if unit == "day":
        return reference + timedelta(days=shift)
    if unit == "week":
        return reference + timedelta(weeks=shift)
    if unit == "month":
        year, month = _shift_month(reference, shift)
        return date(year, month, 1)
    return date(reference.year + shift, 1, 1)


def _infer_year(month: int, day: int, reference: date, future: bool) -> int | None:
    year = reference.year
    for candidate in (year, year - 1, year + 1) if not future else (year, year + 1, year - 1):
        try:
            when = date(candidate, month, day)
        except ValueError:
            continue
        if when <= reference if not future else when >= reference:
            return candidate
    return None


def _resolve(r: _Read, reference: date | None, future: bool) -> DateValue:
    future = r.forced if r.forced is not None else future
    if r.kind in ("relative", "vague", "ago"):
        return _resolve_relative(r, reference, future)
    if r.kind == "year":
        assert r.year is not None
        return _of_period("year", date(r.year, 1, 1), date(r.year, 12, 31), "", future)
    if r.kind == "weekday":
        assert r.weekday is not None
        if reference is None:
            return DateValue(Granularity.WEEKDAY, weekday=r.weekday, future=future)
        step = (r.weekday - reference.weekday()) % 7 if future else (reference.weekday() - r.weekday) % 7
        if step == 0 and r.forced is not None:
            step = 7
        day = reference + timedelta(days=step if future else -step)
        return DateValue(
            Granularity.DAY, day.year, day.month, day.day, r.weekday, day, day, future=future
        )
    assert r.month is not None
    year = r.year
    if r.kind == "month":
        if year is None and reference is not None:
            year = reference.year
            if future and (r.month < reference.month or (r.forced and r.month == reference.month)):
                year += 1
            if not future and (r.month > reference.month or (r.forced is False and r.month == reference.month)):
                year -= 1
        if year is None:
            return DateValue(Granularity.MONTH, month=r.month, future=future)
        return _of_period("month", date(year, r.month, 1), _month_end(year, r.month), "", future)
    assert r.day is not None
    if year is None and reference is not None:
        year = _infer_year(r.month, r.day, reference, future)
    when = date(year, r.month, r.day) if year is not None else None
    return DateValue(Granularity.DAY, year, r.month, r.day, r.weekday, when, when, future=future)


def _resolve_relative(r: _Read, reference: date | None, future: bool) -> DateValue:
    if r.kind == "vague":
        return DateValue(Granularity.VAGUE, latest=reference, relative=r.phrase, future=False)
    if r.kind == "ago":
        unit = cal.AGO_UNITS[r.phrase.split()[-2]]
        if reference is None:
            return DateValue(Granularity.VAGUE, relative=r.phrase)
        first, last = _period(unit, _shifted(unit, reference, -r.count))
        return _of_period(unit, first, last, r.phrase, False)
    unit, shift, part = cal.RELATIVE[r.phrase]
    future = future or shift > 0 or part == "after"
    if reference is None:
        return DateValue(Granularity.VAGUE, relative=r.phrase, future=future)
    first, last = _period(unit, _shifted(unit, reference, shift))
    if part == "before":
        last = min(last, reference)
    elif part == "after":
        first = min(max(first, reference + timedelta(days=1)), last)
    return _of_period(unit, first, last, r.phrase, future)


def normalise(expression: str, reference: date | None = None, future: bool = False) -> DateValue | None:
    """Read one date expression ("on Nov. 1", "later this month") into a value.

    ``future`` picks the next matching date instead of the last one; relative
    phrases that point ahead ("next week", "later this month") are future anyway.
    """
    text = expression.strip()
    text = text[_LEADING_WORDS.match(text).end() :]  # type: ignore[union-attr]
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            r = _read(kind, m)
            return _resolve(r, reference, future) if r else None
    return None


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, 0, start)
    return m.group(1).lower() if m else ""


def _admissible(kind: str, m: re.Match[str], text: str) -> bool:
    """Keep the readings that are dates in running text, not look-alikes.

    A bare year needs a preposition ("in 2023", not "2023 workers") or "a" ("a 1997
    outbreak"); "May" alone
    always needs one (the modal verb); another month alone followed by a
    capitalised word needs "in", "since"... ("June Carter" is a name).
    """
    if kind == "year":
        before = _word_before(text, m.start())
        return before in cal.DATE_PREPOSITIONS or before in cal.YEAR_ARTICLES
    if kind == "month" and m.group("mon") and not m.groupdict().get("y"):
        led = bool(m.groupdict().get("part") or m.groupdict().get("mod"))
        led = led or _word_before(text, m.start()) in cal.DATE_PREPOSITIONS
        if m.group("mon").lower() in cal.MONTHS_NEEDING_PREPOSITION:
            return led
        if re.match(r"\s+[A-Z]", text[m.end() :]):
            return bool(m.groupdict().get("part") or m.groupdict().get("mod")) or (
                _word_before(text, m.start()) in cal.MONTH_PREPOSITIONS
            )
        return True
    return True


def _future_context(text: str, start: int, end: int) -> bool:
    """Is the clause holding the date about something to come?

    The clause runs between punctuation marks and stops at a word opening
    another clause ("told him that China will..."); a date opening the sentence
    ("On Nov. 15, leaders will meet") belongs to the clause after its comma,
    and a date right after "said" dates the saying, which is past.
    """
    if _REPORTED.search(text, 0, start):
        return False
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text)]
    before = [b for b in breaks if b < start]
    after = [b for b in breaks if b >= end]
    low = before[-1] + 1 if before else 0
    high = after[0] if after else len(text)
    if not text[:low].strip() and after and text[high] == ",":
        high = after[1] if len(after) > 1 else len(text)
    opener = _CLAUSE_OPENER.search(text, end, high)
    if opener:
        high = opener.start()
    return bool(_FUTURE.search(text, low, start) or _FUTURE.search(text, end, high))


def find_dates(text: str, offset: int = 0, reference: date | None = None) -> list[DateMention]:
    """Date expressions of a sentence, longest reading first, with document offsets."""
    lowered = text.lower()
    found = sorted(
        (
            (m.start(), -m.end(), i, kind, m)
            for i, ((kind, pattern), gate) in enumerate(zip(_PATTERNS, _GATES))
            if all(any(word in lowered for word in group) for group in gate)
            for m in pattern.finditer(text)
        ),
        key=lambda c: c[:3],
    )
    mentions: list[DateMention] = []
    taken = 0
    for start, neg_end, _, kind, m in found:
        if start < taken or not _admissible(kind, m, text):
            continue
        r = _read(kind, m)
        if r is None:
            continue
        value = _resolve(r, reference, _future_context(text, start, -neg_end))
        mentions.append(DateMention(offset + start, offset - neg_end, m.group(0), value))
        taken = -neg_end
    return mentions


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


def compatible(a: DateValue, b: DateValue) -> bool:
    """Could both values describe the same time? Unknown parts never conflict."""
    for vague, other in ((a, b), (b, a)):
        if vague.granularity is Granularity.VAGUE:
            if vague.latest and other.earliest and other.earliest > vague.latest:
                return False
            if vague.earliest and other.latest and other.latest < vague.earliest:
                return False
    if Granularity.VAGUE in (a.granularity, b.granularity):
        ago_a, ago_b = _ago(a), _ago(b)  # unresolved: both counted from one unknown day
        return ago_a is None or ago_b is None or ago_a == ago_b or ago_a[1] != ago_b[1]
    if a.earliest and a.latest and b.earliest and b.latest:
        return a.earliest <= b.latest and b.earliest <= a.latest
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day), (_weekday_of(a), _weekday_of(b))):
        if x is not None and y is not None and x != y:
            return False
    return True


def supports(given: DateValue, claimed: DateValue) -> bool:
    """Does a source's date state what a claim's date says (not merely fit it)?

    Every part the claim names (year, month, day, weekday) must be named alike,
    or the source's interval lie within the claim's. A vague claim ("recently")
    asks for nothing; an unresolved "35 years ago" asks for the same count.
    """
    if claimed.granularity is Granularity.VAGUE:
        ago = _ago(claimed)
        return ago is None or _ago(given) == ago
    if claimed.earliest and claimed.latest and given.earliest and given.latest \
            and claimed.earliest <= given.earliest and given.latest <= claimed.latest:
        return True
    parts = [(c, g) for c, g in ((claimed.year, given.year), (claimed.month, given.month),
                                 (claimed.day, given.day), (_weekday_of(claimed), _weekday_of(given)))
             if c is not None]
    return bool(parts) and all(c == g for c, g in parts)


_AGO = re.compile(rf"(?P<n>\d{{1,3}}|{_phrases(_COUNT_WORDS)})\s+(?P<unit>{_phrases(cal.AGO_UNITS)})\s+ago")


def _ago(v: DateValue) -> tuple[int, str] | None:
    """(count, unit) of an unresolved "35 years ago"."""
    m = _AGO.fullmatch(v.relative) if v.granularity is Granularity.VAGUE and v.relative else None
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else _COUNT_WORDS[n], cal.AGO_UNITS[m.group("unit")]


def _span(v: DateValue) -> str:
    if v.earliest is None and v.latest is None:
        return ""
    if v.earliest == v.latest:
        return str(v.earliest)
    return f"{v.earliest or ''}..{v.latest or ''}"


def describe(value: DateValue) -> str:
    """Short deterministic form: "2023-11-01 (Wed)", "2023-06", "later this month (2023-11-04..2023-11-30)"."""
    v = value
    if v.relative:
        span = _span(v)
        return f"{v.relative} ({span})" if span else v.relative
    year = f"{v.year:04d}" if v.year is not None else "-"
    if v.granularity is Granularity.DAY:
        weekday = _weekday_of(v)
        text = f"{year}-{v.month:02d}-{v.day:02d}"
        return f"{text} ({cal.WEEKDAY_SHORT[weekday]})" if weekday is not None else text
    if v.granularity is Granularity.MONTH:
        return f"{year}-{v.month:02d}"
    if v.granularity is Granularity.YEAR:
        return year
    if v.granularity is Granularity.WEEKDAY and v.weekday is not None:
        return list(cal.WEEKDAYS)[v.weekday].capitalize()
    return _span(v) or v.granularity.value
