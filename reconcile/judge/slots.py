"""Slots: each fact with what it is about, so that two sources' facts are
compared where they fill the same slot, not only where whole sentences
paraphrase each other.

Outlets state one fact with few shared words ("hackers had stolen personal
information belonging to 212,400 patients" / "exposed the records of more than
320,000 patients"), so sentence similarity alone misses most disagreements. A
quantity's slot is its unit and what it counts ("patient"), a date's the words
around it, a name's its kind and the words next to it (its role: "chaired the
talks", "built by"). Two claims of different sources that hold facts of one
slot are a candidate pair; what their words around the facts share (rarity
weighted) says how surely they speak of the same thing.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from reconcile.facts import dates, quantities
from reconcile.model import Claim, DateMention, Document, Entity, EntityKind, Granularity, Key, Quantity
from reconcile.text.tokens import normalise, stem
from reconcile.timeline.triggers import find_triggers

Fact = Quantity | DateMention | Entity

_NAMED = {EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE, EntityKind.NAME}
_ROLE_WINDOW = 60
"""Characters either side of a name read as its role ("put the cybersecurity firm
X in charge of its investigation")."""
_KEPT = 1 << 17
"""Overlaps of pairs of contexts kept at most (some 10 MB); the rest are worked out
again: a 200-source story asks about 450,000 pairs."""
_SPEECH = frozenset({"say", "report"})
"""Tokens of reporting (``data.synonyms``): "X said" gives X no role in the event."""
_NEAR = 30
"""Characters either side of an amount or a date read as what it is about, right
beside it ("seized seven AK-47 rifles", "approved in 2009")."""
_KIND = {"number": 1, "date": 2, "entity": 4}
_RAREST = 3
"""Context words of a fact its slot partners are looked up by, rarest in its slot first."""


@dataclass(frozen=True, slots=True)
class Stated:
    """One fact as a claim states it, with what it is about."""

    key: Key
    type: str  # "number", "date", "entity"
    slot: str  # "count/patient", "currency:USD", "length:m", "date", "person", ...
    fact: Fact
    context: frozenset[str]  # content tokens of its clause, the fact's own left out
    year: int | None = None  # another year than its article's its sentence names ("a 2022 attack")
    when: tuple[DateMention, ...] = ()  # the dates of its clause: the time what it tells holds at
    near: frozenset[str] = frozenset()  # content words right beside it: what it counts or dates


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in normalise(text) if not t[0].isdigit())


def _slot(q: Quantity) -> str:
    """A quantity's slot: its unit, what it counts and what a rate is per
    ("count/patient", "currency:USD/@month")."""
    return f"{q.unit}/{q.counted}" + (f"@{q.per}" if q.per else "")


def same_amount(x: Quantity, y: Quantity) -> bool:
    """Could two quantities be amounts of one thing? The same unit and period, and
    the same counted noun or one of them unknown ("" counts nothing known)."""
    return x.unit == y.unit and x.per == y.per and (x.counted == y.counted or not (x.counted and y.counted))


