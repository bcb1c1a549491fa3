"""Sentences encoded for rapidfuzz: each item (token, word, n-gram) of a batch of
sentences becomes one character, so the LCS of two sorted item strings counts
the items they share, and ``process.cpdist`` counts them for many pairs at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from reconcile.data.polarity import NEGATORS
from reconcile.data.stopwords import MODALS
from reconcile.text.tokens import Idf, analyse, canonical

_WORD = re.compile(r"[^\W_]+")
_UNITS_PER_WEIGHT = 2
"""Resolution of rarity weights in the overlap: a token of IDF w counts as
round(2w) shared units, so that an LCS of unit strings sums weights."""


@dataclass(frozen=True)
class Profile:
    """What the score needs of one sentence, read once."""

    tokens: tuple[str, ...]  # content tokens in order
    numbers: frozenset[str]
    folded: str  # the sentence case folded, white space collapsed
    words: tuple[str, ...]  # every word case folded, function words included
    names: frozenset[str]  # capitalised words, but the sentence's first
    negations: int  # "not", "never", "no", "n't"...
    modals: int  # "could", "would", "may"...


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_NEGATORS = NEGATORS | {"no"}


@lru_cache(maxsize=65536)
def profile(text: str) -> Profile:
    tokens = analyse(text)
    plain = canonical(text)
    folded = " ".join(plain.lower().split())
    words = tuple(_WORD.findall(folded))
    negations = sum(w in _NEGATORS or (w == "t" and p.endswith("n")) for p, w in zip(("",) + words, words))
    names = [m for m in _CAPITALISED.finditer(plain) if plain[: m.start()].strip(" \"'([")]
    return Profile(tokens, frozenset(t for t in tokens if t[0].isdigit()), folded, words,
                    frozenset(m.group().lower().removesuffix("'s") for m in names), negations,
                    sum(w in MODALS for w in words))


class Alphabet:
    """One character per distinct item (tokens, words, n-grams) of the batches of
    one run, and each sentence's encodings: the judge scores again, clause by
    clause, sentences the aligner has encoded."""

    def __init__(self) -> None:
        self.chars: dict[object, str] = {}
        self.size = 0  # codes given out: to items, and in blocks (``fresh``)
        self.encoded: dict[str, dict[Profile, str]] = {}  # family -> sentence -> its string
        self.blocks: dict[str, str] = {}  # token -> its units (``Batch.units``)

    def _code(self) -> str:
        i = self.size
        self.size += 1
        return chr(0x100 + i if i < 0xD700 else 0xE000 + i)  # no surrogates

    def fresh(self, n: int) -> str:
        """``n`` codes no item has, in a row."""
        return "".join(self._code() for _ in range(n))

    def encode(self, items: Iterable[object]) -> list[str]:
        """The items' characters, in order; new items get the next free code."""
        items = list(items)
        chars = self.chars
        for item in items:
            if item not in chars:
                chars[item] = self._code()
        return list(map(chars.__getitem__, items))

    def bag(self, items: Iterable[object]) -> str:
        """The distinct items as a sorted string: LCS of two bags = shared items.
        Codes follow first appearance (not set order), so runs are reproducible."""
        return "".join(sorted(self.encode(dict.fromkeys(items))))


