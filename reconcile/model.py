"""Plain dataclasses passed between the pipeline stages.

Every span is a pair of character offsets into the *decoded* text of its
document (``Document.text``), so a finding can always be shown exactly as the
file has it and located at line:column.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Document:
    """One source as read.

    ``plain`` has the same length as ``text``: markup and news debris are
    replaced by spaces there, so offsets found in ``plain`` are offsets in
    ``text`` and nothing needs remapping.
    """

    path: str
    text: str
    plain: str
    encoding: str = "utf-8"
    published: date | None = None
    warnings: tuple[str, ...] = ()
    excluded: tuple[tuple[int, int, str], ...] = ()  # (start, end, why) left out as debris
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    markup: bool = False  # a web page: people read its plain view, not its text

    def __post_init__(self) -> None:
        if len(self.plain) != len(self.text):
            raise ValueError("plain view must have the length of the text")
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            object.__setattr__(self, "line_starts", tuple(starts))

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def content(self, sentence: Sentence) -> tuple[str, date | None]:
        """All a sentence's clauses and facts depend on: its words and the article's
        date. Sentences alike in it are read (``facts.claims.Reader``) and judged
        (``reconcile.judge``) once, wherever they stand."""
        return self.plain[sentence.start : sentence.end], self.published


@dataclass(frozen=True)
class Sentence:
    source: int  # index of the document in the run
    index: int  # position of the sentence in its document
    start: int
    end: int
    text: str  # the analysis text: plain[start:end] with white space folded
    heading: bool = False  # a title line with no final punctuation


@dataclass(frozen=True)
class Clause:
    """A part of a sentence that can be supported on its own."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float  # in the base unit of its dimension, scale words applied
    unit: str  # dimension key: "percent", "count", "currency:USD", "length:m", ...
    low: float  # the interval the wording admits: rounding, "about", "more than"
    high: float
    qualifier: str = ""  # "", "about", "more than", "less than", "at least", "at most"


class Granularity(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    WEEKDAY = "weekday"  # a weekday with no date
    VAGUE = "vague"  # "recently", "earlier this year" with no reference


@dataclass(frozen=True)
class DateValue:
    """What a date expression pins down, with no invented precision."""

    granularity: Granularity
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    earliest: date | None = None  # resolved interval, when a reference date allows it
    latest: date | None = None
    relative: str = ""  # the relative wording kept when it cannot be resolved
    future: bool = False


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: DateValue


class EntityKind(str, Enum):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    NAME = "name"  # a proper name of unknown kind


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    kind: EntityKind
    key: str  # canonical form used to match variants ("wang wentao")
    role: tuple[str, ...] = ()  # words of the part it plays, as content tokens (facts/roles.py)


@dataclass(frozen=True)
class Cue:
    """A polarity cue: a negation ("not", "never") or a direction word ("rose")."""

    start: int
    end: int
    text: str
    sign: int  # -1 negation or downward, +1 upward
    frame: str = ""  # what a direction word is about ("change", "decision"); "" for negations
    before: tuple[str, ...] = ()  # content tokens on its left in its clause, nearest first: its subject
    after: tuple[str, ...] = ()  # and on its right: its object ("profit" in "a drop in profit")
    asserted: bool = True  # False when asked or supposed ("unclear whether it will rise", "if approved")


@dataclass(frozen=True)
class Opposition:
    """Two aligned clauses disagreeing on polarity, and on what: the judge's evidence."""

    frame: str  # the frame both words are in ("change", "vote"), or "negation": one negates what the other asserts
    cues: tuple[Cue, Cue]  # each clause's words as read, first clause first; a negated direction spans its negation
    about: tuple[str, ...]  # content tokens both words apply to ("profit"); () when a side names nothing
    negated: bool  # one side's word is negated ("did not rise" vs "rose")


@dataclass(frozen=True)
class Facts:
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    negations: tuple[Cue, ...] = ()
    directions: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A sentence with what was read from it: the unit that gets aligned."""

    sentence: Sentence
    clauses: tuple[Clause, ...]
    facts: Facts


Key = tuple[int, int]  # a claim: (source, sentence index)


@dataclass(frozen=True)
class Analysis:
    """What was read from one document: its sentences, and those of them that carry a claim."""

    doc: Document
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]  # the sentences with enough content to be checked


@dataclass(frozen=True)
class Link:
    """Two claims of different sources judged to state the same thing."""

    a: Key
    b: Key
    score: float


@dataclass(frozen=True)
class ClaimGroup:
    members: tuple[Key, ...]  # sorted
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Alignment:
    """What the aligner hands the judge: which claims state the same thing, and
    what comparing them clause by clause needs."""

    groups: tuple[ClaimGroup, ...]
    clauses: Mapping[tuple[Key, Key], np.ndarray]  # linked pair -> clause scores (rows: a's clauses)
    idf: Mapping[str, float]  # rarity of each content token over the run's sentences


class Kind(str, Enum):
    CONTRADICTION = "contradiction"
    AGREEMENT = "agreement"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Evidence:
    """One source's part in a finding, ready to print or serialise."""

    source: int
    path: str
    sentence: str  # the sentence exactly as in the file
    start: int  # span of the sentence
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    highlights: tuple[tuple[int, int], ...] = ()  # spans of the facts that matter
    detail: str = ""  # the clause meant, when the finding is about part of a sentence
    plain: str = ""  # a web page's sentence without markup, entities decoded; same length

    @property
    def readable(self) -> str:
        """The sentence as people read it: ``&nbsp;`` and ``<em>`` are for browsers.
        As long as ``sentence``, so highlights apply to either."""
        return self.plain or self.sentence


@dataclass(frozen=True)
class ComparedFact:
    source: int
    text: str
    value: str  # normalised, for machines


@dataclass(frozen=True)
class Finding:
    kind: Kind
    type: str  # number, date, weekday, entity, negation, order, claim, detail
    rule: str  # stable identifier, e.g. "RC101"
    reason: str  # one line
    score: float  # alignment score (agreements, contradictions) or 0.0
    evidence: tuple[Evidence, ...]
    facts: tuple[ComparedFact, ...] = ()


@dataclass(frozen=True)
class SourceInfo:
    path: str
    encoding: str
    sentences: int
    claims: int
    published: date | None
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class UnusedSuppression:
    """An inline ``reconcile: ignore`` comment or a baseline entry that matched no
    finding: stale suppressions hide future problems, so they are reported."""

    path: str  # the document holding the comment, or the baseline file
    line: int | None  # 1-based line of the comment; None for a baseline entry
    rules: tuple[str, ...]  # rule ids (or unknown names) that matched nothing; () = all
    text: str  # the comment as written, or the baseline entry's sentence
    reason: str  # one line


@dataclass(frozen=True)
class Report:
    sources: tuple[SourceInfo, ...]
    findings: tuple[Finding, ...]
    mode: str = "compare"  # "check": source 0 is the draft, the others its sources
    unused_suppressions: tuple[UnusedSuppression, ...] = ()

    def of(self, kind: Kind) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is kind)

    @property
    def counts(self) -> dict[str, int]:
        return {k.value: sum(1 for f in self.findings if f.kind is k) for k in Kind}


# -- the timeline: events, the time claims about them, the merged order ----------

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
