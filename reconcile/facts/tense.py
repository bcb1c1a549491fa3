"""Which way in time the clause around a date points: to come, past, or no telling.

A day and month with no year, a weekday or a season is read as the one nearest
the publication date in that direction; the cue is looked for in the date's own
clause only ("He said the bureau will help on Sunday" points ahead, "He said
Sunday the bureau will help" dates the saying).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from reconcile.data import tense
from reconcile.data.speech import REPORTING_VERBS
from reconcile.data.stopwords import STOPWORDS

FUTURE, NONE, PAST = 1, 0, -1


def _phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, any white space between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _by_first_word(phrases: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """Phrases by their first word, each group one pattern tried where that word
    stands: a lookup per word of the sentence, not an alternation tried at every
    character."""
    groups: dict[str, list[str]] = {}
    for p in phrases:
        groups.setdefault(p.split()[0], []).append(p)
    return {first: re.compile(rf"(?i)(?:{_phrases(group)})(?![\w'’])") for first, group in groups.items()}


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_MARK = re.compile(r"[;:()\"“”—–!?]|\.(?=\s+[A-Z])")
_FUTURE = _by_first_word(tense.FUTURE_CUES)
_PAST = _by_first_word(tense.PAST_CUES)
_DETERMINER = re.compile(rf"(?i)\b(?:{_phrases(tense.DETERMINERS)})\s+$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_REPORTED = re.compile(rf"(?i)\b(?:{_phrases(REPORTING_VERBS)})(?:\s+(?:on|at|late|early))?\s+$")

Span = tuple[int, int]


@functools.lru_cache(maxsize=64)
def _marks(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...], tuple[tuple[int, int, int], ...]]:
    """Clause boundaries, reporting verbs and tense cues (start, end, FUTURE or
    PAST) of a sentence, found once for all its dates."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    boundaries = sorted([m.span() for m in _MARK.finditer(text)]
                        + [(a, b) for a, b, w in words if w in tense.CLAUSE_OPENERS])
    reporting = tuple((a, b) for i, (a, b, w) in enumerate(words)
                      if w in REPORTING_VERBS and not (i and words[i - 1][2] in tense.PASSIVE_AUXILIARIES))
    cues = [(a, b, PAST) for a, b in reporting]
    for a, b, w in words:
        if a and text[a - 1] in "-'’":  # "U.S.-based", "short-lived": part of a word
            continue
        future = _FUTURE[w].match(text, a) if w in _FUTURE else None
        past = _PAST[w].match(text, a) if w in _PAST and future is None else None
        if future or w.endswith(tense.FUTURE_SUFFIXES):
            cues.append((a, future.end() if future else b, FUTURE))
        elif (past or (len(w) > 3 and w.endswith("ed"))) and not _adjective(text, a, b, past is not None):
            cues.append((a, past.end() if past else b, PAST))
    return tuple(boundaries), reporting, tuple(cues)


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the last word opening a clause ("that",
    "which", a reporting verb: what was said is its own clause) or mark before it
    to the first after it. Commas bound nothing: they part lists as often as
    clauses; a reporting verb after the date is the date's own verb ("On Sunday,
    police said...")."""
    boundaries, reporting, _ = _marks(text)
    low = max((b for a, b in boundaries if b <= start), default=0)
    high = min((a for a, b in boundaries if a >= end), default=len(text))
    return max([low, *(b for a, b in reporting if low <= a and b <= start)]), high


def _adjective(text: str, start: int, end: int, listed: bool) -> bool:
    """Is a past form an adjective or participle, not a past tense? After a
    determiner ("the reduced dividend") or "be" ("would be held"); a word in
    "-ed" before "by" ("markets untouched by the crisis") or a lower-case content
    word other than an adverb ("preferred shares", not "fell sharply"), or listed."""
    if _DETERMINER.search(text, max(0, start - 12), start):
        return True
    if listed:
        return False
    if text[start:end].lower() in tense.NOT_PAST:
        return True
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    return word == "by" or (word not in STOPWORDS and not word.endswith("ly"))


def direction(text: str, start: int, end: int) -> int:
    """FUTURE, PAST or NONE for the date at ``text[start:end]``: the tense cue of
    its clause nearest to it ("Leaders met on Nov. 15 and will meet again"), a
    future one on a tie; a date right after "said" dates the saying."""
    if _REPORTED.search(text, max(0, start - 40), start):
        return PAST
    low, high = _scope(text, start, end)
    found = [(start - e if e <= start else s - end, -sign) for s, e, sign in _marks(text)[2]
             if (low <= s and e <= start) or (end <= s and e <= high)]
    return -min(found)[1] if found else NONE
