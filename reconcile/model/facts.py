"""What a sentence states: its quantities, dates, names and polarity cues, and
the claim they make up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from reconcile.model.text import Clause, Document, Sentence


@dataclass(frozen=True)
class Quantity:
    """A number as a sentence states it, with what it is about: ``unit`` says what kind of
    number it is, ``counted`` what it counts and ``per`` the period of a rate, so that only
    like is compared with like (facts/quantities.py says how each is read). An empty
    ``counted`` is unknown, not a thing of its own."""

    start: int
    end: int
    text: str
    value: float  # in the base unit of its dimension, scale words applied
    unit: str  # "count", "percent", "percentage-point", "currency:USD", "length:m", "duration:s",
    # "age:year" (an age, not a count), "rank" ("No. 23", "23rd"), "tally" ("7-2", "6-4")
    low: float  # the interval the wording admits: rounding, "about", "more than"
    high: float
    qualifier: str = ""  # "", "about", "nearly", "just over", "more than", "less than", "at least",
    # "at most", "between"
    counted: str = ""  # lemma of the noun counted or described ("212,400 patients" -> "patient",
    # "a four-day week" -> "week", "the toll rose to 45" -> "toll"); "" when the sentence names none
    per: str = ""  # lemma of what a rate is per ("$11,450 a month" -> "month"); "" when no rate
    parts: tuple[float, ...] = ()  # a tally's numbers as written ("7-2" -> (7.0, 2.0)); () otherwise


class Granularity(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # of a year
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    WEEKDAY = "weekday"  # a weekday with no date
    TIME = "time"  # a time of day on no stated day ("at 3 a.m.")
    PRESENT = "present"  # "now", "currently": the time of writing, no bounds stated
    VAGUE = "vague"  # "recently", "earlier this year" with no reference


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time or a part of the day, as the minutes of its day the words allow.

    ``earliest`` and ``latest`` count from the start of the day the value names and
    may pass 1440: "Tuesday night" runs into Wednesday morning. A time on the hour
    admits half an hour either way ("3 a.m." may be 2:50), "just before 7 a.m." the
    half hour before it; ``offset`` is None when the zone is unstated, local or unknown.
    """

    earliest: int
    latest: int
    clock: int | None = None  # the minute the words state ("7 a.m." = 420); None for a part of the day
    part: str = ""  # "morning", "afternoon", "evening", "night"
    qualifier: str = ""  # "just before", "about", "after"...
    zone: str = ""  # as stated: "GMT", "EST", "local", "Nordmark"
    offset: tuple[int, int] | None = None  # minutes east of UTC the zone allows ("ET": -300..-240)


@dataclass(frozen=True)
class DateValue:
    """What a date expression pins down, with no invented precision."""

    granularity: Granularity
    year: int | None = None
    month: int | None = None  # for a quarter, half or season: its first month
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    earliest: date | None = None  # resolved interval, when a reference date allows it
    latest: date | None = None
    relative: str = ""  # the relative wording kept when it cannot be resolved
    future: bool = False
    time: TimeOfDay | None = None  # a clock time or part of the day, on the day(s) above


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
    claims: tuple[Claim, ...]  # the sentences that state something about the event
    not_claims: tuple[tuple[Sentence, str], ...] = ()  # the others, with why: "headline", ...
