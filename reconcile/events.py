"""Event mentions: what happened, who took part, when, and in what order.

An article tells of a handful of happenings (a meeting, a statement, a ban),
names each several times ("held a meeting", "The pivotal meeting", "the
meeting held on Wednesday") and places them in time two ways: by dates
attached to a mention ("In a meeting on Nov. 1") and by relations between
mentions ("The statement came a day after ... the regulator said operators
should stop buying"). This module reads those from one article, links the
re-mentions of one happening, and matches happenings across sources. What the
times amount to is `reconcile.timeline`'s business.

Everything is read from the sentence's slice of ``Document.plain``, so every
span is a document offset.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.data import events as words
from reconcile.data import numbers as num
from reconcile.facts import dates, entities
from reconcile.model import Claim, Clause, DateMention, DateValue, Document, Entity, EntityKind
from reconcile.settings import Settings

Ref = tuple[int, int]  # (source, mention index in its article)


@dataclass(frozen=True)
class Trigger:
    """The word or phrase naming an event ("meeting", "banned", "stop buying")."""

    start: int
    end: int
    text: str
    lemma: str  # "meet" for "met", "meeting"; "general" for "the move", "It"
    kind: str  # see `reconcile.data.events.KINDS`
    definite: bool  # "the statement", "this move": refers back when it can
    indefinite: bool = False  # "an announcement": a new one, never one told in the same words


@dataclass(frozen=True)
class Mention:
    source: int
    sentence: int  # index of its sentence in the document
    index: int  # position among the article's mentions
    trigger: Trigger
    participants: tuple[Entity, ...]  # the names in its part of the sentence
    anchors: tuple[DateMention, ...]  # the dates said of it
    refers_to: int | None = None  # an earlier mention of the same happening


@dataclass(frozen=True)
class Relation:
    """The days from mention ``other`` to mention ``mention`` lie in [low, high];
    None is unbounded ("after": [0, None]; "a day after": [1, 1])."""

    source: int
    sentence: int  # the sentence that says it
    start: int
    end: int
    text: str  # the phrase: "a day after", "follows", "Consequently"
    mention: int
    other: int
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Reading:
    """The events of one article."""

    source: int
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]

    def clusters(self) -> list[tuple[int, ...]]:
        """Mentions of one happening, linked by their references, in text order."""
        root = list(range(len(self.mentions)))

        def find(i: int) -> int:
            while root[i] != i:
                root[i] = root[root[i]]
                i = root[i]
            return i

        for m in self.mentions:
            if m.refers_to is not None:
                root[find(m.index)] = find(m.refers_to)
        groups: dict[int, list[int]] = {}
        for m in self.mentions:
            groups.setdefault(find(m.index), []).append(m.index)
        return sorted((tuple(g) for g in groups.values()), key=lambda g: g[0])


@dataclass(frozen=True)
class Event:
    """One happening, as every source that tells of it mentions it."""

    id: int
    name: str  # "meeting": what a derivation calls it
    members: tuple[Ref, ...]  # sorted
    score: float  # the weakest cross-source match that joined it (1.0: one source)

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({s for s, _ in self.members}))


# -- patterns ----------------------------------------------------------------


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, any white space inside."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


_TRIGGER = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<noun>{_alternation(words.NOUNS)})|(?P<verb>{_alternation(words.VERBS)})"
    rf"|(?P<general>{_alternation(words.GENERAL)}))(?![\w-])"
)
_NOT_EVENT = re.compile("|".join(f"(?:{p})" for p in words.NOT_EVENTS), re.I)
_DETERMINER = re.compile(r"(?i)\b(?P<det>the|this|that|these|those|a|an|another)\s+(?:[\w’'-]+\s+){0,2}$")
_COUNT = {**num.ONES, **num.TEENS, "a": 1, "an": 1}
_OFFSET = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<n>\d{{1,3}}|{_alternation(_COUNT)})\s+)?(?P<unit>{_alternation(words.UNITS)}|hours?)"
    r"\s+(?P<dir>after|before|later|earlier|prior\s+to)(?![\w-])"
)
_RELATION_KINDS = (
    ("next", words.NEXT_DAY),
    ("passive", words.AFTER_PASSIVE),
    ("before", words.BEFORE),
    ("same", words.SAME),
    ("after", words.AFTER),
)
_PHRASE = re.compile(
    "(?i)(?<![\\w-])(?:"
    + "|".join(f"(?P<{kind}>{_alternation(table)})" for kind, table in _RELATION_KINDS)
    + ")(?![\\w-])"
)
_THEN = re.compile(rf"(?i)^[\s\"“‘']*(?P<then>{_alternation(words.THEN)})\b,?")
_PRONOUN = re.compile(rf"(?i)^[\s\"“‘']*(?P<p>{_alternation(words.PRONOUNS)})\b")
_NOT_RELATION = re.compile("|".join(f"(?:{p})" for p in words.NOT_RELATIONS), re.I)
_OPENING = re.compile(r"^[\s\"“‘'(]*$")


# -- triggers ----------------------------------------------------------------


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Event words of a sentence. A general noun ("move", "incident") counts only
    with "the"/"this": "a recent incident where the regulator conducted a review"
    is dated by the review, and "this move" stands for an event already told."""
    found: list[Trigger] = []
    blocked = [(x.start(), x.end()) for x in _NOT_EVENT.finditer(text)]
    for m in _TRIGGER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        det = _DETERMINER.search(text, 0, m.start())
        article = det.group("det").lower() if det and not m.group("verb") else ""
        definite = article in words.DEFINITE
        form = " ".join(m.group(0).lower().split())
        if m.group("general"):
            if not definite:
                continue
            lemma = "general"
        else:
            lemma = words.NOUNS.get(form) or words.VERBS[form]
        found.append(
            Trigger(
                offset + m.start(), offset + m.end(), m.group(0), lemma, words.KINDS[lemma][0], definite,
                article in words.INDEFINITE,
            )
        )
    return found


