"""Event mentions of one article: what happened, who took part, when, and in
what order.

An article tells of a handful of happenings (a meeting, a statement, a ban),
names each several times ("held a meeting", "The pivotal meeting", "the
meeting held on Wednesday") and places them in time two ways: by dates
attached to a mention ("In a meeting on Nov. 1") and by relations between
mentions ("The statement came a day after ... the regulator said operators
should stop buying"). This module reads those from one article and links the
re-mentions of one happening; ``matching`` matches happenings across sources.

Everything is read from the sentence's slice of ``Document.plain``, so every
span is a document offset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reconcile.data import events as words
from reconcile.model import (
    Claim,
    Clause,
    DateMention,
    DateValue,
    Document,
    Entity,
    Mention,
    Reading,
    Relation,
    Trigger,
)
from reconcile.settings import Settings
from reconcile.timeline.matching import (
    affinity,
    distinct_people,
    shared_actor,
    times_agree,
)
from reconcile.timeline.triggers import (
    PRONOUN,
    THEN,
    Phrase,
    find_triggers,
    time_phrases,
)


@dataclass
class _Sentence:
    """Working state for one sentence while its article is read."""

    index: int
    start: int
    phrases: list[Phrase]
    cuts: list[int]  # region boundaries (document offsets), sorted, first = start, last = end
    mentions: list[int]  # article mention indexes, in text order


def _regions(plain: str, start: int, end: int, phrases: list[Phrase]) -> list[int]:
    cuts = {start, end}
    for p in phrases:
        cuts.update((p.start, p.end))
        if p.shape == "prefix":
            comma = plain.find(",", p.end, end)
            if comma != -1:
                cuts.add(comma + 1)
    return sorted(cuts)


def _region(cuts: list[int], offset: int) -> tuple[int, int]:
    for a, b in zip(cuts, cuts[1:]):
        if a <= offset < b:
            return a, b
    return cuts[-2], cuts[-1]


def _segment(plain: str, lo: int, hi: int, offset: int) -> tuple[int, int]:
    """The comma-delimited stretch of a region holding an offset."""
    left = plain.rfind(",", lo, offset)
    right = plain.find(",", offset, hi)
    return (left + 1 if left != -1 else lo), (right if right != -1 else hi)


_OF = re.compile(r"(?i)\bof\s+(?:the\s+)?$")
_NEAR = 3  # words between a date and an event word after it ("On Friday the ministry released")


def _attach(
    plain: str, cuts: list[int], clauses: Sequence[Clause], triggers: list[Trigger], d: DateMention
) -> int | None:
    """The trigger a date belongs to: the nearest before it in its clause and
    part of the sentence; else the nearest after it within its comma stretch; a
    date that opens its part on its own ("In June, the firm announced") dates
    the first event after the comma. "Shares rose on Monday, as ... had banned"
    dates no ban; "met Mehrotra, who said shares rose on Monday" dates no meeting;
    "pleaded guilty on Thursday to ... a gay meeting place" dates no meeting."""
    lo, hi = _region(cuts, d.start)
    clause = next((c.start for c in clauses if c.start <= d.start < c.end), lo)
    before = [i for i, t in enumerate(triggers) if max(lo, clause) <= t.start and t.end <= d.start]
    if _OF.search(plain, lo, d.start):  # "the Chicago Convention of 1944" dates the convention
        return before[-1] if before and not plain[triggers[before[-1]].end : d.start].split()[1:] else None
    if before:
        return before[-1]
    a, b = _segment(plain, lo, hi, d.start)
    after = [i for i, t in enumerate(triggers) if d.end <= t.start and t.end <= b]
    if after and len(plain[d.end : triggers[after[0]].start].split()) <= _NEAR:
        return after[0]
    fronted = len(plain[a : d.start].split()) <= 2 and not plain[d.end : b].strip()
    if a == lo and b < hi and fronted:
        later = [i for i, t in enumerate(triggers) if b <= t.start < hi]
        return later[0] if later else None
    return None


# -- one article -------------------------------------------------------------


class _Article:
    """Reads one article's mentions sentence by sentence, resolving references
    against what was read before."""

    def __init__(self, doc: Document, source: int, settings: Settings) -> None:
        self.doc = doc
        self.source = source
        self.settings = settings
        self.mentions: list[Mention] = []
        self.relations: list[Relation] = []
        self.root: list[int] = []  # cluster representative of each mention
        self.groups: dict[int, list[int]] = {}  # representative -> its cluster's mentions
        self.sentences: list[_Sentence] = []

    # clusters while reading
    def _find(self, i: int) -> int:
        while self.root[i] != i:
            i = self.root[i]
        return i

    def _cluster(self, i: int) -> list[Mention]:
        return [self.mentions[j] for j in self.groups[self._find(i)]]

    def _lemmas(self, ms: list[Mention]) -> set[str]:
        return {m.trigger.lemma for m in ms}

    def _people(self, ms: list[Mention]) -> list[Entity]:
        return [e for m in ms for e in m.participants]

    def _dates(self, ms: list[Mention]) -> list[DateValue]:
        return [d.value for m in ms for d in m.anchors]

    def _antecedent(self, m: Mention, first_of_previous: int | None) -> int | None:
        """The earlier mention this one tells of again, if any.

        A pronoun stands for the previous sentence's first event; "the move" for
        the latest event of an earlier sentence; "the meeting" for the latest
        meeting whose participants and dates fit. Any other mention joins an
        earlier happening only if it shares an actor (a place is not enough) and
        its dates fit; "an announcement" never joins an earlier announcement."""
        t = m.trigger
        earlier = [x for x in reversed(self.mentions) if x.index < m.index]
        if t.kind == "general":
            if t.text.lower() in words.PRONOUNS:
                return first_of_previous
            return next((x.index for x in earlier if x.sentence < m.sentence), None)
        roots = list(dict.fromkeys(self._find(x.index) for x in earlier))
        clusters = [self._cluster(r) for r in roots]
        if t.definite:
            for cluster in clusters:
                if (
                    t.lemma in self._lemmas(cluster)
                    and not distinct_people(m.participants, self._people(cluster))
                    and times_agree([d.value for d in m.anchors], self._dates(cluster))
                ):
                    return cluster[-1].index
        best, best_score = None, self.settings.event_match_threshold
        own = [d.value for d in m.anchors]
        for cluster in clusters:
            people = self._people(cluster)
            if (
                not shared_actor(m.participants, people)
                or not times_agree(own, self._dates(cluster))
                or (t.indefinite and t.lemma in self._lemmas(cluster))
            ):
                continue
            score = affinity({t.lemma}, m.participants, own, self._lemmas(cluster), people, self._dates(cluster))
            if score >= best_score:
                best, best_score = cluster[-1].index, score + 1e-9
        return best

    def read(self, claim: Claim) -> None:
        s = claim.sentence
        plain = self.doc.plain
        text = plain[s.start : s.end]
        triggers = find_triggers(text, s.start)
        phrases = time_phrases(text, s.start)
        # keep phrases only where they can relate something
        cuts = _regions(plain, s.start, s.end, phrases)
        previous = next((x for x in reversed(self.sentences) if x.mentions), None)
        pronoun = PRONOUN.match(text)
        needs_pronoun = (
            pronoun is not None
            and previous is not None
            and any(p.shape == "infix" and not any(t.end <= p.start for t in triggers) for p in phrases)
        )
        if needs_pronoun:
            assert pronoun is not None
            a, b = s.start + pronoun.start("p"), s.start + pronoun.end("p")
            triggers.insert(0, Trigger(a, b, plain[a:b], "general", "general", True))
        anchors: dict[int, list[DateMention]] = {}
        for d in claim.facts.dates:
            i = _attach(plain, cuts, claim.clauses, triggers, d)
            if i is not None and not (needs_pronoun and i == 0):  # "This was achieved today": a stand-in dates nothing
                anchors.setdefault(i, []).append(d)
        first_of_previous = previous.mentions[0] if previous else None
        state = _Sentence(s.index, s.start, phrases, cuts, [])
        for i, t in enumerate(triggers):
            lo, hi = _region(cuts, t.start)
            # a reference ("the move", "It") names its event's participants elsewhere
            people = () if t.kind == "general" else tuple(
                e for e in claim.facts.entities if lo <= e.start and e.end <= hi
            )
            m = Mention(self.source, s.index, len(self.mentions), t, people, tuple(anchors.get(i, ())))
            self.mentions.append(m)
            self.root.append(m.index)
            ref = self._antecedent(m, first_of_previous)
            if ref is None:
                self.groups[m.index] = [m.index]
            else:
                m = Mention(m.source, m.sentence, m.index, t, people, m.anchors, ref)
                self.mentions[m.index] = m
                self.root[m.index] = self._find(ref)
                self.groups[self.root[m.index]].append(m.index)
            state.mentions.append(m.index)
        self.sentences.append(state)
        self._relate(state, previous, text)

    def _relate(self, state: _Sentence, previous: _Sentence | None, text: str) -> None:
        ms = [self.mentions[i] for i in state.mentions]
        last_before = previous.mentions[-1] if previous else None

        def add(x: Mention | None, y: int | None, low: int | None, high: int | None, a: int, b: int) -> None:
            if x is not None and y is not None and x.index != y:
                self.relations.append(
                    Relation(self.source, state.index, a, b, self.doc.plain[a:b], x.index, y, low, high)
                )

        then = THEN.match(text)
        if then and ms:
            sign = words.THEN[" ".join(then.group("then").lower().split())]
            low, high = (0, None) if sign > 0 else (None, 0)
            add(ms[0], last_before, low, high, state.start + then.start("then"), state.start + then.end("then"))
        for p in state.phrases:
            lo = _region(state.cuts, p.start - 1)[0] if p.start > state.start else p.start
            y_hi = _region(state.cuts, p.end)[1]
            before = [m for m in ms if lo <= m.trigger.start and m.trigger.end <= p.start]
            after = [m for m in ms if p.end <= m.trigger.start and m.trigger.end <= y_hi]
            later = [m for m in ms if m.trigger.start >= p.end]
            if p.shape == "back" or (p.kind == "next" and not after):
                x = before[-1] if before else (later[0] if later else None)
                add(x, last_before, p.low, p.high, p.start, p.end)
            elif p.shape == "prefix":
                rest = [m for m in ms if m.trigger.start >= y_hi]
                if after and rest:
                    add(rest[0], after[0].index, p.low, p.high, p.start, p.end)
            elif before and after:
                add(before[-1], after[0].index, p.low, p.high, p.start, p.end)

    def result(self) -> Reading:
        return Reading(self.source, tuple(self.mentions), tuple(self.relations))


def read_events(doc: Document, claims: Sequence[Claim], source: int, settings: Settings) -> Reading:
    """The event mentions and relations of one article, in text order."""
    article = _Article(doc, source, settings)
    for claim in claims:
        article.read(claim)
    return article.result()
