"""Which clauses of two claims state the same thing: each clause's best partner
on the other side, if it scores high enough, found for a whole batch of clause
tables at once (a story of a hundred sources matches tens of thousands)."""

from __future__ import annotations

import numpy as np


def best_partners(scores: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                  threshold: float) -> list[tuple[tuple[int, int, float], ...]]:
    """Of each clause table (``Scorer.clause_tables``: tables row by row, one after
    another), the cells (row, column, score) that are the best of their row or of
    their column (the first when tied, as ``argmax`` gives it) and score at least
    ``threshold``, by row then column: each clause's best partner on either side,
    if good enough. Worked out for every table at once."""
    if not len(scores):
        return [() for _ in range(len(rows))]
    sizes = rows * cols
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    table = np.repeat(np.arange(len(sizes)), sizes)
    cell = np.arange(len(scores)) - starts[table]
    i, j = cell // cols[table], cell % cols[table]
    best = np.zeros(len(scores), dtype=bool)
    for order, line, across in ((np.arange(len(scores)), i, j), (np.lexsort((i, j, table)), j, i)):
        # in ``order`` the cells of each row (then of each column) of a table stand together
        t, at, x, s = table[order], line[order], across[order], scores[order]
        first = np.flatnonzero(np.concatenate(([True], (t[1:] != t[:-1]) | (at[1:] != at[:-1]))))
        segment = np.repeat(np.arange(len(first)), np.diff(np.append(first, len(order))))
        top = np.maximum.reduceat(s, first)
        winner = np.minimum.reduceat(np.where(s == top[segment], x, len(scores)), first)
        best[order[x == winner[segment]]] = True
    keep = np.flatnonzero(best & (scores >= threshold))
    found: list[list[tuple[int, int, float]]] = [[] for _ in range(len(sizes))]
    for n, x, y, score in zip(table[keep].tolist(), i[keep].tolist(), j[keep].tolist(), scores[keep].tolist()):
        found[n].append((x, y, score))
    return [tuple(f) for f in found]