# -- one sentence ------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    start: int  # document offsets
    end: int
    text: str
    kind: str  # "offset", "next", "after", "before", "passive", "same"
    shape: str  # "infix" (X phrase Y), "prefix" (Phrase Y, X), "back" (X phrase; to the previous event)
    low: int | None
    high: int | None


def _bounds(kind: str, phrase: str) -> tuple[int | None, int | None]:
    if kind == "next":
        k = words.NEXT_DAY[" ".join(phrase.lower().split())]
        return k, k
    if kind == "same":
        return 0, 0
    if kind in ("after", "passive"):
        return 0, None
    return None, 0


def _offset_bounds(m: re.Match[str]) -> tuple[int | None, int | None]:
    unit = m.group("unit").lower()
    n_text = (m.group("n") or "").lower()
    later = m.group("dir").lower() in ("after", "later")
    if unit.startswith("hour"):
        low, high = 0, 1
    elif not n_text:  # "days after": at least one unit, no upper bound
        low, high = words.UNITS[unit][0], None
    else:
        n = int(n_text) if n_text.isdigit() else _COUNT[n_text]
        low, high = n * words.UNITS[unit][0], n * words.UNITS[unit][1]
    if later:
        return low, high
    return (-high if high is not None else None), -low


def _phrases(text: str, offset: int) -> list[_Phrase]:
    """Relation phrases of a sentence, longest reading first, look-alikes dropped."""
    blocked = [(m.start(), m.end()) for m in _NOT_RELATION.finditer(text)]
    candidates: list[tuple[int, int, str, int | None, int | None, bool]] = []
    for m in _OFFSET.finditer(text):
        low, high = _offset_bounds(m)
        anaphoric = m.group("dir").lower() in ("later", "earlier")
        candidates.append((m.start(), m.end(), "offset", low, high, anaphoric))
    for m in _PHRASE.finditer(text):
        kind = m.lastgroup or "after"
        low, high = _bounds(kind, m.group(0))
        candidates.append((m.start(), m.end(), kind, low, high, False))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    out: list[_Phrase] = []
    taken = 0
    for start, end, kind, low, high, anaphoric in candidates:
        if start < taken or any(a < end and start < b for a, b in blocked):
            continue
        taken = end
        if anaphoric:
            shape = "back"
        elif _OPENING.match(text[:start]):
            shape = "prefix"
        else:
            shape = "infix"
        out.append(_Phrase(offset + start, offset + end, text[start:end], kind, shape, low, high))
    return out


