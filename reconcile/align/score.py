"""The alignment score: how surely two sentences state the same claim.

A logistic combination of overlap features (``reconcile.align.features``: rarity
weighted, order aware, phrasing, numbers) with weights fitted on the MRPC
paraphrase corpus by ``bench/tune_alignment.py`` and kept, with their provenance,
in ``reconcile/data/fitted/alignment.json``; blended with containment.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from reconcile.align.encode import (
    SLICE,
    Alphabet,
    Batch,
    Profile,
    cross,
    paired,
    profile,
)
from reconcile.align.features import Features
from reconcile.model import Claim, Key
from reconcile.settings import Settings

FITTED_PATH = Path(__file__).resolve().parents[1] / "data" / "fitted" / "alignment.json"
"""The weights ``bench/tune_alignment.py --write`` fitted, with where they came from."""


@lru_cache(maxsize=1)
def fitted() -> dict[str, Any]:
    """The fitted alignment parameters and their provenance (data, command, date, figure)."""
    return json.loads(FITTED_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def weights(settings: Settings) -> tuple[tuple[str, float], ...]:
    """The paraphrase weights a run uses: its settings' own, else the fitted file's."""
    if settings.align_weights is not None:
        return settings.align_weights
    return tuple((term, float(w)) for term, w in fitted()["weights"].items())


def feature_table(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None = None
                  ) -> dict[str, np.ndarray]:
    """Every feature of many sentence pairs at once, by name (for refitting the
    weights: bench/tune_alignment.py)."""
    return dict(Features(*paired(pairs, idf)))


def pair_similarities(pairs: Sequence[tuple[str, str]], idf: Mapping[str, float] | None = None,
                      settings: Settings | None = None) -> np.ndarray:
    """``similarity`` of many sentence pairs at once (the accuracy harness decides
    "same claim" for every pair of an MRPC file with it)."""
    return scores(*paired(pairs, idf), settings or Settings())


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


def scores(batch: Batch, i: np.ndarray, j: np.ndarray, settings: Settings) -> np.ndarray:
    f = Features(batch, i, j)
    return blend(paraphrase(f, weights(settings)), f["cover_max"], settings.align_containment)


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
    batch, i, j = cross([a], [b], idf)
    return float(scores(batch, i, j, settings or Settings())[0])


def clause_scores(a: Claim, b: Claim, idf: Mapping[str, float] | None,
                  settings: Settings) -> np.ndarray:
    """Every clause of ``a`` against every clause of ``b`` (rows, columns), scored
    in one batch: the judge reads from it which clauses the other claim supports.
    A claim with no clauses counts as one clause, its whole sentence."""
    mine = [c.text for c in a.clauses] or [a.sentence.text]
    theirs = [c.text for c in b.clauses] or [b.sentence.text]
    batch, i, j = cross(mine, theirs, idf)
    return scores(batch, i, j, settings).reshape(len(mine), len(theirs))


class Scorer:
    """Scores sentence pairs with one run's IDF, encoding each text once for every
    batch it is scored in: the aligner scores candidates and linked clauses, the
    judge masked sentences and loose clauses, many of them the same texts."""

    def __init__(self, idf: Mapping[str, float], settings: Settings) -> None:
        self.idf = idf
        self.settings = settings
        self.abc = Alphabet()

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """``pair_similarities`` with this run's IDF, settings and encodings, each
        distinct pair of texts scored once."""
        ids: dict[str, int] = {}
        i, j = (np.fromiter((ids.setdefault(pair[side], len(ids)) for pair in pairs), dtype=np.int64,
                            count=len(pairs)) for side in (0, 1))
        return self.distinct([profile(t) for t in ids], i, j)

    def distinct(self, profiles: Sequence[Profile], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The score of each pair (profiles[i[k]], profiles[j[k]]), each distinct pair
        of texts scored once: a story that many outlets reprint repeats its
        sentences word for word. In slices, so memory stays bounded."""
        ids: dict[Profile, int] = {}
        text = np.fromiter((ids.setdefault(p, len(ids)) for p in profiles), dtype=np.int64, count=len(profiles))
        n = max(len(ids), 1)
        unique, inverse = np.unique(text[i] * n + text[j], return_inverse=True)
        batch = Batch(list(ids), self.idf, self.abc)
        a, b = unique // n, unique % n
        found = np.concatenate([np.zeros(0)] + [
            scores(batch, a[at : at + SLICE], b[at : at + SLICE], self.settings) for at in range(0, len(a), SLICE)
        ])
        return found[inverse.reshape(-1)]

    def clause_tables(self, pairs: Sequence[tuple[Claim, Claim]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every clause of ``a`` against every clause of ``b`` for each pair, all scored
        in one batch (see ``clause_scores``): each pair's table row by row (a row per
        clause of ``a``), one table after another, and each table's rows and columns."""
        texts: list[str] = []
        first: dict[Key, tuple[int, int]] = {}  # claim -> (first clause, clauses)
        for claim in (c for pair in pairs for c in pair):
            key = (claim.sentence.source, claim.sentence.index)
            if key not in first:
                mine = [c.text for c in claim.clauses] or [claim.sentence.text]
                first[key] = (len(texts), len(mine))
                texts.extend(mine)
        keys = [((a.sentence.source, a.sentence.index), (b.sentence.source, b.sentence.index)) for a, b in pairs]
        spans = np.array([first[ka] + first[kb] for ka, kb in keys], dtype=np.int64).reshape(-1, 4)
        cells = spans[:, 1] * spans[:, 3]
        starts = np.concatenate(([0], np.cumsum(cells)[:-1]))
        pair = np.repeat(np.arange(len(pairs)), cells)
        cell = np.arange(int(cells.sum())) - starts[pair]
        i = spans[pair, 0] + cell // spans[pair, 3]
        j = spans[pair, 2] + cell % spans[pair, 3]
        return self.distinct([profile(t) for t in texts], i, j), spans[:, 1], spans[:, 3]
