"""Event words and time phrases of one sentence: the triggers naming a happening
("meeting", "banned", "stop buying") and the phrases placing two in time ("a
day after", "follows", "Consequently"). Spans are document offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reconcile.data import events as words
from reconcile.data import numbers as num
from reconcile.model import Trigger

# -- patterns ----------------------------------------------------------------


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, any white space inside."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


_TRIGGER = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<noun>{_alternation(words.NOUNS)})|(?P<verb>{_alternation(words.VERBS)})"
    rf"|(?P<general>{_alternation(words.GENERAL)}))(?![\w-])"
)
_NOT_EVENT = re.compile("|".join(f"(?:{p})" for p in words.NOT_EVENTS), re.I)
_DETERMINER = re.compile(r"(?i)\b(?P<det>the|this|that|these|those|a|an|another)\s+(?:[\w’'-]+\s+){0,2}$")
_COUNT = {**num.ONES, **num.TEENS, "a": 1, "an": 1}
_OFFSET = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<n>\d{{1,3}}|{_alternation(_COUNT)})\s+)?(?P<unit>{_alternation(words.UNITS)}|hours?)"
    r"\s+(?P<dir>after|before|later|earlier|prior\s+to)(?![\w-])"
)
_RELATION_KINDS = (
    ("next", words.NEXT_DAY),
    ("passive", words.AFTER_PASSIVE),
    ("before", words.BEFORE),
    ("same", words.SAME),
    ("after", words.AFTER),
)
_PHRASE = re.compile(
    "(?i)(?<![\\w-])(?:"
    + "|".join(f"(?P<{kind}>{_alternation(table)})" for kind, table in _RELATION_KINDS)
    + ")(?![\\w-])"
)
THEN = re.compile(rf"(?i)^[\s\"“‘']*(?P<then>{_alternation(words.THEN)})\b,?")
PRONOUN = re.compile(rf"(?i)^[\s\"“‘']*(?P<p>{_alternation(words.PRONOUNS)})\b")
_NOT_RELATION = re.compile("|".join(f"(?:{p})" for p in words.NOT_RELATIONS), re.I)
_OPENING = re.compile(r"^[\s\"“‘'(]*$")


# -- triggers ----------------------------------------------------------------


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Event words of a sentence. A general noun ("move", "incident") counts only
    with "the"/"this": "a recent incident where the regulator conducted a review"
    is dated by the review, and "this move" stands for an event already told."""
    found: list[Trigger] = []
    blocked = [(x.start(), x.end()) for x in _NOT_EVENT.finditer(text)]
    for m in _TRIGGER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        det = _DETERMINER.search(text, 0, m.start())
        article = det.group("det").lower() if det and not m.group("verb") else ""
        definite = article in words.DEFINITE
        form = " ".join(m.group(0).lower().split())
        if m.group("general"):
            if not definite:
                continue
            lemma = "general"
        else:
            lemma = words.NOUNS.get(form) or words.VERBS[form]
        found.append(
            Trigger(
                offset + m.start(), offset + m.end(), m.group(0), lemma, words.KINDS[lemma][0], definite,
                article in words.INDEFINITE,
            )
        )
    return found


# -- one sentence ------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    start: int  # document offsets
    end: int
    text: str
    kind: str  # "offset", "next", "after", "before", "passive", "same"
    shape: str  # "infix" (X phrase Y), "prefix" (Phrase Y, X), "back" (X phrase; to the previous event)
    low: int | None
    high: int | None


def _bounds(kind: str, phrase: str) -> tuple[int | None, int | None]:
    if kind == "next":
        k = words.NEXT_DAY[" ".join(phrase.lower().split())]
        return k, k
    if kind == "same":
        return 0, 0
    if kind in ("after", "passive"):
        return 0, None
    return None, 0


def _offset_bounds(m: re.Match[str]) -> tuple[int | None, int | None]:
    unit = m.group("unit").lower()
    n_text = (m.group("n") or "").lower()
    later = m.group("dir").lower() in ("after", "later")
    if unit.startswith("hour"):
        low, high = 0, 1
    elif not n_text:  # "days after": at least one unit, no upper bound
        low, high = words.UNITS[unit][0], None
    else:
        n = int(n_text) if n_text.isdigit() else _COUNT[n_text]
        low, high = n * words.UNITS[unit][0], n * words.UNITS[unit][1]
    if later:
        return low, high
    return (-high if high is not None else None), -low


def time_phrases(text: str, offset: int) -> list[Phrase]:
    """Relation phrases of a sentence, longest reading first, look-alikes dropped."""
    blocked = [(m.start(), m.end()) for m in _NOT_RELATION.finditer(text)]
    candidates: list[tuple[int, int, str, int | None, int | None, bool]] = []
    for m in _OFFSET.finditer(text):
        low, high = _offset_bounds(m)
        anaphoric = m.group("dir").lower() in ("later", "earlier")
        candidates.append((m.start(), m.end(), "offset", low, high, anaphoric))
    for m in _PHRASE.finditer(text):
        kind = m.lastgroup or "after"
        low, high = _bounds(kind, m.group(0))
        candidates.append((m.start(), m.end(), kind, low, high, False))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    out: list[Phrase] = []
    taken = 0
    for start, end, kind, low, high, anaphoric in candidates:
        if start < taken or any(a < end and start < b for a, b in blocked):
            continue
        taken = end
        if anaphoric:
            shape = "back"
        elif _OPENING.match(text[:start]):
            shape = "prefix"
        else:
            shape = "infix"
        out.append(Phrase(offset + start, offset + end, text[start:end], kind, shape, low, high))
    return out