@dataclass
class _Sentence:
    """Working state for one sentence while its article is read."""

    index: int
    start: int
    phrases: list[_Phrase]
    cuts: list[int]  # region boundaries (document offsets), sorted, first = start, last = end
    mentions: list[int]  # article mention indexes, in text order


def _regions(plain: str, start: int, end: int, phrases: list[_Phrase]) -> list[int]:
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


def _weight(e: Entity) -> float:
    return {EntityKind.PERSON: 1.0, EntityKind.ORG: 1.0, EntityKind.NAME: 0.7}.get(e.kind, 0.25)


def _unique(people: Iterable[Entity]) -> tuple[Entity, ...]:
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
    a, b = _unique(a), _unique(b)
    if not a or not b:
        return None
    shared = sum(_weight(x) for x in a if any(_same(x, y) for y in b))
    # a lone shared place ("US") is weak evidence: it counts as half a name at most
    return shared / max(min(sum(map(_weight, a)), sum(map(_weight, b))), 0.5)


def _actors(people: Sequence[Entity]) -> list[Entity]:
    return [e for e in people if e.kind is not EntityKind.PLACE]


def _shared_actor(a: Sequence[Entity], b: Sequence[Entity]) -> bool:
    return any(_same(x, y) for x in _actors(a) for y in _actors(b))


def _distinct(a: Sequence[Entity], b: Sequence[Entity]) -> bool:
    """Do two mentions name different actors? Places never tell ("the meeting in
    Beijing" may well be the meeting with Wang)."""
    return bool(_actors(a) and _actors(b)) and not _shared_actor(a, b)


def _times_agree(a: Iterable[DateValue], b: Iterable[DateValue]) -> bool:
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
    agree = _times_agree(a_dates, b_dates)
    if (not agree and (word < 1.0 or not people)) or (word < 1.0 and not _shared_actor(a_people, b_people)):
        return 0.0
    # dates that fit break ties: the meeting of the same day, not a later one
    return 0.5 * word + 0.5 * (0.5 if people is None else people) - (0.0 if agree else 0.1)


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
                    and not _distinct(m.participants, self._people(cluster))
                    and _times_agree([d.value for d in m.anchors], self._dates(cluster))
                ):
                    return cluster[-1].index
        best, best_score = None, self.settings.event_match_threshold
        own = [d.value for d in m.anchors]
        for cluster in clusters:
            people = self._people(cluster)
            if (
                not _shared_actor(m.participants, people)
                or not _times_agree(own, self._dates(cluster))
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
        phrases = _phrases(text, s.start)
        # keep phrases only where they can relate something
        cuts = _regions(plain, s.start, s.end, phrases)
        previous = next((x for x in reversed(self.sentences) if x.mentions), None)
        pronoun = _PRONOUN.match(text)
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

        then = _THEN.match(text)
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


def read(doc: Document, claims: Sequence[Claim], source: int, settings: Settings) -> Reading:
    """The event mentions and relations of one article, in text order."""
    article = _Article(doc, source, settings)
    for claim in claims:
        article.read(claim)
    return article.result()


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
        self.people = list(_unique([*self.people, *(e for m in ms for e in m.participants)]))
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
