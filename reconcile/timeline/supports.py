"""What a time claim rests on: alternative sets of sentences, the most compact
first, so the conflict a reader is shown names the fewest sources and sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconcile.model import Support

ALTERNATIVES = 3
"""A claim keeps at most this many alternative grounds, those with the fewest
sources and sentences first: more only slow the search for a minimal set when a
hundred sources repeat one date."""


def simplest(supports: Iterable[Support]) -> tuple[Support, ...]:
    # a subset never has more sources or sentences, so it comes first
    ordered = sorted(set(supports), key=lambda s: (len({k[0] for k in s}), len(s), sorted(s)))
    kept: list[Support] = []
    for s in ordered:
        if not any(o < s for o in kept):
            kept.append(s)
            if len(kept) == ALTERNATIVES:
                break
    return tuple(kept)


def cross(*groups: Sequence[Support]) -> tuple[Support, ...]:
    """Ways of taking one alternative from each group, the most compact first."""
    out: list[Support] = [frozenset()]
    for group in groups:
        if group:
            out = list(simplest(a | b for a in out for b in group))
    return tuple(out)