class Batch:
    """A list of sentences encoded for rapidfuzz, with the sizes ratios need.

    Each encoding is made when a feature first asks for it: a score needs only
    the features its weights name (``Features``)."""

    def __init__(self, profiles: Sequence[Profile], idf: Mapping[str, float] | None,
                 abc: Alphabet | None = None) -> None:
        self.profiles = profiles
        self.weight: Mapping[str, float] = idf or {}
        self.unseen = self.weight.unseen if isinstance(self.weight, Idf) else max(self.weight.values(), default=1.0)
        self.abc = abc or Alphabet()  # shared, with the IDF, by the batches of one run

    def _encoded(self, family: str, encode: Callable[[Profile], str]) -> list[str]:
        memo = self.abc.encoded.setdefault(family, {})
        out = []
        for p in self.profiles:
            text = memo.get(p)
            if text is None:
                text = memo[p] = encode(p)
            out.append(text)
        return out

    def _bags(self, family: str, items: Callable[[Profile], Iterable[object]]) -> list[str]:
        return self._encoded(family, lambda p: self.abc.bag(items(p)))

    @cached_property
    def tokens(self) -> list[str]:
        return self._bags("tokens", lambda p: p.tokens)

    @cached_property
    def units(self) -> list[str]:
        """Each distinct token as round(2 * IDF) unit characters of consecutive codes."""
        blocks = self.abc.blocks

        def block(token: str) -> str:
            if token not in blocks:
                copies = max(1, round(_UNITS_PER_WEIGHT * self.weight.get(token, self.unseen)))
                blocks[token] = self.abc.fresh(copies)
            return blocks[token]

        return self._encoded("units", lambda p: "".join(sorted(map(block, set(p.tokens)))))

    @cached_property
    def bigrams(self) -> list[str]:
        return self._bags("bigrams", lambda p: zip(p.tokens, p.tokens[1:]))

    @cached_property
    def token_trigrams(self) -> list[str]:
        return self._bags("token trigrams", lambda p: zip(p.tokens, p.tokens[1:], p.tokens[2:]))

    @cached_property
    def words(self) -> list[str]:
        return self._encoded("words", lambda p: "".join(self.abc.encode(p.words)))

    @cached_property
    def word_bag(self) -> list[str]:
        return ["".join(sorted(set(w))) for w in self.words]

    def word_grams(self, n: int) -> list[str]:
        return self._bags(f"word {n}-grams", lambda p: zip(*(p.words[k:] for k in range(n))))

    @cached_property
    def folded(self) -> list[str]:
        return [p.folded for p in self.profiles]

    @cached_property
    def number_bag(self) -> list[str]:
        return self._bags("numbers", lambda p: (("number", n) for n in p.numbers))

    @cached_property
    def name_bag(self) -> list[str]:
        return self._bags("names", lambda p: (("name", n) for n in p.names))

    def scalars(self, read: Callable[[Profile], object]) -> np.ndarray:
        return np.array([read(p) for p in self.profiles])

    @cached_property
    def length(self) -> np.ndarray:
        return self.scalars(lambda p: len(p.tokens)).astype(float)

    @cached_property
    def sequence(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """Every sentence's content tokens in order, as ids, each one's rarity
        weight, where each sentence starts, and how many ids there are."""
        ids: dict[str, int] = {}
        tokens = np.array([ids.setdefault(t, len(ids)) for p in self.profiles for t in p.tokens], dtype=np.int64)
        weights = np.array([self.weight.get(t, self.unseen) for p in self.profiles for t in p.tokens], dtype=float)
        starts = np.concatenate(([0], np.cumsum(self.length[:-1]))).astype(np.int64)
        return tokens, weights, starts, max(len(ids), 1)

    @staticmethod
    def sizes(strings: Sequence[str]) -> np.ndarray:
        return np.fromiter(map(len, strings), dtype=float, count=len(strings))


_SMALL_BATCH = 64
"""Below this many pairs a scorer is called pair by pair: each ``cpdist`` call
costs a fixed tenth of a millisecond or more, and the judge asks about a few
pairs at a time."""


_THREADED_BATCH = 5_000
"""From this many pairs on, ``cpdist`` scores on every core (its ``workers``): a
thread costs some 50 microseconds to start, a batch this size a millisecond or
more to score. A story of a few sources (``reconcile batch``, already one process
per core) stays below it."""


def cpdist(a: Sequence[str], b: Sequence[str], scorer: Callable[..., float], **kwargs: Any) -> np.ndarray:
    return process.cpdist(a, b, scorer=scorer, workers=-1 if len(a) >= _THREADED_BATCH else 1, **kwargs)


def pairwise(scorer: Callable[..., float], a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """``scorer`` of each pair (a[k], b[k]), as floats."""
    if len(a) < _SMALL_BATCH:
        return np.fromiter(map(scorer, a, b), dtype=float, count=len(a))
    return cpdist(a, b, scorer).astype(float)


def pair_counts(strings: Sequence[str], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return pairwise(LCSseq.similarity, [strings[k] for k in i], [strings[k] for k in j])


def share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros_like(part), where=whole > 0)


SLICE = 20_000
"""Pairs pre-scored per rapidfuzz call: bounds the memory of its string copies."""


def cross(a: Sequence[str], b: Sequence[str], idf: Mapping[str, float] | None
           ) -> tuple[Batch, np.ndarray, np.ndarray]:
    """A batch of a + b and the index arrays of every (a, b) pair."""
    batch = Batch([profile(t) for t in (*a, *b)], idf)
    i, j = np.meshgrid(np.arange(len(a)), len(a) + np.arange(len(b)), indexing="ij")
    return batch, i.ravel(), j.ravel()


def paired(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None,
            abc: Alphabet | None = None) -> tuple[Batch, np.ndarray, np.ndarray]:
    """A batch of the pairs' sentences and the index arrays of each pair."""
    batch = Batch([profile(t) for pair in pairs for t in pair], idf, abc)
    first = np.arange(0, 2 * len(pairs), 2)
    return batch, first, first + 1


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique hashes, 20x slower on these)."""
    values = np.sort(values)
    return values[np.diff(values, prepend=-1) != 0]
