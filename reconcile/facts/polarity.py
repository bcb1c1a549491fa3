"""Polarity cues: negations ("did not approve") and direction words ("rose",
"banned"), and the test of whether two aligned clauses disagree on them.

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
    OPEN_QUESTION,
    OUT_OF_SCOPE,
    PHRASAL_HOSTS,
    PHRASE_GAP,
    SKIPPED_IN_SCOPE,
)
from reconcile.model import Cue
from reconcile.text.tokens import stem

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
    elif base.endswith("e"):
        ing, past = base[:-1] + "ing", base + "d"
    else:
        ing, past = base + "ing", (base[:-1] + "ied" if consonant_y else base + "ed")
    return {base, third, ing, *IRREGULAR.get(base, (past,))}


def _index() -> dict[str, list[tuple[tuple[str, ...], str, int]]]:
    """First word form -> (rest of the phrase, frame, sign), longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for frame, (ups, downs) in FRAMES.items():
        for sign, entries in ((1, ups), (-1, downs)):
            for entry in entries:
                if entry.startswith("="):
                    forms, rest = {entry[1:]}, ()
                else:
                    head, *more = entry.split()
                    forms, rest = _inflect(head), tuple(more)
                for form in forms:
                    index.setdefault(form, []).append((rest, frame, sign))
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
        cues.append(Cue(offset + s, offset + e, text[s:e], -1))
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
        cues.extend(Cue(offset + s, offset + e, text[s:e], sign, frame) for frame, sign in best)
        i = best_end + 1
    return cues


def _reading(negations: Sequence[Cue], directions: Sequence[Cue]) -> list[tuple[str, int, str, bool]]:
    """(frame, sign as meant, phrase to quote, reversed by a negation) per direction."""
    out = []
    for d in directions:
        scope = next((n for n in negations if n.start < d.start and d.end <= n.end), None)
        if scope is None:
            out.append((d.frame, d.sign, d.text, False))
        else:
            out.append((d.frame, -d.sign, scope.text, True))
    return out


def _stem(word: str) -> str:
    return stem(word.lower().replace("’", "'"))


def _mention(text: str, word: str) -> str | None:
    """The word of `text` that is a form of `word` ("approved" for "approve"), where
    the text asserts it: not after "whether" or "if" (see OPEN_QUESTION)."""
    stem = _stem(word)
    for m in _WORD.finditer(text):
        if m.group().lower() in OPEN_QUESTION:
            return None
        if _stem(m.group()) == stem:
            return m.group()
    return None


def polarity_conflict(
    a_negations: Sequence[Cue],
    a_directions: Sequence[Cue],
    b_negations: Sequence[Cue],
    b_directions: Sequence[Cue],
    a_text: str | None = None,
    b_text: str | None = None,
) -> str | None:
    """A one-line reason when two aligned clauses disagree in polarity, else None.

    Takes each clause's cues as `find_negations` and `find_directions` give them.
    Directions are read through the negations that scope over them, then compared
    frame by frame: '"rose" vs "fell"', or with a negation on one side only,
    'negated in one source: "did not approve" vs "approved"'. A frame both clauses
    speak of settles it for its words: "did not rise" vs "fell" agree (not rising
    is compatible with falling), and so do "rose, not fell" vs "rose".

    The negations left, those that reverse no word of a shared frame, are read on
    their own: an odd number on one side only is the conflict. Pass the clause
    texts and it must also be about the same thing: the word a negation governs
    has to appear in the other clause ("had not met" vs "met"), asserted there
    (not in "unclear whether it will last"), and not again,
    unnegated, in its own ("pleaded not guilty to murder and guilty to
    manslaughter" says both); without them, any lone negation counts, which
    over-reports when the clauses are only loosely aligned.
    """
    a, b = _reading(a_negations, a_directions), _reading(b_negations, b_directions)
    shared = [f for f in dict.fromkeys(f for f, *_ in a) if any(g == f for g, *_ in b)]
    for frame in shared:
        side_a = [r for r in a if r[0] == frame]
        side_b = [r for r in b if r[0] == frame]
        signs_a, signs_b = {r[1] for r in side_a}, {r[1] for r in side_b}
        if len(signs_a) == 1 and len(signs_b) == 1 and signs_a != signs_b:
            ra, rb = side_a[0], side_b[0]
            prefix = "negated in one source: " if ra[3] != rb[3] else ""
            return f'{prefix}"{ra[2]}" vs "{rb[2]}"'

    def free(negations: Sequence[Cue], directions: Sequence[Cue]) -> list[Cue]:
        return [n for n in negations if not any(
            d.frame in shared and n.start < d.start and d.end <= n.end for d in directions)]

    free_a, free_b = free(a_negations, a_directions), free(b_negations, b_directions)
    odd_a, odd_b = len(free_a) % 2, len(free_b) % 2
    if odd_a == odd_b:
        return None
    negated, own_text, other_text = (free_a, a_text, b_text) if odd_a else (free_b, b_text, a_text)
    if other_text is None:
        return f'negated in one source: "{negated[0].text}"'
    for cue in negated:
        governed = _WORD.findall(cue.text)[-1]
        match = _mention(other_text, governed)
        if match is None or (own_text is not None and _asserted_too(own_text, cue.text, governed)):
            continue
        return f'negated in one source: "{cue.text}" vs "{match}"'
    return None


def _asserted_too(text: str, negated: str, word: str) -> bool:
    """Does the clause also use the negated word outside the negation ("not
    guilty to murder and guilty to manslaughter")?"""
    start = text.find(negated)
    stem = _stem(word)
    return any(
        _stem(m.group()) == stem and not (start != -1 and start <= m.start() < start + len(negated))
        for m in _WORD.finditer(text)
    )
