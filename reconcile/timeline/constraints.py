"""Time claims: the bounds every source's dates and relations put on the days
of the happenings it tells of, each with the sentences it rests on."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reconcile.facts import dates
from reconcile.findings import evidence
from reconcile.model import (
    Claim,
    ComparedFact,
    DateMention,
    DateValue,
    Document,
    Event,
    Finding,
    Granularity,
    Key,
    Kind,
    Mention,
    Reading,
    Ref,
    Sentence,
    Support,
    TimeClaim,
)
from reconcile.rules import rule_for
from reconcile.settings import Settings
from reconcile.timeline.events import read_events
from reconcile.timeline.matching import match
from reconcile.timeline.supports import ALTERNATIVES, cross
from reconcile.timeline.words import short_day
from reconcile.timeline.year import VIRTUAL_YEAR, Year, choose_year, safe_date


def _nearest_weekday(base: date, weekday: int) -> date:
    ahead = (weekday - base.weekday()) % 7
    return base + timedelta(days=ahead if ahead <= 3 else ahead - 7)


def participants(e: Event, readings: Sequence[Reading]) -> list[str]:
    """The names an event's mentions give most, people and organisations first."""
    counts: Counter[str] = Counter()
    rank: dict[str, int] = {}
    for s, i in e.members:
        for p in readings[s].mentions[i].participants:
            counts[p.text] += 1
            rank[p.text] = 0 if p.kind.value in ("person", "org") else 1
    return sorted(counts, key=lambda t: (rank[t], -counts[t]))


@dataclass
class Builder:
    docs: Sequence[Document]
    claims: Sequence[Sequence[Claim]]
    settings: Settings
    today: date | None

    def __post_init__(self) -> None:
        self.readings = [read_events(d, c, i, self.settings) for i, (d, c) in enumerate(zip(self.docs, self.claims))]
        self.events = match(self.readings, self.settings)
        self.event_of: dict[Ref, int] = {ref: e.id for e in self.events for ref in e.members}
        self.sentence: dict[Key, Sentence] = {
            (c.sentence.source, c.sentence.index): c.sentence for cs in self.claims for c in cs
        }
        self.people = {e.id: participants(e, self.readings) for e in self.events}
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

    def _mentions_with_dates(self) -> Iterable[tuple[Mention, DateMention]]:
        for r in self.readings:
            for m in r.mentions:
                for d in m.anchors:
                    yield m, d

    def _year(self) -> Year:
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
            return Year(max(published), (), False)
        return choose_year(pairs, stated, self.today)

    def _interval(self, v: DateValue) -> tuple[date | None, date | None] | None:
        """The days a value allows, reading a missing year as the run's year."""
        if v.earliest is not None or v.latest is not None:
            if v.granularity is Granularity.VAGUE:
                return (None, v.latest) if v.latest else None
            return v.earliest, v.latest
        year = v.year or self.year.value or VIRTUAL_YEAR
        if v.granularity is Granularity.DAY and v.month and v.day:
            day = safe_date(year, v.month, v.day)
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
        later: list[tuple[Mention, DateMention, int]] = []
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
                    kind="relative", low=ordinal(low), high=ordinal(high),
                    supports=cross([frozenset({key}) | ref], self.year.supports if self.year.inferred else ()),
                    note=note, **base,
                )
                continue
            span = self._interval(v)
            if span is None or span == (None, None):
                continue
            supports = cross([frozenset({key})], self._year_supports(v))
            self._add(kind="date", low=ordinal(span[0]), high=ordinal(span[1]), supports=(frozenset({key}),), **base)
            if v.weekday is not None and v.year is None and self.year.value and span[0] == span[1]:
                day = _nearest_weekday(span[0], v.weekday)  # type: ignore[arg-type]
                self._add(
                    kind="weekday", low=day.toordinal(), high=day.toordinal(), supports=supports,
                    note=f"{day.strftime('%A')} nearest to {short_day(span[0], self.year_shown)}", **base,  # type: ignore[arg-type]
                )
        for m, d, e in later:
            self._weekday(m, d, e)

    def _weekday(self, m: Mention, d: DateMention, e: int) -> None:
        """A bare weekday of an undated article: the day of that name nearest to
        its event's own dates, else to a date told close by."""
        if not self._undated(m.source) or d.value.weekday is None:
            return
        key = (m.source, m.sentence)
        own = [c for c in self.found if c.event == e and c.kind == "date" and c.low is not None and c.low == c.high]
        own.sort(key=lambda c: (c.source != m.source, c.source, c.sentence))  # its own article's first
        bases: list[tuple[date, tuple[Support, ...], bool]] = [
            (date.fromordinal(c.low), c.supports, self._explicit_year(c))  # type: ignore[arg-type]
            for c in own[:ALTERNATIVES]
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
                supports=cross([frozenset({key})], supports, () if explicit else self.year.supports),
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
                                evidence(self.docs[s.source], s.source, s.start, s.end, [(d.start, d.end)], d.text),
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


def ordinal(day: date | None) -> int | None:
    return day.toordinal() if day is not None else None
