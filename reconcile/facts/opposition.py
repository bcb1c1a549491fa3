"""Whether two aligned clauses disagree on polarity, on what, and why.

Two readings oppose when they are words of opposite ends of one frame ("rose"
vs "fell"), or one negates the word the other asserts ("did not rise" vs
"rose", "had not met" vs "met"), and both apply to the same thing
(``reconcile.facts.arguments``): "an increase in profit" against "a drop in
profit", not "shares tumbled" against "a drop in profit". A negated word is no
assertion of its opposite: "did not rise" fits "fell", and "did not rise" fits
"did not fall". Words the clause asks about or supposes ("unclear whether it
will rise", "if approved") assert nothing, and two identical texts never
disagree, whatever their cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from reconcile.data.polarity import (
    AUXILIARIES,
    NEGATORS,
    NOUN_NEGATORS,
    PRESENCE_VERBS,
    SUBJECT_NEGATORS,
)
from reconcile.data.speech import REPORTING_VERBS
from reconcile.facts.arguments import Context, clause_end, context, shared
from reconcile.model import Cue, Opposition
from reconcile.text.tokens import analyse, canonical, stem

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_PRESENCE = frozenset(stem(v) for v in PRESENCE_VERBS)


def _key(word: str) -> tuple[str, ...]:
    """A word's content token ("met" -> "meet"); its stem for a function word ("last")."""
    return analyse(word) or (stem(word),)


@dataclass(frozen=True)
class _Reading:
    cue: Cue  # as read: a negated direction spans its negation, with the sign it then means
    sign: int  # the word's own sign
    negated: bool


def _readings(cues: Sequence[Cue]) -> list[_Reading]:
    """The asserted direction words of a clause, each through the negation that scopes it."""
    negations = [c for c in cues if not c.frame]
    out = []
    for d in cues:
        if not d.frame or not d.asserted:
            continue
        scope = next((n for n in negations if n.start < d.start and d.end <= n.end), None)
        if scope is None:
            out.append(_Reading(d, d.sign, False))
        else:
            read = replace(d, start=scope.start, end=scope.end, text=scope.text, sign=-d.sign)
            out.append(_Reading(read, d.sign, True))
    return out


def _opposed(x: _Reading, y: _Reading) -> bool:
    if x.negated == y.negated:
        return not x.negated and x.sign != y.sign  # "rose" vs "fell"; two negations assert nothing
    return x.sign == y.sign  # "did not rise" vs "rose"


def _about(cue: Cue) -> Context:
    return Context(cue.before, cue.after)


def _also_says(side: Sequence[_Reading], y: _Reading) -> bool:
    """Does a clause say what ``y`` says too ("fell after rising" also says "rose")?"""
    return any(
        r.cue.frame == y.cue.frame and r.sign == y.sign and r.negated == y.negated
        and shared(_about(r.cue), _about(y.cue)) is not None
        for r in side
    )


def _frames(a: list[_Reading], b: list[_Reading]) -> Opposition | None:
    for x in a:
        for y in b:
            if x.cue.frame != y.cue.frame or not _opposed(x, y):
                continue
            about = shared(_about(x.cue), _about(y.cue))
            if about is None or _also_says(a, y) or _also_says(b, x):
                continue
            return Opposition(x.cue.frame, (x.cue, y.cue), about, x.negated != y.negated)
    return None


def _free(cues: Sequence[Cue], frames: set[str]) -> list[Cue]:
    """Asserted negations that reverse no direction word of a frame both clauses speak of."""
    return [
        n for n in cues
        if not n.frame and n.asserted
        and not any(d.frame in frames and n.start < d.start and d.end <= n.end for d in cues)
    ]


def _negated_spans(text: str, cues: Sequence[Cue]) -> list[tuple[int, int]]:
    """Where a clause's negations reach: each from its negator to the end of its clause
    ("nobody was injured, but" negates "injured"). Found by their words, so any
    offsets the cues carry need not be the text's."""
    spans = []
    for n in cues:
        if n.frame:
            continue
        words = " ".join(n.text.split())
        at = text.find(words)
        while at != -1:
            spans.append((at, clause_end(text, at + len(words))))
            at = text.find(words, at + 1)
    return spans


def _mentions(
    text: str, negated: list[tuple[int, int]], word: str, presence: bool
) -> tuple[tuple[re.Match[str], Context], ...]:
    """Where ``text`` asserts ``word`` (or, with ``presence``, any verb of PRESENCE_VERBS)."""
    return _asserted(text, tuple(negated), word, presence)


