"""Alignment: which claims of different sources state the same thing.

Every cross-source pair a shared-token index proposes (``blocking``) is scored
(``score``) and the pairs at or above ``Settings.align_threshold`` are linked;
links form groups (``groups``). The result is a value the judge receives: the
groups and the run's IDF (the judge scores the clauses of the pairs it compares).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reconcile.align.blocking import candidates
from reconcile.align.encode import Batch, profile
from reconcile.align.groups import groups
from reconcile.align.score import Scorer
from reconcile.model import Alignment, Claim, Link
from reconcile.settings import Settings
from reconcile.text.tokens import idf_table


def align(claims: Sequence[Sequence[Claim]], settings: Settings, anchor: int | None = None) -> Alignment:
    """Link the claims of different sources that state the same thing and group
    them: a group is a connected set of links, so one claim may stand for two
    sentences of another source. Claims with no link are in no group.

    ``claims[s]`` are the claims of source ``s``. With ``anchor`` (``check``: the
    draft), only pairs with a claim of that source are linked."""
    every = [c for source in claims for c in source]
    idf = idf_table(c.sentence.text for c in every)
    scorer = Scorer(idf, settings)
    keys = [(c.sentence.source, c.sentence.index) for c in every]
    batch = Batch([profile(c.sentence.text) for c in every], idf, scorer.abc)
    i, j = candidates(batch, np.array([k[0] for k in keys], dtype=int), settings, anchor)
    if not len(i):
        return Alignment((), idf)
    scores = scorer.distinct(batch.profiles, i, j)
    keep = np.flatnonzero(scores >= settings.align_threshold).tolist()
    links = [
        Link(min(keys[i[k]], keys[j[k]]), max(keys[i[k]], keys[j[k]]), round(score, 4), exact=score)
        for k, score in zip(keep, scores[keep].tolist())
    ]
    return Alignment(tuple(groups(links)), idf)
