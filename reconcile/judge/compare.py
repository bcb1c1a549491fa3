"""Comparing two aligned claims: how they conflict, and what one adds.

Facts are compared clause to clause, never sentence to sentence: "the meeting
was on Nov. 1" and "the statement came out on Friday" may share a sentence
without being about the same time. A conflict needs a fact on *each* side
that the other side cannot match; a fact only one side has is a detail that
source adds, reported as unsupported, never as a contradiction.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

import numpy as np

from reconcile.align.score import Scorer
from reconcile.facts import dates, entities, quantities
from reconcile.facts.opposition import describe, opposition
from reconcile.findings import short
from reconcile.judge.slots import Slots, same_amount
from reconcile.model import (
    Alignment,
    Claim,
    Clause,
    DateMention,
    Document,
    Facts,
    Granularity,
    Key,
    Quantity,
    Sentence,
)
from reconcile.settings import Settings
from reconcile.text.tokens import normalise

_SPECIFIC = {entities.EntityKind.PERSON, entities.EntityKind.ORG, entities.EntityKind.PLACE}
NAMED = _SPECIFIC | {entities.EntityKind.NAME}


def _may_stand_in(name: entities.Entity) -> bool:
    """Can this name be the one a source got wrong? A person, organisation or
    place; or a name of unknown kind of two words or more ("Lucia Moreno" where
    the others say "Sanjay Mehrotra": a first name no list holds). One capitalised
    word of unknown kind is as often a common word opening a sentence ("Bird flu",
    "Avian flu") or a misspelling. Never the outlet a statement was made to: two
    outlets each told something is no dispute."""
    if _ADDRESSED & set(name.role):
        return False  # "told Global Wire", "interviewed by CNN": whom a statement was given to
    return name.kind in _SPECIFIC or (name.kind is entities.EntityKind.NAME and " " in name.key)


_ADDRESSED = {"say/o", "interview/s"}  # roles of the outlet a statement was made to (facts.roles)


def _may_replace(x: entities.Entity, y: entities.Entity) -> bool:
    """A name of unknown kind stands in for a person or another such name only: a
    firm no suffix marks ("Kestrel Aerospace") is no rival of a country."""
    kinds = {x.kind, y.kind}
    return entities.EntityKind.NAME not in kinds or kinds <= {entities.EntityKind.NAME, entities.EntityKind.PERSON}


F = TypeVar("F")
Fact = Quantity | DateMention | entities.Entity
Span = tuple[int, int]  # document offsets


def span(fact: Fact) -> Span:
    return fact.start, fact.end
_Rivals = tuple[entities.Entity, entities.Entity, tuple[str, str]]  # two names, their sentences masked
_Matched = tuple[int, int, Facts, Facts, list[_Rivals]]  # two matched clauses, their facts, their rival names


@dataclass(frozen=True)
class Conflict:
    """How two claims cannot both be true, in terms of their words alone: side 0
    is the first claim, side 1 the second, and offsets count from each sentence's
    start. Every link between the same two texts (outlets reprint wire copy word
    for word) then shares one judgement."""

    type: str
    facts: tuple[tuple[int, str, str], ...]  # (side, words, value)
    spans: tuple[tuple[int, int, int], ...]  # highlights: (side, start, end)
    quoted: tuple[str, str] = ("", "")  # a fact of each side, quoted with its source's name
    reason: str = ""  # or a reason of its own
    about: tuple[str, ...] = ()  # what two opposite words both apply to ("profit")

    def explain(self, names: tuple[str, str]) -> str:
        """The one-line reason, the sources named as in the report."""
        if self.reason:
            return self.reason
        return f"{self.quoted[0]} ({names[0]}) vs {self.quoted[1]} ({names[1]})"


def facing(kind: str, x: Fact, x_value: str, at_x: int, y: Fact, y_value: str, at_y: int) -> Conflict:
    """A fact of side 0 (its sentence starting at ``at_x``) against one of side 1."""
    return Conflict(
        kind,
        ((0, x.text, x_value), (1, y.text, y_value)),
        ((0, x.start - at_x, x.end - at_x), (1, y.start - at_y, y.end - at_y)),
        (x.text, y.text),
    )


def within(facts: Facts, clause: Clause) -> Facts:
    def keep(items: tuple) -> tuple:
        return tuple(x for x in items if clause.start <= x.start and x.end <= clause.end)

    return Facts(
        quantities=keep(facts.quantities),
        dates=keep(facts.dates),
        entities=keep(facts.entities),
        negations=keep(facts.negations),
        directions=keep(facts.directions),
    )


def _unmatched(
    xs: Sequence, ys: Sequence, same: Callable[[object, object], bool]
) -> list:
    return [x for x in xs if not any(same(x, y) for y in ys)]


class _Stated(Generic[F]):
    """The distinct facts of one kind the sources state, and which sources state
    each: whether another source backs a fact is asked of every fact of every
    supported claim, and a story told by many sources repeats its facts."""

    def __init__(self, key: Callable[[F], Hashable], backs: Callable[[F, F], bool]) -> None:
        self.key = key  # what ``backs`` reads of a fact: facts alike in it are judged once
        self.backs = backs  # backs(stated, claimed)
        self.facts: dict[Hashable, tuple[F, set[int]]] = {}
        self.backers: dict[Hashable, set[int]] = {}

    def add(self, fact: F, source: int) -> None:
        self.facts.setdefault(self.key(fact), (fact, set()))[1].add(source)

    def _backers(self, fact: F) -> set[int]:
        key = self.key(fact)
        if key not in self.backers:
            self.backers[key] = set().union(*(s for f, s in self.facts.values() if self.backs(f, fact)))
        return self.backers[key]

    def elsewhere(self, fact: F, source: int) -> bool:
        """Does a source other than ``source`` state something that backs ``fact``?"""
        return bool(self._backers(fact) - {source})

    def by(self, fact: F, source: int) -> bool:
        """Does ``source`` state something that backs ``fact``, anywhere?"""
        return source in self._backers(fact)


class Judge:
    """Compares the claims of one run; holds what every comparison needs."""

    def __init__(
        self,
        docs: Sequence[Document],
        claims: dict[Key, Claim],
        alignment: Alignment,
        settings: Settings,
    ) -> None:
        self.docs = docs
        self.claims = claims
        self.clause_tables = alignment.clauses
        self.scorer = Scorer(alignment.idf, settings)
        self.slots = Slots(docs, claims, alignment.idf)
        self.settings = settings
        self.stated: tuple[_Stated[Quantity], _Stated[DateMention], _Stated[entities.Entity]] = (
            _Stated(lambda q: (q.unit, q.low, q.high), quantities.compatible),
            _Stated(lambda d: d.value, lambda y, d: dates.supports(y.value, d.value)),
            _Stated(lambda e: (e.kind, e.key), entities.supports),
        )
        """Every fact each source states anywhere: a detail another source gives,
        even in another sentence, is not one "only" its source gives."""
        for (source, _), claim in claims.items():
            facts = self.with_nationalities(claim.facts, claim.sentence)
            for table, items in zip(self.stated, (facts.quantities, facts.dates, facts.entities)):
                for item in items:
                    table.add(item, source)
        ids: dict[tuple[str, date | None], int] = {}
        self.index: dict[tuple[int, int], int] = {(k[0], c.sentence.start): k[1] for k, c in claims.items()}
        """(source, sentence start) -> sentence index: which claim a piece of evidence is."""
        self.content: dict[Key, int] = {
            key: ids.setdefault(docs[key[0]].content(c.sentence), len(ids)) for key, c in claims.items()
        }
        """An id per distinct ``Document.content``: what two claims say to each
        other is worked out once per pair of contents."""
        self._clause_facts: dict[Key, list[Facts]] = {}
        self._matches: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
        self._conflicts: dict[tuple[int, int], list[Conflict]] = {}
        self._masked_scores: dict[tuple[str, str], float] = {}  # masked texts -> their similarity
        self._own_tables: dict[tuple[Key, Key], np.ndarray] = {}  # clause scores of pairs the aligner did not link
        self.postings: dict[str, list[Key]] = {}  # content token -> the claims that have it
        for key, claim in claims.items():
            for token in set(normalise(claim.sentence.text)):
                self.postings.setdefault(token, []).append(key)

    # -- clause matching -------------------------------------------------

    def clause_matches(self, a: Key, b: Key) -> list[tuple[int, int, float]]:
        """Clause pairs (index in a, index in b, score) that state the same thing:
        each clause's best partner on either side, if it scores high enough.
        Asked once for a link's conflicts and again for its claims' details."""
        pair = (self.content[a], self.content[b])
        if pair not in self._matches:
            flipped = self._matches.get(pair[::-1])
            if flipped is not None:
                self._matches[pair] = sorted((i, j, score) for j, i, score in flipped)
            else:
                scores = self._clause_scores(a, b)
                rows, cols = scores.shape
                best = {(i, int(scores[i].argmax())) for i in range(rows)}
                best |= {(int(scores[:, j].argmax()), j) for j in range(cols)}
                threshold = self.settings.clause_threshold
                self._matches[pair] = sorted(
                    (i, j, float(scores[i, j])) for i, j in best if scores[i, j] >= threshold
                )
        return self._matches[pair]

    def _clause_scores(self, a: Key, b: Key) -> np.ndarray:
        """The clause-by-clause scores of two claims: the aligner's when it linked
        them (either way round; the score is symmetric), else scored now."""
        if (a, b) in self.clause_tables:
            return self.clause_tables[(a, b)]
        if (b, a) in self.clause_tables:
            return self.clause_tables[(b, a)].T
        if (a, b) not in self._own_tables:
            self._own_tables.update(self.scorer.clause_tables([(self.claims[a], self.claims[b])]))
        return self._own_tables[(a, b)]

    def clause_facts(self, key: Key) -> list[Facts]:
        """The facts of each clause of a claim (a claim is judged once per link)."""
        if key not in self._clause_facts:
            claim = self.claims[key]
            self._clause_facts[key] = [within(claim.facts, clause) for clause in claim.clauses]
        return self._clause_facts[key]

    # -- conflicts ---------------------------------------------------------

    def conflicts(self, a: Key, b: Key) -> list[Conflict]:
        """Every way the two claims' matched clauses cannot both be true."""
        pair = (self.content[a], self.content[b])
        if pair not in self._conflicts:
            self.prepare([(a, b)])
        return self._conflicts[pair]

    def prepare(self, pairs: Iterable[tuple[Key, Key]]) -> None:
        """Work out the conflicts of every pair of contents the claim pairs join, in
        two passes: the name substitutions they ask about are scored in between, in
        one batch that pays the scorer's fixed cost (some 40 feature families) once."""
        pairs = list(pairs)
        unscored = [(self.claims[a], self.claims[b]) for a, b in pairs if (a, b) not in self.clause_tables
                    and (b, a) not in self.clause_tables and (a, b) not in self._own_tables]
        if unscored:  # in one batch: the scorer's fixed cost paid once
            self._own_tables.update(self.scorer.clause_tables(unscored))
        todo: dict[tuple[int, int], tuple[Key, Key, list[_Matched]]] = {}
        masked: dict[tuple[str, str], None] = {}
        for a, b in pairs:
            pair = (self.content[a], self.content[b])
            if pair in self._conflicts or pair in todo:
                continue
            matched: list[_Matched] = []
            for i, j, _ in self.clause_matches(a, b):
                fa, fb = self.clause_facts(a)[i], self.clause_facts(b)[j]
                rivals = [(x, y, (self._masked(a, [span(x)]), self._masked(b, [span(y)]))) for x, y in self._rivals(a, fa, b, fb)]
                masked.update((m, None) for _, _, m in rivals if m not in self._masked_scores)
                matched.append((i, j, fa, fb, rivals))
            todo[pair] = (a, b, matched)
        if masked:
            scores = self.scorer.similarities(list(masked))
            self._masked_scores.update(zip(masked, scores.tolist()))
        for pair, (a, b, matched) in todo.items():
            found: list[Conflict] = []
            for i, j, fa, fb, rivals in matched:
                for conflict in (
                    self._numbers(a, fa, b, fb),
                    self._dates(a, fa, b, fb),
                    self._entities(a, b, rivals),
                    self._polarity(a, self.claims[a].clauses[i], fa, b, self.claims[b].clauses[j], fb),
                ):
                    if conflict and conflict not in found:
                        found.append(conflict)
            self._conflicts[pair] = found

    def _at(self, key: Key) -> int:
        return self.claims[key].sentence.start

    def names(self, a: Key, b: Key) -> tuple[str, str]:
        """The two claims' files as reasons name them (the evidence has the paths)."""
        return short(self.docs[a[0]].path), short(self.docs[b[0]].path)

    def _numbers(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        """Two amounts of one slot (``slots.same_amount``) neither side can match."""
        for qa in fa.quantities:
            same_a = [q for q in fa.quantities if same_amount(q, qa)]
            same_b = [q for q in fb.quantities if same_amount(q, qa)]
            left = _unmatched(same_a, same_b, quantities.compatible)
            right = _unmatched(same_b, same_a, quantities.compatible)
            if left and right:
                x, y = left[0], right[0]
                return facing("number", x, quantities.describe(x), self._at(a), y, quantities.describe(y), self._at(b))
        return None

    def _dates(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        def same(x: object, y: object) -> bool:
            return dates.compatible(x.value, y.value)  # type: ignore[attr-defined]

        left = _unmatched(fa.dates, fb.dates, same)
        right = _unmatched(fb.dates, fa.dates, same)
        if not (left and right):
            return None
        x, y = left[0], right[0]
        kind = "weekday" if Granularity.WEEKDAY in (x.value.granularity, y.value.granularity) else "date"
        return facing(kind, x, dates.describe(x.value), self._at(a), y, dates.describe(y.value), self._at(b))

    def _entities(self, a: Key, b: Key, rivals: Sequence[_Rivals]) -> Conflict | None:
        """A name standing where the other source has another: the two sentences
        say the same once each one's name is masked. Two names in loosely matched
        clauses usually play different parts ("China's regulator", "a US chipmaker")."""
        for x, y, masked in rivals:
            if self._masked_scores[masked] >= self.settings.substitution_threshold:
                return facing("entity", x, f"{x.kind.value}:{x.key}", self._at(a),
                               y, f"{y.kind.value}:{y.key}", self._at(b))
        return None

    def _rivals(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Iterator[tuple[entities.Entity, entities.Entity]]:
        """Names of the two clauses that could stand for one another."""
        # A name is matched against the other *sentence*, not only the clause:
        # a person named once and referred to again elsewhere is no conflict.
        whole_a = self.claims[a].facts.entities
        whole_b = self.claims[b].facts.entities
        left = _unmatched([e for e in fa.entities if _may_stand_in(e)], whole_b, entities.same_entity)
        if not left:
            return iter(())
        right = _unmatched([e for e in fb.entities if _may_stand_in(e)], whole_a, entities.same_entity)
        return ((x, y) for x in left for y in right if _may_replace(x, y) and entities.conflicting(x, y))

    def rivals(self, a: Key, x: entities.Entity, b: Key, y: entities.Entity) -> bool:
        """Could name ``x`` of claim ``a`` stand where claim ``b`` has ``y``? Names
        that could be a source's mistake, of kinds that can replace each other, and
        neither source naming the other's anywhere: a source that names both tells
        of two parties, not of one under two names."""
        names = self.stated[2]
        return (
            _may_stand_in(x) and _may_stand_in(y) and _may_replace(x, y) and entities.conflicting(x, y)
            and not names.by(y, a[0]) and not names.by(x, b[0])
        )

    def masked(self, a: Key, x: Sequence[Span], b: Key, y: Sequence[Span]) -> float:
        """How alike the two claims' sentences are with ``x`` and ``y`` masked: one
        value (a name, an amount, an opposite word) standing in the other's place
        leaves the same sentence."""
        pair = (self._masked(a, x), self._masked(b, y))
        if pair not in self._masked_scores:
            self.mask([(a, x, b, y)])
        return self._masked_scores[pair]

    def mask(self, rivals: Iterable[tuple[Key, Sequence[Span], Key, Sequence[Span]]]) -> None:
        """Score the masked sentences of many pairs of values in one batch."""
        todo = list(dict.fromkeys((self._masked(a, x), self._masked(b, y)) for a, x, b, y in rivals))
        todo = [pair for pair in todo if pair not in self._masked_scores]
        if todo:
            self._masked_scores.update(zip(todo, self.scorer.similarities(todo).tolist()))

    def exclusive(self, kind: str, a: Key, x: Fact, b: Key, y: Fact) -> bool:
        """Does neither source state the other's value anywhere? A story told over
        several days names each day in several sources; a disputed value is one
        only its own side gives."""
        table = self.stated[("number", "date", "entity").index(kind)]
        return not table.by(y, a[0]) and not table.by(x, b[0])  # type: ignore[arg-type]

    def _masked(self, key: Key, spans: Sequence[Span]) -> str:
        """The words of a claim's sentence but some values (document offsets)."""
        s = self.claims[key].sentence
        plain = self.docs[key[0]].plain
        kept, at = [], s.start
        for start, end in sorted(spans):
            kept.append(plain[at : max(at, start)])
            at = max(at, end)
        return " ".join(" ".join([*kept, plain[at : s.end]]).split())

    def _polarity(self, a: Key, ca: Clause, fa: Facts, b: Key, cb: Clause, fb: Facts) -> Conflict | None:
        """Opposite outcomes or directions, or what one negates and the other
        asserts, about the same thing (``facts.opposition``)."""
        plain_a, plain_b = self.docs[a[0]].plain, self.docs[b[0]].plain
        found = opposition(plain_a[ca.start : ca.end], fa.negations + fa.directions,
                           plain_b[cb.start : cb.end], fb.negations + fb.directions, ca.start, cb.start)
        if found is None:
            return None
        at = (self._at(a), self._at(b))
        return Conflict(
            "negation",
            tuple((side, c.text, f"{c.frame or 'negation'}:{c.sign:+d}") for side, c in enumerate(found.cues)),
            tuple((side, c.start - at[side], c.end - at[side]) for side, c in enumerate(found.cues)),
            reason=describe(found),
            about=found.about,
        )

    def with_nationalities(self, facts: Facts, sentence: Sentence) -> Facts:
        """The facts with the sentence's adjectives of nationality as places:
        "the Mexican embassy" states a country as much as "Mexico" would."""
        plain = self.docs[sentence.source].plain
        found = entities.nationalities(plain[sentence.start : sentence.end], sentence.start)
        return replace(facts, entities=facts.entities + tuple(found)) if found else facts
