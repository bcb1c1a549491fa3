"""Candidate conflicts of a pair of claims, each with the evidence that weighs
for and against it, for ``confidence`` to turn into a probability.

Two ways find them. Clause by clause (``Judge.conflicts``): the clauses two
aligned sentences match, their facts compared. Slot by slot (``Slots``): a
quantity against the other claim's quantity of the same unit and counted noun,
a date against a date whose surrounding words the other shares, a name against
another name of its kind in the same role; this reaches claims told in other
words, which the clause match misses.
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.facts import dates, quantities
from reconcile.judge.compare import Conflict, Judge, facing
from reconcile.judge.slots import Slots, Stated
from reconcile.model import Granularity, Link


@dataclass(frozen=True)
class Candidate:
    """A way two claims may disagree, and what weighs on it (``confidence.FEATURES``)."""

    link: Link
    conflict: Conflict
    features: tuple[tuple[str, float], ...]
    facts: tuple[Stated, Stated] | None = None  # the two facts opposed, as the slots read them


def candidates(j: Judge, slots: Slots, link: Link, heading: bool, outscored: float) -> list[Candidate]:
    """Every candidate conflict of a pair of claims, the best one per type (and for
    amounts per unit).
    ``outscored``: how much better another sentence of either claim's partner
    source matches it (the sentence that matches best speaks for its source)."""
    base = {"link": link.score, "heading": float(heading), "outscored": outscored}
    found: dict[tuple[str, str], Candidate] = {}

    def keep(conflict: Conflict, features: dict[str, float], facts: tuple[Stated, Stated] | None) -> None:
        kind = conflict.type
        merged = {**base, f"type:{'date' if kind == 'weekday' else kind}": 1.0, **features}
        c = Candidate(link, conflict, tuple(sorted(merged.items())), facts)
        unit = facts[0].fact.unit if facts and kind == "number" else ""  # type: ignore[union-attr]
        old = found.get((kind, unit))  # a vote's tally and its budget are two disputes
        if old is None or _strength(old) < _strength(c):
            found[(kind, unit)] = c

    for conflict in j.conflicts(link.a, link.b):
        facts = _stated(j, slots, link, conflict)
        if facts is not None and facts[0].type == "number" and _other_scope(*facts):
            continue
        features = _weigh(j, slots, *facts) if facts else {"context": link.score}
        about = {"about": 1.0} if conflict.about else {}
        keep(conflict, {**features, **about, "clause": 1.0, "context": max(features["context"], link.score)}, facts)
    minimum = j.settings.slot_context
    for kind in ("number", "date", "entity"):
        for x, y, sim in slots.facing(link.a, link.b, kind):
            conflict = _conflict(j, slots, link, x, y)
            if conflict is not None:
                features = _weigh(j, slots, x, y, sim)
                if sim >= minimum or features["named"]:
                    keep(conflict, features, (x, y))
    return list(found.values())


def _strength(c: Candidate) -> float:
    named = dict(c.features)
    return named.get("mutual", 0.0) + named.get("exclusive", 0.0) + named.get("context", 0.0)


def _stated(j: Judge, slots: Slots, link: Link, conflict: Conflict) -> tuple[Stated, Stated] | None:
    """The two facts a clause-found conflict opposes, as the slots read them."""
    keys = (link.a, link.b)
    at = [j.claims[k].sentence.start for k in keys]
    sides = []
    for side in (0, 1):
        spans = {(at[side] + start, at[side] + end) for s, start, end in conflict.spans if s == side}
        sides.append(next((x for x in slots.of.get(keys[side], ()) if (x.fact.start, x.fact.end) in spans), None))
    return (sides[0], sides[1]) if sides[0] is not None and sides[1] is not None else None


def _weigh(j: Judge, slots: Slots, x: Stated, y: Stated, sim: float | None = None) -> dict[str, float]:
    """What weighs on two facts of one slot disagreeing: how alike their contexts
    are, whether the slot is named on both sides (the same counted noun, a name's
    role words shared), whether they are each other's best match and alone in
    their slot, whether either source states the other's value anywhere; for
    amounts whether their clauses place them at other times, for names how alike
    the sentences are with the two names masked."""
    context = slots.alike(x, y) if sim is None else sim
    if x.type == "number":
        named = bool(x.fact.counted) and x.slot == y.slot  # type: ignore[union-attr]
    else:
        named = x.type == "entity" and context > 0
    features = {"context": context, "named": float(named), **slots.weigh(x, y),
                "exclusive": float(j.exclusive(x.type, x.key, x.fact, y.key, y.fact))}
    if x.type == "number":
        features["timed"] = float(slots.timed(x, y))
    if x.type == "entity":
        features["masked"] = j.masked(x.key, x.fact, y.key, y.fact)  # type: ignore[arg-type]
    return features


def _conflict(j: Judge, slots: Slots, link: Link, x: Stated, y: Stated) -> Conflict | None:
    """The conflict of two facts of one slot, if their values cannot both hold."""
    at_a, at_b = j.claims[link.a].sentence.start, j.claims[link.b].sentence.start
    if x.type == "number":
        same = [(u, v) for u, v, _ in slots.facing(link.a, link.b, "number") if u.slot == x.slot and v.slot == y.slot]
        if _other_scope(x, y) or any(quantities.compatible(u.fact, v.fact) for u, v in same  # type: ignore[arg-type]
                                     if u is x or v is y):
            return None  # the other claim also gives the same amount: two amounts of different things
        return facing("number", x.fact, quantities.describe(x.fact), at_a,  # type: ignore[arg-type]
                      y.fact, quantities.describe(y.fact), at_b)  # type: ignore[arg-type]
    if x.type == "date":
        vx, vy = x.fact.value, y.fact.value  # type: ignore[union-attr]
        if dates.compatible(vx, vy):
            return None
        kind = "weekday" if Granularity.WEEKDAY in (vx.granularity, vy.granularity) else "date"
        return facing(kind, x.fact, dates.describe(vx), at_a, y.fact, dates.describe(vy), at_b)
    if j.rivals(link.a, x.fact, link.b, y.fact):  # type: ignore[arg-type]
        return facing("entity", x.fact, f"{x.slot}:{x.fact.key}", at_a,  # type: ignore[union-attr]
                      y.fact, f"{y.slot}:{y.fact.key}", at_b)  # type: ignore[union-attr]
    return None


def _other_scope(x: Stated, y: Stated) -> bool:
    """Does one side date what it counts to another year ("a 2022 phishing attack
    exposed 4,100 patients")? Then the two count different things."""
    return x.year != y.year
