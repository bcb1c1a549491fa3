"""Conflicts of the timeline told as an editor would: which happening, which
days each source gives, and how the days follow from the words."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from reconcile.findings import evidence
from reconcile.model import (
    ComparedFact,
    Document,
    Event,
    Evidence,
    Finding,
    Kind,
    TimeClaim,
)
from reconcile.rules import rule_for
from reconcile.timeline.constraints import Builder
from reconcile.timeline.solve import Conflict
from reconcile.timeline.words import iso, predicate, short_day, span_words
from reconcile.timeline.year import Year


def labels(chosen: Iterable[Event], people_of: dict[int, list[str]]) -> dict[int, str]:
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
        self, docs: Sequence[Document], claims: Sequence[TimeClaim], names: dict[int, str], year: Year
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
        when = span_words(day_of(c.low), day_of(c.high), self.year_known)
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
                when = span_words(day_of(first.low), day_of(first.high), self.year_known)
                parts.append(f"{self.labels[e]} was {_on(when)}")
                continue
            told = []
            for i, c in enumerate(claims):
                when = _on(span_words(day_of(c.low), day_of(c.high), self.year_known))
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


def day_of(ordinal: int | None) -> date | None:
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
        lo, hi = iso(c.low, year_known), iso(c.high, year_known)
        return f"{name}=" + (str(lo) if lo == hi else f"{lo or ''}..{hi or ''}")
    other = labels[c.other].removeprefix("the ")
    if c.low == c.high:
        return f"{name}-{other}={c.low}"
    if c.high is None:
        return f"{name}-{other}>={c.low}"
    if c.low is None:
        return f"{name}-{other}<={c.high}"
    return f"{name}-{other} in {c.low}..{c.high}"


def finding(conflict: Conflict, builder: Builder) -> Finding:
    claims = builder.found
    cycle = [claims[k] for k in conflict.claims]
    used = [claims[k] for k in conflict.used]
    # the evidence lines may quote used claims too: their events need names as well
    involved = {c.event for c in cycle + used} | {c.other for c in cycle + used if c.other is not None}
    names = labels((builder.events[i] for i in sorted(involved)), builder.people)
    teller = _Teller(builder.docs, claims, names, builder.year)
    type_ = _type(cycle)
    rule = rule_for(Kind.CONTRADICTION, type_)
    shown: list[Evidence] = []
    for key in conflict.sentences:
        s = builder.sentence[key]
        stated = [c for c in cycle if (c.source, c.sentence) == key] or [
            c for c in used if (c.source, c.sentence) == key
        ]
        spans = [sp for c in stated for sp in c.spans]
        detail = "; ".join(dict.fromkeys(teller.note(c) for c in stated))
        shown.append(evidence(builder.docs[key[0]], key[0], s.start, s.end, spans, detail))
    score = min(builder.events[c.event].score for c in cycle)
    return Finding(
        kind=Kind.CONTRADICTION,
        type=type_,
        rule=rule.id,
        reason=teller.derivation(conflict),
        score=score,
        evidence=tuple(shown),
        facts=tuple(ComparedFact(c.source, c.text, _value(c, names, builder.year_shown)) for c in cycle),
    )
