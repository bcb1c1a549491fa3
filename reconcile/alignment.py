"""Which claims of different sources state the same thing.

Sentences are reduced to content tokens (``normalise``): case, punctuation,
possessives and function words go, inflections are stemmed away and news
paraphrases ("told"/"said", "Beijing"/"China", "curb"/"restrict") meet on one
token. Two claims are scored by ``similarity``: a logistic combination of overlap
measures (rarity weighted, order aware, phrasing, numbers) fitted on the MRPC
paraphrase corpus by ``bench/tune_alignment.py``, blended with containment.

Everything is vectorised with rapidfuzz: each item (token, word, trigram) of a
batch of sentences becomes one character, so the LCS of two sorted item strings
counts the items they share, and ``process.cdist``/``cpdist`` count them for many
pairs at once. ``align`` pre-scores every cross-source pair with one cdist per
source and scores only the candidates in full, with one cpdist per feature.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq

from reconcile.data.polarity import NEGATORS
from reconcile.data.stopwords import MODALS, STOPWORDS
from reconcile.data.synonyms import CASED, COMPOUNDS, GROUPS
from reconcile.model import Claim, ClaimGroup, Key, Link
from reconcile.settings import Settings

# --------------------------------------------------------------------------- tokens

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})


def _fold(text: str) -> str:
    """Compatibility forms and curly quotes to their plain equivalents."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


