"""Findings and the report that carries them: what the renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


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
    # The document as people read it (a web page's plain view), for renderers that
    # show whole sources; evidence offsets index into it.
    text: str = field(default="", repr=False, compare=False)
    markup: bool = field(default=False, compare=False)  # a web page: ``text`` is padded where markup stood


@dataclass(frozen=True)
class DatedEvent:
    """An event the sources' time claims place, as a report carries it for a
    timeline drawing: no solver state, only what a reader needs to see."""

    label: str  # "the meeting of Wang Wentao and Sanjay Mehrotra"
    sources: tuple[int, ...]  # the sources whose time claims are about it
    earliest: date | None  # None: unbounded on that side
    latest: date | None
    disputed: bool = False  # the dates are the clashing claims' own, not a range all sources allow
    conflict: bool = False  # it takes part in a date, weekday or order contradiction
    spans: tuple[tuple[int, int, int], ...] = ()  # (source, start, end): the words that date or order it
    lines: tuple[tuple[int, int], ...] = ()  # (source, line) of the sentences saying so
    year_known: bool = True  # False: no source states the year, the dates' year is a stand-in


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
    events: tuple[DatedEvent, ...] = ()  # the merged timeline's placed events, in time order
    not_claims: tuple[Evidence, ...] = ()  # what of the sources on trial states nothing; detail says why

    def of(self, kind: Kind) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is kind)

    @property
    def counts(self) -> dict[str, int]:
        return {k.value: sum(1 for f in self.findings if f.kind is k) for k in Kind}
