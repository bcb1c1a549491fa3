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
from reconcile.judge.compare import Conflict, Judge, facing, span
from reconcile.judge.slots import Slots, Stated, same_amount
from reconcile.model import DateMention, DateValue, Granularity, Link, Quantity


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
        if facts is not None and facts[0].type in ("number", "date") and _apart(j, link, *facts):
            continue
        features = _weigh(j, slots, *facts) if facts else {"context": link.score}
        if conflict.type == "negation":
            features["masked:negation"] = _masked(j, link, conflict)
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


def _masked(j: Judge, link: Link, conflict: Conflict) -> float:
    """How alike two sentences are with the words a conflict opposes masked
    ("profit" and "loss", "not" and nothing)."""
    keys = (link.a, link.b)
    spans = [[(j.claims[keys[side]].sentence.start + start, j.claims[keys[side]].sentence.start + end)
              for s, start, end in conflict.spans if s == side] for side in (0, 1)]
    return j.masked(link.a, spans[0], link.b, spans[1])


def _weigh(j: Judge, slots: Slots, x: Stated, y: Stated, sim: float | None = None) -> dict[str, float]:
    """What weighs on two facts of one slot disagreeing: how alike their contexts
    are, whether the slot is named on both sides (the same counted noun, a name's
    role words shared), whether they are each other's best match and alone in
    their slot, whether either source states the other's value anywhere; for
    amounts whether their clauses place them at other times, and how alike the
    sentences are with the two values masked (one value in the other's place)."""
    context = slots.alike(x, y) if sim is None else sim
    if x.type == "number":
        named = bool(x.fact.counted) and x.slot == y.slot  # type: ignore[union-attr]
    else:
        named = x.type == "entity" and context > 0
    features = {"context": context, "named": float(named), **slots.weigh(x, y),
                "exclusive": float(j.exclusive(x.type, x.key, x.fact, y.key, y.fact))}
    if x.type in ("number", "date"):
        features[f"near:{x.type}"] = slots.similarity(x.near, y.near)
    if x.type == "number":
        features["timed"] = float(slots.timed(x, y))
    features[f"masked:{x.type}"] = j.masked(x.key, [span(x.fact)], y.key, [span(y.fact)])
    return features


def _a_day_apart(a: DateValue, b: DateValue) -> bool:
    """One day read from "today", "this morning" or "yesterday" against a date line,
    and the other a day off: a date line a time zone ahead of the event, or a
    report filed overnight, not a dispute of the sources."""
    if not any(v.relative and v.earliest and v.earliest == v.latest for v in (a, b)):
        return False
    return bool(a.earliest and b.earliest and a.latest and b.latest
                and min(abs((a.earliest - b.latest).days), abs((b.earliest - a.latest).days)) == 1)


def _apart(j: Judge, link: Link, x: Stated, y: Stated) -> bool:
    """Are two values of one slot values of different things, or one value read two
    ways? The two sources print the same words (a relative date resolved against two
    publication dates is our reading, not their dispute); either sentence also gives
    the other's value of the same thing (a list read in another order: "from October 16 to November 14",
    "three, a man and two women"); an amount's clause places it in another year; a
    day read from "today" is a day off the other (``_a_day_apart``)."""
    if " ".join(x.fact.text.lower().split()) == " ".join(y.fact.text.lower().split()):
        return True
    fa, fb = j.claims[link.a].facts, j.claims[link.b].facts
    if x.type == "number":
        def same(u: Quantity, v: Quantity) -> bool:
            return same_amount(u, v) and quantities.compatible(u, v)
        return _other_scope(x, y) or any(same(x.fact, q) for q in fb.quantities) \
            or any(same(q, y.fact) for q in fa.quantities)  # type: ignore[arg-type]

    def told(u: DateMention, v: DateMention) -> bool:
        return u.value.granularity == v.value.granularity and dates.compatible(u.value, v.value)
    return _a_day_apart(x.fact.value, y.fact.value) or any(told(x.fact, d) for d in fb.dates) \
        or any(told(d, y.fact) for d in fa.dates)  # type: ignore[arg-type, union-attr]


def _conflict(j: Judge, slots: Slots, link: Link, x: Stated, y: Stated) -> Conflict | None:
    """The conflict of two facts of one slot, if their values cannot both hold."""
    at_a, at_b = j.claims[link.a].sentence.start, j.claims[link.b].sentence.start
    if x.type == "number":
        if _apart(j, link, x, y):
            return None
        return facing("number", x.fact, quantities.describe(x.fact), at_a,  # type: ignore[arg-type]
                      y.fact, quantities.describe(y.fact), at_b)  # type: ignore[arg-type]
    if x.type == "date":
        vx, vy = x.fact.value, y.fact.value  # type: ignore[union-attr]
        if dates.compatible(vx, vy) or _apart(j, link, x, y):
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
