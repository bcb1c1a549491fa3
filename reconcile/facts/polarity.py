"""Polarity cues: negations ("did not approve") and direction words ("rose",
"banned"), each with what it applies to; and ``polarity_conflict``, whether two
aligned clauses disagree on them (``reconcile.facts.opposition`` decides).

A negation cue's span is the negated phrase, not the bare negator: an
auxiliary on its left and the word it negates on its right ("did not
approve", "failed to win", "no evidence"). That span is what a reader wants
highlighted, and it is the negation's scope: a direction word inside it, after
the negator, is reversed ("did not rise" reads as a downward change).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reconcile.data.polarity import (
    AUXILIARIES,
    CONTRASTIVE_NOT,
    DOUBLED,
    FRAMES,
    IRREGULAR,
    NEGATING_VERBS,
    NEGATORS,
    NOT_NEGATION_AFTER,
    NOT_NEGATION_BEFORE,
    NUMBER_LEADS,
    NUMERIC_ONLY,
    OUT_OF_SCOPE,
    PHRASAL_HOSTS,
    PHRASE_GAP,
    SKIPPED_IN_SCOPE,
)
from reconcile.facts.arguments import context
from reconcile.facts.opposition import describe, opposition
from reconcile.model import Cue

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_OPEN_QUOTES = "“\"‘'"
_CLOSE_QUOTES = "”\"’'"

_Word = tuple[int, int, str]  # start, end, lower-case form with "'" for "’"


@lru_cache(maxsize=64)  # both finders read each sentence's words
def _words(text: str) -> tuple[_Word, ...]:
    return tuple((m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(text))


def _next_to(text: str, a: _Word, b: _Word, quote: bool = False) -> bool:
    """Only white space between two words (and, with `quote`, an opening quote)."""
    gap = text[a[1]:b[0]].strip()
    return gap == "" or (quote and len(gap) == 1 and gap in _OPEN_QUOTES)


def _inflect(base: str) -> set[str]:
    vowels = "aeiou"
    consonant_y = base.endswith("y") and base[-2:-1] not in vowels
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    else:
        third = base[:-1] + "ies" if consonant_y else base + "s"
    if base in DOUBLED:
        ing, past = base + base[-1] + "ing", base + base[-1] + "ed"
    elif base.endswith("ie"):
        ing, past = base[:-2] + "ying", base + "d"
    elif base.endswith("ee"):
        ing, past = base + "ing", base + "d"
    elif base.endswith("e"):
        ing, past = base[:-1] + "ing", base + "d"
    else:
        ing, past = base + "ing", (base[:-1] + "ied" if consonant_y else base + "ed")
    return {base, third, ing, *IRREGULAR.get(base, (past,))}


def _index() -> dict[str, list[tuple[tuple[str, ...], str, int]]]:
    """First word form -> (rest of the phrase, frame, sign), longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for name, frame in FRAMES.items():
        for pair in frame.pairs:
            for sign, entry in zip((1, -1), pair):
                head, *rest = entry.split()
                for form in {head[1:]} if head.startswith("=") else _inflect(head):
                    entries = index.setdefault(form, [])
                    if (tuple(rest), name, sign) not in entries:
                        entries.append((tuple(rest), name, sign))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_INDEX = _index()