class Slots:
    """The facts every claim of a run states, indexed by slot."""

    def __init__(self, docs: Sequence[Document], claims: Mapping[Key, Claim], idf: Mapping[str, float],
                 readings: Mapping[Key, int]) -> None:
        """``readings``: an id per distinct reading of a sentence (``Judge.content``);
        the facts of a reading are read once, wherever it stands."""
        self.docs = docs
        self.idf = idf
        self.unseen = max(idf.values(), default=1.0)
        self.of: dict[Key, list[Stated]] = {}
        first: dict[int, Key] = {}
        for key, claim in claims.items():
            known = first.setdefault(readings[key], key)
            self.of[key] = list(self._read(key, claim)) if known == key else \
                _moved(self.of[known], claims[known], key, claim)
        self._kinds = {key: sum({_KIND[x.type] for x in found}) for key, found in self.of.items()}
        """Each claim's types of fact, as bits: most pairs of claims share none of a type."""
        self.index: dict[tuple[str, str], list[Stated]] = {}
        for found in self.of.values():
            for s in found:
                self.index.setdefault((s.type, s.slot), []).append(s)
        self._filling: dict[tuple[str, str], dict[int, list[Stated]]] = {}
        self._values: dict[tuple[str, str], dict[Hashable, list[Stated]]] = {}
        self._best: dict[tuple[str, str, int, int], Stated | None] = {}
        self._ids: dict[frozenset[str], int] = {}  # each distinct context, numbered
        self._contexts: list[frozenset[str]] = []
        self._weight: dict[str, float] = {}  # a context word's rarity
        self._weighed: list[float] = []  # a context's weight
        self._alike: dict[int, float] = {}  # pair of context ids -> their similarity
        for found in self.of.values():
            for x in found:
                self._number(x.context)

    def _read(self, key: Key, claim: Claim) -> Iterator[Stated]:
        doc = self.docs[key[0]]
        s = claim.sentence
        clauses = claim.clauses or ()
        published = doc.published.year if doc.published else None
        years = {d.value.year for d in claim.facts.dates if d.value.year not in (None, published) and not d.value.relative}
        year = min(years) if len(years) == 1 else None

        events: dict[tuple[int, int], frozenset[str]] = {}

        def around(f: Fact, reach: int | None = None) -> frozenset[str]:
            """The content words of the fact's clause (or those within ``reach``),
            and the happenings its clause names: "met on Nov. 2" and "a meeting on
            Nov. 1" date one meeting whatever their other words."""
            clause = next((c for c in clauses if c.start <= f.start and f.end <= c.end), None)
            lo, hi = (clause.start, clause.end) if clause else (s.start, s.end)
            if reach is not None:
                lo, hi = max(s.start, f.start - reach), min(s.end, f.end + reach)
            happenings = events.get((lo, hi))
            if happenings is None:  # a clause's facts share its happenings
                happenings = events[lo, hi] = frozenset(
                    f"event:{t.lemma}" for t in find_triggers(doc.plain[lo:hi]) if t.lemma != "general")
            return _tokens(doc.plain[lo : f.start] + " " + doc.plain[f.end : hi]) | happenings

        def when(f: Fact) -> tuple[DateMention, ...]:
            clause = next((c for c in clauses if c.start <= f.start and f.end <= c.end), None)
            lo, hi = (clause.start, clause.end) if clause else (s.start, s.end)
            return tuple(d for d in claim.facts.dates if lo <= d.start and d.end <= hi)

        def beside(f: Fact) -> frozenset[str]:
            """The content words within a few words of a fact, either side."""
            before = doc.plain[max(s.start, f.start - _NEAR) : f.start]
            after = doc.plain[f.end : min(s.end, f.end + _NEAR)]
            return _tokens(before.split(" ", 1)[-1] + " " + after.rsplit(" ", 1)[0])

        for q in claim.facts.quantities:
            yield Stated(key, "number", _slot(q), q, around(q) - {stem(q.counted)}, year, when(q), beside(q))
        for d in claim.facts.dates:
            yield Stated(key, "date", "date", d, around(d), year, (), beside(d))
        for e in claim.facts.entities:
            if e.kind in _NAMED and not s.heading:
                yield Stated(key, "entity", e.kind.value, e, around(e, _ROLE_WINDOW) - _SPEECH, year)

    @staticmethod
    def timed(x: Stated, y: Stated) -> bool:
        """Do the two facts' clauses place them at times that differ (one dated, or
        both dated apart: "18,400 acres as of Thursday" / "19,050 acres" now)?"""
        if not x.when and not y.when:
            return False
        return not any(dates.compatible(d.value, e.value) for d in x.when for e in y.when)

    def agree(self, a: Key, b: Key, minimum: float) -> bool:
        """Do two claims state one fact alike, in contexts that overlap at least
        ``minimum`` ("Comparable sales fell 4.8%" / "Same-store sales declined 4.8
        percent")? A value both give anchors a claim told in other words."""
        for kind, same in (("number", quantities.compatible), ("date", _same_day)):
            for x, y, sim in self.facing(a, b, kind):
                if sim >= minimum and _specific(x) and same(x.fact, y.fact):  # type: ignore[arg-type]
                    return True
        return False

    def filling(self, x: Stated) -> list[Stated]:
        """Every fact of the run that fills ``x``'s slot (which facts do depends on
        their slots alone, so each slot is looked up once)."""
        return [y for by in self._by_source(x).values() for y in by]

    def _by_source(self, x: Stated) -> dict[int, list[Stated]]:
        key = (x.type, x.slot)
        if key not in self._filling:
            by: dict[int, list[Stated]] = {}
            for (kind, slot), stated in self.index.items():
                if kind == x.type and _same_slot(x, stated[0]):
                    for y in stated:
                        by.setdefault(y.key[0], []).append(y)
            self._filling[key] = by
        return self._filling[key]

    def stating(self, x: Stated) -> list[Stated]:
        """Every fact of the run that fills ``x``'s slot with ``x``'s value."""
        key = (x.type, x.slot)
        if key not in self._values:
            table: dict[Hashable, list[Stated]] = {}
            for y in self.filling(x):
                table.setdefault(_value(y), []).append(y)
            self._values[key] = table
        return self._values[key].get(_value(x), [])

    def rivals_in(self, x: Stated, source: int) -> list[Stated]:
        """The facts of ``source`` that fill ``x``'s slot."""
        return self._by_source(x).get(source, [])

    def best(self, x: Stated, source: int) -> Stated | None:
        """The fact of ``source`` that most likely fills ``x``'s slot: the one whose
        context is most like ``x``'s (which depends on its slot and context alone)."""
        context = self._ids[x.context]
        key = (x.type, x.slot, context, source)
        if key not in self._best:
            found = self.rivals_in(x, source)
            row = self._row(context, [self._ids[y.context] for y in found])
            self._best[key] = found[row.index(max(row))] if found else None  # the first of the best
        return self._best[key]

    def weigh(self, x: Stated, y: Stated) -> dict[str, float]:
        """What says two facts of one slot are about the same thing: each is the
        other's best match in its source (``mutual``), and how few facts of the
        slot the two sources state (``alone``: 1 when each states one)."""
        n = len(self.rivals_in(x, y.key[0])) * len(self.rivals_in(y, x.key[0]))
        mutual = self.best(x, y.key[0]) is y and self.best(y, x.key[0]) is x
        return {"mutual": float(mutual), "alone": 1.0 / max(n, 1)}

    def _number(self, context: frozenset[str]) -> int:
        """The context's id: outlets reprint sentences, so a run's facts share few
        distinct contexts, each weighed once. Weights are summed in word order: a
        floating-point sum depends on its order, and a set's order on the hash seed."""
        known = self._ids.get(context)
        if known is None:
            known = self._ids[context] = len(self._ids)
            self._contexts.append(context)
            for t in context:
                self._weight.setdefault(t, self.idf.get(t, self.unseen))
            self._weighed.append(sum(map(self._weight.__getitem__, sorted(context))))
        return known

    def alike(self, x: Stated, y: Stated) -> float:
        """Rarity-weighted Dice overlap of two facts' contexts: what the words around
        them share, a rare word counting more than a common one. Worked out once per
        pair of distinct contexts: a story a hundred sources tell compares each pair
        many times."""
        return self._similar(self._ids[x.context], self._ids[y.context])

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """``alike`` of any two sets of words (those right beside two facts)."""
        return self._similar(self._number(a), self._number(b))

    def _row(self, a: int, others: Iterable[int]) -> list[float]:
        """``_similar`` of one context and many."""
        known, out = self._alike, []
        for b in others:
            sim = known.get(a << 32 | b if a < b else b << 32 | a)
            out.append(self._similar(a, b) if sim is None else sim)
        return out

    def _similar(self, a: int, b: int) -> float:
        key = a << 32 | b if a < b else b << 32 | a
        known = self._alike.get(key)
        if known is None:
            if len(self._alike) >= _KEPT:
                self._alike.clear()
            known = self._alike[key] = self._overlap(a, b)
        return known

    def _overlap(self, a: int, b: int) -> float:
        total = self._weighed[a] + self._weighed[b]
        words = self._contexts[a] & self._contexts[b]
        shared = sum(map(self._weight.__getitem__, sorted(words))) if words else 0.0  # as ``_number`` sums
        return 2 * shared / total if total else 0.0

    def pairs(self, minimum: float, limit: int) -> dict[tuple[Key, Key], float]:
        """Claims of different sources holding facts of one slot whose contexts
        overlap at least ``minimum``: (a, b) with a < b -> the best overlap. A
        count of a named noun needs no overlap: the noun is the slot's evidence.

        Only facts sharing one of a fact's rarest context words are scored (an index
        per slot), and each fact keeps its ``limit`` best partners, so a slot a
        hundred sources fill costs what its facts' neighbours do, not the square of
        its facts."""
        found: dict[tuple[Key, Key], float] = {}
        for (kind, _), stated in self.index.items():
            named = kind == "number" and bool(stated[0].fact.counted)  # type: ignore[union-attr]
            ids = [self._ids[x.context] for x in stated]
            sources = [x.key[0] for x in stated]
            postings: dict[str, list[int]] = {}
            for n, x in enumerate(stated):
                for token in x.context:
                    postings.setdefault(token, []).append(n)
            ranked: dict[int, list[tuple[float, int]]] = {}  # context -> the facts near it, best first
            for n, x in enumerate(stated):
                order = ranked.get(ids[n])
                if order is None:
                    rarest = sorted(x.context, key=lambda t: (len(postings[t]), t))[:_RAREST]
                    near = range(len(stated)) if named and len(stated) <= limit else \
                        {m for token in rarest for m in postings[token][: limit * 2]}
                    # worked out here, not kept: most of these pairs of contexts meet only here
                    sims = {ids[m]: 0.0 for m in near}
                    for c in sims:
                        sims[c] = self._overlap(ids[n], c)
                    order = ranked[ids[n]] = sorted(((sims[ids[m]], m) for m in near), reverse=True)
                source = sources[n]
                for sim, m in islice(((sim, m) for sim, m in order if sources[m] != source and m != n), limit):
                    sim = max(sim, minimum) if named else sim
                    y = stated[m]
                    pair = (min(x.key, y.key), max(x.key, y.key))
                    if sim >= minimum and sim > found.get(pair, -1.0):
                        found[pair] = sim
        return found

    def facing(self, a: Key, b: Key, kind: str) -> list[tuple[Stated, Stated, float]]:
        """Facts of one type of two claims that fill one slot, with how alike their
        contexts are: a count of a named noun meets only the same noun, a count of
        nothing named any count of its unit. (A list, not a generator: most of the
        quarter million pairs asked at 100 sources have none.)"""
        if not self._kinds.get(a, 0) & self._kinds.get(b, 0) & _KIND[kind]:
            return []
        theirs = [y for y in self.of[b] if y.type == kind]
        return [(x, y, self.alike(x, y)) for x in self.of[a] if x.type == kind for y in theirs if _same_slot(x, y)]