@lru_cache(maxsize=4096)  # a clause is set against the negations of every clause aligned with it
def _asserted(
    text: str, negated: tuple[tuple[int, int], ...], word: str, presence: bool
) -> tuple[tuple[re.Match[str], Context], ...]:
    key = _key(word)
    found = []
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if _key(w) != key and not (presence and stem(w) in _PRESENCE):
            continue
        if any(s <= m.start() < e for s, e in negated):
            continue
        around = context(text, m.start(), m.end())
        if around.asserted:
            found.append((m, around))
    return tuple(found)


def _verbal(cue: Cue) -> bool:
    """Negates a verb ("did not compete", "none were hit"), not a noun ("no tsunami")."""
    return cue.text.split()[0].lower() not in NOUN_NEGATORS


def _lone(n: Cue, own: str | None, other: str | None, other_cues: Sequence[Cue], at: int) -> Opposition | None:
    """A negation against the clause that asserts the word it negates, about the same thing."""
    if other is None:
        return Opposition("negation", (n, Cue(at, at, "", 1)), (), True)
    word = _WORD.findall(n.text)[-1]
    lowered = word.lower().replace("’", "'")
    name = word[:1].isupper() and not n.text[:1].isupper()  # not a headline's capitals: "Won't Direct"
    if lowered in NEGATORS or lowered in AUXILIARIES or name or n.text.split()[0].lower() in SUBJECT_NEGATORS:
        return None  # "None", "Neither Micron", "wasn't P.J. Carlesimo": no predicate in the span
    presence = stem(lowered) in _PRESENCE
    if own is not None and _mentions(own, _negated_spans(own, [n]), word, False):
        return None  # "not guilty to murder and guilty to manslaughter" says both
    reported = lowered in REPORTING_VERBS  # "could not say why" vs "said the fire was set"
    for m, around in _mentions(other, _negated_spans(other, other_cues), word, presence):
        about = shared(_about(n), around)
        if _key(m.group().lower()) == _key(lowered) and not reported:
            holds = about is not None or not _verbal(n)
        else:  # what was said, or another verb of presence: only of one named object
            holds = bool(about and n.after and around.after)
        if holds:
            return Opposition("negation", (n, Cue(at + m.start(), at + m.end(), m.group(), 1)), about or (), True)
    return None


def opposition(
    a_text: str | None,
    a_cues: Sequence[Cue],
    b_text: str | None,
    b_cues: Sequence[Cue],
    a_at: int = 0,
    b_at: int = 0,
) -> Opposition | None:
    """How two aligned clauses disagree on polarity, or None.

    Takes each clause's text and its cues (``find_negations`` and
    ``find_directions`` together); ``a_at`` and ``b_at`` are the texts' offsets,
    given to the word a negation is set against. Frames come first: two words of
    one frame, about the same thing, that cannot both hold. Then a negation that
    reverses no word of a shared frame, against the other clause's assertion of
    the word it negates. Without a text, any lone negation on one side only counts,
    which over-reports when clauses are only loosely aligned. A lone negation
    counts only when one clause has an odd number of them and the other an even
    one: negations placed differently ("I didn't feel we were", "I feel we
    weren't") say the same.
    """
    if not any(not c.frame for c in (*a_cues, *b_cues)) and not (
            any(c.frame for c in a_cues) and any(c.frame for c in b_cues)):
        return None  # no negation, and no frame both clauses have a word of
    if a_text is not None and b_text is not None and _same_text(a_text, b_text):
        return None
    a, b = _readings(a_cues), _readings(b_cues)
    found = _frames(a, b)
    if found is not None:
        return found
    frames = {r.cue.frame for r in a} & {r.cue.frame for r in b}
    free_a, free_b = _free(a_cues, frames), _free(b_cues, frames)
    if len(free_a) % 2 == len(free_b) % 2:
        return None  # "I didn't feel we were executing" = "I feel we weren't executing"
    if free_a:
        return next((o for n in free_a if (o := _lone(n, a_text, b_text, b_cues, b_at))), None)
    return _flip(next((o for n in free_b if (o := _lone(n, b_text, a_text, a_cues, a_at))), None))


def _flip(o: Opposition | None) -> Opposition | None:
    return None if o is None else replace(o, cues=(o.cues[1], o.cues[0]))


def _same_text(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


@lru_cache(maxsize=8192)  # each clause is compared with every clause aligned with it
def _folded(text: str) -> str:
    return " ".join(canonical(text).split()).lower()


def describe(o: Opposition) -> str:
    """The one-line reason: '"rose" vs "fell"', 'negated in one source: "did not approve" vs "approved"'."""
    words = " vs ".join(f'"{c.text}"' for c in o.cues if c.text)
    return f"negated in one source: {words}" if o.negated else words
