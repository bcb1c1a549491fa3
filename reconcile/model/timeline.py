"""The timeline: the events each article tells of, the time claims about them,
and the merged order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reconcile.model.facts import DateMention, Entity, Key
from reconcile.model.report import Finding

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


Support = frozenset[Key]


@dataclass(frozen=True)
class TimeClaim:
    """One bound a source puts on when something happened.

    With ``other`` None: the event's day (a date ordinal) lies in [low, high];
    else the days from ``other`` to ``event`` do. None is unbounded."""

    kind: str  # "date", "weekday" (a weekday read as a date), "relative", "offset", "order"
    event: int
    other: int | None
    low: int | None
    high: int | None
    supports: tuple[Support, ...]  # alternative sets of sentences it rests on
    source: int
    sentence: int  # the sentence that states it
    spans: tuple[tuple[int, int], ...]  # what to highlight there
    text: str  # the words as written: "Nov. 1", "on Friday", "a day after"
    note: str = ""  # how it was read: "the Friday nearest to Nov. 1"


@dataclass(frozen=True)
class Placed:
    """An event on the merged timeline."""

    event: Event
    label: str  # "the meeting", with names when two events share a word
    earliest: date | None
    latest: date | None
    claims: tuple[TimeClaim, ...]  # every claim about it, conflicting ones too
    conflicts: tuple[int, ...]  # indexes into Timeline.findings


@dataclass(frozen=True)
class Timeline:
    paths: tuple[str, ...]
    year: int | None  # the year month-and-day dates were read in; None: unknown
    events: tuple[Placed, ...]  # in time order, undated last
    findings: tuple[Finding, ...]  # order, date and weekday contradictions
    readings: tuple[Reading, ...] = field(repr=False, default=())
    event_of: dict[Ref, int] = field(repr=False, default_factory=dict)
    lines: dict[Key, int] = field(repr=False, default_factory=dict)  # line of each sentence
