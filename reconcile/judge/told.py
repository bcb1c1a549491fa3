"""What the sources state, read once for the whole run: which sources state each
fact anywhere in their articles, and which sentences are one reading (outlets
reprint wire copy word for word, so what two claims say to each other is worked
out once per pair of readings)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from reconcile.facts.entities import Entity
from reconcile.model import Claim, Cue, DateMention, Document, Facts, Key, Quantity

F = TypeVar("F")


class Told(Generic[F]):
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


def readings(docs: Sequence[Document], claims: Mapping[Key, Claim]) -> dict[Key, int]:
    """An id per distinct reading of a sentence: its ``Document.content``, whether
    it is a title line, and the facts read in it, counted from its start (a title
    line is read with the names its article's body gives, so one title in two
    articles may be read two ways). Outlets reprint wire copy word for word."""
    first: dict[Hashable, Claim] = {}
    ids: dict[Hashable, int] = {}
    out = {}
    for key, claim in claims.items():
        reading: Hashable = (docs[key[0]].content(claim.sentence), claim.sentence.heading)
        known = first.setdefault(reading, claim)
        if known is not claim and not _same_facts(known, claim):
            reading = (reading, key)
        out[key] = ids.setdefault(reading, len(ids))
    return out


def _same_facts(a: Claim, b: Claim) -> bool:
    """Are ``b``'s facts ``a``'s, moved to where ``b``'s sentence starts?"""
    by = b.sentence.start - a.sentence.start
    return all(
        len(xs) == len(ys) and all({**vars(x), "start": x.start + by, "end": x.end + by} == vars(y)
                                   for x, y in zip(xs, ys))
        for xs, ys in zip(_listed(a.facts), _listed(b.facts))
    )


def _listed(facts: Facts) -> tuple[tuple[Quantity | DateMention | Entity | Cue, ...], ...]:
    return facts.quantities, facts.dates, facts.entities, facts.negations, facts.directions
