"""How sure a candidate conflict is: a logistic model over what weighs on it,
fitted by ``bench/fit_judge.py`` leaving one labelled story out at a time, and
kept with its provenance in ``reconcile/data/fitted/judge.json``.

The probability is what the report calls a contradiction's score, so a score
of 0.9 should be right about nine times in ten (docs/accuracy.md measures it).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

FEATURES = (
    "link",  # how surely the two sentences say the same thing (the alignment score)
    "context",  # how alike the words around the two facts are (rarity weighted)
    "near:number",  # how alike the few words right beside two amounts are: what they count
    "near:date",  # ... beside two dates: what they date
    "named",  # the slot is named on both sides: the same counted noun, a name's role
    "clause",  # found in clauses the aligner matched, not by slot alone
    "timed",  # two amounts whose clauses place them at other times (an update, not a conflict)
    "mutual",  # each fact is the other's best match in its source
    "alone",  # 1 / (facts of the slot in one source x in the other): 1 when each states one
    "exclusive",  # neither source states the other's value anywhere
    "masked:number",  # how alike the two sentences are with the two values masked: one amount
    "masked:date",  # ... one date (alike sentences with other dates are mostly misread dates)
    "masked:entity",  # ... one name in the other's place
    "masked:negation",  # ... the opposite words (or the negation) masked
    "about",  # two opposite words that apply to the same thing ("profit" rose / fell)
    "heading",  # a side is a title line
    "outscored",  # how much better another sentence of the same source matches a side
    "type:number",
    "type:date",
    "type:entity",
    "type:negation",
)
"""What a candidate conflict is described by; a feature a candidate lacks is 0."""

FITTED_PATH = Path(__file__).resolve().parents[1] / "data" / "fitted" / "judge.json"


@lru_cache(maxsize=1)
def fitted() -> dict[str, Any]:
    """The fitted weights and threshold with their provenance (data, command, date, figures)."""
    return json.loads(FITTED_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def probability(features: Iterable[tuple[str, float]], weights: Mapping[str, float]) -> float:
    """The logistic of the weighted features, bias included."""
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
