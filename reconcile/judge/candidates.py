"""Candidate conflicts of a pair of claims, each with the evidence that weighs
for and against it, for ``confidence`` to turn into a probability.

Two ways find them. Clause by clause (``Judge.conflicts``): the clauses two
aligned sentences match, their facts compared. Slot by slot (``Slots``): a
quantity against the other claim's quantity of the same unit and counted noun,
a date against a date whose surrounding words the other shares, a name against
another name of its kind in the same role; this reaches claims told in other
words, which the clause match misses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reconcile.align.encode import SLICE
from reconcile.facts import dates, quantities
from reconcile.judge.compare import Conflict, Judge, Span, facing, span
from reconcile.judge.slots import Slots, Stated, same_amount
from reconcile.model import DateMention, DateValue, Granularity, Key, Link, Quantity


@dataclass(frozen=True, slots=True)
class Candidate:
    """A way two claims may disagree, and what weighs on it (``confidence.FEATURES``)."""

    link: Link
    conflict: Conflict
    features: tuple[tuple[str, float], ...]
    facts: tuple[Stated, Stated] | None = None  # the two facts opposed, as the slots read them


@dataclass(frozen=True, slots=True)
class _Opening:
    """A candidate conflict of two readings (``Judge.content``), before it is known
    which sources say them: what depends on the words alone, worked out once."""

    conflict: Conflict
    facts: tuple[int, int] | None  # the two facts opposed: their places in ``Slots.of`` of each claim
    names: tuple[str, ...]  # of the features the words give (context, named, timed, masked, about, clause),
    values: tuple[float, ...]  # apart: tens of thousands of openings share a few lists of names
    rivals: bool  # two names: each source must not name the other's anywhere (``Judge.rivals``)


class Candidates:
    """The candidate conflicts of the run's pairs of claims. Most of what makes one
    depends on the two sentences' words alone, and outlets reprint wire copy word
    for word: that part is worked out once per pair of readings (``prepare``), and
    each pair of claims adds what depends on its sources."""

    def __init__(self, j: Judge) -> None:
        self.j = j
        self.slots = j.slots
        self._openings: dict[int, tuple[_Opening, ...]] = {}  # by ``Judge.pair``
        self._names: dict[tuple[str, ...], tuple[str, ...]] = {}

    def prepare(self, pairs: Sequence[tuple[Key, Key]]) -> None:
        """Work out the openings of every pair of readings the claim pairs join, a
        slice of pairs at a time: their clause tables, conflicts and the masked
        sentences their names ask about are each scored in one batch per slice, and
        what only a slice needs is freed before the next (a 200-source story joins
        75,000 pairs of readings)."""
        for at in range(0, len(pairs), SLICE):
            self._prepare(pairs[at : at + SLICE])

    def _prepare(self, pairs: Sequence[tuple[Key, Key]]) -> None:
        j = self.j
        j.prepare(pairs)
        found: dict[int, tuple[Key, Key, list[_Found]]] = {}
        for a, b in pairs:
            pair = j.pair(a, b)
            if pair not in self._openings and pair not in found:
                found[pair] = (a, b, list(self._find(a, b)))
        j.mask(m for a, b, each in found.values() for m in _masks(j, a, b, each))
        for pair, (a, b, each) in found.items():
            self._openings[pair] = tuple(self._opening(a, b, *item) for item in each)

    def __call__(self, link: Link, heading: bool, outscored: float) -> Sequence[Candidate]:
        """Every candidate conflict of a pair of claims, the best one per type (and
        for amounts per unit). ``outscored``: how much better another sentence of either claim's partner
        source matches it (the sentence that matches best speaks for its source)."""
        j, a, b = self.j, link.a, link.b
        pair = j.pair(a, b)
        if pair not in self._openings:
            self.prepare([(a, b)])
        openings = self._openings[pair]
        if not openings:
            return ()
        base = {"link": link.score, "heading": float(heading), "outscored": outscored}
        found: dict[tuple[str, str], tuple[float, Conflict, dict[str, float], tuple[Stated, Stated] | None]] = {}
        of_a, of_b = self.slots.of[a], self.slots.of[b]
        for o in openings:
            facts = (of_a[o.facts[0]], of_b[o.facts[1]]) if o.facts else None
            if o.rivals and facts and (j.stated[2].by(facts[1].fact, a[0]) or j.stated[2].by(facts[0].fact, b[0])):
                continue
            features = dict(zip(o.names, o.values))
            if facts:
                x, y = facts
                features.update(self.slots.weigh(x, y), exclusive=float(j.exclusive(x.type, a, x.fact, b, y.fact)))
            if "clause" in features:
                features["context"] = max(features.get("context", link.score), link.score)
            kind = o.conflict.type
            merged = {**base, f"type:{'date' if kind == 'weekday' else kind}": 1.0, **features}
            # the strongest of a type (and of amounts, of a unit: a vote's tally and its
            # budget are two disputes): each is the other's best match, neither source
            # gives the other's value, their contexts alike
            strength = merged.get("mutual", 0.0) + merged.get("exclusive", 0.0) + merged.get("context", 0.0)
            unit = facts[0].fact.unit if facts and kind == "number" else ""  # type: ignore[union-attr]
            if (kind, unit) not in found or found[(kind, unit)][0] < strength:
                found[(kind, unit)] = (strength, o.conflict, merged, facts)
        return tuple(Candidate(link, conflict, tuple(sorted(merged.items())), facts)
                     for _, conflict, merged, facts in found.values())

    def _find(self, a: Key, b: Key) -> Iterator[_Found]:
        """The candidate conflicts of claims ``a`` and ``b`` that their words allow:
        by clause, then by slot (numbers, dates, names), each with whether it
        needs its sources to be rivals and the features the words give (but the
        masked sentences, scored in one batch for many pairs)."""
        j, slots = self.j, self.slots
        for conflict in j.conflicts(a, b):
            facts = _stated(j, slots, a, b, conflict)
            if facts is not None and facts[0].type in ("number", "date") and _apart(j, a, b, *facts):
                continue
            about = {"about": 1.0} if conflict.about else {}
            yield conflict, facts, False, {**(_words(slots, *facts) if facts else {}), **about, "clause": 1.0}
        minimum = j.settings.slot_context
        for kind in ("number", "date", "entity"):
            for x, y, sim in slots.facing(a, b, kind):
                if sim >= minimum or _named(x, y, sim):
                    conflict = _conflict(j, a, b, x, y)
                    if conflict is not None:
                        yield conflict, (x, y), kind == "entity", _words(slots, x, y, sim)

    def _opening(self, a: Key, b: Key, conflict: Conflict, facts: tuple[Stated, Stated] | None, rivals: bool,
                 features: dict[str, float]) -> _Opening:
        places = None
        if facts:
            x, y = facts
            places = (_place(self.slots.of[x.key], x), _place(self.slots.of[y.key], y))
        masked = _masked(self.j, a, b, conflict, facts)
        if masked is not None:
            features[f"masked:{facts[0].type if facts else conflict.type}"] = self.j.masked(a, masked[0], b, masked[1])
        names = self._names.setdefault(tuple(features), tuple(features))
        return _Opening(conflict, places, names, tuple(features.values()), rivals)


_Found = tuple[Conflict, "tuple[Stated, Stated] | None", bool, dict[str, float]]
"""A candidate conflict as the words allow it: the facts opposed, whether its
sources must be rivals, the features its words give."""


def _masked(j: Judge, a: Key, b: Key, conflict: Conflict,
            facts: tuple[Stated, Stated] | None) -> tuple[list[Span], list[Span]] | None:
    """What to mask on each side to ask whether one value stands in the other's
    place: the two facts opposed, or the words of an opposite outcome ("profit"
    and "loss", "not" and nothing)."""
    if facts:
        return [span(facts[0].fact)], [span(facts[1].fact)]
    if conflict.type == "negation":
        at = (j.claims[a].sentence.start, j.claims[b].sentence.start)
        x, y = ([(at[side] + start, at[side] + end) for s, start, end in conflict.spans if s == side]
                for side in (0, 1))
        return x, y
    return None


def _masks(j: Judge, a: Key, b: Key, found: Sequence[_Found]) -> Iterator[tuple[Key, list[Span], Key, list[Span]]]:
    for conflict, facts, _, _ in found:
        masked = _masked(j, a, b, conflict, facts)
        if masked is not None:
            yield a, masked[0], b, masked[1]


def _place(stated: list[Stated], x: Stated) -> int:
    return next(n for n, s in enumerate(stated) if s is x)


def _stated(j: Judge, slots: Slots, a: Key, b: Key, conflict: Conflict) -> tuple[Stated, Stated] | None:
    """The two facts a clause-found conflict opposes, as the slots read them."""
    keys = (a, b)
    at = [j.claims[k].sentence.start for k in keys]
    sides = []
    for side in (0, 1):
        spans = {(at[side] + start, at[side] + end) for s, start, end in conflict.spans if s == side}
        sides.append(next((x for x in slots.of.get(keys[side], ()) if (x.fact.start, x.fact.end) in spans), None))
    return (sides[0], sides[1]) if sides[0] is not None and sides[1] is not None else None


def _words(slots: Slots, x: Stated, y: Stated, sim: float | None = None) -> dict[str, float]:
    """What the words say of two facts of one slot disagreeing: how alike their
    contexts are, whether the slot is named on both sides (the same counted noun,
    a name's role words shared), for amounts and dates how alike the words right
    beside them are, for amounts whether their clauses place them at other times.
    (How alike the sentences are with the two values masked is ``_masked``; what
    the sources add is ``Slots.weigh`` and ``Judge.exclusive``.)"""
    context = slots.alike(x, y) if sim is None else sim
    features = {"context": context, "named": float(_named(x, y, context))}
    if x.type in ("number", "date"):
        features[f"near:{x.type}"] = slots.similarity(x.near, y.near)
    if x.type == "number":
        features["timed"] = float(slots.timed(x, y))
    return features


def _named(x: Stated, y: Stated, context: float) -> bool:
    """Is the slot named on both sides: the same counted noun, or a name's context
    shared?"""
    if x.type == "number":
        return bool(x.fact.counted) and x.slot == y.slot  # type: ignore[union-attr]
    return x.type == "entity" and context > 0


def _a_day_apart(a: DateValue, b: DateValue) -> bool:
    """One day read from "today", "this morning" or "yesterday" against a date line,
    and the other a day off: a date line a time zone ahead of the event, or a
    report filed overnight, not a dispute of the sources."""
    if not any(v.relative and v.earliest and v.earliest == v.latest for v in (a, b)):
        return False
    return bool(a.earliest and b.earliest and a.latest and b.latest
                and min(abs((a.earliest - b.latest).days), abs((b.earliest - a.latest).days)) == 1)


def _apart(j: Judge, a: Key, b: Key, x: Stated, y: Stated) -> bool:
    """Are two values of one slot values of different things, or one value read two
    ways? The two sources print the same words (a relative date resolved against two
    publication dates is our reading, not their dispute); either sentence also gives
    the other's value of the same thing (a list read in another order: "from October 16 to November 14",
    "three, a man and two women"); an amount's clause places it in another year; a
    day read from "today" is a day off the other (``_a_day_apart``)."""
    if " ".join(x.fact.text.lower().split()) == " ".join(y.fact.text.lower().split()):
        return True
    fa, fb = j.claims[a].facts, j.claims[b].facts
    if x.type == "number":
        def same(u: Quantity, v: Quantity) -> bool:
            return same_amount(u, v) and quantities.compatible(u, v)
        return _other_scope(x, y) or any(same(x.fact, q) for q in fb.quantities) \
            or any(same(q, y.fact) for q in fa.quantities)  # type: ignore[arg-type]

    def told(u: DateMention, v: DateMention) -> bool:
        return u.value.granularity == v.value.granularity and dates.compatible(u.value, v.value)
    return _a_day_apart(x.fact.value, y.fact.value) or any(told(x.fact, d) for d in fb.dates) \
        or any(told(d, y.fact) for d in fa.dates)  # type: ignore[arg-type, union-attr]


def _conflict(j: Judge, a: Key, b: Key, x: Stated, y: Stated) -> Conflict | None:
    """The conflict of two facts of one slot, if their values cannot both hold
    (names: if they could stand for one another, whoever says them)."""
    at_a, at_b = j.claims[a].sentence.start, j.claims[b].sentence.start
    if x.type == "number":
        if _apart(j, a, b, x, y):
            return None
        return facing("number", x.fact, quantities.describe(x.fact), at_a,  # type: ignore[arg-type]
                      y.fact, quantities.describe(y.fact), at_b)  # type: ignore[arg-type]
    if x.type == "date":
        vx, vy = x.fact.value, y.fact.value  # type: ignore[union-attr]
        if dates.compatible(vx, vy) or _apart(j, a, b, x, y):
            return None
        kind = "weekday" if Granularity.WEEKDAY in (vx.granularity, vy.granularity) else "date"
        return facing(kind, x.fact, dates.describe(vx), at_a, y.fact, dates.describe(vy), at_b)
    if j.could_replace(a, x.fact, b, y.fact):  # type: ignore[arg-type]
        return facing("entity", x.fact, f"{x.slot}:{x.fact.key}", at_a,  # type: ignore[union-attr]
                      y.fact, f"{y.slot}:{y.fact.key}", at_b)  # type: ignore[union-attr]
    return None


def _other_scope(x: Stated, y: Stated) -> bool:
    """Does one side date what it counts to another year ("a 2022 phishing attack
    exposed 4,100 patients")? Then the two count different things."""
    return x.year != y.year