def _moved(stated: list[Stated], read: Claim, key: Key, claim: Claim) -> list[Stated]:
    """The facts ``stated`` of claim ``read`` as claim ``key`` states them: the same
    reading elsewhere, its facts in the same order."""
    theirs = (*read.facts.quantities, *read.facts.dates, *read.facts.entities)
    mine = dict(zip(map(id, theirs), (*claim.facts.quantities, *claim.facts.dates, *claim.facts.entities)))
    return [Stated(key, x.type, x.slot, mine[id(x.fact)], x.context, x.year, tuple(mine[id(d)] for d in x.when),
                   x.near) for x in stated]


def _value(x: Stated) -> Hashable:
    """A fact's value as a key: an amount's interval, a date's reading, a name's key."""
    f = x.fact
    if x.type == "number":
        return f.unit, f.low, f.high  # type: ignore[union-attr]
    if x.type == "date":
        return dates.describe(f.value)  # type: ignore[union-attr]
    return f.key  # type: ignore[union-attr]


def _same_day(x: DateMention, y: DateMention) -> bool:
    return dates.supports(x.value, y.value) and dates.supports(y.value, x.value)


def _specific(x: Stated) -> bool:
    """A fact precise enough to anchor a claim: a day, an amount other than a
    small count ("two largest economies" is a phrase, not a figure). A name is not: a story names its people and places in most
    of its sentences."""
    if x.type == "date":
        return x.fact.value.granularity is Granularity.DAY  # type: ignore[union-attr]
    q = x.fact
    return q.unit != "count" or q.value >= 20  # type: ignore[union-attr]


def _same_slot(x: Stated, y: Stated) -> bool:
    """Do two facts fill one slot? Names of one kind (or one of unknown kind),
    amounts of one unit, period and counted noun, any two dates: what depends on
    the two slots alone."""
    if x.type == "entity":
        return x.slot == y.slot or "name" in (x.slot, y.slot)
    if x.type == "number":
        return same_amount(x.fact, y.fact)  # type: ignore[arg-type]
    return x.slot == y.slot
