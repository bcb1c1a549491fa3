"""Solving the time claims: a system of difference constraints over days is
consistent exactly when its graph has no negative cycle (Bellman-Ford); a
negative cycle is shrunk to an irreducible set of sentences that cannot all hold."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reconcile.model import Key, TimeClaim

Weight = tuple[int, float]  # (days, instants): compared in that order
Edge = tuple[int, int, Weight, int]  # (from, to, weight, claim index): time(to) - time(from) <= weight
_ANY: float = float("inf")  # a bound on days says nothing of the order within a day
_ZERO: Weight = (0, 0)


def constraint_edges(claims: Sequence[TimeClaim], origin: int, keep: Iterable[int]) -> list[Edge]:
    """Each bound as an edge. "After" and "before" are strict: the event came
    later, if perhaps on the same day; so "X after Y" and "Y after X" cannot both
    hold, while "after the meeting" and "on the day of the meeting" can."""
    out: list[Edge] = []
    for k in keep:
        c = claims[k]
        b = origin if c.other is None else c.other
        strict = c.kind == "order"
        if c.high is not None:
            out.append((b, c.event, (c.high, -1 if strict and c.high == 0 else _ANY), k))
        if c.low is not None:
            out.append((c.event, b, (-c.low, -1 if strict and c.low == 0 else _ANY), k))
    return out


def _plus(a: Weight, b: Weight) -> Weight:
    return a[0] + b[0], a[1] + b[1]


def _pred_cycle(n: int, edges: Sequence[Edge], pred: Sequence[int]) -> list[int] | None:
    """A cycle of the predecessor graph, as edge indexes in path order."""
    state = [0] * n  # 0 unseen, else the walk that saw it
    for start in range(n):
        if state[start]:
            continue
        walk = start + 1
        v = start
        while v != -1 and not state[v]:
            state[v] = walk
            v = edges[pred[v]][0] if pred[v] != -1 else -1
        if v != -1 and state[v] == walk:
            cycle = []
            u = v
            while True:
                k = pred[u]
                cycle.append(k)
                u = edges[k][0]
                if u == v:
                    break
            cycle.reverse()
            total = _ZERO
            for k in cycle:
                total = _plus(total, edges[k][2])
            if total < _ZERO:
                return cycle
    return None


def negative_cycle(n: int, edges: Sequence[Edge]) -> list[int] | None:
    """Edge indexes of a negative cycle, or None when the constraints can all hold."""
    dist: list[Weight] = [_ZERO] * n
    pred = [-1] * n
    for _ in range(n + 1):
        changed = False
        for i, (u, v, w, _) in enumerate(edges):
            d = (dist[u][0] + w[0], dist[u][1] + w[1])
            if d < dist[v]:
                dist[v] = d
                pred[v] = i
                changed = True
        if not changed:
            return None
        cycle = _pred_cycle(n, edges, pred)
        if cycle:
            return cycle
    return None  # not reached: n + 1 rounds always expose a negative cycle


def shortest(n: int, edges: Sequence[Edge], start: int) -> list[float]:
    """Shortest distances in days from ``start`` (inf where unbounded)."""
    inf = float("inf")
    dist: list[float] = [inf] * n
    dist[start] = 0
    for _ in range(n):
        changed = False
        for u, v, w, _ in edges:
            if dist[u] + w[0] < dist[v]:
                dist[v] = dist[u] + w[0]
                changed = True
        if not changed:
            break
    return dist


@dataclass(frozen=True)
class Conflict:
    """Claims that cannot all hold, and the sentences they rest on."""

    sentences: tuple[Key, ...]  # minimal: without any one of them the rest can hold
    claims: tuple[int, ...]  # the negative cycle, in order
    used: tuple[int, ...]  # every claim those sentences make that bears on it


def _active(claims: Sequence[TimeClaim], pool: Iterable[int], kept: frozenset[Key]) -> list[int]:
    return [k for k in pool if any(s <= kept for s in claims[k].supports)]


def minimal_conflict(claims: Sequence[TimeClaim], n: int, cycle: Sequence[int], active: Sequence[int]) -> Conflict:
    """Shrink a negative cycle's claims to an irreducible set of sentences.

    What the cycle's sources say again elsewhere (the meeting's date in another
    sentence) are candidates too; sentences of the sources with the fewest
    sentences in play are dropped first, so a conflict is told with as few
    sources as it needs."""
    origin = n - 1
    pairs = {frozenset((claims[k].event, origin if claims[k].other is None else claims[k].other)) for k in cycle}
    sources = {claims[k].source for k in cycle}
    pool_claims = set(cycle) | {
        k for k in active
        if claims[k].source in sources
        and frozenset((claims[k].event, origin if claims[k].other is None else claims[k].other)) in pairs
    }
    kept: set[Key] = set()
    for k in pool_claims:
        for s in claims[k].supports:
            kept |= s
    pool_claims |= {k for k in active if any(s <= kept for s in claims[k].supports)}
    per_source = Counter(s for s, _ in kept)
    current = frozenset(kept)
    for key in sorted(kept, key=lambda x: (per_source[x[0]], x[0], x[1])):
        trial = current - {key}
        if negative_cycle(n, constraint_edges(claims, origin, _active(claims, pool_claims, trial))) is not None:
            current = trial
    used = _active(claims, pool_claims, current)
    edges = constraint_edges(claims, origin, used)
    found = negative_cycle(n, edges)
    assert found is not None
    order = list(dict.fromkeys(edges[i][3] for i in found))
    return Conflict(tuple(sorted(current)), tuple(order), tuple(sorted(used)))


def solve(claims: Sequence[TimeClaim], n_events: int) -> tuple[list[Conflict], list[int]]:
    """The conflicts, one by one, and the claims left that can all hold.

    After each conflict its cycle's claims are set aside, so the same clash is
    never reported twice through a repeated claim."""
    n = n_events + 1
    origin = n_events
    active = list(range(len(claims)))
    conflicts: list[Conflict] = []
    while True:
        edges = constraint_edges(claims, origin, active)
        cycle = negative_cycle(n, edges)
        if cycle is None:
            return conflicts, active
        conflict = minimal_conflict(claims, n, list(dict.fromkeys(edges[i][3] for i in cycle)), active)
        conflicts.append(conflict)
        gone = set(conflict.claims)
        active = [k for k in active if k not in gone]
