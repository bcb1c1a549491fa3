"""The features of a sentence pair the alignment score combines, each in [0, 1],
computed per family for whole batches of pairs and only when a weight names them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reconcile.align.encode import Batch, pair_counts, pairwise, share


def _unmatched_runs(batch: Batch, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
    heaviest[nonempty] = share(heaviest[nonempty], whole)
    return longest, heaviest


_Family = Callable[[Batch, np.ndarray, np.ndarray], dict[str, np.ndarray]]
_FAMILIES: dict[str, _Family] = {}  # feature name -> what computes it (and its siblings)


def _family(*names: str) -> Callable[[_Family], _Family]:
    def register(compute: _Family) -> _Family:
        _FAMILIES.update(dict.fromkeys(names, compute))
        return compute

    return register


def _ordered(batch: Batch, i: np.ndarray, j: np.ndarray, strings: Sequence[str],
             names: tuple[str, str]) -> dict[str, np.ndarray]:
    """Shared items over each side's items: the smaller share, the larger."""
    part, n = pair_counts(strings, i, j), Batch.sizes(strings)
    a, b = share(part, n[i]), share(part, n[j])
    return {names[0]: np.minimum(a, b), names[1]: np.maximum(a, b)}


def _overlap(prefix: str, strings: Callable[[Batch], Sequence[str]]) -> None:
    names = (f"{prefix}_min", f"{prefix}_max")
    _family(*names)(lambda batch, i, j: _ordered(batch, i, j, strings(batch), names))


_overlap("cover", lambda b: b.units)  # rarity-weighted share of each sentence matched; max: containment
_overlap("lcs", lambda b: b.words)  # words in the same order
_overlap("gram1", lambda b: b.word_bag)  # distinct words, function words included
for _n in (2, 3, 4):  # word n-grams: shared phrasing
    _overlap(f"gram{_n}", lambda b, n=_n: b.word_grams(n))
_overlap("token", lambda b: b.tokens)  # distinct content tokens, each counting one
_overlap("tgram3", lambda b: b.token_trigrams)  # content token trigrams: the same words in the same order


def _differing(prefix: str, strings: Callable[[Batch], Sequence[str]], cap: int) -> None:
    """Jaccard of two item bags (1 when both are empty), and the items only one
    side has, counted up to ``cap``, over ``cap``."""

    @_family(f"{prefix}_same", f"{prefix}_only")
    def compute(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        bags = strings(batch)
        n = Batch.sizes(bags)
        union = n[i] + n[j] - pair_counts(bags, i, j)
        only = union - (n[i] + n[j] - union)
        return {f"{prefix}_same": np.where(union > 0, 1.0 - share(only, union), 1.0),
                f"{prefix}_only": np.minimum(only, cap) / cap}


_differing("numbers", lambda b: b.number_bag, 8)
_differing("names", lambda b: b.name_bag, 10)  # capitalised words


@_family("bigram")
def _bigram(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    n = Batch.sizes(batch.bigrams)
    return {"bigram": share(2 * pair_counts(batch.bigrams, i, j), n[i] + n[j])}


def _scorer(name: str, scorer: Callable[..., float], scale: float) -> None:
    _family(name)(lambda batch, i, j: {name: pairwise(
        scorer, [batch.folded[k] for k in i], [batch.folded[k] for k in j]) / scale})


_scorer("char", Indel.normalized_similarity, 1.0)  # characters, case folded
_scorer("partial", fuzz.partial_ratio, 100.0)  # the best substring match
_scorer("token_set", fuzz.token_set_ratio, 100.0)


@_family("number_miss")
def _number_miss(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    numbers = batch.scalars(lambda p: hash(p.numbers))
    return {"number_miss": (numbers[i] != numbers[j]).astype(float)}  # a number only one gives


@_family("raw_length", "token_gap")
def _lengths(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    words, tokens = Batch.sizes(batch.words), batch.length
    return {"raw_length": share(np.minimum(words[i], words[j]), np.maximum(words[i], words[j])),
            "token_gap": np.minimum(np.abs(tokens[i] - tokens[j]), 12) / 12}


@_family("run", "run_weight")
def _runs(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """The longest phrase only one side has, in tokens (up to 12) and in weight."""
    run_ij, weight_ij = _unmatched_runs(batch, i, j)
    run_ji, weight_ji = _unmatched_runs(batch, j, i)
    return {"run": np.minimum(np.maximum(run_ij, run_ji), 12) / 12, "run_weight": np.maximum(weight_ij, weight_ji)}


@_family("negation", "modal")
def _function_words(batch: Batch, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """Words the tokens drop but a reader does not: "did not" vs "did", "could" vs "did"."""
    negations, modals = batch.scalars(lambda p: p.negations), batch.scalars(lambda p: p.modals)
    return {"negation": (negations[i] != negations[j]).astype(float),
            "modal": (modals[i] != modals[j]).astype(float)}


class Features(Mapping[str, np.ndarray]):
    """The features of the pairs (i[k], j[k]) of a batch by name, each an array
    in [0, 1], computed when first asked for.

    Bounded on purpose: the weights were fitted on MRPC, whose pairs were all
    picked for their overlap, and must not meet values unrelated pairs could reach.
    """

    def __init__(self, batch: Batch, i: np.ndarray, j: np.ndarray) -> None:
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
