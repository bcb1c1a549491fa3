"""The merged timeline: every source's time claims in one system, and the
smallest sets of claims that cannot all hold.

Each claim is a difference constraint over days: a date bounds an event's
day ("on Nov. 1": day(meeting) in [Nov 1, Nov 1]), a relation bounds the days
between two events ("a day after": day(statement) - day(ban) = 1, "follows":
day(meeting) - day(ban) >= 0, and the meeting came later, if on the same day).
The system is consistent exactly when its constraint graph has no negative
cycle (Bellman-Ford, weights compared as days, then order within a day); a
negative cycle is a set of claims that cannot all hold, shrunk to an
irreducible one by dropping sentences while the rest still conflict.

A claim rests on sentences: usually the one that states it, but "on Friday"
with no publication date means the Friday nearest to a date told nearby, so
it rests on that sentence too, and on the sentences that fix the year (a
weekday and a date of one event, "Wednesday" and "Nov. 1": 2023). The minimal
set is a minimal set of *sentences*, which is what a fact-checker reads.

With no publication date nothing is guessed beyond that: a month and day take
the year the weekdays point to; "later this month" is read against the
article's latest date, widened by `Settings.reference_slack`.
"""

from __future__ import annotations

import calendar
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from reconcile import events as ev
from reconcile import judgement
from reconcile.facts import extract as facts_extract
from reconcile.data import events as words
from reconcile.data import numbers as num
from reconcile.facts import dates
from reconcile.model import (
    Claim,
    ComparedFact,
    DatedEvent,
    DateMention,
    DateValue,
    Document,
    Evidence,
    Facts,
    Finding,
    Granularity,
    Key,
    Kind,
    Sentence,
)
from reconcile.rules import rule_for
from reconcile.settings import Settings

if TYPE_CHECKING:
    from reconcile.api import Analysis

Support = frozenset[Key]
_VIRTUAL_YEAR = 2000  # a leap year: month-and-day dates keep their order, Feb. 29 included


@dataclass(frozen=True)
class TimeClaim:
    """One bound a source puts on when something happened.

    With ``other`` None: the event's day (a date ordinal) lies in [low, high];
    else the days from ``other`` to ``event`` do. None is unbounded."""

    kind: str  # "date", "weekday" (a weekday read as a date), "relative", "offset", "order"
    event: int
    other: int | None
    low: int | None
    high: int | None
    supports: tuple[Support, ...]  # alternative sets of sentences it rests on
    source: int
    sentence: int  # the sentence that states it
    spans: tuple[tuple[int, int], ...]  # what to highlight there
    text: str  # the words as written: "Nov. 1", "on Friday", "a day after"
    note: str = ""  # how it was read: "the Friday nearest to Nov. 1"


@dataclass(frozen=True)
class Placed:
    """An event on the merged timeline."""

    event: ev.Event
    label: str  # "the meeting", with names when two events share a word
    earliest: date | None
    latest: date | None
    claims: tuple[TimeClaim, ...]  # every claim about it, conflicting ones too
    conflicts: tuple[int, ...]  # indexes into Timeline.findings


@dataclass(frozen=True)
class Timeline:
    paths: tuple[str, ...]
    year: int | None  # the year month-and-day dates were read in; None: unknown
    events: tuple[Placed, ...]  # in time order, undated last
    findings: tuple[Finding, ...]  # order, date and weekday contradictions
    readings: tuple[ev.Reading, ...] = field(repr=False, default=())
    event_of: dict[ev.Ref, int] = field(repr=False, default_factory=dict)
    lines: dict[Key, int] = field(repr=False, default_factory=dict)  # line of each sentence


# -- words -------------------------------------------------------------------


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


def _span_words(low: date | None, high: date | None, year_known: bool) -> str:
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


# -- the year ----------------------------------------------------------------


@dataclass(frozen=True)
class _Year:
    value: int | None
    supports: tuple[Support, ...]  # () when no sentence is needed (a publication date)
    inferred: bool
    shown: bool = True  # False: a calendar that fits the weekdays, not a year anyone states


_CALENDAR_YEARS = range(_VIRTUAL_YEAR, _VIRTUAL_YEAR + 28)  # every weekday pattern, leap years too


def _pairs_fit(year: int, pairs: Sequence[tuple[int, int, int, Support]]) -> list[Support]:
    fit = []
    for month, day, weekday, support in pairs:
        try:
            if date(year, month, day).weekday() == weekday:
                fit.append(support)
        except ValueError:
            pass
    return fit


def _choose_year(
    pairs: Sequence[tuple[int, int, int, Support]],
    stated: dict[int, list[Support]],
    today: date | None,
) -> _Year:
    """The year month-and-day dates are read in when no publication date says:
    one a source states, never one guessed from the clock (a report must not
    change with the day it is run on).

    Weekday-and-date pairs ("Wednesday" and "Nov. 1" of one meeting) decide among
    the stated years: the one that fits most of them, on a tie the latest. A year
    that would put a paired day after ``today`` is out. Without pairs, the latest
    year a source states: articles look back, so the latest is the nearest to "now"."""
    if not stated:
        return _calendar(pairs)
    days = {(m, d) for m, d, _, _ in pairs}

    def not_future(y: int) -> bool:
        return today is None or all((day := _safe_date(y, m, d)) is None or day <= today for m, d in days)

    candidates = sorted((y for y in stated if not_future(y)), reverse=True) or [max(stated)]
    if pairs:
        kinds = Counter((m, d, w) for m, d, w, _ in pairs)

        def fits(y: int) -> int:
            return sum(n for (m, d, w), n in kinds.items() if (day := _safe_date(y, m, d)) and day.weekday() == w)

        best = max(fits(y) for y in candidates)
        if best:
            year = next(y for y in candidates if fits(y) == best)
            return _Year(year, _best(_pairs_fit(year, pairs)), True)
    year = candidates[0]
    return _Year(year, _best(stated[year]), True)


