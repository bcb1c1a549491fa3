"""Which mentions tell of one happening: within an article (a re-mention, "the
meeting") and across sources (the meeting every outlet reports). Names,
dates and the event word each count; two meetings of different people stay apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.data import events as words
from reconcile.facts import dates, entities
from reconcile.model import DateValue, Entity, EntityKind, Event, Mention, Reading
from reconcile.settings import Settings


def _weight(e: Entity) -> float:
    return {EntityKind.PERSON: 1.0, EntityKind.ORG: 1.0, EntityKind.NAME: 0.7}.get(e.kind, 0.25)


def unique(people: Iterable[Entity]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for e in people:
        if not any(_same(e, o) for o in out):
            out.append(e)
    return tuple(out)


def _same(a: Entity, b: Entity) -> bool:
    return _same_name(a.key, a.kind, b.key, b.kind)


@lru_cache(maxsize=65536)
def _same_name(a: str, a_kind: EntityKind, b: str, b_kind: EntityKind) -> bool:
    return entities.same_entity(Entity(0, 0, a, a_kind, a), Entity(0, 0, b, b_kind, b))


@lru_cache(maxsize=65536)
def _fit(a: DateValue, b: DateValue) -> bool:
    return dates.compatible(a, b)


def overlap(a: Sequence[Entity], b: Sequence[Entity]) -> float | None:
    """How far two sets of participants are the same, by weight (people and
    organisations count more than places); None when either side names nobody."""
    a, b = unique(a), unique(b)
    if not a or not b:
        return None
    shared = sum(_weight(x) for x in a if any(_same(x, y) for y in b))
    # a lone shared place ("US") is weak evidence: it counts as half a name at most
    return shared / max(min(sum(map(_weight, a)), sum(map(_weight, b))), 0.5)


def _actors(people: Sequence[Entity]) -> list[Entity]:
    return [e for e in people if e.kind is not EntityKind.PLACE]


def shared_actor(a: Sequence[Entity], b: Sequence[Entity]) -> bool:
    return any(_same(x, y) for x in _actors(a) for y in _actors(b))


def distinct_people(a: Sequence[Entity], b: Sequence[Entity]) -> bool:
    """Do two mentions name different actors? Places never tell ("the meeting in
    Beijing" may well be the meeting with Wang)."""
    return bool(_actors(a) and _actors(b)) and not shared_actor(a, b)


def times_agree(a: Iterable[DateValue], b: Iterable[DateValue]) -> bool:
    bs = list(b)
    return all(_fit(x, y) for x in a for y in bs)


def affinity(
    a_lemmas: set[str],
    a_people: Sequence[Entity],
    a_dates: Sequence[DateValue],
    b_lemmas: set[str],
    b_people: Sequence[Entity],
    b_dates: Sequence[DateValue],
) -> float:
    """How likely two sets of mentions tell of one happening, in [0, 1].

    The same word counts most; a different word of the same kind needs a shared
    actor (a person, an organisation, a name: not just a place) and dates that fit. Dates that do not fit are allowed only for
    the same word with shared participants (that is a date conflict to report,
    not a different event), and cost a little, so a match whose dates fit wins."""
    a_kinds = {words.KINDS[x][0] for x in a_lemmas}
    b_kinds = {words.KINDS[x][0] for x in b_lemmas}
    if a_lemmas & b_lemmas - {"general"}:
        word = 1.0
    elif a_kinds & b_kinds - {"general"}:
        word = 0.5
    else:
        return 0.0
    people = overlap(a_people, b_people)
    agree = times_agree(a_dates, b_dates)
    if (not agree and (word < 1.0 or not people)) or (word < 1.0 and not shared_actor(a_people, b_people)):
        return 0.0
    # dates that fit break ties: the meeting of the same day, not a later one
    return 0.5 * word + 0.5 * (0.5 if people is None else people) - (0.0 if agree else 0.1)


# -- across sources ----------------------------------------------------------


def _name(ms: Sequence[Mention]) -> str:
    lemmas = Counter(m.trigger.lemma for m in ms if m.trigger.lemma != "general")
    if not lemmas:
        return "event"
    top = max(lemmas.values())
    lemma = next(m.trigger.lemma for m in ms if lemmas.get(m.trigger.lemma) == top)
    return words.KINDS[lemma][1]


@dataclass
class _Happening:
    """An event being merged: what its mentions so far say, deduplicated."""

    lemmas: set[str]
    kinds: set[str]
    people: list[Entity]
    dates: list[DateValue]
    mentions: list[Mention]
    sources: set[int]
    weakest: float = 1.0

    def add(self, ms: Sequence[Mention], score: float) -> None:
        self.lemmas |= {m.trigger.lemma for m in ms}
        self.kinds |= {m.trigger.kind for m in ms}
        self.people = list(unique([*self.people, *(e for m in ms for e in m.participants)]))
        self.dates = list(dict.fromkeys([*self.dates, *(d.value for m in ms for d in m.anchors)]))
        self.mentions.extend(ms)
        self.sources |= {m.source for m in ms}
        self.weakest = min(self.weakest, score)


def match(readings: Sequence[Reading], settings: Settings) -> list[Event]:
    """Merge each article's happenings with the same happenings told before by
    other sources: best pairs first, never two happenings of one article in one
    event. Each article is compared with the events so far, not with every
    other article, so a hundred sources cost a hundred passes."""
    merged: list[_Happening] = []
    for r in readings:
        groups = [[r.mentions[i] for i in cluster] for cluster in r.clusters()]
        pairs: list[tuple[float, int, int]] = []
        for gi, g in enumerate(groups):
            lemmas = {m.trigger.lemma for m in g}
            kinds = {m.trigger.kind for m in g} - {"general"}
            people = [e for m in g for e in m.participants]
            values = [d.value for m in g for d in m.anchors]
            for hi, h in enumerate(merged):
                if not kinds & h.kinds:
                    continue
                score = affinity(lemmas, people, values, h.lemmas, h.people, h.dates)
                if score >= settings.event_match_threshold:
                    pairs.append((score, gi, hi))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        taken_g: set[int] = set()
        taken_h: set[int] = set()
        for score, gi, hi in pairs:
            if gi in taken_g or hi in taken_h:
                continue
            taken_g.add(gi)
            taken_h.add(hi)
            merged[hi].add(groups[gi], score)
        for gi, g in enumerate(groups):
            if gi not in taken_g:
                h = _Happening(set(), set(), [], [], [], set())
                h.add(g, 1.0)
                merged.append(h)
    ordered = sorted(merged, key=lambda h: min((m.source, m.index) for m in h.mentions))
    return [
        Event(n, _name(h.mentions), tuple(sorted((m.source, m.index) for m in h.mentions)), round(h.weakest, 3))
        for n, h in enumerate(ordered)
    ]
