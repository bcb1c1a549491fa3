"""A disagreement (a contradiction, an update, attributed figures) as every format
shows it: located at the draft's sentence in check mode and at the first source's
in compare mode, its other sentences each with the value it states, its sides on
one line: "2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)".

A finding whose sides the judge has not filled shows its evidence alone, so
no format depends on sides being there.

A short report (the text report unless told to show everything, a pull-request
comment) lists a few of a disagreement's sentences: a story told by 100 sources has
sides of 90 sources. It lists the values most sources state, at most ``VALUES``; of a
side its label names the sources of, each sentence; of a side more sources state,
the first, and says how many more sources state it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.model import Evidence, Finding, Kind, Side
from reconcile.render._common import counted, shown

DISAGREEMENTS = frozenset({Kind.CONTRADICTION, Kind.UPDATE, Kind.ATTRIBUTED})
NAMED = 3  # a side stated by more sources is labelled with their number, not their names
VALUES = 4  # values of a disagreement a short report lists, those most sources state


def lead(finding: Finding, mode: str) -> Evidence:
    """The sentence a finding is located at: the draft's in check mode (the one an
    editor changes), else the first."""
    if mode == "check":
        return next((e for e in finding.evidence if e.source == 0), finding.evidence[0])
    return finding.evidence[0]


def others(finding: Finding, mode: str) -> list[Evidence]:
    """Every sentence of the finding but its lead, in source order."""
    first = lead(finding, mode)
    return [e for e in finding.evidence if e is not first]


def value_of(finding: Finding, evidence: Evidence) -> str:
    """The value a sentence states in a disagreement; "" when the sides are not known."""
    return next((s.value for s in finding.sides if evidence in s.evidence), "")


def label(side: Side, names: Sequence[str]) -> str:
    """ "3 (tvn6.txt, wire.txt)", or "6,000 (48 sources)" when naming them would not help."""
    sources = side.sources
    who = ", ".join(names[s] for s in sources) if len(sources) <= NAMED else f"{len(sources)} sources"
    return f"{side.value} ({who})"


def sides_line(finding: Finding, names: Sequence[str]) -> str:
    """ "2 (sentinel.txt) vs 3 (tvn6.txt, wire.txt)"; "" without sides."""
    return " vs ".join(label(side, names) for side in finding.sides)


def message(finding: Finding, names: Sequence[str]) -> str:
    """The finding's reason, then what is disputed and its sides when the reason
    does not already say them: one line for an annotation, a result or a heading."""
    line = sides_line(finding, names)
    if not line or line in finding.reason:
        return finding.reason
    return f"{finding.reason}; {finding.slot + ': ' if finding.slot else ''}{line}"


def cited(finding: Finding, evidence: Evidence, where: str) -> str:
    """A sentence of a finding on one line after its place and the value it states:
    "tvn6.txt:2 (3): Three patients were treated.\""""
    value = value_of(finding, evidence)
    return f"{where} ({value}): {shown(evidence)[0]}" if value else f"{where}: {shown(evidence)[0]}"


def listed_sides(finding: Finding) -> list[Side]:
    """The sides a short report lists: the ``VALUES`` that most sources state, in
    their order."""
    sides = finding.sides
    kept = set(sorted(range(len(sides)), key=lambda i: -len(sides[i].sources))[:VALUES])
    return [side for i, side in enumerate(sides) if i in kept]


def voices(side: Side, cited: Sequence[Evidence]) -> list[Evidence]:
    """The sentences a short report lists of a side (``cited``: those it may show):
    each when the side's label names its sources, else the first."""
    return list(cited) if len(side.sources) <= NAMED else list(cited[:1])


def unlisted(side: Side, cited: Sequence[Evidence], listed: Sequence[Evidence]) -> str:
    """What a short report leaves out of a side: "44 more sources state 17,400, in
    89 sentences"; "1 more sentence of these sources"; "" for nothing."""
    sources = len({e.source for e in cited} - {e.source for e in listed})
    sentences = len(cited) - len(listed)
    if not sources:
        return f"{counted(sentences, 'more sentence')} of these sources" if sentences else ""
    said = f"{counted(sources, 'more source')} state{'s' if sources == 1 else ''} {side.value}"
    return said if sentences == sources else f"{said}, in {counted(sentences, 'sentence')}"


def unlisted_sides(finding: Finding, listed: Sequence[Side]) -> str:
    """The values a short report leaves out: "48 more values, stated by 77 sources";
    "" for none."""
    left = [side for side in finding.sides if side not in listed]
    if not left:
        return ""
    sources = len({s for side in left for s in side.sources})
    return f"{counted(len(left), 'more value')}, stated by {counted(sources, 'source')}"