def _calendar(pairs: Sequence[tuple[int, int, int, Support]]) -> _Year:
    """With no year stated, a calendar in which the weekday-and-date pairs hold,
    to count days from a weekday ("Wednesday, Nov. 1" ... "on Friday" is Nov. 3);
    any such calendar gives the same days, and none is shown as the year."""
    def fits(y: int) -> int:
        return len(_pairs_fit(y, pairs))

    best = max(_CALENDAR_YEARS, key=fits, default=None) if pairs else None
    if best is None or not fits(best):
        return _Year(None, (), False)
    return _Year(best, _best(_pairs_fit(best, pairs)), True, shown=False)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- claims ------------------------------------------------------------------


_ALTERNATIVES = 3
"""A claim keeps at most this many alternative grounds, those with the fewest
sources and sentences first: more only slow the search for a minimal set when a
hundred sources repeat one date."""


def _best(supports: Iterable[Support]) -> tuple[Support, ...]:
    # a subset never has more sources or sentences, so it comes first
    ordered = sorted(set(supports), key=lambda s: (len({k[0] for k in s}), len(s), sorted(s)))
    kept: list[Support] = []
    for s in ordered:
        if not any(o < s for o in kept):
            kept.append(s)
            if len(kept) == _ALTERNATIVES:
                break
    return tuple(kept)


def _cross(*groups: Sequence[Support]) -> tuple[Support, ...]:
    """Ways of taking one alternative from each group, the most compact first."""
    out: list[Support] = [frozenset()]
    for group in groups:
        if group:
            out = list(_best(a | b for a in out for b in group))
    return tuple(out)


def _nearest_weekday(base: date, weekday: int) -> date:
    ahead = (weekday - base.weekday()) % 7
    return base + timedelta(days=ahead if ahead <= 3 else ahead - 7)


