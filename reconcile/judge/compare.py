"""Comparing two aligned claims: how they conflict, and what one adds.

Facts are compared clause to clause, never sentence to sentence: "the meeting
was on Nov. 1" and "the statement came out on Friday" may share a sentence
without being about the same time. A conflict needs a fact on *each* side
that the other side cannot match; a fact only one side has is a detail that
source adds, reported as unsupported, never as a contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace


from reconcile.align.score import Scorer
from reconcile.facts import dates, entities, quantities
from reconcile.facts.opposition import opposition
from reconcile.judge.matches import best_partners
from reconcile.judge.slots import Slots, same_amount
from reconcile.judge.told import Told, readings
from reconcile.model import (
    Alignment,
    Claim,
    Clause,
    DateMention,
    Document,
    Facts,
    Granularity,
    Key,
    Link,
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


_LOWER = re.compile(r"\b[a-z][a-z'’-]*\b")
_OPENERS = " \"'“‘([-–—"  # what may come before a sentence's first word
_ADDRESSED = {"say/o", "interview/s"}  # roles of the outlet a statement was made to (facts.roles)


def _may_replace(x: entities.Entity, y: entities.Entity) -> bool:
    """A name of unknown kind stands in for a person or another such name only: a
    firm no suffix marks ("Kestrel Aerospace") is no rival of a country."""
    kinds = {x.kind, y.kind}
    return entities.EntityKind.NAME not in kinds or kinds <= {entities.EntityKind.NAME, entities.EntityKind.PERSON}


Fact = Quantity | DateMention | entities.Entity
Span = tuple[int, int]  # document offsets


def span(fact: Fact) -> Span:
    """Where a fact stands, to mask it (``Judge.masked``)."""
    return fact.start, fact.end


_Rivals = tuple[entities.Entity, entities.Entity, tuple[str, str]]  # two names, their sentences masked
_Matched = tuple[int, int, Facts, Facts, list[_Rivals]]  # two matched clauses, their facts, their rival names


@dataclass(frozen=True, slots=True)
class Conflict:
    """How two claims cannot both be true, in terms of their words alone: side 0
    is the first claim, side 1 the second, and offsets count from each sentence's
    start. Every link between the same two texts (outlets reprint wire copy word
    for word) then shares one judgement."""

    type: str
    facts: tuple[tuple[int, str, str], ...]  # (side, words, value)
    spans: tuple[tuple[int, int, int], ...]  # highlights: (side, start, end)
    about: tuple[str, ...] = ()  # what two opposite words both apply to ("profit")


def facing(kind: str, x: Fact, x_value: str, at_x: int, y: Fact, y_value: str, at_y: int) -> Conflict:
    """A fact of side 0 (its sentence starting at ``at_x``) against one of side 1."""
    return Conflict(
        kind,
        ((0, x.text, x_value), (1, y.text, y_value)),
        ((0, x.start - at_x, x.end - at_x), (1, y.start - at_y, y.end - at_y)),
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


def _whole(claim: Claim) -> bool:
    """Is the claim one clause, its whole sentence (as the clause tables read it)?"""
    return [c.text for c in claim.clauses] in ([], [claim.sentence.text])


def _unmatched(
    xs: Sequence, ys: Sequence, same: Callable[[object, object], bool]
) -> list:
    return [x for x in xs if not any(same(x, y) for y in ys)]


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
        self.content = readings(docs, claims)
        """An id per distinct reading of a sentence: what two claims say to each
        other is worked out once per pair of readings."""
        self.scorer = Scorer(alignment.idf, settings)
        self.slots = Slots(docs, claims, alignment.idf, self.content)
        self.settings = settings
        self.stated: tuple[Told[Quantity], Told[DateMention], Told[entities.Entity]] = (
            Told(lambda q: (q.unit, q.low, q.high), quantities.compatible),
            Told(lambda d: d.value, lambda y, d: dates.supports(y.value, d.value)),
            Told(lambda e: (e.kind, e.key), entities.supports),
        )
        """Every fact each source states anywhere: a detail another source gives,
        even in another sentence, is not one "only" its source gives."""
        read: dict[int, Facts] = {}  # a reading's facts, found once (where they stand does not matter here)
        for key, claim in claims.items():
            facts = read.get(self.content[key])
            if facts is None:
                facts = read[self.content[key]] = self.with_nationalities(claim.facts, claim.sentence)
            for table, items in zip(self.stated, (facts.quantities, facts.dates, facts.entities)):
                for item in items:
                    table.add(item, key[0])
        self.index: dict[tuple[int, int], int] = {(k[0], c.sentence.start): k[1] for k, c in claims.items()}
        """(source, sentence start) -> sentence index: which claim a piece of evidence is."""
        self._clause_facts: dict[Key, list[Facts]] = {}
        # per pair of readings, as tuples: tens of thousands of them live through the
        # judge, and the garbage collector scans every list at each full collection
        self._readings = max(self.content.values(), default=0) + 1
        self._matches: dict[int, tuple[tuple[int, int, float], ...]] = {}  # by ``pair``
        self._sentence_scores: dict[int, float] = {}  # by ``pair``: the links' exact scores
        self._conflicts: dict[int, tuple[Conflict, ...]] = {}
        self._masked_scores: dict[tuple[str, str], float] = {}  # masked texts -> their similarity
        self._masked_texts: dict[tuple[Key, tuple[Span, ...]], str] = {}  # a few thousand, asked for 80,000 times
        self._lowercase: frozenset[str] | None = None  # words the sources write in lower case, read when asked
        self.postings: dict[str, list[Key]] = {}  # content token -> the claims that have it
        tokens: dict[int, set[str]] = {}
        for key, claim in claims.items():
            if self.content[key] not in tokens:
                tokens[self.content[key]] = set(normalise(claim.sentence.text))
            for token in tokens[self.content[key]]:
                self.postings.setdefault(token, []).append(key)

    # -- clause matching -------------------------------------------------

    def pair(self, a: Key, b: Key) -> int:
        """The pair of the two claims' readings, as one int (what is worked out per
        pair of readings is kept by it)."""
        return self.content[a] * self._readings + self.content[b]

    def _flipped(self, pair: int) -> int:
        return pair % self._readings * self._readings + pair // self._readings

    def clause_matches(self, a: Key, b: Key) -> tuple[tuple[int, int, float], ...]:
        """Clause pairs (index in a, index in b, score) that state the same thing:
        each clause's best partner on either side, if it scores high enough.
        Asked once for a link's conflicts and again for its claims' details."""
        pair = self.pair(a, b)
        if pair not in self._matches:
            flipped = self._matches.get(self._flipped(pair))
            if flipped is not None:
                self._matches[pair] = tuple(sorted((i, j, score) for j, i, score in flipped))
            else:
                self._match([(a, b)])
        return self._matches[pair]

    def knows(self, links: Iterable[Link]) -> None:
        """Keep the exact scores of the links' two sentences (the aligner's, or the
        judge's own for pairs it found by slot): the clause table of two claims of
        one clause each, their whole sentences, is that score, not scored again."""
        for link in links:
            if link.exact is not None:
                self._sentence_scores.setdefault(self.pair(link.a, link.b), link.exact)

    def _match(self, pairs: Sequence[tuple[Key, Key]]) -> None:
        """The clause matches of claim pairs whose readings were never matched, their
        clause tables scored in one batch (the scorer's fixed cost paid once)."""
        threshold = self.settings.clause_threshold
        scored = []
        for a, b in pairs:
            known = self._sentence_scores.get(self.pair(a, b)) if _whole(self.claims[a]) and \
                _whole(self.claims[b]) else None
            if known is None:
                scored.append((a, b))
            else:
                self._matches[self.pair(a, b)] = ((0, 0, known),) if known >= threshold else ()
        if not scored:
            return
        tables = self.scorer.clause_tables([(self.claims[a], self.claims[b]) for a, b in scored])
        for (a, b), matches in zip(scored, best_partners(*tables, threshold)):
            self._matches[self.pair(a, b)] = matches

    def clause_facts(self, key: Key) -> list[Facts]:
        """The facts of each clause of a claim (a claim is judged once per link)."""
        if key not in self._clause_facts:
            claim = self.claims[key]
            self._clause_facts[key] = [within(claim.facts, clause) for clause in claim.clauses]
        return self._clause_facts[key]

    # -- conflicts ---------------------------------------------------------

    def conflicts(self, a: Key, b: Key) -> tuple[Conflict, ...]:
        """Every way the two claims' matched clauses cannot both be true."""
        pair = self.pair(a, b)
        if pair not in self._conflicts:
            self.prepare([(a, b)])
        return self._conflicts[pair]

    def prepare(self, pairs: Iterable[tuple[Key, Key]]) -> None:
        """Work out the conflicts of every pair of contents the claim pairs join, in
        two passes: the name substitutions they ask about are scored in between, in
        one batch that pays the scorer's fixed cost (some 40 feature families) once."""
        first: dict[int, tuple[Key, Key]] = {}  # each new pair of readings, by its first claim pair
        for a, b in pairs:
            pair = self.pair(a, b)
            if pair not in self._conflicts and pair not in first:
                first[pair] = (a, b)
        unmatched, known = [], set(self._matches)  # not matched either way round
        for pair, (a, b) in first.items():
            if pair not in known and self._flipped(pair) not in known:
                unmatched.append((a, b))
            known.add(pair)
        if unmatched:
            self._match(unmatched)
        todo: dict[int, tuple[Key, Key, list[_Matched]]] = {}
        masked: dict[tuple[str, str], None] = {}
        for pair, (a, b) in first.items():
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
            self._conflicts[pair] = tuple(found)

    def _at(self, key: Key) -> int:
        return self.claims[key].sentence.start

    def _numbers(self, a: Key, fa: Facts, b: Key, fb: Facts) -> Conflict | None:
        """Two amounts of one slot (``slots.same_amount``) neither side can match."""
        if not fb.quantities:
            return None
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

        if not (fa.dates and fb.dates):
            return None
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
        left = [e for e in fa.entities if _may_stand_in(e)]
        right = [e for e in fb.entities if _may_stand_in(e)]
        if not (left and right):
            return iter(())
        left = _unmatched(left, self.claims[b].facts.entities, entities.same_entity)
        if not left:
            return iter(())
        right = _unmatched(right, self.claims[a].facts.entities, entities.same_entity)
        return ((x, y) for x in left for y in right
                if _may_replace(x, y) and entities.conflicting(x, y) and not self._one_name(a, x, b, y))

    def rivals(self, a: Key, x: entities.Entity, b: Key, y: entities.Entity) -> bool:
        """Could name ``x`` of claim ``a`` stand where claim ``b`` has ``y``? Names
        that could be a source's mistake, of kinds that can replace each other, and
        neither source naming the other's anywhere: a source that names both tells
        of two parties, not of one under two names."""
        names = self.stated[2]
        return self.could_replace(a, x, b, y) and not names.by(y, a[0]) and not names.by(x, b[0])

    def could_replace(self, a: Key, x: entities.Entity, b: Key, y: entities.Entity) -> bool:
        """``rivals`` as far as the two sentences' words tell, whoever says them."""
        return _may_stand_in(x) and _may_stand_in(y) and _may_replace(x, y) and entities.conflicting(x, y) \
            and not self._one_name(a, x, b, y)

    def _one_name(self, a: Key, x: entities.Entity, b: Key, y: entities.Entity) -> bool:
        """Are two names one once a word that only opens its sentence is set aside? A
        capital at a sentence's start is no sign of a name, and a word the sources
        also write in lower case is a common one: "Warship Sukanya" (a source that
        also writes "aboard warship INS Sukanya") is "INS Sukanya"."""
        wx, wy = self._name_words(a, x), self._name_words(b, y)
        if len(wx) == len(x.key.split()) and len(wy) == len(y.key.split()):
            return False
        short, long = sorted((wx, wy), key=len)
        return bool(short) and long[-len(short):] == short

    def _name_words(self, key: Key, name: entities.Entity) -> list[str]:
        """A name's words, but a first word of unknown kind that opens its sentence
        and that the sources write in lower case elsewhere."""
        words = name.key.split()
        s = self.claims[key].sentence
        if name.kind is not entities.EntityKind.NAME or len(words) < 2 or \
                self.docs[key[0]].plain[s.start : name.start].strip(_OPENERS):
            return words
        if self._lowercase is None:
            self._lowercase = frozenset(w for doc in self.docs for w in _LOWER.findall(doc.plain))
        return words[1:] if name.text.split()[0].lower() in self._lowercase else words

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
        """The words of a claim's sentence but some values (document offsets). A
        claim's few values are masked again for every claim it is paired with."""
        asked = (key, tuple(spans))
        known = self._masked_texts.get(asked)
        if known is None:
            known = self._masked_texts[asked] = self._mask_text(key, spans)
        return known

    def _mask_text(self, key: Key, spans: Sequence[Span]) -> str:
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
        if not (fa.negations or fa.directions or fb.negations or fb.directions):
            return None  # no polarity word on either side: nothing to oppose
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
            about=found.about,
        )

    def with_nationalities(self, facts: Facts, sentence: Sentence) -> Facts:
        """The facts with the sentence's adjectives of nationality as places:
        "the Mexican embassy" states a country as much as "Mexico" would."""
        plain = self.docs[sentence.source].plain
        found = entities.nationalities(plain[sentence.start : sentence.end], sentence.start)
        return replace(facts, entities=facts.entities + tuple(found)) if found else facts
