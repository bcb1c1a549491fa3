"""Word knowledge from WordNet 3.0: is one word a synonym, inflection,
derivation, broader or narrower term of another, or its opposite?

A draft that swaps "clifftop" for "beach" and one that swaps "anniversary" for
"commemoration" look alike to a lexical score; only knowing the words tells a
substitution from a paraphrase. The table (reconcile/data/wordnet.txt.gz, built
by tools/wordnet_table.py) is read on first use only, never at start-up.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

_TABLE = "wordnet.txt.gz"

# WordNet's detachment rules (morphy): suffix -> ending of the base form.
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


class _Lexicon:
    """The table in memory. The generator writes synsets, then lemmas, then
    exceptions; sections are cut by position and a synset's line is parsed
    only when asked for, so loading costs tens of milliseconds, not hundreds."""

    def __init__(self, text: str) -> None:
        body = text[text.index("\nS ") + 1 :]
        lemmas_at = body.index("\nL ") + 1
        exceptions_at = body.index("\nE ", lemmas_at) + 1
        self._synsets = body[:lemmas_at].splitlines()
        self._lemmas = dict(line[2:].split(" ") for line in body[lemmas_at:exceptions_at].splitlines())
        self.exceptions: dict[tuple[str, str], list[str]] = {}
        for line in body[exceptions_at:].splitlines():
            _, pos, form, base = line.split(" ")
            self.exceptions.setdefault((pos, form), []).append(base)

    def lemma(self, word: str) -> tuple[int, ...]:
        """The synsets of one dictionary form, in WordNet's sense order."""
        senses = self._lemmas.get(word)
        return tuple(map(int, senses.split(","))) if senses else ()

    @lru_cache(maxsize=65536)  # noqa: B019 (one lexicon per process)
    def synset(self, index: int) -> tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """(part of speech, hypernyms, close neighbours, antonyms) of a synset."""
        _, pos, *links = self._synsets[index].split(" ")
        return (pos, *(() if f == "-" else tuple(map(int, f.split(","))) for f in links))  # type: ignore[return-value]

    def pos(self, index: int) -> str:
        return self.synset(index)[0]

    def hypernyms(self, index: int) -> tuple[int, ...]:
        return self.synset(index)[1]

    def near(self, index: int) -> tuple[int, ...]:
        return self.synset(index)[2]

    def antonyms(self, index: int) -> tuple[int, ...]:
        return self.synset(index)[3]


@cache
def _lexicon() -> _Lexicon:
    data = resources.files("reconcile.data").joinpath(_TABLE).read_bytes()
    return _Lexicon(gzip.decompress(data).decode("utf-8"))


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[tuple[str, str], ...]:
    """(dictionary form, part of speech or "" for any) the word may be: "pled"
    is the verb "plead", "squadrons" the noun "squadron", "spilled" a verb only."""
    lex = _lexicon()
    word = word.lower()
    found: dict[tuple[str, str], None] = {(word, ""): None} if lex.lemma(word) else {}
    for pos, rules in _RULES.items():
        for base in lex.exceptions.get((pos, word), ()):
            if lex.lemma(base):
                found[(base, pos)] = None
        for suffix, ending in rules:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: -len(suffix)] + ending
                if base != word and lex.lemma(base):
                    found[(base, pos)] = None
    return tuple(found)


@lru_cache(maxsize=65536)
def bases(word: str) -> tuple[str, ...]:
    """The dictionary forms the word may be, the word itself first when listed."""
    return tuple(dict.fromkeys(base for base, _ in _forms(word) if _senses_of(base)))


def _senses_of(base: str, pos: str = "") -> tuple[int, ...]:
    """A dictionary form's synsets, of one part of speech if given."""
    lex = _lexicon()
    return tuple(s for s in lex.lemma(base) if not pos or lex.pos(s) == pos)


@lru_cache(maxsize=65536)
def senses(word: str) -> tuple[int, ...]:
    """The word's synsets over its dictionary forms, each form's senses in
    WordNet's order (most frequent first)."""
    seen: dict[int, None] = {}
    for base, pos in _forms(word):
        seen.update(dict.fromkeys(_senses_of(base, pos)))
    return tuple(seen)


def known(word: str) -> bool:
    """Does WordNet list the word? An unknown word cannot be judged either way."""
    return bool(senses(word))


def kinds(word: str) -> frozenset[str]:
    """Its parts of speech: "n", "v", "a" (adjective), "r" (adverb)."""
    lex = _lexicon()
    return frozenset(lex.pos(s) for s in senses(word))


@lru_cache(maxsize=65536)
def _reach(word: str, steps: int) -> frozenset[int]:
    """The synsets a word stands for or close to: its senses, their neighbours
    (similar, derived, pertaining), and their hypernyms up to ``steps`` levels."""
    lex = _lexicon()
    front = set(senses(word))
    for s in list(front):
        front.update(lex.near(s))
    found = set(front)
    for _ in range(steps):
        front = {h for s in front for h in lex.hypernyms(s)}
        found |= front
    return frozenset(found)


def related(a: str, b: str, steps: int = 2) -> bool:
    """Could one word stand for the other: same base, shared sense, a derivation
    or similar adjective, or one a broader term of the other within ``steps``?"""
    if a.lower() == b.lower() or set(bases(a)) & set(bases(b)):
        return True
    return bool(_reach(a, steps) & set(senses(b)) or _reach(b, steps) & set(senses(a)))


@lru_cache(maxsize=65536)
def _opposites(word: str) -> frozenset[int]:
    """Synsets opposite to a sense of the word: its antonyms, and for an
    adjective those of its similar adjectives ("generic" -> "specific")."""
    lex = _lexicon()
    found: set[int] = set()
    for s in senses(word):
        for t in (s, *(n for n in lex.near(s) if lex.pos(s) == "a" == lex.pos(n))):
            found.update(lex.antonyms(t))
    return frozenset(found)


def opposite(a: str, b: str) -> bool:
    """Are the two words antonyms in some sense, and not also synonyms?"""
    if not (_opposites(a) or _opposites(b)) or related(a, b, steps=0):  # most words have none
        return False
    return bool(_opposites(a) & set(senses(b)) or _opposites(b) & set(senses(a)))
