"""Blocking: which pairs of sentences are worth a full score, found through an
index of shared tokens rather than by trying every pair."""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import LCSseq

from reconcile.align.encode import SLICE, Batch, cpdist, distinct
from reconcile.settings import Settings


def candidates(batch: Batch, sources: np.ndarray, settings: Settings,
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
    sizes = Batch.sizes(batch.tokens)
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
            found = [distinct(np.concatenate(found))]
    pair = distinct(np.concatenate(found))
    if not len(pair):
        return none, none
    i, j = pair // n, pair % n
    shared = np.concatenate([  # in slices: rapidfuzz copies every string it is given
        cpdist([batch.tokens[k] for k in i[at : at + SLICE]],
                [batch.tokens[k] for k in j[at : at + SLICE]], LCSseq.similarity, dtype=np.int32)
        for at in range(0, len(i), SLICE)
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