@dataclass
class _Builder:
    docs: Sequence[Document]
    claims: Sequence[Sequence[Claim]]
    settings: Settings
    today: date | None

    def __post_init__(self) -> None:
        self.readings = [ev.read(d, c, i, self.settings) for i, (d, c) in enumerate(zip(self.docs, self.claims))]
        self.events = ev.match(self.readings, self.settings)
        self.event_of: dict[ev.Ref, int] = {ref: e.id for e in self.events for ref in e.members}
        self.sentence: dict[Key, Sentence] = {
            (c.sentence.source, c.sentence.index): c.sentence for cs in self.claims for c in cs
        }
        self.people = {e.id: _people(e, self.readings) for e in self.events}
        self.year = self._year()
        self.found: list[TimeClaim] = []
        self.single: list[Finding] = []  # weekdays that do not fit their own date
        self.references: dict[int, tuple[date, Key, DateValue] | None] = {}

    # what a source's date mention pins down

    @property
    def year_shown(self) -> bool:
        """Is the year dates are read in one to print (stated or published)?"""
        return self.year.shown and self.year.value is not None

    def _undated(self, source: int) -> bool:
        return self.docs[source].published is None

    def _mentions_with_dates(self) -> Iterable[tuple[ev.Mention, DateMention]]:
        for r in self.readings:
            for m in r.mentions:
                for d in m.anchors:
                    yield m, d

    def _year(self) -> _Year:
        pairs: list[tuple[int, int, int, Support]] = []
        stated: dict[int, list[Support]] = {}
        for cs in self.claims:
            for c in cs:
                key = (c.sentence.source, c.sentence.index)
                for d in c.facts.dates:
                    v = d.value
                    if v.year is not None and self._undated(key[0]) and not v.relative and not v.future:
                        stated.setdefault(v.year, []).append(frozenset({key}))
                    if self._undated(key[0]) and v.year is None and v.month and v.day and v.weekday is not None:
                        pairs.append((v.month, v.day, v.weekday, frozenset({key})))
        for e in self.events:
            days, weekdays = [], []
            for s, i in e.members:
                m = self.readings[s].mentions[i]
                if not self._undated(s):
                    continue
                for d in m.anchors:
                    v = d.value
                    if v.granularity is Granularity.DAY and v.year is None and v.month and v.day:
                        days.append((v.month, v.day, (s, m.sentence)))
                    elif v.granularity is Granularity.WEEKDAY and v.weekday is not None:
                        weekdays.append((v.weekday, (s, m.sentence)))
            for month, day, a in days:
                for weekday, b in weekdays:
                    pairs.append((month, day, weekday, frozenset({a, b})))
        published = [d.published.year for d in self.docs if d.published]
        if not stated and published:
            return _Year(max(published), (), False)
        return _choose_year(pairs, stated, self.today)

    def _interval(self, v: DateValue) -> tuple[date | None, date | None] | None:
        """The days a value allows, reading a missing year as the run's year."""
        if v.earliest is not None or v.latest is not None:
            if v.granularity is Granularity.VAGUE:
                return (None, v.latest) if v.latest else None
            return v.earliest, v.latest
        year = v.year or self.year.value or _VIRTUAL_YEAR
        if v.granularity is Granularity.DAY and v.month and v.day:
            day = _safe_date(year, v.month, v.day)
            return (day, day) if day else None
        if v.granularity is Granularity.MONTH and v.month:
            first = date(year, v.month, 1)
            nxt = date(year + (v.month == 12), v.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if v.granularity is Granularity.YEAR and v.year:
            return date(v.year, 1, 1), date(v.year, 12, 31)
        return None

    def _year_supports(self, v: DateValue) -> tuple[Support, ...]:
        """The sentences a missing year rests on (none when stated or published)."""
        return self.year.supports if v.year is None and self.year.inferred else ()

    def _reference(self, source: int) -> tuple[date, Key, DateValue] | None:
        """An undated article's latest stated day: it was written then or later."""
        if source not in self.references:
            self.references[source] = self._latest_day(source)
        return self.references[source]

    def _latest_day(self, source: int) -> tuple[date, Key, DateValue] | None:
        best: tuple[date, Key, DateValue] | None = None
        for c in self.claims[source]:
            for d in c.facts.dates:
                v = d.value
                if v.granularity is Granularity.DAY and v.month and v.day and not v.relative and not v.future:
                    span = self._interval(v)
                    if span and span[0] and (best is None or span[0] > best[0]):
                        best = (span[0], (source, c.sentence.index), v)
        return best

    def _relative(self, d: DateMention, source: int) -> tuple[date | None, date | None, Support, str] | None:
        """A relative date of an undated article, read against its latest stated
        day and up to `reference_slack` days after it."""
        ref = self._reference(source)
        if ref is None:
            return None
        day, key, _ = ref
        readings = [
            dates.normalise(d.text, day + timedelta(days=k), d.value.future)
            for k in (0, self.settings.reference_slack)
        ]
        spans = [self._interval(r) for r in readings if r is not None]
        spans = [s for s in spans if s is not None]
        if len(spans) != 2:
            return None
        lows = [s[0] for s in spans]
        highs = [s[1] for s in spans]
        low = None if None in lows else min(lows)  # type: ignore[type-var]
        high = None if None in highs else max(highs)  # type: ignore[type-var]
        note = f"read from {short_day(day, self.year_shown)}, the article's latest date"
        return low, high, frozenset({key}), note

    def _add(self, **kw: Any) -> TimeClaim:
        claim = TimeClaim(**kw)
        self.found.append(claim)
        return claim

    def anchors(self) -> None:
        """Bounds each date puts on its event; bare weekdays last, as they are
        read against the dates found first."""
        later: list[tuple[ev.Mention, DateMention, int]] = []
        for m, d in self._mentions_with_dates():
            e = self.event_of[(m.source, m.index)]
            key = (m.source, m.sentence)
            v = d.value
            spans = ((m.trigger.start, m.trigger.end), (d.start, d.end))
            base = dict(event=e, other=None, source=m.source, sentence=m.sentence, spans=spans, text=d.text)
            if v.granularity is Granularity.WEEKDAY or (v.granularity is Granularity.VAGUE and v.weekday is not None):
                later.append((m, d, e))
                continue
            if v.relative and v.earliest is None and v.latest is None:
                if not self._undated(m.source):
                    continue
                read = self._relative(d, m.source)
                if read is None:
                    continue
                low, high, ref, note = read
                self._add(
                    kind="relative", low=_ord(low), high=_ord(high),
                    supports=_cross([frozenset({key}) | ref], self.year.supports if self.year.inferred else ()),
                    note=note, **base,
                )
                continue
            span = self._interval(v)
            if span is None or span == (None, None):
                continue
            supports = _cross([frozenset({key})], self._year_supports(v))
            self._add(kind="date", low=_ord(span[0]), high=_ord(span[1]), supports=(frozenset({key}),), **base)
            if v.weekday is not None and v.year is None and self.year.value and span[0] == span[1]:
                day = _nearest_weekday(span[0], v.weekday)  # type: ignore[arg-type]
                self._add(
                    kind="weekday", low=day.toordinal(), high=day.toordinal(), supports=supports,
                    note=f"{day.strftime('%A')} nearest to {short_day(span[0], self.year_shown)}", **base,  # type: ignore[arg-type]
                )
        for m, d, e in later:
            self._weekday(m, d, e)

    def _weekday(self, m: ev.Mention, d: DateMention, e: int) -> None:
        """A bare weekday of an undated article: the day of that name nearest to
        its event's own dates, else to a date told close by."""
        if not self._undated(m.source) or d.value.weekday is None:
            return
        key = (m.source, m.sentence)
        own = [c for c in self.found if c.event == e and c.kind == "date" and c.low is not None and c.low == c.high]
        own.sort(key=lambda c: (c.source != m.source, c.source, c.sentence))  # its own article's first
        bases: list[tuple[date, tuple[Support, ...], bool]] = [
            (date.fromordinal(c.low), c.supports, self._explicit_year(c))  # type: ignore[arg-type]
            for c in own[:_ALTERNATIVES]
        ]
        if not bases:
            near = self._nearby_date(m.source, m.sentence)
            if near:
                bases = [near]
        for base, supports, explicit in bases:
            if not explicit and not self.year.value:
                continue
            day = _nearest_weekday(base, d.value.weekday)
            self._add(
                kind="weekday", event=e, other=None, low=day.toordinal(), high=day.toordinal(),
                supports=_cross([frozenset({key})], supports, () if explicit else self.year.supports),
                source=m.source, sentence=m.sentence,
                spans=((m.trigger.start, m.trigger.end), (d.start, d.end)), text=d.text,
                note=f"the {day.strftime('%A')} nearest to {short_day(base, self.year_shown)}",
            )

    def _explicit_year(self, c: TimeClaim) -> bool:
        claim = next(x for x in self.claims[c.source] if x.sentence.index == c.sentence)
        return any(d.value.year is not None for d in claim.facts.dates if (d.start, d.end) in c.spans)

    def _nearby_date(self, source: int, index: int) -> tuple[date, tuple[Support, ...], bool] | None:
        window = self.settings.weekday_context
        found: list[tuple[int, date, Key, bool]] = []
        for c in self.claims[source]:
            gap = index - c.sentence.index
            if abs(gap) > window:
                continue
            for d in c.facts.dates:
                v = d.value
                if v.granularity is Granularity.DAY and v.month and v.day and not v.relative:
                    span = self._interval(v)
                    if span and span[0]:
                        # before it first, nearest first
                        found.append((gap if gap >= 0 else window + 1 - gap, span[0], (source, c.sentence.index), v.year is not None))
        if not found:
            return None
        _, day, key, explicit = min(found, key=lambda f: (f[0], f[1]))
        return day, (frozenset({key}),), explicit

    def misfits(self) -> None:
        """Weekdays that do not fit the full date they are given with
        ("Tuesday, Nov. 1, 2023"), whatever event they date."""
        rule = rule_for(Kind.CONTRADICTION, "weekday")
        for cs in self.claims:
            for c in cs:
                s = c.sentence
                for d in c.facts.dates:
                    v = d.value
                    if dates.weekday_fits(v) is not False:
                        continue
                    actual = date(v.year, v.month, v.day)  # type: ignore[arg-type]
                    said = calendar.day_name[v.weekday]  # type: ignore[index]
                    self.single.append(
                        Finding(
                            kind=Kind.CONTRADICTION,
                            type="weekday",
                            rule=rule.id,
                            reason=f"{short_day(actual, True)} was a {actual.strftime('%A')}, not a {said}",
                            score=1.0,
                            evidence=(
                                judgement.evidence(self.docs[s.source], s.source, s.start, s.end, [(d.start, d.end)], d.text),
                            ),
                            facts=(ComparedFact(s.source, d.text, dates.describe(v)),),
                        )
                    )

    def relations(self) -> None:
        for r in self.readings:
            for rel in r.relations:
                a = self.event_of[(r.source, rel.mention)]
                b = self.event_of[(r.source, rel.other)]
                if a == b:
                    continue
                ma, mb = r.mentions[rel.mention], r.mentions[rel.other]
                exact = rel.low is not None and rel.high is not None
                self._add(
                    kind="offset" if exact else "order", event=a, other=b, low=rel.low, high=rel.high,
                    supports=(frozenset({(r.source, rel.sentence)}),), source=r.source, sentence=rel.sentence,
                    spans=((rel.start, rel.end), (ma.trigger.start, ma.trigger.end), (mb.trigger.start, mb.trigger.end)),
                    text=rel.text,
                )


def _ord(day: date | None) -> int | None:
    return day.toordinal() if day is not None else None


# -- solving -----------------------------------------------------------------

Weight = tuple[int, float]  # (days, instants): compared in that order
Edge = tuple[int, int, Weight, int]  # (from, to, weight, claim index): time(to) - time(from) <= weight
_ANY: float = float("inf")  # a bound on days says nothing of the order within a day
_ZERO: Weight = (0, 0)


def _edges(claims: Sequence[TimeClaim], origin: int, keep: Iterable[int]) -> list[Edge]:
    """Each bound as an edge. "After" and "before" are strict: the event came
    later, if perhaps on the same day; so "X after Y" and "Y after X" cannot both
    hold, while "after the meeting" and "on the day of the meeting" can."""
    out: list[Edge] = []
    for k in keep:
        c = claims[k]
        b = origin if c.other is None else c.other
        strict = c.kind == "order"
        if c.high is not None:
            out.append((b, c.event, (c.high, -1 if strict and c.high == 0 else _ANY), k))
        if c.low is not None:
            out.append((c.event, b, (-c.low, -1 if strict and c.low == 0 else _ANY), k))
    return out


def _plus(a: Weight, b: Weight) -> Weight:
    return a[0] + b[0], a[1] + b[1]


def _pred_cycle(n: int, edges: Sequence[Edge], pred: Sequence[int]) -> list[int] | None:
    """A cycle of the predecessor graph, as edge indexes in path order."""
    state = [0] * n  # 0 unseen, else the walk that saw it
    for start in range(n):
        if state[start]:
            continue
        walk = start + 1
        v = start
        while v != -1 and not state[v]:
            state[v] = walk
            v = edges[pred[v]][0] if pred[v] != -1 else -1
        if v != -1 and state[v] == walk:
            cycle = []
            u = v
            while True:
                k = pred[u]
                cycle.append(k)
                u = edges[k][0]
                if u == v:
                    break
            cycle.reverse()
            total = _ZERO
            for k in cycle:
                total = _plus(total, edges[k][2])
            if total < _ZERO:
                return cycle
    return None


def negative_cycle(n: int, edges: Sequence[Edge]) -> list[int] | None:
    """Edge indexes of a negative cycle, or None when the constraints can all hold."""
    dist: list[Weight] = [_ZERO] * n
    pred = [-1] * n
    for _ in range(n + 1):
        changed = False
        for i, (u, v, w, _) in enumerate(edges):
            d = (dist[u][0] + w[0], dist[u][1] + w[1])
            if d < dist[v]:
                dist[v] = d
                pred[v] = i
                changed = True
        if not changed:
            return None
        cycle = _pred_cycle(n, edges, pred)
        if cycle:
            return cycle
    return None  # not reached: n + 1 rounds always expose a negative cycle


def _shortest(n: int, edges: Sequence[Edge], start: int) -> list[float]:
    """Shortest distances in days from ``start`` (inf where unbounded)."""
    inf = float("inf")
    dist: list[float] = [inf] * n
    dist[start] = 0
    for _ in range(n):
        changed = False
        for u, v, w, _ in edges:
            if dist[u] + w[0] < dist[v]:
                dist[v] = dist[u] + w[0]
                changed = True
        if not changed:
            break
    return dist


@dataclass(frozen=True)
class Conflict:
    """Claims that cannot all hold, and the sentences they rest on."""

    sentences: tuple[Key, ...]  # minimal: without any one of them the rest can hold
    claims: tuple[int, ...]  # the negative cycle, in order
    used: tuple[int, ...]  # every claim those sentences make that bears on it


def _active(claims: Sequence[TimeClaim], pool: Iterable[int], kept: frozenset[Key]) -> list[int]:
    return [k for k in pool if any(s <= kept for s in claims[k].supports)]


def minimal_conflict(claims: Sequence[TimeClaim], n: int, cycle: Sequence[int], active: Sequence[int]) -> Conflict:
    """Shrink a negative cycle's claims to an irreducible set of sentences.

    What the cycle's sources say again elsewhere (the meeting's date in another
    sentence) are candidates too; sentences of the sources with the fewest
    sentences in play are dropped first, so a conflict is told with as few
    sources as it needs."""
    origin = n - 1
    pairs = {frozenset((claims[k].event, origin if claims[k].other is None else claims[k].other)) for k in cycle}
    sources = {claims[k].source for k in cycle}
    pool_claims = set(cycle) | {
        k for k in active
        if claims[k].source in sources
        and frozenset((claims[k].event, origin if claims[k].other is None else claims[k].other)) in pairs
    }
    kept: set[Key] = set()
    for k in pool_claims:
        for s in claims[k].supports:
            kept |= s
    pool_claims |= {k for k in active if any(s <= kept for s in claims[k].supports)}
    per_source = Counter(s for s, _ in kept)
    current = frozenset(kept)
    for key in sorted(kept, key=lambda x: (per_source[x[0]], x[0], x[1])):
        trial = current - {key}
        if negative_cycle(n, _edges(claims, origin, _active(claims, pool_claims, trial))) is not None:
            current = trial
    used = _active(claims, pool_claims, current)
    edges = _edges(claims, origin, used)
    found = negative_cycle(n, edges)
    assert found is not None
    order = list(dict.fromkeys(edges[i][3] for i in found))
    return Conflict(tuple(sorted(current)), tuple(order), tuple(sorted(used)))


def solve(claims: Sequence[TimeClaim], n_events: int) -> tuple[list[Conflict], list[int]]:
    """The conflicts, one by one, and the claims left that can all hold.

    After each conflict its cycle's claims are set aside, so the same clash is
    never reported twice through a repeated claim."""
    n = n_events + 1
    origin = n_events
    active = list(range(len(claims)))
    conflicts: list[Conflict] = []
    while True:
        edges = _edges(claims, origin, active)
        cycle = negative_cycle(n, edges)
        if cycle is None:
            return conflicts, active
        conflict = minimal_conflict(claims, n, list(dict.fromkeys(edges[i][3] for i in cycle)), active)
        conflicts.append(conflict)
        gone = set(conflict.claims)
        active = [k for k in active if k not in gone]


# -- findings ----------------------------------------------------------------


def _people(e: ev.Event, readings: Sequence[ev.Reading]) -> list[str]:
    """The names an event's mentions give most, people and organisations first."""
    counts: Counter[str] = Counter()
    rank: dict[str, int] = {}
    for s, i in e.members:
        for p in readings[s].mentions[i].participants:
            counts[p.text] += 1
            rank[p.text] = 0 if p.kind.value in ("person", "org") else 1
    return sorted(counts, key=lambda t: (rank[t], -counts[t]))


def labels(chosen: Iterable[ev.Event], people_of: dict[int, list[str]]) -> dict[int, str]:
    """ "the meeting"; "the meeting of Joe Biden and Xi Jinping" when two of the
    chosen events share a word."""
    chosen = list(chosen)
    names = Counter(e.name for e in chosen)
    out = {}
    for e in chosen:
        label = f"the {e.name}"
        people = people_of[e.id][:2]
        if names[e.name] > 1 and people:
            label += " of " + " and ".join(people)
        out[e.id] = label
    return out


def _source_name(doc: Document) -> str:
    return os.path.basename(doc.path) or doc.path


class _Teller:
    """Puts a conflict into plain words for a reader."""

    def __init__(
        self, docs: Sequence[Document], claims: Sequence[TimeClaim], names: dict[int, str], year: _Year
    ) -> None:
        self.docs = docs
        self.claims = claims
        self.labels = names
        self.year_known = year.shown and year.value is not None

    def note(self, c: TimeClaim) -> str:
        """What one claim says, for the evidence line of its sentence."""
        name = self.labels[c.event]
        if c.other is not None:
            return f"{name} came {predicate(c.low, c.high, self.labels[c.other])} (“{c.text}”)"
        when = _span_words(_day(c.low), _day(c.high), self.year_known)
        return f"{name} {_on(when)} (“{c.text}”" + (f", {c.note})" if c.note else ")")

    def derivation(self, conflict: Conflict) -> str:
        """The story of a conflict: dates first, then what the relations make of
        them, then the claim that no longer fits."""
        cs = [self.claims[k] for k in conflict.claims]
        known: dict[int, int] = {}  # events pinned to one day so far
        parts = self._dates(cs, known)
        remaining = [c for c in cs if c.other is not None]
        while True:
            step = next((c for c in remaining if c.low is not None and c.low == c.high and
                         (c.event in known) != (c.other in known)), None)
            if step is None:
                break
            remaining.remove(step)
            fixed, moved = (step.event, step.other) if step.event in known else (step.other, step.event)
            assert moved is not None and fixed is not None and step.low is not None
            offset = step.low if moved == step.event else -step.low
            known[moved] = known[fixed] + offset
            parts.append(
                f"{self._source(step)} puts {self.labels[moved]} {predicate(offset, offset, self.labels[fixed])}, "
                f"i.e. {self._day(known[moved])}{self._versus(moved, remaining, known)}"
            )
        for c in remaining:
            assert c.other is not None
            said = f"{self._source(c)} says {self.labels[c.event]} came {predicate(c.low, c.high, self.labels[c.other])}"
            if c.low is not None and c.low == c.high and c.event in known and c.other in known:
                implied = known[c.other] + c.low
                if implied != known[c.event]:
                    said += f", i.e. {self._day(implied)}, not {self._day(known[c.event])}"
            parts.append(said)
        return "; ".join(parts)

    def _source(self, c: TimeClaim) -> str:
        return _source_name(self.docs[c.source])

    def _day(self, ordinal: int) -> str:
        return short_day(date.fromordinal(ordinal), False)

    def _dates(self, cs: Sequence[TimeClaim], known: dict[int, int]) -> list[str]:
        """ "the meeting was on Wednesday, Nov. 1, 2023" when the sources agree on
        it; each source's date when they do not."""
        by_event: dict[int, list[TimeClaim]] = {}
        for c in cs:
            if c.other is None:
                by_event.setdefault(c.event, []).append(c)
        parts = []
        for e, claims in sorted(by_event.items(), key=lambda kv: min(c.low or c.high or 0 for c in kv[1])):
            claims.sort(key=lambda c: (c.source, c.sentence))
            first = claims[0]
            if first.low is not None and first.low == first.high:
                known[e] = first.low
            if len({(c.low, c.high) for c in claims}) == 1:
                when = _span_words(_day(first.low), _day(first.high), self.year_known)
                parts.append(f"{self.labels[e]} was {_on(when)}")
                continue
            told = []
            for i, c in enumerate(claims):
                when = _on(_span_words(_day(c.low), _day(c.high), self.year_known))
                subject = self.labels[e] if i == 0 else "it"
                if c.kind == "weekday" and i > 0:
                    told.append(f"{self._source(c)} says {subject} was on a {c.text.split()[-1].capitalize()}")
                else:
                    told.append(f"{self._source(c)} puts {subject} {when}")
            parts.append("; ".join(told))
        return parts

    def _versus(self, moved: int, others: Sequence[TimeClaim], known: dict[int, int]) -> str:
        """ ", after the meeting" when a claim still to come relates the two."""
        for c in others:
            other = c.other if c.event == moved else c.event if c.other == moved else None
            if other is not None and other in known and known[other] != known[moved]:
                return f", {'after' if known[moved] > known[other] else 'before'} {self.labels[other]}"
        return ""


def _on(when: str) -> str:
    return when if when.startswith(("between", "on or", "at an")) else f"on {when}"


def _day(ordinal: int | None) -> date | None:
    return date.fromordinal(ordinal) if ordinal is not None else None


def _type(cs: Sequence[TimeClaim]) -> str:
    kinds = {c.kind for c in cs}
    if "order" in kinds:
        return "order"
    if "weekday" in kinds:
        return "weekday"
    return "date"


def _value(c: TimeClaim, labels: dict[int, str], year_known: bool) -> str:
    name = labels[c.event].removeprefix("the ")
    if c.other is None:
        lo, hi = _iso(c.low, year_known), _iso(c.high, year_known)
        return f"{name}=" + (str(lo) if lo == hi else f"{lo or ''}..{hi or ''}")
    other = labels[c.other].removeprefix("the ")
    if c.low == c.high:
        return f"{name}-{other}={c.low}"
    if c.high is None:
        return f"{name}-{other}>={c.low}"
    if c.low is None:
        return f"{name}-{other}<={c.high}"
    return f"{name}-{other} in {c.low}..{c.high}"


def _finding(conflict: Conflict, builder: _Builder) -> Finding:
    claims = builder.found
    cycle = [claims[k] for k in conflict.claims]
    used = [claims[k] for k in conflict.used]
    # the evidence lines may quote used claims too: their events need names as well
    involved = {c.event for c in cycle + used} | {c.other for c in cycle + used if c.other is not None}
    names = labels((builder.events[i] for i in sorted(involved)), builder.people)
    teller = _Teller(builder.docs, claims, names, builder.year)
    type_ = _type(cycle)
    rule = rule_for(Kind.CONTRADICTION, type_)
    evidence: list[Evidence] = []
    for key in conflict.sentences:
        s = builder.sentence[key]
        stated = [c for c in cycle if (c.source, c.sentence) == key] or [
            c for c in used if (c.source, c.sentence) == key
        ]
        spans = [sp for c in stated for sp in c.spans]
        detail = "; ".join(dict.fromkeys(teller.note(c) for c in stated))
        evidence.append(judgement.evidence(builder.docs[key[0]], key[0], s.start, s.end, spans, detail))
    score = min(builder.events[c.event].score for c in cycle)
    return Finding(
        kind=Kind.CONTRADICTION,
        type=type_,
        rule=rule.id,
        reason=teller.derivation(conflict),
        score=score,
        evidence=tuple(evidence),
        facts=tuple(ComparedFact(c.source, c.text, _value(c, names, builder.year_shown)) for c in cycle),
    )


# -- the whole -----------------------------------------------------------------


def build(
    docs: Sequence[Document],
    claims: Sequence[Sequence[Claim]],
    settings: Settings,
) -> Timeline:
    """Read every source's events and time claims, solve them together and
    report what cannot all hold."""
    b = _Builder(docs, claims, settings, settings.today)
    b.anchors()
    b.relations()
    b.misfits()
    conflicts, consistent = solve(b.found, len(b.events))
    names = labels(b.events, b.people)
    findings = [_finding(c, b) for c in conflicts] + b.single
    n = len(b.events) + 1
    edges = _edges(b.found, n - 1, consistent)
    latest = _shortest(n, edges, n - 1)
    earliest = _shortest(n, [(v, u, w, k) for u, v, w, k in edges], n - 1)
    placed = []
    for e in b.events:
        lo, hi = earliest[e.id], latest[e.id]
        about = tuple(c for c in b.found if e.id in (c.event, c.other))
        hits = tuple(
            i for i, (c, f) in enumerate(zip(conflicts, findings)) if any(e.id in (b.found[k].event, b.found[k].other) for k in c.claims)
        )
        placed.append(
            Placed(
                event=e,
                label=names[e.id],
                earliest=date.fromordinal(int(-lo)) if lo != float("inf") else None,
                latest=date.fromordinal(int(hi)) if hi != float("inf") else None,
                claims=about,
                conflicts=hits,
            )
        )
    placed.sort(key=_time_order)
    return Timeline(
        paths=tuple(d.path for d in docs),
        year=b.year.value if b.year.shown else None,
        events=tuple(placed),
        findings=tuple(judgement.sort_findings(findings)),
        readings=tuple(b.readings),
        event_of=b.event_of,
        lines={k: docs[k[0]].locate(s.start)[0] for k, s in b.sentence.items()},
    )


def _time_order(p: Placed) -> tuple:
    anchor = p.earliest or p.latest
    return (anchor is None, anchor or date.min, p.latest or date.max, p.event.id)


def displayed(p: Placed) -> tuple[date | None, date | None, bool]:
    """The event's days as shown to people; for an event whose only dates are in
    conflict, those dates (flagged), so the reader still sees where each source
    puts it."""
    if p.earliest or p.latest or not p.conflicts:
        return p.earliest, p.latest, False
    own = [c for c in p.claims if c.other is None and c.low is not None]
    if not own:
        return None, None, False
    lows = [c.low for c in own if c.low is not None]
    highs = [c.high for c in own if c.high is not None]
    return (
        date.fromordinal(min(lows)) if lows else None,
        date.fromordinal(max(highs)) if highs else None,
        True,
    )


def display_order(p: Placed) -> tuple:
    """Sort key of events as shown: by their displayed days, undated last."""
    low, high, _ = displayed(p)
    anchor = low or high
    return (anchor is None, anchor or date.min, high or date.max)


def dated(t: Timeline) -> tuple[DatedEvent, ...]:
    """The events some time claim is about, in the order shown, as a report
    carries them (drawn by the HTML report)."""
    events = []
    for p in sorted((p for p in t.events if p.claims), key=display_order):
        low, high, disputed = displayed(p)
        events.append(
            DatedEvent(
                label=p.label,
                sources=tuple(sorted({c.source for c in p.claims})),
                earliest=low,
                latest=high,
                disputed=disputed,
                conflict=bool(p.conflicts),
                spans=tuple(sorted({(c.source, a, b) for c in p.claims for a, b in c.spans})),
                lines=tuple(sorted({(c.source, t.lines[(c.source, c.sentence)]) for c in p.claims})),
                year_known=t.year is not None,
            )
        )
    return tuple(events)


def merge(judged: Sequence[Finding], timeline: Sequence[Finding], draft: bool = False) -> list[Finding]:
    """The judge's findings plus the timeline's, in the documented order; a date
    or weekday clash the judge already reports for the same sentences is kept once.
    With ``draft`` only clashes a sentence of source 0 takes part in count."""
    seen = [
        {(e.source, e.start) for e in f.evidence}
        for f in judged
        if f.kind is Kind.CONTRADICTION and f.type in ("date", "weekday")
    ]
    extra = [
        f for f in timeline
        if (f.type not in ("date", "weekday") or {(e.source, e.start) for e in f.evidence} not in seen)
        and (not draft or any(e.source == 0 for e in f.evidence))
    ]
    return judgement.sort_findings([*judged, *extra])


# -- inspection ------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Dataclasses, enums, dates and tuples as JSON-ready data."""
    if hasattr(value, "__dataclass_fields__"):
        return {f: plain(getattr(value, f)) for f in value.__dataclass_fields__ if f != "line_starts"}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def _located(doc: Document, start: int, end: int) -> dict[str, int]:
    line, column = doc.locate(start)
    end_line, end_column = doc.locate(end)
    return {"start": start, "end": end, "line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _facts(f: Facts) -> dict[str, Any]:
    out = plain(f)
    for d, data in zip(f.dates, out["dates"]):
        data["normalised"] = dates.describe(d.value)
    return out


def extraction(analysis: Analysis, settings: Settings) -> dict[str, Any]:
    """What was read from one source (analysed as source 0), as plain data:
    sentences with their spans and facts, events with their dates and
    relations, and any conflict within it."""
    doc = analysis.doc
    claims = {c.sentence.index: c for c in analysis.claims}
    t = build([doc], [analysis.claims], settings)
    year_known = t.year is not None
    reading = t.readings[0]
    sentences_out = []
    for s in analysis.sentences:
        claim = claims.get(s.index)
        found = claim.facts if claim else facts_extract(s, doc, settings)
        sentences_out.append(
            {"index": s.index, **_located(doc, s.start, s.end), "text": doc.text[s.start : s.end],
             "heading": s.heading, "claim": claim is not None, "facts": _facts(found)}
        )
    events_out = []
    for p in t.events:
        mentions = []
        for src, i in p.event.members:
            m = reading.mentions[i]
            anchors = []
            for d in m.anchors:
                read_as = [
                    {"kind": c.kind, "earliest": _iso(c.low, year_known), "latest": _iso(c.high, year_known), "note": c.note}
                    for c in p.claims
                    if c.other is None and (d.start, d.end) in c.spans
                ]
                anchors.append({**plain(d), "normalised": dates.describe(d.value), "read_as": read_as})
            mentions.append(
                {"index": m.index, "sentence": m.sentence, "trigger": {**plain(m.trigger), **_located(doc, m.trigger.start, m.trigger.end)},
                 "participants": plain(m.participants), "anchors": anchors, "refers_to": m.refers_to}
            )
        events_out.append(
            {"id": p.event.id, "name": p.event.name, "label": p.label,
             "earliest": _iso_day(p.earliest, year_known), "latest": _iso_day(p.latest, year_known), "mentions": mentions}
        )
    relations_out = []
    for r in reading.relations:
        a, b = reading.mentions[r.mention], reading.mentions[r.other]
        relations_out.append(
            {"sentence": r.sentence, "text": r.text, **_located(doc, r.start, r.end),
             "mention": r.mention, "other": r.other, "event": t.event_of[(0, r.mention)],
             "other_event": t.event_of[(0, r.other)], "low": r.low, "high": r.high,
             "words": f"{a.trigger.text} {predicate(r.low, r.high, b.trigger.text)}"}
        )
    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "published": _iso_day(doc.published),
        "year": t.year,
        "sentences": sentences_out,
        "events": events_out,
        "relations": relations_out,
        "conflicts": [{"type": f.type, "rule": f.rule, "reason": f.reason} for f in t.findings],
        "warnings": list(doc.warnings),
    }


def _iso(ordinal: int | None, year_known: bool) -> str | None:
    return _iso_day(date.fromordinal(ordinal), year_known) if ordinal is not None else None


def _iso_day(day: date | None, year_known: bool = True) -> str | None:
    """ISO 8601, or its yearless form "--11-01" when the year is a calendar's guess."""
    if day is None:
        return None
    return day.isoformat() if year_known else day.strftime("--%m-%d")
