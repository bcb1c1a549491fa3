"""What several renderers share: rule lookup, ordering, paths, version."""

from __future__ import annotations

import re
from bisect import bisect_left

from reconcile.model import Evidence, Finding, Kind
from reconcile.rules import BY_ID, Rule

DISTRIBUTION = "reconcile-claims"
"""The name reconcile is installed under: ``reconcile`` on PyPI is another project.
The command and the import name stay ``reconcile``."""
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}
KIND_RANK = {Kind.CONTRADICTION: 0, Kind.UNSUPPORTED: 1, Kind.AGREEMENT: 2}
_SPACE = re.compile(r"\s+")


def tool_version() -> str:
    """The installed package version; a source checkout that was never installed says 0.0.0."""
    from importlib import (
        metadata,  # 25 ms: only the formats that print the version pay it
    )

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0.0.0"


def rule_of(finding: Finding) -> Rule:
    """The rule a finding reports under; an unknown id is a bug upstream, so it raises."""
    return BY_ID[finding.rule]


def by_seriousness(findings: tuple[Finding, ...]) -> list[Finding]:
    """Most serious first (severity, then contradictions before unsupported), stable
    otherwise, so capped outputs such as GitHub annotations keep what matters."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_RANK[rule_of(f).severity], KIND_RANK[f.kind]),
    )


_CLOSING = frozenset("’”.,;:!?)]}")  # not ' or ": they open quotes as often as they close them


def shown(evidence: Evidence) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentence as people read it, on one line, and its highlights as offsets
    into that: white space runs as one space, and in a web page's text none before
    closing punctuation, where only markup or an entity's padding stood
    ("Micron&#8217;s" reads "Micron’s")."""
    text = evidence.readable
    kept = [m.start() for m in re.finditer(r"\S", text)]
    for run in _SPACE.finditer(text):
        after = text[run.end() : run.end() + 1]
        if run.start() and after and not (evidence.plain and after in _CLOSING):
            kept.append(run.start())
    kept.sort()
    line = "".join(" " if text[i].isspace() else text[i] for i in kept)
    spans = tuple(
        (bisect_left(kept, start - evidence.start), bisect_left(kept, end - evidence.start))
        for start, end in evidence.highlights
    )
    return line, spans


def where(evidence: Evidence) -> str:
    """``file:line`` of a piece of evidence."""
    return f"{evidence.path}:{evidence.line}"
