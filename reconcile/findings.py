"""What every stage that makes or keeps findings shares: evidence located in its
file, the documented order, the merge of the judge's and the timeline's findings,
and the content fingerprint that SARIF alerts and baselines key on.

One module, so neither the timeline nor suppression reaches into the judge or a
renderer for them.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterable, Sequence

from reconcile.model import Analysis, Document, Evidence, Finding, Kind, Report, Verdict

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


_KIND_ORDER = {Kind.CONTRADICTION: 0, Kind.UPDATE: 1, Kind.ATTRIBUTED: 2, Kind.AGREEMENT: 3, Kind.UNSUPPORTED: 4}


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
    """Hash of what the finding is about: its rule, what is disputed (the slot and
    the set of normalised values) and the set of its files with their sentences,
    case and spacing folded. Neither line numbers nor the order of sources, sides
    or findings enter it, so moved text and reordered inputs keep their alert;
    SARIF results and baselines (reconcile.suppression) key on the same hash."""
    cited = sorted({(repository_path(e.path, root), fold(e.sentence).casefold()) for e in finding.evidence})
    values = sorted({side.normalised for side in finding.sides})
    content = json.dumps([finding.rule, finding.slot, values, cited], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def verdicts(report: Report) -> list[Verdict]:
    """One verdict per sentence of the draft (source 0) of a ``check`` report, in
    text order, the first that holds of: contradicted (a disagreement cites it),
    unsupported (no source makes the claim, or gives a detail of it), supported (an
    agreement cites it), not a claim. Every draft sentence is in some finding or
    set aside (the judge accounts for each), so none is left without one."""
    cited: dict[int, tuple[Evidence, list[int]]] = {}
    for n, f in enumerate(report.findings):
        for e in f.evidence:
            if e.source == 0:
                cited.setdefault(e.start, (e, []))[1].append(n)
    out = [_verdict(report, e, found) for e, found in cited.values()]
    out += [Verdict(e, "not a claim", e.detail) for e in report.not_claims if e.source == 0 and e.start not in cited]
    return sorted(out, key=lambda v: v.claim.start)


def _verdict(report: Report, claim: Evidence, found: list[int]) -> Verdict:
    by = {kind: [n for n in found if report.findings[n].kind in kind] for kind in
          ((Kind.CONTRADICTION,), (Kind.UPDATE, Kind.ATTRIBUTED), (Kind.UNSUPPORTED,), (Kind.AGREEMENT,))}
    disputed, changed, alone, agreed = by.values()
    if disputed:
        return Verdict(claim, "contradicted", report.findings[disputed[0]].reason, tuple(disputed))
    if alone:
        return Verdict(claim, "unsupported", report.findings[alone[0]].reason, tuple(alone))
    if agreed or changed:
        reason = report.findings[(agreed or changed)[0]].reason
        return Verdict(claim, "supported", reason, tuple(agreed + changed))
    return Verdict(claim, "not a claim", "")
