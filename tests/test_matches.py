"""Clause matches found for a whole batch of clause tables at once are the ones
the judge found table by table: each row's and each column's best cell, the
first when tied, if it scores at least the threshold."""

from __future__ import annotations

import numpy as np
import pytest

from reconcile.judge.matches import best_partners


def one_by_one(table: np.ndarray, threshold: float) -> tuple[tuple[int, int, float], ...]:
    rows, cols = table.shape
    best = {(i, int(table[i].argmax())) for i in range(rows)} | {(int(table[:, j].argmax()), j) for j in range(cols)}
    return tuple(sorted((i, j, float(table[i, j])) for i, j in best if table[i, j] >= threshold))


@pytest.mark.parametrize("seed", range(20))
def test_a_batch_matches_what_each_table_alone_matches(seed: int) -> None:
    rng = np.random.default_rng(seed)
    # few distinct values, so that rows and columns tie
    tables = [rng.choice([0.1, 0.5, 0.5, 0.9], size=(rng.integers(1, 5), rng.integers(1, 5)))
              for _ in range(rng.integers(1, 8))]
    found = best_partners(np.concatenate([t.ravel() for t in tables]), np.array([t.shape[0] for t in tables]),
                          np.array([t.shape[1] for t in tables]), 0.4)
    assert found == [one_by_one(t, 0.4) for t in tables]


def test_a_tie_goes_to_the_first_cell() -> None:
    table = np.array([[0.7, 0.7], [0.7, 0.9]])  # row 0 and column 0 tie: (0, 1) and (1, 0) lose
    assert best_partners(table.ravel(), np.array([2]), np.array([2]), 0.5) == [((0, 0, 0.7), (1, 1, 0.9))]


def test_no_tables_no_matches() -> None:
    assert best_partners(np.zeros(0), np.zeros(0, dtype=int), np.zeros(0, dtype=int), 0.5) == []