def find_negations(text: str, offset: int = 0) -> list[Cue]:
    """Negation cues with document offsets; idioms that only look negative
    ("not only", "no doubt", "nothing but", "whether or not") are left out,
    and "neither ... nor" counts once."""
    words = _words(text)
    cues: list[Cue] = []
    for i, (start, end, w) in enumerate(words):
        if not (w == "no" or w in NEGATORS or w in NEGATING_VERBS or w.endswith("n't")):
            continue
        nxt = words[i + 1][2] if i + 1 < len(words) and _next_to(text, words[i], words[i + 1]) else ""
        two = f"{nxt} {words[i + 2][2]}" if nxt and i + 2 < len(words) else nxt
        prev = words[i - 1][2] if i and _next_to(text, words[i - 1], words[i]) else ""
        core = i  # last word of the negator itself
        if w == "no":
            if not nxt or nxt in NOT_NEGATION_AFTER["no"] or nxt[0].isdigit():
                continue  # "No, ...", "No. 1", "no doubt", "no more than 5"
            if nxt in ("longer", "one"):
                core = i + 1
        elif w in NEGATORS or w.endswith("n't"):
            idiom = NOT_NEGATION_AFTER.get(w, frozenset())
            if nxt in idiom or two in idiom or prev in NOT_NEGATION_BEFORE.get(w, ()):
                continue
            if w == "not" and nxt in CONTRASTIVE_NOT and re.search(r"\bbut\b", text[end:]):
                continue  # "not just X but Y"
            if w == "nor" and cues:
                continue  # "neither X nor Y", "not X nor Y": one negation
        elif w in NEGATING_VERBS:
            if NEGATING_VERBS[w]:
                if nxt != NEGATING_VERBS[w]:
                    continue  # "declined 5%" is a change, "declined to" a refusal
                core = i + 1
        else:
            continue
        verbal = w in ("not", "never")  # "did not", "has never"; not "is no evidence"
        first = i - 1 if verbal and prev in AUXILIARIES else i
        last = core
        k = core + 1
        while (
            k < len(words)
            and words[k][2] not in OUT_OF_SCOPE
            and _next_to(text, words[k - 1], words[k], quote=True)
        ):
            last = k
            if words[k][2] in SKIPPED_IN_SCOPE or words[k][2].endswith("ly"):
                k += 1
                continue
            break
        s, e = words[first][0], words[last][1]
        if any(c in _OPEN_QUOTES for c in text[s:e]) and e < len(text) and text[e] in _CLOSE_QUOTES:
            e += 1  # keep the quote that was opened: not “decouple”
        cues.append(_cue(text, s, e, offset, -1))
    return cues


def _number_follows(words: Sequence[_Word], i: int) -> bool:
    if i and words[i - 1][2] in PHRASAL_HOSTS:
        return False
    ahead = [w for _, _, w in words[i + 1:i + 3]]
    if ahead and ahead[0] in NUMBER_LEADS:
        ahead = ahead[1:]
    return bool(ahead) and ahead[0][:1].isdigit()


def _match(text: str, words: Sequence[_Word], i: int, rest: tuple[str, ...]) -> int | None:
    """Index of the last word of the phrase starting at `i`, or None."""
    j = i
    for want in rest:
        if j + 1 < len(words) and words[j + 1][2] in PHRASE_GAP and words[j + 1][2] != want:
            if j + 2 < len(words) and _next_to(text, words[j], words[j + 1]) and words[j + 2][2] == want:
                j += 1
        if j + 1 >= len(words) or words[j + 1][2] != want or not _next_to(text, words[j], words[j + 1]):
            return None
        j += 1
    return j


def find_directions(text: str, offset: int = 0) -> list[Cue]:
    """Direction words (every inflection) with their frame and sign; the longest
    phrase wins ("lifted its ban" is not "ban"), a word in two frames gives two cues."""
    words = _words(text)
    cues: list[Cue] = []
    i = 0
    while i < len(words):
        best: list[tuple[str, int]] = []
        best_end = i
        needs = NEGATING_VERBS.get(words[i][2])
        if needs and i + 1 < len(words) and words[i + 1][2] == needs:
            i += 1  # "failed to pass": a negation, not a failed vote
            continue
        for rest, frame, sign in _INDEX.get(words[i][2], ()):
            if words[i][2] in NUMERIC_ONLY and not _number_follows(words, i):
                continue
            j = _match(text, words, i, rest)
            if j is None or j < best_end:
                continue
            if j > best_end or not best:
                best, best_end = [], j
            if (frame, sign) not in best:
                best.append((frame, sign))
        s, e = words[i][0], words[best_end][1]
        cues.extend(_cue(text, s, e, offset, sign, frame) for frame, sign in best)
        i = best_end + 1
    return cues


def _cue(text: str, start: int, end: int, offset: int, sign: int, frame: str = "") -> Cue:
    """A cue with what it applies to, and whether its clause asserts it."""
    around = context(text, start, end)
    return Cue(offset + start, offset + end, text[start:end], sign, frame,
               around.before, around.after, around.asserted)


def polarity_conflict(
    a_negations: Sequence[Cue],
    a_directions: Sequence[Cue],
    b_negations: Sequence[Cue],
    b_directions: Sequence[Cue],
    a_text: str | None = None,
    b_text: str | None = None,
) -> str | None:
    """A one-line reason when two aligned clauses disagree in polarity, else None:
    '"rose" vs "fell"', 'negated in one source: "did not approve" vs "approved"'.

    The reason of ``opposition`` (which see) on the clauses' cues; pass the clause
    texts, or any lone negation on one side only counts.
    """
    found = opposition(a_text, [*a_negations, *a_directions], b_text, [*b_negations, *b_directions])
    return None if found is None else describe(found)
