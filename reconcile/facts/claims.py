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
    the run's reader, when the run has more documents); a sentence that is no
    claim about the event is set aside with the reason. Title lines among the
    claims are read last, with the names the body gives (``facts.entities``)."""
    read = read or Reader(settings)
    found = tuple(split(doc, source, settings.max_sentence_chars))
    first = {s.index for s in found[:_TOP_SENTENCES]}
    kept, set_aside = [], []
    for sentence in found:
        why = not_a_claim(sentence, sentence.index in first)
        if why:
            set_aside.append((sentence, why))
        else:
            kept.append(sentence)
    titles = {s.index for s in kept if s.heading or title_case(s.text)}
    body = {s.index: read(s, doc) for s in kept if s.index not in titles}
    names = frozenset((e.key, e.kind) for claim in body.values() for e in claim.facts.entities)
    claims = tuple(body[s.index] if s.index in body else read(s, doc, names) for s in kept)
    return Analysis(doc, found, claims, tuple(set_aside))


_FEWEST_WORDS = 2
"""Content words a claim needs: "Thanks." or "Photo" says nothing of the event,
"Police arrested four protesters." does."""
_TOP_SENTENCES = 3
"""A title line among an article's first sentences is its headline (or a deck)."""
_SHORT_TITLE = 12


def not_a_claim(sentence: Sentence, near_top: bool) -> str:
    """Why a sentence states nothing about the event, or "". A headline (a title
    line at the top, in title case or short) sums up the article in words made
    to fit, as does a section title; a question asks, and a fragment of one
    content word says nothing.
    A short sentence is a claim like any other ("The senator voted against it.")."""
    if content_words(sentence.text) < _FEWEST_WORDS:
        return "fragment"
    if sentence.text.rstrip(" \"'”’)").endswith("?"):
        return "question"
    if sentence.heading:
        words = sentence.text.split()
        capitalised = sum(w[:1].isupper() for w in words if w[:1].isalpha())
        if near_top or len(words) <= _SHORT_TITLE or capitalised > len(words) / 2:
            return "headline"
    return ""


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
