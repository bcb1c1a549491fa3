"""What several renderers share: rule lookup, ordering, paths, version, the
summary line and the way a sentence or a document is shown to people."""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reconcile.findings import verdicts
from reconcile.model import VERDICTS, Evidence, Finding, Kind, Report, UnusedSuppression, Verdict
from reconcile.rules import BY_ID, Rule

if TYPE_CHECKING:
    from rich.console import RenderableType

DISTRIBUTION = "reconcile-claims"
"""The name reconcile is installed under: ``reconcile`` on PyPI is another project.
The command and the import name stay ``reconcile``."""
SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}
KIND_RANK = {Kind.CONTRADICTION: 0, Kind.UPDATE: 1, Kind.ATTRIBUTED: 2, Kind.UNSUPPORTED: 3, Kind.AGREEMENT: 4}
RARE = (Kind.UPDATE, Kind.ATTRIBUTED)
"""Kinds a report names only when it has some: most stories have neither."""
_SPACE = re.compile(r"\s+")
UNWRAPPED = 1 << 20  # characters a line may have in plain text: no line of a report comes near


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


def by_seriousness(findings: Iterable[Finding]) -> list[Finding]:
    """Most serious first (severity, then contradictions before unsupported, then the
    most certain), stable otherwise, so capped outputs such as GitHub annotations keep
    what matters."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_RANK[rule_of(f).severity], KIND_RANK[f.kind], -f.score),
    )


def names(paths: Sequence[str]) -> list[str]:
    """Each source's file name, or its path where two share a name: short enough
    to list several on a line, long enough to tell them apart."""
    counts = Counter(os.path.basename(p) for p in paths)
    return [os.path.basename(p) if counts[os.path.basename(p)] == 1 else p for p in paths]


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


def reading_view(text: str) -> tuple[str, list[int]]:
    """A web page's plain view as people read it, and where each of its offsets
    (and the end) falls in that: a run of white space is one space, or a line
    break or a blank line if it holds them, and none before closing punctuation
    or at the start, where only markup or an entity's padding stood (as in
    ``shown``). Spans of the plain view map to spans of the result."""
    out: list[str] = []
    at: list[int] = []
    size = 0
    done = 0
    for run in _SPACE.finditer(text):
        for _ in range(done, run.start()):
            at.append(size)
            size += 1
        out.append(text[done : run.start()])
        after = text[run.end() : run.end() + 1]
        breaks = text.count("\n", run.start(), run.end())
        if not run.start() or not after or after in _CLOSING:
            keep = ""
        else:
            keep = "\n\n" if breaks > 1 else "\n" if breaks else " "
        at.extend([size] * (run.end() - run.start()))
        out.append(keep)
        size += len(keep)
        done = run.end()
    for _ in range(done, len(text)):
        at.append(size)
        size += 1
    out.append(text[done:])
    at.append(size)
    return "".join(out), at


def places(lines: Iterable[tuple[int, int]], paths: Sequence[str]) -> list[str]:
    """ "1-thaw.txt:1", "2-tensions-easing.txt:10,16": the lines of each source,
    from (source, line) pairs, by file name."""
    by_source: dict[int, set[int]] = {}
    for source, line in lines:
        by_source.setdefault(source, set()).add(line)
    return [
        f"{os.path.basename(paths[source])}:{','.join(map(str, sorted(by_source[source])))}"
        for source in sorted(by_source)
    ]


def verdict_counts(found: Iterable[Verdict]) -> dict[str, int]:
    """Sentences by verdict, every verdict named, in the order an editor acts."""
    told = Counter(v.verdict for v in found)
    return {verdict: told[verdict] for verdict in VERDICTS}


def counted(count: int, word: str, plural: str = "") -> str:
    """ "1 source", "3 sources"."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


def summary_line(report: Report) -> str:
    """One line of counts, the first thing a reader of the text report sees: the
    draft's claims by verdict in check mode, the findings by kind in compare mode
    (updates and attributed figures only when there are some)."""
    if report.mode == "check":
        draft, *sources = report.sources
        told = ", ".join(f"{n} {verdict}" for verdict, n in verdict_counts(verdicts(report)).items())
        name = os.path.basename(draft.path)
        return f"{told} ({name}: {counted(draft.sentences, 'sentence')}; {counted(len(sources), 'source')})"
    c = report.counts
    parts = [counted(c["contradiction"], "contradiction")]
    parts += [counted(c[kind.value], noun) for kind, noun in zip(RARE, ("update", "attributed figure")) if c[kind.value]]
    parts += [counted(c["agreement"], "agreement"), f"{c['unsupported']} unsupported"]
    sentences = sum(s.sentences for s in report.sources)
    return f"{', '.join(parts)} ({counted(len(report.sources), 'source')}, {counted(sentences, 'sentence')})"


def unused_line(u: UnusedSuppression) -> str:
    """A suppression that matched nothing, on one line: where, what, why."""
    place = u.path if u.line is None else f"{u.path}:{u.line}"
    what = " ".join(u.text.split()) if u.line is not None else f'baseline entry "{u.text}"'
    return f"{place}: unused suppression {what}: {u.reason}"


def plain(items: Iterable[RenderableType], width: int | None = None) -> str:
    """Rich renderables as plain text for files, pipes and CI logs: no styling, no
    trailing spaces, and with no ``width`` nothing wrapped, so a ``file:line:column``
    or the summary stays on one line for grep and for people."""
    import io

    from rich.console import Console  # only the text formats pay for rich

    buffer = io.StringIO()
    console = Console(file=buffer, width=width or UNWRAPPED, no_color=True, force_terminal=False, highlight=False)
    for item in items:
        console.print(item)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
