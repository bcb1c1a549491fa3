"""Which way in time the clause around a date points: to come, past, or no telling.

A day and month with no year, a weekday or a season is read as the one nearest
the publication date in that direction; the cue is looked for in the date's own
clause only ("He said the bureau will help on Sunday" points ahead, "He said
Sunday the bureau will help" dates the saying).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reconcile.data import tense
from reconcile.data.speech import REPORTING_VERBS
from reconcile.data.stopwords import STOPWORDS

FUTURE, NONE, PAST = 1, 0, -1


def _phrases(words: Iterable[str]) -> str:
    """Alternation, longest first, any white space between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


_FUTURE = re.compile(rf"(?i)(?<![\w'’])(?:{_phrases(tense.FUTURE_CUES)})(?!\w)")
_PAST = re.compile(rf"(?i)(?<![\w'’-])(?:(?P<word>{_phrases(tense.PAST_CUES)})|(?P<ed>[a-z]{{2,}}ed))(?![\w-])")
_DETERMINER = re.compile(rf"(?i)\b(?:{_phrases(tense.DETERMINERS)})\s+$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_BOUNDARY = re.compile(rf"(?i)\b(?:{_phrases(tense.CLAUSE_OPENERS)})\b|[;:()\"“”—–!?]|\.(?=\s+[A-Z])")
_REPORTING = re.compile(rf"(?i)(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )"
                        rf"\b(?:{_phrases(REPORTING_VERBS)})\b")  # "was reported at 2:40 p.m." is no new clause
_REPORTED = re.compile(rf"(?i)\b(?:{_phrases(REPORTING_VERBS)})(?:\s+(?:on|at|late|early))?\s+$")


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the last word opening a clause ("that",
    "which", a reporting verb: what was said is its own clause) or mark before it
    to the first after it. Commas bound nothing: they part lists as often as
    clauses; a reporting verb after the date is the date's own verb ("On Sunday,
    police said...")."""
    low, high = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= start:
            low = m.end()
        elif m.start() >= end:
            high = m.start()
            break
    for m in _REPORTING.finditer(text, low, start):
        low = m.end()
    return low, high


def _cues(text: str, low: int, high: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, FUTURE or PAST) of the tense cues in ``text[low:high]``."""
    for m in _FUTURE.finditer(text, low, high):
        yield m.start(), m.end(), FUTURE
    for m in _PAST.finditer(text, low, high):
        if not _adjective(text, m):
            yield m.start(), m.end(), PAST
    for m in _REPORTING.finditer(text, low, high):
        yield m.start(), m.end(), PAST


def _adjective(text: str, m: re.Match[str]) -> bool:
    """Is a past form an adjective or participle, not a past tense? After a
    determiner ("the reduced dividend") or "be" ("would be held"); a word in
    "-ed" before "by" ("markets untouched by the crisis") or a lower-case content
    word other than an adverb ("preferred shares", not "fell sharply"), or listed."""
    if _DETERMINER.search(text, max(0, m.start() - 12), m.start()):
        return True
    if m.group("word"):
        return False
    if m.group("ed").lower() in tense.NOT_PAST:
        return True
    after = _NEXT_WORD.match(text, m.end())
    if after is None:
        return False
    word = after.group(1)
    return word == "by" or (word not in STOPWORDS and not word.endswith("ly"))


def direction(text: str, start: int, end: int) -> int:
    """FUTURE, PAST or NONE for the date at ``text[start:end]``: the tense cue of
    its clause nearest to it ("Leaders met on Nov. 15 and will meet again"), a
    future one on a tie; a date right after "said" dates the saying."""
    if _REPORTED.search(text, 0, start):
        return PAST
    low, high = _scope(text, start, end)
    found = [(start - e if e <= start else s - end, -sign) for s, e, sign in
             (*_cues(text, low, start), *_cues(text, end, high))]
    return -min(found)[1] if found else NONE
