"""What every stage that makes or keeps findings shares: evidence located in its
file, the documented order, the merge of the judge's and the timeline's findings,
and the content fingerprint that SARIF alerts and baselines key on.

One module, so neither the timeline nor suppression reaches into the judge or a
renderer for them.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Iterable, Sequence

from reconcile.model import Analysis, Document, Evidence, Finding, Kind

_SPACE = re.compile(r"\s+")


def evidence(
    doc: Document,
    source: int,
    start: int,
    end: int,
    highlights: Iterable[tuple[int, int]] = (),
    detail: str = "",
) -> Evidence:
    """A source's sentence located for people and machines."""
    line, column = doc.locate(start)
    end_line, end_column = doc.locate(end)
    return Evidence(
        source=source,
        path=doc.path,
        sentence=doc.text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        highlights=tuple(sorted(h for h in highlights if start <= h[0] and h[1] <= end)),
        detail=detail,
        plain=doc.plain[start:end] if doc.markup else "",
    )


def set_aside(analysis: Analysis, source: int) -> list[Evidence]:
    """What of a document is no claim about the event, located, each with why:
    sentences (a headline, no content word) and the lines reading left out
    (boilerplate, the date line, a repeated headline), in text order."""
    doc = analysis.doc
    spans = [(s.start, s.end, why) for s, why in analysis.not_claims] + list(doc.excluded)
    return [evidence(doc, source, start, end, detail=why) for start, end, why in sorted(spans)]


def short(path: str) -> str:
    """A file's name, for reasons: the evidence carries the full path."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


_KIND_ORDER = {Kind.CONTRADICTION: 0, Kind.AGREEMENT: 1, Kind.UNSUPPORTED: 2}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The documented order: contradictions, agreements, unsupported; then by
    first source, position in it, and rule; duplicates dropped."""
    unique = dict.fromkeys(findings)
    return sorted(
        unique,
        key=lambda f: (
            _KIND_ORDER[f.kind],
            [(e.source, e.start, e.end) for e in f.evidence],
            f.rule,
            f.reason,
        ),
    )


def merge(judged: Sequence[Finding], timeline: Sequence[Finding], draft: bool = False) -> list[Finding]:
    """The judge's findings plus the timeline's, in the documented order; a date
    or weekday clash the judge already reports for the same sentences is kept once.
    With ``draft`` only clashes a sentence of source 0 takes part in count."""
    seen = [
        {(e.source, e.start) for e in f.evidence}
        for f in judged
        if f.kind is Kind.CONTRADICTION and f.type in ("date", "weekday")
    ]
    extra = [
        f for f in timeline
        if (f.type not in ("date", "weekday") or {(e.source, e.start) for e in f.evidence} not in seen)
        and (not draft or any(e.source == 0 for e in f.evidence))
    ]
    return sort_findings([*judged, *extra])


def fold(text: str) -> str:
    """Runs of white space (line breaks included) as one space: one-line displays."""
    return _SPACE.sub(" ", text).strip()


def repository_path(path: str, root: str) -> str:
    """``path`` as code scanning and annotations want it: relative to the repository
    root with forward slashes. Relative paths are kept as given (they are relative to
    the working directory, which CI runs at the root); absolute ones are made relative
    to ``root`` when they lie under it and left absolute otherwise."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path, root)
        except ValueError:  # another drive on Windows
            relative = os.pardir
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            path = relative
    path = path.replace(os.sep, "/")
    return posixpath.normpath(path) if path else path


def fingerprint(finding: Finding, root: str) -> str:
    """Hash of what the finding is about: rule, sources and their sentences with case
    and spacing folded. Line numbers are left out so moved text keeps its alert;
    SARIF results and baselines (reconcile.suppression) key on the same hash."""
    parts = [finding.rule]
    for e in finding.evidence:
        parts.append(repository_path(e.path, root))
        parts.append(fold(e.sentence).casefold())
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
