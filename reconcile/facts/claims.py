"""Claims: each sentence of a document with its clauses and facts, the unit
every later stage compares. Outlets reprint wire copy word for word, so a run
reads each distinct sentence once (``Reader``)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from typing import TypeVar

from reconcile.facts import extract
from reconcile.facts.entities import title_case
from reconcile.model import (
    Analysis,
    Claim,
    Clause,
    Cue,
    DateMention,
    Document,
    Entity,
    EntityKind,
    Facts,
    Quantity,
    Sentence,
)
from reconcile.settings import Settings
from reconcile.text.clauses import clauses
from reconcile.text.sentences import split
from reconcile.text.tokens import content_words


def analyse(doc: Document, source: int, settings: Settings, read: Reader | None = None) -> Analysis:
    """Split a document and read the facts of each of its claims (through ``read``,
    the run's reader, when the run has more documents). Title lines are read last,
    with the names the body gives (``facts.entities.find_entities``)."""
    read = read or Reader(settings)
    found = tuple(split(doc, source, settings.max_sentence_chars))
    kept = [s for s in found if content_words(s.text) >= settings.min_claim_words]
    titles = {s.index for s in kept if s.heading or title_case(s.text)}
    body = {s.index: read(s, doc) for s in kept if s.index not in titles}
    names = frozenset((e.key, e.kind) for claim in body.values() for e in claim.facts.entities)
    claims = tuple(body[s.index] if s.index in body else read(s, doc, names) for s in kept)
    return Analysis(doc, found, claims)


class Reader:
    """Reads the clauses and facts of each distinct sentence of a run once: outlets
    reprint wire copy word for word, and what a sentence says depends only on its
    words and its article's date. A sentence read before is moved to where it
    stands now."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.seen: dict[Hashable, Claim] = {}

    def __call__(self, sentence: Sentence, doc: Document, heading: frozenset[tuple[str, EntityKind]] | None = None,
                 ) -> Claim:
        """The sentence's claim; a title line's (``heading``: the names its body gives)
        is read again for another body."""
        key = doc.content(sentence) if heading is None else (doc.content(sentence), heading)
        known = self.seen.get(key)
        if known is None:
            claim = Claim(sentence, clauses(sentence, doc), extract(sentence, doc, self.settings, heading))
            self.seen[key] = claim
            return claim
        by = sentence.start - known.sentence.start
        found = known.facts
        return Claim(
            sentence,
            _moved(known.clauses, by),
            Facts(_moved(found.quantities, by), _moved(found.dates, by), _moved(found.entities, by),
                  _moved(found.negations, by), _moved(found.directions, by)),
        )


_Located = TypeVar("_Located", Clause, Quantity, DateMention, Entity, Cue)


def _moved(items: tuple[_Located, ...], by: int) -> tuple[_Located, ...]:
    return tuple(replace(x, start=x.start + by, end=x.end + by) for x in items)