_CURRENCY = re.compile(r"\b(?:US|HK|NZ|A|C|S)\$")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|%|[^\W_]+(?:[-'][^\W_]+)*")
_SUFFIXES: tuple[str, ...] = tuple(sorted(
    """izations isations ization isation ational ically ations ators atory ative ments
    ities izing ising ingly ously ation ator ment ness ings ions ized ised izes ises ally
    ance ence able ible ity ing ion ize ise ies ied ate ers ors ant ent ive ous ory ful
    ic al ed er or es ly s e y""".split(),
    key=len,
    reverse=True,
))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough for "retaliation"/"retaliatory" or
    "purchasing"/"purchase" to meet, without a dictionary."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for shortest, keep in ((1, 3), (2, 4)):  # a second, stricter pass for "-ational" and the like
        for suffix in _SUFFIXES:
            if (len(suffix) >= shortest or suffix == "e") and word.endswith(suffix) \
                    and len(word) - len(suffix) >= keep:
                if suffix == "s" and word[-2] in "sui":
                    continue
                word = word[: -len(suffix)]
                break
        else:
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    return word


def _raw_tokens(text: str) -> list[str]:
    """Lower-case words, possessives stripped, compounds split and dotted or
    capital abbreviations resolved ("U.S." -> "usa", but "us" stays a pronoun)."""
    text = _CURRENCY.sub(" $", _fold(text))
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word in CASED:
            out.append(CASED[word])
        elif word[0].isdigit():
            out.append(word.replace(",", ""))
        else:
            word = word.lower().removesuffix("'s").removesuffix("'")
            if word in COMPOUNDS:
                out.extend(COMPOUNDS[word].split())
            elif "-" in word and word not in _SYNONYMS:
                out.extend(part for part in word.split("-") if part)
            else:
                out.append(word)
    return out


_SYNONYMS: dict[str, str] = {}
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (words, token), longest first
for _canonical, _forms in GROUPS.items():
    for _form in _forms:
        if " " in _form:
            _words = tuple(_raw_tokens(_form))
            _PHRASES.setdefault(_words[0], []).append((_words, _canonical))
        else:
            _SYNONYMS[_form] = _canonical
for _options in _PHRASES.values():
    _options.sort(key=lambda option: -len(option[0]))


@lru_cache(maxsize=65536)
def _analyse(text: str) -> tuple[str, ...]:
    words = _raw_tokens(text)
    tokens: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        for phrase, canonical in _PHRASES.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                word, i = canonical, i + len(phrase)
                break
        else:
            i += 1
            if word in STOPWORDS:
                continue
            word = _SYNONYMS.get(word) or stem(word)
        tokens.append(word)
    return tuple(tokens)


def normalise(text: str) -> list[str]:
    """The content tokens of a sentence, in order: the form every comparison uses.

    Case folded, punctuation and curly quotes gone, possessives and stop words
    dropped, words stemmed, and synonyms, number words, month abbreviations and
    country names with their demonyms and capitals mapped to one token each.
    """
    return list(_analyse(text))


class Idf(dict):  # type: ignore[type-arg]
    """Token -> weight over the sentences of a run, and the weight of a token
    the run never saw (rarer than any it did)."""

    unseen: float = 1.0


def idf_table(texts: Iterable[str]) -> Idf:
    """Inverse document frequency of each token over the sentences of a run:
    a word most sentences share says little about which claim a sentence makes."""
    counts: dict[str, int] = {}
    total = 0
    for text in texts:
        total += 1
        for token in set(_analyse(text)):
            counts[token] = counts.get(token, 0) + 1
    table = Idf((t, math.log((total + 1) / (n + 0.5))) for t, n in counts.items())
    table.unseen = math.log((total + 1) / 0.5)
    return table


# --------------------------------------------------------------------------- score

_WORD = re.compile(r"[^\W_]+")
_UNITS_PER_WEIGHT = 2
"""Resolution of rarity weights in the overlap: a token of IDF w counts as
round(2w) shared units, so that an LCS of unit strings sums weights."""


@dataclass(frozen=True)
class _Profile:
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
def _profile(text: str) -> _Profile:
    tokens = _analyse(text)
    plain = _fold(text)
    folded = " ".join(plain.lower().split())
    words = tuple(_WORD.findall(folded))
    negations = sum(w in _NEGATORS or (w == "t" and p.endswith("n")) for p, w in zip(("",) + words, words))
    names = [m for m in _CAPITALISED.finditer(plain) if plain[: m.start()].strip(" \"'([")]
    return _Profile(tokens, frozenset(t for t in tokens if t[0].isdigit()), folded, words,
                    frozenset(m.group().lower().removesuffix("'s") for m in names), negations,
                    sum(w in MODALS for w in words))


class _Alphabet:
    """One character per distinct item (tokens, words, n-grams) of the batches of
    one run, and each sentence's encodings: the judge scores again, clause by
    clause, sentences the aligner has encoded."""

    def __init__(self) -> None:
        self.chars: dict[object, str] = {}
        self.size = 0  # codes given out: to items, and in blocks (``fresh``)
        self.encoded: dict[str, dict[_Profile, str]] = {}  # family -> sentence -> its string
        self.blocks: dict[str, str] = {}  # token -> its units (``_Batch.units``)

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


class _Batch:
    """A list of sentences encoded for rapidfuzz, with the sizes ratios need.

    Each encoding is made when a feature first asks for it: a score needs only
    the features its weights name (``_Features``)."""

    def __init__(self, profiles: Sequence[_Profile], idf: Mapping[str, float] | None,
                 abc: _Alphabet | None = None) -> None:
        self.profiles = profiles
        self.weight: Mapping[str, float] = idf or {}
        self.unseen = self.weight.unseen if isinstance(self.weight, Idf) else max(self.weight.values(), default=1.0)
        self.abc = abc or _Alphabet()  # shared, with the IDF, by the batches of one run

    def _encoded(self, family: str, encode: Callable[[_Profile], str]) -> list[str]:
        memo = self.abc.encoded.setdefault(family, {})
        out = []
        for p in self.profiles:
            text = memo.get(p)
            if text is None:
                text = memo[p] = encode(p)
            out.append(text)
        return out

    def _bags(self, family: str, items: Callable[[_Profile], Iterable[object]]) -> list[str]:
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

    def scalars(self, read: Callable[[_Profile], object]) -> np.ndarray:
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


def _cpdist(a: Sequence[str], b: Sequence[str], scorer: Callable[..., float], **kwargs: Any) -> np.ndarray:
    return process.cpdist(a, b, scorer=scorer, workers=-1 if len(a) >= _THREADED_BATCH else 1, **kwargs)


def _pairwise(scorer: Callable[..., float], a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """``scorer`` of each pair (a[k], b[k]), as floats."""
    if len(a) < _SMALL_BATCH:
        return np.fromiter(map(scorer, a, b), dtype=float, count=len(a))
    return _cpdist(a, b, scorer).astype(float)


def _pair_counts(strings: Sequence[str], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return _pairwise(LCSseq.similarity, [strings[k] for k in i], [strings[k] for k in j])


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros_like(part), where=whole > 0)


def _unmatched_runs(batch: _Batch, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The longest run of consecutive content tokens of sentence i that sentence
    j lacks, for each pair: (tokens, share of i's rarity weight). A run is an
    added phrase or clause; scattered words missing are a rewording."""
    sequence, weights, starts, vocabulary = batch.sequence
    lengths = batch.length[i].astype(np.int64)
    total = int(lengths.sum())
    if not total:
        return np.zeros(len(i)), np.zeros(len(i))
    pair = np.repeat(np.arange(len(i)), lengths)
    first = np.cumsum(lengths) - lengths  # where each pair's tokens start in the flat arrays
    at = starts[i][pair] + np.arange(total) - first[pair]
    token = sequence[at]
    # is the token in sentence j? (sentence, token) keys against the sorted keys of all sentences
    owner = np.repeat(np.arange(len(batch.length)), batch.length.astype(np.int64))
    keys = np.sort(owner * vocabulary + sequence)  # duplicates do no harm; np.unique would import numpy.ma
    wanted = j[pair] * vocabulary + token
    found = keys[np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)] == wanted
    flat = np.arange(total)
    last_found = np.maximum.accumulate(np.where(found, flat, first[pair] - 1))  # -1 before a pair's start
    run = np.where(found, 0, flat - last_found)
    weight = np.cumsum(weights[at])
    before = np.where(last_found >= 0, weight[np.maximum(last_found, 0)], 0.0)
    run_weight = np.where(found, 0.0, weight - before)
    nonempty = lengths > 0
    longest, heaviest = np.zeros(len(i)), np.zeros(len(i))
    longest[nonempty] = np.maximum.reduceat(run, first[nonempty])
    heaviest[nonempty] = np.maximum.reduceat(run_weight, first[nonempty])
    whole = np.add.reduceat(weights[at], first[nonempty])
    heaviest[nonempty] = _share(heaviest[nonempty], whole)
    return longest, heaviest


_Family = Callable[[_Batch, np.ndarray, np.ndarray], dict[str, np.ndarray]]
_FAMILIES: dict[str, _Family] = {}  # feature name -> what computes it (and its siblings)


def _family(*names: str) -> Callable[[_Family], _Family]:
    def register(compute: _Family) -> _Family:
        _FAMILIES.update(dict.fromkeys(names, compute))
        return compute

    return register


def _ordered(batch: _Batch, i: np.ndarray, j: np.ndarray, strings: Sequence[str],
             names: tuple[str, str]) -> dict[str, np.ndarray]:
    """Shared items over each side's items: the smaller share, the larger."""
    part, n = _pair_counts(strings, i, j), _Batch.sizes(strings)
    a, b = _share(part, n[i]), _share(part, n[j])
    return {names[0]: np.minimum(a, b), names[1]: np.maximum(a, b)}


def _overlap(prefix: str, strings: Callable[[_Batch], Sequence[str]]) -> None:
    names = (f"{prefix}_min", f"{prefix}_max")
    _family(*names)(lambda batch, i, j: _ordered(batch, i, j, strings(batch), names))


_overlap("cover", lambda b: b.units)  # rarity-weighted share of each sentence matched; max: containment
_overlap("lcs", lambda b: b.words)  # words in the same order
_overlap("gram1", lambda b: b.word_bag)  # distinct words, function words included
for _n in (2, 3, 4):  # word n-grams: shared phrasing
    _overlap(f"gram{_n}", lambda b, n=_n: b.word_grams(n))
_overlap("token", lambda b: b.tokens)  # distinct content tokens, each counting one
_overlap("tgram3", lambda b: b.token_trigrams)  # content token trigrams: the same words in the same order


def _differing(prefix: str, strings: Callable[[_Batch], Sequence[str]], cap: int) -> None:
    """Jaccard of two item bags (1 when both are empty), and the items only one
    side has, counted up to ``cap``, over ``cap``."""

    @_family(f"{prefix}_same", f"{prefix}_only")
    def compute(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        bags = strings(batch)
        n = _Batch.sizes(bags)
        union = n[i] + n[j] - _pair_counts(bags, i, j)
        only = union - (n[i] + n[j] - union)
        return {f"{prefix}_same": np.where(union > 0, 1.0 - _share(only, union), 1.0),
                f"{prefix}_only": np.minimum(only, cap) / cap}


_differing("numbers", lambda b: b.number_bag, 8)
_differing("names", lambda b: b.name_bag, 10)  # capitalised words


@_family("bigram")
def _bigram(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    n = _Batch.sizes(batch.bigrams)
    return {"bigram": _share(2 * _pair_counts(batch.bigrams, i, j), n[i] + n[j])}


def _scorer(name: str, scorer: Callable[..., float], scale: float) -> None:
    _family(name)(lambda batch, i, j: {name: _pairwise(
        scorer, [batch.folded[k] for k in i], [batch.folded[k] for k in j]) / scale})


_scorer("char", Indel.normalized_similarity, 1.0)  # characters, case folded
_scorer("partial", fuzz.partial_ratio, 100.0)  # the best substring match
_scorer("token_set", fuzz.token_set_ratio, 100.0)


@_family("number_miss")
def _number_miss(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    numbers = batch.scalars(lambda p: hash(p.numbers))
    return {"number_miss": (numbers[i] != numbers[j]).astype(float)}  # a number only one gives


@_family("raw_length", "token_gap")
def _lengths(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    words, tokens = _Batch.sizes(batch.words), batch.length
    return {"raw_length": _share(np.minimum(words[i], words[j]), np.maximum(words[i], words[j])),
            "token_gap": np.minimum(np.abs(tokens[i] - tokens[j]), 12) / 12}


@_family("run", "run_weight")
def _runs(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """The longest phrase only one side has, in tokens (up to 12) and in weight."""
    run_ij, weight_ij = _unmatched_runs(batch, i, j)
    run_ji, weight_ji = _unmatched_runs(batch, j, i)
    return {"run": np.minimum(np.maximum(run_ij, run_ji), 12) / 12, "run_weight": np.maximum(weight_ij, weight_ji)}


@_family("negation", "modal")
def _function_words(batch: _Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """Words the tokens drop but a reader does not: "did not" vs "did", "could" vs "did"."""
    negations, modals = batch.scalars(lambda p: p.negations), batch.scalars(lambda p: p.modals)
    return {"negation": (negations[i] != negations[j]).astype(float),
            "modal": (modals[i] != modals[j]).astype(float)}


class _Features(Mapping[str, np.ndarray]):
    """The features of the pairs (i[k], j[k]) of a batch by name, each an array
    in [0, 1], computed when first asked for.

    Bounded on purpose: the weights were fitted on MRPC, whose pairs were all
    picked for their overlap, and must not meet values unrelated pairs could reach.
    """

    def __init__(self, batch: _Batch, i: np.ndarray, j: np.ndarray) -> None:
        self.batch, self.i, self.j = batch, i, j
        self.values: dict[str, np.ndarray] = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self.values:
            self.values.update(_FAMILIES[name](self.batch, self.i, self.j))
        return self.values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_FAMILIES)

    def __len__(self) -> int:
        return len(_FAMILIES)


def _cross(a: Sequence[str], b: Sequence[str], idf: Mapping[str, float] | None
           ) -> tuple[_Batch, np.ndarray, np.ndarray]:
    """A batch of a + b and the index arrays of every (a, b) pair."""
    batch = _Batch([_profile(t) for t in (*a, *b)], idf)
    i, j = np.meshgrid(np.arange(len(a)), len(a) + np.arange(len(b)), indexing="ij")
    return batch, i.ravel(), j.ravel()


def _paired(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None,
            abc: _Alphabet | None = None) -> tuple[_Batch, np.ndarray, np.ndarray]:
    """A batch of the pairs' sentences and the index arrays of each pair."""
    batch = _Batch([_profile(t) for pair in pairs for t in pair], idf, abc)
    first = np.arange(0, 2 * len(pairs), 2)
    return batch, first, first + 1


def feature_table(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None = None
                  ) -> dict[str, np.ndarray]:
    """Every feature of many sentence pairs at once, by name (for refitting the
    weights: bench/tune_alignment.py)."""
    return dict(_Features(*_paired(pairs, idf)))


def pair_similarities(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None = None,
                      settings: Settings | None = None) -> np.ndarray:
    """``similarity`` of many sentence pairs at once (the accuracy harness decides
    "same claim" for every pair of an MRPC file with it)."""
    return _scores(*_paired(pairs, idf), settings or Settings())


def features(a: str, b: str, idf: Mapping[str, float] | None = None) -> dict[str, float]:
    """The evidence behind ``similarity``, by name: to explain a score."""
    return {name: float(v[0]) for name, v in feature_table([(a, b)], idf).items()}


@lru_cache(maxsize=8)
def _terms(weights: tuple[tuple[str, float], ...]) -> tuple[tuple[tuple[str, ...], float], ...]:
    return tuple((tuple(n for n in term.split("*") if n != "bias"), w) for term, w in weights)


def paraphrase(f: Mapping[str, np.ndarray], weights: tuple[tuple[str, float], ...]) -> np.ndarray:
    """The logistic part of the score: how surely each pair means the same, as
    MRPC annotators judge it. Terms are "bias", a feature name or "a*b"."""
    z: np.ndarray | float = 0.0
    for names, w in _terms(weights):
        term: np.ndarray | float = w
        for name in names:
            term = term * f[name]
        z = z + term
    return 1.0 / (1.0 + np.exp(-np.clip(np.asarray(z, dtype=float), -60.0, 60.0)))


def blend(paraphrase: np.ndarray, containment: np.ndarray, share: float) -> np.ndarray:
    """The alignment score: the paraphrase probability, or where higher its mean
    with containment (weighted ``share``) capped at ``share``. A short sentence
    whose content a long one holds states that claim in part, which MRPC would
    not call a paraphrase: containment lifts a pair up to the cap, enough to link
    it, never past it to a paraphrase."""
    partial = (1.0 - share) * paraphrase + share * containment
    return np.maximum(paraphrase, np.minimum(partial, share))


def _scores(batch: _Batch, i: np.ndarray, j: np.ndarray, settings: Settings) -> np.ndarray:
    f = _Features(batch, i, j)
    return blend(paraphrase(f, settings.align_weights), f["cover_max"], settings.align_containment)


def similarity(a: str, b: str, idf: Mapping[str, float] | None = None,
               settings: Settings | None = None) -> float:
    """How surely two sentences state the same claim, in [0, 1].

    The paraphrase probability (fitted on MRPC), lifted by containment, the
    rarity-weighted share of the better covered sentence found in the other, up to
    ``Settings.align_containment`` (``blend``): a short sentence whose content all
    appears in a long one states that claim in part, which MRPC would not call a
    paraphrase. Above that cap the score is the paraphrase probability alone, so
    ``Settings.paraphrase_threshold`` decides "same meaning". ``idf`` (from ``idf_table`` over
    all sentences of the run) weighs names, numbers and topic words above common
    words; without it every word weighs the same.
    """
    batch, i, j = _cross([a], [b], idf)
    return float(_scores(batch, i, j, settings or Settings())[0])


def clause_scores(a: Claim, b: Claim, idf: Mapping[str, float] | None,
                  settings: Settings) -> np.ndarray:
    """Every clause of ``a`` against every clause of ``b`` (rows, columns), scored
    in one batch: the judge reads from it which clauses the other claim supports.
    A claim with no clauses counts as one clause, its whole sentence."""
    mine = [c.text for c in a.clauses] or [a.sentence.text]
    theirs = [c.text for c in b.clauses] or [b.sentence.text]
    batch, i, j = _cross(mine, theirs, idf)
    return _scores(batch, i, j, settings).reshape(len(mine), len(theirs))


# --------------------------------------------------------------------------- align


def content_words(text: str) -> int:
    """How many content tokens a sentence has; below ``Settings.min_claim_words``
    it carries no claim of its own ("Advertisement", "Read more")."""
    return len(_analyse(text))


def _candidates(batch: _Batch, sources: np.ndarray, settings: Settings,
                anchor: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sentences of different sources worth a full score (or only pairs
    with a sentence of the anchor source), found through an index instead of by
    trying every pair, so the cost grows with the sentences, not their square.

    Each content token (word, number, name) lists the sentences that have it. A
    token at most ``candidate_window + 1`` sentences share (a rare word, a name, a
    number: what marks one claim) pairs them all; a commoner one pairs each
    sentence with its ``candidate_window`` neighbours only, in an order that puts
    sentences with the same rarest tokens side by side (sorted neighbourhood).
    Pairs whose token sets overlap less than ``candidate_cutoff`` (shared / the
    geometric mean of the counts: the cosine of the sets) are dropped, and each
    sentence keeps its ``candidate_limit`` best partners by that overlap (a pair
    stays if either side keeps it): a claim that fifty sources restate joins
    their group through a few links, and the judge compares it with a few.
    """
    n = len(batch.tokens)
    none = np.zeros(0, dtype=np.int64)
    sizes = _Batch.sizes(batch.tokens)
    if n < 2 or not sizes.any():
        return none, none
    # postings: one entry per (sentence, token); the characters of a token bag are token ids
    codes = np.frombuffer("".join(batch.tokens).encode("utf-32-le"), dtype="<u4")
    owner = np.repeat(np.arange(n), sizes.astype(np.int64))
    token, df = np.unique(codes, return_inverse=True, return_counts=True)[1:]
    rarest = np.lexsort((token, df[token], owner))  # each sentence's tokens, rarest first
    signature = [tuple(t) for t in np.split(token[rarest], np.cumsum(sizes.astype(np.int64))[:-1])]
    rank = np.empty(n, dtype=np.int64)
    rank[sorted(range(n), key=signature.__getitem__)] = np.arange(n)
    order = np.lexsort((rank[owner], token))
    token, owner = token[order], owner[order]
    code = np.int32 if n * n < 2**31 else np.int64  # pairs as i * n + j, i < j: half the memory
    owner = owner.astype(code)
    found: list[np.ndarray] = [np.zeros(0, dtype=code)]
    for d in range(1, settings.candidate_window + 1):
        same = np.flatnonzero(token[:-d] == token[d:])
        if not len(same):
            break
        a, b = owner[same], owner[same + d]
        sa, sb = sources[a], sources[b]
        cross = sa != sb if anchor is None else (sa == anchor) != (sb == anchor)
        a, b = a[cross], b[cross]
        found.append(np.minimum(a, b) * n + np.maximum(a, b))
        if sum(map(len, found)) > _COMPACT:  # a pair sharing k tokens is found k times
            found = [_distinct(np.concatenate(found))]
    pair = _distinct(np.concatenate(found))
    if not len(pair):
        return none, none
    i, j = pair // n, pair % n
    shared = np.concatenate([  # in slices: rapidfuzz copies every string it is given
        _cpdist([batch.tokens[k] for k in i[at : at + _SLICE]],
                [batch.tokens[k] for k in j[at : at + _SLICE]], LCSseq.similarity, dtype=np.int32)
        for at in range(0, len(i), _SLICE)
    ])
    overlap = shared / np.sqrt(sizes[i] * sizes[j])
    hit = np.flatnonzero(overlap >= settings.candidate_cutoff)
    i, j, overlap = i[hit], j[hit], overlap[hit]
    # each sentence's best partners: rank its pairs by overlap (ties: first pair first)
    end = np.concatenate([i, j])
    which = np.tile(np.arange(len(i)), 2)
    by_end = np.lexsort((which, -np.tile(overlap, 2), end))
    end = end[by_end]
    place = np.arange(len(end)) - np.searchsorted(end, end)
    keep = np.zeros(len(i), dtype=bool)
    keep[which[by_end][place < settings.candidate_limit]] = True
    return i[keep], j[keep]


_COMPACT = 1_000_000
"""Pairs gathered before duplicates are dropped: bounds the memory of blocking."""
_SLICE = 100_000
"""Pairs pre-scored per rapidfuzz call: bounds the memory of its string copies."""


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique hashes, 20x slower on these)."""
    values = np.sort(values)
    return values[np.diff(values, prepend=-1) != 0]


class Aligner:
    """The alignment of one run: IDF over all its claims, each sentence read once.

    ``claims[s]`` are the claims of source ``s``. With ``anchor`` (``check``: the
    draft), only pairs with a claim of that source are linked.
    """

    def __init__(self, claims: Sequence[Sequence[Claim]], settings: Settings,
                 anchor: int | None = None) -> None:
        self.claims = [c for source in claims for c in source]
        self.settings = settings
        self.anchor = anchor
        self.idf = idf_table(c.sentence.text for c in self.claims)
        self.abc = _Alphabet()
        self._clauses: dict[tuple[tuple[int, int], tuple[int, int]], tuple[int, int, int]] = {}
        self._clause_scores = np.zeros(0)
        self._linked: list[tuple[Claim, Claim]] = []  # clauses still to score, at the judge's first ask

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """``pair_similarities`` with this run's IDF, settings and encodings."""
        return _scores(*_paired(pairs, self.idf, self.abc), self.settings)

    def clause_scores(self, a: Claim, b: Claim) -> np.ndarray:
        """``clause_scores`` with this run's IDF and settings. The clauses of the
        claims ``align`` linked are scored in one batch when first asked for (the
        judge asks for each link two or three times), then read, not scored again."""
        if self._linked:
            self._score_clauses(self._linked)
            self._linked = []
        ka, kb = (a.sentence.source, a.sentence.index), (b.sentence.source, b.sentence.index)
        for key, flip in (((ka, kb), False), ((kb, ka), True)):
            if key in self._clauses:
                start, rows, cols = self._clauses[key]
                scores = self._clause_scores[start : start + rows * cols].reshape(rows, cols)
                return scores.T if flip else scores  # the score is symmetric
        return clause_scores(a, b, self.idf, self.settings)

    def _distinct_scores(self, profiles: Sequence[_Profile], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The score of each pair (profiles[i[k]], profiles[j[k]]), each distinct pair
        of texts scored once: a story that many outlets reprint repeats its
        sentences word for word. In slices, so memory stays bounded."""
        ids: dict[_Profile, int] = {}
        text = np.fromiter((ids.setdefault(p, len(ids)) for p in profiles), dtype=np.int64, count=len(profiles))
        n = max(len(ids), 1)
        distinct, inverse = np.unique(text[i] * n + text[j], return_inverse=True)
        batch = _Batch(list(ids), self.idf, self.abc)
        a, b = distinct // n, distinct % n
        scores = np.concatenate([np.zeros(0)] + [
            _scores(batch, a[at : at + _SLICE], b[at : at + _SLICE], self.settings) for at in range(0, len(a), _SLICE)
        ])
        return scores[inverse.reshape(-1)]

    def _score_clauses(self, pairs: Sequence[tuple[Claim, Claim]]) -> None:
        """Every clause pair of each claim pair, in one batch (see clause_scores)."""
        texts: list[str] = []
        first: dict[tuple[int, int], tuple[int, int]] = {}  # claim -> (first clause, clauses)
        for claim in (c for pair in pairs for c in pair):
            key = (claim.sentence.source, claim.sentence.index)
            if key not in first:
                mine = [c.text for c in claim.clauses] or [claim.sentence.text]
                first[key] = (len(texts), len(mine))
                texts.extend(mine)
        spans = np.array([first[(a.sentence.source, a.sentence.index)] + first[(b.sentence.source, b.sentence.index)]
                          for a, b in pairs], dtype=np.int64).reshape(-1, 4)
        cells = spans[:, 1] * spans[:, 3]
        starts = np.concatenate(([0], np.cumsum(cells)[:-1]))
        pair = np.repeat(np.arange(len(pairs)), cells)
        cell = np.arange(int(cells.sum())) - starts[pair]
        i = spans[pair, 0] + cell // spans[pair, 3]
        j = spans[pair, 2] + cell % spans[pair, 3]
        self._clause_scores = self._distinct_scores([_profile(t) for t in texts], i, j)
        self._clauses = {
            ((a.sentence.source, a.sentence.index), (b.sentence.source, b.sentence.index)):
                (int(start), int(rows), int(cols))
            for (a, b), start, rows, cols in zip(pairs, starts, spans[:, 1], spans[:, 3])
        }

    def align(self) -> list[ClaimGroup]:
        """Link the claims of different sources that state the same thing and
        group them: a group is a connected set of links, so one claim may stand
        for two sentences of another source. Claims with no link are in no group."""
        settings = self.settings
        usable = [c for c in self.claims if content_words(c.sentence.text) >= settings.min_claim_words]
        keys = [(c.sentence.source, c.sentence.index) for c in usable]
        batch = _Batch([_profile(c.sentence.text) for c in usable], self.idf, self.abc)
        sources = np.array([k[0] for k in keys], dtype=int)
        i, j = _candidates(batch, sources, settings, self.anchor)
        if not len(i):
            return []
        scores = self._distinct_scores(batch.profiles, i, j)
        keep = np.flatnonzero(scores >= settings.align_threshold)
        links = [
            Link(min(keys[i[k]], keys[j[k]]), max(keys[i[k]], keys[j[k]]), round(float(scores[k]), 4))
            for k in keep.tolist()
        ]
        self._linked = [(usable[i[k]], usable[j[k]]) for k in keep.tolist()]
        return _groups(links)


def align(claims: Sequence[Sequence[Claim]], settings: Settings) -> list[ClaimGroup]:
    """The groups of claims that state the same thing across sources (see ``Aligner``)."""
    return Aligner(claims, settings).align()


class _Sets:
    """Union-find over claim keys: which set each key is in, joined in near-constant time."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, key: Key) -> Key:
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(self, a: Key, b: Key) -> Key:
        """Join the sets of ``a`` and ``b``; the smaller key stays the root, for a stable order."""
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)

    def members(self) -> dict[Key, list[Key]]:
        out: dict[Key, list[Key]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return out


def _groups(links: Sequence[Link]) -> list[ClaimGroup]:
    """Connected components of the links, in a stable order."""
    sets = _Sets()
    for link in links:
        sets.join(link.a, link.b)
    grouped: dict[Key, list[Link]] = {}
    for link in links:
        grouped.setdefault(sets.find(link.a), []).append(link)
    return sorted(
        (ClaimGroup(tuple(sorted(m)), tuple(sorted(grouped[r], key=lambda l: (l.a, l.b))))
         for r, m in sets.members().items()),
        key=lambda g: g.members,
    )


def claims_stated(links: Sequence[Link]) -> list[tuple[Key, ...]]:
    """The claims a set of agreeing links states, each as its sentences, sorted.

    Links are loose on purpose, so a chain of them joins claims that are not the
    same (one group of a 100-source story held 1,699 sentences). Strongest links
    first, two sets join only if no source has a sentence in both: a source tells
    a claim once, and two claims most sources tell share sources. A sentence left
    out (its source's place was taken: one claim told in two sentences) joins the
    set of its best partner, so every agreeing sentence is in one claim.
    """
    ordered = sorted(links, key=lambda l: (-l.score, l.a, l.b))
    sets = _Sets()
    told: dict[Key, int] = {}  # root -> bit mask of the sources its set holds
    for link in ordered:
        ra, rb = sets.find(link.a), sets.find(link.b)
        ma, mb = told.get(ra, 1 << ra[0]), told.get(rb, 1 << rb[0])
        if ra != rb and not ma & mb:
            told[sets.join(ra, rb)] = ma | mb
    alone = {key for key in sets.parent if sets.find(key) == key and key not in told}
    best: dict[Key, Key] = {}
    for link in ordered:  # strongest first: the first partner seen is the best
        for key, other in ((link.a, link.b), (link.b, link.a)):
            if key in alone and key not in best:
                best[key] = other
    for key, other in best.items():
        sets.join(key, sets.find(other))
    return sorted(tuple(sorted(m)) for m in sets.members().values())
